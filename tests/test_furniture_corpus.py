"""Body/furniture split measured on the shared inputs: the 5 seeds against the gold file, the 30 dev articles.

Skips cleanly when shared/ is absent (locate it via SYRIAKG_SHARED or ../shared).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from syriakg.loaders.model import Article, LoadError, RawDocument
from syriakg.loaders.sources.discover import iter_documents
from syriakg.loaders.text.bylines import parse_byline
from syriakg.loaders.text.furniture import build_article
from syriakg.loaders.text.sentences import split_article
from syriakg.loaders.text.sources_gazetteer import outlet_name


def _shared() -> Path:
    env = os.environ.get("SYRIAKG_SHARED")
    p = Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared"
    if not p.is_dir():
        pytest.skip("shared/ is absent")
    return p


def _articles(folder: Path) -> dict[str, Article]:
    out: dict[str, Article] = {}
    for d in iter_documents([folder]):
        assert isinstance(d, RawDocument), str(d)
        out[d.source_file] = build_article(d)
    return out


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return json.loads((_shared() / "gold" / "seed-gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return _articles(_shared() / "seeds")


@pytest.fixture(scope="module")
def dev() -> dict[str, Article]:
    return _articles(_shared() / "corpus" / "dev")


def _nb(s: str) -> str:
    return s.replace("\u00a0", " ")


def test_seed_body_ends_exactly_before_gold(gold: list[dict], seeds: dict[str, Article]) -> None:
    for g in gold:
        art = seeds[g["article"]]
        assert art.body_end == _nb(art.text).index(g["body_ends_before"]), g["article"]
        body, captions = split_article(art)
        assert body and all(s.end <= art.body_end for s in body)
        # nothing after the body end, and no furniture, ever becomes a body sentence
        for s in body:
            assert art.text[s.begin:s.end] == s.text
            assert not any(f.overlaps(s.span) for f, _ in art.furniture)
        assert art.headline == g["title"]


def test_seed_metadata(gold: list[dict], seeds: dict[str, Article]) -> None:
    for g in gold:
        art = seeds[g["article"]]
        # the gold writes the outlet as the page does ('TTXVN/Tin Tức'); we keep the canonical outlet name
        want = g["outlet"]
        assert art.outlet in (want, outlet_name(want), outlet_name(want.split("/")[-1])), g["article"]
        if "photo_credit" in g:
            assert art.photo_credit == g["photo_credit"], g["article"]
        if "author" in g:
            assert art.author == g["author"], g["article"]
        if "source_agency" in g:
            assert art.wire_agency == g["source_agency"], g["article"]


def test_seed_must_not_text_is_outside_the_body(gold: list[dict], seeds: dict[str, Article]) -> None:
    for g in gold:
        art = seeds[g["article"]]
        body = [_nb(s.text) for s in split_article(art)[0]]
        must_not = g.get("must_not", {})
        for name in must_not.get("names", []):
            assert not any(name in s for s in body), (g["article"], name)
        for ev in must_not.get("evidence_in", []):
            assert not any(ev in s for s in body), (g["article"], ev)


def test_seed_captions_are_not_body(seeds: dict[str, Article]) -> None:
    for name, art in seeds.items():
        body, captions = split_article(art)
        assert captions, name  # every seed page has a photo caption
        assert not {c.text for c in captions} & {s.text for s in body}


def test_header_date_is_recorded_as_written(seeds: dict[str, Article]) -> None:
    with_header = [a for a in seeds.values() if a.header_date_text]
    assert len(with_header) == 1
    art = with_header[0]
    assert art.text.startswith(art.header_date_text) and art.date_published is None


_CREDIT_IN_SENTENCE = re.compile(r"\((?:Ảnh|Nguồn)\s*:|(?:^|\s)Ảnh\s*:\s")


def test_dev_articles_build_cleanly(dev: dict[str, Article]) -> None:
    assert len(dev) == 30
    with_captions = 0
    for name, art in dev.items():
        assert not art.warnings, (name, art.warnings)
        assert art.headline and art.lead is not None
        body, captions = split_article(art)
        assert len(body) >= 5, name
        with_captions += bool(captions)
        for s in body:
            assert art.text[s.begin:s.end] == s.text
            assert not _CREDIT_IN_SENTENCE.search(s.text), (name, s.text)
        # the byline glued to the end of the flattened body is furniture, not a sentence
        assert parse_byline(body[-1].text) is None, (name, body[-1].text)
    assert with_captions >= 18  # 20 of 30 measured; captions without any credit are not detected


def test_dev_bylines(dev: dict[str, Article]) -> None:
    authors = {n: a.author for n, a in dev.items() if a.author}
    assert len(authors) >= 15
    assert all(len(a.split()) <= 5 for a in authors.values())
    vov = [n for n, a in dev.items() if a.outlet == "VOV"]
    assert len(vov) == 3  # the three articles signed '/VOV.VN' or '/VOV-Trung tâm Tin'


def test_seed_and_dev_errors_are_none() -> None:
    shared = _shared()
    errs = [d for d in iter_documents([shared / "seeds", shared / "corpus" / "dev"]) if isinstance(d, LoadError)]
    assert errs == []
