"""Attribution: who states what, in one body sentence.

Three Vietnamese reporting forms are recognised:

* pre:   ``<SPEAKER> [date/adverbs] <verb> [rằng|là|:] <content>``
          ("Bộ Quốc phòng Thổ Nhĩ Kỳ cho biết ...", "Ông X hôm 5/3 nhấn mạnh ...")
* theo:  ``Theo <SPEAKER>, <content>`` ("Theo ông X, ...", "Theo hãng tin Interfax, ...")
* post:  ``<content>, <SPEAKER> <verb>.`` ("“...”, ông X nói.", "..., tờ Y cho biết.") and
          ``<content>, theo <SOURCE>.`` (also enclosed: "..., theo X, ...")
* relay: ``<outlet> dẫn (lời|thông tin từ|nguồn tin từ) <SOURCE> (cho biết) ...`` — the source
          speaks, the outlet only relays it (no place in the model for a reporter: dropped)

plus quotations running over several sentences: a sentence inside a quotation
is attributed to the speaker named where the quotation closes (post form) or
opens (``X nói: “...``), else to the speaker of the previous sentence or two
(an unattributed quote paragraph continues the last cited speaker).

The speaker is the entity of the nearest mention before the verb when only
adverbs and date words separate them (`discourse.is_filler`); a mention that
only modifies an unnamed person ("một quan chức Mỹ giấu tên cho biết", "nhà
đàm phán Nga") names nobody, and the cue then has no speaker (it does *not*
fall back to an earlier name).

Public API (offsets are absolute code-point offsets into the article text, as
in `Mention`):

* `attributions(doc, i) -> list[Attribution]` (cached per Doc)
* `attribution_at(doc, i, offset) -> Attribution | None`
* `source_of(doc, i, before_offset) -> str | None`: the entity key of who
  states the content that starts after `before_offset`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from syriakg.loaders.extract import discourse
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import Span, SpeechAct

Form = Literal["pre", "theo", "post", "quote"]

# verb as written (lower case) -> speech act.  Longest forms first in the regex.
SPEECH_VERBS: dict[str, SpeechAct] = {
    "ra thông báo cho biết": "announce",
    "ra tuyên bố cho biết": "announce",
    "ra thông báo": "announce",
    "ra tuyên bố": "announce",
    "thông báo": "announce",
    "tuyên bố": "announce",
    "công bố": "announce",
    "loan báo": "announce",
    "cho biết": "say",
    "cho hay": "say",
    "nói rằng": "say",
    "nói": "say",
    "phát biểu": "say",
    "nêu rõ": "say",
    "nhấn mạnh": "say",
    "khẳng định": "say",
    "bày tỏ": "say",
    "cho rằng": "say",
    "nhận định": "say",
    "đánh giá": "say",
    "tiết lộ": "say",
    "nhắc nhở": "say",
    "nhắc lại": "say",
    "lưu ý": "say",
    "chia sẻ": "say",
    "giải thích": "say",
    "trả lời": "say",
    "viết trên": "say",
    "đưa tin": "say",
    "hy vọng": "say",
    "ca ngợi": "say",
    "hoan nghênh": "say",
    "kết luận": "say",
    "nhận xét": "say",
    "bình luận": "say",
    "lên tiếng": "say",
    "cam kết": "say",
    "đồng tình": "say",
    "coi": "say",  # only as "coi <X> là <Y>" (see _COI_RE)
    "ra thông cáo": "announce",
    "phản đối": "reject",
    "khuyến cáo": "warn",
    "xác nhận": "confirm",
    "thừa nhận": "confirm",
    "phủ nhận": "deny",
    "bác bỏ": "reject",
    "bác": "reject",
    "phản bác": "reject",
    "từ chối": "reject",
    "kêu gọi": "call_for",
    "hối thúc": "call_for",
    "thúc giục": "call_for",
    "yêu cầu": "call_for",
    "đề nghị": "call_for",
    "đề xuất": "call_for",
    "cảnh báo": "warn",
    "cảnh cáo": "warn",
    "cáo buộc": "accuse",
    "tố cáo": "accuse",
    "lên án": "accuse",
    "chỉ trích": "accuse",
}

_VERB_RE = re.compile(r"(?<!\w)" + discourse.trie_pattern(list(SPEECH_VERBS)) + r"(?!\w)", re.IGNORECASE)
# the same on lower-cased text, without IGNORECASE (several times faster in Python's re)
_VERB_RE_LC = re.compile(discourse.trie_pattern(list(SPEECH_VERBS)) + r"(?!\w)")  # word start checked in code

# a verb used as a noun or fixed phrase: "lời kêu gọi", "bản tuyên bố", "nói trên", "có thể nói"
_NOMINAL_BEFORE_RE = re.compile(
    r"(?:\b(?:lời|những|các|bản|một|trong|theo|sau|với|của|nhiều|bất\s+kỳ|mọi|sự|cuộc|tại|hai|ba|"
    r"(?<!hôm\s)(?<!tuần\s)(?<!tháng\s)(?<!năm\s)(?<!ngày\s)qua|"  # "qua thông báo", not "hôm qua thông báo"
    r"có\s+thể|phải|muốn|được|bị|để|nhằm|khi|trước|ra\s+một)\s*)$",
    re.IGNORECASE,
)
_NOMINAL_AFTER_RE = re.compile(
    # ("trên" = "aforementioned", but "tuyên bố trên mạng xã hội / Twitter / truyền hình" is the verb)
    r"^\s*(?:trên(?!\s+(?:mạng|trang|tài\s+khoản|Twitter|Facebook|kênh|truyền\s+hình|sóng|đài|báo|tờ|tạp\s+chí))|"
    r"này|nói\s+trên|chung|của|được|đó|viết|nêu|cho\s+thấy|chuyện|riêng|dối|khác|là\s+"
    r"(?:một|điều))\b",
    re.IGNORECASE,
)
_NEGATION_BEFORE_RE = re.compile(
    r"(?:\b(?:chưa|không|chẳng|không\s+hề|chưa\s+hề|từ\s+chối|tránh)(?:\s+(?:chính\s+thức|công\s+khai|"
    r"muốn|thể))?\s*)$",
    re.IGNORECASE,
)
_NEG_REFUSE_COMMENT_RE = re.compile(r"^\s*(?:bình\s+luận|trả\s+lời|tiết\s+lộ|xác\s+nhận)", re.IGNORECASE)
# "Phía Iraq coi vụ tấn công là vi phạm ...": a judgement stated by the subject
# ... about one particular act or event ("coi cuộc tấn công này là", "coi động thái trên là"), not a standing view
_COI_RE = re.compile(r"\s+(?:(?:vụ|việc|cuộc|hành\s+động|động\s+thái|quyết\s+định|tuyên\s+bố|đây|điều\s+này|"
                     r"sự\s+kiện|bước\s+đi)(?!\w)[^,.;:“”\"]{0,70}?\s(?:là|như\s+là)\s)", re.IGNORECASE)
_COI_HABIT_BEFORE_RE = re.compile(r"(?<!\w)(?:từng|vẫn|luôn|không|không\s+còn|chưa|chẳng|thường|đều)\s*$",
                                  re.IGNORECASE)
_CONTENT_LEAD_RE = re.compile(r"^\s*(?:thêm\s+)?(?:rằng|là)?\s*[:,]?\s*", re.IGNORECASE)
_THEO_RE = re.compile(r"(?:^|(?<=[,;:(\-–—]\s)|(?<=[,;:]))\s*Theo\s+", re.IGNORECASE)
# "Theo ước tính (mới nhất) của X", "Theo số liệu của X", "Theo nguồn tin từ X": X states the content
_THEO_SOURCE_RE = (
    r"(?:(?:các|những|một)\s+)?(?:ước\s+tính|số\s+liệu(?:\s+thống\s+kê)?|thống\s+kê|báo\s+cáo|dữ\s+liệu|"
    r"con\s+số|nguồn\s+tin|thông\s+tin|tin|đánh\s+giá|kết\s+quả\s+điều\s+tra)"
    r"(?:\s+(?:mới\s+nhất|mới|gần\s+đây|chính\s+thức|công\s+bố|được\s+công\s+bố|đưa\s+ra|hôm\s+\S+|"
    r"ngày\s+\S+))*\s+(?:của|từ)"
)
_THEO_DESCRIPTOR_RE = re.compile(
    r"^(?:(?:ông|bà|ngài|người\s+phát\s+ngôn|phát\s+ngôn\s+viên|hãng\s+(?:tin|thông\s+tấn)|thông\s+tấn\s+xã|tờ|"
    r"báo|kênh(?:\s+truyền\s+hình)?|truyền\s+hình|đài|trang|thông\s+báo\s+của|tuyên\s+bố\s+của|"
    r"thông\s+cáo\s+của|phía|giới\s+chức|" + _THEO_SOURCE_RE + r")\s+)*$",
    re.IGNORECASE,
)
_THEO_REJECT_RE = re.compile(
    r"^\s*(?:đó|ghi\s+nhận|phóng\s+viên|một\s+nguồn|các\s+nguồn|thỏa\s+thuận|kế\s+hoạch|"
    r"quy\s+định|dự\s+kiến|truyền\s+thống|"
    # "Theo số liệu thống kê, ..." has no source; "Theo ước tính của LHQ, ..." names one (see _THEO_SOURCE_RE)
    r"(?:nguồn\s+tin|số\s+liệu|thống\s+kê|ước\s+tính)(?![^,;]{0,30}?(?<!\w)(?:của|từ)\s))",
    re.IGNORECASE,
)
# a mention preceded by one of these nouns only modifies an unnamed person/source
_UNNAMED_HEAD_RE = re.compile(
    r"(?:\b(?:quan\s+chức|nhà\s+đàm\s+phán|nguồn\s+tin|chuyên\s+gia|giới\s+chức|giới|nhà\s+ngoại\s+giao|"
    r"nhà\s+báo|phóng\s+viên|học\s+giả|người\s+dân|nhà\s+phân\s+tích|nhà\s+nghiên\s+cứu|binh\s+sĩ|"
    r"sĩ\s+quan|lính|(?<!phòng\s)(?<!quan\s)(?<!phận\s)truyền\s+thông|(?<!phòng\s)(?<!quan\s)(?<!ban\s)báo\s+chí|"
    r"một\s+số|nhiều|giới\s+phân\s+tích|cư\s+dân|người\s+tị\s+nạn|"
    r"nhân\s+chứng|đại\s+diện|thành\s+viên|nhà\s+lập\s+pháp|nghị\s+sĩ|nhân\s+viên|công\s+dân|"
    r"người\s+dân|tay\s+súng|chiến\s+binh|phiến\s+quân)"
    r"(?:\s+(?:cấp\s+cao|quân\s+sự|quốc\s+phòng|ngoại\s+giao|an\s+ninh|chính\s+phủ|chính\s+quyền|"
    r"giấu\s+tên|của|thuộc|trong|người))*\s*)$",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?:\b(?:của|tại|ở|với|cho|về|từ|đến|tới|giữa|do|bởi|vào|thuộc|sang|khỏi|trên|dưới|như|và|hoặc|lẫn|"
    r"cùng|chống|nhằm|qua|đối\s+với)(?:\s+(?:cựu|đương\s+kim|tân))?"
    r"(?:\s+(?:tổng\s+thống|ngoại\s+trưởng|thủ\s+tướng|bộ\s+trưởng|ông|bà|người\s+đồng\s+(?:cấp|nhiệm)|"
    r"chủ\s+tịch|quốc\s+vương|lãnh\s+đạo|tờ(?:\s+báo)?|hãng(?:\s+tin)?|báo|đài|kênh))*\s*)$",  # "cho tờ X nói"
    re.IGNORECASE,
)
# an outlet relaying a source: "<outlet> dẫn (lời|thông tin|nguồn tin) (từ|của) <SOURCE> cho biết ..."
_RELAY_BEFORE_RE = re.compile(
    # (not "chỉ trích X" = criticise X, "hướng dẫn X" = guide X)
    r"(?<!\w)(?:(?<!hướng\s)(?<!chỉ\s)dẫn|trích\s+dẫn|(?<!chỉ\s)trích)\s+"
    r"(?:(?:lời|thông\s+tin|nguồn\s+tin|nguồn|tuyên\s+bố|thông\s+báo|báo\s+cáo|số\s+liệu|tin|phát\s+biểu)\s+)?"
    r"(?:(?:từ|của)\s+)?(?:(?:ông|bà|ngài|người\s+phát\s+ngôn|phát\s+ngôn\s+viên)\s+)?$",
    re.IGNORECASE,
)
# a body that speaks for an institution: "văn phòng báo chí (của) Điện Kremlin", "người phát ngôn của Bộ X"
_OFFICE_OF_RE = re.compile(
    r"(?<!\w)(?:(?:văn\s+phòng|cơ\s+quan|phòng|ban|bộ\s+phận|trung\s+tâm)\s+(?:báo\s+chí|truyền\s+thông|thông\s+tin)|"
    r"(?:người\s+)?phát\s+ngôn(?:\s+viên)?)\s+(?:của\s+)?$",
    re.IGNORECASE,
)
# "Tờ X | ở Syria | đưa tin": a locative phrase (a capitalised place name) between the subject and its verb
# words that start a clause: "theo UNZ sự thật là Mỹ ...": what follows UNZ is content, not UNZ's title
_CLAUSE_WORD_RE = re.compile(r"(?<!\w)(?:là|rằng|thì|đã|đang|sẽ|có|không|vẫn|cho|sự\s+thật)(?!\w)", re.IGNORECASE)
_LOCATIVE_BEFORE_RE = re.compile(r"(?<!\w)(?:ở|tại)\s+$", re.IGNORECASE)
# a document of a body speaks for it: "Thông tin từ Bộ Quốc phòng Nga cho biết", "Thông cáo của Nhà Trắng nêu rõ"
_DOCUMENT_OF_RE = re.compile(
    r"(?<!\w)(?:thông\s+tin|thông\s+báo|tuyên\s+bố|thông\s+cáo|báo\s+cáo|nguồn\s+tin|số\s+liệu)\s+"
    r"(?:(?:chính\s+thức|mới\s+nhất|mới)\s+)?(?:từ|của)\s+$",
    re.IGNORECASE,
)
# an adverbial fronted before "X cho biết, ...": not the words of X
_FRONTED_RE = re.compile(
    r"\s*(?:(?:trong\s+khi\s+đó|tuy\s+nhiên|về\s+phần\s+mình|bên\s+cạnh\s+đó|ngoài\s+ra|trước\s+đó|sau\s+đó|cùng\s+ngày|"
    r"đồng\s+thời|theo\s+đó|mặt\s+khác|trong\s+một\s+diễn\s+biến(?:\s+\w+){0,2}|cụ\s+thể|đáng\s+chú\s+ý|"
    r"(?:phát\s+biểu|trả\s+lời|trao\s+đổi|tại|trong|sau|khi|vào|ngày|hôm|tối|sáng|chiều|trưa|đêm|hồi)(?:\s+[^,;:“”\"]+)?)"
    r"\s*,?\s*)+",
    re.IGNORECASE,
)
_LIST_SEP_RE = re.compile(r"\s*(?:,|và|cùng|lẫn)\s*|\s*,\s*và\s*", re.IGNORECASE)
_ADDRESSEE_BEFORE_RE = re.compile(
    r"(?:\b(?:kêu\s+gọi|yêu\s+cầu|đề\s+nghị|hối\s+thúc|thúc\s+giục|mời|khuyến\s+khích|buộc|cho\s+phép|"
    r"nhắc\s+nhở|cảnh\s+báo|chờ|để|muốn|mong\s+muốn|mong|chờ\s+đợi|đợi|ép|thuyết\s+phục)"
    r"(?:\s+(?:tổng\s+thống|ngoại\s+trưởng|thủ\s+tướng|bộ\s+trưởng|ông|bà|phía))*\s*)$",
    re.IGNORECASE,
)
# what may follow a post-form verb: "..., ông X nói (thêm) (hôm 9/4 | với phóng viên | trong một tuyên bố)."
_POST_TAIL_RE = re.compile(
    r"^\s*(?:thêm|nói\s+thêm|rõ)?\s*"
    r"(?:(?:hôm|ngày|vào|trong|tại|ở|với|trên|sau|khi|chiều|sáng|tối|trưa|đêm|hồi)\s+"
    r"(?:(?!(?<!\w)(?:là|rằng)(?!\w))[^,.;:!?“”\"]){1,60}?\s*)?"  # (not "... trên mạng xã hội là <content>")
    r"(?:[.!?…]+\s*[”\"]?\s*$|$|,)",
    re.IGNORECASE)
_POST_SEP_RE = re.compile(r"(?:[,:]|[”\"]\s*[,\-–—]?|\s[\-–—])\s*$")
_COORD_BEFORE_RE = re.compile(r"(?:\b(?:đồng\s+thời|và|cũng\s+như)(?:\s+(?:cũng|còn))?\s*|,\s*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reporting cue with its speaker (entity keys; empty when unnamed) and content span."""

    sentence: int
    form: Form
    speakers: tuple[str, ...]
    verb: str
    act: SpeechAct
    cue: Span  # the verb, or the "Theo X" words
    content: Span  # what is reported
    frame: Span  # speaker + verb (+ adverbials before the speaker): where statement date/place live
    speaker_span: Span | None = None
    negated: bool = False
    outlet: bool = False
    speaker_how: str = "name"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def speaker(self) -> str | None:
        """The single named speaker, or None (unnamed or plural)."""
        return self.speakers[0] if len(self.speakers) == 1 else None

    @property
    def plural(self) -> bool:
        return len(self.speakers) > 1


def _cache(doc: Doc) -> dict:
    c = doc.__dict__.get("_syriakg_attribution")
    if c is None or c.get("_len") != len(doc.ex.mentions) or c.get("_sents") is not doc.ex.sentences:
        c = {"_len": len(doc.ex.mentions), "_sents": doc.ex.sentences}
        doc.__dict__["_syriakg_attribution"] = c
    return c


def attributions(doc: Doc, i: int) -> list[Attribution]:
    """All reporting cues of sentence `i` (pre, theo and post forms), in text order."""
    cache = _cache(doc)
    if i in cache:
        return cache[i]
    res = _find(doc, i)
    cache[i] = res
    return res


def _subject_before(doc: Doc, i: int, rel: int) -> tuple[discourse.Group | None, bool]:
    """The subject group right before relative offset `rel`; (group, found_unnamed)."""
    g, unnamed = _subject_before_plain(doc, i, rel)
    if unnamed:
        return g, unnamed
    if g is None or discourse.kind(doc, g.keys[0]) != "person":
        p = _person_with_role_after(doc, i, rel)
        if p is not None and (g is None or g.begin >= p.end):
            return p, False  # the group found lies inside the person's role ("X thuộc chính phủ Iran cho rằng")
    return g, unnamed


# "Ông X - Phó Giám đốc Trung tâm Y cho rằng", "Tướng X thuộc lực lượng Y (CTS) cho biết": a role after the person
_ROLE_AFTER_RE = re.compile(
    r"\s*(?:[-–—]\s+|(?:thuộc|đến\s+từ|làm\s+việc\s+tại|của)\s+|"
    # "Trung tướng X, cục trưởng Cục Tác chiến Bộ Tổng tham mưu Nga cho biết": a comma, then a role noun
    r",\s+(?=(?:một\s+|là\s+)?(?:tổng\s+cục\s+trưởng|cục\s+trưởng|phó\s+cục\s+trưởng|giám\s+đốc|phó\s+giám\s+đốc|"
    r"người\s+đứng\s+đầu|chỉ\s+huy|tư\s+lệnh|phát\s+ngôn\s+viên|người\s+phát\s+ngôn|chủ\s+tịch|trưởng\s+ban|"
    r"trưởng\s+phòng|viện\s+trưởng|thành\s+viên|chuyên\s+gia|nhà\s+phân\s+tích|đại\s+diện|lãnh\s+đạo)\s))",
    re.IGNORECASE,
)


def _person_with_role_after(doc: Doc, i: int, rel: int) -> discourse.Group | None:
    s = doc.ex.sentences[i]
    persons = [g for g in discourse.groups(doc, i) if g.end - s.begin <= rel and g.how == "name"
               and discourse.kind(doc, g.keys[0]) == "person"]
    for p in reversed(persons[-3:]):
        m = _ROLE_AFTER_RE.match(s.text, p.end - s.begin)
        if m is None:
            continue
        role = s.text[m.end(): rel]
        if not role.strip() or len(role.split()) > 20 or re.search(r"[,;:“”\"]", role) or \
                _CLAUSE_WORD_RE.search(role):
            return None
        return p
    return None


def _subject_before_plain(doc: Doc, i: int, rel: int) -> tuple[discourse.Group | None, bool]:
    s = doc.ex.sentences[i]
    groups = [g for g in discourse.groups(doc, i) if g.end - s.begin <= rel]
    if not groups:
        return None, False
    for k, g in enumerate(reversed(groups)):
        gap = s.text[g.end - s.begin: rel]
        gb = g.begin - s.begin
        if gb > 0 and s.text[gb - 1] == "(" and s.text[g.end - s.begin: g.end - s.begin + 1] == ")":
            # "(ICRC)", "(CAN)": an acronym for the words before the bracket
            prev = groups[len(groups) - k - 2] if len(groups) - k - 2 >= 0 else None
            if prev is not None and set(prev.keys) == set(g.keys) and not s.text[prev.end - s.begin: gb - 1].strip():
                # the full name is tagged too: it is the subject, if anything is (checks below on the full name)
                full = prev
                fb = discourse.tail(s.text[: full.begin - s.begin], 120)
                if _RELAY_BEFORE_RE.search(fb) or _DOCUMENT_OF_RE.search(fb):
                    return full, False  # "Hãng X dẫn thông tin từ Tổ chức Y (ACR) cho biết": Y speaks
                if _PREPOSITION_BEFORE_RE.search(fb) or _UNNAMED_HEAD_RE.search(fb):
                    if _inside_appositive(s.text, full, s.begin, rel):
                        continue
                    return None, False
            elif discourse.is_filler(gap) and not _inside_appositive(s.text, g, s.begin, rel):
                return None, False
            else:
                continue
        if "," in gap and not re.search(r"\w", gap):
            if _inside_appositive(s.text, g, s.begin, rel):
                continue  # "X, người đã có mặt ... giữa hai nhà lãnh đạo, cho biết"
            if not re.search(r",\s*(?:(?:ông|bà|ngài)\s+)?$", s.text[max(0, gb - 12): gb]):
                return None, False  # "X gặp Y, cho biết ...": Y is not the subject
            # "Đặc phái viên LHQ, ông Staffan de Mistura, cho biết": an enclosed apposition names the speaker
        in_theo = bool(re.search(r"(?<!\w)[Tt]heo\s+(?:\S+\s+){0,3}$", s.text[max(0, gb - 40): gb]))
        if not (discourse.is_filler(gap) or (discourse.is_appositive(gap) and not in_theo)
                or _locative_gap(gap) or _allies_gap(gap) or _manner_gap(gap)):
            # a place named inside an appositive ("thành viên Trung tâm ... tại tỉnh Latakia") is skipped
            # by is_appositive on the earlier group; anything else ends the search
            if _inside_appositive(s.text, g, s.begin, rel):
                continue
            return None, False
        before = discourse.tail(s.text[: g.begin - s.begin], 120)
        # "nhà báo Mehmet Ali Guller": a title before a full name (two words or more), not an unnamed person
        named_title = g.how == "name" and discourse.kind(doc, g.keys[0]) == "person" and \
            len(doc.ex.article.text[g.begin:g.end].split()) >= 2
        if (_UNNAMED_HEAD_RE.search(before) and not named_title) or _coordinated_unnamed(doc, i, g, groups):
            return None, True
        if _ADDRESSEE_BEFORE_RE.search(before):
            return None, False  # "kêu gọi HĐBA lên án": the addressee does not speak
        if _RELAY_BEFORE_RE.search(before) or _OFFICE_OF_RE.search(before) or _DOCUMENT_OF_RE.search(before):
            # "Hãng RT dẫn thông tin từ Bộ Quốc phòng Nga cho biết": the ministry speaks, the outlet relays;
            # "Văn phòng báo chí của Điện Kremlin cho biết": the office speaks for the Kremlin
            return g, False
        if _PREPOSITION_BEFORE_RE.search(before):
            if g.how == "name" and discourse.kind(doc, g.keys[0]) == "place":
                continue
            if _LOCATIVE_BEFORE_RE.search(before) and k + 1 < len(groups) and \
                    discourse.kind(doc, g.keys[0]) in ("place", "country"):
                continue  # "Tờ X ở Syria đưa tin": a locative after the subject
            if _inside_appositive(s.text, g, s.begin, rel):
                continue
            return None, False
        return g, False
    return None, False


# "Mỹ và các đồng minh (của mình) đã cáo buộc": the named state speaks with unnamed partners
_ALLIES_RE = re.compile(r"\s+(?:và|cùng|cùng\s+với)\s+(?:các|những)\s+(?:nước\s+|quốc\s+gia\s+)?(?:đồng\s+minh|"
                        r"đối\s+tác)(?:\s+(?:của\s+(?:mình|họ|nước\s+này)|phương\s+Tây|NATO|châu\s+Âu))?",
                        re.IGNORECASE)


# manner adverbs before a speech verb: "Nga đã nhanh chóng bác bỏ", "Iran lập tức lên án"
# (not "nhiều lần", "liên tục", "từng": a habit, not one occasion)
_MANNER_RE = re.compile(r"(?<!\w)(?:nhanh\s+chóng|lập\s+tức|ngay\s+lập\s+tức|công\s+khai|mạnh\s+mẽ|"
                        r"kịch\s+liệt|thẳng\s+thừng|đồng\s+thời|nhất\s+mực|một\s+mực|kiên\s+quyết|dứt\s+khoát)(?!\w)",
                        re.IGNORECASE)


def _manner_gap(gap: str) -> bool:
    """(", đồng thời cam kết" after another clause coordinates with that clause's subject: no comma here.)"""
    return "," not in gap and bool(_MANNER_RE.search(gap)) and discourse.is_filler(_MANNER_RE.sub(" ", gap))


def _allies_gap(gap: str) -> bool:
    m = _ALLIES_RE.match(gap)
    if m is None:
        return False
    rest = gap[m.end():]
    return discourse.is_filler(rest) or _manner_gap(rest)


def _locative_gap(gap: str) -> bool:
    """ "Tờ X | ở Syria | đưa tin": a locative phrase with a capitalised place name between subject and verb."""
    words = gap.split()
    if not 2 <= len(words) <= 6 or words[0].lower() not in ("ở", "tại") or not gap[:1].isspace():
        return False
    rest = words[1:]
    if len(rest) > 2 and " ".join(rest[:2]).lower() in ("thủ đô", "thành phố"):
        rest = rest[2:]
    # capitalised words ("ở Trường Hải chiến Mỹ": one lower-case word inside a name is tolerated)
    lower = sum(1 for w in rest if not w[:1].isupper())
    return 1 <= len(rest) <= 5 and rest[0][:1].isupper() and rest[-1][:1].isupper() and lower <= 1 and \
        all(w[-1:].isalnum() for w in rest)


def _coordinated_unnamed(doc: Doc, i: int, g: discourse.Group, groups: list[discourse.Group]) -> bool:
    """ "giới chức ngoại giao Nga, Mỹ thông báo": the last of a list that an unnamed head governs."""
    s = doc.ex.sentences[i]
    if g.how == "name" and discourse.kind(doc, g.keys[0]) == "person" and \
            len(doc.ex.article.text[g.begin:g.end].split()) >= 2:
        return False  # "Đại diện của Bộ Quốc phòng Mỹ, James Brindle thông báo": a named person, not a list
    k = groups.index(g) if g in groups else -1
    cur = g
    while k > 0:
        prev = groups[k - 1]
        if not _LIST_SEP_RE.fullmatch(s.text[prev.end - s.begin: cur.begin - s.begin]):
            return False
        if _UNNAMED_HEAD_RE.search(discourse.tail(s.text[: prev.begin - s.begin], 120)):
            return True
        cur, k = prev, k - 1
    return False


def _inside_appositive(text: str, g: discourse.Group, base: int, rel: int) -> bool:
    """True when `g` lies inside a ", <role> ..." apposition that runs up to the verb at `rel`."""
    head = text[: g.begin - base]
    k = head.rfind(",")
    if k < 0:
        return False
    return discourse.is_appositive(text[k:rel]) and not discourse.is_filler(text[k:rel])


def _find(doc: Doc, i: int) -> list[Attribution]:
    s = doc.ex.sentences[i]
    text = s.text
    low = text.lower()
    verbs = _VERB_RE_LC.finditer(low) if len(low) == len(text) else _VERB_RE.finditer(text)
    out: list[Attribution] = []
    n = len(text)
    prev_cue_end = -1
    prev: Attribution | None = None
    for m in verbs:
        b, e = m.start(), m.end()
        if b and text[b - 1].isalnum():
            continue  # inside a word (the fast lower-case pattern has no look-behind)
        verb = text[b:e]
        key = re.sub(r"\s+", " ", verb.lower())
        act = SPEECH_VERBS[key]
        before = discourse.tail(text[:b], 120)
        after = text[e:]
        if _NOMINAL_BEFORE_RE.search(before) and not before.rstrip().endswith(","):
            # "ra một tuyên bố" etc. are handled by the "ra ..." forms; "lời kêu gọi" is a noun
            if not re.search(r"\b(?:đã|cũng|vừa|sẽ)\s*$", before, re.IGNORECASE):
                continue
        if _NOMINAL_AFTER_RE.match(after):
            continue
        if key == "coi" and (not _COI_RE.match(after) or re.search(r"(?:trông|xem)\s*$", before, re.IGNORECASE)
                             or _COI_HABIT_BEFORE_RE.search(before)):
            continue  # "coi trọng", "trông coi": not a judgement
        if key == "nói" and re.match(r"^\s*(?:chuyện|chung|riêng|cách|về\s+việc\s+này)\b", after, re.IGNORECASE):
            continue
        if key in ("bác", "đánh giá", "yêu cầu", "đề nghị", "đề xuất", "trả lời", "hy vọng") and \
                re.match(r"^\s*(?:bỏ)\b", after, re.IGNORECASE):
            continue
        if b < prev_cue_end + 3 and prev is not None and re.fullmatch(r"\s*", text[prev_cue_end:b]):
            # "ra thông báo cho biết", "tuyên bố khẳng định": one cue
            prev_cue_end = e
            continue
        negated = bool(_NEGATION_BEFORE_RE.search(before))
        if key == "từ chối":
            if _NEG_REFUSE_COMMENT_RE.match(after):
                negated = True
        # --- post form: "..., ông X nói." --------------------------------------------------------
        subj, unnamed = _subject_before(doc, i, b)
        tail = _POST_TAIL_RE.match(after)
        if subj is not None and tail is not None and b > 0:
            pre_subj = text[: subj.begin - s.begin]
            sep = _POST_SEP_RE.search(pre_subj)
            # tolerate a title word glued before the mention ("ông", "bà", "tờ", "hãng tin")
            sep2 = re.search(r"(?:[,:]|[”\"]\s*[,\-–—]?|\s[\-–—])\s*(?:\w+\s+){0,5}$", pre_subj)
            cut = (sep or sep2).start() if (sep or sep2) else 0  # type: ignore[union-attr]
            mid = tail.group(0).rstrip().endswith(",") and len(after[tail.end():].split()) >= 3
            if (sep or sep2) and len(pre_subj.strip()) > 12 and not (mid and _FRONTED_RE.fullmatch(text[:cut])):
                # "Trong khi đó, X cho biết, <content>": a fronted adverbial, not reported content; the pre form
                content = Span(s.begin, s.begin + cut)
                att = _make(doc, i, "post", subj, verb, act, b, e, content,
                            Span(subj.begin, s.begin + e), negated)
                out.append(att)
                prev, prev_cue_end = att, e
                continue
        if subj is None and not unnamed:
            # coordinated verb sharing the previous cue's subject: "X lên án ..., đồng thời kêu gọi ..."
            if prev is not None and prev.speakers and _COORD_BEFORE_RE.search(before):
                cstart = e + _CONTENT_LEAD_RE.match(after).end()  # type: ignore[union-attr]
                att = Attribution(i, prev.form if prev.form != "post" else "pre", prev.speakers, verb, act,
                                  Span(s.begin + b, s.begin + e), Span(s.begin + min(cstart, n), s.end),
                                  Span(s.begin + b, s.begin + e), prev.speaker_span, negated, prev.outlet,
                                  prev.speaker_how)
                out.append(att)
                prev, prev_cue_end = att, e
                continue
            if re.match(r"^\s*(?:với|tại|trước|sau|trong|ở)\b", after, re.IGNORECASE) and \
                    re.fullmatch(r"\s*", before):
                continue  # a fronted "Phát biểu tại ..., X nói": the main verb carries the cue
        cstart = e + _CONTENT_LEAD_RE.match(after).end()  # type: ignore[union-attr]
        content = Span(s.begin + min(cstart, n), s.end)
        if subj is None:
            att = Attribution(i, "pre", (), verb, act, Span(s.begin + b, s.begin + e), content,
                              Span(s.begin, s.begin + e), None, negated)
        else:
            att = _make(doc, i, "pre", subj, verb, act, b, e, content, Span(s.begin, s.begin + e), negated)
        out.append(att)
        prev, prev_cue_end = att, e
    out.extend(_theo(doc, i))
    out.extend(_post_theo(doc, i))
    out.extend(_relay_only(doc, i, out))
    out.sort(key=lambda a: a.cue.begin)
    return out


_NOT_OUTLET_RE = re.compile(r"(?:đài\s+quan\s+sát|trung\s+tâm|văn\s+phòng)\s", re.IGNORECASE)


# agencies as Vietnamese papers write them, beyond the shared outlet list (compared lower-cased)
_MORE_OUTLETS = frozenset({"thx", "tân hoa xã", "roi-tơ", "roi tơ", "rớt-tơ", "rfi", "voa", "yonhap", "kyodo",
                           "dpa", "efe", "ansa", "aa", "itar-tass", "ria-novosti", "nhk", "cctv", "kcna",
                           "al-mayadeen", "al mayadeen", "tasnim", "mehr", "isna", "sputnik"})


_JOURNALIST_BEFORE_RE = re.compile(r"(?<!\w)(?:nhà\s+báo|phóng\s+viên|biên\s+tập\s+viên|bình\s+luận\s+viên)\s+$",
                                   re.IGNORECASE)


def _outlet(doc: Doc, g: discourse.Group) -> bool:
    """A news outlet; "Đài quan sát Nhân quyền Syria" (an observatory) is a monitor, not a broadcaster."""
    if g.mentions[0].text.lower() in _MORE_OUTLETS:
        return True
    if discourse.kind(doc, g.keys[0]) == "person" and _JOURNALIST_BEFORE_RE.search(
            doc.ex.article.text[max(0, g.begin - 30): g.begin]):
        return False  # "nhà báo Mehmet Ali Guller": a journalist speaks for himself
    return discourse.is_outlet(doc, g) and not _NOT_OUTLET_RE.match(g.mentions[0].text)


def _make(doc: Doc, i: int, form: Form, g: discourse.Group, verb: str, act: SpeechAct, b: int, e: int,
          content: Span, frame: Span, negated: bool) -> Attribution:
    s = doc.ex.sentences[i]
    return Attribution(i, form, g.keys, verb, act, Span(s.begin + b, s.begin + e), content, frame,
                       Span(g.begin, g.end), negated, _outlet(doc, g), g.how)


def _theo(doc: Doc, i: int) -> list[Attribution]:
    s = doc.ex.sentences[i]
    text = s.text
    if "heo" not in text:
        return []
    out: list[Attribution] = []
    for m in _THEO_RE.finditer(text):
        start = m.end()
        if _THEO_REJECT_RE.match(text[start:]):
            continue
        comma = text.find(",", start)
        if comma < 0 or comma - start > 120:
            continue
        gs = [g for g in discourse.groups(doc, i) if start <= g.begin - s.begin and g.end - s.begin <= comma]
        if not gs:
            continue
        g = gs[0]
        lead = text[start: g.begin - s.begin]
        if not _THEO_DESCRIPTOR_RE.match(lead):
            continue
        # the rest up to the comma may hold a date, a place ("tại Moskva") or the person's title
        rest = text[g.end - s.begin: comma]
        if rest.strip() and not (discourse.is_filler(rest) or re.match(r"^\s*(?:tại|ở)\b", rest)):
            # "Theo Bộ trưởng Quốc phòng Pháp Jean Dupont" with two groups: take the last person
            last = gs[-1]
            rest2 = text[last.end - s.begin: comma]
            between = text[g.end - s.begin: last.begin - s.begin]
            if (not rest2.strip() or discourse.is_filler(rest2)) and len(between.split()) <= 3 and \
                    not _CLAUSE_WORD_RE.search(between):
                g = last
            else:
                continue
        if _UNNAMED_HEAD_RE.search(text[: g.begin - s.begin]) and not re.search(
                r"(?:phát\s+ngôn)\s*$", lead, re.IGNORECASE):
            continue
        cstart = comma + 1
        content = Span(s.begin + cstart, s.end)
        out.append(Attribution(i, "theo", g.keys, "theo", "say", Span(s.begin + m.start(), s.begin + comma),
                               content, Span(s.begin + m.start(), s.begin + comma), Span(g.begin, g.end),
                               False, _outlet(doc, g), g.how))
    return out


_POST_THEO_RE = re.compile(r"(?:,|\s[\-–—])\s*theo\s+", re.IGNORECASE)
_SENT_END_RE = re.compile(r"[\s.!?…”\")]*$")


def _post_theo(doc: Doc, i: int) -> list[Attribution]:
    """ "<content>, theo <SOURCE>." — the source named after the figure, at the end of the sentence."""
    s = doc.ex.sentences[i]
    text = s.text
    if "theo" not in text.lower():
        return []
    out: list[Attribution] = []
    for m in _POST_THEO_RE.finditer(text):
        if m.start() < 12:
            continue
        start = m.end()
        if _THEO_REJECT_RE.match(text[start:]):
            continue
        gs = [g for g in discourse.groups(doc, i) if start <= g.begin - s.begin]
        if not gs:
            continue
        g = gs[0]
        if not _THEO_DESCRIPTOR_RE.match(text[start: g.begin - s.begin]):
            continue
        # the source may carry an apposition or a date, but the sentence must end with it, or the source is
        # enclosed in commas ("20 người thiệt mạng, theo SOHR, trong đó có 5 trẻ em"): then it covers the sentence
        enclosed = text.find(",", g.end - s.begin)
        if enclosed >= 0 and discourse.is_filler(text[g.end - s.begin: enclosed]) and \
                not any(h.begin - s.begin < enclosed for h in gs[1:]):
            last = g
            cue_end, content = s.begin + enclosed, Span(s.begin, s.end)
        else:
            last = gs[-1]
            rest = text[last.end - s.begin:]
            if not (_SENT_END_RE.fullmatch(rest) or discourse.is_filler(rest.rstrip(" .!?…”\")"))):
                continue
            if last is not g and not discourse.is_appositive(text[g.end - s.begin: last.begin - s.begin]):
                continue
            cue_end, content = s.end, Span(s.begin, s.begin + m.start())
        if _UNNAMED_HEAD_RE.search(text[: g.begin - s.begin]):
            continue
        out.append(Attribution(i, "post", g.keys, "theo", "say", Span(s.begin + m.start(), cue_end), content,
                               Span(s.begin + m.start(), cue_end), Span(g.begin, g.end), False,
                               _outlet(doc, g), g.how))
        break
    return out


_RELAY_LEAD_RE = re.compile(r"(?<!\w)(?:dẫn|trích\s+dẫn|trích)\s+(?:lời|phát\s+biểu\s+của)\s+(?:[^\s,.;:“”\"]+\s+){0,6}$",
                            re.IGNORECASE)
_RELAY_TAIL_RE = re.compile(r"\s*(?:(?:hôm|ngày|vào)\s+\S+\s*)?(?:[:,]|rằng|là|như\s+sau)\s*", re.IGNORECASE)


def _relay_only(doc: Doc, i: int, found: list[Attribution]) -> list[Attribution]:
    """ "Hãng X dẫn lời ông Y: “...”" / "... dẫn lời Y rằng ...": Y speaks though no speech verb follows."""
    s = doc.ex.sentences[i]
    text = s.text
    if "dẫn" not in text and "trích" not in text:
        return []
    out: list[Attribution] = []
    gs = discourse.groups(doc, i)
    for k, g in enumerate(gs):
        gb, ge = g.begin - s.begin, g.end - s.begin
        if out and g.begin < out[-1].cue.end:
            continue  # a later group of a relay already read ("Ngoại trưởng Pháp | Jean-Yves Le Drian")
        if not _RELAY_LEAD_RE.search(text[max(0, gb - 30): gb]):
            continue
        # the person may follow a title group ("Bộ trưởng Ngoại giao Iran Javad Zarif" is one group or two)
        last = g
        while k + 1 < len(gs) and not text[last.end - s.begin: gs[k + 1].begin - s.begin].strip():
            k += 1
            last = gs[k]
        tail = _RELAY_TAIL_RE.match(text, last.end - s.begin)
        if tail is None:
            continue
        if any(a.cue.begin >= s.begin + ge and a.cue.begin - (s.begin + last.end) < 40 for a in found):
            continue  # "dẫn lời Y cho biết": the verb's own cue already names Y
        cstart = tail.end()
        out.append(Attribution(i, "pre", last.keys, "dẫn lời", "say", Span(g.begin, last.end),
                               Span(s.begin + cstart, s.end), Span(s.begin, s.begin + cstart), Span(g.begin, last.end),
                               False, _outlet(doc, last), last.how))
    return out


# --- lookups -------------------------------------------------------------------------------------


def attribution_at(doc: Doc, i: int, offset: int) -> Attribution | None:
    """The innermost attribution whose content covers `offset` in sentence `i` (None: the article's own voice).

    A sentence inside a quotation with no cue of its own gets a `quote`-form
    attribution to the quotation's speaker.
    """
    if not 0 <= i < len(doc.ex.sentences):
        return None
    s = doc.ex.sentences[i]
    if offset < s.begin:  # tolerate an offset relative to the sentence
        offset = s.begin + offset
    best: Attribution | None = None
    for a in attributions(doc, i):
        if a.negated or not a.speakers:
            continue
        if a.form == "post":
            inside = a.content.begin <= offset < a.content.end
        else:
            inside = a.content.begin <= offset < max(a.content.end, a.content.begin + 1) and a.cue.begin < offset
        if not inside:
            continue
        if best is None or _better(a, best):
            best = a
    if best is not None:
        return best
    return quote_attribution(doc, i, offset)


def _better(a: Attribution, b: Attribution) -> bool:
    """Prefer a non-outlet speaker, then the innermost (latest-starting) content."""
    if a.outlet != b.outlet:
        return not a.outlet
    return a.content.begin > b.content.begin


def quote_attribution(doc: Doc, i: int, offset: int) -> Attribution | None:
    """Attribution of text inside a quotation that has no cue in its own sentence."""
    regions = [r for r in discourse.quote_regions(doc) if r[0] <= offset < r[1]]
    if not regions:
        return None
    qb, qe = regions[-1]
    sents = doc.ex.sentences
    # 1. a post cue right after the closing mark
    for j in range(i, min(len(sents), i + 8)):
        if sents[j].begin > qe + 2:
            break
        for a in attributions(doc, j):
            if a.form == "post" and a.speakers and not a.negated and a.content.end >= qe - 2 and \
                    a.cue.begin >= qe - 1:
                return _as_quote(a, i, qb, qe)
    # 2. a pre cue whose content starts at the opening mark ("X nói: “...")
    for j in range(i, max(-1, i - 8), -1):
        if sents[j].end < qb - 2:
            break
        for a in attributions(doc, j):
            if a.form in ("pre", "theo") and a.speakers and not a.negated and a.cue.end <= qb and \
                    qb - a.cue.end <= 12:
                return _as_quote(a, i, qb, qe)
    # 3. an unattributed quotation paragraph continues the speaker cited in the previous one or two
    #    sentences (a quotation that opens a sentence and is long enough to be said words, not a term)
    first = next((k for k, s in enumerate(sents) if s.end > qb), i)
    if qe - qb < 30 or not 0 <= qb - sents[first].begin <= 2:
        return None
    for j in range(first - 1, max(-1, first - 3), -1):
        named = [a for a in attributions(doc, j) if a.speakers and not a.negated and not a.outlet]
        if named:
            return _as_quote(named[-1], i, qb, qe)
    return None


def _as_quote(a: Attribution, i: int, qb: int, qe: int) -> Attribution:
    return Attribution(i, "quote", a.speakers, a.verb, a.act, a.cue, Span(qb, qe), a.frame, a.speaker_span,
                       a.negated, a.outlet, a.speaker_how, {"from_sentence": a.sentence})


def source_of(doc: Doc, sentence_index: int, before_offset: int) -> str | None:
    """Entity key of who states the content starting after `before_offset` (absolute offset) in the sentence.

    "Bộ Quốc phòng Thổ Nhĩ Kỳ cho biết <...>" -> the ministry; "Theo ông X, <...>"
    -> X; "<...>, ông X nói." -> X; text inside a quotation -> its speaker.
    None when the article states it on its own authority, the speaker is
    unnamed ("một quan chức giấu tên") or plural ("hai bên").
    """
    a = attribution_at(doc, sentence_index, before_offset)
    if a is None:
        return None
    return a.speaker
