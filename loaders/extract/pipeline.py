"""Article -> Extraction: sentence splitting, then the fact-family components in order.

`actors` and `dates` read every article (unless `--off-topic text`); the fact
families run only on articles about the Syrian war (`relevance.py` explains why
and how).
"""

from __future__ import annotations

import os
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
    limit = max_extract_chars()
    read = body if not body or body[-1].end <= limit else [s for s in body if s.end <= limit]
    if len(read) < len(body):
        article.warnings.append(f"body of {len(article.text):,} characters: entities and facts read from the first "
                                f"{limit:,} only (SYRIAKG_MAX_EXTRACT_CHARS); all sentences kept")
    doc = Doc(Extraction(article=article, sentences=read, captions=captions))
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
    doc.ex.sentences = body
    return doc.ex


DEFAULT_MAX_EXTRACT_CHARS = 300_000


def max_extract_chars() -> int:
    """How far into an article the components read (`SYRIAKG_MAX_EXTRACT_CHARS`, default 300,000 characters).

    News articles run to a few tens of thousands of characters; some rules look back over the sentences
    before the one they read, so their cost grows faster than the text on a pathological page (one
    5 MB paragraph took minutes). Past the limit the text and sentences are still stored."""
    env = os.environ.get("SYRIAKG_MAX_EXTRACT_CHARS", "").strip()
    return int(env) if env.isdigit() else DEFAULT_MAX_EXTRACT_CHARS
