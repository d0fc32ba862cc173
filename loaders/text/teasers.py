"""Related-article teasers without brackets or labels: a headline glued to its one-paragraph summary.

Flattened news pages often print, after the story (before the byline) and
sometimes between two of its paragraphs, boxes of related articles: each a
headline (no final punctuation) followed by a short summary that restates it.
Once the page is flattened the headline runs straight into the summary's first
word, so the sentence splitter returns one "sentence" that starts with the
headline::

    ... ông nói. Hải quân Peru nhận hai tàu tuần tra mới Hải quân Peru hôm
    thứ Ba đã tiếp nhận hai tàu tuần tra ven biển ... . Chile mở rộng cảng
    Valparaíso Chính phủ Chile cho biết cảng Valparaíso sẽ ... .

A *glued headline* is a sentence whose first 4–18 words carry no sentence
punctuation and are followed by a word written with a capital, where most of
the content syllables of those words come back in what follows (the rest of
that sentence and the next one): the summary restates its headline.  Body
sentences that happen to contain a capitalised name after a few words almost
never repeat their opening words right after.

`teaser_blocks` finds, at the end of the body, a run of at least `_MIN_RUN`
glued headlines with distinct openings, each followed by at most
`_MAX_SUMMARY` summary sentences; once a run is found, teasers right before
it whose summary restates less of the headline (`_EXTEND_SHARE`) join it.
`build_article` makes the run `related` furniture and ends the body there.

Telling teasers from sub-headed sections (which restate their heading just
as a summary restates its headline).  A first version found 13 closing runs
in the first 3,000 scale articles, 11 of them sections, numbered lists or
photo captions.  Three general signals remove them:

* a headline carries no punctuation anywhere ('Cụ thể, theo ...' is a sentence);
* the head/summary boundary must not fall inside a name: the two words
  around it do not recur together elsewhere in the page ('Ngũ Hành | Sơn',
  'Chủ tịch | Ủy ban'), and the summary opens like a sentence, with a
  capitalised common word followed by a lower-case one, the first written in
  lower case somewhere else in the page ('Lực lượng ...', 'Hệ thống ...', not
  'Ford ...', 'CP Xây dựng ...');
* a round-up ('Điểm tin tối: A, B, C ...') announces its items in its lead:
  a run with a heading that shares `_ANNOUNCED_WORDS` words in a row with the
  first two sentences is not teasers.

Measured: no run in the first 3,000 scale articles; 3 runs in all 35,384,
all three real teaser boxes (read by hand).  Recall is modest: a box of two
teasers, or of teasers whose summaries paraphrase their headlines, is left in
the body.

Not handled (yet): a single teaser between two parts of the story.  One
glued headline followed by sentences that restate it is also what a section
sub-heading glued to its section looks like, and in flattened text the end of
the summary is not marked; cutting it would cut real sections.

Only plain text patterns are used (no outlet or wording of a particular page).
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["teaser_blocks"]

_WORD = re.compile(r"\S+")
_SENTENCE_PUNCT = re.compile(r"[.!?…:;,]")  # teaser headlines here carry none (nor commas: 'Theo X, ...' is body)
_SYLLABLE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# function words that prove nothing when repeated
_STOP = frozenset(
    """của và các những với là có được đã đang sẽ trong cho tại về này một những nhiều không khi từ như
    để theo bị do đến ra vào lên sau trước cũng thì mà nhưng hay hoặc rằng người ông bà nước""".split()
)
# words a headline does not end on (besides _STOP): prepositions, classifiers, conjunctions
_NOT_LAST = frozenset("ở do bởi vì tại với của giữa ngoài trên dưới qua hướng nhằm đối phía cái con chiếc".split())
_MIN_HEAD_WORDS = 4
_MAX_HEAD_WORDS = 18
_MAX_SUMMARY = 2  # summary sentences after a glued headline in a teaser run
_MIN_RUN = 3  # glued headlines in the closing run (two are too often sub-headed sections)
_RUN_SHARE = 0.6  # share of the headline's content syllables its summary repeats
_MIN_SHARED = 4
_ANNOUNCED_WORDS = 7  # a head sharing this many syllables in a row with the lead is announced there
_EXTEND_SHARE = 0.3  # for a teaser right before an established run
_QUESTION_SHARE = 0.3  # a headline that is a sentence of its own needs less: nothing is glued


def _content(text: str) -> list[str]:
    return [w for w in _SYLLABLE.findall(text.lower()) if w not in _STOP]


def _may_glue(words: list[str]) -> bool:
    """Cheap test first: a capitalised word where a headline could end, with no punctuation before it."""
    for k in range(1, min(_MAX_HEAD_WORDS, len(words) - 6) + 1):
        if _SENTENCE_PUNCT.search(words[k - 1]):
            return False
        if k >= _MIN_HEAD_WORDS and words[k][0].isupper():
            return True
    return False


def _common_opening(text: str, words: list[str], k: int) -> bool:
    """The summary opens like a sentence ('Lực lượng ...', 'Hệ thống ...'), not inside a name ('Ngũ Hành Sơn',
    'Ford', 'CP Xây dựng'): a capitalised word followed by a lower-case one, itself written in lower case
    elsewhere in the page (a common word, not a name part)."""
    if k + 1 >= len(words):
        return False
    first, second = words[k], words[k + 1]
    if not second[:1].islower() or not first[1:].islower() or not first.isalpha():
        return False
    return re.search(rf"(?<!\w){re.escape(first.lower())}(?!\w)", text) is not None


def glued_headline(text: str, sentence: tuple[int, int], after: str, share: float = _RUN_SHARE
                   ) -> tuple[int, float] | None:
    """(offset where the summary starts, share of the headline repeated) when `sentence` starts with a glued headline.

    `after` is the text that follows the sentence (the next sentence), which the summary may use.
    A headline printed as a sentence of its own (ending in '?' or '!') whose next sentence
    restates it counts too (the summary then starts at the next sentence: offset = sentence end).
    """
    b, e = sentence
    s = text[b:e]
    words = s.split()
    best: tuple[int, float, int] | None = None  # (offset, share, shared)
    if _MIN_HEAD_WORDS <= len(words) <= _MAX_HEAD_WORDS and s.rstrip("”\"’' ")[-1:] in "?!":
        heads = set(_content(s))
        shared = len(heads & set(_content(after)))
        if heads and shared >= _MIN_SHARED and shared / len(heads) >= _QUESTION_SHARE:
            best = (e, shared / len(heads), shared)
    if len(words) < _MIN_HEAD_WORDS + 6:
        return (best[0], best[1]) if best else None
    if not _may_glue(words):
        return (best[0], best[1]) if best else None
    starts: list[int] = []
    pos = 0
    for w in words:
        pos = s.index(w, pos)
        starts.append(pos)
        pos += len(w)
    # content syllables with their offsets: one pass; the head grows word by word and what is
    # left of the sentence shrinks (counts), so each split point costs only the head's size
    syllables = [(m.start(), w) for m in _SYLLABLE.finditer(s) if (w := m.group(0).lower()) not in _STOP]
    rest_count = Counter(w for _, w in syllables)
    after_content = set(_content(after))
    heads: set[str] = set()
    j = 0
    for k in range(1, min(_MAX_HEAD_WORDS, len(words) - 6) + 1):
        while j < len(syllables) and syllables[j][0] < starts[k]:
            w = syllables[j][1]
            rest_count[w] -= 1
            heads.add(w)
            j += 1
        if _SENTENCE_PUNCT.search(words[k - 1]):
            break  # the headline cannot run past sentence punctuation (nor start with 'Cụ thể, ...')
        if k < _MIN_HEAD_WORDS:
            continue
        last = words[k - 1].lower()
        if not words[k][0].isupper() or last in _STOP or last in _NOT_LAST or len(heads) < _MIN_SHARED:
            continue  # headlines do not end on a preposition or conjunction
        shared = sum(1 for h in heads if rest_count[h] > 0 or h in after_content)
        if shared < _MIN_SHARED:
            continue
        part = shared / len(heads)
        if part < share or (best is not None and (shared, part) <= (best[2], best[1])):
            continue
        if text.count(f"{words[k - 1]} {words[k]}") > 1:
            continue  # words that recur together are one name ('Ngũ Hành Sơn', 'Chủ tịch Ủy ban'), not a headline's end
        if not _common_opening(text, words, k):
            continue
        best = (b + starts[k], part, shared)
    return (best[0], best[1]) if best else None


def _announced(head: str, lead: str) -> bool:
    """`_ANNOUNCED_WORDS` words in a row of `head` occur in `lead`."""
    words = head.split()
    return any(" ".join(words[i:i + _ANNOUNCED_WORDS]) in lead for i in range(len(words) - _ANNOUNCED_WORDS + 1))


def teaser_blocks(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Spans (begin, end, at_end) of teaser blocks among the body's sentences, in order.

    `at_end` marks the run that closes the body (the body ends where it starts); it is the only
    kind found today (see the module docstring).  Only the sentences near the end are examined:
    the walk back stops after `_MAX_SUMMARY` sentences without a headline.
    """
    n = len(sentences)
    run_start: int | None = None
    openings: set[tuple[str, ...]] = set()
    since_head = 0
    heads: list[str] = []
    for i in range(n - 1, 0, -1):  # never the lead
        nxt = text[sentences[i + 1][0]:sentences[i + 1][1]] if i + 1 < n else ""
        if (g := glued_headline(text, sentences[i], nxt)) is not None:
            heads.append(text[sentences[i][0]:g[0]].strip().lower())
            opening = tuple(text[sentences[i][0]:sentences[i][1]].lower().split()[:2])
            if opening in openings:
                return []  # items that open alike ('Danh sách X ...', 'Phiên bản Y ...') are a list in the story
            openings.add(opening)
            run_start, since_head = i, 0
        else:
            since_head += 1
            if since_head > _MAX_SUMMARY:
                break
    if run_start is None or len(openings) < _MIN_RUN:
        return []
    lead = " ".join(text[:sentences[min(1, n - 1)][1]].lower().split())
    if any(_announced(h, lead) for h in heads):
        return []  # a round-up whose lead lists its items: sub-headed sections, not teasers
    # an established run takes in the teasers right before it whose summary restates less of the headline
    while run_start > 1:
        prev = run_start - 1
        after = text[sentences[run_start][0]:sentences[run_start][1]]
        if glued_headline(text, sentences[prev], after, _EXTEND_SHARE) is None:
            break
        run_start = prev
    return [(sentences[run_start][0], sentences[-1][1], True)]
