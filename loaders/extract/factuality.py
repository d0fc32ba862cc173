"""Factuality of a reported event: occurred, planned, possible, proposed, cancelled or denied.

The status comes from cue words *in the event's own scope* (the clause that
governs the trigger, not a purpose or topic phrase hanging off it) and from
the reporting frame around it:

====================  ==============================================================
denied                "phủ nhận", "bác bỏ thông tin/tin", "không hề có", "chưa từng có"
cancelled             "hủy", "hủy bỏ", "hoãn" (without a new date; "hoãn sang <date>" is
                      planned: the meeting still is to happen)
proposed              "đề xuất", "đề nghị", "ý tưởng", "kêu gọi tổ chức", "chưa đạt được
                      (sự) đồng thuận", "chưa thống nhất", "đang xem xét/thảo luận về việc"
possible              "có thể", "có khả năng", "khả năng", "chưa xác nhận", "chưa rõ",
                      "được cho là", "có lẽ", a frame "X chưa xác nhận (thông tin) ..."
planned               "sẽ", "dự kiến", "dự định", "kế hoạch", "chuẩn bị", "sắp", "tới đây",
                      "đang chờ", "giấy mời", "<date> tới", "trước thềm", "trước khi", a date
                      after the article's date
occurred              "đã", "vừa", "mới đây", "hôm qua", "đã kết thúc", "sau/trong/tại
                      cuộc ..." (the phrase presupposes the event), a past date, and by
                      default (completed narrative)
====================  ==============================================================

Priority when several cues are in scope: denied > cancelled > proposed >
possible > planned > occurred, except that a presupposing phrase ("sau cuộc
gặp") fixes `occurred` unless the phrase itself is
future ("sau cuộc gặp tới đây").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syriakg.loaders.model import Status


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


DENIED_RE = _c(r"(?<!\w)(?:phủ\s+nhận|bác\s+bỏ\s+(?:các\s+|những\s+)?(?:thông\s+tin|tin\s+tức|tin|báo\s+cáo)|"
               r"bác\s+tin|không\s+hề\s+có|chưa\s+từng\s+có|không\s+có\s+(?:bất\s+kỳ\s+)?(?:cuộc|kế\s+hoạch))"
               r"(?!\w)")
CANCELLED_RE = _c(r"(?<!\w)(?:h[ủu]ỷ?\s+bỏ|hủy|huỷ|bị\s+hủy|hoãn|đình\s+hoãn|trì\s+hoãn|hoãn\s+lại|tạm\s+hoãn|"
                  r"không\s+diễn\s+ra|không\s+còn\s+diễn\s+ra)(?!\w)")
POSTPONED_TO_RE = _c(r"(?<!\w)hoãn(?:\s+lại)?\s+(?:sang|đến|tới|tới\s+ngày|đến\s+ngày|vào)\s+\S")
PROPOSED_RE = _c(r"(?<!\w)(?:(?:đề\s+xuất|đề\s+nghị|ý\s+tưởng)(?:\s+(?:về|việc|tổ\s+chức|tiến\s+hành|triệu\s+tập|"
                 r"mở|nối\s+lại|một|các|những|cuộc|vòng|hội\s+nghị))+|kêu\s+gọi\s+(?:tổ\s+chức|tiến\s+hành|triệu\s+tập)|"
                 r"sáng\s+kiến\s+(?:về\s+)?(?:tổ\s+chức|tiến\s+hành)|"
                 r"(?:cần|cần\s+phải|nên|phải|cần\s+thiết\s+phải)\s+(?:sớm\s+)?(?:tiến\s+hành|tổ\s+chức|triệu\s+tập|"
                 r"nối\s+lại|khởi\s+động|mở|có)\s+(?:(?:một|các|những|thêm)\s+)?(?:cuộc|vòng|hội\s+nghị|phiên)|"
                 r"kêu\s+gọi\s+(?:các\s+bên\s+|hai\s+bên\s+)?(?:nối\s+lại|khởi\s+động|mở)|"
                 r"(?:mong\s+)?muốn\s+(?:sớm\s+)?(?:có|tổ\s+chức|tiến\s+hành|gặp|hội\s+đàm|điện\s+đàm|thăm|đến|tới|"
                 r"sang|nối\s+lại|mở)|"
                 r"chưa\s+(?:đạt\s+được|đạt|có)\s+(?:được\s+)?(?:sự\s+)?(?:đồng\s+thuận|nhất\s+trí|thống\s+nhất)|"
                 r"chưa\s+(?:quyết\s+định|thống\s+nhất|nhất\s+trí|đồng\s+ý)|"
                 r"đang\s+(?:được\s+)?(?:xem\s+xét|thảo\s+luận|bàn\s+bạc|cân\s+nhắc)\s+(?:về\s+)?(?:việc|khả\s+năng))"
                 r"(?!\w)")
POSSIBLE_RE = _c(r"(?<!\w)(?:có\s+thể|có\s+khả\s+năng|nhiều\s+khả\s+năng|khả\s+năng|chưa\s+(?:được\s+)?xác\s+nhận|"
                 r"chưa\s+rõ|chưa\s+chắc|được\s+cho\s+là|có\s+lẽ|dường\s+như|có\s+tin|đồn\s+đoán|tin\s+đồn|"
                 r"không\s+loại\s+trừ)(?!\w)")
PLANNED_RE = _c(r"(?<!\w)(?:sẽ|dự\s+kiến|dự\s+định|(?:có|lên|theo)\s+kế\s+hoạch|chuẩn\s+bị|sắp|sắp\s+tới|tới\s+đây|đang\s+chờ|"
                r"(?:chờ\s+đợi|chờ(?!\s+đợi))(?!\s+giữa)|giấy\s+mời|lời\s+mời|được\s+mời|mời|trước\s+thềm|trước\s+khi|"
                r"(?:tuần|tháng|năm)\s+(?:tới|sau)|vào\s+cuối\s+tuần\s+này|triệu\s+tập)(?!\w)")
OCCURRED_RE = _c(r"(?<!\w)(?:đã|vừa|mới\s+đây|vừa\s+qua|hôm\s+qua|đã\s+kết\s+thúc|kết\s+thúc|diễn\s+ra\s+hôm|"
                 r"từng|trước\s+đó|tuần\s+trước|tháng\s+trước|năm\s+ngoái|hồi|tuần\s+qua|hôm\s+nay)(?!\w)")
# "<date> tới": "ngày 5/3 tới", "tháng 3 tới"
DATE_FUTURE_RE = _c(r"\d[\d/\-.]*\s+tới(?!\s+(?:thăm|đây\s+là))(?!\w)|(?:tháng|tuần|năm)\s+(?:tới|sau|này)\b")
# "sau cuộc ..." presupposes the event took place ("trong/tại cuộc ..." does not: "sẽ được bàn tại cuộc họp")
PRESUPPOSE_RE = _c(r"(?<!\w)(?:sau|kết\s+thúc|sau\s+khi\s+kết\s+thúc)\s+"
                   r"(?:(?:các|những|một|hai|ba)\s+)?(?:cuộc|vòng|phiên|chuyến)?\s*$")
NEGATED_CONFIRM_RE = _c(r"(?<!\w)(?:chưa|không)\s+(?:chính\s+thức\s+)?(?:được\s+)?xác\s+nhận(?!\w)")
CONFIRM_RE = _c(r"(?<!\w)(?:đã\s+)?xác\s+nhận(?!\w)")

_ORDER: dict[Status, int] = {"denied": 6, "cancelled": 5, "proposed": 4, "possible": 3, "planned": 2,
                             "occurred": 1}


@dataclass(frozen=True, slots=True)
class Factuality:
    status: Status
    cue: str  # the words that decided it ("" = narrative default)
    explicit: bool  # False when the status is only the narrative default

    @property
    def doubt(self) -> bool:
        """A status that corrects an earlier report (unconfirmed, denied, cancelled, proposed)."""
        return self.explicit and self.status in ("denied", "cancelled", "possible", "proposed")


def status_of(scope: str, *, before_trigger: str = "", after_trigger: str = "", frame: str = "",
              date_relation: int | None = None) -> Factuality:
    """Status of an event from its scope text.

    `scope`: the clause governing the trigger (modals, tense markers), the
    trigger included; `before_trigger`: the words right before the trigger
    noun (to test presupposing phrases); `after_trigger`: the words right after
    it (future "tới đây", "dự kiến diễn ra"); `frame`: the reporting frame
    around the clause ("Moskva chưa xác nhận thông tin"); `date_relation`: the
    event date compared with the article's date (-1 before, 0 same day, +1
    after, None unknown).
    """
    # presupposed events
    if PRESUPPOSE_RE.search(before_trigger):
        head = after_trigger[:40]
        if re.search(r"(?<!\w)(?:tới\s+đây|sắp\s+tới|sắp\s+diễn\s+ra|dự\s+kiến|tới)(?!\w)", head, re.IGNORECASE):
            return Factuality("planned", "tới đây", True)
        return Factuality("occurred", before_trigger.strip().split(" ")[-1] if before_trigger.strip() else "", True)
    found: list[tuple[Status, str]] = []
    for text in (frame, scope):
        if not text:
            continue
        m = DENIED_RE.search(text)
        if m:
            found.append(("denied", m.group(0)))
        m = POSTPONED_TO_RE.search(text)
        if m:
            found.append(("planned", m.group(0)))
        else:
            m = CANCELLED_RE.search(text)
            # "vốn bị hoãn ... có thể diễn ra": a postponement told as background to a new date or chance
            rest = _ATTRIBUTIVE_PLAN_RE.sub(lambda x: " " * len(x.group(0)), text) if m else text
            if m and not re.search(r"(?<!\w)vốn\s+(?:đã\s+)?bị\s*$", text[: m.start()], re.IGNORECASE) and not (
                    POSSIBLE_RE.search(rest, m.end()) or PLANNED_RE.search(rest, m.end())):
                found.append(("cancelled", m.group(0)))
        m = PROPOSED_RE.search(text if text is scope else "")
        if m:
            found.append(("proposed", m.group(0)))
    # a proposal may be the reporting verb itself: "X đề xuất | một cuộc gặp ..."
    m = PROPOSED_RE.search((frame + " " + scope) if frame else scope)
    if m and not any(f[0] == "proposed" for f in found):
        found.append(("proposed", m.group(0)))
    m = NEGATED_CONFIRM_RE.search(frame) if frame else None
    if m:
        found.append(("possible", m.group(0)))
    m = POSSIBLE_RE.search(scope)
    if m:
        found.append(("possible", m.group(0)))
    if found:
        best = max(found, key=lambda f: _ORDER[f[0]])
        return Factuality(best[0], best[1], True)
    m = PLANNED_RE.search(scope) or DATE_FUTURE_RE.search(scope)
    if m and m.group(0).lower().startswith("trước") and DONE_RE.search(scope, 0, m.start()):
        # "X đã gặp Y một tháng trước khi ...": a time clause of a past event, not a plan
        return Factuality("occurred", DONE_RE.search(scope, 0, m.start()).group(0), True)  # type: ignore[union-attr]
    if m and m.group(0).lower().startswith("triệu") and re.search(r"(?<!\w)(?:đã|vừa)\s+$", scope[: m.start()]):
        return Factuality("occurred", "đã triệu tập", True)  # "X đã triệu tập cuộc họp": convened, it was held
    if m:
        done = _done_after(scope, m.end())
        if done is not None:  # "dự kiến kéo dài hai ngày, đã khai mạc hôm qua": the plan was carried out
            return Factuality("occurred", done, True)
        return Factuality("planned", m.group(0), True)
    if date_relation is not None and date_relation > 0:
        done = _done_after(scope, 0)
        if done is not None:  # "đã hội đàm ngày <later date>": the words say it took place
            return Factuality("occurred", done, True)
        return Factuality("planned", "date", True)
    m = OCCURRED_RE.search(scope)
    if m:
        return Factuality("occurred", m.group(0), True)
    if date_relation is not None and date_relation <= 0:
        return Factuality("occurred", "date", True)
    return Factuality("occurred", "", False)


# "cuộc gặp được lên kế hoạch / được chờ đợi": describes the event, no new plan after a cancellation
_ATTRIBUTIVE_PLAN_RE = _c(r"(?<!\w)được\s+(?:lên\s+kế\s+hoạch|chờ\s+đợi|mong\s+đợi)(?!\w)")


# markers that an event has taken place; after every future cue in the scope they win over it
# ("đã đồng ý / nhận lời / quyết định ... <future date>" is a decision about a future event, not the event)
DONE_RE = _c(r"(?<!\w)(?:đã|vừa|hôm\s+qua|vừa\s+qua|mới\s+đây)(?!\w)(?!\s+(?:đồng\s+ý|nhận\s+lời|nhất\s+trí|"
             r"quyết\s+định|thống\s+nhất|cam\s+kết|mời|xác\s+nhận|thông\s+báo|tuyên\s+bố|lên\s+lịch|ấn\s+định|"
             r"chấp\s+nhận|đề\s+nghị|đề\s+xuất|hứa|hẹn)(?!\w))")
_FUTURE_AFTER_RE = _c(r"(?<!\w)(?:sẽ|dự\s+kiến|sắp|tới\s+đây|sắp\s+tới|kế\s+hoạch|chuẩn\s+bị|(?:tuần|tháng|năm)\s+tới)(?!\w)")


def _done_after(scope: str, pos: int) -> str | None:
    """A past marker after `pos` with no later future cue ("đã nhất trí sẽ gặp" stays planned)."""
    last = None
    for m in DONE_RE.finditer(scope, pos):
        last = m
    if last is None or _FUTURE_AFTER_RE.search(scope, last.end()):
        return None
    return last.group(0)


def merge(old: Factuality, new: Factuality) -> Factuality:
    """Status of an event reported again.

    A later explicit doubt or denial corrects the earlier report (the stronger
    in `denied > cancelled > proposed > possible` wins: "X will come" + "Y has
    not confirmed it" ends as possible, "may meet" + "the Kremlin denied" as
    denied); a firm report never loses to a default one; between planned and
    occurred, occurred wins (the event has taken place).
    """
    if not new.explicit:
        return old
    if not old.explicit:
        return new
    if new.doubt or old.doubt:
        return new if _ORDER[new.status] > _ORDER[old.status] else old
    if "occurred" in (old.status, new.status):
        return old if old.status == "occurred" else new
    return old


def compatible(old: Factuality, new: Factuality) -> bool:
    """Could a new report with status `new` be about the event reported earlier with `old`?

    Same status, or either one is the cue-less default, or the new report is a
    correction (unconfirmed, denied, cancelled, proposed).  An earlier doubtful
    report and a later firm one ("proposed" then "đã tiến hành") are two events,
    like a planned round and the rounds already held.
    """
    if not old.explicit or not new.explicit:
        return True
    if old.status == new.status:
        return True
    return new.doubt
