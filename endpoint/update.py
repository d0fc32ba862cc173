"""SPARQL 1.1 Protocol update operation at /update (POST form-encoded or direct; bearer token)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from syriakg.endpoint.http_common import (
    FORM,
    UPDATE_OP,
    HTTPProblem,
    operation_from_post,
    parse_query_string,
    require_writer,
    service_url,
    values,
)
from syriakg.endpoint.sparqltext import add_using_clauses, update_has_dataset_clause
from syriakg.endpoint.state import get_state

router = APIRouter(tags=["SPARQL protocol"])


@router.post(
    "/update",
    summary="SPARQL update (needs Authorization: Bearer <token>)",
    openapi_extra={
        "parameters": [
            {"name": "using-graph-uri", "in": "query", "required": False, "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "using-named-graph-uri", "in": "query", "required": False, "schema": {"type": "array", "items": {"type": "string"}}},
        ],
        "requestBody": {"content": {FORM: {"schema": {"type": "object", "properties": {"update": {"type": "string"}}}},
                                    "application/sparql-update": {"schema": {"type": "string"}}}},
        "responses": {"204": {"description": "Done"}, "400": {"description": "Malformed update"},
                      "401": {"description": "Missing or wrong bearer token"}, "403": {"description": "Writes disabled"},
                      "415": {"description": "Unsupported media type"}, "504": {"description": "Stopped at --timeout"}},
    },
)
async def update(request: Request) -> Response:
    state = get_state(request)
    try:
        require_writer(request, state.settings.update_token)
        text, pairs = operation_from_post(
            UPDATE_OP, request.headers.get("content-type", ""), await request.body(), parse_query_string(request.scope["query_string"]))
        using, using_named = values(pairs, "using-graph-uri"), values(pairs, "using-named-graph-uri")
        if using or using_named:
            if update_has_dataset_clause(text):
                raise HTTPProblem(
                    400, "using-graph-uri / using-named-graph-uri cannot be combined with USING, USING NAMED or WITH "
                    "in the update (SPARQL 1.1 Protocol §2.2.3).")
            text = add_using_clauses(text, using, using_named)
        out = await state.call({"op": "update", "update": text, "base": service_url(request, "/update")}, write=True)
        return out.response()
    except HTTPProblem as p:
        return p.response()
