"""Extraction component: dates, resolved against the article's own date evidence.

`component(doc)` leaves on `doc.dates` an `ArticleDates`, the resolver every
fact family uses, and sets `article.date_published` (when the metadata did not
give it) and `article.date_conflict` (when the page header date is not
believed).

How an article gets its date (its "anchor"), in order:

1. the metadata date (`article.date_published` already set by the loader);
2. the page header date (`article.header_date_text`, e.g. "Thứ Năm,
   27/02/2014 09:26") unless the body contradicts it: the lead's date is not
   within a week before it, or the body's age of the war (below) rules its
   year out.  A contradicted header is never used; `date_conflict` says why;
3. the lead's date ("Ngày 25/2, ...", the first day date in the first two body
   sentences that is not a future one), with its year taken from a full date
   elsewhere in the article - captions count as evidence - within 45 days of
   it ("20/2/2020" in a caption dates a lead "25/2" to 2020-02-25), or from the
   age of the war when that leaves one year;
4. otherwise the lead's day and month alone (`gMonthDay`); never a guessed year.

The age of the war: "cuộc xung đột kéo dài hơn 5 năm qua ở Syria" dates the
sentence's "now" when the conflict's start is known.  `CONFLICT_STARTS` keeps
the (one) conflict this product is about: the Syrian civil war, from
2011-03-15.  "hơn N năm" puts now in [start+N, start+N+1), "gần N năm" in
[start+N-0.5, start+N), "bước sang năm thứ N" in [start+N-1, start+N): these
tight readings can establish a year (with the lead's day and month, when
exactly one year fits).  Looser wordings ("N năm qua", "khoảng N năm") only
give a context range, used to reject a header date and to tell agreements
apart, never to date a fact.

Relative words resolve against the anchor ("hôm qua", "hôm nay", "ngày mai",
"hôm thứ Sáu", "tuần tới" (no calendar value: kept as an expression),
"tháng 3 tới", "đầu năm tới") or, for "cùng ngày" / "trước đó một ngày",
against the sentence's reference date: the last day named before it in the
same or an earlier body sentence.

API for the fact families (all offsets absolute, into the article text):

* `doc.dates.for_sentence(sentence)` / `in_span(sentence, span)`: resolved
  `DateValue`s in text order (expressions that cannot be resolved are left out);
* `doc.dates.expressions(sentence)`: every `ResolvedDate` (expression as
  written, its span, its value or None) - e.g. to see "tuần tới" or "sẽ" cues;
* `doc.dates.clause_date(sentence, offset)`: the date of the clause around a
  trigger: the resolved expression nearest to `offset` in the sentence, else
  None (`reference(sentence, offset)` gives the date in force there: what
  "cùng ngày" would mean);
* `doc.dates.publication`, `doc.dates.anchor`, `doc.dates.context_range`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.date_expressions import DateExpr, find_dates
from syriakg.loaders.extract.vi_regex import vi
from syriakg.loaders.model import Article, DateValue, Sentence, Span

# conflict key -> (start date, words that must occur in the sentence that gives its age)
CONFLICT_STARTS: dict[str, tuple[dt.date, re.Pattern[str]]] = {
    "syrian_civil_war": (dt.date(2011, 3, 15), re.compile(r"Syria|Xy-?ri", re.IGNORECASE)),
}
LEAD_SENTENCES = 2  # how many first body sentences count as the lead ...
LEAD_CHARS = 160  # ... and how far into each the lead's date may stand
_ANY_DIGIT = re.compile(r"\d")
YEAR_EVIDENCE_DAYS = 10  # a full date this close to the lead's day gives it its year ...
EVIDENCE_SENTENCES = 3  # ... when written in a caption or in one of the first body sentences
HEADER_LEAD_DAYS = 7  # a header date is believed when the lead's day is at most this many days before it

_NUM = r"(?P<n>\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?)"
_WAR = r"(?:cuộc )?(?:xung đột|nội chiến|chiến tranh|chiến sự|cuộc chiến|khủng hoảng)"
_AGE_RE = re.compile(
    vi(
        _WAR + r"[^.;:!?]{0,80}?(?:kéo dài|diễn ra|bước sang|đã bước sang|suốt|sau|trong|qua)"
        r"(?: (?P<q>hơn|gần|khoảng|trên|chừng|gần tròn|tròn))? " + _NUM + r" năm(?! nay| ngoái| tới| sau| thứ)"
        r"|(?:sau|suốt|trong|qua)(?: (?P<q2>hơn|gần|khoảng|trên|chừng))? " + _NUM.replace("?P<n>", "?P<n2>")
        + r" năm " + _WAR
        + r"|" + _WAR + r"[^.;:!?]{0,80}?(?:bước sang|đã bước sang|đang ở|sang) năm thứ "
        + _NUM.replace("?P<n>", "?P<nth>")
    ),
    re.IGNORECASE,
)
# a day after these words is a bound or a reference point ("có hiệu lực từ lúc 0h ngày 6/5"), not the lead's date
_NOT_LEAD_RE = re.compile(vi(r"(?:\b(?:kể từ|từ|đến|tới|trước|sau|hạn chót|thời hạn|hết)\b[^,.;]{0,14})$"), re.IGNORECASE)
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                 "mười": 10, "mười một": 11, "mười hai": 12}


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date expression of a sentence: as written (`expr`, offsets relative to the sentence), where, and its value."""

    expr: DateExpr
    span: Span
    value: DateValue | None


@dataclass(frozen=True, slots=True)
class Anchor:
    """The article's own date: a full date when its year is established, else a day and month, with the reason."""

    date: dt.date | None = None
    month_day: tuple[int, int] | None = None
    basis: str = ""
    text: str = ""
    span: Span | None = None

    def value(self) -> DateValue | None:
        if self.date is not None:
            return DateValue(self.date.isoformat(), "date", self.text, self.span)
        if self.month_day is not None:
            m, d = self.month_day
            return DateValue(f"--{m:02d}-{d:02d}", "gMonthDay", self.text, self.span)
        return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_month_day(m: int, d: int, days: int) -> tuple[int, int] | None:
    """(month, day) moved by `days` when the result does not depend on the year (29 February)."""
    results = set()
    for y in (2001, 2000):  # a common and a leap year
        base = _safe_date(y, m, d)
        if base is None:
            continue
        r = base + dt.timedelta(days=days)
        results.add((r.month, r.day))
    return results.pop() if len(results) == 1 else None


def _add_years(d: dt.date, years: float) -> dt.date:
    return d + dt.timedelta(days=round(years * 365.25))


def _number(s: str | None) -> int | None:
    if not s:
        return None
    s = " ".join(s.lower().split())
    return int(s) if s.isdigit() else _NUMBER_WORDS.get(s)


def war_age_intervals(text: str) -> list[tuple[dt.date, dt.date, bool, str]]:
    """Intervals for "now" implied by a war's stated age in `text`: (lo, hi, tight, words)."""
    out = []
    for key, (start, must) in CONFLICT_STARTS.items():
        del key
        if not must.search(text):
            continue
        for m in _AGE_RE.finditer(text):
            q = (m.group("q") or m.group("q2") or "").lower()
            n = _number(m.group("n") or m.group("n2"))
            nth = _number(m.group("nth"))
            if nth is not None:
                lo, hi, tight = nth - 1, nth, True
            elif n is None:
                continue
            elif q in ("hơn", "trên"):
                lo, hi, tight = n, n + 1, True
            elif q in ("gần", "gần tròn"):
                lo, hi, tight = n - 0.5, n, True
            elif q in ("khoảng", "chừng"):
                lo, hi, tight = n - 0.5, n + 0.5, False
            else:
                lo, hi, tight = n - 0.5, n + 1, False
            out.append((_add_years(start, lo), _add_years(start, hi), tight, m.group(0)))
    return out


class ArticleDates:
    """The `DateResolver` of one article (see the module docstring)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.article: Article = doc.ex.article
        self._raw: dict[tuple[str, int], list[DateExpr]] = {}
        self._resolved: dict[tuple[str, int], list[ResolvedDate]] = {}
        self.conflict: str | None = None
        self.context_range: tuple[dt.date, dt.date] | None = None
        self.anchor: Anchor = self._infer_anchor()
        self.publication: DateValue | None = self.anchor.value()

    # --- public API ---------------------------------------------------------
    def expressions(self, sentence: Sentence) -> list[ResolvedDate]:
        key = (sentence.kind, sentence.index)
        got = self._resolved.get(key)
        if got is None:
            got = [
                ResolvedDate(e, Span(sentence.begin + e.begin, sentence.begin + e.end), self._resolve(e, sentence))
                for e in self._exprs(sentence)
            ]
            self._resolved[key] = got
        return got

    def for_sentence(self, sentence: Sentence) -> list[DateValue]:
        return [r.value for r in self.expressions(sentence) if r.value is not None]

    def in_span(self, sentence: Sentence, span: Span) -> list[DateValue]:
        return [r.value for r in self.expressions(sentence) if r.value is not None and span.contains(r.span)]

    def clause_date(self, sentence: Sentence, offset: int, max_distance: int | None = None) -> DateValue | None:
        """The resolved date expression of `sentence` nearest to the absolute `offset` (a trigger)."""
        best: tuple[int, int, DateValue] | None = None
        for r in self.expressions(sentence):
            if r.value is None:
                continue
            dist = 0 if r.span.begin <= offset < r.span.end else min(abs(offset - r.span.begin), abs(offset - r.span.end))
            if max_distance is not None and dist > max_distance:
                continue
            cand = (dist, 0 if r.span.end <= offset else 1, r.value)
            if best is None or cand[:2] < best[:2]:
                best = cand
        return best[2] if best else None

    def reference(self, sentence: Sentence, offset: int | None = None) -> DateValue | None:
        """The date in force at `offset` (absolute; default: the sentence start): what "cùng ngày" means there."""
        rel = None if offset is None else offset - sentence.begin
        mine = [e for e in self._exprs(sentence) if e.explicit_day and (rel is not None and e.end <= rel)]
        for e in reversed(mine):
            v = self._resolve(e, sentence)
            if v is not None and v.precision in ("date", "gMonthDay"):
                return v
        if sentence.kind == "body":
            for prev in reversed(self.doc.ex.sentences[: sentence.index]):
                for e in reversed([e for e in self._exprs(prev) if e.explicit_day]):
                    v = self._resolve(e, prev)
                    if v is not None and v.precision in ("date", "gMonthDay"):
                        return v
        return self.anchor.value()

    def year_known(self) -> bool:
        return self.anchor.date is not None

    def estimate(self, r: ResolvedDate, sentence: Sentence) -> DateValue | None:
        """`r`'s value, or - when the article's year is not established but its context date is
        (`context_range` of one day, e.g. from a loose war age) - a value against that date.

        For telling things apart (which agreement "hồi tháng 2" means), never to date a fact.
        """
        if r.value is not None and r.value.precision != "gMonthDay":
            return r.value
        if self.anchor.date is None and self.context_range and self.context_range[0] == self.context_range[1]:
            return self._resolve(r.expr, sentence, Anchor(date=self.context_range[0], basis="context"))
        return r.value

    def time_window(self) -> tuple[dt.date | None, dt.date | None]:
        """When the article was written, as far as its text tells: (earliest, latest), each None if unknown.

        The anchor or the context range when known; otherwise the earliest is the
        latest full date the body mentions that is not a future one.
        """
        if self.anchor.date is not None:
            return self.anchor.date, self.anchor.date
        if self.context_range:
            return self.context_range
        past = [d for d, _t, fut in self._year_evidence(with_direction=True) if not fut]
        return (max(past) if past else None), None

    # --- expressions and their values ---------------------------------------
    def _exprs(self, sentence: Sentence) -> list[DateExpr]:
        key = (sentence.kind, sentence.index)
        got = self._raw.get(key)
        if got is None:
            got = find_dates(sentence.text)
            self._raw[key] = got
        return got

    def _resolve(self, e: DateExpr, sentence: Sentence, anchor: Anchor | None = None) -> DateValue | None:
        span = Span(sentence.begin + e.begin, sentence.begin + e.end)
        a = anchor or self.anchor
        if e.kind == "dmy":
            d = _safe_date(e.year or 0, e.month or 0, e.day or 0)
            return DateValue(d.isoformat(), "date", e.text, span) if d else None
        if e.kind == "dm":
            assert e.day is not None and e.month is not None
            if a.date is not None:
                d = self._year_for_day(e.month, e.day, e.direction, a.date)
                if d is not None:
                    return DateValue(d.isoformat(), "date", e.text, span)
            return DateValue(f"--{e.month:02d}-{e.day:02d}", "gMonthDay", e.text, span)
        if e.kind == "my":
            return DateValue(f"{e.year:04d}-{e.month:02d}", "gYearMonth", e.text, span)
        if e.kind == "y":
            return DateValue(f"{e.year:04d}", "gYear", e.text, span)
        if a.date is None:
            if e.kind == "rel_day" and a.month_day is not None:
                md = _shift_month_day(*a.month_day, e.offset)
                return DateValue(f"--{md[0]:02d}-{md[1]:02d}", "gMonthDay", e.text, span) if md else None
            if e.kind == "same_day":
                return self._same_day(e, sentence, span)
            return None
        today = a.date
        if e.kind == "m":
            assert e.month is not None
            y = self._year_for_month(e.month, e.direction, e.year_offset, today)
            return DateValue(f"{y:04d}-{e.month:02d}", "gYearMonth", e.text, span)
        if e.kind == "rel_year":
            return DateValue(f"{today.year + e.offset:04d}", "gYear", e.text, span)
        if e.kind == "rel_month":
            idx = today.year * 12 + today.month - 1 + e.offset
            return DateValue(f"{idx // 12:04d}-{idx % 12 + 1:02d}", "gYearMonth", e.text, span)
        if e.kind == "rel_day":
            return DateValue((today + dt.timedelta(days=e.offset)).isoformat(), "date", e.text, span)
        if e.kind == "weekday":
            return DateValue(self._weekday(e, today).isoformat(), "date", e.text, span)
        if e.kind == "same_day":
            return self._same_day(e, sentence, span)
        return None  # "tuần tới", "trước đó": no calendar value

    def _same_day(self, e: DateExpr, sentence: Sentence, span: Span) -> DateValue | None:
        ref = self.reference(sentence, span.begin)
        if ref is None:
            return None
        if e.offset == 0:
            return DateValue(ref.value, ref.precision, e.text, span)
        if ref.precision == "date":
            d = dt.date.fromisoformat(ref.value) + dt.timedelta(days=e.offset)
            return DateValue(d.isoformat(), "date", e.text, span)
        if ref.precision == "gMonthDay":
            md = _shift_month_day(int(ref.value[2:4]), int(ref.value[5:7]), e.offset)
            return DateValue(f"--{md[0]:02d}-{md[1]:02d}", "gMonthDay", e.text, span) if md else None
        return None

    @staticmethod
    def _year_for_day(month: int, day: int, direction: str | None, today: dt.date) -> dt.date | None:
        cands = [c for y in (today.year - 1, today.year, today.year + 1) if (c := _safe_date(y, month, day))]
        if not cands:
            return None
        slack = dt.timedelta(days=2)
        if direction == "future":
            later = [c for c in cands if c >= today - slack]
            return min(later) if later else None
        if direction == "past":
            earlier = [c for c in cands if c <= today + slack]
            return max(earlier) if earlier else None
        return min(cands, key=lambda c: (abs((c - today).days), c > today))

    @staticmethod
    def _year_for_month(month: int, direction: str | None, year_offset: int | None, today: dt.date) -> int:
        if year_offset is not None:
            return today.year + year_offset
        if direction == "future":
            return today.year if month >= today.month else today.year + 1
        if direction == "past":
            return today.year if month <= today.month else today.year - 1
        return min((today.year - 1, today.year, today.year + 1),
                   key=lambda y: (abs((y * 12 + month) - (today.year * 12 + today.month)), y))

    @staticmethod
    def _weekday(e: DateExpr, today: dt.date) -> dt.date:
        assert e.weekday is not None
        if e.offset:
            monday = today - dt.timedelta(days=today.weekday())
            return monday + dt.timedelta(days=7 * e.offset + e.weekday)
        delta = (e.weekday - today.weekday()) % 7
        if e.direction == "future":
            return today + dt.timedelta(days=delta or 7)
        return today - dt.timedelta(days=(today.weekday() - e.weekday) % 7)

    # --- the article's anchor -----------------------------------------------
    def _lead(self) -> tuple[DateExpr, Sentence] | None:
        for s in self.doc.ex.sentences[:LEAD_SENTENCES]:
            if _ANY_DIGIT.search(s.text, 0, LEAD_CHARS) is None:
                continue  # a day and month ("dm", "dmy") is always written with digits: none to find here
            for e in find_dates(s.text, 0, min(len(s.text), LEAD_CHARS)):
                if e.kind in ("dm", "dmy") and e.direction is None and not _NOT_LEAD_RE.search(
                    s.text[max(0, e.begin - 25) : e.begin] + e.text[:6]
                ):
                    return e, s
        return None

    def _year_evidence(self, with_direction: bool = False) -> list:
        """Full dates (and months of a year, as their 1st) in the body and the captions: (date, text[, future])."""
        out: list = []
        for s in [*self.doc.ex.sentences, *self.doc.ex.captions]:
            if not _YEAR_HINT.search(s.text):
                continue  # no year written: nothing to find here
            for e in self._exprs(s):
                d = None
                if e.kind == "dmy":
                    d = _safe_date(e.year or 0, e.month or 0, e.day or 0)
                elif e.kind == "my" and e.year and e.month:
                    d = dt.date(e.year, e.month, 15 if not with_direction else 1)
                if d is not None:
                    out.append((d, e.text, e.direction == "future") if with_direction else (d, e.text))
        return out

    def _ages(self) -> list[tuple[dt.date, dt.date, bool, str]]:
        out = []
        for s in self.doc.ex.sentences:
            if _AGE_HINT.search(s.text):
                out.extend(war_age_intervals(s.text))
        return out

    def _infer_anchor(self) -> Anchor:  # noqa: C901 - the documented decision list
        art = self.article
        lead = self._lead()
        ages = self._ages()
        if ages:
            lo = max(a[0] for a in ages)
            hi = min(a[1] for a in ages)
            self.context_range = (lo, hi) if lo < hi else None
        meta = art.date_published
        if meta is not None and meta.precision == "date":
            d = dt.date.fromisoformat(meta.value[:10])
            self.context_range = (d, d)
            return Anchor(date=d, basis="metadata", text=meta.text, span=meta.span)
        if art.header_date_text:
            header = self._header_date(art.header_date_text)
            if header is not None:
                problem = self._header_problem(header, lead, ages)
                if problem is None:
                    self.context_range = (header, header)
                    return Anchor(date=header, basis="page header", text=art.header_date_text)
                self.conflict = (
                    f"page header date {art.header_date_text!r} not believed: {problem}; "
                    "no fact is dated from it"
                )
        if lead is None:
            return Anchor(basis="none")
        e, s = lead
        span = Span(s.begin + e.begin, s.begin + e.end)
        if e.kind == "dmy":
            d = _safe_date(e.year or 0, e.month or 0, e.day or 0)
            if d is not None:
                self.context_range = (d, d)
                return Anchor(date=d, basis="lead", text=e.text, span=span)
        assert e.month is not None and e.day is not None
        years = self._years_from_evidence(e.month, e.day)
        if len(years) == 1:
            d = _safe_date(years.pop(), e.month, e.day)
            if d is not None:
                self.context_range = (d, d)
                return Anchor(date=d, basis="lead + a full date in the article", text=e.text, span=span)
        fits = self._years_from_ages(e.month, e.day, ages)
        tight = {y for y, t in fits if t}
        if len(tight) == 1 and not (set(y for y, _ in fits) - tight):
            d = _safe_date(tight.pop(), e.month, e.day)
            if d is not None:
                self.context_range = (d, d)
                return Anchor(date=d, basis="lead + the stated age of the war", text=e.text, span=span)
        loose = {y for y, _ in fits}
        if len(loose) == 1:
            d = _safe_date(next(iter(loose)), e.month, e.day)
            if d is not None:
                self.context_range = (d, d)  # context only: the year is not established
        return Anchor(month_day=(e.month, e.day), basis="lead (no year)", text=e.text, span=span)

    def _years_from_evidence(self, month: int, day: int) -> set[int]:
        """Years that a full date near the lead gives it.

        Only captions (a photo of the event: "Syria ngày 20/2/2020") and the first
        body sentences count, within YEAR_EVIDENCE_DAYS, and not dates after "từ",
        "kể từ", "kỷ niệm", "cách đây" (a past event recalled on its anniversary);
        a month of a year ("tháng 2/2020") only counts for the lead's own month.
        """
        years: set[int] = set()
        near = [*self.doc.ex.captions, *self.doc.ex.sentences[:EVIDENCE_SENTENCES]]
        for s in near:
            if not _YEAR_HINT.search(s.text):
                continue
            for e in self._exprs(s):
                if e.year is None or e.month is None or _RECALLED_RE.search(s.text[max(0, e.begin - 40) : e.begin]):
                    continue
                if e.kind == "my":
                    if e.month == month:
                        years.add(e.year)
                    continue
                d = _safe_date(e.year, e.month, e.day or 0)
                if d is None:
                    continue
                for y in (d.year - 1, d.year, d.year + 1):
                    cand = _safe_date(y, month, day)
                    if cand is not None and abs((cand - d).days) <= YEAR_EVIDENCE_DAYS:
                        years.add(y)
        return years

    @staticmethod
    def _years_from_ages(month: int, day: int, ages: list[tuple[dt.date, dt.date, bool, str]]) -> set[tuple[int, bool]]:
        out: set[tuple[int, bool]] = set()
        for lo, hi, tight, _words in ages:
            for y in range(lo.year, hi.year + 1):
                cand = _safe_date(y, month, day)
                if cand is not None and lo <= cand < hi:
                    out.add((y, tight))
        return out

    @staticmethod
    def _header_date(text: str) -> dt.date | None:
        for e in find_dates(text):
            if e.kind == "dmy":
                return _safe_date(e.year or 0, e.month or 0, e.day or 0)
        m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None

    def _header_problem(
        self, header: dt.date, lead: tuple[DateExpr, Sentence] | None, ages: list[tuple[dt.date, dt.date, bool, str]]
    ) -> str | None:
        """Why the body contradicts the header date, or None when it does not."""
        problems = []
        if lead is not None:
            e, _s = lead
            if e.kind == "dmy":
                d = _safe_date(e.year or 0, e.month or 0, e.day or 0)
                ok = d is not None and 0 <= (header - d).days <= HEADER_LEAD_DAYS
            else:
                ok = any(
                    (c := _safe_date(y, e.month or 0, e.day or 0)) is not None
                    and 0 <= (header - c).days <= HEADER_LEAD_DAYS
                    for y in (header.year - 1, header.year)
                )
            if not ok:
                problems.append(f"the lead is dated {e.text.strip()!r}, not within {HEADER_LEAD_DAYS} days before it")
        for lo, hi, _tight, words in ages:
            if not lo <= header < hi:
                problems.append(
                    f"the body gives the war's age as {words.strip()!r}, which puts it between "
                    f"{lo.isoformat()} and {hi.isoformat()}"
                )
                break
        return "; ".join(problems) or None


_AGE_HINT = re.compile(r"năm", re.IGNORECASE)
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_RECALLED_RE = re.compile(vi(r"(?<!\w)(?:kể từ|từ khi|từ|kỷ niệm|tưởng niệm|cách đây|hồi|trước đây|năm xưa)(?!\w)[^,.;]{0,30}$"),
                          re.IGNORECASE)


def component(doc: Doc) -> None:
    """Set `doc.dates`, and the article's inferred publication date and date conflict."""
    resolver = ArticleDates(doc)
    doc.dates = resolver
    art = doc.ex.article
    if art.date_published is None and resolver.publication is not None:
        art.date_published = resolver.publication
    if resolver.conflict and not art.date_conflict:
        art.date_conflict = resolver.conflict
