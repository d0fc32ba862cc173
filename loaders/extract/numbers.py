"""Vietnamese numerals and quantity qualifiers: "ít nhất 16", "290.000", "1,5 triệu", "ba triệu", "hàng nghìn".

`find_quantities(text)` returns every quantity in a text, in order, each a
`Quantity` with the value (None for vague quantities such as "hàng triệu"),
the qualifier, and offsets into the text.  It knows nothing about what is
counted: callers (the casualty extractor) look at the words after the number.

Conventions (documented because the contract's qualifiers need a choice):

* Vietnamese digits use "." for thousands and "," for decimals: "290.000" is
  290000, "1,5 triệu" is 1500000.  A 1-2 digit decimal with "." before a
  multiplier ("2.5 triệu", English style) is read as a decimal.
* Qualifiers: "ít nhất", "tối thiểu", "không dưới" -> at_least; "hơn", "trên",
  "vượt quá" -> more_than; "khoảng", "gần", "chừng", "xấp xỉ", "ước tính" ->
  about; "tối đa", "không quá", "chưa đến", "chưa đầy", "dưới" -> at_most.  "lên tới",
  "lên đến", "có tới", "tới" report a total that has been reached ("số người
  thiệt mạng đã lên tới 20" = the toll is now 20), not an upper bound, so they
  give `exactly`; the words are kept in `text`.  No qualifier -> exactly.
* Vague quantities ("hàng triệu", "hàng nghìn", "hàng chục", "hàng trăm",
  "hàng loạt", "vài trăm", "một số", "hơn nửa", "một nửa") have value None and
  qualifier `vague`, whatever word precedes them.
* A range "20-30", "65.000-117.000" or "từ 20 đến 30" gives the lower bound with `at_least`.
* Words: một..chín, mười, mươi, mốt, lăm, tư, linh/lẻ, trăm, nghìn/ngàn,
  vạn, triệu, tỷ/tỉ, chục, rưỡi.  "năm" is five only where it cannot be the
  noun "year" ("năm 2011", "hai trăm năm" stop before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syriakg.loaders.extract.vi_regex import alternation, canon, vi
from syriakg.loaders.model import Qualifier

QUALIFIER_WORDS: dict[str, Qualifier] = {
    "ít nhất là": "at_least",
    "ít nhất": "at_least",
    "tối thiểu": "at_least",
    "không dưới": "at_least",
    "không ít hơn": "at_least",
    "hơn": "more_than",
    "hơn cả": "more_than",
    "trên": "more_than",
    "vượt quá": "more_than",
    "vượt": "more_than",
    "nhiều hơn": "more_than",
    "khoảng": "about",
    "khoảng chừng": "about",
    "khoảng hơn": "more_than",
    "chừng": "about",
    "ước chừng": "about",
    "ước tính": "about",
    "ước tính khoảng": "about",
    "ước tính có": "about",
    "gần": "about",
    "xấp xỉ": "about",
    "độ": "about",
    "tầm": "about",
    "tối đa": "at_most",
    "không quá": "at_most",
    "nhiều nhất": "at_most",
    "chưa đến": "at_most",
    "chưa tới": "at_most",
    "chưa đầy": "at_most",
    "không đầy": "at_most",
    "dưới": "at_most",
    "lên tới": "exactly",
    "lên đến": "exactly",
    "có tới": "exactly",
    "có đến": "exactly",
    "tới": "exactly",
}

DIGITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
# digit words that only occur after "mươi"/"mười": hai mươi mốt (21), ba mươi lăm (35), bốn mươi tư (44)
AFTER_TENS = {"mốt": 1, "lăm": 5, "nhăm": 5, "tư": 4}
SCALES = {"nghìn": 1_000, "ngàn": 1_000, "vạn": 10_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
_CONTINUE_NAM = ("mươi", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ", "chục")
NUMBER_WORDS = (
    list(DIGITS) + list(AFTER_TENS) + list(SCALES) + ["mười", "mươi", "trăm", "chục", "linh", "lẻ", "rưỡi"]
)

_QUALIFIERS = {canon(k): v for k, v in QUALIFIER_WORDS.items()}
_QUAL_RE = alternation(list(QUALIFIER_WORDS))
_SCALE_RE = alternation(list(SCALES) + ["trăm"])
_DIGITNUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d{1,2}(?=\s+" + _SCALE_RE + r"\b))?|\d+(?:,\d+)?"
_WORDNUM = r"(?:(?:" + alternation(NUMBER_WORDS) + r")\b\s*)+"
_VAGUE = (
    r"hàng (?:chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|loạt)(?: (?:nghìn|ngàn|triệu))?"
    r"|vài (?:chục|trăm|nghìn|ngàn|vạn|triệu)(?: (?:nghìn|ngàn|triệu))?"
    r"|mấy (?:chục|trăm|nghìn|ngàn|vạn|triệu)"
    r"|một số|(?:hơn )?một nửa|hơn nửa|quá nửa|phân nửa"
)

QUANTITY_RE = re.compile(
    r"(?<![\w/.,-])(?:(?P<qual>" + _QUAL_RE + r")\s+)?"
    r"(?:(?P<vague>" + vi(_VAGUE) + r")(?!\w)"
    r"|(?P<half>" + vi("nửa") + r")\s+(?P<hscale>" + alternation(list(SCALES)) + r")(?!\w)"
    r"|(?P<range>\d{1,3}(?:\.\d{3})+|\d+)\s*[-–]\s*(?P<range2>\d{1,3}(?:\.\d{3})+|\d+)(?![\d/.,])"
    r"|từ\s+(?P<from>\d[\d.]*)\s+(?:đến|tới)\s+(?P<to>\d[\d.]*)"
    r"|(?P<digits>" + _DIGITNUM + r")(?![\d/])(?P<dscale>(?:\s+" + _SCALE_RE + r"\b)*)"
    r"|(?P<words>" + _WORDNUM + r"))",
    re.IGNORECASE,
)

_PERCENT_RE = re.compile(r"\s*(?:%|phần trăm)", re.IGNORECASE)
_YEAR_AFTER_RE = re.compile(r"\s*\d{3,4}\b")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, with offsets into the text it was found in.

    `begin..end` covers the qualifier and the number ("ít nhất 16");
    `num_begin..num_end` the number alone ("16").
    """

    value: int | None
    qualifier: Qualifier
    begin: int
    end: int
    text: str
    num_begin: int
    num_end: int
    percent: bool = False

    @property
    def vague(self) -> bool:
        return self.qualifier == "vague"


def parse_digits(s: str, scale_words: str = "") -> int | None:
    """'290.000' -> 290000; '1,5' + ' triệu' -> 1500000; '2.5 triệu' -> 2500000."""
    s = s.strip()
    mult = 1
    for w in scale_words.lower().split():
        mult *= 100 if w == "trăm" else SCALES.get(w, 1)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        whole, _, frac = s.partition(",")
        value = float(whole.replace(".", "") + ("." + frac if frac else ""))
    elif re.fullmatch(r"\d+[.,]\d+", s):
        value = float(s.replace(",", "."))
    elif s.isdigit():
        value = float(s)
    else:
        return None
    out = value * mult
    return int(round(out))


def parse_words(tokens: list[str]) -> tuple[int | None, int]:
    """Value of a run of Vietnamese number words and how many tokens it used.

    Stops at the first token that cannot continue the numeral (so "hai trăm
    năm" reads 200 and leaves "năm"); (None, 0) when nothing parses.
    """
    total = 0
    group = 0  # the part below the current scale word
    pending: int | None = None  # a digit word waiting for its multiplier
    after_tens = False  # just saw mươi/mười: mốt/lăm/tư are digits now
    after_linh = False
    used = 0
    seen_any = False
    toks = [t.lower() for t in tokens]
    for i, w in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if w in DIGITS or (after_tens and w in AFTER_TENS):
            if pending is not None:
                break  # "hai ba" (two-three): stop at the second digit
            if w == "năm" and seen_any and not after_linh and nxt not in _CONTINUE_NAM:
                break  # "hai trăm năm", "mười năm": years; 15 and 25 are "mười lăm", "hai mươi lăm"
            d = DIGITS.get(w, AFTER_TENS.get(w, 0))
            if after_tens:
                group += d
                after_tens = after_linh = False
            else:
                pending = d
        elif w == "mười":
            if pending is not None:
                break
            group += 10
            after_tens = True
        elif w == "mươi":
            if pending is None:
                break
            group += pending * 10
            pending = None
            after_tens = True
        elif w in ("trăm", "chục"):
            group += (pending if pending is not None else 1) * (100 if w == "trăm" else 10)
            pending = None
            after_tens = False
        elif w in SCALES:
            group += pending or 0
            total += (group or 1) * SCALES[w]
            group, pending, after_tens = 0, None, False
        elif w in ("linh", "lẻ"):
            if not seen_any or nxt not in DIGITS:
                break
            after_tens = after_linh = True  # "một trăm linh năm" = 105: the next digit is a unit
            seen_any = True
            continue
        elif w == "rưỡi":
            if not seen_any:
                break
            # "một triệu rưỡi" = 1.5 million; "hai trăm rưỡi" = 250
            last_scale = next((SCALES[t] for t in reversed(toks[:i]) if t in SCALES), 100 if "trăm" in toks[:i] else 1)
            total += last_scale // 2
        else:
            break
        seen_any = True
        used = i + 1
    if not seen_any:
        return None, 0
    group += pending or 0
    total += group
    return (total if total > 0 else None), used


def _word_spans(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text[begin:end])]


def find_quantities(text: str, begin: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity in text[begin:end], in order, with offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text, begin, end):
        q = _from_match(text, m)
        if q is not None:
            out.append(q)
    return out


def _from_match(text: str, m: re.Match[str]) -> Quantity | None:
    qual_word = (m.group("qual") or "").lower()
    qualifier: Qualifier = _QUALIFIERS.get(canon(qual_word), "exactly") if qual_word else "exactly"
    start = m.start("qual") if m.group("qual") else None
    value: int | None
    if m.group("vague"):
        n_begin, n_end, value, qualifier = m.start("vague"), m.end("vague"), None, "vague"
    elif m.group("half"):
        n_begin, n_end = m.start("half"), m.end("hscale")
        value = SCALES[canon(m.group("hscale"))] // 2
    elif m.group("range"):
        lo, hi = parse_digits(m.group("range")) or 0, parse_digits(m.group("range2")) or 0
        if hi <= lo:
            return None  # "18-5" is a date, not a range
        n_begin, n_end = m.start("range"), m.end("range2")
        value, qualifier = lo, "at_least"
    elif m.group("from"):
        n_begin, n_end = m.start(), m.end("to")
        value, qualifier = parse_digits(m.group("from")), "at_least"
        start = None
    elif m.group("digits"):
        n_begin = m.start("digits")
        n_end = m.end("dscale") if m.group("dscale") else m.end("digits")
        value = parse_digits(m.group("digits"), m.group("dscale") or "")
    else:
        wb, we = m.start("words"), m.end("words")
        spans = _word_spans(text, wb, we)
        tokens = [text[wb + a : wb + b] for a, b in spans]
        value, used = parse_words(tokens)
        if not used or value is None:
            return None
        n_begin, n_end = wb, wb + spans[used - 1][1]
        first = tokens[0].lower()
        if first in SCALES or first == "trăm":
            return None  # "phần trăm", "hàng nghìn" (handled above): a scale word needs a number before it
        # "năm 2011" is a year, "năm nay" a time: the caller decides from what follows,
        # but a bare "năm" directly before a 3-4 digit number is never five.
        if first == "năm" and used == 1 and _YEAR_AFTER_RE.match(text, n_end):
            return None
    if value is None and qualifier != "vague":
        return None
    b = start if start is not None else n_begin
    percent = bool(_PERCENT_RE.match(text, n_end))
    return Quantity(value, qualifier, b, n_end, text[b:n_end], n_begin, n_end, percent)


def quantity_at(text: str, pos: int) -> Quantity | None:
    """The quantity that starts exactly at `pos` (qualifier included), if any."""
    m = QUANTITY_RE.match(text, pos)
    return _from_match(text, m) if m else None
