"""The gazetteer files: loading, validation errors, surface-form matching, place names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from syriakg.loaders.extract.gazetteer import GazetteerError, get_gazetteer, load_gazetteer
from syriakg.loaders.extract.names import is_viet_syllable, norm, slug, tokenize

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "wikidata"


def _qids(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) > 2 and cells[2]:
            out[cells[0]] = cells[2]
    return out


def test_qids_come_from_entities_tsv_only() -> None:
    gaz = get_gazetteer(DATA)
    table = _qids(DATA / "entities.tsv")
    for e in gaz.entities.values():
        assert e.qid == table.get(e.key), e.key
        if e.source != "entities.tsv":
            assert e.qid is None


def test_gazetteer_starts_from_the_shared_table(shared: Path) -> None:
    assert _qids(shared / "wikidata" / "entities.tsv") == _qids(DATA / "entities.tsv")


def test_kinds_and_positions() -> None:
    gaz = get_gazetteer(DATA)
    assert gaz.entities["kurds"].kind == "ethnic_group"
    assert gaz.entities["erdogan"].kind == "person" and gaz.entities["erdogan"].qid == "Q39259"
    assert "president_of_russia" in gaz.positions and "president_of_russia" not in gaz.entities
    assert gaz.positions["president_of_russia"].qid == "Q218295"
    assert "astana_deescalation" not in gaz.entities  # agreements are not actors


def test_places_and_capitals() -> None:
    gaz = get_gazetteer(DATA)
    idlib = gaz.places[("idlib",)]
    assert (idlib.province, idlib.settlement, idlib.default) == ("idlib_governorate", "idlib", None)
    aleppo = gaz.places[("aleppo",)]
    assert (aleppo.province, aleppo.settlement, aleppo.default) == ("aleppo_governorate", "aleppo", "aleppo")
    assert gaz.capital_of["moscow"] == "russia" and gaz.governorate_of["homs"] == "homs_governorate"


def _match(text: str):
    gaz = get_gazetteer(DATA)
    toks = tokenize(text)
    s = gaz.match(toks, 0)
    return (s.key if s.key else "@" + s.place.name, len(s.toks)) if s else None


def test_matching_rules() -> None:
    assert _match("Nga") == ("russia", 1)
    assert _match("nga") is None  # a capitalised name needs a capital
    assert _match("Thổ Nhĩ Kỳ") == ("turkey", 3)
    assert _match("Các lực lượng chính phủ Syria") is None  # no form starts with "Các"
    assert _match("lực lượng chính phủ Syria") == ("syrian_government_forces", 5)
    assert _match("Lực lượng Chính phủ Syria") == ("syrian_government_forces", 5)
    assert _match("Uỷ ban Chữ thập đỏ quốc tế")[0] == "icrc"  # old-style tone mark
    assert _match("IS") == ("isil", 1) and _match("Is") is None  # acronyms are exact
    assert _match("Mát-xcơ-va") == ("@Mát-xcơ-va", 5)


def test_bad_files_are_reported_with_file_and_line(tmp_path: Path) -> None:
    d = tmp_path / "wd"
    shutil.copytree(DATA, d)
    extra = d / "entities_extra.tsv"
    extra.write_text(extra.read_text(encoding="utf-8") + "atlantis\tplace\tQ12345\tAtlantis\tAtlantis\t-\n",
                     encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"entities_extra\.tsv:\d+: atlantis has a QID"):
        load_gazetteer(d)
    shutil.copy(DATA / "entities_extra.tsv", extra)
    aliases = d / "aliases.tsv"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "no_such_key\tX\t\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"aliases\.tsv:\d+: alias for unknown key 'no_such_key'"):
        load_gazetteer(d)
    shutil.copy(DATA / "aliases.tsv", aliases)
    main = d / "entities.tsv"
    main.write_text(main.read_text(encoding="utf-8") + "zz\tplanet\t\tZ\tZ\t-\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"entities\.tsv:\d+: zz: unknown kind 'planet'"):
        load_gazetteer(d)
    main.unlink()
    with pytest.raises(GazetteerError, match="not found"):
        load_gazetteer(d)


def test_names_helpers() -> None:
    assert norm("hoà") == norm("hòa") and norm("Thuý") == norm("thúy")
    assert slug("Hulusi Akar") == "hulusi-akar" and slug("tỉnh Đắk Lắk") == "tinh-dak-lak"
    assert is_viet_syllable("Nguyễn") and is_viet_syllable("Anh") and is_viet_syllable("Nga")
    assert not is_viet_syllable("Sergei") and not is_viet_syllable("Idlib") and not is_viet_syllable("Trump")
    toks = tokenize("Nga-Mỹ, al-Assad")
    assert [t.text for t in toks] == ["Nga", "-", "Mỹ", ",", "al", "-", "Assad"]
    assert [t.space for t in toks] == [True, False, False, False, True, False, False]
