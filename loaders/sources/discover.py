"""Inputs -> decoded RawDocuments (placeholder until implemented)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from syriakg.loaders.model import LoadError, RawDocument


def iter_documents(paths: Iterable[str], encoding: str | None = None) -> Iterator[RawDocument | LoadError]:
    """Every article in the given files, folders or globs; a LoadError (never an exception) per bad file."""
    raise NotImplementedError
