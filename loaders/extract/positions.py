"""Offices and the position nodes built from them.

A position is an office (`foreign_minister`) held for a scope (a country or an
organisation key: `russia`, `un`, `kazakhstan_mfa`), optionally "to" a target
(ambassadors: `ambassador_of_usa_to_un`) or "for" a topic (envoys:
`special_envoy_of_un_for_syria`).  Its key is
`{office}_of_{scope}[_to_{target}][_for_{topic}]`, except where a position row
of `entities.tsv` says the same thing (its Vietnamese form parses to the same
office and scope): then that row's key, labels and QID are used
(`Ngoại trưởng Mỹ` -> `us_secretary_of_state`, Q14213).  QIDs come from
`entities.tsv` only.

`data/wikidata/positions.tsv` lists the offices and the Vietnamese titles that
name them (`Ngoại trưởng`, `Bộ trưởng Ngoại giao`, ...).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from syriakg.loaders.extract.gazetteer import Gazetteer, GazetteerError, _rows
from syriakg.loaders.extract.names import Tok, norm, tokenize
from syriakg.loaders.model import Position

__all__ = ["Office", "Offices", "load_offices", "get_offices", "make_position"]


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    titles: tuple[str, ...]
    label_en: str  # template with {scope}
    group: str  # leader | minister | diplomat | other

    @property
    def title_vi(self) -> str:
        return self.titles[0]


@dataclass
class Offices:
    offices: dict[str, Office]
    index: dict[str, list[tuple[tuple[str, ...], str]]]  # first token key -> [(token keys, office id)], longest first
    known: dict[tuple[str, str], str]  # (office, scope) -> position key of entities.tsv

    def match(self, toks: list[Tok], i: int) -> tuple[str, int] | None:
        """(office id, number of tokens) of the longest title starting at token i (case-insensitive)."""
        n = len(toks)
        if i >= n:
            return None
        cands = self.index.get(toks[i].key)
        if not cands:
            return None
        for keys, office in cands:
            L = len(keys)
            if i + L > n:
                continue
            for j in range(1, L):  # the first key is the index key
                if toks[i + j].key != keys[j]:
                    break
            else:
                return office, L
        return None


# offices known to the code, added when `positions.tsv` has no row of that id
BUILTIN_OFFICES: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("press_secretary", ("Thư ký báo chí", "Thư ký Báo chí"), "Press Secretary of {scope}", "other"),
    ("deputy_press_secretary", ("Phó Thư ký báo chí", "Phó thư ký báo chí", "Phó Thư ký Báo chí"),
     "Deputy Press Secretary of {scope}", "other"),
)


def load_offices(path: Path, gaz: Gazetteer) -> Offices:
    offices: dict[str, Office] = {}
    index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for lineno, row in _rows(path, ("office", "vi_titles", "label_en")):
        oid = row["office"]
        titles = tuple(t.strip() for t in row["vi_titles"].split("|") if t.strip())
        if not oid or not titles:
            raise GazetteerError(f"{path}:{lineno}: office id and at least one title are required")
        if "{scope}" not in row["label_en"]:
            raise GazetteerError(f"{path}:{lineno}: label_en must contain {{scope}}")
        offices[oid] = Office(oid, titles, row["label_en"], row.get("group") or "other")
        for t in titles:
            index[norm(tokenize(t)[0].text)].append((tuple(norm(x.text) for x in tokenize(t)), oid))
    for oid, titles, label_en, group in BUILTIN_OFFICES:  # only where the table does not define them
        if oid in offices:
            continue
        offices[oid] = Office(oid, titles, label_en, group)
        for t in titles:
            index[norm(tokenize(t)[0].text)].append((tuple(norm(x.text) for x in tokenize(t)), oid))
    for lst in index.values():
        lst.sort(key=lambda x: -len(x[0]))
    offs = Offices(offices, dict(index), {})
    # positions of entities.tsv: parse their Vietnamese forms into (office, scope)
    for pkey, pent in gaz.positions.items():
        for form in pent.forms:
            toks = tokenize(form)
            m = offs.match(toks, 0)
            if m is None:
                continue
            office, L = m
            if L >= len(toks):
                continue
            s = gaz.match(toks, L, kinds={"country", "organization"})
            if s is None or s.key is None or L + len(s.toks) != len(toks):
                continue
            offs.known.setdefault((office, s.key), pkey)
    return offs


_CACHE: dict[tuple[str, float, int], Offices] = {}


def get_offices(gaz: Gazetteer) -> Offices:
    """The office table next to the gazetteer's files (cached)."""
    d = gaz.directory or Path(".")
    p = d / "positions.tsv"
    if not p.is_file():
        raise GazetteerError(f"{p}: positions file not found")
    ck = (str(p), p.stat().st_mtime, id(gaz))
    offs = _CACHE.get(ck)
    if offs is None:
        if len(_CACHE) > 8:
            _CACHE.clear()
        offs = _CACHE[ck] = load_offices(p, gaz)
    return offs


def make_position(
    offs: Offices,
    gaz: Gazetteer,
    office: str,
    scope: str,
    scope_label_vi: str,
    scope_label_en: str | None,
    target: tuple[str, str, str | None] | None = None,
    topic: tuple[str, str, str | None] | None = None,
) -> Position:
    """The Position for office + scope (+ target `(key, label_vi, label_en)`, + topic)."""
    if target is None and topic is None:
        known = offs.known.get((office, scope))
        if known is not None:
            p = gaz.positions[known]
            return Position(known, p.label_vi, p.label_en, p.qid)
    o = offs.offices[office]
    key = f"{office}_of_{scope}"
    label_vi = f"{o.title_vi} {scope_label_vi}"
    label_en = o.label_en.format(scope=scope_label_en or scope_label_vi)
    if target is not None:
        key += f"_to_{target[0]}"
        label_vi += f" tại {target[1]}"
        label_en += f" to {target[2] or target[1]}"
    if topic is not None:
        key += f"_for_{topic[0]}"
        label_vi += f" về vấn đề {topic[1]}"
        label_en += f" for {topic[2] or topic[1]}"
    return Position(key, label_vi, label_en, None)
