"""Claim checks: supported / contradicted / not found, with the facts on each side."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from syriakg.endpoint.facts_claims import AmbiguousReference, Claim, check_claim, count_range, date_compatible
from syriakg.endpoint.facts_models import Evidence, Fact
from syriakg.endpoint.lookup import BadInput, FactLookup
from syriakg.ontology.terms import NIF
from tests.test_lookup_corpus import BASE, E, build_store


@pytest.fixture(scope="module")
def lk() -> FactLookup:
    return FactLookup(build_store(), BASE)


def check(lk: FactLookup, **kw):  # noqa: ANN201
    return check_claim(lk, Claim.parse(**kw))


def sources(facts: list[Fact]) -> list[str]:
    return sorted(f.claimant.iri.removeprefix(E) if f.claimant else f.iri.split("/")[-3] for f in facts)


def test_two_sources_with_different_figures_for_the_same_shelling(lk):
    r = check(lk, subject="tỉnh Idlib", type="casualty", count=12, qualifier="at_least", outcome="killed",
              date="2019-03-04")
    assert r.verdict == "supported"
    assert sources(r.supporting) == ["sohr"] and sources(r.contradicting) == ["anadolu"]
    assert "disputed: the sources disagree" in r.notes
    r7 = check(lk, subject="Q233218", type="casualty", count=7, outcome="killed")
    assert r7.verdict == "supported" and sources(r7.supporting) == ["anadolu"] and sources(r7.contradicting) == ["sohr"]


def test_a_figure_no_source_gives_is_contradicted(lk):
    r = check(lk, subject="tỉnh Idlib", type="casualty", count=10, outcome="killed")
    assert r.verdict == "contradicted" and sources(r.contradicting) == ["anadolu", "sohr"] and r.supporting == []


def test_at_least_supports_any_larger_figure(lk):
    r = check(lk, subject="tỉnh Idlib", type="casualty", count=40, outcome="killed")
    assert sources(r.supporting) == ["sohr"] and sources(r.contradicting) == ["anadolu"]


def test_casualties_elsewhere_or_of_another_kind_do_not_count(lk):
    assert check(lk, subject="tỉnh Idlib", type="casualty", count=3, outcome="injured").verdict == "not_found"
    r = check(lk, subject="thành phố Idlib", type="casualty", count=3, outcome="injured")
    assert r.verdict == "supported" and r.supporting[0].count == 3
    assert check(lk, subject="tỉnh Idlib", type="casualty", count=12, outcome="killed",
                 date="2018").verdict == "not_found"


def test_a_meeting_planned_in_one_article_and_held_in_a_later_one(lk):
    held = check(lk, subject="Putin", type="meeting", object="Erdogan", date="2019-03-17")
    assert held.verdict == "supported"
    assert [f.status for f in held.supporting] == ["occurred"] and [f.status for f in held.related] == ["planned"]
    assert held.supporting[0].evidence[0].published == "2019-03-18"
    assert held.related[0].evidence[0].published == "2019-03-07"
    plan = check(lk, subject="Q7747", type="meeting", object="Q39259", status="planned", date="2019-03")
    assert plan.verdict == "supported" and [f.status for f in plan.related] == ["occurred"]


def test_a_meeting_said_to_be_cancelled_is_contradicted_by_the_report_that_it_took_place(lk):
    r = check(lk, subject="Putin", type="meeting", object="Erdogan", status="cancelled")
    assert r.verdict == "contradicted" and "occurred" in [f.status for f in r.contradicting]


def test_a_meeting_the_graph_does_not_know(lk):
    r = check(lk, subject="Lavrov", type="meeting", object="Putin")
    assert r.verdict == "not_found" and not (r.supporting or r.contradicting or r.related)
    assert check(lk, subject="Lavrov", type="talks", object="Cavusoglu", place="Moskva").verdict == "supported"
    assert check(lk, subject="Lavrov", type="phone_call", object="Cavusoglu").verdict == "not_found"


def test_statements_words_and_speech_acts(lk):
    assert check(lk, subject="Erdogan", type="statement", quote="rut quan").verdict == "supported"
    said = check(lk, subject="Erdogan", type="statement", quote="rút quân", act="say")
    assert said.verdict == "contradicted" and said.contradicting[0].speech_act == "reject"
    assert check(lk, subject="Erdogan", type="statement", quote="rút quân", act="deny").verdict == "supported"
    assert check(lk, subject="Erdogan", type="statement", quote="ngừng bắn").verdict == "not_found"


def test_violation_position_and_agreement_claims(lk):
    v = check(lk, subject="agreement/sochi_idlib_2018", type="violation", object="quân đội chính phủ Syria")
    assert v.verdict == "supported" and v.supporting[0].claimant.iri == E + "turkey"
    assert check(lk, subject="Lavrov", type="position", object="Ngoại trưởng Nga").verdict == "supported"
    assert check(lk, subject="Cavusoglu", type="position", object="Ngoại trưởng Nga").verdict == "not_found"
    assert check(lk, subject="Nga", type="agreement", object="Thổ Nhĩ Kỳ").verdict == "supported"


def test_unknown_and_ambiguous_entities(lk):
    r = check(lk, subject="Kazakhstan", type="meeting")
    assert r.verdict == "not_found" and r.notes and "Kazakhstan" in r.notes[0]
    with pytest.raises(AmbiguousReference) as e:
        check(lk, subject="Idlib", type="casualty")
    assert e.value.parameter == "subject" and len(e.value.resolution.candidates) == 2


@pytest.mark.parametrize("kw", [
    {"subject": None, "type": "meeting"}, {"subject": "Putin", "type": None}, {"subject": "Putin", "type": "gossip"},
    {"subject": "Putin", "type": "meeting", "count": 3}, {"subject": "Putin", "type": "casualty", "status": "planned"},
    {"subject": "Putin", "type": "casualty", "outcome": "bored"}, {"subject": "Putin", "type": "meeting", "date": "17/3"},
    {"subject": "Putin", "type": "casualty", "qualifier": "roughly"}, {"subject": "Putin", "type": "statement", "act": "sing"},
    {"subject": "Putin", "type": "casualty", "count": -1},
])
def test_bad_claims(kw):
    with pytest.raises(BadInput):
        Claim.parse(**kw)


def test_unverified_facts_are_listed_but_not_counted():
    store = build_store()
    art = NamedNode(BASE + "article/thu-3")
    q = next(store.quads_for_pattern(art, NIF.isString, None, None))
    store.remove(q)
    store.add(Quad(art, NIF.isString, Literal(q.object.value.replace("17/3", "27/3")), q.graph_name))
    r = check_claim(FactLookup(store, BASE), Claim.parse("Putin", "meeting", "Erdogan", date="2019-03-17"))
    assert r.verdict == "not_found"
    assert [f.verified for f in r.supporting] == [False]
    assert any("failed verification" in n for n in r.notes)


def test_count_ranges():
    assert count_range(16, "at_least") == (16, float("inf"))
    assert count_range(16, "more_than") == (17, float("inf"))
    assert count_range(100, "about") == (90, 110)
    assert count_range(5, None) == (5, 5) and count_range(None, "vague") is None


def test_undated_facts_are_dated_by_their_report():
    def fact(status: str, published: str) -> Fact:
        ev = Evidence(sentence="s", published=published, verified=True)
        return Fact(iri="f", type="meeting", kind="meeting", verified=True, status=status, evidence=[ev])

    import datetime as dt

    day = (dt.date(2019, 3, 17), dt.date(2019, 3, 17))
    assert date_compatible(fact("occurred", "2019-03-20"), day)  # reported three days later
    assert not date_compatible(fact("occurred", "2019-03-10"), day)  # reported before it happened
    assert date_compatible(fact("planned", "2019-03-01"), day)  # announced two weeks before
    assert not date_compatible(fact("planned", "2019-04-01"), day)
