"""The load generator against the real endpoint, CI-sized: 6 clients and one runaway query for a few
seconds on the seed store.  Asserts behaviour only (no timing): no errors, and the runaway query is cut
by the endpoint's timeout (503/504) instead of hanging.  The full run (64 clients, 60 s, the 35k store,
p99 figures) is `benchmarks/load/loadtest.py`."""

from __future__ import annotations

import asyncio
import threading
import time

from benchmarks.load.loadtest import run
from benchmarks.load.serve import endpoint
from syriakg.loaders.load import load
from tests.conftest import SEEDS, shared_dir


def test_mixed_load_with_a_runaway_query(tmp_path):
    store = tmp_path / "store"
    assert load([str(SEEDS)], store, workers=1).ok
    shared = shared_dir()
    cq = shared / "competency-questions" if shared else None
    # 3 query workers: the runaway holds one (then, known slow, it is confined to the slow lane: see the tests
    # below); the timeout leaves a loaded CI machine room to answer the seed-store queries
    with endpoint(store, workers=1, query_workers=3, timeout=3.0) as url:
        res = asyncio.run(run(url, clients=6, seconds=6, runaway=True, cq_dir=cq, seed=3))
    assert res["requests"] > 20
    assert res["errors"] == 0, {k: (c["errors"], c["codes"]) for k, c in res["classes"].items()}
    for kind in ("lookup", "facts", "heavy"):
        assert res["classes"][kind]["requests"] > 0
        assert set(res["classes"][kind]["codes"]) == {"200"}
    runaway = res["classes"]["runaway"]
    assert runaway["errors"] == 0 and set(runaway["codes"]) <= {"503", "504"}, runaway


# 93^5 ≈ 7e9 solutions on the seed store: far past any limit below
LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p } # long %d"


def test_cheap_query_is_answered_while_every_worker_runs_a_long_query(tmp_path):
    from fastapi.testclient import TestClient

    from syriakg.endpoint.app import create_app
    from syriakg.endpoint.settings import Settings

    store = tmp_path / "store"
    assert load([str(SEEDS)], store, workers=1).ok
    app = create_app(Settings(store=str(store), timeout=6.0, query_workers=2, workers=1))
    with TestClient(app) as client:
        state = client.app.state.endpoint
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200  # workers up
        codes: list[int] = []
        longs = [threading.Thread(target=lambda i=i: codes.append(
            client.get("/sparql", params={"query": LONG % i}).status_code)) for i in range(2)]
        for t in longs:
            t.start()
        for _ in range(2000):  # until both workers have taken a long query (bounded)
            if state.pool._idle.qsize() == 0:
                break
            time.sleep(0.005)
        assert state.pool._idle.qsize() == 0 and state.pool.timeouts == 0
        r = client.get("/sparql", params={"query": "SELECT ?p WHERE { ?s ?p ?o } LIMIT 1"})
        answered_before_any_timeout = state.pool.timeouts == 0
        for t in longs:
            t.join(timeout=60)
        assert sorted(codes) == [504, 504]
        assert r.status_code == 200 and answered_before_any_timeout, (r.status_code, state.pool.timeouts)


class _Watched(dict):
    """A dict that wakes a condition on every write: lets the test wait for the pool's lane counters to reach
    a state (no polling, no sleeps)."""

    def __init__(self, data: dict, cond: threading.Condition) -> None:
        super().__init__(data)
        self.cond = cond

    def __setitem__(self, key, value) -> None:  # noqa: ANN001
        super().__setitem__(key, value)
        with self.cond:
            self.cond.notify_all()


def test_known_slow_query_repeated_by_several_clients_does_not_delay_a_cheap_query(tmp_path):
    """Lanes alone (burst workers off): once a query text is known to be slow, its copies hold at most
    query_workers - 1 workers and queue on the slow lane, and a cheap query is answered while they wait."""
    from fastapi.testclient import TestClient

    from syriakg.endpoint.app import create_app
    from syriakg.endpoint.pool import CostMemory
    from syriakg.endpoint.settings import Settings

    store = tmp_path / "store"
    assert load([str(SEEDS)], store, workers=1).ok
    slow = LONG % 0
    app = create_app(Settings(store=str(store), timeout=5.0, query_workers=2, burst_workers=0, workers=1))
    with TestClient(app) as client:
        pool = client.app.state.endpoint.pool
        # learn: the first run times out, and the text is remembered as slow
        assert client.get("/sparql", params={"query": slow}).status_code == 504
        assert pool.costs.is_slow(CostMemory.key(slow)) and pool.lane_of({"op": "query", "query": slow})[0] == "slow"
        cond = threading.Condition()
        pool.lane_running = _Watched(pool.lane_running, cond)
        pool.lane_waiting = _Watched(pool.lane_waiting, cond)
        timeouts = pool.timeouts
        codes: list[int] = []
        # four clients, same text (different Accept, so the single-flight cache does not merge them)
        accepts = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values")
        longs = [threading.Thread(target=lambda a=a: codes.append(
            client.get("/sparql", params={"query": slow}, headers={"Accept": a}).status_code)) for a in accepts]
        for t in longs:
            t.start()
        with cond:  # one copy runs (the slow lane's limit is 2 - 1), three wait in its queue
            assert cond.wait_for(lambda: pool.lane_running["slow"] == 1 and pool.lane_waiting["slow"] == 3, timeout=60), (
                dict(pool.lane_running), dict(pool.lane_waiting), codes)
        fast_calls = pool.lane_calls["fast"]
        r = client.get("/sparql", params={"query": "SELECT ?p WHERE { ?s ?p ?o } LIMIT 1"})
        answered_first = not codes and pool.timeouts == timeouts
        assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 1
        assert pool.lane_calls["fast"] == fast_calls + 1
        assert answered_first, (codes, pool.timeouts)
        for t in longs:
            t.join(timeout=60)
        # the running copy is killed at the limit (504); the queued ones never got a worker (503 at their deadline)
        assert sorted(codes)[-1] == 504 and set(codes) <= {503, 504} and len(codes) == 4, codes
        assert pool.lane_calls["slow"] >= 4


def test_cost_memory_is_a_bounded_lru_keyed_by_normalised_text():
    from syriakg.endpoint.pool import CostMemory

    m = CostMemory(size=2, slow_after=0.2)
    k = CostMemory.key("SELECT *\n  WHERE { ?s ?p ?o }")
    assert k == CostMemory.key("SELECT * WHERE {\t?s ?p ?o }")
    # a varying comment (a cache-busting nonce) is the same query; '#' in IRIs and strings is not a comment
    assert CostMemory.key("# nonce 0.1\nSELECT * WHERE { ?s ?p ?o } # x") == k
    assert CostMemory.key('SELECT * WHERE { <http://a/#x> ?p "b#c" }') != CostMemory.key('SELECT * WHERE { <http://a/#y> ?p "b#c" }')
    assert CostMemory.key('SELECT * WHERE { ?s ?p "b#c" }') != CostMemory.key('SELECT * WHERE { ?s ?p "b#d" }')
    assert not m.is_slow(k)  # unknown: fast lane
    m.record(k, 0.01)
    assert not m.is_slow(k)
    m.record(k, 0.5)
    assert m.is_slow(k)
    m.record("b", 0.0, timed_out=True)
    assert m.is_slow("b")
    m.get(k)  # k used last: "b" is evicted next
    m.record("c", 0.0)
    assert len(m) == 2 and m.get("b") is None and m.is_slow(k)
