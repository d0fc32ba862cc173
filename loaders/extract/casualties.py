"""Extraction component: casualty and displacement claims ("ít nhất 16 binh sĩ ... đã thiệt mạng").

A claim needs three things in one clause of a body sentence:

* a quantity (`numbers.find_quantities`: "ít nhất 16", "hơn 290.000",
  "khoảng ba triệu", or a vague "hàng triệu" / "hàng nghìn");
* right after it, a noun for people ("người", "binh sĩ", "dân thường",
  "quân nhân", "tay súng", "gia đình", ...): the victims as written;
* an outcome that applies to those people: a verb after them in the same
  clause ("... đã thiệt mạng", "... bị thương", "... phải sơ tán",
  "... mất tích", "... bị bắt cóc"), an outcome noun ("người tị nạn"), a
  causative verb before the number that names the outcome ("sát hại",
  "giết chết", "cướp đi sinh mạng của", "làm bị thương", "bắt cóc"), or
  "số người thiệt mạng ... lên tới N".

So troop numbers ("rút khoảng 2.000 quân"), people merely present ("có
khoảng ba triệu thường dân khi ..."), vehicles, money, years and percentages
give no claim: they lack a people noun or an outcome.  A negated outcome
("không có binh sĩ nào thiệt mạng") gives none either.

Each claim keeps `count_text` as written, `victims` as written, the place (a
place or country mentioned after "ở/tại/gần/thuộc/..." in the clause, else in
the clause at all, else a locative of the previous sentence of the paragraph
unless this sentence names a place we cannot resolve; never a venue of talks
("hội đàm tại Geneva") nor where a victim comes from ("đến từ X"); the narrower
place over the region it belongs to ("thuộc tỉnh Y")), the claimant (see
`_claimant`: the source attributed in the figure's own sentence, "Bộ Quốc phòng
X cho biết ...", "Theo X, ...", "..., theo X.", quotations; not a speaker who
disputes the figure, praises or mourns around it, or speaks in another item of
a digest; else the source of the previous sentence of the paragraph when this
one continues its figures ("Trong số đó có 12 trẻ em ...", "12 người khác bị
thương."), or a next sentence that only names the source ("X cho biết như
vậy."); None when the article states it itself), the clause's date, and the
sentence index as evidence.  The same figure stated twice in one article (lead
and body) with the same claimant is one claim with both sentences as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syriakg.loaders.extract import discourse
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.numbers import Quantity, find_quantities
from syriakg.loaders.extract.vi_regex import alternation, canon, sentences_with, vi
from syriakg.loaders.model import CasualtyClaim, DateValue, Outcome, Sentence, Span

try:  # who states a figure; owned by the statements family
    from syriakg.loaders.extract import attribution as _attribution
    from syriakg.loaders.extract.attribution import source_of as _source_of
except ImportError:  # pragma: no cover - only while that module is missing
    _source_of = None
    _attribution = None  # type: ignore[assignment]

# outcome verbs/phrases that follow the victims ("... đã thiệt mạng")
OUTCOME_AFTER: dict[Outcome, tuple[str, ...]] = {
    "killed": ("thiệt mạng", "tử vong", "tử nạn", "chết", "bị giết", "bị giết chết", "bị giết hại", "bị sát hại",
               "bị tiêu diệt", "bị hành quyết", "hy sinh", "hi sinh", "bỏ mạng", "mất mạng", "thiệt mạng",
               "bị treo cổ", "bị xử tử", "bị chặt đầu", "bị thảm sát", "tử trận", "bị hạ gục", "bị bắn chết",
               "bị sát hại", "thiệt mạng"),
    "injured": ("bị thương", "bị thương nặng", "bị thương nhẹ"),
    "displaced": ("sơ tán", "di tản", "tản cư", "chạy loạn", "chạy trốn", "chạy khỏi", "rời bỏ nhà cửa", "rời khỏi nhà", "rời khỏi nhà cửa", "rời bỏ quê hương",
                  "rời khỏi quê hương", "rời bỏ nơi ở", "mất nhà cửa", "mất nhà", "mất chỗ ở", "bỏ nhà", "lánh nạn",
                  "di dời", "di cư", "tha hương", "vô gia cư", "bỏ chạy khỏi", "chạy nạn", "ly hương", "ly tán"),
    "refugees": ("tị nạn", "tỵ nạn", "rời bỏ đất nước", "rời khỏi đất nước", "chạy sang nước ngoài",
                 "chạy ra nước ngoài", "sống lưu vong", "chạy sang", "chạy trốn sang", "vượt biên sang",
                 "tìm nơi ẩn náu ở nước ngoài"),
    "missing": ("mất tích",),
    "captured": ("bị bắt", "bị bắt giữ", "bị bắt cóc", "bị bắt làm con tin", "bị bắt làm tù binh", "bị giam giữ",
                 "bị bắt sống"),
}
# verbs before the number that carry the outcome themselves ("sát hại 12 người")
OUTCOME_BEFORE: dict[Outcome, tuple[str, ...]] = {
    "killed": ("giết", "giết chết", "giết hại", "sát hại", "tiêu diệt", "hành quyết", "làm thiệt mạng", "làm chết",
               "treo cổ", "xử tử", "chặt đầu", "thảm sát",
               "cướp đi sinh mạng của", "cướp đi sinh mạng", "cướp đi mạng sống của", "cướp đi mạng sống",
               "cướp đi tính mạng của", "cướp đi tính mạng", "gây ra cái chết của", "gây ra cái chết cho",
               "cướp sinh mạng của", "bắn chết", "hạ gục", "tổn thất", "thi thể", "thi thể của", "xác", "làm", "khiến"),
    "injured": ("làm bị thương",),
    "displaced": ("buộc", "buộc phải"),
    "refugees": ("tiếp nhận", "đón nhận", "tiếp đón"),
    "missing": (),
    "captured": ("bắt cóc", "bắt giữ", "bắt sống", "bắt làm con tin", "giam giữ"),
}
# "làm"/"khiến"/"buộc" only cause: the outcome must follow the victims
_CAUSE_ONLY = frozenset(map(canon, ("làm", "khiến", "buộc", "buộc phải")))
# nouns of those who fall victim; order does not matter (longest match first)
PEOPLE = (
    "người", "người dân", "dân thường", "thường dân", "dân", "cư dân", "binh sĩ", "binh sỹ", "binh lính", "lính",
    "quân nhân", "quân", "quân lính", "chiến binh", "tay súng", "phiến quân", "chiến sĩ", "chiến sỹ", "sĩ quan",
    "sỹ quan", "cảnh sát", "nhân viên", "nhà báo", "phóng viên", "trẻ em", "trẻ", "em", "phụ nữ", "nạn nhân",
    "công dân", "tù nhân", "thành viên", "dân quân", "du kích", "phần tử", "kẻ", "tên", "người lính", "lính đánh thuê",
    "học sinh", "sinh viên", "bác sĩ", "y tá", "tình nguyện viên", "quan chức", "nhà ngoại giao", "công nhân",
    "thủy thủ", "phi công", "hành khách", "con tin", "gia đình", "hộ gia đình", "hộ dân", "thanh niên", "nông dân",
    "ngư dân", "du khách", "người tị nạn", "người di cư", "nhân viên cứu trợ", "lính thủy đánh bộ", "người biểu tình",
    "chiến binh IS", "nghi phạm", "tù binh", "cố vấn", "chuyên gia", "nhân viên y tế",
    "lãnh đạo", "thủ lĩnh", "chỉ huy", "điệp viên", "đặc nhiệm", "lính đặc nhiệm", "nghi can", "lính biên phòng",
    "nhân viên cứu hộ", "tín đồ", "người nhập cư", "người già", "người cao tuổi", "trẻ sơ sinh", "em bé",
)
_COMBATANTS = frozenset(map(canon, (
    "binh sĩ", "binh sỹ", "binh lính", "lính", "quân nhân", "quân", "quân lính", "chiến binh", "tay súng", "phiến quân",
    "chiến sĩ", "chiến sỹ", "sĩ quan", "sỹ quan", "dân quân", "du kích", "phần tử", "kẻ", "tên", "lính đánh thuê",
    "chiến binh IS",
)))
# those whose leaving a place is displacement
_CIVILIANS = frozenset(map(canon, (
    "người", "người dân", "dân thường", "thường dân", "dân", "cư dân", "trẻ em", "phụ nữ", "gia đình", "hộ gia đình",
    "hộ dân", "người già", "người cao tuổi", "công dân", "nông dân", "học sinh", "người tị nạn",
)))
# "người tị nạn": the noun says the outcome
OUTCOME_NOUNS: dict[str, Outcome] = {
    canon("người tị nạn"): "refugees", canon("người tỵ nạn"): "refugees", canon("người di tản"): "displaced",
    canon("người sơ tán"): "displaced", canon("người tản cư"): "displaced", canon("người mất tích"): "missing",
    canon("người chết"): "killed", canon("người thiệt mạng"): "killed", canon("người bị thương"): "injured",
    canon("tù binh"): "captured", canon("con tin"): "captured",
}

_OUT_AFTER = {canon(w): o for o, ws in OUTCOME_AFTER.items() for w in ws}
_OUT_BEFORE = {canon(w): o for o, ws in OUTCOME_BEFORE.items() for w in ws}
# "đánh bom liều chết" (suicide bombing) and "cái chết" (a death) hold "chết" but say nothing died here
_OUT_AFTER_RE = re.compile(r"(?<!\w)(?<!liều )(?<!cái )(?<!cảm )(?<!sự )" + alternation([w for ws in OUTCOME_AFTER.values() for w in ws])
                           + r"(?!\w)", re.IGNORECASE)
_OUTCOME_PHRASES = [*(w for ws in OUTCOME_AFTER.values() for w in ws),
                    *(w for ws in OUTCOME_BEFORE.values() for w in ws if canon(w) not in _CAUSE_ONLY)]
# The cheap gate: only sentences holding one of these (lower case) are read; every outcome phrase contains one
# of them (checked by the tests); then the exact phrases.
KEYS = frozenset({
    "mạng", "tử vong", "tử nạn", "chết", "giết", "sát hại", "tiêu diệt", "hành quyết", "hy sinh", "hi sinh",
    "bị thương", "sơ tán", "di tản", "tản cư", "chạy", "rời", "mất nhà", "mất chỗ", "bỏ nhà", "lánh nạn", "di dời",
    "di cư", "tha hương", "gia cư", "tị nạn", "tỵ nạn", "lưu vong", "tiếp nhận", "đón nhận", "tiếp đón", "mất tích",
    "bắt", "giam", "treo cổ", "xử tử", "chặt đầu", "thảm sát", "ẩn náu", "vượt biên", "tử trận", "hạ gục", "tổn thất",
    "thi thể", "xác", "chạy nạn", "ly hương", "ly tán",
})
_OUTCOME_ANY = re.compile(r"(?<!\w)(?=[" + "".join(sorted({canon(w)[0] for w in _OUTCOME_PHRASES})) + r"])"
                          + alternation(_OUTCOME_PHRASES), re.IGNORECASE)
_HEAD_RE = re.compile(
    r"\s+(?:(?:các|những)\s+)?(?P<head>" + alternation(PEOPLE) + r")(?!\w)(?!\s+lửa)", re.IGNORECASE
)
# words that may sit between the victims and their outcome ("binh sĩ nước này đã thiệt mạng")
_FILLERS = frozenset(map(canon, (
    "đã", "bị", "đều", "cũng", "phải", "vừa", "mới", "có", "thể", "được", "cho", "là", "khác", "nữa", "đang", "sẽ",
    "hoặc", "vẫn", "bị", "buộc", "đành", "lần", "lượt", "và", "cùng",
)))
# words that end the victims' noun phrase ("nghi phạm | bị cáo buộc ...", "tay súng IS | và phá hủy ...")
_NP_BREAK = frozenset(map(canon, (
    "bị", "đã", "được", "đang", "sẽ", "phải", "cũng", "đều", "vừa", "và", "cùng", "khi", "sau", "trước", "đồng thời",
    "với", "nhưng", "rồi", "là", "mà", "để", "nhằm", "bởi", "do", "vì", "hoặc", "hay", "song",
)))
# "không kích" (air strike), "không quân" (air force) are not negations
_NEG_RE = re.compile(vi(r"(?<!\w)(?:không|chưa|chẳng|không hề|chưa hề|không có ai|không ai)(?!\w)"
                        r"(?! (?:kích|quân|phận|lực|gian|trung|vận|người lái))"), re.IGNORECASE)
# a clause or a new predicate begins: the victims' noun phrase cannot reach past it
_STOP_RE = re.compile(
    vi(r"[,;:()\[\]“”\"–—]|(?<!\w)(?:khi|nhưng|song|trong khi|sau khi|trước khi|để|nhằm|vì|mà|nơi|nếu|rằng|tuy|"
       r"dù|còn|sinh sống|sống|đang sống|tham gia|được triển khai|triển khai|có mặt|hiện diện|gồm|khiến|làm|"
       r"cho biết|cho hay|nói|tuyên bố|khẳng định|thông báo|cho rằng|xác nhận)(?!\w)"),
    re.IGNORECASE,
)
_APPOSITION_RE = re.compile(vi(r",\s*(?:bao gồm|gồm|kể cả|chủ yếu là|phần lớn là|đa số là|trong đó có|"
                                r"trong (?:tổng )?số|trên tổng số)\s"),
                            re.IGNORECASE)
_LOCATIVE_RE = re.compile(vi(r"(?<!\w)(?:ở|tại|trong|trên|khắp|ngoài|từ|ra|sang|vào|khỏi|gần|quanh|xung quanh|thuộc)\s+"
                             r"(?:(?:các|những|hai|ba|bốn)\s+)?"
                             r"(?:(?:tỉnh|thành phố|thị trấn|làng|ngôi làng|vùng|khu vực|miền|phía|thủ đô|nước|lãnh thổ|"
                             r"quận|huyện|thị xã|khu|ngoại ô|nông thôn|sa mạc|đông|tây|nam|bắc|trung|của|đường|"
                             r"tuyến đường|trục đường|quốc lộ)\s+){0,4}$"),
                          re.IGNORECASE)
# where people meet or speak is not where the victims fell: "hội đàm tại Geneva", "phát biểu ở Moskva"
_VENUE_RE = re.compile(vi(r"(?<!\w)(?:hội đàm|đàm phán|hòa đàm|hội nghị|thượng đỉnh|cuộc gặp|cuộc họp|gặp gỡ|họp|"
                          r"họp báo|phát biểu|trả lời phỏng vấn|phỏng vấn|chuyến thăm|thăm|diễn đàn|ký kết|"
                          r"hội kiến|điện đàm|hội thảo|phiên họp)(?!\w)[^,.;:]{0,60}?(?:ở|tại)\s+"
                          r"(?:(?:thủ đô|thành phố)\s+)?$"), re.IGNORECASE)
# "cuộc khủng hoảng Syria": the country of a war or crisis is where its victims fell
_WAR_OF_RE = re.compile(vi(r"(?:khủng hoảng|xung đột|nội chiến|chiến tranh|cuộc chiến|chiến sự|giao tranh)\s+(?:ở\s+|tại\s+)?$"),
                        re.IGNORECASE)
_NP_END_RE = re.compile(vi(r"\s(?:ở|tại|trong|trên|khắp|từ|do|vì|bởi|gần|quanh|vào|hiện)\s"), re.IGNORECASE)
_COUNT_OF_RE = re.compile(
    vi(r"(?:số|con số|tổng số)\s+(?P<what>người\s+(?:thiệt mạng|chết|tử vong|bị thương|mất tích|tị nạn|sơ tán|"
       r"di tản|bị bắt)|nạn nhân|thương vong|binh sĩ\s+thiệt mạng|dân thường\s+thiệt mạng)"
       r"[^,;:.]{0,60}?(?:đã\s+)?(?:lên tới|lên đến|tăng lên|tăng lên tới|là|ở mức|đạt|vượt|với)\s*$"),
    re.IGNORECASE,
)
_CLAUSE_BREAK_RE = re.compile(r"[;:]|,(?=\s)|(?<!\w)(?:nhưng|song|trong khi)(?!\w)", re.IGNORECASE)
_DATE_BOUND_RE = re.compile(vi(r"(?:(?<!\w)(?:kể từ|từ khi|từ|trước khi|sau khi|đến|tới)(?!\w)[^,;]{0,30})$"),
                            re.IGNORECASE)
MAX_GAP_WORDS = 8
_PART_BEFORE_RE = re.compile(vi(r"\s*\S+(?:\s+\S+){0,2}\s*,\s*(?:bao gồm|gồm|trong đó có|kể cả|trong số đó có)"
                                r"(?:\s+(?:cả|khoảng|ít nhất|hơn|gần))*\s*$"), re.IGNORECASE)
_NEXT_PART_RE = re.compile(vi(r"[^,;:.()]{0,40}?,?\s*(?:và\s+)?(?:cả\s+)?$"), re.IGNORECASE)
_IN_APPOSITION_RE = re.compile(vi(r",\s*(?:bao gồm|gồm|trong đó có|kể cả|trong số đó có)(?:\s+(?:cả|khoảng|ít nhất|hơn|gần))*"
                                  r"\s*$"), re.IGNORECASE)
_TOTAL_BEFORE_RE = re.compile(vi(r"(?<!\w)(?:trong|trên)\s+(?:tổng\s+)?số\s+(?:khoảng\s+|hơn\s+|gần\s+)?$"),
                              re.IGNORECASE)
# the words of such a total do not count towards the distance from the victims to their outcome
_TOTAL_PHRASE_RE = re.compile(vi(r"(?<!\w)(?:trong|trên)\s+(?:tổng\s+)?số\s+\S+(?:\s+(?:người|dân|cư dân|"
                                 r"dân cư|người dân|cư dân của|dân của|của))*"), re.IGNORECASE)
_PARTITIVE_RE = re.compile(vi(r"\s+trong (?:số|tổng số)(?= )"), re.IGNORECASE)


@dataclass(slots=True)
class _Found:
    outcome: Outcome
    q: Quantity
    victims: str
    outcome_end: int  # relative to the sentence
    part: bool = False  # a part listed after a whole's outcome ("..., bao gồm 12 trẻ em")


def component(doc: Doc) -> None:
    """Add casualty and displacement claims to `doc.ex.casualties`."""
    merged: list[CasualtyClaim] = []
    for s in sentences_with(doc.ex.sentences, doc.ex.article.text, KEYS):
        if not _OUTCOME_ANY.search(s.text) and not _LEAVE_RE.search(s.text):
            continue
        for f in find_claims(s.text):
            claim = _claim(doc, s, f)
            if claim.claimant is None:
                claim.claimant = _neighbour_claimant(doc, s, merged)
            _merge_into(merged, claim)
    doc.ex.casualties.extend(merged)


def find_claims(text: str) -> list[_Found]:
    """The casualty figures of one sentence (no entities needed), in text order."""
    out: list[_Found] = []
    qs = find_quantities(text)
    # "3.000 người trong tổng số 15.000 dân": the total is neither a figure of its own nor the end of the first
    totals = {k for k, q in enumerate(qs) if k > 0 and qs[k - 1].value != 1 and qs[k - 1].end > q.begin - 60
              and _TOTAL_BEFORE_RE.search(text, max(0, q.begin - 20), q.begin)}  # not "là một trong số 300 ..."
    for k, q in enumerate(qs):
        if q.percent or k in totals:
            continue
        later = [j for j in range(k + 1, len(qs)) if j not in totals]
        if later and _PART_BEFORE_RE.match(text, q.num_end, qs[later[0]].begin):
            later = later[1:]  # "2.289 người, bao gồm 1.058 tay súng, đã được sơ tán": the part is inside
        nxt = qs[later[0]].begin if later else len(text)
        f = _read(text, q, nxt)
        if f is None and out and out[-1].outcome_end <= q.begin and (
                _IN_APPOSITION_RE.match(text, out[-1].outcome_end, q.begin)
                or (out[-1].part and _NEXT_PART_RE.match(text, out[-1].outcome_end, q.begin))):
            # "40 người thiệt mạng, bao gồm 12 trẻ em, 8 binh sĩ và ...": parts of the victims just counted
            head = _HEAD_RE.match(text, q.num_end)
            if head is not None:
                f = _Found(out[-1].outcome, q, _victims(text, head.start("head"), None), head.end(), True)
        if f is None:
            f = _in_brackets(text, q)
        if f is not None and not any(o.q.begin == q.begin for o in out):
            out.append(f)
    return out


_NOUN_OUTCOME_RE = re.compile(r"(?<!\w)(?:" + alternation(list(OUTCOME_NOUNS)) + r")(?!\w)", re.IGNORECASE)


def _in_brackets(text: str, q: Quantity) -> _Found | None:
    """ "người tị nạn quốc tế (22,5 triệu người)", "những người mất nhà cửa (40,3 triệu người)": a count in brackets
    after the people it counts."""
    paren = text.rfind("(", max(0, q.begin - 3), q.begin)
    head = _HEAD_RE.match(text, q.num_end)
    if paren < 0 or text[paren + 1 : q.begin].strip() or head is None or not text[head.end() :].lstrip().startswith(")"):
        return None
    seg_b = max(text.rfind(",", 0, paren), text.rfind("(", 0, paren), paren - 60, 0)
    seg = text[seg_b:paren]
    found = [(m.start(), _OUT_AFTER[canon(m.group(0))]) for m in _OUT_AFTER_RE.finditer(seg)]
    found += [(m.start(), OUTCOME_NOUNS[canon(m.group(0))]) for m in _NOUN_OUTCOME_RE.finditer(seg)]
    if not found or _NEG_RE.search(seg):
        return None
    outcome = max(found)[1]
    return _Found(outcome, q, _victims(text, head.start("head"), None), head.end())


def _read(text: str, q: Quantity, limit: int) -> _Found | None:
    head = _HEAD_RE.match(text, q.num_end)
    if head is None:
        # "5 trong số những kẻ tấn công": a part of a group
        part = _PARTITIVE_RE.match(text, q.num_end)
        head = _HEAD_RE.match(text, part.end()) if part else None
    if head is None:
        return None
    head_text = canon(head.group("head"))
    before = text[max(0, q.begin - 80) : q.begin]
    # 1. an outcome noun: "người tị nạn", "người chết"
    noun_outcome = _noun_outcome(text, head)
    # 2. a verb before the number that names the outcome: "sát hại 12 người", "làm bị thương 5 người"
    cause = _cause_before(before)
    # 3. "số người thiệt mạng đã lên tới 500 người"
    count_of = _COUNT_OF_RE.search(text[max(0, q.begin - 80) : q.num_begin])
    near = text[max(0, q.begin - 25) : q.begin]
    if _NEG_RE.search(near[near.rfind(",") + 1 :]):
        return None  # "chưa ghi nhận 10 người nào thiệt mạng"; not "Theo nguồn tin chưa xác nhận, 20 người ..."
    after = _outcome_after(text, head.end(), limit)
    if after is None and _IN_APPOSITION_RE.search(text, max(0, q.begin - 30), q.begin):
        close = text.find(",", head.end(), limit)  # "2.300 người, bao gồm 1.050 tay súng, | đã được sơ tán"
        if close >= 0:
            after = _outcome_after(text, close + 1, limit)
    if after is None and cause is None and noun_outcome is None and count_of is None:
        after = _left(text, head, limit)
    outcome: Outcome | None = None
    end = head.end()
    if cause == "purpose":
        return None
    if cause is not None and cause not in _CAUSE_ONLY:
        outcome = _OUT_BEFORE[cause]
        after = None
    elif after is not None:
        outcome, end = after
        if noun_outcome is not None and noun_outcome[0] == "refugees" and outcome == "displaced":
            outcome = "refugees"  # "người tị nạn chạy trốn chiến tranh": still refugees
    elif noun_outcome is not None:
        outcome, end = noun_outcome
    elif count_of is not None:
        what = canon(count_of.group("what"))
        outcome = next((o for w, o in _OUT_AFTER.items() if w in what), None)
        if outcome is None and "nạn nhân" in what:
            outcome = "killed"
    if outcome is None:
        return None
    if head_text in (canon("con tin"), canon("tù binh")) and outcome not in ("captured", "killed"):
        return None
    if outcome in ("refugees", "displaced") and q.value == 1:
        return None  # "con trai của một người tị nạn": a person's story, not a displacement figure
    victims = _victims(text, head.start("head"), end if after is not None else None,
                       noun_outcome[1] if noun_outcome is not None else None)
    if outcome == "displaced" and head_text in _COMBATANTS and canon("chạy") in canon(text[head.end() : end]):
        return None  # "hai tên chỉ huy ... tháo chạy khỏi thành phố": a retreat, not displacement
    return _Found(outcome, q, victims, end)


def _noun_outcome(text: str, head: re.Match[str]) -> tuple[Outcome, int] | None:
    h = canon(head.group("head"))
    if h in OUTCOME_NOUNS:
        return OUTCOME_NOUNS[h], head.end()
    if h == canon("người"):
        m = re.match(r"\s+(\w+(?:\s+\w+)?)", text[head.end() :])
        if m:
            for n in (2, 1):
                words = " ".join(m.group(1).split()[:n])
                key = canon("người " + words)
                if key in OUTCOME_NOUNS and OUTCOME_NOUNS[key] in ("refugees", "displaced", "missing"):
                    return OUTCOME_NOUNS[key], head.end() + m.start(1) + len(words)
    return None


_CAUSE_RE = re.compile(r"(?<!\w)(" + alternation([w for ws in OUTCOME_BEFORE.values() for w in ws]) + r")"
                       r"(?:\s+(?:thêm|cho|tổng cộng|tổng số|tới|đến|ít nhất|khoảng|hơn|gần|chừng|có))*\s*$",
                       re.IGNORECASE)


# an aim, a threat or a plan is no outcome: "ném bom nhằm tiêu diệt 2 tay súng", "đe dọa sát hại 5 con tin"
_PURPOSE_RE = re.compile(vi(r"(?<!\w)(?:nhằm|để|mục đích|âm mưu|mưu đồ|toan|tìm cách|lên kế hoạch|"
                            r"kế hoạch|đe dọa|đe doạ|dọa|nỗ lực|cố gắng|cố|muốn|sẽ|có thể|nhằm mục tiêu|thề|dự định|"
                            r"cam kết|quyết tâm|tuyên bố sẽ)\s*$"), re.IGNORECASE)


def _cause_before(before: str) -> str | None:
    m = _CAUSE_RE.search(before)
    if m is None:
        return None
    word = canon(m.group(1))
    if word not in _CAUSE_ONLY and _PURPOSE_RE.search(before, 0, m.start(1)):
        return "purpose"
    return word


# "800 dân thường đã rời khỏi thị trấn": civilians (or fighters with their families) leaving a place are displaced;
# troops leaving are a withdrawal
_LEAVE_RE = re.compile(vi(r"(?<!\w)(?:rời khỏi|rời bỏ|rời)(?!\w)(?! (?:khỏi )?(?:nhiệm sở|chức|ghế|cương vị|vị trí|"
                          r"bàn đàm phán|cuộc họp|hội nghị))"), re.IGNORECASE)
_FAMILY_RE = re.compile(vi(r"(?<!\w)(?:người nhà|gia đình|thân nhân|thân quyến|vợ con|người thân|dân thường)(?!\w)"),
                        re.IGNORECASE)
_FUTURE_RE = re.compile(vi(r"(?<!\w)(?:sẽ|dự kiến|có thể|chuẩn bị|sắp|không|chưa)(?:\s+(?:phải|được|bị))?\s*$"),
                        re.IGNORECASE)


def _left(text: str, head: re.Match[str], limit: int) -> tuple[Outcome, int] | None:
    """ "Hơn 2.000 tay súng và người nhà đã rời khỏi quận X": displaced (not said of troops alone)."""
    found = _outcome_after(text, head.end(), limit, _LEAVE_RE)
    if found is None:
        return None
    _, end = found
    verb = _LEAVE_RE.search(text, head.end(), end)
    assert verb is not None
    if canon(head.group("head")) not in _CIVILIANS and not _FAMILY_RE.search(text, head.end(), verb.start()):
        return None  # troops, members of a group, officials leaving: a withdrawal or a departure
    if _FUTURE_RE.search(text, head.end(), verb.start()):
        return None
    return "displaced", end


def _outcome_after(text: str, start: int, limit: int, rx: re.Pattern[str] = _OUT_AFTER_RE) -> tuple[Outcome, int] | None:
    """The outcome verb that follows the victims within the clause (before `limit`: the next figure)."""
    pos = start
    words = 0
    while pos < limit:
        m = rx.search(text, pos, limit)
        stop = _STOP_RE.search(text, pos)
        appos = _APPOSITION_RE.match(text, stop.start()) if stop else None
        if appos is not None and (m is None or appos.start() < m.start()):
            # ", gồm cả ..., ": an apposition; the noun phrase goes on after its closing comma
            close = text.find(",", appos.end(), limit)
            pos = close + 1 if close >= 0 else appos.end()
            words = 0 if close >= 0 else -MAX_GAP_WORDS  # an unclosed apposition runs up to the verb
            continue
        if stop is not None and stop.group(0) == "(" and (m is None or stop.start() < m.start()):
            # "13 tay súng của tổ chức Nhà nước Hồi giáo (IS) tự xưng đã bị tiêu diệt": a bracketed acronym
            close = text.find(")", stop.end(), min(limit, stop.end() + 40))
            if close >= 0:
                words += sum(1 for w in text[pos : stop.start()].split() if not w[:1].isupper())
                pos = close + 1
                continue
        if stop is not None and stop.group(0) == "," and (m is None or stop.start() < m.start()) and \
                _HEAD_RE.match(text, stop.end()):
            # "122 nhà báo, phóng viên chiến trường đã thiệt mạng": a list of who they were
            words += sum(1 for w in text[pos : stop.start()].split() if not w[:1].isupper())
            pos = stop.end()
            continue
        if m is None or (stop is not None and stop.start() < m.start()):
            return None
        gap = text[pos : m.start()]
        words += sum(1 for w in gap.split() if not w[:1].isupper())  # a long proper name is one noun
        words -= sum(len(t.group(0).split()) for t in _TOTAL_PHRASE_RE.finditer(gap))
        if words > MAX_GAP_WORDS or _NEG_RE.search(gap) or _NEG_RE.search(text[max(start, m.start() - 12) : m.start()]):
            return None
        return _OUT_AFTER.get(canon(m.group(0)), "displaced"), m.end()
    return None


def _victims(text: str, head_begin: int, outcome_end: int | None, noun_end: int | None = None) -> str:
    """The victims as written: the people noun and its modifiers, before any filler verb or locative.

    `noun_end`: where an outcome noun ("người tị nạn") ends; it belongs to the victims.
    """
    after = noun_end if noun_end is not None else head_begin
    if outcome_end is None:
        limit = len(text)
        stop = _STOP_RE.search(text, head_begin)
        if stop:
            limit = stop.start()
        m_out = None if noun_end is not None else _OUT_AFTER_RE.search(text, head_begin, limit)
        if m_out:
            limit = m_out.start()
    else:
        m_out = _OUT_AFTER_RE.search(text, after, outcome_end)
        limit = m_out.start() if m_out else outcome_end
    span = text[head_begin:limit]
    cut = _STOP_RE.search(span)
    if cut:
        span = span[: cut.start()]
    end = re.search(r"[.!?…](?:\s|$)", span)
    if end:
        span = span[: end.start()]
    loc = _NP_END_RE.search(span)
    if loc:
        span = span[: loc.start()]
    words = span.rstrip(" .!?…").split()
    for k, w in enumerate(words[1:], start=1):
        if canon(w) in _NP_BREAK or (k + 1 < len(words) and canon(w + " " + words[k + 1]) in _NP_BREAK):
            words = words[:k]
            break
    while len(words) > 1 and canon(words[-1]) in _FILLERS:
        words.pop()
    # "người tị nạn Syria ở ...": keep at most 6 words
    return " ".join(words[:10])


# --- entities, claimant, date ---------------------------------------------------------------------------------------


def _clause(text: str, q: Quantity, outcome_end: int) -> tuple[int, int]:
    """The clause around a figure: from the last break before it to the first break after its outcome."""
    b = 0
    for m in _CLAUSE_BREAK_RE.finditer(text, 0, q.begin):
        b = m.end()
    m = _CLAUSE_BREAK_RE.search(text, outcome_end)
    e = m.start() if m else len(text)
    return b, e


def _place(doc: Doc, s: Sentence, rel_b: int, rel_e: int, anchor: int, exclude: tuple[int, int] = (0, 0),
           locative_only: bool = True) -> str | None:
    """The place or country mentioned in s.text[rel_b:rel_e] nearest to `anchor`, after "ở/tại/..." when asked."""
    best: tuple[int, str] | None = None
    for g in discourse.groups(doc, s.index):  # outermost mentions: not "Thổ Nhĩ Kỳ" inside a ministry's name
        mb, me = g.begin - s.begin, g.end - s.begin
        key = next((k for k in g.keys if doc.kind_of(k) in ("place", "country")), None)
        if key is None or not (rel_b <= mb and me <= rel_e) or (exclude[0] <= mb < exclude[1]):
            continue
        before = s.text[max(0, mb - 30) : mb]
        if not (_LOCATIVE_RE.search(before) if locative_only else _WAR_OF_RE.search(before)):
            continue
        if _ORIGIN_RE.search(before):
            continue  # "một thủ lĩnh đến từ X": where someone comes from
        if _VENUE_RE.search(s.text, max(0, mb - 90), mb):
            continue
        dist = abs(mb - anchor)
        if _WIDER_RE.search(before):
            dist += 100_000  # "tại thị trấn X, thuộc tỉnh Y": Y only when nothing narrower is named
        if best is None or dist < best[0]:
            best = (dist, key)
    return best[1] if best else None


_WIDER_RE = re.compile(vi(r"(?<!\w)thuộc\s+(?:\S+\s+){0,5}$"), re.IGNORECASE)
_ORIGIN_RE = re.compile(vi(r"(?<!\w)(?:đến từ|xuất thân từ|gốc|quê ở|quốc tịch)\s+(?:\S+\s+)?$"), re.IGNORECASE)
# "tại Qaim", "tại nhà thi đấu Manchester": a place is named in the sentence, even if not one we know; the previous
# sentence's place is then no guess for it
_UNKNOWN_PLACE_RE = re.compile(vi(r"(?<!\w)(?:ở|tại)\s+(?=(?:[^\s,.;:A-ZĐ]+\s+){0,3}[A-ZĐ])"))
PREVIOUS_SENTENCES = 2  # how far back a war toll may take its place from ("... ở Syria. Hơn 290.000 người ...")


def _previous_place(doc: Doc, s: Sentence) -> str | None:
    """A place after "ở/tại/..." in one of the previous sentences of the same paragraph, nearest first."""
    for prev in reversed(doc.ex.sentences[max(0, s.index - PREVIOUS_SENTENCES) : s.index]):
        if prev.paragraph != s.paragraph:
            return None
        place = _place(doc, prev, 0, len(prev.text), len(prev.text))
        if place is not None:
            return place
    return None


def _names_a_place(doc: Doc, s: Sentence) -> bool:
    """The sentence says where, after "ở/tại", with a name (not a venue of talks) we may not resolve."""
    for m in _UNKNOWN_PLACE_RE.finditer(s.text):
        if not _VENUE_RE.search(s.text, max(0, m.start() - 90), m.end()) and \
                not _ORIGIN_RE.search(s.text, max(0, m.start() - 30), m.end()):
            return True
    return False


def _date(doc: Doc, s: Sentence, rel_b: int, rel_e: int, q: Quantity) -> DateValue | None:
    if doc.dates is None or not hasattr(doc.dates, "expressions"):
        return None
    best = None
    for r in doc.dates.expressions(s):  # type: ignore[attr-defined]
        if r.value is None or r.value.precision not in ("date", "gMonthDay"):
            continue  # a month or a year bounds a running toll ("từ tháng 9/2015"), it does not date it
        if _DATE_BOUND_RE.search(s.text[max(0, r.expr.begin - 40) : r.expr.begin]):
            continue
        if r.expr.begin < q.begin or r.expr.begin < rel_e:
            dist = abs(r.expr.begin - q.begin)
            if best is None or dist < best[0]:
                best = (dist, r.value)
    return best[1] if best else None


def _claim(doc: Doc, s: Sentence, f: _Found) -> CasualtyClaim:
    rel_b, rel_e = _clause(s.text, f.q, f.outcome_end)
    victims = (f.q.num_end, f.q.num_end + 1 + len(f.victims))  # the victims' own nationality is not the place
    place = (
        _place(doc, s, rel_b, rel_e, f.q.begin, victims)
        or _place(doc, s, 0, f.q.begin, f.q.begin, victims)
        or _place(doc, s, 0, rel_e, f.q.begin, victims, locative_only=False)
        or (None if _names_a_place(doc, s) else _previous_place(doc, s))
    )
    claimant = _claimant(doc, s, s.begin + f.q.begin)
    return CasualtyClaim(
        outcome=f.outcome,
        qualifier=f.q.qualifier,
        count_text=f.q.text,
        evidence=[s.index],
        count=f.q.value,
        victims=f.victims or None,
        place=place,
        claimant=claimant,
        date=_date(doc, s, rel_b, rel_e, f.q),
        span=Span(s.begin + f.q.begin, s.begin + f.outcome_end),
    )


# a digest of items in one run of text ("... . * Ngày 3/5, ...", "★ Cùng ngày, ..."): a cue in one item says nothing
# about a figure in another
_BULLET_RE = re.compile(r"(?:^|\s)[*★•■▪►]\s")
# verbs whose content the speaker does not vouch for as fact ("bày tỏ chia buồn về vụ ... khiến 3 người chết"):
# an assertive cue around them ("Điện Kremlin cho biết, ...") is the source
_NOT_VOUCHING = frozenset(map(canon, (
    "bày tỏ", "hy vọng", "ca ngợi", "hoan nghênh", "kêu gọi", "hối thúc", "thúc giục", "yêu cầu", "đề nghị",
    "đề xuất", "cam kết", "đồng tình", "nhắc nhở", "chia sẻ", "khuyến cáo", "cảnh báo", "cảnh cáo", "phản đối",
)))
_ASSERTIVE_ACTS = frozenset({"say", "announce", "confirm"})
# verbs that dispute what follows: the speaker is not the source of a figure in it
_DISPUTING = frozenset(map(canon, ("bác bỏ", "bác", "phủ nhận", "phản bác")))
_CONDEMNING = frozenset(map(canon, ("lên án", "chỉ trích", "bác bỏ", "bác", "phủ nhận", "phản bác", "cáo buộc",
                                    "tố cáo")))
# "(bác bỏ) báo cáo của X (cho rằng ...)", "(lên án) những cáo buộc trước đó của X": X made the disputed claim
_CLAIM_OF_RE = re.compile(vi(r"(?<!\w)(?:báo cáo|cáo buộc|thông tin|tuyên bố|con số|số liệu|ước tính|tin tức|"
                             r"khẳng định)(?:\s+[^,;:.“”\"]{0,30}?)?\s+(?:của|từ)\s+$"), re.IGNORECASE)


_ALLEGED_RE = re.compile(vi(r"(?<!\w)(?:bị cáo buộc|bị tố cáo|bị nghi ngờ|bị nghi là)(?!\w)"), re.IGNORECASE)


def _inside(a, offset: int) -> bool:
    if a.form == "post":
        return a.content.begin <= offset < a.content.end
    return a.content.begin <= offset < max(a.content.end, a.content.begin + 1) and a.cue.begin < offset


def _bullet_between(text: str, b: int, e: int) -> bool:
    return bool(_BULLET_RE.search(text, min(b, e), max(b, e)))


def _claimant(doc: Doc, s: Sentence, offset: int) -> str | None:
    """Who states the figure at `offset` (absolute): the source attributed in its own sentence.

    Like `attribution.source_of`, with four readings of casualty figures:

    * a cue in another item of a digest run into one sentence ("... . * Ngày 3/5, ...") is not the source;
    * a figure inside a disputed claim ("X bác bỏ báo cáo của Y cho rằng 300 người ...") is Y's, or nobody's
      when its owner is not named ("X phủ nhận thông tin cho rằng ...");
    * a figure inside an expression of feeling, praise or a call ("Y bày tỏ chia buồn về vụ ... khiến 3 người
      chết") is the source of the assertive cue around it ("Điện Kremlin cho biết, ...") if any, else nobody's;
    * a figure inside an allegation the speaker mentions ("... việc Y bị cáo buộc giết 100 người") is nobody's;
    * a quotation left open (no closing mark) that opened before the sentence says nothing about its speaker.
    """
    if _attribution is None:
        return _source_of(doc, s.index, offset) if _source_of is not None else None
    text = doc.ex.article.text
    cands = [a for a in _attribution.attributions(doc, s.index)
             if not a.negated and _inside(a, offset) and not _bullet_between(text, a.cue.begin, offset)]
    named = [a for a in cands if a.speakers]
    if not named:
        item = _digest_item_cue(doc, s, offset) or _theo_information(doc, s, offset)
        if item is not None:
            return item
        q = _attribution.quote_attribution(doc, s.index, offset)
        if q is None or not q.speaker or _bullet_between(text, s.begin, offset):
            return None
        regions = [r for r in discourse.quote_regions(doc) if r[0] <= offset < r[1]]
        if regions and regions[-1][0] < s.begin and text[regions[-1][1] - 1] not in "”\"":
            return None  # an unclosed quotation from an earlier sentence
        return q.speaker
    best = named[0]
    for a in named[1:]:
        if _attribution._better(a, best):
            best = a
    verb = canon(best.verb)
    if verb in _CONDEMNING:
        owner = _claim_owner(doc, s, best.cue.end, offset)
        if owner is not None:
            return owner
        if verb in _DISPUTING or best.act in ("reject", "deny"):
            return None
    if verb in _NOT_VOUCHING:
        # "X ca ngợi nỗ lực chấm dứt cuộc chiến đã khiến 320.000 người thiệt mạng": background, not X's figure
        outer = [a for a in named if a is not best and a.content.begin <= best.cue.begin
                 and a.act in _ASSERTIVE_ACTS and canon(a.verb) not in _NOT_VOUCHING]
        return outer[-1].speaker if outer else None
    if _ALLEGED_RE.search(text, best.cue.end, offset):
        return None  # "X cho rằng ... việc Y bị cáo buộc giết 100 người": an allegation X reports, by nobody named
    return best.speaker


def _digest_item_cue(doc: Doc, s: Sentence, offset: int) -> str | None:
    """ "... . * Ngày 10/2, Bộ Tổng tham mưu X cho biết, ... sau khi 3 binh sĩ chết ...": in a digest run into one
    sentence, the cue that opens the figure's own item (read there as if the item were a sentence)."""
    text = doc.ex.article.text
    bullets = list(_BULLET_RE.finditer(text, s.begin, offset))
    if not bullets or _attribution is None:
        return None
    item_b = bullets[-1].end()
    for a in _attribution.attributions(doc, s.index):
        if a.negated or not a.speaker or a.outlet or a.speaker_span is None:
            continue
        if item_b <= a.speaker_span.begin and a.cue.end <= offset and a.act in _ASSERTIVE_ACTS and \
                canon(a.verb) not in _NOT_VOUCHING and not _bullet_between(text, a.cue.end, offset):
            return a.speaker
    return None


# "Theo thông tin được Bộ Quốc phòng X cung cấp, ...", "Theo số liệu mới nhất mà Y công bố, ...": the body that gave
# the information is the source
_THEO_INFO_RE = re.compile(vi(r"(?:^|[,;:]\s*)Theo\s+(?:các\s+|những\s+)?(?:thông tin|số liệu|thống kê|ước tính|báo cáo|"
                              r"nguồn tin|con số|dữ liệu|tin|thông báo|tuyên bố)(?!\w)(?P<rest>[^,;:]{0,90}),"),
                           re.IGNORECASE)


def _theo_information(doc: Doc, s: Sentence, offset: int) -> str | None:
    text = doc.ex.article.text
    for m in _THEO_INFO_RE.finditer(s.text):
        if s.begin + m.end() > offset:
            break
        if _bullet_between(text, s.begin + m.start(), offset):
            continue
        rb, re_ = s.begin + m.start("rest"), s.begin + m.end("rest")
        found = [g for g in discourse.groups(doc, s.index)
                 if rb <= g.begin and g.end <= re_ and doc.kind_of(g.keys[0]) != "place"
                 and not _LOCATIVE_RE.search(text[max(0, g.begin - 25) : g.begin])]  # not "số liệu ở X"
        if len(found) == 1 and len(found[0].keys) == 1:
            return found[0].keys[0]
    return None


def _claim_owner(doc: Doc, s: Sentence, begin: int, offset: int) -> str | None:
    """The named author of a claim between a disputing verb and the figure ("báo cáo của Y")."""
    text = doc.ex.article.text
    for g in discourse.groups(doc, s.index):
        if begin <= g.begin and g.end <= offset and _CLAIM_OF_RE.search(text[max(begin, g.begin - 60) : g.begin]):
            return g.keys[0] if len(g.keys) == 1 else None
    return None


# a sentence that goes on with the previous one's figures ("Trong số đó có 12 trẻ em ...")
_CONTINUES_RE = re.compile(vi(r"\s*(?:trong (?:số )?(?:đó|này|những người này|các nạn nhân|những nạn nhân)|ngoài ra|"
                              r"bên cạnh đó|thêm vào đó|con số (?:này|trên)|những người|các nạn nhân|số người|"
                              r"số nạn nhân|nạn nhân)(?!\w)"), re.IGNORECASE)
_HARM_RE = re.compile(vi(r"(?<!\w)(?:thương vong|nạn nhân|thiệt mạng|tử vong|bị thương|sơ tán|tị nạn|mất tích|"
                         r"thiệt hại về người|người chết)(?!\w)"), re.IGNORECASE)
# a next sentence whose cue only names the source of what came before ("SOHR cho biết như vậy.")
_SOURCE_ONLY_RE = re.compile(vi(r"[\s.,:;!…”\"]*(?:(?:như vậy|như trên|thêm|điều này|thông tin (?:này|trên))[\s.!…”\"]*)?"),
                             re.IGNORECASE)


def _opens_with_figure(text: str) -> bool:
    """ "12 người khác bị thương." / "Ít nhất 5 trẻ em ...": the sentence starts with its figure."""
    qs = find_quantities(text, 0, min(len(text), 40))
    return bool(qs) and not text[: qs[0].begin].strip(" \t\"“*-–")


def _neighbour_claimant(doc: Doc, s: Sentence, merged: list[CasualtyClaim]) -> str | None:
    """The source of a figure named in the previous or next sentence of the same paragraph.

    "Bộ Y tế X cho biết 42 người thiệt mạng. Trong số đó có 12 trẻ em." -> the ministry for both figures;
    "... 12 người thiệt mạng. SOHR cho biết như vậy." -> SOHR.  A sentence with a cue of its own
    (even an unnamed one: "một quan chức cho biết") keeps its own reading.
    """
    if _attribution is None or _attribution.attributions(doc, s.index):
        return None
    sents = doc.ex.sentences
    k = s.index
    if k > 0 and sents[k - 1].paragraph == s.paragraph and sents[k - 1].kind == "body":
        prev = sents[k - 1]
        continues = bool(_CONTINUES_RE.match(s.text))
        by_claims = {c.claimant for c in merged if prev.index in c.evidence and c.claimant}
        if len(by_claims) == 1 and (continues or _opens_with_figure(s.text)):
            return next(iter(by_claims))
        if continues:
            # "X cho biết vụ tấn công gây nhiều thương vong. Trong số các nạn nhân có 5 trẻ em.": X's words go on;
            # only when X's own words speak of harm, not a mere mention elsewhere in that sentence
            text = doc.ex.article.text
            named = [a for a in _attribution.attributions(doc, prev.index)
                     if a.speaker and not a.negated and not a.outlet and a.content.end >= prev.end - 2
                     and a.act in _ASSERTIVE_ACTS and _HARM_RE.search(text, a.content.begin, a.content.end)]
            if named:
                return named[-1].speaker
    if k + 1 < len(sents) and sents[k + 1].paragraph == s.paragraph and sents[k + 1].kind == "body":
        nxt = sents[k + 1]
        for a in _attribution.attributions(doc, nxt.index):
            text = doc.ex.article.text[a.content.begin:a.content.end]
            if a.speaker and not a.negated and a.form == "pre" and a.act in _ASSERTIVE_ACTS and \
                    canon(a.verb) not in _NOT_VOUCHING and _SOURCE_ONLY_RE.fullmatch(text):
                # "SOHR cho biết như vậy." names the source; "Moskva bác bỏ thông tin này." disputes it
                return a.speaker
    return None


def _merge_into(claims: list[CasualtyClaim], new: CasualtyClaim) -> None:
    """The same figure twice in an article (lead and body) is one claim with both sentences."""
    for c in claims:
        if (c.outcome, c.count, c.qualifier) != (new.outcome, new.count, new.qualifier):
            continue
        if (c.count is None or c.count == 1) and canon(c.victims or "") != canon(new.victims or ""):
            continue  # "hàng chục người", "một chỉ huy": the same words or not the same victims
        if c.claimant != new.claimant or (c.place and new.place and c.place != new.place):
            continue  # a figure the article states and the same figure a source states are two claims
        for i in new.evidence:
            if i not in c.evidence:
                c.evidence.append(i)
        c.claimant = c.claimant or new.claimant
        c.place = c.place or new.place
        c.date = c.date or new.date
        return
    claims.append(new)
