"""One JSONL line -> RawDocument, exactly as the loader's own reader makes it.

A distributed engine reads lines itself (and in parallel), so it cannot use
the streaming `iter_jsonl`; this gives the same `RawDocument` (same
`doc_id`, `source_file`, fields) for one line, so the article IRIs of a
Spark dump and of `syriakg load` are the same.  A test checks the two agree.
"""

from __future__ import annotations

import json

from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.sources import jsonl
from syriakg.loaders.sources.ids import file_stem, sha256_hex, slug
from syriakg.loaders.sources.limits import human, max_article_bytes


def parse_line(name: str, lineno: int, line: bytes, encoding: str | None = None,
               max_bytes: int | None = None) -> RawDocument | LoadError | None:
    """The record on line `lineno` (1-based) of the JSONL file called `name`; None for a blank line."""
    where = f"{name}:{lineno}"
    limit = max_article_bytes(max_bytes)
    if len(line) > limit:
        return LoadError(where, f"line longer than the per-article limit of {human(limit)}; skipped")
    if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    if not line.strip():
        return None
    codec = encoding or "utf-8"
    try:
        decoded = line.decode(codec)
    except UnicodeDecodeError as err:
        return LoadError(where, f"undecodable as {codec} at byte {err.start} ({err.reason})")
    try:
        rec = jsonl._record(json.loads(decoded), where)
    except json.JSONDecodeError as err:
        return LoadError(where, f"malformed JSON: {err.msg} at column {err.colno}")
    except LoadError as err:
        return err
    rid = rec["id"] or ""
    if not line.endswith(b"\n"):
        line = line + b"\n"  # the streaming reader hashes lines with their newline
    return RawDocument(
        source_file=f"{name}#{rid}",
        doc_id=f"{slug(file_stem(name))}-{slug(rid)}",
        text=rec["text"] or "",
        format="jsonl",
        encoding=codec,
        source_path=name,
        title=rec["title"],
        date=rec["date"],
        url=rec["url"],
        outlet=rec["outlet"],
        raw_sha256=sha256_hex(line),
    )
