"""Regex helpers for Vietnamese text, shared by the dates, numbers, casualties and agreements families.

Vietnamese news mixes two tone-mark placements in open syllables: the
traditional "thỏa thuận", "hòa bình", "thủy" and the newer "thoả thuận",
"hoà bình", "thuỷ" (about a third of the scale corpus uses the newer one).
Patterns are written once, in either spelling, and `vi()` expands every such
vowel pair into an alternation so both match.  Literal spaces in a pattern
match any run of whitespace, no-break spaces included.

Matching never changes the text: offsets of matches are offsets into the
stored sentence text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _pairs() -> dict[str, str]:
    """Map each toned pair in either placement to an alternation of both placements."""
    out: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for a, b in ((first, second), (first.upper(), second), (first.upper(), second.upper())):
                old = _with_tone(a, tone) + b  # tone on the first vowel: "ỏa"
                new = a + _with_tone(b, tone)  # tone on the second vowel: "oả"
                alt = f"(?:{old}|{new})"
                out[old] = alt
                out[new] = alt
    return out


_PAIRS = _pairs()
# only at the end of a syllable: "hoàng", "ngoài", "khoảng" are spelt one way; "hòa"/"hoà" two
_PAIR_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, _PAIRS), key=len, reverse=True)) + r")(?!\w)")


def vi(pattern: str) -> str:
    """Expand tone-placement variants and make literal spaces match any whitespace.

    Only use on pattern text outside character classes (the expansion inserts
    groups).  " ?" means optional whitespace.  Escaped spaces (`\\ `) are left alone.
    """
    expanded = _PAIR_RE.sub(lambda m: _PAIRS[m.group(0)], pattern)
    expanded = re.sub(r"(?<!\\) \?", r"\\s*", expanded)  # "a ?b": optional whitespace
    return re.sub(r"(?<!\\) +", r"\\s+", expanded)


def compile_vi(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """`re.compile(vi(pattern), flags)`; case-insensitive unless told otherwise."""
    return re.compile(vi(pattern), flags)


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A non-capturing alternation of literal phrases, longest first, each expanded by `vi`."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(vi(re.escape(w).replace("\\ ", " ")) for w in ordered) + ")"


_CANON_PAIRS = {k: re.search(r"\(\?:([^|]+)\|", v).group(1) for k, v in _PAIRS.items()}  # type: ignore[union-attr]


def canon(text: str) -> str:
    """A lookup key for a phrase: NFC, lower case, one space between words, traditional tone placement."""
    s = " ".join(unicodedata.normalize("NFC", text).split())
    return _PAIR_RE.sub(lambda m: _CANON_PAIRS[m.group(0)], s).lower()


_NEW_PAIRS = {k: re.search(r"\|([^)]+)\)", v).group(1) for k, v in _PAIRS.items()}  # type: ignore[union-attr]


def spellings(phrase: str) -> frozenset[str]:
    """The lower-case spellings of a phrase in both tone placements ("thỏa thuận", "thoả thuận").

    For cheap substring prefilters (`str.__contains__` is far faster than a regex alternation).
    """
    old = canon(phrase)
    new = _PAIR_RE.sub(lambda m: _NEW_PAIRS[m.group(0)], old)
    return frozenset({old, new})


def any_in(text_lower: str, needles: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether any needle occurs in an already lower-cased text."""
    return any(n in text_lower for n in needles)


def sentences_with(sentences: list, text: str, needles: frozenset[str] | tuple[str, ...]) -> list:
    """The sentences (objects with `.begin`/`.end` into `text`, in order) holding one of `needles`.

    `needles` are lower case (see `spellings`); `text` is searched lower-cased,
    with no-break spaces read as spaces.  Plain substring search over the whole
    article is far cheaper than running a regex over every sentence: the gate of
    a fact family whose cue words are rare.
    """
    if not sentences:
        return []
    lower = text.lower().replace("\u00a0", " ")
    lo, hi = sentences[0].begin, sentences[-1].end
    begins = [s.begin for s in sentences]
    hit: set[int] = set()
    for n in needles:
        i = lower.find(n, lo, hi)
        while i >= 0:
            k = bisect.bisect_right(begins, i) - 1
            if k >= 0 and i + len(n) <= sentences[k].end:
                hit.add(k)
                i = lower.find(n, sentences[k].end, hi)  # the rest of this sentence need not be searched
            else:
                i = lower.find(n, i + 1, hi)
    return [sentences[k] for k in sorted(hit)]
