"""Normalised views of the stored text for *matching*, with a map back to the original offsets.

The stored text (`nif:isString`) is never normalised: a Windows-1258 page
decodes to decomposed Vietnamese (base letter + combining tone mark), pages
use no-break spaces and zero-width spaces, flattened pages have runs of
spaces.  Matchers (gazetteer look-ups, patterns, evidence strings) want one
spelling of each word, so they work on a normalised copy and map what they
find back:

    >>> n = normalize("Thô\u0309 Nhi\u0303\u00a0 Ky\u0300")
    >>> n.text
    'Thổ Nhĩ Kỳ'
    >>> n.original_span(4, 7)          # 'Nhĩ' in the normalised text
    (5, 9)

Steps (each optional but NFC and whitespace folding are on by default):

* NFC composition (per base character and its combining marks);
* whitespace folding: any run of white space (incl. U+00A0 no-break space,
  U+202F, U+3000, line breaks) becomes one ASCII space; zero-width characters
  (U+200B/C/D, U+2060, U+FEFF) are dropped;
* `fold_quotes`: curly/low quotes to ASCII `"` and `'`;
* `fold_case`: lower case (`str.lower`, which keeps Vietnamese diacritics).

`Normalized.starts[i]` / `ends[i]` give the original range that produced
normalised character i, so `original_span(b, e)` of a match in the normalised
text is the smallest original range that covers it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Normalized", "normalize", "normalize_str", "nfc_view"]

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_CHUNKS = re.compile(rf"[\s{_ZERO_WIDTH}]+|[^\s{_ZERO_WIDTH}]+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"})


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised string plus, per character, the original [start, end) that produced it."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, begin: int, end: int) -> tuple[int, int]:
        """The original offsets covering normalised text[begin:end]."""
        if not 0 <= begin <= end <= len(self.text):
            raise ValueError(f"bad span {begin}..{end} for a normalised text of {len(self.text)}")
        if begin == end:
            pos = self.starts[begin] if begin < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[begin], self.ends[end - 1]

    def original_offset(self, index: int) -> int:
        """Original offset of normalised position `index` (len(text) maps to len(original))."""
        if index >= len(self.starts):
            return len(self.original)
        return self.starts[index]

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Original spans of every (non-overlapping) occurrence of an already-normalised needle."""
        out: list[tuple[int, int]] = []
        if not needle:
            return out
        i = self.text.find(needle)
        while i >= 0:
            out.append(self.original_span(i, i + len(needle)))
            i = self.text.find(needle, i + len(needle))
        return out


def _fold(s: str, fold_quotes: bool, fold_case: bool) -> str:
    if fold_quotes:
        s = s.translate(_QUOTES)
    if fold_case:
        s = s.lower()
    return s


def normalize(text: str, *, fold_whitespace: bool = True, fold_quotes: bool = False,
              fold_case: bool = False) -> Normalized:
    """Normalise `text` for matching and keep the way back to original offsets."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _CHUNKS.finditer(text):
        s, e = m.span()
        chunk = m.group(0)
        if chunk[0].isspace() or chunk[0] in _ZERO_WIDTH:
            if not fold_whitespace:
                _plain(chunk, s, out, starts, ends, fold_quotes, fold_case)
            elif any(c not in _ZERO_WIDTH for c in chunk):
                out.append(" ")
                starts.append(s)
                ends.append(e)
            continue
        if unicodedata.is_normalized("NFC", chunk) and not unicodedata.combining(chunk[0]):
            _plain(chunk, s, out, starts, ends, fold_quotes, fold_case)
            continue
        # per cluster: a base character and the combining marks that follow it
        i = 0
        n = len(chunk)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(chunk[j]):
                j += 1
            begin = s + i
            cluster = chunk[i:j]
            if i == 0 and unicodedata.combining(chunk[0]) and out and out[-1][-1] != " ":
                # marks separated from their base only by dropped zero-width characters:
                # compose them with the base already written, so the view stays NFC
                # (the whole cluster written last, its base and all its marks: the marks must be
                # reordered together with the new ones)
                k = _last_cluster_size(out)
                begin = starts[-k]
                base = _pop_chars(out, k)
                del starts[-k:], ends[-k:]
                cluster = base + cluster
            composed = _fold(unicodedata.normalize("NFC", cluster), fold_quotes, fold_case)
            for c in composed:
                out.append(c)
                starts.append(begin)
                ends.append(s + j)
            i = j
    return Normalized(text, "".join(out), tuple(starts), tuple(ends))


def _last_cluster_size(out: list[str]) -> int:
    """How many characters at the end of `out` form the last cluster: trailing marks and their base."""
    k = 0
    for piece in reversed(out):
        for c in reversed(piece):
            k += 1
            if not unicodedata.combining(c):
                return k
    return k


def _pop_chars(out: list[str], k: int) -> str:
    """Remove the last `k` characters written to `out` (a list of strings) and return them."""
    taken: list[str] = []
    while k > 0:
        last = out[-1]
        if len(last) <= k:
            taken.append(out.pop())
            k -= len(last)
        else:
            taken.append(last[-k:])
            out[-1] = last[:-k]
            k = 0
    return "".join(reversed(taken))


def _plain(chunk: str, s: int, out: list[str], starts: list[int], ends: list[int],
           fold_quotes: bool, fold_case: bool) -> None:
    folded = _fold(chunk, fold_quotes, fold_case)
    if len(folded) == len(chunk):
        out.append(folded)
        starts.extend(range(s, s + len(chunk)))
        ends.extend(range(s + 1, s + len(chunk) + 1))
        return
    for k, c in enumerate(chunk):  # a case mapping that changed length (rare: 'İ')
        for d in _fold(c, fold_quotes, fold_case):
            out.append(d)
            starts.append(s + k)
            ends.append(s + k + 1)


def normalize_str(text: str, *, fold_quotes: bool = False, fold_case: bool = False) -> str:
    """Just the normalised string (for needles: gazetteer labels, evidence strings)."""
    s = unicodedata.normalize("NFC", text)
    s = "".join(c for c in s if c not in _ZERO_WIDTH)
    s = re.sub(r"\s+", " ", s)
    return _fold(s, fold_quotes, fold_case)


def nfc_view(text: str) -> Normalized | None:
    """An NFC-only view (white space untouched) for pattern matching, or None if `text` is NFC already."""
    if unicodedata.is_normalized("NFC", text):
        return None
    return normalize(text, fold_whitespace=False)
