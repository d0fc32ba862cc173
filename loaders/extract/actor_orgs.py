"""Actors rule 6: organisations (country institutions, `Full Name (ACR)`, title-case names after a head)."""

from __future__ import annotations

import re

from syriakg.loaders.extract.actor_core import ReaderCore
from syriakg.loaders.extract.actor_vocab import (
    _ACR_DEF_MAX,
    _INSTITUTION_PHRASES,
    COMPOUNDS,
    INSTITUTION_QUALIFIERS,
    INSTITUTIONS,
    LEGAL_FORMS,
    NAME_STOP_LOWER,
    NOT_NAME_START,
    ORG_HEADS,
    OUTLET_HEADS,
    THIS_COUNTRY,
    VIET_ONLY,
    _kt,
)
from syriakg.loaders.extract.coref import Seen
from syriakg.loaders.extract.names import (
    NAME_PARTICLES,
    VIET_SURNAMES,
    has_digit,
    is_acronym,
    is_cap,
    is_viet_syllable,
)
from syriakg.loaders.extract.transliteration import starts_phonetic

_COALITION_QUALIFIERS = frozenset({"do", "quốc", "chống", "của", "đa", "các", "giữa", "gồm", "với"})
_FALLBACK_COALITION = "us_led_coalition"
_ANTI_IS = _kt("chống khủng bố", "chống IS", "chống Nhà nước Hồi giáo", "quốc tế chống khủng bố", "quốc tế chống IS",
               "chống tổ chức Nhà nước Hồi giáo", "quốc tế chống Nhà nước Hồi giáo")
_LED_BY_US = _kt("do Mỹ dẫn đầu", "do Mỹ đứng đầu", "do Mỹ chỉ huy", "do Hoa Kỳ dẫn đầu", "do Hoa Kỳ đứng đầu")
_ABOUT_IS_RE = re.compile(r"(?<!\w)(?:IS|ISIS|ISIL|IS/ISIL|Nhà nước Hồi giáo)(?!\w)")


class OrgRules(ReaderCore):
    """Institutions, acronym definitions, organisation names."""

    def _institution(self, j: int) -> tuple[str, int, int] | None:
        """`Bộ Quốc phòng Israel` -> israel_mod (a gazetteer form wins when it matches)."""
        L = self._key_at(j, _INSTITUTION_PHRASES, 4)
        if not L:
            return None
        g = self.gaz.match(self.toks, j, kinds={"organization"})
        if g is not None and g.key is not None:
            self._entity(g.key, "", "")
            return g.key, j, j + len(g.toks)
        if not (self._cap(j) or self._cap(j + 1)):
            return None
        suffix, tmpl = INSTITUTIONS[tuple(t.key for t in self.toks[j:j + L])]
        q = self._key_at(j + L, INSTITUTION_QUALIFIERS, 5) if suffix == "general_staff" else 0
        c = self._country_after(j + L + q)
        if c is None:
            return None
        ckey, ce = c
        key = f"{ckey}_{suffix}"
        self.org_country[key] = ckey
        country = self.ex.entities[ckey]
        label_vi = f"{self._text(j, j + L)} {country.label_vi}"
        self._entity(key, "organization", label_vi, tmpl.format(c=country.label_en or country.label_vi))
        return key, j, ce

    def _bare_coalition(self, i: int) -> int | None:
        """A bare "liên quân" (no qualifier after it) is the coalition named before in the article, else,
        in an article about the war on IS, the US-led coalition of the gazetteer."""
        toks = self.toks
        if i + 1 >= len(toks) or toks[i].key != "liên" or toks[i + 1].key != "quân":
            return None
        j = i + 2
        anti = self._key_at(j, _ANTI_IS, 6)
        if anti and _FALLBACK_COALITION in self.gaz.entities:
            # "liên quân (quốc tế) chống khủng bố / chống IS (do Mỹ dẫn đầu)": the US-led coalition
            e = j + anti
            led = self._key_at(e, _LED_BY_US, 4)
            self._entity(_FALLBACK_COALITION, "", "")
            self._emit(i, e + led, _FALLBACK_COALITION, "name")
            return e + led
        if j < len(toks) and toks[j].word and (self._cap(j) or toks[j].key in _COALITION_QUALIFIERS):
            return None  # "liên quân Ả Rập", "liên quân do Mỹ dẫn đầu": named by what follows
        if self.gaz.match(toks, i) is not None:
            return None
        key = None
        for x in reversed(self.dis.seen):
            if x.kind == "organization" and (("coalition" in x.key) or self.ex.entities.get(x.key) is not None
                                             and self.ex.entities[x.key].label_vi.casefold().startswith("liên quân")):
                key = x.key
                break
        if key is None and _FALLBACK_COALITION in self.gaz.entities and _ABOUT_IS_RE.search(self.ex.article.text):
            key = _FALLBACK_COALITION
            self._entity(key, "", "")
        if key is None:
            return None
        self._emit(i, i + 2, key, "anaphor")
        return i + 2

    def _country_after(self, j: int) -> tuple[str, int] | None:
        if j >= len(self.toks):
            return None
        L = self._key_at(j, THIS_COUNTRY, 3)
        if L:
            c = self.dis.last({"country"}, self._order(j))
            return (c, j + L) if c else None
        s = self.gaz.match(self.toks, j, kinds={"country"})
        if s is None or s.key is None:
            return None
        self._entity(s.key, "", "")
        return s.key, j + len(s.toks)

    def _skip_paren_acronym(self, j: int, key: str) -> int:
        """After a name: `(ACR)` defines ACR for `key`; emit it and return the index after `)`."""
        toks = self.toks
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].word and is_acronym(toks[j + 1].text) \
                and toks[j + 2].text in (")", "-", "–", ","):
            acr = toks[j + 1].text
            g = self.gaz.match(toks, j + 1)
            if g is not None and g.key is not None and g.key != key and g.key in self.gaz.entities:
                return j  # the acronym names something else in the gazetteer: not a definition
            self.acronyms.setdefault(acr, key)
            self._emit(j + 1, j + 2, key, "acronym", track=False)
            return j + 3 if toks[j + 2].text == ")" else j + 2
        return j


    # ------------------------------------------------------------- 6. organisations
    def _org(self, i: int) -> int | None:
        toks = self.toks
        inst = self._institution(i)
        if inst is not None:
            key, tb, te = inst
            self._emit(tb, te, key, "name")
            self._note_org_country(key, tb)
            return self._skip_paren_acronym(te, key)
        out = self._outlet(i)
        if out is not None:
            return out
        co = self._bare_coalition(i)
        if co is not None:
            return co
        L = self._key_at(i, ORG_HEADS, 3)
        if not L:
            return None
        if self.gaz.match(toks, i) is not None:
            return None
        # "Full name (ACR)": the head starts the name, whatever the case of the words
        k = i + L
        while k < len(toks) and k - i < _ACR_DEF_MAX and (toks[k].word or (toks[k].text == "-" and not toks[k].space)):
            k += 1
        if k + 2 < len(toks) and k > i + L and toks[k].text == "(" and toks[k + 1].word and \
                is_acronym(toks[k + 1].text) and toks[k + 2].text in (")", "-", "–", ","):
            acr = toks[k + 1].text
            g = self.gaz.match(toks, k + 1)
            start = i
            for m in range(k - 1, i, -1):  # "lực lượng người Kurd thuộc Lực lượng Dân chủ Syria (SDF)"
                if self._cap(m) and self._key_at(m, ORG_HEADS, 3):
                    start = m
                    break
            if toks[start].key == "các":
                start += 1
            name = self._text(start, k)
            if g is not None and g.key is not None and g.key in self.gaz.entities:
                key = g.key
            elif acr in self.acronyms:
                key = self.acronyms[acr]
            else:
                key = self._new_key(acr, "organization")
                self._entity(key, "organization", name)
            self._entity(key, "organization", name)
            self._emit(start, k, key, "name")
            return self._skip_paren_acronym(k, key)
        # title-case name after a capitalised head: "Viện Nghiên cứu Chiến tranh"
        if not self._cap(i) or not self._cap(i + L):
            return None
        g = self.gaz.match(toks, i + L, kinds={"organization"}) if starts_phonetic(toks, i + L) else None
        if g is not None and g.key is not None:  # a known name spelt phonetically: "Mặt trận An Nu-xra"
            self._entity(g.key, "organization", "")
            self._emit(i, i + L + len(g.toks), g.key, "name")
            return self._skip_paren_acronym(i + L + len(g.toks), g.key)
        e = self._titlecase_end(i + L)
        if e <= i + L:
            return None
        start = i + 1 if toks[i].key == "các" else i
        if tuple(t.key for t in toks[start:e]) in INSTITUTIONS:
            return e  # "Bộ Ngoại giao" without a country: a common noun here
        name = self._text(start, e)
        key = self._new_key(name, "organization")
        self._entity(key, "organization", name)
        self._emit(start, e, key, "name")
        return self._skip_paren_acronym(e, key)

    def _outlet(self, i: int) -> int | None:
        """`Hãng Sputnik`, `Kênh RT`, `Tờ Washington Post`, `Hãng Boeing`: a capitalised generic head
        (outlet, firm, group) before a foreign name is not part of the name: the entity is the name's."""
        L = self._key_at(i, OUTLET_HEADS, 4)
        toks = self.toks
        if not L or not self._cap(i) or not self._cap(i + L):
            return None
        j = i + L
        g = self.gaz.match(toks, j)
        if g is not None:
            if g.key is None or self.gaz.kind_of_surface(g) != "organization":
                return None
            self._entity(g.key, "organization", "")
            e = j + len(g.toks)
            self._emit(j, e, g.key, g.how if g.how != "metonym" else "name")
            self._note_org_country(g.key, j)
            return self._skip_paren_acronym(e, g.key)
        if toks[j].key in NOT_NAME_START or toks[j].key in LEGAL_FORMS or is_viet_syllable(toks[j].text) or \
                self.gaz.match(toks, i) is not None:
            return None  # "Đài Loan", "Báo Bà Rịa-Vũng Tàu": Vietnamese words make one name with the head
        e = self._name_end(j, max_words=5)
        if e <= j or self._all_viet(j, e) or any(has_digit(t.text) for t in toks[j:e]) or \
                any(c in VIET_ONLY for c in self._text(j, e).lower()):
            return None
        name = self._text(j, e)
        key = self.acronyms.get(name) or self._new_key(name, "organization")
        self._entity(key, "organization", name)
        self._emit(j, e, key, "acronym" if is_acronym(name) else "name")
        return self._skip_paren_acronym(e, key)

    def _titlecase_end(self, j: int) -> int:
        """End of a title-case Vietnamese name (`Giám sát Nhân quyền Syria`) starting at j."""
        toks, n = self.toks, len(self.toks)
        k = j
        last_cap = j
        while k < n:
            t = toks[k]
            if t.word and is_cap(t.text) and not has_digit(t.text):
                if k > j and t.key in VIET_SURNAMES and self._cap(k + 1) and self._cap(k + 2) and \
                        self._all_viet(k, k + 3):
                    break  # a person's name follows: "Bộ Công Thương Trần Tuấn Anh"
                k += 1
                last_cap = k
                continue
            if t.text == "-" and not t.space and k + 1 < n and toks[k + 1].word:
                k += 1
                continue
            if t.word and t.key in NAME_PARTICLES and k > j and k + 2 < n and toks[k + 1].text == "-" and \
                    not toks[k + 1].space and is_cap(toks[k + 2].text):
                k += 3  # "Fateh al-Sham"
                last_cap = k
                continue
            if t.word and not is_cap(t.text) and k > j:
                # lower-case syllables continue a word only if a capitalised word follows soon
                m = k
                while m < n and m - k < 2 and toks[m].word and not is_cap(toks[m].text):
                    m += 1
                if m < n and toks[m].word and is_cap(toks[m].text) and toks[m].space and \
                        self.offs.match(toks, m) is None and toks[m].key not in NOT_NAME_START:
                    k = m
                    continue
                # one trailing syllable of the last word ("Chiến tranh", "Bộ Công an", "Ban Quản lý")
                if (toks[k - 1].key, t.key) in COMPOUNDS or (
                        (k - 2 < j or not is_cap(toks[k - 2].text)) and
                        is_viet_syllable(toks[k - 1].text) and t.key not in NAME_STOP_LOWER and
                        self.gaz.match(toks, k - 1) is None and is_viet_syllable(t.text)):
                    return k + 1
                break
            break
        return last_cap

    def _note_org_country(self, key: str, tb: int) -> None:
        """A country's institution was named: its country counts as mentioned for "nước này"."""
        c = self.gaz.country_of_org.get(key) or self.org_country.get(key)
        if c is not None and self.ex.entities.get(c) is None:
            self._entity(c, "", "")
        if c is not None:
            self.dis.seen.append(Seen((self.s.index, self.toks[tb].begin), c, "country", "implicit"))

