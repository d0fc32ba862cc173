"""Bytes -> text: byte-order marks, UTF-16 without BOM, Windows-1258, and clear errors for bad input."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from fixtures.sources.legacy import SAMPLE_ARTICLE, to_cp1258

from syriakg.loaders.model import LoadError
from syriakg.loaders.sources.decode import decode_bytes, looks_binary, vietnamese_score

TEXT = SAMPLE_ARTICLE


def test_plain_utf8() -> None:
    assert decode_bytes(TEXT.encode("utf-8"), "a.txt") == (TEXT, "utf-8")


def test_utf8_bom_is_removed() -> None:
    text, enc = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt")
    assert (text, enc) == (TEXT, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    data = TEXT.encode(codec)
    if codec == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    elif codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    text, enc = decode_bytes(data, "a.txt")
    assert text == TEXT and enc == "utf-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec: str) -> None:
    text, enc = decode_bytes(TEXT.encode(codec), "a.txt")
    assert (text, enc) == (TEXT, codec)


def test_utf32_with_bom() -> None:
    text, enc = decode_bytes(TEXT.encode("utf-32"), "a.txt")
    assert (text, enc) == (TEXT, "utf-32")


def test_windows_1258_is_detected_and_kept_decomposed() -> None:
    data = to_cp1258(TEXT)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, enc = decode_bytes(data, "legacy.txt")
    assert enc == "cp1258"
    # the text is stored as decoded: tone marks stay combining characters, nothing is normalised
    assert text != TEXT
    assert any(unicodedata.combining(c) for c in text)
    assert unicodedata.normalize("NFC", text) == unicodedata.normalize("NFC", TEXT)


def test_windows_1258_short_text() -> None:
    text, enc = decode_bytes(to_cp1258("Hội nghị ở Huế.\n"), "short.txt")
    assert enc == "cp1258" and unicodedata.normalize("NFC", text) == "Hội nghị ở Huế.\n"


def test_explicit_encoding() -> None:
    data = to_cp1258(TEXT)
    text, enc = decode_bytes(data, "a.txt", encoding="windows-1258")
    assert enc == "windows-1258"
    assert unicodedata.normalize("NFC", text) == unicodedata.normalize("NFC", TEXT)


def test_explicit_encoding_that_does_not_fit() -> None:
    with pytest.raises(LoadError) as err:
        decode_bytes("Tiếng Việt".encode("utf-16-le"), "x.txt", encoding="utf-8")
    assert err.value.source == "x.txt" and "binary" in err.value.problem or "undecodable" in err.value.problem


def test_unknown_encoding_name() -> None:
    with pytest.raises(LoadError, match="unknown encoding"):
        decode_bytes(b"abc", "x.txt", encoding="no-such-codec")


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n\n"])
def test_empty(data: bytes) -> None:
    with pytest.raises(LoadError, match="empty") as err:
        decode_bytes(data, "empty.txt")
    assert err.value.source == "empty.txt"


def test_binary_with_nul_bytes() -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(LoadError, match=r"binary file \(NUL byte at offset 8\)"):
        decode_bytes(data, "photo.txt")


def test_text_with_a_stray_nul() -> None:
    data = TEXT.encode("utf-8")[:40] + b"\x00" + TEXT.encode("utf-8")[40:]
    with pytest.raises(LoadError, match="NUL byte at offset 40"):
        decode_bytes(data, "nul.txt")


def test_control_characters_are_binary() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 50
    with pytest.raises(LoadError, match="binary"):
        decode_bytes(data, "blob.txt")


def test_damaged_utf8_is_an_error_not_mojibake() -> None:
    good = TEXT.encode("utf-8")
    data = good[:100] + b"\xe1\xba" + good[100:]  # a truncated 3-byte sequence in the middle
    with pytest.raises(LoadError, match=r"invalid UTF-8 at byte 10[0-2]") as err:
        decode_bytes(data, "broken.txt")
    assert err.value.source == "broken.txt"


def test_undecodable_bytes_are_reported() -> None:
    # Cyrillic in KOI8-R: not UTF-8, and no code page turns it into Vietnamese
    data = "Переговоры в Женеве продолжаются уже третий день.".encode("koi8_r")
    with pytest.raises(LoadError, match="undecodable"):
        decode_bytes(data, "ru.txt")


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1258"></head><body><p>Đà Nẵng</p></body></html>'
    text, enc = decode_bytes(to_cp1258(page), "p.html", html=True)
    assert enc == "cp1258" and "Đà" in unicodedata.normalize("NFC", text)


def test_vietnamese_score_and_binary_helpers() -> None:
    assert vietnamese_score("Hội nghị thượng đỉnh") == 1.0
    assert vietnamese_score("plain ascii") == 0.5
    assert vietnamese_score(to_cp1258("Hội nghị thượng đỉnh").decode("cp1252")) < 0.85
    assert looks_binary("a\x00b")
    assert not looks_binary("dòng một\r\ndòng hai\t\n")


def test_utf16_without_bom_in_english() -> None:
    text = "Talks resumed in Geneva on Monday.\nBoth sides signed the minutes.\n"
    assert decode_bytes(text.encode("utf-16-le"), "en.txt") == (text, "utf-16-le")


def test_binary_without_nul_bytes() -> None:
    data = bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 8
    with pytest.raises(LoadError, match="binary"):
        decode_bytes(data, "blob.bin.txt")
