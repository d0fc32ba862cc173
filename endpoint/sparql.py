"""SPARQL 1.1 Protocol query operation at /sparql (GET, POST form, POST direct) and the service description."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from syriakg.endpoint import conneg, fast_examples
from syriakg.endpoint.http_common import (
    FORM,
    QUERY_OP,
    HTTPProblem,
    one,
    operation_from_post,
    parse_query_string,
    service_url,
    values,
)
from syriakg.endpoint.results import graph_bytes
from syriakg.endpoint.state import get_state

router = APIRouter(tags=["SPARQL protocol"])

QUERY_DOC = {
    "parameters": [
        {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "The SPARQL query. Without it, GET returns the SPARQL service description."},
        {"name": "default-graph-uri", "in": "query", "required": False, "schema": {"type": "array", "items": {"type": "string"}},
         "description": "Graphs whose merge is the default graph (overrides FROM). Default: the union of all graphs."},
        {"name": "named-graph-uri", "in": "query", "required": False, "schema": {"type": "array", "items": {"type": "string"}},
         "description": "Named graphs of the dataset (overrides FROM NAMED)."},
    ],
    "responses": {
        "200": {"description": "Results, by content negotiation",
                "content": {f.media_type: {} for f in conneg.RESULT_FORMATS + conneg.GRAPH_FORMATS}},
        "400": {"description": "Malformed query (the parser's message) or protocol error"},
        "406": {"description": "No acceptable result format"},
        "415": {"description": "Unsupported request media type"},
        "422": {"description": "Result larger than the server's --max-results"},
        "504": {"description": "Query stopped at the server's --timeout"},
    },
}


@router.get("/sparql", openapi_extra=QUERY_DOC, summary="SPARQL query (GET) or service description")
async def sparql_get(request: Request) -> Response:
    try:
        pairs = parse_query_string(request.scope["query_string"])
        if values(pairs, "update"):
            raise HTTPProblem(400, "SPARQL updates are not accepted by GET; POST them to /update.")
        query = one(pairs, "query")
        if query is None:
            return await service_description(request)
        return await run_query(request, query, pairs)
    except HTTPProblem as p:
        return p.response()


@router.post(
    "/sparql",
    openapi_extra={
        **QUERY_DOC,
        "requestBody": {"content": {FORM: {"schema": {"type": "object", "properties": {"query": {"type": "string"}}}},
                                    "application/sparql-query": {"schema": {"type": "string"}}}},
    },
    summary="SPARQL query (POST form-encoded or direct)",
)
async def sparql_post(request: Request) -> Response:
    try:
        query, pairs = operation_from_post(
            QUERY_OP, request.headers.get("content-type", ""), await request.body(), parse_query_string(request.scope["query_string"]))
        return await run_query(request, query, pairs)
    except HTTPProblem as p:
        return p.response()


async def run_query(request: Request, query: str, pairs: list[tuple[str, str]]) -> Response:
    state = get_state(request)
    req = {
        "op": "query",
        "query": fast_examples.equivalent(query),  # a shipped example sent verbatim runs as its fast form
        "base": service_url(request, "/sparql"),
        "default_graphs": values(pairs, "default-graph-uri"),
        "named_graphs": values(pairs, "named-graph-uri"),
        "accept": request.headers.get("accept"),
        "max_results": state.settings.max_results,
    }
    out = await state.call(req, cache=True)
    return out.response()


# --- service description (SPARQL 1.1 Service Description) --------------------------
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT = "http://purl.org/dc/terms/"


def _sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def service_triples(request: Request) -> list[Triple]:
    state = get_state(request)
    ep = NamedNode(service_url(request, "/sparql"))
    t = [
        Triple(ep, RDF_TYPE, _sd("Service")),
        Triple(ep, _sd("endpoint"), ep),
        Triple(ep, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        Triple(ep, _sd("feature"), _sd("UnionDefaultGraph")),
        Triple(ep, _sd("feature"), _sd("BasicFederatedQuery")),
        Triple(ep, NamedNode(DCT + "title"), Literal("syriakg SPARQL endpoint")),
    ]
    if state.settings.update_token:  # updates have their own endpoint: describe it as a second service
        up = NamedNode(service_url(request, "/update"))
        t += [
            Triple(up, RDF_TYPE, _sd("Service")),
            Triple(up, _sd("endpoint"), up),
            Triple(up, _sd("supportedLanguage"), _sd("SPARQL11Update")),
            Triple(ep, NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"), up),
        ]
    for f in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
              "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads", "N3"):
        t.append(Triple(ep, _sd("resultFormat"), NamedNode(FORMATS + f)))
    for f in ("Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads", "N3"):
        t.append(Triple(ep, _sd("inputFormat"), NamedNode(FORMATS + f)))
    ds = BlankNode("dataset")
    dg = BlankNode("defaultGraph")
    void_iri = NamedNode(service_url(request, "/.well-known/void"))
    t += [
        Triple(ep, _sd("defaultDataset"), ds),
        Triple(ds, RDF_TYPE, _sd("Dataset")),
        Triple(ds, _sd("defaultGraph"), dg),
        Triple(dg, RDF_TYPE, _sd("Graph")),
        Triple(ds, NamedNode(DCT + "description"), Literal(
            "The default graph is the union of all named graphs (one per article, plus the ontology and the entities).")),
        Triple(ds, NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"), void_iri),
    ]
    return t


async def service_description(request: Request) -> Response:
    fmt = conneg.negotiate(request.headers.get("accept"), (*conneg.GRAPH_FORMATS, conneg.HTML))
    if fmt is None:
        raise HTTPProblem(406, "The service description is available as " + conneg.offers_text(conneg.GRAPH_FORMATS))
    if fmt is conneg.HTML:
        return RedirectResponse("/", status_code=303)
    body = graph_bytes(service_triples(request), fmt, 0)
    return Response(body, media_type=None, headers={"Content-Type": fmt.content_type, "Vary": "Accept"})
