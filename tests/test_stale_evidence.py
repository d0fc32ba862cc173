"""Stale evidence: an article reloaded with changed text.

Load a seed article, change one sentence of it on disk, reload: re-extraction must replace the facts read
from the old text (the new ones verify), and whatever still points at the old text (here: facts kept in
another graph, as a curator's annotations or another tool's output would be) is reported by
`syriakg verify` and flagged in lookups, never silently passed as verified or dropped.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from syriakg.endpoint.facts_stale import verify_store
from syriakg.endpoint.lookup import FactLookup
from syriakg.loaders.load import load
from syriakg.loaders.store import open_store
from syriakg.ontology.terms import DEFAULT_BASE, KG, NIF, PROV, RDF_TYPE
from tests.test_lookup_corpus import BASE, E, build_store

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "articles" / "000_d5097bc123885f27.txt"
ANNOTATIONS = NamedNode(DEFAULT_BASE + "graph/annotations")


def _evidence(store: Store, article: str) -> dict[str, tuple[int, int, str, set[str]]]:
    """sentence IRI -> (begin, end, anchor, facts) for every evidence sentence of the article."""
    out: dict[str, tuple[int, int, str, set[str]]] = {}
    g = NamedNode(DEFAULT_BASE + "graph/article/" + article)
    for q in store.quads_for_pattern(None, PROV.wasDerivedFrom, None, g):
        s = q.object
        if s.value not in out:
            get = {p.predicate.value: p.object.value for p in store.quads_for_pattern(s, None, None, None)}
            out[s.value] = (int(get[NIF.beginIndex.value]), int(get[NIF.endIndex.value]), get[NIF.anchorOf.value], set())
        out[s.value][3].add(q.subject.value)
    return out


def _annotate(store: Store, n: int, sentence: str, sha: str, about: str) -> NamedNode:
    """A statement kept outside the article's graph, derived from `sentence` of the text hashed `sha`."""
    f = NamedNode(f"{DEFAULT_BASE}annotation/{n}")
    store.extend([Quad(f, RDF_TYPE, KG.Statement, ANNOTATIONS), Quad(f, KG.speaker, NamedNode(about), ANNOTATIONS),
                  Quad(f, PROV.wasDerivedFrom, NamedNode(sentence), ANNOTATIONS),
                  Quad(f, KG.textSha256, Literal(sha), ANNOTATIONS)])
    return f


@pytest.mark.skipif(not SEED.exists(), reason="seed article not in data/articles")
def test_reload_with_a_changed_sentence(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    path = tmp_path / "store"
    assert load([str(folder)], path, workers=1).ok
    store = open_store(path)
    doc = "000-d5097bc123885f27"
    art = NamedNode(DEFAULT_BASE + "article/" + doc)
    old_sha = next(store.quads_for_pattern(art, KG.sha256, None, None)).object.value
    before = _evidence(store, doc)
    assert verify_store(store, DEFAULT_BASE).ok

    # the sentence to change: one carrying facts and a figure; and one before it (its offsets will not move)
    target = max((s for s in before if re.search(r"\d", before[s][2])), key=lambda s: (len(before[s][3]), s))
    b, e, anchor, old_facts = before[target]
    earlier = min(before, key=lambda s: before[s][0])
    assert before[earlier][1] <= b
    speaker = E + "annotated-speaker"
    ann_changed = _annotate(store, 1, target, old_sha, speaker)
    ann_earlier = _annotate(store, 2, earlier, old_sha, speaker)
    store.flush()
    del store

    # change one sentence on disk: its first figure grows by a digit, so the sentence gets longer
    text = (folder / SEED.name).read_text(encoding="utf-8")
    number = re.search(r"\d+", anchor)
    new_anchor = anchor[: number.start()] + str(int(number.group()) + 100) + anchor[number.end():]
    assert text.count(anchor) == 1 and len(new_anchor) == len(anchor) + 1
    (folder / SEED.name).write_text(text.replace(anchor, new_anchor), encoding="utf-8")

    summary = load([str(folder)], path, workers=1)
    assert summary.ok and summary.replaced == 1
    store = open_store(path)
    new_sha = next(store.quads_for_pattern(art, KG.sha256, None, None)).object.value
    assert new_sha != old_sha
    after = _evidence(store, doc)

    # re-extraction replaced the facts read from the old text: none of them is left in the article's graph,
    # the changed sentence has a new IRI (its end moved) and carries facts again, all recording the new hash
    assert target not in after
    moved = f"{DEFAULT_BASE}article/{doc}/sentence/{b}-{e + 1}"
    assert moved in after and after[moved][2] == new_anchor
    pointing_at_old = {q.subject.value for q in store.quads_for_pattern(None, PROV.wasDerivedFrom, NamedNode(target), None)}
    assert pointing_at_old == {ann_changed.value}

    def kinds(facts: set[str]) -> set[str]:
        return {f.split("/")[-2] for f in facts}

    assert kinds(after[moved][3]) == kinds(old_facts) != set()
    g = NamedNode(DEFAULT_BASE + "graph/article/" + doc)
    assert {q.object.value for q in store.quads_for_pattern(None, KG.textSha256, None, g)} == {new_sha}

    # the facts from the new text verify; what still points at the old text is reported and flagged
    report = verify_store(store, DEFAULT_BASE)
    stale = {s.fact: s.problems for s in report.stale}
    assert stale == {ann_changed.value: ["sentence_missing"], ann_earlier.value: ["article_changed"]}
    assert report.articles_with_bad_hash == []
    lk = FactLookup(store, DEFAULT_BASE)
    page = lk.facts(speaker)
    assert page.total == 2 and page.unverified == 2
    flagged = {f.iri: f.problems for f in page.facts}
    assert flagged == stale
    for f in page.facts:
        assert not f.verified
    for fact in {f for v in after.values() for f in v[3]}:
        assert lk.fact(fact).verified, fact
    del store


def test_text_rewritten_in_place_with_a_new_hash():
    """A write that replaces an article's text and hash but not its facts (e.g. a SPARQL update)."""
    store = build_store()
    art = NamedNode(BASE + "article/thu-1")
    old = next(store.quads_for_pattern(art, NIF.isString, None, None))
    new_text = old.object.value.replace("ít nhất 12", "ít nhất 21").replace("Moskva ngày 5/3", "Moskva ngày 6/3")
    for q in list(store.quads_for_pattern(art, NIF.isString, None, None)) + list(
            store.quads_for_pattern(art, KG.sha256, None, None)):
        store.remove(q)
    store.add(Quad(art, NIF.isString, Literal(new_text), old.graph_name))
    store.add(Quad(art, KG.sha256, Literal(hashlib.sha256(new_text.encode()).hexdigest()), old.graph_name))
    report = verify_store(store, BASE)
    assert report.articles_with_bad_hash == []
    stale = {s.fact.split("/")[-2]: s.problems for s in report.stale}
    # every fact of the article was read from the old text: all stale; the two whose sentence changed
    # (the talks, the casualty figure; the holding shares the talks' sentence) no longer slice back
    assert set(stale) == {"event", "casualty", "statement", "holding"}
    assert stale["casualty"] == ["article_changed", "offsets_mismatch"]
    assert stale["statement"] == ["article_changed"]
    lk = FactLookup(store, BASE)
    (c,) = lk.facts(E + "sohr").facts
    assert not c.verified and c.count == 12  # still shown, flagged: the text no longer says 12
    assert all(f.verified for f in lk.facts(E + "putin").facts)


def test_a_clean_store_verifies():
    report = verify_store(build_store(), BASE)
    assert report.ok and report.stale == [] and report.facts_checked == 11 and report.articles_checked == 3
