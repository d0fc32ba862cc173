"""The load generator against the real endpoint, CI-sized: 6 clients and one runaway query for a few
seconds on the seed store.  Asserts behaviour only (no timing): no errors, and the runaway query is cut
by the endpoint's timeout (503/504) instead of hanging.  The full run (64 clients, 60 s, the 35k store,
p99 figures) is `benchmarks/load/loadtest.py`."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from benchmarks.load.loadtest import run
from benchmarks.load.serve import endpoint
from syriakg.loaders.load import load
from tests.conftest import SEEDS, shared_dir


def test_mixed_load_with_a_runaway_query(tmp_path):
    store = tmp_path / "store"
    assert load([str(SEEDS)], store, workers=1).ok
    shared = shared_dir()
    cq = shared / "competency-questions" if shared else None
    # 3 query workers: the runaway holds one, so the 6 others share two (the endpoint has no cheap-query lane:
    # see the xfail below); the timeout leaves a loaded CI machine room to answer the seed-store queries
    with endpoint(store, workers=1, query_workers=3, timeout=3.0) as url:
        res = asyncio.run(run(url, clients=6, seconds=6, runaway=True, cq_dir=cq, seed=3))
    assert res["requests"] > 20
    assert res["errors"] == 0, res["classes"]
    for kind in ("lookup", "facts", "heavy"):
        assert res["classes"][kind]["requests"] > 0
        assert set(res["classes"][kind]["codes"]) == {"200"}
    runaway = res["classes"]["runaway"]
    assert runaway["errors"] == 0 and set(runaway["codes"]) <= {"503", "504"}, runaway


# 93^5 ≈ 7e9 solutions on the seed store: far past any limit below
LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p } # long %d"


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "endpoint with default settings (burst_workers=0): one pool of query workers with no lane for cheap queries: "
    "while every worker runs a long query, a one-triple lookup waits until one of them is killed at the timeout "
    "(or gets 503 'busy'). In the 64-client load test on the 35k-article store this gives lookups 503s. "
    "`--burst-workers N` (opt-in) addresses it; this xfail holds until the default does"))
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
