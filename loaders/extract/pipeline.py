"""Article -> Extraction: sentence splitting, then the fact-family components in order."""

from __future__ import annotations

from collections.abc import Callable

from syriakg.loaders.extract import actors, agreements, casualties, dates, meetings, statements
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import Article, Extraction
from syriakg.loaders.text.sentences import split_article

Component = Callable[[Doc], None]

COMPONENTS: list[tuple[str, Component]] = [
    ("actors", actors.component),
    ("dates", dates.component),
    ("agreements", agreements.component),
    ("casualties", casualties.component),
    ("meetings", meetings.component),
    ("statements", statements.component),
]


def extract(article: Article, components: list[tuple[str, Component]] | None = None) -> Extraction:
    """Run every component over the article's body sentences (a pure function of the article)."""
    body, captions = split_article(article)
    doc = Doc(Extraction(article=article, sentences=body, captions=captions))
    for _name, component in components or COMPONENTS:
        component(doc)
        doc.invalidate()
    return doc.ex
