"""Load articles into the store: stream inputs, extract in worker processes, write in batches.

Write protocol (so that every article graph is complete or absent, even after
`kill -9`):

1. graphs of articles being replaced are removed;
2. the batch's article graphs are bulk-loaded *without* their `kg:sha256`
   triple;
3. the `kg:sha256` triples (the commit markers) are added in one atomic
   `extend`;
4. the shared entities graph is bulk-loaded, and the store version is bumped.

At the start of every load, article graphs that lack their commit marker
(left by a crash between 2 and 3) are removed.  Unchanged articles (same text
hash and extractor version) are skipped, so loading the same input twice
gives the same store.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

from syriakg.loaders import config
from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.process import Processed, process_document
from syriakg.loaders.rdf.iris import Iris
from syriakg.loaders.rdf.mapping import EXTRACTOR_VERSION, text_sha256
from syriakg.loaders.sources.discover import iter_documents
from syriakg.loaders.store import bump_version, open_store
from syriakg.ontology.terms import KG_NS, SCHEMA_NS

BATCH_QUADS = 200_000


@dataclass
class LoadSummary:
    articles: int = 0  # loaded or replaced in this run
    replaced: int = 0
    unchanged: int = 0
    sentences: int = 0
    quads: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    errors: list[LoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    cleaned_partial: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_text(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        lines = [
            f"articles loaded: {self.articles} (replaced {self.replaced}, unchanged and skipped {self.unchanged})",
            f"sentences: {self.sentences}",
            "facts: " + (", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"),
            f"quads written: {self.quads}",
            f"errors: {len(self.errors)}",
            f"time: {self.seconds:.1f} s ({rate:.0f} articles/s), peak memory {self.peak_rss_mb:.0f} MB",
        ]
        if self.cleaned_partial:
            lines.append(f"removed {self.cleaned_partial} incomplete article graph(s) left by an interrupted load")
        for err in self.errors:
            lines.append(f"  FAILED {err.source}: {err.problem}")
        return "\n".join(lines)


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024.0  # Linux reports KiB


def ensure_ontology(store: Store, base: str) -> None:
    """(Re)load the ontology into its own named graph."""
    g = Iris(base).graph("ontology")
    ttl = (config.ONTOLOGY_DIR / "syriakg.ttl").read_bytes()
    store.remove_graph(g) if store.contains_named_graph(g) else None
    store.load(ttl, format=RdfFormat.TURTLE, to_graph=g)


def existing_articles(store: Store, base: str) -> dict[str, tuple[str, str]]:
    """doc_id -> (kg:sha256, kg:extractorVersion) of every committed article graph."""
    prefix = f"{base}graph/article/"
    q = f"""SELECT ?g ?sha ?v WHERE {{ GRAPH ?g {{ ?a <{KG_NS}sha256> ?sha .
            OPTIONAL {{ ?a <{KG_NS}extractorVersion> ?v }} }}
            FILTER STRSTARTS(STR(?g), "{prefix}") }}"""
    out: dict[str, tuple[str, str]] = {}
    for row in store.query(q):
        out[row["g"].value[len(prefix):]] = (row["sha"].value, row["v"].value if row["v"] else "")
    return out


def remove_partial_graphs(store: Store, base: str) -> int:
    """Drop article graphs without a commit marker (an interrupted load); returns how many."""
    prefix = f"{base}graph/article/"
    q = f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a a <{SCHEMA_NS}NewsArticle> }}
            FILTER STRSTARTS(STR(?g), "{prefix}")
            FILTER NOT EXISTS {{ GRAPH ?g {{ ?a <{KG_NS}sha256> ?sha }} }} }}"""
    partial = [row["g"] for row in store.query(q)]
    # a graph with no article node at all is garbage too
    q2 = f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), "{prefix}")
             FILTER NOT EXISTS {{ GRAPH ?g {{ ?a <{KG_NS}sha256> ?sha }} }} }}"""
    partial += [row["g"] for row in store.query(q2) if row["g"] not in partial]
    for g in partial:
        store.remove_graph(g)
    return len(partial)


class _Window:
    """Bounds how many documents are in flight, so input is streamed, never all in memory."""

    def __init__(self, size: int) -> None:
        self._sem = threading.BoundedSemaphore(size)

    def feed(self, items: Iterable[RawDocument]) -> Iterator[RawDocument]:
        for item in items:
            self._sem.acquire()
            yield item

    def done(self) -> None:
        self._sem.release()


class _Batch:
    def __init__(self) -> None:
        self.items: list[Processed] = []
        self.quads = 0

    def add(self, p: Processed) -> None:
        self.items.append(p)
        self.quads += p.article_nq.count(b"\n")


class Loader:
    """Loads documents into one store."""

    def __init__(self, store: Store, store_path: str | os.PathLike[str] | None, base: str | None = None,
                 force: bool = False) -> None:
        self.store = store
        self.store_path = store_path
        self.base = base or config.base_iri()
        self.iris = Iris(self.base)
        self.force = force
        self.summary = LoadSummary()
        self._shared_seen: set[bytes] = set()
        self._shared_pending: list[bytes] = []
        ensure_ontology(store, self.base)
        self.summary.cleaned_partial = remove_partial_graphs(store, self.base)
        self._existing = existing_articles(store, self.base)
        self._seen_ids: set[str] = set()
        self._batch = _Batch()

    # -- which documents need work -------------------------------------------
    def needs_work(self, raw: RawDocument) -> bool | LoadError:
        if raw.doc_id in self._seen_ids:
            return LoadError(raw.source_file, f"duplicate article id {raw.doc_id!r} in this load; kept the first")
        self._seen_ids.add(raw.doc_id)
        old = self._existing.get(raw.doc_id)
        if old and not self.force and old == (text_sha256(raw.text), EXTRACTOR_VERSION):
            self.summary.unchanged += 1
            return False
        return True

    # -- results -------------------------------------------------------------
    def accept(self, result: Processed | LoadError) -> None:
        if isinstance(result, LoadError):
            self.summary.errors.append(result)
            return
        self._batch.add(result)
        for line in result.shared_nq:
            if line not in self._shared_seen:
                self._shared_seen.add(line)
                self._shared_pending.append(line)
        if self._batch.quads >= BATCH_QUADS:
            self.flush()

    def flush(self) -> None:
        batch, self._batch = self._batch, _Batch()
        if not batch.items:
            return
        replaced = [p for p in batch.items if p.doc_id in self._existing]
        for p in replaced:
            self.store.remove_graph(self.iris.article_graph(p.doc_id))
        body = b"".join(p.article_nq for p in batch.items)
        if body:
            self.store.bulk_load(body, format=RdfFormat.N_QUADS)
        markers = b"".join(p.marker_nq for p in batch.items)
        from pyoxigraph import parse

        self.store.extend(list(parse(markers, format=RdfFormat.N_QUADS)))
        if self._shared_pending:
            self.store.bulk_load(b"\n".join(self._shared_pending) + b"\n", format=RdfFormat.N_QUADS)
            self.summary.quads += len(self._shared_pending)
            self._shared_pending = []
        for p in batch.items:
            self._existing[p.doc_id] = (p.sha256, EXTRACTOR_VERSION)
            self.summary.articles += 1
            self.summary.sentences += p.sentences
            self.summary.facts.update(p.facts)
            self.summary.warnings.extend(f"{p.source_file}: {w}" for w in p.warnings)
        self.summary.replaced += len(replaced)
        self.summary.quads += batch.quads + markers.count(b"\n")
        bump_version(self.store_path)


def load(paths: Iterable[str], store_path: str | os.PathLike[str] | None = None, *, store: Store | None = None,
         workers: int | None = None, encoding: str | None = None, base: str | None = None,
         force: bool = False, progress: bool = False) -> LoadSummary:
    """Load every article under `paths` into the store; returns the summary (errors included, never raised)."""
    t0 = time.perf_counter()
    if store is None:
        store = open_store(store_path)
    loader = Loader(store, store_path, base, force)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    bar = _progress(progress)

    def todo() -> Iterator[RawDocument]:
        for item in iter_documents(paths, encoding=encoding):
            if isinstance(item, LoadError):
                loader.summary.errors.append(item)
                continue
            verdict = loader.needs_work(item)
            if isinstance(verdict, LoadError):
                loader.summary.errors.append(verdict)
            elif verdict:
                yield item
            if bar is not None:
                bar.update(1)

    work = partial(process_document, base=loader.base)
    if workers <= 1:
        for raw in todo():
            loader.accept(work(raw))
    else:
        window = _Window(workers * 64)
        ctx = mp.get_context("fork")
        with ctx.Pool(workers) as pool:
            for result in pool.imap(work, window.feed(todo()), chunksize=8):
                window.done()
                loader.accept(result)
    loader.flush()
    store.flush()
    if bar is not None:
        bar.close()
    loader.summary.seconds = time.perf_counter() - t0
    loader.summary.peak_rss_mb = peak_rss_mb()
    return loader.summary


def _progress(enabled: bool):  # noqa: ANN202 - tqdm or None
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def remove_article(store: Store, doc_id: str, base: str | None = None) -> bool:
    """Remove one article's graph; True if it was there."""
    g = Iris(base or config.base_iri()).article_graph(doc_id)
    if store.contains_named_graph(g):
        store.remove_graph(g)
        return True
    return False


def article_graphs(store: Store, base: str | None = None) -> list[NamedNode]:
    prefix = f"{base or config.base_iri()}graph/article/"
    return [g for g in store.named_graphs() if isinstance(g, NamedNode) and g.value.startswith(prefix)]


def default_inputs() -> list[str]:
    return [str(Path(config.data_dir()) / "articles")]
