"""Idempotency at scale: the same corpus loaded twice (or forced, or in another order with other worker
counts) gives the same quad count and the same IRIs."""

from __future__ import annotations

import gzip
from pathlib import Path

from pyoxigraph import BlankNode, NamedNode

from syriakg.loaders.load import load
from syriakg.loaders.store import open_store
from syriakg.ontology.terms import DEFAULT_BASE
from tests.test_crash import corpus


def iris_of(path: Path) -> tuple[int, set[str], set[str]]:
    """(quad count, every IRI in the store, every quad as text)."""
    store = open_store(path)
    iris: set[str] = set()
    quads: set[str] = set()
    n = 0
    for q in store:
        n += 1
        quads.add(str(q))
        for t in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(t, NamedNode):
                iris.add(t.value)
            assert not (isinstance(t, BlankNode) and "/graph/article/" in str(q.graph_name)), q
    return n, iris, quads


def reversed_copy(src: Path, dst: Path) -> Path:
    with gzip.open(src, "rb") as fh:
        lines = fh.readlines()
    dst.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(dst, "wb") as fh:
        fh.writelines(reversed(lines))
    return dst


def test_same_corpus_twice_same_quads_and_iris(tmp_path):
    src = corpus(tmp_path, 120)
    store = tmp_path / "s"
    first = load([str(src)], store, workers=2, base=DEFAULT_BASE)
    assert first.articles >= 100
    n1, iris1, quads1 = iris_of(store)
    second = load([str(src)], store, workers=2, base=DEFAULT_BASE)
    assert second.articles == 0 and second.unchanged == first.articles
    n2, iris2, quads2 = iris_of(store)
    assert (n1, iris1) == (n2, iris2) and quads1 == quads2
    forced = load([str(src)], store, workers=2, base=DEFAULT_BASE, force=True)
    assert forced.articles == forced.replaced == first.articles
    n3, iris3, quads3 = iris_of(store)
    assert (n3, iris3) == (n1, iris1) and quads3 == quads1  # replacement never duplicates

    # another order (same file name, so the same ids), another worker count, another store: the same graph
    other = tmp_path / "o"
    rev = load([str(reversed_copy(src, tmp_path / "reversed" / src.name))], other, workers=1, base=DEFAULT_BASE)
    assert rev.articles == first.articles
    n4, iris4, quads4 = iris_of(other)
    assert (n4, iris4) == (n1, iris1) and quads4 == quads1


def split_corpus(src: Path, folder: Path, parts: int) -> list[Path]:
    """The records of `src` dealt round-robin into `parts` JSON Lines files (ids come from the file stems)."""
    with gzip.open(src, "rb") as fh:
        lines = fh.readlines()
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"part-{i}.jsonl" for i in range(parts)]
    for i, f in enumerate(files):
        f.write_bytes(b"".join(lines[i::parts]))
    return files


def test_file_order_and_worker_count_do_not_change_the_graph(tmp_path):
    files = split_corpus(corpus(tmp_path, 60), tmp_path / "in", 3)
    a = load([str(tmp_path / "in")], tmp_path / "a", workers=2, base=DEFAULT_BASE)  # the folder, walked
    b = load([str(f) for f in reversed(files)], tmp_path / "b", workers=1, base=DEFAULT_BASE)  # files, reversed
    assert a.articles == b.articles >= 50
    na, iris_a, quads_a = iris_of(tmp_path / "a")
    nb, iris_b, quads_b = iris_of(tmp_path / "b")
    assert na == nb and iris_a == iris_b and quads_a == quads_b
    # the same files once more, listed twice over: nothing new, nothing duplicated
    again = load([str(f) for f in files] + [str(tmp_path / "in")], tmp_path / "b", workers=2, base=DEFAULT_BASE)
    assert again.articles == 0
    assert iris_of(tmp_path / "b") == (nb, iris_b, quads_b)
