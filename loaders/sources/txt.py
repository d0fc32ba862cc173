"""Plain-text articles: title on the first line, then the page text (like the seeds and the dev corpus)."""

from __future__ import annotations

from pathlib import Path

from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.sources.decode import decode_bytes
from syriakg.loaders.sources.ids import file_stem, sha256_hex, slug
from syriakg.loaders.sources.limits import human, max_article_bytes


def read_bytes_limited(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing (LoadError) anything above `limit` without reading it."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise LoadError(path.name, f"cannot read: {err.strerror or err}") from None
    if size > limit:
        raise LoadError(path.name, f"too large: {human(size)} is above the per-article limit of "
                                   f"{human(limit)} (set SYRIAKG_MAX_ARTICLE_BYTES to raise it)")
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as err:
        raise LoadError(path.name, f"cannot read: {err.strerror or err}") from None
    if len(data) > limit:  # grew while we looked
        raise LoadError(path.name, f"too large: above the per-article limit of {human(limit)}")
    return data


def read_txt(path: Path, encoding: str | None = None, max_bytes: int | None = None) -> RawDocument:
    """One `.txt` article. The text is kept exactly as decoded; the headline is found later
    (`syriakg.loaders.text.furniture`), since a page header line may precede it."""
    data = read_bytes_limited(path, max_article_bytes(max_bytes))
    text, used = decode_bytes(data, path.name, encoding)
    return RawDocument(
        source_file=path.name,
        doc_id=slug(file_stem(path.name)),
        text=text,
        format="txt",
        encoding=used,
        source_path=str(path),
        raw_sha256=sha256_hex(data),
    )
