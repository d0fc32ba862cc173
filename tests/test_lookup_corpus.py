"""A small hand-made corpus for the fact-lookup tests (sentences written for these tests), built with the
real mapping (`to_quads`) so the graph has exactly the loader's shape; and checks that it does.

Three articles: foreign ministers' talks in Moscow with a casualty figure for Idlib and a statement;
another outlet's different figure for the same shelling, a planned Putin–Erdogan meeting and a
violation claim on the 2018 Sochi memorandum; then the meeting held, a rejection, and injuries in the
city (not the province) of Idlib.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Quad, Store

from syriakg.loaders.model import (
    Agreement,
    CasualtyClaim,
    DateValue,
    Entity,
    Event,
    Position,
    PositionHolding,
    Statement,
    ViolationClaim,
)
from syriakg.loaders.rdf.mapping import to_quads
from syriakg.loaders.store import bump_version, open_store
from syriakg.ontology.terms import DEFAULT_BASE
from tests.extract_helpers import add_mention, doc_from_sentences

BASE = DEFAULT_BASE
E = BASE + "entity/"

ENTITIES = {
    "russia": Entity("russia", "country", "Nga", "Russia", "Q159"),
    "turkey": Entity("turkey", "country", "Thổ Nhĩ Kỳ", "Turkey", "Q43"),
    "syria": Entity("syria", "country", "Syria", "Syria", "Q858"),
    "lavrov": Entity("lavrov", "person", "Sergei Lavrov", "Sergey Lavrov", "Q58217"),
    "cavusoglu": Entity("cavusoglu", "person", "Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", "Q249206"),
    "putin": Entity("putin", "person", "Vladimir Putin", "Vladimir Putin", "Q7747"),
    "erdogan": Entity("erdogan", "person", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Q39259"),
    "moscow": Entity("moscow", "place", "Moskva", "Moscow", "Q649"),
    "sochi": Entity("sochi", "place", "Sochi", "Sochi"),
    "idlib_governorate": Entity("idlib_governorate", "place", "tỉnh Idlib", "Idlib Governorate", "Q233218"),
    "idlib": Entity("idlib", "place", "thành phố Idlib", "Idlib (city)"),
    "sohr": Entity("sohr", "organization", "Đài quan sát Nhân quyền Syria", "Syrian Observatory for Human Rights"),
    "anadolu": Entity("anadolu", "organization", "Anadolu", "Anadolu Agency"),
    "syrian_government_forces": Entity("syrian_government_forces", "organization", "quân đội chính phủ Syria",
                                       "Syrian government forces"),
}
FM_RUSSIA = Position("foreign_minister_of_russia", "Ngoại trưởng Nga", "Minister of Foreign Affairs of Russia")


def _doc(doc_id: str, headline: str, date: str, outlet: str, sentences: list[str]):  # noqa: ANN202 - a Doc
    doc = doc_from_sentences(sentences, headline=headline, date=date)
    doc.ex.article.raw.doc_id = doc_id
    doc.ex.article.raw.source_file = f"{doc_id}.txt"
    doc.ex.article.outlet = outlet
    doc.ex.entities.update(ENTITIES)
    return doc


def article_one():  # noqa: ANN201 - an Extraction
    doc = _doc("thu-1", "Ngoại trưởng Nga và Thổ Nhĩ Kỳ hội đàm ở Moskva", "2019-03-06", "Báo Thử Nghiệm", [
        "Ngoại trưởng Nga Sergei Lavrov đã hội đàm với người đồng cấp Thổ Nhĩ Kỳ Mevlut Cavusoglu tại Moskva ngày 5/3.",
        "Theo Đài quan sát Nhân quyền Syria, ít nhất 12 dân thường đã thiệt mạng trong vụ pháo kích ở tỉnh Idlib hôm 4/3.",
        "Ông Lavrov nói Moskva sẵn sàng tiếp tục đối thoại về tình hình Syria.",
    ])
    add_mention(doc, 0, "Sergei Lavrov", "lavrov")
    add_mention(doc, 0, "Mevlut Cavusoglu", "cavusoglu")
    add_mention(doc, 0, "Moskva", "moscow")
    add_mention(doc, 1, "tỉnh Idlib", "idlib_governorate")
    ex = doc.ex
    ex.positions.append(PositionHolding("lavrov", FM_RUSSIA, [0]))
    ex.events.append(Event("talks", "occurred", ["lavrov", "cavusoglu"], [0], place="moscow",
                           date=DateValue("2019-03-05", "date", "ngày 5/3")))
    ex.casualties.append(CasualtyClaim("killed", "at_least", "ít nhất 12", [1], count=12, victims="dân thường",
                                       place="idlib_governorate", claimant="sohr",
                                       date=DateValue("2019-03-04", "date", "hôm 4/3")))
    ex.statements.append(Statement("lavrov", "say", [2], verb="nói"))
    return ex


def article_two():  # noqa: ANN201
    doc = _doc("thu-2", "Hai nguồn tin đưa ra số thương vong khác nhau", "2019-03-07", "Báo Mẫu Hai", [
        "Hãng thông tấn Anadolu cho biết 7 dân thường đã thiệt mạng trong vụ pháo kích ở tỉnh Idlib hôm 4/3.",
        "Tổng thống Vladimir Putin dự kiến tiếp Tổng thống Recep Tayyip Erdogan tại Sochi vào giữa tháng 3.",
        "Thổ Nhĩ Kỳ cáo buộc quân đội chính phủ Syria vi phạm bản ghi nhớ Sochi về Idlib.",
    ])
    add_mention(doc, 0, "Anadolu", "anadolu")
    add_mention(doc, 1, "Vladimir Putin", "putin")
    add_mention(doc, 1, "Recep Tayyip Erdogan", "erdogan")
    add_mention(doc, 2, "Thổ Nhĩ Kỳ", "turkey")
    ex = doc.ex
    ex.casualties.append(CasualtyClaim("killed", "exactly", "7", [0], count=7, victims="dân thường",
                                       place="idlib_governorate", claimant="anadolu",
                                       date=DateValue("2019-03-04", "date", "hôm 4/3")))
    ex.events.append(Event("meeting", "planned", ["putin", "erdogan"], [1], place="sochi",
                           date=DateValue("2019-03", "gYearMonth", "giữa tháng 3")))
    sochi = Agreement("sochi_idlib_2018", "Bản ghi nhớ Sochi về Idlib", [2], parties=["russia", "turkey"],
                      date=DateValue("2018-09-17", "date"), label_en="Russia–Turkey memorandum on Idlib (Sochi, 2018)")
    ex.agreements.append(sochi)
    ex.violations.append(ViolationClaim(sochi, "turkey", [2], accused=["syrian_government_forces"]))
    return ex


def article_three():  # noqa: ANN201
    doc = _doc("thu-3", "Putin và Erdogan gặp nhau ở Sochi", "2019-03-18", "Báo Thử Nghiệm", [
        "Hôm 17/3, ông Putin và ông Erdogan đã gặp nhau tại khu nghỉ dưỡng Sochi bên bờ Biển Đen.",
        "Ông Erdogan bác bỏ thông tin rằng Ankara sẽ rút quân khỏi miền bắc Syria.",
        "Ba người bị thương ở thành phố Idlib sau một vụ nổ.",
    ])
    add_mention(doc, 0, "Putin", "putin")
    add_mention(doc, 0, "Erdogan", "erdogan")
    add_mention(doc, 2, "thành phố Idlib", "idlib")
    ex = doc.ex
    ex.events.append(Event("meeting", "occurred", ["putin", "erdogan"], [0], place="sochi",
                           date=DateValue("2019-03-17", "date", "Hôm 17/3")))
    ex.statements.append(Statement("erdogan", "reject", [1], verb="bác bỏ"))
    ex.casualties.append(CasualtyClaim("injured", "exactly", "Ba", [2], count=3, victims="người", place="idlib"))
    return ex


ARTICLES = (article_one, article_two, article_three)


def corpus_quads() -> list[Quad]:
    out: dict[Quad, None] = {}
    for make in ARTICLES:
        art, shared = to_quads(make(), BASE)
        out.update(dict.fromkeys(art))
        out.update(dict.fromkeys(shared))
    return list(out)


def build_store(path: str | Path | None = None) -> Store:
    """The corpus in a new store (in memory, or on disk at `path` with its version file bumped)."""
    store = open_store(path)
    store.extend(corpus_quads())
    store.flush()
    if path is not None:
        bump_version(path)
    return store


def fact_of(store: Store, kind: str, doc_id: str) -> list[str]:
    """IRIs of the facts of `kind` (event, casualty, statement, ...) written for article `doc_id`."""
    prefix = f"{BASE}article/{doc_id}/{kind}/"
    return sorted({q.subject.value for q in store if q.subject.value.startswith(prefix)})


# --- the corpus has the loader's shape ------------------------------------------------------------------


def test_every_evidence_sentence_slices_back_out_of_its_article():
    store = build_store()
    rows = store.query(
        "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
        "SELECT ?a ?b ?e ?t WHERE { ?s a nif:Sentence ; nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ; "
        "nif:referenceContext ?art . ?art nif:isString ?t }", use_default_graph_as_union=True)
    n = 0
    for r in rows:
        assert r["t"].value[int(r["b"].value):int(r["e"].value)] == r["a"].value
        n += 1
    assert n == 9


def test_the_corpus_has_each_kind_of_fact():
    store = build_store()
    assert len(fact_of(store, "event", "thu-1")) == 1
    assert len(fact_of(store, "casualty", "thu-2")) == 1
    assert len(fact_of(store, "violation", "thu-2")) == 1
    assert len(fact_of(store, "statement", "thu-3")) == 1
