"""Inputs -> decoded `RawDocument`s.

* `discover.iter_documents(paths, encoding=None, *, max_bytes=None)`: files,
  folders (recursive, sorted) and globs; a `LoadError` per bad input, never an
  exception.
* `decode`: bytes -> text (BOMs, UTF-16 without BOM, Windows-1258, clear errors
  for empty, binary and damaged files).
* `txt`, `html` (trafilatura), `jsonl` (`.jsonl`, `.jsonl.gz`, streamed): one
  reader per format.
* `ids`: stable ASCII document ids; `limits`: the per-article size cap.
"""
