"""`/facts` and `/facts/check` over HTTP: JSON (OpenAPI), candidates (300), errors, HTML by negotiation;
on a bare FastAPI app and inside the endpoint's app."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pyoxigraph import Literal, NamedNode, Quad

from syriakg.endpoint.facts import FactService, router
from syriakg.loaders.store import bump_version
from syriakg.ontology.terms import NIF
from tests.test_lookup_corpus import BASE, E, build_store

HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def bare_app(store) -> TestClient:  # noqa: ANN001
    app = FastAPI()
    app.include_router(router)
    app.state.facts_service = FactService(BASE, store=store)
    return TestClient(app)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return bare_app(build_store())


def test_facts_json(client):
    r = client.get("/facts", params={"entity": "Q7747", "type": "meeting"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert "Accept" in r.headers["vary"]
    body = r.json()
    assert body["entity"]["iri"] == E + "putin" and body["entity"]["match"] == "qid"
    assert body["total"] == 2 and body["filters"] == {"type": "meeting"} and body["unverified"] == 0
    statuses = sorted(f["status"] for f in body["facts"])
    assert statuses == ["occurred", "planned"]
    ev = body["facts"][0]["evidence"][0]
    assert set(ev) >= {"article", "source_file", "headline", "outlet", "text", "begin", "end", "verified", "sentence"}
    assert ev["verified"] is True


def test_names_dates_and_paging_over_http(client):
    r = client.get("/facts", params={"entity": "tho nhi ky"})
    assert r.status_code == 200 and r.json()["entity"]["iri"] == E + "turkey"
    r = client.get("/facts", params={"entity": "Putin", "from": "2019-03-18", "limit": 1})
    assert [f["date"] for f in r.json()["facts"]] == ["2019-03"]
    p1 = client.get("/facts", params={"entity": "Putin", "limit": 1}).json()
    p2 = client.get("/facts", params={"entity": "Putin", "limit": 1, "offset": p1["next_offset"]}).json()
    assert p1["total"] == 2 and p1["next_offset"] == 1 and "next_offset" not in p2  # null fields are left out
    assert p1["facts"][0]["iri"] != p2["facts"][0]["iri"]


def test_ambiguous_name_answers_300_with_candidates(client):
    r = client.get("/facts", params={"entity": "Idlib"})
    assert r.status_code == 300
    body = r.json()
    assert body["parameter"] == "entity" and [c["iri"] for c in body["candidates"]] == [E + "idlib_governorate", E + "idlib"]
    assert all("facts" in c and "labels" in c for c in body["candidates"])
    # asking again with a candidate's IRI settles it
    again = client.get("/facts", params={"entity": body["candidates"][1]["iri"]})
    assert again.status_code == 200 and again.json()["facts"][0]["outcome"] == "injured"


def test_unknown_entity_is_404_and_bad_input_400(client):
    r = client.get("/facts", params={"entity": "Kazakhstan"})
    assert r.status_code == 404 and r.json()["parameter"] == "entity"
    for params, param in [({"entity": "Putin", "type": "rumour"}, "type"), ({"entity": "Putin", "status": "x"}, "status"),
                          ({"entity": "Putin", "from": "yesterday"}, "from"), ({"entity": "Putin", "article": "nope"}, "article"),
                          ({"entity": "Putin", "format": "xml"}, "format"), ({"entity": "a\x07b"}, "entity")]:
        r = client.get("/facts", params=params)
        assert r.status_code == 400 and r.json()["parameter"] == param, params
    assert client.get("/facts", params={"entity": "Putin", "limit": 0}).status_code == 422
    assert client.get("/facts").status_code == 422
    assert client.get("/facts", params={"entity": "Putin"}, headers={"accept": "image/png"}).status_code == 406


def test_check_over_http(client):
    r = client.get("/facts/check", params={"subject": "tỉnh Idlib", "type": "casualty", "count": 7, "outcome": "killed"})
    assert r.status_code == 200
    body = r.json()
    assert body["verdict"] == "supported" and len(body["supporting"]) == 1 and len(body["contradicting"]) == 1
    assert body["contradicting"][0]["why"].startswith("figure")
    r = client.get("/facts/check", params={"subject": "Idlib", "type": "casualty"})
    assert r.status_code == 300 and r.json()["parameter"] == "subject"
    r = client.get("/facts/check", params={"subject": "Putin", "type": "meeting", "count": 2})
    assert r.status_code == 400 and r.json()["parameter"] == "count"


def test_html_view(client):
    r = client.get("/facts", params={"entity": "Lavrov"}, headers=HTML)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "<h1>Sergei Lavrov</h1>" in page and 'href="https://www.wikidata.org/wiki/Q58217"' in page
    assert 'href="/resource/entity/lavrov"' in page  # the entity's Linked-Data page
    marks = re.findall(r'<mark class="evidence">(.*?)</mark>', page)
    assert len(marks) == 3 and "✓ verified" in page and "not verified" not in page
    assert 'href="/resource/article/thu-1#s-' in page
    assert client.get("/facts", params={"entity": "Lavrov", "format": "html"}).text == page
    c = client.get("/facts", params={"entity": "Idlib"}, headers=HTML)
    assert c.status_code == 300 and "tỉnh Idlib" in c.text and "entity=https%3A%2F%2Fw3id.org" in c.text
    chk = client.get("/facts/check", params={"subject": "Putin", "type": "meeting", "format": "html"})
    assert chk.status_code == 200 and "supported" in chk.text and "Related" in chk.text


def test_html_escapes_and_flags():
    store = build_store()
    art = NamedNode(BASE + "article/thu-1")
    q = next(store.quads_for_pattern(art, NIF.isString, None, None))
    store.remove(q)
    store.add(Quad(art, NIF.isString, Literal(q.object.value.replace("Lavrov", "<b>Lavrov</b>")), q.graph_name))
    c = bare_app(store)
    page = c.get("/facts", params={"entity": "Lavrov"}, headers=HTML).text
    assert "not verified" in page and page.count('class="fact flagged"') == 3
    assert "<b>Lavrov</b>" not in page
    body = c.get("/facts", params={"entity": "Lavrov"}).json()
    assert body["unverified"] == 3 and len(body["facts"]) == 3


def test_openapi_documents_the_models(client):
    spec = client.get("/openapi.json").json()
    assert {"/facts", "/facts/check"} <= set(spec["paths"])
    facts = spec["paths"]["/facts"]["get"]
    assert {"200", "300", "400", "404"} <= set(facts["responses"])
    assert {p["name"] for p in facts["parameters"]} >= {"entity", "type", "from", "to", "status", "article", "limit", "offset"}
    schemas = spec["components"]["schemas"]
    assert {"FactsPage", "Fact", "Evidence", "Candidates", "CheckResult"} <= set(schemas)
    assert "verified" in schemas["Evidence"]["properties"]


def test_inside_the_endpoint_app_with_reloads(tmp_path):
    from syriakg.endpoint.app import create_app
    from syriakg.endpoint.settings import Settings

    path = tmp_path / "store"
    store = build_store(path)
    with TestClient(create_app(Settings(store=str(path), query_workers=1))) as c:
        r = c.get("/facts", params={"entity": "Erdogan", "type": "statement"})
        assert r.status_code == 200 and r.json()["facts"][0]["verified"] is True
        assert c.get("/resource/entity/erdogan", headers=HTML).status_code == 200
        # the loader (here: a write through another handle) changes the text and commits a new version
        art = NamedNode(BASE + "article/thu-3")
        q = next(store.quads_for_pattern(art, NIF.isString, None, None))
        store.remove(q)
        store.add(Quad(art, NIF.isString, Literal(q.object.value.replace("bác bỏ", "xác nhận")), q.graph_name))
        store.flush()
        bump_version(path)
        r = c.get("/facts", params={"entity": "Erdogan", "type": "statement"})
        assert r.json()["facts"][0]["verified"] is False
    del store


def test_the_service_builds_indexes_for_a_version_that_stays(tmp_path, monkeypatch):
    import syriakg.endpoint.facts as facts_module

    monkeypatch.setattr(facts_module, "WARM_DELAY", 0)
    monkeypatch.setattr(facts_module.threading, "Thread", _NoThread)  # run the warm-up here, not in a thread
    path = tmp_path / "store"
    s = build_store(path)
    del s
    stays = FactService(BASE, path=str(path), version=lambda: "v1")
    lk = stays.lookup()
    assert lk.index is not None and lk._names is not None
    assert len(lk.index.select(E + "putin", None, None, None, None, None, True)) == 2
    versions = iter(["v1", "v2"])  # a load commits v2 while v1 is being warmed up: v1 gets no indexes
    replaced = FactService(BASE, path=str(path), version=lambda: next(versions, "v2"))
    lk = replaced.lookup()
    assert lk.index is None and lk._names is None
    assert lk.facts(E + "putin").total == 2  # the fixed queries answer meanwhile


class _NoThread:
    def __init__(self, target, args=(), **kw) -> None:  # noqa: ANN001, ANN003
        self.target, self.args = target, args

    def start(self) -> None:
        self.target(*self.args)
