"""A photo caption or sub-heading glued to the next sentence of a flattened body.

Pages flattened to one line per body (the scale corpus) lose the break after
a caption or sub-heading printed without a final full stop, so it runs
straight into the next sentence::

    ... vào tháng 6. Ngoại trưởng A và người đồng cấp B tại Riyadh năm 2016
    Hồi đầu tuần này, ...

and the sentence splitter returns one sentence that starts with the caption.
`glued_prefix` finds, at the start of a sentence, a run of words without
sentence punctuation followed by a word that only ever starts a sentence
written with a capital ('Hồi đầu', 'Trước đó', 'Theo ông', 'Ngày 5/9',
'Tuy nhiên', ...).  Mid-sentence these words are written in lower case, so a
capital one means a new sentence began there; what came before is then a
unit of its own:

* ``"caption"`` when it reads like a photo caption: a picture word ('Ảnh',
  'Clip', 'Trong ảnh'), a position mark ('(trái)'), or a photo scene (who, what,
  where) closed by the date the picture was taken ('... tại Sochi năm 2014',
  '..., ngày 5/9', '... hôm 3/2') with no reporting verb, no tense marker and
  no quotation in it;
* ``"heading"`` for a short single clause with no reporting verb, tense or
  modal marker, comma, quotation or closing date: a sub-heading ('Quy kết trách nhiệm cho
  Moskva') or an undated caption ('Binh sĩ lữ đoàn 5 ở ngoại ô Hama'); a
  sub-heading restates its section, so nothing is lost when it is furniture;
* ``"unit"`` otherwise: most likely a sentence whose full stop was lost.  It
  stays body text but no longer merges into the next sentence.

Only Vietnamese function words and the shapes of captions are used (no outlet,
name or wording of a particular page).
"""

from __future__ import annotations

import re

from syriakg.loaders.text.literal_gate import required_literals

__all__ = ["glued_prefix"]

# words that start a sentence when written with a capital; a lower-case word (or a number) must
# follow where the capitalised word alone is also a name part ('Hồi giáo', 'Ngày Chiến thắng')
_OPENER = re.compile(
    r"(?<=[\w)”\"’'%])\s+(?P<op>"
    r"Hồi\s+(?:đầu|cuối|giữa|tháng|năm|tuần|hôm|sáng|chiều|tối|đêm|trưa|\d+)"
    r"|Trước\s+đó|Sau\s+đó|Trước\s+đây|Tuy\s+nhiên|Tuy\s+vậy|Dù\s+vậy|Trong\s+khi\s+đó|Bên\s+cạnh\s+đó|Ngoài\s+ra"
    r"|Đồng\s+thời|Mặc\s+dù|Cùng\s+ngày|Cũng\s+theo|Cũng\s+trong|Hiện\s+nay|Hiện\s+tại|Tính\s+đến|Trong\s+khi"
    r"|Do\s+đó|Vì\s+vậy|Thậm\s+chí|Đây\s+là|Điều\s+này|Đó\s+là"
    r"|Theo(?=\s+[a-zà-ỹđ])"
    r"|Ngày\s+\d+|Hôm\s+(?:qua|nay|thứ|\d+)|(?:Sáng|Chiều|Tối|Đêm|Trưa)\s+(?:nay|qua|ngày|thứ|cùng|\d+)"
    r"|Vào\s+(?:ngày|tháng|năm|hôm|sáng|chiều|tối|đêm|cuối|đầu|\d+)|Tháng\s+\d+"
    r"|Phát\s+biểu\s+(?:tại|với|trong|trước)|Trả\s+lời\s+(?:phỏng\s+vấn|báo|hãng|kênh)"
    r"|Ông(?=\s+[A-ZĐ])"  # 'ông' is lower case inside a sentence ('Bà' is not used: 'Hai Bà Trưng', 'Bà Rịa')
    r")(?!\w)"
)
# 'Theo Reuters, ...', 'Theo Bộ Quốc phòng Nga, ...': capitalised words up to a comma; not a name after a
# title ('Bộ trưởng Theo Francken, ...')
_THEO_NAMED = re.compile(r"(?<=[\w)”\"’'%])\s+(?P<op>Theo\s+(?P<src>[^\W\d_][^\s,]*(?:\s+[^\s,]+){0,5}),)")
_TITLE_BEFORE = re.compile(r"(?:trưởng|thống|tướng|tá|ông|bà|ngài|anh|chị|thủ|viên|sĩ|sỹ|giả|tịch)$", re.I)
_MIN_WORDS = 4
# a caption or heading does not end on a conjunction or preposition
_JOINERS = frozenset("""và với của cho là tại ở từ đến như hoặc hay cùng rằng bởi do về trong theo thì mà nhưng
    hai ba bốn sáu bảy tám chín mười các những một mỗi mọi vị ngài cụ""".split())
_MAX_WORDS = 40
_HEADING_WORDS = 20
_SCENE_WORDS = 6
_NO_PUNCT = re.compile(r"[.!?…;:]\s|[;:]")
_PICTURE = re.compile(r"(?:^|\s)(?:Ảnh|ảnh|Hình ảnh|hình ảnh|Trong ảnh|Clip|clip|Video|video|Bức ảnh|bức ảnh)(?=\s|:|$)")
_POSITION = re.compile(r"\((?:ở\s+|đứng\s+|hàng\s+\w+\s+)?(?:trái|phải|giữa|thứ\s+\w+\s+từ\s+(?:trái|phải)|từ\s+trái\s+sang(?:\s+phải)?)\)",
                       re.I)
_DATE_END = re.compile(
    r"(?:,\s*|\s(?:ngày|hôm|năm|tháng|sáng|chiều|tối|đêm|trưa)\s+(?:(?:ngày|hôm|thứ\s+\w+)\s+)?)"
    r"(?:\d{1,2}\s*[/.\-]\s*(?:\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?|\d{4})|(?:19|20)\d{2}|qua|thứ\s+\w+)"
    r"(?:\s*\((?:giờ\s+)?[^()]{1,30}\))?\s*$"
)
# reporting verbs, tense and modal markers: a sentence, not the description of a picture
_SENTENCE_WORDS = re.compile(
    r"\b(?:cho\s+biết|nói|khẳng\s+định|tuyên\s+bố|nhấn\s+mạnh|cáo\s+buộc|cảnh\s+báo|kêu\s+gọi|cho\s+rằng|rằng|"
    r"đã|sẽ|đang|vẫn|từng|chưa|không|cần|phải|muốn|có\s+thể|nhằm|để|vì|nên|nếu|từ|kể\s+từ|đến|được\s+cho)\b"
)
# what makes a short clause a sentence rather than a heading: something reported, a tense, a modality
_CLAUSE_WORDS = re.compile(
    r"\b(?:cho\s+biết|nói|khẳng\s+định|tuyên\s+bố|nhấn\s+mạnh|cáo\s+buộc|cho\s+rằng|rằng|"
    r"đã|sẽ|đang|vẫn|từng|chưa|không|cần|phải|muốn|có\s+thể|nếu)\b"
)
_QUOTES = re.compile(r"[“”\"«»]")


# Every match of _OPENER / _THEO_NAMED is a run of whitespace, then one of these words (read off the
# patterns, literal_gate.py).  So instead of two searches that try every character, the patterns are
# tried only at the whitespace before each of the words (one fast literal search finds them); a
# sentence with none of them (most) is done at once.  The first that matches is the leftmost match,
# the one `search` would return: a match cannot start inside the whitespace (the character before it
# must not be a space) nor put its word anywhere but right after the whitespace.
def _gate() -> re.Pattern[str] | None:
    a, b = required_literals(_OPENER, "op"), required_literals(_THEO_NAMED, "op")
    if a is None or b is None:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(set(a + b), key=len, reverse=True)))


_GATE = _gate()


def _opener(text: str, b: int, e: int) -> re.Match[str] | None:
    if _GATE is None:
        first = _OPENER.search(text, b, e)
        m = _THEO_NAMED.search(text, b, first.start() if first else e)
    else:
        starts: list[int] = []  # where a match may start: the whitespace before a gate word
        for g in _GATE.finditer(text, b, e):
            p = s0 = g.start()
            while s0 > b and text[s0 - 1].isspace():  # `\s` is str.isspace
                s0 -= 1
            if s0 < p:
                starts.append(s0)
        first = m = None
        for s0 in starts:
            first = _OPENER.match(text, s0, e)
            if first is not None:
                break
        limit = first.start() if first else e
        for s0 in starts:
            if s0 >= limit:
                break
            m = _THEO_NAMED.match(text, s0, limit)
            if m is not None:
                break
    if m and m.group("src")[0].isupper() and not _TITLE_BEFORE.search(text, b, m.start()):
        return m
    return first


def glued_prefix(text: str, begin: int, end: int) -> tuple[int, str] | None:
    """(offset where the next sentence starts, "caption" | "unit") when the sentence text[begin:end]
    opens with a glued caption or sub-heading; None otherwise."""
    m = _opener(text, begin, end)
    if m is None:
        return None
    cut = m.start("op")
    prefix = text[begin:m.start()]
    words = prefix.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or _NO_PUNCT.search(prefix):
        return None
    if words[-1].lower() in _JOINERS:
        return None  # 'A và Ông B': the capital is part of a name inside the sentence
    if prefix.count("“") != prefix.count("”") or prefix.count('"') % 2 or prefix.count("(") != prefix.count(")"):
        return None  # the capital word is inside a quotation or a bracket
    if _is_caption(prefix):
        return cut, "caption"
    if _is_heading(prefix):
        return cut, "heading"
    return cut, "unit"


def _is_heading(prefix: str) -> bool:
    """A sub-heading (or an undated caption): short, one clause, nothing reported, no tense."""
    return (len(prefix.split()) <= _HEADING_WORDS and "," not in prefix and _QUOTES.search(prefix) is None
            and _CLAUSE_WORDS.search(prefix) is None and _DATE_END.search(prefix) is None)


def _is_caption(prefix: str) -> bool:
    if _QUOTES.search(prefix):
        return False
    if _PICTURE.search(prefix) or _POSITION.search(prefix):
        return True
    if _DATE_END.search(prefix) is None:
        return False
    # a dated scene: who, what (and where), in the present, with nothing reported
    return _SENTENCE_WORDS.search(prefix) is None and len(prefix.split()) >= _SCENE_WORDS
