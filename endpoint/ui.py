"""The query UI: YASGUI (vendored in static/yasgui) at /, with the shipped queries of static/queries as example tabs
(the competency questions, the cross-article merges, Wikidata federation)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static"
QUERIES = STATIC / "queries"

router = APIRouter(tags=["Query UI"])


@router.get("/", include_in_schema=False)
async def index(request: Request) -> HTMLResponse:
    base = html.escape(request.app.state.endpoint.settings.base_iri, quote=True)
    page = (STATIC / "index.html").read_text(encoding="utf-8").replace("__BASE_IRI__", base)
    return HTMLResponse(page)


def _title(path: Path, text: str) -> str:
    """The example's title: its first comment line without the '# '; when that sentence runs on over the next
    comment lines (the merge queries' comments are paragraphs), the whole first sentence."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if lines:
                break
            continue
        lines.append(re.sub(r"^#\s*", "", line).strip())
    if not lines:
        return path.stem
    if len(lines) == 1 or lines[0].endswith((".", "?")):
        return lines[0]
    block = " ".join(lines)
    m = re.search(r"[.?)](?=:?\s)|:(?=\s)", block)
    return block[: m.end()] if m and m.group() != ":" else block[: m.start()] if m else block


def example_queries() -> list[dict[str, str]]:
    out = []
    for p in sorted(QUERIES.glob("*.rq")):
        text = p.read_text(encoding="utf-8")
        out.append({"id": p.stem, "name": p.stem, "title": _title(p, text), "query": text})
    return out


@router.get("/examples.json", summary="Example queries shown as tabs in the UI")
async def examples() -> list[dict[str, str]]:
    return example_queries()


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def add_docs(app: FastAPI) -> None:
    """OpenAPI docs at /docs with the vendored swagger-ui-dist (Apache-2.0), so they work offline too."""

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} — API",
            swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/swagger-ui/favicon.png",
        )
