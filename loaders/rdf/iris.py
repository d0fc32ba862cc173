"""Stable instance IRIs.

The same article loaded twice, or in another order, yields the same IRIs:
articles are named from their source identity (`doc_id`), sentences and
mentions from their offsets, facts from a hash of what makes them that fact.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pyoxigraph import NamedNode

_SLUG_BAD = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII slug: 'Thổ Nhĩ Kỳ' -> 'tho-nhi-ky' (đ -> d)."""
    t = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return _SLUG_BAD.sub("-", t).strip("-") or "x"


def short_hash(*parts: object) -> str:
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:12]


class Iris:
    """IRI factory for one base."""

    def __init__(self, base: str) -> None:
        self.base = base

    def article(self, doc_id: str) -> NamedNode:
        return NamedNode(f"{self.base}article/{doc_id}")

    def article_graph(self, doc_id: str) -> NamedNode:
        return NamedNode(f"{self.base}graph/article/{doc_id}")

    def sentence(self, doc_id: str, begin: int, end: int, caption: bool = False) -> NamedNode:
        kind = "caption" if caption else "sentence"
        return NamedNode(f"{self.base}article/{doc_id}/{kind}/{begin}-{end}")

    def mention(self, doc_id: str, begin: int, end: int) -> NamedNode:
        return NamedNode(f"{self.base}article/{doc_id}/mention/{begin}-{end}")

    def fact(self, doc_id: str, kind: str, digest: str) -> NamedNode:
        return NamedNode(f"{self.base}article/{doc_id}/{kind}/{digest}")

    def entity(self, key: str) -> NamedNode:
        return NamedNode(f"{self.base}entity/{key}")

    def position(self, key: str) -> NamedNode:
        return NamedNode(f"{self.base}position/{key}")

    def agreement(self, key: str) -> NamedNode:
        return NamedNode(f"{self.base}agreement/{key}")

    def outlet(self, name: str) -> NamedNode:
        return NamedNode(f"{self.base}outlet/{slug(name)}")

    def graph(self, name: str) -> NamedNode:
        return NamedNode(f"{self.base}graph/{name}")

    def article_id_of_graph(self, graph: str) -> str | None:
        prefix = f"{self.base}graph/article/"
        return graph[len(prefix):] if graph.startswith(prefix) else None
