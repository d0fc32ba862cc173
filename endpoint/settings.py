"""Endpoint settings: one frozen dataclass, filled from CLI arguments or environment variables.

Settings travel to uvicorn's worker processes as JSON in `SYRIAKG_ENDPOINT_SETTINGS`
(uvicorn re-imports the app in each worker, so they cannot be passed as objects).
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

SETTINGS_ENV = "SYRIAKG_ENDPOINT_SETTINGS"


def _cpu_count() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


@dataclass(frozen=True)
class Settings:
    """Everything the app needs; all fields have safe defaults except `store`."""

    store: str
    host: str = "127.0.0.1"
    port: int = 8000
    update_token: str | None = None  # None: writes disabled (403)
    timeout: float = 30.0  # seconds per query / update, enforced by killing the worker process
    max_results: int = 100_000  # rows (SELECT) or triples (CONSTRUCT/DESCRIBE); 0 = unlimited
    workers: int = field(default_factory=_cpu_count)  # HTTP (uvicorn) worker processes
    query_workers: int = 2  # query processes per HTTP worker
    burst_workers: int = 2  # extra query processes started while every query worker runs a long query (pool.py)
    slow_after: float = 0.2  # CPU seconds above which a query text is remembered as slow (slow lane)
    medium_after: float = 0.01  # CPU seconds above which a query (text or shape) takes the medium lane
    slow_queue: int = 16  # known-slow queries that may wait for the slow lane; more get 503 + Retry-After
    slow_idle: bool = True  # queries that timed out before run under SCHED_IDLE: only CPU time nothing else wants
    slow_nice: int = 10  # nice value (CPU priority) of a worker while it runs slow-lane work; 0 = unchanged
    fast_queue: int = 512  # requests that may wait for a worker on the fast lane; more get 503
    cors_origins: tuple[str, ...] = ()  # () = CORS off; ("*",) = any origin
    base_iri: str = "https://w3id.org/syriakg/resource/"
    cache_bytes: int = 64 * 1024 * 1024  # result cache per HTTP worker; 0 = off
    cache_entry_bytes: int = 8 * 1024 * 1024  # larger results are not cached
    log_level: str = "info"
    access_log: bool = True
    metrics_dir: str | None = None  # where HTTP workers share metric snapshots (set by run())
    server_timing: bool = False  # add a Server-Timing header with per-stage durations (timing.py)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Settings:
        data = json.loads(text)
        data["cors_origins"] = tuple(data.get("cors_origins") or ())
        return cls(**data)

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from `SYRIAKG_ENDPOINT_SETTINGS` (set by `run`), else defaults + SYRIAKG_* variables."""
        text = os.environ.get(SETTINGS_ENV)
        if text:
            return cls.from_json(text)
        from syriakg.loaders.config import base_iri, default_store_path

        return cls(
            store=str(default_store_path()),
            base_iri=base_iri(),
            update_token=os.environ.get("SYRIAKG_UPDATE_TOKEN") or None,
        )

    def with_(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def store_path(self) -> Path:
        return Path(self.store)
