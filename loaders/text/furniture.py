"""Raw page -> Article: headline, body, captions, furniture and metadata (placeholder)."""

from __future__ import annotations

from syriakg.loaders.model import Article, RawDocument


def build_article(raw: RawDocument) -> Article:
    """Split a decoded page into headline, body paragraphs, captions and furniture."""
    raise NotImplementedError
