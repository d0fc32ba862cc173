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

__all__ = ["Byline", "glued_byline", "is_person_name", "leading_byline", "parse_byline"]

_MAX_CHARS = 90
_MAX_WORDS = 12
_STAFF = re.compile(r"^(?:nhóm\s+)?(?:pv|ctv|btv|phóng viên|cộng tác viên|thường trú)(?:\s.*)?$", re.I)
_THEO = re.compile(r"^\(?\s*(?:theo|nguồn\s*:?)\s+(?P<src>[^,;:!?()]{2,60}?)\s*\)?\s*\.?$", re.I)
_SRC_PREFIX = re.compile(r"^(?:báo|tờ|hãng tin|hãng|kênh|đài|trang|tạp chí|trang tin)\s+", re.I)
_NAME_PAREN = re.compile(r"^(?P<name>[^()]{2,60}?)\s*\((?P<inner>[^()]{2,80})\)\s*\.?$")
# 'tổng hợp' is abbreviated 'T/h', 'TH', 'th', 't/hợp' in bylines
_WORK = r"(?:tổng hợp và dịch|tổng hợp|t/hợp|t/h|th|lược dịch|biên dịch|dịch|lược thuật|sưu tầm)"
_THEO_INNER = re.compile(rf"^(?:{_WORK}\s+)?(?:theo|từ|nguồn\s*:?)\s+(?P<src>.+)$", re.I)
_WORK_SRC = re.compile(rf"^{_WORK}\s+(?P<src>[A-Z0-9][^,;()]{{0,30}})$", re.I)  # 'Tổng hợp Dailymail'
_WORK_ONLY = re.compile(rf"^(?:{_WORK}|ghi|thực hiện)$", re.I)
# initials as bylines print them: 'T.H', 'N.Q.A', 'M.Khuê', 'Kh.V', 'H. Bình', 'T.H.'
_INITIALS = re.compile(r"^(?:[A-ZĐ][a-zđ]?\.\s?){1,3}[A-ZĐ][a-zà-ỹđ]*\.?$")
_ACRONYM = re.compile(r"^(?!IS$|EU$|UN$|US$|UK$|AU$)[A-ZĐ]{2}$")  # 'HT', 'NM': only before '(Theo X)', '(T/h)'
_TITLE = re.compile(r"^(?:BS|TS|ThS|PGS|GS|KTS|LS|Ths|Bs)\.?\s*(?=[A-ZĐ])")  # 'BS Thu Vân', 'BS.Tuyết Mai'
_ABBREV_DOT = re.compile(r"(?<!\w)(?:[A-ZĐ][a-zđ]?|TP|Tp|BS|TS|ThS)\.")  # 'T.H. (Theo X)', 'TP. HCM'
# printed before an author's name: initials ('NT Nguyễn Thuận'), a rank or title ('Đại tá Lê Minh')
_NAME_PREFIX = re.compile(r"^(?:[A-ZĐ]{2,3}|BS|TS|ThS|PGS\.?TS|Đại tá|Thượng tá|Trung tá|Thiếu tá|Thiếu tướng|Trung tướng|"
                          r"Nhà báo|Luật sư|Bác sĩ|Tiến sĩ|Tiến sỹ)$")
# 'Đình Viên - Thể thao Ngày nay | 11:20 06/02/2017': a byline line with the outlet and the time
_DATE_TAIL = re.compile(r"\s*\|\s*\d{1,2}[:h]\d{2}\s+\d{1,2}/\d{1,2}/\d{2,4}\s*$")
_NAME_OUTLET = re.compile(r"(?:^|(?<=\s))(?P<name>\S+(?:\s+\S+){1,4})\s+-\s+(?P<outlet>[A-ZĐ]\S*(?:\s+\S+){0,4})$")
_THEN_THEO = re.compile(r"^(?P<by>\S+(?:\s+\S+){1,5}?)\s+(?P<theo>Theo\s+[^()]{2,50})$")
_HONORIFIC = re.compile(r"^(?:Ông|Bà|Ngài|Anh|Chị)\s", re.I)  # 'Ông Lavrov' is a person spoken of, not an author
_DASH_END = re.compile(r"\s+[-–]$")
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


def _caps_name(name: str) -> bool:
    """A name printed in capitals ('VIỆT HƯNG', 'THIỆN ĐẠO'): 2-4 short all-capital words."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w.isalpha() and w.isupper() and len(w) <= 7 for w in words)


def _author(name: str, *, with_source: bool) -> bool:
    """Can `name` be the author part of a byline?  Initials always; acronyms and names in capitals only
    when a source or a '(tổng hợp)' follows (alone they are too often a heading or an organisation)."""
    name = _TITLE.sub("", name).strip()
    if is_person_name(name) or _STAFF.match(name) or _INITIALS.match(name):
        return True
    return with_source and bool(_ACRONYM.match(name) or _caps_name(name))


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
    # cheap exit for running text (this is asked of every paragraph): `_clean` keeps every
    # whitespace-separated word except those made only of zero-width spaces, so 13 such words
    # already make more than _MAX_WORDS
    head = text.split(None, _MAX_WORDS + 1)
    if len(head) > _MAX_WORDS and all(w.strip("\u200b") for w in head[:_MAX_WORDS + 1]):
        return None
    t = _clean(text)
    if not t or len(t) > _MAX_CHARS or len(t.split()) > _MAX_WORDS:
        return None
    t = _dedupe_repeat(t)
    # a byline has no sentence inside it ('VOV.VN' and 'Theo AP.' are fine)
    if _SENTENCE_END.search(_ABBREV_DOT.sub("", t.rstrip("."))):
        return None
    core = t.rstrip(".").strip()
    dated = _DATE_TAIL.search(core)
    if dated:
        m = _NAME_OUTLET.fullmatch(core[:dated.start()])
        if m and is_person_name(m.group("name")):
            return Byline(t, author=m.group("name"), outlet=outlet_name(m.group("outlet")) or m.group("outlet"))
        return None
    if _DASH_END.search(core):  # 'Phú Lộc -', 'NT Nguyễn Thuận -': a byline whose source line was cut off
        name = _DASH_END.sub("", core)
        parts = name.split(None, 2 if re.match(r"^\S+ (?:tá|tướng|báo|sư|sĩ|sỹ) ", name) else 1)
        if len(parts) == 3:
            parts = [f"{parts[0]} {parts[1]}", parts[2]]
        if len(parts) == 2 and _NAME_PREFIX.match(parts[0]) and is_person_name(parts[1]):
            name = parts[1]  # the author's initials or rank printed before the name
        if is_person_name(name) and " - " not in name:
            return Byline(t, author=name)
    m = _THEN_THEO.match(core)
    if m:  # 'Hồng Nhung/VOV Theo BBC, Reuters': a byline, then the sources
        first = parse_byline(m.group("by"))
        parts = [p.strip() for p in re.split(r",|;| và ", m.group("theo")[4:]) if p.strip()]
        if (first is not None and first.author and not _HONORIFIC.match(first.author)
                and parts and all(_looks_like_source(p) for p in parts)):
            return Byline(t, author=first.author, outlet=first.outlet,
                          agency=", ".join(p for p in (first.agency, *parts) if p))
    m = re.match(r"^(?P<name>.+?)\s+[-–]\s+(?P<theo>(?:theo|nguồn\s*:?)\s+.+)$", core, re.I)
    if m and is_person_name(m.group("name")):  # 'Tú Anh - Theo Daily Mail'
        src = parse_byline(m.group("theo"))
        if src is not None:
            return Byline(t, author=m.group("name"), outlet=src.outlet, agency=src.agency)

    m = _THEO.match(core)
    if m and _looks_like_source(m.group("src")):
        outlet, agency = _source(m.group("src"))
        return Byline(t, outlet=outlet, agency=agency)

    m = _NAME_PAREN.match(core)
    if m is None and core.startswith("("):  # '(Tổng hợp)', '(T/h)': no author
        mw = re.match(r"^\((?P<inner>[^()]{1,40})\)$", core)
        if mw and _WORK_ONLY.match(mw.group("inner").strip()):
            return Byline(t)
    if m:
        name, inner = m.group("name").strip(), m.group("inner").strip()
        if _author(name, with_source=True):
            outlet = agency = None
            mi = _THEO_INNER.match(inner) or _WORK_SRC.match(inner)
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


_TAIL_PAREN = re.compile(r"\((?P<inner>[^()]{1,70})\)\s*\.?$")
_TAIL_DASH = re.compile(r"\s[-–]$")
_TAIL_WORDS = 5  # at most this many words before the bracket (initials, a full name with a title)


def glued_byline(text: str, begin: int, end: int) -> int | None:
    """Where a byline glued to the end of text[begin:end] starts, or None.

    Flattened pages run the byline into the last sentence with no full stop between them
    ('... hôm 5/9 T.H (Theo Reuters)', '... tại Homs NT Nguyễn Thuận -').  The byline must end the
    text and be either a bracket of its own ('(Theo AFP)', '(Tổng hợp)') or a short author part
    (initials, a name) followed by one; the longest author part `parse_byline` accepts wins.
    """
    piece = text[begin:end].rstrip()
    dated = _DATE_TAIL.search(piece)
    if dated:  # '... Đình Viên - Thể thao Ngày nay | 11:20 06/02/2017'
        before = piece[:dated.start()]
        for w in [w.start() for w in re.finditer(r"\S+", before)][-10:]:
            if (w == 0 or piece[w - 1].isspace()) and parse_byline(piece[w:]) is not None:
                return begin + w
        return None
    m = _TAIL_PAREN.search(piece)
    if m is None and not _TAIL_DASH.search(piece):
        return None
    anchor = m.start() if m else len(piece) - 1
    before = piece[:anchor]
    starts = [w.start() for w in re.finditer(r"\S+", before)][-_TAIL_WORDS:]
    found: int | None = None
    for st in [*starts, anchor] if m else starts:
        b = parse_byline(piece[st:])
        if b is None or (st < anchor and b.author is None):
            continue
        if st > 0 and not piece[st - 1].isspace():
            continue
        found = st
        break  # `starts` runs from the longest candidate to the shortest
    if found is None:
        return None
    return begin + found


_HEAD_PAREN = re.compile(r"\((?:theo|tổng hợp|t/h|nguồn)\b[^()]{0,60}\)", re.I)


def leading_byline(text: str, begin: int, end: int) -> int | None:
    """End of a byline that opens text[begin:end] and runs into the first sentence, or None.

    ('T.H (Theo Reuters) Tổng thống ...', '(Theo AFP) Ngày 3/5, ...'): a short author part and a
    '(Theo X)' / '(Tổng hợp)' bracket, then a capitalised word.
    """
    m = _HEAD_PAREN.search(text, begin, min(end, begin + 90))
    if m is None or m.end() >= end:
        return None
    rest = text[m.end():end].lstrip()
    if not rest or not (rest[0].isupper() or rest[0].isdigit()):
        return None
    b = parse_byline(text[begin:m.end()])
    if b is None or (m.start() > begin and b.author is None):
        return None
    return m.end()
