"""The FastAPI application: `create_app(settings)` assembles the routers, middleware and worker pools.

Routers, one job each: `sparql` (query protocol + service description),
`update` (update protocol), `gsp` (Graph Store protocol), `void`, `health`
(/healthz, /metrics), `ui` (YASGUI at / and static files), `ld` (Linked-Data
pages under /resource/).  More routers plug in two ways: pass them as
`extra_routers`, or drop a module into this package listed in
`OPTIONAL_ROUTERS` that exposes `router: APIRouter` (the provenance-checked
`/facts` API of `endpoint/facts.py` is picked up that way when it exists).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import time
from collections.abc import AsyncIterator, Iterable

from fastapi import APIRouter, FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from syriakg.endpoint import gsp, health, ld, sparql, ui, update, void
from syriakg.endpoint.settings import Settings
from syriakg.endpoint.state import EndpointState

log = logging.getLogger("syriakg.endpoint")
access = logging.getLogger("syriakg.endpoint.access")

# Optional sibling modules exposing `router`; included when importable.
OPTIONAL_ROUTERS = ("facts",)

# metric label = first path segment, so the label set stays small
_ROUTES = {"sparql", "update", "store", "resource", "healthz", "metrics", "static", ".well-known", "void", "docs", "openapi.json", "facts", "examples"}


class AccessLog:
    """Pure ASGI middleware: one log line and metric sample per request, with its duration."""

    def __init__(self, app: ASGIApp, state: EndpointState, enabled: bool) -> None:
        self.app = app
        self.state = state
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500
        size = 0

        async def send_wrapper(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            dt = time.perf_counter() - start
            path = scope.get("path", "")
            seg = path.split("/", 2)[1] if path.count("/") else ""
            route = "/" + seg if seg in _ROUTES else ("/" if path == "/" else "other")
            self.state.metrics.request(route, scope.get("method", ""), status, dt)
            if self.enabled and access.isEnabledFor(logging.INFO):
                client = scope.get("client") or ("-", 0)
                access.info('%s "%s %s" %d %dB %.1fms', client[0], scope.get("method"), path, status, size, dt * 1000)


def _optional_routers() -> list[APIRouter]:
    found = []
    for name in OPTIONAL_ROUTERS:
        modname = f"{__package__}.{name}"
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as e:
            if e.name != modname:  # the module exists but one of its imports is missing: say so
                raise
            continue
        router = getattr(mod, "router", None)
        if isinstance(router, APIRouter):
            found.append(router)
        else:
            log.warning("%s has no `router: APIRouter`; not included", modname)
    return found


def create_app(settings: Settings, extra_routers: Iterable[APIRouter] = ()) -> FastAPI:
    """The endpoint app over the store at `settings.store` (created empty if missing)."""
    from syriakg.loaders.store import open_store

    if not settings.store_path.exists():
        log.warning("store %s does not exist: creating an empty one", settings.store)
        s = open_store(settings.store)
        s.flush()
        del s
    state = EndpointState(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await state.start()
        try:
            yield
        finally:
            await state.close()

    app = FastAPI(
        title="syriakg SPARQL endpoint",
        description=(
            "SPARQL 1.1 query, update and Graph Store protocols over the syriakg knowledge graph "
            "(the diplomacy of the Syrian war, from Vietnamese news), with Linked-Data pages and a query UI at /."
        ),
        version="1.0",
        lifespan=lifespan,
    )
    app.state.endpoint = state
    for r in (sparql.router, update.router, gsp.router, void.router, health.router, ld.router, ui.router):
        app.include_router(r)
    for r in (*extra_routers, *_optional_routers()):
        app.include_router(r)
    ui.mount_static(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            expose_headers=["Location", "Content-Type"],
            max_age=600,
        )
    app.add_middleware(AccessLog, state=state, enabled=settings.access_log)
    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn workers: settings come from SYRIAKG_ENDPOINT_SETTINGS (see server.run)."""
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return create_app(settings)
