"""Vietnamese numerals and qualifiers (loaders/extract/numbers.py), on phrases written for these tests."""

from __future__ import annotations

import pytest

from syriakg.loaders.extract.numbers import find_quantities, parse_words, quantity_at


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "written"),
    [
        ("có 45 người", 45, "exactly", "45"),
        ("ít nhất 230 dân thường", 230, "at_least", "ít nhất 230"),
        ("Ít nhất là 7 người", 7, "at_least", "Ít nhất là 7"),
        ("hơn 310.000 người", 310000, "more_than", "hơn 310.000"),
        ("trên 1.200 người", 1200, "more_than", "trên 1.200"),
        ("khoảng 4.500 binh sĩ", 4500, "about", "khoảng 4.500"),
        ("gần 2,3 triệu người", 2300000, "about", "gần 2,3 triệu"),
        ("xấp xỉ 80 người", 80, "about", "xấp xỉ 80"),
        ("chừng 60 người", 60, "about", "chừng 60"),
        ("tối đa 30 người", 30, "at_most", "tối đa 30"),
        ("không quá 12 người", 12, "at_most", "không quá 12"),
        ("đã lên tới 640 người", 640, "exactly", "lên tới 640"),
        ("bốn triệu người", 4000000, "exactly", "bốn triệu"),
        ("sáu nghìn người", 6000, "exactly", "sáu nghìn"),
        ("ba trăm nghìn người", 300000, "exactly", "ba trăm nghìn"),
        ("bảy mươi lăm người", 75, "exactly", "bảy mươi lăm"),
        ("mười bốn người", 14, "exactly", "mười bốn"),
        ("Mười người", 10, "exactly", "Mười"),
        ("nửa triệu người", 500000, "exactly", "nửa triệu"),
        ("2 triệu người", 2000000, "exactly", "2 triệu"),
        ("3.5 triệu người", 3500000, "exactly", "3.5 triệu"),
        ("từ 15 đến 20 người", 15, "at_least", "từ 15 đến 20"),
        ("40-50 người", 40, "at_least", "40-50"),
    ],
)
def test_values_and_qualifiers(text: str, value: int, qualifier: str, written: str) -> None:
    q = one(text)
    assert (q.value, q.qualifier, q.text) == (value, qualifier, written)
    assert text[q.begin : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    ["hàng triệu người", "hàng nghìn người", "hàng ngàn gia đình", "hàng chục người", "hàng trăm binh lính",
     "hàng chục nghìn người", "hàng loạt thường dân", "vài trăm người", "một số binh sĩ", "hơn nửa dân số"],
)
def test_vague_quantities_have_no_count(text: str) -> None:
    q = find_quantities(text)[0]
    assert q.value is None and q.qualifier == "vague"


def test_vague_beats_a_preceding_qualifier() -> None:
    q = one("khoảng hàng nghìn người")
    assert q.qualifier == "vague" and q.value is None


@pytest.mark.parametrize(
    "text",
    ["ngày 14/3/2019", "máy bay Su-24", "ngày 18-5", "tên lửa S-400"],
)
def test_dates_and_model_names_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_year_after_nam_is_not_five() -> None:
    qs = find_quantities("năm 2015")
    assert [q.value for q in qs] == [2015]  # the year itself; callers see no people noun after it


def test_percent_is_flagged() -> None:
    assert one("25% dân số").percent
    assert one("30 phần trăm").percent
    assert not one("30 người").percent


def test_nam_as_years_stops_the_numeral() -> None:
    assert parse_words(["hai", "trăm", "năm"]) == (200, 2)
    assert parse_words(["mười", "năm"]) == (10, 1)
    assert parse_words(["mười", "lăm"]) == (15, 2)
    assert parse_words(["một", "trăm", "linh", "năm"]) == (105, 4)
    assert parse_words(["hai", "triệu", "ba", "trăm", "nghìn"]) == (2300000, 5)
    assert parse_words(["người"]) == (None, 0)


def test_several_quantities_in_order_with_offsets() -> None:
    text = "Ít nhất 9 người chết và khoảng 40 người bị thương, hàng trăm người phải sơ tán."
    qs = find_quantities(text)
    assert [(q.value, q.qualifier) for q in qs] == [(9, "at_least"), (40, "about"), (None, "vague")]
    assert all(text[q.num_begin : q.num_end] in ("9", "40", "hàng trăm") for q in qs)


def test_quantity_at_position() -> None:
    text = "khiến gần 70 người thiệt mạng"
    q = quantity_at(text, text.index("gần"))
    assert q is not None and q.value == 70 and q.qualifier == "about"
    assert quantity_at(text, 0) is None


def test_old_and_new_tone_placement_qualifiers() -> None:
    assert one("khoảng 12 người").qualifier == "about"
    assert one("KHOẢNG 12 người").qualifier == "about"


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "written"),
    [
        ("gần nửa triệu người", 500000, "about", "gần nửa triệu"),
        ("khoảng 4,8 triệu người tị nạn", 4800000, "about", "khoảng 4,8 triệu"),
        ("13.000 tù nhân", 13000, "exactly", "13.000"),
        ("hơn 400.000 người", 400000, "more_than", "hơn 400.000"),
        ("hàng chục nghìn người", None, "vague", "hàng chục nghìn"),
        ("ước tính 6,1 triệu người", 6100000, "about", "ước tính 6,1 triệu"),
        ("65.000-117.000 người", 65000, "at_least", "65.000-117.000"),
        ("khoảng 5.000 - 13.000 người", 5000, "at_least", "khoảng 5.000 - 13.000"),
        ("chưa đầy 1.000 người", 1000, "at_most", "chưa đầy 1.000"),
    ],
)
def test_large_and_fractional_figures(text, value, qualifier, written):
    q = one(text)
    assert (q.value, q.qualifier, q.text) == (value, qualifier, written)
