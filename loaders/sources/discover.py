"""Inputs -> decoded RawDocuments: files, folders (recursive) and globs, in a stable order.

`iter_documents` never raises for a bad input: every problem (a missing
path, an unsupported file given by name, an undecodable, empty, binary or
over-large file, a broken JSONL line, an id used twice) is yielded as a
`LoadError` naming the file, and iteration goes on.

Order is deterministic: the inputs in the order given; inside a folder, files
sorted by their path relative to the folder; a glob's matches sorted.  A file
reached twice (a folder and a glob naming the same file) is read once.

Formats by extension: `.txt`, `.html`/`.htm`, `.jsonl`, `.jsonl.gz` (see the
modules of the same names).  Inside folders, hidden files and files of other
types (e.g. a `sources.tsv` next to the articles) are skipped silently; named
explicitly, an unsupported file is a `LoadError`.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.sources.html import read_html
from syriakg.loaders.sources.jsonl import iter_jsonl
from syriakg.loaders.sources.txt import read_txt

__all__ = ["SUPPORTED_SUFFIXES", "expand_paths", "iter_documents", "read_file"]

SUPPORTED_SUFFIXES = (".jsonl.gz", ".jsonl", ".html", ".htm", ".txt")
_GLOB_CHARS = set("*?[")


def _format_of(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in SUPPORTED_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def _walk(folder: Path) -> list[Path]:
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.startswith("."):
                continue
            p = Path(root) / f
            if _format_of(p) is not None:
                found.append((p.relative_to(folder).as_posix(), p))
    return [p for _, p in sorted(found)]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | LoadError]:
    """The input files named by `paths` (files, folders, globs), in order, each once."""
    seen: set[str] = set()

    def once(p: Path) -> bool:
        key = os.path.realpath(p)
        if key in seen:
            return False
        seen.add(key)
        return True

    for item in paths:
        raw = os.fspath(item)
        p = Path(raw).expanduser()
        if p.is_dir():
            files = _walk(p)
            if not files:
                yield LoadError(raw, "folder holds no .txt, .html, .jsonl or .jsonl.gz files")
            for f in files:
                if once(f):
                    yield f
        elif p.is_file():
            if _format_of(p) is None:
                yield LoadError(p.name, f"unsupported file type (expected one of {', '.join(SUPPORTED_SUFFIXES)})")
            elif once(p):
                yield p
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(os.path.expanduser(raw), recursive=True))
            files = []
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    files.extend(_walk(mp))
                elif mp.is_file() and _format_of(mp) is not None:
                    files.append(mp)
            if not files:
                yield LoadError(raw, "pattern matched no .txt, .html, .jsonl or .jsonl.gz files")
            for f in files:
                if once(f):
                    yield f
        else:
            yield LoadError(raw, "no such file or folder")


def read_file(path: Path, encoding: str | None = None, max_bytes: int | None = None
              ) -> Iterator[RawDocument | LoadError]:
    """The documents of one file (one for .txt/.html, one per line for JSONL)."""
    fmt = _format_of(path)
    if fmt in (".jsonl", ".jsonl.gz"):
        yield from iter_jsonl(path, encoding, max_bytes)
        return
    reader: Callable[[Path, str | None, int | None], RawDocument]
    reader = read_html if fmt in (".html", ".htm") else read_txt
    try:
        yield reader(path, encoding, max_bytes)
    except LoadError as err:
        yield err
    except Exception as err:  # noqa: BLE001 - one bad file never stops the iteration
        yield LoadError(path.name, f"cannot read: {type(err).__name__}: {err}")


def iter_documents(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
                   encoding: str | None = None, *, max_bytes: int | None = None
                   ) -> Iterator[RawDocument | LoadError]:
    """Every article in the given files, folders or globs; a LoadError (never an exception) per bad file.

    `encoding` forces a decoding for files without a byte-order mark (for
    JSONL: of every line).  `max_bytes` caps one article (a file, or a JSONL
    line); default 20 MB or `SYRIAKG_MAX_ARTICLE_BYTES`.  Two documents with
    the same `doc_id` (say `a.txt` and `a.html`) would share an IRI: the
    second is reported and skipped.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    ids: dict[str, str] = {}
    for item in expand_paths(paths):
        if isinstance(item, LoadError):
            yield item
            continue
        for doc in read_file(item, encoding, max_bytes):
            if isinstance(doc, RawDocument):
                first = ids.get(doc.doc_id)
                if first is not None:
                    yield LoadError(doc.source_file, f"article id {doc.doc_id!r} already used by {first}; skipped")
                    continue
                ids[doc.doc_id] = doc.source_file
            yield doc
