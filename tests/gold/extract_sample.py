"""Write the scale-corpus records that a gold file annotates to a small `articles.jsonl.gz`.

The loader names JSONL articles `<file name>#<record id>`, so the sample must be
called `articles.jsonl.gz` for the gold's `article` keys to find them:

    python tests/gold/extract_sample.py tests/gold/heldout2/scale-heldout2-gold.json \
        ../shared/corpus/scale/articles.jsonl.gz /tmp/heldout2
    syriakg load --store /tmp/heldout2/store /tmp/heldout2/articles.jsonl.gz
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path


def wanted_ids(gold: Path) -> set[str]:
    """Record ids named by the gold's JSONL articles (`articles.jsonl.gz#<id>`)."""
    items = json.loads(gold.read_text(encoding="utf-8"))
    return {item["article"].split("#", 1)[1] for item in items if "#" in item["article"]}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: extract_sample.py GOLD_JSON SCALE_JSONL_GZ OUT_DIR", file=sys.stderr)
        return 2
    gold, source, out_dir = Path(argv[0]), Path(argv[1]), Path(argv[2])
    ids = wanted_ids(gold)
    out_dir.mkdir(parents=True, exist_ok=True)
    found: set[str] = set()
    with gzip.open(source, "rt", encoding="utf-8") as src, \
            gzip.open(out_dir / "articles.jsonl.gz", "wt", encoding="utf-8") as dst:
        for line in src:
            rec = json.loads(line)
            rid = str(rec.get("id"))
            if rid in ids and rid not in found:
                found.add(rid)
                dst.write(json.dumps(rec, ensure_ascii=False) + "\n")
    missing = sorted(ids - found)
    if missing:
        print(f"{source}: records not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"wrote {len(found)} records to {out_dir / 'articles.jsonl.gz'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
