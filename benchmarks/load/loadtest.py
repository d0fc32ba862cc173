"""Load test of the endpoint: 64 concurrent clients for 60 s on loopback, a mix of lookups, facts and heavy
queries, plus one client that only sends a runaway query.

    python benchmarks/load/loadtest.py --store /tmp/ingest-bench/store-all     # starts `syriakg serve` itself
    python benchmarks/load/loadtest.py --url http://127.0.0.1:8000             # or an endpoint already running

A small asyncio + httpx load generator (no extra dependency), bounded: a fixed
number of clients, each sending its next request when the previous one is
answered, for a fixed time, to 127.0.0.1 only.  The request mix (weights):

* lookup (cheap): all triples of one random entity, or one random article's headline and date;
* facts (cheap to medium): `GET /facts?entity=Q...` when the endpoint has it, else the CQ2 query for a QID;
* heavy: competency questions over the whole corpus (CQ1, CQ3, CQ4, CQ6, CQ7), with a nonce comment so
  that the result cache does not answer them;
* runaway: one extra client sends a query that never finishes in time (a cross product); the endpoint
  must cut it at its timeout (504/503 expected for it) while the others stay fast.

Reports, per class, requests, errors, p50/p95/p99/max latency, and checks the
issue's targets: zero errors (non-2xx or transport errors, runaway excepted)
and cheap-query (lookup) p99 <= 50 ms.  Results go to
`benchmarks/load/results/latest.json`.
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


def percentile(xs: list[float], p: float) -> float:
    if not xs:
        return 0.0
    s = sorted(xs)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


class Mix:
    """Builds requests from a sample of the store's entities, QIDs and articles."""

    def __init__(self, client: httpx.Client, cq_dir: Path | None) -> None:
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
        self.heavy: list[str] = []
        if cq_dir and cq_dir.is_dir():
            for name in ("cq1", "cq3", "cq4", "cq6", "cq7"):
                for f in cq_dir.glob(f"{name}*.rq"):
                    self.heavy.append(f.read_text(encoding="utf-8"))
        if not self.heavy:
            self.heavy = [PREFIXES + "SELECT ?t (COUNT(?x) AS ?n) WHERE { ?x a ?t } GROUP BY ?t ORDER BY DESC(?n)"]
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
            return "/sparql", {"query": f"# nonce {rnd.random()}\n" + rnd.choice(self.heavy)}
        return "/sparql", {"query": f"# nonce {rnd.random()}\n{RUNAWAY}"}


async def client_loop(cid: int, url: str, mix: Mix, until: float, stats: dict, kinds: list[str] | None,
                      seed: int) -> None:
    rnd = random.Random(seed * 1000 + cid)
    population = list(WEIGHTS)
    weights = [WEIGHTS[k] for k in population]
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as http:
        while time.monotonic() < until:
            kind = kinds[0] if kinds else rnd.choices(population, weights)[0]
            path, params = mix.request(kind, rnd)
            t0 = time.perf_counter()
            try:
                r = await http.get(path, params=params, headers={"Accept": "application/sparql-results+json"
                                                                 if path == "/sparql" else "application/json"})
                code = r.status_code
                await r.aread()
            except httpx.HTTPError as err:
                code = f"{type(err).__name__}"
            dt = time.perf_counter() - t0
            s = stats[kind]
            s["lat"].append(dt)
            s["codes"][str(code)] += 1
            ok = isinstance(code, int) and 200 <= code < 300
            if kind == "runaway":
                ok = ok or code in (503, 504)  # cut at the timeout, as it must be
            if not ok:
                s["errors"] += 1


async def run(url: str, clients: int, seconds: float, runaway: bool, cq_dir: Path | None, seed: int) -> dict:
    with httpx.Client(base_url=url, timeout=120) as c:
        mix = Mix(c, cq_dir)
    stats: dict = defaultdict(lambda: {"lat": [], "codes": defaultdict(int), "errors": 0})
    until = time.monotonic() + seconds
    tasks = [client_loop(i, url, mix, until, stats, None, seed) for i in range(clients)]
    if runaway:
        tasks.append(client_loop(clients, url, mix, until, stats, ["runaway"], seed))
    t0 = time.perf_counter()
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - t0
    out = {"url": url, "clients": clients, "runaway_client": runaway, "seconds": round(wall, 1), "classes": {}}
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
        f"{res.get('load_average_before')}, after {res.get('load_average_after')}",
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
    ap.add_argument("--timeout", type=float, default=5.0, help="query timeout given to the endpoint it starts")
    ap.add_argument("--http-workers", type=int, default=2)
    ap.add_argument("--query-workers", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cq", type=Path, default=None, help="competency-questions folder (default ../shared/...)")
    args = ap.parse_args()
    if args.url and not args.url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
        raise SystemExit("loopback only")
    cq = args.cq or Path(__file__).resolve().parents[3] / "shared" / "competency-questions"

    load_before = [round(x, 2) for x in os.getloadavg()]

    def go(url: str) -> dict:
        return asyncio.run(run(url, args.clients, args.seconds, not args.no_runaway, cq, args.seed))

    if args.url:
        res = go(args.url)
    else:
        with endpoint(args.store, workers=args.http_workers, query_workers=args.query_workers,
                      timeout=args.timeout, log=HERE / "results" / "serve.log" if (HERE / "results").is_dir() else None) as url:
            res = go(url)
        res["endpoint"] = {"http_workers": args.http_workers, "query_workers": args.query_workers,
                           "timeout_s": args.timeout, "store": str(args.store)}
    res["machine"] = machine()
    res["load_average_before"] = load_before
    res["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(markdown(res))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "latest.json").write_text(json.dumps(res, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
