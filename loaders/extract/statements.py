"""Extraction component: statements (kg:Statement) — who said, announced, confirmed, denied, called for,
rejected, warned or accused, when, where, with the quoted words.

Built on `attribution`: every reporting cue with a named speaker becomes a
statement, except

* negated cues ("chưa xác nhận", "từ chối bình luận") — nothing was said;
* plural speakers ("hai bên khẳng định") — a joint position, not one speaker's words;
* a country or government speaking as a whole ("Nga tuyên bố ...", "Chính phủ Syria bác bỏ ...",
  "Nhà Trắng cho biết ...") IS a statement, unless it is only the institutional face of a
  person or body of that country who speaks on the same occasion in the article ("Mỹ tuyên bố
  rút quân" in the lead, "Tổng thống Trump thông báo ... rút ... quân" in the body: the person
  is the speaker; the country statement is redundant), an unnamed office-holder ("Ngoại trưởng
  UAE cho biết"), a background clause ("sau khi Mỹ tuyên bố ...", "việc Thổ Nhĩ Kỳ cảnh báo
  ...", "... mà Nga cho rằng ..."), or words reported inside another speaker's content or quote
  ("Ông X cho biết Nga đã thông báo ...");
* a news outlet or agency used as the source of someone else's words ("Theo hãng tin
  Interfax, Bộ Quốc phòng Nga cho biết ...", "Hãng PTI đưa tin ông X tuyên bố ..."); an
  outlet speaking in its own voice ("Tờ X đưa tin ...", "..., tờ X cho biết") is a speaker;
* a figure already recorded as a `CasualtyClaim` with this speaker as claimant, only when
  `FIGURE_STATEMENTS` is False (default True: "SOHR thông báo 8 người thiệt mạng" is both the
  claim and a statement of SOHR's; the seed gold leaves such statements out, the dev gold keeps
  them); a country's words that only claim a violation stay with the `ViolationClaim`.

What one speaker says on one occasion in an article is ONE statement: the
sentences are its evidence (consecutive remarks, "Theo ông X, ...", a quote
continued over several sentences and closed by ", ông X nói.").  Statements
of the same speaker merge unless their dates or places differ.

Words reported in a "sau khi / trước khi X thông báo ..." clause were said on an
earlier occasion: they are a statement of their own, never merged.

`date`: a date written in the reporting frame ("Ngày 25/2, ông X thông báo",
"X hôm 14/12 cho biết", "..., ông X nói hôm 5/3") — never a date inside the
reported content.  `place`: "Phát biểu tại <nơi>", "trả lời báo giới ở <nơi>",
"X phát biểu tại cuộc họp báo ở <nơi> rằng ..."; else, when the frame names the
occasion ("Tại cuộc họp báo sau hội đàm, X nói"), the city of the meeting X
attended in this or the previous sentence.
`quote`: the words inside quotation marks attributed to the speaker.
"""

from __future__ import annotations

import re

from syriakg.loaders.extract import attribution, discourse
from syriakg.loaders.extract.attribution import Attribution
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import DateValue, Span, SpeechAct, Statement

# Country speakers follow the rule in the module docstring; False drops every one of them.
COUNTRY_SPEAKERS = True
# how near (in sentences) a person's statement is taken to be the same occasion as a country's
SAME_OCCASION_SENTENCES = 3
FIGURE_STATEMENTS = True

_DENY_OBJECT_RE = re.compile(r"^\s*(?:các\s+|những\s+)?(?:thông\s+tin|tin|cáo\s+buộc|báo\s+cáo|tuyên\s+bố)",
                             re.IGNORECASE)
_VENUE_RE = re.compile(
    r"(?<!\w)(?:phát\s+biểu|trả\s+lời|nói|trao\s+đổi|họp\s+báo|cuộc\s+họp\s+báo|thông\s+báo|tuyên\s+bố|"
    r"phiên\s+họp|hội\s+nghị|diễn\s+đàn)[^,.;]{0,60}?(?<!\w)(?:tại|ở)\s+$",
    re.IGNORECASE,
)
# content that opens with a casualty figure ("ít nhất 16 binh sĩ đã thiệt mạng ..."): a claim, not a statement
_FIGURE_RE = re.compile(
    r"^\s*(?:có\s+)?(?:ít\s+nhất|hơn|khoảng|gần|tới|lên\s+tới|trên|tổng\s+cộng)?\s*\d[\d.,]*\s+(?:\S+\s+){0,6}?"
    r"(?:đã\s+|bị\s+)?(?:thiệt\s+mạng|tử\s+vong|thương\s+vong|bị\s+thương|chết|sơ\s+tán|tị\s+nạn|mất\s+tích)",
    re.IGNORECASE,
)
# a fronted segment naming the speaking occasion: its date is the statement's ("Trong cuộc họp báo ngày 3/2, X nói")
_OCCASION_RE = re.compile(
    r"\s*(?:(?:trong|tại|qua|trên|sau|khi)\s+)?(?:(?:một|cuộc|buổi|bản|lần)\s+)*(?:họp\s+báo|phát\s+biểu|"
    r"trả\s+lời\s+(?:phỏng\s+vấn|báo\s+giới|báo\s+chí|câu\s+hỏi)|phỏng\s+vấn|tuyên\s+bố|thông\s+cáo|"
    r"thông\s+báo|trao\s+đổi\s+với\s+(?:báo\s+giới|báo\s+chí|phóng\s+viên)|gặp\s+gỡ\s+báo\s+giới|"
    r"bài\s+(?:phát\s+biểu|viết)|thư|phiên\s+họp|cuộc\s+gặp\s+báo\s+giới)(?!\w)"
    r"|\s*(?:sau|tại|trong|bên\s+lề)\s+(?:(?:một|cuộc|buổi|phiên|lễ)\s+)*(?:hội\s+đàm|gặp\s+gỡ|gặp|họp|hội\s+nghị|"
    r"điện\s+đàm|đàm\s+phán|ký)(?!\w)",
    re.IGNORECASE,
)
_AT_RE = re.compile(r"(?<!\w)(?:tại|ở)(?:\s+(?:thủ\s+đô|thành\s+phố))?\s+$", re.IGNORECASE)


def component(doc: Doc) -> None:
    """Add statements to `doc.ex.statements` (one per speaker and occasion, with every evidence sentence)."""
    out: list[Statement] = []
    claimed = _casualty_claimants(doc) | _violation_claimants(doc)
    _SEPARATE.clear()
    for i, s in enumerate(doc.ex.sentences):
        if s.kind != "body":
            continue
        for a in attribution.attributions(doc, i):
            st = _statement(doc, a, claimed)
            if st is not None:
                if _in_background_clause(doc, a):
                    _SEPARATE.add(id(st))
                _merge_into(out, st)
        # a sentence inside a quotation with no cue of its own: evidence of the quoted speaker's statement
        if not attribution.attributions(doc, i):
            q = _quote_only(doc, i)
            if q is not None:
                _merge_into(out, q)
    doc.ex.statements.extend(_drop_redundant_countries(doc, out))
    _SEPARATE.clear()


# ids of the statements being built that were read in a background clause (one component run at a time)
_SEPARATE: set[int] = set()
# "sau khi X thông báo ...", "trước khi X tuyên bố ...": what X said earlier, a separate occasion
_EARLIER_BEFORE_RE = re.compile(r"(?<!\w)(?:sau\s+khi|trước\s+khi|kể\s+từ\s+khi)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)


def _in_background_clause(doc: Doc, a: Attribution) -> bool:
    """The cue's subject opens a "sau khi / trước khi" clause: words said before the main clause's event."""
    if a.form != "pre" or a.speaker_span is None:
        return False
    s = doc.ex.sentences[a.sentence]
    if not s.begin <= a.speaker_span.begin < s.end:
        return False
    before = doc.ex.article.text[max(s.begin, a.speaker_span.begin - 40): a.speaker_span.begin]
    return bool(_EARLIER_BEFORE_RE.search(before))


def _violation_claimants(doc: Doc) -> set[tuple[int, str]]:
    """A country's claim that an agreement was violated is carried by the ViolationClaim (as a casualty figure
    is by its CasualtyClaim); only countries: a person's words stay a statement too."""
    out: set[tuple[int, str]] = set()
    for v in doc.ex.violations:
        if v.claimant and doc.kind_of(v.claimant) == "country":
            for i in v.evidence:
                out.add((i, v.claimant))
    return out


def _casualty_claimants(doc: Doc) -> set[tuple[int, str]]:
    out: set[tuple[int, str]] = set()
    for c in doc.ex.casualties:
        if c.claimant:
            for i in c.evidence:
                out.add((i, c.claimant))
    return out


def speaker_ok(doc: Doc, a: Attribution) -> bool:
    """Whether the cue's speaker is one named speaker that statements record.

    An outlet speaks only in its own voice ("Tờ X đưa tin ...", "..., tờ X cho biết"), not when it is
    the source of someone else's words ("Theo hãng tin X, ông Y nói ...", "Hãng X đưa tin ông Y tuyên bố").
    """
    if a.negated or a.plural or not a.speakers:
        return False
    if (a.outlet or a.verb.lower() in ("đưa tin", "dẫn lời")) and (a.form == "theo" or a.verb == "theo"
                                                                    or _reports_other_speaker(doc, a)):
        return False
    kind = doc.kind_of(a.speakers[0])
    if kind == "country" and not (COUNTRY_SPEAKERS and _country_speaks(doc, a)):
        return False
    return kind not in ("place", "ethnic_group")


# a subject in a background or nominalised clause: "sau khi Mỹ tuyên bố", "việc Nga cảnh báo", "mà Nga cho rằng"
_BACKGROUND_BEFORE_RE = re.compile(
    r"(?<!\w)(?:việc|mà|sau\s+khi|trước\s+khi|khi|do|vì|nếu|bởi|rằng|là|điều)\s+(?:(?:phía|chính\s+phủ|"
    r"chính\s+quyền|nhà\s+chức\s+trách)\s+)?$",
    re.IGNORECASE,
)


_COUNTRY_CLAUSE_HEAD_RE = re.compile(
    r"\s*(?:(?:và|còn|nhưng|song|tuy\s+nhiên|đồng\s+thời|trong\s+khi\s+đó|sau\s+đó|trước\s+đó|ngay\s+sau\s+đó|"
    r"hôm\s+nay|cùng\s+ngày|theo|về\s+phần\s+mình|(?:vào\s+)?(?:ngày|hôm|tối|sáng|chiều|trưa|đêm)\s+[\w/.-]+)\s+)*"
    r"(?:(?:chính\s+phủ|chính\s+quyền|phía|nhà\s+nước|quân\s+đội|nội\s+các|lực\s+lượng\s+vũ\s+trang)\s+)?"
    # state media speak for their state: "truyền hình nhà nước Syria", "hãng thông tấn quốc gia Iraq"
    r"(?:(?:đài\s+)?(?:truyền\s+hình|phát\s+thanh|truyền\s+thông|hãng\s+thông\s+tấn|thông\s+tấn\s+xã)"
    r"(?:\s+(?:nhà|nhà\s+nước|quốc\s+gia|chính\s+thức|quốc\s+doanh))?\s+)?",
    re.IGNORECASE,
)


def _country_speaks(doc: Doc, a: Attribution) -> bool:
    """Is this the country itself speaking (not a title, a background clause or reported speech)?"""
    if a.speaker_how == "title":
        return False  # "Ngoại trưởng UAE cho biết": an unnamed office-holder, not the state
    s = doc.ex.sentences[a.extra.get("from_sentence", a.sentence)]
    text = doc.ex.article.text
    if a.speaker_span is not None and s.begin <= a.speaker_span.begin < s.end:
        before = text[max(s.begin, a.speaker_span.begin - 40): a.speaker_span.begin]
        if _BACKGROUND_BEFORE_RE.search(before):
            return False
        # the country must head its clause ("Nga tuyên bố", "Chính phủ Syria bác bỏ", "Trong khi đó, phía Mỹ ...");
        # a country word after a common noun only qualifies someone unnamed ("tòa án liên bang Mỹ", "đạo diễn Mỹ",
        # "sinh viên người Iran", "đài CBS của Mỹ", "luật sư của bang Washington")
        head = text[s.begin: a.speaker_span.begin]
        if head.rstrip().endswith("("):
            return False  # "giáo sư tại Đại học Miami (Mỹ) nói": a parenthetical, not the speaker
        cut = max(head.rfind(c) for c in ",;:“”\"(")
        if not _COUNTRY_CLAUSE_HEAD_RE.fullmatch(head[cut + 1:]):
            return False
    at = a.speaker_span.begin if a.speaker_span is not None else a.cue.begin
    for b in attribution.attributions(doc, a.sentence):
        if b is a or not b.speakers or b.negated or b.speakers == a.speakers:
            continue
        if b.content.begin <= at < b.content.end and (b.form == "post" or b.cue.begin < at):
            return False  # "Ông Lavrov cho biết Nga đã thông báo ...", "Mỹ hy vọng ..., ông X nói": X's words
    for qb, qe in discourse.quote_regions(doc):
        if qb <= at < qe:
            return False
    return True


_STOP_SYLLABLES = frozenset("""
và của các những một là có đã sẽ đang được bị cho với về tại ở trong trên từ này đó khi để rằng thì mà
cũng vẫn không chưa nhưng hoặc hay như theo sau trước đến tới vào ra lại nữa hơn rất đều cả nước bên
ông bà ngày hôm tháng năm nay việc sự cuộc người
""".split())


def _content_words(doc: Doc, st: Statement) -> set[str]:
    text = doc.ex.article.text[st.span.begin:st.span.end] if st.span is not None else ""
    words = {w.lower() for w in re.findall(r"\w+", text)}
    names = set()
    for i in st.evidence:
        for m in doc.mentions_in(i):
            names.update(w.lower() for w in re.findall(r"\w+", m.text))
    return {w for w in words if w not in _STOP_SYLLABLES and w not in names and not w.isdigit()}


def _country_of(doc: Doc, key: str) -> str | None:
    """The country a person or body speaks for: a position of the person's, or the country named in the
    body's own name ("Bộ Quốc phòng Nga"), or its key ("russia_mod")."""
    kind = doc.kind_of(key)
    if kind == "country":
        return key
    if kind == "person":
        from syriakg.loaders.extract.agreements import _person_country
        return _person_country(doc, key)
    for m in doc.ex.mentions:
        if m.entity != key:
            continue
        for n in doc.mentions_in(m.sentence):
            if n.entity != key and m.begin <= n.begin and n.end <= m.end and doc.kind_of(n.entity) == "country":
                return n.entity
    head = key.split("_")[0]
    return head if doc.kind_of(head) == "country" else None


def _same_occasion(doc: Doc, c: Statement, p: Statement) -> bool:
    if c.date is not None and p.date is not None:
        return _dates_ok(c.date, p.date)
    if any(abs(i - j) <= SAME_OCCASION_SENTENCES for i in c.evidence for j in p.evidence):
        return True
    return len(_content_words(doc, c) & _content_words(doc, p)) >= 2


def _drop_redundant_countries(doc: Doc, out: list[Statement]) -> list[Statement]:
    """A country's statement that a person or body of that country makes on the same occasion is redundant."""
    keep: list[Statement] = []
    if not any(doc.kind_of(st.speaker) == "country" for st in out):
        return out
    country_of = {st.speaker: _country_of(doc, st.speaker) for st in out if doc.kind_of(st.speaker) != "country"}
    for st in out:
        if doc.kind_of(st.speaker) == "country":
            voices = [p for p in out if p is not st and country_of.get(p.speaker) == st.speaker]
            if any(_same_occasion(doc, st, p) for p in voices):
                continue
        keep.append(st)
    return keep


def _reports_other_speaker(doc: Doc, a: Attribution) -> bool:
    return any(b is not a and b.speakers and not b.outlet and a.content.begin <= b.cue.begin < a.content.end
               for b in attribution.attributions(doc, a.sentence))


def _statement(doc: Doc, a: Attribution, claimed: set[tuple[int, str]]) -> Statement | None:
    if not speaker_ok(doc, a):
        return None
    i = a.sentence
    s = doc.ex.sentences[i]
    speaker = a.speakers[0]
    text = s.text
    if not FIGURE_STATEMENTS and ((i, speaker) in claimed or (not any(j == i for j, _ in claimed) and _FIGURE_RE.match(
            doc.ex.article.text[a.content.begin:a.content.end]))) and not _has_other_content(doc, a):
        return None
    act: SpeechAct = a.act
    if a.verb.lower().startswith("bác") and _DENY_OBJECT_RE.match(text[a.cue.end - s.begin:]):
        act = "deny"
    evidence = [i]
    quote = _quote(doc, a)
    if quote is not None:
        qtext, qsents = quote
        for j in qsents:
            if j not in evidence:
                evidence.append(j)
        evidence.sort()
    frame = _frame_span(doc, a)
    date = _frame_date(doc, i, frame, a.speaker_span)
    if date is None and _ANAPHORIC_OCCASION_RE.match(doc.ex.article.text, frame.begin, frame.end):
        date = _previous_occasion_date(doc, i)
    place = _venue(doc, i, frame)
    if place is None and a.form == "pre":
        place = _venue(doc, i, _after_verb_adverbial(doc, a))
    if place is None:
        place = _occasion_place(doc, i, speaker, frame)
    span_b = min(a.cue.begin, a.speaker_span.begin if a.speaker_span else a.cue.begin, a.content.begin)
    span_e = max(a.cue.end, a.content.end)
    return Statement(speaker=speaker, act=act, evidence=evidence, verb=a.verb, quote=quote[0] if quote else None,
                     date=date, place=place, span=Span(span_b, span_e))


_AFTER_VERB_PLACE_RE = re.compile(r"\s*(?:hôm\s+\S+\s+|ngày\s+\S+\s+)?(?:tại|ở|trong|trước|khi)\s", re.IGNORECASE)
_AFTER_VERB_END_RE = re.compile(r"(?<!\w)(?:rằng|là)(?!\w)|[,:;“\"]")


def _after_verb_adverbial(doc: Doc, a: Attribution) -> Span:
    """ "X phát biểu tại cuộc họp báo ở Tehran rằng ...": the verb and the place phrase after it, up to the
    reported content (empty when the verb is followed by the content itself)."""
    s = doc.ex.sentences[a.sentence]
    text = doc.ex.article.text
    if not _AFTER_VERB_PLACE_RE.match(text, a.cue.end, s.end):
        return Span(a.cue.begin, a.cue.begin)
    m = _AFTER_VERB_END_RE.search(text, a.cue.end, min(s.end, a.cue.end + 120))
    return Span(a.cue.begin, m.start() if m else a.cue.begin)


def _occasion_place(doc: Doc, i: int, speaker: str, frame: Span) -> str | None:
    """ "Tại cuộc họp báo sau hội đàm, ông X nói ...": the speaking occasion is a meeting told in this or the
    previous sentence that X took part in; its place is the statement's (the most recent such meeting)."""
    text = doc.ex.article.text
    if not _OCCASION_WORD_RE.search(text, frame.begin, frame.end):
        return None
    country = _country_of(doc, speaker)
    best: tuple[int, str] | None = None
    for e in doc.ex.events:
        if e.place is None or e.status != "occurred" or doc.kind_of(e.place) != "place" or \
                not (speaker in e.actors or (country and country in e.actors)):
            continue  # (a country is no venue: "đàm phán ở Syria")
        near = [j for j in e.evidence if i - 1 <= j <= i]
        if near and (best is None or max(near) > best[0]):
            best = (max(near), e.place)
    return best[1] if best else None


def _has_other_content(doc: Doc, a: Attribution) -> bool:
    """Does the reported content say more than the casualty figure (a further clause after ";" or ", đồng thời")?"""
    text = doc.ex.article.text[a.content.begin:a.content.end]
    return bool(re.search(r";|,\s*(?:đồng\s+thời|đồng\s+thời\s+khẳng\s+định|và\s+(?:khẳng\s+định|cho\s+rằng))", text))


def _frame_span(doc: Doc, a: Attribution) -> Span:
    """Where the statement's own date and place are written: the frame, not the reported content."""
    s = doc.ex.sentences[a.sentence]
    if a.form == "post":
        return Span(a.content.end, s.end)
    if a.form == "theo":
        return a.cue
    return Span(s.begin, max(s.begin, min(a.content.begin, s.end)))


# "Tại cuộc họp báo (này), ông X cho biết", "Tại đây, ..." : the occasion named in the previous sentence
_ANAPHORIC_OCCASION_RE = re.compile(
    r"\s*(?:tại\s+đây|(?:tại|trong|sau|bên\s+lề)\s+(?:(?:cuộc|buổi|phiên)\s+)?(?:họp\s+báo|gặp|gặp\s+gỡ|hội\s+đàm|"
    r"hội\s+nghị|điện\s+đàm|phiên\s+họp|họp|sự\s+kiện|lễ)(?:\s+(?:này|đó|trên|nói\s+trên|chung))?)\s*,",
    re.IGNORECASE,
)
_OCCASION_WORD_RE = re.compile(r"(?<!\w)(?:họp\s+báo|cuộc\s+gặp|gặp\s+gỡ|hội\s+đàm|hội\s+nghị|điện\s+đàm|phiên\s+họp|"
                               r"cuộc\s+họp|sự\s+kiện|lễ|phát\s+biểu)(?!\w)", re.IGNORECASE)


def _previous_occasion_date(doc: Doc, i: int) -> DateValue | None:
    """The day written in the previous sentence when that sentence names the occasion."""
    if i == 0 or doc.dates is None:
        return None
    prev = doc.ex.sentences[i - 1]
    if prev.kind != "body" or not _OCCASION_WORD_RE.search(prev.text):
        return None
    try:
        ds = doc.dates.for_sentence(prev)
    except Exception:  # a resolver bug must not lose the statement
        return None
    days = [d for d in ds if d.precision in ("date", "gMonthDay")]
    return days[0] if len(days) == 1 else None


def _frame_date(doc: Doc, i: int, frame: Span, speaker: Span | None = None) -> DateValue | None:
    """The date of the speaking: in the speaker's own segment of the frame ("X ngày 21/2 cho biết") or in
    a fronted segment that is only a date ("Ngày 25/2, X ..."), not in a fronted topic ("Về ... tháng 3 tới, X")."""
    if doc.dates is None or len(frame) == 0:
        return None
    s = doc.ex.sentences[i]
    try:
        ds = doc.dates.in_span(s, frame)
    except Exception:  # a resolver bug must not lose the statement
        return None
    text = doc.ex.article.text
    keep: list[DateValue] = []
    for d in ds:
        if d.span is None:
            continue
        # the comma-delimited segment of the frame holding the date
        seg_b = text.rfind(",", frame.begin, d.span.begin) + 1 or frame.begin
        seg_b = max(seg_b, frame.begin)
        k = text.find(",", d.span.end, frame.end)
        seg_e = k if k >= 0 else frame.end
        holds_speaker = speaker is not None and seg_b <= speaker.begin < seg_e
        seg = text[seg_b:seg_e]
        if holds_speaker or discourse.is_filler(seg, max_words=8) or seg_e == frame.end or \
                _OCCASION_RE.match(seg):
            keep.append(d)
    return keep[-1] if keep else None


def _venue(doc: Doc, i: int, frame: Span) -> str | None:
    """"Phát biểu tại Hội đồng Nhân quyền LHQ ở Geneva, ông X ..." -> Geneva (a place first, else the venue body).

    Only the venue phrase itself counts (the first name after "phát biểu/trả lời ... tại|ở", and a place
    chained right after it); places further on ("người phụ trách ... ở Trung Đông") describe someone.
    """
    s = doc.ex.sentences[i]
    text = s.text
    gs = [g for g in discourse.groups(doc, i) if frame.begin <= g.begin and g.end <= frame.end]
    chain: list[discourse.Group] = []
    for k, g in enumerate(gs):
        before = discourse.tail(text[: g.begin - s.begin], 100)
        if not (_AT_RE.search(before) and _VENUE_RE.search(before)):
            continue
        chain.append(g)
        if k + 1 < len(gs) and re.fullmatch(r"\s*,?\s*(?:ở|tại)(?:\s+(?:thủ\s+đô|thành\s+phố))?\s+",
                                            text[g.end - s.begin: gs[k + 1].begin - s.begin], re.IGNORECASE):
            chain.append(gs[k + 1])
        break
    places = [x for g in chain for x in g.literal_keys if doc.kind_of(x) in ("place", "country")]
    bodies = [x for g in chain for x in g.keys if doc.kind_of(x) == "organization"]
    if places:
        return places[0]
    return bodies[0] if bodies else None


def _quote(doc: Doc, a: Attribution) -> tuple[str, list[int]] | None:
    """Quoted words attributed by this cue and the sentences the quotation spans."""
    regions = discourse.quote_regions(doc)
    text = doc.ex.article.text
    picked: list[tuple[int, int]] = []
    if a.form == "post":
        for b, e in regions:
            if b >= a.content.begin - 1 and e <= a.cue.begin + 1:
                picked.append((b, e))
        if not picked:
            # a quotation opened in an earlier sentence and closed in this one
            for b, e in regions:
                if b < a.content.begin and a.content.begin <= e <= a.cue.begin + 1:
                    picked.append((b, e))
    else:
        for b, e in regions:
            if a.content.begin - 2 <= b < a.content.end:
                picked.append((b, e))
    if not picked:
        return None
    words = []
    sents: list[int] = []
    for b, e in picked:
        inner = text[b:e].strip().strip("“”\"").strip()
        if len(inner) < 3:
            continue
        words.append(inner)
        for s in doc.ex.sentences:
            if s.begin < e and b < s.end and s.index not in sents:
                sents.append(s.index)
    if not words:
        return None
    return " … ".join(words), sents


def _quote_only(doc: Doc, i: int) -> Statement | None:
    """A sentence inside a quotation without a cue: evidence of the quoted speaker (no new statement)."""
    s = doc.ex.sentences[i]
    qs = discourse.quotes_in(doc, i)
    if not qs:
        return None
    a = attribution.quote_attribution(doc, i, max(s.begin, qs[0][0]))
    if a is None or not speaker_ok(doc, a):
        return None
    return Statement(speaker=a.speakers[0], act=a.act, evidence=[i], verb=a.verb, quote=None, date=None,
                     place=None, span=Span(s.begin, s.end))


def _dates_ok(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return a.value[-5:] == b.value[-5:] and (a.value.startswith("--") or b.value.startswith("--") or
                                              a.value == b.value)


def _merge_into(out: list[Statement], st: Statement) -> None:
    for old in out:
        if old.speaker != st.speaker:
            continue
        if (id(old) in _SEPARATE) != (id(st) in _SEPARATE) or id(old) in _SEPARATE:
            continue  # a background clause's words were said on an earlier occasion
        if (old.verb.lower() == "đưa tin") != (st.verb.lower() == "đưa tin"):
            continue  # an outlet's news report and its own assertion ("Tờ X khẳng định ...") are two statements
        if not _dates_ok(old.date, st.date):
            continue
        if old.place and st.place and old.place != st.place:
            continue
        for j in st.evidence:
            if j not in old.evidence:
                old.evidence.append(j)
        old.evidence.sort()
        if old.date is None:
            old.date = st.date
        if old.place is None:
            old.place = st.place
        if st.quote and (old.quote is None or st.quote not in old.quote):
            old.quote = st.quote if old.quote is None else old.quote + " … " + st.quote
        return
    if not st.verb and not st.quote:
        return
    out.append(st)
