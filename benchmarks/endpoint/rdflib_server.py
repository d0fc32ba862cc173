"""Serve an N-Quads dump with rdflib-endpoint (the pure-Python baseline of the benchmark).

Usage: python rdflib_server.py DUMP.nq PORT
"""

from __future__ import annotations

import sys
import time

import uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint


def main() -> int:
    dump, port = sys.argv[1], int(sys.argv[2])
    t = time.time()
    ds = Dataset(default_union=True)
    ds.parse(dump, format="nquads")
    print(f"rdflib loaded {len(ds)} triples in {time.time() - t:.0f}s", file=sys.stderr, flush=True)
    app = SparqlEndpoint(graph=ds, path="/sparql", cors_enabled=False, public_url=f"http://127.0.0.1:{port}/sparql")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
