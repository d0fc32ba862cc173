"""The working document passed through the extraction components.

Extraction is a pipeline of components in the manner of spaCy: each is a
function `component(doc: Doc) -> None` that reads what earlier components
left on the `Doc` and appends facts to `doc.ex` (the `Extraction`).  The
order is fixed in `syriakg.loaders.extract.pipeline.COMPONENTS`:

    actors -> dates -> agreements -> casualties -> meetings -> statements

`actors` fills `ex.entities`, `ex.mentions` and `ex.positions`; `dates` sets
`doc.dates` (a resolver that knows the article's own date evidence); the fact
families then use both.  Components only ever look at body sentences
(`ex.sentences`), never captions or furniture.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from syriakg.loaders.model import DateValue, Extraction, Mention, Sentence, Span

if TYPE_CHECKING:
    pass


class DateResolver(Protocol):
    """What the `dates` component leaves on the Doc for the fact families."""

    def in_span(self, sentence: Sentence, span: Span) -> list[DateValue]:
        """Dates written inside `span` of `sentence`, resolved against the article's date evidence."""
        ...

    def for_sentence(self, sentence: Sentence) -> list[DateValue]:
        """All dates written in the sentence, resolved, in text order."""
        ...

    def clause_date(self, sentence: Sentence, offset: int, max_distance: int | None = None) -> DateValue | None:
        """The resolved date written nearest to the absolute `offset` (a trigger) in the sentence, if any."""
        ...

    def reference(self, sentence: Sentence, offset: int | None = None) -> DateValue | None:
        """The date in force at `offset`: the last day named before it, else the article's date ("cùng ngày")."""
        ...


@dataclass
class Doc:
    ex: Extraction
    dates: DateResolver | None = None
    _by_sentence: dict[int, list[Mention]] | None = field(default=None, repr=False)

    @property
    def sentences(self) -> list[Sentence]:
        return self.ex.sentences

    def mentions_in(self, sentence_index: int) -> list[Mention]:
        """Entity mentions of one sentence, in text order (cached; call after `actors`)."""
        if self._by_sentence is None:
            grouped: dict[int, list[Mention]] = defaultdict(list)
            for m in self.ex.mentions:
                grouped[m.sentence].append(m)
            for ms in grouped.values():
                ms.sort(key=lambda m: (m.begin, -m.end))
            self._by_sentence = dict(grouped)
        return self._by_sentence.get(sentence_index, [])

    def invalidate(self) -> None:
        """Forget cached views after mentions were added."""
        self._by_sentence = None

    def kind_of(self, entity_key: str) -> str | None:
        e = self.ex.entities.get(entity_key)
        return e.kind if e else None
