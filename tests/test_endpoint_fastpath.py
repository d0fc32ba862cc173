"""The GET /sparql fast path (cache hits and direct handler calls before routing) answers exactly like the router.

Two apps over one store: CORS off uses the fast path, CORS on goes through FastAPI's routing and middleware.
Also: SELECT results written as JSON text equal `json.dumps` of the SPARQL-JSON term dicts.
"""

from __future__ import annotations

import json
import random
from urllib.parse import parse_qsl, urlencode

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store

from syriakg.endpoint.app import create_app
from syriakg.endpoint.http_common import parse_query_string
from syriakg.endpoint.results import TooManyResults, solutions_json, term_json
from syriakg.endpoint.sample import build_sample
from syriakg.endpoint.settings import Settings
from syriakg.loaders.store import bump_version

SELECT = "SELECT ?a ?h WHERE { ?a <https://schema.org/headline> ?h } ORDER BY ?a LIMIT 3"
REQUESTS = [
    ({"query": SELECT}, {}),
    ({"query": SELECT}, {"accept": "text/csv"}),
    ({"query": SELECT}, {"accept": "application/sparql-results+xml"}),
    ({"query": "ASK { ?s ?p ?o }"}, {"accept": "text/tab-separated-values"}),
    ({"query": "CONSTRUCT { ?a <http://ex/h> ?h } WHERE { ?a <https://schema.org/headline> ?h } LIMIT 2"}, {}),
    ({"query": "SELECT ?x WHERE { ?x <rel> ?y }"}, {}),  # relative IRI: resolved against the endpoint URL
    ({"query": "SELEKT * WHERE {}"}, {}),  # 400 with the parser's message
    ({"query": SELECT}, {"accept": "image/png"}),  # 406
    ([("query", "ASK {}"), ("query", "ASK {}")], {}),  # 400: query twice
    ({"query": "ASK {}", "update": "CLEAR ALL"}, {}),  # 400: update by GET
    ({"default-graph-uri": "http://ex/g"}, {"accept": "text/turtle"}),  # no query: service description
    ({"query": "SELECT * WHERE { ?s ?p ?o }"}, {}),  # 422: over --max-results
]


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("fast") / "store"
    build_sample(path)
    fast = create_app(Settings(store=str(path), timeout=20, query_workers=1, max_results=40))
    routed = create_app(Settings(store=str(path), timeout=20, query_workers=1, max_results=40, cors_origins=("http://example.org",)))
    with TestClient(fast) as f, TestClient(routed) as r:
        yield f, r


def _same(a, b) -> None:
    assert a.status_code == b.status_code, (a.text, b.text)
    assert a.content == b.content
    for h in ("content-type", "content-length"):
        assert a.headers.get(h) == b.headers.get(h), h
    # the CORS middleware of the routed app adds Origin to Vary
    assert [v.strip() for v in a.headers.get("vary", "").split(",") if v.strip() not in ("Origin", "")] == \
        [v.strip() for v in b.headers.get("vary", "").split(",") if v.strip() not in ("Origin", "")]


@pytest.mark.parametrize("i", range(len(REQUESTS)))
def test_fast_path_answers_like_the_router(clients, i):
    fast, routed = clients
    params, headers = REQUESTS[i]
    state = fast.app.state.endpoint
    first = fast.get("/sparql", params=params, headers=headers)
    _same(first, routed.get("/sparql", params=params, headers=headers))
    hits = state.cache.hits
    again = fast.get("/sparql", params=params, headers=headers)  # a cache hit for 200s, recomputed otherwise
    _same(again, first)
    if first.status_code == 200 and "query" in dict(params if isinstance(params, dict) else {}):
        assert state.cache.hits > hits


def test_statuses_cover_the_error_paths(clients):
    fast, _ = clients
    codes = [fast.get("/sparql", params=p, headers=h).status_code for p, h in REQUESTS]
    assert {200, 400, 406, 422} <= set(codes)


def test_cache_hit_is_not_served_after_the_store_changes(clients):
    fast, _ = clients
    state = fast.app.state.endpoint
    q = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}
    assert fast.get("/sparql", params=q).status_code == 200
    hits = state.cache.hits
    assert fast.get("/sparql", params=q).status_code == 200 and state.cache.hits == hits + 1
    bump_version(state.settings.store)  # what the loader does after a commit
    assert fast.get("/sparql", params=q).status_code == 200 and state.cache.hits == hits + 1  # recomputed, not a hit


def _reference(store: Store, query: str) -> bytes:
    r = store.query(query)
    names = [v.value for v in r.variables]
    doc = {"head": {"vars": names},
           "results": {"bindings": [{v: term_json(x) for v, x in zip(names, sol, strict=True) if x is not None} for sol in r]}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_select_json_text_equals_the_dict_serialisation():
    s = Store()
    subj = NamedNode("http://ex/s")
    objects = [NamedNode("http://ex/ä"), Literal('quote " backslash \\ newline \n tab \t \u2028 ế \x01'),
               Literal("chào", language="vi"), Literal("5", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
               BlankNode("b1"), Literal("")]
    for i, o in enumerate(objects):
        s.add(Quad(subj, NamedNode(f"http://ex/p{i}"), o))
    q = "SELECT ?s ?p ?o ?unbound WHERE { ?s ?p ?o OPTIONAL { ?o <http://ex/none> ?unbound } } ORDER BY ?p"
    r = s.query(q)
    body, n = solutions_json(r, [v.value for v in r.variables], 0)
    assert n == len(objects)
    assert body == _reference(s, q)
    json.loads(body)  # valid JSON
    r = s.query(q)
    with pytest.raises(TooManyResults):
        solutions_json(r, [v.value for v in r.variables], 3)


def test_query_string_parser_equals_the_standard_one():
    """`parse_query_string` (C-speed percent decoding) = `parse_qsl` as Starlette calls it, malformed input included."""
    rnd = random.Random(5)
    pieces = ["%", "%2", "%41", "%e1%bb%87", "%E1%BB", "%zz", "+", "=", "&", "\\", "\\x41", "a", "~", "/", "%00", "%5C", "%ff", "&&", "=="]
    cases = [b"", b"query", b"query=", b"=x", "query=ế".encode(), b"a=%C3%A9%20b&a=2"]
    for _ in range(3000):
        cases.append("".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))).encode())
        cases.append(urlencode({"query": "".join(rnd.choice('aé ế<>\\"%+&=#\n') for _ in range(20)), "default-graph-uri": "http://g/1"}).encode())
    for raw in cases:
        assert parse_query_string(raw) == parse_qsl(raw.decode("latin-1"), keep_blank_values=True), raw
