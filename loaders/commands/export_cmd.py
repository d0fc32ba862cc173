"""`syriakg export --format nquads|trig|jsonld [-o FILE]`: dump every graph of the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pyoxigraph import RdfFormat

from syriakg.loaders.store import open_store
from syriakg.ontology.terms import PREFIXES

FORMATS = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=sorted(FORMATS), default="nquads")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"syriakg export: no store at {args.store}", file=sys.stderr)
        return 2
    store = open_store(args.store, read_only=True)
    fmt = FORMATS[args.format]
    kwargs = {"prefixes": PREFIXES} if fmt is not RdfFormat.N_QUADS else {}
    if args.output:
        with open(args.output, "wb") as fh:
            store.dump(fh, fmt, **kwargs)
    else:
        store.dump(sys.stdout.buffer, fmt, **kwargs)
    return 0
