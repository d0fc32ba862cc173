"""HTML views of `/facts` and `/facts/check`, in the frame and style of the Linked-Data pages (`ld.Page`).

The entity header is the one of its Linked-Data page (labels, Wikidata link,
link to `/resource/...`); each fact shows its fields and its evidence
sentences, marked verified or flagged with the reasons the check failed.
"""

from __future__ import annotations

import html
from types import SimpleNamespace
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse

from syriakg.endpoint.facts_models import PROBLEMS, Candidates, CheckResult, EntityInfo, Fact, FactsPage, Ref
from syriakg.endpoint.ld import CSS, Page

EXTRA_CSS = """
.ok{color:#1a7f37;font-weight:600} .stale{color:#b42318;font-weight:600}
.fact.flagged{border-left-color:#d92d20;background:#fff6f5}
dl.fields{display:grid;grid-template-columns:9rem 1fr;gap:.1rem .6rem;margin:.4rem 0}
dl.fields dt{color:#556} dl.fields dd{margin:0}
form.filters{margin:.8rem 0;display:flex;flex-wrap:wrap;gap:.4rem;align-items:end}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:#445}
nav.pages a{margin-right:1rem} .verdict{font-size:1.2rem;font-weight:700}
"""


def _esc(s: object) -> str:
    return html.escape(str(s), quote=True)


class FactsHtml:
    def __init__(self, base: str) -> None:
        self.page = Page(SimpleNamespace(settings=SimpleNamespace(base_iri=base)))  # type: ignore[arg-type]

    def _render(self, iri: str, title: str, body: str, status: int = 200) -> HTMLResponse:
        """The Linked-Data page frame for an entity (`iri`), a plain frame in the same style otherwise."""
        body = f"<style>{EXTRA_CSS}</style>{body}"
        if iri:
            resp = self.page.render(iri, title, body)
        else:
            resp = HTMLResponse(
                f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{_esc(title)} — syriakg</title>'
                f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>'
                '<header><a href="/">SPARQL query</a><a href="/docs">API</a><a href="/.well-known/void">Dataset</a></header>'
                f"<h1>{_esc(title)}</h1>{body}</body></html>", headers={"Vary": "Accept"})
        resp.status_code = status
        return resp

    def _ref(self, r: Ref | None) -> str:
        if r is None:
            return ""
        text = r.label or r.iri
        q = f' <span class=tag>{_esc(r.qid)}</span>' if r.qid else ""
        return self.page.link(r.iri, text) + q

    def entity_header(self, e: EntityInfo) -> str:
        parts = []
        if e.labels:
            parts.append("<p>" + " · ".join(f"{_esc(v)} <span class=tag>@{_esc(lang)}</span>"
                                            for lang, vs in e.labels.items() for v in vs) + "</p>")
        if e.qid:
            parts.append(f'<p>Wikidata: <a class="wikidata" href="https://www.wikidata.org/wiki/{_esc(e.qid)}">'
                         f'{_esc(e.qid)}</a></p>')
        types = "".join(f"<span class=tag>{_esc(t)}</span>" for t in e.types)
        parts.append(f"<p>{types} {self.page.link(e.iri, 'Linked-Data page')}</p>")
        return "".join(parts)

    def fact(self, f: Fact) -> str:
        rows: list[tuple[str, str]] = []

        def add(name: str, value: str | None) -> None:
            if value:
                rows.append((name, value))

        add("label", _esc(f.label) if f.label else None)
        add("status", _esc(f.status) if f.status else None)
        if f.date:
            add("date", _esc(f.date) + (f" <span class=tag>{_esc(f.date_type)}</span>" if f.date_type else "")
                + (f" ({_esc(f.date_text)})" if f.date_text else ""))
        add("actors", ", ".join(self._ref(r) for r in f.actors))
        add("parties", ", ".join(self._ref(r) for r in f.parties))
        add("place", self._ref(f.place))
        add("agreement", self._ref(f.agreement))
        add("claimant", self._ref(f.claimant))
        add("accused", ", ".join(self._ref(r) for r in f.accused))
        if f.count_text or f.count is not None:
            add("count", _esc(f.count_text or "") + (f" = {f.count}" if f.count is not None else "")
                + (f" <span class=tag>{_esc(f.qualifier)}</span>" if f.qualifier else ""))
        add("outcome", _esc(f.outcome) if f.outcome else None)
        add("victims", _esc(f.victims) if f.victims else None)
        add("speaker", self._ref(f.speaker))
        add("speech act", _esc(f.speech_act) if f.speech_act else None)
        add("quote", f"“{_esc(f.quote)}”" if f.quote else None)
        add("holder", self._ref(f.holder))
        add("position", self._ref(f.position))
        add("topic", _esc(f.topic) if f.topic else None)
        add("why", _esc(f.why) if f.why else None)
        fields = "".join(f"<dt>{_esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
        ev = []
        for e in f.evidence:
            mark = ('<span class=ok title="text and hash match the stored article">✓ verified</span>' if e.verified
                    else '<span class=stale>⚠ not verified: ' + _esc("; ".join(PROBLEMS.get(p, p) for p in e.problems))
                    + "</span>")
            where = ""
            if e.article:
                anchor = f"#s-{e.begin}-{e.end}" if e.begin is not None else ""
                where = (f' in <a href="{_esc(self.page.href(e.article))}{anchor}">{_esc(e.headline or e.article)}</a>'
                         + "".join(f" · {_esc(x)}" for x in (e.outlet, e.published, e.source_file) if x))
            ev.append(f'<p><mark class="evidence">{_esc(e.text or "(sentence missing)")}</mark><br>'
                      f"<span class=meta>{mark} · {self.page.link(e.sentence, 'sentence')}"
                      f"{f' [{e.begin}–{e.end})' if e.begin is not None else ''}{where}</span></p>")
        if not f.evidence:
            ev.append("<p class=stale>⚠ this fact has no evidence sentence</p>")
        elif f.evidence_count > len(f.evidence):
            ev.append(f"<p class=meta>{len(f.evidence)} of {f.evidence_count} evidence sentences shown</p>")
        cls = "fact" if f.verified else "fact flagged"
        tags = f"<span class=tag>{_esc(f.type)}</span>" + (f"<span class=tag>{_esc(f.kind)}</span>" if f.kind != f.type else "")
        roles = f" <span class=meta>({_esc(', '.join(f.roles))})</span>" if f.roles else ""
        return (f'<div class="{cls}">{tags} {self.page.link(f.iri)}{roles}'
                f'<dl class="fields">{fields}</dl>{"".join(ev)}</div>')

    def _filters_form(self, query: str, flt: dict[str, str]) -> str:
        def sel(name: str, options: tuple[str, ...]) -> str:
            opts = "".join(f'<option value="{_esc(o)}"{" selected" if flt.get(name) == o else ""}>{_esc(o or "any")}</option>'
                           for o in ("", *options))
            return f'<label>{name}<select name="{name}">{opts}</select></label>'

        from syriakg.endpoint.lookup import ALL_TYPES, STATUS_VALUES

        return (
            '<form class="filters" method="get" action="/facts">'
            f'<label>entity<input name="entity" value="{_esc(query)}" size="30"></label>'
            f"{sel('type', ALL_TYPES)}{sel('status', STATUS_VALUES)}"
            f'<label>from<input name="from" value="{_esc(flt.get("from", ""))}" size="10" placeholder="YYYY-MM-DD"></label>'
            f'<label>to<input name="to" value="{_esc(flt.get("to", ""))}" size="10" placeholder="YYYY-MM-DD"></label>'
            '<button type="submit">Look up</button></form>'
        )

    def facts_page(self, p: FactsPage, params: dict[str, str]) -> HTMLResponse:
        e = p.entity
        assert e is not None
        nav = []
        if p.offset > 0:
            nav.append(f'<a href="/facts?{_esc(urlencode({**params, "offset": max(0, p.offset - p.limit)}))}">← previous</a>')
        if p.next_offset is not None:
            nav.append(f'<a href="/facts?{_esc(urlencode({**params, "offset": p.next_offset}))}">next →</a>')
        shown = f"{p.offset + 1}–{p.offset + len(p.facts)}" if p.facts else "none"
        flagged = (f' <span class=stale>{p.unverified} fact(s) on this page have evidence that failed verification '
                   f"(flagged below)</span>") if p.unverified else ""
        body = (
            self.entity_header(e) + self._filters_form(params.get("entity", p.query), p.filters)
            + f"<h2>Facts ({p.total}; showing {shown})</h2><p class=meta>Evidence is checked against the stored "
              f"article text now.{flagged}</p>"
            + ("".join(self.fact(f) for f in p.facts) or "<p>No facts match.</p>")
            + f'<nav class="pages">{"".join(nav)}</nav>'
        )
        return self._render(e.iri, e.label or e.iri, body)

    def candidates(self, c: Candidates, params: dict[str, str]) -> HTMLResponse:
        items = "".join(
            f'<li><a href="/facts?{_esc(urlencode({**params, c.parameter: i.iri}))}">{_esc(i.label or i.iri)}</a> '
            + "".join(f"<span class=tag>{_esc(t)}</span>" for t in i.types)
            + (f" <span class=tag>{_esc(i.qid)}</span>" if i.qid else "")
            + f" <span class=meta>{i.facts or 0} fact(s); {_esc(i.match or '')} match on “{_esc(i.matched_name or '')}”</span></li>"
            for i in c.candidates)
        body = f"<p>{_esc(c.message)}</p><ul>{items}</ul>"
        return self._render("", f"Which “{c.query}”?", body, status=300)

    def not_found(self, query: str, message: str, status: int) -> HTMLResponse:
        return self._render("", "Nothing found" if status == 404 else "Bad request",
                            f"<p>{_esc(message)}</p>" + self._filters_form(query, {}), status=status)

    def check(self, r: CheckResult) -> HTMLResponse:
        claim = ", ".join(f"{_esc(k)}={_esc(v)}" for k, v in r.claim.items())
        parts = [f'<p class="verdict">{_esc(r.verdict.replace("_", " "))}</p><p>{_esc(r.explanation)}</p>']
        parts += [f"<p class=meta>{_esc(n)}</p>" for n in r.notes]
        for name, facts in (("Supporting", r.supporting), ("Contradicting", r.contradicting), ("Related", r.related)):
            if facts:
                parts.append(f"<h2>{name} ({len(facts)})</h2>" + "".join(self.fact(f) for f in facts))
        return self._render("", f"Claim: {claim}", "".join(parts))
