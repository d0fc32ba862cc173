"""Offices and position nodes: titles, gazetteer overrides (keys, labels, QIDs), derived keys."""

from __future__ import annotations

from syriakg.loaders.extract.gazetteer import get_gazetteer
from syriakg.loaders.extract.names import tokenize
from syriakg.loaders.extract.positions import get_offices, make_position


def _offs():
    gaz = get_gazetteer()
    return gaz, get_offices(gaz)


def test_titles_match_longest_first_and_case_insensitively() -> None:
    _, offs = _offs()
    assert offs.match(tokenize("Phó Tổng thống Mỹ"), 0) == ("vice_president", 3)
    assert offs.match(tokenize("Tổng thống Mỹ"), 0) == ("president", 2)
    assert offs.match(tokenize("bộ trưởng bộ ngoại giao Nga"), 0) == ("foreign_minister", 5)
    assert offs.match(tokenize("Thứ trưởng Ngoại giao"), 0) == ("deputy_foreign_minister", 4)
    assert offs.match(tokenize("Bộ Ngoại giao"), 0) is None


def test_positions_of_the_gazetteer_are_reused() -> None:
    gaz, offs = _offs()
    assert offs.known[("foreign_minister", "usa")] == "us_secretary_of_state"
    assert offs.known[("secretary_general", "un")] == "un_secretary_general"
    p = make_position(offs, gaz, "president", "russia", "Nga", "Russia")
    assert (p.key, p.qid, p.label_en) == ("president_of_russia", "Q218295", "President of Russia")
    p = make_position(offs, gaz, "foreign_minister", "russia", "Nga", "Russia")
    assert p.key == "foreign_minister_of_russia" and p.qid is None  # unconfirmed in entities.tsv: no QID


def test_derived_positions_have_no_qid() -> None:
    gaz, offs = _offs()
    p = make_position(offs, gaz, "foreign_minister", "kazakhstan", "Kazakhstan", "Kazakhstan")
    assert (p.key, p.label_vi, p.label_en, p.qid) == (
        "foreign_minister_of_kazakhstan", "Ngoại trưởng Kazakhstan", "Minister of Foreign Affairs of Kazakhstan", None)
    p = make_position(offs, gaz, "ambassador", "syria", "Syria", "Syria", target=("russia", "Nga", "Russia"))
    assert p.key == "ambassador_of_syria_to_russia" and p.label_vi == "Đại sứ Syria tại Nga"
    p = make_position(offs, gaz, "special_envoy", "un", "Liên hợp quốc", "United Nations",
                      topic=("syria", "Syria", "Syria"))
    assert p.key == "special_envoy_of_un_for_syria" and p.label_en == "Special Envoy of United Nations for Syria"
