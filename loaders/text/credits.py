"""Photo credits inside a paragraph: "Ảnh: AFP/TTXVN", "(Ảnh Reuters)", "(Nguồn: EPA/TTXVN)", "Ảnh: RIA Novosti".

Flattened pages glue the credit to the next sentence ("... tại cảng. Ảnh:
Reuters Sau đó, ..."), so where an unbracketed credit ends is decided
word by word: known agencies and outlets (`sources_gazetteer`), capital
acronyms and slash forms (`EPA/TTXVN`) belong to the credit; the first other
word starts the next sentence.  A credit at the end of its paragraph, or
followed by a run of spaces, takes everything up to there (a photographer's
name: "Ảnh: Phương Anh").

"(Nguồn: X)" is a photo credit only when X is a known source or an
agency-like acronym: "(Nguồn: Bộ Y tế)" cites a source for a fact and is
left alone.  "Ảnh" without a colon is a credit only before a known source
("Ảnh Reuters"), never in "Ảnh hưởng".  A bare "Ảnh minh họa" label (a stock
picture) is a credit with no one credited.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from syriakg.loaders.text.sources_gazetteer import is_credit_token, source_name

__all__ = ["Credit", "find_credits"]

_KW = r"(?:Ảnh\s+chụp\s+màn\s+hình|Ảnh\s+minh\s+h[ọo]a|Ảnh\s+minh\s+hoạ|Hình\s+minh\s+h[ọo]a|Nguồn\s+ảnh|Ảnh|Hình|Photo|Nguồn)"
_PAREN = re.compile(rf"\(\s*(?P<kw>{_KW})\s*:?\s*(?P<who>[^()\n]{{0,60}}?)\s*\.?\s*\)\.?", re.I)
_COLON = re.compile(rf"(?<![\w(])(?P<kw>{_KW})\s*:\s*", re.I)
_BARE = re.compile(r"(?<![\w(])Ảnh\s+(?=\S)")
_ILLUSTRATION = re.compile(r"(?<![\w(])(?:Ảnh|Hình|ảnh|hình)\s+minh\s+h(?:ọa|oạ)\.?(?=\s|$)(?!\s*:)")
_RUN_OF_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_WORD = re.compile(r"\S+")
_MAX_WORDS = 8
_KEYWORDS = re.compile(r"ảnh|hình|nguồn|photo", re.I)


@dataclass(frozen=True, slots=True)
class Credit:
    begin: int
    end: int
    who: str  # the credited agency / photographer ('' for "(Ảnh minh họa)")
    illustrative: bool = False  # "Ảnh minh họa": a stock picture, often with no caption of its own


def _known_run(text: str, pos: int, limit: int) -> int:
    """End of the longest run of credit words starting at `pos` (== pos if none)."""
    end = pos
    words = [(m.start(), m.end()) for m in islice(_WORD.finditer(text, pos, limit), _MAX_WORDS)]
    i = 0
    while i < len(words):
        # multi-word known names first ('RIA Novosti', 'Anadolu Agency', 'Getty Images')
        matched = 0
        for k in (3, 2):
            if i + k <= len(words):
                phrase = text[words[i][0]:words[i + k - 1][1]].rstrip(".,;:")
                if source_name(phrase):
                    matched = k
                    break
        if not matched and is_credit_token(text[words[i][0]:words[i][1]]):
            matched = 1
        if not matched:
            break
        # a credit word followed by a comma ends the credit ('Ảnh: AP Lào, Thái Lan ...' stops before 'Lào')
        end = words[i + matched - 1][1]
        i += matched
        if text[end - 1] in ",;:":
            end -= 1
            break
    return end


_CREDIT_WINDOW = 400  # characters after 'Ảnh:' in which a credit must end


def _unbracketed_end(text: str, start: int, limit: int) -> int | None:
    """Where a credit that starts at `start` (after 'Ảnh:') ends, or None if no credit is there."""
    window = min(limit, start + _CREDIT_WINDOW)  # a credit is a few words: never scan a whole huge paragraph
    spaces = _RUN_OF_SPACES.search(text, start, window)
    stop = spaces.start() if spaces else window
    rest = text[start:stop].rstrip()
    if not rest:
        return None
    run = _known_run(text, start, stop)
    if run > start:
        return run
    if stop == limit or spaces:  # at the paragraph's end, or closed by a run of spaces: take it all
        if len(rest.split()) <= _MAX_WORDS and not re.search(r"[.!?…]\s", rest):
            return start + len(rest)
    return None


_KEYWORD_FORMS = ("ảnh", "hình", "nguồn", "photo")


def _keyword_starts(text: str, begin: int, end: int) -> list[int]:
    """Where a `_KEYWORDS` match may start in text[begin:end] (all of them, and possibly more), sorted.

    `str.lower` and `str.find` are much faster than a case-insensitive regex scan.  When lower-casing
    keeps every offset (the same length), each case-insensitive occurrence of a keyword is an
    occurrence in the lower-cased text; otherwise the regex says."""
    low = text[begin:end].lower()
    if len(low) != end - begin:
        return [m.start() for m in _KEYWORDS.finditer(text, begin, end)]
    found: list[int] = []
    for kw in _KEYWORD_FORMS:
        i = low.find(kw)
        while i >= 0:
            found.append(begin + i)
            i = low.find(kw, i + 1)
    found.sort()
    return found


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int], end: int) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text, ..., end)` yields when every match starts at one of `starts` (sorted)."""
    pos = -1
    for p in starts:
        if p < pos:
            continue
        m = pattern.match(text, p, end)
        if m is not None:
            yield m
            pos = m.end() if m.end() > p else p + 1


def find_credits(text: str, begin: int, end: int) -> list[Credit]:
    """Photo credits in text[begin:end], in order, non-overlapping."""
    found: list[Credit] = []
    # Every credit pattern but _PAREN starts at a keyword (case-insensitive), after a non-word
    # character; so instead of scanning the paragraph once per pattern, each is tried only where a
    # keyword starts (a keyword start inside an earlier keyword follows a letter and cannot match).
    kws = _keyword_starts(text, begin, end)
    if not kws:
        return found

    def free(b: int, e: int) -> bool:
        return all(e <= c.begin or b >= c.end for c in found)

    for m in _PAREN.finditer(text, begin, end):
        kw, who = m.group("kw"), m.group("who").strip()
        if kw.lower().startswith("nguồn") and kw.lower() != "nguồn ảnh":
            if not who or not all(is_credit_token(w) for w in re.split(r"[\s,]+", who) if w):
                if not source_name(who):
                    continue
        if len(who.split()) > _MAX_WORDS:
            continue
        found.append(Credit(m.start(), m.end(), who, "minh h" in kw.lower()))
    for m in _matches_at(_COLON, text, kws, end):
        if m.group("kw").lower().startswith("nguồn") and m.group("kw").lower() != "nguồn ảnh":
            stop = _known_run(text, m.end(), end)
        else:
            stop = _unbracketed_end(text, m.end(), end)
        if stop is None or stop <= m.end() or not free(m.start(), stop):
            continue
        found.append(Credit(m.start(), stop, text[m.end():stop].strip(), "minh h" in m.group("kw").lower()))
    for m in _matches_at(_ILLUSTRATION, text, kws, end):
        if free(m.start(), m.end()):
            found.append(Credit(m.start(), m.end(), "", True))
    for m in _matches_at(_BARE, text, kws, end):
        stop = _known_run(text, m.end(), end)
        if stop <= m.end() or not free(m.start(), stop):
            continue
        who = text[m.end():stop].strip()
        if not source_name(who) and not source_name(who.split("/")[0]):
            continue
        found.append(Credit(m.start(), stop, who))
    found.sort(key=lambda c: c.begin)
    return found
