"""Read per-article event reports and casualty claims from the store, as plain records.

Only the article graphs (`{base}graph/article/...`) are read: the derived
graph this package writes is never its own input.  Reading goes through
`quads_for_pattern` (index scans), not SPARQL joins, so it stays cheap on a
store of tens of thousands of articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Store

from syriakg.ontology.terms import EVENT_CLASS, KG, KG_NS, PROV, RDF_TYPE, SCHEMA, SEM, XSD

# ontology class IRI -> fact-model kind ("talks", ...)
_KIND_OF_CLASS = {KG_NS + local: kind for kind, local in EVENT_CLASS.items()}
_PRECISION = {
    XSD.date.value: "date",
    XSD.gYearMonth.value: "gYearMonth",
    XSD.gYear.value: "gYear",
    XSD.gMonthDay.value: "gMonthDay",
}


@dataclass(frozen=True, slots=True)
class DateInfo:
    """A `kg:date` as stored: the lexical form and its precision (`date`, `gMonthDay`, ...)."""

    value: str
    precision: str

    @property
    def month_day(self) -> str | None:
        """`MM-DD` for day-precise dates (xsd:date or xsd:gMonthDay), else None."""
        if self.precision == "date":
            return self.value[5:10]
        if self.precision == "gMonthDay":
            return self.value[2:7]
        return None


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's report of an event (a `kg:Meeting` node of an article graph)."""

    iri: str
    article: str
    kind: str  # fact-model kind: meeting, talks, phone_call, visit, summit, negotiation
    status: str  # status local name: Occurred, Planned, ...
    actors: frozenset[str]
    place: str | None = None
    date: DateInfo | None = None
    published: str | None = None  # the article's schema:datePublished (xsd:date lexical), if known
    countries: frozenset[str] = frozenset()  # the actors that are countries (schema:Country)


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    """One article's casualty or displacement claim."""

    iri: str
    article: str
    outcome: str  # local name: Killed, ...
    count: int | None
    place: str | None = None
    date: DateInfo | None = None
    victims: str | None = None
    claimant: str | None = None
    published: str | None = None
    place_is_country: bool = False  # a country is too coarse a place to tie year-less dates together


def _date(term: object) -> DateInfo | None:
    if isinstance(term, Literal):
        precision = _PRECISION.get(term.datatype.value)
        if precision:
            return DateInfo(term.value, precision)
    return None


class _Countries:
    """Which entities are countries (`schema:Country`), looked up once each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, bool] = {}

    def __call__(self, iri: str) -> bool:
        if iri not in self._cache:
            self._cache[iri] = any(True for _ in self.store.quads_for_pattern(NamedNode(iri), RDF_TYPE,
                                                                               SCHEMA.Country, None))
        return self._cache[iri]


class _ArticleDates:
    """schema:datePublished per article, read once each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[tuple[str, str], str | None] = {}

    def get(self, article: str, graph: NamedNode) -> str | None:
        key = (article, graph.value)
        if key not in self._cache:
            value = None
            for q in self.store.quads_for_pattern(NamedNode(article), SCHEMA.datePublished, None, graph):
                d = _date(q.object)
                if d is not None and d.precision == "date":
                    value = d.value
            self._cache[key] = value
        return self._cache[key]


def _fact_nodes(store: Store, predicate: NamedNode, prefix: str) -> Iterator[tuple[NamedNode, NamedNode]]:
    """(subject, article graph) of every `predicate` triple in an article graph, each once, sorted."""
    seen: set[tuple[str, str]] = set()
    for q in store.quads_for_pattern(None, predicate, None, None):
        g = q.graph_name
        if isinstance(g, NamedNode) and g.value.startswith(prefix) and isinstance(q.subject, NamedNode):
            seen.add((q.subject.value, g.value))
    for s, g in sorted(seen):
        yield NamedNode(s), NamedNode(g)


def read_event_reports(store: Store, base: str) -> list[EventReport]:
    """Every event node of every article graph (those carrying `kg:status`)."""
    prefix = f"{base}graph/article/"
    dates = _ArticleDates(store)
    is_country = _Countries(store)
    out: list[EventReport] = []
    for node, g in _fact_nodes(store, KG.status, prefix):
        kind = status = place = article = None
        date: DateInfo | None = None
        actors: set[str] = set()
        evidence = False
        for q in store.quads_for_pattern(node, None, None, g):
            p, o = q.predicate, q.object
            if p == RDF_TYPE and o.value in _KIND_OF_CLASS:
                kind = _KIND_OF_CLASS[o.value]
            elif p == KG.status:
                status = o.value[len(KG_NS):]
            elif p == SEM.hasActor:
                actors.add(o.value)
            elif p == SEM.hasPlace:
                place = o.value
            elif p == KG.date:
                date = _date(o)
            elif p == KG.reportedIn:
                article = o.value
            elif p == PROV.wasDerivedFrom:
                evidence = True
        if kind is None or status is None or article is None or not evidence:
            continue  # not a well-formed report (no evidence, unknown class): never merged
        out.append(EventReport(node.value, article, kind, status, frozenset(actors), place, date,
                               dates.get(article, g), frozenset(a for a in actors if is_country(a))))
    return out


def read_casualty_reports(store: Store, base: str) -> list[CasualtyReport]:
    """Every casualty claim of every article graph (those carrying `kg:outcome`)."""
    prefix = f"{base}graph/article/"
    dates = _ArticleDates(store)
    is_country = _Countries(store)
    out: list[CasualtyReport] = []
    for node, g in _fact_nodes(store, KG.outcome, prefix):
        outcome = article = place = victims = claimant = None
        count: int | None = None
        date: DateInfo | None = None
        evidence = False
        for q in store.quads_for_pattern(node, None, None, g):
            p, o = q.predicate, q.object
            if p == KG.outcome:
                outcome = o.value[len(KG_NS):]
            elif p == KG.count:
                try:
                    count = int(o.value)
                except ValueError:
                    count = None
            elif p == SEM.hasPlace:
                place = o.value
            elif p == KG.date:
                date = _date(o)
            elif p == KG.victims:
                victims = o.value
            elif p == KG.claimant:
                claimant = o.value
            elif p == KG.reportedIn:
                article = o.value
            elif p == PROV.wasDerivedFrom:
                evidence = True
        if outcome is None or article is None or not evidence:
            continue
        out.append(CasualtyReport(node.value, article, outcome, count, place, date, victims, claimant,
                                  dates.get(article, g), place is not None and is_country(place)))
    return out
