"""Load articles into the store: stream inputs, extract in worker processes, write in batches.

Write protocol (so that every article graph is complete or absent, even after
`kill -9`):

1. graphs of articles being replaced are removed;
2. the batch's article graphs are bulk-loaded *without* their `kg:sha256`
   triple;
3. the shared entities graph (descriptions of the entities they name) is
   bulk-loaded;
4. the `kg:sha256` triples (the commit markers) are added in one atomic
   `extend`, and the store version is bumped.

At the start of every load, article graphs that lack their commit marker
(left by a crash before 4) are removed.  Unchanged articles (same text
hash and extractor version) are skipped, so loading the same input twice
gives the same store.

How the work flows (one machine):

* the main thread reads the inputs (streaming: at most a window of documents
  is in flight) and hands chunks of documents to a pool of worker processes
  running `process_document`;
* results come back in submission order and are gathered into batches of
  about `BATCH_QUADS` quads;
* a writer thread commits each full batch with the protocol above while the
  workers go on extracting the next ones (pyoxigraph releases the GIL while it
  bulk-loads), so extraction and writing overlap;
* a worker that dies (killed, out of memory, a crash in native code) does not
  stop the load: the documents it held are retried one at a time in a fresh
  pool, and the one that kills a worker again is reported as an error.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import resource
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import BlankNode, NamedNode, Quad, RdfFormat, Store, parse

from syriakg.loaders import config
from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.process import Processed, process_document
from syriakg.loaders.rdf.iris import Iris
from syriakg.loaders.rdf.mapping import EXTRACTOR_VERSION, text_sha256
from syriakg.loaders.sources.discover import iter_documents
from syriakg.loaders.store import bump_version, open_store
from syriakg.ontology.terms import KG, KG_NS

BATCH_QUADS = 500_000  # quads per committed batch (env SYRIAKG_BATCH_QUADS overrides); see _Batch
CHUNK_DOCS = 8  # documents per task sent to a worker (amortises the inter-process round trip)
WINDOW_CHUNKS_PER_WORKER = 6  # tasks in flight per worker: bounds memory, keeps workers fed


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
    peak_rss_mb: float = 0.0  # all processes of the load together (main + workers), sampled
    cleaned_partial: int = 0
    peak_rss_main_mb: float = 0.0  # the main (writer) process alone
    workers: int = 1
    batches: int = 0
    worker_restarts: int = 0
    cpu_main_s: float = 0.0  # CPU seconds of the main process (reading, batching, the store's writes)
    cpu_workers_s: float = 0.0  # CPU seconds of the extraction workers
    optimize_s: float = 0.0  # wall seconds of the final compaction (`Store.optimize`), 0 when skipped

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_text(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        lines = [
            f"articles loaded: {self.articles} (replaced {self.replaced}, unchanged and skipped {self.unchanged})",
            f"sentences: {self.sentences}",
            "facts: " + (", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"),
            f"quads written: {self.quads} in {self.batches} batch(es)",
            f"errors: {len(self.errors)}",
            f"time: {self.seconds:.1f} s ({rate:.0f} articles/s, {self.workers} worker(s)), "
            f"peak memory {self.peak_rss_mb:.0f} MB (main process {self.peak_rss_main_mb:.0f} MB)",
            f"cpu: main process {self.cpu_main_s:.1f} s, workers {self.cpu_workers_s:.1f} s",
        ]
        if self.optimize_s:
            lines.append(f"store compacted for queries in {self.optimize_s:.1f} s (included in the time above)")
        if self.cleaned_partial:
            lines.append(f"removed {self.cleaned_partial} incomplete article graph(s) left by an interrupted load")
        if self.worker_restarts:
            lines.append(f"worker pool restarted {self.worker_restarts} time(s) after a worker died")
        for err in self.errors:
            lines.append(f"  FAILED {err.source}: {err.problem}")
        return "\n".join(lines)


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024.0  # Linux reports KiB


class _MemorySampler:
    """Samples the resident memory of this process and its children (the workers), keeps the peak."""

    def __init__(self, interval: float = 0.5) -> None:
        self.peak_total = 0.0
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="syriakg-memory", daemon=True)

    def start(self) -> _MemorySampler:
        self._thread.start()
        return self

    def sample(self) -> None:
        try:
            import psutil

            me = psutil.Process()
            total = me.memory_info().rss
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
        except Exception:  # noqa: BLE001 - memory accounting must never break a load
            return
        self.peak_total = max(self.peak_total, total / 2**20)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.sample()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sample()
        return self.peak_total


def ontology_quads(base: str) -> list[Quad]:
    """The ontology as quads of its named graph, with blank nodes named by position (so reloads are idempotent)."""
    g = Iris(base).graph("ontology")
    ttl = (config.ONTOLOGY_DIR / "syriakg.ttl").read_bytes()
    names: dict[str, BlankNode] = {}

    def fix(term):  # noqa: ANN001, ANN202 - an RDF term
        if isinstance(term, BlankNode):
            return names.setdefault(term.value, BlankNode(f"ontology{len(names)}"))
        return term

    return [Quad(fix(t.subject), t.predicate, fix(t.object), g)
            for t in parse(ttl, format=RdfFormat.TURTLE, base_iri=str(g.value))]


def ensure_ontology(store: Store, base: str) -> None:
    """(Re)load the ontology into its own named graph, unless it is already there unchanged."""
    g = Iris(base).graph("ontology")
    quads = ontology_quads(base)
    if store.contains_named_graph(g):
        if set(store.quads_for_pattern(None, None, None, g)) == set(quads):
            return
        store.remove_graph(g)
    store.extend(quads)


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


def committed_graphs(store: Store, base: str) -> set[str]:
    """IRIs of the article graphs that carry their commit marker (`kg:sha256`)."""
    prefix = f"{base}graph/article/"
    return {q.graph_name.value for q in store.quads_for_pattern(None, KG.sha256, None, None)
            if isinstance(q.graph_name, NamedNode) and q.graph_name.value.startswith(prefix)}


def remove_partial_graphs(store: Store, base: str) -> int:
    """Drop article graphs without a commit marker (an interrupted load); returns how many.

    Cheap on a big store: one scan of the `kg:sha256` triples and one of the
    graph names, instead of a scan of every quad.
    """
    prefix = f"{base}graph/article/"
    done = committed_graphs(store, base)
    partial = [g for g in store.named_graphs()
               if isinstance(g, NamedNode) and g.value.startswith(prefix) and g.value not in done]
    for g in partial:
        store.remove_graph(g)
    return len(partial)


class _Batch:
    """Articles waiting to be committed together.

    Their N-Quads go to a spool file as they arrive (the page cache holds them, not this
    process), and the writer hands the file to Oxigraph's bulk loader: no batch is ever a
    Python bytes object, so a batch can be big (fewer, larger bulk loads: less RocksDB
    compaction as the store grows) without the loader's memory growing with it.
    """

    def __init__(self, spool: Path) -> None:
        self.items: list[Processed] = []
        self.quads = 0
        self.shared: list[bytes] = []
        self.path = spool
        self._fh = None

    def add(self, p: Processed) -> None:
        if p.article_nq:
            if self._fh is None:
                self._fh = self.path.open("wb", buffering=1 << 20)
            self._fh.write(p.article_nq)
            self.quads += p.article_nq.count(b"\n")
            p.article_nq = b""  # on disk now
        self.items.append(p)

    def seal(self) -> None:
        """Close the spool file (before the writer reads it)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def discard(self) -> None:
        self.seal()
        self.path.unlink(missing_ok=True)


class _WriterThread:
    """Commits batches in the background, one at a time, in order; re-raises its failure in the caller."""

    def __init__(self, write) -> None:  # noqa: ANN001 - Callable[[_Batch], None]
        self._write = write
        self._queue: queue.Queue[_Batch | None] = queue.Queue(maxsize=1)  # one batch queued, one being written
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="syriakg-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._queue.get()
            try:
                if batch is None:
                    return
                if self._error is None:
                    self._write(batch)
            except BaseException as err:  # noqa: BLE001 - handed to the main thread
                self._error = err
            finally:
                self._queue.task_done()

    def _check(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            raise err

    def submit(self, batch: _Batch) -> None:
        self._check()
        self._queue.put(batch)

    def wait(self) -> None:
        """Block until every submitted batch is committed."""
        self._queue.join()
        self._check()

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        self._check()


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
        ensure_ontology(store, self.base)
        self.summary.cleaned_partial = remove_partial_graphs(store, self.base)
        self._existing = existing_articles(store, self.base)
        self._seen_ids: set[str] = set()
        self._spool_dir = _spool_dir(store_path)
        self._spooled = 0
        self._batch = self._new_batch()
        self._writer: _WriterThread | None = None
        self.batch_quads = int(os.environ.get("SYRIAKG_BATCH_QUADS") or BATCH_QUADS)

    def _new_batch(self) -> _Batch:
        self._spooled += 1
        return _Batch(self._spool_dir / f"batch-{self._spooled}.nq")

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
                self._batch.shared.append(line)
        if self._batch.quads >= self.batch_quads:
            self._submit()

    def background(self) -> None:
        """Commit full batches in a writer thread from now on (`close()` waits for it)."""
        if self._writer is None:
            self._writer = _WriterThread(self._write)

    def _submit(self) -> None:
        batch, self._batch = self._batch, self._new_batch()
        batch.seal()
        if not batch.items and not batch.shared:
            batch.discard()
            return
        if self._writer is not None:
            self._writer.submit(batch)
        else:
            self._write(batch)

    def flush(self) -> None:
        """Commit everything accepted so far, and wait until it is committed."""
        self._submit()
        if self._writer is not None:
            self._writer.wait()

    def close(self) -> None:
        try:
            self.flush()
            if self._writer is not None:
                writer, self._writer = self._writer, None
                writer.close()
        finally:
            self._batch.discard()
            shutil.rmtree(self._spool_dir, ignore_errors=True)

    def _write(self, batch: _Batch) -> None:
        """The commit protocol of the module docstring, for one batch."""
        replaced = [p for p in batch.items if p.doc_id in self._existing]
        for p in replaced:
            self.store.remove_graph(self.iris.article_graph(p.doc_id))
        if batch.quads:
            self.store.bulk_load(path=str(batch.path), format=RdfFormat.N_QUADS)
        batch.discard()
        # shared descriptions before the markers: an article that is committed has its entities
        # described (a crash in between leaves only harmless extra descriptions, and the
        # uncommitted articles are redone, re-emitting them)
        if batch.shared:
            self.store.bulk_load(b"\n".join(batch.shared) + b"\n", format=RdfFormat.N_QUADS)
            self.summary.quads += len(batch.shared)
        markers = b"".join(p.marker_nq for p in batch.items)
        if markers:
            self.store.extend(list(parse(markers, format=RdfFormat.N_QUADS)))
        for p in batch.items:
            self._existing[p.doc_id] = (p.sha256, EXTRACTOR_VERSION)
            self.summary.articles += 1
            self.summary.sentences += p.sentences
            self.summary.facts.update(p.facts)
            self.summary.warnings.extend(f"{p.source_file}: {w}" for w in p.warnings)
        self.summary.replaced += len(replaced)
        self.summary.quads += batch.quads + markers.count(b"\n")
        self.summary.batches += 1
        bump_version(self.store_path)


def _spool_dir(store_path: str | os.PathLike[str] | None) -> Path:
    """An empty folder for the batches' spool files: `<store>.spool` beside an on-disk store.

    Only the process holding the store's lock writes there, so whatever is left in it was left
    by an interrupted load and is removed.
    """
    if store_path is None:
        return Path(tempfile.mkdtemp(prefix="syriakg-spool-"))
    p = Path(store_path)
    d = p.with_name(p.name + ".spool")
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True, exist_ok=True)
    return d


# -- worker processes ----------------------------------------------------------

def _init_worker(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent, and exit if the parent dies (e.g. `kill -9`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="syriakg-orphan-watch", daemon=True).start()


def _work_chunk(docs: list[RawDocument], base: str) -> list[Processed | LoadError]:
    return [process_document(raw, base) for raw in docs]


def _chunks(items: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    chunk: list[RawDocument] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Pool:
    """A process pool that survives the death of a worker (see the module docstring)."""

    def __init__(self, workers: int, base: str) -> None:
        self.workers = workers
        self.base = base
        self.restarts = 0
        self._ctx = mp.get_context("fork")
        self._ex = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._ctx, initializer=_init_worker,
                                   initargs=(os.getpid(),))

    def _restart(self) -> None:
        self._ex.shutdown(wait=False, cancel_futures=True)
        self._ex = self._new()
        self.restarts += 1

    def submit(self, docs: list[RawDocument]) -> Future:
        try:
            return self._ex.submit(_work_chunk, docs, self.base)
        except BrokenProcessPool:
            self._restart()
            return self._ex.submit(_work_chunk, docs, self.base)

    def isolate(self, docs: list[RawDocument]) -> list[Processed | LoadError]:
        """Run documents one at a time after a worker died; the one that kills a worker again is an error."""
        out: list[Processed | LoadError] = []
        for raw in docs:
            try:
                out.extend(self._ex.submit(_work_chunk, [raw], self.base).result())
            except BrokenProcessPool:
                out.append(LoadError(raw.source_file, "the extraction worker process died on this article "
                                                      "(killed, out of memory or crashed); skipped"))
                self._restart()
        return out

    def map(self, docs: Iterable[RawDocument], window: int) -> Iterator[Processed | LoadError]:
        """Results in input order; at most `window` chunks in flight (so input is streamed)."""
        pending: deque[tuple[list[RawDocument], Future]] = deque()

        def drain_one() -> Iterator[Processed | LoadError]:
            chunk, fut = pending.popleft()
            try:
                yield from fut.result()
            except BrokenProcessPool:
                lost = [chunk] + [c for c, _ in pending]
                pending.clear()
                self._restart()
                for c in lost:
                    yield from self.isolate(c)

        for chunk in _chunks(docs, CHUNK_DOCS):
            pending.append((chunk, self.submit(chunk)))
            while len(pending) >= window:
                yield from drain_one()
        while pending:
            yield from drain_one()

    def close(self) -> None:
        self._ex.shutdown(wait=True, cancel_futures=True)


def load(paths: Iterable[str], store_path: str | os.PathLike[str] | None = None, *, store: Store | None = None,
         workers: int | None = None, encoding: str | None = None, base: str | None = None,
         force: bool = False, progress: bool = False, optimize: bool = True) -> LoadSummary:
    """Load every article under `paths` into the store; returns the summary (errors included, never raised).

    `optimize`: when the load wrote anything, compact the store at the end (`Store.optimize`).  A store
    built by many bulk loads is left as many overlapping RocksDB files, and every index lookup has to
    probe them all; compacted, lookups cost about half (35k-article store: 59-71 -> 26-31 us per
    lookup, lookup-bound queries 2-3x faster) for about 20 s of CPU once.
    """
    t0 = time.perf_counter()
    cpu0 = _cpu()
    sampler = _MemorySampler().start()
    if store is None:
        store = open_store(store_path)
    loader = Loader(store, store_path, base, force)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    loader.summary.workers = max(workers, 1)
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
            elif bar is not None:
                bar.update(1)

    def accept(result: Processed | LoadError) -> None:
        loader.accept(result)
        if bar is not None:
            bar.update(1)
            if loader.summary.errors:
                bar.set_postfix(errors=len(loader.summary.errors), refresh=False)

    loader.background()
    try:
        if workers <= 1:
            for raw in todo():
                accept(process_document(raw, loader.base))
        else:
            pool = _Pool(workers, loader.base)
            try:
                for result in pool.map(todo(), window=workers * WINDOW_CHUNKS_PER_WORKER):
                    accept(result)
            finally:
                pool.close()
                loader.summary.worker_restarts = pool.restarts
    finally:
        loader.close()
        store.flush()
        if bar is not None:
            bar.close()
    if loader.summary.articles or loader.summary.cleaned_partial:  # derived cross-article graph: loaders/link
        from syriakg.loaders.link import relink_after_load

        relink_after_load(store, store_path, loader.base, loader.summary)
        if optimize and store_path is not None:
            t_opt = time.perf_counter()
            store.optimize()
            loader.summary.optimize_s = time.perf_counter() - t_opt
    loader.summary.seconds = time.perf_counter() - t0
    loader.summary.peak_rss_main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    loader.summary.peak_rss_mb = max(sampler.stop(), peak_rss_mb())
    cpu1 = _cpu()
    loader.summary.cpu_main_s = cpu1[0] - cpu0[0]
    loader.summary.cpu_workers_s = cpu1[1] - cpu0[1]
    return loader.summary


def _cpu() -> tuple[float, float]:
    """(CPU seconds of this process, of its terminated children)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _progress(enabled: bool):  # noqa: ANN202 - tqdm or None
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5, smoothing=0.1)


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
