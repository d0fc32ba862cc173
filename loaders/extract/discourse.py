"""Shared text helpers for the meeting, statement and attribution families.

Small, cheap building blocks over one body sentence:

* `groups(doc, i)`: the sentence's entity mentions as *outermost* groups.  A
  mention nested inside a longer one ("Nga" inside "Ngoại trưởng Nga Sergei
  Lavrov") is dropped; mentions sharing one span (the actors component emits
  one anaphor mention per referent for "hai bên", "hai ngoại trưởng") form one
  plural group.
* `is_filler(text)`: whether the words between a subject and its verb are only
  adverbs and date words ("cùng ngày 25/2 đã", "hôm thứ Sáu cũng").
* `quote_regions(doc)`: quotation spans over the article body, tolerant of
  mixed curly/straight marks and of multi-paragraph quotes.

All offsets here are absolute (into `Article.text`) unless a name says `rel`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import Mention, Sentence

# Gazetteer keys of news outlets and agencies (sources of news, not speakers of
# diplomatic statements); entities whose mention is preceded by an outlet noun
# ("hãng tin", "tờ", "báo", "kênh truyền hình") count as outlets too.
OUTLET_KEYS = frozenset({"afp", "reuters", "interfax", "tass", "ttxvn", "ap", "sputnik", "ria", "ria_novosti",
                         "anadolu", "cnn", "bbc", "al_jazeera", "rt", "upi", "xinhua", "irna", "sana", "fars"})
# names of news media (outlets are sources, not diplomatic speakers); compared lower-cased, hyphens as spaces
OUTLET_NAMES = frozenset(x.strip() for x in """
bloomberg|cnn|cnbc|bbc|fox news|cbs|cbs news|nbc|abc|abc news|upi|ap|afp|reuters|xinhua|tass|ria|ria novosti|
interfax|sputnik|rt|new york times|washington post|wall street journal|financial times|guardian|the guardian|
independent|telegraph|economist|politico|axios|the hill|newsweek|foreign policy|al jazeera|al arabiya|al masdar|
al masdar news|al watan|al monitor|middle east eye|asharq al awsat|haaretz|times of israel|jerusalem post|fars|
fars news|irna|press tv|mehr|tasnim|sana|anadolu|hurriyet|daily sabah|yeni safak|le monde|le figaro|der spiegel|
bild|kommersant|izvestia|rossiyskaya gazeta|ttxvn|vov|vnexpress|dân trí|tuổi trẻ|thanh niên|yonhap|kyodo|nhk|
prensa latina""".replace("\n", "").split("|"))
_OUTLET_NOUN_RE = re.compile(
    r"(?:hãng\s+(?:tin|thông\s+tấn)|thông\s+tấn\s+xã|tờ(?:\s+báo)?|(?<![Tt]hông\s)(?<![Cc]ảnh\s)(?<![Cc]ông\s)"
    r"(?<![Ll]oan\s)(?<![Tt]ình\s)(?<![Dd]ự\s)(?<![Bb]ản\s)(?<!\w)báo|nhật\s+báo|tạp\s+chí|kênh(?:\s+truyền\s+hình)?|"
    r"đài(?:\s+truyền\s+hình|\s+phát\s+thanh)?|truyền\s+hình|trang(?:\s+tin|\s+mạng)?|mạng\s+tin)"
    r"(?:\s+(?:trực\s+tuyến|điện\s+tử|nhà\s+nước|quốc\s+gia|tư\s+nhân))?\s*$",
    re.IGNORECASE,
)

_OUTLET_HEAD_RE = re.compile(
    r"(?:hãng\s+(?:tin|thông\s+tấn)|thông\s+tấn\s+xã|tờ|báo|nhật\s+báo|tạp\s+chí|kênh|đài|truyền\s+hình)\s",
    re.IGNORECASE,
)
_AGENCY_BEFORE_RE = re.compile(r"(?<!\w)[Hh]ãng\s+$")  # "Hãng PTI", "hãng AP": a news agency
_OUTLET_EN_RE = re.compile(
    r"(?<!\w)(?:News|Times|Post|Press|Agency|Journal|Daily|Herald|Tribune|Television|TV|Channel|Radio|Gazette|"
    r"Telegraph|Guardian|Novosti|Today)(?!\w)")
_WORD_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Group:
    """Outermost mention(s) over one span.

    Several entities on one span are a plural reference ("hai bên" -> both
    parties), except a metonym reading paired with the literal one
    ("Moskva" -> Russia (metonym) and Moscow (name)): `keys` then holds the
    metonym's entity (the actor) and `place_keys` the literal place.
    """

    begin: int
    end: int
    mentions: tuple[Mention, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        metonymic = any(m.how == "metonym" for m in self.mentions)
        seen: list[str] = []
        for m in self.mentions:
            if metonymic and m.how != "metonym":
                continue
            if m.entity not in seen:
                seen.append(m.entity)
        return tuple(seen)

    @property
    def literal_keys(self) -> tuple[str, ...]:
        """Entities of the non-metonymic readings (the place itself for "tại Moskva")."""
        out = [m.entity for m in self.mentions if m.how != "metonym"]
        return tuple(dict.fromkeys(out)) or self.keys

    @property
    def plural(self) -> bool:
        return len(self.keys) > 1

    @property
    def how(self) -> str:
        if any(m.how == "metonym" for m in self.mentions):
            return "metonym"
        return self.mentions[0].how


def _cache(doc: Doc) -> dict:
    c = doc.__dict__.get("_syriakg_discourse")
    if c is None or c.get("_n") is not doc.ex.mentions or c.get("_len") != len(doc.ex.mentions):
        c = {"_n": doc.ex.mentions, "_len": len(doc.ex.mentions)}
        doc.__dict__["_syriakg_discourse"] = c
    return c


def groups(doc: Doc, i: int) -> list[Group]:
    """Outermost mention groups of sentence `i`, in text order."""
    cache = _cache(doc).setdefault("groups", {})
    if i in cache:
        return cache[i]
    ms = sorted(doc.mentions_in(i), key=lambda m: (m.begin, -m.end))
    out: list[Group] = []
    for m in ms:
        if out:
            last = out[-1]
            if m.begin == last.begin and m.end == last.end:
                out[-1] = Group(last.begin, last.end, last.mentions + (m,))
                continue
            if last.begin <= m.begin and m.end <= last.end:
                continue  # nested inside a longer mention
            if m.begin < last.end:  # partial overlap: keep the earlier, longer one
                continue
        out.append(Group(m.begin, m.end, (m,)))
    cache[i] = out
    return out


def sentence(doc: Doc, i: int) -> Sentence:
    return doc.ex.sentences[i]


def kind(doc: Doc, key: str) -> str | None:
    return doc.kind_of(key)


def is_outlet(doc: Doc, g: Group) -> bool:
    """A news outlet/agency: known key, named with an outlet noun ("hãng tin X", "tờ X", "hãng tin Nga X"),
    or with an English outlet word ("CBS News", "Fox News", "Al-Masdar News")."""
    if any(k in OUTLET_KEYS for k in g.keys):
        return True
    first = g.mentions[0].text
    if _OUTLET_HEAD_RE.match(first) or _OUTLET_EN_RE.search(first):
        return True
    if " ".join(re.sub(r"[-‐’'`.]", " ", first.lower()).split()) in OUTLET_NAMES:
        return True
    s = _sentence_of(doc, g)
    if s is None:
        return False
    before = s.text[max(0, g.begin - s.begin - 40): g.begin - s.begin]
    after = s.text[g.end - s.begin: g.end - s.begin + 12]
    if _OUTLET_EN_RE.match(after.lstrip()) and not after[:1].strip():
        return True
    words = before.split(" ")
    if words and words[-1] == "":
        words.pop()
    k = 0
    while k < 2 and words and words[-1][:1].isupper() and words[-1][-1:].isalnum():
        # "hãng tin Nga Fontanka": skip the country word
        words.pop()
        k += 1
    stripped = " ".join(words) + " "
    if _AGENCY_BEFORE_RE.search(before) and first[:1].isupper():
        return True
    return bool(_OUTLET_NOUN_RE.search(before)) or (k > 0 and bool(_OUTLET_NOUN_RE.search(stripped)))


def _sentence_of(doc: Doc, g: Group) -> Sentence | None:
    idx = g.mentions[0].sentence
    if 0 <= idx < len(doc.ex.sentences):
        return doc.ex.sentences[idx]
    return None


# --- fast alternations ------------------------------------------------------------------------------


def trie_pattern(phrases: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex matching any of the phrases, factored as a trie (Python's `re` tries alternatives one by
    one at every position: a trie makes a large lexicon cheap).  Longer phrases win; a space in a phrase
    matches any run of whitespace."""
    trie: dict = {}
    for ph in phrases:
        node = trie
        for w in ph.lower().split():
            node = node.setdefault(w, {})
        node[""] = {}

    def build(node: dict) -> str:
        words = sorted((w for w in node if w), key=len, reverse=True)
        alts = []
        for w in words:
            sub = build(node[w])
            alts.append(re.escape(w) + (r"(?:\s+" + sub + ")" + ("?" if "" in node[w] else "") if sub else ""))
        if not alts:
            return ""
        return "(?:" + "|".join(alts) + ")"

    return build(trie)


def tail(text: str, n: int = 100) -> str:
    """The last n characters: enough for "ends with" patterns, and cheap."""
    return text[-n:] if len(text) > n else text


# --- filler between a subject and its verb -------------------------------------------------------

_FILL_WORDS = (
    "cũng đã vừa mới còn lại đều thì vẫn từng đang sẽ hôm nay qua ngày cùng trước sau đó này sáng chiều tối "
    "trưa đêm rạng khuya thứ hai ba tư năm sáu bảy chủ nhật tuần tháng vào cuối đầu giữa tới chính thức công "
    "khai bất ngờ tiếp tục một lần nữa đây gần giờ địa phương mới rồi hồi lúc chiều nay sáng nay tối nay "
    "trong ngay lập tức liền sau khi cũng vừa qua ra thêm lên tiếng chưa không hề chẳng"
).split()
_FILL_SET = frozenset(w.lower() for w in _FILL_WORDS)
_NUMERIC_RE = re.compile(r"^\d+(?:[/\-.]\d+)*$")
_PAREN_RE = re.compile(r"\([^()]{0,80}\)")
_APPOSITIVE_RE = re.compile(
    r"^\s*,\s*(?:người|thành\s+viên|chủ\s+tịch|phó|trưởng|giám\s+đốc|đại\s+diện|phát\s+ngôn|chuyên\s+gia|"
    r"cố\s+vấn|nhà|quan\s+chức|đặc\s+phái\s+viên|đại\s+sứ|bộ\s+trưởng|thứ\s+trưởng|tướng|chỉ\s+huy|lãnh\s+đạo|"
    r"thủ\s+lĩnh|thủ\s+tướng|tổng|ngoại\s+trưởng|nghị\s+sĩ|thượng\s+nghị\s+sĩ|một)\b[^,;:“”\"]{0,120}?"
    r"(?:,\s*(?:người|thành\s+viên|một|nhà|chuyên\s+gia|cố\s+vấn)\b[^,;:“”\"]{0,120}?)?,?\s*$",
    re.IGNORECASE,
)


def is_filler(gap: str, max_words: int = 9) -> bool:
    """True when `gap` holds only adverbs, date words, numbers, commas and short parentheticals."""
    g = _PAREN_RE.sub(" ", gap)
    words = _WORD_RE.findall(g)
    if len(words) > max_words:
        return False
    rest = _WORD_RE.sub(" ", g)
    if rest.strip(" ,/-.()\u00a0\t"):
        return False
    for w in words:
        lw = w.lower()
        if lw in _FILL_SET or _NUMERIC_RE.match(w):
            continue
        return False
    return True


def is_appositive(gap: str) -> bool:
    """", thành viên Trung tâm hòa giải của Nga tại tỉnh Latakia[,]" between a name and its verb."""
    return bool(_APPOSITIVE_RE.match(gap))


# --- quotations ----------------------------------------------------------------------------------

_OPEN = "“"
_CLOSE = "”"


def quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """Quoted spans (absolute, from the opening mark to just after the closing mark) over the body.

    Curly marks open/close; a straight `"` closes an open quote and otherwise
    opens one.  A quote left open at the end of a paragraph stays open when the
    next paragraph starts with a quote mark (a multi-paragraph quotation) or
    is closed at the end of its paragraph otherwise.
    """
    c = _cache(doc)
    if "quotes" in c:
        return c["quotes"]
    text = doc.ex.article.text
    sents = doc.ex.sentences
    regions: list[tuple[int, int]] = []
    if not sents:
        c["quotes"] = regions
        return regions
    start = sents[0].begin
    end = sents[-1].end
    open_at: int | None = None
    for m in _QUOTE_CHARS_RE.finditer(text, start, end):
        pos = m.start()
        ch = m.group(0)
        if ch == "\n":
            if open_at is None:
                continue
            # paragraph break: keep open only if the next paragraph goes on with the quotation
            j = pos + 1
            while j < end and text[j] in " \n\t\u00a0":
                j += 1
            if j < end and text[j] in "“\"":
                continue
            nl = text.find("\n", j, end)
            para = text[j: end if nl < 0 else nl]
            if _first_close_before_open(para):
                continue
            regions.append((open_at, pos))
            open_at = None
        elif ch == _OPEN:
            if open_at is None:
                open_at = pos
        elif ch == _CLOSE:
            if open_at is not None:
                regions.append((open_at, pos + 1))
                open_at = None
        elif open_at is not None:  # a straight mark closes an open quotation ...
            regions.append((open_at, pos + 1))
            open_at = None
        else:  # ... or opens one
            open_at = pos
    if open_at is not None:
        regions.append((open_at, end))
    c["quotes"] = regions
    return regions


_QUOTE_CHARS_RE = re.compile('[“”"\n]')


def _first_close_before_open(para: str) -> bool:
    """The paragraph's first quote mark closes (a quote continued from the previous paragraph)."""
    for ch in para:
        if ch == _CLOSE:
            return True
        if ch == _OPEN:
            return False
        if ch == '"':
            # a straight mark followed by a comma/dash/end is a closing one
            return True
    return False


def quotes_in(doc: Doc, i: int) -> list[tuple[int, int]]:
    """Quote regions overlapping sentence `i` (absolute spans)."""
    s = doc.ex.sentences[i]
    return [(b, e) for b, e in quote_regions(doc) if b < s.end and s.begin < e]
