"""Vietnamese phonetic spellings of foreign names matched to gazetteer entries.

Some outlets write foreign names the way they sound, in hyphenated Vietnamese
syllables, often with an initial: `Xéc-gây La-vrốp` (Sergei Lavrov),
`V.Pu-tin`, `Rếch Ti-lơ-xơn` (Rex Tillerson), `Ba-sa An Át-xát` (Bashar
al-Assad), places `Rắc-ca`, `Hôm-xơ`, organisations `Mặt trận An Nu-xra`.
The gazetteer mostly holds Latin spellings, so such names are missed.

How it works: both spellings are reduced to a common *phonetic skeleton*:

* vowels fold to four classes (`a ă â` / `e ê` / `i y` / `o ô ơ u ư`);
* consonants fold to classes that cover both orthographies: `x s sh` -> S,
  `c k q g kh gh` -> K, `p b v f ph` -> P, `t d th` (Latin) and `đ` -> T,
  `gi d` (Vietnamese) and `j z` -> J, `ng nh` -> N, ...;
* what Vietnamese adds to break consonant clusters is dropped: the vowel of a
  non-initial `C+ơ` syllable (`-xơ`, `-tơ`, `-lơ`: `Hôm-xơ` = Homs) and a
  coda stop before a consonant (`Át-xát` = Assad, `Méc-ken` = Merkel);
* what Vietnamese cannot write is dropped on the Latin side: `r` before a
  consonant or at a word end, `h` inside a word, doubled letters;
* particles (`al-`, `de`, `An`, `Đơ`, `Lơ`) and initials (`X.`) are left out.

Two skeletons are compared by an edit distance where near sounds cost half
(a vowel for another vowel, `l`/`n`, `k`/`j`...), with a length-dependent
threshold (short names must match exactly).  A name is linked only when one
entity is strictly closest; a tie between two entities links nothing.

Only spans that look phonetic are ever tried (a capitalised word made of
hyphen-joined lower-case syllables, `Pu-tin`, not `Nga-Mỹ` or `Al-Nusra`),
so ordinary Vietnamese words are never matched, and the skeletons of the
gazetteer are computed once per gazetteer.

Entry points: `match_phonetic(text)` (entity key of a whole name) and
`phonetic_surface(gaz, toks, i, kinds)` (the `Gazetteer.match` fallback: a
surface of the known entity covering the phonetic name at token i).
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from syriakg.loaders.extract.names import NAME_PARTICLES, Tok, is_viet_syllable
from syriakg.loaders.extract.names import tokenize as _tokenize

if TYPE_CHECKING:  # pragma: no cover
    from syriakg.loaders.extract.gazetteer import Gazetteer, Surface

__all__ = [
    "phonetic_key",
    "distance",
    "allowed_distance",
    "is_phonetic_word",
    "match_phonetic",
    "match_initial_name",
    "phonetic_keys",
    "phonetic_surface",
    "ENABLED",
]

# switch (tests and measurements compare with and without; env SYRIAKG_PHONETIC=0 turns it off)
ENABLED = os.environ.get("SYRIAKG_PHONETIC", "1") != "0"

KINDS = frozenset(("person", "place", "organization", "country", "armed_group"))

# standalone words left out of a name (Latin particles and their Vietnamese spellings)
PARTICLES = frozenset(NAME_PARTICLES | {"an", "en", "ên", "đơ", "lơ", "đờ", "phôn", "đe", "đu", "đi"})

# capitalised words that may not start a phonetic span (sentence starts, titles, prepositions)
_STOP_START = frozenset("""
theo tại ở với và của các những trong ngoài sau trước khi nếu hôm ngày tháng năm tuần ông bà ngài
tổng thủ bộ phó chủ người nước quân phía tờ hãng đài báo hai ba một cả mọi tuy nhưng vì do dù
đây đó hiện cũng về vụ cuộc lúc thành tỉnh thị làng khu vùng miền đông tây nam bắc trung
""".split())

_VOWEL_CLASS = {}
for _chars, _cls in (("aăâ", "a"), ("eê", "e"), ("iy", "i"), ("oôơuư", "o")):
    for _c in _chars:
        _VOWEL_CLASS[_c] = _cls
_VOWELS = frozenset(_VOWEL_CLASS)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _untone(s: str) -> str:
    """Remove the five Vietnamese tone marks, keep the letter marks (ơ, ư, ă, â, ê, ô, đ)."""
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))


def _fold(s: str) -> str:
    """No diacritics at all (Latin side: ç -> c, ş -> s, ı -> i, ğ -> g)."""
    s = s.replace("ı", "i").replace("đ", "d")
    d = unicodedata.normalize("NFD", s)
    return "".join(c for c in d if not unicodedata.combining(c))


# --- one syllable written the Vietnamese way ------------------------------------------

_VIET_MULTI = (("ngh", "N"), ("ng", "N"), ("nh", "N"), ("gh", "K"), ("kh", "K"), ("ph", "P"), ("th", "T"),
               ("qu", "K"))
_VIET_ONE = {
    "b": "P", "p": "P", "v": "P", "f": "P", "c": "K", "k": "K", "q": "K", "g": "K", "đ": "T", "t": "T",
    "d": "J", "j": "J", "z": "J", "s": "S", "x": "S", "l": "L", "m": "M", "n": "N", "r": "R", "h": "H", "w": "o",
}
_EPENTHETIC = re.compile(r"^[bcdđfghklmnpqrstvxz]+ơ$")


def _consonant(w: str, k: int, multi: tuple[tuple[str, str], ...], one: dict[str, str]) -> tuple[str, int]:
    """Skeleton symbols of the consonant (digraph first) at w[k], and how many letters it takes."""
    for pat, sym in multi:
        if w.startswith(pat, k):
            return sym, len(pat)
    return one.get(w[k], ""), 1


def _viet_syllable(p: str, initial: bool) -> list[str]:
    """Skeleton symbols of one syllable of a phonetic spelling (lower case, tones removed)."""
    if not initial and _EPENTHETIC.match(p):
        p = p[:-1]  # "-xơ", "-tơ": a vowel added to break a consonant cluster
    p = p.replace("ây", "ei")
    out: list[str] = []
    k, n = 0, len(p)
    while k < n:
        c = p[k]
        if c in _VOWELS:
            out.append(_VOWEL_CLASS[c])
            k += 1
            continue
        if p.startswith("gi", k) and k + 2 < n and p[k + 2] in _VOWELS:
            out.append("J")
            k += 2
            continue
        if p.startswith("ch", k):
            out.append("K" if k + 2 == n and k > 0 else "C")  # coda "ch" is a k
            k += 2
            continue
        sym, n_read = _consonant(p, k, _VIET_MULTI, _VIET_ONE)
        out.extend(sym)
        k += n_read
    return out


# --- one word written the Latin way -----------------------------------------------------

_LATIN_MULTI = (("sch", "S"), ("sh", "S"), ("ch", "C"), ("ph", "P"), ("th", "T"), ("kh", "K"), ("gh", "K"),
                ("ck", "K"), ("qu", "K"), ("dh", "T"), ("dj", "J"), ("zh", "J"), ("ou", "o"), ("x", "KS"))
_LATIN_ONE = {
    "b": "P", "p": "P", "v": "P", "f": "P", "w": "o", "k": "K", "q": "K", "g": "K", "d": "T", "t": "T",
    "j": "J", "z": "J", "s": "S", "l": "L", "m": "M", "n": "N", "r": "R",
}


def _latin_word(w: str) -> list[str]:
    w = "".join(c for c in _fold(w.casefold()) if c.isalpha())
    out: list[str] = []
    k, n = 0, len(w)
    if w.startswith("mc") and n > 3:
        out.extend("Ma")  # "McGurk" -> "Mác-gúc"
        k = 1
    while k < n:
        c = w[k]
        if c == "e" and k + 1 == n and k >= 3 and w[k - 1] not in "aeiouy":
            k += 1  # a silent final e ("Hollande", "Pence")
            continue
        if c in "aeiouy":
            out.append("o" if c == "u" else ("i" if c == "y" else c))
            k += 1
            continue
        if c == "h":
            if k == 0:
                out.append("H")
            k += 1
            continue
        if c == "g" and k + 1 < n and w[k + 1] in "eiy" and k == 0:
            out.append("J")  # "Geneva" -> "Giơ-ne-vơ"
            k += 1
            continue
        if c == "c":
            out.append("S" if k + 1 < n and w[k + 1] in "eiy" else ("C" if w.startswith("ch", k) else "K"))
            k += 2 if w.startswith("ch", k) else 1
            continue
        if c == "r" and (k + 1 == n or w[k + 1] not in "aeiouy") and k > 0:
            k += 1  # Vietnamese has no r coda: "Bashar" -> "Ba-sa", "Erdogan" -> "Ê-đô-gan"
            continue
        sym, n_read = _consonant(w, k, _LATIN_MULTI, _LATIN_ONE)
        out.extend(sym)
        k += n_read
    return out


# --- whole names --------------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:['’]\w+)*(?:[-‐]\w+(?:['’]\w+)*)*\.?", re.UNICODE)
_VIET_LETTERS = frozenset("ăâêôơưđ")


def is_phonetic_word(word: str) -> bool:
    """A capitalised word of hyphen-joined lower-case syllables without digits (`La-vrốp`, `A-xta-na`).

    Compounds of names (`Nga-Mỹ`, `Al-Nusra`, `Jean-Marc`), designations (`Su-24`, `T-ara`) and numerals
    (`XI-năm`) are not.
    """
    pieces = re.split(r"[-‐]", word)
    first = pieces[0]
    if len(pieces) < 2 or not first or not first[0].isupper() or not first.isalpha():
        return False
    if (len(first) > 1 and not first[1:].islower()) or not any(c in _VOWELS for c in _fold_vowels(first)):
        return False  # "XI-năm", "T-ara", "V-line": numerals and Latin abbreviations
    return all(p and p.isalpha() and p.islower() for p in pieces[1:])


def _fold_vowels(s: str) -> str:
    return _untone(s.casefold())


def _is_viet_plain(word: str) -> bool:
    low = word.casefold()
    return any(c in _VIET_LETTERS for c in _untone(low)) or is_viet_syllable(word)


def _word_symbols(word: str) -> list[str]:
    if is_phonetic_word(word) or (_is_viet_plain(word) and "-" not in word):
        pieces = [_untone(p.casefold()) for p in re.split(r"[-‐]", word) if p]
        syl = [_viet_syllable(p, k == 0) for k, p in enumerate(pieces)]
        out: list[str] = []
        for k, s in enumerate(syl):
            if k + 1 < len(syl) and len(s) > 1 and s[-1] in "TKPC" and s[-2] in "aeio" and syl[k + 1] and \
                    syl[k + 1][0] not in "aeio":
                s = s[:-1]  # a coda stop before a consonant closes the syllable only: "Át-xát", "Méc-ken"
            out.extend(s)
        return out
    pieces = [p for p in re.split(r"[-‐]", word) if p]
    while len(pieces) > 1 and pieces[0].casefold() in PARTICLES:
        pieces = pieces[1:]  # "al-Assad", "ez-Zor"
    out = []
    for p in pieces:
        out.extend(_latin_word(p))
    return out


def _name_words(text: str) -> tuple[list[str], list[str]]:
    """(initials, words) of a name; particles between words are left out."""
    initials: list[str] = []
    words: list[str] = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        if w.endswith("."):
            if len(w) == 2 and w[0].isalpha():
                initials.append(w[0])
                continue
            w = w[:-1]
        words.append(w)
    kept = [w for k, w in enumerate(words) if not (k + 1 < len(words) and w.casefold() in PARTICLES)]
    return initials, kept


def _collapse(sym: list[str]) -> str:
    out: list[str] = []
    for s in sym:
        if out and out[-1] == s:
            continue
        out.append(s)
    return "".join(out)


@lru_cache(maxsize=50_000)
def phonetic_key(name: str) -> str:
    """The phonetic skeleton of a name, whichever way it is spelt.

    `Xéc-gây La-vrốp` and `Sergei Lavrov` -> `SeKeiLaPRoP`; `Hôm-xơ` and `Homs` -> `HoMS`.
    """
    _initials, words = _name_words(name)
    sym: list[str] = []
    for w in words:
        sym.extend(_word_symbols(w))
    return _collapse(sym)


# --- distance -----------------------------------------------------------------------------

_NEAR = frozenset({("L", "N"), ("N", "L"), ("S", "T"), ("T", "S"), ("S", "C"), ("C", "S"), ("C", "T"), ("T", "C"), ("J", "S"), ("S", "J"),
                   ("J", "K"), ("K", "J"), ("J", "C"), ("C", "J"), ("K", "H"), ("H", "K"), ("J", "T"), ("T", "J")})
_CHEAP_INDEL = frozenset("aeioRH")


def _sub(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a.islower() and b.islower():
        return 0.75  # a vowel for another: transliterations keep vowels better than consonants
    if (a, b) in _NEAR:
        return 0.5
    if a.islower() or b.islower():
        return 1.0
    return 1.5  # one consonant for an unrelated one: rarely the same name


def _indel(a: str) -> float:
    return 0.5 if a in _CHEAP_INDEL else 1.0


def distance(a: str, b: str, limit: float = 99.0) -> float:
    """Weighted edit distance of two skeletons (near sounds and vowels cost half); > limit stops early."""
    if a == b:
        return 0.0
    prev = [0.0]
    for cb in b:
        prev.append(prev[-1] + _indel(cb))
    for ca in a:
        da = _indel(ca)
        cur = [prev[0] + da]
        best = cur[0]
        for j, cb in enumerate(b, 1):
            v = prev[j - 1] + _sub(ca, cb)
            x = prev[j] + da
            if x < v:
                v = x
            x = cur[j - 1] + _indel(cb)
            if x < v:
                v = x
            cur.append(v)
            if v < best:
                best = v
        if best > limit:
            return best
        prev = cur
    return prev[-1]


def allowed_distance(a: str, b: str) -> float:
    """How far two skeletons may be and still name the same thing.

    Driven by the shorter skeleton (a short name must not match a longer one by additions): up to
    four symbols exact only, five 0.5, six 0.75, up to eight 1.0, up to eleven 1.5, else 2.0.
    """
    n = min(len(a), len(b))
    if n <= 4:
        return 0.0
    if n == 5:
        return 0.5
    if n == 6:
        return 0.75  # one vowel changed ("Giơ-ne-va")
    if n <= 8:
        return 1.0
    if n <= 11:
        return 1.5
    return 2.0


def same_start(a: str, b: str) -> bool:
    """Names keep their first sound: equal or near first symbols, or both open with a vowel or h."""
    if not a or not b:
        return False
    x, y = a[0], b[0]
    if x == y or (x, y) in _NEAR:
        return True
    open_x = x.islower() or x == "H"
    open_y = y.islower() or y == "H"
    return open_x and open_y


# --- the gazetteer side -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Entry:
    key: str  # skeleton
    words: int  # number of name words (particles and initials left out)
    ident: str  # entity identity (ties between two of these link nothing)
    kind: str
    surface: Surface
    given: frozenset[str]  # first symbols of the person's given names (checked against initials)


@dataclass
class _Index:
    entries: list[_Entry]
    exact: dict[str, list[_Entry]]
    by_len: dict[int, list[_Entry]]
    cache: dict[str, tuple[_Entry, float] | None]


_INDEX: dict[int, tuple[object, _Index]] = {}


def _form_text(s: Surface) -> str:
    out = ""
    for k, t in enumerate(s.exact):
        if t in ("-", "‐") or (k > 0 and s.exact[k - 1] in ("-", "‐")):
            out += t
        else:
            out += (" " if out else "") + t
    return out


def _usable_form(text: str) -> bool:
    """A form worth a skeleton: it has a foreign word or a phonetic word (not `Hoa Kỳ`, `Nhà Trắng`)."""
    _i, words = _name_words(text)
    return any(is_phonetic_word(w) or not _is_viet_plain(w) for w in words if "-" in w or w.isalpha())


# English spellings that Vietnamese writes by their sound, not their letters: a final "u" + cluster is
# an open "ă" and the cluster's stop is not written ("Trump" -> "Trăm"); "a" before one consonant and a
# final "e/ey" is "ây", a final "ay/ey" is "ây" ("Haley" -> "Hây-li", "May" -> "Mây").  Applied in turn
# to a person's Latin surname; each step that changes it gives one more reading of the same person.
_ENGLISH_STEPS = (
    (re.compile(r"(?<=[^aeiou])u(?=(?:mp|mb|nt|nd|nk|ck|ss|st|ff|tt|dd|gg|bb)$)"), "a"),
    (re.compile(r"(?<=[mn])[pbtdk]$"), ""),
    (re.compile(r"(?<=[^aeiou])a(?=[bcdfgklmnprstvz](?:ey|ie|e|y)$)"), "ei"),
    (re.compile(r"(?<=[^aeiou])(?:ey|ie)$"), "i"),
    (re.compile(r"(?:ay|ey)$"), "ei"),
)


def _english_variants(word: str) -> list[str]:
    """Other readings of a Latin surname (`Trump` -> `trum`, `tram`; `Haley` -> `heili`): none for a
    phonetic or Vietnamese word."""
    if not word.isalpha() or not word.isascii():
        return []
    w = word.casefold()
    out: list[str] = []
    for rx, rep in _ENGLISH_STEPS:
        v = rx.sub(rep, w)
        if v != w:
            out.append(v)
            w = v
    return out


def _index(gaz: Gazetteer) -> _Index:
    got = _INDEX.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    given: dict[str, set[str]] = {}
    for e in gaz.entities.values():
        if e.kind == "person":
            for f in e.forms:
                _i, ws = _name_words(f)
                if len(ws) >= 2:
                    sym = _word_symbols(ws[0])
                    if sym:
                        given.setdefault(e.key, set()).add(sym[0])
    entries: list[_Entry] = []
    seen: set[tuple[str, str]] = set()

    def add(name: str, ident: str, kind: str, s: Surface) -> None:
        key = phonetic_key(name)
        if len(key) < 3 or (key, ident) in seen:
            return
        seen.add((key, ident))
        nw = len(_name_words(name)[1])
        entries.append(_Entry(key, nw, ident, kind, s, frozenset(given.get(ident, ()))))

    for lst in gaz.index.values():
        for s in lst:
            if s.how == "acronym" or any(s.acr):
                continue
            kind = gaz.kind_of_surface(s)
            if kind not in KINDS:
                continue
            text = _form_text(s)
            if not _usable_form(text):
                continue
            if s.key is not None:
                ident = s.key
            else:  # a bare place name: the same readings are the same place ("Raqqa", "Raqa", "Rakka")
                pn = s.place
                ident = "@" + "|".join(str(x) for x in (pn.default, pn.settlement, pn.province)) if pn else text
            add(text, ident, kind, s)
            if kind == "person":
                _i, ws = _name_words(text)
                if len(ws) >= 2:
                    add(ws[-1], ident, kind, s)  # the surname alone ("bà Hây-li" for Nikki Haley)
                for v in _english_variants(ws[-1]) if ws else ():
                    add(" ".join(ws[:-1] + [v]), ident, kind, s)
                    if len(ws) >= 2:
                        add(v, ident, kind, s)
    exact: dict[str, list[_Entry]] = {}
    by_len: dict[int, list[_Entry]] = {}
    for en in entries:
        exact.setdefault(en.key, []).append(en)
        by_len.setdefault(len(en.key), []).append(en)
    idx = _Index(entries, exact, by_len, {})
    if len(_INDEX) > 8:
        _INDEX.clear()
    _INDEX[id(gaz)] = (gaz, idx)
    return idx


# the sounds an initial may stand for ("X." is Xéc-gây/Sergei, "G." Giêm/James or Ghen-na-đi/Gennady)
_INITIAL = {
    "x": frozenset("S"), "s": frozenset("S"), "c": frozenset("KSC"), "k": frozenset("K"), "q": frozenset("K"),
    "g": frozenset("KJ"), "d": frozenset("JT"), "đ": frozenset("T"), "j": frozenset("J"), "z": frozenset("J"),
    "v": frozenset("P"), "b": frozenset("P"), "p": frozenset("P"), "f": frozenset("P"), "w": frozenset("aeioP"),
    "t": frozenset("TC"), "r": frozenset("R"), "l": frozenset("L"), "m": frozenset("M"), "n": frozenset("N"),
    "h": frozenset("Haeio"),
}


def _best(idx: _Index, text: str) -> tuple[_Entry, float] | None:
    """The one entry closest to the name `text` within the threshold, and its distance (None if none or a tie)."""
    got = idx.cache.get(text)
    if got is not None or text in idx.cache:
        return got
    initials, words = _name_words(text)
    nw = len(words)
    key = phonetic_key(text)
    res: tuple[_Entry, float] | None = None
    if len(key) >= 3:
        scored: dict[str, tuple[float, _Entry]] = {}
        for en in idx.exact.get(key, ()):
            if en.words == nw:
                scored[en.ident] = (0.0, en)
        n = len(key)
        top = allowed_distance(key, key + "xxxx")
        for L in range(max(3, n - 4), n + 5):
            for en in idx.by_len.get(L, ()):
                if en.words != nw or (en.ident in scored and scored[en.ident][0] == 0.0) or \
                        not same_start(key, en.key):
                    continue
                lim = allowed_distance(key, en.key)
                if abs(L - n) * 0.5 > lim:
                    continue
                d = distance(key, en.key, min(lim, top))
                if d <= lim and (en.ident not in scored or d < scored[en.ident][0]):
                    scored[en.ident] = (d, en)
        if initials:
            ini = _INITIAL.get(initials[0].casefold(), frozenset("aeio"))
            for ident in list(scored):
                en = scored[ident][1]
                if en.kind != "person" or (en.given and not en.given & ini):
                    del scored[ident]
        if scored:
            ranked = sorted(scored.values(), key=lambda x: x[0])
            if len(ranked) == 1 or ranked[1][0] > ranked[0][0]:
                res = (ranked[0][1], ranked[0][0])
    if len(idx.cache) > 100_000:
        idx.cache.clear()
    idx.cache[text] = res
    return res


def _default_gazetteer() -> Gazetteer:
    from syriakg.loaders.extract.gazetteer import get_gazetteer

    return get_gazetteer()


def match_phonetic(text: str, gaz: Gazetteer | None = None, kinds: set[str] | None = None) -> str | None:
    """The gazetteer key of the entity the phonetic name `text` spells (`Rắc-ca` -> `raqqa`), if one.

    `text` must contain a phonetic word (`Xéc-gây La-vrốp`, `X.La-vrốp`); places the gazetteer gives to a
    bare name (`Idlib`: city or province) return the entity of that name's default reading, if any.
    """
    if not ENABLED or not any(is_phonetic_word(w.rstrip(".")) for w in text.split()
                              for w in re.split(r"(?<=\.)", w) if w):
        return None
    g = gaz if gaz is not None else _default_gazetteer()
    got = _best(_index(g), text)
    en = got[0] if got is not None else None
    if en is None or (kinds is not None and en.kind not in kinds):
        return None
    s = en.surface
    if s.key is not None:
        return s.key
    pn = s.place
    return (pn.default or pn.settlement or pn.province) if pn is not None else None


def match_initial_name(text: str, gaz: Gazetteer | None = None, titled: bool = False) -> str | None:
    """The gazetteer person an initial and a surname spell (`Đ.Trăm` = Donald Trump, `N.Hây-li` = Nikki
    Haley), when the ordinary matching (`match_phonetic`) finds nobody.

    The initial must fit one of the person's given names (`Đ`/`D` a D-name, `V` a V-name ...), the surname
    is compared with the gazetteer surnames (and their English readings) allowing one vowel more than
    `allowed_distance`, and one person must be strictly the closest.  A surname written as one plain
    Vietnamese syllable (`Trăm`, `Mây`) is also a Vietnamese given name (`Đ.Trâm` signs articles): it is
    tried only when `titled` (the caller read an office title before it: "Tổng thống Mỹ Đ.Trăm").
    """
    if not ENABLED:
        return None
    initials, words = _name_words(text)
    if len(initials) != 1 or len(words) != 1 or not words[0][:1].isupper():
        return None
    w = words[0]
    if not titled and not is_phonetic_word(w) and _is_viet_plain(w):
        return None
    g = gaz if gaz is not None else _default_gazetteer()
    idx = _index(g)
    key = phonetic_key(w)
    if len(key) < 3:
        return None
    ini = _INITIAL.get(initials[0].casefold(), frozenset("aeio"))
    scored: dict[str, float] = {}
    for L in range(max(3, len(key) - 2), len(key) + 3):
        for en in idx.by_len.get(L, ()):
            if en.kind != "person" or en.words != 1 or not (en.given & ini) or not same_start(key, en.key):
                continue
            lim = allowed_distance(key, en.key) + 0.75
            d = distance(key, en.key, lim)
            if d <= lim and d < scored.get(en.ident, 99.0):
                scored[en.ident] = d
    if not scored:
        return None
    ranked = sorted(scored.items(), key=lambda x: x[1])
    if len(ranked) > 1 and ranked[1][1] <= ranked[0][1]:
        return None
    return ranked[0][0]


# --- the token side ---------------------------------------------------------------------------

def _word_end(toks: list[Tok], k: int) -> int:
    """End (exclusive) of the hyphen-joined word starting at token k."""
    n = len(toks)
    e = k + 1
    while e + 1 < n and toks[e].text in ("-", "‐") and not toks[e].space and toks[e + 1].word and \
            not toks[e + 1].space:
        e += 2
    return e


def _text(toks: list[Tok], b: int, e: int) -> str:
    out = ""
    for t in toks[b:e]:
        out += (" " if t.space and out else "") + t.text
    return out


def starts_phonetic(toks: list[Tok], i: int) -> bool:
    """Cheap test: token i starts a capitalised phonetic word, an initial before one (`X.La-vrốp`), or
    one or two capitalised words before one (`Giép Xét-xừn`, `Mặt trận An Nu-xra` from `An`)."""
    n = len(toks)
    if i >= n:
        return False
    t = toks[i]
    if not t.word or not t.text[0].isupper():
        return False
    k = i
    for _ in range(3):
        if k + 2 < n and toks[k + 1].text == "." and len(toks[k].text) == 1 and not toks[k + 1].space:
            k += 2
            continue
        if k + 2 < n and toks[k + 1].text in ("-", "‐") and not toks[k + 1].space and not toks[k + 2].space:
            return toks[k + 2].word and toks[k + 2].text.islower()
        k += 1
        if k >= n or not toks[k].space or not toks[k].word or not toks[k].text[0].isupper():
            return False
    return False


def _span_words(toks: list[Tok], i: int) -> list[tuple[int, int, str]]:
    """Words of a possible phonetic name starting at token i: (begin, end, kind), kind in
    initial | phon | plain."""
    n = len(toks)
    out: list[tuple[int, int, str]] = []
    k = i
    while k < n and len(out) < 5:
        t = toks[k]
        if k > i and not t.space and not (out and out[-1][2] == "initial"):
            break
        if not t.word or not (t.text[0].isupper() or (out and t.key in PARTICLES)):
            break
        if len(t.text) == 1 and t.text.isupper() and k + 2 < n and toks[k + 1].text == "." and \
                not toks[k + 1].space and toks[k + 2].word and toks[k + 2].text[0].isupper():
            if out:
                break
            out.append((k, k + 2, "initial"))
            k += 2
            continue
        e = _word_end(toks, k)
        if any(c.isdigit() for x in toks[k:e] for c in x.text):
            break
        word = "".join(x.text for x in toks[k:e])
        out.append((k, e, "phon" if is_phonetic_word(word) else "plain"))
        k = e
    return out


_SENTENCE_PUNCT = frozenset(".!?:…*•(\"“«")  # after these a capital may be a sentence start


def _after_phonetic_word(toks: list[Tok], i: int) -> bool:
    """Token i follows (after a space) a capitalised phonetic word, or an initial (`G.Luân-đôn`): it is
    inside a name."""
    if i >= 2 and toks[i - 1].text == "." and len(toks[i - 2].text) == 1 and toks[i - 2].text.isupper():
        return True
    if i == 0 or not toks[i].space:
        return False
    g = i - 1
    while g >= 2 and toks[g - 1].text in ("-", "‐") and not toks[g - 1].space and not toks[g].space:
        g -= 2
    return g < i - 1 and is_phonetic_word("".join(x.text for x in toks[g:i]))


def phonetic_surface(gaz: Gazetteer, toks: list[Tok], i: int, kinds: set[str] | None = None) -> Surface | None:
    """A surface of the gazetteer entity whose phonetic spelling starts at token i (longest name first).

    The surface is the entity's own (same key or place name, so provinces/settlements and metonyms keep
    their readings) but spans the tokens of the text.  None unless the span looks phonetic, starts a name
    (not the surname after a phonetic given name) and one entity is strictly the closest.
    """
    if not ENABLED or not starts_phonetic(toks, i) or _after_phonetic_word(toks, i):
        return None
    words = _span_words(toks, i)
    first_phon = next((k for k, w in enumerate(words) if w[2] == "phon"), None)
    if first_phon is None:
        return None
    lead = [w for w in words[:first_phon] if w[2] == "plain"]
    if len(lead) > 2 or any(toks[w[0]].key in _STOP_START for w in lead):
        return None
    idx = _index(gaz)
    at_start = i == 0 or toks[i - 1].text in _SENTENCE_PUNCT
    for last in range(len(words) - 1, first_phon - 1, -1):
        e = words[last][1]
        if words[last][2] == "plain" and toks[words[last][0]].key in PARTICLES:
            continue
        if e < len(toks) and toks[e].word and toks[e].text[0].isdigit():
            return None  # a designation: "Su-khoi 30"
        got = _best(idx, _text(toks, i, e))
        if got is None:
            continue
        en, d = got
        if last < len(words) - 1 and en.kind == "person":
            return None  # part of a longer name: "Ru-vơ-ni Na-đa-lô" is not Rouhani
        if at_start and last == 0 and d > 0:
            return None  # a capitalised sentence start may be a loanword ("Vắc-xin"): exact spellings only
        if kinds is not None and en.kind not in kinds:
            return None
        keys = tuple(t.key for t in toks[i:e])
        L = e - i
        how = "metonym" if en.surface.how == "metonym" else "alias"
        return dataclasses.replace(en.surface, toks=keys, caps=(False,) * L, acr=(False,) * L,
                                   exact=tuple(_text(toks, w[0], w[1]) for w in words[:last + 1]),
                                   how=how, viet_single=False, cap_pos=(), acr_pos=())
    return None



def phonetic_keys(text: str, gaz: Gazetteer | None = None) -> set[str]:
    """Keys of the known entities named by phonetic spellings anywhere in `text` ("thỏa thuận Át-xta-na"
    -> {"astana"}); a bare place name gives the entity of its default reading (city before province)."""
    if not ENABLED or "-" not in text:
        return set()
    toks = _tokenize(text)
    g = gaz if gaz is not None else _default_gazetteer()
    out: set[str] = set()
    i = 0
    while i < len(toks):
        s = phonetic_surface(g, toks, i) if starts_phonetic(toks, i) else None
        if s is None:
            i += 1
            continue
        pn = s.place
        key = s.key if s.key is not None else (pn.default or pn.settlement or pn.province) if pn else None
        if key:
            out.add(key)
        i += len(s.toks)
    return out
