"""Meetings: the venue of an event ("tại/ở <place>" outside topic phrases)."""

from __future__ import annotations

import re

from syriakg.loaders.extract import discourse
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.meetings_lexicon import AT_BEFORE_RE, HOAC_RE, TOPIC_NOUN_BEFORE_RE

_NONVENUE_BEFORE_RE = re.compile(
    r"(?:\b(?:ngừng\s+bắn|tình\s+hình|xung\s+đột|chiến\s+sự|chiến\s+dịch|khủng\s+hoảng|giao\s+tranh|an\s+ninh|"
    r"hòa\s+bình|hoà\s+bình|người\s+tị\s+nạn|phiến\s+quân|lực\s+lượng|quân|căng\s+thẳng|vấn\s+đề|cuộc\s+chiến|"
    r"nhân\s+đạo|dân\s+thường|khủng\s+bố|đụng\s+độ|không\s+kích|tấn\s+công|vùng|khu\s+vực|thỏa\s+thuận|"
    r"thoả\s+thuận|hòa\s+giải|trung\s+tâm|căn\s+cứ)\s*)$",
    re.IGNORECASE,
)


# a title of someone posted somewhere: "Đại sứ Nga tại Washington" is where he serves, not the venue
_POSTED_BEFORE_RE = re.compile(
    r"(?<!\w)(?:đại\s+sứ|đại\s+biện|lãnh\s+sự|tổng\s+lãnh\s+sự|trưởng\s+đại\s+diện|đại\s+diện\s+thường\s+trực)"
    r"(?:\s+[^\s,;.]+){0,3}\s*$",
    re.IGNORECASE,
)


# an occurrence verb followed by a city with no preposition ("có thể được nối lại Geneva", "diễn ra Astana")
_BARE_VENUE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:diễn\s+ra|được\s+tổ\s+chức|được\s+nối\s+lại|nối\s+lại|nhóm\s+họp|khai\s+mạc|"
    r"được\s+triệu\s+tập)\s*$",
    re.IGNORECASE,
)


def venue(doc: Doc, i: int, cstart: int, e: int, tstart: int, tend: int, cend: int
           ) -> tuple[str | None, bool, int]:
    """The clause's "tại/ở <place>" outside its topic phrase: (key, alternatives_seen, relative position).

    "tại" beats "ở"; a place after the trigger beats one before it; a location that modifies another noun
    ("lệnh ngừng bắn ở Syria", "tình hình tại Idlib") is not the venue.
    """
    s = doc.ex.sentences[i]
    text = s.text
    cands: list[tuple[int, str, bool, bool]] = []
    for g in discourse.groups(doc, i):
        rb = g.begin - s.begin
        if rb < cstart or rb >= cend:
            continue
        if tstart <= rb < tend:
            continue
        before = discourse.tail(text[:rb], 120)
        at = AT_BEFORE_RE.search(before)
        if at is None:
            if rb >= e and g.how == "name" and _BARE_VENUE_BEFORE_RE.search(before) and \
                    any(doc.kind_of(x) == "place" for x in g.literal_keys):
                at = _BARE_VENUE_BEFORE_RE.search(before)  # "sẽ được nối lại Geneva": no "tại" written
            else:
                continue
        if _NONVENUE_BEFORE_RE.search(before[: at.start()]) or TOPIC_NOUN_BEFORE_RE.search(before[: at.start()]) or \
                _POSTED_BEFORE_RE.search(before[: at.start()]):
            continue
        lits = [x for x in g.literal_keys if doc.kind_of(x) in ("place", "country")]
        if not lits and g.how == "metonym":
            lits = [x for x in g.literal_keys if x not in g.keys]  # "ở Nhà Trắng": the seat building itself
        if not lits:
            continue
        k = lits[0]
        alt = bool(HOAC_RE.match(text[g.end - s.begin:])) or bool(
            re.search(r"(?<!\w)hoặc\s+(?:ở|tại)?\s*$", before[-20:], re.IGNORECASE))
        tai = not at.group(0).lower().lstrip().startswith("ở")
        cands.append((rb, k, alt, tai))
    if not cands:
        return None, False, -1
    if any(c[2] for c in cands):
        return None, True, -1
    ranked = sorted(cands, key=lambda c: (c[0] < e, not c[3], c[0] if c[0] >= e else -c[0]))
    pick = ranked[0]
    return pick[1], False, pick[0]
