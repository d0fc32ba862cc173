"""Bytes -> text: find the encoding of one input file, or say clearly why there is none.

Order of decisions (first match wins):

1. an explicit `encoding=` from the caller (a UTF-8/UTF-16/UTF-32 byte-order
   mark is still honoured and removed, because it is a signature, not text);
2. a byte-order mark: UTF-32, UTF-8 (`utf-8-sig`), UTF-16;
3. empty input (nothing but whitespace once decoded) -> `LoadError`;
4. NUL bytes: UTF-16 without BOM when the zero bytes sit regularly at even or
   odd positions (Vietnamese and English text in UTF-16 has a zero byte in
   most ASCII code units), otherwise a binary file -> `LoadError`;
5. strict UTF-8;
6. bytes that are *mostly* valid UTF-8 multi-byte sequences with a few broken
   ones are damaged UTF-8 -> `LoadError` naming the first bad byte (guessing a
   legacy code page would silently turn them into mojibake);
7. a legacy 8-bit code page: Windows-1258 (Vietnamese) and the candidates
   charset-normalizer proposes, scored by how Vietnamese the result looks;
   nothing plausible -> `LoadError`.

The decoded text is returned exactly as decoded: Python's `cp1258` codec maps
the code page's tone-mark bytes to *combining* characters (U+0300, U+0301,
U+0303, U+0309, U+0323), so a Windows-1258 file decodes to decomposed
Vietnamese.  It is stored like that; only matching normalises (see
`syriakg.loaders.text.normalize`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from syriakg.loaders.model import LoadError

__all__ = ["decode_bytes", "looks_binary", "vietnamese_score"]

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Every letter of the Vietnamese alphabet with its diacritics (NFC), both cases.
_VI_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    "fjwz"
)
_VI_LETTERS = frozenset(_VI_LOWER + _VI_LOWER.upper())
# Controls that never occur in text files (tab, LF, VT, FF, CR and ESC excluded).
_BINARY_CONTROLS = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_MIN_SCORE = 0.7  # real Vietnamese scored > 0.89 on 3,000 corpus articles; mojibake 0.27-0.45
_LEGACY_CANDIDATES = ("cp1258", "cp1252", "latin-1")
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data, name
    return data, None


def _utf8_error_detail(err: UnicodeDecodeError) -> str:
    bad = err.object[err.start:err.start + 4]
    return f"invalid UTF-8 at byte {err.start} ({bad.hex(' ')}: {err.reason})"


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit where UTF-16 text puts them, else None."""
    if len(data) < 4:
        return None
    sample = data[: 1 << 16]
    if len(sample) % 2:
        sample = sample[:-1]
    even = sample[0::2]
    odd = sample[1::2]
    units = len(even)
    zeros_even = even.count(0)
    zeros_odd = odd.count(0)
    # At least a fifth of the code units are ASCII-range, and zero bytes are on one side only.
    if zeros_odd >= units * 0.2 and zeros_even <= units * 0.02:
        return "utf-16-le"
    if zeros_even >= units * 0.2 and zeros_odd <= units * 0.02:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """True if decoded text is full of control characters (an image, archive, executable...)."""
    if not text:
        return False
    sample = text[:65536]
    bad = sum(1 for ch in sample if ord(ch) in _BINARY_CONTROLS)
    return "\x00" in sample or bad > max(2, len(sample) // 200)


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu iêu oa oă oai oao oay oe oeo oi ôi ơi oo ôô "
    "ua uâ uây uê ui uô uôi uơ uy uya uyê uyu ưa ưi ươ ươi ươu ưu yê yêu"
).split()
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    rf"(?:{'|'.join(sorted(_NUCLEI, key=len, reverse=True))})"
    r"(?:ch|ng|nh|c|m|n|p|t)?$"
)
_WORDS = re.compile(r"[^\W\d_]+")


def _is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable: a known onset, vowel nucleus and coda, at most one tone mark."""
    parts = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in parts if c in _TONE_MARKS) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
    return bool(_SYLLABLE.match(base))


def vietnamese_score(text: str) -> float:
    """Share of words with a non-ASCII letter that are well-formed Vietnamese syllables (NFC for scoring only).

    Close to 1.0 for Vietnamese decoded with the right code page; mojibake (a
    Vietnamese file decoded with the wrong one) scores low, because tone bytes
    turn into stray letters ('Hôòi', 'ðiÒnh').  Text with no such word at all
    scores 0.5 (no evidence either way).
    """
    sample = unicodedata.normalize("NFC", text[:65536])
    good = bad = 0
    for m in _WORDS.finditer(sample):
        w = m.group(0)
        if w.isascii():
            continue
        if all(c in _VI_LETTERS for c in w) and _is_syllable(w):
            good += 1
        else:
            bad += 1
    if good + bad == 0:
        return 0.5
    return good / (good + bad)


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _legacy(data: bytes, source: str) -> tuple[str, str]:
    """Pick a legacy 8-bit code page for bytes that are not UTF-8."""
    candidates: list[str] = list(_LEGACY_CANDIDATES)
    try:
        from charset_normalizer import from_bytes

        for match in from_bytes(data[: 1 << 20]):
            if match.encoding not in candidates and not match.encoding.startswith(("utf", "ascii")):
                candidates.append(match.encoding)
    except Exception:  # noqa: BLE001 - detection is a hint; the scoring below decides
        pass
    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(candidates):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if looks_binary(text):
            continue
        score = vietnamese_score(text)
        key = (score, -rank, enc, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] < _MIN_SCORE:
        why = "not UTF-8, and no legacy encoding gives plausible Vietnamese text"
        if best is not None:
            why += f" (best guess {best[2]} scored {best[0]:.2f})"
        raise LoadError(source, f"undecodable: {why}; pass --encoding to force one")
    return best[3], best[2]


def decode_bytes(data: bytes, source: str, encoding: str | None = None, *, html: bool = False) -> tuple[str, str]:
    """Decode one file's bytes; returns (text, encoding used) or raises `LoadError` naming `source`.

    `html=True` also honours a `<meta charset>` declaration before guessing.
    """
    data, bom_encoding = _strip_bom(data)
    if bom_encoding is not None:
        try:
            text = data.decode(bom_encoding)
        except UnicodeDecodeError as err:
            raise LoadError(source, f"undecodable: byte-order mark says {bom_encoding} but byte "
                                    f"{err.start} is invalid ({err.reason})") from None
        return _nonempty(text, source), bom_encoding
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise LoadError(source, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise LoadError(source, f"undecodable as {encoding}: byte {err.start} ({err.reason})") from None
        if looks_binary(text):
            raise LoadError(source, "binary file (control characters), not text")
        return _nonempty(text, source), encoding
    if not data.strip():
        raise LoadError(source, "empty file")
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            try:
                text = data.decode(utf16)
            except UnicodeDecodeError:
                text = ""
            # the zero-byte pattern is the evidence; the text only has to be text (not mojibake, not controls)
            if text and not looks_binary(text) and vietnamese_score(text) >= 0.5 and _mostly_assigned(text):
                return _nonempty(text, source), utf16
        pos = data.index(b"\x00")
        raise LoadError(source, f"binary file (NUL byte at offset {pos}), not text")
    if html:
        declared = _declared_charset(data)
        if declared and not declared.startswith("utf_8"):
            try:
                return _nonempty(data.decode(declared), source), declared
            except UnicodeDecodeError:
                pass  # the declaration lies; fall through to detection
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if _mostly_utf8(data):
            raise LoadError(source, _utf8_error_detail(err)) from None
        if looks_binary(data.decode("latin-1")):
            raise LoadError(source, "binary file (control characters), not text") from None
        text, used = _legacy(data, source)
        return _nonempty(text, source), used
    if looks_binary(text):
        raise LoadError(source, "binary file (control characters), not text")
    return _nonempty(text, source), "utf-8"


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """True when the non-ASCII bytes are mostly well-formed UTF-8 (so the file is damaged UTF-8)."""
    high = sum(1 for b in data if b >= 0x80)
    if high == 0:
        return False
    in_sequences = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return in_sequences >= high * 0.5


def _mostly_assigned(text: str) -> bool:
    """Few unassigned, private-use or surrogate code points (what a wrong UTF-16 guess produces)."""
    sample = text[:65536]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cn", "Co", "Cs"))
    return odd <= len(sample) // 100


def _nonempty(text: str, source: str) -> str:
    if not text.strip():
        raise LoadError(source, "empty file (only whitespace)")
    return text
