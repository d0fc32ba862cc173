"""SPARQL 1.1 update protocol and Graph Store HTTP Protocol, with bearer-token writes.

Modelled on the W3C protocol tests (update_*) and the Graph Store Protocol
tests (http-rdf-update: PUT/GET/HEAD/POST/DELETE, multipart, new graph with
Location).  Each test module gets a store of its own, since these tests write.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, parse

from syriakg.endpoint.app import create_app
from syriakg.endpoint.sample import build_sample
from syriakg.endpoint.settings import Settings
from syriakg.loaders.store import store_version

TOKEN = "s3cret-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
UPD = {"content-type": "application/sparql-update", **AUTH}
FORM = {"content-type": "application/x-www-form-urlencoded", **AUTH}
K = "http://kasei.us/2009/09/sparql/data/"
G = "http://example.org/gsp/"
TTL = {"content-type": "text/turtle", **AUTH}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("writes") / "store"
    build_sample(path)
    return path


@pytest.fixture(scope="module")
def client(store_path):
    app = create_app(Settings(store=str(store_path), update_token=TOKEN, timeout=20, query_workers=1))
    with TestClient(app) as c:
        yield c


def ask(c: TestClient, q: str) -> bool:
    r = c.get("/sparql", params={"query": q})
    assert r.status_code == 200, r.text
    return r.json()["boolean"]


# --- authorisation ----------------------------------------------------------------
def test_writes_need_the_bearer_token(client):
    body = "INSERT DATA { GRAPH <http://example.org/x> { <http://a> <http://b> <http://c> } }"
    r = client.post("/update", content=body, headers={"content-type": "application/sparql-update"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = client.post("/update", content=body, headers={"content-type": "application/sparql-update", "authorization": "Bearer nope"})
    assert r.status_code == 401
    r = client.post("/update", content=body, headers={"content-type": "application/sparql-update", "authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    for method in ("put", "post", "delete"):
        r = client.request(method.upper(), "/store", params={"graph": G + "x"}, content=b"", headers={"content-type": "text/turtle"})
        assert r.status_code == 401, method
    assert not ask(client, "ASK { GRAPH <http://example.org/x> { ?s ?p ?o } }")
    # reads never need a token
    assert client.get("/store", params={"graph": "https://w3id.org/syriakg/resource/graph/entities"}).status_code == 200


def test_writes_disabled_without_a_configured_token(store_path, tmp_path):
    app = create_app(Settings(store=str(store_path), update_token=None, query_workers=1))
    with TestClient(app) as c:
        r = c.post("/update", content="CLEAR ALL", headers=UPD)
        assert r.status_code == 403 and "disabled" in r.text
        r = c.put("/store", params={"default": ""}, content=b"", headers=TTL)
        assert r.status_code == 403
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


# --- update protocol --------------------------------------------------------------
def test_update_post_direct_and_form(client, store_path):
    """update_post_direct / update_post_form; the store version moves and the result cache follows."""
    q = "ASK { GRAPH <http://example.org/u> { <http://example.org/s> <http://example.org/p> 1 } }"
    assert not ask(client, q)
    before = store_version(store_path)
    r = client.post("/update", content="INSERT DATA { GRAPH <http://example.org/u> { <http://example.org/s> <http://example.org/p> 1 } }", headers=UPD)
    assert r.status_code == 204, r.text
    assert store_version(store_path) != before
    assert ask(client, q)  # same query text as before: not served from a stale cache
    r = client.post("/update", content="update=" + quote("CLEAR GRAPH <http://example.org/u>"), headers=FORM)
    assert r.status_code == 204, r.text
    assert not ask(client, q)


def test_update_base_uri(client):
    """update_base_uri: relative IRIs in an update resolve against the service URL."""
    r = client.post("/update", headers=UPD, content=(
        "CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ; INSERT DATA { GRAPH <http://example.org/protocol-base-test/> "
        "{ <http://example.org/s> <http://example.org/p> <test> } }"))
    assert r.status_code == 204, r.text
    r = client.get("/sparql", params={"query": "SELECT ?o WHERE { GRAPH <http://example.org/protocol-base-test/> { ?s ?p ?o } }"})
    assert r.json()["results"]["bindings"][0]["o"] == {"type": "uri", "value": "http://testserver/test"}


def _prepare_docs(client):
    r = client.post("/update", headers=UPD, content=(
        f"PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
        f"DROP SILENT GRAPH <http://example.org/protocol-update-dataset-test/> ; "
        f"INSERT DATA {{ GRAPH <{K}data1.rdf> {{ <{K}data1.rdf> a foaf:Document }} "
        f"GRAPH <{K}data2.rdf> {{ <{K}data2.rdf> a foaf:Document }} }}"))
    assert r.status_code == 204, r.text


INSERT_BIB = (
    "PREFIX dc: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
    "INSERT { GRAPH <http://example.org/protocol-update-dataset-test/> { ?s a dc:BibliographicResource } } "
    "WHERE { ?s a foaf:Document }"
)
BIB = "ASK { GRAPH <http://example.org/protocol-update-dataset-test/> { <%s> a <http://purl.org/dc/terms/BibliographicResource> } }"


def test_update_dataset_default_graph(client):
    """update_dataset_default_graph: using-graph-uri makes data1 the WHERE clause's default graph."""
    _prepare_docs(client)
    r = client.post("/update", params={"using-graph-uri": f"{K}data1.rdf"}, content=INSERT_BIB, headers=UPD)
    assert r.status_code == 204, r.text
    assert ask(client, BIB % f"{K}data1.rdf")
    assert not ask(client, BIB % f"{K}data2.rdf")


def test_update_dataset_default_graphs(client):
    """update_dataset_default_graphs: two using-graph-uri (form-encoded this time)."""
    _prepare_docs(client)
    body = "update=" + quote(INSERT_BIB) + "&using-graph-uri=" + quote(f"{K}data1.rdf") + "&using-graph-uri=" + quote(f"{K}data2.rdf")
    r = client.post("/update", content=body, headers=FORM)
    assert r.status_code == 204, r.text
    assert ask(client, BIB % f"{K}data1.rdf") and ask(client, BIB % f"{K}data2.rdf")


def test_update_dataset_named_graphs_and_full(client):
    """update_dataset_named_graphs / update_dataset_full: using-named-graph-uri limits GRAPH ?g in WHERE."""
    _prepare_docs(client)
    upd = ("PREFIX dc: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
           "INSERT { GRAPH <http://example.org/protocol-update-dataset-test/> { ?s a dc:BibliographicResource } } "
           "WHERE { GRAPH ?g { ?s a foaf:Document } }")
    r = client.post("/update", params=[("using-named-graph-uri", f"{K}data2.rdf"), ("using-graph-uri", f"{K}data1.rdf")],
                    content=upd, headers=UPD)
    assert r.status_code == 204, r.text
    assert ask(client, BIB % f"{K}data2.rdf") and not ask(client, BIB % f"{K}data1.rdf")


def test_bad_update_dataset_conflict(client):
    """bad_update_dataset_conflict: using-*-uri together with WITH/USING in the update is 400."""
    upd = ("PREFIX foaf: <http://xmlns.com/foaf/0.1/> WITH <http://example/addresses> "
           "DELETE { ?person foaf:givenName 'Bill' } INSERT { ?person foaf:givenName 'William' } WHERE { ?person foaf:givenName 'Bill' }")
    body = "using-named-graph-uri=" + quote("http://example/people") + "&update=" + quote(upd)
    assert client.post("/update", content=body, headers=FORM).status_code == 400


def test_bad_update_requests(client):
    """bad_multiple_updates, bad_update_wrong_media_type, bad_update_missing_form_type, bad_update_non_utf8, bad_update_syntax."""
    assert client.post("/update", content="update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", headers=FORM).status_code == 400
    assert client.post("/update", content="CLEAR NAMED", headers={"content-type": "text/plain", **AUTH}).status_code == 415
    assert client.post("/update", content="update=CLEAR%20NAMED", headers={"content-type": "", **AUTH}).status_code == 415
    r = client.post("/update", content="CLEAR NAMED".encode("utf-16"), headers={"content-type": "application/sparql-update; charset=UTF-16", **AUTH})
    assert 400 <= r.status_code < 500
    r = client.post("/update", content="update=CLEAR%20XYZ", headers=FORM)
    assert r.status_code == 400 and "error at" in r.text
    assert client.post("/update", content="query=ASK%20%7B%7D", headers=FORM).status_code == 400
    assert ask(client, "ASK { ?s a <https://schema.org/NewsArticle> }")  # nothing was cleared


# --- Graph Store HTTP Protocol -----------------------------------------------------------
PERSON = '@prefix foaf: <http://xmlns.com/foaf/0.1/> . <http://example.org/alice> a foaf:Person ; foaf:name "Alice" .\n'
MORE = '@prefix foaf: <http://xmlns.com/foaf/0.1/> . <http://example.org/alice> foaf:nick "Al" .\n'


def triples(r, fmt=RdfFormat.TURTLE) -> set:
    assert r.status_code == 200, r.text
    return {str(q.triple) for q in parse(r.content, format=fmt)}


def test_gsp_put_get_replace_delete(client):
    g = G + "person/1.ttl"
    r = client.put("/store", params={"graph": g}, content=PERSON, headers=TTL)
    assert r.status_code == 201  # PUT - initial state
    got = client.get("/store", params={"graph": g}, headers={"accept": "text/turtle"})
    assert len(triples(got)) == 2  # GET of PUT - initial state
    r = client.put("/store", params={"graph": g}, content=MORE, headers=TTL)
    assert r.status_code == 204  # PUT - graph already in store: replaced
    assert len(triples(client.get("/store", params={"graph": g}))) == 1
    got = client.get("/store", params={"graph": g}, headers={"accept": "application/n-triples"})
    assert got.headers["content-type"].startswith("application/n-triples")
    r = client.delete("/store", params={"graph": g}, headers=AUTH)
    assert r.status_code == 204  # DELETE - existing graph
    assert client.get("/store", params={"graph": g}).status_code == 404  # GET of DELETE
    assert client.delete("/store", params={"graph": g}, headers=AUTH).status_code == 404  # DELETE - nonexistent graph


def test_gsp_head(client):
    g = G + "head"
    assert client.put("/store", params={"graph": g}, content=PERSON, headers=TTL).status_code == 201
    full = client.get("/store", params={"graph": g}, headers={"accept": "text/turtle"})
    head = client.head("/store", params={"graph": g}, headers={"accept": "text/turtle"})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == full.headers["content-type"]
    assert int(head.headers["content-length"]) == len(full.content)
    assert client.head("/store", params={"graph": G + "missing"}).status_code == 404


def test_gsp_post_merges_and_empty_post(client):
    g = G + "post"
    assert client.post("/store", params={"graph": g}, content=PERSON, headers=TTL).status_code == 201  # new graph
    assert client.post("/store", params={"graph": g}, content=MORE, headers=TTL).status_code == 204  # POST - existing graph
    assert len(triples(client.get("/store", params={"graph": g}))) == 3
    assert client.post("/store", params={"graph": g}, content="", headers=TTL).status_code == 204  # empty POST: no change
    assert len(triples(client.get("/store", params={"graph": g}))) == 3


def test_gsp_put_empty_graph_exists(client):
    g = G + "empty"
    assert client.put("/store", params={"graph": g}, content="", headers=TTL).status_code == 201
    r = client.get("/store", params={"graph": g})
    assert r.status_code == 200 and triples(r) == set()


def test_gsp_post_multipart(client):
    g = G + "multipart"
    files = [("a", ("a.ttl", PERSON, "text/turtle")), ("b", ("b.nt", "<http://example.org/bob> <http://example.org/knows> <http://example.org/alice> .\n", "application/n-triples"))]
    r = client.post("/store", params={"graph": g}, files=files, headers=AUTH)
    assert r.status_code == 201, r.text
    assert len(triples(client.get("/store", params={"graph": g}))) == 3


def test_gsp_post_to_store_creates_graph_with_location(client):
    r = client.post("/store", content=PERSON, headers=TTL)
    assert r.status_code == 201
    loc = r.headers["location"]
    assert loc.startswith("http://testserver/store?graph=")
    assert len(triples(client.get(loc))) == 2  # GET of POST - create new graph


def test_gsp_default_graph_and_bad_requests(client):
    assert client.put("/store", params={"default": ""}, content=PERSON, headers=TTL).status_code == 204  # default graph always exists
    got = client.get("/store", params={"default": ""})
    assert len(triples(got)) == 2
    # the store's default graph is separate from the named graphs (queries still see the union)
    assert ask(client, "ASK { <http://example.org/alice> a <http://xmlns.com/foaf/0.1/Person> }")
    assert client.put("/store", params={"graph": G + "bad"}, content="this is not turtle", headers=TTL).status_code == 400  # mismatched payload
    assert client.get("/store", params={"graph": G + "bad"}).status_code == 404  # nothing half-written
    assert client.put("/store", params={"graph": G + "x"}, content=PERSON, headers={"content-type": "image/png", **AUTH}).status_code == 415
    assert client.get("/store", params={"graph": G + "x", "default": ""}).status_code == 400
    assert client.put("/store", content=PERSON, headers=TTL).status_code == 400
    assert client.get("/store", params={"graph": "https://w3id.org/syriakg/resource/graph/entities"}, headers={"accept": "image/png"}).status_code == 406
    assert client.delete("/store", params={"default": ""}, headers=AUTH).status_code == 204
    assert triples(client.get("/store", params={"default": ""})) == set()


def test_gsp_get_whole_dataset(client):
    r = client.get("/store", headers={"accept": "application/n-quads"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/n-quads")
    graphs = {q.graph_name.value for q in parse(r.content, format=RdfFormat.N_QUADS) if hasattr(q.graph_name, "value")}
    assert "https://w3id.org/syriakg/resource/graph/article/mau-1" in graphs


def test_service_description_names_the_update_service(client):
    r = client.get("/sparql", headers={"accept": "application/n-triples"})
    triples = list(parse(r.content, format=RdfFormat.N_TRIPLES))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    upd = [t.subject.value for t in triples if t.predicate.value == sd + "supportedLanguage" and t.object.value == sd + "SPARQL11Update"]
    assert upd == ["http://testserver/update"]


def test_server_does_not_hold_the_write_lock(client, store_path):
    """Between writes the server keeps no read-write handle, so the loader can open the store."""
    from syriakg.loaders.store import open_store

    assert client.post("/update", content="INSERT DATA { GRAPH <http://example.org/lock> { <http://a> <http://b> 1 } }", headers=UPD).status_code == 204
    store = open_store(store_path)  # would raise if the RocksDB lock were held
    assert len(store) > 0
    del store
    assert client.post("/update", content="DROP GRAPH <http://example.org/lock>", headers=UPD).status_code == 204


def test_gsp_bad_graph_iri_and_blank_nodes(client):
    assert client.put("/store", params={"graph": "http://example.org/a b"}, content=PERSON, headers=TTL).status_code == 400
    g = G + "bnodes"
    body = '_:x <http://example.org/p> "one" .\n_:y <http://example.org/p> "two" .\n'
    assert client.put("/store", params={"graph": g}, content=body, headers={"content-type": "application/n-triples", **AUTH}).status_code == 201
    assert len(triples(client.get("/store", params={"graph": g}))) == 2
    r = client.get("/sparql", params={"query": f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"})
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "2"


def test_graph_write_update_is_one_transaction():
    from pyoxigraph import Literal, NamedNode, Triple

    from syriakg.endpoint.worker import graph_write_update

    t = [Triple(NamedNode("http://a"), NamedNode("http://b"), Literal("c > d } ;"))]
    u = graph_write_update("http://g", t, replace=True)
    assert u.startswith("DROP SILENT GRAPH <http://g> ;\nCREATE SILENT GRAPH <http://g> ;\nINSERT DATA")
    assert graph_write_update(None, [], replace=False) == ""
