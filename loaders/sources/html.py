"""HTML news pages: title, main text and metadata through trafilatura (Apache-2.0).

Boilerplate removal (menus, share bars, related links, comments, footers) is
trafilatura's job; we never strip tags by hand.  What we store as the
article's text (`nif:isString`) is trafilatura's plain-text extraction,
prefixed by the title line when the extraction does not already start with
it: all offsets refer to that text, not to the markup.  `raw_sha256` is the
hash of the page's bytes.

Dates: only metadata the page declares (`article:published_time`,
JSON-LD `datePublished`, `<time>`...) are used (htmldate without its
extensive text search); the date is never guessed from the body here.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.sources.decode import decode_bytes
from syriakg.loaders.sources.ids import file_stem, sha256_hex, slug
from syriakg.loaders.sources.limits import max_article_bytes
from syriakg.loaders.sources.txt import read_bytes_limited

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def extract_html(markup: str, source: str) -> dict[str, str | None]:
    """Run trafilatura on one page: {'title', 'text', 'date', 'sitename', 'author', 'url'}."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # noqa: BLE001 - a broken page is one LoadError, never a crash
        raise LoadError(source, f"HTML extraction failed: {type(err).__name__}: {err}") from None
    if doc is None:
        raise LoadError(source, "no article text found in the HTML page")
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    out: dict[str, str | None] = {}
    for key in ("title", "text", "date", "sitename", "author", "url"):
        val = get(key)
        out[key] = val.strip() if isinstance(val, str) and val.strip() else None
    if out["date"] and not _ISO_DATE.match(out["date"]):
        out["date"] = None
    return out


def compose_text(title: str | None, body: str) -> str:
    """The stored text: the title line, a blank line, then the extracted body (unless it starts with the title)."""
    if not title:
        return body
    first = body.split("\n", 1)[0].strip()
    if first == title.strip():
        return body
    return f"{title}\n\n{body}"


def read_html(path: Path, encoding: str | None = None, max_bytes: int | None = None) -> RawDocument:
    data = read_bytes_limited(path, max_article_bytes(max_bytes))
    markup, used = decode_bytes(data, path.name, encoding, html=True)
    meta = extract_html(markup, path.name)
    body = meta["text"] or ""
    if not body.strip():
        raise LoadError(path.name, "no article text found in the HTML page")
    return RawDocument(
        source_file=path.name,
        doc_id=slug(file_stem(path.name)),
        text=compose_text(meta["title"], body),
        format="html",
        encoding=used,
        source_path=str(path),
        title=meta["title"],
        date=meta["date"],
        url=meta["url"],
        outlet=meta["sitename"],
        author=meta["author"],
        raw_sha256=sha256_hex(data),
    )
