"""Vietnamese sentence segmentation with exact offsets (placeholder until implemented)."""

from __future__ import annotations

from syriakg.loaders.model import Article, Sentence


def split_spans(text: str, begin: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries inside text[begin:end], as (begin, end) offsets into `text`."""
    raise NotImplementedError


def split_article(article: Article) -> tuple[list[Sentence], list[Sentence]]:
    """Body sentences (numbered from 0, in order) and caption sentences of an article."""
    raise NotImplementedError
