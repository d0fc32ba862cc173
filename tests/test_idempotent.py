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
