"""Byte-identity check of the per-article stage (`process_document`) before/after a speed-up.

    python benchmarks/ingest/identity.py build /tmp/id-base          # outputs of the current tree
    python benchmarks/ingest/identity.py check /tmp/id-base          # same inputs again, compare byte for byte

Inputs: the dev corpus (`shared/corpus/dev`), the seed articles (`data/articles`) and the first
`--scale N` (default 3,000) articles of the scale corpus, each in both `--off-topic` modes
(`entities`, `text`).  For every document it records everything `process_document` returns
(article graph, commit marker, shared-graph lines, sentence and fact counts, warnings, or the
LoadError) in `<dir>/<mode>.out.gz`, one block per document; `check` rebuilds the blocks and reports
the documents whose block differs (with a short line diff) - a speed-up must leave every block identical.
CPU seconds per mode are printed too (one core, `time.process_time`).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, iter_raw, scale_corpus, shared_dir  # noqa: E402

MODES = ("entities", "text")
BASE = "https://w3id.org/syriakg/resource/"


def inputs(n_scale: int) -> Iterator:
    """RawDocuments (and LoadErrors) of dev corpus, seeds and the first `n_scale` scale articles, in a fixed order."""
    from syriakg.loaders.sources.discover import iter_documents

    dev = shared_dir() / "corpus" / "dev"
    if dev.is_dir():
        yield from iter_documents([str(dev)])
    yield from iter_documents([str(REPO / "data" / "articles")])
    if n_scale:
        yield from iter_raw(scale_corpus(), n_scale)


def block(item) -> bytes:
    """Everything process_document returned for one document, as bytes (LoadErrors included)."""
    from syriakg.loaders.model import LoadError
    from syriakg.loaders.process import process_document

    if isinstance(item, LoadError):
        return f"## input error {item}\n".encode()
    p = process_document(item, BASE)
    if isinstance(p, LoadError):
        return f"## {item.doc_id} error {p}\n".encode()
    head = (f"## {p.doc_id} {p.source_file} sha={p.sha256} sentences={p.sentences} "
            f"facts={sorted(p.facts.items())} warnings={p.warnings!r}\n").encode()
    return b"".join([head, p.article_nq, b"#marker\n", p.marker_nq, b"#shared\n", *p.shared_nq])


def run_mode(mode: str, docs: list) -> tuple[list[tuple[str, bytes]], float]:
    os.environ["SYRIAKG_OFF_TOPIC"] = mode
    out: list[tuple[str, bytes]] = []
    t = time.process_time()
    for item in docs:
        out.append((getattr(item, "doc_id", "?"), block(item)))
    return out, time.process_time() - t


def split_blocks(data: bytes) -> list[bytes]:
    """The per-document blocks of an output (N-Quads escape newlines, so a line starting `## ` is a header)."""
    parts = data.split(b"\n## ")
    return [parts[0]] + [b"## " + p for p in parts[1:]] if data else []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("build", "check"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--scale", type=int, default=3000, help="how many scale articles (default 3000)")
    ap.add_argument("--modes", default=",".join(MODES))
    args = ap.parse_args()
    docs = list(inputs(args.scale))
    from syriakg.loaders.model import LoadError
    from syriakg.loaders.process import process_document

    warm = next(d for d in docs if not isinstance(d, LoadError))
    process_document(warm, BASE)  # gazetteer, catalogues, compiled patterns
    args.dir.mkdir(parents=True, exist_ok=True)
    failed = False
    for mode in args.modes.split(","):
        blocks, cpu = run_mode(mode, docs)
        data = b"".join(b for _, b in blocks)
        digest = hashlib.sha256(data).hexdigest()
        print(f"{mode:<9} {len(docs)} documents, {len(data):,} bytes, sha256 {digest[:16]}, "
              f"CPU {cpu:.1f} s = {1000 * cpu / len(docs):.2f} ms/document")
        path = args.dir / f"{mode}.out.gz"
        if args.action == "build":
            with gzip.open(path, "wb", compresslevel=1) as fh:
                fh.write(data)
            continue
        with gzip.open(path, "rb") as fh:
            ref = fh.read()
        if ref == data:
            print(f"  {mode}: IDENTICAL to {path}")
            continue
        failed = True
        ref_blocks = split_blocks(ref)
        new_blocks = split_blocks(data)
        bad = [i for i in range(max(len(ref_blocks), len(new_blocks)))
               if i >= len(ref_blocks) or i >= len(new_blocks) or ref_blocks[i] != new_blocks[i]]
        print(f"  {mode}: DIFFERS in {len(bad)} of {len(new_blocks)} documents")
        for i in bad[:5]:
            a = ref_blocks[i].decode(errors="replace").splitlines() if i < len(ref_blocks) else []
            b = new_blocks[i].decode(errors="replace").splitlines() if i < len(new_blocks) else []
            print(f"  --- document #{i} ({blocks[i][0] if i < len(blocks) else '?'})")
            for line in list(difflib.unified_diff(a, b, "baseline", "now", n=0, lineterm=""))[:12]:
                print("    " + line[:300])
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
