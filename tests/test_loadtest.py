"""The load generator against the real endpoint, CI-sized: 8 clients and one runaway query for a few
seconds on the seed store.  Asserts behaviour only (no timing): no errors, and the runaway query is cut
by the endpoint's timeout (503/504) instead of hanging.  The full run (64 clients, 60 s, the 35k store,
p99 figures) is `benchmarks/load/loadtest.py`."""

from __future__ import annotations

import asyncio

from benchmarks.load.loadtest import run
from benchmarks.load.serve import endpoint
from syriakg.loaders.load import load
from tests.conftest import SEEDS, shared_dir


def test_mixed_load_with_a_runaway_query(tmp_path):
    store = tmp_path / "store"
    assert load([str(SEEDS)], store, workers=1).ok
    shared = shared_dir()
    cq = shared / "competency-questions" if shared else None
    with endpoint(store, workers=1, query_workers=2, timeout=2.0) as url:
        res = asyncio.run(run(url, clients=8, seconds=6, runaway=True, cq_dir=cq, seed=3))
    assert res["requests"] > 20
    assert res["errors"] == 0, res["classes"]
    for kind in ("lookup", "facts", "heavy"):
        assert res["classes"][kind]["requests"] > 0
        assert set(res["classes"][kind]["codes"]) == {"200"}
    runaway = res["classes"]["runaway"]
    assert runaway["errors"] == 0 and set(runaway["codes"]) <= {"503", "504"}, runaway
