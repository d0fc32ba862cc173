"""Query lanes: the cost memory by text and shape, and the pool's priority dispatch (fast > medium > slow,
medium + slow never holding every worker, neither starving).  The dispatch tests drive `WorkerPool` with
stand-in workers (no processes, no sleeps, no timing): they check who gets a worker, in what order."""

from __future__ import annotations

import asyncio
import time

import pytest

from syriakg.endpoint.costs import CostMemory
from syriakg.endpoint.pool import LaneFull, PoolBusy, WorkerPool

LOOKUP = "SELECT ?p ?o WHERE { <https://w3id.org/syriakg/resource/entity/%s> ?p ?o } LIMIT %d"


# --- cost memory ----------------------------------------------------------------------------------------
def test_shape_replaces_constants_and_keeps_structure():
    shape = CostMemory.shape
    a = CostMemory.key(LOOKUP % ("alpha", 50))
    b = CostMemory.key(LOOKUP % ("beta-2", 10))
    assert a != b and shape(a) == shape(b)
    # strings, numbers, instance-like prefixed names are constants
    assert shape('SELECT * { ?s rdfs:label "Ankara"@vi ; kg:count 12 }') == shape(
        'SELECT * { ?s rdfs:label "Moskva"@vi ; kg:count 3.5 }')
    assert shape("SELECT * { ?s owl:sameAs wd:Q7747 }") == shape("SELECT * { ?s owl:sameAs wd:Q58217 }")
    # vocabulary terms, variables and the query's structure are not
    assert shape("SELECT * { ?s schema:headline ?o }") != shape("SELECT * { ?s schema:datePublished ?o }")
    assert shape("SELECT ?x1 { ?x1 ?p ?o }") != shape("SELECT ?x2 { ?x2 ?p ?o }")
    assert shape("SELECT * { ?s ?p ?o }") != shape("SELECT * { ?s ?p ?o . ?o ?q ?r }")
    # '#' inside an IRI or string is not a comment; a comment does not change the key
    assert CostMemory.key("# nonce 1\nASK { <http://a/#x> ?p 'b#c' }") == CostMemory.key("ASK { <http://a/#x> ?p 'b#c' }")


def test_new_text_of_a_shape_known_to_be_slow_takes_the_slow_lane_at_once():
    m = CostMemory(slow_after=0.2, medium_after=0.01)
    known = CostMemory.key(LOOKUP % ("alpha", 50))
    new = CostMemory.key(LOOKUP % ("never-seen", 50))
    assert m.lane(new, m.shape(new)) == "fast"  # unknown: optimistic
    m.record(known, 0.0, timed_out=True, shape=m.shape(known))
    assert m.lane(new, m.shape(new)) == "slow"
    assert m.lane(new) == "fast"  # by text alone it is still unknown
    # the text's own cost wins over its shape's
    m.record(new, 0.001, shape=m.shape(new))
    assert m.lane(new, m.shape(new)) == "fast"
    other = CostMemory.key(LOOKUP % ("gamma", 50))
    assert m.lane(other, m.shape(other)) != "fast"  # the shape still remembers the time-out for a while
    for _ in range(10):  # cheap runs of the shape bring it back to the fast lane
        m.record(known, 0.001, shape=m.shape(known))
    assert m.lane(other, m.shape(other)) == "fast"


def test_medium_lane_between_the_thresholds():
    m = CostMemory(slow_after=0.2, medium_after=0.01)
    m.record("q1", 0.05, shape="s")
    m.record("q2", 0.5, shape="t")
    m.record("q3", 0.002, shape="u")
    assert (m.lane("q1"), m.lane("q2"), m.lane("q3")) == ("medium", "slow", "fast")
    assert m.lane("q4", "s") == "medium"


# --- dispatch ---------------------------------------------------------------------------------------------
class FakeWorker:
    """Stands for a WorkerProcess in the dispatch tests: only what `_acquire` / `_release` look at."""

    def __init__(self, n: int) -> None:
        self.pid = 10_000 + n
        self.alive = True

    def kill(self) -> None:
        self.alive = False


def _pool(size: int, **kw) -> tuple[WorkerPool, list[FakeWorker]]:
    pool = WorkerPool("/nonexistent", size, **kw)
    pool._idle = asyncio.LifoQueue()
    workers = [FakeWorker(i) for i in range(size)]
    for w in workers:
        pool._all.add(w)  # type: ignore[arg-type]
        pool._idle.put_nowait(w)  # type: ignore[arg-type]
    return pool, workers


async def _settle() -> None:
    for _ in range(5):  # let woken tasks run (no time passes)
        await asyncio.sleep(0)


def test_fast_requests_go_before_queued_medium_and_slow_work():
    async def scenario() -> list[str]:
        pool, _ = _pool(3)
        order: list[str] = []
        held = [await pool._acquire("fast", None, None) for _ in range(3)]  # every worker busy
        got: dict = {}

        async def waiter(lane: str, name: str) -> None:
            got[name] = await pool._acquire(lane, None, None)
            order.append(name)

        tasks = []
        for lane, name in (("medium", "m1"), ("slow", "s1"), ("medium", "m2"), ("fast", "f1"), ("fast", "f2")):
            tasks.append(asyncio.create_task(waiter(lane, name)))
            await _settle()
        assert pool.lane_waiting == {"fast": 2, "medium": 2, "slow": 1}
        for _ in range(3):  # three workers come back, one at a time
            pool._release(held.pop(0), "fast", True)
            await _settle()
        # with no medium or slow query running, the longest waiting of them goes first (no starvation);
        # then the fast lane goes before every queued medium and slow query
        assert order == ["m1", "f1", "f2"], order
        assert pool.lane_running == {"fast": 2, "medium": 1, "slow": 0}
        # no fast request waits: the next free worker goes to the longest waiting of medium and slow (s1, not m2)
        pool._release(got["f1"], "fast", True)
        await _settle()
        assert order == ["m1", "f1", "f2", "s1"], order
        # medium + slow now hold size - 1 = 2 workers: m2 waits even when a worker is free
        pool._release(got["f2"], "fast", True)
        await _settle()
        assert order == ["m1", "f1", "f2", "s1"] and pool._idle.qsize() == 1
        for t in tasks:
            t.cancel()
        return order

    asyncio.run(scenario())


def test_medium_and_slow_work_never_hold_every_worker():
    async def scenario() -> None:
        pool, _ = _pool(3)
        a = await pool._acquire("medium", None, None)
        b = await pool._acquire("slow", None, None)
        third = asyncio.create_task(pool._acquire("medium", None, None))
        await _settle()
        assert not third.done() and pool._idle.qsize() == 1  # a worker is idle, but kept for cheap work
        c = await pool._acquire("fast", None, None)  # a cheap query takes it at once
        assert pool.lane_running == {"fast": 1, "medium": 1, "slow": 1}
        pool._release(a, "medium", True)
        await _settle()
        assert third.done() and pool.lane_running["medium"] == 1
        for w, lane in ((b, "slow"), (c, "fast"), (third.result(), "medium")):
            pool._release(w, lane, True)
        assert pool._idle.qsize() == 3 and pool.lane_running == {"fast": 0, "medium": 0, "slow": 0}

    asyncio.run(scenario())


def test_full_slow_queue_answers_lane_full_and_a_passed_deadline_gives_pool_busy():
    async def scenario() -> None:
        pool, _ = _pool(2, slow_queue=1)
        running = await pool._acquire("slow", None, None)  # the slow lane's one worker (size - 1)
        queued = asyncio.create_task(pool._acquire("slow", None, None))
        await _settle()
        with pytest.raises(LaneFull):
            await pool._acquire("slow", None, None)
        pool.slow_queue = 5
        with pytest.raises(PoolBusy):  # its deadline has passed: it gives up and leaves the queue
            await pool._acquire("slow", time.monotonic() - 1, 1.0)
        queued.cancel()
        await _settle()
        assert pool.lane_waiting["slow"] == 0
        pool._release(running, "slow", True)
        assert pool._idle.qsize() == 2

    asyncio.run(scenario())


def test_a_waiter_cancelled_after_being_handed_a_worker_gives_it_back():
    async def scenario() -> None:
        pool, _ = _pool(1)
        w = await pool._acquire("fast", None, None)
        waiter = asyncio.create_task(pool._acquire("fast", None, None))
        await _settle()
        pool._release(w, "fast", True)  # handed to the waiter...
        waiter.cancel()  # ...whose client goes away before it runs
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert pool._idle.qsize() == 1 and pool.lane_running["fast"] == 0

    asyncio.run(scenario())


def test_lane_of_routes_by_text_then_shape():
    pool = WorkerPool("/nonexistent", 3)
    q1, q2 = LOOKUP % ("alpha", 50), LOOKUP % ("beta", 50)
    lane, key = pool.lane_of({"op": "query", "query": q1})
    assert lane == "fast" and key is not None
    pool.costs.record(key[0], 0.05, shape=key[1])
    assert pool.lane_of({"op": "query", "query": q2})[0] == "medium"
    assert pool.lane_of({"op": "ping"}) == ("fast", None)


# --- Server-Timing -------------------------------------------------------------------------------------------
def test_server_timing_header_says_where_the_time_went_only_when_asked(tmp_path):
    from fastapi.testclient import TestClient

    from syriakg.endpoint.app import create_app
    from syriakg.endpoint.sample import build_sample
    from syriakg.endpoint.settings import Settings
    from syriakg.endpoint.timing import parse

    store = tmp_path / "store"
    build_sample(store)
    q = {"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"}
    with TestClient(create_app(Settings(store=str(store), query_workers=2, server_timing=True))) as client:
        r = client.get("/sparql", params=q, headers={"X-Sent-Monotonic-Ns": str(time.monotonic_ns())})
        assert r.status_code == 200
        st = parse(r.headers["server-timing"])
        assert st["lane"] == "fast" and {"in", "pre", "wait", "exec", "wcpu", "app"} <= set(st), st
        assert all(isinstance(st[k], float) and st[k] >= 0 for k in ("in", "wait", "exec", "wcpu", "app"))
        again = parse(client.get("/sparql", params=q).headers["server-timing"])
        assert "hit" in again and "exec" not in again  # the second one came from the result cache
        health = client.get("/healthz").json()
        assert health["facts_index"] in ("ready", "building")
    with TestClient(create_app(Settings(store=str(store), query_workers=2))) as client:
        r = client.get("/sparql", params=q)
        assert r.status_code == 200 and "server-timing" not in r.headers


def test_slow_work_is_deprioritised_and_restored_afterwards():
    import os
    import subprocess
    import sys

    from syriakg.endpoint.pool import _restore_priority

    pool = WorkerPool("/nonexistent", 3, slow_nice=10, medium_nice=5)
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        assert pool._deprioritise(child.pid, "medium") and os.getpriority(os.PRIO_PROCESS, child.pid) == 5
        assert _restore_priority(child.pid) and os.getpriority(os.PRIO_PROCESS, child.pid) == 0
        assert pool._deprioritise(child.pid, "slow") and os.getpriority(os.PRIO_PROCESS, child.pid) == 10
        assert os.sched_getscheduler(child.pid) == os.SCHED_OTHER  # a slow query that finishes: only niced
        assert _restore_priority(child.pid)
        if pool._deprioritise(child.pid, "slow", idle=True):  # timed out before: SCHED_IDLE where available
            assert (os.sched_getscheduler(child.pid) == os.SCHED_IDLE
                    or os.getpriority(os.PRIO_PROCESS, child.pid) == 10)
            assert _restore_priority(child.pid)
            assert os.sched_getscheduler(child.pid) == os.SCHED_OTHER and os.getpriority(os.PRIO_PROCESS, child.pid) == 0
        assert not pool._deprioritise(child.pid, "fast")
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait()
