"""Stale evidence: scan the whole store for facts whose evidence no longer says what it said.

`verify_store(store, base)` runs fixed queries (no input at all) that do the
checking inside the store's query engine, so only the problems come back to
Python:

* every `prov:wasDerivedFrom` link is checked: the sentence still has its
  anchor, offsets and article; the article's stored text at the offsets is
  the anchor; the article's `kg:sha256` is the `kg:textSha256` the fact
  recorded (or, for facts that record none, the link lives in the article's
  own graph, which the loader replaces as a whole);
* every article's stored text must hash to its `kg:sha256` (a text edited in
  place, e.g. by a SPARQL update, makes all its facts stale);
* a fact of a contract type with no evidence sentence at all is reported too
  (e.g. a catalogue agreement no article mentions any more).

The stale facts are then described with the same evidence check the lookup
uses (`FactLookup.check_evidence`), so `syriakg verify` and `/facts` agree.
"""

from __future__ import annotations

import time
from collections import defaultdict

from pyoxigraph import NamedNode, Store, Variable

from syriakg.endpoint.facts_models import StaleFact, VerifyReport
from syriakg.endpoint.lookup import FACT_TYPES, FactLookup, compact
from syriakg.ontology.terms import KG, PROV, RDF_TYPE, sparql_prefixes

_P = sparql_prefixes()

LINK_PROBLEMS = _P + """
SELECT ?g ?f ?s ?where ?hash WHERE {
  GRAPH ?g { ?f prov:wasDerivedFrom ?s }
  OPTIONAL { ?f kg:textSha256 ?fsha }
  OPTIONAL { ?s nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?art }
  OPTIONAL { ?art nif:isString ?t }
  OPTIONAL { GRAPH ?ag { ?art kg:sha256 ?sha } }
  BIND(IF(!BOUND(?a) || !BOUND(?b) || !BOUND(?e) || !BOUND(?art), "sentence_missing",
       IF(!BOUND(?t), "article_missing",
       IF(SUBSTR(?t, ?b + 1, ?e - ?b) != ?a, "offsets_mismatch", ""))) AS ?where)
  BIND(IF(?where IN ("sentence_missing", "article_missing"), "",
       IF(BOUND(?fsha), IF(!BOUND(?sha) || ?fsha != ?sha, "article_changed", ""),
          IF(!BOUND(?ag) || ?ag != ?g, "hash_not_recorded", ""))) AS ?hash)
  FILTER(?where != "" || ?hash != "")
}"""

BAD_TEXT_HASH = _P + """
SELECT ?art WHERE {
  ?art nif:isString ?t .
  OPTIONAL { ?art kg:sha256 ?sha }
  FILTER(!BOUND(?sha) || SHA256(?t) != ?sha)
}"""

FACTS_OF_ARTICLE_SENTENCES = _P + """
SELECT DISTINCT ?art ?f WHERE { ?s nif:referenceContext ?art . ?f prov:wasDerivedFrom ?s }"""

_FACT_CLASSES = ", ".join(sorted({f"<{c.value}>" for cs in FACT_TYPES.values() for c in cs}))
NO_EVIDENCE = _P + f"""
SELECT DISTINCT ?f WHERE {{
  ?f a ?t FILTER(?t IN ({_FACT_CLASSES}))
  FILTER NOT EXISTS {{ ?f prov:wasDerivedFrom ?s }}
}}"""

COUNTS = _P + """
SELECT (COUNT(*) AS ?links) (COUNT(DISTINCT ?f) AS ?facts) WHERE { ?f prov:wasDerivedFrom ?s }"""
ARTICLES = _P + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a nif:isString ?t }"


def _q(store: Store, query: str, **subs: object):  # noqa: ANN202 - pyoxigraph solutions
    return store.query(query, use_default_graph_as_union=True,
                       substitutions={Variable(k): v for k, v in subs.items()} or None)


def verify_store(store: Store, base: str) -> VerifyReport:
    """Every fact whose evidence fails the check, with the reasons (see the module docstring)."""
    t0 = time.perf_counter()
    lookup = FactLookup(store, base, aliases=False)
    problems: dict[str, set[str]] = defaultdict(set)
    graphs: dict[str, str] = {}
    for row in _q(store, LINK_PROBLEMS):
        f = row["f"].value
        problems[f].update(x for x in (row["where"].value, row["hash"].value) if x)
        graphs.setdefault(f, row["g"].value)
    bad_articles = sorted({row["art"].value for row in _q(store, BAD_TEXT_HASH)})
    for art in bad_articles:
        for row in _q(store, FACTS_OF_ARTICLE_SENTENCES, art=NamedNode(art)):
            problems[row["f"].value].add("text_hash_mismatch")
    for row in _q(store, NO_EVIDENCE):
        problems[row["f"].value].add("no_evidence")
    counts = next(iter(_q(store, COUNTS)))
    n_articles = next(iter(_q(store, ARTICLES)))["n"]
    stale = []
    for f in sorted(problems):
        node = NamedNode(f)
        classes = sorted({compact(q.object.value) for q in store.quads_for_pattern(node, RDF_TYPE, None, None)})
        sha = next((q.object.value for q in store.quads_for_pattern(node, KG.textSha256, None, None)), None)
        evidence = []
        for q in store.quads_for_pattern(node, PROV.wasDerivedFrom, None, None):
            link_graphs = {getattr(q.graph_name, "value", "")}
            evidence.append(lookup.check_evidence(q.object.value, sha, link_graphs))
        evidence = [e for e in evidence if not e.verified] or evidence
        evidence.sort(key=lambda e: (e.article or "", e.begin or 0, e.sentence))
        stale.append(StaleFact(fact=f, classes=classes, graph=graphs.get(f), problems=sorted(problems[f]),
                               evidence=evidence))
    return VerifyReport(
        facts_checked=int(counts["facts"].value), evidence_checked=int(counts["links"].value),
        articles_checked=int(n_articles.value), stale=stale, articles_with_bad_hash=bad_articles,
        seconds=round(time.perf_counter() - t0, 3),
    )

