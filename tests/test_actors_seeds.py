"""Measure the actors component on the five seed articles against the shared gold.

Recall of gold `entities` and `roles` (evidence words within the holding's span or
evidence sentence), no QID that entities.tsv does not give, and no mention outside the
body sentences (so nothing from captions, furniture or appended articles).  Skips when
../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from syriakg.loaders.extract.actors import extract_actors
from syriakg.loaders.extract.gazetteer import get_gazetteer
from syriakg.loaders.model import Extraction

REPO = Path(__file__).resolve().parent.parent


def _extract(path: Path) -> Extraction:
    from syriakg.loaders.sources.discover import iter_documents
    from syriakg.loaders.text.furniture import build_article
    from syriakg.loaders.text.sentences import split_article

    raw = next(iter(iter_documents([str(path)])))
    art = build_article(raw)
    body, caps = split_article(art)
    ex = Extraction(article=art, sentences=body, captions=caps)
    extract_actors(ex)
    return ex


@pytest.fixture(scope="module")
def results(shared: Path) -> list[tuple[dict, Extraction]]:
    gold = json.loads((shared / "gold" / "seed-gold.json").read_text(encoding="utf-8"))
    return [(g, _extract(shared / "seeds" / g["article"])) for g in gold]


def test_entity_and_role_recall(results) -> None:
    te = fe = tr = fr = 0
    for g, ex in results:
        for k in g["entities"]:
            te += 1
            fe += k not in ex.entities
        for r in g["roles"]:
            tr += 1
            ev = r["evidence"].replace("\xa0", " ")
            ok = False
            for h in ex.positions:
                if h.holder == r["person"] and h.position.key == r["position"]:
                    span = ex.article.text[h.span.begin:h.span.end].replace("\xa0", " ")
                    sents = [ex.sentences[i].text.replace("\xa0", " ") for i in h.evidence]
                    ok = ok or ev in span or any(ev in s for s in sents)
            fr += not ok
    assert (te - fe) / te >= 0.95
    assert (tr - fr) / tr >= 0.95


def test_no_wrong_link_and_nothing_outside_the_body(results) -> None:
    gaz = get_gazetteer()
    for g, ex in results:
        for e in ex.entities.values():
            assert e.qid is None or gaz.entities[e.key].qid == e.qid
        spans = [(s.begin, s.end) for s in ex.sentences]
        cut = ex.article.text.find(g["body_ends_before"])
        for m in ex.mentions:
            assert any(b <= m.begin and m.end <= e for b, e in spans)
            assert cut < 0 or m.end <= cut
        labels = " ".join(e.label_vi for e in ex.entities.values())
        for name in g.get("must_not", {}).get("names", []):
            assert name not in labels and all(name not in m.text for m in ex.mentions)
