"""Meetings: joint work with a named counterpart ("X đã cùng người đồng cấp Y thảo luận / rà soát ...").

No meeting word is written, but two named officials discussing or reviewing
something together have met (or talked): one event of kind `meeting` whose
actors are the clause's subject and the counterpart after "cùng (với)".  The
subject is the clause's named person (a pronoun the actors component resolved
counts); when the clause names none ("Tại đây, ông đã cùng ..."), the person
who is the subject of the previous sentence.  Only persons (or a counterpart
known by country only: "cùng người đồng cấp Pháp") take part: "Mỹ cùng các
đồng minh xem xét các biện pháp" is a policy review, not a meeting.
"""

from __future__ import annotations

import re

from syriakg.loaders.extract import factuality
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.meetings_actors import (
    TITLE_ONLY_RE,
    actor_keys,
    clause_subject,
    groups_in,
    subject_chain,
)
from syriakg.loaders.extract.meetings_clause import clause_span, topic_end, topic_start
from syriakg.loaders.extract.meetings_dates import date_relation, event_date
from syriakg.loaders.extract.meetings_merge import Cand
from syriakg.loaders.extract.meetings_place import venue
from syriakg.loaders.model import Event, Span

_JOINT_RE = re.compile(
    r"(?<!\w)cùng(?:\s+với)?\s+(?P<partner>[^,;.:“\"]{3,110}?)\s+(?:(?:đã|sẽ|đang|vừa|cũng|tiến\s+hành|"
    r"có\s+cuộc)\s+)*(?P<verb>thảo\s+luận|xem\s+xét|rà\s+soát|bàn\s+bạc|bàn\s+thảo|bàn\s+về|trao\s+đổi|"
    r"đánh\s+giá|duyệt\s+xét|thống\s+nhất|nhất\s+trí|ký|kí|chứng\s+kiến|chủ\s+trì|đồng\s+chủ\s+trì)(?!\w)",
    re.IGNORECASE,
)


_COUNTERPART_RE = re.compile(r"(?<!\w)người\s+đồng\s+(?:cấp|nhiệm)\s*$", re.IGNORECASE)


# only pronouns, titles and adverbs before "cùng": the subject is the previous sentence's person
_PRONOUN_LEAD_RE = re.compile(
    r"\s*(?:(?:tại\s+đây|sau\s+đó|cùng\s+ngày|trong\s+chuyến\s+thăm\s+này)\s*,\s*)?(?:ông|bà|ngài)\s+"
    r"(?:(?:đã|sẽ|cũng|vừa|đang)\s+)*$",
    re.IGNORECASE,
)


def joint_candidates(doc: Doc, i: int, recent: list[Event]) -> list[Cand]:
    """Meetings told as joint work of the subject and a counterpart named after "cùng (với)"."""
    s = doc.ex.sentences[i]
    text = s.text
    if "cùng" not in text.lower():
        return []
    out: list[Cand] = []
    for m in _JOINT_RE.finditer(text):
        b, e = m.start(), m.end()
        partner = _partner(doc, i, m.start("partner"), m.end("partner"))
        if not partner:
            continue
        cstart, cend, frame = clause_span(doc, i, b, e)
        subj = subject_chain(doc, i, b, cstart, recent) or clause_subject(doc, i, cstart, b)
        subj = [k for k in subj if doc.kind_of(k) == "person"]
        if not subj and _PRONOUN_LEAD_RE.fullmatch(text[cstart:b]) and i > 0:
            prev = clause_subject(doc, i - 1, 0, len(doc.ex.sentences[i - 1].text))
            subj = [k for k in prev if doc.kind_of(k) == "person"][:1]
        if not subj or set(subj) & set(partner):
            continue
        cand = Cand("meeting", i, Span(s.begin + b, s.begin + e), "cùng " + m.group("verb").lower())
        cand.actors = subj + [k for k in partner if k not in subj]
        tm = topic_start(text, e, cend)
        tstart = tm.start() if tm else cend
        tend = topic_end(text, tstart, cend) if tm else cend
        cand.place, cand.place_alternatives, pos = venue(doc, i, cstart, e, tstart, tend, cend)
        cand.place_after = pos >= e
        cand.date = event_date(doc, i, cstart, b, e, cend, tstart, tend)
        scope = text[cstart:e]
        cand.fact = factuality.status_of(scope, frame=frame, date_relation=date_relation(doc, cand.date))
        out.append(cand)
    return out


def _partner(doc: Doc, i: int, pb: int, pe: int) -> list[str]:
    """The persons named in the "cùng" phrase; a counterpart known only by country stands for it.  The phrase
    holds names and titles only ("người đồng cấp Nga Dmitry Medvedev"), no verb of its own ("bà X đã tạo thành")."""
    s = doc.ex.sentences[i]
    gs = groups_in(doc, i, pb, pe)
    rest = s.text[pb:pe]
    for g in reversed(gs):
        rest = rest[: g.begin - s.begin - pb] + " " + rest[g.end - s.begin - pb:]
    if not TITLE_ONLY_RE.fullmatch(re.sub(r"(?<!\w)và(?!\w)|,", " ", rest)):
        return []
    persons = [k for g in gs for k in actor_keys(doc, g) if doc.kind_of(k) == "person"]
    if persons:
        return list(dict.fromkeys(persons))
    for g in gs:
        if doc.kind_of(g.keys[0]) == "country" and _COUNTERPART_RE.search(s.text[pb: g.begin - s.begin]):
            return [g.keys[0]]
    return []
