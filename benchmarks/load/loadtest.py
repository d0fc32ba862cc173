"""Load test of the endpoint: 64 concurrent clients for 60 s on loopback, a mix of lookups, facts and heavy
queries, plus one client that only sends a runaway query.

    python benchmarks/load/loadtest.py --store /tmp/ingest-bench/store-all     # starts `syriakg serve` itself
    python benchmarks/load/loadtest.py --url http://127.0.0.1:8000             # or an endpoint already running

A small asyncio load generator (raw keep-alive HTTP/1.1 sockets, so that it costs
the shared CPUs little; no extra dependency), bounded: a fixed number of
clients, each sending its next request when the previous one is answered, for
a fixed time, to 127.0.0.1 only.  The request mix (weights):

* lookup (cheap): all triples of one random entity, or one random article's headline and date;
* facts (cheap to medium): `GET /facts?entity=Q...` when the endpoint has it, else the CQ2 query for a QID;
* heavy: competency questions over the whole corpus (CQ1, CQ3, CQ4, CQ6, CQ7), with a nonce comment so
  that the result cache does not answer them (`--heavy-cached`: verbatim, so repeats come from the cache).
  Each is probed once before the run; one that does not finish within the endpoint's timeout on this
  store is reported ("dropped") and left out of the mix, since it could only ever count as an error;
* runaway: one extra client sends a query that never finishes in time (a cross product); the endpoint
  must cut it at its timeout (504/503 expected for it) while the others stay fast.

Prints a markdown table: per class, requests, errors, p50/p95/p99/max latency
and status codes, with the machine, its load average before and after, and
the generator's own CPU time; then the issue's targets: zero errors (non-2xx or
transport errors, runaway excepted) and cheap-query (lookup) p99 <= 50 ms.
Results also go to `benchmarks/load/results/latest.json`.
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

from benchmarks.load.serve import endpoint  # noqa: E402

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

    def __init__(self, client: httpx.Client, cq_dir: Path | None, heavy_cached: bool = False) -> None:
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
            if r.status_code == 200:
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


async def _read_response(reader: asyncio.StreamReader) -> int:
    """Status code of one HTTP/1.1 response, its body read (Content-Length or chunked) and dropped."""
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
    if headers.get("connection", "").lower() == "close":
        raise ConnectionResetError("server closed the connection")
    return status


def _request(host: str, path: str, params: dict[str, str]) -> bytes:
    accept = "application/sparql-results+json" if path == "/sparql" else "application/json"
    target = f"{path}?{urlencode(params)}"
    return (f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: {accept}\r\nUser-Agent: syriakg-loadtest\r\n"
            "Connection: keep-alive\r\n\r\n").encode("ascii")


async def client_loop(cid: int, url: str, mix: Mix, until: float, stats: dict, kinds: list[str] | None,
                      seed: int) -> None:
    """One client: a keep-alive connection, the next request as soon as the previous one is answered.

    A raw HTTP/1.1 client (no httpx in the timed loop): the generator shares the 2 CPUs with the server, so it
    must cost as little as possible per request.
    """
    rnd = random.Random(seed * 1000 + cid)
    population = list(WEIGHTS)
    weights = [WEIGHTS[k] for k in population]
    u = urlsplit(url)
    host, port = u.hostname or "127.0.0.1", u.port or 80
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    while time.monotonic() < until:
        kind = kinds[0] if kinds else rnd.choices(population, weights)[0]
        path, params = mix.request(kind, rnd)
        req = _request(u.netloc, path, params)
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            assert reader is not None
            writer.write(req)
            code: int | str = await asyncio.wait_for(_read_response(reader), 120)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as err:
            code = type(err).__name__
            if writer is not None:
                writer.close()
            reader = writer = None
        dt = time.perf_counter() - t0
        s = stats[kind]
        s["lat"].append(dt)
        s["codes"][str(code)] += 1
        ok = isinstance(code, int) and 200 <= code < 300
        if kind == "runaway":
            ok = ok or code in (503, 504)  # cut at the timeout, as it must be
        if not ok:
            s["errors"] += 1
    if writer is not None:
        writer.close()


async def run(url: str, clients: int, seconds: float, runaway: bool, cq_dir: Path | None, seed: int,
              heavy_cached: bool = False) -> dict:
    with httpx.Client(base_url=url, timeout=120) as c:
        mix = Mix(c, cq_dir, heavy_cached)
    stats: dict = defaultdict(lambda: {"lat": [], "codes": defaultdict(int), "errors": 0})
    until = time.monotonic() + seconds
    tasks = [client_loop(i, url, mix, until, stats, None, seed) for i in range(clients)]
    if runaway:
        tasks.append(client_loop(clients, url, mix, until, stats, ["runaway"], seed))
    t0, cpu0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*tasks)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    out = {"url": url, "clients": clients, "runaway_client": runaway, "seconds": round(wall, 1),
           "generator_cpu_s": round(cpu, 1), "heavy": mix.heavy_names, "heavy_dropped": mix.heavy_dropped,
           "heavy_cached": heavy_cached, "classes": {}}
    total = 0
    for kind, s in sorted(stats.items()):
        lat = s["lat"]
        total += len(lat)
        out["classes"][kind] = {
            "requests": len(lat), "errors": s["errors"], "codes": dict(s["codes"]),
            "p50_ms": round(1000 * percentile(lat, 50), 1), "p95_ms": round(1000 * percentile(lat, 95), 1),
            "p99_ms": round(1000 * percentile(lat, 99), 1), "max_ms": round(1000 * max(lat, default=0), 1),
        }
    out["requests"] = total
    out["rps"] = round(total / wall, 1)
    out["errors"] = sum(c["errors"] for k, c in out["classes"].items() if k != "runaway")
    out["runaway_errors"] = out["classes"].get("runaway", {}).get("errors", 0)
    cheap = out["classes"].get("lookup", {})
    out["verdict"] = {"zero errors": out["errors"] == 0 and out["runaway_errors"] == 0,
                      "cheap p99 <= 50 ms": cheap.get("p99_ms", 1e9) <= 50}
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


def markdown(res: dict) -> str:
    """The result as a markdown table (one row per request class) with the verdicts under it."""
    m = res.get("machine", {})
    lines = [
        f"{res['clients']} clients{' + 1 runaway client' if res['runaway_client'] else ''}, {res['seconds']} s, "
        f"{res['requests']} requests ({res['rps']}/s), errors {res['errors']} (runaway: {res['runaway_errors']}); "
        f"machine: {m.get('cpus')} CPUs, {m.get('memory_mb')} MB; load average before "
        f"{res.get('load_average_before')}, after {res.get('load_average_after')}; load generator CPU "
        f"{res.get('generator_cpu_s')} s",
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
    lines.append("")
    lines += [f"- {k}: **{'PASS' if v else 'FAIL'}**" for k, v in res["verdict"].items()]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--store", type=Path, help="start `syriakg serve` on this store (loopback, a free port)")
    g.add_argument("--url", help="an endpoint already running (loopback)")
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--no-runaway", action="store_true")
    ap.add_argument("--heavy-cached", action="store_true",
                    help="send the heavy queries verbatim (the result cache answers repeats); default: a nonce each")
    ap.add_argument("--timeout", type=float, default=5.0, help="query timeout given to the endpoint it starts")
    ap.add_argument("--http-workers", type=int, default=2)
    ap.add_argument("--query-workers", type=int, default=3)
    ap.add_argument("--burst-workers", type=int, default=0,
                    help="`syriakg serve --burst-workers N`: extra query workers while all run long queries")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cq", type=Path, default=None, help="competency-questions folder (default ../shared/...)")
    args = ap.parse_args()
    if args.url and not args.url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
        raise SystemExit("loopback only")
    cq = args.cq or Path(__file__).resolve().parents[3] / "shared" / "competency-questions"

    load_before = [round(x, 2) for x in os.getloadavg()]

    def go(url: str) -> dict:
        return asyncio.run(run(url, args.clients, args.seconds, not args.no_runaway, cq, args.seed, args.heavy_cached))

    if args.url:
        res = go(args.url)
    else:
        extra = ["--burst-workers", str(args.burst_workers)] if args.burst_workers else None
        with endpoint(args.store, workers=args.http_workers, query_workers=args.query_workers, extra=extra,
                      timeout=args.timeout, log=HERE / "results" / "serve.log" if (HERE / "results").is_dir() else None) as url:
            res = go(url)
        res["endpoint"] = {"http_workers": args.http_workers, "query_workers": args.query_workers,
                           "burst_workers": args.burst_workers,
                           "timeout_s": args.timeout, "store": str(args.store)}
    res["machine"] = machine()
    res["load_average_before"] = load_before
    res["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(markdown(res))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "latest.json").write_text(json.dumps(res, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
