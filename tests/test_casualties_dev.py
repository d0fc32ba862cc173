"""Casualty claims on the seeds (against the gold) and on dev articles read by hand.  Skips without shared/."""

from __future__ import annotations

import pytest

from tests.test_dates_dev import dev_doc, seed_doc, sentence_with


def claims(doc) -> set[tuple]:
    return {(c.outcome, c.qualifier, c.count) for c in doc.ex.casualties}


def test_seeds() -> None:
    doc = seed_doc("000_d5097bc123885f27.txt")
    (c,) = doc.ex.casualties
    assert (c.outcome, c.qualifier, c.count, c.count_text, c.claimant) == ("killed", "at_least", 16, "ít nhất 16",
                                                                           "turkey_mod")
    assert c.place in ("idlib", "idlib_governorate")
    assert claims(seed_doc("001_675986af5fcbd24d.txt")) == set()  # "rút khoảng 2.000 quân Mỹ" is troops
    assert claims(seed_doc("002_15387a6abebd138d.txt")) == set()
    (c,) = seed_doc("003_78e5f563b1cf5c8a.txt").ex.casualties  # not "ba triệu thường dân khi ..."
    assert (c.outcome, c.qualifier, c.count, c.place) == ("refugees", "about", 3000000, "turkey")
    assert claims(seed_doc("004_2cea901bbec2a020.txt")) == {("killed", "more_than", 290000), ("displaced", "vague", None)}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("002.txt", {("killed", "about", 300000), ("refugees", "vague", None)}),
        ("012.txt", {("killed", "exactly", 5), ("killed", "exactly", 10), ("killed", "exactly", 1),
                     ("killed", "vague", None)}),
        ("022.txt", {("killed", "at_least", 11), ("injured", "exactly", 9), ("killed", "exactly", 10)}),
        ("028.txt", {("killed", "exactly", 6), ("injured", "exactly", 3)}),
        ("038.txt", {("killed", "at_least", 43), ("killed", "exactly", 484), ("killed", "more_than", 400000)}),
        ("048.txt", {("killed", "more_than", 320000), ("displaced", "vague", None)}),
        ("058.txt", {("displaced", "vague", None)}),
        # people living somewhere, food parcels, troops, vehicles: no claims
        ("001.txt", set()), ("024.txt", set()), ("056.txt", set()), ("076.txt", set()), ("032.txt", set()),
    ],
)
def test_dev_claims(name: str, expected: set[tuple]) -> None:
    assert claims(dev_doc(name)) == expected


def test_dev_repeated_lead_is_one_claim_with_two_sentences() -> None:
    doc = dev_doc("022.txt")
    (c,) = [c for c in doc.ex.casualties if c.count == 11]
    assert len(c.evidence) == 2 and c.place in ("raqqa", "raqqa_governorate")


def test_dev_claimants() -> None:
    doc = dev_doc("038.txt")
    (c,) = [c for c in doc.ex.casualties if c.count == 400000]
    assert c.claimant == "un"  # "Theo Liên hợp quốc, ..."
    doc = dev_doc("012.txt")
    (c,) = [c for c in doc.ex.casualties if c.count == 10]
    assert c.claimant == "russia_mod" and c.evidence == [sentence_with(doc, "chỉ có 10 quân nhân")]
