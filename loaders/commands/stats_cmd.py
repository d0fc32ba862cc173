"""`syriakg stats`: what the store holds."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pyoxigraph import Store

from syriakg.loaders.store import open_store, store_version
from syriakg.ontology.terms import sparql_prefixes

COUNTS = {
    "articles": "?x a schema:NewsArticle",
    "sentences": "?x a nif:Sentence",
    "captions": "?x a kg:Caption",
    "mentions": "?x a nif:Phrase",
    "entities": "?x a ?t FILTER(?t IN (schema:Person, schema:Country, schema:Place, schema:Organization, kg:ArmedGroup, kg:EthnicGroup)) FILTER STRSTARTS(STR(?x), STR(<entity/>)) ",
    "linked entities": "?x owl:sameAs ?q FILTER STRSTARTS(STR(?q), 'http://www.wikidata.org/entity/') FILTER(!STRSTARTS(STR(?x), STR(<position/>)))",
    "position holdings": "?x a kg:PositionHolding",
    "meetings": "?x a ?t . ?t rdfs:subClassOf* kg:Meeting",
    "agreements": "?x a kg:Agreement",
    "violation claims": "?x a kg:ViolationClaim",
    "casualty claims": "?x a kg:CasualtyClaim",
    "statements": "?x a kg:Statement",
}


def collect(store: Store, base: str | None = None) -> dict[str, int]:
    from syriakg.loaders import config

    base = base or config.base_iri()
    out: dict[str, int] = {"quads": len(store), "named graphs": sum(1 for _ in store.named_graphs())}
    for name, pattern in COUNTS.items():
        q = f"{sparql_prefixes()}SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}"
        row = next(iter(store.query(q, base_iri=base, use_default_graph_as_union=True)))
        out[name] = int(row["n"].value)
    return out


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"syriakg stats: no store at {args.store} (run `syriakg load` first)", file=sys.stderr)
        return 2
    stats = collect(open_store(args.store, read_only=True))
    stats_out: dict[str, object] = dict(stats)
    stats_out["version"] = store_version(args.store)
    if args.json:
        print(json.dumps(stats_out, indent=2))
    else:
        for k, v in stats_out.items():
            print(f"{k:>18}: {v}")
    return 0
