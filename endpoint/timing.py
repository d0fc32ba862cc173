"""Per-request stage timings, sent as a `Server-Timing` header when the server runs with `--server-timing`.

Off by default (no header, no cost beyond one context-variable lookup per stage).  With it on, each
response says where its time went inside the server, so a load test can tell queueing from work:

* `in`    — from the client's send time (header `X-Sent-Monotonic-Ns`, same host, CLOCK_MONOTONIC) to the
  moment the app saw the request: time spent in the socket buffer and in an HTTP worker's busy event
  loop (GIL held by other threads, other requests' Python work);
* `pre`   — app start to the worker pool (parsing, routing, cache lookup);
* `wait`  — waiting for a query worker (per lane: `lane` is given as a description);
* `exec`  — the worker round trip (wall), `wcpu` — the worker's own CPU for it (query + serialisation);
* `post`  — pool answer to the response start (building the HTTP response);
* `hit`   — answered from the result cache; `handler` / `hcpu` — a route run in the HTTP worker's thread
  pool (`/facts`): its wall time and its thread's CPU time;
* `app`   — everything from app start to the response start.

All durations are milliseconds, as the header's syntax wants.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

import anyio
import anyio.to_thread

P = ParamSpec("P")
R = TypeVar("R")

SENT_HEADER = b"x-sent-monotonic-ns"

_stages: contextvars.ContextVar[dict[str, float | str] | None] = contextvars.ContextVar("syriakg_stages", default=None)


def begin(scope_headers: list[tuple[bytes, bytes]], start: float) -> dict[str, float | str]:
    """Start recording the stages of this request (in the current context); `start` is `time.monotonic()`."""
    stages: dict[str, float | str] = {"_start": start}
    for k, v in scope_headers:
        if k == SENT_HEADER:
            try:
                stages["in"] = max(0.0, start - int(v) / 1e9)
            except ValueError:
                pass
            break
    _stages.set(stages)
    return stages


def current() -> dict[str, float | str] | None:
    """The stage record of the request being served, or None when timings are off."""
    return _stages.get()


def add(name: str, seconds: float) -> None:
    """Add `seconds` to stage `name` of the current request (no-op when timings are off)."""
    st = _stages.get()
    if st is not None:
        st[name] = float(st.get(name, 0.0)) + seconds  # type: ignore[arg-type]


def mark(name: str) -> None:
    """Record the time since the request started as stage `name` (e.g. `pre`: up to the pool)."""
    st = _stages.get()
    if st is not None and name not in st:
        st[name] = time.monotonic() - float(st["_start"])


def note(name: str, value: str) -> None:
    """A text attribute (e.g. the lane), sent as the description of an empty metric."""
    st = _stages.get()
    if st is not None:
        st[name] = value


def header(stages: dict[str, float | str], now: float) -> bytes:
    """The Server-Timing header value for `stages`, with `app` = now - start."""
    parts = []
    for k, v in stages.items():
        if k == "_start":
            continue
        if isinstance(v, str):
            parts.append(f'{k};desc="{v}"')
        else:
            parts.append(f"{k};dur={v * 1000:.3f}")
    parts.append(f"app;dur={(now - float(stages['_start'])) * 1000:.3f}")
    return ", ".join(parts).encode("ascii")


def parse(value: str) -> dict[str, float | str]:
    """Inverse of `header` (for the load generator): {name: milliseconds or description}."""
    out: dict[str, float | str] = {}
    for part in value.split(","):
        name, _, rest = part.strip().partition(";")
        if not name:
            continue
        if rest.startswith("dur="):
            try:
                out[name] = float(rest[4:])
            except ValueError:
                continue
        elif rest.startswith("desc="):
            out[name] = rest[5:].strip('"')
    return out


def offloaded(tokens: int) -> Callable[[Callable[P, R]], Callable[P, Awaitable[R]]]:
    """Run a sync route in a thread of its own small pool (`tokens` threads per HTTP worker process), recording
    `pre` (until a thread starts it), `handler` (its wall time) and `hcpu` (its thread's CPU time).

    FastAPI would run a sync route in its shared pool of 40 threads: forty Python threads computing at once in
    an HTTP worker take the GIL from its event loop, which then answers every other request late (measured:
    tens of ms of event-loop lag under the load test).  A couple of threads keep the CPU as busy and the loop
    responsive; the other requests of the route wait their turn (`pre`).
    """

    def decorate(fn: Callable[P, R]) -> Callable[P, Awaitable[R]]:
        limiters: dict[int, anyio.CapacityLimiter] = {}

        def timed(*args: P.args, **kwargs: P.kwargs) -> R:
            if _stages.get() is None:
                return fn(*args, **kwargs)
            mark("pre")
            t0, c0 = time.monotonic(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                add("handler", time.monotonic() - t0)
                add("hcpu", time.thread_time() - c0)

        @functools.wraps(fn)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            loop = id(asyncio.get_running_loop())
            limiter = limiters.get(loop)
            if limiter is None:
                limiter = limiters[loop] = anyio.CapacityLimiter(max(1, tokens))
            ctx = contextvars.copy_context()  # the request's stage record goes with it
            return await anyio.to_thread.run_sync(lambda: ctx.run(timed, *args, **kwargs), limiter=limiter)

        return wrapper

    return decorate
