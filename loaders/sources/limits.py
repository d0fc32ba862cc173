"""Size limits for one article (a file, or one JSONL line)."""

from __future__ import annotations

import os

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MB: no news article comes close; larger is a mistake


def max_article_bytes(override: int | None = None) -> int:
    """The per-article byte limit: `override`, else `SYRIAKG_MAX_ARTICLE_BYTES`, else 20 MB."""
    if override is not None:
        return override
    env = os.environ.get("SYRIAKG_MAX_ARTICLE_BYTES")
    if env:
        try:
            return int(env)
        except ValueError:
            pass
    return DEFAULT_MAX_BYTES


def human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"
