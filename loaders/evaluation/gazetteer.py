"""Gold keys -> what identifies them in a graph (QID, labels, surface forms).

Keys come from `entities.tsv` (`key kind qid label_en vi_surface_forms
qid_evidence`); a gold file may add keys of its own per article under
`new_entities` (`{"key": {"kind": ..., "label_en": ..., "vi_surface_forms": [...]}}`)
for names the table does not have.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from syriakg.loaders.evaluation.text import form_pattern, label_norm

_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(slots=True)
class KeyInfo:
    key: str
    kind: str = ""
    qid: str = ""
    label_en: str = ""
    forms: list[str] = field(default_factory=list)

    def norm_forms(self) -> set[str]:
        out = {label_norm(f) for f in self.forms if f and form_pattern(f) is None}
        if self.label_en:
            out.add(label_norm(self.label_en))
        return out

    def patterns(self) -> list[re.Pattern[str]]:
        return [p for p in (form_pattern(f) for f in self.forms) if p is not None]


class Gazetteer:
    """The key table, with lookups from labels and QIDs back to keys."""

    def __init__(self, infos: dict[str, KeyInfo] | None = None) -> None:
        self.infos: dict[str, KeyInfo] = dict(infos or {})
        self._reindex()

    def _reindex(self) -> None:
        self._by_form: dict[str, set[str]] = {}
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        self._by_qid: dict[str, set[str]] = {}
        for k, info in self.infos.items():
            for f in info.norm_forms():
                self._by_form.setdefault(f, set()).add(k)
            self._patterns.extend((p, k) for p in info.patterns())
            if info.qid:
                self._by_qid.setdefault(info.qid, set()).add(k)

    @classmethod
    def from_tsv(cls, *paths: str | Path) -> Gazetteer:
        infos: dict[str, KeyInfo] = {}
        for path in paths:
            with open(path, encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    key = (row.get("key") or "").strip()
                    if not key:
                        continue
                    qid = (row.get("qid") or "").strip()
                    infos[key] = KeyInfo(
                        key=key,
                        kind=(row.get("kind") or "").strip(),
                        qid=qid if _QID.match(qid) else "",
                        label_en=(row.get("label_en") or "").strip(),
                        forms=[f.strip() for f in (row.get("vi_surface_forms") or "").split("|") if f.strip()],
                    )
        return cls(infos)

    def with_extra(self, extra: dict[str, dict] | None) -> Gazetteer:
        """A copy with per-article keys added (gold `new_entities`)."""
        if not extra:
            return self
        infos = dict(self.infos)
        for key, spec in extra.items():
            forms = spec.get("vi_surface_forms") or []
            if isinstance(forms, str):
                forms = forms.split("|")
            qid = spec.get("qid") or ""
            infos[key] = KeyInfo(key=key, kind=spec.get("kind", ""), qid=qid if _QID.match(qid) else "",
                                 label_en=spec.get("label_en", ""), forms=list(forms))
        return Gazetteer(infos)

    def get(self, key: str) -> KeyInfo | None:
        return self.infos.get(key)

    def keys_for_label(self, label: str) -> set[str]:
        n = label_norm(label)
        keys = set(self._by_form.get(n, ()))
        keys.update(k for p, k in self._patterns if p.fullmatch(n))
        return keys

    def keys_containing_in_label(self, label: str) -> set[str]:
        """Keys one of whose forms occurs inside the label (a looser test, for descriptive agreement labels)."""
        n = label_norm(label)
        keys = {k for f, ks in self._by_form.items() if len(f) >= 6 and f in n for k in ks}
        keys.update(k for p, k in self._patterns if p.search(n))
        return keys

    def keys_for_qid(self, qid: str) -> set[str]:
        return set(self._by_qid.get(qid, ()))

    def known_qids(self) -> set[str]:
        return set(self._by_qid)
