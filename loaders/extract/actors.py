"""Extraction component: actors (placeholder until implemented)."""

from __future__ import annotations

from syriakg.loaders.extract.base import Doc


def component(doc: Doc) -> None:
    """Add actors facts to `doc.ex`."""
    return None
