"""`syriakg wikidata`: candidates from recorded API responses, review file, accept into a gazetteer copy.

Never touches the live service: every answer comes from tests/fixtures/wikidata (hand-written,
placeholder QIDs).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from syriakg.loaders.extract.gazetteer import load_gazetteer
from syriakg.loaders.wikidata import (
    Unlinked,
    accept_rows,
    find_candidates,
    read_review,
    replay_fetch,
    unlinked_from_file,
    unlinked_from_store,
    write_review,
)

REPO = Path(__file__).resolve().parent.parent
FIX = REPO / "tests" / "fixtures" / "wikidata"
AKAR, AKAR_NAME, LAT_CITY, LAT_GOV, HAARETZ = "Q999000101", "Q999000102", "Q999000201", "Q999000202", "Q999000301"

ENTS = [
    Unlinked("akar", "person", "Hulusi Akar"),
    Unlinked("latakia", "place", "Latakia"),
    Unlinked("haaretz", "organization", "Haaretz"),
]


@pytest.fixture()
def gaz_dir(tmp_path: Path) -> Path:
    d = tmp_path / "wikidata"
    shutil.copytree(REPO / "data" / "wikidata", d)
    return d


def _cands():
    return find_candidates(ENTS, replay_fetch(FIX))


def test_candidates_are_type_and_label_checked() -> None:
    cands = _cands()
    by = {(c.key, c.qid): c for c in cands}
    assert by[("akar", AKAR)].type_ok == "yes" and by[("akar", AKAR)].label_match == "exact"
    assert by[("akar", AKAR_NAME)].type_ok == "no"  # a family-name item is never a person
    assert by[("latakia", LAT_CITY)].type_ok == "yes" and by[("latakia", LAT_CITY)].label_match == "exact"
    assert by[("latakia", LAT_GOV)].type_ok == "yes" and by[("latakia", LAT_GOV)].label_match == "partial"
    assert by[("haaretz", HAARETZ)].type_ok == "yes"
    # best candidate first for each key
    firsts = {}
    for c in cands:
        firsts.setdefault(c.key, c.qid)
    assert firsts == {"akar": AKAR, "latakia": LAT_CITY, "haaretz": HAARETZ}


def test_known_qid_is_flagged() -> None:
    cands = find_candidates(ENTS[:1], replay_fetch(FIX), known_qids={AKAR: "someone_else"})
    c = next(c for c in cands if c.qid == AKAR)
    assert "someone_else" in c.note and c.score < 0


def test_missing_recording_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        find_candidates([Unlinked("x", "person", "Nobody Known")], replay_fetch(FIX))


def _review(tmp_path: Path, accept: set[str]) -> Path:
    cands = _cands()
    for c in cands:
        if c.qid in accept:
            c.decision = "accept"
    p = tmp_path / "review.tsv"
    p.write_text(write_review(cands), encoding="utf-8")
    return p


def test_review_roundtrip(tmp_path: Path) -> None:
    p = _review(tmp_path, {AKAR, HAARETZ})
    rows = read_review(p)
    assert sorted(r["qid"] for _, r in rows) == [AKAR, HAARETZ]


def test_accept_fills_moves_and_adds(tmp_path: Path, gaz_dir: Path) -> None:
    before = load_gazetteer(gaz_dir)
    assert before.entities["akar"].qid is None and before.entities["latakia"].source == "entities_extra.tsv"
    assert "hmeimim" not in before.entities
    p = _review(tmp_path, {AKAR, LAT_CITY, HAARETZ})
    with p.open("a", encoding="utf-8") as f:  # a row for an entity the gazetteer does not know
        f.write("hmeimim\tplace\tHmeimim\t\tQ999000401\tHmeimim Air Base\t\t\t\tyes\texact\t0.9\t\taccept\n")
    rep = accept_rows(p, gaz_dir, today="2024-01-01")
    assert rep.updated == ["akar"] and sorted(rep.moved) == ["haaretz", "latakia"] and rep.added == ["hmeimim"]
    assert not rep.refused
    after = load_gazetteer(gaz_dir)
    assert after.entities["akar"].qid == AKAR
    assert after.entities["latakia"].qid == LAT_CITY and after.entities["latakia"].source == "entities.tsv"
    assert after.entities["haaretz"].qid == HAARETZ and after.entities["haaretz"].kind == "organization"
    assert after.entities["hmeimim"].qid == "Q999000401" and after.entities["hmeimim"].label_en == "Hmeimim Air Base"
    # every other QID is untouched
    for k, e in before.entities.items():
        if k not in ("akar", "latakia", "haaretz"):
            assert after.entities[k].qid == e.qid
    line = next(x for x in (gaz_dir / "entities.tsv").read_text(encoding="utf-8").splitlines() if x.startswith("akar\t"))
    assert "review 2024-01-01" in line
    # accepting again changes nothing
    rep2 = accept_rows(p, gaz_dir)
    assert sorted(rep2.unchanged) == ["akar", "haaretz", "hmeimim", "latakia"]


def test_accept_refuses_bad_rows(tmp_path: Path, gaz_dir: Path) -> None:
    p = _review(tmp_path, {AKAR_NAME})
    rep = accept_rows(p, gaz_dir)
    assert rep.refused and "type check" in rep.refused[0]
    assert load_gazetteer(gaz_dir).entities["akar"].qid is None
    # a QID that another key has already
    review = tmp_path / "r2.tsv"
    review.write_text("key\tkind\tlabel_vi\tqid\ttype_ok\tdecision\nlatakia\tplace\tLatakia\tQ159\tyes\taccept\n",
                      encoding="utf-8")
    rep = accept_rows(review, gaz_dir)
    assert rep.refused and "russia" in rep.refused[0]
    # a key whose QID differs
    review.write_text(f"key\tkind\tlabel_vi\tqid\ttype_ok\tdecision\nrussia\tcountry\tNga\t{LAT_GOV}\tyes\tx\n",
                      encoding="utf-8")
    rep = accept_rows(review, gaz_dir)
    assert rep.refused and "already has Q159" in rep.refused[0]
    assert load_gazetteer(gaz_dir).entities["russia"].qid == "Q159"


def test_accept_twice_same_key_is_an_error(tmp_path: Path, gaz_dir: Path) -> None:
    review = tmp_path / "r.tsv"
    review.write_text("key\tkind\tqid\tdecision\nakar\tperson\tQ999000101\taccept\nakar\tperson\tQ999000102\taccept\n",
                      encoding="utf-8")
    with pytest.raises(ValueError, match="accepted twice"):
        accept_rows(review, gaz_dir)


def test_keys_file(tmp_path: Path) -> None:
    f = tmp_path / "keys.tsv"
    f.write_text("key\tkind\tlabel_vi\tlabel_en\nakar\tperson\tHulusi Akar\t\n# comment\n", encoding="utf-8")
    assert unlinked_from_file(f) == [Unlinked("akar", "person", "Hulusi Akar", None)]
    f.write_text("akar\tperson\n", encoding="utf-8")
    with pytest.raises(ValueError, match="keys.tsv:1"):
        unlinked_from_file(f)


def test_unlinked_from_store(tmp_path: Path) -> None:
    from pyoxigraph import Literal, NamedNode, Quad, Store

    base = "https://w3id.org/syriakg/resource/"
    store = Store(str(tmp_path / "store"))
    g = NamedNode(base + "graph/entities")
    person = NamedNode("https://schema.org/Person")
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    same = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
    a, b = NamedNode(base + "entity/hulusi-akar"), NamedNode(base + "entity/putin")
    store.extend([Quad(a, rdf_type, person, g), Quad(a, label, Literal("Hulusi Akar", language="vi"), g),
                  Quad(b, rdf_type, person, g), Quad(b, label, Literal("Vladimir Putin", language="vi"), g),
                  Quad(b, same, NamedNode("http://www.wikidata.org/entity/Q7747"), g)])
    store.flush()
    del store
    got = unlinked_from_store(tmp_path / "store", base)
    assert got == [Unlinked("hulusi-akar", "person", "Hulusi Akar", None)]


def test_cli_candidates_and_accept(tmp_path: Path, gaz_dir: Path) -> None:
    from syriakg.loaders.cli import main

    keys = tmp_path / "keys.tsv"
    keys.write_text("akar\tperson\tHulusi Akar\nhaaretz\torganization\tHaaretz\n", encoding="utf-8")
    out = tmp_path / "review.tsv"
    rc = main(["wikidata", "candidates", "--keys", str(keys), "--replay", str(FIX), "--out", str(out),
               "--gazetteer", str(gaz_dir)])
    assert rc == 0
    text = out.read_text(encoding="utf-8")
    assert AKAR in text and HAARETZ in text
    lines = text.splitlines()
    edited = [ln + "accept" if ln.split("\t")[4:5] == [AKAR] else ln for ln in lines]
    out.write_text("\n".join(edited) + "\n", encoding="utf-8")
    rc = main(["wikidata", "accept", str(out), "--gazetteer", str(gaz_dir)])
    assert rc == 0
    assert load_gazetteer(gaz_dir).entities["akar"].qid == AKAR
    # a recording that is missing: a clear failure, not a crash
    keys.write_text("x\tperson\tNobody Known\n", encoding="utf-8")
    rc = main(["wikidata", "candidates", "--keys", str(keys), "--replay", str(FIX), "--gazetteer", str(gaz_dir)])
    assert rc == 1


def test_cli_store_option_after_the_action(tmp_path: Path) -> None:
    from syriakg.loaders.cli import main

    rc = main(["wikidata", "candidates", "--store", str(tmp_path / "missing"), "--replay", str(FIX)])
    assert rc == 2  # a clear "no store" error, not a crash
