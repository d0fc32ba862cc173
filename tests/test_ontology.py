"""The ontology file: it parses, declares exactly the terms of `terms.py`, and says what the contract says."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef

from syriakg.ontology.terms import KG_CLASSES, KG_INDIVIDUALS, KG_NS, KG_PROPERTIES, KG_TERMS

REPO = Path(__file__).resolve().parent.parent
TTL = REPO / "ontology" / "syriakg.ttl"

KG = Namespace(KG_NS)
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DCTERMS = Namespace("http://purl.org/dc/terms/")


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(TTL, format="turtle")


def _kg_subjects(g: Graph) -> set[str]:
    """Local names of kg: IRIs that the file declares (subjects with an rdf:type)."""
    return {str(s)[len(KG_NS):] for s in g.subjects(RDF.type, None) if str(s).startswith(KG_NS)}


def test_parses_with_pyoxigraph_too() -> None:
    store = pyoxigraph.Store()
    store.load(path=str(TTL), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 300


def test_ontology_header(g: Graph) -> None:
    (ont,) = list(g.subjects(RDF.type, OWL.Ontology))
    assert g.value(ont, OWL.versionInfo) is not None
    assert g.value(ont, DCTERMS.license) is not None
    assert g.value(ont, DCTERMS.creator) == Literal("syriakg")


def test_terms_py_and_ttl_declare_the_same_kg_terms(g: Graph) -> None:
    declared = _kg_subjects(g)
    assert set(KG_TERMS) - declared == set(), "in terms.py but not declared in syriakg.ttl"
    assert declared - set(KG_TERMS) == set(), "declared in syriakg.ttl but not listed in terms.py"
    # no stray kg: IRI used anywhere in the file without being a term
    used = {str(t)[len(KG_NS):] for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert used <= set(KG_TERMS)


@pytest.mark.parametrize("name", KG_TERMS)
def test_every_term_has_labels_in_english_and_vietnamese_and_a_comment(g: Graph, name: str) -> None:
    term = KG[name]
    langs = {lit.language for lit in g.objects(term, RDFS.label)}
    assert {"en", "vi"} <= langs, name
    comment_langs = {lit.language for lit in g.objects(term, RDFS.comment)}
    assert "en" in comment_langs, name


def test_term_kinds(g: Graph) -> None:
    for c in KG_CLASSES:
        assert (KG[c], RDF.type, OWL.Class) in g, c
    for p in KG_PROPERTIES:
        kinds = set(g.objects(KG[p], RDF.type))
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, p
    for i in KG_INDIVIDUALS:
        assert (KG[i], RDF.type, OWL.NamedIndividual) in g, i


VALUE_SETS = {
    "Status": ["Occurred", "Planned", "Possible", "Proposed", "Cancelled", "Denied"],
    "CountQualifier": ["Exactly", "AtLeast", "MoreThan", "About", "AtMost", "Vague"],
    "Outcome": ["Killed", "Injured", "Displaced", "Refugees", "Missing", "Captured"],
    "SpeechAct": ["Say", "Announce", "Confirm", "Deny", "CallFor", "Reject", "Warn", "Accuse"],
}


@pytest.mark.parametrize("cls", sorted(VALUE_SETS))
def test_value_sets_are_closed_and_typed(g: Graph, cls: str) -> None:
    members = VALUE_SETS[cls]
    for m in members:
        assert (KG[m], RDF.type, KG[cls]) in g, m
    typed = {str(s)[len(KG_NS):] for s in g.subjects(RDF.type, KG[cls])}
    assert typed == set(members)
    one_of = g.value(KG[cls], OWL.oneOf)
    from rdflib.collection import Collection

    assert [str(x)[len(KG_NS):] for x in Collection(g, one_of)] == members


def test_denied_is_a_status_and_deny_a_speech_act(g: Graph) -> None:
    assert (KG.Denied, RDF.type, KG.Status) in g
    assert (KG.Denied, RDF.type, KG.SpeechAct) not in g
    assert (KG.Deny, RDF.type, KG.SpeechAct) in g
    assert (KG.Deny, RDF.type, KG.Status) not in g


SUBCLASS = [
    ("Meeting", SEM.Event),
    ("Talks", KG.Meeting), ("PhoneCall", KG.Meeting), ("Visit", KG.Meeting),
    ("Summit", KG.Meeting), ("Negotiation", KG.Meeting),
    ("ObstructionClaim", KG.ViolationClaim),
    ("Caption", NIF.String),
    ("CasualtyClaim", PROV.Entity), ("Statement", PROV.Entity), ("PositionHolding", PROV.Entity),
    ("Agreement", PROV.Entity), ("ViolationClaim", PROV.Entity),
    ("ArmedGroup", SCHEMA.Organization),
]


@pytest.mark.parametrize(("sub", "sup"), SUBCLASS)
def test_contract_subclass_relations(g: Graph, sub: str, sup: URIRef) -> None:
    assert (KG[sub], RDFS.subClassOf, sup) in g


def test_caption_is_not_a_sentence(g: Graph) -> None:
    # CQ1 counts nif:Sentence as body sentences: a caption must never be inferred to be one.
    closure = set(g.transitive_objects(KG.Caption, RDFS.subClassOf))
    assert NIF.Sentence not in closure


def test_meeting_kinds_reach_sem_event_transitively(g: Graph) -> None:
    for k in ("Talks", "PhoneCall", "Visit", "Summit", "Negotiation"):
        assert SEM.Event in set(g.transitive_objects(KG[k], RDFS.subClassOf))


def test_ranges_of_key_properties(g: Graph) -> None:
    assert g.value(KG["count"], RDFS.range) == XSD.integer
    assert g.value(KG.status, RDFS.range) == KG.Status
    assert g.value(KG.countQualifier, RDFS.range) == KG.CountQualifier
    assert g.value(KG.outcome, RDFS.range) == KG.Outcome
    assert g.value(KG.speechAct, RDFS.range) == KG.SpeechAct
    assert g.value(KG.bodyEnd, RDFS.range) == XSD.nonNegativeInteger
    assert g.value(KG.reportedIn, RDFS.range) == SCHEMA.NewsArticle
    # kg:date: the union of the four contract datatypes
    from rdflib.collection import Collection

    rng = g.value(KG.date, RDFS.range)
    assert set(Collection(g, g.value(rng, OWL.unionOf))) == {XSD.date, XSD.gYearMonth, XSD.gYear, XSD.gMonthDay}


def test_competency_queries_parse(shared: Path) -> None:
    files = sorted((shared / "competency-questions").glob("*.rq"))
    assert len(files) == 8
    store = pyoxigraph.Store()
    store.load(path=str(TTL), format=pyoxigraph.RdfFormat.TURTLE)
    for f in files:
        # parsing happens on query; an empty store answers every well-formed query
        store.query(f.read_text(encoding="utf-8"), use_default_graph_as_union=True)


def test_cq2_finds_meeting_subclasses_through_the_ontology(shared: Path) -> None:
    """CQ2 walks `rdfs:subClassOf* kg:Meeting`: with the ontology loaded, a kg:PhoneCall is found."""
    store = pyoxigraph.Store()
    onto = pyoxigraph.NamedNode("https://example.org/graph/ontology")
    store.load(path=str(TTL), format=pyoxigraph.RdfFormat.TURTLE, to_graph=onto)
    data = """
    @prefix kg: <https://w3id.org/syriakg/ontology#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
    @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> . @prefix prov: <http://www.w3.org/ns/prov#> .
    @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
    <x:p> owl:sameAs <http://www.wikidata.org/entity/Q58217> .
    <x:e> a kg:PhoneCall ; sem:hasActor <x:p> ; kg:status kg:Occurred ; prov:wasDerivedFrom <x:s> .
    <x:s> nif:anchorOf "s" ; nif:referenceContext <x:a> . <x:a> kg:sourceFile "f.txt" .
    """
    store.load(data.encode(), format=pyoxigraph.RdfFormat.TURTLE, to_graph=pyoxigraph.NamedNode("x:g"))
    q = next((shared / "competency-questions").glob("cq2*.rq")).read_text(encoding="utf-8")
    out = list(store.query(q, use_default_graph_as_union=True))
    assert len(out) == 1
    assert out[0]["type"].value == KG_NS + "PhoneCall"
