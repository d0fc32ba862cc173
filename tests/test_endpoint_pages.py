"""Linked-Data pages (HTML and RDF by content negotiation), the query UI and its example queries."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, parse

from syriakg.endpoint import sample
from syriakg.endpoint.app import create_app
from syriakg.endpoint.ld import highlight
from syriakg.endpoint.sample import SAMPLE_TEXT, build_sample, sentence_spans
from syriakg.endpoint.settings import Settings
from syriakg.endpoint.ui import QUERIES, example_queries

BASE = "https://w3id.org/syriakg/resource/"
# the sample's first and last sentences (evidence of its meeting and of its statement), as page anchors
(B0, E0), *_, (BN, EN) = sentence_spans(SAMPLE_TEXT)
FIRST, LAST = f"s-{B0}-{E0}", f"s-{BN}-{EN}"
PERSON_VI, PERSON_EN = next((vi, en) for key, _, vi, en, _ in sample.ENTITIES if key == sample.PERSON)
HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}  # what browsers send


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("pages") / "store"
    build_sample(path)
    with TestClient(create_app(Settings(store=str(path), query_workers=1))) as c:
        yield c


def test_entity_page_html(client):
    r = client.get(f"/resource/entity/{sample.PERSON}", headers=HTML)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert f"<h1>{PERSON_VI}</h1>" in page  # the Vietnamese label first
    assert PERSON_EN in page  # the English one too
    assert f'href="https://www.wikidata.org/wiki/{sample.PERSON_QID}"' in page
    assert "kg:Talks" in page and "kg:Statement" in page
    marks = re.findall(r'<mark class="evidence">(.*?)</mark>', page)
    assert len(marks) == 4  # two facts in each of two articles
    assert any(f"<strong>{PERSON_VI}</strong>" in m for m in marks)
    # evidence links point at the highlighted sentence in the article page
    assert f'href="/resource/article/mau-1#{FIRST}"' in page


def test_article_page_highlights_evidence_in_place(client):
    r = client.get("/resource/article/mau-1", headers=HTML)
    assert r.status_code == 200
    text = re.search(r"<div class=article-text>(.*?)</div>", r.text, re.S).group(1)
    marks = re.findall(r'<mark class="evidence" id="(s-\d+-\d+)" title="([^"]*)">(.*?)</mark>', text)
    assert [(m[0], m[1]) for m in marks] == [(FIRST, "kg:Talks"), (LAST, "kg:Statement")]
    assert html.unescape(marks[0][2]) == SAMPLE_TEXT[B0:E0] and html.unescape(marks[1][2]) == SAMPLE_TEXT[BN:EN]
    # the page text, without the marks, is the article text exactly
    plain = html.unescape(re.sub(r"</?mark[^>]*>", "", text))
    assert plain == SAMPLE_TEXT
    assert sample.SAMPLE_DATE in r.text and sample.OUTLET in r.text


def test_highlight_uses_code_point_offsets_and_escapes():
    text = "Ông A nói <b>. Câu hai ở Hà Nội."
    second = text.index("Câu")
    assert (second, len(text)) == (15, 32)  # code points, not UTF-8 bytes
    out = highlight(text, [(15, 32, "s-15-32", "kg:Statement"), (0, 14, "s-0-14", "x"), (5, 20, "overlap", "y")])
    assert out.startswith('<mark class="evidence" id="s-0-14" title="x">Ông A nói &lt;b&gt;.</mark> ')
    assert out.endswith('<mark class="evidence" id="s-15-32" title="kg:Statement">Câu hai ở Hà Nội.</mark>')
    assert "overlap" not in out


@pytest.mark.parametrize("accept,fmt", [("text/turtle", RdfFormat.TURTLE), ("application/n-triples", RdfFormat.N_TRIPLES),
                                        ("application/ld+json", RdfFormat.JSON_LD), ("application/rdf+xml", RdfFormat.RDF_XML)])
def test_resource_rdf_by_conneg(client, accept, fmt):
    r = client.get("/resource/entity/tho-nhi-ky", headers={"accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    triples = [q.triple if hasattr(q, "triple") else q for q in parse(r.content, format=fmt)]
    e = BASE + "entity/tho-nhi-ky"
    out = {(t.predicate.value, t.object.value) for t in triples if t.subject.value == e}
    assert ("http://www.w3.org/2002/07/owl#sameAs", "http://www.wikidata.org/entity/Q43") in out
    incoming = [t for t in triples if t.object.value == e]
    assert len(incoming) == 2  # the two meetings it takes part in


def test_article_rdf_includes_publisher_node(client):
    r = client.get("/resource/article/mau-1", headers={"accept": "application/n-triples"})
    names = [q.object.value for q in parse(r.content, format=RdfFormat.N_TRIPLES) if q.predicate.value == "https://schema.org/name"]
    assert names == [sample.OUTLET]


def test_fact_and_sentence_pages(client):
    r = client.get("/resource/article/mau-1", headers=HTML)
    fact = re.search(r'href="(/resource/article/mau-1/event/[0-9a-f]+)"', r.text).group(1)
    page = client.get(fact, headers=HTML)
    first = html.escape(SAMPLE_TEXT[B0:E0], quote=False)
    assert page.status_code == 200 and f'<mark class="evidence">{first[:20]}' in page.text
    assert client.get(f"/resource/article/mau-1/sentence/{B0}-{E0}", headers=HTML).status_code == 200


def test_unknown_resource_is_404(client):
    assert client.get("/resource/entity/no-such-thing", headers=HTML).status_code == 404
    assert client.get("/resource/entity/no-such-thing", headers={"accept": "text/turtle"}).status_code == 404
    assert client.get("/resource/entity/a%3Eb", headers=HTML).status_code == 404
    assert client.get("/resource/entity/tho-nhi-ky", headers={"accept": "image/png"}).status_code == 406


def test_ui_page_and_vendored_yasgui(client):
    r = client.get("/")
    assert r.status_code == 200 and "/static/yasgui/yasgui.min.js" in r.text
    assert "http://" not in r.text.replace("http://www.w3.org", "") and "https://cdn" not in r.text  # no CDN
    js = client.get("/static/yasgui/yasgui.min.js")
    assert js.status_code == 200 and len(js.content) > 500_000
    assert client.get("/static/yasgui/yasgui.min.css").status_code == 200
    assert "MIT" in client.get("/static/yasgui/LICENSE").text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger-ui/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text


def test_examples_are_the_competency_questions_plus_federation(client):
    ex = client.get("/examples.json").json()
    names = [e["name"] for e in ex]
    assert [n for n in names if n.startswith("cq")] == [f"cq{i}-" + n.split("-", 1)[1] for i, n in enumerate(sorted(x for x in names if x.startswith("cq")), 1)]
    assert len([n for n in names if n.startswith("cq")]) == 8
    fed = [e for e in ex if "SERVICE <https://query.wikidata.org/sparql>" in e["query"]]
    assert len(fed) >= 2


def test_examples_include_the_cross_article_merge_queries(client):
    """merged-events / merged-casualties are tabs too, served from their one copy in static/queries."""
    ex = {e["name"]: e for e in client.get("/examples.json").json()}
    for name, start in (("merged-events", "Events reported by two or more articles"),
                        ("merged-casualties", "Casualty and displacement tolls reported by two or more articles")):
        assert ex[name]["query"] == (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        assert ex[name]["title"].startswith(start) and ex[name]["title"].endswith(")")  # the whole first sentence
    assert not list((Path(__file__).resolve().parents[1] / "docs" / "queries").glob("merged-*.rq"))  # no second copy


def test_examples_match_the_shared_competency_questions():
    """The copies in endpoint/static/queries stay identical to ../shared (skipped when it is absent)."""
    import os

    shared = Path(os.environ.get("SYRIAKG_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "competency-questions"
    if not shared.is_dir():
        pytest.skip("../shared is not available")
    for rq in shared.glob("*.rq"):
        assert (QUERIES / rq.name).read_text(encoding="utf-8") == rq.read_text(encoding="utf-8"), rq.name


def test_example_queries_run(client):
    """Every competency-question example parses and runs on the endpoint (federated ones are not run: offline)."""
    for ex in example_queries():
        if "SERVICE" in ex["query"]:
            continue
        r = client.post("/sparql", content=ex["query"], headers={"content-type": "application/sparql-query"})
        assert r.status_code == 200, (ex["name"], r.text)
    # CQ2 as its comment tells users to: another person on the VALUES line (the sample's)
    cq2 = (QUERIES / "cq2-meetings-of-person.rq").read_text()
    assert "VALUES ?person_qid { wd:Q58217 }" in cq2
    cq2 = cq2.replace("wd:Q58217", f"wd:{sample.PERSON_QID}")
    rows = client.post("/sparql", content=cq2, headers={"content-type": "application/sparql-query"}).json()["results"]["bindings"]
    assert len({r["meeting"]["value"] for r in rows}) == 2 and len(rows) == 4  # one row per place label (vi, en)
    assert {r["status"]["value"] for r in rows} == {"https://w3id.org/syriakg/ontology#Occurred"}
