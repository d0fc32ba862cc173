"""Actors rules 5 and 7: place classifiers (`tỉnh`, `thành phố`) and gazetteer forms (capitals as metonyms)."""

from __future__ import annotations

from syriakg.loaders.extract.actor_core import ReaderCore
from syriakg.loaders.extract.actor_vocab import (
    _ALL_PLACE_CLS,
    DIRECTIONS,
    EVENT_NOUNS,
    LOCATIVES,
    NOT_NAME_START,
    PENINSULA_CLS,
    PROVINCE_CLS,
    REGION_CLS,
    SETTLEMENT_CLS,
)
from syriakg.loaders.extract.gazetteer import PlaceName
from syriakg.loaders.extract.names import VIET_SURNAMES, is_cap, is_viet_syllable, norm, slug

# the buildings behind the seats of `metonyms.tsv` (by the body housed there): key and English name
SEAT_BUILDINGS: dict[str, tuple[str, str]] = {
    "us_presidency": ("white_house", "White House"),
    "russia_presidency": ("kremlin", "Moscow Kremlin"),
}


class PlaceRules(ReaderCore):
    """Place classifiers, provinces vs settlements, gazetteer matches."""

    # ------------------------------------------------------------- 5. place classifiers
    def _classifier(self, i: int) -> int | None:
        L, ptype = 0, ""
        for phrases, kind in ((PROVINCE_CLS, "province"), (SETTLEMENT_CLS, "settlement"), (REGION_CLS, "region")):
            L = self._key_at(i, phrases, 3)
            if L:
                ptype = kind
                break
        if not L:
            return None
        toks = self.toks
        j = i + L
        if self._key_at(i, PENINSULA_CLS, 2):
            g = self.gaz.match(toks, j, kinds={"country"})
            if g is not None and g.key is not None:
                # "bán đảo Triều Tiên" (a gazetteer form wins at the gazetteer rule): the peninsula, not the country
                if self.gaz.match(toks, i) is not None:
                    return None
                e = j + len(g.toks)
                name = self._text(i, e)
                key = self._new_key(name, "place")
                self._entity(key, "place", name)
                self._emit(i, e, key, "name")
                return e
        first = True
        end = None
        while j < len(toks):
            res = self._place_name(j, ptype)
            if res is None:
                break
            key, ne = res
            self._emit(i if first and not toks[i].key == "các" else j, ne, key, "name")
            end = ne
            first = False
            # list: ", X", "và X", "hoặc X"
            k = ne
            if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].key in ("và", "hoặc"):
                k += 1
            if k < len(toks) and toks[k].key in (",", "và", "hoặc") and ptype != "region":
                j = k + 1
                continue
            break
        return end

    def _place_name(self, j: int, ptype: str) -> tuple[str, int] | None:
        toks = self.toks
        if j >= len(toks):
            return None
        s = self.gaz.match(toks, j)
        if s is not None:
            if s.place is None:
                return None  # a country or organisation: not this classifier's name
            return self._place_key(s.place, ptype), j + len(s.toks)
        if not self._cap(j) and not (toks[j].key in ("al", "el") and self._tight_next(j)):
            return None
        if toks[j].key in DIRECTIONS or toks[j].key in NOT_NAME_START:
            return None
        e = self._name_end(j, max_words=4)
        if e <= j:
            return None
        if self.offs.match(toks, j) is not None:
            return None
        name = self._text(j, e)
        if ptype == "province":
            key = self._province_of(None, name)
        else:
            if self._all_viet(j, e) and (e - j == 1 or ptype == "region"):
                return None
            bare = tuple(t.key for t in toks[j:e] if t.word)
            if ptype == "region" and bare and bare[0] in self.named_province:
                key = self._province_of(None, name)
            else:
                key = self._new_key(name, "place")
                self._entity(key, "place", name)
        return key, e

    def _province_of(self, pn: PlaceName | None, name: str) -> str:
        """The province named `name`: the gazetteer's governorate, `<place>_governorate` beside a
        gazetteer place that has none, else `tinh-<slug>`."""
        if pn is not None and pn.province:
            key = pn.province
            self._entity(key, "place", "tỉnh " + name)
            return key
        base = (pn.settlement or pn.default) if pn is not None else None
        if base is not None and base in self.gaz.entities:
            key = f"{base}_governorate"
            g = self.gaz.entities[base]
            bare = g.label_vi.split(" ", 1)[1] if g.label_vi.split(" ", 1)[0].lower() in (
                "thành", "thủ", "thị") and " " in g.label_vi else g.label_vi
            if g.label_vi.lower().startswith(("thành phố ", "thủ đô ", "thị trấn ")):
                bare = g.label_vi.split(" ", 2)[2]
            self._entity(key, "place", "tỉnh " + bare, f"{g.label_en} (province)" if g.label_en else None)
            return key
        key = "tinh-" + slug(name)
        self._entity(key, "place", "tỉnh " + name)
        return key

    def _place_key(self, pn: PlaceName, ptype: str) -> str:
        if ptype == "province":
            return self._province_of(pn, pn.name)
        elif ptype == "settlement":
            key = pn.settlement or pn.default
        else:
            key = self._bare_place(pn)
        self._entity(key, "place", pn.name)
        return key

    def _bare_place(self, pn: PlaceName) -> str:
        if pn.default is not None:
            return pn.default
        k = norm(pn.name.split()[0]) if pn.name else ""
        if pn.settlement and k in self.named_settlement and k not in self.named_province:
            return pn.settlement
        return pn.province or pn.settlement  # type: ignore[return-value]


    def _seat_building(self, i: int, e: int, s) -> None:  # noqa: ANN001 - a gazetteer Surface
        """A seat of power ("Nhà Trắng", "Điện Kremlin") is also the institution housed there: an organisation
        of its own, besides the government it stands for (read as the literal reading, like a capital's city)."""
        key = self._building_entity(s)
        if key is not None:
            self._emit(i, e, key, "name", track=False)

    def _building_entity(self, s) -> str | None:  # noqa: ANN001 - a gazetteer Surface of a seat
        """The entity of the building a seat surface names (None if the seat has none in SEAT_BUILDINGS)."""
        org = self.gaz.seat_org.get(s.toks)
        known = SEAT_BUILDINGS.get(org or "")
        if known is None:
            return None
        key, label_en = known
        label_vi = " ".join(s.exact)
        if label_vi == "Kremlin":
            label_vi = "Điện Kremlin"
        self._entity(key, "organization", label_vi, label_en)
        if s.key is not None:
            self.org_country.setdefault(key, s.key)
        return key

    # ------------------------------------------------------------- 7. gazetteer
    def _viet_name_veto(self, i: int, L: int) -> bool:
        """A one-syllable country name inside a run of capitalised Vietnamese syllables is a person's name."""
        toks = self.toks
        if i > 0 and toks[i].space:
            p = toks[i - 1]
            if p.word and is_cap(p.text) and is_viet_syllable(p.text) and p.key not in NOT_NAME_START and \
                    p.key not in DIRECTIONS and not (self._is_start(i - 1) and (i - 1 == 0 or not
                                                     self._cap(i - 2))):
                if not any(it.te == i for it in self.items) and i - 1 not in self.skippable:
                    return True
        e = i + L
        if e < len(toks) and toks[e].space:
            q = toks[e]
            if q.word and is_cap(q.text) and is_viet_syllable(q.text) and q.key not in VIET_SURNAMES and \
                    q.key not in NOT_NAME_START and q.key not in DIRECTIONS and \
                    self.gaz.match(toks, e) is None and self.offs.match(toks, e) is None:
                ne = self._name_end(e)
                if self._all_viet(e, ne):
                    return True
        return False

    def _gaz(self, i: int) -> int | None:
        s = self.gaz.match(self.toks, i)
        if s is None:
            return None
        L = len(s.toks)
        if s.viet_single and self._viet_name_veto(i, L):
            return None
        toks = self.toks
        e = i + L
        if s.place is not None:
            key = self._place_key(s.place, "bare")
            cap_of = self.gaz.capital_of.get(key)
            if cap_of is not None and self._acts_as_government(i, e):
                self._entity(cap_of, "", "")
                self._emit(i, e, cap_of, "metonym")
                self._emit(i, e, key, "name", track=False)
            else:
                self._emit(i, e, key, "name")
            return e
        key = s.key
        assert key is not None
        kind = self.gaz.entities[key].kind
        if kind == "person":
            # a gazetteer surname glued to more name words ("Maher Assad"): read the whole run
            ne = self._name_end(i)
            if ne > e or (i > 0 and self._cap(i - 1) and toks[i].space and not self._is_start(i - 1)
                          and not is_viet_syllable(toks[i - 1].text)):
                return None
            self._entity(key, "person", "")
            self.people.add(key, " ".join(s.exact))
            self._emit(i, e, key, s.how if s.how != "alias" else "name")
            return e
        self._entity(key, kind, "")
        self._emit(i, e, key, s.how)
        if s.how == "metonym" and kind == "country":
            self._seat_building(i, e, s)
        if kind == "organization":
            self._note_org_country(key, i)
            return self._skip_paren_acronym(e, key)
        return e

    def _acts_as_government(self, i: int, e: int) -> bool:
        """A capital stands for its government unless it is a place here (after a locative word, etc.)."""
        toks = self.toks
        k = i - 1
        while k >= 0 and toks[k].key in ("và", ",", "hoặc", "lẫn"):
            # coordination: inherit from the previous item
            for it in reversed(self.items):
                if it.te == k and it.kind == "place":
                    return self._last_capital_was_gov
            k -= 1
            break
        prev = toks[i - 1].key if i > 0 else ""
        if prev in LOCATIVES or prev in EVENT_NOUNS:
            self._last_capital_was_gov = False
            return False
        if self._key_before(i, _ALL_PLACE_CLS, 3):
            self._last_capital_was_gov = False
            return False
        if e < len(toks) and toks[e].text in (",", "(") and e + 1 < len(toks) and \
                self.gaz.match(toks, e + 1, kinds={"country"}) is not None:
            self._last_capital_was_gov = False
            return False
        if e < len(toks) and toks[e].key == "của" and e + 1 < len(toks) and \
                self.gaz.match(toks, e + 1, kinds={"country"}) is not None:
            self._last_capital_was_gov = False
            return False
        self._last_capital_was_gov = True
        return True

    _last_capital_was_gov = True

