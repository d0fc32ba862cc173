"""The core of the actors reader (see `actors.py` for the rules it applies, left to right)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from syriakg.loaders.extract.actor_vocab import (
    _INSTITUTION_PHRASES,
    CONNECTORS,
    COUNTERPART,
    DIRECTIONS,
    HONORIFICS,
    HOST_COUNTRY,
    LEADER_NOUNS,
    NOT_NAME_START,
    ORG_HEADS,
    OUTLET_HEADS,
    PAIR_ANY,
    PAIR_COUNTRY,
    PAIR_PERSON,
    PERSON_CUES,
    PROVINCE_CLS,
    REGION_CLS,
    SETTLEMENT_CLS,
    STARTERS,
    THIS_COUNTRY,
    VIET_ONLY,
    Phrases,
)
from syriakg.loaders.extract.coref import Discourse, Held, Pair, People, Seen, name_parts
from syriakg.loaders.extract.gazetteer import Gazetteer
from syriakg.loaders.extract.names import (
    NAME_PARTICLES,
    VIET_SURNAMES,
    Tok,
    has_digit,
    is_acronym,
    is_cap,
    is_viet_syllable,
    norm,
    slug,
    tokenize_starts,
)
from syriakg.loaders.extract.positions import Offices
from syriakg.loaders.extract.transliteration import match_initial_name, starts_phonetic
from syriakg.loaders.model import Entity, Extraction, Mention, PositionHolding, Sentence, Span


@dataclass(slots=True)
class _Item:
    """A mention-like thing of one sentence, kept for pair detection."""

    tb: int
    te: int
    key: str
    kind: str
    how: str



_AL_EL = frozenset(("al", "el"))
_PRESCAN = re.compile(r"(?i)\b(tỉnh|thành phố|thủ đô|thị trấn)\s+([\w'’-]+)")


class ReaderCore:
    """Reads one article: state, the sentence loop, token helpers, emitting, names, scopes, pairs."""

    def __init__(self, ex: Extraction, gaz: Gazetteer, offs: Offices) -> None:
        self.ex = ex
        self.gaz = gaz
        self.offs = offs
        self.people = People(gaz)
        self.dis = Discourse()
        self.acronyms: dict[str, str] = {}
        self.org_country: dict[str, str] = {}  # derived institutions (israel_mod) -> their country
        self.holdings: dict[tuple[str, str], PositionHolding] = {}
        self.pending: list[tuple[str, str, int]] = []  # (person, office, sentence) titles without scope
        self.named_province: set[str] = set()
        self.named_settlement: set[str] = set()
        self.group_of = {o.id: o.group for o in offs.offices.values()}

    # ------------------------------------------------------------------ entry
    def run(self) -> None:
        self._prescan()
        for s in self.ex.sentences:
            if s.kind != "body":
                continue
            self._sentence(s)
        self._finish()

    def _prescan(self) -> None:
        pat = _PRESCAN
        for s in self.ex.sentences:
            low = s.text.lower()
            if "tỉnh" not in low and "thành" not in low and "thủ" not in low and "thị" not in low:
                continue  # the pattern cannot match (a cheap test before the case-insensitive search)
            for m in pat.finditer(s.text):
                name = norm(m.group(2))
                if norm(m.group(1)) == norm("tỉnh"):
                    self.named_province.add(name)
                else:
                    self.named_settlement.add(name)

    # ------------------------------------------------------------- sentence
    def _sentence(self, s: Sentence) -> None:
        self.s = s
        firsts, singles, pairs, by_mask = self._dispatch()
        toks, keys, starts = tokenize_starts(s.text, s.begin, firsts, _AL_EL)
        self.toks: list[Tok] = toks
        self.keys: list[str] = keys
        self.items: list[_Item] = []
        self.skippable: set[int] = set()  # token indexes inside title phrases (for pair detection)
        self.titled: list[tuple[int, str, str | None, str]] = []  # (token idx, person, scope, office)
        self.counterparts: list[tuple[int, int, str | None, tuple | None, int, int]] = []
        self.unscoped: list[tuple[int, int, str, str]] = []  # (title idx, name end, person, office) without scope
        self._paired: set[tuple[int, int]] = set()
        run = type(self)._run
        people_find = self.people.find
        n = len(toks)
        # `starts`: the words that may start something (a key that starts a rule's phrase, or capitalised)
        i = 0
        for c in starts:
            if c < i:
                continue
            i = c
            t = toks[i]
            j = None
            key = t.key
            mask = singles.get(key, 0)
            if i + 1 < n:
                mask |= pairs.get((key, keys[i + 1]), 0)
            if mask:
                rules = by_mask.get(mask)
                if rules is None:
                    rules = by_mask[mask] = tuple(f for b, f in enumerate(self._rule_order()) if mask >> b & 1)
                for rule in rules:
                    j = rule(self, i)
                    if j:
                        break
            if not j:
                if t.text[0].isupper():
                    if (i == 0 or toks[i - 1].text in STARTERS) and i + 1 < n and toks[i + 1].space and \
                            not t.text.isupper() and is_viet_syllable(t.text) and people_find(t.text) is None \
                            and not starts_phonetic(toks, i):
                        j = i + 1  # what `_run` does with a sentence-initial Vietnamese word, without the call
                    else:
                        j = run(self, i)  # only a capitalised word (or al-/el-) starts a name run
                elif key in _AL_EL:
                    j = run(self, i)
            i = j if j and j > i else i + 1
        self._resolve_counterparts()
        self._resolve_unscoped()
        self._pairs()

    def _rule_order(self) -> tuple:
        """The rules tried at a token, in order (first that reads something wins; `_run` comes last)."""
        cls = type(self)
        return (cls._title, cls._counterpart, cls._role_noun, cls._honorific, cls._this_country,
                cls._classifier, cls._org, cls._gaz)

    _DISPATCH: dict[tuple[type, int, int], tuple] = {}

    def _dispatch(self) -> tuple[frozenset[str], dict[str, int], dict[tuple[str, str], int], dict[int, tuple]]:
        """Which rules may start at a token: (first keys of all phrases, key -> rule bit mask of the
        one-token phrases, (key, next key) -> mask of the longer ones, mask -> rules cache).

        Each rule starts only where one of its phrases (titles, cues, classifiers, gazetteer forms)
        matches; the others would return None there, so they are not called.  A name run (`_run`,
        always last) starts only at a capitalised word or `al-`/`el-`.
        """
        ck = (type(self), id(self.gaz), id(self.offs))
        got = ReaderCore._DISPATCH.get(ck)
        if got is not None and got[0] is self.gaz and got[1] is self.offs:
            return got[2]

        def ph(*sets: Phrases) -> set[tuple[str, ...]]:
            out: set[tuple[str, ...]] = set()
            for x in sets:
                out |= set(x.all)
            return out

        phrases: list[set[tuple[str, ...]]] = [
            {k for lst in self.offs.index.values() for k, _o in lst},
            ph(COUNTERPART),
            ph(PAIR_PERSON, PAIR_COUNTRY, PAIR_ANY, LEADER_NOUNS),
            ph(PERSON_CUES) | {(h,) for h in HONORIFICS},
            ph(THIS_COUNTRY),
            ph(PROVINCE_CLS, SETTLEMENT_CLS, REGION_CLS),
            ph(_INSTITUTION_PHRASES, ORG_HEADS, OUTLET_HEADS),
            {sf.toks for lst in self.gaz.index.values() for sf in lst},
        ]
        assert len(phrases) == len(self._rule_order())
        singles: dict[str, int] = {}
        pairs: dict[tuple[str, str], int] = {}
        for b, group in enumerate(phrases):
            for t in group:
                if len(t) == 1:
                    singles[t[0]] = singles.get(t[0], 0) | 1 << b
                else:
                    pairs[t[:2]] = pairs.get(t[:2], 0) | 1 << b
        firsts = frozenset(singles) | frozenset(k for k, _ in pairs)
        table = (firsts, singles, pairs, {})
        if len(ReaderCore._DISPATCH) > 8:
            ReaderCore._DISPATCH.clear()
        ReaderCore._DISPATCH[ck] = (self.gaz, self.offs, table)
        return table

    def _order(self, ti: int) -> tuple[int, int]:
        return (self.s.index, self.toks[ti].begin if ti < len(self.toks) else self.s.end)

    def _is_start(self, i: int) -> bool:
        if i == 0:
            return True
        p = self.toks[i - 1]
        return p.text in STARTERS

    def _cap(self, i: int) -> bool:
        return i < len(self.toks) and self.toks[i].word and is_cap(self.toks[i].text)

    def _key_at(self, i: int, phrases: Phrases, maxlen: int = 4) -> int:
        """Length of the longest phrase of `phrases` starting at token i (0 if none)."""
        keys = self.keys
        if i >= len(keys) or i < 0:
            return 0
        cands = phrases.starts.get(keys[i])
        if not cands:
            return 0
        for L, rest in cands:
            if L <= maxlen and (L == 1 or keys[i + 1:i + L] == rest):
                return L
        return 0

    def _key_before(self, i: int, phrases: Phrases, maxlen: int = 4) -> int:
        """Length of the longest phrase of `phrases` ending just before token i (0 if none)."""
        keys = self.keys
        if i <= 0 or i > len(keys):
            return 0
        cands = phrases.ends.get(keys[i - 1])
        if not cands:
            return 0
        for L, rest in cands:
            if L <= maxlen and i - L >= 0 and (L == 1 or keys[i - L:i - 1] == rest):
                return L
        return 0

    # ------------------------------------------------------------- emitting
    def _entity(self, key: str, kind: str, label_vi: str, label_en: str | None = None) -> str:
        ents = self.ex.entities
        if key in ents:
            e = ents[key]
            if not e.in_gazetteer and e.kind == "person" and len(label_vi) > len(e.label_vi):
                e.label_vi = label_vi
            return key
        g = self.gaz.entities.get(key)
        if g is not None:
            ents[key] = Entity(key, g.kind, g.label_vi, g.label_en, g.qid, (), True)  # type: ignore[arg-type]
        else:
            ents[key] = Entity(key, kind, label_vi, label_en, None, (), False)  # type: ignore[arg-type]
        return key

    def _new_key(self, name: str, kind: str) -> str:
        if kind in ("place", "organization"):  # "al-Tanf" and "Tanf" are one place
            name = re.sub(r"^(?:[Aa]l|[Ee]l)[-\s]+(?=\w)", "", name)
        k = slug(name)
        g = self.gaz.entities.get(k)
        if g is not None and g.kind != kind:
            k = f"{k}-{kind}"
        e = self.ex.entities.get(k)
        if e is not None and e.kind != kind:
            k = f"{k}-{kind}"
        return k

    def _emit(self, tb: int, te: int, key: str, how: str, track: bool = True) -> None:
        t0, t1 = self.toks[tb], self.toks[te - 1]
        text = self.s.text[t0.begin - self.s.begin:t1.end - self.s.begin]
        self.ex.mentions.append(Mention(t0.begin, t1.end, text, key, self.s.index, how))
        kind = self.ex.entities[key].kind
        if track:
            self.dis.seen.append(Seen((self.s.index, t0.begin), key, kind, how))
            self.items.append(_Item(tb, te, key, kind, how))
        if kind == "person":
            self.people.touch(key)

    def _text(self, tb: int, te: int) -> str:
        t0, t1 = self.toks[tb], self.toks[te - 1]
        return self.s.text[t0.begin - self.s.begin:t1.end - self.s.begin]

    def _hold(self, person: str, pos_office: str, scope: str | None, position, tb: int, te: int) -> None:
        if position is not None:
            hk = (person, position.key)
            h = self.holdings.get(hk)
            span = Span(self.toks[tb].begin, self.toks[te - 1].end)
            if h is None:
                self.holdings[hk] = PositionHolding(person, position, [self.s.index], span)
            elif self.s.index not in h.evidence:
                h.evidence.append(self.s.index)
        self.dis.held.append(Held(person, pos_office, scope, position.key if position else None, self._order(tb)))
        self.titled.append((tb, person, scope, pos_office))

    # ------------------------------------------------------------- names
    def _name_end(self, j: int, allow_viet: bool = True, max_words: int = 6) -> int:
        """End (exclusive) of the capitalised name run starting at token j (j itself if none)."""
        toks, n = self.toks, len(self.toks)
        k = j
        words = 0
        while k < n and words < max_words:
            t = toks[k]
            if t.word and has_digit(t.text):
                return j if k == j else (k if not toks[k - 1].text == "-" else k - 1)
            if t.word and is_cap(t.text):
                if k > j and t.space and t.key in NOT_NAME_START and t.key not in DIRECTIONS and \
                        not self._all_viet(j, k):
                    break  # a glued next sentence: "Bashar al-Assad Tuy nhiên ..."
                if k > j and t.space and self.offs.match(toks, k) is not None:
                    break
                if k > j and t.key in VIET_SURNAMES and not self._all_viet(j, k) and self._cap(k + 1) and \
                        self._all_viet(k, k + 2):
                    break  # "TP HCM Đinh La Thăng": a Vietnamese person's name starts here
                if k > j and t.space and not self._all_viet(j, k):
                    g = self.gaz.match(toks, k, kinds={"country", "place"})
                    if g is not None:
                        break
                if not allow_viet and is_viet_syllable(t.text) and not self._tight_next(k):
                    break
                k += 1
                words += 1
                # initial: "H. McMaster"
                if len(t.text) == 1 and k < n and toks[k].text == "." and not toks[k].space and k + 1 < n \
                        and self._cap(k + 1):
                    k += 1
                continue
            if t.word and t.key in NAME_PARTICLES:
                # particle inside/at the start of a foreign name: "de Mistura", "al-Assad"
                if k + 1 < n and toks[k + 1].text == "-" and not toks[k + 1].space and k + 2 < n and \
                        toks[k + 2].word and not toks[k + 2].space:
                    k += 3
                    words += 1
                    continue
                m = k
                while m < n and toks[m].word and toks[m].key in NAME_PARTICLES and m - k < 3:
                    m += 1
                if k > j and m < n and self._cap(m) and not is_viet_syllable(toks[m].text):
                    k = m
                    continue
                break
            if t.text in "-‐" and not t.space and k > j and k + 1 < n and toks[k + 1].word and \
                    not toks[k + 1].space and has_digit(toks[k + 1].text):
                return j  # a model designation ("Su-24", "F-16"), not a name
            if t.text in "-‐" and not t.space and k > j and k + 1 < n and toks[k + 1].word and \
                    not toks[k + 1].space:
                k += 2  # "Jean-Marc", "Ki-moon", "Hàng không-Vũ trụ"
                continue
            break
        return k

    def _tight_next(self, k: int) -> bool:
        return k + 1 < len(self.toks) and self.toks[k + 1].text == "-" and not self.toks[k + 1].space

    def _all_viet(self, tb: int, te: int) -> bool:
        for t in self.toks[tb:te]:  # (one loop: this is asked for every word of every capitalised run)
            if t.text == "-" or t.word and not is_viet_syllable(t.text):
                return False
        return True

    def _person_ok(self, tb: int, te: int) -> bool:
        """A person's name has no acronym (`UBND`, `NĐ-CP`) and no digit."""
        words = [t for t in self.toks[tb:te] if t.word]
        if not words or all(len(t.text) == 1 for t in words):
            return False
        for t in words:
            if len(t.text) >= 2 and is_acronym(t.text) or has_digit(t.text):
                return False
        return True

    def _person(self, tb: int, te: int, how: str = "name", titled: bool = False) -> str | None:
        """Record the person named by tokens tb..te (known, else a new entity); `titled`: an office title
        was read right before the name (lets `Tổng thống Mỹ Đ.Trăm` link through its initial)."""
        if not self._person_ok(tb, te):
            return None
        name = self._text(tb, te)
        key = self._original_spelling(tb, te, name)
        if key is None:
            key = self.people.find(name)
        if key is None:
            g = self.gaz.match(self.toks, tb, kinds={"person"})
            if g is not None and g.key and tb + len(g.toks) == te:
                key = g.key
        if key is None and tb + 1 < te <= tb + 5 and self.toks[tb + 1].text == ".":
            key = match_initial_name(name, self.gaz, titled=titled)  # "G.Ma-tít", "Đ.Trăm"
        if key is None and te == tb + 1:
            key = self._given_name_only(name)
        if key is None:
            key = self._new_key(name, "person")
        self._entity(key, "person", name)
        self.people.add(key, name)
        self._emit(tb, te, key, how)
        return key

    def _given_name_only(self, name: str) -> str | None:
        """ "ông Rex" after "Rex Tillerson": a given name alone is the one person of the article named so
        (None when two are, or none)."""
        parts = name_parts(name)
        if len(parts) != 1:
            return None
        hits = {p.key for p in self.people.local if len(p.parts) >= 2 and p.parts[0] == parts[0]}
        return hits.pop() if len(hits) == 1 else None

    def _original_spelling(self, tb: int, te: int, name: str) -> str | None:
        """`Xéc-gây Lavrốp (Sergei Lavrov)`: a transliteration followed by the name as spelt in its
        language; both name the person of the original spelling (known, else keyed on it)."""
        toks = self.toks
        if te + 2 >= len(toks) or toks[te].text != "(" or not self._cap(te + 1):
            return None
        e = self._name_end(te + 1, max_words=4)
        if e <= te + 1 or e >= len(toks) or toks[e].text != ")" or self._all_viet(te + 1, e) or \
                not self._person_ok(te + 1, e):
            return None
        if self.gaz.match(toks, te + 1, kinds={"country", "organization", "place"}) is not None:
            return None
        orig = self._text(te + 1, e)
        if norm(orig) == norm(name) or not _translit_like(name) or any(c in VIET_ONLY for c in orig.lower()):
            return None  # "Gabriel Jesus (Man City)": not a transliteration and its original
        key = self.people.find(orig)
        if key is None and len(orig.split()) != len(name.split()):
            return None  # not clearly the same name
        if key is None:
            key = self._new_key(orig, "person")
            self._entity(key, "person", orig)
        self.people.add(key, orig)
        return key

    # ------------------------------------------------------------- scope parsing
    def _scope(self, j: int) -> tuple[str, int, int] | None:
        """A country/organisation naming whose office it is, at token j: (key, tb, te)."""
        if j >= len(self.toks):
            return None
        L = self._key_at(j, THIS_COUNTRY, 3)
        if L:
            c = self.dis.last({"country"}, self._order(j))
            return (c, j, j + L) if c else None
        L = self._key_at(j, HOST_COUNTRY, 3)
        if L:
            c = self._host_country(j)
            return (c, j, j + L) if c else None
        inst = self._institution(j)
        if inst is not None:
            return inst
        if j + 2 < len(self.toks) and self.toks[j].word and self.toks[j].text in self.acronyms:
            return self.acronyms[self.toks[j].text], j, j + 1
        s = self.gaz.match(self.toks, j, kinds={"country", "organization"})
        if s is not None and s.key is not None:
            if s.viet_single and self._viet_name_veto(j, 1):
                return None
            self._entity(s.key, "", "")
            return s.key, j, j + len(s.toks)
        if self.toks[j].word and self.toks[j].text in self.acronyms:
            return self.acronyms[self.toks[j].text], j, j + 1
        return None

    def _host_country(self, j: int) -> str | None:
        """`nước chủ nhà` (the host): the country of the capital named last in this or the previous sentence
        (`Tại Ankara, Ngoại trưởng nước chủ nhà ...`)."""
        before = self._order(j)
        for x in reversed(self.dis.seen):
            if x.order >= before:
                continue
            if x.order[0] < self.s.index - 1:
                break
            c = self.gaz.capital_of.get(x.key)
            if c is not None:
                self._entity(c, "", "")
                return c
        return None

    def _country_scope(self, j: int) -> tuple[str, int, int] | None:
        sc = self._scope(j)
        if sc is None:
            return None
        if self.ex.entities[sc[0]].kind != "country":
            return None
        return sc


    # ------------------------------------------------------------- pairs
    def _pairs(self, upto: int | None = None) -> None:
        items = [it for it in self.items if it.how != "title" and it.kind in ("person", "country", "organization")
                 and (upto is None or it.te <= upto)]
        toks = self.toks
        for a, b in zip(items, items[1:], strict=False):
            if a.kind != b.kind or a.key == b.key or (a.tb, b.tb) in self._paired:
                continue
            self._paired.add((a.tb, b.tb))
            gap = [t for t in range(a.te, b.tb) if t not in self.skippable]
            if all(toks[t].key in CONNECTORS or toks[t].text in CONNECTORS for t in gap) and len(gap) <= 3:
                self.dis.pairs.append(Pair(self._order(b.tb), a.kind, a.key, b.key))
            elif a.tb > 0 and toks[a.tb - 1].key == "giữa" and b.tb > 0 and toks[b.tb - 1].key == "và":
                self.dis.pairs.append(Pair(self._order(b.tb), a.kind, a.key, b.key))

    # ------------------------------------------------------------- finish
    def _finish(self) -> None:
        for person, office, sent in self.pending:
            known = [h for h in self.dis.offices_of(person) if h.office == office and h.position_key]
            if not known:
                continue
            h = self.holdings.get((person, known[0].position_key))
            if h is not None and sent not in h.evidence:
                h.evidence.append(sent)
        for h in self.holdings.values():
            h.evidence.sort()
        self.ex.positions.extend(self.holdings.values())
        self.ex.mentions.sort(key=lambda m: (m.begin, -m.end))
        # entities only if mentioned (or holding); drop helpers registered while parsing
        used = {m.entity for m in self.ex.mentions} | {h.holder for h in self.ex.positions}
        for k in [k for k in self.ex.entities if k not in used]:
            del self.ex.entities[k]


def _translit_like(name: str) -> bool:
    """A Vietnamese transliteration of a foreign name (`Xéc-gây La-vrốp`, `Giôn Mắc-kên`, `Xmít`)."""
    low = name.lower()
    if any(c in VIET_ONLY for c in low):
        return True
    pieces = [p for w in low.split() for p in w.split("-") if p]
    return bool(pieces) and not low.isascii() and all(is_viet_syllable(p) for p in pieces)
