"""Cross-article linking end to end: articles written for this test, loaded into a temporary store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad

from syriakg.loaders.link import GRAPH_NAME, link_store
from syriakg.loaders.load import load, remove_article
from syriakg.loaders.store import open_store
from syriakg.ontology.terms import DEFAULT_BASE, KG, sparql_prefixes

REPO = Path(__file__).resolve().parent.parent
GRAPH = NamedNode(f"{DEFAULT_BASE}graph/{GRAPH_NAME}")

# Two articles report the same talks (one after: "đã hội đàm", one before: "sẽ gặp") and the same air
# strike with different death tolls; a third reports other talks.
ARTICLES = [
    {"id": "a1", "title": "Ngoại trưởng Mỹ và Thổ Nhĩ Kỳ thảo luận về miền Bắc Syria", "date": "2019-10-13",
     "text": "Ngày 12/10/2019, Ngoại trưởng Mỹ Mike Pompeo đã hội đàm với Ngoại trưởng Thổ Nhĩ Kỳ Mevlut "
             "Cavusoglu tại Ankara về tình hình miền Bắc Syria. Hai bên nhất trí tiếp tục liên lạc.\n\n"
             "Hôm 8/10/2019, ít nhất 12 dân thường đã thiệt mạng trong một cuộc không kích ở Aleppo."},
    {"id": "b2", "title": "Ông Pompeo sắp tới Ankara bàn về Syria", "date": "2019-10-10",
     "text": "Ngoại trưởng Mỹ Mike Pompeo sẽ gặp Ngoại trưởng Thổ Nhĩ Kỳ Mevlut Cavusoglu tại Ankara ngày 12/10 "
             "để thảo luận về chiến dịch quân sự ở miền Bắc Syria.\n\n"
             "Bộ Quốc phòng Nga cho biết 15 dân thường đã thiệt mạng trong cuộc không kích ở Aleppo ngày 8/10."},
    {"id": "c3", "title": "Nga và Thổ Nhĩ Kỳ trao đổi về Syria", "date": "2019-10-23",
     "text": "Tổng thống Nga Vladimir Putin đã hội đàm với Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan tại Sochi "
             "ngày 22/10/2019 về tình hình Syria."},
]


def write_articles(path: Path, articles: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({**a, "url": None, "outlet": "Báo Thử nghiệm"}, ensure_ascii=False) + "\n")
    return path


def rows(store, query: str) -> list[dict[str, str]]:
    res = store.query(sparql_prefixes() + query, use_default_graph_as_union=True)
    return [{str(v)[1:]: r[v].value for v in res.variables if r[v] is not None} for r in res]


def derived(store) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, GRAPH)}


@pytest.fixture
def loaded(tmp_path):
    src = write_articles(tmp_path / "news.jsonl", ARTICLES)
    path = tmp_path / "store"
    store = open_store(path)
    summary = load([str(src)], path, store=store, workers=1)
    assert summary.ok and summary.articles == 3, summary.to_text()
    return src, path, store


def canonical_events(store) -> list[dict[str, str]]:
    return rows(store, """SELECT ?c ?r ?status ?article WHERE {
        ?c a kg:CanonicalEvent ; kg:report ?r . ?r kg:status ?status ; kg:reportedIn ?article } ORDER BY ?r""")


def test_one_canonical_event_with_both_reports_and_their_statuses(loaded):
    _, _, store = loaded
    got = canonical_events(store)
    assert len({r["c"] for r in got}) == 1 and len(got) == 2
    assert [(r["article"].rsplit("/", 1)[1], r["status"].rsplit("#", 1)[1]) for r in got] == \
        [("news-a1", "Occurred"), ("news-b2", "Planned")]
    c = NamedNode(got[0]["c"])
    statuses = {q.object for q in store.quads_for_pattern(c, KG.reportedStatus, None, GRAPH)}
    assert statuses == {KG.Occurred, KG.Planned}  # side by side, neither overwritten
    facts = rows(store, f"""SELECT ?type ?date ?place WHERE {{ <{c.value}> sem:eventType ?type ; kg:date ?date ;
                             sem:hasPlace ?place }}""")
    assert facts == [{"type": KG.Talks.value, "date": "2019-10-12", "place": f"{DEFAULT_BASE}entity/ankara"}]
    actors = {r["a"] for r in rows(store, f"SELECT ?a WHERE {{ <{c.value}> sem:hasActor ?a }}")}
    assert actors == {f"{DEFAULT_BASE}entity/pompeo", f"{DEFAULT_BASE}entity/cavusoglu"}
    same = rows(store, "SELECT ?x ?y WHERE { ?x kg:sameEventAs ?y }")
    assert {(r["x"], r["y"]) for r in same} == {(got[0]["r"], got[1]["r"]), (got[1]["r"], got[0]["r"])}


def test_the_unrelated_talks_stay_alone_and_meeting_counts_are_unchanged(loaded):
    _, _, store = loaded
    merged = {r["r"] for r in canonical_events(store)}
    putin_talks = rows(store, f"SELECT ?e WHERE {{ ?e a kg:Talks ; sem:hasActor <{DEFAULT_BASE}entity/putin> }}")
    assert len(putin_talks) == 1 and putin_talks[0]["e"] not in merged
    # the canonical node is not a kg:Meeting: meeting queries still count each report once
    n = rows(store, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a ?t . ?t rdfs:subClassOf* kg:Meeting }")
    assert n == [{"n": "3"}]


def test_casualty_figures_of_one_strike_side_by_side_with_their_claimants(loaded):
    _, _, store = loaded
    got = rows(store, """SELECT ?c ?count ?claimant WHERE { ?c a kg:CanonicalCasualty ; kg:report ?r .
        ?r kg:count ?count . OPTIONAL { ?r kg:claimant ?claimant } } ORDER BY ?count""")
    assert len({r["c"] for r in got}) == 1
    assert [(r["count"], r.get("claimant", "").rsplit("/", 1)[-1]) for r in got] == [("12", ""), ("15", "russia_mod")]
    counts = rows(store, "SELECT ?n WHERE { ?c kg:reportedCount ?n } ORDER BY ?n")
    assert [r["n"] for r in counts] == ["12", "15"]


def test_relinking_is_idempotent(loaded):
    src, path, store = loaded
    before = derived(store)
    assert before
    again = link_store(store, DEFAULT_BASE, path)
    assert not again.changed and derived(store) == before
    assert load([str(src)], path, store=store, workers=1).unchanged == 3
    assert derived(store) == before
    assert load([str(src)], path, store=store, workers=1, force=True).ok  # re-extracted articles, same derived graph
    assert derived(store) == before and len(derived(store)) == again.quads


def test_removing_and_reloading_an_article_updates_the_merge(loaded, tmp_path):
    src, path, store = loaded
    before = derived(store)
    iri = canonical_events(store)[0]["c"]
    assert remove_article(store, "news-b2")
    assert link_store(store, DEFAULT_BASE, path).changed
    assert canonical_events(store) == [] and derived(store) == set()
    assert load([str(src)], path, store=store, workers=1).articles == 1  # b2 comes back: merged again, same IRIs
    assert derived(store) == before and canonical_events(store)[0]["c"] == iri
    # b2 now puts the meeting on another day: no longer the same event
    moved = [dict(a, text=a["text"].replace("ngày 12/10", "ngày 19/10")) if a["id"] == "b2" else a
             for a in ARTICLES]
    assert load([str(write_articles(src, moved))], path, store=store, workers=1).replaced == 1
    assert canonical_events(store) == []


def test_example_query_lists_each_articles_status_and_evidence(loaded):
    _, _, store = loaded
    query = (REPO / "endpoint" / "static" / "queries" / "merged-events.rq").read_text(encoding="utf-8")
    got = [{str(v)[1:]: r[v].value for v in res_vars if r[v] is not None}
           for res in [store.query(query, use_default_graph_as_union=True)] for res_vars in [res.variables]
           for r in res]
    assert len(got) == 2 and {r["status"] for r in got} == {"Occurred", "Planned"}
    assert all(r["articles"] == "2" for r in got)
    assert any("sẽ gặp" in r["evidence"] for r in got) and any("đã hội đàm" in r["evidence"] for r in got)


def test_merged_store_still_conforms_to_the_shapes(loaded):
    pytest.importorskip("pyshacl")
    from syriakg.ontology.validate import validate_store

    _, _, store = loaded
    conforms, report = validate_store(store)
    assert conforms, report
    # the canonical-node shapes bite: a canonical event left with one report, or given a status of its own
    c = NamedNode(canonical_events(store)[0]["c"])
    store.remove(next(iter(store.quads_for_pattern(c, KG.report, None, GRAPH))))
    store.add(Quad(c, KG.status, KG.Occurred, GRAPH))
    conforms, report = validate_store(store)
    assert not conforms and "at least two per-article reports" in report and "no kg:status of its own" in report


def test_fact_lookup_shows_the_canonical_event_on_each_report(loaded):
    from syriakg.endpoint.lookup import FactLookup

    _, _, store = loaded
    lookup = FactLookup(store, DEFAULT_BASE)
    meetings = [f for f in lookup.facts(f"{DEFAULT_BASE}entity/pompeo").facts if f.type == "meeting"]
    assert len(meetings) == 2
    canonical = canonical_events(store)[0]["c"]
    assert {f.same_event for f in meetings} == {canonical}
    assert {f.status for f in meetings} == {"occurred", "planned"}
    for f in meetings:
        assert f.same_event_as == [g.iri for g in meetings if g.iri != f.iri]
    putin = [f for f in lookup.facts(f"{DEFAULT_BASE}entity/putin").facts if f.type == "meeting"]
    assert putin and all(f.same_event is None and f.same_event_as == [] for f in putin)


def test_canonical_nodes_leave_prov_evidence_links_to_sentences_only(loaded):
    """prov:wasDerivedFrom always leads to an evidence sentence; `syriakg verify` stays clean after linking."""
    from syriakg.endpoint.facts_stale import verify_store

    _, _, store = loaded
    assert canonical_events(store)
    assert not list(store.quads_for_pattern(None, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), None,
                                            GRAPH))
    report = verify_store(store, DEFAULT_BASE)
    assert report.ok and report.stale == []


def test_link_command(tmp_path, capsys):
    from syriakg.loaders.cli import main

    src = write_articles(tmp_path / "news.jsonl", ARTICLES)
    path = tmp_path / "store"
    assert load([str(src)], path, workers=1).ok  # opens and closes its own handle
    assert main(["link", "--store", str(path), "--dry-run", "--list", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["event_clusters"] == 1 and out["casualty_clusters"] == 1 and out["written"] is False
    assert [sorted(r["status"] for r in c) for c in out["clusters"]["events"]] == [["Occurred", "Planned"]]
    assert main(["link", "--store", str(path)]) == 0
    assert "1 canonical events merging 2 reports" in capsys.readouterr().out
    assert main(["link", "--store", str(tmp_path / "nowhere")]) == 2


def test_a_failing_link_stage_never_fails_the_load(monkeypatch, capsys):
    import syriakg.loaders.link as link
    from syriakg.loaders.load import LoadSummary

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(link, "link_store", boom)
    summary = LoadSummary()
    link.relink_after_load(open_store(None), None, DEFAULT_BASE, summary)
    assert summary.ok and any("disk full" in w and "syriakg link" in w for w in summary.warnings)
    assert "cross-article linking failed" in capsys.readouterr().err
