"""Extraction component: agreements the articles refer to, accords reached in them, and violation claims.

Three things are read from body sentences:

1. **Known agreements** (`data/agreements.tsv`, see `agreement_catalogue`):
   every agreement noun ("thỏa thuận", "bản ghi nhớ", "hiệp định", "lệnh
   ngừng bắn", "nghị quyết 2254", ...) is matched against the catalogue from
   the words after it (and, after a signing verb, before it).  One `Agreement`
   per catalogue key per article, with every sentence that mentions it as
   evidence; the RDF layer merges the same key across articles.  "tiến trình
   Astana" (the talks) is a process, not the memorandum: only agreement nouns
   count.
2. **Accords reached in the article** (`Agreement(key=None)`): "A và B (đã)
   nhất trí / thống nhất / đồng ý <joint action>" (coordinate, cooperate,
   share, set up, cease fire, evacuate, ...; not "nhất trí ủng hộ", a shared
   stance) and "A (đã) ký / đạt được một thỏa thuận ..." for agreements the
   catalogue does not know (also "chấp nhận thỏa thuận với ...", "ký kết 2 thỏa
   thuận", passive "thỏa thuận ... giữa A và B đã được ký kết"; a local deal may
   have one named side: "các tay súng chấp nhận thỏa thuận với chính phủ").
   Agreements named after a place ("Thỏa thuận Min-xcơ", "Hiệp định Paris") get
   a node of their own.  Negated or unrealised ones ("không đạt thỏa
   thuận", "sẽ ký", "hy vọng đạt được thỏa thuận") are left out.  Parties are
   the entities of the subject (persons stand for their countries when their
   position says so); "hai bên" / "hai nước" take the countries of the nearest
   earlier sentence that names two.  Accords of one article with the same
   parties are one node.
3. **Violation and obstruction claims**: "<X> vi phạm / phá vỡ / chà đạp
   <agreement>", "cản trở / ngăn cản / phá hoại <agreement>" (obstruction),
   "<agreement> (đã) bị (X) vi phạm", violation nouns ("X ghi nhận 12 vụ vi phạm
   lệnh ngừng bắn" — X claims it; "..., nhưng đã xảy ra nhiều vụ vi phạm" after
   the agreement).  A violated agreement the catalogue does not identify gets a
   node of its own (`key` None, labelled by its noun phrase), as does a ceasefire
   the article describes by duration and place ("tuyên bố lệnh ngừng bắn 48 giờ ở
   Daraa").  The claimant is who says so
   (`attribution.source_of`), the accused the entities of the clause's subject
   before the verb.  Talk of preventing or monitoring violations ("ngăn chặn
   những vi phạm lệnh ngừng bắn") and negated ones are not claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syriakg.loaders.extract import agreement_catalogue as cat
from syriakg.loaders.extract import discourse
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.vi_regex import canon, sentences_with, vi
from syriakg.loaders.model import Agreement, DateValue, Sentence, Span, ViolationClaim

try:  # who says so; owned by the statements family
    from syriakg.loaders.extract import attribution as _attribution
except ImportError:  # pragma: no cover - only while that module is missing
    _attribution = None  # type: ignore[assignment]


def _r(p: str) -> re.Pattern[str]:
    return re.compile(vi(p), re.IGNORECASE)


# only sentences with one of these words (either tone placement) are read
CUE_WORDS = frozenset((  # "thuận" covers "thỏa thuận" and "thoả thuận"
    "thuận", "ghi nhớ", "hiệp", "ngừng bắn", "ngưng bắn", "đình chiến", "nghị quyết", "thông cáo", "nhất trí",
    "thống nhất", "đồng ý", "giảm căng thẳng", "giảm leo thang", "giảm xung đột", "jcpoa", "toàn diện chung"))
NOUN_RE = _r(
    r"(?<!\w)(?:thỏa thuận|biên bản ghi nhớ|bản ghi nhớ|hiệp định|hiệp ước|"
    r"(?:lệnh|chế độ|cơ chế) (?:ngừng bắn|ngưng bắn|đình chiến|ngừng chiến|hưu chiến)|"
    r"nghị quyết(?: số)? \d{3,4}|thông cáo (?:Geneva|Genève|Giơ-ne-vơ|Giơnevơ)|"
    r"kế hoạch hành động toàn diện chung|JCPOA|"
    # de-escalation zones described as set up by an agreement: "các khu vực giảm căng thẳng được thiết lập (tại
    # Astana / theo ...)" names the memorandum that set them up
    r"(?:vùng|khu vực|khu) giảm (?:căng thẳng|leo thang|xung đột)(?= (?:\S+ ){0,3}?(?:được |đã được |vừa được )?"
    r"(?:thiết lập|thành lập|lập ra|xác lập|nhất trí|thỏa thuận|ký kết)(?!\w)))(?!\w)"
)
# the agreement's noun phrase ends where the clause does, or where a predicate starts ("... đã có hiệu lực")
_WINDOW_STOP = _r(r"[;.!?]|(?<!\w)(?:nhưng|song|trong khi|tuy nhiên|đồng thời|trong bối cảnh|đã|đang|sẽ|vẫn|"
                  r"bắt đầu|là)(?!\w)")
MAX_WINDOW_WORDS = 30
_WORD_AND_SPACE = re.compile(r"\S+\s*")
_SPACE_AND_WORD = re.compile(r"\s*\S+")
_SIGNING_BEFORE = _r(r"(?<!\w)(?P<v>ký kết|kí kết|ký|kí|đạt được|đạt|thông qua|nhất trí về|thống nhất về|đồng ý với|"
                     r"chấp nhận|chấp thuận)"
                     r"(?: được)?(?: (?:một|các|những|hai|ba|bốn|năm|\d+|bản|văn bản|lại))*\s*$")
# "A đình chỉ / khôi phục / rút khỏi <agreement>": the subject's parties identify the agreement as a signing's do
_STATUS_BEFORE = _r(r"(?<!\w)(?:đình chỉ|tạm ngừng|ngừng tham gia|khôi phục|nối lại|rút khỏi|hủy bỏ|gia hạn|tái kích hoạt|"
                    r"dừng tuân thủ|ngừng tuân thủ|chấm dứt|dừng|ngừng|dừng hoạt động phối hợp(?: [^,.;]{0,40}? trong khuôn khổ)?)"
                    r"(?: (?:việc thực hiện|thực hiện|hiệu lực của|các|một|bản))*\s*$")
_UNREALISED = _r(r"(?<!\w)(?:không|chưa|chẳng|sẽ|có thể|dự kiến|hy vọng|muốn|mong muốn|nhằm|để|tiến tới|hướng tới|khi|"
                 r"gần|sắp|dường như|có vẻ|có lẽ|"
                 r"cần|phải|kêu gọi|đề nghị|nếu|sớm|chuẩn bị|đang đàm phán|nỗ lực|tìm cách|chờ|trước khi|"
                 r"không thể|thất bại trong việc)(?:\s+\S+){0,2}\s*$")
# --- violations ---
_VIOLATION_BEFORE = _r(
    r"(?<!\w)(?P<v>vi phạm|phá vỡ|chà đạp(?: lên)?|không tuân thủ|không tôn trọng|đi ngược lại|"
    r"cố cản trở|cản trở|ngăn cản|phá hoại|phá hỏng|làm chệch hướng)"
    r"(?P<adv>(?: (?:nghiêm trọng|trắng trợn|rõ ràng|trực tiếp|thô bạo|cả|lên|việc thực hiện|việc thực thi|"
    r"tiến trình thực hiện|các điều khoản của|điều khoản của|tinh thần của|nội dung của|"
    r"(?:những |các )?cam kết (?:trong khuôn khổ|theo khuôn khổ|theo|của)(?: của)?))*)\s+$"
)
_OBSTRUCTION = frozenset(map(canon, ("cố cản trở", "cản trở", "ngăn cản", "phá hoại", "phá hỏng", "làm chệch hướng")))
_PASSIVE_VIOLATION = _r(r"(?<!\w)bị (?:vi phạm|phá vỡ|chà đạp)(?!\w)")
_NOMINAL = _r(r"(?<!\w)(?:những|các|mọi|vụ|hành vi|hành động|trường hợp|lần|sự|số|nhiều)\s*$")
_ACCUSING = _r(r"(?<!\w)(?:cáo buộc|tố cáo|ghi nhận|phát hiện|lên án|tố)(?!\w)")
_PREVENTING = _r(r"(?<!\w)(?:ngăn chặn|kiểm soát|giám sát|theo dõi|tránh|xử lý|điều tra|báo cáo về|chưa xảy ra|"
                 r"không có|chưa có|không xảy ra|hạn chế|không bên nào|chưa bên nào)(?!\w)[^,;.]{0,40}$")
_GENERIC_VIOLATION = _r(r"(?<!\w)(?:mọi|bất kỳ|bất cứ|các hình thức|không có|chưa có|không)\s+(?:\S+\s+)?$")
_HYPOTHETICAL = _r(r"(?<!\w)(?:nếu|trong trường hợp|khi có|một khi|giả sử|ngăn chặn|ngăn ngừa|tránh)(?!\w)[^,;.]{0,40}$")
# a violation noun with no object ("... ghi nhận 12 vụ vi phạm", "hành động vi phạm của phe đối lập")
_LATER_VIOLATION = _r(r"(?<!\w)(?:vụ|hành vi|hành động|trường hợp|lần|sự|những|các|nhiều|số)\s+vi phạm"
                      r"(?=\s*(?:[,.;:!?)]|$|của|từ phía|do|bởi|nào|vẫn|đã|tiếp|xảy|diễn|gia tăng|tăng))")
_RECORDING = _r(r"(?<!\w)(?:ghi nhận|ghi nhận được|phát hiện|thống kê|báo cáo|đếm được|cáo buộc|tố cáo|lên án)"
                r"(?:\s+(?:được|có|thêm|tổng cộng|ít nhất|hơn|khoảng|gần))*\s+(?:\S+\s+){0,2}$")
_PASSIVE_AFTER = _r(r"\s*(?:(?:đã|cũng|liên tục|nhiều lần|vẫn|tiếp tục|lại|từng|đang)\s+)*bị\s+"
                    r"(?:(?P<x>[^,;.:“”\"]{1,50}?)\s+)?(?:vi phạm|phá vỡ|chà đạp)(?!\w)")
_NEGATED_PRED = _r(r"(?<!\w)(?:không|chưa|chẳng)(?!\w)")
_NONE_AFTER = _r(r"\s+nào(?!\w)")
_BY_AFTER = _r(r"\s+(?:của|từ phía|do|bởi)\s+(?P<x>[^,;.]+)")
_NEGATED_VERB = _r(r"(?<!\w)(?:không|chưa|chẳng|không hề|chưa hề|sẽ|có thể|nếu|không được|không nên|nhằm|để)\s*$")
# --- accords reached in the article ---
_ACCORD_RE = _r(
    r"(?<!\w)(?P<v>nhất trí|thống nhất|đồng ý|đạt được (?:sự )?(?:đồng thuận|nhất trí))"
    r"(?: (?:với nhau|cao))?(?: (?:về|rằng|là))?(?P<skip>(?: (?:việc|cách thức|các biện pháp|biện pháp|một|các|những|"
    r"cùng nhau|sẽ|tiếp tục|hai bên|các bên|hai nước))*) (?P<obj>\S+(?: \S+){0,3})"
)
JOINT_ACTIONS = tuple(map(canon, (
    "phối hợp", "hợp tác", "chia sẻ", "thành lập", "thiết lập", "lập", "triển khai", "tổ chức", "ngừng bắn",
    "ngưng bắn", "sơ tán", "trao đổi", "rút", "mở", "cơ chế", "kế hoạch", "lộ trình", "ký", "tuân thủ",
    "tăng cường hợp tác", "tăng cường phối hợp", "cùng", "tuần tra", "giám sát", "xây dựng", "cung cấp", "nối lại",
    "gia hạn", "duy trì", "thực hiện", "áp dụng", "tiến hành tuần tra", "tiến hành đàm phán", "trao trả",
    "dỡ bỏ", "thả", "chấm dứt", "đình chỉ", "thông qua", "thúc đẩy hợp tác", "thúc đẩy phối hợp", "đẩy mạnh hợp tác",
    "đẩy mạnh phối hợp", "mở rộng hợp tác", "tăng cường", "bảo đảm an ninh", "đảm bảo an ninh", "bảo vệ", "đẩy mạnh",
    "củng cố cơ chế", "củng cố lệnh ngừng bắn", "di tản", "thúc đẩy các nỗ lực", "thúc đẩy nỗ lực",
)))
_HEDGE = _r(r"(?<!\w)(?:dường như|có vẻ|có lẽ|nghi ngờ|đồn đoán)(?!\w)")
_POSSESSIVE = _r(r"(?<!\w)(?:của|thuộc|thành viên)\s*$")
_ANAPHOR_COUNT = {canon("hai"): 2, canon("ba"): 3, canon("bốn"): 4}
_COORD = _r(r"\s*(?:,|và|cùng|với|lẫn|cũng như|-|–|\(|\))?\s*(?:\(|\))?\s*(?:(?:ông|bà|ngài|người đồng cấp)\s+)?")
_SUBJECT_TAIL = _r(r"\s*\)?\s*(?:(?:đã|cũng|đều|vừa|mới|hôm nay|cùng ngày|trước đó|sau đó|bất ngờ|chính thức|cuối cùng|"
                   r"ngày \S+|hôm \S+|vào \S+|tại \S+)\s*)*")
_ANAPHOR = _r(r"(?<!\w)(?:hai|ba|bốn) (?:bên|nước|quốc gia|ngoại trưởng|nhà lãnh đạo|tổng thống|bộ trưởng|phái đoàn|"
              r"nước bảo trợ|nước bảo lãnh)(?!\w)")
_REPORTING = _r(r"(?<!\w)(?:cho biết|cho rằng|cho hay|khẳng định|tuyên bố|nói rằng|nói|thông báo|cáo buộc|tố cáo|"
                r"nhấn mạnh|xác nhận|nêu rõ|đưa tin)(?: rằng| là)?\s*[,:]?\s*")
# where the subject's predicate starts: entities after it are objects, not the accused
_PREDICATE = _r(r"(?<!\w)(?:đã|đang|vừa|tiến hành|thực hiện|mở|phát động|bắn|tấn công|nã)(?!\w)")
_OBLIQUE = _r(r"(?<!\w)(?:tại|ở|trong|về|từ|với|cho|đối với|nhằm vào|chống|theo|giữa|tới|đến|sang|khỏi)\s+$")
_KIND_WORDS = [
    (_r(r"cơ chế|nhóm công tác|ủy ban"), "mechanism"),
    (_r(r"ngừng bắn|ngưng bắn|đình chiến"), "ceasefire"),
    (_r(r"sơ tán|di tản|rời khỏi|rút khỏi|(?:hòa giải|giải quyết tình hình) (?:tại|ở) (?:quận|thị trấn|khu vực)"),
     "evacuation"),
    (_r(r"chia sẻ (?:thông tin|tình báo)|tình báo"), "intelligence_sharing"),
    (_r(r"phối hợp|hợp tác"), "coordination_accord"),
    (_r(r"kinh tế|thương mại|đầu tư|dầu|khí đốt|hợp đồng|cảng|căn cứ"), "economic_or_basing"),
]
_PARTY_KINDS = ("country", "organization", "armed_group", "person", "place")


@dataclass(slots=True)
class _NounMention:
    sentence: Sentence
    begin: int  # relative to the sentence
    end: int
    window_end: int
    entry: cat.CatalogueEntry | None
    atoms: frozenset[str] = frozenset()
    accord: bool = False  # an accord reached in the article, not a reference


def component(doc: Doc) -> None:
    """Add agreements (catalogue and accords) to `doc.ex.agreements`, violation claims to `doc.ex.violations`."""
    entries = cat.load_catalogue()
    known: dict[str, Agreement] = {}
    accords: list[Agreement] = []
    pending: list[_NounMention] = []
    for s in sentences_with(doc.ex.sentences, doc.ex.article.text, CUE_WORDS):
        nouns = _nouns(doc, s, entries)
        for n in nouns:
            if n.entry is not None:
                _mention_known(known, n)
            elif (a := _signed_accord(doc, n, accords)) is not None:
                _merge_accord(accords, a)
                n.accord = True
        for a in _agreed(doc, s, nouns, accords, known, entries):
            _merge_accord(accords, a)
        pending.extend(nouns)
    for n in pending:  # generic references to an agreement the article names elsewhere
        if n.entry is None:
            n.entry = _same_as_named(n, known, entries)
            if n.entry is not None:
                _mention_known(known, n)
    described: dict[str, Agreement] = {}
    for n in pending:
        if n.entry is None and not n.accord and (d := _described(doc, n)) is not None:
            _merge_described(described, d)
        elif n.entry is None and not n.accord and (d := _named(doc, n)) is not None:
            # "Hiệp định Paris" and "thỏa thuận Paris" in one article: one node, keyed by the name
            _merge_described(described, d, "named:" + canon(_NAMED_PREFIX.sub("", d.label)))
    for n in pending:
        v = _violation(doc, n, known, described)
        if v is not None:
            doc.ex.violations.append(v)
    doc.ex.agreements.extend(known.values())
    doc.ex.agreements.extend(accords)
    doc.ex.agreements.extend(a for a in described.values() if a not in accords)


# --- known agreements -----------------------------------------------------------------------------------------------


def _nouns(doc: Doc, s: Sentence, entries: tuple[cat.CatalogueEntry, ...]) -> list[_NounMention]:
    out: list[_NounMention] = []
    covered = -1
    spans = [(m.start(), m.end()) for m in NOUN_RE.finditer(s.text)]
    # "Quân đội Syria tuyên bố ngừng bắn 48 giờ": a declared ceasefire with a duration names one without "lệnh"
    spans += [(m.start("n"), m.end("n")) for m in _DECLARED_CEASEFIRE.finditer(s.text)]
    for b, e in sorted(spans):
        if b < covered:
            if not _second_named(s.text, b, e):
                continue  # "lệnh ngừng bắn ... do A, B thỏa thuận": one mention
            if out:  # "Thỏa thuận X và Hiệp định Y": two
                out[-1].window_end = min(out[-1].window_end, b)
        w_end = _window_end(s.text, b)
        covered = w_end
        ev = _evidence(doc, s, b, e, w_end)
        out.append(_NounMention(s, b, e, w_end, cat.identify(ev, entries), frozenset(ev.atoms)))
    return out


_ANOTHER_NAMED = _r(r"(?:,|và|cùng|hay|hoặc)\s*$")


def _second_named(text: str, b: int, e: int) -> bool:
    """A named agreement listed after another one ("Thỏa thuận Min-xcơ và Hiệp định Pa-ri")."""
    return bool(_ANOTHER_NAMED.search(text, max(0, b - 8), b) and _NAMED_NOUN.match(text[b:e])
                and _NAME_AFTER.match(text, e))
_DECLARED_CEASEFIRE = _r(r"(?<!\w)(?:tuyên bố|thông báo|áp dụng|ban bố|đơn phương|thực hiện)\s+(?P<n>(?:ngừng|ngưng) bắn)"
                         r"(?= (?:kéo dài |trong |tạm thời )?(?:\d+|một|hai|ba|bốn|năm|bảy|mười) (?:giờ|tiếng|ngày|tuần))")


def _window_end(text: str, begin: int) -> int:
    """End of the agreement's noun phrase: the clause end, at most MAX_WINDOW_WORDS words."""
    pos = begin
    for _ in range(MAX_WINDOW_WORDS):
        m = _WORD_AND_SPACE.match(text, pos)
        if not m:
            break
        stop = _WINDOW_STOP.search(text, pos, m.end())
        if stop and stop.start() > begin:
            return stop.start()
        nxt = m.end()
        token = m.group(0).rstrip()
        if token.endswith(",") and pos > begin:
            following = text[nxt : nxt + 1]
            if not following.isupper():  # ", Iran và ..." continues a list of names; ", sau đó" ends the phrase
                return pos + len(token) - 1
        pos = nxt
    return pos


def _evidence(doc: Doc, s: Sentence, b: int, e: int, w_end: int) -> cat.Evidence:
    window = s.text[b:w_end]
    atoms = cat.text_features(window)
    spans = [(b, w_end)]
    since = _SINCE_AFTER.match(s.text, w_end)
    if since is not None:  # "Lệnh ngừng bắn, được thực thi từ hồi tháng 12 năm ngoái, ...": when it began
        stop = re.search(r"[,;.!?]", s.text[since.end() :])
        spans.append((w_end, since.end() + (stop.start() if stop else min(40, len(s.text) - since.end()))))
    before = s.text[max(0, b - 120) : b]
    if _SIGNING_BEFORE.search(before) or _STATUS_BEFORE.search(before):
        clause_b = max(s.text.rfind(";", 0, b), s.text.rfind(":", 0, b), 0)
        spans.append((clause_b, b))
        atoms |= {f for f in cat.text_features(s.text[clause_b:b]) if f.startswith("name:")}
    for key in _parties_in(doc, s, spans):
        atoms.add(f"party:{key}")
    stated: tuple[int, int | None] | None = None
    dates = doc.dates
    if dates is not None and hasattr(dates, "expressions"):
        first_words_end = _nth_word_end(s.text, e, 8)
        for r in dates.expressions(s):  # type: ignore[attr-defined]
            rb, re_ = r.span.begin - s.begin, r.span.end - s.begin
            if not any(sb <= rb and re_ <= se for sb, se in spans):
                continue
            v = dates.estimate(r, s) if hasattr(dates, "estimate") else r.value
            y, mo = _year_month(v, r.expr)
            if v is not None and v.precision == "date":
                atoms.add(f"day:{v.value[:10]}")  # "thỏa thuận ký ngày 17/9/2018": the exact day
            if y is not None:
                atoms.add(f"year:{y}")
            if mo is not None:
                atoms.add(f"month:{mo}")
            if stated is None and e <= rb < first_words_end and (y is not None or mo is not None):
                stated = (y, mo) if y is not None else None
    window_dates = dates.time_window() if dates is not None and hasattr(dates, "time_window") else (None, None)
    return cat.Evidence(atoms, window_dates, stated)


# the predicate after an agreement's noun phrase that dates its start ("đã được thực thi từ hồi tháng 12 năm ngoái")
_SINCE_AFTER = _r(r"[\s,]*(?:(?:đã|đang|chính thức|bắt đầu|được|có|vừa|mới)\s+)*(?:thực thi|có hiệu lực|áp dụng|thực hiện|"
                  r"ký kết|ký|kí|thiết lập|công bố|ban bố|đạt được)\s+(?:(?:từ|kể từ|vào|hôm|ngày|hồi|cuối|đầu|giữa)\s+)+")


def _nth_word_end(text: str, pos: int, n: int) -> int:
    for _ in range(n):
        m = _SPACE_AND_WORD.match(text, pos)
        if not m:
            break
        pos = m.end()
    return pos


def _year_month(v: DateValue | None, expr) -> tuple[int | None, int | None]:
    if v is None:
        return None, expr.month
    if v.precision == "gMonthDay":
        return None, int(v.value[2:4])
    y = int(v.value[:4])
    mo = int(v.value[5:7]) if v.precision in ("date", "gYearMonth") else None
    return y, mo


def _mention_known(known: dict[str, Agreement], n: _NounMention) -> None:
    e = n.entry
    assert e is not None
    a = known.get(e.key)
    if a is None:
        a = Agreement(
            key=e.key, label=e.label_vi, evidence=[], parties=list(e.parties),
            date=DateValue(e.date.isoformat(), "date") if e.date else None,
            label_en=e.label_en, qid=e.qid, kind=e.kind,
            trigger=Span(n.sentence.begin + n.begin, n.sentence.begin + n.end),
        )
        known[e.key] = a
    if n.sentence.index not in a.evidence:
        a.evidence.append(n.sentence.index)


_GENERIC_BEFORE = _r(r"(?:(?<!\w)(?:nhiều|các|những|mọi|bất kỳ|bất cứ|một số|hy vọng|mong|muốn|có thể|sẽ|nếu|"
                     r"kêu gọi|đề xuất|đề nghị|cần|tiến tới|hướng tới|nhằm|chưa|không)(?!\w)[^,;.]{0,25})$")
_GENERIC_AFTER = _r(r"(?:\s+\S+){0,2}\s+(?:khác|mới)(?!\w)")
_TOPICS = ("topic:dezone", "topic:safezone", "topic:ceasefire", "topic:evacuation", "topic:cessation",
           "topic:demilitarised", "topic:air_safety")


def _same_as_named(n: _NounMention, known: dict[str, Agreement],
                   entries: tuple[cat.CatalogueEntry, ...]) -> cat.CatalogueEntry | None:
    """ "thỏa thuận về vùng an toàn" in an article that names the Astana memorandum elsewhere: the same one.

    Only when exactly one named agreement of the article has cues over one of the
    mention's topics, and none of the mention's names or places contradicts it.
    """
    if n.accord:
        return None
    s = n.sentence
    if _GENERIC_BEFORE.search(s.text[max(0, n.begin - 40) : n.begin]) or _GENERIC_AFTER.match(s.text, n.end):
        return None  # "nhiều lệnh ngừng bắn", "có thể đạt được thỏa thuận ...", "các thỏa thuận khác"
    topics = {a for a in n.atoms if a in _TOPICS}
    if not topics:
        return None
    found = []
    for e in entries:
        if e.key not in known:
            continue
        cue_atoms = {a.name for alt in e.cues for a in alt if not a.negated}
        specific = {a for a in n.atoms if a.startswith(("name:", "place:", "scope:"))}
        if topics & cue_atoms and specific <= cue_atoms:
            found.append(e)
    return found[0] if len(found) == 1 else None


# --- entities --------------------------------------------------------------------------------------------------------


def _person_country(doc: Doc, key: str) -> str | None:
    """The country a person acts for, when a position of theirs says so ("foreign_minister_of_russia")."""
    for h in doc.ex.positions:
        if h.holder != key:
            continue
        pk = h.position.key
        if pk in ("us_secretary_of_state", "president_of_the_united_states"):
            return "usa"
        m = re.search(r"_of_([a-z_]+)$", pk)
        if m and doc.kind_of(m.group(1)) == "country":
            return m.group(1)
    return None


def _org_country(doc: Doc, key: str) -> str | None:
    """The country of a state body keyed after it ("jordan_health_ministry", "russia_mod"), if the article names it."""
    if doc.kind_of(key) != "organization" or "_" not in key:
        return None
    head = key.split("_")[0]
    return head if doc.kind_of(head) == "country" else None


def _as_party(doc: Doc, key: str) -> str | None:
    key = cat.CAPITAL_OF.get(key, key)
    kind = doc.kind_of(key)
    if kind == "person":
        return _person_country(doc, key) or key
    return key if kind in _PARTY_KINDS else None


def _parties_in(doc: Doc, s: Sentence, spans: list[tuple[int, int]]) -> list[str]:
    out: list[str] = []
    for g in discourse.groups(doc, s.index):
        gb, ge = g.begin - s.begin, g.end - s.begin
        if any(b <= gb and ge <= e for b, e in spans):
            for k in g.keys:
                p = _as_party(doc, k)
                for q in (p, _org_country(doc, p) if p else None):  # "Bộ Quốc phòng Mỹ" is the US too
                    if q and q not in out:
                        out.append(q)
    return out


def _countries_before(doc: Doc, s: Sentence, need: int = 2) -> list[str]:
    """The countries of the nearest earlier sentence (up to three back) naming at least `need`, if exactly `need`."""
    for prev in reversed(doc.ex.sentences[max(0, s.index - 3) : s.index]):
        found: list[str] = []
        for key in (k for g in discourse.groups(doc, prev.index) for k in g.keys):
            k = cat.CAPITAL_OF.get(key, key)
            if doc.kind_of(k) == "person":
                k = _person_country(doc, k) or k
            if doc.kind_of(k) == "country" and k not in found:
                found.append(k)
        if len(found) >= need:
            return found if len(found) == need else []  # "hai nước" after three countries: unclear
    return []


def _content_begin(doc: Doc, s: Sentence, offset: int) -> int:
    """Where the reported content holding `offset` starts (after "X cho biết"), relative to the sentence."""
    if _attribution is not None and hasattr(_attribution, "attribution_at"):
        a = _attribution.attribution_at(doc, s.index, s.begin + offset)
        if a is not None and a.content.begin <= s.begin + offset:
            return max(0, a.content.begin - s.begin)
    last = None
    for m in _REPORTING.finditer(s.text, 0, offset):
        last = m
    return last.end() if last else 0


def _claimant(doc: Doc, s: Sentence, offset: int) -> str | None:
    if _attribution is None:
        return None
    return _attribution.source_of(doc, s.index, s.begin + offset)


# --- accords ---------------------------------------------------------------------------------------------------------


def _kind_of(text: str) -> str:
    for rx, kind in _KIND_WORDS:
        if rx.search(text):
            return kind
    return "accord"


def _subject_parties(doc: Doc, s: Sentence, verb_begin: int, accords: list[Agreement]) -> list[str]:
    """The entities of the subject right before a verb: "Nga và Thổ Nhĩ Kỳ ngày 29/12 | nhất trí"."""
    start = max(_content_begin(doc, s, verb_begin), s.text.rfind(";", 0, verb_begin) + 1)
    parties: list[str] = []
    right = verb_begin
    for g in reversed([g for g in discourse.groups(doc, s.index) if start <= g.begin - s.begin and
                       g.end - s.begin <= verb_begin]):
        gap = s.text[g.end - s.begin : right]
        if _POSSESSIVE.search(s.text[max(0, g.begin - s.begin - 15) : g.begin - s.begin]):
            break  # "một thành viên của NATO": the subject is someone unnamed
        if _WHERE_BEFORE.search(s.text[max(0, g.begin - s.begin - 30) : g.begin - s.begin]) or \
                (doc.kind_of(g.keys[0]) == "place" and _LIST_OF_PLACES.search(s.text[max(0, g.begin - s.begin - 40) :
                                                                                      g.begin - s.begin])):
            break  # "các nhóm vũ trang ở thành phố X, tỉnh Y | đồng ý ...": where they are, not who agrees
        if right == verb_begin:
            if not (discourse.is_filler(gap) or _SUBJECT_TAIL.fullmatch(gap) or _UNNAMED_MEMBER.fullmatch(gap)):
                break  # "quân đội Iraq | và các nhóm vũ trang | đồng ý ngừng bắn": an unnamed co-subject
        elif not _COORD.fullmatch(gap):
            break
        for k in g.keys:
            p = _as_party(doc, k)
            if p and p not in parties:
                parties.insert(0, p)
        right = g.begin - s.begin
    if len(parties) < 2:
        # "Nhóm công tác Nga - Mỹ về Syria (đã) nhất trí ...": the body's members are the parties
        members = _group_members(doc, s, start, verb_begin)
        if len(members) >= 2:
            return members
    ana = _ANAPHOR.search(s.text[start:verb_begin])
    if len(parties) < 2 and ana:
        # "hai bên", "ba nước": the parties of the last accord of that size, else the countries named just before
        n = _ANAPHOR_COUNT.get(canon(ana.group(0).split()[0]), 2)
        earlier = [a.parties for a in accords if len(a.parties) == n]
        parties = earlier[-1][:] if earlier else (_countries_before(doc, s, n) or parties)
    return parties


_JOINT_BODY = _r(r"(?<!\w)(?:nhóm (?:công tác|làm việc|hợp tác|chuyên gia|đặc nhiệm)|ủy ban|tiểu ban|hội đồng|"
                 r"đoàn (?:đàm phán|chuyên gia)|các nhà đàm phán|giới chức quân sự|các quan chức|đại diện)"
                 r"(?: (?:chung|hỗn hợp|liên hợp|song phương|ba bên|quân sự|an ninh))*\s+(?:của\s+)?")
_MEMBER_SEP = _r(r"\s*(?:-|–|—|,|và|cùng|/)\s*")


def _group_members(doc: Doc, s: Sentence, start: int, verb_begin: int) -> list[str]:
    """Parties named right after a joint body's noun ("nhóm công tác Nga - Mỹ", "ủy ban chung Nga và Thổ Nhĩ Kỳ")."""
    found = list(_JOINT_BODY.finditer(s.text, start, verb_begin))
    m = found[-1] if found else None
    if m is None:
        return []
    out: list[str] = []
    pos = m.end()
    for g in discourse.groups(doc, s.index):
        gb, ge = g.begin - s.begin, g.end - s.begin
        if gb < m.end() or ge > verb_begin:
            continue
        if gb != pos and not _MEMBER_SEP.fullmatch(s.text[pos:gb]):
            break
        for k in g.keys:
            p = _as_party(doc, k)
            if p and p not in out:
                out.append(p)
        pos = ge
    return out


def _accord(doc: Doc, s: Sentence, verb_begin: int, label_begin: int, label_end: int,
            extra_parties: list[str], accords: list[Agreement]) -> Agreement | None:
    parties = _subject_parties(doc, s, verb_begin, accords)
    for p in extra_parties:
        if p not in parties:
            parties.append(p)
    if len(parties) < 2 and not (parties and _unnamed_side(s, verb_begin, label_end)):
        return None
    for p in list(parties):  # "Bộ Y tế Jordan" signs for Jordan: the country is a party too
        c = _org_country(doc, p)
        if c is not None and c not in parties:
            parties.append(c)
    label = " ".join(s.text[label_begin:label_end].split()[:16]).rstrip(" ,")
    date = None
    if doc.dates is not None and hasattr(doc.dates, "clause_date"):
        date = doc.dates.clause_date(s, s.begin + verb_begin, max_distance=60)  # type: ignore[attr-defined]
    return Agreement(key=None, label=label, evidence=[s.index], parties=parties, date=date,
                     kind=_kind_of(label), trigger=Span(s.begin + verb_begin, s.begin + label_end))


# the other side of a local deal, often unnamed: "các tay súng đã chấp nhận thỏa thuận với chính phủ", "... đạt được
# thỏa thuận với phe nổi dậy"
_UNNAMED_SIDE_SRC = (r"(?<!\w)(?:các |những |nhóm |lực lượng )?(?:tay súng|phiến quân|phe nổi dậy|lực lượng nổi dậy|"
                     r"quân nổi dậy|phe đối lập|lực lượng đối lập|nhóm vũ trang|các nhóm vũ trang|nhóm nổi dậy|"
                     r"nhóm đối lập|các nhóm đối lập|chiến binh|các bộ lạc|bộ lạc|các chiến binh|phiến quân đối lập|"
                     r"quân đối lập|các phe phái|phe phái vũ trang)(?!\w)")
_UNNAMED_SIDE = _r(_UNNAMED_SIDE_SRC)
_UNNAMED_MEMBER = _r(r"\s*(?:,|và|cùng|với|cùng với)\s+" + _UNNAMED_SIDE_SRC + r"\s*(?:(?:đã|cũng|đều|vừa|mới)\s*)*")


def _unnamed_side(s: Sentence, verb_begin: int, label_end: int) -> bool:
    """An unnamed party in the subject right before the verb or after "với" in the accord's words."""
    head = s.text[max(0, s.text.rfind(",", 0, verb_begin) + 1) : verb_begin]
    m = _UNNAMED_SIDE.search(head)
    if m is not None and len(head[m.end():].split()) <= 4:
        return True
    for m in _UNNAMED_SIDE.finditer(s.text, verb_begin, label_end):
        if re.search(r"(?<!\w)với\s+(?:\S+\s+){0,1}$", s.text[max(0, m.start() - 20) : m.start()]):
            return True
    return False


def _agreed(doc: Doc, s: Sentence, nouns: list[_NounMention], accords: list[Agreement],
            known: dict[str, Agreement], entries: tuple[cat.CatalogueEntry, ...]) -> list[Agreement]:
    """ "A và B nhất trí phối hợp ...": accords on joint action."""
    out: list[Agreement] = []
    for m in _ACCORD_RE.finditer(s.text):
        obj = canon(m.group("obj"))
        if not any(obj == j or obj.startswith(j + " ") for j in JOINT_ACTIONS):
            continue  # "nhất trí ủng hộ ...", "thống nhất các hướng giải quyết": a shared stance, not an accord
        if _UNREALISED.search(s.text[max(0, m.start() - 40) : m.start()]) or _HEDGE.search(s.text[: m.start()]):
            continue
        if _NOMINAL.search(s.text[max(0, m.start() - 10) : m.start()]):
            continue  # "sự thống nhất", "những nhất trí"
        if any(n.entry is not None and n.begin <= m.start() < n.window_end for n in nouns):
            continue  # part of a known agreement's description
        end = _window_end(s.text, m.start("obj"))  # "nhất trí sẽ ...": the words after the verb
        # "đồng ý thành lập 4 khu vực giảm leo thang" describes the Astana memorandum; but "nhất trí về cơ chế
        # giám sát lệnh ngừng bắn" is a new accord that refers to another (that noun is read on its own)
        entry = None if NOUN_RE.search(s.text, m.start("obj"), end) else cat.identify(
            _evidence(doc, s, m.start("obj"), m.end("obj"), end), entries)
        if entry is not None:  # "đồng ý thành lập 4 khu vực giảm leo thang": the Astana memorandum
            _mention_known(known, _NounMention(s, m.start("obj"), m.end("obj"), end, entry))
            continue
        a = _accord(doc, s, m.start("v"), m.start("v"), end, [], accords)
        if a is not None:
            out.append(a)
    return out


_WHERE_BEFORE = _r(r"(?<!\w)(?:tại|ở|gần|quanh|ngoại ô)\s+(?:(?:khu vực|quận|thị trấn|thành phố|tỉnh|vùng|làng|thủ đô)\s+)?$")


_PASSIVE_SIGNED = _r(r"\s*(?P<v>(?:(?:đã|vừa|mới|chính thức|cuối cùng)\s+)*được\s+(?:ký kết|kí kết|ký|kí|thông qua)"
                    r"|(?:(?:đã|vừa|mới)\s+)+(?:ký kết|kí kết|ký|kí))(?!\w)")
_LIST_OF_PLACES = _r(r"(?<!\w)(?:ở|tại)\s+[^;:.]{0,40},\s*(?:(?:tỉnh|thành phố|thị trấn|quận|huyện|vùng|khu vực)\s+)?$")
_PASSIVE_SIGNED_IN = _r(r"\s(?P<v>(?:(?:đã|vừa|mới|chính thức)\s+)*được\s+(?:ký kết|kí kết|ký|kí|thông qua))(?!\w)")
_BETWEEN = _r(r"(?<!\w)giữa\s")
_PAIR = re.compile(r"[A-ZĐ][\w'’-]*\s*[-–]\s*[A-ZĐ]")  # "thỏa thuận ngừng bắn Iraq - Jordan"


def _signed_accord(doc: Doc, n: _NounMention, accords: list[Agreement]) -> Agreement | None:
    """ "A và B đã ký một thỏa thuận ...": an accord the catalogue does not know."""
    s = n.sentence
    before = s.text[max(0, n.begin - 60) : n.begin]
    m = _SIGNING_BEFORE.search(before)
    if m is None:
        # "Thỏa thuận ngừng bắn giữa A và B đã được ký kết": signed, the parties named after "giữa"
        p = _PASSIVE_SIGNED.match(s.text, n.window_end) or _PASSIVE_SIGNED_IN.search(s.text, n.end, n.window_end)
        if p is None or not (_BETWEEN.search(s.text, n.end, p.start("v")) or _PAIR.search(s.text, n.end, p.start("v"))) \
                or n.sentence.text[n.begin : n.end].lower().startswith(("nghị quyết", "thông cáo")):
            return None
        return _accord(doc, s, p.start("v"), n.begin, p.end(), [], accords)
    if canon(m.group("v")).startswith(("nhất trí", "thống nhất", "đồng ý")):
        return None
    verb_begin = max(0, n.begin - 60) + m.start("v")
    if _UNREALISED.search(s.text[max(0, verb_begin - 40) : verb_begin]) or _HEDGE.search(s.text[:verb_begin]):
        return None
    if n.sentence.text[n.begin : n.end].lower().startswith(("nghị quyết", "thông cáo")):
        return None  # a resolution is adopted by one body, not agreed between parties
    extra = []
    w = s.text[n.begin : n.window_end]
    with_m = re.search(r"(?<!\w)(?<!đối\s)với\s+(?P<x>(?:\S+\s+){0,4}\S+)", w, re.IGNORECASE)
    if with_m:
        first = [g for g in discourse.groups(doc, s.index)
                 if n.begin + with_m.start("x") <= g.begin - s.begin < n.begin + with_m.end("x")
                 and not _WHERE_BEFORE.search(s.text[max(0, g.begin - s.begin - 30) : g.begin - s.begin])]
        # "thỏa thuận với phe nổi dậy tại khu vực X": X is where, not a party
        if first:
            extra = [p for k in first[0].keys if (p := _as_party(doc, k))]
    return _accord(doc, s, verb_begin, n.begin, n.window_end, extra, accords)


def _merge_accord(accords: list[Agreement], new: Agreement) -> None:
    for a in accords:
        if set(a.parties) == set(new.parties):
            for i in new.evidence:
                if i not in a.evidence:
                    a.evidence.append(i)
            a.date = a.date or new.date
            if a.kind == "accord" and new.kind != "accord":
                a.kind = new.kind
            return
    accords.append(new)


# --- violations ------------------------------------------------------------------------------------------------------


def _violation(doc: Doc, n: _NounMention, known: dict[str, Agreement],
               described: dict[str, Agreement] | None = None, generic: bool = False) -> ViolationClaim | None:
    if n.accord:
        return None
    s = n.sentence
    if n.entry is None and not generic:  # an agreement the catalogue does not know: a node only if violated
        if described is None or not _violation_cue(s, n):
            return None
        v = _violation(doc, n, {"": Agreement(key=None, label="", evidence=[])}, None, generic=True)
        if v is not None:
            v.agreement = _generic(n, described)
        return v
    agreement = known[n.entry.key if not generic else ""]
    before = s.text[max(0, n.begin - 80) : n.begin]
    m = _VIOLATION_BEFORE.search(before)
    if m is not None:
        verb_b = max(0, n.begin - 80) + m.start("v")
        verb = canon(m.group("v"))
        pre = s.text[max(0, verb_b - 40) : verb_b]
        if _NEGATED_VERB.search(pre) or _PREVENTING.search(pre) or _HYPOTHETICAL.search(pre):
            return None
        if _NOMINAL.search(pre) and (_GENERIC_VIOLATION.search(pre) or _HYPOTHETICAL.search(s.text[:verb_b])) \
                and not _ACCUSING.search(s.text[:verb_b]):
            return None  # "mọi vi phạm lệnh ngừng bắn", "nếu có vi phạm": talked about, nobody accused
        obstruction = verb in _OBSTRUCTION
        rec = _RECORDING.search(pre) if _NOMINAL.search(pre) else None
        if rec is not None:
            # "Bộ Quốc phòng Nga ghi nhận 12 vụ vi phạm lệnh ngừng bắn (của phe đối lập)": the recorder claims it
            rec_b = max(0, verb_b - 40) + rec.start()
            recorder = _subject_parties(doc, s, rec_b, [])
            raw = [g.keys[0] for g in discourse.groups(doc, s.index) if g.end - s.begin <= rec_b]
            claimant = (_claimant(doc, s, rec_b) or (raw[-1] if raw and recorder else None))
            by = _BY_AFTER.match(s.text, n.window_end)
            accused = _accused(doc, s, by.start("x"), by.end("x")) if by else []
            return ViolationClaim(agreement=agreement, claimant=claimant, evidence=[s.index],
                                  accused=[a for a in accused if a != claimant], obstruction=obstruction,
                                  date=_claim_date(doc, s, verb_b))
        subj_b = max(_content_begin(doc, s, verb_b), s.text.rfind(";", 0, verb_b) + 1)
        predicate = _PREDICATE.search(s.text, subj_b, verb_b)
        subj_e = predicate.start() if predicate and s.text[subj_b : predicate.start()].strip() else verb_b
        claimant = _claimant(doc, s, verb_b)
        accused = [p for p in _accused(doc, s, subj_b, subj_e) if p != claimant]
        return ViolationClaim(agreement=agreement, claimant=claimant, evidence=[s.index], accused=accused,
                              obstruction=obstruction, date=_claim_date(doc, s, verb_b))
    p = _PASSIVE_VIOLATION.search(s.text, n.end, n.window_end)
    if p is not None and not _NEGATED_VERB.search(s.text[max(0, p.start() - 15) : p.start()]):
        claimant = _claimant(doc, s, n.begin)
        by = re.search(vi(r"(?<!\w)bởi (?P<x>.+)$"), s.text[p.end() : n.window_end], re.IGNORECASE)
        accused = _accused(doc, s, p.end() + by.start("x"), n.window_end) if by else []
        return ViolationClaim(agreement=agreement, claimant=claimant, evidence=[s.index],
                              accused=[a for a in accused if a != claimant], date=_claim_date(doc, s, p.start()))
    # "<agreement> đã bị (các nhóm phiến quân) vi phạm": the predicate right after the noun phrase, its agent accused
    pa = _PASSIVE_AFTER.match(s.text, n.window_end)
    if pa is not None and not _NEGATED_VERB.search(s.text[max(0, pa.start() - 15) : pa.start()]) and \
            not _NEGATED_PRED.search(pa.group(0)):
        claimant = _claimant(doc, s, n.begin)
        accused = _accused(doc, s, pa.start("x"), pa.end("x")) if pa.group("x") else []
        return ViolationClaim(agreement=agreement, claimant=claimant, evidence=[s.index],
                              accused=[a for a in accused if a != claimant], date=_claim_date(doc, s, pa.start()))
    # "Lệnh ngừng bắn ... có hiệu lực, nhưng đã ghi nhận 12 vụ vi phạm (của phe đối lập)": a violation noun later in
    # the sentence with no object of its own refers back to the agreement
    later = _LATER_VIOLATION.search(s.text, n.window_end)
    if later is not None and not NOUN_RE.search(s.text, n.window_end, later.start()):
        pre = s.text[max(0, later.start() - 40) : later.start()]
        if _NEGATED_VERB.search(pre) or _PREVENTING.search(pre) or _HYPOTHETICAL.search(pre) or \
                _GENERIC_VIOLATION.search(pre) or _NONE_AFTER.match(s.text, later.end()):
            return None
        claimant = _claimant(doc, s, later.start())
        by = _BY_AFTER.match(s.text, later.end())
        accused = _accused(doc, s, by.start("x"), by.end("x")) if by else []
        return ViolationClaim(agreement=agreement, claimant=claimant, evidence=[s.index],
                              accused=[a for a in accused if a != claimant], date=_claim_date(doc, s, later.start()))
    return None


def _violation_cue(s: Sentence, n: _NounMention) -> bool:
    before = s.text[max(0, n.begin - 80) : n.begin]
    return bool(_VIOLATION_BEFORE.search(before) or _PASSIVE_VIOLATION.search(s.text, n.end, n.window_end)
                or _PASSIVE_AFTER.match(s.text, n.window_end) or _LATER_VIOLATION.search(s.text, n.window_end))


_LABEL_CUT = _r(r"\s(?:có hiệu lực|được|bị|trong \d+|trong (?:vòng|suốt)|từ|kể từ|vào|hôm|ngày \d+|đã|sẽ|nhưng|và các|sau|nhằm|để)(?!\w)")


def _label(s: Sentence, n: _NounMention) -> str:
    text = s.text[n.begin : n.window_end]
    cut = _LABEL_CUT.search(text, n.end - n.begin)
    if cut:
        text = text[: cut.start()]
    return " ".join(text.split()[:14]).rstrip(" ,")


def _generic(n: _NounMention, described: dict[str, Agreement]) -> Agreement:
    """The node of an agreement the catalogue does not identify, named by its noun phrase."""
    s = n.sentence
    label = _label(s, n)
    for a in described.values():
        if n.sentence.index in a.evidence and a.trigger is not None and \
                a.trigger.begin == s.begin + n.begin:
            return a
    key = canon(label)
    a = described.get(key)
    if a is None:
        a = Agreement(key=None, label=label, evidence=[s.index], kind=_kind_of(label),
                      trigger=Span(s.begin + n.begin, s.begin + n.end))
        described[key] = a
    elif s.index not in a.evidence:
        a.evidence.append(s.index)
    return a


# --- agreements described in the article (not in the catalogue) ------------------------------------------------------

_DURATION = _r(r"(?<!\w)(?:\d+|một|hai|ba|bốn|năm|bảy|mười) (?:giờ|tiếng|ngày|tuần|tháng)(?!\w)|(?<!\w)(?:tạm thời|nhân đạo)(?!\w)")
_PLACE_AFTER = _r(r"\s+(?:\S+\s+){0,6}?(?:ở|tại|cho|trên toàn)\s+\S")
_IN_FORCE = _r(r"(?<!\w)(?:tuyên bố|thông báo|ban bố|áp dụng|có hiệu lực|bắt đầu|kéo dài|gia hạn|thiết lập|đạt được|"
               r"công bố|được ký|đã ký|ký kết|thực thi|được thực hiện|được duy trì)(?!\w)")


def _described(doc: Doc, n: _NounMention) -> Agreement | None:
    """ "Quân đội Syria tuyên bố lệnh ngừng bắn 48 giờ ở Daraa": a ceasefire the article describes by its
    duration and place, in force or declared (not proposed, hoped for or negated)."""
    s = n.sentence
    noun = s.text[n.begin : n.end].lower()
    if not any(w in noun for w in ("ngừng bắn", "ngưng bắn", "đình chiến", "ngừng chiến", "hưu chiến")):
        return None
    window = s.text[n.end : n.window_end]
    if not _DURATION.search(window[:40]):
        return None
    if not _PLACE_AFTER.match(window) and not _DURATION.match(window.lstrip()):
        return None
    if _GENERIC_BEFORE.search(s.text[max(0, n.begin - 40) : n.begin]):
        return None  # "kêu gọi lệnh ngừng bắn 30 ngày", "có thể ...": not in force
    if _UNREALISED.search(s.text[max(0, n.begin - 40) : n.begin]):
        return None
    verb = _IN_FORCE.search(s.text)
    if verb is None or _NEGATED_VERB.search(s.text[max(0, verb.start() - 15) : verb.start()]):
        return None
    label = _label(s, n)
    parties = _subject_parties(doc, s, min(verb.start(), n.begin), []) if verb.start() < n.begin else []
    date = None
    if doc.dates is not None and hasattr(doc.dates, "clause_date"):
        date = doc.dates.clause_date(s, s.begin + n.begin, max_distance=60)  # type: ignore[attr-defined]
    return Agreement(key=None, label=label, evidence=[s.index], parties=parties, date=date, kind="ceasefire",
                     trigger=Span(s.begin + n.begin, s.begin + n.end))


# an agreement named after a place ("Thỏa thuận Min-xcơ", "Hiệp định Pa-ri", "Hiệp ước Lausanne"): a name, not a
# description; names of countries ("thỏa thuận Nga - Thổ") and bodies only say who signed
_NAMED_PREFIX = _r(r"^(?:thỏa thuận|hiệp định|hiệp ước|bản ghi nhớ|biên bản ghi nhớ)\s+"
                  r"(?:(?:ở|tại|hòa bình|khí hậu|hạt nhân|ngừng bắn|đình chiến)\s+)?")
_NAMED_NOUN = _r(r"^(?:thỏa thuận|hiệp định|hiệp ước|bản ghi nhớ|biên bản ghi nhớ)$")
_NAME_AFTER = re.compile(r"\s+(?:(?:ở|tại|hòa bình|khí hậu|hạt nhân|ngừng bắn|đình chiến)\s+)?(?P<name>[A-ZĐÀ-Ỹ][\w'’]*(?:-[\w'’]+)*(?:\s+[A-ZĐ][\w'’]*(?:-[\w'’]+)*){0,2})")
_UNKNOWN_NAME = re.compile(r"[A-ZĐ][a-zơư]*(?:-[A-Za-zơưê]+)+|[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]{2,})?")
_NOT_A_NAME = _r(r"^(?:Tháng|Năm|Ngày|Hội|Bộ|Tổng|Liên|Chính|Nhà|Quốc|Ủy|Thủ|Ngoại|Tòa)(?!\w)")


def _named(doc: Doc, n: _NounMention) -> Agreement | None:
    """ "Thỏa thuận Min-xcơ", "Hiệp định Pa-ri": an agreement the catalogue does not know, named after a place."""
    s = n.sentence
    if not _NAMED_NOUN.match(s.text[n.begin : n.end]):
        return None
    m = _NAME_AFTER.match(s.text, n.end)
    if m is None or _NOT_A_NAME.match(m.group("name")):
        return None
    nb, ne = m.start("name"), m.end("name")
    if re.match(r"\s*[-–—]\s*\w", s.text[ne : ne + 4]):
        return None  # "thỏa thuận Việt Nam - EU": between two parties
    groups = [g for g in discourse.groups(doc, s.index) if nb <= g.begin - s.begin < ne]
    if groups:
        g = groups[0]
        kinds = {doc.kind_of(k) for k in g.literal_keys}  # "Hiệp định Paris": the city, not France it stands for
        if not kinds <= {"place"} or g.begin - s.begin != nb:
            return None  # a country, a body or a person; or the name starts with a word that is not one
    elif not _UNKNOWN_NAME.fullmatch(m.group("name")):
        # an unknown name: one phonetic word ("Min-xcơ") or one or two Latin words ("Minsk", "Sykes-Picot"); not an
        # acronym, a code ("S-400") or a Vietnamese word
        return None
    label = s.text[n.begin : ne]
    return Agreement(key=None, label=label[:1].upper() + label[1:], evidence=[s.index], kind="agreement",
                     trigger=Span(s.begin + n.begin, s.begin + ne))


def _merge_described(described: dict[str, Agreement], new: Agreement, key: str | None = None) -> None:
    key = key or canon(new.label)
    old = described.get(key)
    if old is None:
        described[key] = new
        return
    for i in new.evidence:
        if i not in old.evidence:
            old.evidence.append(i)


def _accused(doc: Doc, s: Sentence, b: int, e: int) -> list[str]:
    """Entities named in s.text[b:e] (the subject before the verb), not those in a place or object phrase."""
    out: list[str] = []
    for g in discourse.groups(doc, s.index):
        gb, ge = g.begin - s.begin, g.end - s.begin
        if not (b <= gb and ge <= e) or _OBLIQUE.search(s.text[max(b, gb - 20) : gb]):
            continue
        for k in g.keys:
            if doc.kind_of(k) in ("country", "organization", "armed_group", "person", "ethnic_group"):
                key = cat.CAPITAL_OF.get(k, k)
                if key not in out:
                    out.append(key)
    return out


def _claim_date(doc: Doc, s: Sentence, offset: int) -> DateValue | None:
    if doc.dates is None or not hasattr(doc.dates, "clause_date"):
        return None
    v = doc.dates.clause_date(s, s.begin + offset, max_distance=80)  # type: ignore[attr-defined]
    if v is not None and v.precision in ("date", "gMonthDay"):
        return v
    return None
