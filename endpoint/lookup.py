"""Provenance-checked fact lookup: find an entity, gather its facts, check each fact's evidence against the text.

The library behind `GET /facts`, `GET /facts/check` and `syriakg facts|check|verify`.

* `FactLookup.resolve(ref)`: a Wikidata QID (`Q7747`, `wd:Q7747`), a
  resource IRI (or its path under the base, `entity/putin`), or a name in
  Vietnamese or English matched without regard to case, accents or
  punctuation (see `facts_names`).  Several fitting entities -> candidates.
* `FactLookup.facts(iri, filters, limit, offset)`: one page of the facts that
  name the entity in any role (actor, place, party, claimant, accused,
  speaker, holder, position, agreement; a catalogue agreement is also a fact
  itself), each with its contract fields and its evidence.
* Every evidence sentence is checked when the answer is made: the stored
  article text at [begin, end) must equal the sentence text, the stored text
  must hash to the article's `kg:sha256`, and that hash must equal the
  `kg:textSha256` recorded on the fact at extraction time.  (Catalogue
  agreements record no hash; their evidence links live in the article's own
  graph, which the loader replaces as a whole, so the link is as current as
  the article.)  A fact that fails is returned with `verified: false` and the
  reasons; it is never dropped.

Safety: no user text is ever put into a query string.  The queries are fixed
strings assembled from constant fragments (one per filter that is present);
the entity, status, article and dates reach them only through pyoxigraph's
`substitutions=`, and everything else is read with `quads_for_pattern`.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, Store, Variable

from syriakg.endpoint.facts_index import FactIndex
from syriakg.endpoint.facts_models import Candidates, EntityInfo, Evidence, Fact, FactsPage, Ref
from syriakg.endpoint.facts_names import NameIndex, NameMatch
from syriakg.ontology.terms import (
    EVENT_CLASS,
    KG,
    KG_NS,
    NIF,
    OUTCOME,
    OWL,
    PREFIXES,
    PROV,
    QUALIFIER,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SEM,
    SPEECH_ACT,
    STATUS,
    WD_NS,
    XSD_NS,
    sparql_prefixes,
)

MAX_LIMIT = 500
MAX_REF_LENGTH = 500  # longest entity reference (name, IRI) accepted
MAX_CANDIDATES = 20

# --- vocabulary --------------------------------------------------------------------------------------------

# API fact type -> the classes it covers (most general first)
FACT_TYPES: dict[str, tuple[NamedNode, ...]] = {
    "meeting": tuple(KG[c] for c in ("Meeting", "Talks", "PhoneCall", "Visit", "Summit", "Negotiation")),
    "agreement": (KG.Agreement,),
    "casualty": (KG.CasualtyClaim,),
    "statement": (KG.Statement,),
    "position": (KG.PositionHolding,),
    "violation": (KG.ViolationClaim, KG.ObstructionClaim),
}
# the meeting kinds are types of their own too (narrower filters)
SUBTYPES: dict[str, tuple[NamedNode, ...]] = {kind: (KG[cls],) for kind, cls in EVENT_CLASS.items() if kind != "meeting"}
SUBTYPES["obstruction"] = (KG.ObstructionClaim,)
TYPE_ALIASES = {
    "meetings": "meeting", "event": "meeting", "events": "meeting",
    "agreements": "agreement", "accord": "agreement",
    "casualty_claim": "casualty", "casualty claim": "casualty", "casualties": "casualty", "casualtyclaim": "casualty",
    "statements": "statement",
    "positions": "position", "position_holding": "position", "positionholding": "position", "holding": "position",
    "violations": "violation", "violation_claim": "violation", "violation claim": "violation",
    "violationclaim": "violation", "phonecall": "phone_call", "phone call": "phone_call",
    "obstruction_claim": "obstruction",
}
ALL_TYPES = (*FACT_TYPES, *SUBTYPES)

_CLASS_TO_TYPE: dict[str, tuple[str, str]] = {}  # class IRI -> (type, kind)
for _kind, _cls in EVENT_CLASS.items():
    _CLASS_TO_TYPE[KG_NS + _cls] = ("meeting", _kind)
_CLASS_TO_TYPE.update({
    KG_NS + "Agreement": ("agreement", "agreement"),
    KG_NS + "CasualtyClaim": ("casualty", "casualty"),
    KG_NS + "Statement": ("statement", "statement"),
    KG_NS + "PositionHolding": ("position", "position"),
    KG_NS + "ViolationClaim": ("violation", "violation"),
    KG_NS + "ObstructionClaim": ("violation", "obstruction"),
})
_KIND_RANK = {"obstruction": 0, "violation": 1, "meeting": 2}  # more specific kinds first (others: 0)

STATUS_VALUES = tuple(STATUS)  # occurred, planned, ...
_STATUS_OF = {KG_NS + v: k for k, v in STATUS.items()}
_QUALIFIER_OF = {KG_NS + v: k for k, v in QUALIFIER.items()}
_OUTCOME_OF = {KG_NS + v: k for k, v in OUTCOME.items()}
_ACT_OF = {KG_NS + v: k for k, v in SPEECH_ACT.items()}

# role name -> predicate linking a fact to the entity
ROLES: dict[str, NamedNode] = {
    "actor": SEM.hasActor, "place": SEM.hasPlace, "party": KG.party, "claimant": KG.claimant,
    "accused": KG.accused, "speaker": KG.speaker, "holder": KG.holder, "position": KG.position,
    "agreement": KG.agreement,
}
_ROLE_OF = {p.value: r for r, p in ROLES.items()}
_DERIVED = PROV.wasDerivedFrom.value
EVIDENCE_LIMIT = 10  # evidence sentences listed (and checked) per fact; `evidence_count` says how many there are
_SMALL_NODE = 200  # a fact with more quads than this is read predicate by predicate
_DESCRIPTIVE = (RDF_TYPE, RDFS.label, KG.status, KG.date, KG.dateText, KG.topic, *ROLES.values(), KG.count,
                KG.countText, KG.countQualifier, KG.outcome, KG.victims, KG.speechAct, KG.quote, KG.reportedIn,
                KG.textSha256)
_EVIDENCE_COUNT = sparql_prefixes() + "SELECT ?f (COUNT(*) AS ?n) WHERE { ?f prov:wasDerivedFrom ?s } GROUP BY ?f"
_LABEL_PREDICATES = (RDFS.label.value, SCHEMA.name.value)


_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


@lru_cache(maxsize=4096)
def compact(iri: str) -> str:
    for p, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri


# --- errors and input checks -------------------------------------------------------------------------------


class BadInput(ValueError):
    """A request parameter is unusable; the message says which and why (HTTP 400)."""

    def __init__(self, parameter: str, problem: str) -> None:
        super().__init__(f"{parameter}: {problem}")
        self.parameter = parameter
        self.problem = problem


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_QID = re.compile(r"^(?:wd:|https?://www\.wikidata\.org/(?:entity|wiki)/)?([Qq][1-9][0-9]{0,11})$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LOCAL_PATH = re.compile(r"^(?:entity|position|agreement|outlet|article)/\S+$")


def clean_text(parameter: str, value: str | None, max_length: int = MAX_REF_LENGTH) -> str | None:
    """Strip `value`; refuse control characters (NUL included) and overlong values."""
    if value is None:
        return None
    if len(value) > max_length:
        raise BadInput(parameter, f"too long ({len(value)} characters; at most {max_length})")
    if _CONTROL.search(value):
        raise BadInput(parameter, "contains control characters")
    v = value.strip()
    return v or None


def parse_date_bound(parameter: str, value: str | None, upper: bool) -> str | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` -> the first (or, for `upper`, last) day it covers, as YYYY-MM-DD."""
    v = clean_text(parameter, value, 40)
    if v is None:
        return None
    m = _DATE.match(v)
    if not m:
        raise BadInput(parameter, f"{v!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if mo is not None and not 1 <= int(mo) <= 12:
        raise BadInput(parameter, f"{v!r}: no month {mo}")
    if d is not None and not 1 <= int(d) <= 31:
        raise BadInput(parameter, f"{v!r}: no day {d}")
    if d is not None:
        return v
    if mo is not None:
        return f"{y}-{mo}-31" if upper else f"{y}-{mo}-01"
    return f"{y}-12-31" if upper else f"{y}-01-01"


def normalise_type(value: str | None) -> str | None:
    v = clean_text("type", value, 40)
    if v is None:
        return None
    k = v.lower().replace("-", "_")
    k = TYPE_ALIASES.get(k, TYPE_ALIASES.get(k.replace("_", " "), k))
    if k not in ALL_TYPES:
        raise BadInput("type", f"unknown fact type {v!r}; one of: {', '.join(ALL_TYPES)}")
    return k


def normalise_status(value: str | None) -> str | None:
    v = clean_text("status", value, 40)
    if v is None:
        return None
    k = v.lower()
    if k not in STATUS:
        raise BadInput("status", f"unknown status {v!r}; one of: {', '.join(STATUS_VALUES)}")
    return k


# --- filters and fixed queries -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FactFilter:
    """Optional narrowing of a fact list; all values already validated (see `FactFilter.parse`)."""

    type: str | None = None
    status: str | None = None
    article: str | None = None  # article IRI
    date_from: str | None = None  # YYYY-MM-DD
    date_to: str | None = None

    @property
    def dated(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    def describe(self) -> dict[str, str]:
        out = {"type": self.type, "status": self.status, "article": self.article,
               "from": self.date_from, "to": self.date_to}
        return {k: v for k, v in out.items() if v is not None}

    @classmethod
    def parse(cls, lookup: FactLookup, type: str | None = None, status: str | None = None,
              article: str | None = None, date_from: str | None = None, date_to: str | None = None) -> FactFilter:
        lo = parse_date_bound("from", date_from, upper=False)
        hi = parse_date_bound("to", date_to, upper=True)
        if lo and hi and lo > hi:
            raise BadInput("from", f"the range is empty ({lo} is after {hi})")
        return cls(normalise_type(type), normalise_status(status), lookup.article_iri(article), lo, hi)


# The predicates each fact type uses to name entities (the mapping's shape, see CONTRACT.md): a type filter
# narrows the union of role patterns to these, so only facts that can be of that type are looked at.
TYPE_ROLES: dict[str, tuple[str, ...]] = {
    "meeting": ("actor", "place"),
    "agreement": ("party",),
    "casualty": ("place", "claimant"),
    "statement": ("speaker", "place"),
    "position": ("holder", "position"),
    "violation": ("agreement", "claimant", "accused"),
}


def _family(type_key: str) -> str:
    return type_key if type_key in FACT_TYPES else ("violation" if type_key == "obstruction" else "meeting")


def _role_union(type_key: str | None) -> str:
    roles = TYPE_ROLES[_family(type_key)] if type_key else tuple(ROLES)
    return " UNION ".join(f"{{ ?f <{ROLES[r].value}> ?e }}" for r in roles)


_DATE_FRAGMENT = f"""
  OPTIONAL {{ ?f <{KG.date.value}> ?_fd FILTER(!STRSTARTS(STR(?_fd), "--")) }}
  OPTIONAL {{ ?f <{KG.reportedIn.value}> ?_ra . ?_ra <{SCHEMA.datePublished.value}> ?_pd }}
  BIND(STR(COALESCE(?_fd, ?_pd)) AS ?_ds)
  BIND(IF(STRLEN(?_ds) = 4, CONCAT(?_ds, "-01-01"), IF(STRLEN(?_ds) = 7, CONCAT(?_ds, "-01"), SUBSTR(?_ds, 1, 10))) AS ?_lo)
  BIND(IF(STRLEN(?_ds) = 4, CONCAT(?_ds, "-12-31"), IF(STRLEN(?_ds) = 7, CONCAT(?_ds, "-31"), SUBSTR(?_ds, 1, 10))) AS ?_hi)
  FILTER(?_lo <= ?to && ?_hi >= ?from)"""


@lru_cache(maxsize=256)
def fact_query(type_key: str | None, status: bool, article: bool, dated: bool, self_fact: bool = False,
               count: bool = False) -> str:
    """The fixed query for one combination of filters.  Its only inputs are substituted variables:
    ?e (entity), ?status, ?article, ?from, ?to (and ?f for `self_fact`).

    Filters are FILTER EXISTS tests on a fact already found (one index probe each), so a page of a
    frequent entity streams without evaluating the filters on all of its facts."""
    where = [f"?f <{PROV.wasDerivedFrom.value}> ?_s0 ." if self_fact else _role_union(type_key)]
    if type_key is not None:
        classes = (FACT_TYPES.get(type_key) or SUBTYPES[type_key])
        where.append(f"FILTER EXISTS {{ ?f a ?_t FILTER(?_t IN ({', '.join(f'<{c.value}>' for c in classes)})) }}")
    if status:
        where.append(f"FILTER EXISTS {{ ?f <{KG.status.value}> ?status }}")
    if article:
        where.append(f"FILTER EXISTS {{ ?f <{PROV.wasDerivedFrom.value}> ?_as . "
                     f"?_as <{NIF.referenceContext.value}> ?article }}")
    if dated:
        where.append(_DATE_FRAGMENT)
    bound = ["?e"] + (["?status"] if status else []) + (["?article"] if article else []) + (["?from", "?to"] if dated else [])
    body = "\n  ".join(where)
    if count:
        return f"SELECT {' '.join(bound)} (COUNT(DISTINCT ?f) AS ?n) WHERE {{\n  {body}\n}} GROUP BY {' '.join(bound)}"
    head = "?f " + " ".join(bound)
    return f"SELECT DISTINCT {head} WHERE {{\n  {body}\n}}"


# --- caches ------------------------------------------------------------------------------------------------


class _LRU:
    """A small thread-tolerant LRU map (a race only computes a value twice)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[Any, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.data:
                self.data.move_to_end(key)
                return self.data[key]
        value = make()
        with self.lock:
            self.data[key] = value
            if len(self.data) > self.size:
                self.data.popitem(last=False)
        return value


@dataclass
class _Article:
    iri: str
    text: str | None
    sha: str | None
    sha_graphs: frozenset[str]  # graphs holding the article's kg:sha256 (its own graph)
    text_ok: bool  # sha256(text) == sha
    headline: str | None = None
    source_file: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass
class _Sentence:
    iri: str
    anchor: str | None
    begin: int | None
    end: int | None
    article: str | None


@dataclass
class Resolution:
    """What an entity reference turned out to be: one entity, several candidates, or nothing."""

    query: str
    entity: EntityInfo | None = None
    candidates: list[EntityInfo] = field(default_factory=list)
    how: str = ""

    @property
    def status(self) -> str:
        if self.entity is not None:
            return "found"
        return "ambiguous" if self.candidates else "not_found"


def _gazetteer_forms(base: str) -> Iterator[tuple[str, str]]:
    """(IRI, surface form) of every gazetteer entity, position and agreement (entities.tsv, aliases.tsv)."""
    try:
        from syriakg.loaders.extract.gazetteer import get_gazetteer

        gaz = get_gazetteer()
    except Exception:  # no gazetteer files: labels only
        return
    for kind, table in (("entity", gaz.entities), ("position", gaz.positions)):
        for key, ent in table.items():
            for form in (*ent.forms, ent.label_vi, ent.label_en or ""):
                if form:
                    yield f"{base}{kind}/{key}", form
    # agreements are not gazetteer entities, but entities.tsv lists their surface forms too
    import csv

    from syriakg.loaders.config import gazetteer_path

    try:
        with open(gazetteer_path(), encoding="utf-8", newline="") as fh:
            rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t",
                                  quoting=csv.QUOTE_NONE)
            for row in rows:
                if (row.get("kind") or "").strip().lower() == "agreement" and row.get("key"):
                    for form in (row.get("vi_surface_forms") or "").split("|"):
                        if form.strip():
                            yield f"{base}agreement/{row['key'].strip()}", form.strip()
    except (OSError, csv.Error):
        return


def candidates_answer(res: Resolution, parameter: str) -> Candidates:
    """The 300 answer listing the entities an ambiguous reference fits."""
    kind = "approximately (one letter off)" if res.how == "approximate" else "equally well"
    return Candidates(
        query=res.query, parameter=parameter, candidates=res.candidates,
        message=f"{len(res.candidates)} entities match {res.query!r} {kind}; "
                f"ask again with one of their IRIs or QIDs as `{parameter}`.",
    )


def _first(values: Iterable[Any]) -> Any:
    return next(iter(values), None)


def _int(term: Any) -> int | None:
    try:
        return int(term.value)
    except (AttributeError, ValueError):
        return None


# --- the lookup --------------------------------------------------------------------------------------------


class FactLookup:
    """Lookups over one store (at one version: create a new one, or call `clear_caches`, after it changes)."""

    def __init__(self, store: Store, base: str, *, aliases: bool = True) -> None:
        self.store = store
        self.base = base
        self.entities_graph = NamedNode(f"{base}graph/entities")
        self.use_aliases = aliases
        self._names: NameIndex | None = None
        self._names_lock = threading.Lock()
        self._articles = _LRU(2048)
        self._refs = _LRU(50_000)
        self._facts = _LRU(20_000)
        self.index: FactIndex | None = None  # set by build_index(); until then the fixed queries answer
        self._prefixes = sparql_prefixes()

    def build_index(self) -> FactIndex:
        """Build the in-memory fact index (see `facts_index`) and answer fact lists from it from now on."""
        classes = {c.value for cs in FACT_TYPES.values() for c in cs}
        idx = FactIndex.build(self.store, {r: p.value for r, p in ROLES.items()}, classes)
        self.index = idx
        return idx

    def _from_index(self, entity: str, flt: FactFilter) -> list[str] | None:
        """The matching facts from the index, or None when the fixed queries must answer."""
        idx = self.index
        if idx is None or flt.article is not None:
            return None
        types = roles = None
        if flt.type is not None:
            types = {c.value[len(KG_NS):] for c in (FACT_TYPES.get(flt.type) or SUBTYPES[flt.type])}
            roles = set(TYPE_ROLES[_family(flt.type)])
        return idx.select(entity, types, roles, STATUS[flt.status] if flt.status else None, flt.date_from,
                          flt.date_to, self_fact=flt.type in (None, "agreement"))

    def clear_caches(self, indexes: bool = True) -> None:
        """Forget cached facts, articles and labels (and, with `indexes`, the name and fact indexes)."""
        if indexes:
            self._names = None
            self.index = None
        self._articles = _LRU(2048)
        self._refs = _LRU(50_000)
        self._facts = _LRU(20_000)

    # -- low level ------------------------------------------------------------------------------------------
    def _select(self, query: str, bindings: dict[str, Any]) -> Iterator[Any]:
        subs = {Variable(k): v for k, v in bindings.items()}
        return iter(self.store.query(query, use_default_graph_as_union=True, substitutions=subs))

    def _quads(self, s: NamedNode | None, p: NamedNode | None = None, o: Any = None) -> Iterator[Quad]:
        return self.store.quads_for_pattern(s, p, o, None)

    def _objects(self, s: NamedNode, p: NamedNode) -> list[Any]:
        seen: dict[Any, None] = {}
        for q in self._quads(s, p):
            seen.setdefault(q.object, None)
        return list(seen)

    def exists(self, iri: str) -> bool:
        node = NamedNode(iri)
        return _first(self._quads(node)) is not None or _first(self.store.quads_for_pattern(None, None, node, None)) is not None

    # -- references -----------------------------------------------------------------------------------------
    def ref(self, iri: str) -> Ref:
        def make() -> Ref:
            node = NamedNode(iri)
            labels: dict[str | None, str] = {}
            qid = None
            for q in self._quads(node):
                p = q.predicate.value
                if p in _LABEL_PREDICATES and isinstance(q.object, Literal):
                    labels.setdefault(q.object.language, q.object.value)
                elif p == OWL.sameAs.value and q.object.value.startswith(WD_NS):
                    qid = q.object.value[len(WD_NS):]
            label = labels.get("vi") or labels.get("en") or _first(labels.values())
            return Ref(iri=iri, label=label, qid=qid)

        return self._refs.get(iri, make)

    def entity_info(self, iri: str, how: str | None = None, form: str | None = None) -> EntityInfo:
        node = NamedNode(iri)
        labels: dict[str, list[str]] = {}
        types: list[str] = []
        qid = None
        for q in self._quads(node):
            p = q.predicate.value
            if p in _LABEL_PREDICATES and isinstance(q.object, Literal):
                vals = labels.setdefault(q.object.language or "", [])
                if q.object.value not in vals:
                    vals.append(q.object.value)
            elif p == RDF_TYPE.value and compact(q.object.value) not in types:
                types.append(compact(q.object.value))
            elif p == OWL.sameAs.value and q.object.value.startswith(WD_NS):
                qid = q.object.value[len(WD_NS):]
        best = (labels.get("vi") or labels.get("en") or _first(labels.values()) or [None])[0]
        return EntityInfo(iri=iri, label=best, labels=labels, qid=qid, types=sorted(types), match=how, matched_name=form)

    def article_iri(self, value: str | None) -> str | None:
        """An article given as IRI, base-relative path (`article/x`) or id (`x`) -> its IRI (BadInput if unknown)."""
        v = clean_text("article", value)
        if v is None:
            return None
        if v.startswith(("http://", "https://")):
            iri = v
        elif v.startswith("article/"):
            iri = self.base + v
        else:
            iri = f"{self.base}article/{v}"
        if _BAD_IRI_CHARS.search(iri):
            raise BadInput("article", "not a valid IRI or article id")
        try:
            node = NamedNode(iri)
        except ValueError as e:
            raise BadInput("article", f"not a valid IRI ({e})") from None
        if _first(self._quads(node, RDF_TYPE, SCHEMA.NewsArticle)) is None:
            raise BadInput("article", f"no article <{iri}> in the graph")
        return iri

    # -- names ----------------------------------------------------------------------------------------------
    def names(self) -> NameIndex:
        with self._names_lock:
            if self._names is None:
                self._names = NameIndex(self._name_pairs())
            return self._names

    def _name_pairs(self) -> Iterator[tuple[str, str]]:
        present: set[str] = set()
        for q in self.store.quads_for_pattern(None, RDFS.label, None, self.entities_graph):
            if isinstance(q.object, Literal):
                present.add(q.subject.value)
                yield q.subject.value, q.object.value
        if not self.use_aliases:
            return
        for iri, form in _gazetteer_forms(self.base):
            if iri in present:
                yield iri, form

    # -- resolving a reference ------------------------------------------------------------------------------
    def resolve(self, ref: str, parameter: str = "entity") -> Resolution:
        """A QID, IRI, base-relative path or name -> the entity, or candidates, or nothing."""
        v = clean_text(parameter, ref)
        if v is None:
            raise BadInput(parameter, "empty")
        m = _QID.match(v)
        if m:
            qid = m.group(1).upper()
            found = sorted({row["e"].value for row in self._select(
                self._prefixes + "SELECT ?e ?wd WHERE { ?e owl:sameAs ?wd }", {"wd": NamedNode(WD_NS + qid)})})
            return self._decide(v, [NameMatch(i, "qid", qid) for i in found])
        if v.startswith(("http://", "https://", "urn:")) or _LOCAL_PATH.match(v):
            iri = v if not _LOCAL_PATH.match(v) else self.base + v
            if _BAD_IRI_CHARS.search(iri):
                raise BadInput(parameter, "not a valid IRI (spaces, quotes, braces or angle brackets)")
            try:
                NamedNode(iri)
            except ValueError as e:
                raise BadInput(parameter, f"not a valid IRI ({e})") from None
            return self._decide(v, [NameMatch(iri, "iri", iri)] if self.exists(iri) else [])
        return self._decide(v, self.names().match(v, limit=200))

    def _decide(self, query: str, matches: list[NameMatch]) -> Resolution:
        if not matches:
            return Resolution(query)
        how = matches[0].how
        if len(matches) == 1 and how != "approximate":
            m = matches[0]
            return Resolution(query, self.entity_info(m.iri, m.how, m.form), how=how)
        infos = []
        for m in matches:
            info = self.entity_info(m.iri, m.how, m.form)
            info.facts = self.count(m.iri, FactFilter())
            infos.append(info)
        infos.sort(key=lambda i: (-(i.facts or 0), i.label or "", i.iri))
        if how != "approximate":
            with_facts = [i for i in infos if i.facts]
            if len(with_facts) == 1:  # the only one of them anything is known about
                return Resolution(query, with_facts[0], how=how)
        return Resolution(query, candidates=infos[:MAX_CANDIDATES], how=how)

    # -- fact lists -----------------------------------------------------------------------------------------
    def _bindings(self, entity: str, flt: FactFilter) -> dict[str, Any]:
        b: dict[str, Any] = {"e": NamedNode(entity)}
        if flt.status:
            b["status"] = KG[STATUS[flt.status]]
        if flt.article:
            b["article"] = NamedNode(flt.article)
        if flt.dated:
            b["from"] = Literal(flt.date_from or "0000-01-01")
            b["to"] = Literal(flt.date_to or "9999-12-31")
        return b

    def _self_fact(self, entity: str, flt: FactFilter) -> bool:
        """Is the entity itself a fact (a catalogue agreement with evidence) that passes the filters?"""
        if flt.type not in (None, "agreement"):
            return False
        if _first(self._quads(NamedNode(entity), RDF_TYPE, KG.Agreement)) is None:
            return False
        q = fact_query(flt.type, bool(flt.status), bool(flt.article), flt.dated, self_fact=True)
        b = self._bindings(entity, flt)
        b["f"] = NamedNode(entity)
        return _first(self._select(q, b)) is not None

    def fact_iris(self, entity: str, flt: FactFilter, self_fact: bool | None = None) -> Iterator[str]:
        """All facts naming `entity` that pass `flt`, in a stable order (the entity itself first if it is one)."""
        listed = self._from_index(entity, flt)
        if listed is not None:
            yield from listed
            return
        if self_fact if self_fact is not None else self._self_fact(entity, flt):
            yield entity
        q = fact_query(flt.type, bool(flt.status), bool(flt.article), flt.dated)
        for row in self._select(q, self._bindings(entity, flt)):
            if row["f"].value != entity:
                yield row["f"].value

    def count(self, entity: str, flt: FactFilter, self_fact: bool | None = None) -> int:
        listed = self._from_index(entity, flt)
        if listed is not None:
            return len(listed)
        q = fact_query(flt.type, bool(flt.status), bool(flt.article), flt.dated, count=True)
        row = _first(self._select(q, self._bindings(entity, flt)))
        n = _int(row["n"]) if row is not None else 0
        itself = self_fact if self_fact is not None else self._self_fact(entity, flt)
        return (n or 0) + (1 if itself else 0)

    def facts(self, entity: str, flt: FactFilter | None = None, limit: int = 50, offset: int = 0,
              query: str = "", info: EntityInfo | None = None, evidence_limit: int = EVIDENCE_LIMIT) -> FactsPage:
        flt = flt or FactFilter()
        limit = max(1, min(int(limit), MAX_LIMIT))
        offset = max(0, int(offset))
        listed = self._from_index(entity, flt)
        itself = self._self_fact(entity, flt) if listed is None else None
        source = iter(listed) if listed is not None else self.fact_iris(entity, flt, itself)
        page_iris = list(islice(source, offset, offset + limit + 1))
        more = len(page_iris) > limit
        page_iris = page_iris[:limit]
        facts = [self.fact(f, subject=entity, evidence_limit=evidence_limit) for f in page_iris]
        exact = not more and (page_iris or not offset)
        if listed is not None:
            total = len(listed)
        else:
            total = offset + len(page_iris) if exact else self.count(entity, flt, itself)
        return FactsPage(
            query=query or entity,
            entity=info or self.entity_info(entity),
            filters=flt.describe(),
            total=total,
            limit=limit,
            offset=offset,
            next_offset=offset + limit if more else None,
            unverified=sum(1 for f in facts if not f.verified),
            facts=facts,
        )

    # -- one fact -------------------------------------------------------------------------------------------
    def _fact_quads(self, node: NamedNode, evidence_limit: int) -> tuple[list[Quad], int | None]:
        """The fact's quads with at most `evidence_limit` evidence links, and the number of links when
        there are more (a catalogue agreement can rest on thousands of sentences)."""
        quads = list(islice(self._quads(node), _SMALL_NODE))
        if len(quads) < _SMALL_NODE:
            return quads, sum(1 for q in quads if q.predicate.value == _DERIVED)
        quads = [q for p in _DESCRIPTIVE for q in self._quads(node, p)]
        quads += list(islice(self._quads(node, PROV.wasDerivedFrom), evidence_limit))
        row = _first(self._select(_EVIDENCE_COUNT, {"f": node}))
        return quads, (_int(row["n"]) if row is not None else None)

    def fact(self, iri: str, subject: str | None = None, evidence_limit: int = EVIDENCE_LIMIT) -> Fact:
        """The fact's fields and its evidence (at most `evidence_limit` sentences), verified now (that is,
        against this version of the store: a `FactLookup` is made per store version, so its cache of
        checked facts is as current as the store)."""
        base, role_objects = self._facts.get((iri, evidence_limit), lambda: self._read_fact(iri, evidence_limit))
        if subject is None:
            return base.model_copy()
        roles = ["self"] if subject == iri else sorted(r for r, objs in role_objects.items() if subject in objs)
        return base.model_copy(update={"roles": roles})

    def _read_fact(self, iri: str, evidence_limit: int) -> tuple[Fact, dict[str, set[str]]]:
        node = NamedNode(iri)
        props: dict[str, dict[Any, None]] = {}  # predicate -> objects (ordered set)
        link_graphs: dict[str, set[str]] = {}  # evidence sentence -> graphs holding the link
        quads, evidence_count = self._fact_quads(node, evidence_limit)
        for q in quads:
            p = q.predicate.value
            props.setdefault(p, {})[q.object] = None
            if p == _DERIVED:
                g = getattr(q.graph_name, "value", "")
                link_graphs.setdefault(q.object.value, set()).add(g)

        def one(p: NamedNode) -> Any:
            return _first(props.get(p.value, ()))

        def text(p: NamedNode) -> str | None:
            t = one(p)
            return t.value if t is not None else None

        def refs(p: NamedNode) -> list[Ref]:
            return [self.ref(o.value) for o in props.get(p.value, ()) if isinstance(o, NamedNode)]

        def ref1(p: NamedNode) -> Ref | None:
            r = refs(p)
            return r[0] if r else None

        classes = [o.value for o in props.get(RDF_TYPE.value, ())]
        kinds = sorted((_CLASS_TO_TYPE[c] for c in classes if c in _CLASS_TO_TYPE),
                       key=lambda tk: _KIND_RANK.get(tk[1], 0))
        ftype, kind = kinds[0] if kinds else ("other", "other")
        role_objects = {_ROLE_OF[p]: {getattr(o, "value", "") for o in vals} for p, vals in props.items() if p in _ROLE_OF}
        d = one(KG.date)
        sha = text(KG.textSha256)
        count = one(KG.count)
        label = None
        if ftype == "agreement":
            label = self.ref(iri).label
        evidence = [self.check_evidence(s.value, sha, link_graphs.get(s.value, set()))
                    for s in islice(props.get(_DERIVED, ()), evidence_limit) if isinstance(s, NamedNode)]
        evidence.sort(key=lambda e: (e.article or "", e.begin if e.begin is not None else -1, e.sentence))
        problems = sorted({p for e in evidence for p in e.problems}) if evidence else ["no_evidence"]
        fact = Fact(
            iri=iri, type=ftype, kind=kind, classes=sorted(compact(c) for c in classes),
            verified=bool(evidence) and all(e.verified for e in evidence), problems=problems,
            label=label,
            status=_STATUS_OF.get(getattr(one(KG.status), "value", "")),
            date=d.value if d is not None else None,
            date_type=compact(d.datatype.value) if isinstance(d, Literal) and d.datatype.value.startswith(XSD_NS) else None,
            date_text=text(KG.dateText), topic=text(KG.topic),
            actors=refs(SEM.hasActor), place=ref1(SEM.hasPlace), parties=refs(KG.party),
            agreement=ref1(KG.agreement), claimant=ref1(KG.claimant), accused=refs(KG.accused),
            count=_int(count) if count is not None else None, count_text=text(KG.countText),
            qualifier=_QUALIFIER_OF.get(getattr(one(KG.countQualifier), "value", "")),
            outcome=_OUTCOME_OF.get(getattr(one(KG.outcome), "value", "")),
            victims=text(KG.victims), speaker=ref1(KG.speaker),
            speech_act=_ACT_OF.get(getattr(one(KG.speechAct), "value", "")), quote=text(KG.quote),
            holder=ref1(KG.holder), position=ref1(KG.position),
            reported_in=[o.value for o in props.get(KG.reportedIn.value, ())],
            same_event=next((q.subject.value for q in self._quads(None, KG.report, node)), None),
            same_event_as=sorted(o.value for o in props.get(KG.sameEventAs.value, ())),
            text_sha256=sha, evidence=evidence,
            evidence_count=evidence_count if evidence_count is not None else len(evidence),
        )
        return fact, role_objects

    # -- evidence -------------------------------------------------------------------------------------------
    def sentence(self, iri: str) -> _Sentence:
        node = NamedNode(iri)
        anchor = begin = end = article = None
        for q in self._quads(node):
            p = q.predicate.value
            if p == NIF.anchorOf.value:
                anchor = q.object.value
            elif p == NIF.beginIndex.value:
                begin = _int(q.object)
            elif p == NIF.endIndex.value:
                end = _int(q.object)
            elif p == NIF.referenceContext.value:
                article = q.object.value
        return _Sentence(iri, anchor, begin, end, article)

    def article(self, iri: str) -> _Article:
        def make() -> _Article:
            node = NamedNode(iri)
            vals: dict[str, Any] = {}
            sha_graphs: set[str] = set()
            for q in self._quads(node):
                p = q.predicate.value
                vals.setdefault(p, q.object)
                if p == KG.sha256.value:
                    sha_graphs.add(getattr(q.graph_name, "value", ""))
            text = getattr(vals.get(NIF.isString.value), "value", None)
            sha = getattr(vals.get(KG.sha256.value), "value", None)
            ok = text is not None and sha is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() == sha
            pub = vals.get(SCHEMA.publisher.value)
            outlet = None
            if pub is not None:
                outlet = getattr(_first(self._objects(pub, SCHEMA.name)), "value", None)
            return _Article(
                iri=iri, text=text, sha=sha, sha_graphs=frozenset(sha_graphs), text_ok=ok,
                headline=getattr(vals.get(SCHEMA.headline.value), "value", None),
                source_file=getattr(vals.get(KG.sourceFile.value), "value", None),
                outlet=outlet, published=getattr(vals.get(SCHEMA.datePublished.value), "value", None),
            )

        return self._articles.get(iri, make)

    def check_evidence(self, sentence_iri: str, fact_sha: str | None, link_graphs: set[str]) -> Evidence:
        """Verify one evidence sentence of a fact against the article text stored now."""
        s = self.sentence(sentence_iri)
        problems: list[str] = []
        art = self.article(s.article) if s.article else None
        if s.anchor is None or s.begin is None or s.end is None or s.article is None:
            problems.append("sentence_missing")
        elif art is None or art.text is None:
            problems.append("article_missing")
        else:
            if art.text[s.begin:s.end] != s.anchor:
                problems.append("offsets_mismatch")
            if not art.text_ok:
                problems.append("text_hash_mismatch")
            if fact_sha is not None:
                if fact_sha != art.sha:
                    problems.append("article_changed")
            elif not (art.sha_graphs & link_graphs):
                problems.append("hash_not_recorded")
        return Evidence(
            sentence=sentence_iri, article=s.article,
            source_file=art.source_file if art else None, headline=art.headline if art else None,
            outlet=art.outlet if art else None, published=art.published if art else None,
            text=s.anchor, begin=s.begin, end=s.end, verified=not problems, problems=problems,
        )
