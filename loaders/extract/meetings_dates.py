"""Meetings: the date of an event and its relation to the article date; date compatibility for merging."""

from __future__ import annotations

import re

from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import DateValue, Sentence


def dates_of(doc: Doc, s: Sentence) -> list[DateValue]:
    """`doc.dates.for_sentence(s)`, computed once per sentence."""
    cache = doc.__dict__.setdefault("_syriakg_meeting_dates", {})
    if s.index not in cache:
        cache[s.index] = doc.dates.for_sentence(s) if doc.dates is not None else []
    return cache[s.index]


def article_lead_date(doc: Doc) -> tuple[int, DateValue] | None:
    """The date written in the article's first body sentence (the news date), with that sentence's index."""
    if doc.dates is None:
        return None
    cache = doc.__dict__.setdefault("_syriakg_meeting_dates", {})
    if "lead" not in cache:
        cache["lead"] = _compute_lead_date(doc)
    return cache["lead"]


def _compute_lead_date(doc: Doc) -> tuple[int, DateValue] | None:
    for s in doc.ex.sentences[:2]:
        if s.kind != "body":
            continue
        ds = [d for d in dates_of(doc, s) if d.precision in ("date", "gMonthDay") and
              not re.search(r"(?<!\w)(?:tới|sau|sắp)(?!\w)", d.text, re.IGNORECASE)]
        if ds:
            return s.index, ds[0]
    return None


def event_date(doc: Doc, i: int, cstart: int, b: int, e: int, cend: int, tstart: int, tend: int,
          pp_noun: bool = False) -> DateValue | None:
    if doc.dates is None:
        return None
    s = doc.ex.sentences[i]
    try:
        ds = dates_of(doc, s)
    except Exception:  # a resolver bug must not lose the event
        return None
    best: tuple[int, DateValue] | None = None
    for d in ds:
        if d.span is None:
            continue
        rb, re_ = d.span.begin - s.begin, d.span.end - s.begin
        if rb < cstart or re_ > cend:
            continue
        if rb >= e and tstart < rb < tend:
            # a date inside a purpose/topic phrase belongs to something else, unless introduced by "vào/ngày"
            pre = s.text[max(0, rb - 6): rb].lower()
            if not re.search(r"(?:vào|ngày|hôm|trong)\s*$", pre):
                continue
        dist = b - re_ if re_ <= b else rb - e
        if re_ <= b and pp_noun and not re.search(r"(?<!\w)(?:ngày|hôm|vào|tối|sáng|chiều|trưa|đêm|rạng\s+sáng)\s*$",
                                                  s.text[max(0, rb - 12): rb] + d.text[:6], re.IGNORECASE) and \
                not re.match(r"(?:ngày|hôm|vào|tối|sáng|chiều|trưa|đêm)", d.text, re.IGNORECASE):
            continue  # "bầu cử năm 2016 trong cuộc gặp": a year of something else, not the meeting's day
        if re_ <= b and "," in s.text[re_:b]:
            dist += 1000  # a date before the trigger across a comma: only if nothing nearer
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def date_relation(doc: Doc, d: DateValue | None) -> int | None:
    """-1/0/+1: the event date before, on or after the article's date (publication, else its lead date)."""
    if d is None:
        return None
    pub = doc.ex.article.date_published
    if pub is not None and d.precision == "date" and pub.precision == "date":
        return (d.value > pub.value) - (d.value < pub.value)
    lead = article_lead_date(doc)
    ref = pub if pub is not None else (lead[1] if lead else None)
    if ref is None or d.precision not in ("date", "gMonthDay") or ref.precision not in ("date", "gMonthDay"):
        return None
    a, b = _month_day(d.value), _month_day(ref.value)
    if a is None or b is None:
        return None
    diff = (a[0] - b[0]) * 31 + (a[1] - b[1])
    if abs(diff) > 150:  # too far apart to assume one year
        return None
    return (diff > 0) - (diff < 0)


def _month_day(v: str) -> tuple[int, int] | None:
    m = re.search(r"(\d{2})-(\d{2})$", v)
    return (int(m.group(1)), int(m.group(2))) if m else None


_PREC = {"date": 4, "gMonthDay": 3, "gYearMonth": 2, "gYear": 1}


def dates_compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    va, vb = a.value, b.value
    if va == vb:
        return True
    if va.startswith("--") or vb.startswith("--"):
        return va[-5:] == vb[-5:] if (len(va) >= 7 and len(vb) >= 7) else False
    return va.startswith(vb) or vb.startswith(va)


def better_date(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if _PREC.get(b.precision, 0) > _PREC.get(a.precision, 0) else a


def planned_month(doc: Doc, d: DateValue | None) -> DateValue | None:
    """A month written without its year ("vào tháng Mười Hai") for a future event: not before the article's month.

    The date resolver takes the nearest such month, and half a year back ties with half a year ahead; a
    planned event settles it.
    """
    pub = doc.ex.article.date_published
    if d is None or d.precision != "gYearMonth" or pub is None or pub.precision != "date" or \
            re.search(r"\d{4}|năm|ngoái|trước|qua", d.text, re.IGNORECASE):
        return d
    y, m = int(d.value[:4]), int(d.value[5:7])
    py, pm = int(pub.value[:4]), int(pub.value[5:7])
    if (y, m) < (py, pm) and (py * 12 + pm) - (y * 12 + m) <= 6:
        return DateValue(f"{y + 1:04d}-{m:02d}", d.precision, d.text, d.span)
    return d


_FRAME_START_RE = re.compile(
    r"[\s(]*(?:(?:sáng|chiều|tối|trưa|đêm|rạng\s+sáng)\s+)?(?:ngày|hôm|vào(?:\s+ngày)?)?\s*", re.IGNORECASE)


def frame_date(doc: Doc, s: Sentence, cstart: int) -> DateValue | None:
    """The day that opens a reporting frame ("Ngày 12/3, X cho biết | Y đã điện đàm với Z"), for an event told
    as done in the reported clause and dated nowhere else: the news is of that day."""
    for d in dates_of(doc, s):
        if d.span is None or d.precision not in ("date", "gMonthDay"):
            continue
        rb = d.span.begin - s.begin
        if rb < cstart and _FRAME_START_RE.fullmatch(s.text[:rb]) and "," in s.text[d.span.end - s.begin: cstart]:
            return d
    return None
