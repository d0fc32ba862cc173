"""A pool of worker processes that can be killed: the endpoint's way to make timeouts real.

Each HTTP worker process owns one `WorkerPool` of read-only query workers and
one lazily started write worker.  A request takes an idle worker, sends it one
framed request and awaits the answer with a deadline.  When the deadline
passes the worker is killed (SIGKILL: pyoxigraph cannot be interrupted any
other way), the request gets `QueryTimeout`, and a fresh worker is started in
the background while the other workers keep serving.

Two lanes share the workers so that cheap queries are not stuck behind long ones.  A small cost memory
(normalised query text -> CPU seconds of its last run, timed-out flag; bounded LRU) sends queries known to
be slow to the *slow lane*, which may hold at most `size - 1` workers (at least 1) and has its own bounded
queue (full: `LaneFull`, answered 503 with Retry-After).  Unknown and known-fast queries take the *fast
lane*: any idle worker, so at least one worker is always free of known-slow work; when an unknown query
turns out slow on the fast lane and every worker is held by long queries, burst workers are started.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import subprocess
import sys
import time
from collections import deque

from syriakg.endpoint import timing
from syriakg.endpoint.costs import Cost, CostMemory
from syriakg.endpoint.worker import HEADER

log = logging.getLogger("syriakg.endpoint")


class QueryTimeout(Exception):
    """The operation ran past its deadline; the worker running it was killed."""


class PoolBusy(Exception):
    """No worker became free before the deadline."""


class WorkerFailed(Exception):
    """The worker died or could not start."""


class LaneFull(PoolBusy):
    """The slow lane's queue is full: only queries known to be slow get this (503 with Retry-After)."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


_CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process `pid` so far (Linux /proc; None elsewhere or when it is gone).

    Costs are measured in CPU time, not wall time: on a busy machine a cheap query can wait for a core
    for longer than the slow threshold, and must not be mistaken for a slow one.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLK_TCK
    except (OSError, IndexError, ValueError):
        return None


LANES = ("fast", "medium", "slow")  # in priority order
SHARED_WAIT = 4.0  # medium and slow work may wait this many times the timeout for a worker
__all__ = ["LANES", "Cost", "CostMemory", "LaneFull", "PoolBusy", "QueryTimeout", "WorkerFailed", "WorkerPool"]


class WorkerProcess:
    """One worker child process and its two pipes, driven from the event loop without helper tasks.

    The parent writes a frame and registers a future; a reader callback on the
    response pipe (non-blocking, `loop.add_reader`) assembles frames and
    resolves it.  End of file on that pipe means the process has exited (or is
    exiting: its open files are closed after its threads are gone), and fails
    any pending call.  This is lighter per call than asyncio's subprocess
    streams plus `wait_for` (which wraps each await in a new task).
    """

    def __init__(self, proc: subprocess.Popen, loop: asyncio.AbstractEventLoop) -> None:
        self.proc = proc
        self.pid = proc.pid
        self.loop = loop
        assert proc.stdin is not None and proc.stdout is not None
        self._wfd = proc.stdin.fileno()
        self._rfd = proc.stdout.fileno()
        os.set_blocking(self._rfd, False)
        os.set_blocking(self._wfd, False)
        self._buf = bytearray()
        self.cpu_end: float | None = None  # the process's CPU seconds when it last finished a request
        self._pending: asyncio.Future[dict] | None = None
        self._out = b""  # frame bytes not yet accepted by the request pipe
        self.exited: asyncio.Future[None] = loop.create_future()
        loop.add_reader(self._rfd, self._on_readable)

    @classmethod
    async def start(cls, store: str, mode: str) -> WorkerProcess:
        proc = subprocess.Popen(
            [sys.executable, "-m", "syriakg.endpoint.worker", "--store", store, "--mode", mode],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        w = cls(proc, asyncio.get_running_loop())
        w._pending = w.loop.create_future()
        try:
            hello = await asyncio.wait_for(w._pending, 60)
        except (Exception, asyncio.CancelledError):
            w.kill()
            raise
        if not hello.get("ready"):
            w.kill()
            raise WorkerFailed(hello.get("error", "worker did not start"))
        end = hello.get("cpu_end")
        w.cpu_end = end if isinstance(end, float) else None
        return w

    # --- event-loop callbacks ------------------------------------------------------
    def _on_readable(self) -> None:
        try:
            data = os.read(self._rfd, 65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._on_exit()
            return
        self._buf += data
        while len(self._buf) >= HEADER.size:
            (n,) = HEADER.unpack_from(self._buf)
            if len(self._buf) < HEADER.size + n:
                break
            frame = bytes(self._buf[HEADER.size:HEADER.size + n])
            del self._buf[:HEADER.size + n]
            fut, self._pending = self._pending, None
            if fut is not None and not fut.done():
                try:
                    fut.set_result(pickle.loads(frame))
                except Exception as e:  # a corrupt frame: treat the worker as failed
                    fut.set_exception(WorkerFailed(f"worker {self.pid} sent an unreadable answer: {e}"))

    def _on_writable(self) -> None:
        try:
            n = os.write(self._wfd, self._out)
        except BlockingIOError:
            return
        except OSError as e:
            self.loop.remove_writer(self._wfd)
            self._fail(WorkerFailed(f"worker {self.pid} is gone ({e})"))
            return
        self._out = self._out[n:]
        if not self._out:
            self.loop.remove_writer(self._wfd)

    def _on_exit(self) -> None:
        self.loop.remove_reader(self._rfd)
        if self._out:
            self.loop.remove_writer(self._wfd)
            self._out = b""
        self._fail(WorkerFailed(f"worker {self.pid} exited"))
        if not self.exited.done():
            self.exited.set_result(None)
        for f in (self.proc.stdout, self.proc.stdin):
            with contextlib.suppress(OSError):
                f.close()  # type: ignore[union-attr]
        # reap it (it has closed its files, so it is exiting; waitpid returns at once or nearly)
        with contextlib.suppress(RuntimeError):  # executor already shut down: we are exiting, init reaps it
            self.loop.run_in_executor(None, self.proc.wait)

    def _fail(self, exc: Exception) -> None:
        fut, self._pending = self._pending, None
        if fut is not None and not fut.done():
            fut.set_exception(exc)

    # --- API ---------------------------------------------------------------------------
    @property
    def alive(self) -> bool:
        return not self.exited.done()

    def call(self, req: dict) -> asyncio.Future[dict]:
        """Send one request; the future gets the answer (or WorkerFailed).  One call at a time per worker."""
        fut: asyncio.Future[dict] = self.loop.create_future()
        if not self.alive:
            fut.set_exception(WorkerFailed(f"worker {self.pid} is gone"))
            return fut
        self._pending = fut
        data = pickle.dumps(req, protocol=pickle.HIGHEST_PROTOCOL)
        frame = HEADER.pack(len(data)) + data
        try:
            n = os.write(self._wfd, frame)
        except BlockingIOError:
            n = 0
        except OSError as e:
            self._fail(WorkerFailed(f"worker {self.pid} is gone ({e})"))
            return fut
        if n < len(frame):  # a large frame (e.g. a graph upload): the rest when the pipe has room
            self._out = frame[n:]
            self.loop.add_writer(self._wfd, self._on_writable)
        return fut

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()

    async def wait_exit(self, timeout: float) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.shield(self.exited), timeout)

    async def close(self) -> None:
        if self.alive:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()  # type: ignore[union-attr]  # the worker reads end of file and exits
            await self.wait_exit(2)
            if self.alive:
                self.kill()
                await self.wait_exit(10)


class WorkerPool:
    """`size` interchangeable workers in `mode` ("ro" queries or "rw" writes) over the store at `store`.

    Burst workers (`burst` > 0): when a request finds no idle worker and every busy worker has been running
    its query for at least `burst_after` seconds (long queries, not a short queue), up to `burst` extra
    workers are started, so a cheap query is not stuck behind long ones until their timeout.  A burst
    worker serves one request and is closed; it is never replaced when killed.
    """

    def __init__(self, store: str, size: int, mode: str = "ro", burst: int = 0, burst_after: float = 0.25, *,
                 slow_after: float = 0.2, slow_queue: int = 16, fast_queue: int = 512, cost_entries: int = 4096,
                 slow_nice: int = 10, medium_after: float = 0.01, medium_nice: int | None = None,
                 slow_idle: bool = True) -> None:
        self.store = store
        self.size = max(1, size)
        self.mode = mode
        self.burst = max(0, burst)
        self.burst_after = burst_after
        # lanes (only queries are classified; other requests take the fast lane)
        self.costs = CostMemory(cost_entries, slow_after, medium_after)
        self.slow_limit = max(1, self.size - 1)
        self.shared_limit = max(1, self.size - 1)  # medium + slow together: one worker stays free for cheap work
        self.slow_queue = max(0, slow_queue)
        self.fast_queue = max(1, fast_queue)
        self.lane_running = dict.fromkeys(LANES, 0)
        self.lane_waiting = dict.fromkeys(LANES, 0)
        self.lane_calls = dict.fromkeys(LANES, 0)
        self.lane_rejected = dict.fromkeys(LANES, 0)
        # per lane, (when queued, future) of the requests waiting for a worker, in arrival order
        self._waiters: dict[str, deque[tuple[float, asyncio.Future[WorkerProcess]]]] = {ln: deque() for ln in LANES}
        self.promotions = 0  # fast-lane queries found slow while running
        self.slow_nice = max(0, min(19, slow_nice))
        medium = self.slow_nice // 2 if medium_nice is None else max(0, min(19, medium_nice))
        self.lane_nice = {"fast": 0, "medium": medium, "slow": self.slow_nice}
        self.slow_idle = slow_idle and self.slow_nice > 0  # slow work under SCHED_IDLE (Linux), else niced
        self._extra: set[WorkerProcess] = set()
        self._extra_starting = 0
        self._busy: dict[WorkerProcess, float] = {}  # worker -> when its current request started
        self._burst_timer: asyncio.TimerHandle | None = None
        self.bursts = 0
        self._idle: asyncio.Queue[WorkerProcess] | None = None
        self._all: set[WorkerProcess] = set()
        self._starting = 0
        self._lock: asyncio.Lock | None = None
        self._tasks: set[asyncio.Task] = set()
        self.calls = 0
        self.timeouts = 0
        self.restarts = 0
        self.closed = False

    async def ensure_started(self) -> None:
        if self._idle is not None:
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._idle is not None:
                return
            # last in, first out: at low load the same warm worker (its RocksDB block cache, CPU caches) answers
            idle: asyncio.Queue[WorkerProcess] = asyncio.LifoQueue()
            workers = await asyncio.gather(*(WorkerProcess.start(self.store, self.mode) for _ in range(self.size)))
            for w in workers:
                self._all.add(w)
                idle.put_nowait(w)
            self._idle = idle

    def _replace(self) -> None:
        """Start a replacement worker in the background."""
        self.restarts += 1
        self._starting += 1

        async def spawn() -> None:
            try:
                for attempt in range(5):
                    try:
                        w = await WorkerProcess.start(self.store, self.mode)
                        break
                    except Exception as e:
                        log.error("could not start a %s worker (attempt %d): %s", self.mode, attempt + 1, e)
                        await asyncio.sleep(0.5 * (attempt + 1))
                else:
                    return
                if self.closed:
                    await w.close()
                    return
                self._all.add(w)
                self._put_idle(w)
            finally:
                self._starting -= 1

        task = asyncio.get_running_loop().create_task(spawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def lane_of(self, req: dict) -> tuple[str, tuple[str, str] | None]:
        """("fast" | "medium" | "slow", (text key, shape key) or None) for a request."""
        query = req.get("query") if self.mode == "ro" and req.get("op") == "query" else None
        if not isinstance(query, str):
            return "fast", None
        key = self.costs.key(query)
        shape = self.costs.shape(key)
        return self.costs.lane(key, shape), (key, shape)

    # --- scheduling: strict priority fast > medium > slow; medium + slow hold at most size - 1 workers -----
    def _admits(self, lane: str) -> bool:
        """May a request of `lane` take a worker now (the lanes' limits, not whether one is idle)?"""
        if lane == "fast":
            return True
        # limits against the workers there are now: while a killed worker's replacement starts, the others
        # still keep one for cheap work
        live = max(1, len(self._all) - len(self._extra) - 1)
        if self.lane_running["medium"] + self.lane_running["slow"] >= min(self.shared_limit, live):
            return False
        return lane != "slow" or self.lane_running["slow"] < min(self.slow_limit, live)

    def _live_waiters(self, lane: str) -> bool:
        q = self._waiters[lane]
        while q and q[0][1].done():  # given up (deadline, client gone)
            q.popleft()
        return bool(q)

    def _take_idle(self) -> WorkerProcess | None:
        """An idle live worker (the last one put back: warm caches), or None; dead ones are replaced."""
        assert self._idle is not None
        while not self._idle.empty():
            w = self._idle.get_nowait()
            if w.alive:
                return w
            # it died while idle (killed from outside, out of memory): replace it and take another
            log.warning("%s worker %d died while idle: replacing it", self.mode, w.pid)
            self._all.discard(w)
            if w in self._extra:
                self._extra.discard(w)
            elif not self.closed:
                self._replace()
        return None

    def _oldest_shared(self) -> str | None:
        """Of the medium and slow lanes' first waiters that may start, the lane of the one waiting longest."""
        heads = [(self._waiters[ln][0][0], ln) for ln in ("medium", "slow") if self._live_waiters(ln) and self._admits(ln)]
        return min(heads)[1] if heads else None

    def _next_lane(self) -> str | None:
        """The lane whose first waiter gets the next free worker.  The fast lane goes first, except when no
        medium or slow query runs at all: then the longest-waiting of those goes first, so that they never
        starve under a stream of cheap queries.  Between medium and slow, first come first served (within their
        limits: a slow query waiting behind a runaway is not overtaken forever by medium ones)."""
        if self.lane_running["medium"] + self.lane_running["slow"] == 0:
            lane = self._oldest_shared()
            if lane is not None:
                return lane
        if self._live_waiters("fast"):
            return "fast"
        return self._oldest_shared()

    def _dispatch(self) -> None:
        """Hand idle workers to waiting requests in `_next_lane` order (first come first served within a
        lane)."""
        assert self._idle is not None
        while not self._idle.empty():
            lane = self._next_lane()
            if lane is None:
                return
            w = self._take_idle()
            if w is None:
                return
            self.lane_running[lane] += 1
            self._waiters[lane].popleft()[1].set_result(w)

    def _put_idle(self, w: WorkerProcess) -> None:
        assert self._idle is not None
        self._idle.put_nowait(w)
        self._dispatch()

    async def _acquire(self, lane: str, deadline: float | None, timeout: float | None) -> WorkerProcess:
        """A worker for a request of `lane` (counted as running in it), waiting in the lane's queue if needed."""
        assert self._idle is not None
        if lane == "fast":
            ahead = self._live_waiters("fast") or (
                self.lane_running["medium"] + self.lane_running["slow"] == 0 and self._oldest_shared() is not None)
        else:
            ahead = self._live_waiters("fast") or self._live_waiters("medium") or self._live_waiters("slow")
        if not ahead and self._admits(lane):
            w = self._take_idle()
            if w is not None:
                self.lane_running[lane] += 1
                return w
        if lane == "slow" and self.lane_waiting["slow"] >= self.slow_queue:
            self.lane_rejected["slow"] += 1
            raise LaneFull(
                f"this query is known to be slow and the slow lane is full ({self.lane_running['slow']} running, "
                f"{self.lane_waiting['slow']} waiting); try again later", retry_after=max(1.0, min(timeout or 5.0, 30.0)))
        if lane != "slow" and self.lane_waiting[lane] >= self.fast_queue:
            self.lane_rejected[lane] += 1
            raise PoolBusy(f"{self.lane_waiting[lane]} requests already wait for a query worker")
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[WorkerProcess] = loop.create_future()
        self._waiters[lane].append((time.monotonic(), fut))
        self.lane_waiting[lane] += 1
        timer = None if deadline is None else loop.call_later(max(0.0, deadline - time.monotonic()), _expire, fut)
        if lane == "fast" and self.burst:
            self._schedule_burst_check()
        try:
            return await fut
        except _Expired:
            raise PoolBusy("all query workers stayed busy until the deadline") from None
        except asyncio.CancelledError:
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                self._release(fut.result(), lane, True)  # handed over just as the client went away: give it back
            raise
        finally:
            if timer is not None:
                timer.cancel()
            self.lane_waiting[lane] -= 1

    def _release(self, w: WorkerProcess, lane: str, ok: bool) -> None:
        """The worker's request is over: back to the idle set (or retired / replaced), then serve waiters."""
        self.lane_running[lane] -= 1
        self._busy.pop(w, None)
        if ok and w in self._extra and not self._live_waiters("fast"):
            self._retire(w)  # a burst worker serves while fast-lane requests wait, then goes
        elif ok:
            self._put_idle(w)
            return
        elif w.alive or w in self._all:  # timed out, cancelled mid-call, or crashed: its stream state is unknown
            w.kill()
            self._all.discard(w)
            if w in self._extra:
                self._extra.discard(w)
            elif not self.closed:
                self._replace()
        self._dispatch()  # a lane's running count went down: a waiter of a limited lane may start now

    async def run(self, req: dict, timeout: float | None) -> dict:
        """Send `req` to a free worker of its lane; kill it and raise QueryTimeout if not answered within `timeout`.

        Raises LaneFull when a known-slow query finds the slow lane's queue full, PoolBusy when no worker became
        free within `timeout` (or the lane's queue is full).  The time limit of the work itself starts when it
        gets a worker.
        """
        await self.ensure_started()
        assert self._idle is not None
        self.calls += 1
        timing.mark("pre")
        queued = time.monotonic()
        lane, key = self.lane_of(req)
        # how long it may wait for a worker: `timeout` for cheap work (longer means overload: 503 for back
        # pressure), four times that for medium and slow work, which yields to cheap work and may queue behind
        # queries using their whole `timeout` (waiting longer beats an error)
        deadline = None if not timeout or timeout <= 0 else queued + timeout * (1.0 if lane == "fast" else SHARED_WAIT)
        self.lane_calls[lane] += 1
        timing.note("lane", lane)
        w = await self._acquire(lane, deadline, timeout)
        # the time limit counts from the start of the work: a query that waited its turn gets its full `timeout`
        # to run (killing it just after it started would waste the wait, the work and a worker process)
        run_deadline = None if deadline is None else time.monotonic() + (timeout or 0.0)
        return await self._run_on_worker(w, req, run_deadline, timeout, lane, key, queued)

    async def _run_on_worker(self, w: WorkerProcess, req: dict, deadline: float | None, timeout: float | None,
                             lane: str, key: tuple[str, str] | None, queued: float) -> dict:
        started = self._busy[w] = time.monotonic()
        timing.add("wait", started - queued)
        ok = False
        loop = asyncio.get_running_loop()
        # medium and slow work run at a lower CPU priority (`slow_nice`, half of it for medium), so cheap queries
        # keep their share of a busy machine.  A fast-lane query still using CPU after `slow_after` is remembered
        # as slow at once (copies of it arriving meanwhile take the slow lane; its real cost replaces this when it
        # ends) and is niced too.
        est = self.costs.estimate(*key) if key is not None and lane == "slow" else None
        niced = [lane != "fast" and self._deprioritise(w.pid, lane, idle=est is not None and est.timed_out)]
        current = [lane]  # the lane it counts in (a promoted query moves to "slow")
        promote: list[asyncio.TimerHandle | None] = [None]
        if key is not None and lane == "fast":
            cpu0 = w.cpu_end  # the worker's CPU time when it finished its previous request

            def check() -> None:
                used = cpu_seconds(w.pid)
                if cpu0 is None or used is None or used - cpu0 >= self.costs.slow_after / 2:
                    self._promote(key[0])
                    niced[0] = self._deprioritise(w.pid, "slow") or niced[0]
                    # from now on it counts as slow work: the lanes' limits keep a worker for cheap queries
                    self.lane_running[current[0]] -= 1
                    current[0] = "slow"
                    self.lane_running["slow"] += 1
                else:  # waiting for a core, not working: look again later
                    promote[0] = loop.call_later(self.costs.slow_after, check)

            promote[0] = loop.call_later(self.costs.slow_after, check)
        try:
            fut = w.call(req)
            if deadline is None:
                resp = await fut
            else:
                # the deadline as a timer on the loop, not a wait_for task per call
                timer = loop.call_later(max(0.001, deadline - time.monotonic()), _expire, fut)
                try:
                    resp = await fut
                finally:
                    timer.cancel()
            ok = True
            timing.add("exec", time.monotonic() - started)
            wcpu = resp.get("cpu")
            if isinstance(wcpu, float):
                timing.add("wcpu", wcpu)
            end = resp.get("cpu_end")
            w.cpu_end = end if isinstance(end, float) else None
            if key is not None:
                # the worker's own count (exact; /proc has 10 ms ticks), else the wall time
                used = wcpu if isinstance(wcpu, float) else time.monotonic() - started
                self.costs.record(key[0], used, shape=key[1])
            return resp
        except _Expired as e:
            self.timeouts += 1
            if key is not None:
                self.costs.record(key[0], time.monotonic() - started, timed_out=True, shape=key[1])
            log.warning("timeout after %.1f s: killing %s worker %d", timeout or 0, self.mode, w.pid)
            if niced[0]:  # a SCHED_IDLE or niced process would get no CPU to exit on a busy machine
                _restore_priority(w.pid)
            w.kill()
            # answer only once the work has really stopped (the process is gone, not just signalled)
            await w.wait_exit(10)
            raise QueryTimeout(f"timed out after {timeout:g} s") from e
        finally:
            if promote[0] is not None:
                promote[0].cancel()
            if ok and niced[0] and not _restore_priority(w.pid):
                ok = False  # no privilege to undo it: replace the worker rather than serve cheap queries niced
            self._release(w, current[0], ok)

    def _deprioritise(self, pid: int, lane: str, idle: bool = False) -> bool:
        """Lower the CPU priority of a worker running `lane` work: at the lane's nice value, or, for a query
        that timed out before (`idle`, when `slow_idle`), under SCHED_IDLE: it then runs only on CPU time
        nothing else wants, and a cheap query's worker always preempts it.  Slow queries that do finish are
        only niced: under SCHED_IDLE, on a machine kept busy by other jobs, they would starve into their
        timeout.  True if something was changed (to undo afterwards)."""
        if idle and lane == "slow" and self.slow_idle and _sched_idle(pid):
            return True
        nice = self.lane_nice.get(lane, 0)
        return nice > 0 and _renice(pid, nice)

    def _promote(self, key: str) -> None:
        if not self.costs.is_slow(key):
            self.promotions += 1
            self.costs.record(key, self.costs.slow_after * 1.01)

    def _schedule_burst_check(self) -> None:
        """While fast-lane requests wait, look every `burst_after` seconds whether only long queries hold the
        workers (then start a burst worker)."""
        if self._burst_timer is not None or self.closed:
            return

        def tick() -> None:
            self._burst_timer = None
            if self._live_waiters("fast"):
                self._maybe_burst()
                self._schedule_burst_check()

        self._burst_timer = asyncio.get_running_loop().call_later(self.burst_after, tick)

    def _maybe_burst(self) -> None:
        if self.closed or len(self._extra) + self._extra_starting >= self.burst:
            return
        now = time.monotonic()
        if self._busy and all(now - t >= self.burst_after for t in self._busy.values()) and self._extra_starting < self.lane_waiting["fast"]:
            self.bursts += 1
            self._extra_starting += 1
            log.info("every %s worker runs a long query: starting burst worker %d of %d", self.mode, len(self._extra) + 1, self.burst)

            async def spawn() -> None:
                try:
                    w = await WorkerProcess.start(self.store, self.mode)
                except Exception as e:
                    log.error("could not start a burst worker: %s", e)
                    return
                finally:
                    self._extra_starting -= 1
                if self.closed:
                    await w.close()
                    return
                self._all.add(w)
                self._extra.add(w)
                self._put_idle(w)

            task = asyncio.get_running_loop().create_task(spawn())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _retire(self, w: WorkerProcess) -> None:
        self._all.discard(w)
        self._extra.discard(w)
        task = asyncio.get_running_loop().create_task(w.close())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def lane_stats(self) -> dict[str, dict[str, int]]:
        """Per-lane counts for /metrics."""
        return {lane: {"running": self.lane_running[lane], "waiting": self.lane_waiting[lane],
                       "calls": self.lane_calls[lane], "rejected": self.lane_rejected[lane],
                       "limit": {"slow": self.slow_limit, "medium": self.shared_limit}.get(lane, self.size + self.burst)}
                for lane in LANES}

    def pids(self) -> list[int]:
        return sorted(w.pid for w in self._all if w.alive)

    async def close(self) -> None:
        self.closed = True
        for t in list(self._tasks):
            t.cancel()
        await asyncio.gather(*(w.close() for w in list(self._all)), return_exceptions=True)
        self._all.clear()


def _sched_idle(pid: int) -> bool:
    try:
        os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))  # type: ignore[attr-defined]
    except (OSError, AttributeError):
        return False
    return True


def _restore_priority(pid: int) -> bool:
    """Back to normal scheduling at nice 0; False when not allowed (the worker is then replaced)."""
    try:
        if os.sched_getscheduler(pid) != os.SCHED_OTHER:  # type: ignore[attr-defined]
            os.sched_setscheduler(pid, os.SCHED_OTHER, os.sched_param(0))  # type: ignore[attr-defined]
    except AttributeError:
        pass
    except OSError:
        return False
    return _renice(pid, 0)


def _renice(pid: int, nice: int) -> bool:
    """Set the CPU priority (nice value) of a worker process; False when not allowed (or it is gone).

    Raising the nice value is always allowed; lowering it back needs root or RLIMIT_NICE."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, nice)
    except (OSError, AttributeError):
        return False
    return True


class _Expired(Exception):
    """Internal: the deadline timer fired before the worker answered."""


def _expire(fut: asyncio.Future) -> None:
    if not fut.done():
        fut.set_exception(_Expired())
