"""Build extraction Docs from sentences written in tests (no page parsing needed)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import Article, Entity, Extraction, Mention, RawDocument, Sentence, Span


def doc_from_sentences(sentences: list[str], headline: str = "Tiêu đề", date: str | None = None) -> Doc:
    """A Doc whose article text is the headline, a blank line, then one sentence per line.

    `date` (ISO, optional) becomes the article's publication date evidence.
    """
    from syriakg.loaders.model import DateValue

    text = headline + "\n\n"
    spans: list[Sentence] = []
    for i, s in enumerate(sentences):
        begin = len(text)
        text += s
        spans.append(Sentence(i, begin, begin + len(s), s, "body", i))
        text += "\n"
    raw = RawDocument(source_file="test.txt", doc_id="test", text=text, format="txt")
    art = Article(raw=raw, text=text, headline=headline, headline_span=Span(0, len(headline)),
                  body=[s.span for s in spans], body_end=len(text))
    if date:
        art.date_published = DateValue(date, "date", date)
    return Doc(Extraction(article=art, sentences=spans))


def add_mention(doc: Doc, sentence: int, surface: str, entity: str, how: str = "name", nth: int = 0) -> Mention:
    """Record that the nth occurrence of `surface` in a sentence mentions `entity`."""
    s = doc.ex.sentences[sentence]
    pos = -1
    for _ in range(nth + 1):
        pos = s.text.index(surface, pos + 1)
    m = Mention(s.begin + pos, s.begin + pos + len(surface), surface, entity, sentence, how)
    doc.ex.mentions.append(m)
    doc.invalidate()
    return m


def run_with_mentions(sentences: list[str], mentions: Iterable[tuple[int, str, str]], kinds: dict[str, str],
                      components: Iterable[Callable[[Doc], None]], date: str | None = None) -> Doc:
    """A doc of `sentences` with the given (sentence, surface, entity key) mentions, entities of the kinds in
    `kinds`, after running `components` in order."""
    doc = doc_from_sentences(sentences, date=date)
    for i, surface, key in mentions:
        add_mention(doc, i, surface, key)
        doc.ex.entities.setdefault(key, Entity(key, kinds[key], surface))  # type: ignore[arg-type]
    for component in components:
        component(doc)
    return doc
