"""Extraction component: meetings and other diplomatic events (kg:Meeting and subclasses).

For each body sentence, trigger words are found (`TRIGGER_RE`) and each is read
in its clause:

* kind: hội đàm -> talks; đàm phán / hòa đàm / vòng đàm phán -> negotiation;
  cuộc gặp / cuộc họp / gặp mặt / gặp gỡ / hội kiến / X tiếp Y -> meeting;
  điện đàm / cuộc điện thoại / cuộc gọi -> phone_call; thăm / chuyến thăm /
  công du / X đến|tới|sang <place> -> visit; hội nghị thượng đỉnh, "cuộc gặp
  N bên giữa lãnh đạo ..." -> summit ("cuộc họp 3 bên" of ministers stays a
  meeting).  Travel with a purpose ("phái đoàn X sẽ đến Y để nối lại các cuộc
  đàm phán", "X có thể đến Y để tiến hành một cuộc gặp") is ONE event of the
  purpose's kind, placed at the destination.
* actors: the subject of the trigger verb (or of the verb governing the
  trigger noun: "tiến hành / tổ chức / bắt đầu cuộc ..."), the complement
  ("giữa A và B", "với B", "của A", "gồm A, B", "do A đứng đầu", "có sự tham
  dự của A"), a fronted phrase's main subject ("Trong cuộc điện đàm ..., hai
  ngoại trưởng ..."), the speaker when the event is the content of his own
  statement ("Nga cho biết sẽ tổ chức cuộc họp ..."), and plural anaphors
  ("hai bên", "hai nhà lãnh đạo": the actors component's mentions, else the
  last two persons/countries named).  Mentions after "tại/ở" are places; in
  a topic or purpose phrase ("về tình hình ...", "để thảo luận ...") they are
  neither.
* place: the first "tại/ở <place>" of the clause (outside topic phrases), else
  the travel destination.  Alternatives ("tại A hoặc ở B") never set a place:
  the rule is to keep the broader place already known rather than guess one.
* date: the date expression of the clause nearest the trigger, from
  `doc.dates` (never one in the reporting frame: "Ngày 25/2, ông X thông báo
  phái đoàn sẽ đến ngày 26/2" dates the event 26/2); an occurred event with
  no date of its own, reported in the article's opening sentences and not as
  background, takes the date of the article's lead sentence.
* status: `factuality.status_of` over the clause and its reporting frame.

An event mentioned again ("Cuộc gặp có thể diễn ra tại ...", "Tại cuộc gặp
mặt giữa hai ngoại trưởng", "sau cuộc gặp", a visit that an earlier sentence
announced and a later one says is unconfirmed) is merged into the earlier
Event: its sentence is added as evidence and a later doubt or denial updates
the status.  Events need actors: a bare "đàm phán hòa bình" (a process) is not
an event; one with no actors needs both a place and a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from syriakg.loaders.extract import attribution, discourse, factuality
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import DateValue, Event, EventKind, Sentence, Span

# --- lexicon -------------------------------------------------------------------------------------

TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "summit": ("hội nghị thượng đỉnh", "cuộc gặp thượng đỉnh", "cuộc gặp gỡ thượng đỉnh", "cuộc gặp mặt thượng đỉnh",
               "gặp thượng đỉnh", "gặp gỡ thượng đỉnh", "gặp mặt thượng đỉnh", "thượng đỉnh"),
    "phone_call": ("điện đàm", "cuộc điện thoại", "cuộc gọi", "cuộc gọi điện", "cuộc gọi điện thoại", "gọi điện",
                   "gọi điện thoại", "nói chuyện qua điện thoại", "nói chuyện bằng điện thoại",
                   "trao đổi qua điện thoại", "trao đổi bằng điện thoại", "thảo luận qua điện thoại",
                   "thảo luận bằng điện thoại"),
    "talks": ("hội đàm",),
    "negotiation": ("hòa đàm", "hoà đàm", "đàm phán", "thương lượng", "thương thảo"),
    "meeting": ("gặp mặt", "gặp gỡ", "gặp nhau", "gặp", "nhóm họp", "họp bàn", "họp", "hội kiến", "hội nghị",
                "tiếp đón", "tiếp kiến", "tiếp"),
    "visit": ("chuyến thăm", "chuyến công du", "công du", "thăm", "đến", "tới", "sang"),
}
_KIND_OF: dict[str, str] = {w: k for k, ws in TRIGGER_WORDS.items() for w in ws}
TRIGGER_RE = re.compile(
    r"(?<!\w)" + discourse.trie_pattern([w for ws in TRIGGER_WORDS.values() for w in ws]) + r"(?!\w)",
    re.IGNORECASE,
)
_TRIGGER_RE_LC = re.compile(  # on lower-cased text, word start checked in code: much faster than IGNORECASE
    discourse.trie_pattern([w for ws in TRIGGER_WORDS.values() for w in ws]) + r"(?!\w)")


def _kind(m: re.Match[str]) -> str:
    """The event kind a trigger match names."""
    return _KIND_OF.get(" ".join(m.group(0).lower().split()), "meeting")



_DETERMINER_BEFORE_RE = re.compile(
    r"(?:\b(?:cuộc|vòng|chuyến|các|những|một|hai|ba|bốn|phiên|buổi|đợt|loạt)\s*)+$", re.IGNORECASE)
_NOT_EVENT_AFTER = {
    "meeting": re.compile(r"^\s*(?:báo|khó\s+khăn|phải|nạn|sự\s+cố|trở\s+ngại|rủi\s+ro|thất\s+bại|vấn\s+đề|"
                          r"tục|cận|nhận|theo|diễn|tế|giáp|sức|quản|thu|tuyến|xúc\s+với\s+báo)\b", re.IGNORECASE),
    "visit": re.compile(r"^\s*(?:dò|hỏi|khám|nay|đây|gần|mức|tận|từ|nơi|khi|lúc|cùng|năm|ngày|tháng|tuần|"
                        r"việc|vấn\s+đề|hết|cả|các\s+bên|tay)\b", re.IGNORECASE),
}
_GENERIC_BEFORE_RE = re.compile(
    r"(?:\b(?:tiến\s+trình|quá\s+trình|tiến\s+độ|bàn|giải\s+pháp|nỗ\s+lực|kết\s+quả|thành\s+quả|"
    r"cơ\s+chế|lập\s+trường|phái\s+đoàn|nhà|đoàn|trưởng\s+đoàn|đại\s+diện|phòng|vai\s+trò|"
    r"định\s+dạng|hình\s+thức|thành\s+viên|ủng\s+hộ|thúc\s+đẩy|hy\s+vọng\s+về)\s*(?:(?:hòa\s+bình|hoà\s+bình)\s*)?)$",
    re.IGNORECASE,
)
# verbs that take an event noun as object: their subject is the event's actor
_PARTICIPATE_RE = re.compile(
    r"(?:\b(?:tiến\s+hành|tổ\s+chức|bắt\s+đầu|có|nối\s+lại|mở|tham\s+dự|tham\s+gia|dự|chủ\s+trì|đồng\s+chủ\s+trì|"
    r"kết\s+thúc|hoàn\s+tất|khởi\s+động|triệu\s+tập|thực\s+hiện|bước\s+vào|khai\s+mạc|tái\s+khởi\s+động|"
    r"đang\s+có|đã\s+có|thảo\s+luận\s+trong|trao\s+đổi\s+trong|nhất\s+trí\s+trong)\s+"
    r"(?:(?:thêm|một|các|những|hai|ba|bốn|nhiều|cuộc|vòng|chuyến|phiên|buổi|đợt)\s+)*)$",
    re.IGNORECASE,
)
_FRONTED_PP_RE = re.compile(
    r"^\s*(?:[^,]{0,40}?\b)?(?:trong|tại|sau|bên\s+lề|ngoài\s+lề|trước\s+thềm|nhân|về|sau\s+khi)\s+"
    r"(?:(?:khả\s+năng|việc|đề\s+xuất|ý\s+tưởng|kế\s+hoạch)\s+)?(?:(?:tiến\s+hành|tổ\s+chức)\s+)?"
    r"(?:(?:một|các|những|hai|ba|cuộc|vòng|chuyến|phiên|buổi)\s+)*$",
    re.IGNORECASE,
)
_ABOUT_POSSIBILITY_RE = re.compile(r"^\s*Về\s+(?:khả\s+năng|việc|đề\s+xuất|ý\s+tưởng|kế\s+hoạch)", re.IGNORECASE)
_TOPIC_START_RE = re.compile(
    r"(?<!\w)(?:để|nhằm|về|bàn\s+về|xoay\s+quanh|liên\s+quan\s+(?:đến|tới)|với\s+mục\s+(?:đích|tiêu)|trong\s+đó|"
    r"hướng\s+tới|tập\s+trung\s+vào)(?!\w)",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(
    r";|\s[–—-]\s|,\s*(?:nhưng|song|trong\s+khi|tuy\s+nhiên|còn|đồng\s+thời|sau\s+đó|trước\s+đó|và\s+(?:cho\s+biết|"
    r"nói|khẳng\s+định))(?!\w)|(?<!\w)(?:nhưng|trong\s+khi)\s",
    re.IGNORECASE,
)
_STOP_NP_RE = re.compile(
    r"(?<!\w)(?:đã|sẽ|đang|được|bị|vừa|diễn\s+ra|kết\s+thúc|bắt\s+đầu|có\s+thể|dự\s+kiến|nhất\s+trí|thống\s+nhất|"
    r"cho\s+biết|khẳng\s+định|là|nhưng|kéo\s+dài|không|chưa|cũng|nhóm\s+họp\s+vào|tiếp\s+tục|cho\s+thấy|khiến|"
    r"giúp|mở\s+ra|sau|sau\s+khi|trước\s+khi|nhằm|để|còn|mà|vốn|thì|hiện|hoặc)(?!\w)|[“\"]",
    re.IGNORECASE,
)
_PLACE_BEFORE_RE = re.compile(
    r"(?:\b(?:tại|ở|đến|tới|sang|thăm|công\s+du)(?:\s+(?:thủ\s+đô|thành\s+phố|thị\s+trấn|tỉnh|nước|khu\s+vực))?"
    r"\s*)$",
    re.IGNORECASE,
)
_AT_BEFORE_RE = re.compile(
    r"(?:\b(?:tại|ở)(?:\s+(?:thủ\s+đô|thành\s+phố|thị\s+trấn|tỉnh|khu\s+vực))?\s*)$", re.IGNORECASE)
_EXCLUDED_BEFORE_RE = re.compile(
    r"(?:\b(?:theo\s+(?:sáng\s+kiến|đề\s+nghị|lời\s+mời|yêu\s+cầu)\s+của|cho|về|chống|nhằm\s+vào|"
    r"với\s+sự\s+hậu\s+thuẫn\s+của|thuộc)(?:\s+(?:ông|bà))?\s*)$",
    re.IGNORECASE,
)
_TOPIC_NOUN_BEFORE_RE = re.compile(
    r"(?:\b(?:tình\s+hình|xung\s+đột|cuộc\s+chiến|khủng\s+hoảng|vấn\s+đề|chiến\s+sự|giao\s+tranh|an\s+ninh|"
    r"hòa\s+bình|hoà\s+bình|căng\s+thẳng)\s*)$",
    re.IGNORECASE,
)
_COORD_GAP_RE = re.compile(
    r"^\s*(?:,|và|cùng(?:\s+với)?|với|lẫn)\s*(?:(?:người\s+đồng\s+(?:cấp|nhiệm)(?:\s+[^\s,]+){0,3}?|ông|bà|ngài|"
    r"các\s+nước|nước|phía|"
    r"ngoại\s+trưởng|tổng\s+thống|thủ\s+tướng|bộ\s+trưởng(?:\s+quốc\s+phòng|\s+ngoại\s+giao)?|chủ\s+tịch)\s*)*$",
    re.IGNORECASE,
)
_TITLE_ONLY_RE = re.compile(
    r"^\s*(?:(?:người\s+đồng\s+(?:cấp|nhiệm)|ông|bà|ngài|ngoại\s+trưởng|tổng\s+thống|thủ\s+tướng|nhà\s+lãnh\s+đạo|"
    r"bộ\s+trưởng(?:\s+quốc\s+phòng|\s+ngoại\s+giao)?|chủ\s+tịch|phái\s+đoàn|đoàn(?:\s+đại\s+biểu)?)\s*)*$",
    re.IGNORECASE,
)
_EVENT_GAP_WORDS = frozenset(
    "có thể sẽ dự kiến định đã vừa đang chuẩn bị lên kế hoạch muốn đồng ý nhất trí quyết tiếp tục cũng mới "
    "lần đầu tiên thứ hai chính thức còn lại đều hôm ngày nay qua cùng trước sau đó này sáng chiều tối trưa đêm "
    "tuần tháng năm vào cuối đầu giữa tới thì vẫn từng sắp lại một nữa đây gần rồi hồi lúc kỳ vọng hy vọng "
    "rằng là mong được bắt".split()
)
_PP_PREDICATES = frozenset(
    "thảo luận trao đổi nhất trí thống nhất bàn bạc khẳng định cam kết đạt được ký kí kết gặp nhau nói chuyện "
    "bày tỏ nhấn mạnh ý kiến về đã cũng".split()
)
_DELEGATION_BEFORE_RE = re.compile(r"(?:\b(?:phái\s+đoàn|đoàn(?:\s+đại\s+biểu)?|đặc\s+phái\s+viên)\s*)$",
                                   re.IGNORECASE)
_PLURAL_RE = re.compile(
    r"(?<!\w)(?:cả\s+)?(?:hai|ba|bốn)\s+(bên|nước|phía|quốc\s+gia|nhà\s+lãnh\s+đạo|nguyên\s+thủ|ngoại\s+trưởng|"
    r"tổng\s+thống|bộ\s+trưởng|thủ\s+tướng|người|ông|nhà\s+ngoại\s+giao)(?!\w)",
    re.IGNORECASE,
)
_PERSON_NOUNS = ("nhà lãnh đạo", "nguyên thủ", "ngoại trưởng", "tổng thống", "bộ trưởng", "thủ tướng", "người",
                 "ông", "nhà ngoại giao")
_BACKREF_AFTER_RE = re.compile(r"^\s*(?:này|trên|nói\s+trên|đó|lần\s+này|hôm\s+nay|vừa\s+qua|kể\s+trên)(?!\w)",
                               re.IGNORECASE)
_N_PARTIES_RE = re.compile(r"^\s*(?:(?:[3-9]|ba|bốn|năm|sáu)\s+bên|tứ\s+cường|đa\s+phương)", re.IGNORECASE)
_LEADERS_RE = re.compile(r"(?<!\w)(?:lãnh\s+đạo|nguyên\s+thủ|tổng\s+thống|thượng\s+đỉnh)(?!\w)", re.IGNORECASE)
_HOAC_RE = re.compile(r"^[^,;.]{0,40}?(?<!\w)hoặc(?!\w)", re.IGNORECASE)
_BACKGROUND_START_RE = re.compile(
    r"^\s*(?:trước\s+đó|trước\s+đây|hồi|từ|kể\s+từ|năm|tháng|vào\s+năm|vào\s+tháng|cách\s+đây|hôm\s+\d)",
    re.IGNORECASE,
)
_STRONG_PAST_RE = re.compile(r"(?<!\w)(?:từng|trước\s+đây|năm\s+ngoái|hồi\s+(?:tháng|năm))(?!\w)", re.IGNORECASE)

_FAMILY = {"meeting": "m", "talks": "m", "negotiation": "m", "summit": "m", "visit": "v", "phone_call": "p"}
_ACTOR_KINDS = {"person", "country", "organization", "armed_group", None}
# capitals used as metonyms for their government, when the actors component left them as places
CAPITAL_OF = {"moscow": "russia", "ankara": "turkey", "washington": "usa", "damascus": "syria", "tehran": "iran",
              "paris": "france", "berlin": "germany", "london": "uk", "beijing": "china", "amman": "jordan",
              "riyadh": "saudi_arabia", "doha": "qatar", "baghdad": "iraq", "jerusalem": "israel"}


# --- candidates ----------------------------------------------------------------------------------


@dataclass
class _Cand:
    kind: EventKind
    sentence: int
    trigger: Span
    lemma: str
    actors: list[str] = field(default_factory=list)
    place: str | None = None
    place_alternatives: bool = False
    date: DateValue | None = None
    topic: str | None = None
    fact: factuality.Factuality = field(default_factory=lambda: factuality.Factuality("occurred", "", False))
    backref: bool = False
    strict_backref: bool = False  # "cuộc gặp này / nói trên": never a new event
    noun: bool = False
    destination: str | None = None
    background: bool = False
    place_after: bool = False  # the place is written after the trigger (the event's own "tại X")


def _groups_in(doc: Doc, i: int, b: int, e: int) -> list[discourse.Group]:
    """Groups of sentence i inside the relative range [b, e)."""
    s = doc.ex.sentences[i]
    return [g for g in discourse.groups(doc, i) if b <= g.begin - s.begin and g.end - s.begin <= e]


def _actor_keys(doc: Doc, g: discourse.Group) -> list[str]:
    out: list[str] = []
    for k in g.keys:
        kind = doc.kind_of(k)
        if kind == "place":
            cap = CAPITAL_OF.get(k)
            if cap and (g.how == "metonym" or cap in doc.ex.entities):
                out.append(cap)
            continue
        if kind in _ACTOR_KINDS:
            out.append(k)
    return out


def _gap_ok(gap: str, extra: frozenset[str] = frozenset()) -> bool:
    if discourse.is_filler(gap, max_words=12):
        return True
    g = re.sub(r"\([^()]{0,80}\)", " ", gap)
    words = re.findall(r"\w+", g)
    if len(words) > 12:
        return False
    if re.sub(r"\w+", " ", g).strip(" ,/-.\u00a0\t"):
        return False
    for w in words:
        lw = w.lower()
        if lw in _EVENT_GAP_WORDS or lw in extra or re.match(r"^\d+(?:[/\-.]\d+)*$", w) or \
                discourse.is_filler(w):
            continue
        return False
    return True


def _subject_chain(doc: Doc, i: int, head: int, lo: int, recent: list[Event],
                   extra: frozenset[str] = frozenset()) -> list[str]:
    """Actors coordinated right before relative offset `head` ("A và B đã ...", "A, B và C ...")."""
    s = doc.ex.sentences[i]
    text = s.text
    gs = [g for g in discourse.groups(doc, i) if lo <= g.begin - s.begin and g.end - s.begin <= head]
    # an unresolved plural subject right before the verb: "hai bên đã ...", "hai nhà lãnh đạo sẽ ..."
    for pm in _PLURAL_RE.finditer(text, lo, head):
        if _gap_ok(text[pm.end(): head], extra) and not any(g.begin - s.begin <= pm.start() < g.end - s.begin
                                                             for g in gs):
            return _plural_fallback(doc, i, pm.start(), pm.end(), recent)
    if not gs:
        return []
    k = len(gs) - 1
    g = gs[k]
    gap = text[g.end - s.begin: head]
    if not _gap_ok(gap, extra):
        return []
    before = text[: g.begin - s.begin]
    if _EXCLUDED_BEFORE_RE.search(before) or (_AT_BEFORE_RE.search(before) and
                                              doc.kind_of(g.keys[0]) in ("place", "country")):
        return []
    chain = [g]
    while k > 0:
        prev = gs[k - 1]
        gap = text[prev.end - s.begin: chain[-1].begin - s.begin]
        if gap.strip() == "" or _TITLE_ONLY_RE.match(gap):
            # "Nga" glued before "Sergei Lavrov" (a title's country): a modifier, keep scanning past it
            if doc.kind_of(prev.keys[0]) in ("country", "place", "organization") and \
                    doc.kind_of(chain[-1].keys[0]) == "person":
                k -= 1
                continue
            break
        if _COORD_GAP_RE.match(gap):
            chain.append(prev)
            k -= 1
            continue
        break
    out: list[str] = []
    for g in reversed(chain):
        for key in _actor_keys(doc, g):
            if key not in out:
                out.append(key)
    first = chain[-1]
    if re.search(r"(?<!\w)(?:với|cùng\s+với)\s+(?:\S+\s+){0,4}$", discourse.tail(text[: first.begin - s.begin], 60),
                 re.IGNORECASE) and not _COORD_GAP_RE.match(text[max(lo, first.begin - s.begin - 8): first.begin - s.begin]):
        # "X ... với Y trong cuộc hội đàm": Y is the partner; X, the clause's subject, is the other party
        subj = _clause_subject(doc, i, lo, first.begin - s.begin)
        if not subj:
            return []  # only one side known: not enough to name the actors
        out = subj + [k for k in out if k not in subj]
    return out


_LEAD_SEGMENT_RE = re.compile(r"^\s*(?:[^,]{0,30},\s*)?")


def _clause_subject(doc: Doc, i: int, lo: int, upto: int) -> list[str]:
    """The clause's grammatical subject: its first name, after at most a short fronted adverbial and titles."""
    s = doc.ex.sentences[i]
    gs = [g for g in discourse.groups(doc, i) if lo <= g.begin - s.begin < upto]
    gs = [g for g in gs if not (g.how == "title" and doc.kind_of(g.keys[0]) in ("country", "organization"))]
    if not gs:
        # the clause is a speaker's reported content: "X bày tỏ thiện chí với Y trong cuộc hội đàm" -> X
        for a in attribution.attributions(doc, i):
            if a.form == "pre" and a.speakers and not a.plural and abs(a.content.begin - s.begin - lo) <= 1:
                return [k for k in a.speakers if doc.kind_of(k) in _ACTOR_KINDS]
        return []
    g = gs[0]
    lead = s.text[lo: g.begin - s.begin]
    lm = _LEAD_SEGMENT_RE.match(lead)
    rest = lead[lm.end():] if lm else lead
    rest = re.sub(r"(?<!\w)(?:tân|cựu|đương\s+kim)(?!\w)", " ", rest, flags=re.IGNORECASE)
    rest = re.sub(r"[^\s]+", lambda m: m.group(0) if not any(
        mm.begin - s.begin <= lo + lead.find(m.group(0)) < mm.end - s.begin for mm in doc.mentions_in(i)) else " ", rest)
    if rest.strip() and not _TITLE_ONLY_RE.fullmatch(rest) and not re.fullmatch(
            r"\s*(?:(?:Tổng\s+thống|Ngoại\s+trưởng|Thủ\s+tướng|Bộ\s+trưởng|Chủ\s+tịch)(?:\s+\S+){0,3})?\s*", rest):
        return []
    return _actor_keys(doc, g)


def _plural_fallback(doc: Doc, i: int, rel_b: int, rel_e: int, recent: list[Event]) -> list[str]:
    """Resolve "hai bên", "hai nhà lãnh đạo" ... in [rel_b, rel_e) when no mention covers it.

    Persons for person nouns (restricted to holders of the named title when the
    title is a ministerial one and positions are known), countries for "bên",
    "nước", "phía"; else the actors of the last event when it has that many.
    Nothing when the referents cannot be told: a wrong actor is worse than none.
    """
    s = doc.ex.sentences[i]
    out: list[str] = []
    for m in _PLURAL_RE.finditer(s.text, rel_b, rel_e):
        covered = any(g.begin - s.begin <= m.start() < g.end - s.begin for g in discourse.groups(doc, i))
        if covered:
            continue
        noun = m.group(1).lower()
        words = m.group(0).lower().split()
        num = {"hai": 2, "ba": 3, "bốn": 4}.get(words[1] if words[0] == "cả" else words[0], 2)
        picked: list[str] = []
        if noun in ("ngoại trưởng", "bộ trưởng", "thủ tướng", "tổng thống"):
            picked = _recent_titled(doc, i, m.start(), noun, num)
        elif any(noun.startswith(p) for p in _PERSON_NOUNS):
            picked = _recent_entities(doc, i, m.start(), True, num)
        else:
            if recent and len(recent[-1].actors) == num and c_kinds(doc, recent[-1].actors) == {"country"}:
                picked = list(recent[-1].actors)
            else:
                picked = _recent_entities(doc, i, m.start(), False, num)
        if len(picked) == num:
            out.extend(k for k in picked if k not in out)
    return out


def c_kinds(doc: Doc, keys: list[str]) -> set[str | None]:
    return {doc.kind_of(k) for k in keys}


_TITLE_KEYS = {"ngoại trưởng": ("foreign_minister", "secretary_of_state", "ngoại trưởng", "bộ trưởng ngoại giao"),
               "bộ trưởng": ("minister", "bộ trưởng", "secretary"),
               "thủ tướng": ("prime_minister", "thủ tướng"),
               "tổng thống": ("president", "tổng thống")}


def _recent_titled(doc: Doc, i: int, rel_before: int, title: str, n: int) -> list[str]:
    """The last n distinct persons named with (or known to hold) the title, before the point."""
    cues = _TITLE_KEYS[title]
    holders = {h.holder for h in doc.ex.positions
               if any(c in (h.position.key + " " + h.position.label_vi).lower() for c in cues)}
    found: list[str] = []
    for j in range(i, max(-1, i - 6), -1):
        s = doc.ex.sentences[j]
        gs = [g for g in discourse.groups(doc, j) if not g.plural and doc.kind_of(g.keys[0]) == "person"]
        titled_here: list[str] = []
        prev_title = False
        for g in gs:  # forward: a counterpart ("người đồng cấp X") shares the previous person's title
            k = g.keys[0]
            near = " ".join(mm.text.lower() for mm in g.mentions) + " " + \
                s.text[max(0, g.begin - s.begin - 30): g.begin - s.begin].lower()
            counterpart = "người đồng cấp" in near or "người đồng nhiệm" in near
            own = k in holders or (title in near and not counterpart)
            is_titled = own or (counterpart and prev_title)
            prev_title = is_titled
            if is_titled and (j != i or g.end - s.begin <= rel_before):
                titled_here.append(k)
        for k in reversed(titled_here):
            if k not in found:
                found.append(k)
                if len(found) == n:
                    return list(reversed(found))
    return list(reversed(found))


def _recent_entities(doc: Doc, i: int, rel_before: int, person: bool, n: int) -> list[str]:
    """The last n distinct persons (or countries) named before the point, this sentence then up to 3 back.

    For countries, the last pair named together ("Washington và Moscow", "Nga-Mỹ") wins over the last
    two named apart.
    """
    found: list[str] = []
    for j in range(i, max(-1, i - 4), -1):
        s = doc.ex.sentences[j]
        gs = discourse.groups(doc, j)
        if j == i:
            gs = [g for g in gs if g.end - s.begin <= rel_before]
        if not person:
            # countries: only a list named together ("Washington và Moscow", "Nga, Iran và Thổ Nhĩ Kỳ")
            for k in range(len(gs) - n, -1, -1):
                run = gs[k:k + n]
                keys = [_actor_keys(doc, g) for g in run]
                if all(len(x) == 1 and doc.kind_of(x[0]) == "country" for x in keys) and \
                        len({x[0] for x in keys}) == n and all(
                            re.fullmatch(r"\s*(?:và|,|-|–|với)\s*", s.text[a.end - s.begin: b.begin - s.begin])
                            for a, b in zip(run, run[1:], strict=False)):
                    return [x[0] for x in keys]
            continue
        for g in reversed(gs):
            if g.plural:
                continue
            for k in _actor_keys(doc, g) if not person else g.keys[:1]:
                kind = doc.kind_of(k)
                if (person and kind == "person") or (not person and kind == "country"):
                    if k not in found:
                        found.append(k)
                        if len(found) == n:
                            return list(reversed(found))
    return list(reversed(found))


_PASSIVE_COMPLEMENT_RE = re.compile(
    r"\s*(?:đã\s+|sẽ\s+|vừa\s+)?được\s+(?:tiến\s+hành|tổ\s+chức|thực\s+hiện|triệu\s+tập|khởi\s+động)\s+"
    r"(?=giữa|với|bởi|dưới)",
    re.IGNORECASE,
)
_VA_VERB_RE = re.compile(
    r"(?<!\w)(?:và|rồi)\s+(?!(?:người|ông|bà|các|những|phía|nước|lãnh\s+đạo|đại\s+diện|quan\s+chức|bộ\s+trưởng|"
    r"ngoại\s+trưởng|thủ\s+tướng|tổng\s+thống|chủ\s+tịch|đặc\s+phái\s+viên|thứ\s+trưởng|phái\s+đoàn|đoàn|"
    r"giới|chính\s+phủ|chính\s+quyền|lực\s+lượng|quân|nhóm|tổ\s+chức|hai|ba|bốn|cả)(?!\w))(?=[^\W\d_])(?=\w)(?![A-ZĐ])",
)
_COUNTERPART_TAIL_RE = re.compile(r"(?:người\s+đồng\s+(?:cấp|nhiệm)(?:\s+\S+){1,3})\s*$", re.IGNORECASE)


def _np_end(text: str, e: int, clause_end: int, topic_start: int) -> int:
    """End of the trigger noun phrase's complement (relative)."""
    limit = min(clause_end, topic_start)
    pos = e
    pm = _PASSIVE_COMPLEMENT_RE.match(text, e)
    if pm is not None:  # "Cuộc điện đàm được tiến hành giữa A và B"
        pos = pm.end()
    m = _STOP_NP_RE.search(text, pos, limit)
    end = m.start() if m else limit
    for v in _VA_VERB_RE.finditer(text, pos, end):  # "... Nga-Mỹ-Jordan và bảo vệ ...": a second verb phrase
        end = v.start()
        break
    # a comma ends it unless a list or a complement continues
    while True:
        c = text.find(",", pos, end)
        if c < 0:
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


def _topic_end(text: str, tstart: int, cend: int, subject_np: bool = False) -> int:
    """End of a topic or purpose phrase.

    "về <NP>" ends where a predicate starts ("về vấn đề Syria dự kiến sẽ ...") or, when short, at the
    event's own "tại/vào" ("về Syria tại Astana"); a purpose ("để/nhằm ...") runs to the clause end,
    except inside a subject noun phrase ("Cuộc họp ... để giám sát X đã bắt đầu tại Astana").
    """
    word = text[tstart:tstart + 4].lower()
    if not word.startswith("về"):
        if subject_np:
            m = _STATUS_PREDICATE_RE.search(text, tstart + 2, cend)
            if m is not None:
                return m.start()
        return cend
    m = _TOPIC_PRED_RE.search(text, tstart + 3, cend)
    while m is not None:
        w = m.group(0).lower()
        if w in ("tại", "ở", "vào", "do", "dưới") or w.startswith("trong"):
            if m.start() - tstart <= 30 and not _TOPIC_NOUN_BEFORE_RE.search(text[tstart:m.start()]):
                return m.start()
            m = _TOPIC_PRED_RE.search(text, m.end(), cend)
            continue
        return m.start()
    return cend


_TOPIC_PRED_RE = re.compile(
    r"(?<!\w)(?:đã|sẽ|đang|được|bị|vừa|đều|cũng|diễn\s+ra|kết\s+thúc|bắt\s+đầu|có\s+thể|dự\s+kiến|tại|ở|vào|"
    r"do|dưới|trong\s+(?:ngày|hai\s+ngày|tuần|tháng))(?!\w)",
    re.IGNORECASE,
)


# --- main ----------------------------------------------------------------------------------------


def component(doc: Doc) -> None:
    """Add meetings, talks, negotiations, phone calls, visits and summits to `doc.ex.events`."""
    events: list[Event] = []
    facts: dict[int, factuality.Factuality] = {}
    lemmas: dict[int, set[str]] = {}
    lead_date = _lead_date(doc)
    for i, s in enumerate(doc.ex.sentences):
        if s.kind != "body":
            continue
        for c in _candidates(doc, i, events, lemmas):
            _place_event(doc, c, events, facts, lemmas, lead_date)
    doc.ex.events.extend(events)


def _dates_of(doc: Doc, s: Sentence) -> list[DateValue]:
    """`doc.dates.for_sentence(s)`, computed once per sentence."""
    cache = doc.__dict__.setdefault("_syriakg_meeting_dates", {})
    if s.index not in cache:
        cache[s.index] = doc.dates.for_sentence(s) if doc.dates is not None else []
    return cache[s.index]


def _lead_date(doc: Doc) -> tuple[int, DateValue] | None:
    """The date written in the article's first body sentence (the news date), with that sentence's index."""
    if doc.dates is None:
        return None
    cache = doc.__dict__.setdefault("_syriakg_meeting_dates", {})
    if "lead" not in cache:
        cache["lead"] = _compute_lead_date(doc)
    return cache["lead"]


def _compute_lead_date(doc: Doc) -> tuple[int, DateValue] | None:
    for s in doc.ex.sentences[:2]:
        if s.kind != "body":
            continue
        ds = [d for d in _dates_of(doc, s) if d.precision in ("date", "gMonthDay") and
              not re.search(r"(?<!\w)(?:tới|sau|sắp)(?!\w)", d.text, re.IGNORECASE)]
        if ds:
            return s.index, ds[0]
    return None


_TITLE_ABOUT_RE = re.compile(
    r"(?:đặc\s+phái\s+viên|đặc\s+sứ|phái\s+viên|ủy\s+ban|uỷ\s+ban|cao\s+ủy|phụ\s+trách|bộ\s+trưởng|cố\s+vấn)"
    r"[^,;]{0,30}$",
    re.IGNORECASE,
)


def _topic_start(text: str, e: int, cend: int) -> re.Match[str] | None:
    """First topic/purpose marker after the trigger, skipping the "về" of a title ("Đặc phái viên LHQ về Syria")."""
    for m in _TOPIC_START_RE.finditer(text, e, cend):
        if m.group(0).lower() == "về" and _TITLE_ABOUT_RE.search(text[max(e, m.start() - 40): m.start()]):
            continue
        return m
    return None


def _clause(doc: Doc, i: int, b: int, e: int) -> tuple[int, int, str]:
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


_WITH_ONLY_RE = re.compile(r"\s*(?:\S+\s+){0,3}?(?:với|cùng\s+với)(?!\w)", re.IGNORECASE)
_ATTENDEES_RE = re.compile(r"(?<!\w)(?:có|với)\s+sự\s+tham\s+(?:dự|gia)\s+của(?!\w)", re.IGNORECASE)
_FRONT_PREFIX_RE = re.compile(
    r"^\s*(?:(?:trước\s+đó|sau\s+đó|trong\s+khi\s+đó|ngoài\s+ra|bên\s+cạnh\s+đó|cùng\s+ngày|hôm\s+qua|"
    r"mới\s+đây|đặc\s+biệt|theo\s+đó)\s*,\s*)?"
    r"(?:(?:Phát\s+biểu|Trả\s+lời|Nói|Trao\s+đổi|Ngay|Chỉ|Đặc\s+biệt|Cũng|Hôm|Ngày|Sáng|Chiều|Tối|Vào)"
    r"[^,]{0,50}?\s)?(?:trong|tại|sau|bên\s+lề|ngoài\s+lề|trước\s+thềm|nhân|sau\s+khi|về)\s+"
    r"(?:khuôn\s+khổ\s+)?"
    r"(?:(?:khả\s+năng|việc|đề\s+xuất|ý\s+tưởng|kế\s+hoạch)\s+)?(?:(?:tiến\s+hành|tổ\s+chức)\s+)?"
    r"(?:(?:một|các|những|hai|ba|cuộc|vòng|chuyến|phiên|buổi)\s+)*$",
    re.IGNORECASE,
)


def _candidates(doc: Doc, i: int, recent: list[Event], lemmas: dict[int, set[str]] | None = None) -> list[_Cand]:
    lemmas = lemmas if lemmas is not None else {}
    s = doc.ex.sentences[i]
    text = s.text
    n = len(text)
    atts = attribution.attributions(doc, i)
    out: list[_Cand] = []
    absorbed_until = -1
    low = text.lower()
    if len(low) == len(text):
        matches = [m for m in _TRIGGER_RE_LC.finditer(low) if not (m.start() and low[m.start() - 1].isalnum())]
    else:
        matches = list(TRIGGER_RE.finditer(text))
    if not matches:
        return []
    for idx, m in enumerate(matches):
        kind = _kind(m)
        b, e = m.start(), m.end()
        if b < absorbed_until:
            continue
        word = re.sub(r"\s+", " ", m.group(0).lower())
        after = text[e:]
        before = discourse.tail(text[:b], 120)
        if kind in _NOT_EVENT_AFTER and _NOT_EVENT_AFTER[kind].match(after):
            continue
        if word == "họp" and re.match(r"^\s*báo", after, re.IGNORECASE):
            continue
        det = _DETERMINER_BEFORE_RE.search(text, max(0, b - 120), b)
        noun = bool(det) or word.startswith(("cuộc", "chuyến", "hội nghị", "thượng đỉnh")) or \
            bool(re.search(r"(?<!\w)(?:tại|trong|sau|trước\s+thềm|bên\s+lề|cho|của)\s+$", before, re.IGNORECASE))
        head = det.start() if det else b
        if _GENERIC_BEFORE_RE.search(text, max(0, head - 120), head) and \
                kind in ("negotiation", "talks", "meeting", "summit"):
            continue
        travel = kind == "visit" and word in ("đến", "tới", "sang")
        if travel:
            if re.match(r"^\s*(?:thăm|dự|tham\s+dự)\b", after, re.IGNORECASE):
                continue  # "tới thăm X": the "thăm" trigger reads it
            # cheap test first (travel verbs are frequent): a name just after, a person/delegation just before
            gs_all = discourse.groups(doc, i)
            if not any(0 <= g.begin - s.begin - e <= 40 for g in gs_all) or \
                    not any(0 <= b - (g.end - s.begin) <= 60 for g in gs_all):
                continue
        if word in ("tiếp", "tiếp đón", "tiếp kiến"):
            nxt = _groups_in(doc, i, e, min(n, e + 12))
            if not nxt or doc.kind_of(nxt[0].keys[0]) != "person":
                continue
        cstart, cend, frame = _clause(doc, i, b, e)
        tm = _topic_start(text, e, cend)
        tstart = tm.start() if tm else cend
        cand = _Cand(kind, i, Span(s.begin + b, s.begin + e), word, noun=noun)  # type: ignore[arg-type]
        if kind == "meeting" and noun and _N_PARTIES_RE.match(after) and \
                _LEADERS_RE.search(text[e: min(tstart, e + 60)]):
            cand.kind = "summit"
        zone_b, zone_end = e, _np_end(text, e, cend, tstart)
        purpose_comp: list[str] = []
        purposed = False
        # --- travel and visits: destination, purpose ------------------------------------------------
        if kind == "visit":
            dest = _groups_in(doc, i, e, min(n, e + 40))
            g0 = dest[0] if dest else None
            lead = text[e: g0.begin - s.begin] if g0 else ""
            if g0 is None or not re.fullmatch(
                    r"\s*(?:(?:thủ\s+đô|thành\s+phố|thị\s+trấn|tỉnh|nước|khu\s+vực|của|chính\s+thức|"
                    r"cấp\s+nhà\s+nước|tới|đến|sang|làm\s+việc\s+tại|làm\s+việc\s+ở)\s*)*", lead, re.IGNORECASE):
                if travel:
                    continue
            else:
                lit = [x for x in g0.literal_keys if doc.kind_of(x) in ("place", "country")]
                dk = doc.kind_of(g0.keys[0])
                if lit and not g0.plural:
                    cand.destination = lit[0]
                elif dk in ("person", "organization") and word == "thăm":
                    cand.actors.extend(_actor_keys(doc, g0))
                elif travel:
                    continue
            if travel and cand.destination is None:
                continue
            for m2 in matches[idx + 1:]:
                if m2.start() - e > 90:
                    break
                between = text[e: m2.start()]
                if re.search(r"[;.]", between):
                    break
                k2 = _kind(m2)
                if k2 == "visit" or not re.search(r"(?<!\w)(?:để|nhằm)(?!\w)", between, re.IGNORECASE):
                    continue
                if k2 in _NOT_EVENT_AFTER and _NOT_EVENT_AFTER[k2].match(text[m2.end():]):
                    continue
                cand.kind = k2  # type: ignore[assignment]
                if k2 == "meeting" and _N_PARTIES_RE.match(text[m2.end():]) and \
                        _LEADERS_RE.search(text[m2.end(): m2.end() + 60]):
                    cand.kind = "summit"
                cand.lemma = re.sub(r"\s+", " ", m2.group(0).lower())
                cand.trigger = Span(s.begin + b, s.begin + m2.end())
                _, cend, _ = _clause(doc, i, m2.start(), m2.end())
                tm = _topic_start(text, m2.end(), cend)
                tstart = tm.start() if tm else cend
                zone_b, zone_end = m2.end(), _np_end(text, m2.end(), cend, tstart)
                purpose_comp = _complement_actors(doc, i, zone_b, zone_end, recent, k2 == "negotiation")
                absorbed_until = m2.end()
                purposed = True
                break
        # --- actors --------------------------------------------------------------------------------
        fronted = noun and bool(_FRONT_PREFIX_RE.match(text[cstart:head]))
        about_possibility = bool(_ABOUT_POSSIBILITY_RE.match(text[cstart:]))
        comp = purpose_comp if purposed else ([] if kind == "visit" and cand.destination and not noun else
                                              _complement_actors(doc, i, zone_b, zone_end, recent,
                                                                 kind == "negotiation"))
        if kind == "visit" and cand.destination:
            comp = [k for k in comp if k != cand.destination]
        has_with = bool(re.search(r"(?<!\w)với(?!\w)", text[zone_b:zone_end], re.IGNORECASE))
        subj: list[str] = []
        pm = _PARTICIPATE_RE.search(text, max(cstart, head - 120), head) if noun else None
        vhead = head
        if pm is not None:
            vhead = pm.start()
            subj = _subject_chain(doc, i, vhead, cstart, recent)
        elif not noun:
            subj = _subject_chain(doc, i, head, cstart, recent)
        elif not fronted:
            pp = re.search(r"(?<!\w)(?:trong|qua|tại|sau)\s+(?:(?:một|các|những|cuộc|chuyến)\s+)*$", text[cstart:head],
                           re.IGNORECASE)
            if pp is not None:
                vhead = cstart + pp.start()
                subj = _subject_chain(doc, i, vhead, cstart, recent, _PP_PREDICATES)
                if subj and not re.search(r"(?<!\w)với(?!\w)", text[cstart:vhead], re.IGNORECASE) and \
                        not (set(subj) & set(_clause_subject(doc, i, cstart, vhead))):
                    subj = []  # "... cáo buộc Nga can thiệp bầu cử Mỹ trong cuộc gặp": Mỹ is no subject
        if travel:
            # the traveller must be a person or a delegation
            gs = [g for g in discourse.groups(doc, i) if cstart <= g.begin - s.begin and g.end - s.begin <= head]
            g = gs[-1] if gs else None
            if not subj or g is None or not (doc.kind_of(g.keys[0]) == "person" or
                                             _DELEGATION_BEFORE_RE.search(text[: g.begin - s.begin])):
                continue
        speaker: list[str] = []
        with_one = noun and has_with and len(comp) == 1
        if not subj and (pm is not None or not noun or purposed or with_one):
            for a in atts:
                if a.form in ("pre", "theo") and a.speakers and not a.negated and \
                        a.content.begin - s.begin <= vhead and (with_one or _gap_ok(
                            text[a.content.begin - s.begin: vhead])):
                    speaker = list(a.speakers)
        main: list[str] = []
        if not subj and (fronted or about_possibility or (not noun and not speaker)):
            main = _main_subject(doc, i, zone_end if noun else head, recent)
        actors: list[str] = []
        add = _adder(actors)
        add(cand.actors)
        if subj:
            add(subj)
            add(comp)
        elif comp:
            other = main or speaker
            if has_with and not other and _WITH_ONLY_RE.match(text, zone_b, zone_end):
                comp = []  # "các cuộc họp với A và B": A and B met someone the text does not name here
            add(comp)
            if has_with:
                add(other)
        else:
            add(main or speaker)
        if kind == "visit" and cand.destination and doc.kind_of(cand.destination) == "country" and \
                (cand.kind == "visit" or not purpose_comp):
            add([cand.destination])
        att_m = _ATTENDEES_RE.search(text, cstart, cend)
        attendees = _complement_actors(doc, i, att_m.end(), cend, recent) if att_m else []
        add(attendees)
        inherited = False
        if not actors and not noun and out and _NEXT_VP_RE.search(text[:b], out[-1].trigger.end - s.begin) and \
                re.search(r"(?<!\w)(?:và|rồi)(?!\w)", text[out[-1].trigger.end - s.begin: b], re.IGNORECASE):
            actors = list(out[-1].actors)  # "A đã họp ... và có thể sẽ tiếp tục nhóm họp": the same subject
            inherited = True
        cand.actors = actors
        # --- back-reference ----------------------------------------------------------------------------
        own = [k for k in cand.actors if k not in attendees]
        new_marker = bool(_NEW_EVENT_AFTER_RE.match(after)) or bool(
            re.search(r"(?<!\w)một\s+(?:(?:cuộc|vòng|chuyến)\s+)?$", text[:b], re.IGNORECASE))
        if noun and _BACKREF_AFTER_RE.match(after):
            cand.actors = list(attendees)
            cand.backref = cand.strict_backref = True
        elif noun and not comp and not subj and not new_marker and \
                not re.match(r"\s*(?:các|những)\s", text[head:b], re.IGNORECASE):
            if not own or factuality.PRESUPPOSE_RE.search(text[cstart:b]) or fronted or \
                    not re.search(r"\w", text[cstart:head]):
                cand.backref = True  # "Sau cuộc gặp, X nói", "Cuộc họp kéo dài 2 giờ": the meeting just reported
        elif noun and not new_marker and not subj and not re.search(r"(?<!\w)(?:giữa|với)(?!\w)",
                                                                    text[zone_b:zone_end], re.IGNORECASE):
            core = _lemma_core(word)
            if any(i - max(ev.evidence) <= 3 and core in {_lemma_core(x) for x in lemmas.get(id(ev), ())}
                   for ev in recent):
                cand.backref = True  # "tham gia cuộc họp còn có X": the meeting just reported, with more actors
        if noun and not cand.backref and not new_marker and not re.search(r"\w", text[cstart:head]) and \
                not re.search(r"(?<!\w)một(?!\w)", text[head:b], re.IGNORECASE):
            core = _lemma_core(word)
            if any(0 < i - max(ev.evidence) <= 2 and core in {_lemma_core(x) for x in lemmas.get(id(ev), ())}
                   for ev in recent):
                cand.backref = True  # "Cuộc điện đàm được tiến hành giữa ...": the call just reported
        # --- place -----------------------------------------------------------------------------------
        subject_np = noun and not fronted and pm is None and \
            _PP_BEFORE_RE.search(text, max(cstart, head - 120), head) is None
        tend = _topic_end(text, tstart, cend, subject_np) if tm is not None else cend
        te = cand.trigger.end - s.begin
        nxt = next((m2.start() for m2 in matches if te < m2.start() < cend and _live(m2, text)), cend)
        cm = _NEXT_VP_RE.search(text[:nxt], te) if nxt < cend else None
        nxt_cut = max(te, cm.start() if cm else nxt)
        lo = max(cstart, out[-1].trigger.end - s.begin) if out else cstart  # each trigger owns what follows it
        cand.place, cand.place_alternatives, place_pos = _place(doc, i, lo, e, tstart, tend, min(cend, nxt_cut))
        cand.place_after = place_pos >= e
        if cand.destination and not cand.place_alternatives and (purposed or cand.place is None):
            cand.place = cand.destination
            cand.place_after = True
        if cand.place is None and kind in ("negotiation", "talks") and not cand.place_alternatives:
            nxt_g = _groups_in(doc, i, e, min(n, e + 30))
            if nxt_g and not text[e: nxt_g[0].begin - s.begin].strip():
                lit = [x for x in nxt_g[0].literal_keys if doc.kind_of(x) == "place"]
                if lit:  # "vòng hòa đàm Astana", "đàm phán Geneva": the venue names the talks
                    cand.place, cand.place_after = lit[0], True
        if inherited and not cand.place_after:
            cand.place = None
        # --- date --------------------------------------------------------------------------------------
        pp_noun = noun and pm is None and not fronted and \
            _PP_BEFORE_RE.search(text, max(cstart, head - 120), head) is not None
        cand.date = _date(doc, i, cstart, b, te, min(cend, nxt_cut), tstart, tend, pp_noun)
        # --- topic -------------------------------------------------------------------------------------
        if tm is not None and tm.group(0).lower() in ("về", "để", "nhằm", "bàn về", "xoay quanh"):
            topic = text[tm.end(): tend if tend > tm.end() else cend]
            topic = re.split(r"[,;:]", topic, maxsplit=1)[0].strip(" .")
            topic = re.sub(r"^(?:thảo\s+luận|bàn(?:\s+bạc)?|trao\s+đổi|tìm\s+cách)\s+(?:về\s+)?", "", topic,
                           flags=re.IGNORECASE)
            if topic and len(topic) <= 200:
                cand.topic = topic
        # --- status ------------------------------------------------------------------------------------
        pp_m = _PP_BEFORE_RE.search(text, max(cstart, head - 120), head) if noun and pm is None and not fronted \
            else None
        if about_possibility:
            scope = text
        elif cand.backref:
            # a reference's own status words: right before it, or an occurrence predicate right after it
            right = text[e: max(e, min(cend, nxt_cut, e + 45, tstart))]
            scope = text[max(cstart, head - 25): e] + (" " + right if _OCCURRENCE_PRED_RE.match(right) else "")
        elif noun and pm is None and not fronted:
            # the trigger noun is a subject ("Cuộc họp ... đã kết thúc") or sits in a phrase ("trước thềm X")
            pred = tend if zone_end >= tstart else zone_end
            end_ = min(cend, nxt_cut) if _STATUS_PREDICATE_RE.match(text, pred) and (
                _OCCURRENCE_PRED_RE.match(text, pred) or not re.search(
                    r"(?<!\w)(?:có\s+thể|khả\s+năng|sẽ)(?!\w)", text[pred:min(cend, nxt_cut)])) else zone_end
            # "Cuộc gặp có thể diễn ra ..." is about the meeting; "Cuộc gặp có thể định hình thế giới", not
            start_ = cstart
            if pp_m is not None:
                comma = text.rfind(",", cstart, pp_m.start())
                start_ = max(cstart, comma + 1)
            scope = text[start_:min(tstart, max(end_, te))] + " " + (text[tend:end_] if tend < end_ else "")
        elif not noun:
            # a verb: its own auxiliaries ("có thể sẽ đến", "dự kiến hội đàm") and what follows it, not
            # modals of another verb earlier in the clause ("chỉ có thể đóng vai trò chủ nhà khi gặp X")
            scope = text[_verb_group_start(text, b, cstart):min(max(tstart, te), nxt_cut)]
        else:
            scope = text[cstart:min(max(tstart, te), nxt_cut)]
        rel = _date_relation(doc, cand.date)
        cand.fact = factuality.status_of(scope, before_trigger=text[cstart:b] if noun else "",
                                         after_trigger=text[e: e + 40], frame=frame, date_relation=rel)
        cand.background = bool(_BACKGROUND_START_RE.match(text[cstart:])) or bool(_STRONG_PAST_RE.search(scope))
        out.append(cand)
        if tm is not None and kind != "visit":
            absorbed_until = max(absorbed_until, cend)
        if noun and comp:
            absorbed_until = max(absorbed_until, zone_end)  # "cuộc gặp bên lề thượng đỉnh G20 giữa A và B"
    return out


_PP_BEFORE_RE = re.compile(
    r"(?<!\w)(?:trong|qua|tại|sau|trước|trước\s+thềm|bên\s+lề|ngoài\s+lề|về|cho|với|của|nhân|từ)\s+"
    r"(?:(?:một|các|những|cuộc|vòng|phiên|chuyến)\s+)*$",
    re.IGNORECASE,
)
_OCCURRENCE_PRED_RE = re.compile(
    r"\s*(?:(?:đã|sẽ|đang|vừa|được|bị|có\s+thể|có\s+khả\s+năng|dự\s+kiến|chưa|không|cũng|vẫn|tiếp\s+tục|"
    r"chính\s+thức|mới)\s+){0,4}(?:diễn\s+ra|được\s+tổ\s+chức|tổ\s+chức|được\s+nối\s+lại|nối\s+lại|bắt\s+đầu|"
    r"khởi\s+động|kết\s+thúc|tiếp\s+tục|được\s+tiến\s+hành|tiến\s+hành|hoãn|bị\s+hoãn|hủy|huỷ|bị\s+hủy|nhóm\s+họp|"
    r"họp|kéo\s+dài|khai\s+mạc|bế\s+mạc|được\s+triệu\s+tập|triệu\s+tập|xảy\s+ra|mở\s+màn)(?!\w)",
    re.IGNORECASE,
)
_NEW_EVENT_AFTER_RE = re.compile(
    r"^\s*(?:\S+\s+){0,2}?(?:tiếp\s+theo|mới|sắp\s+tới|tới\s+đây|lần\s+thứ|đầu\s+tiên|thứ\s+(?:hai|ba|tư|năm|sáu|\d+))\b",
    re.IGNORECASE,
)
_NEXT_VP_RE = re.compile(
    r"(?:\s*(?:,|và|mà|rồi)?\s*(?:có\s+thể|sẽ|tiếp\s+tục|dự\s+kiến|đã|cũng|lại|vẫn|được|chuẩn\s+bị|"
    r"lên\s+kế\s+hoạch)\s*)+$",
    re.IGNORECASE,
)
_STATUS_PREDICATE_RE = re.compile(
    r"\s*(?:đã|sẽ|đang|được|bị|vừa|diễn\s+ra|kết\s+thúc|bắt\s+đầu|có\s+thể|dự\s+kiến|không|chưa|cũng(?!\s+như)|"
    r"tiếp\s+tục|kéo\s+dài|khởi\s+động|nhóm\s+họp)(?!\w)",
    re.IGNORECASE,
)
def _live(m: re.Match[str], text: str) -> bool:
    """Whether a trigger match can start an event of its own (for cutting the previous one's scope)."""
    kind = _kind(m)
    word = m.group(0).lower()
    if kind == "visit" and word in ("đến", "tới", "sang"):
        return False
    if word.startswith("tiếp"):
        return False
    rx = _NOT_EVENT_AFTER.get(kind)
    return not (rx and rx.match(text, m.end()))


_AUX_WORDS = frozenset(
    "có thể sẽ đã dự kiến chuẩn bị vừa mới đang không chưa cũng sắp lên kế hoạch định muốn tiếp tục đến tới sang đi "
    "đường được bị còn lại vẫn đều chính thức lần đầu tiên nữa hy vọng mong khả năng nhiều cuối cùng sớm chờ đợi "
    "mời kỳ vọng ông bà ngài vương tướng thống trưởng tịch tử thư ký người đồng cấp nhiệm".split()
)


def _verb_group_start(text: str, b: int, lo: int) -> int:
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


def _adder(actors: list[str]):  # noqa: ANN202
    def add(keys: list[str]) -> None:
        for k in keys:
            if k not in actors:
                actors.append(k)
    return add


def _complement_actors(doc: Doc, i: int, rel_b: int, rel_e: int, recent: list[Event],
                       topic_adjacent: bool = False) -> list[str]:
    """Actors named in the trigger noun's complement ("giữa A và B", "với B", "của A", "gồm A, B").

    A mention counts when a complement word introduces it (giữa, với, của, gồm, do, cùng, "có sự tham
    dự của") or it follows the trigger within a few words ("cuộc họp nhóm ... Nga, Thổ Nhĩ Kỳ và
    Iran"), and list items continue such a mention.
    """
    s = doc.ex.sentences[i]
    text = s.text
    out: list[str] = []
    acc_end = rel_b  # end of the last accepted mention (or the trigger)
    accepted_any = False
    prev: discourse.Group | None = None
    skipped: list[tuple[int, int]] = []  # spans of groups passed over (titles, places ...)
    for g in _groups_in(doc, i, rel_b, rel_e):
        gb = g.begin - s.begin
        before = discourse.tail(text[:gb], 120)
        # the words since the last accepted mention, with skipped mentions blanked out
        between = text[acc_end:gb]
        for sb, se in skipped:
            if acc_end <= sb and se <= gb:
                between = between[: sb - acc_end] + " " * (se - sb) + between[se - acc_end:]
        k0 = g.keys[0]
        kind = doc.kind_of(k0)
        prev_g, prev = prev, g
        first = acc_end == rel_b and not accepted_any
        if prev_g is not None and (doc.kind_of(prev_g.literal_keys[0]) == "place" or
                                   _PLACE_BEFORE_RE.search(text[: prev_g.begin - s.begin])) and \
                re.fullmatch(r"\s*(?:của|,)\s*", text[prev_g.end - s.begin: gb], re.IGNORECASE):
            skipped.append((gb, g.end - s.begin))
            continue  # "thủ đô Astana của Kazakhstan", "tại Hamburg, Đức": the place's country
        if topic_adjacent and first and text[rel_b:gb].strip() == "" and kind == "country" and \
                not re.match(r"\s*(?:-|–|(?<!\w)và(?!\w)|,\s*[A-ZĐ])", text[g.end - s.begin:]):
            skipped.append((gb, g.end - s.begin))
            continue  # "vòng hòa đàm Syria": the subject matter, not a party
        skip = False
        delegation = bool(_COLLECTIVE_BEFORE_RE.search(before))
        if (_PLACE_BEFORE_RE.search(before) and kind in ("place", "country") and not g.plural) or \
                (g.how == "title" and not delegation):
            skip = True  # a venue; "người đồng cấp Nga Sergei Lavrov": the country of a title
        pt = _PERSON_TITLE_BEFORE_RE.search(before) if kind in ("place", "country") else None
        if pt is not None and not delegation and \
                not re.search(r"(?<!\w)(?:các|những|hai|ba)\s*$", before[: pt.start()], re.IGNORECASE):
            skip = True  # "người đồng cấp Mỹ", "Ngoại trưởng Nga": a person of that country, not the country
        if _EXCLUDED_BEFORE_RE.search(before) or _TOPIC_NOUN_BEFORE_RE.search(before) or discourse.is_outlet(doc, g):
            skip = True
        if skip:
            skipped.append((gb, g.end - s.begin))
            continue
        intro = bool(_COMPLEMENT_INTRO_RE.search(between))
        listed = accepted_any and bool(_LIST_GAP_RE.fullmatch(between)) and bool(_LIST_SEP_RE.search(between))
        near = first and len(re.findall(r"\w+", between)) <= 6 and \
            not re.search(r"(?<!\w)(?:tại|ở|về|để|nhằm)(?!\w)", between, re.IGNORECASE)
        if not (intro or listed or near):
            skipped.append((gb, g.end - s.begin))
            continue
        if kind == "place" and g.how == "name" and not _coordinated(text, s.begin, g):
            skipped.append((gb, g.end - s.begin))
            continue
        keys = _actor_keys(doc, g)
        if keys:
            accepted_any = True
            acc_end = g.end - s.begin
            skipped = []
        for k in keys:
            if k not in out:
                out.append(k)
    for k in _plural_fallback(doc, i, rel_b, rel_e, recent):
        if k not in out:
            out.append(k)
    return out


# "đoàn nghị sĩ Nga", "phái đoàn Thổ Nhĩ Kỳ", "các bộ trưởng Nga": a body of that country, an actor
_COLLECTIVE_BEFORE_RE = re.compile(
    r"(?:\b(?:đoàn|phái\s+đoàn|đoàn\s+đại\s+biểu|các|những|giới)(?:\s+\w+){0,2}\s*)$", re.IGNORECASE)
_PERSON_TITLE_BEFORE_RE = re.compile(
    r"(?:\b(?:người\s+đồng\s+(?:cấp|nhiệm)|ngoại\s+trưởng|tổng\s+thống|thủ\s+tướng|bộ\s+trưởng(?:\s+\w+){0,2}|"
    r"thứ\s+trưởng(?:\s+\w+){0,2}|đặc\s+phái\s+viên(?:\s+của)?|đại\s+sứ|nhà\s+lãnh\s+đạo|người\s+đứng\s+đầu|"
    r"tổng\s+thư\s+ký|người\s+phát\s+ngôn)\s*)$",
    re.IGNORECASE,
)
_COMPLEMENT_INTRO_RE = re.compile(
    r"(?<!\w)(?:giữa|với|của|gồm|bao\s+gồm|do|cùng|tham\s+dự\s+của|tham\s+gia\s+của|bảo\s+trợ\s+của|"
    r"chủ\s+trì\s+của|lãnh\s+đạo|nguyên\s+thủ|các\s+nước|nước)(?!\w)[^,;]{0,60}$",
    re.IGNORECASE,
)
_LIST_WORD = (r"(?:,|và|cùng(?:\s+với)?|với|lẫn|-|–|người\s+đồng\s+(?:cấp|nhiệm)|ông|bà|ngài|các\s+nước|nước|phía|"
              r"tổng\s+thống|ngoại\s+trưởng|thủ\s+tướng|bộ\s+trưởng|chủ\s+tịch|quốc\s+vương|nhà\s+vua)")
_LIST_GAP_RE = re.compile(rf"\s*(?:{_LIST_WORD}\s*)+", re.IGNORECASE)
_LIST_SEP_RE = re.compile(r"(?:,|-|–|(?<!\w)(?:và|cùng|với|lẫn)(?!\w))", re.IGNORECASE)


def _coordinated(text: str, base: int, g: discourse.Group) -> bool:
    """A capital in an actor list ("giữa Moskva và Ankara") stands for its government."""
    around = text[max(0, g.begin - base - 8): g.end - base + 6]
    return bool(re.search(r"(?<!\w)(?:giữa|và)(?!\w)", around, re.IGNORECASE))


def _main_subject(doc: Doc, i: int, rel_after: int, recent: list[Event]) -> list[str]:
    """Subject of the main clause after a fronted phrase: the first group after the next comma."""
    s = doc.ex.sentences[i]
    text = s.text
    c = text.find(",", rel_after)
    if c < 0:
        return []
    lead_m = re.match(r"\s*(?:(?:phía|cả|các)\s+)?", text[c + 1:])
    lb = c + 1 + (lead_m.end() if lead_m else 0)
    pm = _PLURAL_RE.match(text, lb)
    if pm is not None and not any(g.begin - s.begin <= pm.start() < g.end - s.begin
                                  for g in discourse.groups(doc, i)):
        return _plural_fallback(doc, i, pm.start(), pm.end(), recent)
    gs = _groups_in(doc, i, c + 1, len(text))
    if not gs:
        return []
    g = gs[0]
    lead = text[c + 1: g.begin - s.begin]
    if g.how == "title" and len(gs) > 1 and not text[g.end - s.begin: gs[1].begin - s.begin].strip() and \
            doc.kind_of(gs[1].keys[0]) == "person":
        gs = gs[1:]  # "Ngoại trưởng Nga Sergey Lavrov": the person, not the title's country
        g = gs[0]
    if _GROUP_LEAD_RE.fullmatch(lead) or (not lead.strip() and len(gs) > 1 and
                                          _LIST_SEP_RE.search(text[g.end - s.begin: gs[1].begin - s.begin] or "x")):
        # "các nước bảo lãnh (Iran, Nga, Thổ Nhĩ Kỳ) đã ...", "ba nước bảo trợ Nga, Iran và Thổ Nhĩ Kỳ"
        out = list(_actor_keys(doc, g))
        for prev, nxt in zip(gs, gs[1:], strict=False):
            if not _LIST_GAP_RE.fullmatch(text[prev.end - s.begin: nxt.begin - s.begin]):
                break
            out.extend(k for k in _actor_keys(doc, nxt) if k not in out)
        return out
    if not _TITLE_ONLY_RE.match(lead) and not re.fullmatch(r"\s*(?:phía|cả|các|hai)?\s*", lead, re.IGNORECASE):
        return []
    return _actor_keys(doc, g)


_GROUP_LEAD_RE = re.compile(
    r"\s*(?:các|ba|hai|bốn|những)\s+(?:nước|quốc\s+gia|bên)(?:\s+[^\s(,]+){0,3}\s*(?:\(|gồm|là|:)?\s*",
    re.IGNORECASE,
)


_NONVENUE_BEFORE_RE = re.compile(
    r"(?:\b(?:ngừng\s+bắn|tình\s+hình|xung\s+đột|chiến\s+sự|chiến\s+dịch|khủng\s+hoảng|giao\s+tranh|an\s+ninh|"
    r"hòa\s+bình|hoà\s+bình|người\s+tị\s+nạn|phiến\s+quân|lực\s+lượng|quân|căng\s+thẳng|vấn\s+đề|cuộc\s+chiến|"
    r"nhân\s+đạo|dân\s+thường|khủng\s+bố|đụng\s+độ|không\s+kích|tấn\s+công|vùng|khu\s+vực|thỏa\s+thuận|"
    r"thoả\s+thuận|hòa\s+giải|trung\s+tâm|căn\s+cứ)\s*)$",
    re.IGNORECASE,
)


def _place(doc: Doc, i: int, cstart: int, e: int, tstart: int, tend: int, cend: int
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
        at = _AT_BEFORE_RE.search(before)
        if at is None:
            continue
        if _NONVENUE_BEFORE_RE.search(before[: at.start()]) or _TOPIC_NOUN_BEFORE_RE.search(before[: at.start()]):
            continue
        lits = [x for x in g.literal_keys if doc.kind_of(x) in ("place", "country")]
        if not lits:
            continue
        k = lits[0]
        alt = bool(_HOAC_RE.match(text[g.end - s.begin:])) or bool(
            re.search(r"(?<!\w)hoặc\s+(?:ở|tại)?\s*$", before[-20:], re.IGNORECASE))
        tai = at.group(0).lower().lstrip().startswith("tại")
        cands.append((rb, k, alt, tai))
    if not cands:
        return None, False, -1
    if any(c[2] for c in cands):
        return None, True, -1
    ranked = sorted(cands, key=lambda c: (not c[3], c[0] < e, c[0] if c[0] >= e else -c[0]))
    pick = ranked[0]
    return pick[1], False, pick[0]


def _date(doc: Doc, i: int, cstart: int, b: int, e: int, cend: int, tstart: int, tend: int,
          pp_noun: bool = False) -> DateValue | None:
    if doc.dates is None:
        return None
    s = doc.ex.sentences[i]
    try:
        ds = _dates_of(doc, s)
    except Exception:  # a resolver bug must not lose the event
        return None
    best: tuple[int, DateValue] | None = None
    for d in ds:
        if d.span is None:
            continue
        rb, re_ = d.span.begin - s.begin, d.span.end - s.begin
        if rb < cstart or re_ > cend:
            continue
        if rb >= e and tstart < rb < tend:
            # a date inside a purpose/topic phrase belongs to something else, unless introduced by "vào/ngày"
            pre = s.text[max(0, rb - 6): rb].lower()
            if not re.search(r"(?:vào|ngày|hôm|trong)\s*$", pre):
                continue
        dist = b - re_ if re_ <= b else rb - e
        if re_ <= b and pp_noun and not re.search(r"(?<!\w)(?:ngày|hôm|vào|tối|sáng|chiều|trưa|đêm|rạng\s+sáng)\s*$",
                                                  s.text[max(0, rb - 12): rb] + d.text[:6], re.IGNORECASE) and \
                not re.match(r"(?:ngày|hôm|vào|tối|sáng|chiều|trưa|đêm)", d.text, re.IGNORECASE):
            continue  # "bầu cử năm 2016 trong cuộc gặp": a year of something else, not the meeting's day
        if re_ <= b and "," in s.text[re_:b]:
            dist += 1000  # a date before the trigger across a comma: only if nothing nearer
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _date_relation(doc: Doc, d: DateValue | None) -> int | None:
    """-1/0/+1: the event date before, on or after the article's date (publication, else its lead date)."""
    if d is None:
        return None
    pub = doc.ex.article.date_published
    if pub is not None and d.precision == "date" and pub.precision == "date":
        return (d.value > pub.value) - (d.value < pub.value)
    lead = _lead_date(doc)
    ref = pub if pub is not None else (lead[1] if lead else None)
    if ref is None or d.precision not in ("date", "gMonthDay") or ref.precision not in ("date", "gMonthDay"):
        return None
    a, b = _month_day(d.value), _month_day(ref.value)
    if a is None or b is None:
        return None
    diff = (a[0] - b[0]) * 31 + (a[1] - b[1])
    if abs(diff) > 150:  # too far apart to assume one year
        return None
    return (diff > 0) - (diff < 0)


def _month_day(v: str) -> tuple[int, int] | None:
    m = re.search(r"(\d{2})-(\d{2})$", v)
    return (int(m.group(1)), int(m.group(2))) if m else None


_PREC = {"date": 4, "gMonthDay": 3, "gYearMonth": 2, "gYear": 1}


def _dates_compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    va, vb = a.value, b.value
    if va == vb:
        return True
    if va.startswith("--") or vb.startswith("--"):
        return va[-5:] == vb[-5:] if (len(va) >= 7 and len(vb) >= 7) else False
    return va.startswith(vb) or vb.startswith(va)


def _better_date(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if _PREC.get(b.precision, 0) > _PREC.get(a.precision, 0) else a


def _place_event(doc: Doc, c: _Cand, events: list[Event], facts: dict[int, factuality.Factuality],
                 lemmas: dict[int, set[str]], lead_date: tuple[int, DateValue] | None) -> None:
    # back-references and repeated reports merge into an earlier event
    target = _find_target(doc, c, events, facts, lemmas)
    if target is not None:
        ev = target
        k = id(ev)
        if c.sentence not in ev.evidence:
            ev.evidence.append(c.sentence)
        for a in c.actors:
            if a == c.destination and ev.kind != "visit" and c.kind == "visit":
                continue  # a visit folded into a meeting: its destination is the meeting's place
            if a not in ev.actors:
                ev.actors.append(a)
        if ev.place is None and c.place:
            ev.place = c.place
        ev.date = _better_date(ev.date, c.date)
        if not ev.topic and c.topic:
            ev.topic = c.topic
        facts[k] = factuality.merge(facts[k], c.fact)
        ev.status = facts[k].status
        lemmas[k].add(c.lemma)
        if ev.kind == "visit" and c.kind != "visit" and not c.backref:
            ev.kind = c.kind
        return
    if c.strict_backref or (c.backref and not c.actors and not _valid(doc, c)):
        return
    if not _valid(doc, c):
        return
    date = c.date
    if date is None and c.fact.status == "occurred" and lead_date is not None and not c.background and \
            c.sentence <= lead_date[0] + 3:
        date = lead_date[1]
    ev = Event(kind=c.kind, status=c.fact.status, actors=list(c.actors), evidence=[c.sentence], place=c.place,
               date=date, topic=c.topic, trigger=c.trigger)
    events.append(ev)
    facts[id(ev)] = c.fact
    lemmas[id(ev)] = {c.lemma}


def _valid(doc: Doc, c: _Cand) -> bool:
    n = len(c.actors)
    if c.kind == "visit":  # a visitor, besides the place or country visited
        return any(a != c.destination for a in c.actors) and (c.destination is not None or n >= 2)
    if n >= 2:
        return True
    return n == 0 and c.place is not None and c.place_after and c.date is not None and \
        c.kind in ("negotiation", "talks")


def _find_target(doc: Doc, c: _Cand, events: list[Event], facts: dict[int, factuality.Factuality],
                 lemmas: dict[int, set[str]]) -> Event | None:
    fam = _FAMILY[c.kind]
    if c.backref:
        for ev in reversed(events):
            if c.sentence - max(ev.evidence) > 12 or not factuality.compatible(facts[id(ev)], c.fact):
                continue
            if not _dates_compatible(ev.date, c.date) or c.background:
                continue  # "Trước đó, trong các cuộc đàm phán ...": an earlier event, not the one just told
            if c.lemma in lemmas[id(ev)] or _lemma_core(c.lemma) in {_lemma_core(x) for x in lemmas[id(ev)]}:
                return ev
        for ev in reversed(events):
            if c.sentence - max(ev.evidence) > (2 if c.strict_backref else 4) or \
                    not factuality.compatible(facts[id(ev)], c.fact):
                continue
            if not _dates_compatible(ev.date, c.date) or c.background:
                continue
            if _kinds_compatible(ev.kind, c.kind):
                return ev
        if not c.actors:
            return None
    if not c.actors:
        # no actors: the same venue (and date, when both have one) in the same family, same word first
        fits = [ev for ev in reversed(events)
                if c.place_after and _FAMILY[ev.kind] == fam and ev.place and ev.place == c.place and
                _dates_compatible(ev.date, c.date) and (ev.date is not None or c.sentence - max(ev.evidence) <= 3)]
        core = _lemma_core(c.lemma)
        for ev in fits:
            if core in {_lemma_core(x) for x in lemmas[id(ev)]}:
                return ev
        return fits[0] if fits else None
    new = set(c.actors)
    for ev in reversed(events):
        efam = _FAMILY[ev.kind]
        old = set(ev.actors)
        if c.sentence in ev.evidence:
            continue  # two triggers of one sentence are two events ("đã họp ... và sẽ tiếp tục họp")
        if not old:
            # an event known only by venue and date, now with a participant ("X sẽ tham dự vòng hòa đàm")
            if efam == fam and c.sentence - max(ev.evidence) <= 4 and _kinds_compatible(ev.kind, c.kind) and \
                    _lemma_core(c.lemma) in {_lemma_core(x) for x in lemmas[id(ev)]} and \
                    (c.place is None or c.place == ev.place) and _dates_compatible(ev.date, c.date) and \
                    factuality.compatible(facts[id(ev)], c.fact):
                return ev
            continue
        if not factuality.compatible(facts[id(ev)], c.fact):
            continue
        if not _dates_compatible(ev.date, c.date) or (c.background and (ev.date is None or c.date is None)):
            continue
        if ev.place and c.place and ev.place != c.place and doc.kind_of(ev.place) == doc.kind_of(c.place):
            continue
        if efam == fam and efam in ("m", "p"):
            if not _kinds_compatible(ev.kind, c.kind):
                continue
            if new <= old or old <= new or len(new & old) >= 2:
                return ev
        elif {efam, fam} == {"m", "v"}:
            visit, meet = (c, ev) if fam == "v" else (ev, c)
            vis_actors = set(visit.actors) - ({visit.destination} if isinstance(visit, _Cand) else set())
            meet_actors = set(meet.actors)
            dest = visit.destination if isinstance(visit, _Cand) else visit.place
            mplace = meet.place
            if vis_actors & meet_actors and dest and mplace and (dest == mplace or dest in meet_actors):
                return ev
        elif efam == fam == "v":
            if new & old and (c.destination is None or ev.place in (None, c.destination) or
                              c.destination in old):
                return ev
    return None


_KIND_PAIRS = {frozenset(p) for p in (("meeting", "talks"), ("meeting", "summit"), ("talks", "negotiation"),
                                       ("meeting", "negotiation"))}


def _kinds_compatible(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in _KIND_PAIRS


def _lemma_core(lemma: str) -> str:
    return re.sub(r"^(?:cuộc|chuyến|vòng)\s+", "", lemma)
