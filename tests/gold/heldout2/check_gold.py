"""Sanity checks of a held-out scale gold file (default `scale-heldout2-gold.json`) against its records.

    python tests/gold/heldout2/check_gold.py ../shared/corpus/scale/articles.jsonl.gz [data/wikidata/entities.tsv]
    python tests/gold/heldout2/check_gold.py --gold tests/gold/heldout3/scale-heldout3-gold.json \
        ../shared/corpus/scale/articles.jsonl.gz

Checks, per article: the record exists and its title equals the gold title; `body_ends_before` occurs in the
record text; every evidence string (roles, events, agreements, casualty claims, statements, must_not.evidence_in)
is an exact substring of the record text (no-break spaces compared as spaces) and, except must_not ones, lies
before the body end and is not inside a must_not sentence; every key used is in entities.tsv or the article's
`new_entities`; no record is in another held-out set (`../heldout*/scale-heldout*-gold.json`).
Exit status 1 on any problem.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
GOLD = HERE / "scale-heldout2-gold.json"
OTHER_SETS = sorted(HERE.parent.glob("heldout*/scale-heldout*-gold.json"))


def norm(s: str) -> str:
    return s.replace("\u00a0", " ")


def occurrences(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def evidences(item: dict) -> list[str]:
    out: list[str] = []
    for k in ("evidence", "evidence_any"):
        v = item.get(k)
        if isinstance(v, str):
            out.append(v)
        elif v:
            out.extend(v)
    return out


def keys_used(a: dict) -> set[str]:
    keys = set(a.get("entities") or []) | set(a.get("entities_optional") or [])
    for r in a.get("roles") or []:
        keys |= {r["person"], r["position"]}
    for e in a.get("events") or []:
        keys |= set(e.get("participants") or []) | set(e.get("participants_optional") or [])
        keys |= {e.get("place")} | set(e.get("place_any") or [])
    for g in a.get("agreements") or []:
        keys |= {g.get("agreement"), g.get("claimant")} | set(g.get("parties") or [])
        acc = g.get("accused")
        keys |= set(acc if isinstance(acc, list) else [acc])
    for c in a.get("casualty_claims") or []:
        keys |= {c.get("claimant"), c.get("victim_country")} | set(c.get("location_any") or [])
    for s in a.get("statements") or []:
        keys |= {s.get("speaker")} | set(s.get("place_any") or [])
    return {k for k in keys if k}


def main(argv: list[str]) -> int:
    gold_path = GOLD
    if argv[:1] == ["--gold"] and len(argv) > 1:
        gold_path, argv = Path(argv[1]), argv[2:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    tsv = Path(argv[1]) if len(argv) > 1 else HERE.parents[2] / "data" / "wikidata" / "entities.tsv"
    known = {row["key"] for row in csv.DictReader(tsv.open(encoding="utf-8"), delimiter="\t")}
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ids = {a["article"].split("#", 1)[1]: a for a in gold}
    records: dict[str, dict] = {}
    with gzip.open(argv[0], "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if str(rec.get("id")) in ids and str(rec["id"]) not in records:
                records[str(rec["id"])] = rec
    problems: list[str] = []
    for other in OTHER_SETS:
        if other.resolve() == gold_path.resolve():
            continue
        taken = {a["article"] for a in json.loads(other.read_text(encoding="utf-8"))}
        problems += [f"{a['article']}: also in {other.parent.name}/{other.name}" for a in gold if a["article"] in taken]
    n_ev = 0
    for rid, a in ids.items():
        name = a["article"]
        rec = records.get(rid)
        if rec is None:
            problems.append(f"{name}: no such record")
            continue
        text = norm(rec["text"])
        if a.get("title") != rec["title"]:
            problems.append(f"{name}: title {a.get('title')!r} != record title {rec['title']!r}")
        end = len(text)
        if a.get("body_ends_before"):
            i = text.find(norm(a["body_ends_before"]))
            if i < 0:
                problems.append(f"{name}: body_ends_before {a['body_ends_before']!r} not in the text")
            else:
                end = i
        bad = [norm(e) for e in (a.get("must_not") or {}).get("evidence_in") or []]
        bad_spans = [(i, i + len(b)) for b in bad for i in occurrences(text, b)]
        for b in bad:
            n_ev += 1
            if b not in text:
                problems.append(f"{name}: must_not evidence_in {b!r} not in the text")
        for kind in ("roles", "events", "agreements", "casualty_claims", "statements"):
            for item in a.get(kind) or []:
                evs = evidences(item)
                if not evs:
                    problems.append(f"{name}: {kind} item without evidence: {item}")
                for e in evs:
                    n_ev += 1
                    e = norm(e)
                    hits = occurrences(text, e)
                    if not hits:
                        problems.append(f"{name}: {kind}: {e!r} not in the text")
                    elif not any(i + len(e) <= end for i in hits):
                        problems.append(f"{name}: {kind}: {e!r} is after the body end")
                    elif not any(i + len(e) <= end and not any(b <= i < c or b < i + len(e) <= c for b, c in bad_spans)
                                 for i in hits):
                        problems.append(f"{name}: {kind}: {e!r} only occurs in a must_not sentence")
        defined = known | set((a.get("new_entities") or {}).keys())
        for k in sorted(keys_used(a) - defined):
            problems.append(f"{name}: key {k!r} is neither in {tsv.name} nor in new_entities")
    for p in problems:
        print(p)
    print(f"{len(gold)} articles, {n_ev} evidence strings checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
