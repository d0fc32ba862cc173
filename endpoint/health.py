"""/healthz (liveness and store state, JSON) and /metrics (Prometheus text format)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from syriakg.endpoint.state import get_state

router = APIRouter(tags=["Operations"])


def _dir_bytes(path: Path) -> int:
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.stat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


@router.get("/healthz", summary="Liveness: is the server up and the store open?")
async def healthz(request: Request) -> JSONResponse:
    state = get_state(request)
    out = await state.call({"op": "ping"}, timeout=10)
    ok = out.status == 200
    facts = getattr(request.app.state, "facts_service", None)
    return JSONResponse(
        {
            "status": "ok" if ok else "error",
            "store": state.settings.store,
            "store_version": state.version(),
            "query_workers": state.pool.pids(),
            "writes_enabled": bool(state.settings.update_token),
            "timeout_s": state.settings.timeout,
            "uptime_s": round(time.time() - state.started, 1),
            **({"facts_index": facts.index_status()} if facts is not None and hasattr(facts, "index_status") else {}),
            **({} if ok else {"error": out.body.decode("utf-8", "replace").strip()}),
        },
        status_code=200 if ok else 503,
    )


@router.get("/metrics", summary="Prometheus metrics", response_class=PlainTextResponse)
async def metrics(request: Request) -> PlainTextResponse:
    state = get_state(request)

    async def store_counts() -> dict:
        out = await state.call({"op": "stats"}, timeout=max(state.settings.timeout, 60.0))
        return out.data if out.status == 200 else {}

    try:
        counts = await state.memo("store-counts", store_counts)
    except Exception:
        counts = {}
    gauges = {"syriakg_store_bytes": float(_dir_bytes(state.settings.store_path))}
    if "quads" in counts:
        gauges["syriakg_store_quads"] = float(counts["quads"])
        gauges["syriakg_store_named_graphs"] = float(counts["graphs"])
    state.metrics.counters[("syriakg_worker_restarts_total", "")] = float(state.pool.restarts + state.writer.restarts)
    return PlainTextResponse(state.metrics.render(gauges), media_type="text/plain; version=0.0.4; charset=utf-8")
