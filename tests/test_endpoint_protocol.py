"""SPARQL 1.1 Protocol, query side, modelled on the W3C protocol test suite (test names in the docstrings).

The store is built here (endpoint.sample + a few graphs named like the W3C
tests' data1/data2/data3), not by the extraction pipeline.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import NamedNode, Quad, QueryResultsFormat, RdfFormat, parse, parse_query_results

from syriakg.endpoint.app import create_app
from syriakg.endpoint.sample import build_sample
from syriakg.endpoint.settings import Settings
from syriakg.loaders.store import bump_version, open_store

D = "http://example.org/protocol/"
FOAF_DOC = NamedNode("http://xmlns.com/foaf/0.1/Document")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FORM = {"content-type": "application/x-www-form-urlencoded"}
DIRECT = {"content-type": "application/sparql-query"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("proto") / "store"
    build_sample(path)
    store = open_store(path)
    for i in (1, 2, 3):
        g = NamedNode(f"{D}data{i}.rdf")
        store.add(Quad(g, RDF_TYPE, FOAF_DOC, g))
        store.add(Quad(g, NamedNode(D + "n"), NamedNode(f"{D}v{i}"), g))
    store.flush()
    del store
    bump_version(path)
    app = create_app(Settings(store=str(path), timeout=20, query_workers=2, max_results=50))
    with TestClient(app) as c:
        yield c


def bindings(r) -> list[dict]:
    assert r.status_code == 200, r.text
    return r.json()["results"]["bindings"]


def ask(r) -> bool:
    assert r.status_code == 200, r.text
    return r.json()["boolean"]


# --- positive tests -------------------------------------------------------------
def test_query_get(client):
    """query_get: GET with ?query= answers 200 and, by default, SPARQL JSON."""
    r = client.get("/sparql", params={"query": "ASK {}"})
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert ask(r) is True


def test_query_post_form(client):
    """query_post_form: URL-encoded POST body."""
    assert ask(client.post("/sparql", content="query=" + quote("ASK {}"), headers=FORM)) is True


def test_query_post_direct(client):
    """query_post_direct: POST with application/sparql-query (a charset=utf-8 parameter is fine)."""
    assert ask(client.post("/sparql", content="ASK {}", headers=DIRECT)) is True
    r = client.post("/sparql", content="ASK {}", headers={"content-type": "application/sparql-query; charset=UTF-8"})
    assert ask(r) is True


def test_union_default_graph_without_dataset(client):
    """Without dataset parameters or FROM, the default graph is the union of all named graphs."""
    q = f"ASK {{ <{D}data1.rdf> ?p ?o . <{D}data2.rdf> ?p ?o }}"
    assert ask(client.get("/sparql", params={"query": q})) is True
    rows = bindings(client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence> }"}))
    assert int(rows[0]["n"]["value"]) == 5


@pytest.mark.parametrize("method", ["get", "post"])
def test_query_dataset_default_graphs(client, method):
    """query_dataset_default_graph(s)_get/post: default-graph-uri gives the default graph (merge of several)."""
    q = f"ASK {{ <{D}data1.rdf> ?p ?o . <{D}data2.rdf> ?p ?o }}"
    params = [("default-graph-uri", f"{D}data1.rdf"), ("default-graph-uri", f"{D}data2.rdf")]
    if method == "get":
        r = client.get("/sparql", params=[("query", q), *params])
    else:
        r = client.post("/sparql", params=params, content=q, headers=DIRECT)
    assert ask(r) is True
    # only data1 as default graph: data2's triples are not there
    r = client.get("/sparql", params={"query": f"ASK {{ <{D}data2.rdf> ?p ?o }}", "default-graph-uri": f"{D}data1.rdf"})
    assert ask(r) is False


def test_query_dataset_default_graph_in_form_body(client):
    body = "query=" + quote(f"ASK {{ <{D}data3.rdf> ?p ?o }}") + "&default-graph-uri=" + quote(f"{D}data3.rdf")
    assert ask(client.post("/sparql", content=body, headers=FORM)) is True
    body = "query=" + quote(f"ASK {{ <{D}data3.rdf> ?p ?o }}") + "&default-graph-uri=" + quote(f"{D}data1.rdf")
    assert ask(client.post("/sparql", content=body, headers=FORM)) is False


@pytest.mark.parametrize("method", ["get", "post"])
def test_query_dataset_named_graphs(client, method):
    """query_dataset_named_graphs_get/post: named-graph-uri restricts GRAPH ?g; the default graph is then empty."""
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    params = [("named-graph-uri", f"{D}data1.rdf"), ("named-graph-uri", f"{D}data2.rdf")]
    if method == "get":
        r = client.get("/sparql", params=[("query", q), *params])
    else:
        r = client.post("/sparql", params=params, content=q, headers=DIRECT)
    assert [b["g"]["value"] for b in bindings(r)] == [f"{D}data1.rdf", f"{D}data2.rdf"]
    r = client.get("/sparql", params=[("query", "ASK { ?s ?p ?o }"), *params])
    assert ask(r) is False


def test_query_dataset_full(client):
    """query_dataset_full: default graph data3, named graphs data1 + data2."""
    q = "SELECT ?g ?x ?s { ?x ?y ?o GRAPH ?g { ?s ?p ?o } }"
    params = [("default-graph-uri", f"{D}data3.rdf"), ("named-graph-uri", f"{D}data1.rdf"), ("named-graph-uri", f"{D}data2.rdf")]
    rows = bindings(client.post("/sparql", params=params, content=q, headers=DIRECT))
    assert {(b["g"]["value"], b["x"]["value"]) for b in rows} == {
        (f"{D}data1.rdf", f"{D}data3.rdf"), (f"{D}data2.rdf", f"{D}data3.rdf")}


def test_query_multiple_dataset(client):
    """query_multiple_dataset: the protocol's dataset wins over FROM in the query."""
    q = f"ASK FROM <{D}data1.rdf> {{ <{D}data1.rdf> ?p ?o }}"
    assert ask(client.post("/sparql", content=q, headers=DIRECT)) is True  # FROM alone is honoured
    r = client.post("/sparql", params={"default-graph-uri": f"{D}data2.rdf"}, content=q, headers=DIRECT)
    assert ask(r) is False
    r = client.post("/sparql", params={"default-graph-uri": f"{D}data2.rdf"},
                    content=f"ASK FROM <{D}data1.rdf> {{ <{D}data2.rdf> ?p ?o }}", headers=DIRECT)
    assert ask(r) is True


def test_from_clause_is_not_overridden_by_union(client):
    q = f"SELECT (COUNT(*) AS ?n) FROM <{D}data1.rdf> WHERE {{ ?s ?p ?o }}"
    assert bindings(client.get("/sparql", params={"query": q}))[0]["n"]["value"] == "2"


def test_relative_iris_resolve_against_the_endpoint(client):
    """query_base_uri: relative IRIs in a query resolve against the service URL."""
    rows = bindings(client.get("/sparql", params={"query": "SELECT ?x WHERE { BIND(<data1.rdf> AS ?x) }"}))
    assert rows[0]["x"]["value"] == "http://testserver/data1.rdf"


@pytest.mark.parametrize(
    "accept,ctype,fmt",
    [
        (None, "application/sparql-results+json", QueryResultsFormat.JSON),
        ("application/sparql-results+json", "application/sparql-results+json", QueryResultsFormat.JSON),
        ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
        ("text/csv", "text/csv", QueryResultsFormat.CSV),
        ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
        ("application/json", "application/sparql-results+json", QueryResultsFormat.JSON),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml", QueryResultsFormat.XML),
    ],
)
def test_query_content_type_select(client, accept, ctype, fmt):
    """query_content_type_select: each result format by Accept, and the body really is that format."""
    headers = {"accept": accept} if accept else {}
    q = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label"
    r = client.get("/sparql", params={"query": q}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == ctype
    assert "accept" in r.headers.get("vary", "").lower()
    if fmt is QueryResultsFormat.CSV:  # lossy by definition (no language tags): check it as CSV
        import csv
        import io

        rows = list(csv.reader(io.StringIO(r.content.decode("utf-8"))))
        assert rows[0] == ["s", "label"] and len(rows) == 11 and ["https://w3id.org/syriakg/resource/entity/tho-nhi-ky", "Thổ Nhĩ Kỳ"] in rows
        return
    parsed = list(parse_query_results(r.content, format=fmt))
    assert len(parsed) == 10
    assert any(s["label"].language == "vi" for s in parsed)


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"])
def test_query_content_type_ask(client, accept):
    """query_content_type_ask."""
    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    assert b"true" in r.content


@pytest.mark.parametrize(
    "accept,ctype,fmt",
    [
        (None, "text/turtle", RdfFormat.TURTLE),
        ("*/*", "text/turtle", RdfFormat.TURTLE),
        ("text/turtle", "text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", "application/n-triples", RdfFormat.N_TRIPLES),
        ("application/rdf+xml", "application/rdf+xml", RdfFormat.RDF_XML),
        ("application/ld+json", "application/ld+json", RdfFormat.JSON_LD),
        ("application/trig", "application/trig", RdfFormat.TRIG),
        ("application/n-quads", "application/n-quads", RdfFormat.N_QUADS),
    ],
)
@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_query_content_type_construct_describe(client, accept, ctype, fmt, form):
    """query_content_type_construct / _describe: graph results in each RDF format, Turtle by default."""
    e = "https://w3id.org/syriakg/resource/entity/tho-nhi-ky"
    q = f"CONSTRUCT {{ <{e}> ?p ?o }} WHERE {{ <{e}> ?p ?o }}" if form == "CONSTRUCT" else f"DESCRIBE <{e}>"
    r = client.get("/sparql", params={"query": q}, headers={"accept": accept} if accept else {})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == ctype
    quads = list(parse(r.content, format=fmt))
    assert len(quads) == 4 and all(q.subject.value == e for q in quads)


# --- negative tests ---------------------------------------------------------------
def test_bad_query_method(client):
    """bad_query_method: PUT/DELETE on /sparql is 405 with Allow."""
    r = client.put("/sparql", params={"query": "ASK {}"})
    assert r.status_code == 405 and "GET" in r.headers.get("allow", "")
    assert client.delete("/sparql", params={"query": "ASK {}"}).status_code == 405


def test_bad_multiple_queries(client):
    """bad_multiple_queries."""
    r = client.get("/sparql", params=[("query", "ASK {}"), ("query", "SELECT * {}")])
    assert r.status_code == 400
    r = client.post("/sparql", content="query=ASK%20%7B%7D&query=ASK%20%7B%7D", headers=FORM)
    assert r.status_code == 400


def test_bad_query_wrong_media_type(client):
    """bad_query_wrong_media_type: text/plain body is 415."""
    assert client.post("/sparql", content="ASK {}", headers={"content-type": "text/plain"}).status_code == 415


def test_bad_query_missing_form_type(client):
    """bad_query_missing_form_type / bad_query_missing_direct_type: no Content-Type is 415, never 200."""
    r = client.post("/sparql", content=b"query=ASK%20%7B%7D", headers={"content-type": ""})
    assert r.status_code == 415
    r = client.post("/sparql", content=b"ASK {}", headers={"content-type": ""})
    assert r.status_code == 415


def test_bad_query_non_utf8(client):
    """bad_query_non_utf8: a UTF-16 body is refused with 4xx."""
    r = client.post("/sparql", content="ASK {}".encode("utf-16"), headers={"content-type": "application/sparql-query; charset=UTF-16"})
    assert 400 <= r.status_code < 500
    r = client.post("/sparql", content="ASK {}".encode("utf-16"), headers=DIRECT)
    assert r.status_code == 400


def test_bad_query_syntax(client):
    """bad_query_syntax: 400 with the parser's message (line/column)."""
    r = client.get("/sparql", params={"query": "ASK {"})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/plain")
    assert "error at 1:" in r.text


def test_bad_update_get(client):
    """bad_update_get: an update by GET is refused."""
    r = client.get("/sparql", params={"update": "CLEAR ALL"})
    assert r.status_code == 400
    assert client.get("/update", params={"update": "CLEAR ALL"}).status_code == 405


def test_update_in_query_form_is_refused(client):
    r = client.post("/sparql", content="update=" + quote("CLEAR ALL"), headers=FORM)
    assert r.status_code == 400
    r = client.post("/sparql", content="CLEAR ALL", headers=DIRECT)
    assert r.status_code == 400


def test_unacceptable_accept_is_406(client):
    r = client.get("/sparql", params={"query": "SELECT * {}"}, headers={"accept": "image/png"})
    assert r.status_code == 406 and "application/sparql-results+json" in r.text
    r = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"accept": "application/sparql-results+xml"})
    assert r.status_code == 406
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"accept": "text/turtle"})
    assert r.status_code == 406


def test_result_limit_is_a_clear_error(client):
    """More rows than --max-results (50 here): 422 with an explanation, never a truncated 200."""
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 422 and "LIMIT" in r.text
    r = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert r.status_code == 422
    assert len(bindings(client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50"}))) == 50


# --- service description, VoID ---------------------------------------------------------
def test_service_description(client):
    r = client.get("/sparql", headers={"accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    triples = list(parse(r.content, format=RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(t.predicate.value == sd + "endpoint" and t.object.value == "http://testserver/sparql" for t in triples)
    feats = {t.object.value for t in triples if t.predicate.value == sd + "feature"}
    assert sd + "UnionDefaultGraph" in feats
    langs = {t.object.value for t in triples if t.predicate.value == sd + "supportedLanguage"}
    assert langs == {sd + "SPARQL11Query"}  # no token configured: no update language advertised
    # a browser asking for HTML goes to the UI
    r = client.get("/sparql", headers={"accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_void(client):
    r = client.get("/.well-known/void", headers={"accept": "application/n-triples"})
    assert r.status_code == 200
    triples = list(parse(r.content, format=RdfFormat.N_TRIPLES))
    void = "http://rdfs.org/ns/void#"
    n = [t.object.value for t in triples if t.predicate.value == void + "triples"]
    assert n == ["99"]  # 93 sample quads + 6 added above
    classes = {t.object.value for t in triples if t.predicate.value == void + "class"}
    assert "https://schema.org/NewsArticle" in classes
    assert client.get("/void", headers={"accept": "text/turtle"}).status_code == 200


def test_openapi_lists_json_routes(client):
    spec = client.get("/openapi.json").json()
    for path in ("/sparql", "/update", "/store", "/healthz", "/metrics", "/examples.json", "/.well-known/void"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200
    json.dumps(spec)


def test_repeated_get_is_answered_from_the_cache_identically(client):
    """The GET fast path (cache consulted before routing) gives the same bytes and headers as the full path."""
    state = client.app.state.endpoint
    q = {"query": "SELECT ?g WHERE { GRAPH ?g { ?s a <http://xmlns.com/foaf/0.1/Document> } } ORDER BY ?g"}
    first = client.get("/sparql", params=q, headers={"accept": "application/sparql-results+xml"})
    hits = state.cache.hits
    second = client.get("/sparql", params=q, headers={"accept": "application/sparql-results+xml"})
    assert state.cache.hits == hits + 1
    assert second.status_code == 200 and second.content == first.content
    assert {k: v for k, v in second.headers.items()} == {k: v for k, v in first.headers.items()}
    # the Host is part of the key (relative IRIs resolve against it)
    rel = {"query": "SELECT ?x WHERE { BIND(<here> AS ?x) }"}
    a = client.get("/sparql", params=rel).json()["results"]["bindings"][0]["x"]["value"]
    b = client.get("/sparql", params=rel, headers={"host": "other.example"}).json()["results"]["bindings"][0]["x"]["value"]
    assert (a, b) == ("http://testserver/here", "http://other.example/here")


def test_failed_federated_service_is_a_gateway_error(client):
    """SERVICE to an endpoint that cannot be reached: 502 with the reason, not a 200 with nothing."""
    q = "SELECT * WHERE { SERVICE <https://no-such-host.invalid/sparql> { ?s ?p ?o } } LIMIT 1"
    r = client.get("/sparql", params={"query": q})
    assert r.status_code == 502 and "SERVICE" in r.text
    # SILENT is honoured: the failure is ignored
    q = "SELECT * WHERE { SERVICE SILENT <https://no-such-host.invalid/sparql> { ?s ?p ?o } } LIMIT 1"
    assert client.get("/sparql", params={"query": q}).status_code == 200
