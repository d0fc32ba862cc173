"""Actors rules 2-3: counterparts, role nouns and pair anaphors (`hai nước`, `người đồng cấp Mỹ`)."""

from __future__ import annotations

from syriakg.loaders.extract.actor_core import ReaderCore
from syriakg.loaders.extract.actor_vocab import (
    COUNTERPART,
    HONORIFICS,
    LEADER_NOUNS,
    NOT_NAME_START,
    PAIR_ANY,
    PAIR_COUNTRY,
    PAIR_PERSON,
    THIS_COUNTRY,
)
from syriakg.loaders.extract.coref import Pair


class CounterpartRules(ReaderCore):
    """Counterparts, leader nouns, pairs, `nước này`."""

    # ------------------------------------------------------------- 2. counterparts
    def _counterpart(self, i: int) -> int | None:
        L = self._key_at(i, COUNTERPART, 3)
        if not L:
            return None
        toks = self.toks
        j = i + L
        if j + 1 < len(toks) and toks[j].key == "của" and toks[j + 1].key == "mình":
            j += 2
        country = self._country_scope(j)
        if country is not None:
            j = country[2]
        k = j
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].key in HONORIFICS:
            k += 2
        elif k < len(toks) and toks[k].key in HONORIFICS and self._cap(k + 1):
            k += 1
        name_end = k
        if k < len(toks) and self._cap(k) and toks[k].key not in NOT_NAME_START and \
                self.offs.match(toks, k) is None and \
                self.gaz.match(toks, k, kinds={"country", "organization", "place"}) is None:
            name_end = self._name_end(k)
        for t in range(i, k):
            self.skippable.add(t)
        if country is not None:
            self._emit(country[1], country[2], country[0], "title")
        person = self._person(k, name_end, titled=True) if name_end > k else None
        self.counterparts.append((i, j, person, country, k, name_end))
        return max(name_end, j)

    def _resolve_counterparts(self) -> None:
        for i, j, person, country, _k, name_end in self.counterparts:
            ckey = country[0] if country else None

            def scope_of(p: str, office: str, scope: str | None) -> str | None:
                if scope is not None:
                    return scope
                known = [h for h in self.dis.offices_of(p) if h.office == office and h.scope]
                return known[0].scope if known else None

            # the anchor: a titled person of this sentence (before, else after), a person of this
            # sentence whose office is known, else the latest office holder; never one of `ckey`
            cands: list[tuple[int, str, str | None, str]] = []
            cands += [t for t in reversed(self.titled) if t[0] < i]
            cands += [t for t in self.titled if t[0] > i]
            for it in sorted(self.items, key=lambda it: (it.tb > i, -it.tb if it.tb < i else it.tb)):
                if it.kind == "person":
                    cands += [(it.tb, h.holder, h.scope, h.office) for h in self.dis.offices_of(it.key)]
            cands += [(0, h.holder, h.scope, h.office) for h in self.dis.holders() if h.order < self._order(i)]
            anchor = None
            for c in cands:
                if c[1] == person:
                    continue
                sc = scope_of(c[1], c[3], c[2])
                if ckey is not None and sc == ckey:
                    continue
                anchor = (c[0], c[1], sc, c[3])
                break
            if anchor is None:
                continue
            _, anchor_person, anchor_scope, office = anchor
            if ckey is None or ckey == anchor_scope:
                if person is not None:
                    self.dis.pairs.append(Pair(self._order(i), "person", anchor_person, person))
                continue
            if person is not None:
                pos = self._position(office, ckey, None, None)
                self._hold(person, office, ckey, pos, i, name_end)
                self.dis.pairs.append(Pair(self._order(i), "person", anchor_person, person))
            else:
                hs = self.dis.holders(office=office, scope=ckey)
                if hs:
                    self._emit(i, j, hs[0].holder, "counterpart")
                    self.dis.pairs.append(Pair(self._order(i), "person", anchor_person, hs[0].holder))

    # ------------------------------------------------------------- 3. role nouns and pairs
    def _role_noun(self, i: int) -> int | None:
        toks = self.toks
        for phrases, mode in ((PAIR_PERSON, "person"), (PAIR_COUNTRY, "country"), (PAIR_ANY, "any")):
            L = self._key_at(i, phrases, 4)
            if L:
                return self._pair_anaphor(i, i + L, mode, None)
        L = self._key_at(i, LEADER_NOUNS, 3)
        if not L:
            return None
        if i > 0 and toks[i - 1].key in ("các", "những", "nhiều"):
            return i + L
        j = i + L
        if j < len(toks) and toks[j].key == "của":
            j += 1
        sc = self._scope(j)
        if sc is None:
            return None
        key, sb, se = sc
        # "Nga - Iran", "Nga, Thổ": several countries -> not one leader
        if se < len(toks) and toks[se].text in ("-", "–", ",") and \
                self.gaz.match(toks, se + 1, kinds={"country"}) is not None:
            return None
        self._emit(sb, se, key, "title")
        for t in range(i, se):
            self.skippable.add(t)
        holder = None
        country = self.gaz.country_of_org.get(key) or self.org_country.get(key)
        if country is not None and key.endswith(("_mfa", "_mod")):
            office = "foreign_minister" if key.endswith("_mfa") else "defence_minister"
            hs = self.dis.holders(office=office, scope=country)
            holder = hs[0].holder if hs else None
        elif self.ex.entities[key].kind == "country":
            hs = self.dis.holders(scope=key, group={"leader"}, offices_in_group=self.group_of)
            if not hs:
                hs = self.dis.holders(scope=key)
            holder = hs[0].holder if hs else None
        else:
            hs = self.dis.holders(scope=key)
            holder = hs[0].holder if hs else None
        if holder is not None:
            self._emit(i, se, holder, "anaphor")
        return se

    def _pair_anaphor(self, i: int, e: int, mode: str, office: str | None) -> int:
        """`hai ngoại trưởng`, `hai nhà lãnh đạo`, `hai nước`: one anaphor Mention per referent."""
        before = self._order(i)
        self._pairs(upto=i)
        refs: list[str] = []
        if e < len(self.toks) and self.gaz.match(self.toks, e, kinds={"country"}) is not None:
            # the countries are named right here: "hai nước Mỹ-Nga", "hai nhà lãnh đạo Nga và Thổ Nhĩ Kỳ"
            if mode == "person":
                self._leaders_of_named(i, e)
            return e
        if mode == "office" and office is not None:
            seen: list[str] = []
            group = self.group_of.get(office)
            for h in self.dis.holders(office=office) or []:
                if h.order < before and h.holder not in seen:
                    seen.append(h.holder)
            if len(seen) < 2 and group == "minister":
                for h in self.dis.holders(group={"minister"}, offices_in_group=self.group_of):
                    if h.order < before and h.holder not in seen:
                        seen.append(h.holder)
            refs = seen[:2]
        elif mode == "person":
            p = self.dis.last_pair({"person"}, before, min_sentence=self.s.index - 2)
            if p is not None:
                refs = [p.a, p.b]
            else:
                leaders: list[str] = []
                if any(self.toks[t].key in ("lãnh", "nguyên") for t in range(i, e)):
                    for h in self.dis.holders(group={"leader"}, offices_in_group=self.group_of):
                        if h.order < before and h.holder not in leaders:
                            leaders.append(h.holder)
                refs = leaders[:2] if len(leaders) >= 2 else \
                    self.dis.last_distinct({"person"}, before, 2, min_sentence=self.s.index - 2)
        elif mode == "country":
            p = self.dis.last_pair({"country", "person"}, before, min_sentence=self.s.index - 3)
            if p is not None and p.kind == "person":
                ca = self._country_of_person(p.a)
                cb = self._country_of_person(p.b)
                pc = self.dis.last_pair({"country"}, before, min_sentence=self.s.index - 3)
                if ca and cb and ca != cb:
                    refs = [ca, cb]
                elif pc is not None:
                    refs = [pc.a, pc.b]
            elif p is not None:
                refs = [p.a, p.b]
            if not refs:
                refs = self.dis.last_distinct({"country"}, before, 2, min_sentence=self.s.index - 1,
                                              exclude_how={"title"})
        else:
            p = self.dis.last_pair({"country", "person", "organization"}, before, min_sentence=self.s.index - 3)
            if p is not None:
                refs = [p.a, p.b]
            else:
                refs = self.dis.last_distinct({"person"}, before, 2, min_sentence=self.s.index - 1)
        for t in range(i, e):
            self.skippable.add(t)
        if len(refs) == 2:
            for r in refs:
                self._emit(i, e, r, "anaphor", track=False)
        return e

    def _leaders_of_named(self, i: int, e: int) -> None:
        """`hai nhà lãnh đạo Nga và Thổ Nhĩ Kỳ`: the leaders (met before) of the two countries named next."""
        toks = self.toks
        countries = []
        k = e
        while k < len(toks) and len(countries) < 2:
            g = self.gaz.match(toks, k, kinds={"country"})
            if g is None or g.key is None:
                break
            countries.append(g.key)
            k += len(g.toks)
            if k < len(toks) and toks[k].key in (",", "và", "-", "–"):
                k += 1
        refs = []
        for c in countries:
            hs = self.dis.holders(scope=c, group={"leader"}, offices_in_group=self.group_of) or \
                self.dis.holders(scope=c)
            if hs:
                refs.append(hs[0].holder)
        if len(refs) == 2 and refs[0] != refs[1]:
            for r in refs:
                self._emit(i, e, r, "anaphor", track=False)

    def _country_of_person(self, person: str) -> str | None:
        for h in self.dis.offices_of(person):
            if h.scope and self.ex.entities.get(h.scope) and self.ex.entities[h.scope].kind == "country":
                return h.scope
            c = self.gaz.country_of_org.get(h.scope or "") or self.org_country.get(h.scope or "")
            if c is not None:
                return c
        return None


    def _this_country(self, i: int) -> int | None:
        L = self._key_at(i, THIS_COUNTRY, 3)
        if not L:
            return None
        if i > 0 and self.toks[i - 1].key in ("các", "những", "hai", "ba", "bốn", "nhiều"):
            return i + L  # "các nước này": plural
        c = self.dis.last({"country"}, self._order(i), min_sentence=self.s.index - 2)
        if c is not None:
            self._emit(i, i + L, c, "anaphor")
        return i + L

