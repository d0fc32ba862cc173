"""Vietnamese phonetic spellings of foreign names (`Xéc-gây La-vrốp`, `Rắc-ca`) matched to Latin gazetteer forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from syriakg.loaders.extract import transliteration as T
from syriakg.loaders.extract.actors import extract_actors
from syriakg.loaders.extract.gazetteer import get_gazetteer, load_gazetteer
from syriakg.loaders.extract.names import tokenize
from syriakg.loaders.extract.transliteration import (
    allowed_distance,
    distance,
    is_phonetic_word,
    match_phonetic,
    phonetic_key,
    phonetic_surface,
)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "wikidata"

HEADER = "key\tkind\tqid\tlabel_en\tvi_surface_forms\tqid_evidence\n"
# a small gazetteer of Latin spellings only (no Vietnamese transliteration anywhere)
ROWS = [
    ("petrov", "person", "Oleg Petrov", "Oleg Petrov|Petrov"),
    ("tillman", "person", "Rex Tillman", "Rex Tillman"),  # no surname-only form
    ("al_hakim", "person", "Bashar al-Hakim", "Bashar al-Hakim|al-Hakim"),
    ("di_lorenzo", "person", "Staffan di Lorenzo", "Staffan di Lorenzo"),
    ("karimov", "person", "Ali Karimov", "Ali Karimov|Karimov"),
    ("hasan_a", "person", "Omar Hassan", "Omar Hassan|Hassan"),
    ("hasan_b", "person", "Yusuf Hasan", "Yusuf Hasan|Hasan"),  # same skeleton as Hassan: a tie
    ("raqqa", "place", "Raqqa", "Raqqa"),
    ("homs", "place", "Homs", "Homs"),
    ("tartus", "place", "Tartus", "Tartus"),
    ("idlib", "place", "Idlib (city)", "thành phố Idlib"),
    ("idlib_governorate", "place", "Idlib Governorate", "tỉnh Idlib"),
    ("geneva", "place", "Geneva", "Geneva"),
    ("hezbollah", "organization", "Hezbollah", "Hezbollah"),
    ("al_nusra", "organization", "al-Nusra Front", "Al-Nusra"),
    ("qatar", "country", "Qatar", "Qatar"),
    ("brazil", "country", "Brazil", "Brazil|Bra-xin"),
    ("ruvani", "person", "Hassan Ruvani", "Hassan Ruvani|Ruvani"),
    ("london", "place", "London", "London"),
    ("russia", "country", "Russia", "Nga"),
]


def _gazetteer(tmp_path_factory: pytest.TempPathFactory, name: str, rows: list[tuple[str, str, str, str]]):
    d = tmp_path_factory.mktemp(name)
    (d / "entities.tsv").write_text(HEADER + "".join(f"{k}\t{kind}\t\t{en}\t{forms}\t0\n"
                                                     for k, kind, en, forms in rows), encoding="utf-8")
    return load_gazetteer(d)


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory):
    return _gazetteer(tmp_path_factory, "gaz", ROWS)


# --- skeletons ------------------------------------------------------------------------------

@pytest.mark.parametrize("viet, latin", [
    ("Xéc-gây Pê-tơ-rốp", "Sergei Petrov"),
    ("Ô-lếch Pê-trốp", "Oleg Petrov"),
    ("Ba-sa An Ha-kim", "Bashar al-Hakim"),
    ("Hôm-xơ", "Homs"),
    ("Rắc-ca", "Raqqa"),
    ("I-đlíp", "Idlib"),
    ("Ca-ta", "Qatar"),
    ("Hê-dbô-la", "Hezbollah"),
    ("Méc-ken", "Merkel"),
])
def test_phonetic_and_latin_spellings_are_close(viet: str, latin: str) -> None:
    a, b = phonetic_key(viet), phonetic_key(latin)
    assert distance(a, b) <= allowed_distance(a, b), (a, b)


@pytest.mark.parametrize("viet, latin", [
    ("Bun-ga-ri", "Hungary"),  # first sounds differ
    ("Ba-lan", "Berlin"),  # two vowels changed in a short name
    ("Giô-xép", "Geneva"),
    ("Rát-ni", "Rouhani"),  # four symbols: exact only
])
def test_different_names_are_far(viet: str, latin: str) -> None:
    a, b = phonetic_key(viet), phonetic_key(latin)
    assert not (distance(a, b) <= allowed_distance(a, b) and T.same_start(a, b)), (a, b)


def test_phonetic_words() -> None:
    for w in ("La-vrốp", "A-xta-na", "Rắc-ca", "Xô-viết"):
        assert is_phonetic_word(w)
    for w in ("Nga-Mỹ", "Al-Nusra", "Jean-Marc", "Su-24", "tây-nam", "Hà", "T-ara", "V-line", "XI-năm"):
        assert not is_phonetic_word(w)


# --- matching against a gazetteer ------------------------------------------------------------

@pytest.mark.parametrize("text, key", [
    ("Ô-lếch Pê-trốp", "petrov"),
    ("Pê-tơ-rốp", "petrov"),
    ("O.Pê-trốp", "petrov"),  # initial of the given name
    ("Rếch Ti-lơ-man", "tillman"),
    ("Ti-lơ-man", "tillman"),  # surname alone, though the gazetteer has only the full name
    ("Ba-sa An Ha-kim", "al_hakim"),
    ("Xtê-phan Đi Lô-ren-dô", "di_lorenzo"),
    ("Ca-ri-mốp", "karimov"),
    ("Rắc-ca", "raqqa"),
    ("Hôm-xơ", "homs"),
    ("Tác-tút", "tartus"),
    ("Giơ-ne-va", "geneva"),
    ("Hê-dơ-bô-la", "hezbollah"),
    ("An Nu-xra", "al_nusra"),
    ("Ca-ta", "qatar"),
])
def test_match_phonetic(gaz, text: str, key: str) -> None:
    assert match_phonetic(text, gaz) == key


@pytest.mark.parametrize("text", [
    "Xô-viết",  # a Vietnamese word with a hyphen, no entity
    "Nga-Mỹ",  # two country names, not a phonetic word
    "Hà Nội",  # no hyphen: never tried
    "Ha-xan",  # Hassan and Hasan are equally close: a tie links nothing
    "M.Pê-trốp",  # the initial does not fit Oleg
    "Pi-ốt Xi-đô-rốp",  # somebody else
    "Ma-hơ Ha-kim",  # another given name than Bashar's
])
def test_no_match(gaz, text: str) -> None:
    assert match_phonetic(text, gaz) is None


def test_context_rules(gaz) -> None:
    def at(text: str, i: int):
        s = phonetic_surface(gaz, tokenize(text), i)
        return s.key if s is not None and s.key else (s.place.default if s is not None and s.place else None)

    assert at("Người dân ở Bra-xin", 3) == "brazil"
    # a capitalised sentence start may be a loanword: only exact spellings there
    assert at("Vắc-xin được tiêm cho trẻ em", 0) is None
    assert at("Tiêm mũi nhắc lại (Vắc-xin này cần bảo quản lạnh)", 5) is None
    assert at("Bra-xin thắng 2-0", 0) == "brazil"
    # a person's name continuing with more name words is somebody else
    assert at("ông Ru-vơ-ni phát biểu", 1) == "ruvani"
    assert at("ông Ru-vơ-ni Na-đa-lô phát biểu", 1) is None
    # a number after the name: a designation
    assert at("tên lửa Ca-ri-mốp 2", 2) is None
    # the name after an initial belongs to a person named so, not to a place
    assert at("tiến sĩ G.Luân-đôn", 2) is None
    assert at("tiến sĩ G.Luân-đôn", 4) is None


def test_kinds_filter_places_from_persons(gaz) -> None:
    assert match_phonetic("Rắc-ca", gaz, kinds={"person"}) is None
    assert match_phonetic("Pê-trốp", gaz, kinds={"place", "country"}) is None


def test_bare_place_keeps_the_gazetteer_reading(gaz) -> None:
    """`I-đlíp` is the bare name the gazetteer gives to neither city nor province: the surface says both."""
    toks = tokenize("tại I-đlíp hôm qua")
    s = phonetic_surface(gaz, toks, 1)
    assert s is not None and s.key is None and s.place is not None
    assert (s.place.settlement, s.place.province) == ("idlib", "idlib_governorate")
    assert len(s.toks) == 3


def test_surface_spans_the_whole_name_and_not_its_tail(gaz) -> None:
    toks = tokenize("Ông Ô-lếch Pê-trốp nói")
    s = phonetic_surface(gaz, toks, 1)
    assert s is not None and s.key == "petrov" and len(s.toks) == 6
    # the surname after a phonetic given name is the middle of a name, not a name of its own
    assert phonetic_surface(gaz, toks, 4) is None
    # a sentence-start word before the name is not part of it
    toks = tokenize("Theo Ca-ri-mốp, quân đội đã rút")
    assert phonetic_surface(gaz, toks, 0) is None
    assert phonetic_surface(gaz, toks, 1).key == "karimov"


def test_gazetteer_match_falls_back_to_the_phonetic_spelling(gaz) -> None:
    toks = tokenize("Quân đội tiến vào Rắc-ca")
    s = gaz.match(toks, 4)
    assert s is not None and s.place is not None and s.place.default == "raqqa"
    assert gaz.match(toks, 4, kinds={"person"}) is None


def test_switch_off(gaz, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(T, "ENABLED", False)
    assert match_phonetic("Rắc-ca", gaz) is None
    assert gaz.match(tokenize("Rắc-ca"), 0) is None


# --- through the actors reader (project gazetteer, sentences of our own) --------------------------

def _mentions(sentences: list[str]) -> list[tuple[str, str, bool]]:
    from extract_helpers import doc_from_sentences

    doc = doc_from_sentences(sentences)
    extract_actors(doc.ex, get_gazetteer(DATA))
    return [(m.text, m.entity, doc.ex.entities[m.entity].in_gazetteer) for m in doc.ex.mentions]


def test_actors_read_phonetic_names() -> None:
    got = _mentions([
        "Sáng nay, Bộ trưởng Ngoại giao Mỹ Rếch Ti-lơ-xơn gặp Đặc phái viên Xtê-phan Đơ Mi-xtu-ra.",
        "Ông Ti-lơ-xơn nói các tay súng Mặt trận An Nu-xra đã rút khỏi thành phố Rắc-ca.",
        "Giao tranh tiếp diễn ở tỉnh Hôm-xơ và gần cảng Tác-tút.",
    ])
    assert ("Rếch Ti-lơ-xơn", "tillerson", True) in got
    assert ("Xtê-phan Đơ Mi-xtu-ra", "de_mistura", True) in got
    assert ("Ti-lơ-xơn", "tillerson", True) in got
    assert ("Mặt trận An Nu-xra", "al_nusra", True) in got
    assert ("thành phố Rắc-ca", "raqqa", True) in got
    assert ("tỉnh Hôm-xơ", "homs_governorate", True) in got
    assert ("cảng Tác-tút", "tartus", True) in got


def test_actors_do_not_link_another_member_of_a_family() -> None:
    """`Ma-hơ Át-xát` (Maher) is not the Bashar al-Assad of the gazetteer."""
    got = _mentions(["Tướng Ma-hơ Át-xát chỉ huy sư đoàn thiết giáp."])
    assert all(k != "assad" for _t, k, _g in got)


def test_actors_leave_plain_vietnamese_alone() -> None:
    got = _mentions(["Thời Xô-viết, nhiều kỹ sư từng làm việc ở Lu-khốp-xi-a."])
    assert all(not g for _t, _k, g in got if "-" in _t)


# --- an initial and one surname (Nhân Dân / QĐND style) --------------------------------------------

INITIAL_ROWS = [
    ("donald_x", "person", "Donald Crump", "Donald Crump|Crump"),
    ("kelly_x", "person", "Nikki Waley", "Nikki Waley"),
    ("tess_x", "person", "Theresa Kay", "Theresa Kay|Kay"),
    ("pavel_x", "person", "Pavel Morozov", "Pavel Morozov|Morozov"),
    ("igor_x", "person", "Igor Morozov", "Igor Morozov"),  # same surname, another given name
]


@pytest.fixture(scope="module")
def gaz_init(tmp_path_factory: pytest.TempPathFactory):
    return _gazetteer(tmp_path_factory, "gaz_init", INITIAL_ROWS)


def test_english_readings_of_latin_surnames() -> None:
    assert "cram" in T._english_variants("Crump")
    assert "weili" in T._english_variants("Waley")
    assert T._english_variants("Kay") == ["kei"]
    assert T._english_variants("Morozov") == []
    assert T._english_variants("Ca-vu-xô-glu") == []


@pytest.mark.parametrize("text, titled, key", [
    ("Đ.Crăm", True, "donald_x"),  # a one-syllable surname as Vietnamese writes it, Đ for a D-name
    ("D.Crăm", True, "donald_x"),
    ("T.Cây", True, "tess_x"),
    ("N.Uây-li", False, "kelly_x"),  # a phonetic surname: no title needed
    ("P.Mô-rô-dốp", False, "pavel_x"),  # the initial picks Pavel among the Morozovs
    ("I.Mô-rô-dốp", False, "igor_x"),
])
def test_initial_and_surname(gaz_init, text: str, titled: bool, key: str) -> None:
    assert T.match_initial_name(text, gaz_init, titled=titled) == key


@pytest.mark.parametrize("text, titled", [
    ("Đ.Crăm", False),  # a plain Vietnamese syllable without a title may be a Vietnamese name (a byline)
    ("V.Crăm", True),  # the initial fits no given name of Crump's
    ("M.Mô-rô-dốp", False),  # neither Pavel nor Igor
    ("Đ.Trăng", True),  # too far from any surname
    ("Crăm", True),  # no initial
])
def test_initial_and_surname_negatives(gaz_init, text: str, titled: bool) -> None:
    assert T.match_initial_name(text, gaz_init, titled=titled) is None


def test_actors_link_initial_and_surname_after_a_title() -> None:
    got = _mentions(["Tổng thống Mỹ Đ.Trăm và Đại sứ Mỹ tại LHQ N.Hây-li lên án vụ tấn công."])
    assert ("Đ.Trăm", "trump", True) in got
    assert ("N.Hây-li", "haley", True) in got
    got = _mentions(["Ông Đ.Trâm, một người dân ở Hà Nội, cho biết giá điện tăng."])
    assert all(k != "trump" for _t, k, _g in got)
