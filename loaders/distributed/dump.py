"""Load an N-Quads dump (from the Spark job) into the embedded store, with the loader's commit protocol.

    python -m syriakg.loaders.distributed.dump out/ --store data/store

Order: ontology, then the graphs of articles already in the store that the
dump replaces are removed, then article graphs and the entities graph are
bulk-loaded, and the commit markers (`markers/`) are added last in one atomic
`extend`.  So a crash leaves only marker-less article graphs, which the next
`syriakg load` (or this command) removes, as after a crash of the loader.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store, parse

from syriakg.loaders import config
from syriakg.loaders.load import ensure_ontology, remove_partial_graphs
from syriakg.loaders.store import bump_version, open_store


def parts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("part-*") if p.is_file() and p.stat().st_size > 0)


def load_dump(dump: str | Path, store: Store, store_path: str | Path | None = None,
              base: str | None = None) -> dict[str, float]:
    """Bulk-load the dump under `dump` into `store`; returns counts and seconds."""
    d = Path(dump)
    base = base or config.base_iri()
    t0 = time.perf_counter()
    ensure_ontology(store, base)
    cleaned = remove_partial_graphs(store, base)
    markers = [q for f in parts(d / "markers") for q in parse(path=str(f), format=RdfFormat.N_QUADS)]
    replaced = 0
    for g in {q.graph_name for q in markers}:
        if isinstance(g, NamedNode) and store.contains_named_graph(g):
            store.remove_graph(g)
            replaced += 1
    files = parts(d / "articles") + parts(d / "entities")
    for f in files:
        store.bulk_load(path=str(f), format=RdfFormat.N_QUADS)
    store.extend(markers)
    store.flush()
    bump_version(store_path)
    if markers or cleaned:  # derived cross-article graph, as after `load()`: loaders/link
        from syriakg.loaders.link import relink_after_load

        relink_after_load(store, store_path, base, None)
    return {"articles": len(markers), "replaced": replaced, "cleaned_partial": cleaned, "files": len(files),
            "seconds": round(time.perf_counter() - t0, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump", help="the Spark job's output folder")
    ap.add_argument("--store", default=str(config.default_store_path()))
    args = ap.parse_args(argv)
    out = load_dump(args.dump, open_store(args.store), args.store)
    print(", ".join(f"{k} {v}" for k, v in out.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
