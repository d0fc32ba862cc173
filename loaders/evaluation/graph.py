"""What the store says about one article, read through SPARQL over the contract vocabulary only.

Nothing here depends on how syriakg builds its IRIs, so the evaluator scores
anyone's graph that follows CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Store

from syriakg.ontology.terms import (
    KG_NS,
    NIF_NS,
    OWL_NS,
    RDF_NS,
    RDFS_NS,
    SCHEMA_NS,
    SEM_NS,
    WD_NS,
    sparql_prefixes,
)

RDF_TYPE = RDF_NS + "type"
LABEL_PROPS = (RDFS_NS + "label", SCHEMA_NS + "name")
SAME_AS = OWL_NS + "sameAs"

# The six contract meeting classes -> gold event type
MEETING_TYPES = {
    KG_NS + "Meeting": "meeting",
    KG_NS + "Talks": "talks",
    KG_NS + "PhoneCall": "phone_call",
    KG_NS + "Visit": "visit",
    KG_NS + "Summit": "summit",
    KG_NS + "Negotiation": "negotiation",
}
AGREEMENT = KG_NS + "Agreement"
VIOLATION = KG_NS + "ViolationClaim"
OBSTRUCTION = KG_NS + "ObstructionClaim"
CASUALTY = KG_NS + "CasualtyClaim"
STATEMENT = KG_NS + "Statement"
HOLDING = KG_NS + "PositionHolding"
ENTITY_CLASSES = {SCHEMA_NS + c for c in ("Person", "Country", "Place", "Organization")} | {
    KG_NS + "ArmedGroup", KG_NS + "EthnicGroup"}
# fact properties whose values are entities of the article.  Not kg:party: a catalogue agreement
# carries its parties whatever the article says, so they say nothing about the article's entities.
ENTITY_ARGS = (SEM_NS + "hasActor", SEM_NS + "hasPlace", KG_NS + "speaker", KG_NS + "claimant",
               KG_NS + "accused", KG_NS + "holder")


@dataclass(slots=True)
class Node:
    """A graph node as the evaluator sees it: types, labels (rdfs:label, schema:name), Wikidata QIDs."""

    iri: str
    types: set[str] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    qids: set[str] = field(default_factory=set)
    other_same_as: set[str] = field(default_factory=set)  # owl:sameAs outside wd:


@dataclass(slots=True)
class TextUnit:
    """A sentence, caption or mention of the article."""

    iri: str
    types: set[str]
    begin: int | None
    end: int | None
    anchor: str | None
    entities: set[str] = field(default_factory=set)  # itsrdf:taIdentRef of a mention (one span may name several)

    @property
    def entity(self) -> str | None:
        """One referent, for messages (sorted, so reports are stable)."""
        return min(self.entities) if self.entities else None

    @property
    def is_sentence(self) -> bool:
        return NIF_NS + "Sentence" in self.types

    @property
    def is_mention(self) -> bool:
        return NIF_NS + "Phrase" in self.types or self.entity is not None


@dataclass(slots=True)
class Fact:
    """A node resting (prov:wasDerivedFrom) on at least one text unit of the article."""

    iri: str
    types: set[str]
    props: dict[str, list[NamedNode | Literal]]
    evidence: list[TextUnit]

    def iris(self, prop: str) -> list[str]:
        return [v.value for v in self.props.get(prop, []) if isinstance(v, NamedNode)]

    def literals(self, prop: str) -> list[str]:
        return [v.value for v in self.props.get(prop, []) if isinstance(v, Literal)]

    def first_literal(self, prop: str) -> str | None:
        lits = self.literals(prop)
        return lits[0] if lits else None


@dataclass(slots=True)
class ArticleView:
    iri: str
    text: str | None
    headline: list[str]
    date_published: list[str]
    units: list[TextUnit]
    facts: list[Fact]
    nodes: dict[str, Node]

    def node(self, iri: str) -> Node:
        return self.nodes.get(iri) or Node(iri)

    def facts_of(self, *types: str) -> list[Fact]:
        return [f for f in self.facts if f.types & set(types)]

    def body_mention(self, u: TextUnit, body_end: int | None = None) -> bool:
        """A mention inside a body sentence (not a caption, not page furniture)."""
        if u.begin is None or u.end is None or (body_end is not None and u.begin >= body_end):
            return False
        return any(s.is_sentence and s.begin is not None and s.end is not None and s.begin <= u.begin
                   and u.end <= s.end for s in self.units)

    def entity_iris(self, body_end: int | None = None) -> set[str]:
        """Entities of the article: targets of mentions in body sentences, and entity arguments of its facts."""
        out: set[str] = set()
        for u in self.units:
            if u.entities and self.body_mention(u, body_end):
                out.update(u.entities)
        for f in self.facts:
            for p in ENTITY_ARGS:
                out.update(f.iris(p))
        # positions and agreements are not entities
        return {e for e in out if not (self.node(e).types & {KG_NS + "Position", AGREEMENT})}


def _q(store: Store, query: str):  # noqa: ANN202 - pyoxigraph QuerySolutions
    return store.query(sparql_prefixes() + query, use_default_graph_as_union=True)


def _int(term: object) -> int | None:
    if isinstance(term, Literal):
        try:
            return int(term.value)
        except ValueError:
            return None
    return None


def meeting_classes(store: Store) -> dict[str, str]:
    """Class IRI -> gold event type, for the six contract classes and any subclass the store declares."""
    out = dict(MEETING_TYPES)
    for row in _q(store, "SELECT DISTINCT ?c WHERE { ?c rdfs:subClassOf+ kg:Meeting }"):
        out.setdefault(row["c"].value, "meeting")
    return out


def find_articles(store: Store, source_file: str) -> list[str]:
    rows = _q(store, f"SELECT DISTINCT ?a WHERE {{ ?a kg:sourceFile {Literal(source_file)} }}")
    return sorted(r["a"].value for r in rows)


def describe(store: Store, iris: set[str]) -> dict[str, Node]:
    """Types, labels and owl:sameAs of the given nodes."""
    nodes: dict[str, Node] = {}
    todo = sorted(iris)
    for i in range(0, len(todo), 200):
        values = " ".join(f"<{x}>" for x in todo[i:i + 200])
        q = f"""SELECT ?n ?p ?o WHERE {{ VALUES ?n {{ {values} }}
                VALUES ?p {{ rdf:type rdfs:label schema:name owl:sameAs }} ?n ?p ?o }}"""
        for r in _q(store, q):
            n = nodes.setdefault(r["n"].value, Node(r["n"].value))
            p, o = r["p"].value, r["o"]
            if p == RDF_TYPE:
                n.types.add(o.value)
            elif p == SAME_AS:
                if o.value.startswith(WD_NS):
                    n.qids.add(o.value[len(WD_NS):])
                else:
                    n.other_same_as.add(o.value)
            elif isinstance(o, Literal) and o.value not in n.labels:
                n.labels.append(o.value)
    for x in iris:
        nodes.setdefault(x, Node(x))
    return nodes


def article_view(store: Store, article: str) -> ArticleView:
    a = f"<{article}>"
    text: str | None = None
    headline: list[str] = []
    published: list[str] = []
    for r in _q(store, f"""SELECT ?p ?o WHERE {{ VALUES ?p {{ nif:isString schema:headline schema:datePublished }}
                            {a} ?p ?o }}"""):
        p = r["p"].value
        if p == NIF_NS + "isString":
            text = r["o"].value
        elif p == SCHEMA_NS + "headline":
            headline.append(r["o"].value)
        else:
            published.append(r["o"].value)

    units: dict[str, TextUnit] = {}
    q = f"""SELECT ?s ?t ?b ?e ?x ?ent WHERE {{ ?s nif:referenceContext {a} .
              OPTIONAL {{ ?s a ?t }} OPTIONAL {{ ?s nif:beginIndex ?b }} OPTIONAL {{ ?s nif:endIndex ?e }}
              OPTIONAL {{ ?s nif:anchorOf ?x }} OPTIONAL {{ ?s itsrdf:taIdentRef ?ent }} }}"""
    for r in _q(store, q):
        iri = r["s"].value
        u = units.get(iri)
        if u is None:
            u = units[iri] = TextUnit(iri, set(), _int(r["b"]), _int(r["e"]),
                                      r["x"].value if r["x"] is not None else None)
        if r["t"] is not None:
            u.types.add(r["t"].value)
        if r["ent"] is not None:
            u.entities.add(r["ent"].value)

    evidence: dict[str, list[TextUnit]] = {}
    q = f"""SELECT DISTINCT ?f ?s WHERE {{ ?f prov:wasDerivedFrom ?s . ?s nif:referenceContext {a} }}"""
    for r in _q(store, q):
        s = units.get(r["s"].value)
        if s is not None:
            evidence.setdefault(r["f"].value, []).append(s)
    facts: list[Fact] = []
    fact_iris = sorted(evidence)
    props: dict[str, dict[str, list[NamedNode | Literal]]] = {f: {} for f in fact_iris}
    for i in range(0, len(fact_iris), 200):
        values = " ".join(f"<{x}>" for x in fact_iris[i:i + 200])
        for r in _q(store, f"SELECT ?f ?p ?o WHERE {{ VALUES ?f {{ {values} }} ?f ?p ?o }}"):
            vals = props[r["f"].value].setdefault(r["p"].value, [])
            if r["o"] not in vals:
                vals.append(r["o"])
    for f in fact_iris:
        types = {v.value for v in props[f].get(RDF_TYPE, [])}
        ev = sorted(evidence[f], key=lambda u: (u.begin if u.begin is not None else -1, u.iri))
        facts.append(Fact(f, types, props[f], ev))

    referenced: set[str] = set(fact_iris)  # facts too: agreements are described by their labels
    for f in facts:
        for vals in f.props.values():
            referenced.update(v.value for v in vals if isinstance(v, NamedNode))
    referenced.update(e for u in units.values() for e in u.entities)
    return ArticleView(article, text, headline, published, sorted(units.values(), key=lambda u: (u.begin or 0, u.iri)),
                       facts, describe(store, referenced))


def all_linked_nodes(store: Store) -> dict[str, Node]:
    """Every node of the store with an owl:sameAs (for the wrong-QID check)."""
    rows = _q(store, "SELECT DISTINCT ?n WHERE { ?n owl:sameAs ?x }")
    return describe(store, {r["n"].value for r in rows if isinstance(r["n"], NamedNode)})

