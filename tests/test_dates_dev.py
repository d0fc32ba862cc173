"""Dates on the real articles of the shared inputs: the seeds' gold publication dates and dev articles read by hand.

The expectations for the dev articles are my own reading of them (they are not
in the seed gold).  Skips cleanly when shared/ is absent.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from syriakg.loaders.extract import actors, agreements, casualties, dates
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import Extraction, RawDocument
from syriakg.loaders.sources.discover import iter_documents
from syriakg.loaders.text.furniture import build_article
from syriakg.loaders.text.sentences import split_article
from tests.conftest import shared_dir


def _folder(kind: str) -> Path:
    root = shared_dir()
    if root is None:
        pytest.skip("shared/ is absent")
    return root / "seeds" if kind == "seeds" else root / "corpus" / "dev"


@lru_cache(maxsize=64)
def _doc(kind: str, name: str) -> Doc:
    (raw,) = [d for d in iter_documents([_folder(kind) / name]) if isinstance(d, RawDocument)]
    art = build_article(raw)
    body, caps = split_article(art)
    doc = Doc(Extraction(article=art, sentences=body, captions=caps))
    for component in (actors.component, dates.component, agreements.component, casualties.component):
        component(doc)
        doc.invalidate()
    return doc


def seed_doc(name: str) -> Doc:
    """A seed article run through actors, dates, agreements and casualties (cached)."""
    return _doc("seeds", name)


def dev_doc(name: str) -> Doc:
    """A dev article run through actors, dates, agreements and casualties (cached)."""
    return _doc("dev", name)


def sentence_with(doc: Doc, words: str) -> int:
    """Index of the body sentence holding `words` (no-break spaces read as spaces)."""
    hits = [s.index for s in doc.sentences if words in s.text.replace("\u00a0", " ")]
    assert hits, words
    return hits[0]


def test_seed_publication_dates_are_accepted_by_the_gold(seed_gold: list[dict]) -> None:
    for g in seed_gold:
        dp = seed_doc(g["article"]).ex.article.date_published
        assert (dp.value if dp else None) in g["date_published"]["accept"], g["article"]


def test_seed_header_date_conflict_is_flagged_and_not_used() -> None:
    doc = seed_doc("004_2cea901bbec2a020.txt")
    art = doc.ex.article
    assert art.header_date_text and art.date_conflict and "2014" not in (art.date_published.value if art.date_published else "")
    for s in doc.sentences:
        for v in doc.dates.for_sentence(s):  # type: ignore[union-attr]
            assert not v.value.startswith(("2013", "2014")), v


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("002.txt", "2017-02-06"),  # "Ngày 6/2" + "kéo dài gần 6 năm" (the Syrian war, from March 2011)
        ("005.txt", "2017-02-06"),
        ("048.txt", "2017-06-14"),  # "Ngày 14/6" + "hơn 6 năm"
        ("029.txt", "--05-19"),  # "6 năm qua" is too loose to give a year
        ("017.txt", "--05-09"),
        ("036.txt", None),  # no day in the lead; a caption's "ngày 19/5" is not the article's date
    ],
)
def test_dev_publication_dates(name: str, published: str | None) -> None:
    dp = dev_doc(name).ex.article.date_published
    assert (dp.value if dp else None) == published


def test_dev_relative_dates() -> None:
    doc = dev_doc("022.txt")
    i = sentence_with(doc, "Trước đó một ngày, 10 người")
    assert [v.value for v in doc.dates.for_sentence(doc.sentences[i])] == ["--05-10"]  # type: ignore[union-attr]
    doc = dev_doc("007.txt")
    i = sentence_with(doc, "có hiệu lực từ cuối tháng 12/2016")
    assert "2016-12" in [v.value for v in doc.dates.for_sentence(doc.sentences[i])]  # type: ignore[union-attr]
    i = sentence_with(doc, "vào ngày 16-16/2 tới")
    assert "2017-02-16" in [v.value for v in doc.dates.for_sentence(doc.sentences[i])]  # type: ignore[union-attr]
