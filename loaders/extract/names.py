"""Word-level tools for finding names in Vietnamese text.

* `tokenize` splits a sentence into word and punctuation tokens with exact
  offsets, remembering whether whitespace preceded each token (so `Nga-Mỹ`,
  `al-Assad` and `Mát-xcơ-va` are three tokens joined "tightly" by hyphens).
* `norm` is the key used for matching: case-folded, Unicode NFC, and with the
  Vietnamese tone mark moved to a canonical place, so the old and new
  spellings (`hoà`/`hòa`, `Uỷ`/`Ủy`) compare equal.
* `is_viet_syllable` tells a Vietnamese syllable (`Nga`, `Anh`, `Tuấn`) from a
  foreign word (`Sergei`, `Idlib`, `Trump`): Vietnamese syllables are
  onset + vowel cluster + a short set of codas, nothing else.  Runs made only of
  Vietnamese syllables are names only with an explicit context (a title,
  "ông", "tỉnh"...), because sentence starts, bylines and headings are
  capitalised too.
* `slug` makes the stable ASCII key of a name the gazetteer has never seen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Tok",
    "tokenize",
    "tokenize_starts",
    "norm",
    "slug",
    "is_cap",
    "is_acronym",
    "has_digit",
    "is_viet_syllable",
    "is_foreign_word",
    "NAME_PARTICLES",
    "VIET_SURNAMES",
]


@dataclass(slots=True)
class Tok:
    """A token (treat as read-only; not frozen because frozen dataclasses are slow to build)."""

    text: str
    begin: int  # offset in the tokenized string
    end: int
    space: bool  # whitespace (or start of text) before this token
    word: bool  # a word (letters/digits), not punctuation
    key: str = ""  # `norm(text)`


_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
# the same tokens, each with the whitespace before it and split into word / punctuation groups:
# `findall` returns plain strings, and offsets follow from the lengths (the tokens and the
# whitespace between them cover the text), which is several times faster than match objects
_TOKEN_WS = re.compile(r"(\s*)(?:(\w+(?:['’]\w+)*)|([^\w\s]))", re.UNICODE)
_KEYS: dict[str, str] = {}  # norm() of token texts (a plain dict: cheaper than the lru_cache call)


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Word and punctuation tokens of `text`; offsets are shifted by `offset`."""
    return _scan(text, offset, _NO_FIRSTS, _NO_FIRSTS)[0]


def tokenize_starts(
    text: str, offset: int, firsts: frozenset[str] | set[str], extra: frozenset[str] | set[str] = frozenset()
) -> tuple[list[Tok], list[str], list[int]]:
    """`tokenize`, plus the tokens' keys and the indexes of the words that may start something:
    capitalised, or whose key is in `firsts` or `extra` (one pass instead of three)."""
    return _scan(text, offset, firsts, extra)


# `_scan`: the whitespace before a token, then the token (a word, else one punctuation mark)
_TOKEN_WS2 = re.compile(r"(\s*)(\w+(?:['’]\w+)*|[^\w\s])", re.UNICODE)
_WORD_START = re.compile(r"\w")
_NO_FIRSTS: frozenset[str] = frozenset()
# per (firsts, extra) sets: token text -> (key, is a word, may start something, length); the sets are
# kept in the entry, so their ids stay theirs while the entry lives
_START_INFO_MAX = 200_000  # token texts per table (then a fresh table: bounded memory per worker)
_START_INFO: dict[tuple[int, int], tuple[frozenset[str] | set[str], frozenset[str] | set[str],
                                         dict[str, tuple[str, bool, bool, int]]]] = {}


def _start_info(firsts: frozenset[str] | set[str], extra: frozenset[str] | set[str]) -> dict:
    ck = (id(firsts), id(extra))
    got = _START_INFO.get(ck)
    if got is not None and got[0] is firsts and got[1] is extra and len(got[2]) < _START_INFO_MAX:
        return got[2]
    if len(_START_INFO) >= 8:
        _START_INFO.clear()
    info: dict[str, tuple[str, bool, bool, int]] = {}
    _START_INFO[ck] = (firsts, extra, info)
    return info


def _scan(text: str, offset: int, firsts: frozenset[str] | set[str], extra: frozenset[str] | set[str]
          ) -> tuple[list[Tok], list[str], list[int]]:
    """The tokenizer (one loop for both entry points).

    This runs on every body sentence (the actors component), so what depends only on a token's text
    (its key, whether it is a word, whether it may start something) is looked up once per distinct
    text; the sets must not change while in use (the actors' dispatch tables never do)."""
    toks: list[Tok] = []
    append = toks.append
    klist: list[str] = []
    kappend = klist.append
    starts: list[int] = []
    sappend = starts.append
    cache = _start_info(firsts, extra)
    get = cache.get
    pos = offset
    for ws, s in _TOKEN_WS2.findall(text):
        info = get(s)
        if info is None:
            k = _KEYS.get(s)
            if k is None:
                k = norm(s)
                if len(_KEYS) < 500_000:
                    _KEYS[s] = k
            word = _WORD_START.match(s) is not None
            info = cache[s] = (k, word, word and (k in firsts or s[0].isupper() or k in extra), len(s))
        k, word, start, n = info
        if ws:
            pos += len(ws)
            append(Tok(s, pos, pos + n, True, word, k))
        else:
            append(Tok(s, pos, pos + n, False, word, k))
        if start:
            sappend(len(klist))
        kappend(k)
        pos += n
    if toks:
        toks[0].space = True  # the start of the text counts as whitespace
    return toks, klist, starts


# --- normalisation -----------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@lru_cache(maxsize=200_000)
def norm(word: str) -> str:
    """Matching key of a token: case-folded, NFC, tone mark on a canonical vowel.

    The tone mark is removed and re-attached to the last vowel of the syllable's
    vowel cluster that carries another diacritic, else to the main vowel by the
    "new style" rule; old-style (`hoà`, `thuý`) and new-style (`hòa`, `thúy`)
    spellings therefore share one key.
    """
    w = word.casefold().replace("’", "'")
    d = unicodedata.normalize("NFD", w)
    if not any(c in _TONES for c in d):
        return unicodedata.normalize("NFC", d)
    tone = next(c for c in d if c in _TONES)
    base = "".join(c for c in d if c not in _TONES)
    base_nfc = unicodedata.normalize("NFC", base)
    pos = _tone_position(base_nfc)
    if pos < 0:
        return unicodedata.normalize("NFC", d)
    out = base_nfc[: pos + 1] + tone + base_nfc[pos + 1:]
    return unicodedata.normalize("NFC", out)


_VOWELS = set("aăâeêioôơuưy")
_MARKED = set("ăâêôơư")


def _tone_position(s: str) -> int:
    """Index of the vowel that carries the tone in a toneless syllable (new-style rule)."""
    idx = [i for i, c in enumerate(s) if c in _VOWELS]
    if not idx:
        return -1
    # vowel cluster = first maximal run of vowels (skip 'u' after 'q' and 'i' after 'g' onsets)
    start = idx[0]
    if start > 0 and s[start - 1] == "q" and s[start] == "u" and len(idx) > 1:
        start = idx[1]
    elif start > 0 and s[start - 1] == "g" and s[start] == "i" and len(idx) > 1 and idx[1] == start + 1:
        start = idx[1]
    cluster = []
    i = start
    while i < len(s) and s[i] in _VOWELS:
        cluster.append(i)
        i += 1
    coda = i < len(s)
    for j in reversed(cluster):
        if s[j] in _MARKED:
            return j
    if len(cluster) == 1:
        return cluster[0]
    if coda or len(cluster) >= 3:
        return cluster[-1] if len(cluster) == 2 else cluster[1]
    # two vowels, open syllable: oa/oe/uy take the tone on the second vowel (new style)
    pair = s[cluster[0]] + s[cluster[1]]
    if pair in ("oa", "oe", "uy"):
        return cluster[1]
    return cluster[0]


def strip_marks(s: str) -> str:
    """ASCII-ish fold: no diacritics, đ -> d."""
    d = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def slug(name: str) -> str:
    """Stable ASCII key of a name: `Hulusi Akar` -> `hulusi-akar`, `tỉnh Latakia` -> `tinh-latakia`."""
    s = strip_marks(name).casefold()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


# --- word classes --------------------------------------------------------------

@lru_cache(maxsize=100_000)
def has_digit(text: str) -> bool:
    """Any character of `text` is a digit (`str.isdigit`)."""
    return any(c.isdigit() for c in text)


def is_cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


@lru_cache(maxsize=100_000)
def is_acronym(text: str) -> bool:
    """All-capital word of 2-7 letters (LHQ, ICRC, SDF); digits allowed after the first letter."""
    if not 2 <= len(text) <= 7 or not text[0].isalpha():
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
_NUCLEUS = (
    r"(?:uyê|uya|uây|oai|oay|oeo|uôi|ươi|ươu|iêu|yêu|uyu|"
    r"ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|"
    r"a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)"
)
_CODA = r"(?:ch|ng|nh|c|m|n|p|t)?"
_VIET = re.compile(f"^{_ONSET}{_NUCLEUS}{_CODA}$")


@lru_cache(maxsize=100_000)
def is_viet_syllable(word: str) -> bool:
    """True for a word that can be one Vietnamese syllable (`Nga`, `Tuấn`, `Nguyễn`, `Anh`)."""
    w = word.casefold()
    if not w.isalpha():
        return False
    d = unicodedata.normalize("NFD", w)
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
    if any(c in "fjwz" for c in base):
        return False
    return bool(_VIET.match(base))


def is_foreign_word(word: str) -> bool:
    """A capitalised word that cannot be a Vietnamese syllable (`Sergei`, `Idlib`, `Erdogan`)."""
    return word.isalpha() and not is_viet_syllable(word)


# lower-case particles that may sit inside foreign names (`Staffan de Mistura`, `al-Assad`)
NAME_PARTICLES = frozenset(
    "al el ad as ash at ibn bin bint de del della di du van von der den le la dos das ter zu".split()
)

# the commonest Vietnamese family names: a country name followed by one of these
# starts a Vietnamese person's name ("Đại sứ Việt Nam tại Nga Nguyễn Văn A")
VIET_SURNAMES = frozenset(norm(w) for w in (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Trịnh "
    "Lâm Mai Cao Tô Tạ Lương Trương Quách Thái Triệu Kiều Hà Chu Lưu Văn Tăng Vương Đào Nông"
).split())

# Common given names (of the languages news about the region quotes most).  A run of two or three
# foreign words with no other cue is taken for a person's name only if it starts with one of these
# or is followed by a verb of saying (see actors.py); "Real Madrid", "SEA Games" are not people.
GIVEN_NAMES = frozenset(w.casefold() for w in """
Michael John James David Robert William Richard Joseph Thomas Charles Daniel Matthew Mark Donald Paul Steven
Stephen George Kevin Brian Edward Ronald Timothy Jason Jeffrey Jeff Ryan Jacob Gary Nicholas Eric Jonathan Larry
Justin Scott Frank Benjamin Gregory Samuel Raymond Patrick Alexander Jack Dennis Jerry Aaron Henry Douglas Peter
Adam Nathan Walter Kyle Harold Carl Jeremy Keith Roger Gerald Arthur Terry Christian Sean Lawrence Joe Jesse
Albert Bruce Alan Ralph Gabriel Roy Wayne Eugene Louis Russell Vincent Philip Phillip Bill Barack Hillary Mike
Jim Rex Nikki Tom Tony Chris Christopher Andrew Anthony Martin Simon Ben Fred Dimitri Boris Ivan Igor Oleg Yuri
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret Sandra Emily Donna
Michelle Carol Amanda Melissa Stephanie Rebecca Laura Sharon Helen Anna Nicole Samantha Katherine Emma Christine
Catherine Rachel Julia Maria Marie Victoria Kelly Julie Angela Theresa Teresa Federica Hannah Sophie Sophia Ann
Jane Alice Marine Ségolène Jean Pierre François Francois Emmanuel Nicolas Laurent Jacques Dominique Olivier
Heiko Sigmar Olaf Hans Klaus Frank-Walter Ursula Jens Sergei Sergey Vladimir Dmitry Dmitri Alexei Alexey Mikhail
Nikolai Andrei Andrey Viktor Konstantin Gennady Valentina Anatoly Vasily Pavel Yevgeny Evgeny Maxim Denis Roman
Ruslan Stanislav Vitaly Valery Leonid Grigory Fyodor Kairat Nursultan Mohammed Muhammad Mohammad Mohamed Ahmed
Ahmad Ali Hassan Hussein Hossein Omar Abdullah Abdul Abdel Khalid Walid Bashar Hafez Maher Ibrahim Mahmoud Mustafa
Mostafa Youssef Yusuf Salman Hamad Tamim Faisal Saud Fahd Riad Riyad Imad Samir Ayman Adel Adil Hamid Hamza Jamal
Karim Nabil Rami Said Tariq Ziad Qassem Javad Ayatollah Recep Mevlut Binali Hulusi Ahmet Mehmet Fikri Hakan
Ismail Jose José Luis Carlos Antonio António Javier Pedro Manuel Mariano Pablo Fernando Juan Miguel Staffan
Filippo Geir Kofi Lakhdar Benjamin Avigdor Naftali Yair Shinzo Narendra Malcolm Theresa Jeremy Rodrigo Nicolas
Recep Salih Masoud Masrour Nechirvan Haider Nouri Mustafa Moqtada Saad Najib Michel Gebran Hosni Abdel-Fattah
""".split())

