"""The matching normaliser: NFC, no-break spaces, whitespace folding, with a map back to original offsets."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from syriakg.loaders.text.normalize import nfc_view, normalize, normalize_str


def test_decomposed_tone_marks_compose_and_map_back() -> None:
    # 'Hà Nội' written with combining marks, as a Windows-1258 page decodes
    original = "Tới Ha\u0300 N\u00f4\u0323i hôm nay"
    n = normalize(original)
    assert n.text == "Tới Hà Nội hôm nay"
    b = n.text.index("Hà Nội")
    ob, oe = n.original_span(b, b + len("Hà Nội"))
    assert original[ob:oe] == "Ha\u0300 N\u00f4\u0323i"


def test_whitespace_folding_and_nbsp() -> None:
    original = "Theo\u00a0 ông\t\tLâm,\n\nviệc\u200b này"
    n = normalize(original)
    assert n.text == "Theo ông Lâm, việc này"
    b = n.text.index("ông Lâm")
    ob, oe = n.original_span(b, b + len("ông Lâm"))
    assert original[ob:oe] == "ông\t\tLâm"


def test_quotes_and_case_folding() -> None:
    n = normalize("Ông nói “Đồng Ý”", fold_quotes=True, fold_case=True)
    assert n.text == 'ông nói "đồng ý"'
    b = n.text.index('"đồng')
    assert n.original_span(b, b + 1) == (8, 9)


def test_find_all_maps_every_occurrence() -> None:
    original = "Lào,\u00a0Lào  và Lào"
    n = normalize(original)
    spans = n.find_all("Lào")
    assert [original[b:e] for b, e in spans] == ["Lào", "Lào", "Lào"]


def test_empty_span_and_end_offset() -> None:
    n = normalize("ab  c")
    assert n.original_span(2, 2) == (2, 2)
    assert n.original_offset(len(n.text)) == len("ab  c")


def test_normalize_str_matches_normalize_text() -> None:
    s = "Thô\u0309  Nhi\u0303\u00a0Ky\u0300"
    assert normalize_str(s) == normalize(s).text == "Thổ Nhĩ Kỳ"


def test_nfc_view_is_none_for_nfc_text() -> None:
    assert nfc_view("Đã chuẩn hóa") is None
    view = nfc_view("Ca\u0301c  nươ\u0301c")
    assert view is not None and view.text == "Các  nước"  # white space untouched in the NFC view


_CHARS = st.sampled_from(list("aeiouyAĐđ ") + ["\u00a0", "\t", "\n", "\u200b", "\u0300", "\u0301", "\u0303",
                                              "\u0309", "\u0323", "\u0302", "“", "”", "İ", "ß"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=60).map("".join), st.booleans(), st.booleans())
def test_property_map_is_monotone_and_covers(original: str, quotes: bool, case: bool) -> None:
    n = normalize(original, fold_quotes=quotes, fold_case=case)
    assert len(n.starts) == len(n.ends) == len(n.text)
    for i in range(len(n.text)):
        assert 0 <= n.starts[i] < n.ends[i] <= len(original)
        if i:
            assert n.starts[i] >= n.starts[i - 1]
    # every normalised span maps to an original span whose normalisation contains it
    for b in range(len(n.text)):
        for e in range(b + 1, min(len(n.text), b + 4) + 1):
            ob, oe = n.original_span(b, e)
            assert n.text[b:e].strip() in normalize(original[ob:oe], fold_quotes=quotes, fold_case=case).text
    if not quotes and not case:
        assert n.text == unicodedata.normalize("NFC", n.text)


def test_marks_split_by_a_zero_width_space_are_reordered_with_the_whole_cluster() -> None:
    # two grave accents, a zero-width space, a dot below: the NFC view reorders all three marks
    n = normalize("\u0300\u0300\u200b\u0323")
    assert n.text == unicodedata.normalize("NFC", "\u0300\u0300\u0323")
    assert n.original_span(0, len(n.text)) == (0, 4)
