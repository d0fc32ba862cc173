"""Facts -> RDF: the one module that knows how the fact model maps onto the ontology.

`to_nquads(extraction, base)` returns the article as N-Quads text in three
parts, and `to_quads(extraction, base)` the same as pyoxigraph quads:

* the article's own named graph: the article, its sentences and captions,
  mentions, and every fact resting on its sentences (with
  `prov:wasDerivedFrom`, `kg:reportedIn` and `kg:textSha256` so stale
  evidence can be detected later);
* the shared `graph/entities`: descriptions of nodes many articles share
  (entities, positions, outlets, catalogue agreements).  A shared node is
  described in that one graph only, because Oxigraph's union default graph
  would return a triple stored in two graphs twice.  Articles only point at
  shared nodes (and add evidence links to catalogue agreements).

The writer formats N-Quads lines itself (exactly as Oxigraph's serialiser
does) instead of building a pyoxigraph `Quad` per triple: an article has
~200 quads and building them was most of the mapping's cost.  The IRIs that
are formatted without `NamedNode` validation all extend the article's IRI
(validated once) with ASCII offsets; every other term is still built as a
pyoxigraph term.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from syriakg.loaders.model import (
    Agreement,
    CasualtyClaim,
    DateValue,
    Entity,
    Event,
    Extraction,
    Position,
    PositionHolding,
    Sentence,
    Statement,
    ViolationClaim,
)
from syriakg.loaders.rdf.iris import Iris, short_hash
from syriakg.ontology.terms import (
    ENTITY_CLASS,
    EVENT_CLASS,
    ITSRDF,
    KG,
    NIF,
    OUTCOME,
    OWL,
    PROV,
    QUALIFIER,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SEM,
    SPEECH_ACT,
    STATUS,
    WD,
    XSD,
)

EXTRACTOR_VERSION = "0.1.0"

_DATE_TYPES = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear, "gMonthDay": XSD.gMonthDay}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def date_literal(d: DateValue) -> Literal:
    return Literal(d.value, datatype=_DATE_TYPES[d.precision])


def _vi(text: str) -> Literal:
    return Literal(text, language="vi")


def _en(text: str) -> Literal:
    return Literal(text, language="en")


def _int(n: int, datatype: NamedNode | None = None) -> Literal:
    return Literal(str(n), datatype=datatype or XSD.integer)


# N-Quads string escapes, the same as Oxigraph's serialiser writes them
_ESCAPES = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({ord("\b"): "\\b", ord("\t"): "\\t", ord("\n"): "\\n", ord("\f"): "\\f", ord("\r"): "\\r",
                 ord('"'): '\\"', ord("\\"): "\\\\"})


_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def nt_string(text: str) -> str:
    """A plain string literal in N-Triples syntax."""
    if _NEEDS_ESCAPE.search(text) is None:  # most strings: no translate() pass
        return f'"{text}"'
    return '"' + text.translate(_ESCAPES) + '"'


_T_TYPE = str(RDF_TYPE)
_T_SENTENCE = str(NIF.Sentence)
_T_CAPTION = str(KG.Caption)
_T_PHRASE = str(NIF.Phrase)
_T_CONTEXT = str(NIF.referenceContext)
_T_BEGIN = str(NIF.beginIndex)
_T_END = str(NIF.endIndex)
_T_ANCHOR = str(NIF.anchorOf)
_T_IDENT = str(ITSRDF.taIdentRef)
_T_NNI = "^^" + str(XSD.nonNegativeInteger)


@dataclass(slots=True)
class NQuads:
    """One article as N-Quads text (UTF-8), split the way the loader writes it."""

    body: bytes  # the article's named graph without its commit marker
    marker: bytes  # the `kg:sha256` triple, written last: it marks the graph complete
    shared: list[bytes]  # lines (without their newline) for the shared entities graph


_ENTITY_LINES: dict[tuple, tuple[str, ...]] = {}


class _Writer:
    """Accumulates quads for one article."""

    def __init__(self, ex: Extraction, iris: Iris) -> None:
        self.ex = ex
        self.iris = iris
        art = ex.article
        self.doc_id = art.doc_id
        self.g = iris.article_graph(self.doc_id)
        self.shared_g = iris.graph("entities")
        self.article = iris.article(self.doc_id)
        self.sha = text_sha256(art.text)
        self.lines: list[str] = []  # N-Quads lines of the article graph
        self.marker: list[str] = []
        self.shared: list[str] = []  # N-Quads lines of the shared graph, without newline
        self._g = f" {self.g} .\n"
        self._shared_g = f" {self.shared_g} ."
        self._article_nt = str(self.article)
        self._article_iri = self.article.value  # validated by NamedNode: its extensions below are valid IRIs
        self._sentence_iris: dict[int, NamedNode] | None = None
        self._used: set[str] = set()

    @property
    def _sentence_iri(self) -> dict[int, NamedNode]:
        """Sentence index -> IRI, built when the first fact needs its evidence."""
        if self._sentence_iris is None:
            self._sentence_iris = {s.index: self.iris.sentence(self.doc_id, s.begin, s.end) for s in self.ex.sentences}
        return self._sentence_iris

    # -- helpers -------------------------------------------------------------
    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.lines.append(f"{s} {p} {o}{self._g}")

    def add_shared(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.shared.append(f"{s} {p} {o}{self._shared_g}")

    def fact_iri(self, kind: str, *parts: object) -> NamedNode:
        digest = short_hash(kind, *parts)
        n = 0
        while f"{kind}/{digest}" in self._used:  # same fact twice in one article: keep both, distinctly
            n += 1
            digest = short_hash(kind, *parts, n)
        self._used.add(f"{kind}/{digest}")
        return self.iris.fact(self.doc_id, kind, digest)

    def evidence(self, node: NamedNode, sentence_indexes: Iterable[int]) -> None:
        seen = False
        for i in sorted(set(sentence_indexes)):
            iri = self._sentence_iri.get(i)
            if iri is not None:
                self.add(node, PROV.wasDerivedFrom, iri)
                seen = True
        if not seen:
            raise ValueError(f"{self.ex.article.source_file}: a fact without evidence sentence ({node.value})")
        self.add(node, KG.reportedIn, self.article)
        self.add(node, KG.textSha256, Literal(self.sha))

    def entity(self, key: str) -> NamedNode:
        return self.iris.entity(key)

    def date(self, node: NamedNode, d: DateValue | None) -> None:
        if d is None:
            return
        self.add(node, KG.date, date_literal(d))
        if d.text:
            self.add(node, KG.dateText, Literal(d.text))

    # -- article -------------------------------------------------------------
    def write_article(self) -> None:
        art, a = self.ex.article, self.article
        self.add(a, RDF_TYPE, SCHEMA.NewsArticle)
        self.add(a, RDF_TYPE, NIF.Context)
        self.add(a, NIF.isString, Literal(art.text))
        self.add(a, KG.sourceFile, Literal(art.source_file))
        self.add(a, SCHEMA.headline, Literal(art.headline))
        self.marker.append(f"{a} {KG.sha256} {nt_string(self.sha)}{self._g}")
        self.add(a, KG.extractorVersion, Literal(EXTRACTOR_VERSION))
        self.add(a, KG.bodyEnd, _int(art.body_end, XSD.nonNegativeInteger))
        if art.date_published is not None:
            self.add(a, SCHEMA.datePublished, date_literal(art.date_published))
        if art.outlet:
            outlet = self.iris.outlet(art.outlet)
            self.add(a, SCHEMA.publisher, outlet)
            self.add_shared(outlet, RDF_TYPE, SCHEMA.Organization)
            self.add_shared(outlet, SCHEMA.name, Literal(art.outlet))
            self.add_shared(outlet, RDFS.label, _vi(art.outlet))
        if art.author:
            author = NamedNode(a.value + "/author")
            self.add(a, SCHEMA.author, author)
            self.add(author, RDF_TYPE, SCHEMA.Person)
            self.add(author, SCHEMA.name, Literal(art.author))
        if art.wire_agency:
            self.add(a, KG.wireAgency, Literal(art.wire_agency))
        if art.photo_credit:
            self.add(a, KG.photoCredit, Literal(art.photo_credit))
        if art.header_date_text:
            self.add(a, KG.headerDateText, Literal(art.header_date_text))
        if art.date_conflict:
            self.add(a, KG.dateConflict, Literal(art.date_conflict))
        url = art.url or art.raw.url
        if url:
            self.add(a, SCHEMA.url, Literal(url))
        for s in self.ex.sentences:
            self.write_string(s, _T_SENTENCE, "sentence")
        for c in self.ex.captions:
            self.write_string(c, _T_CAPTION, "caption")

    def write_string(self, s: Sentence, cls: str, kind: str) -> None:
        """A NIF string of the article (sentence, caption or mention), formatted directly (the hot path)."""
        b, e, g = s.begin, s.end, self._g
        node = f"<{self._article_iri}/{kind}/{b}-{e}>"
        text = s.text
        lit = f'"{text}"' if _NEEDS_ESCAPE.search(text) is None else nt_string(text)
        # one string for the five lines (the article's lines are joined in the end anyway)
        self.lines.append(
            f"{node} {_T_TYPE} {cls}{g}"
            f"{node} {_T_CONTEXT} {self._article_nt}{g}"
            f'{node} {_T_BEGIN} "{b}"{_T_NNI}{g}'
            f'{node} {_T_END} "{e}"{_T_NNI}{g}'
            f"{node} {_T_ANCHOR} {lit}{g}"
        )

    # -- entities and mentions -----------------------------------------------
    def write_entities(self) -> None:
        used = {m.entity for m in self.ex.mentions}
        used |= {h.holder for h in self.ex.positions}
        for key in sorted(used):
            e = self.ex.entities.get(key)
            if e is not None:
                self.describe_entity(e)
        # (a mention's sentence is not linked with nif:sentence: the offsets say it, nothing reads it,
        # and it was 6 % of all quads)
        entity_nt: dict[str, str] = {}
        for m in self.ex.mentions:
            self.write_string(m, _T_PHRASE, "mention")
            ent = entity_nt.get(m.entity)
            if ent is None:
                ent = entity_nt[m.entity] = str(self.entity(m.entity))
            self.lines.append(f"<{self._article_iri}/mention/{m.begin}-{m.end}> {_T_IDENT} {ent}{self._g}")

    def describe_entity(self, e: Entity) -> None:
        # the same entities are described in article after article: their lines are kept (pure function
        # of the base and the entity's fields)
        ck = (self.iris.base, e.key, e.kind, e.label_vi, e.label_en, e.qid)
        got = _ENTITY_LINES.get(ck)
        if got is None:
            mark = len(self.shared)
            self._describe_entity(e)
            if len(_ENTITY_LINES) >= 20_000:
                _ENTITY_LINES.clear()
            _ENTITY_LINES[ck] = tuple(self.shared[mark:])
        else:
            self.shared.extend(got)

    def _describe_entity(self, e: Entity) -> None:
        node = self.entity(e.key)
        self.add_shared(node, RDF_TYPE, NamedNode(ENTITY_CLASS[e.kind]))
        self.add_shared(node, RDFS.label, _vi(e.label_vi))
        if e.label_en:
            self.add_shared(node, RDFS.label, _en(e.label_en))
        if e.qid:
            self.add_shared(node, OWL.sameAs, WD[e.qid])

    def describe_position(self, p: Position) -> NamedNode:
        node = self.iris.position(p.key)
        self.add_shared(node, RDF_TYPE, KG.Position)
        self.add_shared(node, RDFS.label, _vi(p.label_vi))
        if p.label_en:
            self.add_shared(node, RDFS.label, _en(p.label_en))
        if p.qid:
            self.add_shared(node, OWL.sameAs, WD[p.qid])
        return node

    # -- facts ---------------------------------------------------------------
    def write_holding(self, h: PositionHolding) -> None:
        node = self.fact_iri("holding", h.holder, h.position.key, tuple(sorted(h.evidence)))
        self.add(node, RDF_TYPE, KG.PositionHolding)
        self.add(node, KG.holder, self.entity(h.holder))
        self.add(node, KG.position, self.describe_position(h.position))
        self.date(node, h.date)
        self.evidence(node, h.evidence)

    def write_event(self, ev: Event) -> None:
        node = self.fact_iri("event", ev.kind, tuple(sorted(ev.actors)), min(ev.evidence),
                             ev.trigger.begin if ev.trigger else "")
        self.add(node, RDF_TYPE, KG[EVENT_CLASS[ev.kind]])
        self.add(node, KG.status, KG[STATUS[ev.status]])
        for a in dict.fromkeys(ev.actors):
            self.add(node, SEM.hasActor, self.entity(a))
        if ev.place:
            self.add(node, SEM.hasPlace, self.entity(ev.place))
        self.date(node, ev.date)
        if ev.topic:
            self.add(node, KG.topic, _vi(ev.topic))
        self.evidence(node, ev.evidence)

    def write_agreement(self, ag: Agreement) -> NamedNode:
        if ag.key:
            node = self.iris.agreement(ag.key)
            self.add_shared(node, RDF_TYPE, KG.Agreement)
            self.add_shared(node, RDFS.label, _vi(ag.label))
            if ag.label_en:
                self.add_shared(node, RDFS.label, _en(ag.label_en))
            if ag.qid:
                self.add_shared(node, OWL.sameAs, WD[ag.qid])
            for p in ag.parties:
                self.add_shared(node, KG.party, self.entity(p))
            if ag.date is not None:
                self.add_shared(node, KG.date, date_literal(ag.date))
            for i in sorted(set(ag.evidence)):
                if i in self._sentence_iri:
                    self.add(node, PROV.wasDerivedFrom, self._sentence_iri[i])
            return node
        node = self.fact_iri("accord", ag.label, min(ag.evidence))
        self.add(node, RDF_TYPE, KG.Agreement)
        self.add(node, RDFS.label, _vi(ag.label))
        if ag.kind:
            self.add(node, KG.topic, Literal(ag.kind))
        for p in dict.fromkeys(ag.parties):
            self.add(node, KG.party, self.entity(p))
        self.date(node, ag.date)
        self.evidence(node, ag.evidence)
        return node

    def write_violation(self, v: ViolationClaim, agreement_node: NamedNode) -> None:
        node = self.fact_iri("violation", agreement_node.value, v.claimant, tuple(sorted(v.evidence)))
        self.add(node, RDF_TYPE, KG.ViolationClaim)
        if v.obstruction:
            self.add(node, RDF_TYPE, KG.ObstructionClaim)
        self.add(node, KG.agreement, agreement_node)
        if v.claimant:
            self.add(node, KG.claimant, self.entity(v.claimant))
        for a in dict.fromkeys(v.accused):
            self.add(node, KG.accused, self.entity(a))
        self.date(node, v.date)
        self.evidence(node, v.evidence)

    def write_casualty(self, c: CasualtyClaim) -> None:
        node = self.fact_iri("casualty", c.outcome, c.count_text, tuple(sorted(c.evidence)),
                             c.span.begin if c.span else "")
        self.add(node, RDF_TYPE, KG.CasualtyClaim)
        if c.count is not None:
            self.add(node, KG.count, _int(c.count))
        self.add(node, KG.countText, Literal(c.count_text))
        self.add(node, KG.countQualifier, KG[QUALIFIER[c.qualifier]])
        self.add(node, KG.outcome, KG[OUTCOME[c.outcome]])
        if c.victims:
            self.add(node, KG.victims, _vi(c.victims))
        if c.place:
            self.add(node, SEM.hasPlace, self.entity(c.place))
        if c.claimant:
            self.add(node, KG.claimant, self.entity(c.claimant))
        self.date(node, c.date)
        self.evidence(node, c.evidence)

    def write_statement(self, st: Statement) -> None:
        node = self.fact_iri("statement", st.speaker, st.act, tuple(sorted(st.evidence)),
                             st.span.begin if st.span else "")
        self.add(node, RDF_TYPE, KG.Statement)
        self.add(node, KG.speaker, self.entity(st.speaker))
        self.add(node, KG.speechAct, KG[SPEECH_ACT[st.act]])
        if st.quote:
            self.add(node, KG.quote, _vi(st.quote))
        if st.place:
            self.add(node, SEM.hasPlace, self.entity(st.place))
        self.date(node, st.date)
        self.evidence(node, st.evidence)

    def write_all(self) -> None:
        self.write_article()
        self.write_entities()
        # every entity a fact points at must be described, even without a mention
        referenced: set[str] = set()
        for ev in self.ex.events:
            referenced.update(ev.actors)
            if ev.place:
                referenced.add(ev.place)
        for c in self.ex.casualties:
            referenced.update(k for k in (c.place, c.claimant) if k)
        for st in self.ex.statements:
            referenced.add(st.speaker)
            if st.place:
                referenced.add(st.place)
        for v in self.ex.violations:
            referenced.update(k for k in (v.claimant, *v.accused) if k)
        for ag in self.ex.agreements:
            referenced.update(ag.parties)
        described = {m.entity for m in self.ex.mentions} | {h.holder for h in self.ex.positions}
        for key in sorted(referenced - described):
            e = self.ex.entities.get(key)
            if e is not None:
                self.describe_entity(e)
        for h in self.ex.positions:
            self.write_holding(h)
        for ev in self.ex.events:
            self.write_event(ev)
        agreement_nodes: dict[int, NamedNode] = {}
        for ag in self.ex.agreements:
            agreement_nodes[id(ag)] = self.write_agreement(ag)
        for v in self.ex.violations:
            node = agreement_nodes.get(id(v.agreement)) or self.write_agreement(v.agreement)
            self.write_violation(v, node)
        for c in self.ex.casualties:
            self.write_casualty(c)
        for st in self.ex.statements:
            self.write_statement(st)


def to_nquads(ex: Extraction, base: str) -> NQuads:
    """The article as N-Quads: its graph (without the commit marker), the marker, the shared lines."""
    w = _Writer(ex, Iris(base))
    w.write_all()
    return NQuads("".join(w.lines).encode("utf-8"), "".join(w.marker).encode("utf-8"),
                  [line.encode("utf-8") for line in w.shared])


def to_quads(ex: Extraction, base: str) -> tuple[list[Quad], list[Quad]]:
    """(quads of the article's named graph, its commit marker included; quads of the shared entities graph)."""
    nq = to_nquads(ex, base)
    shared = b"".join(line + b"\n" for line in nq.shared)
    return (list(parse(nq.body + nq.marker, format=RdfFormat.N_QUADS)),
            list(parse(shared, format=RdfFormat.N_QUADS)))
