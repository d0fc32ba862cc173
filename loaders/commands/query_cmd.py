"""`syriakg query 'SPARQL'` or `-f file.rq`: run a query on the store (union default graph)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat

from syriakg.loaders.store import open_store
from syriakg.ontology.terms import PREFIXES

_TABULAR = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV,
            "xml": QueryResultsFormat.XML}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="?", help="the SPARQL query text")
    p.add_argument("-f", "--file", help="read the query from a .rq file")
    p.add_argument("--format", choices=["table", "json", "csv", "tsv", "xml"], default="table",
                   help="output for SELECT/ASK (graphs are always N-Triples)")


def run(args: argparse.Namespace) -> int:
    if args.file:
        text = Path(args.file).read_text(encoding="utf-8")
    elif args.query:
        text = args.query
    else:
        print("syriakg query: give a query or -f FILE", file=sys.stderr)
        return 2
    store = open_store(args.store, read_only=Path(args.store).exists())
    try:
        result = store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as err:
        print(f"syriakg query: malformed query: {err}", file=sys.stderr)
        return 2
    out = sys.stdout.buffer
    if isinstance(result, QueryTriples):
        result.serialize(out, RdfFormat.N_TRIPLES)
    elif args.format != "table":
        result.serialize(out, _TABULAR[args.format])
    elif isinstance(result, QueryBoolean):
        print("true" if bool(result) else "false")
    elif isinstance(result, QuerySolutions):
        print_table(result)
    return 0


def _cell(term: object) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", str(term))
    return str(value).replace("\n", " ")


def print_table(solutions: QuerySolutions, max_width: int = 60) -> None:
    names = [v.value for v in solutions.variables]
    rows = [[_cell(row[n]) for n in names] for row in solutions]
    widths = [min(max_width, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def fmt(cells: list[str]) -> str:
        return " | ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(cells, widths, strict=True))

    print(fmt(names))
    print("-+-".join("-" * w for w in widths))
    for r in rows:
        print(fmt(r))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
