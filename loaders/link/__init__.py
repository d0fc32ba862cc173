"""Cross-article linking: one canonical node per real-world event (or casualty toll) reported by several articles.

A derived stage: it reads the per-article reports from the article graphs
(`reports.py`), clusters those that describe one event (`cluster.py`, rules
and their reasons there) and writes one canonical node per cluster into the
derived graph `{base}graph/events` (`write.py`), replacing that graph's
content in one transaction.  Because the graph is rebuilt from the article
graphs each time, it is crash-safe by construction: a crash leaves the
previous (complete) version, and the next run brings it up to date.

Runs at the end of every `load()` that changed something, and as
`syriakg link`.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from pyoxigraph import Quad, Store

from syriakg.loaders.link.cluster import cluster_casualties, cluster_events
from syriakg.loaders.link.reports import read_casualty_reports, read_event_reports
from syriakg.loaders.link.write import _Labels, casualty_quads, event_quads, replace_graph
from syriakg.ontology.terms import graph_iri

GRAPH_NAME = "events"


@dataclass
class LinkSummary:
    event_reports: int = 0
    event_clusters: int = 0
    events_in_clusters: int = 0
    casualty_reports: int = 0
    casualty_clusters: int = 0
    casualties_in_clusters: int = 0
    quads: int = 0
    changed: bool = False
    written: bool = True  # False for a dry run
    cpu_s: float = 0.0

    def to_text(self) -> str:
        return (f"events: {self.event_reports} per-article reports, {self.event_clusters} canonical events "
                f"merging {self.events_in_clusters} reports\n"
                f"casualty claims: {self.casualty_reports}, {self.casualty_clusters} canonical tolls "
                f"merging {self.casualties_in_clusters} claims\n"
                f"derived graph: {self.quads} quads "
                f"({'dry run, not written' if not self.written else 'rewritten' if self.changed else 'unchanged'}); "
                f"cpu {self.cpu_s:.2f} s")


def link_quads(store: Store, base: str) -> tuple[list[Quad], LinkSummary]:
    """The derived graph's quads for the store's current article graphs (nothing is written)."""
    cpu0 = time.process_time()
    graph = graph_iri(base, GRAPH_NAME)
    summary = LinkSummary()
    label = _Labels(store)
    quads: list[Quad] = []
    events = read_event_reports(store, base)
    summary.event_reports = len(events)
    for c in cluster_events(events):
        quads.extend(event_quads(c, base, graph, label))
        summary.event_clusters += 1
        summary.events_in_clusters += len(c)
    claims = read_casualty_reports(store, base)
    summary.casualty_reports = len(claims)
    for c in cluster_casualties(claims):
        quads.extend(casualty_quads(c, base, graph, label))
        summary.casualty_clusters += 1
        summary.casualties_in_clusters += len(c)
    summary.quads = len(set(quads))
    summary.cpu_s = time.process_time() - cpu0
    return quads, summary


def link_store(store: Store, base: str, store_path: object = None) -> LinkSummary:
    """Rebuild the derived graph from the article graphs; bumps the store version when it changed."""
    cpu0 = time.process_time()
    quads, summary = link_quads(store, base)
    summary.changed = replace_graph(store, graph_iri(base, GRAPH_NAME), quads)
    if summary.changed and store_path is not None:
        from syriakg.loaders.store import bump_version

        bump_version(store_path)  # type: ignore[arg-type]
    summary.cpu_s = time.process_time() - cpu0
    return summary


def relink_after_load(store: Store, store_path: object, base: str, load_summary: object) -> None:
    """The hook at the end of `load()`: never fails the load; a failure is reported as a warning."""
    try:
        link_store(store, base, store_path)
    except Exception as err:  # noqa: BLE001 - a derived graph must never break a load
        warnings = getattr(load_summary, "warnings", None)
        message = f"cross-article linking failed ({err!r}); run `syriakg link` to retry"
        if isinstance(warnings, list):
            warnings.append(message)
        print(f"syriakg: {message}", file=sys.stderr)
