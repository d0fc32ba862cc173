"""`syriakg load PATH...`: load articles into the store, print a summary, exit non-zero on any failure."""

from __future__ import annotations

import argparse
import os
import sys

from syriakg.loaders.load import default_inputs, load


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="files, folders or globs (.txt, .html, .jsonl, .jsonl.gz); "
                                            "default: the bundled articles in data/articles")
    p.add_argument("--workers", type=int, default=int(os.environ.get("SYRIAKG_WORKERS", os.cpu_count() or 1)),
                   help="extraction worker processes (default: all cores)")
    p.add_argument("--encoding", default=None, help="force an input encoding (e.g. cp1258) instead of detecting it")
    p.add_argument("--force", action="store_true", help="re-extract even articles whose text is unchanged")
    p.add_argument("--off-topic", choices=("entities", "text"), default=os.environ.get("SYRIAKG_OFF_TOPIC") or None,
                   help="what articles not about the Syrian war keep: entities (mentions, entities, positions; "
                        "default) or text (article and sentences only: faster, smaller). Changing it needs --force "
                        "for articles already loaded")
    p.add_argument("--no-optimize", action="store_true",
                   help="skip the final compaction of the store (faster load, slower queries until the store's "
                        "own background compaction catches up)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--quiet", action="store_true", help="print only errors")


def run(args: argparse.Namespace) -> int:
    paths = args.paths or default_inputs()
    if args.off_topic:
        os.environ["SYRIAKG_OFF_TOPIC"] = args.off_topic  # read by the extraction workers, which inherit it
    summary = load(paths, args.store, workers=args.workers, encoding=args.encoding, force=args.force,
                   progress=not (args.no_progress or args.quiet) and sys.stderr.isatty(),
                   optimize=not args.no_optimize)
    if args.quiet:
        for err in summary.errors:
            print(f"FAILED {err.source}: {err.problem}", file=sys.stderr)
    else:
        print(summary.to_text())
    return 0 if summary.ok else 1
