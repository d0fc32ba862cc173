"""A pool of worker processes that can be killed: the endpoint's way to make timeouts real.

Each HTTP worker process owns one `WorkerPool` of read-only query workers and
one lazily started write worker.  A request takes an idle worker, sends it one
framed request and awaits the answer with a deadline.  When the deadline
passes the worker is killed (SIGKILL: pyoxigraph cannot be interrupted any
other way), the request gets `QueryTimeout`, and a fresh worker is started in
the background while the other workers keep serving.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import sys
import time

from syriakg.endpoint.worker import HEADER

log = logging.getLogger("syriakg.endpoint")


class QueryTimeout(Exception):
    """The operation ran past its deadline; the worker running it was killed."""


class PoolBusy(Exception):
    """No worker became free before the deadline."""


class WorkerFailed(Exception):
    """The worker died or could not start."""


class WorkerProcess:
    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.pid = proc.pid

    @classmethod
    async def start(cls, store: str, mode: str) -> WorkerProcess:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "syriakg.endpoint.worker", "--store", store, "--mode", mode,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        w = cls(proc)
        try:
            hello = await asyncio.wait_for(w._read(), 60)
        except (Exception, asyncio.CancelledError):
            w.kill()
            raise
        if not hello.get("ready"):
            w.kill()
            raise WorkerFailed(hello.get("error", "worker did not start"))
        return w

    async def _read(self) -> dict:
        assert self.proc.stdout is not None
        try:
            head = await self.proc.stdout.readexactly(HEADER.size)
            (n,) = HEADER.unpack(head)
            data = await self.proc.stdout.readexactly(n)
        except asyncio.IncompleteReadError as e:
            raise WorkerFailed(f"worker {self.pid} exited") from e
        return pickle.loads(data)

    async def call(self, req: dict) -> dict:
        assert self.proc.stdin is not None
        data = pickle.dumps(req, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(HEADER.pack(len(data)) + data)
            await self.proc.stdin.drain()
        except (BrokenPipeError, ConnectionResetError) as e:
            raise WorkerFailed(f"worker {self.pid} is gone") from e
        return await self._read()

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()

    async def close(self) -> None:
        if self.proc.returncode is None:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            try:
                await asyncio.wait_for(self.proc.wait(), 2)
            except TimeoutError:
                self.kill()
                await self.proc.wait()


class WorkerPool:
    """`size` interchangeable workers in `mode` ("ro" queries or "rw" writes) over the store at `store`."""

    def __init__(self, store: str, size: int, mode: str = "ro") -> None:
        self.store = store
        self.size = max(1, size)
        self.mode = mode
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
            idle: asyncio.Queue[WorkerProcess] = asyncio.Queue()
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
                assert self._idle is not None
                self._idle.put_nowait(w)
            finally:
                self._starting -= 1

        task = asyncio.get_running_loop().create_task(spawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def run(self, req: dict, timeout: float | None) -> dict:
        """Send `req` to a free worker; kill it and raise QueryTimeout if it is not answered within `timeout`."""
        await self.ensure_started()
        assert self._idle is not None
        self.calls += 1
        deadline = None if not timeout or timeout <= 0 else time.monotonic() + timeout
        try:
            w = await asyncio.wait_for(self._idle.get(), None if deadline is None else max(0.001, deadline - time.monotonic()))
        except TimeoutError as e:
            raise PoolBusy("all query workers stayed busy until the deadline") from e
        ok = False
        try:
            remaining = None if deadline is None else max(0.001, deadline - time.monotonic())
            resp = await asyncio.wait_for(w.call(req), remaining)
            ok = True
            return resp
        except TimeoutError as e:
            self.timeouts += 1
            log.warning("timeout after %.1f s: killing %s worker %d", timeout or 0, self.mode, w.pid)
            w.kill()
            # answer only once the work has really stopped (the process is gone, not just signalled)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(w.proc.wait(), 10)
            raise QueryTimeout(f"timed out after {timeout:g} s") from e
        finally:
            if ok:
                self._idle.put_nowait(w)
            else:  # timed out, cancelled mid-call, or crashed: the worker's stream state is unknown
                w.kill()
                self._all.discard(w)
                asyncio.get_running_loop().create_task(_reap(w))
                if not self.closed:
                    self._replace()

    def pids(self) -> list[int]:
        return sorted(w.pid for w in self._all if w.proc.returncode is None)

    async def close(self) -> None:
        self.closed = True
        for t in list(self._tasks):
            t.cancel()
        await asyncio.gather(*(w.close() for w in list(self._all)), return_exceptions=True)
        self._all.clear()


async def _reap(w: WorkerProcess) -> None:
    with contextlib.suppress(Exception):
        await w.proc.wait()
