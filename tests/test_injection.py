"""Hostile input to `/facts` and `/facts/check`: no effect beyond a clear 4xx (or an honest empty answer).

Every query the lookup runs is recorded: each must be one of the fixed query strings (user input reaches
them only as substituted values), and the store must be unchanged afterwards.
"""

from __future__ import annotations

import itertools

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from syriakg.endpoint.facts import FactService, router
from syriakg.endpoint.lookup import ALL_TYPES, fact_query
from syriakg.loaders.cli import main
from tests.test_lookup_corpus import BASE, build_store

HOSTILE = [
    "'", '"', "\\", "}", "{", "<", ">", "#", "?e", "$e", "%00", "%27",
    "} UNION { ?f ?p ?o }",
    '" . } UNION { ?f ?p ?o } #',
    "'} UNION { ?s ?p ?o } #",
    "<http://evil.example/> } ; DROP ALL ; {",
    "Q7747 } UNION { ?f ?p ?o",
    "Q7747> } UNION { ?f ?p ?o } #",
    f"{BASE}entity/putin> ?p ?o }} UNION {{ ?f ?p ?o }} #",
    f"{BASE}entity/putin\"",
    "entity/putin> } UNION { ?s ?p ?o",
    'Putin" || true || "',
    "SELECT * WHERE { ?s ?p ?o }",
    "DROP ALL",
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "a\x00b", "\x00", "\x07", "\x1b[2J", "\x7f", "line\nbreak", "tab\there", "\u202eevil", "\ufeff",
    "<script>alert(1)</script>",
    "😀" * 50,
    "x" * 20_000,  # (HTTP clients cap URLs near 64 KiB; the library refuses far longer values too)
    "Q" + "9" * 5000,
    "2019-03-01' || '1'='1",
    "--12-25",
]
FACTS_PARAMS = ["entity", "type", "status", "from", "to", "article", "format"]
CHECK_PARAMS = ["subject", "type", "object", "place", "date", "status", "qualifier", "outcome", "quote", "act"]


class RecordingStore:
    """Forwards to a pyoxigraph Store and records every query string run on it."""

    def __init__(self, store) -> None:  # noqa: ANN001
        self.store = store
        self.queries: list[str] = []

    def query(self, query: str, **kw):  # noqa: ANN003, ANN201
        self.queries.append(query)
        return self.store.query(query, **kw)

    def quads_for_pattern(self, *a):  # noqa: ANN002, ANN201
        return self.store.quads_for_pattern(*a)


def allowed_queries() -> set[str]:
    from syriakg.endpoint import lookup

    out = {fact_query(t, *flags) for t in (None, *ALL_TYPES) for flags in itertools.product((False, True), repeat=5)}
    out.add(lookup.sparql_prefixes() + "SELECT ?e ?wd WHERE { ?e owl:sameAs ?wd }")
    return out


@pytest.fixture(scope="module")
def setup():  # noqa: ANN201
    store = build_store()
    rec = RecordingStore(store)
    app = FastAPI()
    app.include_router(router)
    app.state.facts_service = FactService(BASE, store=rec)  # type: ignore[arg-type]
    return store, rec, TestClient(app)


def _assert_clean(r, value: str) -> None:  # noqa: ANN001
    assert r.status_code in (200, 300, 400, 404, 422), (r.status_code, value[:80], r.text[:200])
    assert "\x00" not in r.text
    if r.status_code in (400, 422):
        assert r.json()["detail"]


@pytest.mark.parametrize("param", FACTS_PARAMS)
def test_hostile_facts_parameters(setup, param):
    store, rec, client = setup
    before = set(store)
    for value in HOSTILE:
        params = {"entity": "Putin", param: value}
        r = client.get("/facts", params=params)
        _assert_clean(r, value)
        if param != "entity":  # a hostile filter value is refused, never ignored
            assert r.status_code in (400, 422), (param, value[:60], r.status_code)
        elif r.status_code == 200:  # a name that happens to fold onto a real one finds only that
            assert r.json()["entity"]["iri"].startswith(BASE + "entity/")
    assert set(store) == before
    assert set(rec.queries) <= allowed_queries()


@pytest.mark.parametrize("param", CHECK_PARAMS)
def test_hostile_check_parameters(setup, param):
    store, rec, client = setup
    before = set(store)
    for value in HOSTILE:
        params = {"subject": "Putin", "type": "meeting", param: value}
        r = client.get("/facts/check", params=params)
        _assert_clean(r, value)
        if param in ("type", "date", "status", "qualifier", "outcome", "act"):
            assert r.status_code in (400, 422), (param, value[:60], r.status_code)
    assert set(store) == before
    assert set(rec.queries) <= allowed_queries()


def test_hostile_text_never_reaches_a_query_string(setup):
    _, rec, client = setup
    rec.queries.clear()
    for value in HOSTILE:
        client.get("/facts", params={"entity": value})
        client.get("/facts/check", params={"subject": "Putin", "type": "statement", "quote": value})
        client.get("/facts/check", params={"subject": "Erdogan", "type": "statement", "quote": value, "object": value})
    assert rec.queries, "the lookups ran queries"
    for q in set(rec.queries):
        for value in HOSTILE:
            if len(value) > 3:
                assert value not in q


def test_html_answers_escape_what_they_show(setup):
    _, _, client = setup
    r = client.get("/facts", params={"entity": "<script>alert(1)</script>"}, headers={"accept": "text/html"})
    assert r.status_code == 404 and "<script>alert" not in r.text and "&lt;script&gt;" in r.text
    r = client.get("/facts", params={"entity": "a\x00<b>"}, headers={"accept": "text/html"})
    assert r.status_code == 400 and "<b>" not in r.text.split("</header>", 1)[1]


def test_huge_values_are_refused_before_any_work():
    from syriakg.endpoint.facts_claims import Claim
    from syriakg.endpoint.lookup import BadInput, FactLookup

    lk = FactLookup(build_store(), BASE)
    with pytest.raises(BadInput, match="too long"):
        lk.resolve("Putin " * 200_000)
    with pytest.raises(BadInput, match="too long"):
        Claim.parse("Putin", "statement", quote="x" * 1_000_000)


def test_the_api_still_answers_afterwards(setup):
    _, _, client = setup
    r = client.get("/facts", params={"entity": "Q7747"})
    assert r.status_code == 200 and r.json()["total"] == 2


def test_hostile_cli_input(tmp_path, capsys):
    path = tmp_path / "store"
    s = build_store(path)
    del s
    assert main(["facts", "} UNION { ?f ?p ?o }", "--store", str(path)]) == 1
    assert main(["facts", "Putin\x00", "--store", str(path)]) == 2
    assert main(["check", "Putin", "--type", "meeting", "--date", "2019' }", "--store", str(path)]) == 2
    err = capsys.readouterr().err
    assert "control characters" in err and "not a date" in err
