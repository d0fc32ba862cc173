"""Meetings: one trigger naming several occasions ("các vòng đàm phán tháng 1 và tháng 3",
"vòng đàm phán thứ tư và thứ năm", "đã gặp nhau ngày 5/3 và 20/3").

Each occasion becomes its own event: rounds told apart by their ordinals, or by
dates joined by "và" / "," that are not consecutive days (a two-day conference
"ngày 23 và 24/1" is one event) and not alternatives ("tháng 7 hoặc tháng 8").
"""

from __future__ import annotations

import datetime as dt
import re

from syriakg.loaders.model import DateValue, Span

_ORD = r"(?:\d{1,2}|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai|ba|bốn|lăm))?)"
# after the trigger noun: "(tại Astana) (lần) thứ tư và (lần) thứ năm", "thứ 4, 5 và 6"
ORDINALS_RE = re.compile(
    rf"\s*(?:(?:tại|ở)\s+\S+(?:\s+\S+)?\s+)?(?:lần\s+)?thứ\s+(?P<first>{_ORD})(?!\w)"
    rf"(?P<rest>(?:\s*(?:,|và|,\s*và)\s*(?:(?:lần\s+)?thứ\s+)?{_ORD}(?!\w))+)",
    re.IGNORECASE,
)
_ORD_ITEM_RE = re.compile(rf"(?<!\w){_ORD}(?!\w)", re.IGNORECASE)
_DATE_JOIN_RE = re.compile(r"\s*(?:,|và|,\s*và|cũng\s+như)\s*(?:(?:vào|ngày|hôm|trong)\s+)?$", re.IGNORECASE)


def ordinal_rounds(text: str, e: int) -> list[Span]:
    """Relative spans of the 2nd, 3rd ... ordinals after a trigger ending at `e` (the first is the trigger's)."""
    m = ORDINALS_RE.match(text, e)
    if m is None:
        return []
    base = m.start("rest")
    return [Span(base + x.start(), base + x.end()) for x in _ORD_ITEM_RE.finditer(m.group("rest"))]


def _day(d: DateValue) -> dt.date | None:
    if d.precision != "date":
        return None
    try:
        return dt.date.fromisoformat(d.value)
    except ValueError:
        return None


def _distinct(a: DateValue, b: DateValue) -> bool:
    if a.value == b.value:
        return False
    da, db = _day(a), _day(b)
    if da is not None and db is not None:
        return abs((da - db).days) > 1  # "23 và 24/1": one event over two days
    if a.precision == b.precision == "gMonthDay":
        try:
            da = dt.date(2000, int(a.value[2:4]), int(a.value[5:7]))
            db = dt.date(2000, int(b.value[2:4]), int(b.value[5:7]))
        except ValueError:
            return False
        return abs((da - db).days) > 1
    return a.precision == b.precision


def coordinated_dates(text: str, base: int, own: DateValue, dates: list[DateValue], lo: int, hi: int
                      ) -> list[DateValue]:
    """The dates listed with the event's own date ("tháng 1 và tháng 3"), distinct occasions only.

    `base` is the sentence's absolute offset; `lo`/`hi` bound the clause (relative).
    """
    if own.span is None:
        return []
    ds = sorted((d for d in dates if d.span is not None and lo <= d.span.begin - base and d.span.end - base <= hi),
                key=lambda d: d.span.begin)  # type: ignore[union-attr]
    idx = next((k for k, d in enumerate(ds) if d.span == own.span), None)
    if idx is None:
        return []
    chain = [ds[idx]]
    for k in range(idx + 1, len(ds)):  # forward: "tháng 1 và tháng 3"
        prev, d = ds[k - 1], ds[k]
        if not _DATE_JOIN_RE.fullmatch(text[prev.span.end - base: d.span.begin - base]):  # type: ignore[union-attr]
            break
        chain.append(d)
    for k in range(idx - 1, -1, -1):  # backward, when the nearest date was the later one
        d, nxt = ds[k], ds[k + 1]
        if not _DATE_JOIN_RE.fullmatch(text[d.span.end - base: nxt.span.begin - base]):  # type: ignore[union-attr]
            break
        chain.insert(0, d)
    if len(chain) < 2 or not all(_distinct(a, b) for a, b in zip(chain, chain[1:], strict=False)):
        return []
    return [d for d in chain if d.span != own.span]
