"""`syriakg facts ENTITY`, `syriakg check SUBJECT --type T ...`, `syriakg verify`: the fact lookup on the command line.

Exit codes:
* `facts`: 0 found, 1 no entity matches, 2 bad input or no store, 3 ambiguous (candidates printed);
* `check`: 0 supported, 1 contradicted or not found, 2 bad input, 3 ambiguous;
* `verify`: 0 every fact's evidence verified, 1 stale facts reported, 2 no store.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from syriakg.endpoint.facts_models import PROBLEMS, Candidates, CheckResult, EntityInfo, Fact, FactsPage
from syriakg.endpoint.lookup import (
    ALL_TYPES,
    MAX_LIMIT,
    STATUS_VALUES,
    BadInput,
    FactFilter,
    FactLookup,
    candidates_answer,
)
from syriakg.loaders import config


def _open(args: argparse.Namespace) -> tuple[FactLookup | None, str]:
    path = Path(args.store)
    if not path.is_dir():
        return None, f"no store at {path} (load articles first: syriakg load ... --store {path})"
    try:
        store = Store.read_only(str(path))
    except OSError as e:
        return None, f"cannot open the store at {path}: {e}"
    return FactLookup(store, config.base_iri()), ""


def _print_json(model: Any) -> None:
    print(json.dumps(model.model_dump(exclude_none=True), ensure_ascii=False, indent=2))


def _label(r: Any) -> str:
    return (r.label or r.iri) + (f" ({r.qid})" if getattr(r, "qid", None) else "")


def format_fact(f: Fact) -> str:
    """A fact in a few readable lines, its evidence marked ✓ verified or ✗ with the reasons."""
    head = [f.kind if f.kind == f.type else f"{f.type}/{f.kind}"]
    for k in ("status", "date", "label"):
        v = getattr(f, k)
        if v:
            head.append(f"{k}={v}")
    parts = []
    if f.actors:
        parts.append("actors: " + ", ".join(_label(r) for r in f.actors))
    if f.parties:
        parts.append("parties: " + ", ".join(_label(r) for r in f.parties))
    for k in ("place", "agreement", "claimant", "speaker", "holder", "position"):
        r = getattr(f, k)
        if r is not None:
            parts.append(f"{k}: {_label(r)}")
    if f.accused:
        parts.append("accused: " + ", ".join(_label(r) for r in f.accused))
    if f.count_text or f.count is not None:
        parts.append(f"count: {f.count_text or ''} [{f.qualifier or ''} {f.count if f.count is not None else '?'}] "
                     f"{f.outcome or ''}".rstrip())
    if f.speech_act:
        parts.append(f"act: {f.speech_act}")
    if f.quote:
        parts.append(f"quote: “{f.quote}”")
    if f.why:
        parts.append(f"why: {f.why}")
    flag = "" if f.verified else "   [NOT VERIFIED: " + ", ".join(f.problems) + "]"
    lines = ["• " + " ".join(head) + flag, f"  {f.iri}"] + [f"  {p}" for p in parts]
    if f.evidence_count > len(f.evidence):
        lines.append(f"  evidence: {len(f.evidence)} of {f.evidence_count} sentences shown")
    for e in f.evidence:
        mark = "✓" if e.verified else "✗ " + ", ".join(e.problems)
        src = ", ".join(x for x in (e.headline, e.outlet, e.published, e.source_file) if x)
        lines.append(f"  {mark} “{e.text or '(sentence missing)'}”")
        lines.append(f"      [{e.begin}:{e.end}] {src}")
    return "\n".join(lines)


def _format_entity(e: EntityInfo) -> str:
    langs = "; ".join(f"{v} @{lang}" for lang, vs in e.labels.items() for v in vs)
    return f"{e.label or e.iri}{' (' + e.qid + ')' if e.qid else ''}  <{e.iri}>  {' '.join(e.types)}  {langs}"


def _printcandidates_answer(c: Candidates) -> None:
    print(f"{c.message}", file=sys.stderr)
    for i in c.candidates:
        print(f"  {_format_entity(i)}  — {i.facts or 0} fact(s), {i.match} match on “{i.matched_name}”")


# --- syriakg facts -----------------------------------------------------------------------------------------


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("entity", help="Wikidata QID (Q7747), resource IRI, or a name (Vietnamese or English)")
    p.add_argument("--type", choices=ALL_TYPES, help="only facts of this type")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="YYYY[-MM[-DD]]: facts on or after")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="YYYY[-MM[-DD]]: facts on or before")
    p.add_argument("--status", choices=STATUS_VALUES, help="meetings with this status")
    p.add_argument("--article", help="only facts resting on this article (IRI or id)")
    p.add_argument("--limit", type=int, default=20, help=f"facts per page (1-{MAX_LIMIT}, default 20)")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--evidence", type=int, default=10, help="evidence sentences shown per fact (default 10)")
    p.add_argument("--json", action="store_true", help="print the /facts JSON")


def run(args: argparse.Namespace) -> int:
    lookup, err = _open(args)
    if lookup is None:
        print(f"syriakg facts: {err}", file=sys.stderr)
        return 2
    try:
        flt = FactFilter.parse(lookup, args.type, args.status, args.article, args.date_from, args.date_to)
        res = lookup.resolve(args.entity)
    except BadInput as e:
        print(f"syriakg facts: {e}", file=sys.stderr)
        return 2
    if res.status == "ambiguous":
        c = candidates_answer(res, "entity")
        if args.json:
            _print_json(c)
        else:
            _printcandidates_answer(c)
        return 3
    if res.entity is None:
        print(f"syriakg facts: no entity matches {res.query!r}", file=sys.stderr)
        return 1
    page = lookup.facts(res.entity.iri, flt, max(1, min(args.limit, MAX_LIMIT)), max(0, args.offset),
                        query=res.query, info=res.entity, evidence_limit=max(1, min(args.evidence, 200)))
    if args.json:
        _print_json(page)
    else:
        print_page(page)
    return 0


def print_page(page: FactsPage) -> None:
    assert page.entity is not None
    print(_format_entity(page.entity))
    shown = f"{page.offset + 1}-{page.offset + len(page.facts)}" if page.facts else "none"
    filters = ", ".join(f"{k}={v}" for k, v in page.filters.items())
    print(f"{page.total} fact(s){' (' + filters + ')' if filters else ''}; showing {shown}"
          + (f"; {page.unverified} NOT VERIFIED" if page.unverified else ""))
    for f in page.facts:
        print()
        print(format_fact(f))
    if page.next_offset is not None:
        print(f"\n… more: --offset {page.next_offset}")


# --- syriakg check -----------------------------------------------------------------------------------------


class _Check:
    """`syriakg check SUBJECT --type T [--object X] [--place P] [--date D] [--status S] [--count N] ...`."""

    @staticmethod
    def add_arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument("subject", help="the entity the claim is about (QID, IRI or name)")
        p.add_argument("--type", required=True, choices=ALL_TYPES)
        p.add_argument("--object", help="the other entity (meeting party, office, agreement, accused, party)")
        p.add_argument("--place")
        p.add_argument("--date", help="YYYY[-MM[-DD]]")
        p.add_argument("--status", choices=STATUS_VALUES, help="meetings (default occurred)")
        p.add_argument("--count", type=int, help="casualties: the figure")
        p.add_argument("--qualifier", help="casualties: exactly (default), at_least, more_than, about, at_most")
        p.add_argument("--outcome", help="casualties: killed, injured, displaced, refugees, missing, captured")
        p.add_argument("--quote", help="statements: the words said")
        p.add_argument("--act", help="statements: say, announce, confirm, deny, call_for, reject, warn, accuse")
        p.add_argument("--json", action="store_true")

    @staticmethod
    def run(args: argparse.Namespace) -> int:
        from syriakg.endpoint.facts_claims import AmbiguousReference, Claim, check_claim

        lookup, err = _open(args)
        if lookup is None:
            print(f"syriakg check: {err}", file=sys.stderr)
            return 2
        try:
            claim = Claim.parse(args.subject, args.type, args.object, args.place, args.date, args.status,
                                args.count, args.qualifier, args.outcome, args.quote, args.act)
            result = check_claim(lookup, claim)
        except BadInput as e:
            print(f"syriakg check: {e}", file=sys.stderr)
            return 2
        except AmbiguousReference as e:
            c = candidates_answer(e.resolution, e.parameter)
            _print_json(c) if args.json else _printcandidates_answer(c)
            return 3
        if args.json:
            _print_json(result)
        else:
            print_check(result)
        return 0 if result.verdict == "supported" else 1


def print_check(r: CheckResult) -> None:
    print(f"claim: {', '.join(f'{k}={v}' for k, v in r.claim.items())}")
    print(f"verdict: {r.verdict.upper().replace('_', ' ')} — {r.explanation}")
    for n in r.notes:
        print(f"note: {n}")
    for name, facts in (("supporting", r.supporting), ("contradicting", r.contradicting), ("related", r.related)):
        if facts:
            print(f"\n{name} ({len(facts)}):")
            for f in facts:
                print(format_fact(f))


check = _Check()


# --- syriakg verify ----------------------------------------------------------------------------------------


class _Verify:
    """`syriakg verify [--json]`: report facts whose evidence no longer matches the stored text."""

    @staticmethod
    def add_arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help="print the report as JSON")
        p.add_argument("--max", type=int, default=200, help="stale facts listed in the text report (default 200)")

    @staticmethod
    def run(args: argparse.Namespace) -> int:
        from syriakg.endpoint.facts_stale import verify_store

        lookup, err = _open(args)
        if lookup is None:
            print(f"syriakg verify: {err}", file=sys.stderr)
            return 2
        report = verify_store(lookup.store, lookup.base)
        if args.json:
            print(report.model_dump_json(indent=2, exclude_none=True))
            return 0 if report.ok else 1
        print(f"checked {report.facts_checked} fact(s), {report.evidence_checked} evidence link(s), "
              f"{report.articles_checked} article(s) in {report.seconds:.1f} s")
        for a in report.articles_with_bad_hash:
            print(f"TEXT CHANGED IN PLACE: {a} (its text no longer hashes to its kg:sha256)")
        if report.ok:
            print("all evidence verified")
            return 0
        print(f"{len(report.stale)} STALE fact(s):")
        for s in report.stale[: args.max]:
            print(f"• {s.fact} {' '.join(s.classes)}  [{', '.join(s.problems)}]")
            for e in s.evidence:
                if not e.verified:
                    print(f"    ✗ {e.sentence}: " + "; ".join(PROBLEMS.get(p, p) for p in e.problems))
        if len(report.stale) > args.max:
            print(f"… and {len(report.stale) - args.max} more (--json for all)")
        return 1


verify = _Verify()
