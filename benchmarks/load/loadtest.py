"""Load test of the endpoint: 64 clients on loopback, a mix of lookups, facts and heavy queries, plus one client
that only sends a runaway query; closed loop (the issue's run) or open loop at a stated rate.

    python benchmarks/load/loadtest.py --store /tmp/f6/scale                  # closed loop, 64 clients, 60 s
    python benchmarks/load/loadtest.py --store S --rate 60 --compare-runaway  # open loop at 60 req/s, +/- runaway
    python benchmarks/load/loadtest.py --store S --capacity --rate 20         # find the highest passing rate
    python benchmarks/load/loadtest.py --url http://127.0.0.1:8000 --server-pid PID   # an endpoint already running

A small asyncio load generator (raw keep-alive HTTP/1.1 sockets, so that it costs the shared CPUs little; no
extra dependency), to 127.0.0.1 only.  Two ways to offer load:

* **closed loop** (default): `--clients` clients, each sending its next request when the previous one is
  answered.  At 64 clients this saturates 2 cores: it measures throughput and how the endpoint shares a
  saturated CPU between request classes, and latency is mostly queueing (Little's law: 64 / throughput).
* **open loop** (`--rate R`): requests are *scheduled* at R per second (Poisson arrivals; `--fixed-arrivals`
  evenly spaced) and handed to `--clients` keep-alive connections; latency counts from the scheduled time,
  so time spent waiting for a free connection is counted and no sample is left out when the server slows down
  (no coordinated omission).  A backlog beyond 2 s of arrivals marks the step saturated.  `--capacity` steps
  the rate up (x`--step`) until a step fails and prints the highest rate with zero errors and lookup p99
  <= 50 ms; `--compare-runaway` runs every point with and without the runaway client.

The request mix (weights, `--weights`):

* lookup (cheap): all triples of one random entity, or one random article's headline and date;
* facts (cheap to medium): `GET /facts?entity=Q...` when the endpoint has it, else the CQ2 query for a QID;
* heavy: competency questions over the whole corpus (CQ1, CQ3, CQ4, CQ6, CQ7), with a nonce comment so
  that the result cache does not answer them (`--heavy-cached`: verbatim, so repeats come from the cache).
  Each is probed once before the run; one that does not finish within the endpoint's timeout on this
  store is reported ("dropped") and left out of the mix, since it could only ever count as an error;
* runaway: one extra client sends a query that never finishes in time (a cross product); the endpoint
  must cut it at its timeout (504/503 expected for it) while the others stay fast.

When it starts the endpoint itself it passes `--server-timing`, waits until the `/facts` indexes are built
(/healthz), and counts the CPU of every server process (/proc, by session).  It prints per run a markdown
table (per class: requests, errors, p50/p95/p99/max latency, status codes), where the time went (mean per
Server-Timing stage, over all requests and over the slowest 1%), the machine and its load average, the
generator's own CPU, the server's CPU per request, and the issue's verdicts: zero errors (non-2xx or transport
errors, runaway excepted) and cheap-query (lookup) p99 <= 50 ms.  JSON: `benchmarks/load/results/latest.json`
(`capacity.json` with `--capacity`, or `--results FILE`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.load.proccpu import diff, session_cpu  # noqa: E402
from benchmarks.load.serve import endpoint  # noqa: E402
from syriakg.endpoint.timing import parse as parse_timing  # noqa: E402

HERE = Path(__file__).resolve().parent
PREFIXES = """PREFIX kg: <https://w3id.org/syriakg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX wd: <http://www.wikidata.org/entity/>
"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
WEIGHTS = {"lookup": 70, "facts": 20, "heavy": 10}
# whole-corpus competency questions used as the heavy class (those that finish within the timeout are kept)
HEAVY_CQS = ("cq1", "cq3", "cq4", "cq6", "cq7")


def percentile(xs: list[float], p: float) -> float:
    if not xs:
        return 0.0
    s = sorted(xs)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


class Mix:
    """Builds requests from a sample of the store's entities, QIDs and articles."""

    def __init__(self, client: httpx.Client, cq_dir: Path | None, heavy_cached: bool = False,
                 probe_limit: float = 2.5) -> None:
        def select(q: str) -> list[dict[str, str]]:
            r = client.get("/sparql", params={"query": PREFIXES + q},
                           headers={"Accept": "application/sparql-results+json"}, timeout=120)
            r.raise_for_status()
            return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]

        self.entities = [r["e"] for r in select("SELECT DISTINCT ?e WHERE { ?m <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?e } LIMIT 2000")]
        self.qids = [r["q"].rsplit("/", 1)[1] for r in select("SELECT DISTINCT ?q WHERE { ?e owl:sameAs ?q } LIMIT 500")
                     if "wikidata.org/entity/Q" in r["q"]]
        self.articles = [r["a"] for r in select("SELECT ?a WHERE { ?a a schema:NewsArticle } LIMIT 5000")]
        if not (self.entities and self.articles):
            raise SystemExit("the store looks empty: load articles first")
        self.has_facts = client.get("/openapi.json").json().get("paths", {}).get("/facts") is not None
        self.heavy_cached = heavy_cached
        self.heavy: list[str] = []
        self.heavy_names: list[str] = []
        self.heavy_dropped: dict[str, str] = {}  # competency questions that did not finish in time on this store
        candidates: list[tuple[str, str]] = []
        if cq_dir and cq_dir.is_dir():
            for name in HEAVY_CQS:
                for f in sorted(cq_dir.glob(f"{name}*.rq")):
                    candidates.append((f.stem, f.read_text(encoding="utf-8")))
        if not candidates:
            candidates = [("types", PREFIXES + "SELECT ?t (COUNT(?x) AS ?n) WHERE { ?x a ?t } GROUP BY ?t ORDER BY DESC(?n)")]
        for name, q in candidates:  # each once, with a nonce: what an uncached run costs (and warms the store)
            t0 = time.perf_counter()
            r = client.get("/sparql", params={"query": f"# probe {random.random()}\n{q}"},
                           headers={"Accept": "application/sparql-results+json"}, timeout=600)
            took = time.perf_counter() - t0
            if r.status_code == 200 and took > probe_limit:
                self.heavy_dropped[name] = f"{took:.1f} s on an idle endpoint: too close to its timeout to finish under load"
            elif r.status_code == 200:
                self.heavy.append(q)
                self.heavy_names.append(f"{name} ({took:.2f} s)")
            else:
                self.heavy_dropped[name] = f"HTTP {r.status_code} after {took:.1f} s"
        if not self.heavy:
            raise SystemExit(f"no heavy query finishes within the endpoint's timeout: {self.heavy_dropped}")
        self.cq2 = PREFIXES + """SELECT DISTINCT ?meeting ?type ?date ?status ?evidence WHERE {
            ?person owl:sameAs wd:QID . ?meeting sem:hasActor ?person ; a ?type ; kg:status ?status ;
            prov:wasDerivedFrom ?s . ?type rdfs:subClassOf* kg:Meeting . OPTIONAL { ?meeting kg:date ?date }
            ?s nif:anchorOf ?evidence } LIMIT 100"""

    def request(self, kind: str, rnd: random.Random) -> tuple[str, dict[str, str]]:
        """(path, query parameters) of one request of this kind."""
        if kind == "lookup":
            if rnd.random() < 0.5:
                q = f"SELECT ?p ?o WHERE {{ <{rnd.choice(self.entities)}> ?p ?o }} LIMIT 50"
            else:
                q = (PREFIXES + f"SELECT ?h ?d WHERE {{ <{rnd.choice(self.articles)}> schema:headline ?h . "
                     "OPTIONAL { ?x schema:datePublished ?d } } LIMIT 1").replace("?x", f"<{rnd.choice(self.articles)}>")
            return "/sparql", {"query": q}
        if kind == "facts":
            qid = rnd.choice(self.qids) if self.qids else "Q58217"
            if self.has_facts:
                return "/facts", {"entity": qid, "limit": "20", "format": "json"}
            return "/sparql", {"query": self.cq2.replace("QID", qid)}
        if kind == "heavy":
            q = rnd.choice(self.heavy)
            return "/sparql", {"query": q if self.heavy_cached else f"# nonce {rnd.random()}\n{q}"}
        return "/sparql", {"query": f"# nonce {rnd.random()}\n{RUNAWAY}"}


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, str | None, bool]:
    """Status code, Server-Timing header and "the server closes the connection" of one HTTP/1.1 response, its
    body read (Content-Length or chunked) and dropped."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:]) if k}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            await reader.readexactly(size + 2)
    return status, headers.get("server-timing"), headers.get("connection", "").lower() == "close"


def _request(host: str, path: str, params: dict[str, str]) -> bytes:
    """The request bytes up to the send-time header (added by `Conn.send`, which knows the time)."""
    accept = "application/sparql-results+json" if path == "/sparql" else "application/json"
    target = f"{path}?{urlencode(params)}"
    return (f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: {accept}\r\nUser-Agent: syriakg-loadtest\r\n"
            "Connection: keep-alive\r\n").encode("ascii")


class Conn:
    """One keep-alive HTTP/1.1 connection (raw sockets: the generator shares the CPUs with the server, so it
    must cost as little as possible per request); reconnects after a transport error."""

    def __init__(self, url: str) -> None:
        u = urlsplit(url)
        self.host, self.port, self.netloc = u.hostname or "127.0.0.1", u.port or 80, u.netloc
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def send(self, path: str, params: dict[str, str]) -> tuple[int | str, str | None]:
        """(status code or transport error name, Server-Timing header).

        Like any HTTP client with a connection pool, it sends again once on a new connection when a reused
        keep-alive connection turns out closed before any byte of the answer came (the server closes idle
        connections after its keep-alive timeout: in the open loop a connection can sit idle that long)."""
        req = _request(self.netloc, path, params)
        for attempt in (0, 1):
            reused = self.writer is not None
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                assert self.reader is not None
                # the send time on the shared monotonic clock: the server reports how long the request sat in its
                # socket and event loop before the app saw it (Server-Timing `in`, with --server-timing)
                self.writer.write(req + b"X-Sent-Monotonic-Ns: %d\r\n\r\n" % time.monotonic_ns())
                status, timing, close = await asyncio.wait_for(_read_response(self.reader), 120)
                if close:
                    self.close()
                return status, timing
            except (asyncio.IncompleteReadError, ConnectionResetError, BrokenPipeError) as err:
                self.close()
                nothing_read = not isinstance(err, asyncio.IncompleteReadError) or not err.partial
                if reused and attempt == 0 and nothing_read:
                    continue
                return type(err).__name__, None
            except (OSError, TimeoutError, ValueError) as err:
                self.close()
                return type(err).__name__, None
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _new_stats() -> dict:
    return defaultdict(lambda: {"lat": [], "codes": defaultdict(int), "errors": 0, "timings": []})


def _record(stats: dict, kind: str, dt: float, code: int | str, server_timing: str | None,
            sched_wait: float | None = None) -> None:
    s = stats[kind]
    s["lat"].append(dt)
    s["codes"][str(code)] += 1
    ok = isinstance(code, int) and 200 <= code < 300
    if kind == "runaway":
        ok = ok or code in (503, 504)  # cut at the timeout, as it must be
    if not ok:
        s["errors"] += 1
    if server_timing is not None or sched_wait is not None:
        st = parse_timing(server_timing) if server_timing else {}
        if sched_wait is not None:
            st["sched"] = sched_wait * 1000
        s["timings"].append((dt, st))


async def client_loop(cid: int, url: str, mix: Mix, until: float, stats: dict, kinds: list[str] | None,
                      seed: int) -> None:
    """One closed-loop client: a keep-alive connection, the next request as soon as the previous one is answered."""
    rnd = random.Random(seed * 1000 + cid)
    population = list(WEIGHTS)
    weights = [WEIGHTS[k] for k in population]
    conn = Conn(url)
    while time.monotonic() < until:
        kind = kinds[0] if kinds else rnd.choices(population, weights)[0]
        path, params = mix.request(kind, rnd)
        t0 = time.perf_counter()
        code, st = await conn.send(path, params)
        _record(stats, kind, time.perf_counter() - t0, code, st)
    conn.close()


async def open_loop(url: str, mix: Mix, rate: float, seconds: float, connections: int, stats: dict, seed: int,
                    poisson: bool = True, max_backlog_s: float = 2.0) -> dict:
    """Open loop: requests are *scheduled* at `rate` per second (Poisson or evenly spaced arrivals) and handed
    to `connections` keep-alive connections; each latency counts from the scheduled time, so time spent
    waiting for a free connection (the server being slow) is counted and no sample is omitted (no
    coordinated omission).  When the backlog of scheduled but unsent requests passes `max_backlog_s` seconds
    of arrivals the offered load is beyond capacity: scheduling stops and the step is marked saturated."""
    rnd = random.Random(seed)
    population = list(WEIGHTS)
    weights = [WEIGHTS[k] for k in population]
    queue: asyncio.Queue = asyncio.Queue()

    async def connection() -> None:
        conn = Conn(url)
        while True:
            item = await queue.get()
            if item is None:
                break
            scheduled, kind, path, params = item
            sent = time.perf_counter()
            code, st = await conn.send(path, params)
            done = time.perf_counter()
            _record(stats, kind, done - scheduled, code, st, sent - scheduled)
        conn.close()

    tasks = [asyncio.create_task(connection()) for _ in range(connections)]
    start = time.perf_counter()
    end = start + seconds
    nxt = start
    scheduled = 0
    saturated = False
    while nxt < end:
        now = time.perf_counter()
        if nxt > now:
            await asyncio.sleep(nxt - now)
        if queue.qsize() > max(connections, rate * max_backlog_s):
            saturated = True
            break
        kind = rnd.choices(population, weights)[0]
        queue.put_nowait((nxt, kind, *mix.request(kind, rnd)))
        scheduled += 1
        nxt += rnd.expovariate(rate) if poisson else 1.0 / rate
    unsent = 0
    if saturated:  # drop what never got a connection: counted, not measured
        while not queue.empty():
            queue.get_nowait()
            unsent += 1
    for _ in tasks:
        queue.put_nowait(None)
    await asyncio.gather(*tasks)
    return {"offered_rate": rate, "arrivals": "poisson" if poisson else "fixed", "scheduled": scheduled,
            "unsent": unsent, "saturated": saturated, "connections": connections,
            "schedule_seconds": round(min(time.perf_counter(), end) - start, 1)}


def _stage_summary(timings: list[tuple[float, dict]], p99: float) -> dict:
    """Mean ms per Server-Timing stage, over all requests and over the slowest 1% (latency >= p99), plus
    `outside` = client latency minus the server's `app` time (generator queue + socket + event loop before
    the app) and the share answered from the result cache."""
    def means(rows: list[tuple[float, dict]]) -> dict:
        acc: dict[str, float] = defaultdict(float)
        for dt, st in rows:
            for k, v in st.items():
                if isinstance(v, float):
                    acc[k] += v
            if isinstance(st.get("app"), float):
                acc["outside"] += dt * 1000 - st["app"]
        n = max(1, len(rows))
        return {k: round(v / n, 2) for k, v in sorted(acc.items())}

    if not timings:
        return {}
    tail = [t for t in timings if t[0] >= p99]
    lanes: dict[str, int] = defaultdict(int)
    for _, st in timings:
        lane = st.get("lane")
        lanes[lane if isinstance(lane, str) else "-"] += 1
    return {"all": means(timings), "slowest_1pct": means(tail), "cache_hit_share": round(
        sum(1 for _, st in timings if "hit" in st) / len(timings), 3), "lanes": dict(lanes)}


def summarise(stats: dict, wall: float, cpu: float, mix: Mix, heavy_cached: bool, **extra: object) -> dict:
    out: dict = {**extra, "seconds": round(wall, 1), "generator_cpu_s": round(cpu, 2), "heavy": mix.heavy_names,
                 "heavy_dropped": mix.heavy_dropped, "heavy_cached": heavy_cached, "classes": {}}
    total = 0
    for kind, s in sorted(stats.items()):
        lat = s["lat"]
        total += len(lat)
        p99 = percentile(lat, 99)
        out["classes"][kind] = {
            "requests": len(lat), "errors": s["errors"], "codes": dict(s["codes"]),
            "p50_ms": round(1000 * percentile(lat, 50), 1), "p95_ms": round(1000 * percentile(lat, 95), 1),
            "p99_ms": round(1000 * p99, 1), "max_ms": round(1000 * max(lat, default=0), 1),
            "stages_ms": _stage_summary(s["timings"], p99),
        }
    out["requests"] = total
    out["rps"] = round(total / wall, 1) if wall else 0.0
    out["generator_cpu_ms_per_request"] = round(1000 * cpu / total, 3) if total else None
    out["errors"] = sum(c["errors"] for k, c in out["classes"].items() if k != "runaway")
    out["runaway_errors"] = out["classes"].get("runaway", {}).get("errors", 0)
    cheap = out["classes"].get("lookup", {})
    out["verdict"] = {"zero errors": out["errors"] == 0 and out["runaway_errors"] == 0 and not out.get("unsent"),
                      "cheap p99 <= 50 ms": cheap.get("p99_ms", 1e9) <= 50}
    return out


def wait_until_warm(url: str, limit: float = 600.0, streak: int = 12) -> float:
    """Wait until the endpoint's /facts indexes are built (each HTTP worker builds its own in the background at
    start: seconds of CPU on the 35k store, which a measurement must not include); `streak` ready answers in a
    row so that every HTTP worker has most likely answered.  Returns the seconds waited."""
    t0 = time.perf_counter()
    ok = 0
    with httpx.Client(base_url=url, timeout=30) as c:
        while ok < streak and time.perf_counter() - t0 < limit:
            state = c.get("/healthz").json().get("facts_index", "ready")
            ok = ok + 1 if state in ("ready", "on demand") else 0
            time.sleep(0.05 if ok else 0.5)
    return round(time.perf_counter() - t0, 1)


def make_mix(url: str, cq_dir: Path | None, heavy_cached: bool = False, probe_limit: float = 2.5) -> Mix:
    """The request mix; a heavy query whose probe takes more than `probe_limit` seconds (default: half the
    load test's 5 s endpoint timeout) is dropped: under load it would run into the timeout."""
    with httpx.Client(base_url=url, timeout=120) as c:
        return Mix(c, cq_dir, heavy_cached, probe_limit)


async def run(url: str, clients: int, seconds: float, runaway: bool, cq_dir: Path | None, seed: int,
              heavy_cached: bool = False, *, rate: float | None = None, poisson: bool = True,
              mix: Mix | None = None, server_sid: int | None = None) -> dict:
    """One run: closed loop (`clients` clients back to back) or, with `rate`, open loop (that many requests per
    second scheduled over `clients` connections); plus one closed-loop runaway client if `runaway`."""
    if mix is None:
        mix = make_mix(url, cq_dir, heavy_cached)
    stats: dict = _new_stats()
    until = time.monotonic() + seconds
    tasks = []
    if runaway:
        tasks.append(client_loop(clients, url, mix, until, stats, ["runaway"], seed))
    cpu_before = session_cpu(server_sid) if server_sid else {}
    t0, cpu0 = time.perf_counter(), time.process_time()
    extra: dict = {"url": url, "clients": clients, "runaway_client": runaway,
                   "mode": "open" if rate else "closed"}
    if rate:
        ol, *_ = await asyncio.gather(open_loop(url, mix, rate, seconds, clients, stats, seed, poisson), *tasks)
        extra.update(ol)
    else:
        tasks += [client_loop(i, url, mix, until, stats, None, seed) for i in range(clients)]
        await asyncio.gather(*tasks)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    out = summarise(stats, wall, cpu, mix, heavy_cached, **extra)
    if server_sid:
        used = diff(cpu_before, session_cpu(server_sid))
        served = sum(c["requests"] for k, c in out["classes"].items() if k != "runaway")
        out["server_cpu_s"] = used
        out["server_cpu_ms_per_request"] = round(1000 * sum(used.values()) / served, 2) if served else None
    return out


def machine() -> dict:
    """What the numbers came from: CPUs, memory, Python, and how busy the machine was."""
    mem = 0
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            mem = int(fh.readline().split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return {"cpus": os.cpu_count(), "memory_mb": mem, "python": platform.python_version(),
            "platform": platform.platform(terse=True)}


STAGES = ("outside", "sched", "in", "pre", "wait", "exec", "wcpu", "handler", "hcpu", "app")


def markdown(res: dict) -> str:
    """The result as a markdown table (one row per request class) with the verdicts under it."""
    m = res.get("machine", {})
    if res.get("mode") == "open":
        what = (f"open loop, {res['offered_rate']} req/s offered ({res['arrivals']} arrivals) over {res['clients']} "
                f"connections{' + 1 runaway client' if res['runaway_client'] else ''}"
                + (f", **saturated** ({res['unsent']} requests never sent)" if res.get("saturated") else ""))
    else:
        what = f"closed loop, {res['clients']} clients{' + 1 runaway client' if res['runaway_client'] else ''}"
    cpu = res.get("server_cpu_s")
    lines = [
        f"{what}, {res['seconds']} s, {res['requests']} requests ({res['rps']}/s), errors {res['errors']} "
        f"(runaway: {res['runaway_errors']}); machine: {m.get('cpus')} CPUs, {m.get('memory_mb')} MB; load average "
        f"before {res.get('load_average_before')}, after {res.get('load_average_after')}; load generator CPU "
        f"{res.get('generator_cpu_s')} s ({res.get('generator_cpu_ms_per_request')} ms/request)"
        + (f"; server CPU {round(sum(cpu.values()), 1)} s {cpu} = **{res.get('server_cpu_ms_per_request')} ms per "
           "request** (runaway excluded from the count)" if cpu else ""),
        "",
        f"heavy class ({'cached: the same texts repeated' if res.get('heavy_cached') else 'uncached: a nonce per request'}):"
        f" {', '.join(res.get('heavy', []))}"
        + (f"; dropped (no answer within the endpoint's timeout): {res['heavy_dropped']}" if res.get("heavy_dropped") else ""),
        "",
        "| class | requests | errors | p50 ms | p95 ms | p99 ms | max ms | status codes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for k, c in res["classes"].items():
        codes = ", ".join(f"{code}×{n}" for code, n in sorted(c["codes"].items()))
        lines.append(f"| {k} | {c['requests']} | {c['errors']} | {c['p50_ms']} | {c['p95_ms']} | {c['p99_ms']} | "
                     f"{c['max_ms']} | {codes} |")
    staged = {k: c["stages_ms"] for k, c in res["classes"].items() if c.get("stages_ms")}
    if staged:
        lines += ["", "Where the time went (mean ms per request, from the server's Server-Timing header; `outside` = "
                  "latency − server app time: generator queue, socket, HTTP worker event loop before the app):", "",
                  "| class | requests | cache hits | " + " | ".join(STAGES) + " |",
                  "|---|---|---|" + "---|" * len(STAGES)]
        for k, st in staged.items():
            for which in ("all", "slowest_1pct"):
                row = st[which]
                lines.append(f"| {k} | {'all' if which == 'all' else 'slowest 1%'} | {st['cache_hit_share']:.0%} | "
                             + " | ".join(str(row.get(s, "")) for s in STAGES) + " |")
    lines.append("")
    lines += [f"- {k}: **{'PASS' if v else 'FAIL'}**" for k, v in res["verdict"].items()]
    return "\n".join(lines)


def capacity_table(steps: list[dict]) -> str:
    lines = ["| offered req/s | runaway | achieved req/s | lookup p50 ms | lookup p99 ms | facts p99 ms | heavy p99 ms "
             "| errors | server CPU ms/req | pass |", "|---|---|---|---|---|---|---|---|---|---|"]
    for r in steps:
        c = r["classes"]
        ok = all(r["verdict"].values()) and not r.get("saturated")
        lines.append(f"| {r['offered_rate']} | {'yes' if r['runaway_client'] else 'no'} | {r['rps']} | "
                     f"{c.get('lookup', {}).get('p50_ms')} | {c.get('lookup', {}).get('p99_ms')} | "
                     f"{c.get('facts', {}).get('p99_ms')} | {c.get('heavy', {}).get('p99_ms')} | "
                     f"{r['errors']}{' (saturated)' if r.get('saturated') else ''} | "
                     f"{r.get('server_cpu_ms_per_request')} | {'yes' if ok else 'no'} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--store", type=Path, help="start `syriakg serve` on this store (loopback, a free port)")
    g.add_argument("--url", help="an endpoint already running (loopback)")
    ap.add_argument("--clients", type=int, default=64, help="closed loop: clients; open loop: connections")
    ap.add_argument("--seconds", type=float, default=60, help="per run (per step with --capacity)")
    ap.add_argument("--rate", type=float, default=None,
                    help="open loop: schedule this many requests per second (latency from the scheduled time)")
    ap.add_argument("--fixed-arrivals", action="store_true", help="open loop: evenly spaced, not Poisson")
    ap.add_argument("--capacity", action="store_true",
                    help="open loop, step the rate up from --rate (default 25) by --step until a step fails (errors, "
                         "saturation or lookup p99 > 50 ms); report the highest rate that passed")
    ap.add_argument("--step", type=float, default=1.25, help="--capacity: rate factor per step")
    ap.add_argument("--compare-runaway", action="store_true",
                    help="run each point twice, with and without the runaway client (the issue's question)")
    ap.add_argument("--no-runaway", action="store_true")
    ap.add_argument("--weights", default=None,
                    help="request mix, e.g. lookup=70,facts=20,heavy=10 (the default); for diagnosis")
    ap.add_argument("--heavy-cached", action="store_true",
                    help="send the heavy queries verbatim (the result cache answers repeats); default: a nonce each")
    ap.add_argument("--timeout", type=float, default=5.0, help="query timeout given to the endpoint it starts")
    ap.add_argument("--http-workers", type=int, default=2)
    ap.add_argument("--query-workers", type=int, default=3)
    ap.add_argument("--burst-workers", type=int, default=0,
                    help="`syriakg serve --burst-workers N`: extra query workers while all run long queries")
    ap.add_argument("--no-server-timing", action="store_true",
                    help="start the endpoint without --server-timing (no per-stage breakdown)")
    ap.add_argument("--server-pid", type=int, default=None,
                    help="with --url: the server's session id (its pid when started with setsid), to count its CPU")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cq", type=Path, default=None, help="competency-questions folder (default ../shared/...)")
    ap.add_argument("--results", type=Path, default=None, help="results JSON (default results/latest.json, or "
                    "results/capacity.json with --capacity)")
    args = ap.parse_args()
    if args.url and not args.url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
        raise SystemExit("loopback only")
    cq = args.cq or Path(__file__).resolve().parents[3] / "shared" / "competency-questions"
    if args.weights:
        WEIGHTS.clear()
        WEIGHTS.update({k: int(v) for k, _, v in (w.partition("=") for w in args.weights.split(",")) if int(v) > 0})
    (HERE / "results").mkdir(exist_ok=True)

    def points(sid: int | None, url: str) -> dict:
        warm_s = wait_until_warm(url)
        print(f"endpoint warm (facts indexes built) after {warm_s} s", flush=True)
        mix = make_mix(url, cq, args.heavy_cached, probe_limit=args.timeout / 2)
        runaways = [True, False] if args.compare_runaway else [not args.no_runaway]

        seeds = iter(range(args.seed, args.seed + 10_000))

        def one(rate: float | None, runaway: bool) -> dict:
            # a new seed per run: a repeated sequence would be answered from the result cache
            before = [round(x, 2) for x in os.getloadavg()]
            r = asyncio.run(run(url, args.clients, args.seconds, runaway, cq, next(seeds), args.heavy_cached,
                                rate=rate, poisson=not args.fixed_arrivals, mix=mix, server_sid=sid))
            r["machine"] = machine()
            r["load_average_before"] = before
            r["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
            print(markdown(r), "\n", flush=True)
            return r

        if not args.capacity:
            return {"runs": [one(args.rate, ra) for ra in runaways]}
        steps: list[dict] = []
        rate = args.rate or 25.0
        best: dict[bool, float | None] = {ra: None for ra in runaways}
        while True:
            results = [one(round(rate, 1), ra) for ra in runaways]
            steps += results
            passed = [all(r["verdict"].values()) and not r.get("saturated") for r in results]
            for r, ok in zip(results, passed, strict=True):
                if ok:
                    best[r["runaway_client"]] = r["offered_rate"]
            if not any(passed):  # each point is run while either variant still passes
                break
            rate *= args.step
        print(capacity_table(steps))
        for ra, b in best.items():
            print(f"capacity {'with' if ra else 'without'} the runaway client: "
                  f"{b if b is not None else 'below the first step'} req/s (zero errors, lookup p99 <= 50 ms)")
        return {"runs": steps, "capacity_rps": {"with_runaway" if ra else "without_runaway": b for ra, b in best.items()}}

    if args.url:
        res = points(args.server_pid, args.url)
    else:
        extra = ["--burst-workers", str(args.burst_workers)] + ([] if args.no_server_timing else ["--server-timing"])
        info: dict = {}
        with endpoint(args.store, workers=args.http_workers, query_workers=args.query_workers, extra=extra,
                      timeout=args.timeout, info=info,
                      log=HERE / "results" / "serve.log" if (HERE / "results").is_dir() else None) as url:
            res = points(info.get("pid"), url)
        res["endpoint"] = {"http_workers": args.http_workers, "query_workers": args.query_workers,
                           "burst_workers": args.burst_workers, "server_timing": not args.no_server_timing,
                           "timeout_s": args.timeout, "store": str(args.store)}
    res["command"] = " ".join(sys.argv)
    out = args.results or HERE / "results" / ("capacity.json" if args.capacity else "latest.json")
    out.write_text(json.dumps(res, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
