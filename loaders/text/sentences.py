"""Vietnamese sentence segmentation with exact offsets.

A sentence ends after `.`, `!`, `?`, an ellipsis (`...`, `…`) or the Vietnamese
wire-copy end mark `./.`, together with any closing quotes or brackets
(`”`, `"`, `’`, `'`, `»`, `)`, `]`), when whitespace follows and the next
word starts like a sentence: an upper-case letter, a digit, or an opening
quote or bracket.  So:

* numbers never split (`290.000`, `18,2`, `2.5`: no space after the dot);
* a date at the end of a sentence does (`... ngày 3/11/2019. Ảnh ...`), a date
  inside one does not (`ngày 3/11/2019 tại ...`);
* a sentence ending inside a closing quote keeps the quote (`... tiền.” Ông`);
  `... tiền.”, ông nói` and `... tiền” - ông nói` stay one sentence; a quote
  running over several sentences is split at its inner sentence ends, each
  piece keeping its own quote mark;
* abbreviations do not end sentences: titles and degrees (`TP.`, `Tp.`,
  `TS.`, `ThS.`, `GS.`, `PGS.`, `Mr.`, `St.`, ...), dotted acronyms (`U.S.`)
  and initials (`H. McMaster`, `A. B. Smith`); an all-capital acronym such as
  `LHQ.` is an ordinary word and ends its sentence;
* two or more spaces followed by a capital mark a break in flattened page
  text (a sub-heading or photo credit glued to the next sentence);
* line breaks always end a sentence: sentences never cross paragraphs.

Sentences are trimmed of surrounding whitespace (including no-break and
zero-width spaces); a piece with no letter or digit (a stray `./.` or a rule
of underscores) is not a sentence.  Every span satisfies
`text[begin:end] == sentence text`; spans are ordered and never overlap.
"""

from __future__ import annotations

import re

from syriakg.loaders.model import Article, Sentence, Span

__all__ = ["ABBREVIATIONS", "split_article", "split_spans", "trim_span"]

# Words that take a period without ending a sentence (case-sensitive forms as printed).
ABBREVIATIONS = frozenset(
    """
    TP Tp tp TS Ts ThS Ths ThS.BS GS Gs PGS Pgs BS Bs KS Ks CN NXB Nxb TT Tt ĐH Th
    Mr Mrs Ms Dr Prof Gen Lt Col Sgt Capt Gov Sen Rep Rev Jr Sr St Mt Ft Co Corp Inc Ltd
    No Nos Vol tr Tr vs Vs Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """.split()
)
# (the leading lookahead changes nothing but lets the regex engine skip to the next candidate character)
_TERMINAL = re.compile(r"(?=[./!?…])(?:\./\.|[.!?…]+)[”\"’'»)\]]*(?=[ \t\u00a0\u2007\u202f\u3000]+(\S))")
_SOFT_BREAK = re.compile(r"(?<=\S)[ \t\u00a0\u2007\u202f\u3000]{2,}(?=\S)")
_OPENERS = frozenset("“\"‘'«([„")
_NO_SOFT_BEFORE = frozenset(",;:-–—(/&+")
_LINE_BREAKS = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x85]")
_SPACE_CHARS = " \t\n\r\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
               "\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\x85"
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_INITIAL = re.compile(r"^[A-ZÀ-ỸĐ]$")


def trim_span(text: str, begin: int, end: int) -> tuple[int, int]:
    """Shrink [begin, end) past leading/trailing whitespace (incl. no-break and zero-width spaces)."""
    while begin < end and text[begin] in _SPACE_CHARS:
        begin += 1
    while end > begin and text[end - 1] in _SPACE_CHARS:
        end -= 1
    return begin, end


def _starts_sentence(text: str, i: int, end: int) -> bool:
    ch = text[i]
    if ch.isupper() or ch.isdigit():
        return True
    if ch in _OPENERS:
        j = i + 1
        while j < end and text[j] in _OPENERS:
            j += 1
        return j < end and (text[j].isupper() or text[j].isdigit() or text[j] in "….")
    return False


def _word_before(text: str, a: int, dot: int) -> str:
    """The whitespace-delimited word that ends right before position `dot`, minus opening punctuation."""
    i = dot
    while i > a and text[i - 1] not in _SPACE_CHARS:
        i -= 1
    return text[i:dot].lstrip("“\"‘'«([„")


def _next_word(text: str, i: int, end: int) -> str:
    j = i
    while j < end and text[j] not in _SPACE_CHARS:
        j += 1
    return text[i:j]


def _is_abbreviation(word: str, following: str) -> bool:
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if _INITIAL.match(word):
        # an initial ('H. McMaster', 'George W. Bush') is followed by a foreign name, written without
        # Vietnamese diacritics; 'Nguyễn Văn A. Cuộc họp ...' ends a sentence
        return following.isascii()
    # "U.S" (of "U.S."), but not Vietnamese "v.v" (= etc.), which usually ends what it lists
    return bool(_DOTTED_ACRONYM.match(word)) and not word.islower()


def _may_soft_break(text: str, a: int, b: int) -> bool:
    """False when text[a:b] cannot hold a `_SOFT_BREAK` (two spaces, or any other space it counts): most lines."""
    seg = text[a:b]
    return "  " in seg or "\t" in seg or "\u00a0" in seg or "\u2007" in seg or "\u202f" in seg or "\u3000" in seg


def _cuts_in_line(text: str, a: int, b: int) -> list[int]:
    """Offsets inside [a, b) after which a new sentence starts."""
    cuts: list[int] = []
    for m in _TERMINAL.finditer(text, a, b):  # endpos b: the lookahead does not see past the line
        nxt = m.start(1)
        if nxt >= b:
            continue
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit()) and not _starts_sentence(text, nxt, b):
            continue
        mark = m.group(0)
        if mark.startswith(".") and not mark.startswith("..") and not mark.startswith("./."):
            word = _word_before(text, a, m.start())
            # only a listed word, a single letter or a dotted word can be an abbreviation (the next
            # word matters only for a single letter)
            if (word in ABBREVIATIONS or len(word) == 1 or "." in word) and \
                    _is_abbreviation(word, _next_word(text, nxt, b)):
                continue
        cuts.append(m.end())
    if not _may_soft_break(text, a, b):
        return sorted(set(cuts))
    for m in _SOFT_BREAK.finditer(text, a, b):
        prev = text[m.start() - 1]
        if prev in _NO_SOFT_BEFORE or m.end() >= b:
            continue
        if _starts_sentence(text, m.end(), b):
            cuts.append(m.start())
    return sorted(set(cuts))


# The same ranges of one text are split several times (page furniture, then the sentences of the
# body): results are kept for the last few hundred (text, begin, end).  The text itself is part of
# the key (its hash is cached by Python and equal texts compare by identity first), so a hit is
# always right, whichever thread or article asked before.
_MEMO: dict[tuple[str, int, int], tuple[tuple[int, int], ...]] = {}
_MEMO_MAX = 512


def split_spans(text: str, begin: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries inside text[begin:end], as (begin, end) offsets into `text`."""
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    begin = max(0, min(begin, end))
    key = (text, begin, end)
    hit = _MEMO.get(key)
    if hit is None:
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        hit = _MEMO[key] = tuple(_split_spans(text, begin, end))
    return list(hit)


def _split_spans(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line_start = begin
    breaks = [m.start() for m in _LINE_BREAKS.finditer(text, begin, end)] + [end]
    for line_end in breaks:
        pos = line_start
        for cut in _cuts_in_line(text, line_start, line_end) + [line_end]:
            s, e = trim_span(text, pos, cut)
            if s < e and (text[s].isalnum() or any(ch.isalnum() for ch in text[s:e])):
                spans.append((s, e))
            pos = cut
        line_start = line_end + 1
    return spans


def _paragraph_numbers(text: str, spans: list[Span]) -> list[int]:
    """Consecutive spans with no line break between them belong to one paragraph."""
    numbers: list[int] = []
    para = -1
    prev_end: int | None = None
    for sp in spans:
        if prev_end is None or _LINE_BREAKS.search(text, prev_end, sp.begin) is not None:
            para += 1
        numbers.append(para)
        prev_end = sp.end
    return numbers


def _clean(spans: list[Span], limit: int) -> list[Span]:
    out: list[Span] = []
    last = 0
    for sp in sorted(spans, key=lambda s: (s.begin, s.end)):
        b, e = max(sp.begin, last), min(sp.end, limit)
        if b < e:
            out.append(Span(b, e))
            last = e
    return out


def split_article(article: Article) -> tuple[list[Sentence], list[Sentence]]:
    """Body sentences (numbered from 0, in order) and caption sentences of an article.

    Body sentences come only from `article.body` spans (never past
    `body_end`); caption sentences only from `article.captions`, numbered
    from 0 on their own.  `Sentence.paragraph` numbers the paragraphs: body
    spans with no line break between them (a paragraph cut around an inline
    caption) share a number.
    """
    text = article.text
    limit = article.body_end if article.body_end > 0 else len(text)
    body: list[Sentence] = []
    spans = _clean(article.body, limit)
    for sp, para in zip(spans, _paragraph_numbers(text, spans), strict=True):
        for b, e in split_spans(text, sp.begin, sp.end):
            body.append(Sentence(len(body), b, e, text[b:e], "body", para))
    captions: list[Sentence] = []
    for number, sp in enumerate(_clean(article.captions, len(text))):
        for b, e in split_spans(text, sp.begin, sp.end):
            captions.append(Sentence(len(captions), b, e, text[b:e], "caption", number))
    return body, captions
