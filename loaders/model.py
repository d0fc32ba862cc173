"""The fact model: plain dataclasses that know nothing of RDF.

The data's path is raw page -> `RawDocument` -> `Article` (body, furniture,
metadata) -> `Sentence`s with offsets -> `Mention`s of `Entity`s -> facts
(`PositionHolding`, `Event`, `Agreement`, `ViolationClaim`, `CasualtyClaim`,
`Statement`) gathered in an `Extraction`.  `syriakg.loaders.rdf.mapping` is the
only module that turns these into RDF.

All offsets are Unicode code-point offsets into `Article.text`, end exclusive,
and `text[begin:end]` is always the stored anchor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityKind = Literal["person", "country", "place", "organization", "armed_group", "ethnic_group"]
EventKind = Literal["meeting", "talks", "phone_call", "visit", "summit", "negotiation"]
Status = Literal["occurred", "planned", "possible", "proposed", "cancelled", "denied"]
Qualifier = Literal["exactly", "at_least", "more_than", "about", "at_most", "vague"]
Outcome = Literal["killed", "injured", "displaced", "refugees", "missing", "captured"]
SpeechAct = Literal["say", "announce", "confirm", "deny", "call_for", "reject", "warn", "accuse"]
Precision = Literal["date", "gYearMonth", "gYear", "gMonthDay"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [begin, end) of code points in the article text."""

    begin: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.begin <= self.end:
            raise ValueError(f"bad span {self.begin}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.begin

    def contains(self, other: Span) -> bool:
        return self.begin <= other.begin and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.begin < other.end and other.begin < self.end


@dataclass(slots=True)
class RawDocument:
    """One input page, decoded to text, before anything is interpreted.

    `source_file` is the input file's name (for a JSONL record: the file's name
    and `#` and the record id); `doc_id` is the stable identity the article IRI
    is made from.
    """

    source_file: str
    doc_id: str
    text: str
    format: Literal["txt", "html", "jsonl"]
    encoding: str = "utf-8"
    source_path: str = ""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    raw_sha256: str | None = None  # hash of the bytes as read (HTML pages: the markup)
    author: str | None = None  # from page metadata (HTML), when the page declares one


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as precise as the text allows.

    `value` is the lexical form for its precision: `2020-02-25` (date),
    `2020-03` (gYearMonth), `2019` (gYear), `--02-26` (gMonthDay: a day whose
    year could not be established; never a guessed year).  `text` keeps the
    date words as written.
    """

    value: str
    precision: Precision
    text: str = ""
    span: Span | None = None


@dataclass(slots=True)
class Article:
    """A page split into headline, body and furniture, with its metadata."""

    raw: RawDocument
    text: str
    headline: str
    headline_span: Span | None = None
    lead: Span | None = None  # the sapo / first paragraph, when the page marks one
    body: list[Span] = field(default_factory=list)  # body paragraphs, in order
    captions: list[Span] = field(default_factory=list)  # photo captions (kept, never facts)
    furniture: list[tuple[Span, str]] = field(default_factory=list)  # (span, kind)
    body_end: int = 0  # offset where the article body ends (byline / furniture)
    outlet: str | None = None
    wire_agency: str | None = None
    author: str | None = None
    photo_credit: str | None = None
    url: str | None = None
    header_date_text: str | None = None  # a page header date, exactly as written
    date_published: DateValue | None = None  # inferred publication date
    date_conflict: str | None = None  # why the header date was not believed
    warnings: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.raw.doc_id

    @property
    def source_file(self) -> str:
        return self.raw.source_file


@dataclass(frozen=True, slots=True)
class Sentence:
    """A body sentence (or a caption) with exact offsets; `text == article.text[begin:end]`."""

    index: int
    begin: int
    end: int
    text: str
    kind: Literal["body", "caption"] = "body"
    paragraph: int = 0

    @property
    def span(self) -> Span:
        return Span(self.begin, self.end)


@dataclass(slots=True)
class Entity:
    """A person, country, place or organisation.

    `key` is stable across articles (the gazetteer key, or a slug of the
    normalised name for names the gazetteer has never seen); `qid` only when
    confirmed.
    """

    key: str
    kind: EntityKind
    label_vi: str
    label_en: str | None = None
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    in_gazetteer: bool = True


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a body sentence that names (or refers back to) an entity."""

    begin: int
    end: int
    text: str
    entity: str  # Entity.key
    sentence: int  # Sentence.index
    how: str = "name"  # name | alias | acronym | title | anaphor | metonym | counterpart

    @property
    def span(self) -> Span:
        return Span(self.begin, self.end)


@dataclass(slots=True)
class Position:
    """An office: "Ngoại trưởng Nga" -> foreign minister of Russia."""

    key: str
    label_vi: str
    label_en: str | None = None
    qid: str | None = None


@dataclass(slots=True)
class PositionHolding:
    holder: str  # Entity.key
    position: Position
    evidence: list[int]  # Sentence.index
    span: Span | None = None  # the words that say so
    date: DateValue | None = None


@dataclass(slots=True)
class Event:
    """A meeting, talks, phone call, visit, summit or negotiation."""

    kind: EventKind
    status: Status
    actors: list[str]  # Entity.key
    evidence: list[int]  # Sentence.index
    place: str | None = None  # Entity.key
    date: DateValue | None = None
    topic: str | None = None
    trigger: Span | None = None  # the words that name the event


@dataclass(slots=True)
class Agreement:
    """A named agreement (`key` from the catalogue) or an accord reached in the article (`key` None)."""

    key: str | None
    label: str
    evidence: list[int]
    parties: list[str] = field(default_factory=list)
    date: DateValue | None = None
    label_en: str | None = None
    qid: str | None = None
    kind: str | None = None  # e.g. coordination_accord, ceasefire
    trigger: Span | None = None


@dataclass(slots=True)
class ViolationClaim:
    """Someone claims an agreement was violated (or obstructed)."""

    agreement: Agreement
    claimant: str | None  # Entity.key
    evidence: list[int]
    accused: list[str] = field(default_factory=list)
    obstruction: bool = False
    date: DateValue | None = None


@dataclass(slots=True)
class CasualtyClaim:
    outcome: Outcome
    qualifier: Qualifier
    count_text: str
    evidence: list[int]
    count: int | None = None  # None when the text gives no number ("hàng triệu")
    victims: str | None = None
    place: str | None = None  # Entity.key
    claimant: str | None = None  # Entity.key; None = the article's own authority
    date: DateValue | None = None
    span: Span | None = None


@dataclass(slots=True)
class Statement:
    speaker: str  # Entity.key
    act: SpeechAct
    evidence: list[int]
    verb: str = ""  # the reporting verb as written
    quote: str | None = None
    date: DateValue | None = None
    place: str | None = None  # Entity.key
    span: Span | None = None


@dataclass(slots=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    captions: list[Sentence] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    positions: list[PositionHolding] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    violations: list[ViolationClaim] = field(default_factory=list)
    casualties: list[CasualtyClaim] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def fact_counts(self) -> dict[str, int]:
        return {
            "positions": len(self.positions),
            "events": len(self.events),
            "agreements": len(self.agreements),
            "violations": len(self.violations),
            "casualties": len(self.casualties),
            "statements": len(self.statements),
        }


class LoadError(Exception):
    """A per-file problem: names the file and what is wrong with it; the load goes on."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[LoadError], tuple[str, str]]:
        # errors cross process boundaries (loader workers, Spark): pickle by (source, problem),
        # since Exception's default pickling would call __init__ with the one formatted message
        return (type(self), (self.source, self.problem))
