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

At the end of the body, from the first glued headline on, a run of at least
two glued headlines, each followed by at most `_MAX_SUMMARY` summary
sentences, is furniture (`related`): the body ends where the run starts.

Not handled (yet): a single teaser between two parts of the story.  One
glued headline followed by sentences that restate it is also what a section
sub-heading glued to its section looks like, and in flattened text the end of
the summary is not marked; cutting it would cut real sections.

Only plain text patterns are used (no outlet or wording of a particular page).
"""

from __future__ import annotations

import re

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
_RUN_SHARE = 0.6  # share of the headline's content syllables its summary repeats
_MIN_SHARED = 4
_QUESTION_SHARE = 0.3  # a headline that is a sentence of its own needs less: nothing is glued


def _content(text: str) -> list[str]:
    return [w for w in (m.group(0).lower() for m in _SYLLABLE.finditer(text)) if w not in _STOP]


def glued_headline(text: str, sentence: tuple[int, int], after: str) -> tuple[int, float] | None:
    """(offset where the summary starts, share of the headline repeated) when `sentence` starts with a glued headline.

    `after` is the text that follows the sentence (the next sentence), which the summary may use.
    A headline printed as a sentence of its own (ending in '?' or '!') whose next sentence
    restates it counts too (the summary then starts at the next sentence: offset = sentence end).
    """
    b, e = sentence
    s = text[b:e]
    words = list(_WORD.finditer(s))
    best: tuple[int, float, int] | None = None  # (offset, share, shared)
    if _MIN_HEAD_WORDS <= len(words) <= _MAX_HEAD_WORDS and s.rstrip("”\"’' ")[-1:] in "?!":
        heads = set(_content(s))
        shared = len(heads & set(_content(after)))
        if heads and shared >= _MIN_SHARED and shared / len(heads) >= _QUESTION_SHARE:
            best = (e, shared / len(heads), shared)
    for k in range(_MIN_HEAD_WORDS, min(_MAX_HEAD_WORDS, len(words) - 6) + 1):
        w = words[k].group(0)
        head = s[: words[k].start()]
        if _SENTENCE_PUNCT.search(head):
            break  # the headline cannot run past sentence punctuation
        last = words[k - 1].group(0)
        if not w[0].isupper() or last.lower() in _STOP or last.lower() in _NOT_LAST:
            continue  # headlines do not end on a preposition or conjunction
        heads = set(_content(head))
        rest = set(_content(s[words[k].start():] + " " + after))
        shared = len(heads & rest)
        if not heads or shared < _MIN_SHARED:
            continue
        share = shared / len(heads)
        if share >= _RUN_SHARE and (best is None or (shared, share) > (best[2], best[1])):
            best = (b + words[k].start(), share, shared)
    return (best[0], best[1]) if best else None


def teaser_blocks(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Spans (begin, end, at_end) of teaser blocks among the body's sentences, in order.

    `at_end` marks the run that closes the body (the body ends where it starts); it is the only
    kind found today (see the module docstring).
    """
    n = len(sentences)
    heads: dict[int, float] = {}
    for i, sp in enumerate(sentences):
        nxt = text[sentences[i + 1][0]:sentences[i + 1][1]] if i + 1 < n else ""
        g = glued_headline(text, sp, nxt)
        if g is not None:
            heads[i] = g[1]
    if not heads:
        return []
    out: list[tuple[int, int, bool]] = []
    # the closing run: walk back from the end over summaries and glued headlines
    run_start: int | None = None
    i = n - 1
    since_head = 0
    while i >= 1:  # never the lead
        if i in heads:
            run_start, since_head = i, 0
        else:
            since_head += 1
            if since_head > _MAX_SUMMARY:
                break
        i -= 1
    run_heads = [j for j in heads if run_start is not None and j >= run_start]
    if run_start is not None and len(run_heads) >= 2:
        out.append((sentences[run_start][0], sentences[-1][1], True))
    return out
