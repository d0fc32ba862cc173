"""Matching gold items with the facts of one article, type by type.

The rule for every fact type:

1. A gold item and an extracted fact *match* when the fact rests on a sentence
   containing one of the item's evidence strings (compared after replacing
   U+00A0 by a space; a fact resting on several adjacent sentences may also
   contain it across them) and the type's criteria hold:

   * events: the event class fits the gold type (equal, or one of the two is
     the generic `meeting`; `type_any` lists several acceptable types) and
     every `participants` key is among its `sem:hasActor`s;
   * agreements: `mentioned` (or no relation) -> a `kg:Agreement` that is the
     gold agreement (by QID, IRI, label or surface form, or of unverified
     identity); `violation_claimed` / `obstruction_claimed` -> a
     `kg:ViolationClaim` whose `kg:agreement` is that agreement; an accord
     reached in the article (`agreement: null`) -> a `kg:Agreement` whose
     `kg:party`s include every gold `parties` key;
   * casualty claims: same `kg:outcome` (one of `outcome_any` if given) and
     same `kg:count` (both absent when the gold count is null);
   * statements: `kg:speaker` is the gold speaker;
   * roles: `kg:holder` is the person and `kg:position` the position (the
     single `evidence` string must be in the evidence sentence).

2. Gold items are paired one-to-one with facts (maximum matching, required
   items first, then optional ones on the facts left).  Among candidates the
   one agreeing on most attributes is preferred.

3. A matched item is a true positive (optional ones too); an unmatched
   required item is a miss; an unmatched optional item is nothing.  A fact
   paired with no item but matching one anyway (a second node for the same
   thing) is a *duplicate*, reported but not counted against precision; a
   fact matching no item at all is *unmatched* and counts against precision.
   Agreements that only carry a matched violation claim are not counted at
   all.  A `kg:PositionHolding` whose holder and position fit a gold role is
   never unmatched, whatever its sentence (one role, stated twice).

4. Attributes of matched pairs are scored separately: event status, type,
   date and place; casualty qualifier, claimant and place; statement date
   and place; violation accused/claimant and obstruction kind; accord date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from syriakg.loaders.evaluation.graph import (
    AGREEMENT,
    CASUALTY,
    HOLDING,
    OBSTRUCTION,
    STATEMENT,
    VIOLATION,
    ArticleView,
    Fact,
)
from syriakg.loaders.evaluation.resolve import Resolver
from syriakg.loaders.evaluation.text import evidence_norm
from syriakg.ontology.terms import KG_NS, SEM_NS

STATUS_NAMES = {KG_NS + s: s.lower() for s in ("Occurred", "Planned", "Possible", "Proposed", "Cancelled", "Denied")}
QUALIFIER_NAMES = {KG_NS + "Exactly": "exactly", KG_NS + "AtLeast": "at_least", KG_NS + "MoreThan": "more_than",
                   KG_NS + "About": "about", KG_NS + "AtMost": "at_most", KG_NS + "Vague": "vague"}
OUTCOME_NAMES = {KG_NS + o: o.lower() for o in ("Killed", "Injured", "Displaced", "Refugees", "Missing", "Captured")}

FACT_TYPES = ("entities", "roles", "events", "agreements", "casualty_claims", "statements")


@dataclass(slots=True)
class AttributeCheck:
    name: str
    ok: bool
    detail: str = ""


@dataclass(slots=True)
class Pair:
    gold: dict
    fact: Fact
    checks: list[AttributeCheck] = field(default_factory=list)


@dataclass(slots=True)
class TypeResult:
    """Outcome of matching one fact type in one article."""

    pairs: list[Pair] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    unmatched: list[Fact] = field(default_factory=list)
    duplicates: list[Fact] = field(default_factory=list)
    # for entities (keys rather than facts)
    found_keys: list[str] = field(default_factory=list)
    missed_keys: list[str] = field(default_factory=list)
    unmatched_entities: list[str] = field(default_factory=list)

    @property
    def tp(self) -> int:
        return len(self.pairs) + len(self.found_keys)

    @property
    def n_misses(self) -> int:
        return len(self.misses) + len(self.missed_keys)

    @property
    def n_unmatched(self) -> int:
        return len(self.unmatched) + len(self.unmatched_entities)


def evidence_strings(item: dict) -> list[str]:
    ev = item.get("evidence_any")
    if ev is None:
        ev = item.get("evidence")
    if ev is None:
        return []
    return [ev] if isinstance(ev, str) else list(ev)


def rests_on(fact: Fact, evidence: list[str], text: str | None) -> bool:
    """The fact rests on a sentence containing one of the evidence strings (or on adjacent ones spanning it)."""
    wanted = [evidence_norm(e) for e in evidence if e]
    if not wanted:
        return False
    anchors = [evidence_norm(u.anchor) for u in fact.evidence if u.anchor]
    if any(w in a for w in wanted for a in anchors):
        return True
    spans = [(u.begin, u.end) for u in fact.evidence if u.begin is not None and u.end is not None]
    if text is not None and len(spans) > 1:
        joined = evidence_norm(text[min(b for b, _ in spans):max(e for _, e in spans)])
        return any(w in joined for w in wanted)
    return False


def _accept(gold_date: dict | None, values: list[str]) -> bool | None:
    """None when the gold gives no date to check; else whether the graph's date is acceptable."""
    if not isinstance(gold_date, dict) or "accept" not in gold_date:
        return None
    accept = gold_date["accept"]
    if not values:
        return None in accept
    return any(v in accept for v in values)


def _types(item: dict) -> list[str]:
    """Acceptable event types: `type_any` (a list) or `type` (default the generic `meeting`)."""
    return list(item.get("type_any") or [item.get("type") or "meeting"])


def _places(item: dict) -> list[str]:
    if item.get("place"):
        return [item["place"]]
    return list(item.get("place_any") or item.get("location_any") or [])


class ArticleMatcher:
    """Matches one article's gold annotations with its facts."""

    def __init__(self, view: ArticleView, gold: dict, resolver: Resolver, meeting_classes: dict[str, str],
                 body_end: int | None) -> None:
        self.view = view
        self.gold = gold
        self.r = resolver
        self.meeting_classes = meeting_classes
        self.body_end = body_end

    # -- helpers ---------------------------------------------------------------
    def _node_is(self, iri: str, key: str | None, position: bool = False) -> bool:
        return self.r.matches(self.view.node(iri), key, position)

    def _any_is(self, iris: list[str], key: str | None, position: bool = False) -> bool:
        return any(self._node_is(i, key, position) for i in iris)

    def _rests(self, fact: Fact, item: dict) -> bool:
        return rests_on(fact, evidence_strings(item), self.view.text)

    def event_type(self, fact: Fact) -> str:
        kinds = [self.meeting_classes[t] for t in fact.types if t in self.meeting_classes]
        specific = [k for k in kinds if k != "meeting"]
        return sorted(specific)[0] if specific else ("meeting" if kinds else "")

    # -- generic assignment ----------------------------------------------------
    def assign(self, items: list[dict], facts: list[Fact], fits: Callable[[dict, Fact], bool],
               attrs: Callable[[dict, Fact], list[AttributeCheck]]) -> TypeResult:
        res = TypeResult()
        cand: dict[int, list[int]] = {}
        for gi, item in enumerate(items):
            ok = [fi for fi, f in enumerate(facts) if fits(item, f)]
            ok.sort(key=lambda fi, item=item: -sum(c.ok for c in attrs(item, facts[fi])))
            cand[gi] = ok
        owner: dict[int, int] = {}  # fact index -> gold index

        def augment(gi: int, seen: set[int]) -> bool:
            for fi in cand[gi]:
                if fi in seen:
                    continue
                seen.add(fi)
                if fi not in owner or augment(owner[fi], seen):
                    owner[fi] = gi
                    return True
            return False

        required = [gi for gi, it in enumerate(items) if not it.get("optional")]
        optional = [gi for gi, it in enumerate(items) if it.get("optional")]
        for gi in required:
            augment(gi, set())
        for gi in optional:  # only facts nobody required took
            free = [fi for fi in cand[gi] if fi not in owner]
            if free:
                owner[free[0]] = gi
        matched = {gi: fi for fi, gi in owner.items()}
        for gi, item in enumerate(items):
            if gi in matched:
                f = facts[matched[gi]]
                res.pairs.append(Pair(item, f, attrs(item, f)))
            elif not item.get("optional"):
                res.misses.append(item)
        claimed_by_any = {fi for gi in cand for fi in cand[gi]}
        for fi, f in enumerate(facts):
            if fi in owner:
                continue
            (res.duplicates if fi in claimed_by_any else res.unmatched).append(f)
        return res

    # -- entities --------------------------------------------------------------
    def gold_keys_mentioned(self) -> set[str]:
        """Every key the article's gold names anywhere (such entities are never unmatched)."""
        g = self.gold
        keys = set(g.get("entities") or [])
        for r in g.get("roles") or []:
            keys.add(r.get("person"))
        for e in g.get("events") or []:
            keys.update(e.get("participants") or [])
            keys.update(e.get("participants_optional") or [])
            keys.update(_places(e))
        for a in g.get("agreements") or []:
            keys.update(a.get("parties") or [])
            for k in ("claimant", "accused"):
                v = a.get(k)
                keys.update(v if isinstance(v, list) else [v])
        for c in g.get("casualty_claims") or []:
            keys.update(_places(c))
            keys.update([c.get("claimant"), c.get("victim_country")])
        for s in g.get("statements") or []:
            keys.add(s.get("speaker"))
            keys.update(_places(s))
        keys.update((g.get("new_entities") or {}).keys())
        keys.update(g.get("entities_optional") or [])
        return {k for k in keys if k}

    def entities(self) -> TypeResult:
        res = TypeResult()
        ents = self.view.entity_iris(self.body_end)
        for key in self.gold.get("entities") or []:
            if any(self._node_is(e, key) for e in ents):
                res.found_keys.append(key)
            else:
                res.missed_keys.append(key)
        known = self.gold_keys_mentioned()
        for e in sorted(ents):
            if not any(self._node_is(e, k) for k in known):
                node = self.view.node(e)
                res.unmatched_entities.append(f"{node.labels[0] if node.labels else e} <{e}>")
        return res

    # -- roles -----------------------------------------------------------------
    def _role_fits_loosely(self, item: dict, f: Fact) -> bool:
        return (self._any_is(f.iris(KG_NS + "holder"), item.get("person"))
                and self._any_is(f.iris(KG_NS + "position"), item.get("position"), position=True))

    def roles(self) -> TypeResult:
        items = list(self.gold.get("roles") or [])
        facts = self.view.facts_of(HOLDING)
        res = self.assign(items, facts, lambda it, f: self._role_fits_loosely(it, f) and self._rests(f, it),
                          lambda it, f: [])
        # the same role stated on another sentence is not a false positive
        loose = [f for f in res.unmatched if any(self._role_fits_loosely(it, f) for it in items)]
        res.unmatched = [f for f in res.unmatched if f not in loose]
        res.duplicates.extend(loose)
        return res

    # -- events ----------------------------------------------------------------
    def _event_fits(self, item: dict, f: Fact) -> bool:
        if not self._rests(f, item):
            return False
        et, gts = self.event_type(f), _types(item)
        if not (et in gts or et == "meeting" or "meeting" in gts):
            return False
        actors = f.iris(SEM_NS + "hasActor")
        return all(self._any_is(actors, p) for p in item.get("participants") or [])

    def _event_attrs(self, item: dict, f: Fact) -> list[AttributeCheck]:
        out: list[AttributeCheck] = []
        statuses = [STATUS_NAMES.get(s, s) for s in f.iris(KG_NS + "status")]
        if item.get("status"):
            out.append(AttributeCheck("status", statuses == [item["status"]],
                                      f"gold {item['status']}, graph {', '.join(statuses) or 'none'}"))
        et = self.event_type(f)
        out.append(AttributeCheck("type", et in _types(item), f"gold {'/'.join(_types(item))}, graph {et}"))
        return out + self._date_check(item, f) + self._place_check(item, f)

    def events(self) -> TypeResult:
        facts = [f for f in self.view.facts if f.types & set(self.meeting_classes)]
        return self.assign(list(self.gold.get("events") or []), facts, self._event_fits, self._event_attrs)

    # -- agreements --------------------------------------------------------------
    def _agreement_node_fits(self, item: dict, iri: str) -> bool:
        key = item.get("agreement")
        node = self.view.node(iri)
        if key:
            return self.r.agreement_identity(node, key) in ("yes", "unverified")
        parties = item.get("parties") or []
        fact = next((f for f in self.view.facts if f.iri == iri), None)
        got = fact.iris(KG_NS + "party") if fact is not None else []
        return all(self._any_is(got, p) for p in parties)

    def _agreement_fits(self, item: dict, f: Fact) -> bool:
        if not self._rests(f, item):
            return False
        relation = item.get("relation") or "mentioned"
        if relation in ("violation_claimed", "obstruction_claimed"):
            if VIOLATION not in f.types and OBSTRUCTION not in f.types:
                return False
            return any(self._agreement_node_fits(item, a) for a in f.iris(KG_NS + "agreement"))
        if AGREEMENT not in f.types:
            return False
        return self._agreement_node_fits(item, f.iri)

    def _agreement_attrs(self, item: dict, f: Fact) -> list[AttributeCheck]:
        out: list[AttributeCheck] = []
        relation = item.get("relation") or "mentioned"
        if item.get("agreement"):
            nodes = [f.iri] if AGREEMENT in f.types else f.iris(KG_NS + "agreement")
            ident = [self.r.agreement_identity(self.view.node(n), item["agreement"]) for n in nodes]
            out.append(AttributeCheck("identity", "yes" in ident, f"gold {item['agreement']}, graph {ident}"))
        if relation in ("violation_claimed", "obstruction_claimed"):
            want_obstruction = relation == "obstruction_claimed"
            out.append(AttributeCheck("kind", (OBSTRUCTION in f.types) == want_obstruction,
                                      f"gold {relation}, graph {'obstruction' if OBSTRUCTION in f.types else 'violation'}"))
            if "claimant" in item:
                got = f.iris(KG_NS + "claimant")
                ok = self._any_is(got, item["claimant"]) if item["claimant"] else not got
                out.append(AttributeCheck("claimant", ok, f"gold {item['claimant']}, graph {self._labels(got)}"))
            if item.get("accused"):
                accused = item["accused"] if isinstance(item["accused"], list) else [item["accused"]]
                got = f.iris(KG_NS + "accused")
                out.append(AttributeCheck("accused", all(self._any_is(got, a) for a in accused),
                                          f"gold {accused}, graph {self._labels(got)}"))
        out += self._date_check(item, f)
        return out

    def agreements(self) -> TypeResult:
        items = list(self.gold.get("agreements") or [])
        facts = self.view.facts_of(AGREEMENT, VIOLATION, OBSTRUCTION)
        res = self.assign(items, facts, self._agreement_fits, self._agreement_attrs)
        # an agreement node that a matched violation claim points at, or that is the agreement of a
        # violation item resting on the same evidence, is support for that item, not a false positive
        support = {a for p in res.pairs for a in p.fact.iris(KG_NS + "agreement")}
        for item in items:
            if (item.get("relation") or "mentioned") != "mentioned":
                for f in res.unmatched:
                    if AGREEMENT in f.types and self._rests(f, item) and self._agreement_node_fits(item, f.iri):
                        support.add(f.iri)
        res.unmatched = [f for f in res.unmatched if f.iri not in support]
        res.duplicates = [f for f in res.duplicates if f.iri not in support]
        return res

    # -- casualty claims ---------------------------------------------------------
    def _casualty_fits(self, item: dict, f: Fact) -> bool:
        if not self._rests(f, item):
            return False
        outcomes = [OUTCOME_NAMES.get(o, o) for o in f.iris(KG_NS + "outcome")]
        wanted = item.get("outcome_any") or ([item["outcome"]] if item.get("outcome") else [])
        if wanted and not set(wanted) & set(outcomes):
            return False
        counts = f.literals(KG_NS + "count")
        if item.get("count") is None:
            return not counts
        return str(item["count"]) in counts

    def _casualty_attrs(self, item: dict, f: Fact) -> list[AttributeCheck]:
        out: list[AttributeCheck] = []
        quals = [QUALIFIER_NAMES.get(q, q) for q in f.iris(KG_NS + "countQualifier")]
        if item.get("qualifier"):
            out.append(AttributeCheck("qualifier", quals == [item["qualifier"]],
                                      f"gold {item['qualifier']}, graph {quals or 'none'}"))
        if "claimant" in item:
            got = f.iris(KG_NS + "claimant")
            ok = self._any_is(got, item["claimant"]) if item["claimant"] else not got
            out.append(AttributeCheck("claimant", ok, f"gold {item['claimant']}, graph {self._labels(got)}"))
        return out + self._place_check(item, f) + self._date_check(item, f)

    def casualty_claims(self) -> TypeResult:
        return self.assign(list(self.gold.get("casualty_claims") or []), self.view.facts_of(CASUALTY),
                           self._casualty_fits, self._casualty_attrs)

    # -- statements ----------------------------------------------------------------
    def _statement_fits(self, item: dict, f: Fact) -> bool:
        return self._rests(f, item) and self._any_is(f.iris(KG_NS + "speaker"), item.get("speaker"))

    def _statement_attrs(self, item: dict, f: Fact) -> list[AttributeCheck]:
        return self._date_check(item, f) + self._place_check(item, f)

    def statements(self) -> TypeResult:
        return self.assign(list(self.gold.get("statements") or []), self.view.facts_of(STATEMENT),
                           self._statement_fits, self._statement_attrs)

    # -- attribute checks shared by several fact types -----------------------------
    def _date_check(self, item: dict, f: Fact) -> list[AttributeCheck]:
        dates = f.literals(KG_NS + "date")
        ok = _accept(item.get("date"), dates)
        if ok is None:
            return []
        return [AttributeCheck("date", ok, f"gold {item['date']['accept']}, graph {dates or 'none'}")]

    def _place_check(self, item: dict, f: Fact) -> list[AttributeCheck]:
        places = _places(item)
        if not places:
            return []
        got = f.iris(SEM_NS + "hasPlace")
        return [AttributeCheck("place", any(self._any_is(got, p) for p in places),
                               f"gold {places}, graph {self._labels(got)}")]

    # -----------------------------------------------------------------------------
    def _labels(self, iris: list[str]) -> list[str]:
        return [(self.view.node(i).labels or [i])[0] for i in iris] or ["none"]

    def run(self) -> dict[str, TypeResult]:
        return {
            "entities": self.entities(),
            "roles": self.roles(),
            "events": self.events(),
            "agreements": self.agreements(),
            "casualty_claims": self.casualty_claims(),
            "statements": self.statements(),
        }
