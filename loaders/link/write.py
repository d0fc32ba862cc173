"""Canonical nodes for clusters of reports, and the atomic replacement of the derived graph.

One canonical node per cluster, in the one derived graph `{base}graph/events`:

* `kg:CanonicalEvent` (a `sem:Event`): `sem:eventType` the event class the
  reports agree on (the generic `kg:Meeting` when they name different kinds),
  `sem:hasActor` the union of the participants, `kg:report` each
  per-article report, `kg:reportedStatus` each
  distinct status the reports give and `kg:reportedDate` each distinct date;
  `kg:date` and `sem:hasPlace` only when the reports that give one agree.
  The reports themselves are linked pairwise with `kg:sameEventAs`.
* `kg:CanonicalCasualty`: `kg:report` each claim,
  `kg:reportedCount` each distinct figure, `sem:hasPlace`, `kg:date`.

No `prov:wasDerivedFrom` is written on canonical nodes: in this graph that
property always leads to an evidence *sentence* (`syriakg verify`,
`syriakg evaluate` and the contract rely on it).  `kg:report` is declared
`rdfs:subPropertyOf prov:wasDerivedFrom`, so the derivation is still stated.

Nothing of a report is copied onto the canonical node as if it were agreed:
statuses, figures and dates stay on the reports (with their evidence and
claimants) and are only *listed* side by side on the canonical node.

The canonical IRI is made from the smallest report IRI of its cluster, so a
re-run over the same articles gives the same IRIs, and a report joining an
existing cluster usually keeps its IRI.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pyoxigraph import Literal, NamedNode, Quad, Store

from syriakg.loaders.link.reports import CasualtyReport, DateInfo, EventReport
from syriakg.loaders.rdf.iris import short_hash
from syriakg.ontology.terms import EVENT_CLASS, KG, KG_NS, RDF_TYPE, RDFS, SEM, XSD

_DATATYPE = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear, "gMonthDay": XSD.gMonthDay}
_KIND_VI = {
    "meeting": "Cuộc gặp", "talks": "Hội đàm", "negotiation": "Đàm phán", "summit": "Hội nghị thượng đỉnh",
    "visit": "Chuyến thăm", "phone_call": "Điện đàm",
}
_OUTCOME_VI = {
    "Killed": "Thiệt mạng", "Injured": "Bị thương", "Displaced": "Sơ tán", "Refugees": "Tị nạn",
    "Missing": "Mất tích", "Captured": "Bị bắt",
}


def canonical_kind(kinds: Iterable[str]) -> str:
    """The kind the reports agree on; a generic "meeting" report does not disagree; else "meeting"."""
    distinct = set(kinds)
    if len(distinct) == 1:
        return distinct.pop()
    specific = distinct - {"meeting"}
    return specific.pop() if len(specific) == 1 else "meeting"


def agreed_date(dates: Iterable[DateInfo | None]) -> DateInfo | None:
    """The date the reports agree on: one full date (year-less dates of its month-day agree with it), or one
    year-less date, or one month; None when they disagree or give none."""
    given = {d for d in dates if d is not None}
    full = {d for d in given if d.precision == "date"}
    month_days = {d for d in given if d.precision == "gMonthDay"}
    if len(full) == 1:
        (only,) = full
        return only if all(d.month_day == only.month_day for d in month_days) else None
    if full:
        return None
    if len(month_days) == 1:
        return next(iter(month_days))
    if month_days:
        return None
    months = {d for d in given if d.precision == "gYearMonth"}
    return next(iter(months)) if len(months) == 1 else None


def _date_literal(d: DateInfo) -> Literal:
    return Literal(d.value, datatype=_DATATYPE[d.precision])


class _Labels:
    """`rdfs:label`s of nodes, Vietnamese first, read once each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        if iri not in self._cache:
            best: tuple[int, str] | None = None
            for q in self.store.quads_for_pattern(NamedNode(iri), RDFS.label, None, None):
                o = q.object
                if isinstance(o, Literal):
                    rank = {"vi": 0, "en": 1}.get(o.language or "", 2)
                    if best is None or (rank, o.value) < best:
                        best = (rank, o.value)
            self._cache[iri] = best[1] if best else iri.rsplit("/", 1)[-1]
        return self._cache[iri]


def event_quads(cluster: Sequence[EventReport], base: str, graph: NamedNode, label: _Labels) -> list[Quad]:
    node = NamedNode(f"{base}event/{short_hash('event', cluster[0].iri)}")
    quads: list[Quad] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        quads.append(Quad(s, p, o, graph))

    kind = canonical_kind(r.kind for r in cluster)
    add(node, RDF_TYPE, KG.CanonicalEvent)
    add(node, SEM.eventType, KG[EVENT_CLASS[kind]])
    actors = sorted(set().union(*(r.actors for r in cluster)))
    for a in actors:
        add(node, SEM.hasActor, NamedNode(a))
    places = {r.place for r in cluster if r.place}
    if len(places) == 1:
        add(node, SEM.hasPlace, NamedNode(next(iter(places))))
    date = agreed_date(r.date for r in cluster)
    if date is not None:
        add(node, KG.date, _date_literal(date))
    for d in sorted({r.date for r in cluster if r.date is not None}, key=lambda d: (d.value, d.precision)):
        add(node, KG.reportedDate, _date_literal(d))
    for status in sorted({r.status for r in cluster}):
        add(node, KG.reportedStatus, NamedNode(KG_NS + status))
    names = " – ".join(sorted(label(a) for a in actors))
    text = f"{_KIND_VI[kind]}: {names}" + (f" ({date.value})" if date is not None else "")
    add(node, RDFS.label, Literal(text, language="vi"))
    for r in cluster:
        add(node, KG.report, NamedNode(r.iri))
        for other in cluster:
            if other.iri != r.iri:
                add(NamedNode(r.iri), KG.sameEventAs, NamedNode(other.iri))
    return quads


def casualty_quads(cluster: Sequence[CasualtyReport], base: str, graph: NamedNode, label: _Labels) -> list[Quad]:
    node = NamedNode(f"{base}casualty/{short_hash('casualty', cluster[0].iri)}")
    quads: list[Quad] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        quads.append(Quad(s, p, o, graph))

    add(node, RDF_TYPE, KG.CanonicalCasualty)
    place = cluster[0].place  # the clustering requires one place
    if place:
        add(node, SEM.hasPlace, NamedNode(place))
    date = agreed_date(r.date for r in cluster)
    if date is not None:
        add(node, KG.date, _date_literal(date))
    for d in sorted({r.date for r in cluster if r.date is not None}, key=lambda d: (d.value, d.precision)):
        add(node, KG.reportedDate, _date_literal(d))
    for n in sorted({r.count for r in cluster if r.count is not None}):
        add(node, KG.reportedCount, Literal(str(n), datatype=XSD.integer))
    outcome = cluster[0].outcome
    text = f"{_OUTCOME_VI.get(outcome, outcome)}: {label(place) if place else '?'}" + \
        (f" ({date.value})" if date is not None else "")
    add(node, RDFS.label, Literal(text, language="vi"))
    for r in cluster:
        add(node, KG.report, NamedNode(r.iri))
    return quads


def _ntriples(quads: Iterable[Quad]) -> str:
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def replace_graph(store: Store, graph: NamedNode, quads: Iterable[Quad]) -> bool:
    """Make `graph` hold exactly `quads`, in one transaction (one SPARQL update); False if it already did."""
    old = set(store.quads_for_pattern(None, None, None, graph))
    new = {Quad(q.subject, q.predicate, q.object, graph) for q in quads}
    if old == new:
        return False
    ops = []
    gone, added = sorted(old - new, key=str), sorted(new - old, key=str)
    if gone:
        ops.append(f"DELETE DATA {{ GRAPH {graph} {{\n{_ntriples(gone)}\n}} }}")
    if added:
        ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(added)}\n}} }}")
    store.update(" ;\n".join(ops))
    return True
