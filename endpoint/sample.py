"""Small and synthetic stores shaped like the loader's output (see CONTRACT.md), for tests and benchmarks.

The sentences are invented for this module; they do not come from any corpus.
`python -m syriakg.endpoint.sample --store DIR --articles N` writes a
synthetic store of N articles (about 30 quads each) for load tests.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store

from syriakg.loaders.store import bump_version, open_store
from syriakg.ontology.terms import DEFAULT_BASE, KG, NIF, OWL, PROV, RDF_TYPE, RDFS, SCHEMA, SEM, WD, XSD

BASE = DEFAULT_BASE

# Two invented articles (no corpus wording): a meeting with a place on the first sentence and a
# statement with a quotation on the last one of each.  Tests derive offsets from these texts with
# `sentence_spans`, so the wording can change without touching them.
SAMPLE_TEXT = (
    "Ông Mevlut Cavusoglu, người đứng đầu ngành ngoại giao Thổ Nhĩ Kỳ, đã hội đàm với phái đoàn Iran "
    "tại Ankara chiều 14/11/2018. "
    "Cuộc gặp kéo dài gần ba giờ, xoay quanh việc nối lại đối thoại về thành phố Daraa ở miền nam Syria. "
    "Ông Cavusoglu cho biết: \"Chúng tôi muốn mọi bên trở lại bàn đàm phán trước cuối năm\"."
)
SAMPLE_QUOTE = "Chúng tôi muốn mọi bên trở lại bàn đàm phán trước cuối năm"
SAMPLE_HEADLINE = "Ankara và Tehran bàn về Daraa"
SAMPLE_DATE = "2018-11-14"
SAMPLE_TEXT_2 = (
    "Hai phái đoàn gặp lại nhau tại Ankara ngày 2/12/2018 để rà soát lộ trình đã thống nhất. "
    "Ông Cavusoglu nói với báo giới: \"Tuần tới tôi sẽ sang Geneva\"."
)
SAMPLE_QUOTE_2 = "Tuần tới tôi sẽ sang Geneva"
SAMPLE_HEADLINE_2 = "Lịch làm việc mới"
SAMPLE_DATE_2 = "2018-12-02"
OUTLET = "Báo Mẫu"
PERSON = "mevlut-cavusoglu"  # the entity key of the sample's person (actor of both meetings, speaker of both statements)
PERSON_QID = "Q249206"  # from data/wikidata/entities.tsv


def _lit(v: object, dt: NamedNode | None = None) -> Literal:
    return Literal(str(v), datatype=dt) if dt is not None else Literal(str(v))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (begin, end) offsets of the sentences of a sample text: split after '.' followed by a space or the end."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            spans.append((start, i + 1))
            start = i + 2
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def article_quads(aid: str, text: str, headline: str, date: str, actors: list[str], base: str = BASE,
                  place: str | None = "ankara", quote: str = SAMPLE_QUOTE) -> Iterator[Quad]:
    """One article graph: article node, its sentences, one meeting on sentence 1 (at `place`, an entity key,
    when given) and a statement of the first actor with `quote` on the last."""
    g = NamedNode(f"{base}graph/article/{aid}")
    art = NamedNode(f"{base}article/{aid}")
    pub = BlankNode(f"pub{hashlib.sha1(aid.encode()).hexdigest()[:8]}")
    yield from (
        Quad(art, RDF_TYPE, SCHEMA.NewsArticle, g),
        Quad(art, RDF_TYPE, NIF.Context, g),
        Quad(art, NIF.isString, Literal(text), g),
        Quad(art, KG.sourceFile, Literal(f"{aid}.txt"), g),
        Quad(art, SCHEMA.headline, Literal(headline), g),
        Quad(art, KG.sha256, Literal(hashlib.sha256(text.encode()).hexdigest()), g),
        Quad(art, SCHEMA.datePublished, _lit(date, XSD.date), g),
        Quad(art, SCHEMA.publisher, pub, g),
        Quad(pub, SCHEMA.name, Literal(OUTLET), g),
    )
    sents = []
    for b, e in sentence_spans(text):
        s = NamedNode(f"{base}article/{aid}/sentence/{b}-{e}")
        sents.append(s)
        yield from (
            Quad(s, RDF_TYPE, NIF.Sentence, g),
            Quad(s, NIF.referenceContext, art, g),
            Quad(s, NIF.beginIndex, _lit(b, XSD.nonNegativeInteger), g),
            Quad(s, NIF.endIndex, _lit(e, XSD.nonNegativeInteger), g),
            Quad(s, NIF.anchorOf, Literal(text[b:e]), g),
        )
    ev = NamedNode(f"{base}article/{aid}/event/{hashlib.sha1((aid + 'e').encode()).hexdigest()[:12]}")
    yield from (
        Quad(ev, RDF_TYPE, KG.Talks, g),
        Quad(ev, KG.status, KG.Occurred, g),
        Quad(ev, KG.date, _lit(date, XSD.date), g),
        Quad(ev, KG.dateText, Literal(date), g),
        Quad(ev, PROV.wasDerivedFrom, sents[0], g),
    )
    if place:
        yield Quad(ev, SEM.hasPlace, NamedNode(f"{base}entity/{place}"), g)
    for a in actors:
        yield Quad(ev, SEM.hasActor, NamedNode(f"{base}entity/{a}"), g)
    st = NamedNode(f"{base}article/{aid}/statement/{hashlib.sha1((aid + 's').encode()).hexdigest()[:12]}")
    yield from (
        Quad(st, RDF_TYPE, KG.Statement, g),
        Quad(st, KG.speaker, NamedNode(f"{base}entity/{actors[0]}"), g),
        Quad(st, KG.quote, Literal(quote), g),
        Quad(st, PROV.wasDerivedFrom, sents[-1], g),
    )


ENTITIES = [
    # key, class, vi label, en label, QID or None (QIDs as in data/wikidata/entities.tsv)
    (PERSON, SCHEMA.Person, "Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", PERSON_QID),
    ("tho-nhi-ky", SCHEMA.Country, "Thổ Nhĩ Kỳ", "Turkey", "Q43"),
    ("iran", SCHEMA.Country, "Iran", "Iran", "Q794"),
    ("ankara", SCHEMA.Place, "Ankara", "Ankara", "Q3640"),
    ("daraa", SCHEMA.Place, "Daraa", "Daraa", None),
]


def shared_quads(base: str = BASE) -> Iterator[Quad]:
    ge = NamedNode(f"{base}graph/entities")
    for key, cls, vi, en, qid in ENTITIES:
        e = NamedNode(f"{base}entity/{key}")
        yield Quad(e, RDF_TYPE, cls, ge)
        yield Quad(e, RDFS.label, Literal(vi, language="vi"), ge)
        yield Quad(e, RDFS.label, Literal(en, language="en"), ge)
        if qid:
            yield Quad(e, OWL.sameAs, WD[qid], ge)
    go = NamedNode(f"{base}graph/ontology")
    for sub in ("Talks", "PhoneCall", "Visit", "Summit", "Negotiation"):
        yield Quad(KG[sub], RDFS.subClassOf, KG.Meeting, go)
    yield Quad(KG.Meeting, RDFS.subClassOf, SEM.Event, go)


def build_sample(path: str | Path, base: str = BASE) -> Path:
    """A tiny store: two articles, five entities, the ontology's meeting classes."""
    store = open_store(path)
    quads = list(shared_quads(base))
    quads += article_quads("mau-1", SAMPLE_TEXT, SAMPLE_HEADLINE, SAMPLE_DATE, [PERSON, "tho-nhi-ky", "iran"], base)
    quads += article_quads("mau-2", SAMPLE_TEXT_2, SAMPLE_HEADLINE_2, SAMPLE_DATE_2, [PERSON, "tho-nhi-ky"], base,
                           quote=SAMPLE_QUOTE_2)
    store.extend(quads)
    store.flush()
    del store
    bump_version(path)
    return Path(path)


_WORDS = ("hội đàm", "Syria", "ngoại trưởng", "hòa bình", "thỏa thuận", "lệnh ngừng bắn", "Idlib", "Aleppo",
          "Liên hợp quốc", "phái đoàn", "đối thoại", "Astana", "Geneva", "tuyên bố", "quân đội", "nhân đạo")


def _synthetic_text(rng: random.Random, n_sent: int) -> str:
    return " ".join(
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "." for _ in range(n_sent)
    )


def build_synthetic(path: str | Path, articles: int, seed: int = 7, base: str = BASE) -> int:
    """A store of `articles` synthetic articles (≈30 quads each) plus the shared graphs; returns the quad count."""
    rng = random.Random(seed)
    store = open_store(path)
    keys = [k for k, *_ in ENTITIES]
    total = 0
    batch: list[Quad] = list(shared_quads(base))
    for i in range(articles):
        text = _synthetic_text(rng, rng.randint(3, 5))
        date = f"{rng.randint(2012, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        batch.extend(article_quads(f"syn-{i:06d}", text, f"Tin số {i}", date, rng.sample(keys[:3], 2), base))
        if len(batch) > 200_000:
            store.bulk_extend(batch)
            total += len(batch)
            batch = []
    store.bulk_extend(batch)
    total += len(batch)
    store.flush()
    del store
    bump_version(path)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a synthetic syriakg-shaped store")
    ap.add_argument("--store", required=True)
    ap.add_argument("--articles", type=int, default=35_000)
    args = ap.parse_args(argv)
    n = build_synthetic(args.store, args.articles)
    print(f"wrote {n} quads to {args.store}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["build_sample", "build_synthetic", "article_quads", "shared_quads", "sentence_spans", "Store"]
