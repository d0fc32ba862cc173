"""`syriakg serve`: command-line options and the uvicorn launcher.

Every option also reads an environment variable (SYRIAKG_HOST, SYRIAKG_PORT,
SYRIAKG_UPDATE_TOKEN, SYRIAKG_TIMEOUT, SYRIAKG_MAX_RESULTS, SYRIAKG_WORKERS,
SYRIAKG_QUERY_WORKERS, SYRIAKG_BURST_WORKERS, SYRIAKG_CORS_ORIGINS, SYRIAKG_CACHE_MB,
SYRIAKG_ACCESS_LOG, SYRIAKG_LOG_LEVEL); a flag on the command line wins.
`args.store` is added by the CLI for every subcommand.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import shutil
import tempfile

from syriakg.endpoint.settings import SETTINGS_ENV, Settings, _cpu_count


def _env(name: str, default: str | None = None) -> str | None:
    v = os.environ.get(name)
    return v if v not in (None, "") else default


def _bool(text: str) -> bool:
    return text.strip().lower() not in ("0", "false", "no", "off", "")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the `serve` options to `parser` (defaults from SYRIAKG_* environment variables)."""
    g = parser.add_argument_group("SPARQL endpoint")
    g.add_argument("--host", default=_env("SYRIAKG_HOST", "127.0.0.1"), help="interface to listen on [SYRIAKG_HOST] (default %(default)s)")
    g.add_argument("--port", type=int, default=int(_env("SYRIAKG_PORT", "8000")), help="TCP port [SYRIAKG_PORT] (default %(default)s)")
    g.add_argument("--update-token", default=_env("SYRIAKG_UPDATE_TOKEN"),
                   help="enable /update and /store writes for clients sending 'Authorization: Bearer TOKEN' "
                        "[SYRIAKG_UPDATE_TOKEN]; without it writes answer 403")
    g.add_argument("--timeout", type=float, default=float(_env("SYRIAKG_TIMEOUT", "30")),
                   help="seconds a query or update may run before its worker is killed and 504 is returned "
                        "[SYRIAKG_TIMEOUT] (default %(default)s)")
    g.add_argument("--max-results", type=int, default=int(_env("SYRIAKG_MAX_RESULTS", "100000")),
                   help="largest result (rows or triples) served; more gives 422; 0 = no limit [SYRIAKG_MAX_RESULTS] (default %(default)s)")
    g.add_argument("--workers", type=int, default=int(_env("SYRIAKG_WORKERS", str(_cpu_count()))),
                   help="HTTP worker processes [SYRIAKG_WORKERS] (default: CPU count, %(default)s)")
    g.add_argument("--query-workers", type=int, default=int(_env("SYRIAKG_QUERY_WORKERS", "2")),
                   help="query processes per HTTP worker [SYRIAKG_QUERY_WORKERS] (default %(default)s)")
    g.add_argument("--burst-workers", type=int, default=int(_env("SYRIAKG_BURST_WORKERS", "2")),
                   help="extra query processes per HTTP worker, started only while fast-lane requests wait and every query "
                        "worker has been running a long query for 0.25 s; each serves while fast-lane requests wait, then "
                        "exits; 0 = off [SYRIAKG_BURST_WORKERS] (default %(default)s)")
    g.add_argument("--slow-after", type=float, default=float(_env("SYRIAKG_SLOW_AFTER", "0.2")),
                   help="CPU seconds after which a query text is remembered as slow; its later runs take the slow lane "
                        "(at most query-workers - 1 workers) [SYRIAKG_SLOW_AFTER] (default %(default)s)")
    g.add_argument("--medium-after", type=float, default=float(_env("SYRIAKG_MEDIUM_AFTER", "0.01")),
                   help="CPU seconds after which a query text or shape is remembered as medium: its later runs yield "
                        "the workers to cheap queries and hold at most query-workers - 1 of them, with the slow lane "
                        "[SYRIAKG_MEDIUM_AFTER] (default %(default)s)")
    g.add_argument("--slow-queue", type=int, default=int(_env("SYRIAKG_SLOW_QUEUE", "16")),
                   help="known-slow queries that may wait for the slow lane per HTTP worker; more get 503 with "
                        "Retry-After [SYRIAKG_SLOW_QUEUE] (default %(default)s)")
    g.add_argument("--slow-nice", type=int, default=int(_env("SYRIAKG_SLOW_NICE", "10")),
                   help="nice value (lower CPU priority) of a query worker while it runs slow work, so cheap queries keep "
                        "their share of the CPU; 0 = off [SYRIAKG_SLOW_NICE] (default %(default)s)")
    g.add_argument("--no-slow-idle", dest="slow_idle", action="store_false",
                   default=_bool(_env("SYRIAKG_SLOW_IDLE", "1") or "1"),
                   help="run queries that timed out before (runaways) niced (--slow-nice) like other slow work, instead "
                        "of under SCHED_IDLE, the Linux policy that gives them only CPU time no other process wants "
                        "[SYRIAKG_SLOW_IDLE=0]")
    g.add_argument("--fast-queue", type=int, default=int(_env("SYRIAKG_FAST_QUEUE", "512")),
                   help="requests that may wait for a query worker on the fast lane per HTTP worker; more get 503 "
                        "[SYRIAKG_FAST_QUEUE] (default %(default)s)")
    g.add_argument("--cors-origins", default=_env("SYRIAKG_CORS_ORIGINS", ""),
                   help="comma-separated origins allowed by CORS, '*' for any; empty = CORS off [SYRIAKG_CORS_ORIGINS]")
    g.add_argument("--cache-mb", type=int, default=int(_env("SYRIAKG_CACHE_MB", "64")),
                   help="result cache per HTTP worker in MiB, 0 = off [SYRIAKG_CACHE_MB] (default %(default)s)")
    g.add_argument("--no-access-log", dest="access_log", action="store_false",
                   default=_bool(_env("SYRIAKG_ACCESS_LOG", "1") or "1"), help="do not log each request [SYRIAKG_ACCESS_LOG=0]")
    g.add_argument("--server-timing", action="store_true", default=_bool(_env("SYRIAKG_SERVER_TIMING", "0") or "0"),
                   help="add a Server-Timing header to each response: where its time went (queue, worker, ...) "
                        "[SYRIAKG_SERVER_TIMING=1]; for load tests")
    g.add_argument("--log-level", default=_env("SYRIAKG_LOG_LEVEL", "info"), choices=("debug", "info", "warning", "error"),
                   help="[SYRIAKG_LOG_LEVEL] (default %(default)s)")


def settings_from_args(args: argparse.Namespace) -> Settings:
    from syriakg.loaders.config import base_iri, default_store_path

    store = getattr(args, "store", None) or default_store_path()
    origins = tuple(o.strip() for o in (args.cors_origins or "").split(",") if o.strip())
    return Settings(
        store=str(store),
        host=args.host,
        port=args.port,
        update_token=args.update_token or None,
        timeout=args.timeout,
        max_results=args.max_results,
        workers=max(1, args.workers),
        query_workers=max(1, args.query_workers),
        burst_workers=max(0, getattr(args, "burst_workers", 2)),
        slow_after=max(0.0, getattr(args, "slow_after", 0.2)),
        medium_after=max(0.0, getattr(args, "medium_after", 0.01)),
        slow_queue=max(0, getattr(args, "slow_queue", 16)),
        fast_queue=max(1, getattr(args, "fast_queue", 512)),
        slow_nice=max(0, min(19, getattr(args, "slow_nice", 10))),
        slow_idle=bool(getattr(args, "slow_idle", True)),
        cors_origins=origins,
        base_iri=base_iri(),
        cache_bytes=max(0, args.cache_mb) * 1024 * 1024,
        log_level=args.log_level,
        access_log=args.access_log,
        server_timing=bool(getattr(args, "server_timing", False)),
    )


def run(args: argparse.Namespace) -> int:
    """Serve until stopped (Ctrl-C / SIGTERM).  Returns the process exit code."""
    import uvicorn

    settings = settings_from_args(args)
    metrics_dir = tempfile.mkdtemp(prefix="syriakg-metrics-")
    settings = settings.with_(metrics_dir=metrics_dir if settings.workers > 1 else None)
    os.environ[SETTINGS_ENV] = settings.to_json()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log = logging.getLogger("syriakg.endpoint")
    fast = importlib.util.find_spec("uvloop") is not None and importlib.util.find_spec("httptools") is not None
    if not fast:
        log.warning("uvloop/httptools missing: install uvicorn[standard] for full speed")
    log.info(
        "serving %s on http://%s:%d/ (%d HTTP workers x %d query workers, timeout %gs, writes %s)",
        settings.store, settings.host, settings.port, settings.workers, settings.query_workers, settings.timeout,
        "enabled" if settings.update_token else "disabled",
    )
    try:
        uvicorn.run(
            "syriakg.endpoint.app:app_from_env",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
            loop="uvloop" if fast else "asyncio",
            http="httptools" if fast else "h11",
            access_log=False,  # our AccessLog middleware logs each request with its duration
            log_level=settings.log_level,
            timeout_graceful_shutdown=5,
        )
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Standalone entry (`python -m syriakg.endpoint.server`) for when the CLI is not at hand."""
    ap = argparse.ArgumentParser(description="syriakg SPARQL endpoint")
    ap.add_argument("--store", default=os.environ.get("SYRIAKG_STORE"))
    add_arguments(ap)
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
