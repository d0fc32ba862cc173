"""Meetings: receptions ("X tiếp Y", "X đón Y", "buổi tiếp Y", "lễ đón người đồng cấp Y").

A reception verb has the host as subject and the guest as object.  The guest
is the first person (or delegation) after the verb, past titles ("Tổng thống
Ai Cập Ahmed Karim", "người đồng cấp Pháp Jean Dupont": the country
is the title's, not a participant).  A guest described as visiting ("Y đang ở
thăm Z", "Y, người đang có chuyến thăm Z", "Y đang thăm Z") places the
reception at Z: the visit's destination is the host's country or city.
"""

from __future__ import annotations

import re

from syriakg.loaders.extract import discourse
from syriakg.loaders.extract.base import Doc

RECEPTION_WORDS = frozenset({"tiếp", "tiếp đón", "tiếp kiến", "đón", "đón tiếp"})

_TITLE_WORDS = frozenset(
    "ngài ông bà người đồng cấp nhiệm tổng thống ngoại trưởng thủ tướng bộ chủ tịch quốc vương nhà vua thái tử "
    "đặc phái viên đại sứ phó thứ phòng giao lãnh đạo tư lệnh tham mưu an ninh hội liên hợp quân đội nước "
    "đương kim tân cựu sự vụ thư ký chính phủ quốc hội thượng nghị sĩ hạ đoàn đại biểu của".split()
)
# "chào đón / hoan nghênh / nồng nhiệt đón": a welcome, not a reception event
WELCOME_BEFORE_RE = re.compile(r"(?<!\w)(?:chào|hoan\s+nghênh|đón\s+chào)\s*$", re.IGNORECASE)
_DELEGATION_RE = re.compile(r"(?<!\w)(?:phái\s+đoàn|đoàn(?:\s+đại\s+biểu)?)(?!\w)", re.IGNORECASE)
# "(,) (người/khi/lúc) đang (ở|có chuyến|trong chuyến) thăm": the guest is visiting
VISITING_RE = re.compile(
    r"^\s*,?\s*(?:(?:người|khi|lúc|nhân\s+dịp)\s+)?(?:(?:hiện\s+)?đang|tới|đến|sang)\s+"
    r"(?:ở\s+|có\s+(?:chuyến\s+)?|trong\s+(?:chuyến\s+)?|thực\s+hiện\s+(?:chuyến\s+)?)?"
    r"(?:thăm(?:\s+(?:chính\s+thức|cấp\s+nhà\s+nước|làm\s+việc))?|công\s+du)\s+"
    r"(?:(?:thủ\s+đô|thành\s+phố|nước)\s+)?$",
    re.IGNORECASE,
)


def _title_gap(text: str) -> bool:
    words = re.findall(r"\w+", text)
    if len(words) > 8 or re.sub(r"[\w\s,]", "", text).strip():
        return False
    return all(w.lower() in _TITLE_WORDS for w in words)


def guest(doc: Doc, i: int, rel_e: int, span: int = 70) -> discourse.Group | None:
    """The guest group after a reception verb ending at relative offset `rel_e`, or None.

    Only titles may stand between the verb and the guest; a country glued to a title
    ("Tổng thống Iran Hassan Rouhani") is passed over.  A delegation of a country
    ("phái đoàn Thổ Nhĩ Kỳ") is a guest too.
    """
    s = doc.ex.sentences[i]
    text = s.text
    gap_start = rel_e
    for g in discourse.groups(doc, i):
        gb = g.begin - s.begin
        if gb < rel_e:
            continue
        if gb - rel_e > span:
            return None
        gap = text[gap_start:gb]
        if not _title_gap(gap):
            return None
        kind = doc.kind_of(g.keys[0])
        if kind == "person":
            return g
        if kind in ("country", "organization") and _DELEGATION_RE.search(text[rel_e:gb]):
            return g
        if (kind in ("country", "organization", "place") and g.how == "title") or (
                kind in ("country", "place") and re.search(r"(?:người\s+đồng\s+(?:cấp|nhiệm)|trưởng|thống|tướng|"
                                                           r"tịch|vương)\s*$", gap, re.IGNORECASE)):
            gap_start = g.end - s.begin  # the title's country: keep looking for the person
            continue
        return None
    return None


def visit_destination(doc: Doc, i: int, g: discourse.Group) -> str | None:
    """The place or country a guest is said to be visiting right after its mention ("đang ở thăm Z")."""
    s = doc.ex.sentences[i]
    text = s.text
    ge = g.end - s.begin
    for g2 in discourse.groups(doc, i):
        gb = g2.begin - s.begin
        if gb < ge:
            continue
        if gb - ge > 60 or not VISITING_RE.match(text[ge:gb]):
            return None
        lits = [k for k in g2.literal_keys if doc.kind_of(k) in ("place", "country")]
        return lits[0] if lits else None
    return None


def visitor_before(doc: Doc, i: int, rel_b: int, rel_e: int) -> discourse.Group | None:
    """The person described as visiting by the words ending at the visit trigger [rel_b, rel_e)
    ("Y đang ở thăm", "Y, người đang có chuyến thăm"), or None."""
    s = doc.ex.sentences[i]
    text = s.text
    prev = [g for g in discourse.groups(doc, i) if g.end - s.begin <= rel_b and rel_b - (g.end - s.begin) <= 40]
    if not prev:
        return None
    g = prev[-1]
    if doc.kind_of(g.keys[0]) != "person" or not VISITING_RE.match(text[g.end - s.begin: rel_e] + " "):
        return None
    return g
