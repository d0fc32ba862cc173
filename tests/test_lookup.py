"""The fact-lookup library: finding entities, gathering and filtering their facts, verifying evidence."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from syriakg.endpoint.facts_names import NameIndex, fold, within_one_edit
from syriakg.endpoint.lookup import BadInput, FactFilter, FactLookup, fact_query
from syriakg.ontology.terms import KG, NIF, PROV
from tests.test_lookup_corpus import BASE, E, build_store, fact_of


@pytest.fixture()
def store() -> Store:
    return build_store()


@pytest.fixture(params=["queries", "index"])
def lk(store: Store, request: pytest.FixtureRequest) -> FactLookup:
    """Both ways of listing facts: the fixed queries, and the in-memory index the server builds."""
    lookup = FactLookup(store, BASE)
    if request.param == "index":
        lookup.build_index()
    return lookup


def resolved(lk: FactLookup, ref: str) -> str | None:
    r = lk.resolve(ref)
    return r.entity.iri if r.entity else None


# --- names ---------------------------------------------------------------------------------------------


def test_fold_ignores_case_accents_d_and_punctuation():
    assert fold("Thổ Nhĩ Kỳ") == "tho nhi ky"
    assert fold("  THỔ-NHĨ   KỲ! ") == "tho nhi ky"
    assert fold("Đà Nẵng") == fold("da nang") == "da nang"
    assert fold("Mevlüt Çavuşoğlu") == "mevlut cavusoglu"
    assert fold("«»…") == ""


def test_one_edit():
    assert within_one_edit("lavrop", "lavrov") and within_one_edit("lavrov", "lavrovv")
    assert within_one_edit("lavrov", "avrov") and not within_one_edit("lavrov", "lavrenko")


def test_name_index_prefers_exact_then_place_core_then_partial_then_approximate():
    idx = NameIndex([("a", "tỉnh Hama"), ("b", "thành phố Hama"), ("c", "Hama"), ("d", "Sân bay quân sự Hama"),
                     ("e", "Abdullah Gül")])
    assert [m.iri for m in idx.match("hama")] == ["c"]  # the bare name wins
    idx2 = NameIndex([("a", "tỉnh Hama"), ("b", "Hama Governorate"), ("d", "Sân bay quân sự Hama")])
    assert [(m.iri, m.how) for m in idx2.match("Hama")] == [("a", "exact"), ("b", "exact")]
    assert [(m.iri, m.how) for m in idx2.match("san bay")] == [("d", "partial")]
    assert [(m.iri, m.how) for m in idx.match("abdulah gul")] == [("e", "approximate")]
    assert idx.match("zzz") == [] and idx.match("  ") == []


# --- resolving references ------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["Q7747", "q7747", "wd:Q7747", "http://www.wikidata.org/entity/Q7747",
                                 "https://www.wikidata.org/wiki/Q7747", f"{E}putin", "entity/putin",
                                 "Vladimir Putin", "vladimir putin", "Putin", "ông Putin"])
def test_references_to_one_entity(lk, ref):
    assert resolved(lk, ref) == E + "putin"


@pytest.mark.parametrize("ref,key", [("tho nhi ky", "turkey"), ("THỔ NHĨ KỲ", "turkey"), ("Turkey", "turkey"),
                                     ("nga", "russia"), ("Moscow", "moscow"), ("moskva", "moscow"),
                                     ("Sergey Lavrov", "lavrov"), ("lavrov", "lavrov"),
                                     ("Cavusoglu", "cavusoglu"), ("mevlüt çavuşoğlu", "cavusoglu")])
def test_names_in_vietnamese_or_english_without_accents(lk, ref, key):
    assert resolved(lk, ref) == E + key


def test_an_ambiguous_name_gives_candidates_ranked_by_facts(lk):
    r = lk.resolve("Idlib")
    assert r.status == "ambiguous" and r.entity is None
    assert [c.iri for c in r.candidates] == [E + "idlib_governorate", E + "idlib"]
    assert [c.facts for c in r.candidates] == [2, 1]
    assert r.candidates[0].qid == "Q233218" and "schema:Place" in r.candidates[0].types


def test_a_one_letter_slip_is_offered_never_taken(lk):
    r = lk.resolve("lavrốp")
    assert r.status == "ambiguous" and [c.iri for c in r.candidates] == [E + "lavrov"]
    assert r.candidates[0].match == "approximate"


def test_a_name_several_entities_share_resolves_to_the_only_one_with_facts(store):
    store.add(Quad(NamedNode(E + "putin-namesake"), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                   Literal("Vladimir Putin", language="vi"), NamedNode(BASE + "graph/entities")))
    lk = FactLookup(store, BASE)
    assert resolved(lk, "Vladimir Putin") == E + "putin"


@pytest.mark.parametrize("ref", ["Kazakhstan", "Q1", f"{E}nobody", "entity/nobody"])
def test_unknown_references_are_not_found(lk, ref):
    assert lk.resolve(ref).status == "not_found"


@pytest.mark.parametrize("ref", ["a\x00b", "\x1b[31m", "x" * 501, "https://bad iri/x", "https://x/<y>", ""])
def test_unusable_references_are_bad_input(lk, ref):
    with pytest.raises(BadInput):
        lk.resolve(ref)


# --- facts ---------------------------------------------------------------------------------------------


def test_facts_carry_contract_fields_and_checked_evidence(lk):
    page = lk.facts(E + "lavrov")
    assert page.total == 3 and page.unverified == 0
    by_type = {f.type: f for f in page.facts}
    assert set(by_type) == {"meeting", "position", "statement"}
    talks = by_type["meeting"]
    assert talks.kind == "talks" and talks.status == "occurred" and talks.roles == ["actor"]
    assert talks.date == "2019-03-05" and talks.date_type == "xsd:date" and talks.date_text == "ngày 5/3"
    assert {a.iri for a in talks.actors} == {E + "lavrov", E + "cavusoglu"}
    assert talks.place.iri == E + "moscow" and talks.place.qid == "Q649"
    (ev,) = talks.evidence
    assert ev.verified and ev.problems == []
    assert ev.article == BASE + "article/thu-1" and ev.source_file == "thu-1.txt"
    assert ev.headline == "Ngoại trưởng Nga và Thổ Nhĩ Kỳ hội đàm ở Moskva" and ev.outlet == "Báo Thử Nghiệm"
    assert ev.text.startswith("Ngoại trưởng Nga Sergei Lavrov") and ev.sentence.endswith(f"/sentence/{ev.begin}-{ev.end}")
    assert by_type["position"].position.label == "Ngoại trưởng Nga" and by_type["position"].roles == ["holder"]
    assert by_type["statement"].speech_act == "say" and by_type["statement"].roles == ["speaker"]


def test_casualty_fields(lk):
    (c,) = lk.facts(E + "sohr").facts
    assert (c.type, c.count, c.count_text, c.qualifier, c.outcome) == ("casualty", 12, "ít nhất 12", "at_least", "killed")
    assert c.claimant.iri == E + "sohr" and c.place.iri == E + "idlib_governorate" and c.victims == "dân thường"


def test_type_status_and_article_filters(lk):
    assert lk.facts(E + "putin", FactFilter(type="meeting")).total == 2
    planned = lk.facts(E + "putin", FactFilter(type="meeting", status="planned")).facts
    assert [f.status for f in planned] == ["planned"]
    assert lk.facts(E + "putin", FactFilter(type="statement")).total == 0
    assert lk.facts(E + "erdogan", FactFilter(type="statement")).facts[0].speech_act == "reject"
    in_two = lk.facts(E + "idlib_governorate", FactFilter(article=BASE + "article/thu-2")).facts
    assert [f.claimant.iri for f in in_two] == [E + "anadolu"]


def test_subtypes_filter_kinds(lk):
    assert lk.facts(E + "lavrov", FactFilter(type="talks")).total == 1
    assert lk.facts(E + "putin", FactFilter(type="talks")).total == 0


def test_date_filter_uses_intervals_and_falls_back_to_publication(lk):
    def dates(entity, lo, hi):
        flt = FactFilter.parse(lk, date_from=lo, date_to=hi)
        return sorted(f.date or f"pub:{f.evidence[0].published}" for f in lk.facts(E + entity, flt).facts)

    # 2019-03 (planned, a month) overlaps 18-31 March; the meeting on the 17th does not
    assert dates("putin", "2019-03-18", None) == ["2019-03"]
    assert dates("putin", "2019-03-10", "2019-03-31") == ["2019-03", "2019-03-17"]
    assert dates("putin", "2019-04", None) == []
    # the undated statement and holding are dated by their article (published 2019-03-06)
    assert dates("lavrov", None, "2019-03-06") == ["2019-03-05", "pub:2019-03-06", "pub:2019-03-06"]
    assert dates("lavrov", "2019-03-06", "2019") == ["pub:2019-03-06", "pub:2019-03-06"]


@pytest.mark.parametrize("kw", [{"type": "rumour"}, {"status": "maybe"}, {"date_from": "5/3/2019"},
                                {"date_to": "2019-13"}, {"date_from": "2020", "date_to": "2019"},
                                {"article": "no-such-article"}, {"article": "a b"}])
def test_bad_filters(lk, kw):
    with pytest.raises(BadInput):
        FactFilter.parse(lk, **kw)


def test_an_agreement_is_a_fact_and_an_entity(lk):
    page = lk.facts(E.replace("entity/", "agreement/") + "sochi_idlib_2018")
    kinds = [(f.type, f.roles) for f in page.facts]
    assert kinds == [("agreement", ["self"]), ("violation", ["agreement"])]
    agreement = page.facts[0]
    assert agreement.verified and agreement.label == "Bản ghi nhớ Sochi về Idlib"
    assert {p.iri for p in agreement.parties} == {E + "russia", E + "turkey"}
    assert lk.facts(E + "russia", FactFilter(type="agreement")).facts[0].iri == agreement.iri
    violation = page.facts[1]
    assert violation.claimant.iri == E + "turkey" and [a.iri for a in violation.accused] == [E + "syrian_government_forces"]


def test_pages_cover_everything_once(lk):
    everything = {f.iri for f in lk.facts(E + "idlib_governorate", limit=50).facts}
    p1 = lk.facts(E + "idlib_governorate", limit=1)
    p2 = lk.facts(E + "idlib_governorate", limit=1, offset=p1.next_offset)
    assert p1.total == p2.total == 2 and p2.next_offset is None
    assert {p1.facts[0].iri, p2.facts[0].iri} == everything
    assert lk.facts(E + "idlib_governorate", limit=1, offset=5).facts == []
    assert lk.facts(E + "idlib_governorate", limit=1, offset=5).total == 2


def test_fixed_queries_name_only_substituted_variables():
    for q in (fact_query(None, True, True, True), fact_query("meeting", False, False, False, count=True)):
        assert "?e" in q and "VALUES" not in q.upper()
    assert "?status" in fact_query(None, True, False, False) and "?article" in fact_query(None, False, True, False)


# --- verification at lookup time -----------------------------------------------------------------------


def _replace(store: Store, s: NamedNode, p: NamedNode, new: Literal) -> None:
    old = list(store.quads_for_pattern(s, p, None, None))
    for q in old:
        store.remove(q)
    store.add(Quad(s, p, new, old[0].graph_name))


def test_text_edited_in_place_flags_every_fact_of_that_article_only(store):
    art = NamedNode(BASE + "article/thu-1")
    text = next(store.quads_for_pattern(art, NIF.isString, None, None)).object.value
    _replace(store, art, NIF.isString, Literal(text.replace("Sergei Lavrov", "S. Lavrov")))
    lk = FactLookup(store, BASE)
    page = lk.facts(E + "lavrov")
    assert page.total == 3 and page.unverified == 3  # flagged, never dropped
    for f in page.facts:
        assert not f.verified
        assert "text_hash_mismatch" in f.problems and "offsets_mismatch" in f.problems
    assert all(f.verified for f in lk.facts(E + "putin").facts)


def test_a_new_text_hash_without_new_facts_is_flagged(store):
    _replace(store, NamedNode(BASE + "article/thu-3"), NIF.isString, Literal("Bài báo đã được viết lại hoàn toàn."))
    import hashlib

    _replace(store, NamedNode(BASE + "article/thu-3"), KG.sha256,
             Literal(hashlib.sha256("Bài báo đã được viết lại hoàn toàn.".encode()).hexdigest()))
    lk = FactLookup(store, BASE)
    (held,) = lk.facts(E + "putin", FactFilter(status="occurred")).facts
    assert not held.verified and held.problems == ["article_changed", "offsets_mismatch"]


def test_missing_sentences_and_foreign_facts(store):
    ann = NamedNode(BASE + "graph/annotations")
    fact = NamedNode(BASE + "annotation/1")
    sentence = NamedNode(f"{BASE}article/thu-3/sentence/999-1200")
    store.extend([Quad(fact, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), KG.Statement, ann),
                  Quad(fact, KG.speaker, NamedNode(E + "erdogan"), ann),
                  Quad(fact, PROV.wasDerivedFrom, sentence, ann)])
    good = next(q.object for q in store.quads_for_pattern(None, PROV.wasDerivedFrom, None,
                                                         NamedNode(BASE + "graph/article/thu-3")))
    other = NamedNode(BASE + "annotation/2")
    store.extend([Quad(other, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), KG.Statement, ann),
                  Quad(other, KG.speaker, NamedNode(E + "erdogan"), ann),
                  Quad(other, PROV.wasDerivedFrom, good, ann)])
    lk = FactLookup(store, BASE)
    facts = {f.iri: f for f in lk.facts(E + "erdogan", FactFilter(type="statement")).facts}
    assert facts[fact.value].problems == ["sentence_missing"]
    assert facts[other.value].problems == ["hash_not_recorded"]  # right text, but not tied to its version
    assert all(f.verified for k, f in facts.items() if k.startswith(BASE + "article/"))


def test_fact_iris_are_the_ones_the_mapping_wrote(store, lk):
    events = fact_of(store, "event", "thu-3")
    assert [f.iri for f in lk.facts(E + "putin", FactFilter(status="occurred")).facts] == events


def test_evidence_lists_are_capped_and_counted(store):
    agreement = NamedNode(BASE + "agreement/sochi_idlib_2018")
    g = NamedNode(BASE + "graph/article/thu-1")
    sentences = {q.object for q in store.quads_for_pattern(None, PROV.wasDerivedFrom, None, g)}
    store.extend(Quad(agreement, PROV.wasDerivedFrom, s, g) for s in sentences)  # mentioned there too
    lk = FactLookup(store, BASE)
    f = lk.fact(agreement.value, evidence_limit=2)
    assert len(f.evidence) == 2 and f.evidence_count == 1 + len(sentences) and f.verified
    # a node with hundreds of links is read predicate by predicate
    store.extend(Quad(agreement, PROV.wasDerivedFrom, NamedNode(f"{BASE}article/thu-1/sentence/{i}-{i + 1}"), g)
                 for i in range(1000, 1300))
    big = FactLookup(store, BASE).fact(agreement.value, evidence_limit=3)
    assert len(big.evidence) == 3 and big.evidence_count == 301 + len(sentences)
    assert big.label == "Bản ghi nhớ Sochi về Idlib" and {p.iri for p in big.parties} == {E + "russia", E + "turkey"}


def test_the_index_and_the_queries_agree(store):
    plain, indexed = FactLookup(store, BASE), FactLookup(store, BASE)
    indexed.build_index()
    entities = sorted({q.object.value for q in store if q.object.value.startswith((E, BASE + "agreement/"))})
    filters = [FactFilter(), FactFilter(type="meeting"), FactFilter(type="agreement"), FactFilter(type="casualty"),
               FactFilter(type="talks"), FactFilter(status="occurred"), FactFilter(status="planned"),
               FactFilter(date_from="2019-03-05"), FactFilter(date_to="2019-03-06"),
               FactFilter(date_from="2019-03-01", date_to="2019-03-31", type="meeting"), FactFilter(date_from="2018")]
    checked = 0
    for e in entities:
        for flt in filters:
            a = list(plain.fact_iris(e, flt))
            b = list(indexed.fact_iris(e, flt))
            assert sorted(a) == sorted(b), (e, flt)
            assert plain.count(e, flt) == indexed.count(e, flt) == len(a)
            checked += len(a)
    assert checked > 50


def test_the_index_lists_newest_first(store):
    lookup = FactLookup(store, BASE)
    lookup.build_index()
    dates = [f.date or f.evidence[0].published for f in lookup.facts(E + "idlib_governorate").facts]
    assert dates == sorted(dates, reverse=True)
    putin = lookup.facts(E + "putin").facts
    assert [f.status for f in putin] == ["occurred", "planned"]  # 17 March, then "March"
