"""The evaluation report: scores per fact type, micro F1, attribute accuracies, hard checks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from syriakg.loaders.evaluation.checks import Finding
from syriakg.loaders.evaluation.match import FACT_TYPES, TypeResult

MICRO_TYPES = ("events", "casualty_claims", "agreements", "statements")
HARD_CHECKS = ("furniture_fact", "furniture_sentence", "furniture_mention", "wrong_qid", "broken_offsets",
               "must_not", "text_mismatch", "article_missing")


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


@dataclass(slots=True)
class Score:
    tp: int = 0
    misses: int = 0
    unmatched: int = 0
    duplicates: int = 0

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.misses)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.unmatched)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.misses += other.misses
        self.unmatched += other.unmatched
        self.duplicates += other.duplicates

    def to_dict(self) -> dict:
        return {"tp": self.tp, "misses": self.misses, "unmatched": self.unmatched, "duplicates": self.duplicates,
                "recall": round(self.recall, 4), "precision": round(self.precision, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass(slots=True)
class ArticleReport:
    article: str
    found: bool
    iri: str | None = None
    results: dict[str, TypeResult] = field(default_factory=dict)
    article_checks: dict[str, bool] = field(default_factory=dict)  # headline, date_published
    notes: list[str] = field(default_factory=list)

    def score(self, kind: str) -> Score:
        r = self.results.get(kind)
        if r is None:
            return Score()
        return Score(r.tp, r.n_misses, r.n_unmatched, len(r.duplicates))

    def details(self) -> dict:
        out: dict = {"article": self.article, "found": self.found, "iri": self.iri,
                     "article_checks": self.article_checks, "notes": self.notes, "types": {}}
        for kind, r in self.results.items():
            d: dict = {"score": self.score(kind).to_dict()}
            if kind == "entities":
                d["found"] = r.found_keys
                d["missed"] = r.missed_keys
                d["unmatched"] = r.unmatched_entities
            else:
                d["matched"] = [{"gold": _gold_name(p.gold), "fact": p.fact.iri,
                                 "attribute_errors": [f"{c.name}: {c.detail}" for c in p.checks if not c.ok]}
                                for p in r.pairs]
                d["missed"] = [_gold_name(g) for g in r.misses]
                d["unmatched"] = [_fact_name(f) for f in r.unmatched]
                d["duplicates"] = [_fact_name(f) for f in r.duplicates]
            out["types"][kind] = d
        return out


def _gold_name(item: dict) -> str:
    ev = item.get("evidence_any") or item.get("evidence") or []
    ev = ev if isinstance(ev, str) else (ev[0] if ev else "")
    who = (item.get("id") or item.get("speaker") or item.get("person") or item.get("agreement")
           or item.get("outcome") or item.get("kind") or "")
    return f"{who}: {ev!r}" if who else repr(ev)


def _fact_name(f) -> str:  # noqa: ANN001 - a match.Fact
    ev = f.evidence[0].anchor if f.evidence and f.evidence[0].anchor else ""
    ev = ev if len(ev) <= 100 else ev[:99] + "…"
    return f"<{f.iri}> {ev!r}"


@dataclass(slots=True)
class Report:
    articles: list[ArticleReport] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    units_checked: int = 0

    # -- aggregates ------------------------------------------------------------
    @property
    def scores(self) -> dict[str, Score]:
        out = {k: Score() for k in FACT_TYPES}
        for a in self.articles:
            for k in FACT_TYPES:
                out[k].add(a.score(k))
        return out

    @property
    def micro(self) -> Score:
        total = Score()
        scores = self.scores
        for k in MICRO_TYPES:
            total.add(scores[k])
        return total

    def attribute(self, kind: str, name: str) -> Accuracy:
        acc = Accuracy()
        for a in self.articles:
            r = a.results.get(kind)
            for p in r.pairs if r else []:
                for c in p.checks:
                    if c.name == name:
                        acc.total += 1
                        acc.correct += c.ok
        return acc

    @property
    def status_accuracy(self) -> Accuracy:
        return self.attribute("events", "status")

    def attributes(self) -> dict[str, dict[str, Accuracy]]:
        names = {
            "events": ("status", "type", "date", "place"),
            "agreements": ("identity", "kind", "claimant", "accused", "date"),
            "casualty_claims": ("qualifier", "claimant", "place", "date"),
            "statements": ("date", "place"),
        }
        return {k: {n: self.attribute(k, n) for n in ns} for k, ns in names.items()}

    def article_accuracy(self, name: str) -> Accuracy:
        acc = Accuracy()
        for a in self.articles:
            if name in a.article_checks:
                acc.total += 1
                acc.correct += a.article_checks[name]
        return acc

    def count(self, check: str) -> int:
        return sum(1 for f in self.findings if f.check == check)

    @property
    def hard_checks(self) -> dict[str, int]:
        return {c: self.count(c) for c in HARD_CHECKS}

    @property
    def hard_ok(self) -> bool:
        return not any(self.hard_checks.values())

    # -- output ----------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "articles": {"gold": len(self.articles), "found": sum(a.found for a in self.articles)},
            "scores": {k: s.to_dict() for k, s in self.scores.items()},
            "micro": {"types": list(MICRO_TYPES), **self.micro.to_dict()},
            "event_status_accuracy": self.status_accuracy.to_dict(),
            "attributes": {k: {n: a.to_dict() for n, a in v.items()} for k, v in self.attributes().items()},
            "article_checks": {n: self.article_accuracy(n).to_dict() for n in ("headline", "date_published")},
            "hard_checks": {"ok": self.hard_ok, **self.hard_checks, "units_checked": self.units_checked},
            "unverified_qids": [f.detail for f in self.findings if f.check == "unverified_qid"],
            "findings": [{"check": f.check, "article": f.article, "detail": f.detail}
                         for f in self.findings if f.check != "unverified_qid"],
            "warnings": self.warnings,
            "per_article": [a.details() for a in self.articles],
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self, details: bool = True) -> str:
        lines: list[str] = []
        found = sum(a.found for a in self.articles)
        lines.append(f"syriakg evaluate: {len(self.articles)} gold articles, {found} found in the store")
        lines.append("")
        lines.append(f"{'type':<16}{'TP':>5}{'miss':>6}{'unmatched':>11}{'dup':>5}{'recall':>8}{'prec.':>8}{'F1':>7}")
        for k, s in self.scores.items():
            lines.append(f"{k:<16}{s.tp:>5}{s.misses:>6}{s.unmatched:>11}{s.duplicates:>5}"
                         f"{s.recall:>8.3f}{s.precision:>8.3f}{s.f1:>7.3f}")
        m = self.micro
        lines.append(f"{'micro (4 types)':<16}{m.tp:>5}{m.misses:>6}{m.unmatched:>11}{m.duplicates:>5}"
                     f"{m.recall:>8.3f}{m.precision:>8.3f}{m.f1:>7.3f}")
        lines.append("  (micro over events, casualty_claims, agreements, statements; duplicates are not counted)")
        lines.append("")
        st = self.status_accuracy
        lines.append(f"event status accuracy: {st.correct}/{st.total} = {st.value:.3f}")
        for kind, accs in self.attributes().items():
            parts = [f"{n} {a.correct}/{a.total}" for n, a in accs.items() if a.total]
            if parts:
                lines.append(f"  {kind}: " + ", ".join(parts))
        parts = [f"{n} {a.correct}/{a.total}" for n in ("headline", "date_published")
                 for a in [self.article_accuracy(n)] if a.total]
        if parts:
            lines.append("  articles: " + ", ".join(parts))
        lines.append("")
        hc = self.hard_checks
        lines.append("hard checks: " + ("PASS" if self.hard_ok else "FAIL") + f" ({self.units_checked} text units "
                     "checked for offsets)")
        lines.append("  " + ", ".join(f"{k} {v}" for k, v in hc.items()))
        unverified = [f for f in self.findings if f.check == "unverified_qid"]
        if unverified:
            lines.append(f"  unverified Wikidata links (not counted as wrong): {len(unverified)}")
        for f in self.findings:
            tag = f"[{f.article}] " if f.article else ""
            lines.append(f"  - {f.check}: {tag}{f.detail}")
        for w in self.warnings:
            lines.append(f"  warning: {w}")
        if details:
            for a in self.articles:
                lines.extend(self._article_text(a))
        return "\n".join(lines) + "\n"

    def _article_text(self, a: ArticleReport) -> list[str]:
        out = ["", f"== {a.article}" + ("" if a.found else "  (NOT IN THE STORE)")]
        for n in a.notes:
            out.append(f"   note: {n}")
        for name, ok in a.article_checks.items():
            if not ok:
                out.append(f"   article {name}: wrong")
        d = a.details()["types"]
        for kind, info in d.items():
            s = info["score"]
            out.append(f"   {kind}: TP {s['tp']}, miss {s['misses']}, unmatched {s['unmatched']}, dup {s['duplicates']}")
            for m in info.get("missed", []):
                out.append(f"     MISS {m}")
            for m in info.get("unmatched", []):
                out.append(f"     EXTRA {m}")
            for m in info.get("matched", []):
                for e in m["attribute_errors"]:
                    out.append(f"     WRONG {m['gold']}: {e}")
        return out
