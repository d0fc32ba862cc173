"""`syriakg link`: rebuild the cross-article graph (canonical events and casualty tolls) from the article graphs.

`syriakg load` already does this after every load that changed something;
run it by hand after removing articles or changing the store otherwise
(SPARQL updates, Graph Store Protocol writes), or with `--list` to read the
clusters.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from syriakg.loaders import config
from syriakg.loaders.store import open_store


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dry-run", action="store_true", help="compute the clusters but write nothing")
    p.add_argument("--list", action="store_true", help="print each cluster with its reports")
    p.add_argument("--json", action="store_true", help="machine-readable summary (and clusters with --list)")


def _clusters(store, base: str) -> dict[str, list[dict[str, object]]]:  # noqa: ANN001 - a pyoxigraph Store
    from syriakg.loaders.link.cluster import cluster_casualties, cluster_events
    from syriakg.loaders.link.reports import read_casualty_reports, read_event_reports

    def rows(cluster) -> list[dict[str, object]]:  # noqa: ANN001
        out = []
        for r in cluster:
            d = {k: getattr(r, k) for k in r.__slots__}
            d = {k: (sorted(v) if isinstance(v, frozenset) else v) for k, v in d.items()}
            if r.date is not None:
                d["date"] = f"{r.date.value} ({r.date.precision})"
            out.append(d)
        return out

    return {
        "events": [rows(c) for c in cluster_events(read_event_reports(store, base))],
        "casualties": [rows(c) for c in cluster_casualties(read_casualty_reports(store, base))],
    }


def run(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        print(f"syriakg link: no store at {args.store} (run `syriakg load` first)", file=sys.stderr)
        return 2
    from syriakg.loaders.link import link_quads, link_store

    base = config.base_iri()
    store = open_store(args.store, read_only=args.dry_run)
    if args.dry_run:
        _, summary = link_quads(store, base)
        summary.written = False
    else:
        summary = link_store(store, base, args.store)
        store.flush()
    clusters = _clusters(store, base) if args.list else None
    if args.json:
        out: dict[str, object] = dict(vars(summary))
        if clusters is not None:
            out["clusters"] = clusters
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(summary.to_text())
    if clusters is not None:
        for family, groups in clusters.items():
            for i, group in enumerate(groups, 1):
                print(f"\n{family} cluster {i}:")
                for r in group:
                    print("  " + ", ".join(f"{k}={v}" for k, v in r.items() if v not in (None, [])))
    return 0
