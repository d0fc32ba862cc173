"""Latency of `GET /facts` (evidence verification on) for frequent and rare entities: p50 / p99.

    /tmp/venv/bin/python benchmarks/facts/bench_facts.py --store PATH [--requests 200] [--cold] [--json out.json]
    /tmp/venv/bin/python benchmarks/facts/bench_facts.py --store PATH --url http://127.0.0.1:8000   # a running server

By default the router runs in-process, called as an ASGI app on an asyncio loop (FastAPI routing, parameter
validation, the thread-pool hop of a sync route, lookup, evidence checks against the article text, JSON
encoding; no sockets, and none of TestClient's per-request thread-portal overhead, which alone costs
milliseconds).  With `--url` the requests go over HTTP to
a running `syriakg serve` (the store is still opened read-only here, to pick the entities).

Cases:
* frequent-first-page: Russia (Q159), Putin (Q7747) and the store's most frequent entity, `limit=20`;
* frequent-paged: the same entities, pages at offsets 20, 40, ... (each request another page);
* frequent-type: first page of their meetings (`type=meeting`);
* frequent-dated: first page of one year of their facts (`from`/`to`);
* rare-iri / rare-name: entities with 1-3 facts, a different one at each request, by IRI and by label
  (the label exercises the accent-insensitive name index).

`--cold` clears the lookup's per-process caches (checked facts, article texts, labels) before every
request, so every fact and evidence check is read from the store.  The name index and the fact index
are built once before timing, as the server does in the background for each store version
(`--no-index`: fact lists from the fixed SPARQL queries only, as in the first seconds after a reload).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from pyoxigraph import Store

from syriakg.endpoint.lookup import ROLES, FactLookup
from syriakg.loaders.config import base_iri
from syriakg.ontology.terms import sparql_prefixes

FREQUENT_QIDS = ("Q159", "Q7747")  # Russia, Putin


def _percentile(xs: list[float], p: float) -> float:
    s = sorted(xs)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


def fact_counts(store: Store) -> dict[str, int]:
    """Entity IRI -> number of facts naming it (one pass over the role predicates; run once)."""
    preds = " ".join(f"<{p.value}>" for p in ROLES.values())
    q = sparql_prefixes() + f"""SELECT ?e (COUNT(DISTINCT ?f) AS ?n) WHERE {{
        VALUES ?p {{ {preds} }} ?f ?p ?e FILTER(isIRI(?e)) }} GROUP BY ?e"""
    return {r["e"].value: int(r["n"].value) for r in store.query(q, use_default_graph_as_union=True)}


def pick_entities(store: Store, base: str, rare_n: int, seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    lk = FactLookup(store, base)
    counts = fact_counts(store)
    frequent = []
    for qid in FREQUENT_QIDS:
        r = lk.resolve(qid)
        if r.entity is not None:
            frequent.append(r.entity.iri)
    top = max(counts, key=counts.get) if counts else None
    if top and top not in frequent:
        frequent.append(top)
    rare_iris = sorted(e for e, n in counts.items() if 1 <= n <= 3 and e.startswith(base + "entity/"))
    random.Random(seed).shuffle(rare_iris)
    rare = []
    for iri in rare_iris:
        label = lk.ref(iri).label
        if label and lk.resolve(label).entity is not None and lk.resolve(label).entity.iri == iri:
            rare.append((iri, label))
        if len(rare) >= rare_n:
            break
    for e in frequent:
        print(f"frequent: {e} ({counts.get(e, 0)} facts)", file=sys.stderr)
    print(f"rare: {len(rare)} entities with 1-3 facts (of {len(rare_iris)})", file=sys.stderr)
    return frequent, rare


def warm(lk: FactLookup, no_index: bool) -> None:
    """What the server does in the background after opening a store version: build the indexes."""
    t0 = time.perf_counter()
    lk.names()
    print(f"name index built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if not no_index:
        t0 = time.perf_counter()
        idx = lk.build_index()
        print(f"fact index built in {time.perf_counter() - t0:.1f} s ({len(idx.facts)} facts)", file=sys.stderr)


async def asgi_get(app, path: str, params: dict) -> tuple[int, dict]:  # noqa: ANN001 - an ASGI app
    """One GET through the ASGI interface, as a server would make it (minus the socket)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": urlencode(params).encode(), "root_path": "",
             "headers": [(b"host", b"bench"), (b"accept", b"application/json")], "client": ("127.0.0.1", 1),
             "server": ("bench", 80), "state": {}}
    status, chunks = 0, []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, json.loads(b"".join(chunks))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--url", help="benchmark a running server instead of the in-process router")
    ap.add_argument("--library", action="store_true",
                    help="time the lookup library alone (resolve + facts + JSON), without FastAPI")
    ap.add_argument("--requests", type=int, default=200, help="timed requests per case (default 200)")
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--rare", type=int, default=200, help="distinct rare entities (default 200)")
    ap.add_argument("--cold", action="store_true", help="clear the lookup caches before every request")
    ap.add_argument("--no-index", action="store_true",
                    help="answer fact lists from the fixed queries only (as before the server's index is built)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)
    base = base_iri()
    if not Path(args.store).is_dir():
        print(f"no store at {args.store}", file=sys.stderr)
        return 2
    store = Store.read_only(args.store)
    t0 = time.perf_counter()
    frequent, rare = pick_entities(store, base, args.rare, args.seed)
    print(f"picked entities in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    if args.url:
        import httpx

        http = httpx.Client(base_url=args.url, timeout=60)

        def get(params: dict) -> tuple[int, dict]:
            r = http.get("/facts", params=params)
            return r.status_code, r.json()

        clear: Callable[[], None] = lambda: None  # noqa: E731
    elif args.library:
        from syriakg.endpoint.lookup import FactFilter

        lk = FactLookup(store, base)
        warm(lk, args.no_index)

        def get(params: dict) -> tuple[int, dict]:
            res = lk.resolve(params["entity"])
            if res.entity is None:
                return 404, {}
            flt = FactFilter.parse(lk, params.get("type"), None, None, params.get("from"), params.get("to"))
            page = lk.facts(res.entity.iri, flt, params.get("limit", 50), params.get("offset", 0), info=res.entity)
            return 200, json.loads(page.model_dump_json(exclude_none=True))

        def clear() -> None:
            lk.clear_caches(indexes=False)
    else:
        from fastapi import FastAPI

        from syriakg.endpoint.facts import FactService, router

        app = FastAPI()
        app.include_router(router)
        svc = FactService(base, store=store)
        app.state.facts_service = svc
        warm(svc.lookup(), args.no_index)
        loop = asyncio.new_event_loop()

        def get(params: dict) -> tuple[int, dict]:
            return loop.run_until_complete(asgi_get(app, "/facts", params))

        def clear() -> None:
            svc.lookup().clear_caches(indexes=False)

    year = {}
    for e in frequent:  # the year with most of the entity's facts is a fair date filter
        code, body = get({"entity": e, "limit": 50})
        years = [(f.get("date") or "")[:4] for f in body.get("facts", []) if (f.get("date") or "")[:1].isdigit()]
        year[e] = max(set(years), key=years.count) if years else "2017"

    def cases() -> dict[str, Callable[[int], dict]]:
        out: dict[str, Callable[[int], dict]] = {}
        if frequent:
            out["frequent-first-page"] = lambda i: {"entity": frequent[i % len(frequent)], "limit": 20}
            out["frequent-paged"] = lambda i: {"entity": frequent[i % len(frequent)], "limit": 20,
                                                "offset": 20 * (1 + (i // len(frequent)) % 10)}
            out["frequent-type"] = lambda i: {"entity": frequent[i % len(frequent)], "limit": 20, "type": "meeting"}
            out["frequent-dated"] = lambda i: {"entity": frequent[i % len(frequent)], "limit": 20,
                                                "from": year[frequent[i % len(frequent)]] + "-01-01",
                                                "to": year[frequent[i % len(frequent)]] + "-12-31"}
        if rare:
            out["rare-iri"] = lambda i: {"entity": rare[i % len(rare)][0]}
            out["rare-name"] = lambda i: {"entity": rare[i % len(rare)][1]}
        return out

    results = {}
    for name, make in cases().items():
        for i in range(args.warmup):
            get(make(i))
        times, facts, unverified = [], [], 0
        for i in range(args.requests):
            params = make(i + args.warmup)
            if args.cold:
                clear()
            t = time.perf_counter()
            code, body = get(params)
            times.append((time.perf_counter() - t) * 1000)
            if code != 200:
                print(f"{name}: {params} -> {code} {str(body)[:200]}", file=sys.stderr)
                continue
            facts.append(len(body["facts"]))
            unverified += body.get("unverified", 0)
        results[name] = {
            "p50_ms": round(statistics.median(times), 2), "p99_ms": round(_percentile(times, 99), 2),
            "mean_ms": round(statistics.fmean(times), 2), "requests": len(times),
            "facts_per_answer": round(statistics.fmean(facts), 1) if facts else 0, "unverified_facts": unverified,
        }
        r = results[name]
        print(f"{name:22s} p50 {r['p50_ms']:8.2f} ms   p99 {r['p99_ms']:8.2f} ms   mean {r['mean_ms']:8.2f} ms   "
              f"{r['facts_per_answer']:5.1f} facts/answer")
    meta = {"store": args.store, "quads": len(store), "cold": args.cold, "url": args.url, "library": args.library,
            "index": not args.no_index,
            "frequent": frequent, "rare_entities": len(rare)}
    if args.json:
        Path(args.json).write_text(json.dumps({"meta": meta, "results": results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
