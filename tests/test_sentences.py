"""Sentence splitter: unit cases on sentences written for the tests, and property tests (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriakg.loaders.model import Article, RawDocument, Span
from syriakg.loaders.text.sentences import split_article, split_spans, trim_span


def texts(text: str) -> list[str]:
    return [text[b:e] for b, e in split_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbers with thousands dots and decimal commas never split
        ("Khoảng 350.000 người rời đi. Lạm phát là 4,5%.", ["Khoảng 350.000 người rời đi.", "Lạm phát là 4,5%."]),
        ("Giá dầu tăng 2.5 lần trong năm. Sau đó giảm.", ["Giá dầu tăng 2.5 lần trong năm.", "Sau đó giảm."]),
        # a date ends a sentence only when the period follows it
        ("Đoàn đến Beirut ngày 3/11/2019. Ảnh: Reuters",
         ["Đoàn đến Beirut ngày 3/11/2019.", "Ảnh: Reuters"]),
        ("Hội nghị khai mạc ngày 3/11/2019 tại Beirut với 40 đại biểu.",
         ["Hội nghị khai mạc ngày 3/11/2019 tại Beirut với 40 đại biểu."]),
        # abbreviations
        ("Ông về TP. Đà Nẵng hôm qua. Bà ở Tp. Huế.", ["Ông về TP. Đà Nẵng hôm qua.", "Bà ở Tp. Huế."]),
        ("TS. Phạm Minh và GS. Trần Lan dự họp. PGS. Hoàng Nam vắng.",
         ["TS. Phạm Minh và GS. Trần Lan dự họp.", "PGS. Hoàng Nam vắng."]),
        ("Mr. Jones đến St. Louis. Dr. Lee ở lại.", ["Mr. Jones đến St. Louis.", "Dr. Lee ở lại."]),
        ("ThS Đỗ Hải trình bày báo cáo. Hội thảo kết thúc.", ["ThS Đỗ Hải trình bày báo cáo.", "Hội thảo kết thúc."]),
        # an acronym at the end of a sentence is an ordinary word
        ("Phái đoàn làm việc với LHQ. Ông Kim phát biểu sau đó.",
         ["Phái đoàn làm việc với LHQ.", "Ông Kim phát biểu sau đó."]),
        # initials of foreign names
        ("Ông J. Smith và ông A. B. Carter gặp nhau. Họ ký biên bản.",
         ["Ông J. Smith và ông A. B. Carter gặp nhau.", "Họ ký biên bản."]),
        ("Người ký là ông Lê Văn B. Cuộc họp kết thúc.", ["Người ký là ông Lê Văn B.", "Cuộc họp kết thúc."]),
        ("Quân đội U.S. Army rút đi. Sau đó yên tĩnh.", ["Quân đội U.S. Army rút đi.", "Sau đó yên tĩnh."]),
        # quotes: the closing quote stays with its sentence
        ("Bà nói: “Chúng tôi sẽ trở lại.” Sau đó bà rời đi.",
         ["Bà nói: “Chúng tôi sẽ trở lại.”", "Sau đó bà rời đi."]),
        ("“Đây là bước tiến lớn.”, ông Minh nói thêm.", ["“Đây là bước tiến lớn.”, ông Minh nói thêm."]),
        ("\"Không có gì thay đổi.\" - ông Tâm khẳng định.", ["\"Không có gì thay đổi.\" - ông Tâm khẳng định."]),
        ("Ông nói: ‘Tôi đồng ý.’ Bà im lặng.", ["Ông nói: ‘Tôi đồng ý.’", "Bà im lặng."]),
        ("Ông cho biết. \"Chúng tôi chờ.\" Rồi ông đi.", ["Ông cho biết.", "\"Chúng tôi chờ.\"", "Rồi ông đi."]),
        # a quote spanning sentences is split at its inner sentence ends
        ("Ông nói: “Tình hình ổn định. Chúng tôi kiểm soát được”, rồi rời phòng họp.",
         ["Ông nói: “Tình hình ổn định.", "Chúng tôi kiểm soát được”, rồi rời phòng họp."]),
        # ellipses
        ("Rồi mọi thứ thay đổi... Không ai ngờ tới.", ["Rồi mọi thứ thay đổi...", "Không ai ngờ tới."]),
        ("Có thể… Nhưng chưa chắc.", ["Có thể…", "Nhưng chưa chắc."]),
        ("Từ đối đầu đến...hợp tác? Chưa rõ.", ["Từ đối đầu đến...hợp tác?", "Chưa rõ."]),
        ("Họ chờ đợi… điều không đến.", ["Họ chờ đợi… điều không đến."]),
        # questions, exclamations, the wire-copy end mark ./.
        ("Ai sẽ thắng? Không ai biết! Chờ xem.", ["Ai sẽ thắng?", "Không ai biết!", "Chờ xem."]),
        ("Hội nghị bế mạc chiều nay./. Minh Châu", ["Hội nghị bế mạc chiều nay./.", "Minh Châu"]),
        # no-break spaces count as spaces
        ("Ông\u00a0Hải đến.\u00a0Bà\u00a0Lan về.", ["Ông\u00a0Hải đến.", "Bà\u00a0Lan về."]),
        # a run of spaces before a capital is a break in a flattened page
        ("Bối cảnh chung  Tình hình vẫn căng thẳng.", ["Bối cảnh chung", "Tình hình vẫn căng thẳng."]),
        ("Hai bên đạt  thỏa thuận sơ bộ.", ["Hai bên đạt  thỏa thuận sơ bộ."]),
        ("Ngày 4/5,  Lào và Campuchia ký kết.", ["Ngày 4/5,  Lào và Campuchia ký kết."]),
        # brackets
        ("Ảnh minh họa (Nguồn: TTXVN.) Cuộc họp diễn ra.", ["Ảnh minh họa (Nguồn: TTXVN.)", "Cuộc họp diễn ra."]),
        # a sentence may start with a digit
        ("Cuộc thi kết thúc. 25 đội đã tham gia.", ["Cuộc thi kết thúc.", "25 đội đã tham gia."]),
        # no letter or digit: not a sentence
        ("Tin kết thúc.\n./. ____", ["Tin kết thúc."]),
    ],
)
def test_split_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_lines_never_join() -> None:
    text = "Dòng thứ nhất không có dấu chấm\nDòng thứ hai.\r\n\r\n  Dòng thứ ba.  "
    assert texts(text) == ["Dòng thứ nhất không có dấu chấm", "Dòng thứ hai.", "Dòng thứ ba."]


def test_range_is_respected() -> None:
    text = "Phần đầu. Câu một. Câu hai. Phần cuối."
    b = text.index("Câu một")
    e = text.index(" Phần cuối")
    assert [text[s:t] for s, t in split_spans(text, b, e)] == ["Câu một.", "Câu hai."]


def test_out_of_range_is_clamped() -> None:
    assert split_spans("Một câu.", -5, 999) == [(0, 8)]
    assert split_spans("Một câu.", 5, 2) == []
    assert split_spans("") == []


def test_trim_span_strips_nbsp_and_zero_width() -> None:
    text = "\u00a0\u200b Câu \u2007"
    b, e = trim_span(text, 0, len(text))
    assert text[b:e] == "Câu"


def _article(text: str, body: list[tuple[int, int]], captions: list[tuple[int, int]], body_end: int) -> Article:
    raw = RawDocument("t.txt", "t", text, "txt")
    return Article(raw=raw, text=text, headline="Tiêu đề", body=[Span(*s) for s in body],
                   captions=[Span(*c) for c in captions], body_end=body_end)


def test_split_article_numbers_body_and_captions_separately() -> None:
    text = ("Tiêu đề\n\nĐoạn một câu một. Đoạn một câu hai.\n\nẢnh hội nghị.\n\nĐoạn hai câu một.\n\n"
            "Theo Báo Mẫu")
    p1 = (text.index("Đoạn một"), text.index("\n\nẢnh"))
    cap = (text.index("Ảnh hội"), text.index("\n\nĐoạn hai"))
    p2 = (text.index("Đoạn hai"), text.index("\n\nTheo"))
    art = _article(text, [p1, p2], [cap], text.index("Theo"))
    body, captions = split_article(art)
    assert [s.text for s in body] == ["Đoạn một câu một.", "Đoạn một câu hai.", "Đoạn hai câu một."]
    assert [s.index for s in body] == [0, 1, 2]
    assert [s.paragraph for s in body] == [0, 0, 1]
    assert all(s.kind == "body" for s in body)
    assert [(c.index, c.kind, c.text) for c in captions] == [(0, "caption", "Ảnh hội nghị.")]


def test_split_article_pieces_of_one_line_share_a_paragraph() -> None:
    text = "T\n\nCâu một. Chú thích ảnh. Ảnh: AFP Câu hai.\nCâu ba."
    a = text.index("Câu một")
    cap_b = text.index("Chú thích")
    c = text.index("Câu hai")
    d = text.index("Câu ba")
    art = _article(text, [(a, cap_b), (c, d - 1), (d, len(text))], [], len(text))
    body, _ = split_article(art)
    assert [(s.text, s.paragraph) for s in body] == [("Câu một.", 0), ("Câu hai.", 0), ("Câu ba.", 1)]


def test_split_article_never_passes_body_end() -> None:
    text = "T\n\nCâu một. Câu hai. Minh An"
    start = text.index("Câu")
    art = _article(text, [(start, len(text))], [], text.index("Minh An"))
    body, _ = split_article(art)
    assert [s.text for s in body] == ["Câu một.", "Câu hai."]


# -- properties ------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789")
    + list("àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵẠẾỘỮ")
    + [" ", " ", " ", "\u00a0", "\n", "\r", "\t", "\u200b", "\u2028"]
    + list(".,;:!?…/-–()[]\"'“”‘’«»")
    + ["...", "./.", "TP.", "Tp.", "TS.", "Mr.", "St.", "A. ", "U.S.", "290.000", "18,2", "20/2/2020.", "LHQ. ",
       "Ảnh: AFP/TTXVN", "  ", "\u0301", "\u0323", "e\u0302\u0301"]
)
_TEXT = st.lists(_ALPHABET, max_size=200).map("".join)


def _check(text: str, begin: int, end: int | None) -> None:
    spans = split_spans(text, begin, end)
    lo = max(0, min(begin, len(text)))
    hi = len(text) if end is None else max(0, min(end, len(text)))
    last = lo
    for b, e in spans:
        assert lo <= b < e <= hi, (b, e, lo, hi)
        assert b >= last  # ordered, never overlapping
        piece = text[b:e]
        assert piece == piece.strip(" \t\n\r\u00a0\u200b\u2028")  # trimmed
        assert any(ch.isalnum() for ch in piece)
        assert "\n" not in piece and "\r" not in piece and "\u2028" not in piece  # never crosses a line
        last = e


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_property_whole_text(text: str) -> None:
    _check(text, 0, None)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(-5, 220), st.integers(-5, 220))
def test_property_any_range(text: str, begin: int, end: int) -> None:
    _check(text, begin, end)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_property_arbitrary_unicode(text: str) -> None:
    _check(text, 0, None)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=6),
       st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=3))
def test_property_split_article(text: str, body: list[tuple[int, int]], caps: list[tuple[int, int]]) -> None:
    n = len(text)
    body_spans = [(min(a, b, n), min(max(a, b), n)) for a, b in body]
    cap_spans = [(min(a, b, n), min(max(a, b), n)) for a, b in caps]
    art = _article(text, body_spans, cap_spans, n)
    sentences, captions = split_article(art)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert [c.index for c in captions] == list(range(len(captions)))
    for group in (sentences, captions):
        last = 0
        for s in group:
            assert text[s.begin:s.end] == s.text
            assert s.begin >= last
            last = s.end
