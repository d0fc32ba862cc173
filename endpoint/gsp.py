"""SPARQL 1.1 Graph Store HTTP Protocol at /store (indirect graph identification: ?graph=IRI or ?default)."""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote, urljoin

from fastapi import APIRouter, Request
from fastapi.responses import Response

from syriakg.endpoint.http_common import HTTPProblem, media_type, one, require_writer, service_url
from syriakg.endpoint.state import get_state

router = APIRouter(tags=["Graph Store protocol"])
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')

PARAMS = [
    {"name": "graph", "in": "query", "required": False, "schema": {"type": "string"}, "description": "IRI of the graph"},
    {"name": "default", "in": "query", "required": False, "schema": {"type": "string"}, "allowEmptyValue": True,
     "description": "Present: the store's own default graph (not the union used by queries)."},
]


def _target(request: Request, required: bool) -> tuple[bool, str | None]:
    """(given, graph IRI or None for the default graph); `given` False when neither parameter is there."""
    pairs = list(request.query_params.multi_items())
    graph = one(pairs, "graph")
    default = any(k == "default" for k, _ in pairs)
    if graph is not None and default:
        raise HTTPProblem(400, "Give either ?graph=IRI or ?default, not both.")
    if graph is not None:
        if not graph.strip():
            raise HTTPProblem(400, "?graph= needs an IRI.")
        iri = urljoin(str(request.url), graph)  # relative IRIs are resolved against the request URL
        if _BAD_IRI.search(iri):
            raise HTTPProblem(400, f"Not a valid IRI: {graph!r}")
        return True, iri
    if default:
        return True, None
    if required:
        raise HTTPProblem(400, "Say which graph: ?graph=IRI or ?default.")
    return False, None


async def _get(request: Request) -> Response:
    state = get_state(request)
    given, graph = _target(request, required=False)
    req = {"op": "graph_get", "graph": graph, "all": not given, "accept": request.headers.get("accept")}
    out = await state.call(req, timeout=max(state.settings.timeout, 300.0), cache=True)
    return out.response()


@router.get("/store", openapi_extra={"parameters": PARAMS}, summary="Get a graph (or the whole dataset without parameters)")
async def gsp_get(request: Request) -> Response:
    try:
        return await _get(request)
    except HTTPProblem as p:
        return p.response()


@router.head("/store", openapi_extra={"parameters": PARAMS}, summary="Headers of GET, no body")
async def gsp_head(request: Request) -> Response:
    try:
        full = await _get(request)
    except HTTPProblem as p:
        full = p.response()
    headers = dict(full.headers)
    headers["content-length"] = str(len(full.body))
    return Response(status_code=full.status_code, headers=headers)


async def _write(request: Request, op: str, required: bool) -> Response:
    state = get_state(request)
    require_writer(request, state.settings.update_token)
    given, graph = _target(request, required=required)
    created_iri = None
    if op == "graph_post" and not given:
        # POST to the graph store itself: make a new graph, answer 201 with its location
        created_iri = f"{state.settings.base_iri}graph/upload/{uuid.uuid4()}"
        graph = created_iri
    req: dict = {"op": op, "graph": graph, "base": graph or service_url(request, "/store")}
    if op in ("graph_put", "graph_post"):
        mt, _ = media_type(request)
        if mt == "multipart/form-data":
            if op != "graph_post":
                raise HTTPProblem(415, "multipart/form-data is accepted by POST only.")
            form = await request.form()
            parts = []
            for _, v in form.multi_items():
                if isinstance(v, str):
                    continue
                parts.append((await v.read(), v.content_type or "text/turtle"))
            if not parts:
                raise HTTPProblem(400, "The multipart body has no file parts.")
            req.update(body=parts[0][0], content_type=parts[0][1], parts=parts[1:])
        else:
            if not mt:
                raise HTTPProblem(415, "The body needs a Content-Type (e.g. text/turtle).")
            req.update(body=await request.body(), content_type=mt)
    out = await state.call(req, write=True)
    if created_iri is not None and out.status in (201, 204):
        loc = service_url(request, "/store") + "?graph=" + quote(created_iri, safe="")
        return Response(status_code=201, headers={"Location": loc})
    return out.response()


@router.put("/store", openapi_extra={"parameters": PARAMS}, summary="Replace a graph (bearer token)")
async def gsp_put(request: Request) -> Response:
    try:
        return await _write(request, "graph_put", required=True)
    except HTTPProblem as p:
        return p.response()


@router.post("/store", openapi_extra={"parameters": PARAMS}, summary="Add to a graph, or create one (bearer token)")
async def gsp_post(request: Request) -> Response:
    try:
        return await _write(request, "graph_post", required=False)
    except HTTPProblem as p:
        return p.response()


@router.delete("/store", openapi_extra={"parameters": PARAMS}, summary="Delete a graph (bearer token)")
async def gsp_delete(request: Request) -> Response:
    try:
        return await _write(request, "graph_delete", required=True)
    except HTTPProblem as p:
        return p.response()
