"""A VoID description of the dataset at /.well-known/void (statistics recomputed when the store changes)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pyoxigraph import Literal, NamedNode, Triple

from syriakg.endpoint import conneg
from syriakg.endpoint.http_common import HTTPProblem, service_url
from syriakg.endpoint.results import graph_bytes
from syriakg.endpoint.state import get_state

router = APIRouter(tags=["Dataset description"])

VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
XSD_INT = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

CLASS_QUERY = "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n)"
GRAPH_QUERY = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }"


def _v(name: str) -> NamedNode:
    return NamedNode(VOID + name)


async def _stats(request: Request) -> dict:
    state = get_state(request)

    async def make() -> dict:
        counts = await state.call({"op": "stats"}, timeout=max(state.settings.timeout, 120.0))
        if counts.status != 200:
            raise RuntimeError(counts.body.decode())
        classes = await state.select(CLASS_QUERY, timeout=max(state.settings.timeout, 120.0))
        return {
            "quads": counts.data["quads"],
            "graphs": counts.data["graphs"],
            "classes": [(b["c"]["value"], int(b["n"]["value"])) for b in classes if b.get("c", {}).get("type") == "uri"],
        }

    return await state.memo("void-stats", make)


@router.get("/.well-known/void", summary="VoID description of the dataset")
async def void(request: Request) -> Response:
    fmt = conneg.negotiate(request.headers.get("accept"), conneg.GRAPH_FORMATS)
    if fmt is None:
        return HTTPProblem(406, "VoID is available as " + conneg.offers_text(conneg.GRAPH_FORMATS)).response()
    try:
        stats = await _stats(request)
    except RuntimeError as e:
        return HTTPProblem(503, f"Dataset statistics are not available: {e}").response()
    state = get_state(request)
    ds = NamedNode(service_url(request, "/.well-known/void") + "#dataset")
    t = [
        Triple(ds, RDF_TYPE, _v("Dataset")),
        Triple(ds, NamedNode(DCT + "title"), Literal("syriakg: the diplomacy of the Syrian war, from Vietnamese news", language="en")),
        Triple(ds, _v("sparqlEndpoint"), NamedNode(service_url(request, "/sparql"))),
        Triple(ds, _v("uriSpace"), Literal(state.settings.base_iri)),
        Triple(ds, _v("triples"), Literal(str(stats["quads"]), datatype=XSD_INT)),
        Triple(ds, _v("classes"), Literal(str(len(stats["classes"])), datatype=XSD_INT)),
        Triple(ds, NamedNode(VOID + "vocabulary"), NamedNode("https://w3id.org/syriakg/ontology#")),
        Triple(ds, NamedNode(DCT + "license"), NamedNode("https://www.apache.org/licenses/LICENSE-2.0")),
    ]
    for i, (cls, n) in enumerate(stats["classes"]):
        part = NamedNode(f"{ds.value}-class-{i}")
        t += [
            Triple(ds, _v("classPartition"), part),
            Triple(part, _v("class"), NamedNode(cls)),
            Triple(part, _v("entities"), Literal(str(n), datatype=XSD_INT)),
        ]
    body = graph_bytes(t, fmt, 0)
    return Response(body, media_type=None, headers={"Content-Type": fmt.content_type, "Vary": "Accept"})


# also at /void, the path people guess first
router.add_api_route("/void", void, methods=["GET"], include_in_schema=False)
