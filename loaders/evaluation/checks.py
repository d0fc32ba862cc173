"""Hard checks: things a correct graph never contains, whatever its recall.

* furniture: a fact resting on a text unit that begins at or after the
  article's `body_ends_before`, a `nif:Sentence` there, or a mention there;
* wrong QIDs: a node with `owl:sameAs wd:X` whose label names a key of the
  table whose QID is not X (or whose QID X belongs to a different key);
* offsets: a sentence, caption or mention whose anchor is not the article
  text at its offsets;
* must_not: names, dates, casualty counts, speakers and evidence the gold
  says must never appear for the article;
* text fidelity (with `--texts`): `nif:isString` differs from the file.

Links to a QID the table does not confirm for that name are reported as
*unverified* (not counted as wrong: the table may simply be behind).
"""

from __future__ import annotations

from dataclasses import dataclass

from syriakg.loaders.evaluation.gazetteer import Gazetteer
from syriakg.loaders.evaluation.graph import CASUALTY, STATEMENT, ArticleView, Node
from syriakg.loaders.evaluation.resolve import Resolver
from syriakg.loaders.evaluation.text import evidence_norm, label_norm
from syriakg.ontology.terms import KG_NS


@dataclass(slots=True)
class Finding:
    check: str  # furniture_fact | furniture_sentence | furniture_mention | wrong_qid | unverified_qid | ...
    article: str
    detail: str


def body_cut(text: str | None, marker: str | None) -> int | None:
    """Offset of the first `body_ends_before` after the title line (no-break spaces compared as spaces)."""
    if not text or not marker:
        return None
    t, m = evidence_norm(text), evidence_norm(marker)
    first_line_end = t.find("\n")
    start = first_line_end + 1 if first_line_end >= 0 else 0
    i = t.find(m, start)
    if i < 0:
        i = t.find(m)
    return i if i >= 0 else None


def _short(s: str | None, n: int = 90) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def furniture(view: ArticleView, cut: int | None, article: str) -> list[Finding]:
    if cut is None:
        return []
    out: list[Finding] = []
    for f in view.facts:
        bad = [u for u in f.evidence if u.begin is not None and u.begin >= cut]
        if bad:
            out.append(Finding("furniture_fact", article, f"{_type_name(f.types)} <{f.iri}> rests on "
                               f"[{bad[0].begin}-{bad[0].end}] {_short(bad[0].anchor)!r}"))
    for u in view.units:
        if u.begin is None or u.begin < cut:
            continue
        if u.is_sentence:
            out.append(Finding("furniture_sentence", article, f"[{u.begin}-{u.end}] {_short(u.anchor)!r}"))
        elif u.is_mention:
            out.append(Finding("furniture_mention", article, f"[{u.begin}-{u.end}] {_short(u.anchor)!r} -> <{u.entity}>"))
    return out


def _type_name(types: set[str]) -> str:
    names = sorted(t[len(KG_NS):] for t in types if t.startswith(KG_NS))
    return "/".join(names) or "fact"


def offsets(view: ArticleView, article: str) -> tuple[int, list[Finding]]:
    """(units checked, findings) for every sentence, caption and mention of the article."""
    out: list[Finding] = []
    n = 0
    text = view.text
    for u in view.units:
        if u.begin is None and u.end is None and u.anchor is None:
            continue
        n += 1
        if text is None:
            out.append(Finding("broken_offsets", article, f"<{u.iri}>: the article has no nif:isString"))
            continue
        b, e = u.begin, u.end
        if b is None or e is None or u.anchor is None or not 0 <= b <= e <= len(text) or text[b:e] != u.anchor:
            out.append(Finding("broken_offsets", article,
                               f"<{u.iri}> [{b}-{e}] anchor {_short(u.anchor, 50)!r} vs text "
                               f"{_short(text[b:e] if b is not None and e is not None else None, 50)!r}"))
    return n, out


def qid_findings(nodes: dict[str, Node], gaz: Gazetteer) -> list[Finding]:
    """Wrong and unverified Wikidata links among the given nodes."""
    out: list[Finding] = []
    for node in sorted(nodes.values(), key=lambda n: n.iri):
        label_keys: set[str] = set()
        for lab in node.labels:
            label_keys |= gaz.keys_for_label(lab)
        for q in sorted(node.qids):
            name = f"{(node.labels or [node.iri])[0]!r} <{node.iri}> owl:sameAs wd:{q}"
            allowed = {gaz.infos[k].qid for k in label_keys if gaz.infos[k].qid}
            owners = gaz.keys_for_qid(q)
            if q in allowed:
                continue
            if allowed:
                out.append(Finding("wrong_qid", "", f"{name}: the label names {sorted(label_keys)} "
                                   f"= {sorted('wd:' + a for a in allowed)}"))
            elif owners and label_keys and not owners & label_keys:
                out.append(Finding("wrong_qid", "", f"{name}: wd:{q} is {sorted(owners)} but the label names "
                                   f"{sorted(label_keys)}"))
            elif not owners:
                why = (f"the table has no QID for {sorted(label_keys)}" if label_keys
                       else "the QID is not in the table")
                out.append(Finding("unverified_qid", "", f"{name}: {why}"))
    return out


def must_not(view: ArticleView, gold: dict, resolver: Resolver, cut: int | None, article: str) -> list[Finding]:
    rules = gold.get("must_not") or {}
    out: list[Finding] = []
    if not rules:
        return out
    if rules.get("text_after") and rules.get("text_after") != gold.get("body_ends_before"):
        other = body_cut(view.text, rules["text_after"])
        out.extend(Finding("must_not", article, "text_after: " + f.detail)
                   for f in furniture(view, other, article) if f.check == "furniture_fact")
    ents = view.entity_iris(cut)
    for name in rules.get("names") or []:
        n = label_norm(name)
        for e in sorted(ents):
            if any(n in label_norm(lab) for lab in view.node(e).labels):
                out.append(Finding("must_not", article, f"name {name!r}: entity <{e}>"))
        for u in view.units:
            if u.is_mention and u.anchor and n in label_norm(u.anchor) and view.body_mention(u, cut):
                out.append(Finding("must_not", article, f"name {name!r}: mention [{u.begin}-{u.end}]"))
    bad_dates = set(rules.get("dates") or [])
    if bad_dates:
        for d in view.date_published:
            if d in bad_dates:
                out.append(Finding("must_not", article, f"date {d}: schema:datePublished"))
        for f in view.facts:
            for d in f.literals(KG_NS + "date"):
                if d in bad_dates:
                    out.append(Finding("must_not", article, f"date {d}: {_type_name(f.types)} <{f.iri}>"))
    bad_counts = {str(c) for c in rules.get("casualty_counts") or []}
    for f in view.facts_of(CASUALTY):
        for c in f.literals(KG_NS + "count"):
            if c in bad_counts:
                out.append(Finding("must_not", article, f"casualty count {c}: <{f.iri}> "
                                   f"{_short(f.evidence[0].anchor if f.evidence else '')!r}"))
    for speaker in rules.get("speakers") or []:
        for f in view.facts_of(STATEMENT):
            if any(resolver.matches(view.node(s), speaker) for s in f.iris(KG_NS + "speaker")):
                out.append(Finding("must_not", article, f"speaker {speaker}: <{f.iri}>"))
    for ev in rules.get("evidence_in") or []:
        e = evidence_norm(ev)
        for f in view.facts:
            if any(u.anchor and e in evidence_norm(u.anchor) for u in f.evidence):
                out.append(Finding("must_not", article, f"evidence_in {ev!r}: {_type_name(f.types)} <{f.iri}>"))
    return out


def text_fidelity(view: ArticleView, file_text: str, article: str) -> list[Finding]:
    if view.text is None:
        return [Finding("text_mismatch", article, "the article has no nif:isString")]
    candidates = {file_text, file_text.lstrip("\ufeff")}
    if view.text in candidates:
        return []
    i = next((k for k, (a, b) in enumerate(zip(view.text, file_text, strict=False)) if a != b),
             min(len(view.text), len(file_text)))
    return [Finding("text_mismatch", article, f"nif:isString differs from the file at offset {i} "
                    f"(graph {_short(view.text[i:i + 30], 30)!r}, file {_short(file_text[i:i + 30], 30)!r})")]
