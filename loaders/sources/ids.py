"""Stable, ASCII document identities (the article IRI is made from them)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SLUG_BAD = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII slug: 'Thổ Nhĩ Kỳ' -> 'tho-nhi-ky', '000_d5097bc1' -> '000-d5097bc1' (đ -> d).

    The same rule as `syriakg.loaders.rdf.iris.slug`; a name with no ASCII
    letter or digit at all gets `doc-` and a short hash of the name, so two
    such names never collide on a constant.
    """
    t = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    s = _SLUG_BAD.sub("-", t).strip("-")
    if s:
        return s
    return "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def file_stem(name: str) -> str:
    """'a.jsonl.gz' -> 'a', 'x.txt' -> 'x' (only the extensions we read are removed)."""
    lower = name.lower()
    for ext in (".jsonl.gz", ".jsonl", ".html", ".htm", ".txt"):
        if lower.endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name.rsplit(".", 1)[0] if "." in name.strip(".") else name


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
