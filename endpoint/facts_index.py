"""An in-memory index of who is named by which fact, per store version: filters and totals without per-fact probes.

The fixed SPARQL queries of `lookup` stream a page of an entity's facts in a
few milliseconds, but a filter on date or status must look at every fact of
the entity (three index probes each), and so must an exact total: for the
most frequent entities of the 35k-article corpus (thousands of facts, most
without a date of their own) that is a tenth of a second or more.  This index
holds, for every fact, its kind, status, date interval and roles, so those
questions are answered in Python in well under a millisecond.

It is built with a handful of fixed whole-store queries (seconds for the
35k-article corpus; the server builds it in the background after each store
change and answers from SPARQL meanwhile) and holds only IRIs and short
codes.  It decides which facts are on a page; the facts themselves, and the
check of their evidence, still come from the store at lookup time.

Order: newest first (the fact's date, else its article's publication, as
ISO strings of any precision: "2019-03-17" before "2019-03"), undated facts
last, ties by IRI; a catalogue agreement looked up as an entity
comes first.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

from pyoxigraph import Store

from syriakg.ontology.terms import KG_NS, PROV, RDF_TYPE, SCHEMA, sparql_prefixes

_P = sparql_prefixes()


@dataclass(slots=True)
class FactRow:
    classes: set[str] = field(default_factory=set)  # local names of kg: classes
    status: str | None = None  # local name, e.g. "Occurred"
    date: str | None = None  # the fact's own kg:date (with a year)
    reported: str | None = None  # article (kg:reportedIn)
    lo: str | None = None  # date interval used by filters (YYYY-MM-DD)
    hi: str | None = None
    when: str = ""  # the date as written (ISO, any precision): the sort key


def interval(value: str | None) -> tuple[str, str] | tuple[None, None]:
    """The same interval the SPARQL date fragment computes: 2019 -> 2019-01-01..2019-12-31."""
    if not value or value.startswith("--"):
        return None, None
    if len(value) == 4:
        return value + "-01-01", value + "-12-31"
    if len(value) == 7:
        return value + "-01", value + "-31"
    return value[:10], value[:10]


class FactIndex:
    def __init__(self) -> None:
        self.facts: dict[str, FactRow] = {}
        self.by_entity: dict[str, list[tuple[str, str]]] = {}  # entity -> [(fact, role)], newest first
        self.self_facts: set[str] = set()  # agreements that are facts themselves
        self.seconds = 0.0

    @classmethod
    def build(cls, store: Store, roles: dict[str, str], fact_classes: set[str]) -> FactIndex:
        """`roles`: role name -> predicate IRI; `fact_classes`: class IRIs that make a node a fact."""
        t0 = time.perf_counter()
        idx = cls()
        intern = sys.intern

        def q(text: str):  # noqa: ANN202 - solutions
            return store.query(_P + text, use_default_graph_as_union=True)

        union = " UNION ".join(f'{{ ?f <{p}> ?e BIND("{r}" AS ?r) }}' for r, p in roles.items())
        pairs: dict[str, list[tuple[str, str]]] = {}
        for row in q(f"SELECT ?f ?e ?r WHERE {{ {union} FILTER(isIRI(?e)) }}"):
            f = intern(row["f"].value)
            pairs.setdefault(intern(row["e"].value), []).append((f, intern(row["r"].value)))
            idx.facts.setdefault(f, FactRow())
        by_class = " UNION ".join(f'{{ ?f a <{c}> BIND("{c[len(KG_NS):]}" AS ?t) }}' for c in sorted(fact_classes))
        for row in q(f"SELECT ?f ?t WHERE {{ {by_class} }}"):  # one index range per class, not every rdf:type
            r = idx.facts.get(row["f"].value)
            if r is not None:
                r.classes.add(intern(row["t"].value))
        for row in q("SELECT ?f ?s WHERE { ?f kg:status ?s }"):
            r = idx.facts.get(row["f"].value)
            if r is not None:
                r.status = intern(row["s"].value[len(KG_NS):])
        for row in q('SELECT ?f ?d WHERE { ?f kg:date ?d FILTER(!STRSTARTS(STR(?d), "--")) }'):
            r = idx.facts.get(row["f"].value)
            if r is not None and r.date is None:
                r.date = row["d"].value
        for row in q("SELECT ?f ?a WHERE { ?f kg:reportedIn ?a }"):
            r = idx.facts.get(row["f"].value)
            if r is not None and r.reported is None:
                r.reported = intern(row["a"].value)
        published: dict[str, str] = {}
        for row in q(f"SELECT ?a ?d WHERE {{ ?a <{SCHEMA.datePublished.value}> ?d }}"):
            published.setdefault(row["a"].value, row["d"].value)
        for r in idx.facts.values():
            when = r.date or (published.get(r.reported) if r.reported else None)
            r.lo, r.hi = interval(when)
            r.when = when if r.lo else ""
        for row in q(f"SELECT DISTINCT ?f WHERE {{ ?f <{RDF_TYPE.value}> kg:Agreement . "
                     f"FILTER EXISTS {{ ?f <{PROV.wasDerivedFrom.value}> ?s }} }}"):
            f = intern(row["f"].value)
            idx.self_facts.add(f)
            r = idx.facts.setdefault(f, FactRow())
            r.classes.add("Agreement")
            if r.lo is None:
                r.lo, r.hi = interval(r.date)
                r.when = r.date if r.lo else ""
        for e, lst in pairs.items():
            seen: dict[tuple[str, str], None] = dict.fromkeys(lst)
            idx.by_entity[e] = idx._ordered(list(seen))
        idx.seconds = time.perf_counter() - t0
        return idx

    def _ordered(self, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Newest first (ISO strings of any precision sort as dates do), then the undated ones."""
        dated = [fr for fr in pairs if self.facts[fr[0]].when]
        undated = [fr for fr in pairs if not self.facts[fr[0]].when]
        dated.sort(key=lambda fr: (self.facts[fr[0]].when, fr[0], fr[1]), reverse=True)
        undated.sort()
        return dated + undated

    def select(self, entity: str, types: set[str] | None, roles: set[str] | None, status: str | None,
               date_from: str | None, date_to: str | None, self_fact: bool) -> list[str]:
        """The entity's facts passing the filters (class local names, role names, status local name, dates)."""
        out: list[str] = []
        seen: set[str] = set()
        lo, hi = date_from or "0000-01-01", date_to or "9999-12-31"
        dated = date_from is not None or date_to is not None

        def keep(f: str) -> bool:
            r = self.facts.get(f)
            if r is None:
                return False
            if types is not None and not (r.classes & types):
                return False
            if status is not None and r.status != status:
                return False
            if dated and (r.lo is None or r.hi is None or r.lo > hi or r.hi < lo):
                return False
            return True

        if self_fact and entity in self.self_facts and keep(entity):
            out.append(entity)
            seen.add(entity)
        for f, role in self.by_entity.get(entity, ()):
            if f in seen or (roles is not None and role not in roles):
                continue
            if keep(f):
                out.append(f)
                seen.add(f)
        return out
