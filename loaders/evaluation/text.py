"""Normalisation used when comparing gold strings with the graph (never stored)."""

from __future__ import annotations

import re
import unicodedata

NBSP = "\u00a0"


def evidence_norm(text: str) -> str:
    """Gold evidence strings are compared after replacing no-break spaces by spaces (and NFC).

    Both replacements keep one code point per code point for NFC text, so
    offsets found in the normalised text are offsets into the original.
    """
    return unicodedata.normalize("NFC", text.replace(NBSP, " "))


def label_norm(text: str) -> str:
    """Labels and surface forms: NFC, case-folded, whitespace collapsed."""
    t = unicodedata.normalize("NFC", text.replace(NBSP, " ")).casefold()
    return " ".join(t.split())


def form_pattern(form: str) -> re.Pattern[str] | None:
    """A surface form with `...` gaps ("thỏa thuận ... sơ tán ... khỏi Aleppo") as a regex; None if no gap."""
    if "..." not in form and "…" not in form:
        return None
    parts = [re.escape(label_norm(p)) for p in re.split(r"\.\.\.|…", form)]
    return re.compile(".*?".join(p for p in parts))
