"""The five seed articles, loaded end to end and checked through SPARQL."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from syriakg.ontology.terms import sparql_prefixes

REPO = Path(__file__).resolve().parent.parent
CQ_DIR = REPO / "endpoint" / "static" / "queries"


def cq(shared: Path, name: str) -> str:
    return next((shared / "competency-questions").glob(f"{name}*.rq")).read_text(encoding="utf-8")


def rows(store, query: str) -> list[dict[str, str | None]]:
    res = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    return [{n: (r[n].value if r[n] is not None else None) for n in names} for r in res]


def test_cq1_lists_the_five_articles_with_headlines(seed_store, shared, seed_gold):
    out = rows(seed_store, cq(shared, "cq1"))
    assert [r["file"] for r in out] == sorted(g["article"] for g in seed_gold)
    titles = {g["article"]: g["title"] for g in seed_gold}
    for r in out:
        assert r["headline"] == titles[r["file"]]
        assert int(r["sentences"]) >= 5


def test_cq5_every_sentence_slices_back_to_its_anchor(seed_store, shared):
    (r,) = rows(seed_store, cq(shared, "cq5"))
    assert int(r["sentences"]) > 50
    assert int(r["broken"]) == 0


def test_no_sentence_lies_in_page_furniture(seed_store, seed_gold):
    for g in seed_gold:
        q = sparql_prefixes() + f"""SELECT ?b ?e ?t WHERE {{ ?a kg:sourceFile "{g['article']}" ; nif:isString ?t .
              ?s a nif:Sentence ; nif:referenceContext ?a ; nif:beginIndex ?b ; nif:endIndex ?e }}"""
        out = rows(seed_store, q)
        assert out, g["article"]
        text = out[0]["t"].replace("\u00a0", " ")
        cut = text.find(g["body_ends_before"])
        assert cut > 0, g["article"]
        for r in out:
            assert int(r["e"]) <= cut, (g["article"], text[int(r["b"]):int(r["e"])])


def test_no_fact_rests_on_furniture(seed_store, seed_gold):
    for g in seed_gold:
        q = sparql_prefixes() + f"""SELECT DISTINCT ?f ?b ?t WHERE {{ ?a kg:sourceFile "{g['article']}" ; nif:isString ?t .
              ?f prov:wasDerivedFrom ?s . ?s nif:referenceContext ?a ; nif:beginIndex ?b }}"""
        for r in rows(seed_store, q):
            cut = r["t"].replace("\u00a0", " ").find(g["body_ends_before"])
            assert int(r["b"]) < cut


def test_text_is_stored_exactly_as_received(seed_store):
    for f in sorted((REPO / "data" / "articles").glob("*.txt")):
        q = sparql_prefixes() + f'SELECT ?t ?h WHERE {{ ?a kg:sourceFile "{f.name}" ; nif:isString ?t ; kg:sha256 ?h }}'
        (r,) = rows(seed_store, q)
        raw = f.read_bytes().decode("utf-8-sig")
        assert r["t"] == raw  # no normalisation of any kind
        assert unicodedata.is_normalized("NFC", r["t"]) == unicodedata.is_normalized("NFC", raw)


def test_shapes_validate_the_loaded_seeds(seed_store):
    from syriakg.ontology.validate import validate_store

    conforms, report = validate_store(seed_store)
    assert conforms, report
