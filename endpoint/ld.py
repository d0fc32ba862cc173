"""Linked-Data pages: every resource IRI under the base dereferences through its path under this server.

`https://w3id.org/syriakg/resource/entity/nga` is served at `/resource/entity/nga`:
HTML for browsers (an entity with its labels, Wikidata link and the facts it
takes part in with their evidence sentences; an article with its text and each
fact's evidence sentence highlighted in place; anything else as a property
table), RDF for machines, by content negotiation on Accept.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pyoxigraph import NamedNode

from syriakg.endpoint import conneg
from syriakg.endpoint.state import EndpointState, get_state
from syriakg.ontology.terms import KG_NS, NIF_NS, OWL_NS, PREFIXES, PROV_NS, RDF_NS, RDFS_NS, SCHEMA_NS, WD_NS

router = APIRouter(tags=["Linked Data"])

# IRIREF forbids C0 controls, space and these; DEL, C1 controls, surrogates and non-characters are not valid
# in an IRI either (RFC 3987) and make the page's SPARQL query fail: such paths are answered 404, never 5xx
_BAD_IRI_CHARS = re.compile('[\\x00-\\x20\\x7f-\\x9f<>"{}|^`\\\\\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff]')
ARTICLE_TYPES = {SCHEMA_NS + "NewsArticle", NIF_NS + "Context"}
ENTITY_TYPES = {SCHEMA_NS + t for t in ("Person", "Country", "Place", "Organization")} | {
    KG_NS + t for t in ("ArmedGroup", "EthnicGroup", "Position", "Agreement")}
LABEL = RDFS_NS + "label"
TYPE = RDF_NS + "type"

CSS = """
body{font-family:system-ui,sans-serif;max-width:62rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1d2731}
header{border-bottom:1px solid #ccd;margin-bottom:1rem} header a{margin-right:1rem}
h1{font-size:1.5rem;margin:.3rem 0} .iri{font-family:monospace;font-size:.85rem;color:#556;word-break:break-all}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #e3e6ea;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{width:14rem;font-weight:600;color:#445} mark.evidence{background:#fff2a8;padding:0 .1rem;border-radius:2px}
.article-text{white-space:pre-wrap;background:#fafbfc;border:1px solid #e3e6ea;padding:1rem;border-radius:4px}
.fact{margin:.8rem 0;padding:.5rem .8rem;border-left:3px solid #7aa7d9;background:#f6f9fc}
.meta{color:#667;font-size:.9rem} .tag{display:inline-block;background:#e8eef5;border-radius:3px;padding:0 .4rem;margin-right:.3rem;font-size:.85rem}
"""


def _esc(s: object) -> str:
    return html.escape(str(s), quote=True)


def compact(iri: str) -> str:
    for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri


class Page:
    def __init__(self, state: EndpointState) -> None:
        self.base = state.settings.base_iri

    def href(self, iri: str) -> str:
        if iri.startswith(self.base):
            return "/resource/" + quote(iri[len(self.base):], safe="/-._~!$&'()*+,;=:@%")
        return iri

    def link(self, iri: str, text: str | None = None) -> str:
        shown = text if text is not None else (iri[len(self.base):] if iri.startswith(self.base) else compact(iri))
        return f'<a href="{_esc(self.href(iri))}">{_esc(shown)}</a>'

    def term(self, t: dict) -> str:
        if t["type"] == "uri":
            return self.link(t["value"])
        if t["type"] == "bnode":
            return f"<span class=iri>_:{_esc(t['value'])}</span>"
        if t["type"] == "literal":
            v = t["value"]
            shown = _esc(v if len(v) <= 600 else v[:600] + "…")
            extra = f' <span class=tag>@{_esc(t["xml:lang"])}</span>' if "xml:lang" in t else (
                f' <span class=tag>{_esc(compact(t["datatype"]))}</span>' if "datatype" in t else "")
            return shown + extra
        return _esc(t.get("value"))

    def render(self, iri: str, title: str, body: str) -> HTMLResponse:
        alt = "".join(
            f'<link rel="alternate" type="{f.media_type}" href="{_esc(self.href(iri))}">' for f in conneg.GRAPH_FORMATS[:4])
        doc = (
            f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)} — syriakg</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">{alt}<style>{CSS}</style></head><body>'
            '<header><a href="/">SPARQL query</a><a href="/docs">API</a><a href="/.well-known/void">Dataset</a></header>'
            f'<h1>{_esc(title)}</h1><div class=iri>{_esc(iri)}</div>{body}</body></html>'
        )
        return HTMLResponse(doc, headers={"Vary": "Accept"})


def _iri_ok(iri: str) -> bool:
    """Can `iri` go into a SPARQL query as `<iri>`?  The character check, then the store's own IRI parser
    (RFC 3987: unassigned planes, bad %-escapes and the like are refused there)."""
    if _BAD_IRI_CHARS.search(iri):
        return False
    try:
        NamedNode(iri)
    except ValueError:
        return False
    return True


def _v(b: dict, k: str) -> str | None:
    t = b.get(k)
    return t["value"] if t else None


def _best_label(props: list[dict], fallback: str) -> str:
    labels = [b["o"] for b in props if b["p"]["value"] in (LABEL, SCHEMA_NS + "name", SCHEMA_NS + "headline")]
    for lang in ("vi", "en", None):
        for t in labels:
            if t.get("xml:lang") == lang or (lang is None):
                return t["value"]
    return fallback


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """HTML of `text` with each (begin, end, id, title) span wrapped in <mark class=evidence>.

    Offsets are Unicode code points, as in the graph (Python str indices).
    Overlapping spans are merged into the earlier one.
    """
    out, pos = [], 0
    for b, e, ident, title in sorted(spans):
        if b < pos or b >= e or e > len(text):
            continue
        out.append(_esc(text[pos:b]))
        out.append(f'<mark class="evidence" id="{_esc(ident)}" title="{_esc(title)}">{_esc(text[b:e])}</mark>')
        pos = e
    out.append(_esc(text[pos:]))
    return "".join(out)


def _emphasise(sentence: str, labels: list[str]) -> str:
    """Escape a sentence and bold the first occurrence of any of the entity's labels in it."""
    for lab in sorted({x for x in labels if x}, key=len, reverse=True):
        i = sentence.find(lab)
        if i >= 0:
            return _esc(sentence[:i]) + f"<strong>{_esc(lab)}</strong>" + _esc(sentence[i + len(lab):])
    return _esc(sentence)


async def _rdf(state: EndpointState, iri: str, accept: str | None) -> Response:
    q = (
        f"CONSTRUCT {{ <{iri}> ?p ?o . ?o ?bp ?bo . ?s ?q <{iri}> }} WHERE {{ "
        f"{{ <{iri}> ?p ?o OPTIONAL {{ ?o ?bp ?bo FILTER(isBlank(?o)) }} }} UNION "
        f"{{ SELECT ?s ?q WHERE {{ ?s ?q <{iri}> }} LIMIT 2000 }} }}"
    )
    out = await state.call({"op": "query", "query": q, "accept": accept, "max_results": 0}, cache=True)
    if out.status == 200 and not out.data.get("rows"):
        return Response(f"No triples about <{iri}>\n", status_code=404, media_type="text/plain; charset=utf-8")
    return out.response()


@router.get("/resource/{path:path}", summary="Linked-Data page of a resource (HTML or RDF by Accept)")
async def resource(path: str, request: Request) -> Response:
    state = get_state(request)
    iri = state.settings.base_iri + path
    if not path or not _iri_ok(iri):
        return Response("Not a resource IRI\n", status_code=404, media_type="text/plain; charset=utf-8")
    fmt = conneg.negotiate(request.headers.get("accept"), (conneg.HTML, *conneg.GRAPH_FORMATS))
    if fmt is None:
        return Response("Available as text/html, " + conneg.offers_text(conneg.GRAPH_FORMATS) + "\n", status_code=406,
                        media_type="text/plain; charset=utf-8")
    if fmt is not conneg.HTML:
        return await _rdf(state, iri, request.headers.get("accept"))
    try:
        return await _html(state, iri)
    except RuntimeError as e:
        return Response(f"{e}\n", status_code=503, media_type="text/plain; charset=utf-8")


async def _html(state: EndpointState, iri: str) -> Response:
    page = Page(state)
    props = await state.select(f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 2000")
    incoming = await state.select(f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> }} LIMIT 300")
    if not props and not incoming:
        return _not_found(page, iri)
    types = {b["o"]["value"] for b in props if b["p"]["value"] == TYPE}
    title = _best_label(props, iri[len(state.settings.base_iri):])
    if types & ARTICLE_TYPES:
        body = await _article_body(state, page, iri, props)
    elif types & ENTITY_TYPES or iri.startswith(state.settings.base_iri + "entity/"):
        body = await _entity_body(state, page, iri, props)
    else:
        body = await _evidence_body(state, page, iri)
    body += _prop_table(page, props, incoming)
    return page.render(iri, title, body)


def _not_found(page: Page, iri: str) -> HTMLResponse:
    resp = page.render(iri, "Not found", "<p>This IRI has no triples in the graph.</p>")
    resp.status_code = 404
    return resp


def _prop_table(page: Page, props: list[dict], incoming: list[dict]) -> str:
    rows = defaultdict(list)
    for b in props:
        rows[b["p"]["value"]].append(page.term(b["o"]))
    html_rows = "".join(
        f"<tr><th>{page.link(p, compact(p))}</th><td>{'<br>'.join(vs)}</td></tr>"
        for p, vs in sorted(rows.items(), key=lambda kv: (kv[0] != TYPE, kv[0] != LABEL, kv[0]))
    )
    out = f"<h2>Properties</h2><table>{html_rows}</table>"
    if incoming:
        inc = "".join(f"<tr><th>{page.link(b['p']['value'], compact(b['p']['value']))}</th><td>{page.term(b['s'])}</td></tr>"
                      for b in incoming)
        out += f"<h2>Referenced by</h2><table>{inc}</table>"
    return out


async def _entity_body(state: EndpointState, page: Page, iri: str, props: list[dict]) -> str:
    labels = [b["o"] for b in props if b["p"]["value"] == LABEL]
    same = [b["o"]["value"] for b in props if b["p"]["value"] == OWL_NS + "sameAs"]
    parts = []
    if labels:
        parts.append("<p>" + " · ".join(
            f"{_esc(t['value'])} <span class=tag>@{_esc(t.get('xml:lang', ''))}</span>" for t in labels) + "</p>")
    for s in same:
        if s.startswith(WD_NS):
            qid = s[len(WD_NS):]
            parts.append(f'<p>Wikidata: <a class="wikidata" href="https://www.wikidata.org/wiki/{_esc(qid)}">{_esc(qid)}</a></p>')
    facts = await state.select(
        "SELECT ?fact ?type ?role ?sent ?anchor ?article ?headline ?b ?e WHERE { "
        f"?fact ?role <{iri}> ; <{PROV_NS}wasDerivedFrom> ?sent . "
        f"OPTIONAL {{ ?fact a ?type }} "
        f"?sent <{NIF_NS}anchorOf> ?anchor ; <{NIF_NS}referenceContext> ?article . "
        f"OPTIONAL {{ ?sent <{NIF_NS}beginIndex> ?b ; <{NIF_NS}endIndex> ?e }} "
        f"OPTIONAL {{ ?article <{SCHEMA_NS}headline> ?headline }} }} ORDER BY ?article ?b LIMIT 1000"
    )
    by_fact: dict[str, dict] = {}
    for b in facts:
        f = by_fact.setdefault(b["fact"]["value"], {"types": set(), "roles": set(), "evidence": {}})
        if "type" in b:
            f["types"].add(b["type"]["value"])
        f["roles"].add(b["role"]["value"])
        f["evidence"][b["sent"]["value"]] = b
    label_texts = [t["value"] for t in labels]
    items = []
    for fact, f in by_fact.items():
        kinds = "".join(f"<span class=tag>{_esc(compact(t))}</span>" for t in sorted(f["types"]))
        roles = ", ".join(_esc(compact(r)) for r in sorted(f["roles"]))
        ev = []
        for sent, b in f["evidence"].items():
            art = b["article"]["value"]
            anchor = f"#s-{_v(b, 'b')}-{_v(b, 'e')}" if "b" in b else ""
            ev.append(
                f'<p><mark class="evidence">{_emphasise(b["anchor"]["value"], label_texts)}</mark><br>'
                f'<span class=meta>{page.link(sent, "sentence")} in '
                f'<a href="{_esc(page.href(art))}{anchor}">{_esc(_v(b, "headline") or art)}</a></span></p>'
            )
        items.append(f'<div class="fact">{kinds} {page.link(fact)} <span class=meta>({roles})</span>{"".join(ev)}</div>')
    parts.append(f"<h2>Facts ({len(by_fact)})</h2>" + ("".join(items) or "<p>No facts name this entity.</p>"))
    return "".join(parts)


async def _article_body(state: EndpointState, page: Page, iri: str, props: list[dict]) -> str:
    get = {b["p"]["value"]: b["o"]["value"] for b in props}
    text = get.get(NIF_NS + "isString", "")
    pub = await state.select(f"SELECT ?name WHERE {{ <{iri}> <{SCHEMA_NS}publisher>/<{SCHEMA_NS}name> ?name }} LIMIT 1")
    spans_q = await state.select(
        "SELECT ?sent ?b ?e ?fact ?type WHERE { "
        f"?sent <{NIF_NS}referenceContext> <{iri}> ; <{NIF_NS}beginIndex> ?b ; <{NIF_NS}endIndex> ?e . "
        f"?fact <{PROV_NS}wasDerivedFrom> ?sent . OPTIONAL {{ ?fact a ?type }} }} LIMIT 5000"
    )
    spans: dict[tuple[int, int], set[str]] = defaultdict(set)
    facts: dict[str, set[str]] = defaultdict(set)
    for b in spans_q:
        key = (int(b["b"]["value"]), int(b["e"]["value"]))
        t = compact(b["type"]["value"]) if "type" in b else "fact"
        spans[key].add(t)
        facts[b["fact"]["value"]].add(t)
    meta = " · ".join(x for x in (
        _esc(get.get(SCHEMA_NS + "datePublished", "")), _esc(pub[0]["name"]["value"]) if pub else "",
        _esc(get.get(KG_NS + "sourceFile", ""))) if x)
    marked = highlight(text, [(b, e, f"s-{b}-{e}", ", ".join(sorted(ts))) for (b, e), ts in spans.items()])
    fact_list = "".join(
        f"<li>{''.join(f'<span class=tag>{_esc(t)}</span>' for t in sorted(ts))} {page.link(f)}</li>"
        for f, ts in sorted(facts.items()))
    return (
        f"<p class=meta>{meta}</p><p class=meta>{len(spans)} sentence(s) carry evidence for {len(facts)} fact(s); "
        f"they are highlighted.</p><div class=article-text>{marked}</div>"
        + (f"<h2>Facts</h2><ul>{fact_list}</ul>" if facts else "")
    )


async def _evidence_body(state: EndpointState, page: Page, iri: str) -> str:
    """For a fact: its evidence sentences; for anything else nothing beyond the property table."""
    ev = await state.select(
        f"SELECT ?sent ?anchor ?article WHERE {{ <{iri}> <{PROV_NS}wasDerivedFrom> ?sent . "
        f"?sent <{NIF_NS}anchorOf> ?anchor . OPTIONAL {{ ?sent <{NIF_NS}referenceContext> ?article }} }} LIMIT 100"
    )
    if not ev:
        return ""
    items = "".join(
        f'<p><mark class="evidence">{_esc(b["anchor"]["value"])}</mark><br><span class=meta>{page.link(b["sent"]["value"], "sentence")}'
        + (f' in {page.link(b["article"]["value"])}' if "article" in b else "") + "</span></p>"
        for b in ev
    )
    return f"<h2>Evidence</h2>{items}"
