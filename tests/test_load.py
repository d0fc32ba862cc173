"""Loading: idempotent, stable IRIs, per-file errors, crash leftovers cleaned, parallel == serial."""

from __future__ import annotations

import shutil
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, parse

from syriakg.loaders.load import load, remove_partial_graphs
from syriakg.loaders.rdf.iris import Iris
from syriakg.loaders.store import open_store, store_version
from syriakg.ontology.terms import DEFAULT_BASE

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"


def quads_of(path: Path) -> set[str]:
    store = open_store(path)
    return {str(q) for q in store}


def test_loading_twice_changes_nothing_and_skips_unchanged(tmp_path):
    s = tmp_path / "s"
    first = load([str(SEEDS)], s, workers=1)
    assert first.ok and first.articles == 5
    v1 = store_version(s)
    before = quads_of(s)
    second = load([str(SEEDS)], s, workers=1)
    assert second.ok and second.articles == 0 and second.unchanged == 5
    assert quads_of(s) == before
    assert store_version(s) == v1  # nothing committed, nothing changed


def test_order_and_parallelism_do_not_change_the_graph(tmp_path):
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    a, b = tmp_path / "a", tmp_path / "b"
    assert load(files, a, workers=1).ok
    assert load(list(reversed(files)), b, workers=2).ok
    assert quads_of(a) == quads_of(b)


def test_a_changed_article_replaces_its_graph(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    src = sorted(SEEDS.glob("*.txt"))[0]
    target = d / src.name
    shutil.copy(src, target)
    s = tmp_path / "s"
    assert load([str(d)], s, workers=1).articles == 1
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Syria", "Syrie", 1), encoding="utf-8")
    again = load([str(d)], s, workers=1)
    assert again.articles == 1 and again.replaced == 1
    store = open_store(s)
    texts = [q.object.value for q in store.quads_for_pattern(None, None, None, None)
             if q.predicate.value.endswith("#isString")]
    assert texts == [target.read_text(encoding="utf-8")]


def test_bad_files_are_reported_and_good_ones_loaded(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[1], d / "good.txt")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "bad-utf8.txt").write_bytes(b"Ti\xeau \xff\xfe\xfa \x81 de\n\nth\xe2n b\xe0i \x00\x9d")
    summary = load([str(d)], tmp_path / "s", workers=1)
    assert not summary.ok
    assert summary.articles == 1
    failed = {Path(e.source).name.split("#")[0] for e in summary.errors}
    assert {"empty.txt", "binary.txt"} <= failed
    for e in summary.errors:
        assert e.problem  # a reason is given
    assert "FAILED" in summary.to_text()


def test_partial_article_graphs_from_a_crash_are_removed(tmp_path):
    s = tmp_path / "s"
    assert load([str(SEEDS)], s, workers=1).ok
    store = open_store(s)
    iris = Iris(DEFAULT_BASE)
    g = iris.article_graph("ghost")
    nq = (f"<{iris.article('ghost').value}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
          f"<https://schema.org/NewsArticle> <{g.value}> .\n")
    store.extend(list(parse(nq.encode(), format=RdfFormat.N_QUADS)))
    assert any(isinstance(q, Quad) for q in store.quads_for_pattern(None, None, None, g))
    assert remove_partial_graphs(store, DEFAULT_BASE) == 1
    assert not store.contains_named_graph(g)


def test_the_final_compaction_changes_no_quad_and_can_be_skipped(tmp_path):
    compacted = load([str(SEEDS)], tmp_path / "c", workers=1)
    plain = load([str(SEEDS)], tmp_path / "p", workers=1, optimize=False)
    assert compacted.ok and plain.ok
    assert compacted.optimize_s > 0 and plain.optimize_s == 0
    assert "store compacted" in compacted.to_text() and "store compacted" not in plain.to_text()
    assert quads_of(tmp_path / "c") == quads_of(tmp_path / "p")
    again = load([str(SEEDS)], tmp_path / "c", workers=1)  # nothing written: nothing to compact
    assert again.articles == 0 and again.optimize_s == 0
