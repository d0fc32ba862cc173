"""`syriakg evaluate --gold FILE... [--texts DIR] [--json]`: score the graph in the store against gold annotations.

Gold files follow the schema of `../shared/gold/` (README there): a JSON list
of articles, each with `entities`, `roles`, `events`, `agreements`,
`casualty_claims`, `statements`, `body_ends_before` and `must_not`.  Articles
are found in the store by `kg:sourceFile` = the gold `article`; everything is
read over SPARQL with the contract vocabulary only, so any graph that follows
CONTRACT.md can be scored.  The matching rules are in
`syriakg.loaders.evaluation.match` (and docs/ontology.md).

Exit status: 0 when the hard checks pass, 1 when one fails (furniture facts,
wrong Wikidata links, broken offsets, must_not violations, a gold article
missing from the store), 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Store

from syriakg.loaders import config
from syriakg.loaders.evaluation import checks
from syriakg.loaders.evaluation.gazetteer import Gazetteer
from syriakg.loaders.evaluation.graph import all_linked_nodes, article_view, find_articles, meeting_classes
from syriakg.loaders.evaluation.match import ArticleMatcher, evidence_strings
from syriakg.loaders.evaluation.report import ArticleReport, Report
from syriakg.loaders.evaluation.resolve import Resolver
from syriakg.loaders.evaluation.text import evidence_norm

__all__ = ["Report", "add_arguments", "evaluate", "load_gold", "run"]


class GoldError(ValueError):
    """A gold file that cannot be used (names the file and the problem)."""


def load_gold(paths: Iterable[str | Path]) -> list[dict]:
    """Read gold files (a JSON list of articles, or `{"articles": [...]}`); later files win per article."""
    items: dict[str, dict] = {}
    for path in paths:
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as err:
            raise GoldError(f"{p}: no such file") from err
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise GoldError(f"{p}: not a JSON file: {err}") from err
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        if not isinstance(data, list):
            raise GoldError(f"{p}: expected a list of gold articles")
        for i, item in enumerate(data):
            if not isinstance(item, dict) or not isinstance(item.get("article"), str):
                raise GoldError(f"{p}: item {i} has no \"article\" (the source file name)")
            items[item["article"]] = item
    return list(items.values())


def _gazetteer(paths: Iterable[str | Path] | None) -> Gazetteer:
    paths = [Path(p) for p in paths or []] or [config.gazetteer_path()]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise GoldError(f"gazetteer not found: {', '.join(missing)}")
    return Gazetteer.from_tsv(*paths)


def _read_text(path: Path) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    for enc in ("utf-8", "utf-16"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def _gold_sanity(item: dict, text: str, report: Report) -> None:
    """Warn about gold evidence strings that are not in the article text (a gold typo, not a graph defect)."""
    t = evidence_norm(text)
    name = item["article"]
    for kind in ("roles", "events", "agreements", "casualty_claims", "statements"):
        for g in item.get(kind) or []:
            evs = evidence_strings(g)
            if evs and not any(evidence_norm(e) in t for e in evs):
                report.warnings.append(f"{name}: gold {kind} evidence not in the text: {evs[0]!r}")
    if item.get("body_ends_before") and evidence_norm(item["body_ends_before"]) not in t:
        report.warnings.append(f"{name}: body_ends_before not in the text: {item['body_ends_before']!r}")


def evaluate(store: Store, gold_items: list[dict], texts_dir: str | Path | None = None,
             gazetteer: Gazetteer | None = None) -> Report:
    """Score the graph in `store` against `gold_items` (the parsed gold files)."""
    gaz = gazetteer or _gazetteer(None)
    report = Report()
    classes = meeting_classes(store)
    for item in gold_items:
        name = item["article"]
        found = find_articles(store, name)
        ar = ArticleReport(article=name, found=bool(found), iri=found[0] if found else None)
        report.articles.append(ar)
        file_text = _read_text(Path(texts_dir) / name) if texts_dir else None
        if texts_dir and file_text is None:
            report.warnings.append(f"{name}: no readable file in {texts_dir}")
        if file_text is not None:
            _gold_sanity(item, file_text, report)
        resolver = Resolver(gaz.with_extra(item.get("new_entities")))
        if not found:
            report.findings.append(checks.Finding("article_missing", name, "no article with this kg:sourceFile"))
            empty = ArticleMatcher(_EmptyView.make(), item, resolver, classes, None)
            ar.results = empty.run()
            continue
        if len(found) > 1:
            ar.notes.append(f"{len(found)} articles share this kg:sourceFile; scoring {found[0]}")
        view = article_view(store, found[0])
        cut = checks.body_cut(view.text, item.get("body_ends_before"))
        if item.get("body_ends_before") and cut is None:
            ar.notes.append(f"body_ends_before {item['body_ends_before']!r} not found in nif:isString: "
                            "furniture not checked")
        ar.results = ArticleMatcher(view, item, resolver, classes, cut).run()
        if item.get("title"):
            ar.article_checks["headline"] = item["title"] in view.headline
        dp = (item.get("date_published") or {}).get("accept")
        if dp is not None:
            ar.article_checks["date_published"] = (any(d in dp for d in view.date_published)
                                                   if view.date_published else None in dp)
        report.findings.extend(checks.furniture(view, cut, name))
        n, broken = checks.offsets(view, name)
        report.units_checked += n
        report.findings.extend(broken)
        report.findings.extend(checks.must_not(view, item, resolver, cut, name))
        if file_text is not None:
            report.findings.extend(checks.text_fidelity(view, file_text, name))
    report.findings.extend(checks.qid_findings(all_linked_nodes(store), gaz))
    return report


class _EmptyView:
    """An article view with nothing in it (for gold articles missing from the store)."""

    @staticmethod
    def make():  # noqa: ANN205 - an ArticleView
        from syriakg.loaders.evaluation.graph import ArticleView

        return ArticleView(iri="", text=None, headline=[], date_published=[], units=[], facts=[], nodes={})


# -- CLI ------------------------------------------------------------------------------------------------------------

def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", nargs="+", required=True, metavar="FILE",
                   help="gold annotation files (JSON, schema of ../shared/gold/README.md)")
    p.add_argument("--texts", metavar="DIR",
                   help="folder with the articles' source files: checks nif:isString against them and the gold "
                        "evidence strings against the text")
    p.add_argument("--gazetteer", nargs="+", metavar="TSV",
                   help="entity table(s) the gold keys refer to (default: data/wikidata/entities.tsv)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--summary", action="store_true", help="text report without the per-article details")


def run(args: argparse.Namespace) -> int:
    try:
        gold = load_gold(args.gold)
        gaz = _gazetteer(getattr(args, "gazetteer", None))
    except GoldError as err:
        print(f"syriakg evaluate: {err}", file=sys.stderr)
        return 2
    if args.texts and not Path(args.texts).is_dir():
        print(f"syriakg evaluate: --texts {args.texts}: not a folder", file=sys.stderr)
        return 2
    store_path = Path(args.store)
    if not store_path.exists():
        print(f"syriakg evaluate: no store at {store_path} (load articles first: syriakg load PATH)", file=sys.stderr)
        return 2
    store = Store.read_only(str(store_path))
    report = evaluate(store, gold, texts_dir=args.texts, gazetteer=gaz)
    if args.json:
        print(report.to_json())
    else:
        print(report.to_text(details=not args.summary), end="")
    return 0 if report.hard_ok else 1
