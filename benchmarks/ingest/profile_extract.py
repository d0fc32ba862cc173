"""Profile the per-article stage (`process_document`) on scale articles with pyinstrument.

    /tmp/venv/bin/pip install pyinstrument      # benchmark-only dependency (`bench` extra)
    python benchmarks/ingest/profile_extract.py [--articles 1000] [--html out.html]
    SYRIAKG_OFF_TOPIC=text python benchmarks/ingest/profile_extract.py ...   # the `--off-topic text` mode

Prints the time per stage (build_article, sentence split + components, RDF
mapping straight to N-Quads text) and pyinstrument's call tree, so the hot spots
can be reported with file:line.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import iter_raw, scale_corpus  # noqa: E402


def stage_times(docs: list) -> dict[str, float]:
    """CPU seconds spent in each stage over all docs (serial, one core; CPU time, so other load on the machine
    does not count).  Mirrors `pipeline.extract` (relevance gate, `SYRIAKG_OFF_TOPIC` mode, extraction limit)."""
    from syriakg.loaders.extract import relevance
    from syriakg.loaders.extract.base import Doc
    from syriakg.loaders.extract.pipeline import ALWAYS, COMPONENTS, max_extract_chars
    from syriakg.loaders.model import Extraction
    from syriakg.loaders.rdf.mapping import to_nquads
    from syriakg.loaders.text.furniture import build_article
    from syriakg.loaders.text.sentences import split_article

    acc: dict[str, float] = defaultdict(float)
    base = "https://w3id.org/syriakg/resource/"
    limit = max_extract_chars()
    text_mode = relevance.off_topic_mode() == "text"
    for raw in docs:
        t = time.process_time()
        try:
            art = build_article(raw)
        except Exception:  # noqa: BLE001 - a bad article is not what is profiled here
            continue
        t1 = time.process_time()
        acc["build_article"] += t1 - t
        body, caps = split_article(art)
        t2 = time.process_time()
        acc["split_article"] += t2 - t1
        read = [s for s in body if s.end <= limit]
        doc = Doc(Extraction(article=art, sentences=read, captions=caps))
        relevant = not relevance.filter_enabled() or relevance.is_relevant(doc)
        t3 = time.process_time()
        acc["relevance gate"] += t3 - t2
        acc["(relevant articles)"] += relevant
        always = frozenset() if text_mode and not relevant else ALWAYS
        for name, comp in COMPONENTS:
            if not (relevant or name in always):
                continue
            t3 = time.process_time()
            comp(doc)
            doc.invalidate()
            acc[f"component {name}"] += time.process_time() - t3
        doc.ex.sentences = body
        t4 = time.process_time()
        to_nquads(doc.ex, base)
        acc["to_nquads (mapping)"] += time.process_time() - t4
    return dict(acc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--html", type=Path, default=None, help="also write pyinstrument's HTML report here")
    ap.add_argument("--no-tree", action="store_true")
    args = ap.parse_args()
    docs = list(iter_raw(args.corpus or scale_corpus(), args.articles))
    from syriakg.loaders.process import process_document

    base = "https://w3id.org/syriakg/resource/"
    process_document(docs[0], base)  # warm up: gazetteer, catalogues, compiled patterns
    from syriakg.loaders.extract.relevance import off_topic_mode

    acc = stage_times(docs)
    n_relevant = int(acc.pop("(relevant articles)", 0))
    total = sum(acc.values())
    print(f"{len(docs)} articles ({n_relevant} on topic), --off-topic {off_topic_mode()}: {total:.1f} CPU s on one "
          f"core = {1000 * total / len(docs):.2f} ms/article ({len(docs) / total:.0f} articles/s/core)")
    for k, v in sorted(acc.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<24} {v:7.2f} s  {1000 * v / len(docs):6.3f} ms/article  {100 * v / total:5.1f} %")
    if args.no_tree:
        return
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("pip install pyinstrument for the call tree") from None
    prof = Profiler(interval=0.0005)
    prof.start()
    for raw in docs:
        process_document(raw, base)
    prof.stop()
    print(prof.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        args.html.write_text(prof.output_html(), encoding="utf-8")


if __name__ == "__main__":
    main()
