"""A query (or write) worker: a child process that owns one store handle and answers framed requests.

Run as `python -m syriakg.endpoint.worker --store PATH --mode ro|rw`.  It reads
length-prefixed pickled requests on stdin and writes length-prefixed pickled
responses on stdout.  The parent (see `pool.py`) kills the process when a
query runs past its timeout — the only way to stop a pyoxigraph query — and
starts a fresh one.

Read-only workers keep `Store.read_only(path)` open and reopen it when the
store version token (see `syriakg.loaders.store.store_version`) changes,
because a read-only RocksDB handle never sees later writes.  The write worker
opens the store read-write for each write only, so the loader and other
servers can take the RocksDB lock in between, and bumps the version after
each committed change.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import struct
import sys
import time
import traceback
from typing import Any, BinaryIO

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    parse,
    serialize,
)

from syriakg.endpoint import conneg
from syriakg.endpoint.results import TooManyResults, convert_results, graph_bytes, solutions_json
from syriakg.endpoint.sparqltext import query_has_dataset_clause, query_uses_service
from syriakg.loaders.store import bump_version, open_store, store_version

HEADER = struct.Struct(">I")


def read_frame(stream: BinaryIO) -> Any | None:
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    (n,) = HEADER.unpack(head)
    data = stream.read(n)
    if len(data) < n:
        return None
    return pickle.loads(data)


def write_frame(stream: BinaryIO, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def error(status: int, message: str) -> dict:
    return {"status": status, "error": message}


def _graph_term(name: str | None) -> NamedNode | BlankNode | DefaultGraph:
    if name is None:
        return DefaultGraph()
    if name.startswith("_:"):
        return BlankNode(name[2:])
    return NamedNode(name)


class Worker:
    def __init__(self, path: str, mode: str) -> None:
        self.path = path
        self.mode = mode
        self.version: str | None = None
        self.store: Store | None = None
        if mode == "ro":
            self._reopen(store_version(path))

    # --- store handles -------------------------------------------------------
    def _reopen(self, version: str) -> None:
        self.store = None
        gc.collect()
        self.store = Store.read_only(self.path)
        self.version = version

    def ro_store(self, version: str | None) -> Store:
        if version is not None and version != self.version:
            self._reopen(version)
        assert self.store is not None
        return self.store

    def rw_store(self) -> Store:
        """Open read-write, retrying while another process (loader, other server worker) holds the lock."""
        deadline = time.monotonic() + 10
        while True:
            try:
                return open_store(self.path)
            except OSError as e:
                if time.monotonic() > deadline or "lock" not in str(e).lower():
                    raise
                time.sleep(0.05)

    # --- operations -------------------------------------------------------------
    def handle(self, req: dict) -> dict:
        op = req["op"]
        try:
            if op == "ping":
                return {"status": 200, "version": self.version, "pid": os.getpid()}
            if op == "query":
                return self.query(req)
            if op == "graph_get":
                return self.graph_get(req)
            if op == "stats":
                return self.stats(req)
            if op in ("update", "graph_put", "graph_post", "graph_delete"):
                if self.mode != "rw":
                    return error(500, "write sent to a read-only worker")
                return self.write(req)
            return error(500, f"unknown operation {op!r}")
        except TooManyResults as e:
            return error(
                422,
                f"The result has more than {e.limit} rows/triples (the server's --max-results). "
                "Add a LIMIT or narrow the query.",
            )
        except SyntaxError as e:
            return error(400, f"Syntax error: {e}")
        except (ValueError, TypeError) as e:
            return error(400, str(e))
        except OSError as e:
            if op == "query" and query_uses_service(req.get("query", "")):
                return error(502, f"A federated SERVICE call failed (is the remote endpoint reachable?): {e}")
            return error(500, f"Store or evaluation error: {e}")
        except Exception as e:  # keep the worker alive, report the bug
            traceback.print_exc(file=sys.stderr)
            return error(500, f"{type(e).__name__}: {e}")

    def query(self, req: dict) -> dict:
        store = self.ro_store(req.get("version"))
        kw: dict[str, Any] = {"base_iri": req.get("base")}
        dg, ng = req.get("default_graphs") or [], req.get("named_graphs") or []
        if dg or ng:  # protocol dataset overrides FROM / FROM NAMED (SPARQL 1.1 Protocol §2.1.4)
            kw["default_graph"] = [NamedNode(g) for g in dg]
            kw["named_graphs"] = [NamedNode(g) for g in ng]
        elif not query_has_dataset_clause(req["query"]):
            kw["use_default_graph_as_union"] = True
        result = store.query(req["query"], **kw)
        limit = int(req.get("max_results") or 0)
        if isinstance(result, QuerySolutions | QueryBoolean):
            fmt = conneg.negotiate(req.get("accept"), conneg.RESULT_FORMATS)
            if fmt is None:
                return error(406, "SELECT/ASK results are available as " + conneg.offers_text(conneg.RESULT_FORMATS))
            if isinstance(result, QueryBoolean):
                body = result.serialize(format=fmt.results_format)
                return {"status": 200, "ctype": fmt.content_type, "body": body, "rows": 1}
            variables = [v.value for v in result.variables]
            body, rows = solutions_json(result, variables, limit)
            return {"status": 200, "ctype": fmt.content_type, "body": convert_results(body, fmt), "rows": rows}
        fmt = conneg.negotiate(req.get("accept"), conneg.GRAPH_FORMATS)
        if fmt is None:
            return error(406, "CONSTRUCT/DESCRIBE results are available as " + conneg.offers_text(conneg.GRAPH_FORMATS))
        counter = _Counter(result)
        body = graph_bytes(counter, fmt, limit)
        return {"status": 200, "ctype": fmt.content_type, "body": body, "rows": counter.n}

    def graph_get(self, req: dict) -> dict:
        """GSP GET: one graph (`graph` IRI or None for the default graph) or, with `all`, the whole dataset."""
        store = self.ro_store(req.get("version"))
        if req.get("all"):
            fmt = conneg.negotiate(req.get("accept"), conneg.DATASET_FORMATS)
            if fmt is None:
                return error(406, "The dataset is available as " + conneg.offers_text(conneg.DATASET_FORMATS))
            return {"status": 200, "ctype": fmt.content_type, "body": graph_bytes(iter(store), fmt, 0)}
        g = _graph_term(req.get("graph"))
        if not isinstance(g, DefaultGraph) and not store.contains_named_graph(g):
            return error(404, f"No graph <{req.get('graph')}> in the store")
        fmt = conneg.negotiate(req.get("accept"), conneg.GRAPH_FORMATS)
        if fmt is None:
            return error(406, "Graphs are available as " + conneg.offers_text(conneg.GRAPH_FORMATS))
        triples = (q.triple for q in store.quads_for_pattern(None, None, None, g))
        return {"status": 200, "ctype": fmt.content_type, "body": graph_bytes(triples, fmt, 0)}

    def stats(self, req: dict) -> dict:
        store = self.ro_store(req.get("version"))
        graphs = sum(1 for _ in store.named_graphs())
        return {"status": 200, "quads": len(store), "graphs": graphs}

    def write(self, req: dict) -> dict:
        op = req["op"]
        parsed = None
        if op in ("graph_put", "graph_post"):
            # parse the whole payload before touching the store: a bad payload changes nothing
            fmt = conneg.rdf_format_for_content_type(req.get("content_type"))
            if fmt is None:
                return error(415, f"Unsupported RDF media type {req.get('content_type')!r}")
            parsed = []
            for part, part_fmt in [(req["body"], fmt), *[(b, conneg.rdf_format_for_content_type(c)) for b, c in req.get("parts", [])]]:
                if part_fmt is None:
                    return error(415, "Unsupported RDF media type in a multipart part")
                parsed.extend(q.triple for q in parse(part, format=part_fmt, base_iri=req.get("base")))
        store = self.rw_store()
        try:
            if op == "update":
                store.update(req["update"], base_iri=req.get("base"))
                result = {"status": 204}
            elif op == "graph_delete":
                g = _graph_term(req.get("graph"))
                if isinstance(g, DefaultGraph):
                    store.clear_graph(g)
                elif store.contains_named_graph(g):
                    store.remove_graph(g)
                else:
                    return error(404, f"No graph <{req.get('graph')}> in the store")
                result = {"status": 204}
            else:
                g = _graph_term(req.get("graph"))
                existed = isinstance(g, DefaultGraph) or store.contains_named_graph(g)
                text = graph_write_update(req.get("graph"), parsed or [], replace=op == "graph_put")
                if text:  # one update = one transaction: a killed worker leaves the graph as it was
                    store.update(text)
                result = {"status": 204 if existed else 201, "created": not existed}
            store.flush()
        finally:
            del store
            gc.collect()
        result["version"] = bump_version(self.path)
        return result


def graph_write_update(graph: str | None, triples: list, replace: bool) -> str:
    """The SPARQL update that replaces (PUT) or extends (POST) a graph with `triples`, atomically.

    `graph` None is the store's default graph.  A named graph is created even when
    no triple is sent (an empty PUT/POST makes an empty graph that exists).
    """
    nt = serialize(triples, format=RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""
    if graph is None:
        ops = (["CLEAR SILENT DEFAULT"] if replace else []) + ([f"INSERT DATA {{\n{nt}}}"] if nt else [])
    else:
        g = f"<{graph}>"
        ops = [*(["DROP SILENT GRAPH " + g] if replace else []), "CREATE SILENT GRAPH " + g]
        if nt:
            ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{nt}}} }}")
    return " ;\n".join(ops)


class _Counter:
    def __init__(self, items: Any) -> None:
        self.items = items
        self.n = 0

    def __iter__(self):
        for it in self.items:
            self.n += 1
            yield it


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--store", required=True)
    ap.add_argument("--mode", choices=("ro", "rw"), default="ro")
    args = ap.parse_args(argv)
    stdin = sys.stdin.buffer
    stdout = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    # anything printed by accident must not corrupt the frame stream
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    try:
        worker = Worker(args.store, args.mode)
    except Exception as e:
        write_frame(stdout, error(500, f"cannot open store {args.store}: {e}"))
        return 1
    write_frame(stdout, {"status": 200, "ready": True, "pid": os.getpid(), "cpu_end": time.process_time()})
    while True:
        req = read_frame(stdin)
        if req is None:
            return 0
        cpu0 = time.process_time()
        resp = worker.handle(req)
        cpu1 = time.process_time()
        resp["cpu"] = cpu1 - cpu0  # this request's CPU in this process: the pool's cost memory
        resp["cpu_end"] = cpu1
        write_frame(stdout, resp)


if __name__ == "__main__":
    sys.exit(main())
