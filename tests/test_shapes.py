"""SHACL shapes: a hand-built graph that follows the contract conforms; each kind of breach is reported."""

from __future__ import annotations

import hashlib

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store
from rdflib import Graph

from syriakg.ontology.validate import ONTOLOGY_TTL, validate_graph, validate_store

TEXT = (
    "Ngoại trưởng hai nước hội đàm\n\n"
    "Ngoại trưởng Nga Sergei Lavrov đã hội đàm với người đồng cấp Mỹ John Kerry tại Geneva ngày 26/8. "
    "Ít nhất 12 dân thường thiệt mạng trong vụ pháo kích.\n"
    "Theo Báo X"
)
S1 = "Ngoại trưởng Nga Sergei Lavrov đã hội đàm với người đồng cấp Mỹ John Kerry tại Geneva ngày 26/8."
S2 = "Ít nhất 12 dân thường thiệt mạng trong vụ pháo kích."
B1 = TEXT.index(S1)
E1 = B1 + len(S1)
B2 = TEXT.index(S2)
E2 = B2 + len(S2)
BODY_END = E2
M1 = TEXT.index("Sergei Lavrov")
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()

PREFIXES = """
@prefix kg: <https://w3id.org/syriakg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix : <https://example.org/r/> .
"""


def _lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def good_ttl() -> str:
    return PREFIXES + f"""
:a a schema:NewsArticle , nif:Context ;
   nif:isString {_lit(TEXT)} ; kg:sourceFile "x.txt" ; schema:headline "Ngoại trưởng hai nước hội đàm" ;
   kg:sha256 "{SHA}" ; schema:datePublished "2016-08-26"^^xsd:date ; kg:bodyEnd "{BODY_END}"^^xsd:nonNegativeInteger ;
   schema:publisher :outlet .
:outlet a schema:Organization ; schema:name "Báo X" ; rdfs:label "Báo X"@vi .
:s1 a nif:Sentence ; nif:referenceContext :a ; nif:beginIndex "{B1}"^^xsd:nonNegativeInteger ;
    nif:endIndex "{E1}"^^xsd:nonNegativeInteger ; nif:anchorOf {_lit(S1)} .
:s2 a nif:Sentence ; nif:referenceContext :a ; nif:beginIndex {B2} ; nif:endIndex {E2} ; nif:anchorOf {_lit(S2)} .
:m1 a nif:Phrase ; nif:referenceContext :a ; nif:beginIndex {M1} ; nif:endIndex {M1 + 13} ;
    nif:anchorOf "Sergei Lavrov" ; itsrdf:taIdentRef :lavrov .
:lavrov a schema:Person ; rdfs:label "Sergei Lavrov"@vi , "Sergey Lavrov"@en ; owl:sameAs wd:Q58217 .
:kerry a schema:Person ; rdfs:label "John Kerry"@vi ; owl:sameAs wd:Q22316 .
:geneva a schema:Place ; rdfs:label "Geneva"@vi ; owl:sameAs wd:Q71 .
:russia a schema:Country ; rdfs:label "Nga"@vi ; owl:sameAs wd:Q159 .
:usa a schema:Country ; rdfs:label "Mỹ"@vi .
:fm a kg:Position ; rdfs:label "Ngoại trưởng Nga"@vi .
:ev a kg:Talks ; kg:status kg:Occurred ; sem:hasActor :lavrov , :kerry ; sem:hasPlace :geneva ;
    kg:date "2016-08-26"^^xsd:date ; kg:dateText "ngày 26/8" ; prov:wasDerivedFrom :s1 ; kg:reportedIn :a .
:ph a kg:PhoneCall ; kg:status kg:Planned ; sem:hasActor :lavrov ; kg:date "--08-30"^^xsd:gMonthDay ;
    prov:wasDerivedFrom :s1 .
:h a kg:PositionHolding ; kg:holder :lavrov ; kg:position :fm ; prov:wasDerivedFrom :s1 .
:c a kg:CasualtyClaim ; kg:count 12 ; kg:countText "Ít nhất 12" ; kg:countQualifier kg:AtLeast ;
    kg:outcome kg:Killed ; kg:victims "dân thường"@vi ; prov:wasDerivedFrom :s2 .
:st a kg:Statement ; kg:speaker :lavrov ; kg:speechAct kg:Say ; kg:quote "hợp tác"@vi ; prov:wasDerivedFrom :s1 .
:ag a kg:Agreement ; rdfs:label "thỏa thuận ngừng bắn"@vi ; kg:party :russia , :usa ; kg:date "2016-02"^^xsd:gYearMonth ;
    prov:wasDerivedFrom :s1 .
:vc a kg:ViolationClaim , kg:ObstructionClaim ; kg:agreement :ag ; kg:claimant :russia ; kg:accused :usa ;
    prov:wasDerivedFrom :s1 .
"""


def check(ttl: str) -> tuple[bool, str]:
    return validate_graph(Graph().parse(data=ttl, format="turtle"))


def test_a_graph_that_follows_the_contract_conforms() -> None:
    ok, report = check(good_ttl())
    assert ok, report


def test_validate_store_on_a_pyoxigraph_store() -> None:
    store = Store()
    store.load(good_ttl().encode("utf-8"), format=RdfFormat.TURTLE, to_graph=NamedNode("https://example.org/g/a"))
    # the ontology graph is left out of the data (it holds no instances anyway)
    store.load(path=str(ONTOLOGY_TTL), format=RdfFormat.TURTLE, to_graph=NamedNode("https://example.org/graph/ontology"))
    ok, report = validate_store(store)
    assert ok, report  # offsets come back as xsd:integer from Oxigraph and are still accepted
    store.update("""DELETE WHERE { GRAPH ?g { <https://example.org/r/ev> <http://www.w3.org/ns/prov#wasDerivedFrom> ?s } }""")
    ok, report = validate_store(store)
    assert not ok
    assert "prov:wasDerivedFrom" in report


def _without(ttl: str, fragment: str) -> str:
    assert fragment in ttl, fragment
    return ttl.replace(fragment, "", 1)


def _replace(ttl: str, old: str, new: str) -> str:
    assert old in ttl, old
    return ttl.replace(old, new, 1)


BREACHES = {
    "article without nif:isString": lambda t: _without(t, f"nif:isString {_lit(TEXT)} ;"),
    "article without kg:sourceFile": lambda t: _without(t, 'kg:sourceFile "x.txt" ;'),
    "article without headline": lambda t: _without(t, 'schema:headline "Ngoại trưởng hai nước hội đàm" ;'),
    "article without sha256": lambda t: _without(t, f'kg:sha256 "{SHA}" ;'),
    "sha256 of another text": lambda t: _replace(t, SHA, hashlib.sha256(b"x").hexdigest()),
    "article not a nif:Context": lambda t: _replace(t, ":a a schema:NewsArticle , nif:Context ;", ":a a schema:NewsArticle ;"),
    "sentence without context": lambda t: _replace(t, ":s2 a nif:Sentence ; nif:referenceContext :a ;", ":s2 a nif:Sentence ;"),
    "sentence without begin": lambda t: _without(t, f"nif:beginIndex {B2} ;"),
    "sentence without anchor": lambda t: _without(t, f"; nif:anchorOf {_lit(S2)}"),
    "negative offset": lambda t: _replace(t, f"nif:beginIndex {B2} ;", "nif:beginIndex -1 ;"),
    "anchor differs from the text at the offsets": lambda t: _replace(t, f"nif:endIndex {E2} ;", f"nif:endIndex {E2 - 1} ;"),
    "string offsets": lambda t: _replace(t, f"nif:beginIndex {B2} ;", f'nif:beginIndex "{B2}" ;'),
    "sentence after the body end": lambda t: _replace(t, f'kg:bodyEnd "{BODY_END}"', f'kg:bodyEnd "{B2}"'),
    "event without evidence": lambda t: _without(t, "; prov:wasDerivedFrom :s1 ; kg:reportedIn :a"),
    "evidence that is not a sentence": lambda t: _replace(t, "kg:holder :lavrov ; kg:position :fm ; prov:wasDerivedFrom :s1",
                                                          "kg:holder :lavrov ; kg:position :fm ; prov:wasDerivedFrom :a"),
    "casualty claim without evidence": lambda t: _without(t, "; prov:wasDerivedFrom :s2"),
    "agreement without evidence": lambda t: _replace(t, 'kg:date "2016-02"^^xsd:gYearMonth ;\n    prov:wasDerivedFrom :s1 .',
                                                     'kg:date "2016-02"^^xsd:gYearMonth .'),
    "meeting without status": lambda t: _without(t, "kg:status kg:Planned ;"),
    "meeting with two statuses": lambda t: _replace(t, "kg:status kg:Planned ;", "kg:status kg:Planned , kg:Possible ;"),
    "status outside the value set": lambda t: _replace(t, "kg:status kg:Planned ;", "kg:status kg:Deny ;"),
    "status as a string": lambda t: _replace(t, "kg:status kg:Occurred ;", 'kg:status "occurred" ;'),
    "qualifier outside the value set": lambda t: _replace(t, "kg:countQualifier kg:AtLeast", "kg:countQualifier kg:Killed"),
    "outcome outside the value set": lambda t: _replace(t, "kg:outcome kg:Killed", "kg:outcome kg:Occurred"),
    "casualty claim without outcome": lambda t: _without(t, "kg:outcome kg:Killed ;"),
    "casualty claim without qualifier": lambda t: _without(t, "kg:countQualifier kg:AtLeast ;"),
    "casualty claim without countText": lambda t: _without(t, 'kg:countText "Ít nhất 12" ;'),
    "count as a string": lambda t: _replace(t, "kg:count 12 ;", 'kg:count "12" ;'),
    "count as a decimal": lambda t: _replace(t, "kg:count 12 ;", "kg:count 12.0 ;"),
    "date as a dateTime": lambda t: _replace(t, '"2016-08-26"^^xsd:date ; kg:dateText', '"2016-08-26T00:00:00"^^xsd:dateTime ; kg:dateText'),
    "ill-formed gYear": lambda t: _replace(t, '"2016-02"^^xsd:gYearMonth', '"16"^^xsd:gYear'),
    "ill-formed date": lambda t: _replace(t, '"2016-08-26"^^xsd:date ; kg:dateText', '"2016-02-30"^^xsd:date ; kg:dateText'),
    "date as a plain string": lambda t: _replace(t, '"--08-30"^^xsd:gMonthDay', '"30/8"'),
    "ill-formed gMonthDay": lambda t: _replace(t, '"--08-30"^^xsd:gMonthDay', '"--13-45"^^xsd:gMonthDay'),
    "statement without speaker": lambda t: _without(t, "kg:speaker :lavrov ;"),
    "speech act outside the value set": lambda t: _replace(t, "kg:speechAct kg:Say", "kg:speechAct kg:Denied"),
    "holding without holder": lambda t: _without(t, "kg:holder :lavrov ;"),
    "holding without position": lambda t: _without(t, "kg:position :fm ;"),
    "position without label": lambda t: _replace(t, ':fm a kg:Position ; rdfs:label "Ngoại trưởng Nga"@vi .', ":fm a kg:Position ."),
    "holder who is not a person": lambda t: _replace(t, "kg:holder :lavrov", "kg:holder :russia"),
    "sameAs outside Wikidata": lambda t: _replace(t, "owl:sameAs wd:Q71", "owl:sameAs <http://dbpedia.org/resource/Geneva>"),
    "sameAs to a Wikidata property": lambda t: _replace(t, "owl:sameAs wd:Q71", "owl:sameAs wd:P31"),
    "two Wikidata links": lambda t: _replace(t, "owl:sameAs wd:Q71", "owl:sameAs wd:Q71 , wd:Q72"),
    "violation claim without agreement": lambda t: _without(t, "kg:agreement :ag ;"),
    "violation claim with a literal claimant": lambda t: _replace(t, "kg:claimant :russia ;", 'kg:claimant "Nga" ;'),
    "agreement without label": lambda t: _without(t, 'rdfs:label "thỏa thuận ngừng bắn"@vi ;'),
    "entity without any label": lambda t: _replace(t, ':usa a schema:Country ; rdfs:label "Mỹ"@vi .', ":usa a schema:Country ."),
    "mention without entity": lambda t: _without(t, "; itsrdf:taIdentRef :lavrov"),
}


@pytest.mark.parametrize("name", sorted(BREACHES))
def test_each_breach_is_reported(name: str) -> None:
    ttl = BREACHES[name](good_ttl())
    ok, report = check(ttl)
    assert not ok, f"{name}: not detected"
    assert "Constraint Violation" in report


def test_missing_vietnamese_label_is_only_a_warning() -> None:
    ttl = _replace(good_ttl(), ':kerry a schema:Person ; rdfs:label "John Kerry"@vi ;',
                   ':kerry a schema:Person ; rdfs:label "John Kerry"@en ;')
    ok, report = check(ttl)
    assert ok, report
    assert "Warning" in report and "@vi" in report


def test_violation_claim_without_claimant_is_only_a_warning() -> None:
    ok, report = check(_without(good_ttl(), "kg:claimant :russia ;"))
    assert ok, report
    assert "should name its kg:claimant" in report
