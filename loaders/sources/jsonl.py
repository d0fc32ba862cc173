"""JSON Lines articles (`.jsonl`, `.jsonl.gz`): one article per line, streamed.

Each line is an object with `id`, `title`, `text` and optionally `date`,
`url`, `outlet` (the format of `corpus/scale/`).  The file is never held in
memory: lines are read one at a time (each capped at the per-article limit),
and only the ids seen so far are remembered, to report duplicates.

A bad line (broken JSON, missing `text`, a duplicate id, over-long) becomes a
`LoadError` whose source is `file:line`, and reading goes on with the next
line; a corrupt gzip stream stops the file with one error after the lines
already read.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.sources.ids import file_stem, sha256_hex, slug
from syriakg.loaders.sources.limits import human, max_article_bytes

_OPTIONAL = ("date", "url", "outlet")


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for every line; bytes is None for a line longer than `limit` (skipped)."""
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line without keeping it
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line


def _record(obj: object, where: str) -> dict[str, str | None]:
    if not isinstance(obj, dict):
        raise LoadError(where, f"expected a JSON object, got {type(obj).__name__}")
    rid = obj.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or not str(rid).strip():
        raise LoadError(where, "missing or empty 'id'")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LoadError(where, f"record {rid!r}: missing or empty 'text'")
    title = obj.get("title")
    rec: dict[str, str | None] = {
        "id": str(rid).strip(),
        "text": text,
        "title": title.strip() if isinstance(title, str) and title.strip() else None,
    }
    for key in _OPTIONAL:
        val = obj.get(key)
        rec[key] = val.strip() if isinstance(val, str) and val.strip() else None
    return rec


def iter_jsonl(path: Path, encoding: str | None = None, max_bytes: int | None = None
               ) -> Iterator[RawDocument | LoadError]:
    """Every record of one JSONL file as a RawDocument, a LoadError per bad line."""
    name = path.name
    stem = slug(file_stem(name))
    limit = max_article_bytes(max_bytes)
    codec = encoding or "utf-8"
    seen: dict[str, int] = {}
    good = 0
    lineno = 0
    try:
        with _open(path) as fh:
            for lineno, line in _lines(fh, limit):
                where = f"{name}:{lineno}"
                if line is None:
                    yield LoadError(where, f"line longer than the per-article limit of {human(limit)}; skipped")
                    continue
                if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                try:
                    decoded = line.decode(codec)
                except UnicodeDecodeError as err:
                    yield LoadError(where, f"undecodable as {codec} at byte {err.start} ({err.reason})")
                    continue
                except LookupError:
                    yield LoadError(name, f"unknown encoding {codec!r}")
                    return
                try:
                    rec = _record(json.loads(decoded), where)
                except json.JSONDecodeError as err:
                    yield LoadError(where, f"malformed JSON: {err.msg} at column {err.colno}")
                    continue
                except LoadError as err:
                    yield err
                    continue
                rid = rec["id"]
                assert rid is not None
                if rid in seen:
                    yield LoadError(where, f"duplicate id {rid!r} (first at line {seen[rid]}); skipped")
                    continue
                seen[rid] = lineno
                good += 1
                yield RawDocument(
                    source_file=f"{name}#{rid}",
                    doc_id=f"{stem}-{slug(rid)}",
                    text=rec["text"] or "",
                    format="jsonl",
                    encoding=codec,
                    source_path=str(path),
                    title=rec["title"],
                    date=rec["date"],
                    url=rec["url"],
                    outlet=rec["outlet"],
                    raw_sha256=sha256_hex(line),
                )
    except (OSError, EOFError, zlib.error) as err:
        yield LoadError(name, f"cannot read past line {lineno}: {type(err).__name__}: {err}")
        return
    if good == 0 and not seen:
        yield LoadError(name, "no articles in file")
