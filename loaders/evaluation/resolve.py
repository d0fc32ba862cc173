"""Does a graph node stand for a gold key?

* A key with a QID in the table matches a node with `owl:sameAs wd:<QID>`
  (only that: an entity found but left unlinked is not the linked entity the
  gold asks for).  Positions are the exception: a position node matches by
  QID *or* by label, because the contract only asks for the office's QID
  "where confirmed".
* A key without a QID matches a node one of whose labels (rdfs:label or
  schema:name, any language) equals the key's English label or one of its
  Vietnamese surface forms (case-folded, NFC, no-break spaces as spaces;
  `...` in a form is a gap), or a node whose IRI ends in `/<key>`.
* Agreements (descriptive labels) may also match when a surface form occurs
  inside a label; an agreement node that resolves to no catalogue key at all
  is accepted as "identity not verified" (see `agreement_identity`).
"""

from __future__ import annotations

from syriakg.loaders.evaluation.gazetteer import Gazetteer
from syriakg.loaders.evaluation.graph import Node


def _iri_key(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def matches(self, node: Node, key: str | None, position: bool = False) -> bool:
        if not key:
            return False
        info = self.gaz.get(key)
        if info is not None and info.qid:
            if info.qid in node.qids:
                return True
            if not position:
                return False
        if _iri_key(node.iri) == key:
            return True
        return any(key in self.gaz.keys_for_label(lab) for lab in node.labels)

    def matches_any(self, node: Node, keys: list[str] | set[str], position: bool = False) -> bool:
        return any(self.matches(node, k, position) for k in keys)

    def keys_of(self, node: Node) -> set[str]:
        """Every key the node matches (by QID, IRI or label)."""
        keys: set[str] = set()
        for q in node.qids:
            keys |= self.gaz.keys_for_qid(q)
        for lab in node.labels:
            keys |= {k for k in self.gaz.keys_for_label(lab) if not (self.gaz.infos[k].qid and self.gaz.infos[k].qid
                                                                     not in node.qids)}
        k = _iri_key(node.iri)
        if k in self.gaz.infos and not self.gaz.infos[k].qid:
            keys.add(k)
        return keys

    def agreement_identity(self, node: Node, key: str) -> str:
        """'yes' (the node is that agreement), 'unverified' (it is no known agreement), or 'no'."""
        agreement_keys = {k for k, i in self.gaz.infos.items() if i.kind == "agreement"}
        if self.matches(node, key, position=True):
            return "yes"
        loose: set[str] = set()
        for lab in node.labels:
            loose |= self.gaz.keys_containing_in_label(lab)
        strict = self.keys_of(node)
        known = (strict | loose) & agreement_keys
        if key in known:
            return "yes"
        return "no" if known else "unverified"
