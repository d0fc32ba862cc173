"""Bylines and source lines: "Theo Báo Nhân Dân", "TTXVN/Vietnam+", "Minh Khang (TTXVN)", "Lan Anh/VOV.VN",
"Quốc Bảo (theo AP)", "VOV.VN", a bare author name "Thu Trang".

`parse_byline` reads one short stretch of text (a whole paragraph, or the tail
of the last body paragraph) and says who wrote it and for whom, or returns
None when the text is not a byline.  The shapes are general; the names come
from `sources_gazetteer` or from the shape of Vietnamese personal names
(2-5 capitalised syllables).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from syriakg.loaders.text.sources_gazetteer import agency_name, outlet_name, source_name

__all__ = ["Byline", "is_person_name", "parse_byline"]

_MAX_CHARS = 90
_MAX_WORDS = 12
_STAFF = re.compile(r"^(?:nhóm\s+)?(?:pv|ctv|btv|phóng viên|cộng tác viên|thường trú)(?:\s.*)?$", re.I)
_THEO = re.compile(r"^\(?\s*(?:theo|nguồn\s*:?)\s+(?P<src>[^,;:!?()]{2,60}?)\s*\)?\s*\.?$", re.I)
_SRC_PREFIX = re.compile(r"^(?:báo|tờ|hãng tin|hãng|kênh|đài|trang|tạp chí|trang tin)\s+", re.I)
_NAME_PAREN = re.compile(r"^(?P<name>[^()]{2,60}?)\s*\((?P<inner>[^()]{2,80})\)\s*\.?$")
_THEO_INNER = re.compile(r"^(?:(?:tổng hợp|lược dịch|biên dịch|dịch|tổng hợp và dịch)\s+)?(?:theo|từ)\s+(?P<src>.+)$",
                         re.I)
_WORK_ONLY = re.compile(r"^(?:tổng hợp|lược dịch|biên dịch|dịch|lược thuật|tổng hợp và dịch|ghi|thực hiện)$", re.I)
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline says: the author, the outlet it is written for, the wire agency it comes from."""

    text: str
    author: str | None = None
    outlet: str | None = None
    agency: str | None = None


def _clean(text: str) -> str:
    t = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\s+", " ", t).strip()


def is_person_name(text: str) -> bool:
    """2-5 capitalised syllables ('Thu Trang', 'Phạm Minh Đức'); several names joined by ' - ', ', ' or ' và '."""
    names = re.split(r"\s*(?: - |, | và | & )\s*", _clean(text))
    return bool(names) and all(_one_name(n) for n in names)


def _one_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        if not w[0].isupper() or not w.isalpha():
            return False
        if len(w) > 1 and not w[1:].islower():
            return False
    # a known outlet or agency is not a person ('Báo Tin Tức', 'Al Jazeera')
    return source_name(name) is None


def _source(src: str) -> tuple[str | None, str | None]:
    """(outlet, agency) for a source name as written after 'theo'."""
    src = src.strip(" .")
    known = source_name(src) or source_name(_SRC_PREFIX.sub("", src))
    if known:
        kind, name = known
        return (name, None) if kind == "outlet" else (None, name)
    bare = _SRC_PREFIX.sub("", src)
    if bare != src or "." in bare:  # 'báo Infonet', 'baonghean.vn': a paper or a site
        return bare, None
    return None, src


def _looks_like_source(src: str) -> bool:
    src = src.strip(" .")
    if source_name(src) or source_name(_SRC_PREFIX.sub("", src)):
        return True
    words = src.split()
    if not 1 <= len(words) <= 5:
        return False
    first = _SRC_PREFIX.sub("", src)
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def _dedupe_repeat(text: str) -> str:
    """'X/Y X/Y' (a byline printed twice) -> 'X/Y'."""
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text


def parse_byline(text: str) -> Byline | None:
    """The byline in `text` (a short paragraph or sentence), or None if it is not one."""
    t = _clean(text)
    if not t or len(t) > _MAX_CHARS or len(t.split()) > _MAX_WORDS:
        return None
    t = _dedupe_repeat(t)
    # a byline has no sentence inside it ('VOV.VN' and 'Theo AP.' are fine)
    if _SENTENCE_END.search(t.rstrip(".")):
        return None
    core = t.rstrip(".").strip()

    m = _THEO.match(core)
    if m and _looks_like_source(m.group("src")):
        outlet, agency = _source(m.group("src"))
        return Byline(t, outlet=outlet, agency=agency)

    m = _NAME_PAREN.match(core)
    if m:
        name, inner = m.group("name").strip(), m.group("inner").strip()
        if is_person_name(name) or _STAFF.match(name):
            outlet = agency = None
            mi = _THEO_INNER.match(inner)
            if mi:
                src = re.sub(r"^(?:báo|tờ|hãng tin|hãng)\s+", "", mi.group("src").strip(), flags=re.I)
                parts = [p.strip() for p in re.split(r",|;| và ", src) if p.strip()]
                if len(parts) == 1:
                    outlet, agency = _source(parts[0])
                else:
                    agency = ", ".join(parts)
            elif not _WORK_ONLY.match(inner):
                outlet, agency = _slash_sources(inner)
                if outlet is None and agency is None:
                    return None
            return Byline(t, author=name, outlet=outlet, agency=agency)

    if "/" in core and core.count("/") <= 2 and "//" not in core:
        left, _, right = core.partition("/")
        left, right = left.strip(), right.strip()
        if left and right and len(left.split()) <= 5 and len(right.split()) <= 5:
            right_outlet = outlet_name(right) or (right if _looks_like_source(right) else None)
            if right_outlet is not None:
                if is_person_name(left) or _STAFF.match(left):
                    return Byline(t, author=left, outlet=outlet_name(right) or right)
                known = source_name(left)
                if known or left.isupper():
                    return Byline(t, outlet=outlet_name(right) or right,
                                  agency=known[1] if known else left)

    if " - " in core:
        left, _, right = core.rpartition(" - ")
        if is_person_name(left) and outlet_name(right):
            return Byline(t, author=left.strip(), outlet=outlet_name(right))

    known = source_name(core)
    if known:
        kind, name = known
        return Byline(t, outlet=name) if kind == "outlet" else Byline(t, agency=name)

    # a bare name closed by a full stop is the end of a sentence ('... chính là ông Lê Minh.'), not a byline
    if (is_person_name(core) or _STAFF.match(core)) and not t.endswith("."):
        return Byline(t, author=core)
    return None


def _slash_sources(inner: str) -> tuple[str | None, str | None]:
    """'TTXVN' -> outlet TTXVN; 'AFP/TTXVN' -> agency AFP, outlet TTXVN; unknown -> (None, None)."""
    parts = [p.strip() for p in inner.split("/") if p.strip()]
    outlet = agency = None
    for p in parts:
        o = outlet_name(p)
        a = agency_name(p)
        if o and outlet is None:
            outlet = o
        elif a and agency is None:
            agency = a
    return outlet, agency
