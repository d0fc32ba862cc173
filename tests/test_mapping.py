"""Facts -> RDF: the mapping writes the contract's shape, with evidence, stable IRIs and one shared graph."""

from __future__ import annotations

import pytest
from pyoxigraph import Store

from syriakg.loaders.model import (
    Agreement,
    CasualtyClaim,
    DateValue,
    Entity,
    Event,
    Position,
    PositionHolding,
    Statement,
    ViolationClaim,
)
from syriakg.loaders.rdf.iris import Iris, slug
from syriakg.loaders.rdf.mapping import to_quads
from syriakg.ontology.terms import DEFAULT_BASE, sparql_prefixes
from tests.extract_helpers import add_mention, doc_from_sentences

BASE = DEFAULT_BASE


def sample():
    doc = doc_from_sentences([
        "Ngoại trưởng Pháp Pierre Dupont hội đàm với người đồng cấp Ai Cập tại Cairo ngày 3/4.",
        "Theo ông Dupont, ít nhất 12 người đã thiệt mạng ở Homs.",
        "Ai Cập cáo buộc phe nổi dậy vi phạm thỏa thuận ngừng bắn.",
    ])
    ex = doc.ex
    ex.entities.update({
        "france": Entity("france", "country", "Pháp", "France", "Q142"),
        "pierre-dupont": Entity("pierre-dupont", "person", "Pierre Dupont", in_gazetteer=False),
        "egypt": Entity("egypt", "country", "Ai Cập"),
        "homs": Entity("homs", "place", "Homs", "Homs", "Q131301"),
        "rebels": Entity("rebels", "armed_group", "phe nổi dậy"),
    })
    add_mention(doc, 0, "Pháp", "france")
    add_mention(doc, 0, "Pierre Dupont", "pierre-dupont")
    add_mention(doc, 0, "Ai Cập", "egypt")
    add_mention(doc, 1, "Homs", "homs")
    ex.positions.append(PositionHolding("pierre-dupont", Position("foreign_minister_of_france", "Ngoại trưởng Pháp",
                                                                  "Minister for Europe and Foreign Affairs of France"), [0]))
    ex.events.append(Event("talks", "occurred", ["pierre-dupont", "egypt"], [0], place=None,
                           date=DateValue("--04-03", "gMonthDay", "ngày 3/4")))
    ex.casualties.append(CasualtyClaim("killed", "at_least", "ít nhất 12", [1], count=12, victims="người",
                                       place="homs", claimant="pierre-dupont"))
    ex.statements.append(Statement("pierre-dupont", "say", [1], verb="Theo"))
    ag = Agreement("cessation_of_hostilities_2016", "thỏa thuận ngừng bắn", [2], label_en="Cessation of hostilities")
    ex.agreements.append(ag)
    ex.violations.append(ViolationClaim(ag, "egypt", [2], accused=["rebels"]))
    return ex


def loaded_store(ex) -> Store:
    art, shared = to_quads(ex, BASE)
    store = Store()
    store.extend(art)
    store.extend(shared)
    return store


def ask(store: Store, where: str) -> list[dict[str, str]]:
    q = sparql_prefixes() + "SELECT * WHERE { " + where + " }"
    res = store.query(q, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in res]


def test_every_fact_rests_on_a_body_sentence_with_exact_offsets():
    store = loaded_store(sample())
    rows = ask(store, "?f prov:wasDerivedFrom ?s . ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ;"
                      " nif:referenceContext ?art . ?art nif:isString ?t")
    assert rows
    for r in rows:
        assert r["t"][int(r["b"]):int(r["e"])] == r["a"]
    facts = ask(store, "?f a ?t FILTER(?t IN (kg:Talks, kg:CasualtyClaim, kg:Statement, kg:PositionHolding,"
                       " kg:ViolationClaim)) FILTER NOT EXISTS { ?f prov:wasDerivedFrom ?s }")
    assert facts == []


def test_shared_nodes_live_in_the_entities_graph_only():
    art, shared = to_quads(sample(), BASE)
    g = Iris(BASE).graph("entities")
    assert all(q.graph_name == g for q in shared)
    labels_in_article = [q for q in art if q.predicate.value.endswith("#label") and "/entity/" in q.subject.value]
    assert labels_in_article == []
    store = loaded_store(sample())
    assert ask(store, f"<{BASE}entity/france> owl:sameAs wd:Q142") == [{}]
    # an entity the gazetteer has never seen is an entity with a label but no link
    assert ask(store, f"<{BASE}entity/pierre-dupont> owl:sameAs ?q") == []


def test_values_follow_the_contract():
    store = loaded_store(sample())
    (c,) = ask(store, "?c a kg:CasualtyClaim ; kg:count ?n ; kg:countQualifier ?q ; kg:outcome ?o ; kg:claimant ?who")
    assert c["n"] == "12"
    assert c["q"].endswith("#AtLeast") and c["o"].endswith("#Killed") and c["who"].endswith("entity/pierre-dupont")
    (e,) = ask(store, "?e a kg:Talks ; kg:status kg:Occurred ; kg:date ?d FILTER(DATATYPE(?d) = xsd:gMonthDay)")
    assert e["d"] == "--04-03"
    (v,) = ask(store, "?v a kg:ViolationClaim ; kg:agreement ?a ; kg:claimant ?c ; kg:accused ?x")
    assert v["a"].endswith("agreement/cessation_of_hostilities_2016")
    (h,) = ask(store, "?h a kg:PositionHolding ; kg:holder ?p ; kg:position/rdfs:label ?l FILTER(LANG(?l) = \"vi\")")
    assert h["l"] == "Ngoại trưởng Pháp"


def test_iris_are_stable_and_distinct():
    a1, s1 = to_quads(sample(), BASE)
    a2, s2 = to_quads(sample(), BASE)
    assert a1 == a2 and s1 == s2
    subjects = {q.subject.value for q in a1 if q.predicate.value.endswith("type")}
    assert len([s for s in subjects if "/event/" in s]) == 1


def test_a_fact_without_evidence_cannot_be_written():
    ex = sample()
    ex.events.append(Event("meeting", "planned", ["egypt"], [99]))
    with pytest.raises(ValueError, match="without evidence"):
        to_quads(ex, BASE)


def test_slug_is_ascii_and_stable():
    assert slug("Thổ Nhĩ Kỳ") == "tho-nhi-ky"
    assert slug("Đà Nẵng!") == "da-nang"
    assert slug("???") == "x"
