"""The gazetteer: known entities, their surface forms and Wikidata QIDs.

Files under `data/wikidata/` (see `config.data_dir()`):

* `entities.tsv` (required): the project's entity list.  It is the ONLY source
  of QIDs: a QID is confirmed public material or was accepted after review
  (`syriakg wikidata accept`).  Rows of kind `position` feed the positions
  table; `agreement`/`event` rows are other components' business.
* `entities_extra.tsv`: more entities (countries, capitals, outlets, armed
  groups, officials) so they are recognised and typed; its `qid` column must
  be empty.
* `aliases.tsv`: more surface forms for existing keys.
* `metonyms.tsv`: capitals and seats of power that stand for a government (a seat's
  `source`, when not `-`, is the body housed there: the scope of its spokesperson).
* `positions.tsv`: offices and their Vietnamese titles (read by `positions.py`).

Matching is token-based (`names.tokenize`): a surface form matches when every
token has the same `norm` key; if the form has capitalised words, at least one
of them must be capitalised in the text (so `Nga` is Russia but `nga` is not,
while `lực lượng Chính phủ Syria` also matches `Các lực lượng chính phủ Syria`);
acronyms (`IS`, `AP`) must match exactly.

Places: classifier words (`tỉnh`, `thành phố`, `thủ đô`, ...) are stripped from
place forms; a bare name records which entity the province and the
settlement of that name are, and which one (if any) the gazetteer gives the
bare name to (`Aleppo` -> the city; `Idlib` -> neither: ambiguous, see
`actors.py` for the rule).
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from syriakg.loaders.extract.names import is_acronym, is_cap, is_viet_syllable, norm, tokenize
from syriakg.loaders.extract.transliteration import phonetic_surface

__all__ = [
    "GazetteerError",
    "GazEntity",
    "PlaceName",
    "Surface",
    "Gazetteer",
    "get_gazetteer",
    "load_gazetteer",
    "PROVINCE_WORDS",
    "SETTLEMENT_WORDS",
    "KIND_MAP",
]


class GazetteerError(ValueError):
    """A gazetteer file is malformed (the message names the file and line)."""


KIND_MAP = {
    "person": "person",
    "country": "country",
    "place": "place",
    "organization": "organization",
    "organisation": "organization",
    "ethnic group": "ethnic_group",
    "ethnic_group": "ethnic_group",
    "armed_group": "armed_group",
    "armed group": "armed_group",
}
NON_ENTITY_KINDS = {"position", "agreement", "event"}

# classifier words stripped from place forms (as token tuples of norm keys)
PROVINCE_WORDS = ("tỉnh",)
SETTLEMENT_WORDS = ("thành phố", "thủ đô", "thị trấn", "thị xã", "làng", "ngôi làng", "TP", "TP.")
OTHER_PLACE_WORDS = ("cao nguyên",)


# surface forms known to the code, added to the keys the data files define (only if they do)
BUILTIN_ALIASES: dict[str, tuple[str, ...]] = {
    "reuters": ("Roi-tơ", "Rơ-tơ", "Rớt-tơ", "Rơi-tơ"),
    "afp": ("A-ê-phờ-pê",),
}


def _key_tuple(s: str) -> tuple[str, ...]:
    return tuple(norm(t.text) for t in tokenize(s))


_PROVINCE_T = {_key_tuple(w) for w in PROVINCE_WORDS}
_SETTLE_T = {_key_tuple(w) for w in SETTLEMENT_WORDS}
_OTHER_T = {_key_tuple(w) for w in OTHER_PLACE_WORDS}


@dataclass(frozen=True, slots=True)
class GazEntity:
    key: str
    kind: str  # a model EntityKind
    qid: str | None
    label_en: str | None
    label_vi: str
    forms: tuple[str, ...]
    source: str = "entities.tsv"


@dataclass(slots=True)
class PlaceName:
    """What a bare place name can refer to."""

    name: str  # the bare name as written in the gazetteer
    province: str | None = None
    settlement: str | None = None
    default: str | None = None  # the entity the gazetteer gives the bare name to


@dataclass(frozen=True, slots=True)
class Surface:
    toks: tuple[str, ...]  # norm keys
    caps: tuple[bool, ...]  # capitalised in the gazetteer form
    acr: tuple[bool, ...]  # acronym tokens (exact match)
    exact: tuple[str, ...]  # tokens as written
    key: str | None  # entity key (None for a bare place name: see `place`)
    how: str  # name | alias | acronym | metonym
    place: PlaceName | None = None
    viet_single: bool = False  # one Vietnamese syllable (Nga, Anh, Đức): may be part of a person's name
    cap_pos: tuple[int, ...] = ()  # indexes of `caps` that are True (one of them must be capitalised)
    acr_pos: tuple[int, ...] = ()  # indexes of `acr` that are True (exact match)


@dataclass
class Gazetteer:
    entities: dict[str, GazEntity] = field(default_factory=dict)
    positions: dict[str, GazEntity] = field(default_factory=dict)
    index: dict[str, list[Surface]] = field(default_factory=dict)
    places: dict[tuple[str, ...], PlaceName] = field(default_factory=dict)
    capital_of: dict[str, str] = field(default_factory=dict)  # city key -> country key
    governorate_of: dict[str, str] = field(default_factory=dict)  # city key -> governorate key
    country_of_org: dict[str, str] = field(default_factory=dict)  # russia_mfa -> russia (derived names)
    # seat form (norm keys) -> the organisation housed there, for offices of that body
    # ("người phát ngôn Điện Kremlin" is the spokesperson of the Russian presidency, not of Russia)
    seat_org: dict[tuple[str, ...], str] = field(default_factory=dict)
    directory: Path | None = None

    # -- lookup ---------------------------------------------------------------
    def match(self, toks: list, i: int, kinds: set[str] | None = None) -> Surface | None:
        """Longest surface form starting at token i (optionally only of the given entity kinds)."""
        n = len(toks)
        if i >= n:
            return None
        cands = self.index.get(toks[i].key)
        if not cands:
            return phonetic_surface(self, toks, i, kinds)  # "Rắc-ca", "X.La-vrốp": transliteration.py
        for s in cands:  # longest first
            keys = s.toks
            L = len(keys)
            if L > 1:
                if i + L > n:
                    continue
                ok = True
                for j in range(1, L):  # the first key is the index key
                    if toks[i + j].key != keys[j]:
                        ok = False
                        break
                if not ok:
                    continue
            if s.acr_pos and any(toks[i + j].text != s.exact[j] for j in s.acr_pos):
                continue
            if s.cap_pos and not any(toks[i + j].text[0].isupper() for j in s.cap_pos):
                continue
            if kinds is not None:
                k = self.kind_of_surface(s)
                if k not in kinds:
                    continue
            return s
        return phonetic_surface(self, toks, i, kinds)

    def kind_of_surface(self, s: Surface) -> str:
        if s.key is None:
            return "place"
        e = self.entities.get(s.key)
        return e.kind if e else "place"

    def kind(self, key: str) -> str | None:
        e = self.entities.get(key)
        return e.kind if e else None


# --- loading -----------------------------------------------------------------------

def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """TSV rows (skipping `#` comments and blank lines) as dicts, with their line numbers."""
    out: list[tuple[int, dict[str, str]]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise GazetteerError(f"{path}: not UTF-8 ({e})") from e
    header: list[str] | None = None
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise GazetteerError(f"{path}:{lineno}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) < len(required):
            raise GazetteerError(f"{path}:{lineno}: expected {len(header)} tab-separated columns, got {len(cells)}")
        row = {h: (cells[k].strip() if k < len(cells) else "") for k, h in enumerate(header)}
        out.append((lineno, row))
    return out


def _forms(s: str) -> list[str]:
    return [f.strip() for f in s.split("|") if f.strip() and "..." not in f]


ENTITY_COLUMNS = ("key", "kind", "qid", "label_en", "vi_surface_forms")


def load_gazetteer(directory: str | os.PathLike[str]) -> Gazetteer:
    """Read the gazetteer files of `directory` (errors name the file and line)."""
    d = Path(directory)
    main = d / "entities.tsv"
    if not main.is_file():
        raise GazetteerError(f"{main}: gazetteer file not found")
    gaz = Gazetteer(directory=d)
    forms_of: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> (form, how)

    def add_rows(path: Path, allow_qid: bool) -> None:
        for lineno, row in _rows(path, ENTITY_COLUMNS):
            key = row["key"]
            kind_raw = row["kind"].strip().lower()
            if not key:
                raise GazetteerError(f"{path}:{lineno}: empty key")
            qid = row["qid"] or None
            if qid is not None:
                if not allow_qid:
                    raise GazetteerError(
                        f"{path}:{lineno}: {key} has a QID; QIDs belong in entities.tsv only")
                if not (qid.startswith("Q") and qid[1:].isdigit()):
                    raise GazetteerError(f"{path}:{lineno}: {key}: malformed QID {qid!r}")
            forms = _forms(row["vi_surface_forms"])
            if kind_raw in NON_ENTITY_KINDS:
                if kind_raw == "position":
                    gaz.positions[key] = GazEntity(key, "position", qid, row["label_en"] or None,
                                                   forms[0] if forms else row["label_en"], tuple(forms), path.name)
                continue
            kind = KIND_MAP.get(kind_raw)
            if kind is None:
                raise GazetteerError(f"{path}:{lineno}: {key}: unknown kind {row['kind']!r}")
            if key in gaz.entities:
                if path.name != "entities.tsv" and gaz.entities[key].source == "entities.tsv":
                    continue  # entities.tsv wins over extras
                raise GazetteerError(f"{path}:{lineno}: duplicate key {key}")
            label_vi = next((f for f in forms if not f.lower().startswith("phía ")), None) or row["label_en"] or key
            gaz.entities[key] = GazEntity(key, kind, qid, row["label_en"] or None, label_vi, tuple(forms), path.name)
            for f in forms:
                forms_of[key].append((f, "name"))

    add_rows(main, allow_qid=True)
    extra = d / "entities_extra.tsv"
    if extra.is_file():
        add_rows(extra, allow_qid=False)

    aliases = d / "aliases.tsv"
    if aliases.is_file():
        for lineno, row in _rows(aliases, ("key", "vi_surface_forms")):
            key = row["key"]
            if key not in gaz.entities:
                raise GazetteerError(f"{aliases}:{lineno}: alias for unknown key {key!r}")
            for f in _forms(row["vi_surface_forms"]):
                forms_of[key].append((f, "alias"))
    # news agencies as Vietnamese papers spell them by sound (no transliteration rule gets these)
    for key, fl in BUILTIN_ALIASES.items():
        if key in gaz.entities:
            forms_of[key].extend((f, "alias") for f in fl)

    metonyms = d / "metonyms.tsv"
    seat_forms: list[tuple[str, str]] = []
    if metonyms.is_file():
        for lineno, row in _rows(metonyms, ("source", "target", "kind")):
            tgt = row["target"]
            if tgt not in gaz.entities:
                raise GazetteerError(f"{metonyms}:{lineno}: unknown target {tgt!r}")
            if row["kind"] == "capital":
                if row["source"] not in gaz.entities:
                    raise GazetteerError(f"{metonyms}:{lineno}: unknown capital {row['source']!r}")
                gaz.capital_of[row["source"]] = tgt
            elif row["kind"] == "seat":
                org = row["source"] if row["source"] not in ("", "-") else None
                if org is not None and org not in gaz.entities:
                    raise GazetteerError(f"{metonyms}:{lineno}: unknown seat organisation {org!r}")
                for f in _forms(row.get("vi_surface_forms", "")):
                    seat_forms.append((f, tgt))
                    if org is not None:
                        gaz.seat_org[_key_tuple(f)] = org
            else:
                raise GazetteerError(f"{metonyms}:{lineno}: kind must be capital or seat")

    # governorates: X_governorate beside X
    for key in gaz.entities:
        if key.endswith("_governorate"):
            base = key[: -len("_governorate")]
            if base in gaz.entities:
                gaz.governorate_of[base] = key
    # country-scoped organisations named <country>_<suffix> (russia_mfa)
    for key in gaz.entities:
        head, _, _suffix = key.partition("_")
        if gaz.entities[key].kind == "organization" and head in gaz.entities and \
                gaz.entities[head].kind == "country" and key.rsplit("_", 1)[-1] in ("mfa", "mod"):
            gaz.country_of_org[key] = key.rsplit("_", 1)[0]

    surfaces: list[Surface] = []
    seen: set[tuple[tuple[str, ...], str | None]] = set()

    def add_surface(form: str, key: str | None, how: str, place: PlaceName | None = None) -> None:
        toks = tokenize(form)
        if not toks:
            return
        keys = tuple(norm(t.text) for t in toks)
        sig = (keys, key if place is None else "@" + place.name)
        if sig in seen:
            return
        seen.add(sig)
        words = [t for t in toks if t.word]
        viet_single = len(words) == 1 and len(toks) == 1 and is_viet_syllable(toks[0].text)
        acr = tuple(t.word and is_acronym(t.text) for t in toks)
        if how == "name" and all(acr[k] for k in range(len(toks)) if toks[k].word):
            how = "acronym"
        caps = tuple(t.word and is_cap(t.text) for t in toks)
        surfaces.append(Surface(keys, caps, acr, tuple(t.text for t in toks), key, how, place, viet_single,
                                tuple(k for k, c in enumerate(caps) if c), tuple(k for k, a in enumerate(acr) if a)))

    for key, fl in forms_of.items():
        ent = gaz.entities[key]
        for form, how in fl:
            if ent.kind == "place":
                toks = tokenize(form)
                keys = tuple(norm(t.text) for t in toks)
                ptype, rest = None, keys
                for n_cls in (2, 1):
                    if keys[:n_cls] in _PROVINCE_T:
                        ptype, rest = "province", keys[n_cls:]
                        break
                    if keys[:n_cls] in _SETTLE_T:
                        ptype, rest = "settlement", keys[n_cls:]
                        break
                    if keys[:n_cls] in _OTHER_T:
                        ptype, rest = "other", keys[n_cls:]
                        break
                if ptype is not None and rest:
                    bare = _tail(form, len(keys) - len(rest))
                    pn = gaz.places.setdefault(rest, PlaceName(bare))
                    if ptype == "province":
                        pn.province = pn.province or key
                    elif ptype == "settlement":
                        pn.settlement = pn.settlement or key
                    else:
                        pn.default = pn.default or key
                    continue
                pn = gaz.places.setdefault(keys, PlaceName(form))
                pn.default = pn.default or key
                if key.endswith("_governorate"):
                    pn.province = pn.province or key
                else:
                    pn.settlement = pn.settlement or key
                continue
            add_surface(form, key, how)
    # a settlement with a governorate sibling: the province of its name is that governorate
    for pn in gaz.places.values():
        if pn.settlement and not pn.province and pn.settlement in gaz.governorate_of:
            pn.province = gaz.governorate_of[pn.settlement]
        add_surface(pn.name, None, "name", pn)
    for form, tgt in seat_forms:
        add_surface(form, tgt, "metonym")

    index: dict[str, list[Surface]] = defaultdict(list)
    for s in surfaces:
        index[s.toks[0]].append(s)
    for lst in index.values():
        lst.sort(key=lambda s: -len(s.toks))
    gaz.index = dict(index)
    return gaz


def _tail(form: str, n_tokens: int) -> str:
    """`form` without its first n tokens (as written)."""
    toks = tokenize(form)
    return form[toks[n_tokens].begin:] if n_tokens < len(toks) else form


def _default_dir() -> Path:
    from syriakg.loaders.config import gazetteer_path

    return gazetteer_path().parent


@lru_cache(maxsize=4)
def _cached(directory: str, stamp: tuple[float, ...]) -> Gazetteer:
    return load_gazetteer(directory)


def get_gazetteer(directory: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The gazetteer of `directory` (default: the data folder), cached until its files change."""
    d = Path(directory) if directory is not None else _default_dir()
    stamp = tuple(
        (d / f).stat().st_mtime if (d / f).exists() else 0.0
        for f in ("entities.tsv", "entities_extra.tsv", "aliases.tsv", "metonyms.tsv", "positions.tsv")
    )
    return _cached(str(d), stamp)
