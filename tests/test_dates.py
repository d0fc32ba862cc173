"""Date expressions and their resolution against an article's own date evidence (sentences written for these tests)."""

from __future__ import annotations

import pytest

from syriakg.loaders.extract import dates
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.date_expressions import find_dates
from syriakg.loaders.model import Sentence, Span
from tests.extract_helpers import doc_from_sentences


def with_caption(doc: Doc, caption: str) -> Doc:
    """Append a photo caption line to the article text and to `doc.ex.captions`."""
    art = doc.ex.article
    begin = len(art.text)
    art.text += caption + "\n"
    art.raw.text = art.text
    doc.ex.captions.append(Sentence(len(doc.ex.captions), begin, begin + len(caption), caption, "caption"))
    return doc


def run(doc: Doc) -> dates.ArticleDates:
    dates.component(doc)
    assert isinstance(doc.dates, dates.ArticleDates)
    return doc.dates


def values(doc: Doc, i: int) -> list[str]:
    assert doc.dates is not None
    return [v.value for v in doc.dates.for_sentence(doc.sentences[i])]


# --- expressions ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "day", "month", "year"),
    [
        ("Hôm 14/11, phái đoàn", "dm", 14, 11, None),
        ("diễn ra ngày 9/10/2019 tại", "dmy", 9, 10, 2019),
        ("sáng 3/8 theo giờ địa phương", "dm", 3, 8, None),
        ("ngày 21-7 đã", "dm", 21, 7, None),
        ("có hiệu lực vào ngày 12-8.", "dm", 12, 8, None),
        ("đêm 07.02.2017 tại", "dmy", 7, 2, 2017),
        ("ngày 6 tháng 10 năm 2019", "dmy", 6, 10, 2019),
        ("cuối tháng 11/2015", "my", None, 11, 2015),
        ("tháng 4 năm 2018", "my", None, 4, 2018),
        ("hồi năm 2014", "y", None, None, 2014),
    ],
)
def test_expression_kinds(text: str, kind: str, day: int | None, month: int | None, year: int | None) -> None:
    (e,) = find_dates(text)
    assert (e.kind, e.day, e.month, e.year) == (kind, day, month, year)
    assert text[e.begin : e.end] == e.text


def test_ranges_keep_the_first_day_and_the_words() -> None:
    (e,) = find_dates("trong hai ngày 11-12/9 vừa qua")
    assert (e.day, e.end_day, e.month, e.direction) == (11, 12, 9, "past")
    (e,) = find_dates("vào ngày 3 và 4 tháng 10 tới")
    assert (e.day, e.end_day, e.month, e.direction) == (3, 4, 10, "future")


@pytest.mark.parametrize(
    "text",
    [
        "chiếm 1/3 dân số",  # a fraction
        "trực 24/7",  # round the clock
        "lần thứ hai gặp nhau",  # an ordinal, not Monday
        "vòng thứ Ba của hòa đàm",
        "ngày thứ hai của chuyến thăm",
        "hai năm trước",  # a duration ago, not last year
        "vài tháng trước",
        "3 tuần trước",
        "những tháng năm chiến tranh",  # lower-case "tháng năm" is not May
        "ngày nay",  # nowadays
    ],
)
def test_non_dates(text: str) -> None:
    assert find_dates(text) == []


def test_future_and_past_markers() -> None:
    (e,) = find_dates("vào ngày 17/9 tới")
    assert e.direction == "future"
    (e,) = find_dates("hôm 2/9 vừa qua")
    assert e.direction == "past"
    (e,) = find_dates("tháng 11 tới")
    assert (e.kind, e.month, e.direction) == ("m", 11, "future")
    (e,) = find_dates("hồi tháng 4")
    assert e.direction == "past"
    (e,) = find_dates("tháng 3 năm ngoái")
    assert e.year_offset == -1


def test_parenthesised_date_wins_over_the_word_before_it() -> None:
    (e,) = find_dates("hội đàm hôm nay (12/10) tại")
    assert (e.kind, e.day, e.month) == ("dm", 12, 10)


# --- the article's anchor -------------------------------------------------------------------------------------------


def test_lead_takes_its_year_from_a_caption() -> None:
    doc = doc_from_sentences([
        "Ngày 3/4, Ngoại trưởng Pháp đã gặp người đồng cấp Đức tại Paris.",
        "Hai bên sẽ gặp lại vào ngày 10/4 tới và tổ chức hội nghị vào tháng 5 tới.",
        "Một hội nghị khác dự kiến diễn ra vào đầu năm tới.",
        "Hôm qua, ông đã điện đàm với Thủ tướng Italy và hôm thứ Hai đã tới Brussels.",
    ])
    with_caption(doc, "Ngoại trưởng Pháp tại Paris ngày 30/3/2019. Ảnh: AFP")
    r = run(doc)
    assert doc.ex.article.date_published is not None
    assert doc.ex.article.date_published.value == "2019-04-03"
    assert values(doc, 0) == ["2019-04-03"]
    assert values(doc, 1) == ["2019-04-10", "2019-05"]
    assert values(doc, 2) == ["2020"]
    assert values(doc, 3) == ["2019-04-02", "2019-04-01"]  # 3/4/2019 was a Wednesday
    assert r.anchor.basis.startswith("lead")


def test_without_year_evidence_day_month_stays_gmonthday() -> None:
    doc = doc_from_sentences([
        "Ngày 12/9, Bộ Ngoại giao Iran ra thông báo về cuộc gặp.",
        "Cuộc gặp tiếp theo dự kiến vào ngày 15/9 tới, còn hội nghị cấp cao diễn ra vào tháng 10 tới.",
        "Hôm qua, ông đã tới Tehran; hôm thứ Ba ông ở Baghdad.",
    ])
    run(doc)
    pub = doc.ex.article.date_published
    assert pub is not None and (pub.value, pub.precision) == ("--09-12", "gMonthDay")
    assert values(doc, 1) == ["--09-15"]  # "tháng 10 tới" cannot be placed without a year
    assert values(doc, 2) == ["--09-11"]  # the weekday cannot be placed either
    kinds = [r.expr.kind for r in doc.dates.expressions(doc.sentences[1])]  # type: ignore[union-attr]
    assert kinds == ["dm", "m"]  # the unresolved month is still visible as an expression


def test_relative_day_across_29_february_is_not_guessed() -> None:
    doc = doc_from_sentences(["Ngày 1/3, ông nói rằng hôm qua đã có đụng độ."])
    run(doc)
    assert values(doc, 0) == ["--03-01"]


def test_anniversary_dates_do_not_give_the_lead_a_year() -> None:
    doc = doc_from_sentences([
        "Ngày 19/8, người dân tưởng niệm sự kiện ngày 19/8/1991.",
        "Lễ kỷ niệm trước đó diễn ra hôm 17/8/2019.",
    ])
    run(doc)
    assert doc.ex.article.date_published is not None
    assert doc.ex.article.date_published.value == "--08-19"


def test_future_dates_are_not_the_lead() -> None:
    doc = doc_from_sentences([
        "Hội nghị về Yemen sẽ diễn ra vào ngày 20/6 tới tại Kuwait.",
        "Ngày 12/6, đặc phái viên Liên hợp quốc cho biết các bên đã nhận lời mời.",
    ])
    run(doc)
    assert doc.ex.article.date_published is not None
    assert doc.ex.article.date_published.value == "--06-12"


def test_metadata_date_resolves_years_across_new_year() -> None:
    doc = doc_from_sentences([
        "Ngày 28/12, hai bên đã ký biên bản ghi nhớ.",
        "Vòng đàm phán mới sẽ diễn ra vào ngày 5/1 tới, sau đợt giao tranh hồi tháng 12 vừa qua.",
        "Các cuộc tiếp xúc bắt đầu từ tháng 11 năm ngoái và sẽ tiếp tục trong tuần tới.",
    ], date="2018-01-03")
    r = run(doc)
    assert r.anchor.basis == "metadata"
    assert values(doc, 0) == ["2017-12-28"]
    assert values(doc, 1) == ["2018-01-05", "2017-12"]
    assert values(doc, 2) == ["2017-11"]
    assert [x.expr.text for x in r.expressions(doc.sentences[2])] == ["từ tháng 11 năm ngoái", "tuần tới"]


def test_same_day_refers_to_the_last_day_named_before() -> None:
    doc = doc_from_sentences([
        "Ngày 7/11, Tổng thống Iran phát biểu tại Tehran.",
        "Hôm 5/11, Bộ Quốc phòng Nga thông báo về cuộc tập trận.",
        "Cùng ngày, Thổ Nhĩ Kỳ cũng ra tuyên bố.",
        "Trước đó một ngày, một đoàn xe đã bị tấn công.",
    ], date="2019-11-07")
    run(doc)
    assert values(doc, 2) == ["2019-11-05"]
    assert values(doc, 3) == ["2019-11-04"]


def test_same_day_without_any_date_before_uses_the_article_date() -> None:
    doc = doc_from_sentences(["Cùng ngày, quân đội Iraq tuyên bố giải phóng thị trấn."], date="2017-07-10")
    run(doc)
    assert values(doc, 0) == ["2017-07-10"]


def test_clause_date_is_the_nearest_expression() -> None:
    s = "Ngày 2/5, ông Karimov cho biết cuộc gặp sẽ diễn ra ngày 9/5 tới tại Tashkent."
    doc = doc_from_sentences([s], date="2021-05-02")
    r = run(doc)
    sent = doc.sentences[0]
    near_meeting = r.clause_date(sent, sent.begin + s.index("cuộc gặp"))
    near_verb = r.clause_date(sent, sent.begin + s.index("cho biết"))
    assert near_meeting is not None and near_meeting.value == "2021-05-09"
    assert near_verb is not None and near_verb.value == "2021-05-02"
    assert r.clause_date(sent, sent.begin + s.index("Tashkent"), max_distance=3) is None


def test_in_span_and_spans_are_absolute() -> None:
    s = "Hôm 4/10 và hôm 6/10, hai bên đã gặp nhau."
    doc = doc_from_sentences([s], date="2016-10-08")
    run(doc)
    sent = doc.sentences[0]
    first_half = Span(sent.begin, sent.begin + s.index(" và"))
    got = doc.dates.in_span(sent, first_half)  # type: ignore[union-attr]
    assert [v.value for v in got] == ["2016-10-04"]
    v = got[0]
    assert v.span is not None and doc.ex.article.text[v.span.begin : v.span.end] == v.text == "Hôm 4/10"


# --- page header dates ----------------------------------------------------------------------------------------------


def test_header_date_believed_when_the_lead_agrees() -> None:
    doc = doc_from_sentences(["Ngày 5/3, Ngoại trưởng Nga đã tới Ankara.", "Hôm thứ Sáu, ông ở Baku."])
    doc.ex.article.header_date_text = "Thứ Hai, 06/03/2017 10:15"
    r = run(doc)
    assert doc.ex.article.date_conflict is None
    assert r.anchor.basis == "page header"
    assert doc.ex.article.date_published is not None and doc.ex.article.date_published.value == "2017-03-06"
    assert values(doc, 0) == ["2017-03-05"]
    assert values(doc, 1) == ["2017-03-03"]


def test_header_date_contradicted_by_the_lead_is_not_used() -> None:
    doc = doc_from_sentences(["Ngày 14/9, hai ngoại trưởng đã hội đàm tại Vienna."])
    doc.ex.article.header_date_text = "Thứ Hai, 06/03/2017 10:15"
    run(doc)
    assert doc.ex.article.date_conflict and "14/9" in doc.ex.article.date_conflict
    assert values(doc, 0) == ["--09-14"]  # never a year taken from the rejected header


def test_header_contradicted_by_the_war_age_and_the_year_deduced() -> None:
    doc = doc_from_sentences([
        "Ngày 2/10, các bên đã nối lại hòa đàm tại Astana.",
        "Cuộc nội chiến ở Syria đã kéo dài hơn 6 năm, khiến hàng triệu người phải rời bỏ nhà cửa.",
    ])
    doc.ex.article.header_date_text = "Thứ Ba, 04/02/2014 08:00"
    r = run(doc)
    assert doc.ex.article.date_conflict and "hơn 6 năm" in doc.ex.article.date_conflict
    assert doc.ex.article.date_published is not None and doc.ex.article.date_published.value == "2017-10-02"
    assert r.anchor.basis == "lead + the stated age of the war"


def test_loose_war_age_gives_only_context() -> None:
    doc = doc_from_sentences([
        "Ngày 19/5, Nga lên án vụ không kích.",
        "Cuộc nội chiến ở Syria đã kéo dài 6 năm qua.",
    ])
    r = run(doc)
    assert doc.ex.article.date_published is not None
    assert doc.ex.article.date_published.value == "--05-19"
    assert r.context_range is not None and r.context_range[0].year == 2017


def test_war_age_of_another_country_is_ignored() -> None:
    doc = doc_from_sentences([
        "Ngày 3/2, các bên tại Yemen đã ký thỏa thuận.",
        "Cuộc xung đột kéo dài hơn 4 năm ở Yemen đã khiến hàng nghìn người thiệt mạng.",
    ])
    r = run(doc)
    assert r.context_range is None
    assert doc.ex.article.date_published is not None and doc.ex.article.date_published.value == "--02-03"


def test_bare_day_month_continues_a_list_of_dates():
    found = [(e.day, e.month) for e in find_dates("các cuộc gặp ngày 23/1, 15/3 và 4/5 tại Doha")]
    assert found == [(23, 1), (15, 3), (4, 5)]
    assert find_dates("tỷ số 2/1 và 3/2 sau hai hiệp") == []  # no date word before the list: scores
    assert [(e.day, e.month) for e in find_dates("hôm 8/9 hoặc 9/9")] == [(8, 9), (9, 9)]
    ranges = find_dates("các vòng họp ngày 2-3/3, 10-11/4 và 7-8/6 tại Doha")
    assert [(e.day, e.month) for e in ranges] == [(2, 3), (10, 4), (7, 6)]


def test_apposition_keeps_the_words_as_written():
    [e] = find_dates("Thủ tướng hôm thứ Tư (8/11) đã tới Doha")
    assert (e.kind, e.day, e.month, e.text) == ("dm", 8, 11, "hôm thứ Tư (8/11)")
    [e] = find_dates("Ngày hôm qua (2/4), ông Modi nói")
    assert (e.day, e.month, e.text) == (2, 4, "Ngày hôm qua (2/4)")
