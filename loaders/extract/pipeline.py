"""Article -> Extraction: sentence splitting, then the fact-family components in order.

`actors` and `dates` read every article (unless `--off-topic text`); the fact
families run only on articles about the Syrian war (`relevance.py` explains why
and how).
"""

from __future__ import annotations

from collections.abc import Callable

from syriakg.loaders.extract import actors, agreements, casualties, dates, meetings, relevance, statements
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import Article, Extraction
from syriakg.loaders.text.sentences import split_article

Component = Callable[[Doc], None]

# Components that run on every article, whatever its topic.
ALWAYS = frozenset({"actors", "dates"})

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
    relevant = not relevance.filter_enabled() or relevance.is_relevant(doc)
    always = ALWAYS
    if not relevant:
        if relevance.off_topic_mode() == "text":
            always = frozenset()
            article.warnings.append("not about the Syrian war: text and sentences only (--off-topic text)")
        else:
            article.warnings.append("not about the Syrian war: facts not extracted (entities and positions kept)")
    for name, component in components or COMPONENTS:
        if relevant or name in always:
            component(doc)
            doc.invalidate()
    return doc.ex
