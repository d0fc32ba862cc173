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

SAMPLE_TEXT = (
    "Ngoại trưởng Nga Sergei Lavrov đã hội đàm với Ngoại trưởng Thổ Nhĩ Kỳ tại Moskva ngày 5/3/2019. "
    "Hai bên bàn về tình hình ở tỉnh Idlib của Syria. "
    "Ông Lavrov nói: \"Chúng tôi ủng hộ tiến trình hòa bình\"."
)


def _lit(v: object, dt: NamedNode | None = None) -> Literal:
    return Literal(str(v), datatype=dt) if dt is not None else Literal(str(v))


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            spans.append((start, i + 1))
            start = i + 2
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def article_quads(aid: str, text: str, headline: str, date: str, actors: list[str], base: str = BASE) -> Iterator[Quad]:
    """One article graph: article node, its sentences, one meeting on sentence 1 and a statement on the last."""
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
        Quad(pub, SCHEMA.name, Literal("Báo Mẫu"), g),
    )
    sents = []
    for b, e in _sentences(text):
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
        Quad(ev, SEM.hasPlace, NamedNode(f"{base}entity/moskva"), g),
        Quad(ev, PROV.wasDerivedFrom, sents[0], g),
    )
    for a in actors:
        yield Quad(ev, SEM.hasActor, NamedNode(f"{base}entity/{a}"), g)
    st = NamedNode(f"{base}article/{aid}/statement/{hashlib.sha1((aid + 's').encode()).hexdigest()[:12]}")
    yield from (
        Quad(st, RDF_TYPE, KG.Statement, g),
        Quad(st, KG.speaker, NamedNode(f"{base}entity/{actors[0]}"), g),
        Quad(st, KG.quote, Literal("Chúng tôi ủng hộ tiến trình hòa bình"), g),
        Quad(st, PROV.wasDerivedFrom, sents[-1], g),
    )


ENTITIES = [
    # key, class, vi label, en label, QID or None
    ("sergei-lavrov", SCHEMA.Person, "Sergei Lavrov", "Sergey Lavrov", "Q58217"),
    ("nga", SCHEMA.Country, "Nga", "Russia", "Q159"),
    ("tho-nhi-ky", SCHEMA.Country, "Thổ Nhĩ Kỳ", "Turkey", "Q43"),
    ("moskva", SCHEMA.Place, "Moskva", "Moscow", "Q649"),
    ("idlib", SCHEMA.Place, "Idlib", "Idlib", None),
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
    quads += article_quads("mau-1", SAMPLE_TEXT, "Nga và Thổ Nhĩ Kỳ hội đàm về Idlib", "2019-03-05",
                           ["sergei-lavrov", "nga", "tho-nhi-ky"], base)
    quads += article_quads("mau-2", "Bộ Ngoại giao Nga ra thông báo mới. Ông Lavrov sẽ tới Ankara.", "Thông báo mới",
                           "2019-04-01", ["sergei-lavrov", "nga"], base)
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


__all__ = ["build_sample", "build_synthetic", "article_quads", "shared_quads", "Store"]
