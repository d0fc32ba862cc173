"""Shared helpers of the ingest benchmarks: where the scale corpus is, and slices of it."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(os.environ.get("SYRIAKG_SHARED", REPO.parent / "shared"))


def scale_corpus() -> Path:
    """The 35,386-article JSONL corpus (`SYRIAKG_SCALE_CORPUS` overrides)."""
    env = os.environ.get("SYRIAKG_SCALE_CORPUS")
    p = Path(env) if env else shared_dir() / "corpus" / "scale" / "articles.jsonl.gz"
    if not p.is_file():
        raise SystemExit(f"scale corpus not found at {p} (set SYRIAKG_SHARED or SYRIAKG_SCALE_CORPUS)")
    return p


def count_lines(path: Path) -> int:
    with gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb") as fh:
        return sum(1 for _ in fh)


def head(path: Path, n: int, out: Path) -> Path:
    """The first `n` lines of a JSONL(.gz) file, written (gzip, fast level) to `out`; streamed."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "rb") as src, gzip.open(out, "wb", compresslevel=1) as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def iter_raw(path: Path, n: int | None = None) -> Iterator:
    """RawDocuments (errors skipped) of the first `n` records, through the product's own reader."""
    from syriakg.loaders.model import LoadError
    from syriakg.loaders.sources.discover import iter_documents

    k = 0
    for item in iter_documents([str(path)]):
        if isinstance(item, LoadError):
            continue
        yield item
        k += 1
        if n is not None and k >= n:
            return
