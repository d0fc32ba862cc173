"""Actors rule 1: titles (`Ngoại trưởng Pháp Jean Dupont`) and the positions they state."""

from __future__ import annotations

import re

from syriakg.loaders.extract.actor_core import ReaderCore
from syriakg.loaders.extract.actor_vocab import (
    _PAIR_COUNTRY_ANY,
    FORMER,
    HONORIFICS,
    NO_ROLE_ANAPHOR_NEXT,
    NOT_NAME_START,
    RANKS,
)
from syriakg.loaders.extract.coref import Held
from syriakg.loaders.extract.names import NAME_PARTICLES, is_cap, slug
from syriakg.loaders.extract.positions import make_position
from syriakg.loaders.model import Position

# office -> (institution key suffixes naming it, scope is the institution itself rather than its country)
OFFICE_INSTITUTIONS: dict[str, tuple[tuple[str, ...], bool]] = {
    "foreign_minister": (("mfa",), False),
    "deputy_foreign_minister": (("mfa",), False),
    "defence_minister": (("mod",), False),
    "deputy_defence_minister": (("mod",), False),
    "spokesperson": (("mfa", "mod"), True),
}
# offices of a body rather than of its country: with a seat as scope, the scope is the body
SEAT_OFFICES = frozenset(("spokesperson", "press_secretary", "deputy_press_secretary"))


# a role of someone working for an office holder: "thư ký báo chí / cố vấn / trợ lý / người phát ngôn của <title>"
_OUTER_ROLE_RE = re.compile(
    # ("những lời cố vấn cho X" is advice, not an adviser)
    r"(?<!\w)(?<!lời\s)(?<!sự\s)(?:thư\s+ký|cố\s+vấn|trợ\s+lý|phát\s+ngôn|đặc\s+phái\s+viên|đặc\s+sứ|đại\s+diện|"
    r"chánh\s+văn\s+phòng|"
    r"tham\s+mưu|cận\s+vệ|người\s+viết\s+diễn\s+văn|"
    # kin and private help: not the office holder, and no position either
    r"(?P<kin>vợ|chồng|con\s+trai|con\s+gái|con\s+rể|anh\s+trai|em\s+trai|luật\s+sư|bác\s+sĩ))(?!\w)",
    re.IGNORECASE,
)


class TitleRules(ReaderCore):
    """Titles with scope, target and topic; appositions; role anaphors without a name."""

    def _outer_role_start(self, k: int) -> int | None:
        """Token index where a role noun starts in the clause before token k ("cố vấn đối ngoại | của"), if any
        (the clause runs back to a comma, dash or the sentence start, eight tokens at most)."""
        toks = self.toks
        b = k
        while b > 0 and toks[b - 1].text not in (",", ";", ":", "–", "—", "(", "“", "\"") and k - b < 8:
            b -= 1
        if b >= k:
            return None
        m = _OUTER_ROLE_RE.search(self.s.text, toks[b].begin - self.s.begin, toks[k - 1].end - self.s.begin)
        if m is None:
            return None
        if m.group("kin"):
            return -1  # the holder's son, lawyer ...: no position
        at = self.s.begin + m.start()
        return next((t for t in range(b, k) if toks[t].begin >= at), None)

    def _outer_position(self, role_start: int, phrase_end: int, inner) -> Position:  # noqa: ANN001
        """ "Cố vấn đối ngoại của Tổng thống Pháp": a position named by the words as written (no office of the
        table says it), keyed on the role words and the inner position."""
        words = self._text(role_start, phrase_end)
        k = role_start
        while k < phrase_end and self.toks[k].key not in ("của", "cho", "giúp"):
            k += 1
        role = self._text(role_start, k)
        label_vi = words[:1].upper() + words[1:]
        key = f"{slug(role).replace('-', '_')}_of_{inner.key}"
        return Position(key, label_vi, f"{role} of the {inner.label_en}" if inner.label_en else None, None)

    # ------------------------------------------------------------- 1. titles
    def _title(self, i: int) -> int | None:
        m = self.offs.match(self.toks, i)
        if m is None:
            return None
        office, L = m
        toks = self.toks
        prev = toks[i - 1].key if i > 0 else ""
        if prev in ("các", "những", "nhiều", "mọi", "từng"):
            return i + L
        if prev == "hai":
            return self._pair_anaphor(i - 1, i + L, "office", office)
        former = prev in FORMER
        # "Thư ký báo chí của Tổng thống Nga Dmitry Peskov": the name after the office is the outer role's
        # holder (the press secretary), not the office holder's: the person is read, no holding of this office
        outer_start = self._outer_role_start(i - 1) if prev in ("của", "cho", "giúp") else None
        outer_role = outer_start is not None
        j = i + L
        scope = None
        target = None
        topic = None
        if j < len(toks) and toks[j].key == "của":
            sc = self._scope(j + 1)
            if sc is not None:
                scope, j = sc, sc[2]
        else:
            sc = self._scope(j)
            if sc is not None:
                scope, j = sc, sc[2]
        if scope is not None:
            j = self._skip_paren_acronym(j, scope[0])
            if office in SEAT_OFFICES:
                scope = self._seat_scope(scope)
        # "hai nước" after a title: "ngoại trưởng hai nước" = the two office holders
        L2 = self._key_at(j, _PAIR_COUNTRY_ANY, 3)
        if scope is None and L2:
            return self._pair_anaphor(i, j + L2, "office", office)
        # target (ambassadors, representatives): "tại <X>"
        if j < len(toks) and toks[j].key == "tại" and office in ("ambassador", "permanent_representative"):
            sc = self._scope(j + 1)
            if sc is not None:
                target, j = sc, sc[2]
                j = self._skip_paren_acronym(j, target[0])
        # topic (envoys): "về (vấn đề|tình hình) X", "phụ trách (vấn đề) X", "tại X"
        if office in ("special_envoy", "deputy_special_envoy") and j < len(toks):
            k = j
            if toks[k].key in ("về", "phụ", "tại"):
                k += 2 if toks[k].key == "phụ" else 1
                if k < len(toks) and toks[k].key in ("vấn", "tình"):
                    k += 2
                sc = self._country_scope(k) if k < len(toks) else None
                if sc is not None:
                    topic, j = sc, sc[2]
            if scope is None and j < len(toks) and toks[j].key == "của":
                sc = self._scope(j + 1)
                if sc is not None:
                    scope, j = sc, sc[2]
                    j = self._skip_paren_acronym(j, scope[0])
        phrase_end = j
        # the name: directly, or after ", (ông|bà)", a military rank (", tướng X"), or a closed
        # apposition of a foreign name (", Sergei Lavrov,")
        k = j
        # "trợ lý của tổng thống Mỹ, ông X": X is the aide (read below when the aide's role was found)
        complement = prev in ("của", "cho", "giúp") and not outer_role
        rank = self._key_at(k + 1, RANKS, 3) if k < len(toks) and toks[k].text == "," else 0
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].key in HONORIFICS:
            if complement:
                return phrase_end
            k += 2
        elif rank and self._cap(k + 1 + rank):
            if complement:
                return phrase_end
            k += 1 + rank
        elif not complement and self._closed_apposition(k):
            k += 1
        elif k < len(toks) and toks[k].key in HONORIFICS and self._cap(k + 1):
            k += 1
        elif self._key_at(k, RANKS, 3) and self._cap(k + self._key_at(k, RANKS, 3)):
            k += self._key_at(k, RANKS, 3)  # "Tư lệnh ... Mỹ tướng X"
        name_end = k
        if k < len(toks) and self._cap(k) and toks[k].key not in NOT_NAME_START and \
                self.gaz.match(toks, k, kinds={"country", "organization", "place"}) is None:
            name_end = self._name_end(k)
        elif k < len(toks) and toks[k].word and toks[k].key in NAME_PARTICLES and toks[k].key in ("al", "el"):
            name_end = self._name_end(k)
        for t in range(i, phrase_end):
            self.skippable.add(t)
        if scope is None and office in ("member_of_parliament", "senator") and name_end == k:
            return None  # plain noun ("các nghị sĩ"), nothing to read
        # scope mentions
        for sc in (scope, target, topic):
            if sc is not None:
                self._emit(sc[1], sc[2], sc[0], "title")
        person = self._person(k, name_end, titled=True) if name_end > k else None
        if person is not None:
            for t in range(j, k):
                self.skippable.add(t)
            if former:
                return name_end
            if outer_role:
                if scope is not None and outer_start is not None and outer_start >= 0:
                    inner = self._position(office, scope[0], target[0] if target else None,
                                           topic[0] if topic else None)
                    pos = self._outer_position(outer_start, phrase_end, inner)
                    self._hold(person, "role:" + pos.key, scope[0], pos, outer_start, name_end)
                return name_end
            if scope is None:
                scope = self._delegation_scope(i)
            if scope is None and name_end + 1 < len(toks) and toks[name_end].key in ("của", "("):
                # "Ngoại trưởng Sergei Lavrov của Nga", "Ngoại trưởng Sergei Lavrov (Nga)"
                sc = self._country_scope(name_end + 1)
                if sc is not None and toks[name_end].text == "(" and (sc[2] >= len(toks) or toks[sc[2]].text != ")"):
                    sc = None
                if sc is not None:
                    self._emit(sc[1], sc[2], sc[0], "title")
                    pos = self._position(office, sc[0], None, None)
                    self._hold(person, office, sc[0], pos, i, sc[2])
                    return sc[2]
            if scope is None:
                known = [h for h in self.dis.offices_of(person) if h.office == office and h.scope]
                if known:
                    pos = self._position(office, known[0].scope, None, None)
                    self._hold(person, office, known[0].scope, pos, i, name_end)
                else:
                    self.pending.append((person, office, self.s.index))
                    self.dis.held.append(Held(person, office, None, None, self._order(i)))
                    self.titled.append((i, person, None, office))
                    self.unscoped.append((i, name_end, person, office))
                return name_end
            pos = self._position(office, scope[0], target[0] if target else None, topic[0] if topic else None)
            self._hold(person, office, scope[0], pos, i, name_end)
            return name_end
        # no name: an appositive ("X - Ngoại trưởng Thổ Nhĩ Kỳ", "X, đặc phái viên Mỹ ...") or a role anaphor
        if scope is not None and not former:
            ap = self._appositive_holder(i, phrase_end)
            if ap is not None:
                pos = self._position(office, scope[0], target[0] if target else None, topic[0] if topic else None)
                self._hold(ap, office, scope[0], pos, i, phrase_end)
                return phrase_end
        if former or (phrase_end < len(toks) and toks[phrase_end].key in NO_ROLE_ANAPHOR_NEXT):
            return phrase_end
        holder = None
        if scope is not None:
            hs = self.dis.holders(office=office, scope=scope[0])
            holder = hs[0].holder if hs else None
        elif is_cap(toks[i].text) and not self._is_start(i) or (self._is_start(i) and L > 1):
            hs = self.dis.holders(office=office)
            if hs and len({h.holder for h in hs[:3]}) == 1:
                holder = hs[0].holder
        if holder is not None:
            self._emit(i, phrase_end, holder, "anaphor")
        return phrase_end

    def _resolve_unscoped(self) -> None:
        """`Bộ Ngoại giao Nga cho biết Ngoại trưởng Sergei Lavrov sẽ ...`: a title without a country,
        in a sentence naming one country's ministry of that office, is that country's office."""
        for i, e, person, office in self.unscoped:
            fam = OFFICE_INSTITUTIONS.get(office)
            if fam is None:
                continue
            scopes = set()
            for it in self.items:
                if it.kind != "organization" or it.how == "anaphor":
                    continue
                c = self.gaz.country_of_org.get(it.key) or self.org_country.get(it.key)
                if c is None or it.key.rsplit("_", 1)[-1] not in fam[0]:
                    continue
                scopes.add(it.key if fam[1] else c)
            if len(scopes) != 1 or any(h.office == office and h.scope for h in self.dis.offices_of(person)):
                continue
            scope = scopes.pop()
            if scope not in self.ex.entities:
                continue
            pos = self._position(office, scope, None, None)
            self._hold(person, office, scope, pos, i, e)

    def _seat_scope(self, scope: tuple[str, int, int]) -> tuple[str, int, int]:
        """`Người phát ngôn Điện Kremlin`: the office belongs to the body housed in the seat."""
        g = self.gaz.match(self.toks, scope[1])
        org = self.gaz.seat_org.get(g.toks) if g is not None and g.how == "metonym" else None
        if org is None or len(g.toks) != scope[2] - scope[1]:
            return scope
        building = self._building_entity(g)
        if building is not None:  # "Người phát ngôn Điện Kremlin", "Phó Thư ký báo chí Nhà Trắng"
            return building, scope[1], scope[2]
        self._entity(org, "organization", "")
        self.org_country.setdefault(org, g.key or scope[0])
        return org, scope[1], scope[2]

    def _closed_apposition(self, k: int) -> bool:
        """`<title>, Sergei Lavrov, ...`: a comma, then a foreign person-like name closed by a comma or a
        verb of saying (not a country, place or organisation, not Vietnamese words, not a list)."""
        toks = self.toks
        if k + 1 >= len(toks) or toks[k].text != "," or not self._cap(k + 1):
            return False
        if toks[k + 1].key in NOT_NAME_START or self.offs.match(toks, k + 1) is not None or \
                self.gaz.match(toks, k + 1, kinds={"country", "organization", "place"}) is not None:
            return False
        e = self._name_end(k + 1)
        if e <= k + 1 or self._all_viet(k + 1, e) or not self._person_ok(k + 1, e):
            return False
        closed = e >= len(toks) or toks[e].text in (",", ")", "-", "–") or bool(self._speech_after(e))
        return closed and (e >= len(toks) or toks[e].key not in ("và", "hoặc"))

    def _position(self, office: str, scope: str, target: str | None, topic: str | None):
        # the head of a ministry is its minister
        sc_ent = self.ex.entities[scope]
        tgt = None
        if target:
            te = self.ex.entities[target]
            tgt = (target, te.label_vi, te.label_en)
        top = None
        if topic:
            pe = self.ex.entities[topic]
            top = (topic, pe.label_vi, pe.label_en)
        return make_position(self.offs, self.gaz, office, scope, sc_ent.label_vi, sc_ent.label_en, tgt, top)

    def _delegation_scope(self, i: int) -> tuple[str, int, int] | None:
        """`phái đoàn Thổ Nhĩ Kỳ do Ngoại trưởng X dẫn đầu`: the delegation's country."""
        toks = self.toks
        if i < 2 or toks[i - 1].key != "do":
            return None
        for it in reversed(self.items):
            if it.te == i - 1 and it.kind == "country" and it.tb > 0 and toks[it.tb - 1].key == "đoàn":
                return it.key, it.tb, it.te
        return None

    def _appositive_holder(self, i: int, end: int) -> str | None:
        """`X - Ngoại trưởng Thổ Nhĩ Kỳ`, `X, một đặc phái viên Mỹ, ...`: X holds the office."""
        toks = self.toks
        k = i - 1
        one = k >= 0 and toks[k].key == "một"
        if one:
            k -= 1
        if k < 0:
            return None
        sep = toks[k].text
        # a comma apposition must be closed (", ..., " / end of sentence) or say "một": otherwise the
        # comma may just end a clause ("... của ông Putin, tổng thống Mỹ nói")
        closed = end >= len(toks) or toks[end].text in (",", "-", "–", "—", ")", ".", ";")
        # a capitalised title ("X, Chủ tịch ... Mỹ, cho biết") only when the apposition is closed and
        # the sentence goes on with a lower-case word, not with another name or title (a list)
        tight = end + 1 < len(toks) and (toks[end].text in (")", "-", "–", "—") or toks[end].text == ",") and \
            toks[end + 1].word and not is_cap(toks[end + 1].text) and toks[end + 1].key not in ("và", "hoặc") \
            and self.offs.match(toks, end + 1) is None
        if sep in ("-", "–", "—") or (sep == "," and (not is_cap(toks[i].text) or tight) and (closed or one)):
            for it in reversed(self.items):
                if it.te == k and it.kind == "person" and it.how == "name":
                    return it.key
        return None

