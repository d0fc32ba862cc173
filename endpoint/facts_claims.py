"""Checking a structured claim against the graph: supported, contradicted or not found, with the facts that say so.

A claim names a subject entity and a fact type, and optionally another entity
(`object`: the other party of a meeting, the office of a position, the
agreement or accused of a violation, a party of an agreement), a place, a
date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and type-specific values: a meeting's
status (default `occurred`), a casualty figure (`count`, `qualifier`,
`outcome`), a statement's words (`quote`) and speech act.

The candidate facts are those of that type naming the subject (and the
object).  Each is then sorted into:

* supporting: it says what the claim says (a casualty figure whose range
  overlaps the claim's: "at least 16" supports 16; same status for a meeting);
* contradicting: it is about the same occasion (same actors, type, outcome,
  place, compatible date) but says otherwise: another figure, a meeting
  cancelled or denied where the claim says it took place, a speaker denying
  the words the claim says were affirmed;
* related: same occasion, neither (e.g. a meeting reported as planned in an
  earlier article when the claim says it took place).

The verdict counts verified facts only: `supported` if one supports the
claim (the contradicting ones are still listed, and a note says the claim is
disputed), else `contradicted` if one contradicts it, else `not_found`.
Facts whose evidence fails verification are listed, flagged, never counted.

Dates: a fact's date with a year is an interval (a month, a year, a day); a
day without a year takes the year that puts it nearest to the article's
publication; a fact without a date is dated by its article's publication
(an event that occurred is reported at most 31 days after it; a planned one
at most 92 days before it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from syriakg.endpoint.facts_models import CheckResult, EntityInfo, Fact
from syriakg.endpoint.facts_names import fold
from syriakg.endpoint.lookup import (
    FACT_TYPES,
    BadInput,
    FactFilter,
    FactLookup,
    Resolution,
    clean_text,
    normalise_status,
    normalise_type,
)
from syriakg.ontology.terms import OUTCOME, QUALIFIER, SPEECH_ACT

MAX_CANDIDATES = 2000  # facts of the subject examined at most
MAX_LISTED = 100  # facts listed per group
NEGATIVE_ACTS = {"deny", "reject"}
REPORT_AFTER_DAYS = 31
ANNOUNCE_BEFORE_DAYS = 92
_NOT_HAPPENING = {"cancelled", "denied"}
_INTENDED = {"planned", "possible", "proposed"}


class AmbiguousReference(Exception):
    """A claim's entity parameter fits several entities."""

    def __init__(self, parameter: str, resolution: Resolution) -> None:
        super().__init__(f"{parameter}: {resolution.query!r} fits {len(resolution.candidates)} entities")
        self.parameter = parameter
        self.resolution = resolution


@dataclass(frozen=True)
class Claim:
    subject: str
    type: str
    object: str | None = None
    place: str | None = None
    date: str | None = None
    status: str | None = None
    count: int | None = None
    qualifier: str | None = None
    outcome: str | None = None
    quote: str | None = None
    act: str | None = None

    @classmethod
    def parse(cls, subject: str | None, type: str | None, object: str | None = None, place: str | None = None,
              date: str | None = None, status: str | None = None, count: int | None = None,
              qualifier: str | None = None, outcome: str | None = None, quote: str | None = None,
              act: str | None = None) -> Claim:
        """Validate every field (BadInput names the parameter at fault)."""
        subj = clean_text("subject", subject)
        if subj is None:
            raise BadInput("subject", "required: the entity the claim is about (QID, IRI or name)")
        t = normalise_type(type)
        if t is None:
            raise BadInput("type", f"required: one of {', '.join(FACT_TYPES)}")
        d = clean_text("date", date, 40)
        if d is not None:
            _interval_of_text(d)  # validates
        q = clean_text("qualifier", qualifier, 40)
        if q is not None and q.lower().replace(" ", "_") not in QUALIFIER:
            raise BadInput("qualifier", f"unknown qualifier {q!r}; one of: {', '.join(QUALIFIER)}")
        o = clean_text("outcome", outcome, 40)
        if o is not None and o.lower() not in OUTCOME:
            raise BadInput("outcome", f"unknown outcome {o!r}; one of: {', '.join(OUTCOME)}")
        a = clean_text("act", act, 40)
        if a is not None and a.lower().replace(" ", "_") not in SPEECH_ACT:
            raise BadInput("act", f"unknown speech act {a!r}; one of: {', '.join(SPEECH_ACT)}")
        if count is not None and not 0 <= count <= 10**10:
            raise BadInput("count", "must be between 0 and 10^10")
        family = _family(t)
        if count is not None and family != "casualty":
            raise BadInput("count", "only casualty claims have a count")
        if (status is not None) and family != "meeting":
            raise BadInput("status", "only meetings have a status")
        return cls(
            subject=subj, type=t, object=clean_text("object", object), place=clean_text("place", place),
            date=d, status=normalise_status(status), count=count,
            qualifier=q.lower().replace(" ", "_") if q else None, outcome=o.lower() if o else None,
            quote=clean_text("quote", quote, 2000), act=a.lower().replace(" ", "_") if a else None,
        )

    def describe(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.__dict__.items() if v is not None}


def _family(t: str) -> str:
    if t in FACT_TYPES:
        return t
    return "violation" if t == "obstruction" else "meeting"


# --- dates -------------------------------------------------------------------------------------------------

Interval = tuple[dt.date, dt.date]


def _interval_of_text(value: str) -> Interval:
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(value) == 4:
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if len(parts) == 3:
            d = dt.date.fromisoformat(value)
            return d, d
    except ValueError:
        pass
    raise BadInput("date", f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _parse_stored(value: str | None) -> Interval | None:
    """A stored date (xsd:date, gYearMonth, gYear) as an interval; None for anything else."""
    if not value or value.startswith("--"):
        return None
    try:
        return _interval_of_text(value[:10])
    except BadInput:
        return None


def _month_day(value: str, published: dt.date | None) -> Interval | None:
    """`--MM-DD` placed in the year that brings it nearest to the publication date."""
    if published is None:
        return None
    try:
        m, d = int(value[2:4]), int(value[5:7])
        options = [dt.date(y, m, d) for y in (published.year - 1, published.year, published.year + 1)]
    except ValueError:
        return None
    best = min(options, key=lambda x: abs((x - published).days))
    return best, best


def fact_interval(f: Fact) -> tuple[Interval | None, bool]:
    """(interval, exact) — exact False when the date is the article's publication, not the fact's own."""
    published = None
    for e in f.evidence:
        p = _parse_stored(e.published)
        if p is not None and p[0] == p[1]:
            published = p[0]
            break
    if f.date:
        if f.date.startswith("--"):
            return _month_day(f.date, published), True
        iv = _parse_stored(f.date)
        if iv is not None:
            return iv, True
    if published is not None:
        return (published, published), False
    return None, False


def date_compatible(f: Fact, claim_iv: Interval | None) -> bool:
    if claim_iv is None:
        return True
    iv, exact = fact_interval(f)
    if iv is None:
        return True  # nothing to go by: do not rule it out
    lo, hi = claim_iv
    if exact:
        return iv[0] <= hi and iv[1] >= lo
    pub = iv[0]
    if f.status in _INTENDED:  # announced before it happens
        return lo - dt.timedelta(days=ANNOUNCE_BEFORE_DAYS) <= pub <= hi
    return lo <= pub <= hi + dt.timedelta(days=REPORT_AFTER_DAYS)


# --- figures -----------------------------------------------------------------------------------------------


def count_range(count: int | None, qualifier: str | None) -> tuple[float, float] | None:
    """The people a figure allows: exactly n -> [n, n]; at least n -> [n, inf); about n -> n +- 10 %."""
    if count is None or qualifier == "vague":
        return None
    q = qualifier or "exactly"
    if q == "at_least":
        return count, float("inf")
    if q == "more_than":
        return count + 1, float("inf")
    if q == "at_most":
        return 0, count
    if q == "about":
        slack = max(1.0, 0.1 * count)
        return count - slack, count + slack
    return count, count


# --- classification ----------------------------------------------------------------------------------------


def _names(f: Fact) -> set[str]:
    refs = [*f.actors, *f.parties, *f.accused]
    for r in (f.place, f.agreement, f.claimant, f.speaker, f.holder, f.position):
        if r is not None:
            refs.append(r)
    out = {r.iri for r in refs}
    out.add(f.iri)
    return out


def classify(claim: Claim, f: Fact, subject: str, obj: str | None, place: str | None,
             claim_iv: Interval | None) -> tuple[str | None, str]:
    """('supporting' | 'contradicting' | 'related' | None (unrelated), why)."""
    family = _family(claim.type)
    names = _names(f)
    if subject not in names or (obj is not None and obj not in names):
        return None, "other entities"
    if family == "statement" and (f.speaker is None or f.speaker.iri != subject):
        return None, "not the speaker"
    if family == "position" and obj is not None and (f.position is None or f.position.iri != obj):
        return None, "another office"
    if not date_compatible(f, claim_iv):
        return None, "another date"
    if place is not None and f.place is not None and f.place.iri != place:
        if family == "meeting" and claim_iv is not None and claim_iv[0] == claim_iv[1] and f.status == "occurred" \
                and (claim.status or "occurred") == "occurred" and fact_interval(f) == (claim_iv, True):
            return "contradicting", "same day, another place"
        return None, "another place"
    if family == "meeting":
        return _meeting(claim, f)
    if family == "casualty":
        return _casualty(claim, f, place)
    if family == "statement":
        return _statement(claim, f)
    return "supporting", "the graph has this fact"


def _meeting(claim: Claim, f: Fact) -> tuple[str, str]:
    want = claim.status or "occurred"
    got = f.status or "occurred"
    if got == want:
        return "supporting", f"reported as {got}"
    if (got in _NOT_HAPPENING) != (want in _NOT_HAPPENING):
        return "contradicting", f"reported as {got}, the claim says {want}"
    return "related", f"reported as {got}, the claim says {want}"


def _casualty(claim: Claim, f: Fact, place: str | None) -> tuple[str | None, str]:
    if claim.outcome is not None and f.outcome != claim.outcome:
        return None, "another outcome"
    if place is not None and f.place is None:
        return "related", "no place given"
    want = count_range(claim.count, claim.qualifier)
    if want is None:
        return "supporting", "a claim of this kind"
    got = count_range(f.count, f.qualifier)
    if got is None:
        return "related", f"no figure ({f.count_text or 'unspecified'})"
    if claim.outcome is None:
        return "related", f"figure {f.count_text} for {f.outcome}; give an outcome to compare figures"
    if got[0] <= want[1] and want[0] <= got[1]:
        return "supporting", f"figure {f.count_text!r} fits"
    return "contradicting", f"figure {f.count_text!r} differs"


def _statement(claim: Claim, f: Fact) -> tuple[str | None, str]:
    if claim.quote:
        words = fold(claim.quote)
        haystacks = [fold(f.quote or "")] + [fold(e.text or "") for e in f.evidence]
        if not any(words and words in h for h in haystacks):
            return None, "other words"
    if claim.act is not None and f.speech_act is not None:
        if (claim.act in NEGATIVE_ACTS) != (f.speech_act in NEGATIVE_ACTS):
            return "contradicting", f"the speaker's act is {f.speech_act}, the claim says {claim.act}"
    return "supporting", "the speaker said so"


# --- the check ---------------------------------------------------------------------------------------------


def _resolve(lookup: FactLookup, parameter: str, ref: str | None) -> tuple[EntityInfo | None, str | None]:
    """(entity, note): raises AmbiguousReference for several candidates; None + note when nothing fits."""
    if ref is None:
        return None, None
    res = lookup.resolve(ref, parameter)
    if res.status == "ambiguous":
        raise AmbiguousReference(parameter, res)
    if res.entity is None:
        return None, f"{parameter}: nothing in the graph is called {ref!r}"
    return res.entity, None


def check_claim(lookup: FactLookup, claim: Claim) -> CheckResult:
    subject, note_s = _resolve(lookup, "subject", claim.subject)
    obj, note_o = _resolve(lookup, "object", claim.object)
    place, note_p = _resolve(lookup, "place", claim.place)
    notes = [n for n in (note_s, note_o, note_p) if n]
    result = CheckResult(claim=claim.describe(), verdict="not_found", explanation="", subject=subject,
                         object=obj, place=place, notes=notes)
    if subject is None or (claim.object and obj is None) or (claim.place and place is None):
        result.explanation = "The claim names something the graph does not know, so no fact can bear on it."
        return result
    claim_iv = _interval_of_text(claim.date) if claim.date else None
    flt = FactFilter(type=claim.type)
    iris = list(_take(lookup.fact_iris(subject.iri, flt), MAX_CANDIDATES))
    if len(iris) >= MAX_CANDIDATES:
        notes.append(f"only the first {MAX_CANDIDATES} {claim.type} facts of the subject were examined")
    if obj is not None:
        other = set(_take(lookup.fact_iris(obj.iri, flt), MAX_CANDIDATES * 5))
        iris = [i for i in iris if i in other]
    groups: dict[str, list[Fact]] = {"supporting": [], "contradicting": [], "related": []}
    for iri in iris:
        f = lookup.fact(iri, subject=subject.iri)
        group, why = classify(claim, f, subject.iri, obj.iri if obj else None, place.iri if place else None, claim_iv)
        if group is not None:
            f.why = why
            groups[group].append(f)
    for g in groups.values():
        g.sort(key=lambda f: (not f.verified, f.date or "", f.iri))
    result.supporting = groups["supporting"][:MAX_LISTED]
    result.contradicting = groups["contradicting"][:MAX_LISTED]
    result.related = groups["related"][:MAX_LISTED]
    sup = [f for f in groups["supporting"] if f.verified]
    con = [f for f in groups["contradicting"] if f.verified]
    unverified = sum(1 for g in groups.values() for f in g if not f.verified)
    if sup:
        result.verdict = "supported"
        result.explanation = f"{len(sup)} verified fact(s) support the claim"
        if con:
            result.explanation += f"; {len(con)} verified fact(s) contradict it (the sources disagree)"
            notes.append("disputed: the sources disagree")
    elif con:
        result.verdict = "contradicted"
        result.explanation = f"{len(con)} verified fact(s) contradict the claim and none supports it"
    else:
        result.explanation = "no verified fact supports or contradicts the claim"
        if groups["related"]:
            result.explanation += f" ({len(groups['related'])} related fact(s) listed)"
    if unverified:
        notes.append(f"{unverified} fact(s) whose evidence failed verification are listed but not counted")
    result.notes = notes
    return result


def _take(it: Iterator[str], n: int) -> list[str]:
    return list(islice(it, n))
