"""`syriakg wikidata`: find Wikidata candidates for unlinked entities, review them, accept them.

A wrong `owl:sameAs` is worse than none, so nothing here links anything by
itself.  The workflow is:

1. `syriakg wikidata candidates [--from-store | --from-gazetteer | --keys FILE] --out review.tsv`
   For each entity without a QID, search Wikidata by label (Vietnamese and
   English `wbsearchentities`), fetch the candidates (`wbgetentities`: labels,
   aliases, descriptions, P31 "instance of"), fetch the labels of their P31
   classes, and write one row per candidate with a type check (does the
   class fit the entity's kind: a human for a person, a country, a city or
   province for a place ...), a label check, a score, and an empty
   `decision` column.
2. A person reads the file and writes `accept` in `decision` for the right
   rows (at most one per key).
3. `syriakg wikidata accept review.tsv` writes the accepted QIDs into the
   gazetteer (`data/wikidata/entities.tsv`, the only source of QIDs): it fills
   an empty QID of an existing row, moves a row of `entities_extra.tsv` into
   `entities.tsv`, or appends a row for an entity the gazetteer did not know.
   It refuses a row whose type check failed (unless `--force`), a QID that
   another key already has, and a key whose existing QID differs.

Network access goes through a `fetch(params) -> dict` function (the
MediaWiki API's JSON answer), so it can be replaced: `--replay DIR` answers
from recorded responses (what the tests use), `--record DIR` saves live
answers for later replay.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import hashlib
import io
import json
import os
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from syriakg.loaders.extract.names import slug, strip_marks

__all__ = [
    "Fetch",
    "Unlinked",
    "Candidate",
    "http_fetch",
    "replay_fetch",
    "recording_fetch",
    "find_candidates",
    "write_review",
    "read_review",
    "accept_rows",
    "unlinked_from_store",
    "unlinked_from_gazetteer",
    "unlinked_from_file",
    "add_arguments",
    "run",
]

API = "https://www.wikidata.org/w/api.php"
USER_AGENT = "syriakg/0.1 (knowledge graph of Syrian-war diplomacy; wikidata candidate lookup)"

Fetch = Callable[[dict[str, str]], dict]


# --- fetching ---------------------------------------------------------------------

def http_fetch(api: str = API, timeout: float = 20.0, retries: int = 3, pause: float = 1.0) -> Fetch:
    """A fetch function that calls the live MediaWiki API (GET, JSON), politely."""

    def fetch(params: dict[str, str]) -> dict:
        q = dict(params)
        q.setdefault("format", "json")
        url = api + "?" + urllib.parse.urlencode(sorted(q.items()))
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        last: Exception | None = None
        for attempt in range(retries):
            try:
                with urllib.request.urlopen(req, timeout=timeout) as r:  # noqa: S310 - fixed https API
                    return json.loads(r.read().decode("utf-8"))
            except Exception as e:  # network errors, throttling: retry, then give up with the reason
                last = e
                time.sleep(pause * (2 ** attempt))
        raise RuntimeError(f"Wikidata API unreachable ({url}): {last}")

    return fetch


def _record_name(params: dict[str, str]) -> str:
    """File name of a recorded response: readable, and stable for the same request."""
    action = params.get("action", "x")
    if action == "wbsearchentities":
        base = f"wbsearchentities_{params.get('language', 'x')}_{slug(params.get('search', ''))}"
    elif action == "wbgetentities":
        ids = sorted(params.get("ids", "").split("|"))
        joined = "_".join(ids)
        if len(joined) > 80:
            joined = hashlib.sha1(joined.encode()).hexdigest()[:16]
        base = f"wbgetentities_{params.get('props', 'all').replace('|', '-')}_{joined}"
    else:
        base = action + "_" + hashlib.sha1(json.dumps(params, sort_keys=True).encode()).hexdigest()[:16]
    return base + ".json"


def replay_fetch(directory: str | os.PathLike[str]) -> Fetch:
    """Answer from responses recorded in `directory` (see `_record_name`); a missing one is an error."""
    d = Path(directory)

    def fetch(params: dict[str, str]) -> dict:
        p = d / _record_name(params)
        if p.is_file():
            return json.loads(p.read_text(encoding="utf-8"))
        if params.get("action") == "wbgetentities":  # any recordings that hold all the ids asked for
            want = set(params.get("ids", "").split("|"))
            props = params.get("props", "all").replace("|", "-")
            got: dict[str, dict] = {}
            for f in sorted(d.glob(f"wbgetentities_{props}_*.json")):
                got.update(json.loads(f.read_text(encoding="utf-8")).get("entities", {}))
            if want <= set(got):
                return {"entities": {q: got[q] for q in sorted(want)}, "success": 1}
        raise FileNotFoundError(f"{p}: no recorded response for {params}")

    return fetch


def recording_fetch(inner: Fetch, directory: str | os.PathLike[str]) -> Fetch:
    """Call `inner` and save each answer under `directory` for later `replay_fetch`."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)

    def fetch(params: dict[str, str]) -> dict:
        data = inner(params)
        (d / _record_name(params)).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return data

    return fetch


# --- what to look up ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Unlinked:
    key: str
    kind: str
    label_vi: str
    label_en: str | None = None


def unlinked_from_file(path: str | os.PathLike[str]) -> list[Unlinked]:
    """A TSV with columns key, kind, label_vi[, label_en] (header line optional, `#` comments)."""
    out: list[Unlinked] = []
    p = Path(path)
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "key":
            continue
        if len(cells) < 3 or not cells[0].strip() or not cells[2].strip():
            raise ValueError(f"{p}:{lineno}: expected key<TAB>kind<TAB>label_vi[<TAB>label_en]")
        out.append(Unlinked(cells[0].strip(), cells[1].strip(), cells[2].strip(),
                            cells[3].strip() if len(cells) > 3 and cells[3].strip() else None))
    return out


def unlinked_from_gazetteer(directory: str | os.PathLike[str] | None = None) -> list[Unlinked]:
    """Gazetteer entities (entities.tsv and extras) that have no QID."""
    from syriakg.loaders.extract.gazetteer import get_gazetteer

    gaz = get_gazetteer(directory)
    return [Unlinked(e.key, e.kind, _bare_label(e.label_vi), e.label_en)
            for e in gaz.entities.values() if not e.qid]


def unlinked_from_store(store_path: str | os.PathLike[str], base: str | None = None) -> list[Unlinked]:
    """Entities of the store (people, countries, places, organisations) with no `owl:sameAs`."""
    from syriakg.loaders.config import base_iri
    from syriakg.loaders.store import open_store
    from syriakg.ontology.terms import ENTITY_CLASS, sparql_prefixes

    base = base or base_iri()
    kinds = {v: k for k, v in ENTITY_CLASS.items()}
    store = open_store(store_path, read_only=True)
    values = " ".join(f"<{c}>" for c in kinds)
    q = sparql_prefixes() + f"""
SELECT ?e ?type ?label WHERE {{
  VALUES ?type {{ {values} }}
  ?e a ?type ; rdfs:label ?label .
  FILTER NOT EXISTS {{ ?e owl:sameAs ?same }}
}}"""
    found: dict[str, dict] = {}
    prefix = base + "entity/"
    for row in store.query(q, use_default_graph_as_union=True):
        iri = row["e"].value
        if not iri.startswith(prefix):
            continue
        key = iri[len(prefix):]
        rec = found.setdefault(key, {"kind": kinds[row["type"].value], "vi": None, "en": None})
        lit = row["label"]
        lang = getattr(lit, "language", None)
        if lang == "en":
            rec["en"] = rec["en"] or lit.value
        else:
            rec["vi"] = rec["vi"] or lit.value
    return [Unlinked(k, r["kind"], _bare_label(r["vi"] or r["en"] or k), r["en"]) for k, r in sorted(found.items())]


def _bare_label(label: str) -> str:
    """A label without the Vietnamese classifier it may carry ("tỉnh Latakia" -> "Latakia")."""
    for cls in ("tỉnh ", "thành phố ", "thủ đô ", "thị trấn ", "làng "):
        if label.lower().startswith(cls):
            return label[len(cls):]
    return label


# --- checking candidates --------------------------------------------------------------

# words in the English label of a P31 class that fit each kind of entity
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "person": ("human",),
    "country": ("country", "sovereign state", "state", "kingdom", "republic"),
    "place": ("city", "capital", "town", "village", "settlement", "governorate", "province", "region",
              "municipality", "district", "administrative", "metropolis", "port", "neighborhood", "neighbourhood",
              "border crossing", "military base", "air base", "heights", "plateau", "river", "geographic",
              "area", "subdivision", "commune", "oasis", "archaeological site", "mountain"),
    "organization": ("organization", "organisation", "agency", "ministry", "political party", "armed", "militia",
                     "group", "coalition", "news", "newspaper", "broadcaster", "council", "committee", "company",
                     "alliance", "movement", "terrorist", "government", "department", "force", "army", "navy",
                     "institute", "think tank", "university", "union", "league", "federation", "office",
                     "television", "website", "media", "rebel", "paramilitary", "parliament", "legislature",
                     "intergovernmental", "non-governmental", "charity", "observatory", "business"),
    "armed_group": ("armed", "militia", "rebel", "terrorist", "paramilitary", "military", "group", "organization",
                    "organisation", "coalition", "front", "army", "force"),
    "ethnic_group": ("ethnic group", "people", "nation"),
}
# classes that never fit, whatever the kind (names, disambiguation pages, works)
BAD_TYPE_WORDS = ("family name", "given name", "male given name", "female given name", "disambiguation",
                  "wikimedia", "film", "album", "song", "book", "literary work", "television series", "episode",
                  "scholarly article", "painting", "video game", "asteroid", "taxon")


@dataclass
class Candidate:
    key: str
    kind: str
    label_vi: str
    label_en: str | None
    qid: str
    wd_label_en: str = ""
    wd_label_vi: str = ""
    description: str = ""
    p31: list[str] = field(default_factory=list)  # "Q5 human"
    type_ok: str = "unknown"  # yes | no | unknown
    label_match: str = "no"  # exact | alias | partial | no
    score: float = 0.0
    note: str = ""
    decision: str = ""


def _fold(s: str) -> str:
    return " ".join(strip_marks(s).casefold().replace("-", " ").split())


def _type_ok(kind: str, class_labels: list[str]) -> str:
    if not class_labels:
        return "unknown"
    low = [c.lower() for c in class_labels]
    if any(any(b in c for b in BAD_TYPE_WORDS) for c in low):
        return "no"
    words = TYPE_WORDS.get(kind, ())
    if kind == "person":
        return "yes" if "human" in low else "no"
    if any(any(w in c for w in words) for c in low):
        return "yes"
    return "no"


def _label_match(ent: Unlinked, labels: list[str], aliases: list[str]) -> str:
    mine = {_fold(x) for x in (ent.label_vi, ent.label_en) if x}
    if mine & {_fold(x) for x in labels}:
        return "exact"
    if mine & {_fold(x) for x in aliases}:
        return "alias"
    theirs = [_fold(x) for x in labels + aliases]
    if any(m and t and (m in t or t in m) for m in mine for t in theirs):
        return "partial"
    return "no"


def _claims_p31(entity: dict) -> list[str]:
    out = []
    for st in entity.get("claims", {}).get("P31", []):
        try:
            out.append(st["mainsnak"]["datavalue"]["value"]["id"])
        except (KeyError, TypeError):
            continue
    return out


def _lang_values(d: dict, lang: str) -> list[str]:
    v = d.get(lang)
    if v is None:
        return []
    if isinstance(v, dict):
        return [v.get("value", "")]
    return [x.get("value", "") for x in v]


def find_candidates(entities: Iterable[Unlinked], fetch: Fetch, per_search: int = 5,
                    languages: tuple[str, ...] = ("vi", "en"), known_qids: dict[str, str] | None = None
                    ) -> list[Candidate]:
    """Search, fetch and check candidates for each entity (see the module docstring)."""
    known_qids = known_qids or {}
    cands: list[Candidate] = []
    per_entity: list[tuple[Unlinked, list[str]]] = []
    for ent in entities:
        ids: list[str] = []
        terms = [(lang, ent.label_vi) for lang in languages]
        if ent.label_en and _fold(ent.label_en) != _fold(ent.label_vi):
            terms.append(("en", ent.label_en))
        for lang, term in terms:
            data = fetch({"action": "wbsearchentities", "search": term, "language": lang, "uselang": lang,
                          "type": "item", "limit": str(per_search), "format": "json"})
            for hit in data.get("search", []):
                q = hit.get("id")
                if isinstance(q, str) and q.startswith("Q") and q not in ids:
                    ids.append(q)
        per_entity.append((ent, ids))
    all_ids = sorted({q for _, ids in per_entity for q in ids}, key=lambda q: int(q[1:]))
    info: dict[str, dict] = {}
    for chunk in _chunks(all_ids, 50):
        data = fetch({"action": "wbgetentities", "ids": "|".join(chunk), "props": "labels|aliases|descriptions|claims",
                      "languages": "vi|en", "format": "json"})
        info.update(data.get("entities", {}))
    classes = sorted({c for e in info.values() for c in _claims_p31(e)}, key=lambda q: int(q[1:]))
    class_label: dict[str, str] = {}
    for chunk in _chunks(classes, 50):
        data = fetch({"action": "wbgetentities", "ids": "|".join(chunk), "props": "labels", "languages": "en",
                      "format": "json"})
        for q, e in data.get("entities", {}).items():
            lab = _lang_values(e.get("labels", {}), "en")
            class_label[q] = lab[0] if lab else ""
    for ent, ids in per_entity:
        for rank, q in enumerate(ids):
            e = info.get(q)
            if e is None or "missing" in e:
                continue
            labels = _lang_values(e.get("labels", {}), "en") + _lang_values(e.get("labels", {}), "vi")
            aliases = _lang_values(e.get("aliases", {}), "en") + _lang_values(e.get("aliases", {}), "vi")
            p31 = _claims_p31(e)
            clabels = [class_label.get(c, "") for c in p31]
            c = Candidate(ent.key, ent.kind, ent.label_vi, ent.label_en, q,
                          (_lang_values(e.get("labels", {}), "en") or [""])[0],
                          (_lang_values(e.get("labels", {}), "vi") or [""])[0],
                          (_lang_values(e.get("descriptions", {}), "en") or
                           _lang_values(e.get("descriptions", {}), "vi") or [""])[0],
                          [f"{cq} {cl}".strip() for cq, cl in zip(p31, clabels, strict=False)])
            c.type_ok = _type_ok(ent.kind, [x for x in clabels if x])
            c.label_match = _label_match(ent, labels, aliases)
            c.score = round({"exact": 0.6, "alias": 0.45, "partial": 0.2, "no": 0.0}[c.label_match]
                            + {"yes": 0.3, "unknown": 0.1, "no": -0.5}[c.type_ok] + max(0.0, 0.1 - 0.02 * rank), 3)
            other = known_qids.get(q)
            if other and other != ent.key:
                c.note = f"QID already used by {other}"
                c.score = round(c.score - 1.5, 3)
            cands.append(c)
    cands.sort(key=lambda c: (c.key, -c.score))
    return cands


def _chunks(xs: list[str], n: int) -> Iterable[list[str]]:
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


# --- the review file ----------------------------------------------------------------

REVIEW_COLUMNS = ("key", "kind", "label_vi", "label_en", "qid", "wd_label_en", "wd_label_vi", "wd_description",
                  "p31", "type_ok", "label_match", "score", "note", "decision")


def write_review(cands: list[Candidate], out: io.TextIOBase | None = None) -> str:
    """The review TSV (also written to `out` when given)."""
    buf = io.StringIO()
    buf.write("# Wikidata candidates for review. Write 'accept' in the decision column of the right row\n")
    buf.write("# (at most one per key), then run: syriakg wikidata accept THIS_FILE\n")
    w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(REVIEW_COLUMNS)
    for c in cands:
        w.writerow([c.key, c.kind, c.label_vi, c.label_en or "", c.qid, c.wd_label_en, c.wd_label_vi,
                    c.description, "; ".join(c.p31), c.type_ok, c.label_match, f"{c.score:.3f}", c.note,
                    c.decision])
    text = buf.getvalue()
    if out is not None:
        out.write(text)
    return text


ACCEPT_WORDS = {"accept", "accepted", "yes", "y", "x", "ok", "1", "true"}


def read_review(path: str | os.PathLike[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a review file (line number, row) that were marked accepted."""
    p = Path(path)
    lines = [(n, line) for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        raise ValueError(f"{p}: empty review file")
    header = next(csv.reader([lines[0][1]], delimiter="\t"))
    missing = [c for c in ("key", "kind", "qid", "decision") if c not in header]
    if missing:
        raise ValueError(f"{p}:{lines[0][0]}: header lacks column(s) {', '.join(missing)}")
    out = []
    for n, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t"))
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        if row.get("decision", "").lower() in ACCEPT_WORDS:
            out.append((n, row))
    return out


# --- accepting into the gazetteer -------------------------------------------------------

GAZ_COLUMNS = ("key", "kind", "qid", "label_en", "vi_surface_forms", "qid_evidence")
_TSV_KIND = {"ethnic_group": "ethnic group", "armed_group": "organization"}


@dataclass
class AcceptReport:
    updated: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def text(self) -> str:
        parts = [f"{len(self.updated)} QID(s) filled, {len(self.moved)} moved from extras, "
                 f"{len(self.added)} row(s) added, {len(self.unchanged)} unchanged, {len(self.refused)} refused"]
        parts += [f"  refused: {r}" for r in self.refused]
        return "\n".join(parts)


def _read_tsv_lines(path: Path) -> tuple[list[str], int, list[str]]:
    """(all lines, index of the header line, header columns)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.strip() and not line.startswith("#"):
            return lines, i, line.split("\t")
    raise ValueError(f"{path}: no header line")


def _write_atomic(path: Path, lines: list[str]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def accept_rows(review: str | os.PathLike[str], gazetteer_dir: str | os.PathLike[str], force: bool = False,
                dry_run: bool = False, today: str | None = None) -> AcceptReport:
    """Merge the accepted rows of `review` into `gazetteer_dir/entities.tsv` (see module docstring)."""
    rows = read_review(review)
    d = Path(gazetteer_dir)
    main = d / "entities.tsv"
    extra = d / "entities_extra.tsv"
    lines, h, header = _read_tsv_lines(main)
    col = {c: header.index(c) for c in GAZ_COLUMNS if c in header}
    for c in ("key", "kind", "qid"):
        if c not in col:
            raise ValueError(f"{main}: header lacks column {c}")
    by_key: dict[str, int] = {}
    qid_owner: dict[str, str] = {}
    for i in range(h + 1, len(lines)):
        if not lines[i].strip() or lines[i].startswith("#"):
            continue
        cells = lines[i].split("\t")
        by_key[cells[col["key"]]] = i
        q = cells[col["qid"]] if len(cells) > col["qid"] else ""
        if q:
            qid_owner[q] = cells[col["key"]]
    extra_lines: list[str] | None = None
    extra_by_key: dict[str, int] = {}
    if extra.is_file():
        extra_lines, eh, eheader = _read_tsv_lines(extra)
        ek = eheader.index("key")
        for i in range(eh + 1, len(extra_lines)):
            if extra_lines[i].strip() and not extra_lines[i].startswith("#"):
                extra_by_key[extra_lines[i].split("\t")[ek]] = i
    today = today or _dt.date.today().isoformat()
    evidence = f"review {today}"
    rep = AcceptReport()
    seen_keys: dict[str, int] = {}
    for lineno, row in rows:
        key, qid = row["key"], row["qid"]
        where = f"{review}:{lineno}"
        if key in seen_keys:
            raise ValueError(f"{where}: {key} accepted twice (also line {seen_keys[key]})")
        seen_keys[key] = lineno
        if not (qid.startswith("Q") and qid[1:].isdigit()):
            rep.refused.append(f"{where}: {key}: malformed QID {qid!r}")
            continue
        if row.get("type_ok", "unknown") == "no" and not force:
            rep.refused.append(f"{where}: {key}: {qid} failed the type check (use --force to override)")
            continue
        owner = qid_owner.get(qid)
        if owner is not None and owner != key:
            rep.refused.append(f"{where}: {key}: {qid} already belongs to {owner}")
            continue
        if key in by_key:
            i = by_key[key]
            cells = lines[i].split("\t")
            cells += [""] * (len(header) - len(cells))
            cur = cells[col["qid"]]
            if cur == qid:
                rep.unchanged.append(key)
                continue
            if cur and not force:
                rep.refused.append(f"{where}: {key} already has {cur} in {main.name}")
                continue
            cells[col["qid"]] = qid
            if "qid_evidence" in col:
                cells[col["qid_evidence"]] = evidence
            lines[i] = "\t".join(cells)
            rep.updated.append(key)
        else:
            cells = [""] * len(header)
            source = None
            if extra_lines is not None and key in extra_by_key:
                source = extra_lines[extra_by_key[key]].split("\t")
                source += [""] * (len(GAZ_COLUMNS) - len(source))
            cells[col["key"]] = key
            cells[col["kind"]] = source[1] if source else _TSV_KIND.get(row.get("kind", ""), row.get("kind", ""))
            cells[col["qid"]] = qid
            if "label_en" in col:
                cells[col["label_en"]] = (source[3] if source else "") or row.get("label_en") or \
                    row.get("wd_label_en", "")
            if "vi_surface_forms" in col:
                cells[col["vi_surface_forms"]] = (source[4] if source else "") or row.get("label_vi", "")
            if "qid_evidence" in col:
                cells[col["qid_evidence"]] = evidence
            lines.append("\t".join(cells))
            by_key[key] = len(lines) - 1
            if source is not None and extra_lines is not None:
                extra_lines[extra_by_key[key]] = "# moved to entities.tsv: " + extra_lines[extra_by_key[key]]
                rep.moved.append(key)
            else:
                rep.added.append(key)
        qid_owner[qid] = key
    if not dry_run and (rep.updated or rep.added or rep.moved):
        _write_atomic(main, lines)
        if rep.moved and extra_lines is not None:
            _write_atomic(extra, extra_lines)
    return rep


# --- command line -------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="wikidata_command", metavar="ACTION")
    c = sub.add_parser("candidates", help="look up Wikidata candidates for unlinked entities; write a review TSV")
    src = c.add_mutually_exclusive_group()
    src.add_argument("--from-store", action="store_true", help="entities of the store without owl:sameAs (default)")
    src.add_argument("--from-gazetteer", action="store_true", help="gazetteer entities without a QID")
    src.add_argument("--keys", metavar="FILE", help="TSV: key, kind, label_vi[, label_en]")
    c.add_argument("--out", "-o", metavar="FILE", help="review file to write (default: stdout)")
    c.add_argument("--limit", type=int, default=0, help="look up at most N entities")
    c.add_argument("--per-search", type=int, default=5, help="search results kept per query (default 5)")
    c.add_argument("--api", default=API, help="MediaWiki API endpoint (default %(default)s)")
    c.add_argument("--replay", metavar="DIR", help="answer from responses recorded in DIR (offline)")
    c.add_argument("--record", metavar="DIR", help="save the live responses in DIR")
    c.add_argument("--gazetteer", metavar="DIR", help="gazetteer folder (default: data/wikidata)")
    c.add_argument("--store", default=argparse.SUPPRESS, help="store folder (as for the other commands)")
    a = sub.add_parser("accept", help="merge accepted rows of a review TSV into the gazetteer")
    a.add_argument("file", help="the reviewed TSV")
    a.add_argument("--gazetteer", metavar="DIR", help="gazetteer folder (default: data/wikidata)")
    a.add_argument("--force", action="store_true", help="accept type mismatches and replace existing QIDs")
    a.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")


def _gaz_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "gazetteer", None):
        return Path(args.gazetteer)
    from syriakg.loaders.config import gazetteer_path

    return gazetteer_path().parent


def run(args: argparse.Namespace, fetch: Fetch | None = None) -> int:
    action = getattr(args, "wikidata_command", None)
    if action == "accept":
        try:
            rep = accept_rows(args.file, _gaz_dir(args), force=args.force, dry_run=args.dry_run)
        except (ValueError, OSError) as e:
            print(f"syriakg wikidata accept: {e}", file=sys.stderr)
            return 2
        print(("(dry run) " if args.dry_run else "") + rep.text())
        return 1 if rep.refused else 0
    if action != "candidates":
        print("syriakg wikidata: choose an action: candidates or accept", file=sys.stderr)
        return 2
    try:
        if args.keys:
            ents = unlinked_from_file(args.keys)
        elif args.from_gazetteer:
            ents = unlinked_from_gazetteer(_gaz_dir(args))
        else:
            store = getattr(args, "store", None)
            if not store or not Path(store).exists():
                raise ValueError(f"no store at {store} (load articles first, or use --keys/--from-gazetteer)")
            ents = unlinked_from_store(store)
    except (ValueError, OSError) as e:
        print(f"syriakg wikidata candidates: {e}", file=sys.stderr)
        return 2
    if args.limit:
        ents = ents[: args.limit]
    if fetch is None:
        fetch = replay_fetch(args.replay) if args.replay else http_fetch(args.api)
        if args.record and not args.replay:
            fetch = recording_fetch(fetch, args.record)
    known: dict[str, str] = {}
    try:
        from syriakg.loaders.extract.gazetteer import get_gazetteer

        for e in get_gazetteer(_gaz_dir(args)).entities.values():
            if e.qid:
                known[e.qid] = e.key
    except (ValueError, OSError):
        pass
    try:
        cands = find_candidates(ents, fetch, per_search=args.per_search, known_qids=known)
    except (RuntimeError, FileNotFoundError) as e:
        print(f"syriakg wikidata candidates: {e}", file=sys.stderr)
        return 1
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            write_review(cands, f)
        print(f"{len(cands)} candidate(s) for {len(ents)} entit(y/ies) written to {args.out}")
    else:
        write_review(cands, sys.stdout)
    return 0
