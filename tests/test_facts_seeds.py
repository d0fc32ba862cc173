"""The lookup on the five seed articles loaded by the real loader: Lavrov's meetings across articles, the
casualty claims about Idlib, the violation claim on the 2018 Sochi memorandum — by API, HTML and CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from syriakg.endpoint.facts import FactService, router
from syriakg.endpoint.facts_stale import verify_store
from syriakg.loaders.cli import main
from syriakg.loaders.load import load
from syriakg.loaders.store import open_store
from syriakg.ontology.terms import DEFAULT_BASE

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"
E = DEFAULT_BASE + "entity/"

pytestmark = pytest.mark.skipif(not any(SEEDS.glob("*.txt")), reason="no seed articles in data/articles")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):  # noqa: ANN201
    path = tmp_path_factory.mktemp("facts-seeds") / "store"
    assert load([str(SEEDS)], path, workers=1).ok
    store = open_store(path)
    app = FastAPI()
    app.include_router(router)
    app.state.facts_service = FactService(DEFAULT_BASE, store=store)
    yield str(path), store, TestClient(app)
    del store


def test_lavrovs_meetings_across_articles(seeds):
    _, _, client = seeds
    body = client.get("/facts", params={"entity": "Q58217", "type": "meeting"}).json()
    assert body["entity"]["iri"] == E + "lavrov"
    articles = {e["article"] for f in body["facts"] for e in f["evidence"]}
    assert body["total"] >= 2 and len(articles) >= 2
    assert body["unverified"] == 0
    for f in body["facts"]:
        assert E + "lavrov" in {a["iri"] for a in f["actors"]} and f["status"]
        for e in f["evidence"]:
            assert e["verified"] and e["source_file"].endswith(".txt") and e["headline"] and e["text"]


def test_casualty_claims_about_idlib(seeds):
    _, _, client = seeds
    r = client.get("/facts", params={"entity": "Idlib", "type": "casualty"})
    assert r.status_code == 200, r.text[:300]
    body = r.json()
    assert body["entity"]["qid"] == "Q233218" and body["total"] >= 1
    for f in body["facts"]:
        assert f["verified"] and f["outcome"] and f["count_text"]
        assert any(re.search(r"\d", e["text"]) for e in f["evidence"]) or f.get("count") is None


def test_the_violation_claim_on_the_2018_agreement(seeds):
    _, _, client = seeds
    for ref in ("agreement/sochi_idlib_2018", "thỏa thuận Sochi"):
        body = client.get("/facts", params={"entity": ref, "type": "violation"}).json()
        assert body["entity"]["iri"] == DEFAULT_BASE + "agreement/sochi_idlib_2018"
        assert body["total"] >= 1 and body["unverified"] == 0
        assert all(f["agreement"]["iri"] == body["entity"]["iri"] for f in body["facts"])
    check = client.get("/facts/check", params={"subject": "agreement/sochi_idlib_2018", "type": "violation"}).json()
    assert check["verdict"] == "supported"


def test_html_view_on_the_seeds(seeds):
    _, _, client = seeds
    r = client.get("/facts", params={"entity": "Lavrov", "type": "meeting"}, headers={"accept": "text/html"})
    assert r.status_code == 200 and "<h1>Sergei Lavrov</h1>" in r.text
    assert r.text.count("✓ verified") >= 2 and "not verified" not in r.text


def test_cli_and_verify_on_the_seeds(seeds, capsys):
    path, store, _ = seeds
    assert main(["facts", "Q58217", "--type", "meeting", "--json", "--store", path]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 2
    assert verify_store(store, DEFAULT_BASE).ok
