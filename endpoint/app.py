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
import sys
import time
from collections.abc import AsyncIterator, Iterable

from fastapi import APIRouter, FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from syriakg.endpoint import gsp, health, ld, sparql, timing, ui, update, void
from syriakg.endpoint.settings import Settings
from syriakg.endpoint.state import EndpointState

log = logging.getLogger("syriakg.endpoint")
access = logging.getLogger("syriakg.endpoint.access")

# Optional sibling modules exposing `router`; included when importable.
OPTIONAL_ROUTERS = ("facts",)

# metric label = first path segment, so the label set stays small
_ROUTES = {"sparql", "update", "store", "resource", "healthz", "metrics", "static", ".well-known", "void", "docs", "openapi.json", "facts", "examples"}


class AccessLog:
    """Pure ASGI middleware: one log line and metric sample per request, with its duration.

    It also holds the fast path of the busiest request, `GET /sparql?query=...` (used when CORS is off, since it
    skips the CORS middleware): a repeated request is answered from the result cache with the stored bytes and
    headers, keyed by the raw request and the store version; any other one goes straight to the route's handler
    function, without FastAPI's routing and the middleware stack below.
    """

    def __init__(self, app: ASGIApp, state: EndpointState, enabled: bool, fast_path: bool = True,
                 server_timing: bool = False) -> None:
        self.app = app
        self.state = state
        self.enabled = enabled
        self.fast_path = fast_path
        self.caching = state.cache.max_bytes > 0
        self.server_timing = server_timing

    def _fast_key(self, scope: Scope) -> tuple:
        """Key of a GET /sparql?query=... answer in the result cache, straight from the raw request.

        The answer depends on the raw query string (query and dataset parameters), Accept, the scheme and
        Host (base IRI of relative IRIs) and the store version; nothing else.
        """
        accept = host = b""
        for k, v in scope["headers"]:
            if k == b"accept":
                accept = v
            elif k == b"host":
                host = v
        return ("fast", scope["query_string"], accept, host, scope.get("scheme"), self.state.version())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        stages = timing.begin(scope["headers"], time.monotonic()) if self.server_timing else None
        status = 500
        size = 0
        direct = self.fast_path and scope["method"] == "GET" and scope["path"] == "/sparql" and bool(scope.get("query_string"))
        key = self._fast_key(scope) if direct and self.caching else None
        hit = self.state.cache.get(key) if key is not None else None
        start_msg: Message | None = None
        chunks: list[bytes] = []

        async def send_wrapper(message: Message) -> None:
            nonlocal status, size, start_msg
            if message["type"] == "http.response.start":
                status = message["status"]
                start_msg = message
                if stages is not None:
                    message = {**message, "headers": [*message.get("headers", []),
                                                      (b"server-timing", timing.header(stages, time.monotonic()))]}
            elif message["type"] == "http.response.body":
                body = message.get("body", b"")
                size += len(body)
                if key is not None and status == 200:
                    chunks.append(body)
            await send(message)

        try:
            if hit is not None:  # answered from the cache without routing, validation or a worker
                status, _, body, headers = hit
                raw = headers["raw"]
                if stages is not None:
                    stages["hit"] = 0.0
                    raw = [*raw, (b"server-timing", timing.header(stages, time.monotonic()))]
                await send({"type": "http.response.start", "status": status, "headers": raw})
                await send({"type": "http.response.body", "body": body})
                size = len(body)
                self.state.metrics.inc("syriakg_cache_hits_total")
            elif direct:
                # the route's own handler function: same answers and errors as through the router
                response = await sparql.sparql_get(Request(scope, receive))
                await response(scope, receive, send_wrapper)
                if key is not None and status == 200 and start_msg is not None:
                    self.state.cache.put(key, 200, "", b"".join(chunks), {"raw": list(start_msg.get("headers", []))})
            else:
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


def _optional_routers(warmers: list | None = None) -> list[APIRouter]:
    """The routers of the OPTIONAL_ROUTERS modules that exist; their `warm(app)` functions go to `warmers`."""
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
            if warmers is not None and callable(getattr(mod, "warm", None)):
                warmers.append(mod.warm)
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
    warmers: list = []

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the event loop must get the GIL back quickly from route threads (/facts) computing in this process:
        # 1 ms instead of Python's 5 ms bounds the lag they add to every other request
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
        await state.start()
        for warm in warmers:  # e.g. the /facts indexes, built in the background from the start
            try:
                warm(app)
            except Exception:
                log.exception("warming %s failed; it will be built on first use", getattr(warm, "__module__", warm))
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
        docs_url=None,  # served below from the vendored swagger-ui (no CDN)
    )
    app.state.endpoint = state
    for r in (sparql.router, update.router, gsp.router, void.router, health.router, ld.router, ui.router):
        app.include_router(r)
    for r in (*extra_routers, *_optional_routers(warmers)):
        app.include_router(r)
    ui.mount_static(app)
    ui.add_docs(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            expose_headers=["Location", "Content-Type"],
            max_age=600,
        )
    # the fast path skips CORS handling, so it is only used when CORS is off
    app.add_middleware(AccessLog, state=state, enabled=settings.access_log, fast_path=not settings.cors_origins,
                       server_timing=settings.server_timing)
    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn workers: settings come from SYRIAKG_ENDPOINT_SETTINGS (see server.run)."""
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return create_app(settings)
