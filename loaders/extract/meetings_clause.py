"""Meetings: the clause around a trigger, its noun-phrase complement, topic phrase and verb group."""

from __future__ import annotations

import re

from syriakg.loaders.extract import attribution, discourse
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.meetings_lexicon import TOPIC_NOUN_BEFORE_RE

_TOPIC_START_RE = re.compile(
    r"(?<!\w)(?:để|nhằm|về|bàn\s+về|xoay\s+quanh|liên\s+quan\s+(?:đến|tới)|với\s+mục\s+(?:đích|tiêu)|trong\s+đó|"
    r"hướng\s+tới|tập\s+trung\s+vào)(?!\w)",
    re.IGNORECASE,
)


_CLAUSE_END_RE = re.compile(
    r";|\s[–—-]\s|,\s*(?:nhưng|song|trong\s+khi|tuy\s+nhiên|còn|đồng\s+thời|sau\s+đó|trước\s+đó|và\s+(?:cho\s+biết|"
    r"nói|khẳng\s+định))(?!\w)|(?<!\w)(?:nhưng|trong\s+khi|kể\s+từ\s+khi|từ\s+khi)\s",
    re.IGNORECASE,
)


_STOP_NP_RE = re.compile(
    r"(?<!\w)(?:đã|sẽ|đang|được|bị|vừa|diễn\s+ra|kết\s+thúc|bắt\s+đầu|có\s+thể|dự\s+kiến|nhất\s+trí|thống\s+nhất|"
    r"cho\s+biết|khẳng\s+định|là|nhưng|kéo\s+dài|không|chưa|cũng|nhóm\s+họp\s+vào|tiếp\s+tục|cho\s+thấy|khiến|"
    r"giúp|mở\s+ra|sau|sau\s+khi|trước\s+khi|nhằm|để|còn|mà|vốn|thì|hiện|hoặc)(?!\w)|[“\"]",
    re.IGNORECASE,
)


_PASSIVE_COMPLEMENT_RE = re.compile(
    r"\s*(?:đã\s+|sẽ\s+|vừa\s+)?được\s+(?:tiến\s+hành|tổ\s+chức|thực\s+hiện|triệu\s+tập|khởi\s+động)\s+"
    r"(?=giữa|với|bởi|dưới)",
    re.IGNORECASE,
)


_DURATION_MODIFIER_RE = re.compile(
    r"\s*(?:[^\s,;.]+\s+){0,3}?(kéo\s+dài)\s+(?:[^\s,;.]+\s+){1,3}?(?:ngày|giờ|tiếng|tuần|tháng|phút)"
    r"(?:\s+đồng\s+hồ)?(?=\s+(?:giữa|với|của|tại|ở)(?!\w))",
    re.IGNORECASE,
)


_MODIFIED_BETWEEN_RE = re.compile(
    r"\s*((?:[^\s,;.:“\"()]+\s+){1,8}?)(giữa)\s+(?!(?:tháng|năm|tuần|ngày|kỳ|lúc|nhiệm\s+kỳ|hai\s+(?:ngày|tuần))(?!\w))",
    re.IGNORECASE,
)


# words that end the noun phrase before a "giữa": a predicate, a venue or a time, another complement
_NOT_MODIFIER_RE = re.compile(
    r"(?<!\w)(?:đã|sẽ|đang|vừa|diễn\s+ra|kết\s+thúc|bắt\s+đầu|là|tại|ở|vào|của|với|về|nhằm|để|không|chưa|cho|"
    r"nhưng|mà|thì|sau|trước)(?!\w)",
    re.IGNORECASE,
)


_VA_VERB_RE = re.compile(
    r"(?<!\w)(?:và|rồi)\s+(?!(?:người|ông|bà|các|những|phía|nước|lãnh\s+đạo|đại\s+diện|quan\s+chức|bộ\s+trưởng|"
    r"ngoại\s+trưởng|thủ\s+tướng|tổng\s+thống|chủ\s+tịch|đặc\s+phái\s+viên|thứ\s+trưởng|phái\s+đoàn|đoàn|"
    r"giới|chính\s+phủ|chính\s+quyền|lực\s+lượng|quân|nhóm|tổ\s+chức|hai|ba|bốn|cả|thứ|lần|phe|bên|đảng|"
    r"phong\s+trào|liên\s+minh|mặt\s+trận|hội\s+đồng|ủy\s+ban|uỷ\s+ban|cơ\s+quan)(?!\w))(?=[^\W\d_])(?=\w)(?![A-ZĐ])",
)


_COUNTERPART_TAIL_RE = re.compile(r"(?:người\s+đồng\s+(?:cấp|nhiệm)(?:\s+\S+){1,3})\s*$", re.IGNORECASE)


def np_end(text: str, e: int, clause_end: int, topic_start: int) -> int:
    """End of the trigger noun phrase's complement (relative)."""
    limit = min(clause_end, topic_start)
    pos = e
    pm = _PASSIVE_COMPLEMENT_RE.match(text, e)
    if pm is not None:  # "Cuộc điện đàm được tiến hành giữa A và B"
        pos = pm.end()
    dm = _DURATION_MODIFIER_RE.match(text, e)
    if dm is not None and not _STOP_NP_RE.search(text, e, dm.start(1)):
        pos = dm.end()  # "cuộc đàm phán (hòa bình) kéo dài 2 ngày giữa A và B": the duration modifies the noun
    lm = _MODIFIED_BETWEEN_RE.match(text, pos)
    if lm is not None and not _NOT_MODIFIER_RE.search(lm.group(1)):
        pos = lm.start(2)  # "cuộc gặp đầu tiên và rất được chờ đợi giữa A và B": modifiers, then the parties
    m = _STOP_NP_RE.search(text, pos, limit)
    while m is not None and m.group(0).lower() == "là" and re.match(r"\s+[A-ZĐÂĂÊÔƠƯ]", text[m.end():]) and \
            re.search(r"(?<!\w)đồng\s+(?:cấp|nhiệm)(?!\w)", text[e:m.start()], re.IGNORECASE):
        m = _STOP_NP_RE.search(text, m.end(), limit)  # "hai người đồng cấp Jordan là A và Ai Cập là B"
    end = m.start() if m else limit
    for v in _VA_VERB_RE.finditer(text, pos, end):  # "... Nga-Mỹ-Jordan và bảo vệ ...": a second verb phrase
        end = v.start()
        break
    # a comma ends it unless a list or a complement continues
    while True:
        c = text.find(",", pos, end)
        if c < 0:
            break
        if pos == e and not text[e:c].strip():
            end = c  # "Tại cuộc họp, NATO và Nga ...": a bare noun before the comma, the main clause after it
            break
        nxt = text[c + 1: c + 30].lstrip()
        if _COUNTERPART_TAIL_RE.search(text[e:c]) and re.match(r"(?:ông|bà)\s", nxt, re.IGNORECASE):
            pos = c + 1  # "người đồng cấp Nga, ông Vladimir Putin"
            continue
        if (re.match(r"(?:gồm|bao\s+gồm|tại|ở|với|giữa|do|cùng|và)(?!\w)", nxt) or nxt[:1].isupper()) and \
                not re.match(r"(?:Ngoại\s+trưởng|Tổng\s+thống|Bộ\s+trưởng|Thủ\s+tướng|ông|bà|Ông|Bà|hai|Hai|các|"
                             r"Các|phía|Phía|Thụy\s+Sĩ|Kazakhstan)\b", nxt):
            pos = c + 1
            continue
        end = c
        break
    return end


def topic_end(text: str, tstart: int, cend: int, subject_np: bool = False) -> int:
    """End of a topic or purpose phrase.

    "về <NP>" ends where a predicate starts ("về vấn đề Syria dự kiến sẽ ...") or, when short, at the
    event's own "tại/vào" ("về Syria tại Astana"); a purpose ("để/nhằm ...") runs to the clause end,
    except inside a subject noun phrase ("Cuộc họp ... để giám sát X đã bắt đầu tại Astana").
    """
    word = text[tstart:tstart + 4].lower()
    if not word.startswith("về"):
        if subject_np:
            m = STATUS_PREDICATE_RE.search(text, tstart + 2, cend)
            if m is not None:
                return m.start()
        return cend
    m = _TOPIC_PRED_RE.search(text, tstart + 3, cend)
    while m is not None:
        w = m.group(0).lower()
        if w in ("tại", "ở", "vào", "do", "dưới") or w.startswith("trong"):
            capital = w == "tại" and re.match(r"\s+(?:thủ\s+đô|thành\s+phố)\s", text[m.end():], re.IGNORECASE)
            if (m.start() - tstart <= 30 or capital) and not TOPIC_NOUN_BEFORE_RE.search(text[tstart:m.start()]):
                return m.start()  # "về giải quyết cuộc khủng hoảng X tại thủ đô Y": the event's venue
            m = _TOPIC_PRED_RE.search(text, m.end(), cend)
            continue
        return m.start()
    return cend


_TOPIC_PRED_RE = re.compile(
    r"(?<!\w)(?:đã|sẽ|đang|được|bị|vừa|đều|cũng|diễn\s+ra|kết\s+thúc|bắt\s+đầu|có\s+thể|dự\s+kiến|tại|ở|vào|"
    r"do|dưới|trong\s+(?:ngày|hai\s+ngày|tuần|tháng))(?!\w)",
    re.IGNORECASE,
)


_TITLE_ABOUT_RE = re.compile(
    r"(?:đặc\s+phái\s+viên|đặc\s+sứ|phái\s+viên|ủy\s+ban|uỷ\s+ban|cao\s+ủy|phụ\s+trách|bộ\s+trưởng|cố\s+vấn)"
    r"[^,;]{0,30}$",
    re.IGNORECASE,
)


def topic_start(text: str, e: int, cend: int) -> re.Match[str] | None:
    """First topic/purpose marker after the trigger, skipping the "về" of a title ("Đặc phái viên LHQ về Syria")."""
    for m in _TOPIC_START_RE.finditer(text, e, cend):
        if m.group(0).lower() == "về" and _TITLE_ABOUT_RE.search(text[max(e, m.start() - 40): m.start()]):
            continue
        return m
    return None


def clause_span(doc: Doc, i: int, b: int, e: int) -> tuple[int, int, str]:
    """(start, end, frame) of the clause holding the trigger [b, e) (relative offsets)."""
    s = doc.ex.sentences[i]
    text = s.text
    n = len(text)
    cstart = 0
    frame = ""
    for a in attribution.attributions(doc, i):
        if a.form in ("pre", "theo") and a.content.begin - s.begin <= b and a.cue.end - s.begin <= b:
            if a.content.begin - s.begin >= cstart:
                cstart = a.content.begin - s.begin
                frame = text[max(0, a.frame.begin - s.begin): cstart]
    semi = text.rfind(";", 0, b)
    if semi >= 0 and semi + 1 > cstart:
        cstart, frame = semi + 1, ""
    ce = _CLAUSE_END_RE.search(text, e)
    cend = ce.start() if ce else n
    for a in attribution.attributions(doc, i):
        cb = a.cue.begin - s.begin
        if cb <= e:
            continue
        if a.form == "post":
            cend = min(cend, a.content.end - s.begin)
        elif a.form == "pre":
            sb = a.speaker_span.begin - s.begin if a.speaker_span is not None else -1
            cend = min(cend, sb if sb > e else cb)
    return cstart, max(cend, e), frame


OCCURRENCE_PRED_RE = re.compile(
    r"\s*(?:(?:đã|sẽ|đang|vừa|được|bị|có\s+thể|có\s+khả\s+năng|dự\s+kiến|chưa|không|cũng|vẫn|tiếp\s+tục|"
    r"chính\s+thức|mới)\s+){0,4}(?:diễn\s+ra|được\s+tổ\s+chức|tổ\s+chức|được\s+nối\s+lại|nối\s+lại|bắt\s+đầu|"
    r"khởi\s+động|kết\s+thúc|tiếp\s+tục|được\s+tiến\s+hành|tiến\s+hành|hoãn|bị\s+hoãn|hủy|huỷ|bị\s+hủy|nhóm\s+họp|"
    r"họp|kéo\s+dài|khai\s+mạc|bế\s+mạc|được\s+triệu\s+tập|triệu\s+tập|xảy\s+ra|mở\s+màn)(?!\w)",
    re.IGNORECASE,
)


NEXT_VP_RE = re.compile(
    r"(?:\s*(?:,|và|mà|rồi)?\s*(?:có\s+thể|sẽ|tiếp\s+tục|dự\s+kiến|đã|cũng|lại|vẫn|được|chuẩn\s+bị|"
    r"lên\s+kế\s+hoạch)\s*)+$",
    re.IGNORECASE,
)


STATUS_PREDICATE_RE = re.compile(
    r"\s*(?:đã|sẽ|đang|được|bị|vừa|diễn\s+ra|kết\s+thúc|bắt\s+đầu|có\s+thể|dự\s+kiến|không|chưa|cũng(?!\s+như)|"
    r"tiếp\s+tục|kéo\s+dài|khởi\s+động|nhóm\s+họp)(?!\w)",
    re.IGNORECASE,
)


_AUX_WORDS = frozenset(
    "có thể sẽ đã dự kiến chuẩn bị vừa mới đang không chưa cũng sắp lên kế hoạch định muốn tiếp tục đến tới sang đi "
    "đường được bị còn lại vẫn đều chính thức lần đầu tiên nữa hy vọng mong khả năng nhiều cuối cùng sớm chờ đợi "
    "mời kỳ vọng ông bà ngài vương tướng thống trưởng tịch tử thư ký người đồng cấp nhiệm".split()
)


def verb_group_start(text: str, b: int, lo: int) -> int:
    """Start of the auxiliaries before a verb trigger, passing over date words and the verb's own subject
    when a verb of waiting or inviting governs it ("đang chờ ông Putin tới thăm")."""
    pos = b
    prev_start = b
    for m in reversed(list(re.finditer(r"[^\s;:()]+", text[lo:b]))):
        w = m.group(0)
        if "," in w or "," in text[lo + m.end(): prev_start]:
            break
        lw = w.lower()
        if lw in _AUX_WORDS or discourse.is_filler(lw) or (w[:1].isupper() and lo + m.start() > lo):
            pos = prev_start = lo + m.start()
            continue
        break
    return pos


# a second verb phrase of the same subject ("gặp X tại Y và tham gia ..."): public name of the NP-end rule
SECOND_VP_RE = _VA_VERB_RE
