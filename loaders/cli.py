"""`syriakg` command line: load, query, export, stats, serve, evaluate, wikidata, facts, check, verify, link.

Each subcommand lives in the module that does the work, which provides
`add_arguments(parser)` and `run(args) -> int`; this file only wires them up,
importing each module when its command runs (so `syriakg query` never pays
for FastAPI's import).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from syriakg.loaders import config

# command -> (module, help)
COMMANDS: dict[str, tuple[str, str]] = {
    "load": ("syriakg.loaders.commands.load_cmd", "load articles (files, folders, globs) into the store"),
    "query": ("syriakg.loaders.commands.query_cmd", "run a SPARQL query against the store"),
    "export": ("syriakg.loaders.commands.export_cmd", "export the store as N-Quads, TriG or JSON-LD"),
    "stats": ("syriakg.loaders.commands.stats_cmd", "count articles, sentences, entities and facts"),
    "serve": ("syriakg.endpoint.server", "serve SPARQL, the query UI and Linked-Data pages over HTTP"),
    "evaluate": ("syriakg.loaders.evaluate", "score the graph against gold annotations"),
    "wikidata": ("syriakg.loaders.wikidata", "look up Wikidata candidates for unlinked entities"),
    "facts": ("syriakg.endpoint.facts_cli", "provenance-checked facts about an entity"),
    "check": ("syriakg.endpoint.facts_cli:check", "check a structured claim against the graph"),
    "verify": ("syriakg.endpoint.facts_cli:verify", "report facts whose evidence no longer matches the text"),
    "link": ("syriakg.loaders.commands.link_cmd", "rebuild the cross-article graph of events reported by several articles"),
}


def _module(spec: str):  # noqa: ANN202 - a module or object with add_arguments/run
    mod_name, _, attr = spec.partition(":")
    mod = importlib.import_module(mod_name)
    return getattr(mod, attr) if attr else mod


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="syriakg", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = next((a for a in argv if not a.startswith("-")), None)
    for name, (spec, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--store", default=str(config.default_store_path()),
                       help="store folder (env SYRIAKG_STORE; default %(default)s)")
        if name == wanted:  # only import the module of the command being run
            try:
                _module(spec).add_arguments(p)
            except ImportError as err:
                p.set_defaults(_unavailable=str(err))
        p.set_defaults(_spec=spec)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    if getattr(args, "_unavailable", None):
        print(f"syriakg {args.command}: not available: {args._unavailable}", file=sys.stderr)
        return 2
    try:
        return int(_module(args._spec).run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
