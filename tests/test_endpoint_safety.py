"""Safety under real use: timeouts that kill the work, concurrency, store reloads, CORS, logging, metrics."""

from __future__ import annotations

import json
import logging
import os
import threading

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import Literal, NamedNode, Quad

from syriakg.endpoint.app import create_app
from syriakg.endpoint.sample import build_sample
from syriakg.endpoint.settings import Settings
from syriakg.loaders.store import bump_version, open_store

# 93^5 ≈ 7e9 solutions to count: minutes of work, far past the 1.5 s limit below
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("safety") / "store"
    build_sample(path)
    return path


@pytest.fixture(scope="module")
def client(store_path):
    app = create_app(Settings(store=str(store_path), timeout=1.5, query_workers=2, cors_origins=("https://example.org",)))
    with TestClient(app) as c:
        yield c


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a killed child not yet reaped is a zombie: not doing any work
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_timeout_kills_the_query_while_others_are_served(client):
    state = client.app.state.endpoint
    pids_before = set(state.pool.pids())
    assert len(pids_before) == 2
    slow: dict = {}

    def run_slow() -> None:
        slow["response"] = client.get("/sparql", params={"query": SLOW})

    t = threading.Thread(target=run_slow)
    t.start()
    fast_while_slow_running = 0
    i = 0
    while t.is_alive() and i < 10_000:  # bounded; the slow request ends at the 1.5 s limit
        i += 1
        # a different query text each time, so the result cache cannot answer it
        r = client.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a ?t }} # {i}"})
        assert r.status_code == 200, r.text
        assert r.json()["results"]["bindings"][0]["n"]["value"] == "18"
        if t.is_alive():
            fast_while_slow_running += 1
    t.join(timeout=60)
    assert not t.is_alive()
    r = slow["response"]
    assert r.status_code == 504
    assert "time limit" in r.text and "1.5" in r.text
    assert fast_while_slow_running >= 1
    # the worker that ran the slow query is gone (killed, not left computing), and was replaced
    killed = pids_before - set(state.pool.pids())
    assert len(killed) == 1
    assert not _alive(killed.pop())
    assert state.pool.timeouts >= 1
    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200
    metrics = client.get("/metrics").text
    assert "syriakg_timeouts_total 1" in metrics or "syriakg_timeouts_total 2" in metrics


def test_store_reload_is_seen_after_the_version_changes(client, store_path):
    """The loader writes and bumps the version: workers reopen their read-only handle, the cache moves on."""
    q = "ASK { <http://example.org/late> ?p ?o }"
    assert client.get("/sparql", params={"query": q}).json()["boolean"] is False
    store = open_store(store_path)
    store.add(Quad(NamedNode("http://example.org/late"), NamedNode("http://example.org/p"), Literal("x"),
                   NamedNode("http://example.org/g-late")))
    store.flush()
    del store
    bump_version(store_path)
    for _ in range(4):  # every worker, not just one
        assert client.get("/sparql", params={"query": q}).json()["boolean"] is True


def test_cache_serves_repeated_queries(client):
    state = client.app.state.endpoint
    q = "SELECT ?s WHERE { ?s a <https://schema.org/Country> } ORDER BY ?s"
    first = client.get("/sparql", params={"query": q})
    hits = state.cache.hits
    second = client.get("/sparql", params={"query": q})
    assert second.content == first.content and state.cache.hits == hits + 1
    assert second.headers["content-type"] == first.headers["content-type"]
    assert second.headers["content-length"] == str(len(first.content)) and "Accept" in second.headers["vary"]
    # another Accept is another entry
    third = client.get("/sparql", params={"query": q}, headers={"accept": "text/csv"})
    assert third.headers["content-type"].startswith("text/csv") and state.cache.hits == hits + 1
    # errors are never cached
    bad = {"query": "SELECT ?s WHERE { ?s a }"}
    assert client.get("/sparql", params=bad).status_code == 400
    assert client.get("/sparql", params=bad).status_code == 400 and state.cache.hits == hits + 1


def test_cors(client, store_path):
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"origin": "https://example.org"})
    assert r.headers.get("access-control-allow-origin") == "https://example.org"
    r = client.options("/sparql", headers={"origin": "https://example.org", "access-control-request-method": "POST",
                                           "access-control-request-headers": "content-type"})
    assert r.status_code == 200 and "POST" in r.headers["access-control-allow-methods"]
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    # off by default
    with TestClient(create_app(Settings(store=str(store_path), query_workers=1))) as c:
        r = c.get("/sparql", params={"query": "ASK {}"}, headers={"origin": "https://example.org"})
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_request_log_has_timings(client, caplog):
    with caplog.at_level(logging.INFO, logger="syriakg.endpoint.access"):
        client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    lines = [r.getMessage() for r in caplog.records if r.name == "syriakg.endpoint.access"]
    assert any('"GET /sparql" 200' in m and m.endswith("ms") for m in lines), lines


def test_healthz_and_metrics(client):
    h = client.get("/healthz")
    assert h.status_code == 200 and h.json()["status"] == "ok" and h.json()["writes_enabled"] is False
    m = client.get("/metrics")
    assert m.status_code == 200 and m.headers["content-type"].startswith("text/plain")
    text = m.text
    for name in ("syriakg_http_requests_total", "syriakg_http_request_duration_seconds_bucket",
                 "syriakg_timeouts_total", "syriakg_store_quads", "syriakg_store_bytes"):
        assert name in text, name
    assert 'route="/sparql"' in text
    quads = [line for line in text.splitlines() if line.startswith("syriakg_store_quads ")]
    assert quads and float(quads[0].split()[1]) >= 93
    # query lanes: the earlier tests sent queries through the fast lane, and the slow lane's limit is 2 - 1
    lanes = {line.split()[0]: float(line.split()[1]) for line in text.splitlines() if line.startswith("syriakg_lane_")}
    assert lanes['syriakg_lane_requests_total{lane="fast"}'] >= 1
    assert lanes['syriakg_lane_worker_limit{lane="slow"}'] == 1
    assert 'syriakg_lane_waiting{lane="slow"}' in lanes and "syriakg_burst_workers_started_total" in text


def test_metrics_aggregate_across_http_workers(tmp_path):
    """With several uvicorn workers each writes a snapshot; /metrics adds the live ones up."""
    from syriakg.endpoint.metrics import Metrics

    a, b = Metrics(str(tmp_path)), Metrics(str(tmp_path))
    a.request("/sparql", "GET", 200, 0.01)
    a.flush()
    b.request("/sparql", "GET", 200, 0.02)
    b.request("/sparql", "GET", 200, 0.02)
    text = b.render({})
    # both objects live in this process (same pid): the later snapshot is the one counted
    assert 'syriakg_http_requests_total{code="200",method="GET",route="/sparql"} 2' in text
    other = tmp_path / "999999999.json"  # a dead worker's leftover is ignored
    other.write_text(json.dumps(a.snapshot()))
    assert 'route="/sparql"} 2' in b.render({})


def test_identical_concurrent_queries_run_once(client):
    """Single flight: a second identical request arriving while the first runs shares its answer (here: the 504)."""
    state = client.app.state.endpoint
    calls, timeouts = state.pool.calls, state.pool.timeouts
    q = SLOW + " # single-flight"
    out: list = []
    threads = [threading.Thread(target=lambda: out.append(client.get("/sparql", params={"query": q}))) for _ in range(2)]
    threads[0].start()
    while state.pool.calls == calls:  # bounded by the first request reaching the pool (well before its 1.5 s limit)
        threads[0].join(timeout=0.01)
        assert threads[0].is_alive(), "the first request ended before reaching the pool"
    threads[1].start()
    for t in threads:
        t.join(timeout=60)
    assert [r.status_code for r in out] == [504, 504]
    assert state.pool.calls == calls + 1 and state.pool.timeouts == timeouts + 1


def test_query_worker_killed_while_idle_is_replaced_without_a_failed_request(client):
    """A query worker that dies between requests (OOM killer, an operator's kill) costs no client an error."""
    import signal
    import time

    state = client.app.state.endpoint
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o } # warm"}).status_code == 200
    victim = state.pool.pids()[-1]
    restarts = state.pool.restarts
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 30  # bounded wait for the pool to notice the end of the pipe (no timing asserted)
    while victim in state.pool.pids() and time.monotonic() < deadline:
        threading.Event().wait(0.01)
    assert victim not in state.pool.pids()
    # every later request is answered, whichever worker the pool takes first
    for i in range(6):
        r = client.get("/sparql", params={"query": f"ASK {{ ?s ?p ?o }} # after kill {i}"})
        assert r.status_code == 200, r.text
    assert state.pool.restarts > restarts


def test_burst_worker_answers_a_cheap_query_while_every_worker_runs_a_long_one(store_path):
    """With --burst-workers, a lookup is not stuck behind long queries until their timeout."""
    app = create_app(Settings(store=str(store_path), timeout=8, query_workers=2, burst_workers=1))
    with TestClient(app) as c:
        state = c.app.state.endpoint
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o } # up"}).status_code == 200
        codes: list[int] = []
        longs = [threading.Thread(target=lambda i=i: codes.append(
            c.get("/sparql", params={"query": SLOW + f" # long {i}"}).status_code)) for i in range(2)]
        for t in longs:
            t.start()
        while len(state.pool._busy) < 2 and all(t.is_alive() for t in longs):  # both workers taken (bounded by the threads)
            threading.Event().wait(0.005)
        assert len(state.pool._busy) == 2
        r = c.get("/sparql", params={"query": "SELECT ?p WHERE { ?s ?p ?o } LIMIT 1"})
        answered_before_any_timeout = state.pool.timeouts == 0
        assert r.status_code == 200 and answered_before_any_timeout
        assert state.pool.bursts >= 1
        # the burst worker served its one request and is gone: back to the two regular workers
        assert len(state.pool._extra) == 0
        for t in longs:
            t.join(timeout=60)
        assert sorted(codes) == [504, 504]
