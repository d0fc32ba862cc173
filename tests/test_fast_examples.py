"""The fast equivalents of the shipped example queries (endpoint/fast_examples.py, static/queries/fast/):
which queries they stand in for, and that they give the same solutions as the verbatim examples
(on the seed store, on the endpoint's sample, with other people on the VALUES line, and over HTTP)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import Store

from syriakg.endpoint import fast_examples, sample
from syriakg.endpoint.app import create_app
from syriakg.endpoint.sample import build_sample
from syriakg.endpoint.settings import Settings

QUERIES = fast_examples.QUERIES
FAST = sorted(fast_examples.FAST.glob("*.rq"))
SLOW_ONES = {"cq1-articles", "cq2-meetings-of-person", "cq3-casualty-claims", "cq5-provenance-integrity", "cq7-positions",
             "cq8-statements-of-person"}


def verbatim(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def solutions(store: Store, query: str) -> tuple[list[str], list[tuple]]:
    res = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    return names, [tuple(None if r[n] is None else str(r[n]) for n in names) for r in res]


def order_keys(query: str) -> list[str]:
    """The variables of the query's final ORDER BY clause (without DESC/ASC)."""
    if "ORDER BY" not in query:
        return []
    tail = query.rsplit("ORDER BY", 1)[1]
    return [t.strip("()").removeprefix("DESC(").removeprefix("ASC(").lstrip("?") for t in tail.split() if "?" in t]


def assert_same(store: Store, slow: str, fast: str) -> int:
    names, rows = solutions(store, slow)
    fnames, frows = solutions(store, fast)
    assert fnames == names
    assert Counter(frows) == Counter(rows)  # the same solutions, as many times each
    keys = [names.index(k) for k in order_keys(slow)]
    assert [[r[i] for i in keys] for r in frows] == [[r[i] for i in keys] for r in rows]  # in the same order
    return len(rows)


def test_every_fast_query_stands_for_a_shipped_example():
    assert {p.stem for p in FAST} == SLOW_ONES
    for p in FAST:
        assert (QUERIES / p.name).is_file(), p.name
        assert fast_examples.match(verbatim(p.stem)) == p.stem
        assert fast_examples.equivalent(verbatim(p.stem)) == p.read_text(encoding="utf-8")
    for other in QUERIES.glob("*.rq"):  # the fast ones are never substituted by anything
        if other.stem not in SLOW_ONES:
            assert fast_examples.equivalent(other.read_text(encoding="utf-8")) == other.read_text(encoding="utf-8")


def test_only_the_example_itself_is_substituted():
    cq3 = verbatim("cq3-casualty-claims")
    # comments and layout do not matter
    edited = "# my copy\n" + cq3.replace("\n  ", "\n\t").replace(" ; ", " ;\n    ")
    assert fast_examples.match(edited) == "cq3-casualty-claims"
    # any other change does: a LIMIT, a FILTER, another variable, a different prefix
    for changed in (cq3 + "LIMIT 10\n", cq3.replace("?claim a kg:CasualtyClaim", "?claim a kg:ViolationClaim"),
                    cq3.replace("ORDER BY ?file", "ORDER BY ?count"), cq3.replace("PREFIX kg: <https://w3id.org/syriakg/ontology#>",
                                                                                 "PREFIX kg: <http://example.org/>"),
                    cq3.replace("  OPTIONAL { ?claim kg:count ?count }\n", ""),
                    cq3.replace("?file .\n}", "?file . FILTER(?count > 10)\n}")):
        assert changed != cq3
        assert fast_examples.match(changed) is None and fast_examples.equivalent(changed) == changed
    assert fast_examples.match("ASK { ?s ?p ?o }") is None


def test_values_line_is_free_and_carried_over():
    cq8 = verbatim("cq8-statements-of-person")
    mine = cq8.replace("VALUES ?person_qid { wd:Q58217 }", "VALUES ?person_qid {wd:Q7747   <http://www.wikidata.org/entity/Q43>}")
    assert fast_examples.match(mine) == "cq8-statements-of-person"
    fast = fast_examples.equivalent(mine)
    assert "VALUES ?person_qid {wd:Q7747 <http://www.wikidata.org/entity/Q43>}" in fast and "Q58217" not in fast
    # a VALUES block with strings or nested braces is not a person list: left alone
    odd = cq8.replace("{ wd:Q58217 }", '{ "x" }')
    assert fast_examples.match(odd) is None


@pytest.mark.parametrize("name", sorted(SLOW_ONES))
def test_same_solutions_on_the_seed_store(seed_store, name):
    n = assert_same(seed_store, verbatim(name), fast_examples.equivalent(verbatim(name)))
    assert n > 0  # the seeds have answers to every one of these questions


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fast-examples") / "store"
    build_sample(path)
    return path


@pytest.mark.parametrize("name", sorted(SLOW_ONES))
def test_same_solutions_on_the_sample_with_its_person(sample_store, name):
    store = Store.read_only(str(sample_store))
    query = verbatim(name).replace("wd:Q58217", f"wd:{sample.PERSON_QID}")
    assert fast_examples.match(query) == name
    n = assert_same(store, query, fast_examples.equivalent(query))
    assert n > 0 or name in ("cq3-casualty-claims", "cq7-positions")  # the sample has no claims or holdings


def test_endpoint_answers_a_verbatim_example_with_the_same_rows(sample_store):
    store = Store.read_only(str(sample_store))
    query = verbatim("cq2-meetings-of-person").replace("wd:Q58217", f"wd:{sample.PERSON_QID}")
    res = store.query(query, use_default_graph_as_union=True)
    expected = [tuple(None if r[v] is None else r[v].value for v in res.variables) for r in res]
    with TestClient(create_app(Settings(store=str(sample_store), query_workers=1))) as client:
        r = client.post("/sparql", content=query, headers={"content-type": "application/sparql-query"})
    assert r.status_code == 200, r.text
    body = r.json()
    got = [tuple(b.get(v, {}).get("value") for v in body["head"]["vars"]) for b in body["results"]["bindings"]]
    assert len(got) == len(expected) == 4 and Counter(got) == Counter(expected)


# merged-events.rq as first written: the evidence of every fact in the store, then joined (16 s CPU on the
# 35k-article store, against 0.2 s for the shipped form); both must give the same rows.
PLAIN_EVIDENCE = '''  {
    SELECT ?report (GROUP_CONCAT(?anchor; separator=" … ") AS ?evidence)
    WHERE { ?report prov:wasDerivedFrom ?sentence . ?sentence a nif:Sentence ; nif:anchorOf ?anchor . }
    GROUP BY ?report
  }
}'''


def test_merged_events_shipped_form_equals_the_plain_one(tmp_path):
    from syriakg.loaders.load import load
    from syriakg.loaders.store import open_store
    from tests.test_link import ARTICLES, write_articles

    src = write_articles(tmp_path / "news.jsonl", ARTICLES)
    store = open_store(tmp_path / "store")
    assert load([str(src)], tmp_path / "store", store=store, workers=1).ok
    shipped = (QUERIES / "merged-events.rq").read_text(encoding="utf-8")
    head, tail = shipped.split("  {\n    # each report's evidence", 1)
    plain = (head.replace("?event a kg:CanonicalEvent ; rdfs:label", "?event rdfs:label")
             + PLAIN_EVIDENCE + tail.split("GROUP BY ?event ?report\n  }\n}", 1)[1])
    assert plain != shipped and "?canonical" not in plain and plain.count("GROUP BY") == 2
    assert assert_same(store, plain, shipped) == 2
