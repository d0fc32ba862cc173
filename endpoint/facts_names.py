"""Finding entities by name: accent-, case- and punctuation-insensitive matching of labels and aliases.

`fold("Thổ Nhĩ Kỳ") == fold("tho nhi ky") == "tho nhi ky"`: Vietnamese tone
and vowel marks, đ, case and punctuation are ignored.  A `NameIndex` holds the
folded labels of every shared node (entities, positions, agreements, outlets:
the `graph/entities` graph) plus the gazetteer's surface forms for the keys
present in the store, and answers three kinds of match, tried in order:

1. ``exact``: the folded query equals a folded label or alias, or else such a
   name without its place classifier (``Idlib`` for ``tỉnh Idlib`` and
   ``Idlib Governorate``);
2. ``partial``: the query's words are a run of consecutive words of a label
   (``Lavrov`` in ``Sergei Lavrov``);
3. ``approximate``: every query word is within one edit of a label word
   (``lavrop`` for ``Lavrov``).  Approximate matches are only ever offered as
   candidates, never taken as the answer.

The index is built once per store version (one query over the entities graph)
and kept in memory; a look-up is a few dictionary probes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case ASCII-ish words of `text` without diacritics, joined by single spaces."""
    t = text.replace("đ", "d").replace("Đ", "D")
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    return " ".join(_WORD.findall(t))


# place classifiers around a name: "tỉnh Idlib", "thành phố Aleppo", "Idlib Governorate", "Idlib (city)"
_LEADING = ("tinh", "thanh pho", "thu do", "thi tran", "thi xa", "tp", "province of", "city of")
_TRAILING = ("governorate", "province", "city")
_HONORIFICS = {"ong", "ba", "ngai", "mr", "mrs", "ms", "dr"}


def core_name(folded: str) -> str:
    """A folded place name without its classifier word(s); the name itself if it has none."""
    for w in _LEADING:
        if folded.startswith(w + " "):
            return folded[len(w) + 1:]
    for w in _TRAILING:
        if folded.endswith(" " + w):
            return folded[: -len(w) - 1]
    return folded


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of a and b is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


@dataclass(frozen=True)
class NameMatch:
    iri: str
    how: str  # exact | partial | approximate
    form: str  # the label or alias that matched, as written


class NameIndex:
    """Folded names -> node IRIs."""

    MIN_PARTIAL = 3  # shortest query (in characters, folded) tried as a part of longer names
    MIN_FUZZY = 4  # shortest word tried with one edit

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """`names`: (node IRI, label or alias as written) pairs."""
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.core: dict[str, set[str]] = defaultdict(set)  # name without place classifier -> IRIs
        self.forms: dict[tuple[str, str], str] = {}  # (iri, folded) -> form as written
        self.labels: list[tuple[tuple[str, ...], str]] = []  # (folded words, iri)
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for iri, name in names:
            f = fold(name)
            if not f or iri in self.exact[f]:
                continue
            self.exact[f].add(iri)
            self.forms[(iri, f)] = name
            c = core_name(f)
            if c != f and c:
                self.core[c].add(iri)
                self.forms.setdefault((iri, c), name)
            words = tuple(f.split(" "))
            idx = len(self.labels)
            self.labels.append((words, iri))
            for w in set(words):
                self.by_word[w].append(idx)
        self._fuzzy: dict[str, set[str]] | None = None

    def __len__(self) -> int:
        return len(self.labels)

    def match(self, query: str, limit: int = 50) -> list[NameMatch]:
        """The best matches of `query`, all of the best kind found (exact, else partial, else approximate).

        A leading honorific ("ông", "bà", "Mr") is dropped when the whole query matches nothing."""
        q = fold(query)
        if not q:
            return []
        found = self._match(q, limit)
        head, _, rest = q.partition(" ")
        if not found and head in _HONORIFICS and rest:
            found = self._match(rest, limit)
        return found

    def _match(self, q: str, limit: int) -> list[NameMatch]:
        for table in (self.exact, self.core):
            if q in table:
                return [NameMatch(i, "exact", self.forms[(i, q)]) for i in sorted(table[q])][:limit]
        words = tuple(q.split(" "))
        if len(q) >= self.MIN_PARTIAL:
            found = self._partial(words)
            if found:
                return found[:limit]
        return self._approximate(words)[:limit]

    def _partial(self, words: tuple[str, ...]) -> list[NameMatch]:
        postings = [self.by_word.get(w) for w in words]
        if not all(postings):
            return []
        shortest = min(postings, key=len)  # type: ignore[arg-type]
        out: dict[str, NameMatch] = {}
        n = len(words)
        for idx in shortest:  # type: ignore[union-attr]
            label, iri = self.labels[idx]
            if iri in out:
                continue
            if any(label[k:k + n] == words for k in range(len(label) - n + 1)):
                out[iri] = NameMatch(iri, "partial", self.forms[(iri, " ".join(label))])
        return sorted(out.values(), key=lambda m: m.iri)

    def _fuzzy_index(self) -> dict[str, set[str]]:
        if self._fuzzy is None:
            fz: dict[str, set[str]] = defaultdict(set)
            for w in self.by_word:
                if len(w) >= self.MIN_FUZZY:
                    for d in _deletes(w):
                        fz[d].add(w)
            self._fuzzy = fz
        return self._fuzzy

    def _similar_words(self, w: str) -> set[str]:
        if len(w) < self.MIN_FUZZY:
            return {w} if w in self.by_word else set()
        fz = self._fuzzy_index()
        near: set[str] = set()
        for d in _deletes(w):
            near.update(x for x in fz.get(d, ()) if within_one_edit(w, x))
        return near

    def _approximate(self, words: tuple[str, ...]) -> list[NameMatch]:
        options = [self._similar_words(w) for w in words]
        if not all(options):
            return []
        out: dict[str, NameMatch] = {}
        n = len(words)
        first = set().union(*(self.by_word[w] for w in options[0]))
        for idx in sorted(first):
            label, iri = self.labels[idx]
            if iri in out:
                continue
            if any(all(label[k + j] in options[j] for j in range(n)) for k in range(len(label) - n + 1)):
                out[iri] = NameMatch(iri, "approximate", self.forms[(iri, " ".join(label))])
        return sorted(out.values(), key=lambda m: m.iri)
