"""Actors rules 4 and 8: honorifics and person cues, and other capitalised names typed by context."""

from __future__ import annotations

import re
from functools import lru_cache

from syriakg.loaders.extract.actor_core import ReaderCore
from syriakg.loaders.extract.actor_vocab import (
    _REGION_SETTLEMENT_CLS,
    BRANCH_WORDS,
    DIRECTIONS,
    HONORIFICS,
    LOCATIVES,
    MEDIA_CUES,
    NOT_NAME_START,
    ORG_COMPLEMENT_CUES,
    ORG_CUES,
    ORG_HEADS,
    ORG_WORDS,
    PERSON_CUES,
    PERSON_NOUNS_AFTER,
    REGION_WORDS_BEFORE_DIRECTION,
    REPORT_VERBS_AFTER,
    SPEECH_AFTER,
    SPEECH_FILLERS,
    SUMMIT_CUES,
)
from syriakg.loaders.extract.names import (
    GIVEN_NAMES,
    NAME_PARTICLES,
    has_digit,
    is_acronym,
    is_cap,
    is_viet_syllable,
    slug,
)
from syriakg.loaders.extract.transliteration import starts_phonetic

_GROUP_OF_N_RE = re.compile(r"^G\d{1,2}$")


class PersonRules(ReaderCore):
    """Honorifics, person cues, pronouns; runs of capitalised names."""

    # ------------------------------------------------------------- 4. honorifics, pronouns
    def _honorific(self, i: int) -> int | None:
        toks = self.toks
        t = toks[i]
        if t.key in HONORIFICS:
            if is_cap(t.text) and not self._is_start(i) and t.space and self._cap(i - 1):
                return None  # part of a name: "Hai Bà Trưng"
            j = i + 1
            if j < len(toks) and (self._cap(j) or (toks[j].key in ("al", "el", "de") and j + 1 < len(toks))):
                if toks[j].key in NOT_NAME_START or self.offs.match(toks, j) is not None:
                    return None
                if self.gaz.match(toks, j, kinds={"country", "organization", "place"}) is not None:
                    return None
                e = self._name_end(j)
                if e > j:
                    self._person(j, e)
                    return e
            # pronoun "ông"/"bà" ("Theo ông,", "Ông cho biết", "ông ta")
            if j < len(toks) and toks[j].key in ("bà", "ông", "cháu", "con"):
                return j + 1
            if t.key in ("ông", "bà"):
                before = self._order(i)
                p = None
                if i <= 2:  # "Ông cho biết", "Theo ông,": the previous sentence's first person
                    firsts = [x for x in self.dis.seen if x.order[0] == self.s.index - 1 and x.kind == "person"
                              and x.how not in ("anaphor", "counterpart")]
                    p = firsts[0].key if firsts else None
                if p is None:
                    p = self.dis.last({"person"}, before, min_sentence=self.s.index - 2, exclude_how={"anaphor"})
                if p is not None:
                    e = i + 1
                    if e < len(toks) and toks[e].key in ("ta", "này", "ấy"):
                        e += 1
                    self._emit(i, e, p, "anaphor")
                    return e
            return i + 1
        L = self._key_at(i, PERSON_CUES, 3)
        if not L:
            return None
        j = i + L
        while True:  # branch words and a country between a rank and a name
            L2 = self._key_at(j, BRANCH_WORDS, 3)
            if not L2:
                break
            j += L2
        c = self._country_scope(j)
        k = c[2] if c else j
        lower_gap = 0
        while k < len(toks) and toks[k].word and not is_cap(toks[k].text) and lower_gap < 2 and \
                toks[k].key not in NAME_PARTICLES:
            k += 1
            lower_gap += 1
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].key in HONORIFICS:
            k += 2
        if k >= len(toks) or not (self._cap(k) or toks[k].key in ("al", "el")) or toks[k].key in NOT_NAME_START:
            return None
        if self.offs.match(toks, k) is not None or self._key_at(k, ORG_HEADS, 3) or \
                self.gaz.match(toks, k, kinds={"country", "organization", "place"}) is not None:
            return None
        e = self._name_end(k)
        if e <= k:
            return None
        if self._all_viet(k, e) and (lower_gap or e - k < 2):
            return None  # "chuyên gia quân sự Nga" style nouns followed by Vietnamese words: not a name
        if self._key_at(i, ORG_COMPLEMENT_CUES, 3) == L:
            known = self.ex.entities.get(_slug_key(self._text(k, e)))
            if known is not None and known.kind != "person" and self.people.find(self._text(k, e)) is None:
                return None  # "ban lãnh đạo Mozilla" after "Hãng Mozilla": the organisation met before
        if c is not None:
            self._emit(c[1], c[2], c[0], "title")
        self._person(k, e)
        return e


    # ------------------------------------------------------------- 8. other names
    def _run(self, i: int) -> int | None:
        toks = self.toks
        t = toks[i]
        if not t.word:
            return None
        if not is_cap(t.text) and not (t.key in ("al", "el") and self._tight_next(i)):
            return None
        if starts_phonetic(toks, i):  # a known name spelt phonetically ("Rắc-ca", "X.La-vrốp"): rule 7
            j = self._gaz(i)
            if j:
                return j
        if _GROUP_OF_N_RE.match(t.text) and not (i + 1 < len(toks) and toks[i + 1].text in ("-", "/")):
            # "G7", "G20": groups of states (summits are named after them: "Hội nghị thượng đỉnh G20")
            key = self.acronyms.get(t.text) or self._entity(t.text.lower(), "organization", t.text)
            self.acronyms[t.text] = key
            self._emit(i, i + 1, key, "acronym")
            return i + 1
        # acronyms (alone: "CBS News" is read as a name below)
        if is_acronym(t.text) and not (i + 1 < len(toks) and toks[i + 1].text == "-" and not toks[i + 1].space) \
                and not (self._cap(i + 1) and toks[i + 1].space and not is_acronym(toks[i + 1].text)
                         and self.gaz.match(toks, i + 1) is None):
            if t.text in self.acronyms:
                key = self.acronyms[t.text]
                self._emit(i, i + 1, key, "acronym")
                return i + 1
            if self._key_before(i, ORG_CUES, 3) or (i > 0 and toks[i - 1].key == "theo") or \
                    self._key_at(i + 1, REPORT_VERBS_AFTER, 2) or self._key_before(i, SUMMIT_CUES, 4):
                key = self._new_key(t.text, "organization")
                self._entity(key, "organization", t.text)
                self.acronyms[t.text] = key
                self._emit(i, i + 1, key, "acronym")
                return i + 1
            return i + 1
        if t.key in NOT_NAME_START and not self._key_at(i, PERSON_CUES, 3):
            return i + 1
        if t.key in DIRECTIONS:
            return i + 1
        if self._is_start(i) and is_viet_syllable(t.text) and i + 1 < len(toks) and toks[i + 1].space and \
                self.people.find(t.text) is None:
            return i + 1  # a sentence-initial Vietnamese word ("Tờ al-Watan cho biết")
        if i > 0 and toks[i].space and has_digit(toks[i - 1].text):
            return self._name_end(i) or i + 1  # "F/A-18E Super Hornet": a model name
        e = self._name_end(i)
        if e <= i:
            return i + 1
        for k in range(i + 1, e):  # a known name inside the run ends it ("Hiện Moskva", "Tây Bắc Syria")
            if toks[k].space and (self.gaz.match(toks, k) is not None or toks[k].key in DIRECTIONS):
                e = k
                break
        if any(has_digit(x.text) for x in toks[i:e]):
            return e
        name = self._text(i, e)
        viet = self._all_viet(i, e)
        # a person met before (or in the gazetteer): "Kosachev", "Bashar Assad"
        found = self.people.find(name)
        if found is not None and not (viet and found not in self.ex.entities) and self._person_ok(i, e):
            self._person(i, e)
            return e
        if viet:
            # Vietnamese words: capitalised at sentence starts, in headings, org names, bylines...
            # names only after an explicit cue (handled by the rules above)
            return i + 1 if self._is_start(i) else e
        if e < len(toks) and toks[e].word and has_digit(toks[e].text):
            return e  # "Km 15", "Galaxy S8": a designation
        # a name already met in the article as a place or organisation ("tỉnh Hasakah" ... "Hasakah")
        for k in (self._province_key_if_named(i, name), self._slug_key(name)):
            if k is not None and k in self.ex.entities and self.ex.entities[k].kind != "person":
                self._emit(i, e, k, "name")
                return e
        kind = self._cue_kind(i, e)
        if kind is None:
            nwords = sum(1 for x in toks[i:e] if x.word and x.key not in NAME_PARTICLES)
            if any(x.text.casefold() in ORG_WORDS for x in toks[i:e] if x.word):
                kind = "organization"
            elif 2 <= nwords <= 4 and self._person_ok(i, e) and (
                    toks[i].text.casefold() in GIVEN_NAMES or self._speech_after(e)):
                kind = "person"
        if kind is None:
            return e
        if kind == "person":
            self._person(i, e)
            return e
        if kind == "place":
            if toks[i].key in self.named_province:
                pn_key = self._province_of(None, name)
            else:
                pn_key = self._new_key(name, "place")
                self._entity(pn_key, "place", name)
            self._emit(i, e, pn_key, "name")
            return e
        key = self._new_key(name, "organization")
        self._entity(key, "organization", name)
        self._emit(i, e, key, "name")
        return self._skip_paren_acronym(e, key)

    def _province_key_if_named(self, i: int, name: str) -> str | None:
        if self.toks[i].key not in self.named_province:
            return None
        k = "tinh-" + slug(name)
        return k

    def _slug_key(self, name: str) -> str:
        return _slug_key(name)

    def _speech_after(self, e: int) -> bool:
        k = e
        while k < len(self.toks) and self.toks[k].key in SPEECH_FILLERS and k - e < 2:
            k += 1
        return bool(self._key_at(k, SPEECH_AFTER, 2))

    def _cue_kind(self, i: int, e: int) -> str | None:
        toks = self.toks
        if self._key_before(i, ORG_CUES, 4):
            return "organization"
        if toks[i].text in ("Điện", "Dinh", "Phủ") and e - i >= 2 and not self._all_viet(i + 1, e):
            return "organization"  # "Điện Élysée", "Dinh Tổng thống": a seat of power speaks for its office
        # "tờ báo trực tuyến X", "hãng tin nhà nước X": a media cue, then up to two lower-case words
        for gap in (1, 2):
            if i - gap > 0 and all(toks[m].word and not is_cap(toks[m].text) for m in range(i - gap, i)) and \
                    self._key_before(i - gap, MEDIA_CUES, 4):
                return "organization"
        if self._key_before(i, PERSON_CUES, 3):
            return "person"
        prev = toks[i - 1].key if i > 0 else ""
        if prev in LOCATIVES and not self._all_viet(i, e):
            return "place"
        if prev in DIRECTIONS and not self._all_viet(i, e) and (
                is_cap(toks[i - 1].text) or i > 1 and toks[i - 2].key in REGION_WORDS_BEFORE_DIRECTION):
            return "place"  # "Đông Qalamoun", "miền đông Raqqa": a place named with its part
        if self._key_before(i, _REGION_SETTLEMENT_CLS, 3):
            return "place"
        if self._key_at(e, REPORT_VERBS_AFTER, 2):
            return "organization"
        k = e
        if k < len(toks) and toks[k].text in (",", "-", "–"):
            k += 1
            if k < len(toks) and toks[k].key in ("một", "là", "cựu", "nguyên"):
                k += 1
            if self._key_at(k, PERSON_NOUNS_AFTER, 3) or self.offs.match(toks, k) is not None:
                return "person"
        if toks[i].text.casefold() in GIVEN_NAMES and 2 <= e - i <= 4 and self._person_ok(i, e):
            return "person"  # "..., James Brindle thông báo": a given name is a person, whatever the list
        if any(x.text.casefold() in ORG_WORDS for x in toks[i:e] if x.word) and self._speech_after(e):
            return "organization"  # "..., Jaish al-Islam tuyên bố": a group speaking, not a listed place
        # coordinated with a typed name: "Al Abab, Palmyra và Deir ez-Zor"
        if i > 0 and toks[i - 1].key in (",", "và", "hoặc"):
            for it in reversed(self.items):
                if it.te == i - 1:
                    return it.kind if it.kind in ("person", "place", "organization") else None
        if e + 1 < len(toks) and toks[e].key in (",", "và", "hoặc"):
            g = self.gaz.match(toks, e + 1)
            if g is not None:
                gk = self.gaz.kind_of_surface(g)
                if gk in ("person", "place", "organization"):
                    return gk
        return None


_AL_PREFIX = re.compile(r"^(?:[Aa]l|[Ee]l)[-\s]+(?=\w)")


@lru_cache(maxsize=50_000)
def _slug_key(name: str) -> str:
    return slug(_AL_PREFIX.sub("", name))
