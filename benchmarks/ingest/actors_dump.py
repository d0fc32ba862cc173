"""Dump what the actors component extracts from scale articles, to compare two versions of the code.

    python benchmarks/ingest/actors_dump.py --articles 2000 --out new.jsonl
    python benchmarks/ingest/actors_dump.py --compare old.jsonl new.jsonl

One JSON line per article: entities (key, kind, labels, QID, in gazetteer), mentions (offsets, text,
entity, sentence, how) and holdings (holder, position, evidence, span).  Prints the component's CPU
time per article (time.process_time: other load on the machine does not count).  To dump an older
commit, check it out in a git worktree and put a folder holding `syriakg/{loaders,ontology}` links to
it first on PYTHONPATH; keep SYRIAKG_DATA the same for both runs.  `--compare` lists the mentions and
holdings added and removed (most frequent first); identical dumps print nothing but the totals.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import iter_raw, scale_corpus  # noqa: E402


def dump(n: int, out: Path) -> None:
    from syriakg.loaders.extract.actors import extract_actors
    from syriakg.loaders.model import Extraction
    from syriakg.loaders.text.furniture import build_article
    from syriakg.loaders.text.sentences import split_article

    cpu = 0.0
    k = 0
    with out.open("w", encoding="utf-8") as fh:
        for raw in iter_raw(scale_corpus(), n):
            try:
                art = build_article(raw)
            except Exception:  # noqa: BLE001 - not what is compared here
                continue
            body, caps = split_article(art)
            ex = Extraction(article=art, sentences=body, captions=caps)
            t = time.process_time()
            extract_actors(ex)
            cpu += time.process_time() - t
            k += 1
            rec = {
                "ents": sorted([e.key, e.kind, e.label_vi, e.label_en, e.qid, e.in_gazetteer]
                               for e in ex.entities.values()),
                "ments": [[m.begin, m.end, m.text, m.entity, m.sentence, m.how] for m in ex.mentions],
                "pos": [[h.holder, h.position.key, h.position.label_vi, h.position.label_en, h.position.qid,
                         list(h.evidence), [h.span.begin, h.span.end] if h.span else None] for h in ex.positions],
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{k} articles, actors CPU {cpu:.2f} s = {1000 * cpu / max(k, 1):.2f} ms/article")


def compare(a_path: Path, b_path: Path) -> None:
    a = [json.loads(x) for x in a_path.open(encoding="utf-8")]
    b = [json.loads(x) for x in b_path.open(encoding="utf-8")]
    added: collections.Counter = collections.Counter()
    removed: collections.Counter = collections.Counter()
    hold_add: collections.Counter = collections.Counter()
    hold_rem: collections.Counter = collections.Counter()
    for x, y in zip(a, b, strict=False):
        mx = {(m[0], m[1], m[3]): m[2] for m in x["ments"]}
        my = {(m[0], m[1], m[3]): m[2] for m in y["ments"]}
        added.update((my[k], k[2]) for k in my.keys() - mx.keys())
        removed.update((mx[k], k[2]) for k in mx.keys() - my.keys())
        px = {(p[0], p[1]) for p in x["pos"]}
        py = {(p[0], p[1]) for p in y["pos"]}
        hold_add.update(py - px)
        hold_rem.update(px - py)
    same = sum(1 for x, y in zip(a, b, strict=False) if x == y)
    print(f"{len(a)} vs {len(b)} articles, {same} identical; mentions +{sum(added.values())} "
          f"-{sum(removed.values())}, holdings +{sum(hold_add.values())} -{sum(hold_rem.values())}")
    for title, c in (("mentions added", added), ("mentions removed", removed),
                     ("holdings added", hold_add), ("holdings removed", hold_rem)):
        if c:
            print(f"{title}:")
            for k, v in c.most_common(30):
                print(f"  {v:4d}  {k}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = ap.parse_args()
    if args.compare:
        compare(*args.compare)
    elif args.out:
        dump(args.articles, args.out)
    else:
        ap.error("--out or --compare")


if __name__ == "__main__":
    main()
