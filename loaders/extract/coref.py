"""Who is who within one article: person names, later mentions, recency, pairs.

* `People` decides whether a name refers to a person already met in the
  article ("ông Erdogan", "Kerry"), to a gazetteer person ("Bashar Assad" is
  `Bashar al-Assad`), or to someone new.  Names are compared on their parts
  (case- and accent-folded, particles such as `al-`, `de` dropped): the last
  part (surname; for Vietnamese names the given name, which is how they are
  referred to) must agree, and the other parts of the shorter name must be
  among those of the longer one (so `Maher al-Assad` is not `Bashar al-Assad`).
* `Discourse` remembers, in text order, which entities were mentioned, which
  pairs were named together ("A và B", "A và người đồng cấp B"), and who holds
  which office, so anaphors ("nước này", "hai ngoại trưởng", "Nhà lãnh đạo
  Nga", "ông") can be resolved to the nearest fitting referent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from syriakg.loaders.extract.gazetteer import Gazetteer
from syriakg.loaders.extract.names import NAME_PARTICLES, norm, strip_marks

__all__ = ["name_parts", "compatible", "People", "Discourse", "Seen", "Pair", "Held"]


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=50_000)
def name_parts(name: str) -> tuple[str, ...]:
    """Comparable parts of a person's name: `Bashar al-Assad` -> ('bashar', 'assad').

    A hyphenated word is one part (`Jean-Marc`, the Vietnamese transliteration
    `La-vrốp`), except a leading particle (`al-`), which is dropped like `de`.
    """
    parts = []
    for w in _WORD.findall(name):
        pieces = re.split(r"[-'’]", w)
        while len(pieces) > 1 and strip_marks(norm(pieces[0])) in NAME_PARTICLES:
            pieces = pieces[1:]
        k = strip_marks(norm("".join(pieces)))
        if k in NAME_PARTICLES:
            continue
        parts.append(k)
    return tuple(parts)


def compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same surname, and the shorter name's other parts are among the longer one's (initials allowed)."""
    if not a or not b or a[-1] != b[-1]:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    rest = long_[:-1]
    for p in short[:-1]:
        if p in rest:
            continue
        if len(p) == 1 and any(r.startswith(p) for r in rest):
            continue
        return False
    return True


@dataclass
class _Person:
    key: str
    parts: tuple[str, ...]


class People:
    """Person names of one article, plus the gazetteer's people."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.local: list[_Person] = []  # in order of last mention
        self._gaz_people = _gaz_people(gaz)

    def find(self, name: str) -> str | None:
        """The key of a person `name` refers to, if known (article first, then gazetteer)."""
        parts = name_parts(name)
        if not parts:
            return None
        # one pass, most recent first: an exact match wins, else the most recent compatible one (both
        # need the same surname, the cheap test; local names are never empty)
        last = parts[-1]
        comp = None
        for p in reversed(self.local):
            pp = p.parts
            if pp[-1] != last:
                continue
            if pp == parts:
                return p.key
            if comp is None and compatible(parts, pp):
                comp = p.key
        if comp is not None:
            return comp
        if len(parts) == 1:
            return self._gaz_people[1].get(parts)
        best = None
        for key, gparts in self._gaz_people[2].get(parts[-1], ()):
            if gparts == parts:
                return key
            if best is None and len(gparts) >= 2 and compatible(parts, gparts):
                best = key
        return best

    def add(self, key: str, name: str) -> None:
        parts = name_parts(name)
        if not parts:
            return
        self.local = [p for p in self.local if not (p.key == key and p.parts == parts)]
        self.local.append(_Person(key, parts))

    def touch(self, key: str) -> None:
        """Move a person to the front of recency (mentioned again)."""
        hits = [p for p in self.local if p.key == key]
        if hits:
            self.local = [p for p in self.local if p.key != key] + hits


_GAZ_PEOPLE_CACHE: dict[int, tuple] = {}


def _gaz_people(gaz: Gazetteer) -> tuple:
    """(all (key, parts) of gazetteer person forms, single-part forms -> key, surname -> [(key, parts)])."""
    got = _GAZ_PEOPLE_CACHE.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    multi: list[tuple[str, tuple[str, ...]]] = []
    single: dict[tuple[str, ...], str] = {}
    for e in gaz.entities.values():
        if e.kind != "person":
            continue
        for f in e.forms + tuple(_alias_forms(gaz, e.key)):
            parts = name_parts(f)
            if not parts:
                continue
            if len(parts) == 1:
                single.setdefault(parts, e.key)
            multi.append((e.key, parts))
    by_last: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for key, parts in multi:
        by_last.setdefault(parts[-1], []).append((key, parts))
    res = (multi, single, by_last)
    _GAZ_PEOPLE_CACHE[id(gaz)] = (gaz, res)
    return res


def _alias_forms(gaz: Gazetteer, key: str) -> list[str]:
    out = []
    for lst in gaz.index.values():
        for s in lst:
            if s.key == key:
                out.append(" ".join(s.exact))
    return out


@dataclass(frozen=True, slots=True)
class Seen:
    order: tuple[int, int]  # (sentence index, begin offset)
    key: str
    kind: str
    how: str


@dataclass(frozen=True, slots=True)
class Pair:
    order: tuple[int, int]
    kind: str  # person | country | organization
    a: str
    b: str


@dataclass(slots=True)
class Held:
    """A person holds an office for a scope (what coreference needs to know of positions)."""

    holder: str
    office: str
    scope: str | None
    position_key: str | None
    order: tuple[int, int]


@dataclass
class Discourse:
    seen: list[Seen] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)

    def last(self, kinds: set[str], before: tuple[int, int], exclude_how: set[str] | None = None,
             min_sentence: int = -1) -> str | None:
        for s in reversed(self.seen):
            if s.order >= before or s.order[0] < min_sentence:
                continue
            if s.kind in kinds and (exclude_how is None or s.how not in exclude_how):
                return s.key
        return None

    def last_distinct(self, kinds: set[str], before: tuple[int, int], n: int, min_sentence: int = -1,
                      exclude_how: set[str] | None = None) -> list[str]:
        out: list[str] = []
        for s in reversed(self.seen):
            if s.order >= before or s.order[0] < min_sentence:
                continue
            if s.kind in kinds and s.key not in out and (exclude_how is None or s.how not in exclude_how):
                out.append(s.key)
                if len(out) == n:
                    break
        return out

    def holders(self, office: str | None = None, scope: str | None = None, group: set[str] | None = None,
                offices_in_group: dict[str, str] | None = None) -> list[Held]:
        """Office holders met so far, most recent first."""
        out = []
        for h in reversed(self.held):
            if office is not None and h.office != office:
                continue
            if scope is not None and h.scope != scope:
                continue
            if group is not None and offices_in_group is not None and offices_in_group.get(h.office) not in group:
                continue
            out.append(h)
        return out

    def offices_of(self, holder: str) -> list[Held]:
        return [h for h in reversed(self.held) if h.holder == holder]

    def last_pair(self, kinds: set[str], before: tuple[int, int], min_sentence: int = -1) -> Pair | None:
        for p in reversed(self.pairs):
            if p.order < before and p.kind in kinds and p.order[0] >= min_sentence:
                return p
        return None
