"""`syriakg evaluate` on small hand-built graphs: perfect scores, misses, extras, attributes and hard checks."""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

from syriakg.loaders import evaluate as ev
from syriakg.loaders.evaluation.gazetteer import Gazetteer

# ---------------------------------------------------------------------------------------------------------------
# a small article written for these tests, and a gazetteer for it
# ---------------------------------------------------------------------------------------------------------------
TITLE = "Ngoại trưởng Pháp và Iran điện đàm về Syria"
S1 = "Ngày 3/5, Ngoại trưởng Pháp Jean-Marc Ayrault đã điện đàm với người đồng cấp Iran."
S2 = "Hai bên sẽ gặp nhau tại Geneva vào tuần tới."
S3 = "Bộ Quốc phòng Nga cho biết ít nhất 7 dân thường đã thiệt mạng ở Aleppo."
S4 = "Nga cáo buộc phe đối lập vi phạm thỏa thuận Astana."
FURNITURE = "Theo Báo Mẫu\nTin liên quan: Thủ tướng Trần Văn Mẫu thăm Hà Nội."
TEXT = f"{TITLE}\n\n{S1} {S2}\n{S3}\u00a0{S4}\n{FURNITURE}"
FILE = "t01.txt"

GAZ_TSV = """key\tkind\tqid\tlabel_en\tvi_surface_forms\tqid_evidence
france\tcountry\tQ142\tFrance\tPháp\t2
iran\tcountry\tQ794\tIran\tIran\t2
russia\tcountry\tQ159\tRussia\tNga|Liên bang Nga\t2
geneva\tplace\tQ71\tGeneva\tGeneva\t2
aleppo\tplace\tQ41183\tAleppo\tAleppo\t2
ayrault\tperson\tQ7711\tJean-Marc Ayrault\tJean-Marc Ayrault|Ayrault\t1
assad\tperson\t\tBashar al-Assad\tBashar al-Assad|Assad\t-
russia_mod\torganization\t\tMinistry of Defence of Russia\tBộ Quốc phòng Nga\t-
foreign_minister_of_france\tposition\t\tMinister for Europe and Foreign Affairs of France\tNgoại trưởng Pháp\t-
president_of_russia\tposition\tQ218295\tPresident of Russia\tTổng thống Nga\t2
astana_deescalation\tagreement\t\tAstana memorandum\tthỏa thuận Astana|vùng giảm căng thẳng\t-
sochi_idlib_2018\tagreement\t\tSochi memorandum\tthỏa thuận Sochi\t-
"""

PFX = """
@prefix kg: <https://w3id.org/syriakg/ontology#> . @prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> . @prefix : <https://example.org/r/> .
"""
G_ART = NamedNode("https://example.org/graph/article/t01")
G_ENT = NamedNode("https://example.org/graph/entities")


def _lit(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def span(part: str, within: str | None = None) -> tuple[int, int]:
    start = TEXT.index(within) if within else 0
    b = TEXT.index(part, start)
    return b, b + len(part)


def sentence(name: str, part: str) -> str:
    b, e = span(part)
    return f":{name} a nif:Sentence ; nif:referenceContext :a ; nif:beginIndex {b} ; nif:endIndex {e} ; nif:anchorOf {_lit(part)} .\n"


def mention(name: str, part: str, entity: str, within: str) -> str:
    b, e = span(part, within)
    return (f":{name} a nif:Phrase ; nif:referenceContext :a ; nif:beginIndex {b} ; nif:endIndex {e} ; "
            f"nif:anchorOf {_lit(part)} ; itsrdf:taIdentRef :{entity} .\n")


ARTICLE_TTL = PFX + f"""
:a a schema:NewsArticle , nif:Context ; kg:sourceFile "{FILE}" ; schema:headline {_lit(TITLE)} ;
   nif:isString {_lit(TEXT)} ; kg:sha256 "{hashlib.sha256(TEXT.encode()).hexdigest()}" .
""" + sentence("s1", S1) + sentence("s2", S2) + sentence("s3", S3) + sentence("s4", S4) + \
    mention("m1", "Pháp", "france", S1) + mention("m2", "Jean-Marc Ayrault", "ayrault", S1) + \
    mention("m3", "Iran", "iran", S1) + mention("m4", "Geneva", "geneva", S2) + \
    mention("m5", "Bộ Quốc phòng Nga", "russia_mod", S3) + mention("m6", "Aleppo", "aleppo", S3) + \
    mention("m7", "Nga", "russia", S4) + """
:call a kg:PhoneCall ; kg:status kg:Occurred ; sem:hasActor :ayrault , :iran ; kg:date "--05-03"^^xsd:gMonthDay ;
    prov:wasDerivedFrom :s1 .
:meet a kg:Meeting ; kg:status kg:Planned ; sem:hasActor :france , :iran ; sem:hasPlace :geneva ; prov:wasDerivedFrom :s2 .
:hold a kg:PositionHolding ; kg:holder :ayrault ; kg:position :fm_fr ; prov:wasDerivedFrom :s1 .
:cas a kg:CasualtyClaim ; kg:count 7 ; kg:countText "ít nhất 7" ; kg:countQualifier kg:AtLeast ; kg:outcome kg:Killed ;
    kg:victims "dân thường"@vi ; kg:claimant :russia_mod ; sem:hasPlace :aleppo ; prov:wasDerivedFrom :s3 .
:st a kg:Statement ; kg:speaker :russia_mod ; kg:speechAct kg:Say ; prov:wasDerivedFrom :s3 .
:astana prov:wasDerivedFrom :s4 .
:vio a kg:ViolationClaim ; kg:agreement :astana ; kg:claimant :russia ; prov:wasDerivedFrom :s4 .
"""

ENTITIES_TTL = PFX + """
:france a schema:Country ; rdfs:label "Pháp"@vi , "France"@en ; owl:sameAs wd:Q142 .
:iran a schema:Country ; rdfs:label "Iran"@vi ; owl:sameAs wd:Q794 .
:russia a schema:Country ; rdfs:label "Nga"@vi ; owl:sameAs wd:Q159 .
:geneva a schema:Place ; rdfs:label "Geneva"@vi ; owl:sameAs wd:Q71 .
:aleppo a schema:Place ; rdfs:label "Aleppo"@vi ; owl:sameAs wd:Q41183 .
:ayrault a schema:Person ; rdfs:label "Jean-Marc Ayrault"@vi ; owl:sameAs wd:Q7711 .
:russia_mod a schema:Organization ; rdfs:label "Bộ Quốc phòng Nga"@vi .
:fm_fr a kg:Position ; rdfs:label "Ngoại trưởng Pháp"@vi .
:astana a kg:Agreement ; rdfs:label "Bản ghi nhớ về các vùng giảm căng thẳng"@vi ; rdfs:label "Astana memorandum"@en .
"""

GOLD = {
    "article": FILE,
    "title": TITLE,
    "body_ends_before": "Theo Báo Mẫu",
    "date_published": {"accept": [None]},
    "entities": ["france", "iran", "ayrault", "geneva", "aleppo", "russia", "russia_mod"],
    "roles": [{"person": "ayrault", "position": "foreign_minister_of_france", "evidence": "Ngoại trưởng Pháp Jean-Marc Ayrault"}],
    "events": [
        {"id": "e1", "type": "phone_call", "participants": ["ayrault", "iran"], "date": {"accept": ["--05-03"]},
         "status": "occurred", "evidence_any": ["Ayrault đã điện đàm với người đồng cấp Iran"]},
        {"id": "e2", "type": "meeting", "participants": ["france", "iran"], "place": "geneva", "status": "planned",
         "evidence_any": ["sẽ gặp nhau tại Geneva"]},
    ],
    "agreements": [{"agreement": "astana_deescalation", "relation": "violation_claimed", "claimant": "russia",
                    "evidence_any": ["vi phạm thỏa thuận Astana"]}],
    "casualty_claims": [{"count": 7, "qualifier": "at_least", "outcome": "killed", "victims": "civilians",
                         "location_any": ["aleppo"], "claimant": "russia_mod",
                         "evidence_any": ["ít nhất 7 dân thường đã thiệt mạng"]}],
    "statements": [{"speaker": "russia_mod", "evidence_any": ["Bộ Quốc phòng Nga cho biết ít nhất 7"]}],
    "must_not": {"text_after": "Theo Báo Mẫu", "names": ["Trần Văn Mẫu"], "casualty_counts": [2000],
                 "speakers": ["assad"], "dates": ["2013-05-03"], "evidence_in": ["Tin liên quan"]},
}


@pytest.fixture()
def gaz(tmp_path: Path) -> Gazetteer:
    p = tmp_path / "entities.tsv"
    p.write_text(GAZ_TSV, encoding="utf-8")
    return Gazetteer.from_tsv(p)


def make_store(article_ttl: str = ARTICLE_TTL, entities_ttl: str = ENTITIES_TTL, path: Path | None = None) -> Store:
    store = Store(str(path)) if path else Store()
    store.load(article_ttl.encode(), format=RdfFormat.TURTLE, to_graph=G_ART)
    store.load(entities_ttl.encode(), format=RdfFormat.TURTLE, to_graph=G_ENT)
    return store


def run_eval(store: Store, gaz: Gazetteer, gold: dict | None = None, **kw) -> ev.Report:
    return ev.evaluate(store, [gold or GOLD], gazetteer=gaz, **kw)


def update(store: Store, sparql: str) -> None:
    store.update(PFX.replace("@prefix", "PREFIX").replace(" .\n", "\n").replace(" . ", "\n") + sparql)


# ---------------------------------------------------------------------------------------------------------------

def test_perfect_graph_scores_one(gaz: Gazetteer) -> None:
    rep = run_eval(make_store(), gaz)
    for kind, s in rep.scores.items():
        assert (s.recall, s.precision, s.f1) == (1.0, 1.0, 1.0), (kind, s, rep.to_text())
    assert rep.micro.f1 == 1.0
    assert rep.micro.tp == 5  # 2 events, 1 agreement (violation claim), 1 casualty claim, 1 statement
    assert rep.status_accuracy.value == 1.0 and rep.status_accuracy.total == 2
    assert rep.hard_ok, rep.to_text()
    for kind, accs in rep.attributes().items():
        for name, acc in accs.items():
            assert acc.correct == acc.total, (kind, name)
    assert rep.article_accuracy("headline").value == 1.0


def test_a_missing_event_lowers_recall_only(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, "DELETE WHERE { GRAPH ?g { :meet ?p ?o } }")
    rep = run_eval(store, gaz)
    s = rep.scores["events"]
    assert (s.tp, s.misses, s.unmatched) == (1, 1, 0)
    assert s.recall == 0.5 and s.precision == 1.0
    assert rep.micro.recall == pytest.approx(4 / 5)
    missed = rep.to_dict()["per_article"][0]["types"]["events"]["missed"]
    assert missed and missed[0].startswith("e2")


def test_an_event_without_a_required_participant_is_a_miss_and_an_extra(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, "DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :meet sem:hasActor :france } }")
    s = run_eval(store, gaz).scores["events"]
    assert (s.tp, s.misses, s.unmatched) == (1, 1, 1)


def test_an_event_on_the_wrong_sentence_does_not_match(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :call prov:wasDerivedFrom :s1 } } ;
                     INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :call prov:wasDerivedFrom :s3 } }""")
    s = run_eval(store, gaz).scores["events"]
    assert (s.tp, s.misses, s.unmatched) == (1, 1, 1)


def test_incompatible_event_type_does_not_match_but_generic_meeting_does(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, "DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :call a kg:PhoneCall } } ;"
                  "INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :call a kg:Visit } }")
    assert run_eval(store, gaz).scores["events"].misses == 1
    update(store, "DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :call a kg:Visit } } ;"
                  "INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :call a kg:Meeting } }")
    rep = run_eval(store, gaz)
    assert rep.scores["events"].misses == 0
    assert rep.attribute("events", "type").correct == 1  # matched, but the type is reported as not exact


def test_wrong_status_is_matched_but_counted_in_status_accuracy(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, "DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :meet kg:status kg:Planned } } ;"
                  "INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :meet kg:status kg:Occurred } }")
    rep = run_eval(store, gaz)
    assert rep.scores["events"].f1 == 1.0
    assert (rep.status_accuracy.correct, rep.status_accuracy.total) == (1, 2)
    assert "WRONG e2" in rep.to_text()


def test_wrong_date_and_place_are_attribute_errors(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """DELETE DATA { GRAPH <https://example.org/graph/article/t01> {
                        :call kg:date "--05-03"^^xsd:gMonthDay . :meet sem:hasPlace :geneva } } ;
                     INSERT DATA { GRAPH <https://example.org/graph/article/t01> {
                        :call kg:date "2013-05-03"^^xsd:date . :meet sem:hasPlace :aleppo } }""")
    rep = run_eval(store, gaz)
    assert rep.attribute("events", "date").correct == 0
    assert rep.attribute("events", "place").correct == 0
    assert rep.count("must_not") == 1  # 2013-05-03 is a must_not date


def test_an_extra_fact_lowers_precision(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/article/t01> {
        :extra a kg:Visit ; kg:status kg:Occurred ; sem:hasActor :iran ; prov:wasDerivedFrom :s4 .
        :cas2 a kg:CasualtyClaim ; kg:count 3 ; kg:countText "3" ; kg:countQualifier kg:Exactly ;
              kg:outcome kg:Injured ; prov:wasDerivedFrom :s3 } }""")
    rep = run_eval(store, gaz)
    assert rep.scores["events"].unmatched == 1 and rep.scores["events"].precision == pytest.approx(2 / 3)
    assert rep.scores["casualty_claims"].unmatched == 1
    assert rep.micro.precision == pytest.approx(5 / 7)


def test_a_duplicate_is_reported_but_not_counted_against_precision(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/article/t01> {
        :call2 a kg:PhoneCall ; kg:status kg:Occurred ; sem:hasActor :ayrault , :iran ; prov:wasDerivedFrom :s1 } }""")
    s = run_eval(store, gaz).scores["events"]
    assert (s.tp, s.unmatched, s.duplicates, s.precision) == (2, 0, 1, 1.0)


def test_optional_items_count_when_found_and_are_no_miss_when_not(gaz: Gazetteer) -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"].append({"id": "e3", "type": "visit", "optional": True, "participants": ["iran"],
                           "status": "occurred", "evidence_any": ["phe đối lập vi phạm"]})
    store = make_store()
    s = run_eval(store, gaz, gold).scores["events"]
    assert (s.tp, s.misses) == (2, 0)
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/article/t01> {
        :extra a kg:Visit ; kg:status kg:Occurred ; sem:hasActor :iran ; prov:wasDerivedFrom :s4 } }""")
    s = run_eval(store, gaz, gold).scores["events"]
    assert (s.tp, s.misses, s.unmatched) == (3, 0, 0)


def test_casualty_count_must_agree(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, "DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :cas kg:count 7 } } ;"
                  "INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :cas kg:count 2000 } }")
    rep = run_eval(store, gaz)
    s = rep.scores["casualty_claims"]
    assert (s.tp, s.misses, s.unmatched) == (0, 1, 1)
    assert rep.count("must_not") == 1 and not rep.hard_ok


def test_casualty_qualifier_and_claimant_are_attributes(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, "DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :cas kg:countQualifier kg:AtLeast ;"
                  " kg:claimant :russia_mod } } ;"
                  "INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :cas kg:countQualifier kg:About } }")
    rep = run_eval(store, gaz)
    assert rep.scores["casualty_claims"].tp == 1
    assert rep.attribute("casualty_claims", "qualifier").correct == 0
    assert rep.attribute("casualty_claims", "claimant").correct == 0


def add_furniture_sentence(store: Store) -> None:
    store.load((PFX + sentence("sf", "Tin liên quan: Thủ tướng Trần Văn Mẫu thăm Hà Nội.")).encode(),
               format=RdfFormat.TURTLE, to_graph=G_ART)


def test_furniture_fact_fails_the_hard_check(gaz: Gazetteer) -> None:
    store = make_store()
    add_furniture_sentence(store)
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/article/t01> {
        :bad a kg:Visit ; kg:status kg:Occurred ; sem:hasActor :iran ; prov:wasDerivedFrom :sf } }""")
    rep = run_eval(store, gaz)
    assert rep.count("furniture_fact") == 1
    assert rep.count("furniture_sentence") == 1  # :sf itself lies after "Theo Báo Mẫu"
    assert rep.count("must_not") >= 1  # evidence_in "Tin liên quan" and text_after
    assert not rep.hard_ok
    assert "hard checks: FAIL" in rep.to_text()


def test_furniture_sentence_and_mention_without_facts(gaz: Gazetteer) -> None:
    store = make_store()
    add_furniture_sentence(store)
    rep = run_eval(store, gaz)
    assert rep.count("furniture_sentence") == 1 and rep.count("furniture_fact") == 0
    assert not rep.hard_ok  # a body sentence in page furniture is itself a defect
    store = make_store()
    store.load((PFX + mention("mf", "Trần Văn Mẫu", "tvm", "Tin liên quan")).encode(), format=RdfFormat.TURTLE,
               to_graph=G_ART)
    rep = run_eval(store, gaz)
    assert rep.count("furniture_mention") == 1 and not rep.hard_ok
    assert rep.scores["entities"].unmatched == 0  # an actor from furniture is not an entity of the article


def test_wrong_qid_is_flagged(gaz: Gazetteer) -> None:
    ents = ENTITIES_TTL.replace(':geneva a schema:Place ; rdfs:label "Geneva"@vi ; owl:sameAs wd:Q71 .',
                                ':geneva a schema:Place ; rdfs:label "Geneva"@vi ; owl:sameAs wd:Q72 .')
    rep = run_eval(make_store(entities_ttl=ents), gaz)
    assert rep.count("wrong_qid") == 1
    assert "wd:Q72" in rep.to_text()
    assert not rep.hard_ok
    assert rep.scores["entities"].misses == 1  # geneva is not linked to its item


def test_a_qid_of_another_key_is_wrong_even_when_the_label_has_no_qid(gaz: Gazetteer) -> None:
    ents = ENTITIES_TTL.replace(':russia_mod a schema:Organization ; rdfs:label "Bộ Quốc phòng Nga"@vi .',
                                ':russia_mod a schema:Organization ; rdfs:label "Bộ Quốc phòng Nga"@vi ; owl:sameAs wd:Q159 .')
    rep = run_eval(make_store(entities_ttl=ents), gaz)
    assert rep.count("wrong_qid") == 1


def test_unconfirmed_qid_is_reported_but_not_wrong(gaz: Gazetteer) -> None:
    ents = ENTITIES_TTL + ':assad a schema:Person ; rdfs:label "Bashar al-Assad"@vi ; owl:sameAs wd:Q44329 .\n'
    rep = run_eval(make_store(entities_ttl=ents), gaz)
    assert rep.count("wrong_qid") == 0
    assert rep.count("unverified_qid") == 1
    assert rep.hard_ok


def test_an_unlinked_entity_does_not_count_for_a_key_with_a_qid(gaz: Gazetteer) -> None:
    ents = ENTITIES_TTL.replace('owl:sameAs wd:Q794 .', '.')
    rep = run_eval(make_store(entities_ttl=ents), gaz)
    s = rep.scores["entities"]
    assert s.misses == 1 and s.unmatched == 1
    assert rep.scores["events"].misses == 2  # iran is a required participant of both events


def test_keys_without_qid_match_by_label_and_gold_new_entities(gaz: Gazetteer) -> None:
    gold = copy.deepcopy(GOLD)
    gold["entities"].append("opposition")
    gold["new_entities"] = {"opposition": {"kind": "armed_group", "label_en": "Syrian opposition",
                                           "vi_surface_forms": ["phe đối lập"]}}
    store = make_store()
    s = run_eval(store, gaz, gold).scores["entities"]
    assert s.misses == 1
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/entities> {
        :opp a kg:ArmedGroup ; rdfs:label "Phe đối lập"@vi } .
        GRAPH <https://example.org/graph/article/t01> { :vio kg:accused :opp } }""")
    s = run_eval(store, gaz, gold).scores["entities"]
    assert (s.misses, s.unmatched) == (0, 0)


def test_an_extra_entity_lowers_entity_precision(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/entities> { :x a schema:Person ; rdfs:label "Ai Đó"@vi } .
        GRAPH <https://example.org/graph/article/t01> { :meet sem:hasActor :x } }""")
    rep = run_eval(store, gaz)
    assert rep.scores["entities"].unmatched == 1
    assert "Ai Đó" in rep.to_text()


def test_role_needs_holder_position_and_evidence(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, "DELETE DATA { GRAPH <https://example.org/graph/entities> { :fm_fr rdfs:label \"Ngoại trưởng Pháp\"@vi } } ;"
                  "INSERT DATA { GRAPH <https://example.org/graph/entities> { :fm_fr rdfs:label \"Tổng thống Nga\"@vi } }")
    s = run_eval(store, gaz).scores["roles"]
    assert (s.tp, s.misses, s.unmatched) == (0, 1, 1)


def test_a_role_stated_again_elsewhere_is_not_an_extra(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/article/t01> {
        :hold2 a kg:PositionHolding ; kg:holder :ayrault ; kg:position :fm_fr ; prov:wasDerivedFrom :s2 } }""")
    s = run_eval(store, gaz).scores["roles"]
    assert (s.tp, s.unmatched, s.duplicates) == (1, 0, 1)


def test_violation_claim_needs_the_right_agreement(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/entities> { :sochi a kg:Agreement ; rdfs:label "thỏa thuận Sochi"@vi } } ;
                     DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :vio kg:agreement :astana } } ;
                     INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :vio kg:agreement :sochi } }""")
    s = run_eval(store, gaz).scores["agreements"]
    assert (s.tp, s.misses) == (0, 1)
    # the violation claim is an extra; the Astana node resting on the gold evidence is support, not an extra
    assert s.unmatched == 1


def test_the_agreement_node_under_a_violation_claim_is_not_an_extra(gaz: Gazetteer) -> None:
    s = run_eval(make_store(), gaz).scores["agreements"]
    assert (s.tp, s.unmatched, s.duplicates) == (1, 0, 0)


def test_mentioned_agreement_matches_by_label_form_or_unverified_identity(gaz: Gazetteer) -> None:
    gold = copy.deepcopy(GOLD)
    gold["agreements"] = [{"agreement": "astana_deescalation", "relation": "mentioned",
                           "evidence_any": ["thỏa thuận Astana"]}]
    store = make_store()
    update(store, "DELETE WHERE { GRAPH ?g { :vio ?p ?o } }")
    rep = run_eval(store, gaz, gold)
    assert rep.scores["agreements"].f1 == 1.0
    assert rep.attribute("agreements", "identity").correct == 1  # "Astana memorandum" is the key's label_en
    update(store, "DELETE WHERE { GRAPH ?g { :astana rdfs:label ?l } } ;"
                  "INSERT DATA { GRAPH <https://example.org/graph/entities> { :astana rdfs:label \"Hiệp định X\"@vi } }")
    rep = run_eval(store, gaz, gold)
    assert rep.scores["agreements"].tp == 1
    assert rep.attribute("agreements", "identity").correct == 0  # matched, identity unverified


def test_statement_speaker_must_match(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, "DELETE DATA { GRAPH <https://example.org/graph/article/t01> { :st kg:speaker :russia_mod } } ;"
                  "INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :st kg:speaker :russia } }")
    s = run_eval(store, gaz).scores["statements"]
    assert (s.tp, s.misses, s.unmatched) == (0, 1, 1)


def test_must_not_names_and_speakers(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/entities> {
            :tvm a schema:Person ; rdfs:label "Trần Văn Mẫu"@vi . :assad a schema:Person ; rdfs:label "Assad"@vi } .
        GRAPH <https://example.org/graph/article/t01> {
            :st2 a kg:Statement ; kg:speaker :assad ; prov:wasDerivedFrom :s4 . :meet sem:hasActor :tvm } }""")
    rep = run_eval(store, gaz)
    details = [f.detail for f in rep.findings if f.check == "must_not"]
    assert any("Trần Văn Mẫu" in d for d in details)
    assert any(d.startswith("speaker assad") for d in details)


def test_broken_offsets_are_a_hard_failure(gaz: Gazetteer) -> None:
    store = make_store()
    b, e = span(S2)
    update(store, f"DELETE DATA {{ GRAPH <https://example.org/graph/article/t01> {{ :s2 nif:endIndex {e} }} }} ;"
                  f"INSERT DATA {{ GRAPH <https://example.org/graph/article/t01> {{ :s2 nif:endIndex {e + 1} }} }}")
    rep = run_eval(store, gaz)
    assert rep.count("broken_offsets") == 1 and not rep.hard_ok
    assert rep.units_checked == 4 + 7  # sentences and mentions


def test_evidence_with_a_no_break_space_in_the_text(gaz: Gazetteer) -> None:
    # S3 and S4 are separated by U+00A0 in TEXT; a fact resting on both sentences spans it
    gold = copy.deepcopy(GOLD)
    gold["statements"][0]["evidence_any"] = ["ở Aleppo. Nga cáo buộc"]
    store = make_store()
    assert run_eval(store, gaz, gold).scores["statements"].tp == 0
    update(store, "INSERT DATA { GRAPH <https://example.org/graph/article/t01> { :st prov:wasDerivedFrom :s4 } }")
    assert run_eval(store, gaz, gold).scores["statements"].tp == 1


def test_article_missing_from_the_store(gaz: Gazetteer) -> None:
    gold = copy.deepcopy(GOLD)
    gold["article"] = "nope.txt"
    rep = run_eval(make_store(), gaz, gold)
    assert rep.count("article_missing") == 1 and not rep.hard_ok
    assert rep.scores["events"].misses == 2 and rep.scores["events"].recall == 0.0


def test_texts_dir_checks_the_stored_text(gaz: Gazetteer, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / FILE).write_text(TEXT, encoding="utf-8")
    assert run_eval(make_store(), gaz, texts_dir=texts).count("text_mismatch") == 0
    (texts / FILE).write_text(TEXT.replace("\u00a0", " "), encoding="utf-8")
    rep = run_eval(make_store(), gaz, texts_dir=texts)
    assert rep.count("text_mismatch") == 1
    gold = copy.deepcopy(GOLD)
    gold["statements"][0]["evidence_any"] = ["không có trong bài"]
    rep = run_eval(make_store(), gaz, gold, texts_dir=texts)
    assert any("evidence not in the text" in w for w in rep.warnings)


def test_json_report_round_trips(gaz: Gazetteer) -> None:
    d = json.loads(run_eval(make_store(), gaz).to_json())
    assert d["micro"]["f1"] == 1.0
    assert d["hard_checks"]["ok"] is True
    assert set(d["scores"]) == {"entities", "roles", "events", "agreements", "casualty_claims", "statements"}


def test_load_gold_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ev.GoldError, match="bad.json"):
        ev.load_gold([bad])
    noart = tmp_path / "noart.json"
    noart.write_text('[{"title": "x"}]', encoding="utf-8")
    with pytest.raises(ev.GoldError, match="noart.json: item 0"):
        ev.load_gold([noart])
    with pytest.raises(ev.GoldError, match="no such file"):
        ev.load_gold([tmp_path / "missing.json"])


def test_cli_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_path = tmp_path / "store"
    store = make_store(path=store_path)
    del store
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps([GOLD], ensure_ascii=False), encoding="utf-8")
    gaz_file = tmp_path / "entities.tsv"
    gaz_file.write_text(GAZ_TSV, encoding="utf-8")
    parser = argparse.ArgumentParser()
    parser.add_argument("--store")
    ev.add_arguments(parser)
    args = parser.parse_args(["--store", str(store_path), "--gold", str(gold_file), "--gazetteer", str(gaz_file), "--json"])
    assert ev.run(args) == 0
    assert json.loads(capsys.readouterr().out)["micro"]["f1"] == 1.0
    args = parser.parse_args(["--store", str(tmp_path / "nostore"), "--gold", str(gold_file), "--gazetteer", str(gaz_file)])
    assert ev.run(args) == 2
    assert "no store" in capsys.readouterr().err


def test_seed_gold_is_readable_and_self_consistent(shared: Path) -> None:
    """Every evidence string of the seed gold is in its seed text (guards the evaluator's assumptions)."""
    gold = ev.load_gold([shared / "gold" / "seed-gold.json"])
    rep = ev.Report()
    for item in gold:
        text = (shared / "seeds" / item["article"]).read_text(encoding="utf-8")
        ev._gold_sanity(item, text, rep)
    assert rep.warnings == []


def test_type_any_and_outcome_any(gaz: Gazetteer) -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"][0]["type"] = "talks"
    store = make_store()
    assert run_eval(store, gaz, gold).scores["events"].misses == 1  # a phone call is not talks
    gold["events"][0]["type_any"] = ["talks", "phone_call"]
    rep = run_eval(store, gaz, gold)
    assert rep.scores["events"].misses == 0 and rep.attribute("events", "type").value == 1.0
    gold["casualty_claims"][0]["outcome"] = "injured"
    assert run_eval(store, gaz, gold).scores["casualty_claims"].misses == 1
    gold["casualty_claims"][0]["outcome_any"] = ["injured", "killed"]
    assert run_eval(store, gaz, gold).scores["casualty_claims"].misses == 0


def test_caption_mentions_are_not_entities_of_the_article(gaz: Gazetteer) -> None:
    """A name only in a photo caption is neither an entity of the article nor a must_not hit."""
    caption = "Trần Văn Mẫu"
    b, e = span(caption)
    store = make_store()
    store.load((PFX + f""":cap a <https://w3id.org/syriakg/ontology#Caption> ; nif:referenceContext :a ;
        nif:beginIndex {b} ; nif:endIndex {e} ; nif:anchorOf {_lit(caption)} .
        :mc a nif:Phrase ; nif:referenceContext :a ; nif:beginIndex {b} ; nif:endIndex {e} ;
        nif:anchorOf {_lit(caption)} ; itsrdf:taIdentRef :tvm .
        :tvm a schema:Person ; rdfs:label "Trần Văn Mẫu"@vi .""").encode(), format=RdfFormat.TURTLE, to_graph=G_ART)
    gold = copy.deepcopy(GOLD)
    gold["body_ends_before"] = None
    gold["must_not"] = {"names": ["Trần Văn Mẫu"]}
    rep = run_eval(store, gaz, gold)
    assert rep.scores["entities"].unmatched == 0
    assert rep.count("must_not") == 0


def test_parties_of_an_agreement_are_not_entities_of_the_article(gaz: Gazetteer) -> None:
    store = make_store()
    update(store, """INSERT DATA { GRAPH <https://example.org/graph/entities> {
        :astana kg:party :turkey . :turkey a schema:Country ; rdfs:label "Thổ Nhĩ Kỳ"@vi ; owl:sameAs wd:Q43 } }""")
    assert run_eval(store, gaz).scores["entities"].unmatched == 0


DEV_GOLD = Path(__file__).resolve().parent / "gold" / "dev-gold.json"


def test_dev_gold_parses_and_uses_known_or_declared_keys() -> None:
    gold = ev.load_gold([DEV_GOLD])
    assert len(gold) >= 8
    from syriakg.loaders import config

    table = Gazetteer.from_tsv(config.REPO_ROOT / "data" / "wikidata" / "entities.tsv")
    for item in gold:
        declared = set(item.get("new_entities", {}))
        used = set(item["entities"]) | set(item.get("entities_optional", []))
        used |= {r["person"] for r in item["roles"]} | {r["position"] for r in item["roles"]}
        used |= {s["speaker"] for s in item["statements"]}
        for e in item["events"]:
            used |= set(e.get("participants", [])) | set(e.get("participants_optional", []))
        unknown = {k for k in used if k not in table.infos and k not in declared}
        assert not unknown, (item["article"], unknown)
        assert not any(info.get("qid") for info in item.get("new_entities", {}).values())  # never a QID from memory


def test_dev_gold_evidence_is_in_the_dev_texts(shared: Path) -> None:
    rep = ev.Report()
    for item in ev.load_gold([DEV_GOLD]):
        text = (shared / "corpus" / "dev" / item["article"]).read_text(encoding="utf-8")
        ev._gold_sanity(item, text, rep)
        assert item["title"] == text.splitlines()[0]
    assert rep.warnings == []


def test_seed_store_passes_the_hard_checks(seed_store, seed_gold: list[dict]) -> None:
    """On the five loaded seeds: every gold article found, no furniture fact, no wrong QID, offsets exact."""
    rep = ev.evaluate(seed_store, seed_gold)
    assert all(a.found for a in rep.articles)
    assert rep.hard_ok, rep.to_text(details=False)


def test_a_mention_naming_two_entities_counts_for_both():
    """A metonym ("Moskva" = the city and Russia) is one nif:Phrase with two itsrdf:taIdentRef."""
    from syriakg.loaders.evaluation.graph import ArticleView, TextUnit
    from syriakg.ontology.terms import NIF_NS

    sent = TextUnit("s", {NIF_NS + "Sentence"}, 0, 40, "x" * 40)
    phrase = TextUnit("m", {NIF_NS + "Phrase"}, 5, 10, "Moskva", {"e/moscow", "e/russia"})
    view = ArticleView("a", "x" * 40, [], [], [sent, phrase], [], {})
    assert view.entity_iris() == {"e/moscow", "e/russia"}
