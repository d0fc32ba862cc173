"""Side-by-side SPARQL endpoint benchmark: syriakg vs `oxigraph serve-read-only` vs rdflib-endpoint.

One run, one store, the same queries, each server started here on loopback:

- cheap lookup: one article's first 10 body sentences with their offsets (the same request again and again);
- heavy aggregate: sentences and articles per publication year over the whole store;
- cheap lookup, uncached: a different article and query text at every request, so no result cache can answer
  (engine + protocol cost; not run on rdflib-endpoint);

each at 1 and 8 concurrent keep-alive clients for --duration seconds: requests/second, p50/p99 latency, ratio to
Oxigraph, the servers' CPU per request (user+sys of all their processes: robust on a busy machine, unlike req/s)
and the load average. At the end it prints a markdown block (header + table + syriakg/rdflib ratios) to paste
into benchmarks/README.md, and writes it to --markdown if given.

One command, on a loaded store (rdflib-endpoint loads the whole store into memory: ≈1M quads take a few minutes
and a few GB; leave it out on bigger stores with --servers syriakg,oxigraph):

    python benchmarks/endpoint/bench.py --store /path/to/store --markdown bench.md
    python benchmarks/endpoint/bench.py --store /path/to/big-store --servers syriakg,oxigraph

A ≥1M-quad store from the scale corpus: the first 5,000 articles give 1.03M quads:

    mkdir -p /tmp/s5k && zcat ../shared/corpus/scale/articles.jsonl.gz | head -5000 | gzip > /tmp/s5k/articles.jsonl.gz
    syriakg load --store /tmp/s5k/store /tmp/s5k/articles.jsonl.gz

Without --store it builds (once) a synthetic contract-shaped store of --synthetic articles.
Needs (benchmark only, not runtime deps): `pip install -e '.[bench]'` (oxigraph, rdflib-endpoint).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import loadgen  # noqa: E402

PREFIXES = (
    "PREFIX schema: <https://schema.org/> PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
)
BASE = "https://w3id.org/syriakg/resource/"
# one article's first 10 body sentences with their offsets (what an article page or a provenance check reads)
CHEAP = PREFIXES + (
    "SELECT ?s ?begin ?text WHERE { ?s nif:referenceContext <%s> ; nif:beginIndex ?begin ; nif:anchorOf ?text } "
    "ORDER BY ?begin LIMIT 10"
)
HEAVY = PREFIXES + (
    "SELECT ?year (COUNT(?s) AS ?sentences) (COUNT(DISTINCT ?a) AS ?articles) WHERE { "
    "?a schema:datePublished ?d . ?s nif:referenceContext ?a . BIND(YEAR(?d) AS ?year) } GROUP BY ?year ORDER BY ?year"
)
ACCEPT = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 600) -> tuple[int, bytes]:
    req = urllib.request.Request(url, headers={"Accept": ACCEPT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class Server:
    def __init__(self, name: str, cmd: list[str], port: int, log: Path, env: dict | None = None) -> None:
        self.name, self.port = name, port
        self.logf = open(log, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(cmd, stdout=self.logf, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
                                     start_new_session=True)

    def url(self, query: str) -> str:
        return f"/sparql?query={urllib.parse.quote(query)}"

    def wait_ready(self, timeout: float) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see its log")
            try:
                status, _ = get(f"http://127.0.0.1:{self.port}{self.url('ASK {}')}", timeout=5)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} not ready after {timeout}s")

    def cpu_seconds(self) -> float:
        """User + system CPU of every live process of the server's session (HTTP and query workers)."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == self.proc.pid:  # session id (start_new_session: the server's pid)
                total += int(fields[11]) + int(fields[12])  # utime + stime of the live process
        return total / tick

    def settle(self, timeout: float = 120.0) -> None:
        """Wait until the server is idle (background work after start-up, e.g. syriakg's per-worker fact index)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            c0 = self.cpu_seconds()
            time.sleep(1.0)
            if self.cpu_seconds() - c0 < 0.05:
                return

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)  # its own session: the server and the workers it started
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.logf.close()


def dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def oxigraph_version(binary: str) -> str:
    try:
        return subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10).stdout.strip() or "?"
    except OSError:
        return "?"


def markdown(meta: dict, results: list[dict]) -> str:
    """The block to paste into benchmarks/README.md: conditions, one table, syriakg/rdflib-endpoint ratios."""
    ls, le = meta["load_start"], meta["load_end"]
    out = [
        f"Run of {meta['date']}: store `{meta['store']}`, {meta['quads']:,} quads ({meta['store_bytes'] / 1e6:,.0f} MB on disk); "
        f"{meta['cpus']} CPUs; load average (1/5/15 min) {ls[0]:.1f}/{ls[1]:.1f}/{ls[2]:.1f} at the start, "
        f"{le[0]:.1f}/{le[1]:.1f}/{le[2]:.1f} at the end; {meta['duration']:g} s per cell; syriakg with "
        f"{meta['workers']} HTTP workers × {meta['query_workers']} query workers, access log on; {meta['oxigraph']}.",
        "",
        "| scenario | clients | server | req/s | p50 ms | p99 ms | × Oxigraph req/s | server CPU ms/req | load avg (1 min) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ox = next((x for x in results if x["scenario"] == r["scenario"] and x["clients"] == r["clients"] and x["server"] == "oxigraph"), None)
        ratio = f"{r['rps'] / ox['rps']:.2f}" if ox and ox["rps"] else "–"
        errs = "" if not r["errors"] and {int(k) for k in r["statuses"]} <= {200} else f" (errors {r['errors']}, statuses {r['statuses']})"
        out.append(f"| {r['scenario']} | {r['clients']} | {r['server']}{errs} | {r['rps']:.1f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
                   f"{ratio} | {r['server_cpu_ms']:.2f} | {r['load'][0]:.1f}–{r['load'][1]:.1f} |")
    rd = {(r["scenario"], r["clients"]): r for r in results if r["server"].startswith("rdflib")}
    lines = []
    for r in results:
        other = rd.get((r["scenario"], r["clients"]))
        if r["server"] == "syriakg" and other:
            lines.append(f"- {r['scenario']}, {r['clients']} clients: syriakg / rdflib-endpoint = "
                         + (f"{r['rps'] / other['rps']:.0f}× req/s" if other["rps"] else f"∞ (rdflib-endpoint completed {other['ok']} requests)"))
    if lines:
        out += ["", *lines]
    return "\n".join(out)


def rows(body: bytes) -> int:
    return len(json.loads(body)["results"]["bindings"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", help="a syriakg store (e.g. loaded with `syriakg load`)")
    ap.add_argument("--synthetic", type=int, default=36000, help="articles of the synthetic store built when --store is not given")
    ap.add_argument("--duration", type=float, default=8.0, help="seconds per measurement")
    ap.add_argument("--clients", default="1,8")
    ap.add_argument("--servers", default="syriakg,oxigraph,rdflib")
    ap.add_argument("--workers", type=int, default=2, help="syriakg HTTP workers")
    ap.add_argument("--query-workers", type=int, default=2, help="syriakg query workers per HTTP worker")
    ap.add_argument("--json", type=Path, help="write the raw numbers here")
    ap.add_argument("--markdown", type=Path, help="write the markdown block (also printed) here")
    args = ap.parse_args()

    started, load_start = time.time(), os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="syriakg-bench-"))
    store = Path(args.store) if args.store else Path(tempfile.gettempdir()) / f"syriakg-bench-synthetic-{args.synthetic}"
    if not args.store and not store.exists():
        print(f"building a synthetic store of {args.synthetic} articles at {store} ...", flush=True)
        subprocess.run([sys.executable, "-m", "syriakg.endpoint.sample", "--store", str(store), "--articles", str(args.synthetic)], check=True)
    from pyoxigraph import Store

    ro = Store.read_only(str(store))
    nquads = len(ro)
    # articles with at least 10 sentences, in a fixed order (the first 2,000 by IRI)
    articles = [r["a"].value for r in ro.query(
        "SELECT ?a WHERE { { SELECT ?a (COUNT(?s) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> . "
        "?s <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> ?a } GROUP BY ?a } "
        "FILTER(?n >= 10) } ORDER BY ?a LIMIT 2000", use_default_graph_as_union=True)]
    del ro
    if not articles:
        raise SystemExit("no article has 10 sentences: use a bigger store")
    print(f"store {store}: {nquads:,} quads; lookups over {len(articles)} articles with at least 10 sentences", flush=True)
    cheap = CHEAP % articles[len(articles) // 2]
    # a different article and query text at every request (a counter in a comment): the result cache never answers
    varied = [CHEAP % articles[i % len(articles)] + f" # {i}" for i in range(100_000)]

    oxbin = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    wanted = args.servers.split(",")
    servers: list[Server] = []
    try:
        if "syriakg" in wanted:
            p = free_port()
            servers.append(Server("syriakg", [sys.executable, "-m", "syriakg.endpoint.server", "--store", str(store), "--port", str(p),
                                              "--workers", str(args.workers), "--query-workers", str(args.query_workers), "--timeout", "300",
                                              "--max-results", "0"], p, tmp / "syriakg.log"))
        if "oxigraph" in wanted:
            p = free_port()
            servers.append(Server("oxigraph", [oxbin, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{p}",
                                               "--union-default-graph"], p, tmp / "oxigraph.log"))
        if "rdflib" in wanted:
            dump = tmp / "dump.nq"
            print("dumping N-Quads for rdflib ...", flush=True)
            Store.read_only(str(store)).dump(str(dump), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
            p = free_port()
            servers.append(Server("rdflib-endpoint", [sys.executable, str(HERE / "rdflib_server.py"), str(dump), str(p)], p, tmp / "rdflib.log"))
        for s in servers:
            s.wait_ready(1800 if s.name.startswith("rdflib") else 120)
            s.settle()
            print(f"{s.name} ready on port {s.port}", flush=True)

        # same answers everywhere
        expect: dict[str, int] = {}
        for s in servers:
            for qname, q in (("cheap", cheap), ("heavy", HEAVY)):
                t = time.perf_counter()
                status, body = get(f"http://127.0.0.1:{s.port}{s.url(q)}")
                assert status == 200, (s.name, qname, status, body[:300])
                n = rows(body)
                expect.setdefault(qname, n)
                assert n == expect[qname], (s.name, qname, n, expect[qname])
                print(f"  {s.name} {qname}: {n} rows, first call {1000 * (time.perf_counter() - t):.0f} ms", flush=True)

        results = []
        scenarios = [("cheap lookup (10 rows)", [cheap]), ("heavy aggregate", [HEAVY]), ("cheap lookup, uncached (new query text each request)", varied)]
        for label, queries in scenarios:
            for clients in [int(c) for c in args.clients.split(",")]:
                for s in servers:
                    if s.name.startswith("rdflib") and "uncached" in label:
                        continue
                    paths = [s.url(q) for q in queries]
                    load0, cpu0, own0 = os.getloadavg()[0], s.cpu_seconds(), time.process_time()
                    res = asyncio.run(loadgen.run("127.0.0.1", s.port, paths, ACCEPT, clients, args.duration))
                    cpu = s.cpu_seconds() - cpu0
                    row = {"scenario": label, "clients": clients, "server": s.name, "rps": res.rps(), "ok": res.ok,
                           "p50_ms": 1000 * res.pct(50), "p99_ms": 1000 * res.pct(99), "statuses": res.statuses, "errors": res.errors,
                           "server_cpu_ms": 1000 * cpu / max(1, res.ok), "client_cpu_ms": 1000 * (time.process_time() - own0) / max(1, res.ok),
                           "load": (load0, os.getloadavg()[0])}
                    results.append(row)
                    print(f"  {label:40s} c={clients} {s.name:16s} {row['rps']:9.1f} req/s  p50 {row['p50_ms']:8.1f} ms  "
                          f"p99 {row['p99_ms']:8.1f} ms  server CPU {row['server_cpu_ms']:.3f} ms/req  load {load0:.1f}  "
                          f"{res.statuses} err={res.errors}", flush=True)
    finally:
        for s in servers:
            s.stop()

    meta = {"quads": nquads, "store": str(store), "store_bytes": dir_bytes(store), "cpus": os.cpu_count(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)), "duration": args.duration,
            "workers": args.workers, "query_workers": args.query_workers, "load_start": load_start, "load_end": os.getloadavg(),
            "oxigraph": oxigraph_version(oxbin)}
    text = markdown(meta, results)
    print()
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({**meta, "results": results}, indent=1))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
