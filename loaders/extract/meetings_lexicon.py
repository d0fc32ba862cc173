"""Meetings: trigger words, event kinds and the cue patterns shared by the other meetings_* modules."""

from __future__ import annotations

import re

from syriakg.loaders.extract import discourse

TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "summit": ("hội nghị thượng đỉnh", "cuộc gặp thượng đỉnh", "cuộc gặp gỡ thượng đỉnh", "cuộc gặp mặt thượng đỉnh",
               "gặp thượng đỉnh", "gặp gỡ thượng đỉnh", "gặp mặt thượng đỉnh", "thượng đỉnh"),
    "phone_call": ("điện đàm", "cuộc điện thoại", "cuộc gọi", "cuộc gọi điện", "cuộc gọi điện thoại", "gọi điện",
                   "gọi điện thoại", "nói chuyện qua điện thoại", "nói chuyện bằng điện thoại",
                   "trao đổi qua điện thoại", "trao đổi bằng điện thoại", "thảo luận qua điện thoại",
                   "thảo luận bằng điện thoại"),
    "talks": ("hội đàm", "cuộc tham vấn"),
    "negotiation": ("hòa đàm", "hoà đàm", "đàm phán", "thương lượng", "thương thảo"),
    "meeting": ("gặp mặt", "gặp gỡ", "gặp nhau", "gặp", "nhóm họp", "họp bàn", "họp", "hội kiến", "hội nghị",
                "tiếp đón", "tiếp kiến", "tiếp", "đón tiếp", "đón"),
    "visit": ("chuyến thăm", "chuyến công du", "công du", "thăm", "đến", "tới", "sang"),
}


_KIND_OF: dict[str, str] = {w: k for k, ws in TRIGGER_WORDS.items() for w in ws}


TRIGGER_RE = re.compile(
    r"(?<!\w)" + discourse.trie_pattern([w for ws in TRIGGER_WORDS.values() for w in ws]) + r"(?!\w)",
    re.IGNORECASE,
)


TRIGGER_RE_LC = re.compile(  # on lower-cased text, word start checked in code: much faster than IGNORECASE
    discourse.trie_pattern([w for ws in TRIGGER_WORDS.values() for w in ws]) + r"(?!\w)")


def trigger_kind(m: re.Match[str]) -> str:
    """The event kind a trigger match names."""
    return _KIND_OF.get(" ".join(m.group(0).lower().split()), "meeting")


DETERMINER_BEFORE_RE = re.compile(
    r"(?:\b(?:cuộc|vòng|chuyến|các|những|một|hai|ba|bốn|phiên|buổi|đợt|loạt|lễ)\s*)+$", re.IGNORECASE)


NOT_EVENT_AFTER = {
    "meeting": re.compile(r"^\s*(?:báo|khó\s+khăn|phải|nạn|sự\s+cố|trở\s+ngại|rủi\s+ro|thất\s+bại|vấn\s+đề|"
                          r"rắc\s+rối|trục\s+trặc|tai\s+nạn|bất\s+lợi|thách\s+thức|áp\s+lực|sóng\s+gió|nguy\s+hiểm|may\s+mắn|hạn\s+chế|"
                          r"trở\s+lực|biến\s+cố)\b", re.IGNORECASE),
    "visit": re.compile(r"^\s*(?:dò|hỏi|khám|nay|đây|gần|mức|tận|từ|nơi|khi|lúc|cùng|năm|ngày|tháng|tuần|"
                        r"việc|vấn\s+đề|hết|cả|các\s+bên|tay)\b", re.IGNORECASE),
}


# compounds of "tiếp" that are no reception ("tiếp tục", "tiếp diễn", "tiếp theo", "tiếp xúc với báo chí"): only
# for that word ("cuộc gặp diễn ra", "cuộc họp theo đề nghị của X" are meetings)
_TIEP_COMPOUND_RE = re.compile(r"^\s*(?:tục|cận|nhận|theo|diễn|tế|giáp|sức|quản|thu|tuyến|xúc\s+với\s+báo)\b",
                               re.IGNORECASE)


def not_event_after(kind: str, word: str, after: str) -> bool:
    """Whether the words after a trigger make it something else ("gặp khó khăn", "tiếp tục", "đến nay")."""
    rx = NOT_EVENT_AFTER.get(kind)
    if rx is not None and rx.match(after):
        return True
    return word.lower() == "tiếp" and _TIEP_COMPOUND_RE.match(after) is not None


GENERIC_BEFORE_RE = re.compile(
    r"(?:\b(?:tiến\s+trình|quá\s+trình|tiến\s+độ|bàn|giải\s+pháp|nỗ\s+lực|kết\s+quả|thành\s+quả|"
    r"cơ\s+chế|lập\s+trường|phái\s+đoàn|nhà|đoàn|trưởng\s+đoàn|đại\s+diện|phòng|vai\s+trò|"
    r"định\s+dạng|hình\s+thức|thành\s+viên|ủng\s+hộ|thúc\s+đẩy|hy\s+vọng\s+về|trung\s+gian|làm\s+trung\s+gian)\s*(?:(?:hòa\s+bình|hoà\s+bình)\s*)?)$",
    re.IGNORECASE,
)


# verbs that take an event noun as object: their subject is the event's actor
PARTICIPATE_RE = re.compile(
    r"(?:\b(?:tiến\s+hành|tổ\s+chức|bắt\s+đầu|có|nối\s+lại|mở|tham\s+dự|tham\s+gia|dự|chủ\s+trì|đồng\s+chủ\s+trì|"
    r"kết\s+thúc|hoàn\s+tất|khởi\s+động|triệu\s+tập|thực\s+hiện|bước\s+vào|khai\s+mạc|tái\s+khởi\s+động|"
    r"đang\s+có|đã\s+có|thảo\s+luận\s+trong|trao\s+đổi\s+trong|nhất\s+trí\s+trong|"
    r"tăng\s+cường(?:\s+số)?|gia\s+tăng(?:\s+số)?|duy\s+trì|đẩy\s+mạnh)\s+"
    r"(?:(?:thêm|một|các|những|hai|ba|bốn|nhiều|cuộc|vòng|chuyến|phiên|buổi|đợt)\s+)*)$",
    re.IGNORECASE,
)


_FRONTED_PP_RE = re.compile(
    r"^\s*(?:[^,]{0,40}?\b)?(?:trong|tại|sau|bên\s+lề|ngoài\s+lề|trước\s+thềm|nhân|về|sau\s+khi)\s+"
    r"(?:(?:khả\s+năng|việc|đề\s+xuất|ý\s+tưởng|kế\s+hoạch)\s+)?(?:(?:tiến\s+hành|tổ\s+chức)\s+)?"
    r"(?:(?:một|các|những|hai|ba|cuộc|vòng|chuyến|phiên|buổi)\s+)*$",
    re.IGNORECASE,
)


ABOUT_POSSIBILITY_RE = re.compile(r"^\s*Về\s+(?:khả\s+năng|việc|đề\s+xuất|ý\s+tưởng|kế\s+hoạch)", re.IGNORECASE)


PLACE_BEFORE_RE = re.compile(
    r"(?:\b(?:tại|ở|đến|tới|sang|thăm|công\s+du)(?:\s+(?:thủ\s+đô|thành\s+phố|thị\s+trấn|tỉnh|nước|khu\s+vực))?"
    r"\s*)$",
    re.IGNORECASE,
)


AT_BEFORE_RE = re.compile(
    r"(?:\b(?:tại|ở)(?:\s+(?:thủ\s+đô|thành\s+phố|thị\s+trấn|tỉnh|khu\s+vực))?\s*)$", re.IGNORECASE)


EXCLUDED_BEFORE_RE = re.compile(
    r"(?:\b(?:theo\s+(?:sáng\s+kiến|đề\s+nghị|lời\s+mời|yêu\s+cầu)\s+của|cho|về|chống|nhằm\s+vào|"
    r"với\s+sự\s+hậu\s+thuẫn\s+của|thuộc)(?:\s+(?:ông|bà))?\s*)$",
    re.IGNORECASE,
)


TOPIC_NOUN_BEFORE_RE = re.compile(
    r"(?:\b(?:tình\s+hình|xung\s+đột|cuộc\s+chiến|khủng\s+hoảng|vấn\s+đề|chiến\s+sự|giao\s+tranh|an\s+ninh|"
    r"hòa\s+bình|hoà\s+bình|căng\s+thẳng)\s*)$",
    re.IGNORECASE,
)


PP_PREDICATES = frozenset(
    "thảo luận trao đổi nhất trí thống nhất bàn bạc khẳng định cam kết đạt được ký kí kết gặp nhau nói chuyện "
    "bày tỏ nhấn mạnh ý kiến về đã cũng".split()
)


DELEGATION_BEFORE_RE = re.compile(r"(?:\b(?:phái\s+đoàn|đoàn(?:\s+đại\s+biểu)?|đặc\s+phái\s+viên)\s*)$",
                                   re.IGNORECASE)


BACKREF_AFTER_RE = re.compile(r"^\s*(?:này|trên|nói\s+trên|đó|lần\s+này|hôm\s+nay|vừa\s+qua|kể\s+trên)(?!\w)",
                               re.IGNORECASE)


N_PARTIES_RE = re.compile(r"^\s*(?:(?:[3-9]|ba|bốn|năm|sáu)\s+bên|tứ\s+cường|đa\s+phương)", re.IGNORECASE)


LEADERS_RE = re.compile(r"(?<!\w)(?:lãnh\s+đạo|nguyên\s+thủ|tổng\s+thống|thượng\s+đỉnh)(?!\w)", re.IGNORECASE)


HOAC_RE = re.compile(r"^[^,;.]{0,40}?(?<!\w)hoặc(?!\w)", re.IGNORECASE)


BACKGROUND_START_RE = re.compile(
    r"^\s*(?:trước\s+đó|trước\s+đây|hồi|từ|kể\s+từ|năm|tháng|vào\s+năm|vào\s+tháng|cách\s+đây|hôm\s+\d)",
    re.IGNORECASE,
)


STRONG_PAST_RE = re.compile(r"(?<!\w)(?:từng|trước\s+đây|năm\s+ngoái|hồi\s+(?:tháng|năm))(?!\w)", re.IGNORECASE)


FAMILY = {"meeting": "m", "talks": "m", "negotiation": "m", "summit": "m", "visit": "v", "phone_call": "p"}


WITH_ONLY_RE = re.compile(r"\s*(?:\S+\s+){0,3}?(?:với|cùng\s+với)(?!\w)", re.IGNORECASE)


ATTENDEES_RE = re.compile(r"(?<!\w)(?:có|với)\s+sự\s+tham\s+(?:dự|gia)\s+của(?!\w)", re.IGNORECASE)


FRONT_PREFIX_RE = re.compile(
    r"^\s*(?:(?:trước\s+đó|sau\s+đó|trong\s+khi\s+đó|ngoài\s+ra|bên\s+cạnh\s+đó|cùng\s+ngày|hôm\s+qua|"
    r"mới\s+đây|đặc\s+biệt|theo\s+đó|(?:(?:sáng|chiều|tối|trưa|đêm|rạng\s+sáng)\s+)?(?:ngày|hôm|vào)\s[^,]{1,30})"
    r"\s*,\s*)?"
    r"(?:(?:Phát\s+biểu|Trả\s+lời|Nói|Trao\s+đổi|Ngay|Chỉ|Đặc\s+biệt|Cũng|Hôm|Ngày|Sáng|Chiều|Tối|Vào)"
    r"[^,]{0,50}?\s)?(?:trong|tại|sau|bên\s+lề|ngoài\s+lề|trước\s+thềm|nhân|sau\s+khi|về)\s+"
    r"(?:khuôn\s+khổ\s+)?"
    r"(?:(?:khả\s+năng|việc|đề\s+xuất|ý\s+tưởng|kế\s+hoạch)\s+)?(?:(?:tiến\s+hành|tổ\s+chức)\s+)?"
    r"(?:(?:một|các|những|hai|ba|cuộc|vòng|chuyến|phiên|buổi)\s+)*$",
    re.IGNORECASE,
)


PP_BEFORE_RE = re.compile(
    r"(?<!\w)(?:trong|qua|tại|sau|trước|trước\s+thềm|bên\s+lề|ngoài\s+lề|về|cho|với|của|nhân|từ)\s+"
    r"(?:(?:một|các|những|cuộc|vòng|phiên|chuyến)\s+)*$",
    re.IGNORECASE,
)


NEW_EVENT_AFTER_RE = re.compile(
    r"^\s*(?:(?:\S+\s+){0,2}?(?:tiếp\s+theo|mới|sắp\s+tới|tới\s+đây|lần\s+thứ|đầu\s+tiên|thứ\s+(?:hai|ba|tư|năm|sáu|\d+))\b|"
    r"(?:bên|ngoài)\s+lề(?!\w))",  # "cuộc hội đàm bên lề Hội nghị X": an occasion of its own
    re.IGNORECASE,
)


def is_live(m: re.Match[str], text: str) -> bool:
    """Whether a trigger match can start an event of its own (for cutting the previous one's scope)."""
    kind = trigger_kind(m)
    word = m.group(0).lower()
    if kind == "visit" and word in ("đến", "tới", "sang"):
        return False
    if word.startswith(("tiếp", "đón")):
        return False
    return not not_event_after(kind, word, text[m.end(): m.end() + 40])


_KIND_PAIRS = {frozenset(p) for p in (("meeting", "talks"), ("meeting", "summit"), ("talks", "negotiation"),
                                       ("meeting", "negotiation"))}


def kinds_compatible(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in _KIND_PAIRS


def lemma_core(lemma: str) -> str:
    return re.sub(r"^(?:cuộc|chuyến|vòng)\s+", "", lemma)
