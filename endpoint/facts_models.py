"""The answers of the fact lookup (`/facts`, `/facts/check`, `syriakg facts|check|verify`) as pydantic models.

They are the JSON schema published in OpenAPI and the objects the library
(`syriakg.endpoint.lookup`) returns, so the API, the CLI's `--json` and the
HTML view all show the same thing.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Verdict = Literal["supported", "contradicted", "not_found"]

# Why a piece of evidence is not verified (see lookup.Evidence checks).
PROBLEMS = {
    "sentence_missing": "the evidence sentence is no longer in the graph (no anchor, offsets or article)",
    "article_missing": "the sentence's article has no stored text",
    "offsets_mismatch": "the article text at the sentence's offsets is not the sentence text",
    "text_hash_mismatch": "the stored article text does not hash to the article's kg:sha256 (the text was edited)",
    "article_changed": "the article's text hash differs from the hash recorded when the fact was extracted",
    "hash_not_recorded": "the fact records no text hash and lives outside the article's graph, so it cannot be "
                         "tied to this version of the text",
    "no_evidence": "the fact has no evidence sentence",
}


class Ref(BaseModel):
    """A node the fact points at (entity, place, position, agreement), with its best label."""

    iri: str
    label: str | None = None
    qid: str | None = Field(None, description="Wikidata QID when the node is linked (owl:sameAs)")


class Evidence(BaseModel):
    """One sentence a fact rests on, checked against the stored article text at lookup time."""

    sentence: str = Field(description="IRI of the nif:Sentence")
    article: str | None = Field(None, description="IRI of the article (nif:referenceContext)")
    source_file: str | None = None
    headline: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="schema:datePublished of the article")
    text: str | None = Field(None, description="the sentence as recorded (nif:anchorOf)")
    begin: int | None = None
    end: int | None = None
    verified: bool = Field(description="article text[begin:end] == text, and the article's kg:sha256 is the "
                                       "hash recorded when the fact was extracted")
    problems: list[str] = Field(default_factory=list, description="why not verified (codes: " + ", ".join(PROBLEMS) + ")")


class Fact(BaseModel):
    """A fact with the contract's fields (those that apply to its type) and its checked evidence."""

    iri: str
    type: str = Field(description="meeting | agreement | casualty | statement | position | violation | other")
    kind: str = Field(description="the most specific kind: talks, phone_call, visit, summit, negotiation, "
                                  "meeting, obstruction, violation, ...")
    classes: list[str] = Field(default_factory=list, description="rdf:type values (compact IRIs)")
    roles: list[str] = Field(default_factory=list, description="how the looked-up entity takes part (actor, place, speaker, ...)")
    verified: bool = Field(description="every listed evidence sentence verified (false also when there is none); "
                                       "`syriakg verify` checks all of them")
    problems: list[str] = Field(default_factory=list)
    label: str | None = None
    status: str | None = None
    date: str | None = None
    date_type: str | None = Field(None, description="xsd:date, xsd:gYearMonth, xsd:gYear or xsd:gMonthDay")
    date_text: str | None = None
    topic: str | None = None
    actors: list[Ref] = Field(default_factory=list)
    place: Ref | None = None
    parties: list[Ref] = Field(default_factory=list)
    agreement: Ref | None = None
    claimant: Ref | None = None
    accused: list[Ref] = Field(default_factory=list)
    count: int | None = None
    count_text: str | None = None
    qualifier: str | None = None
    outcome: str | None = None
    victims: str | None = None
    speaker: Ref | None = None
    speech_act: str | None = None
    quote: str | None = None
    holder: Ref | None = None
    position: Ref | None = None
    reported_in: list[str] = Field(default_factory=list, description="articles the fact was read from (kg:reportedIn)")
    same_event: str | None = Field(None, description="the canonical node (kg:CanonicalEvent / kg:CanonicalCasualty, "
                                   "built by `syriakg link`) merging this report with reports of other articles")
    same_event_as: list[str] = Field(default_factory=list, description="reports of the same event in other "
                                     "articles (kg:sameEventAs), each with its own status, date and evidence")
    text_sha256: str | None = Field(None, description="kg:textSha256: the article text hash at extraction time")
    evidence: list[Evidence] = Field(default_factory=list, description="the evidence sentences, at most the "
                                      "request's `evidence` limit of them, each verified now")
    evidence_count: int = Field(0, description="how many evidence sentences the fact has in all")
    why: str | None = Field(None, description="(claim checks) why the fact supports, contradicts or relates to the claim")


class EntityInfo(BaseModel):
    iri: str
    label: str | None = None
    labels: dict[str, list[str]] = Field(default_factory=dict, description="language tag -> labels")
    qid: str | None = None
    types: list[str] = Field(default_factory=list)
    match: str | None = Field(None, description="how the query found it: qid, iri, exact, partial, approximate")
    matched_name: str | None = None
    facts: int | None = Field(None, description="number of facts naming it (candidates only)")


class FactsPage(BaseModel):
    """`GET /facts`: the entity and one page of its facts."""

    query: str
    entity: EntityInfo | None
    filters: dict[str, str] = Field(default_factory=dict)
    total: int = Field(description="facts matching the filters")
    limit: int
    offset: int
    next_offset: int | None = Field(None, description="offset of the next page, null on the last one")
    unverified: int = Field(0, description="facts on this page whose evidence failed the check (they are flagged, "
                                           "not dropped)")
    facts: list[Fact]


class Candidates(BaseModel):
    """Answer (HTTP 300) when a name fits several entities: pick one and ask again with its IRI or QID."""

    query: str
    parameter: str = Field("entity", description="the request parameter the candidates are for")
    message: str
    candidates: list[EntityInfo]


class CheckResult(BaseModel):
    """`GET /facts/check`: what the graph says about a structured claim."""

    claim: dict[str, str]
    verdict: Verdict
    explanation: str
    subject: EntityInfo | None = None
    object: EntityInfo | None = None
    place: EntityInfo | None = None
    supporting: list[Fact] = Field(default_factory=list)
    contradicting: list[Fact] = Field(default_factory=list)
    related: list[Fact] = Field(default_factory=list, description="same actors and type, neither supporting nor "
                                                                  "contradicting (e.g. an earlier report of a planned meeting)")
    notes: list[str] = Field(default_factory=list)


class StaleFact(BaseModel):
    fact: str
    classes: list[str] = Field(default_factory=list)
    graph: str | None = None
    problems: list[str]
    evidence: list[Evidence] = Field(default_factory=list)


class VerifyReport(BaseModel):
    """`syriakg verify`: every fact whose evidence no longer matches the stored text."""

    facts_checked: int
    evidence_checked: int
    articles_checked: int
    stale: list[StaleFact]
    articles_with_bad_hash: list[str] = Field(default_factory=list,
                                              description="articles whose stored text does not hash to their kg:sha256")
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.stale and not self.articles_with_bad_hash
