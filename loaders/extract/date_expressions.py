"""Find Vietnamese date expressions in a text, unresolved ("ngày 25/2", "tháng 3 tới", "hôm thứ Sáu", "cùng ngày").

`find_dates(text)` returns `DateExpr`s in text order.  Each records what the
words say (day, month, year, weekday, a relative offset, whether they point
to the future or the past) and where they are; turning them into calendar
values needs the article's date evidence and is the job of
`syriakg.loaders.extract.dates`.

A bare "d/m" is only read as a date after a date word ("ngày", "hôm",
"sáng", "chiều", "tối", "đêm", "rạng sáng", "vào", "từ", "đến", a weekday)
or inside parentheses, so fractions ("1/3 dân số"), scores and "24/7" are
not dates; "d/m/yyyy" needs no cue.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from typing import Literal

from syriakg.loaders.extract.vi_regex import canon, vi

DateKind = Literal[
    "dmy", "dm", "my", "m", "y", "rel_year", "rel_month", "weekday", "week", "rel_day", "same_day", "before",
]
Direction = Literal["future", "past"] | None


@dataclass(frozen=True, slots=True)
class DateExpr:
    """One date expression as written; `begin`/`end` are offsets into the text searched."""

    kind: DateKind
    begin: int
    end: int
    text: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_day: int | None = None  # "23-24/1": 24
    weekday: int | None = None  # 0 = Monday .. 6 = Sunday
    offset: int = 0  # relative days / weeks / months / years
    year_offset: int | None = None  # "tháng 12 năm ngoái": the month of the year before
    direction: Direction = None
    part: str | None = None  # "early" | "mid" | "late" (đầu / giữa / cuối)

    @property
    def explicit_day(self) -> bool:
        """Names a day on its own (not relative to another sentence's date)."""
        return self.kind in ("dmy", "dm", "weekday", "rel_day")


MONTH_WORDS: dict[str, int] = {
    "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
MONTH_WORDS = {canon(k): v for k, v in MONTH_WORDS.items()}
WEEKDAYS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3, "sáu": 4, "6": 4, "bảy": 5, "7": 5}
# words before "thứ X" that make it an ordinal ("lần thứ hai", "vòng thứ ba"), not a weekday
ORDINAL_NOUNS = frozenset(canon(w) for w in (
    "lần", "vòng", "năm", "người", "nước", "phiên", "kỳ", "đợt", "khóa", "hạng", "giải", "cấp", "bậc", "lớp", "số",
    "loại", "điều", "phần", "chương", "tập", "tầng", "đứng", "thế", "hệ", "ngày", "tuần", "tháng", "cuộc", "bên",
    "quốc", "gia", "đội", "trận", "vụ", "mùa", "nhiệm", "đời", "chiếc", "nhóm", "bước",
))

_MONTH_WORD = r"(?:mười một|mười hai|mười|giêng|chạp|một|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín)"
_TOD = r"(?:rạng sáng|sáng sớm|sáng|chiều tối|chiều|trưa|tối|đêm|khuya)"
_DAY_PRE = (
    r"(?:(?:" + _TOD + r" )?(?:ngày hôm|ngày|hôm) |" + _TOD + r" (?:ngày )?|\( ?|"
    r"(?:vào|từ|đến|tới|trước|sau|hạn chót|thời hạn) (?:ngày )?|"
    r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật),? (?:ngày |\( ?)?)"
)
_FUT = r"(?:sắp tới|tới đây|tới(?! (?:ngày|hôm|thứ|tháng|năm|nay|\d)))"
_PAST = r"(?:vừa qua|vừa rồi)"

_PATTERNS: list[tuple[str, str]] = [
    # ngày 25 tháng 2 năm 2020 / hai ngày 23 và 24 tháng 1
    ("dmw", r"(?:" + _DAY_PRE + r")?(?<!\d)(?P<wd>\d{1,2})(?: ?(?:-|–|và) ?(?P<wd2>\d{1,2}))? tháng "
            r"(?P<wm>\d{1,2}|" + _MONTH_WORD + r")(?![\w/])(?:(?: năm|,) (?P<wy>(?:19|20)\d\d)|/(?P<wy2>(?:19|20)\d\d))?"
            r"(?: (?P<wdrel>" + _FUT + "|" + _PAST + r"))?"),
    # 25/2, 20/2/2020, 23-24/1, ngày 18-5(-2017)
    ("dms", r"(?P<pre>" + _DAY_PRE + r")?(?<![\d/.,])(?P<d>\d{1,2})(?: ?[-–] ?(?P<d2>\d{1,2}))? ?/ ?(?P<m>\d{1,2})"
            r"(?: ?/ ?(?P<y>(?:19|20)?\d\d))?(?![\d/])(?: ?\))?(?: (?P<rel>" + _FUT + "|" + _PAST + r"))?"),
    ("dmd", r"(?P<dpre>(?:(?:" + _TOD + r" )?(?:ngày hôm|ngày|hôm)|" + _TOD + r") )(?P<dd>\d{1,2})[-–.](?P<dm>\d{1,2})"
            r"(?:[-–.](?P<dy>(?:19|20)\d\d))?(?![\d/\-–]|\.\d)(?: (?P<drel>" + _FUT + "|" + _PAST + r"))?"),
    # tháng 12/2016, cuối tháng 9 năm 2015
    ("my", r"(?:(?P<mypart>đầu|cuối|giữa|hạ tuần|thượng tuần|trung tuần) )?tháng (?P<mym>\d{1,2}|" + _MONTH_WORD + r")"
           r"(?: ?[/-] ?| năm )(?P<myy>(?:19|20)\d\d)(?!\d)"),
    # tháng 3 tới, hồi tháng 2, tháng Hai này, tháng 12 năm ngoái
    ("m", r"(?:(?P<mpre>hồi|vào|trong|từ|đến|tới|cuối|đầu|giữa|hạ tuần|thượng tuần|trung tuần) )?tháng "
          r"(?P<mo>\d{1,2}|" + _MONTH_WORD + r")(?![\w/])"
          r"(?: (?P<mrel>" + _FUT + r"|vừa qua|vừa rồi|trước|qua|này|năm nay|năm ngoái|năm trước|năm tới|năm sau))?"),
    # năm 2018, đầu năm 2017
    ("y", r"(?:(?P<ypart>đầu|cuối|giữa) )?năm (?P<yy>(?:19|20)\d\d)(?!\d)"),
    # đầu năm tới, năm ngoái, cuối năm nay
    ("ry", r"(?:(?P<rypart>đầu|cuối|giữa) )?năm (?P<ry>nay|ngoái|tới|sau|kế tiếp|trước)(?!\w)"),
    # tháng tới, tháng trước, cuối tháng này
    ("rm", r"(?:(?P<rmpart>đầu|cuối|giữa) )?tháng (?P<rm>tới|sau|trước|này|vừa qua|qua)(?!\w)"),
    # hôm thứ Sáu, thứ Sáu tuần trước, vào Chủ nhật tới
    ("wd", r"(?:(?P<wpre>hôm|vào|ngày|sáng|chiều|trưa|tối|đêm|rạng sáng|hồi|từ|đến) )?"
           r"(?:thứ (?P<wday>hai|ba|tư|năm|sáu|bảy|[2-7])|(?P<sun>chủ nhật))(?!\w)"
           r"(?: (?P<wrel>tuần trước|tuần qua|tuần tới|tuần sau|tuần này|vừa qua|tới|này|trước))?"),
    # tuần tới, tuần trước, cuối tuần qua
    ("wk", r"(?:(?P<wkpart>đầu|cuối|giữa) )?tuần (?P<wk>tới|sau|trước|qua|này|vừa qua)(?!\w)"),
    # hôm nay, hôm qua, ngày mai, tối qua, sáng nay
    ("rd", r"(?:(?:ngày )?hôm (?P<rd1>nay|qua|kia)|ngày (?P<rd2>mai|kia)|" + _TOD + r" (?P<rd3>nay|qua|mai))(?!\w)"),
    # trước đó một ngày / một ngày trước đó / sau đó hai ngày
    ("bn", r"(?P<bdir>trước|sau) đó (?P<bn>một|hai|ba|\d) ngày|(?P<bn2>một|hai|ba|\d) ngày (?P<bdir2>trước|sau) đó"),
    # cùng ngày, rạng sáng cùng ngày, trong ngày hôm đó
    ("sd", r"(?:" + _TOD + r" )?(?:cùng ngày|cùng hôm|(?:trong |vào )?ngày hôm đó|ngay trong ngày)"),
    ("bf", r"trước đó"),
]

_GROUP_NAMES = {kind: f"k_{kind}" for kind, _ in _PATTERNS}
# Every expression starts a word, with a digit, "(" or one of these letters: checking that first lets the
# engine skip most positions at once (about six times faster than trying every alternative everywhere).
DATE_RE = re.compile(
    r"(?<!\w)(?=[\d(rsctkđnhvgmb])(?:" + "|".join(f"(?P<{_GROUP_NAMES[kind]}>{vi(p)})" for kind, p in _PATTERNS) + ")",
    re.IGNORECASE,
)
# Any text that could hold a date at all: skips most sentences cheaply.
# Every date expression holds a digit or one of these words: the regex only runs around them.
_ANCHOR_WORDS = ("tháng", "tuần", "thứ", "nhật", "hôm", "ngoái", "nay", "mai", "kia", "trước đó", "sau đó", "cùng ngày",
                 "năm tới", "năm sau", "năm trước", "năm kế", "tối qua", "đêm qua", "sáng qua", "chiều qua", "trưa qua",
                 "khuya qua", "trong ngày")
_DIGIT = re.compile(r"\d")
_BEFORE, _AFTER = 32, 72  # how far an expression reaches before / after its anchor
_NUM_WORDS = {canon(k): v for k, v in {"một": 1, "hai": 2, "ba": 3}.items()}
# words before "tháng/tuần/năm trước" that make it a duration ago ("vài tháng trước"), not last month
_COUNT_WORDS = frozenset(map(canon, ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "vài", "mấy",
                                     "nhiều", "những", "các", "mươi", "chục", "hàng")))
_REL_DAY = {"hôm": {"nay": 0, "qua": -1, "kia": -2}, "ngày": {"mai": 1, "kia": 2}, "tod": {"nay": 0, "qua": -1, "mai": 1}}
_PART = {canon(k): v for k, v in {
    "đầu": "early", "cuối": "late", "giữa": "mid", "thượng tuần": "early", "trung tuần": "mid", "hạ tuần": "late"}.items()}
_REL_YEAR = {canon(k): v for k, v in {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1, "kế tiếp": 1}.items()}
_REL_UNIT = {canon(k): v for k, v in {"tới": 1, "sau": 1, "trước": -1, "vừa qua": -1, "qua": -1, "này": 0}.items()}
# pattern -> (kind, word group, part group, offsets)
_RELATIVE: dict[str, tuple[DateKind, str, str, dict[str, int]]] = {
    "ry": ("rel_year", "ry", "rypart", _REL_YEAR),
    "rm": ("rel_month", "rm", "rmpart", _REL_UNIT),
    "wk": ("week", "wk", "wkpart", _REL_UNIT),
}
_REL_WEEK = {canon(k): v for k, v in {"tuần trước": -1, "tuần qua": -1, "tuần tới": 1, "tuần sau": 1}.items()}
_PREV_WORD = re.compile(r"(\w+)\s*$")


def _month(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        m = int(s)
        return m if 1 <= m <= 12 else None
    return MONTH_WORDS.get(canon(s))


_FUTURE_WORDS = frozenset(map(canon, ("tới", "sắp tới", "tới đây", "sau", "năm tới", "năm sau")))
_PAST_WORDS = frozenset(map(canon, ("vừa qua", "vừa rồi", "qua", "trước", "trước đó", "năm ngoái", "năm trước")))
_YEAR_REL = {canon(k): v for k, v in {"này": 0, "năm nay": 0, "năm ngoái": -1, "năm trước": -1, "năm tới": 1, "năm sau": 1}.items()}


def _direction(rel: str | None) -> Direction:
    if not rel:
        return None
    r = canon(rel)
    if r in _FUTURE_WORDS:
        return "future"
    if r in _PAST_WORDS:
        return "past"
    return None


def _valid_dm(d: int, m: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(2000, m)[1]


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    if y < 100:
        y += 2000 if y < 70 else 1900
    return y


def _word_before(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 20), pos)
    return canon(m.group(1)) if m else ""


def _counted(text: str, pos: int) -> bool:
    """A count right before the unit: "hai năm trước", "vài tháng trước" are durations, not dates."""
    w = _word_before(text, pos)
    return w.isdigit() or w in _COUNT_WORDS


def find_dates(text: str, begin: int = 0, end: int | None = None) -> list[DateExpr]:
    """Every date expression in text[begin:end], in order, offsets into `text`."""
    end = len(text) if end is None else end
    out: list[DateExpr] = []
    for wb, we in _windows(text, begin, end):
        for m in DATE_RE.finditer(text, wb, we):
            kind = next(k for k, g in _GROUP_NAMES.items() if m.group(g) is not None)
            e = _build(kind, m, text)
            if e is not None and (not out or e.begin >= out[-1].end):
                out.append(e)
    return _drop_appositions(out, text)


def _windows(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Merged stretches of text around the anchors of possible date expressions, cut at spaces.

    Running the full pattern only there is what makes date finding cheap on long articles.
    """
    lower = text[begin:end].lower().replace("\u00a0", " ")
    anchors = [m.start() for m in _DIGIT.finditer(lower)]
    for w in _ANCHOR_WORDS:
        i = lower.find(w)
        while i >= 0:
            anchors.append(i)
            i = lower.find(w, i + len(w))
    if not anchors:
        return []
    anchors.sort()
    out: list[tuple[int, int]] = []
    for a in anchors:
        wb = max(0, a - _BEFORE)
        sp = lower.rfind(" ", 0, wb + 1) if wb > 0 else -1
        wb = sp + 1 if sp >= 0 else 0
        we = min(len(lower), a + _AFTER)
        sp = lower.find(" ", we)
        we = sp if sp >= 0 else len(lower)
        if out and wb <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], we))
        else:
            out.append((wb, we))
    return [(begin + b, begin + e) for b, e in out]


# a date then "và" / "," / "hoặc": a bare "d/m" right after it continues the list ("ngày 23/1 và 15/3")
_LISTED_AFTER_DATE_RE = re.compile(
    r"(?:ngày|hôm)\s(?:\d{1,2}\s?[-–]\s?)?\d{1,2}\s?/\s?\d{1,2}"
    r"(?:\s*(?:,|và)\s*(?:\d{1,2}\s?[-–]\s?)?\d{1,2}\s?/\s?\d{1,2})*\s*(?:,|và|hoặc|,\s*và)\s*$",
    re.IGNORECASE)


def _build(kind: str, m: re.Match[str], text: str) -> DateExpr | None:  # noqa: C901 - one branch per pattern
    b, e = m.span()
    t = text[b:e]
    if kind == "dmw":
        d, mo = int(m.group("wd")), _month(m.group("wm"))
        if mo is None or not _valid_dm(d, mo):
            return None
        if m.group("wm") and not m.group("wm").isdigit() and not m.group("wm")[0].isupper():
            return None  # "tháng năm" (months and years), not May
        y = _year(m.group("wy") or m.group("wy2"))
        d2 = int(m.group("wd2")) if m.group("wd2") else None
        return DateExpr("dmy" if y else "dm", b, e, t, d, mo, y, d2, direction=_direction(m.group("wdrel")))
    if kind == "dms":
        d, mo = int(m.group("d")), int(m.group("m"))
        if not _valid_dm(d, mo):
            return None
        y = _year(m.group("y"))
        pre = m.group("pre")
        if y is None and not pre and not _LISTED_AFTER_DATE_RE.search(text, max(0, b - 80), b):
            return None  # bare "1/3": a fraction, a score, "24/7" (but "ngày 23/1 và 15/3": a list of dates)
        if y is not None and m.group("y") and len(m.group("y")) == 2 and not pre:
            return None
        d2 = int(m.group("d2")) if m.group("d2") else None
        if d2 == d:
            d2 = None  # "16-16/2": a typo for one day
        if d2 is not None and not d < d2 <= 31:
            return None
        end = e
        # keep a trailing ")" only when the expression opened one
        if t.rstrip().endswith(")") and "(" not in t:
            end = b + t.rstrip().rfind(")")
            t = text[b:end].rstrip()
            end = b + len(t)
        return DateExpr("dmy" if y else "dm", b, end, t, d, mo, y, d2, direction=_direction(m.group("rel")))
    if kind == "dmd":
        d, mo = int(m.group("dd")), int(m.group("dm"))
        if not _valid_dm(d, mo):
            return None
        y = _year(m.group("dy"))
        return DateExpr("dmy" if y else "dm", b, e, t, d, mo, y, direction=_direction(m.group("drel")))
    if kind == "my":
        mo = _month(m.group("mym"))
        if mo is None or (not m.group("mym").isdigit() and not m.group("mym")[0].isupper()):
            return None
        part = _PART.get(canon(m.group("mypart") or ""))
        return DateExpr("my", b, e, t, month=mo, year=int(m.group("myy")), part=part)
    if kind == "m":
        mo = _month(m.group("mo"))
        if mo is None or (not m.group("mo").isdigit() and not m.group("mo")[0].isupper()):
            return None
        if _word_before(text, b).isdigit():
            return None  # "3 tháng 2 ..." is handled by dmw; "6 tháng" is a duration
        rel = canon(m.group("mrel") or "")
        pre = canon(m.group("mpre") or "")
        year_offset = _YEAR_REL.get(rel)
        direction: Direction = _direction(rel) if year_offset is None else None
        if pre == canon("hồi"):
            direction = "past"
        return DateExpr("m", b, e, t, month=mo, direction=direction, part=_PART.get(pre), year_offset=year_offset)
    if kind == "y":
        return DateExpr("y", b, e, t, year=int(m.group("yy")), part=_PART.get(canon(m.group("ypart") or "")))
    if kind in _RELATIVE:  # năm tới, tháng trước, tuần này
        if _counted(text, b):
            return None  # "hai năm trước", "3 tháng trước", "vài tuần trước": a duration ago
        out_kind, word, part, table = _RELATIVE[kind]
        off = table[canon(m.group(word))]
        return DateExpr(out_kind, b, e, t, offset=off, part=_PART.get(canon(m.group(part) or "")),
                        direction="future" if off > 0 else "past" if off < 0 else None)
    if kind == "wd":
        pre = m.group("wpre")
        word = m.group("wday")
        if word is not None:
            if (not pre or canon(pre) == "ngày") and not word[0].isupper():
                return None  # lower-case "thứ hai" without "hôm/vào" is "second" ("ngày thứ hai": the second day)
            if not pre and _word_before(text, b) in ORDINAL_NOUNS:
                return None
            wd = WEEKDAYS[canon(word)]
        else:
            if not pre and m.group("sun")[0].islower() and _word_before(text, b) in ORDINAL_NOUNS:
                return None
            wd = 6
        rel = canon(m.group("wrel") or "")
        off = _REL_WEEK.get(rel, 0)
        direction = "future" if off > 0 or rel == canon("tới") else "past" if (
            off < 0 or rel in _PAST_WORDS or canon(pre or "") == canon("hôm")) else None
        return DateExpr("weekday", b, e, t, weekday=wd, offset=off, direction=direction)
    if kind == "rd":
        if m.group("rd1"):
            off = _REL_DAY["hôm"][m.group("rd1").lower()]
        elif m.group("rd2"):
            off = _REL_DAY["ngày"][m.group("rd2").lower()]
        else:
            off = _REL_DAY["tod"][m.group("rd3").lower()]
        return DateExpr("rel_day", b, e, t, offset=off,
                        direction="future" if off > 0 else "past" if off < 0 else None)
    if kind == "bn":
        n_word = canon(m.group("bn") or m.group("bn2"))
        n = int(n_word) if n_word.isdigit() else _NUM_WORDS[n_word]
        sign = -1 if canon(m.group("bdir") or m.group("bdir2")) == "trước" else 1
        return DateExpr("same_day", b, e, t, offset=sign * n)
    if kind == "sd":
        return DateExpr("same_day", b, e, t)
    if kind == "bf":
        return DateExpr("before", b, e, t, direction="past")
    return None


def _drop_appositions(exprs: list[DateExpr], text: str) -> list[DateExpr]:
    """"hôm nay (10/7)", "thứ Bảy (17/6)": keep the explicit date, drop the relative word before it."""
    if len(exprs) < 2:
        return exprs
    out: list[DateExpr] = []
    exprs = list(exprs)
    for i, e in enumerate(exprs):
        nxt = exprs[i + 1] if i + 1 < len(exprs) else None
        if (
            nxt is not None
            and e.kind in ("rel_day", "weekday", "same_day")
            and nxt.kind in ("dm", "dmy")
            and re.fullmatch(r"[\s,(]*", text[e.end : nxt.begin])
        ):
            # the explicit date keeps the words as written: "hôm thứ Hai (13/3)", not "(13/3)"
            end = nxt.end + 1 if text[nxt.end : nxt.end + 1] == ")" and "(" in text[e.end : nxt.begin] else nxt.end
            exprs[i + 1] = replace(nxt, begin=e.begin, end=end, text=text[e.begin : end])
            continue
        out.append(e)
    return out
