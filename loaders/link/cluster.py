"""Which per-article reports describe the same real-world event (or the same casualty toll).

Pure functions over the records of `reports.py`; no store, no RDF.

The rules are deliberately conservative (a false merge is worse than a missed
one): two reports are *compatible* only when

* their event kinds are of one family (in-person: meeting, talks,
  negotiation, summit, visit; remote: phone call);
* their participant sets match: equal, or one a subset of the other with at
  least two shared participants (a single shared participant is enough only
  when the kinds are equal, both name the same place and the dates are the
  same day);
* their dates fit:
  - the same `xsd:date`;
  - an `xsd:gMonthDay` and an `xsd:date` with the same month and day, when
    the article with the year-less date was published at most `MD_WINDOW`
    days from the full date (unknown publication date: only for equal
    participant sets);
  - two equal `xsd:gMonthDay`s, from articles published at most `MD_WINDOW`
    days apart (unknown: only for equal participant sets);
  - an `xsd:gYearMonth` and a date inside that month, or two equal months:
    equal participant sets, no conflicting places, articles published at
    most `MONTH_WINDOW` days apart;
  - a missing (or year-only) date: equal participant sets, the same place
    named by both, articles published at most `NO_DATE_WINDOW` days apart;
* when the shared participants are at most two countries (and nobody
  else), the kinds are close (equal, or both a way of sitting down
  together: meeting, talks, negotiation, summit): two countries meet in many
  ways on one day (a minister's talks, a head of state's visit);
* places named by both differ only when the dates are the same day.

Clusters are grown by *complete linkage*: two clusters join only when every
pair across them is compatible, so a chain A~B~C never merges A with an
incompatible C.  Stronger pairs (same full date, equal participants) join
first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date as _date
from typing import TypeVar

from syriakg.loaders.link.reports import CasualtyReport, DateInfo, EventReport

MD_WINDOW = 120  # days between a year-less date's article and the full date it is matched to
MONTH_WINDOW = 45  # days between articles when one gives only the month
NO_DATE_WINDOW = 3  # days between articles when a date is missing

FAMILY = {
    "meeting": "in_person", "talks": "in_person", "negotiation": "in_person",
    "summit": "in_person", "visit": "in_person", "phone_call": "remote",
}

R = TypeVar("R", EventReport, CasualtyReport)


def _day(value: str | None) -> _date | None:
    if not value:
        return None
    try:
        return _date.fromisoformat(value[:10])
    except ValueError:
        return None


def _days_apart(a: str | None, b: str | None) -> int | None:
    da, db = _day(a), _day(b)
    return None if da is None or db is None else abs((da - db).days)


def _within(a: str | None, b: str | None, window: int) -> bool:
    d = _days_apart(a, b)
    return d is not None and d <= window


def date_fit(a: DateInfo | None, pub_a: str | None, b: DateInfo | None, pub_b: str | None,
             same_set: bool) -> str | None:
    """How two reports' dates fit: "day" (the same day), "month", "none" (a date missing) or None (they don't)."""
    if a is not None and b is not None and a.month_day and b.month_day:
        if a.month_day != b.month_day:
            return None
        if a.precision == "date" and b.precision == "date":
            return "day" if a.value == b.value else None
        if a.precision == "date" or b.precision == "date":  # a full date and a year-less one
            full, pub_md = (a.value, pub_b) if a.precision == "date" else (b.value, pub_a)
            if pub_md is None:
                return "day" if same_set else None
            return "day" if _within(full, pub_md, MD_WINDOW) else None
        if pub_a is None or pub_b is None:  # two year-less dates
            return "day" if same_set else None
        return "day" if _within(pub_a, pub_b, MD_WINDOW) else None
    if a is None or b is None:
        return "none"
    ya, yb = _year(a), _year(b)
    if ya and yb and ya != yb:
        return None
    if "gYearMonth" in (a.precision, b.precision):
        if a.precision in ("date", "gYearMonth") and b.precision in ("date", "gYearMonth"):
            return "month" if a.value[:7] == b.value[:7] else None
        if "gMonthDay" in (a.precision, b.precision):  # a year-less day against a month: months must agree
            return "none" if _month(a) == _month(b) else None
    return "none"  # a year against anything of that year: as good as no date


def _year(d: DateInfo) -> str | None:
    return None if d.precision == "gMonthDay" else d.value[:4]


def _month(d: DateInfo) -> str | None:
    if d.precision == "gMonthDay":
        return d.value[2:4]
    return d.value[5:7] if d.precision in ("date", "gYearMonth") else None


def participants_fit(a: frozenset[str], b: frozenset[str]) -> str | None:
    """"same" (equal sets of ≥1), "subset" (one inside the other, ≥2 shared) or None."""
    if not a or not b:
        return None
    if a == b:
        return "same"
    if (a <= b or b <= a) and len(a & b) >= 2:
        return "subset"
    return None


_TALKING = frozenset({"meeting", "talks", "negotiation", "summit"})


def _close_kinds(a: str, b: str) -> bool:
    """The same kind, or two kinds of sitting down together (a visit or a call is something else)."""
    return a == b or (a in _TALKING and b in _TALKING)


def events_compatible(a: EventReport, b: EventReport) -> int:
    """0 when the two reports may not be one event; otherwise a strength (higher joins first)."""
    if a.iri == b.iri or FAMILY.get(a.kind) != FAMILY.get(b.kind):
        return 0
    parts = participants_fit(a.actors, b.actors)
    if parts is None:
        return 0
    same_set = parts == "same"
    fit = date_fit(a.date, a.published, b.date, b.published, same_set)
    if fit is None:
        return 0
    places_differ = a.place is not None and b.place is not None and a.place != b.place
    shared = a.actors & b.actors
    if len(shared) <= 2 and shared <= (a.countries | b.countries) and not _close_kinds(a.kind, b.kind):
        return 0  # two countries meet in many ways on one day: a visit is not the same as their talks
    if len(shared) < 2:  # one shared participant: same kind, same place, same day
        if not (a.kind == b.kind and a.place is not None and a.place == b.place and fit == "day"):
            return 0
    if fit == "month":
        if not same_set or places_differ or not _within(a.published, b.published, MONTH_WINDOW):
            return 0
    elif fit == "none":
        if not same_set or a.place is None or a.place != b.place \
                or not _within(a.published, b.published, NO_DATE_WINDOW):
            return 0
    elif places_differ and fit != "day":
        return 0
    score = {"day": 30, "month": 20, "none": 10}[fit]
    return score + (5 if same_set else 0) + (2 if a.kind == b.kind else 0) + (1 if not places_differ else 0)


def _victims_fit(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    na, nb = a.casefold().strip(), b.casefold().strip()
    return na == nb or na in nb or nb in na


def casualties_compatible(a: CasualtyReport, b: CasualtyReport) -> int:
    """0 unless the two claims are about one incident: same outcome, same place, the same day (by the date
    rules above; where they need "equal participants", a place finer than a country stands in), fitting
    victims, from different articles."""
    if a.iri == b.iri or a.article == b.article or a.outcome != b.outcome:
        return 0
    if a.place is None or a.place != b.place or a.date is None or b.date is None:
        return 0
    # year-less dates from articles of unknown date: only a place finer than a country ties them together
    specific = not (a.place_is_country or b.place_is_country)
    if date_fit(a.date, a.published, b.date, b.published, same_set=specific) != "day":
        return 0
    if not _victims_fit(a.victims, b.victims):
        return 0
    return 30 + (2 if a.date == b.date else 0) + (1 if a.victims == b.victims else 0)


def _blocks(reports: Sequence[R], keys: Callable[[R], Iterable[Hashable]]) -> dict[Hashable, list[int]]:
    out: dict[Hashable, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        for k in keys(r):
            out[k].append(i)
    return out


def _event_keys(r: EventReport) -> list[Hashable]:
    fam = FAMILY.get(r.kind)
    keys: list[Hashable] = [("set", fam, r.actors)]  # the month / no-date rules need equal sets
    if r.date is not None and r.date.month_day:
        keys.append(("day", fam, r.date.month_day))
    return keys


def _casualty_keys(r: CasualtyReport) -> list[Hashable]:
    if r.date is None or not r.date.month_day or r.place is None:
        return []
    return [(r.outcome, r.place, r.date.month_day)]


def cluster(reports: Sequence[R], compatible: Callable[[R, R], int],
            keys: Callable[[R], Iterable[Hashable]]) -> list[list[R]]:
    """Complete-linkage clusters of ≥2 reports from ≥2 articles, each sorted by IRI; clusters sorted."""
    pairs: dict[tuple[int, int], int] = {}
    for block in _blocks(reports, keys).values():
        for x in range(len(block)):
            for y in range(x + 1, len(block)):
                i, j = block[x], block[y]
                key = (i, j) if i < j else (j, i)
                if key not in pairs:
                    pairs[key] = compatible(reports[key[0]], reports[key[1]])
    ok = {k for k, v in pairs.items() if v > 0}
    order = sorted(ok, key=lambda k: (-pairs[k], reports[k[0]].iri, reports[k[1]].iri))
    member_of = list(range(len(reports)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(reports))}
    for i, j in order:
        ci, cj = member_of[i], member_of[j]
        if ci == cj:
            continue
        if all((min(x, y), max(x, y)) in ok for x in members[ci] for y in members[cj]):
            for x in members[cj]:
                member_of[x] = ci
            members[ci].extend(members.pop(cj))
    out = []
    for idx in members.values():
        group = sorted((reports[i] for i in idx), key=lambda r: r.iri)
        if len(group) >= 2 and len({r.article for r in group}) >= 2:
            out.append(group)
    return sorted(out, key=lambda g: g[0].iri)


def cluster_events(reports: Sequence[EventReport]) -> list[list[EventReport]]:
    """Clusters of event reports that describe one real-world event."""
    return cluster(reports, events_compatible, _event_keys)


def cluster_casualties(reports: Sequence[CasualtyReport]) -> list[list[CasualtyReport]]:
    """Clusters of casualty claims about one incident (same outcome, place and day; different articles)."""
    return cluster(reports, casualties_compatible, _casualty_keys)
