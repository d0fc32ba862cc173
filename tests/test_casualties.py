"""Casualty and displacement claims (loaders/extract/casualties.py) on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from syriakg.loaders.extract import casualties, dates
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.vi_regex import spellings
from syriakg.loaders.model import Entity
from tests.extract_helpers import add_mention, doc_from_sentences

KINDS = {
    "iraq": "country", "yemen": "country", "lebanon": "country", "jordan": "country", "syria": "country",
    "mosul": "place", "hama": "place", "deir_ez_zor": "place", "sohr": "organization", "who": "organization",
    "un": "organization", "iraq_mod": "organization", "ocha": "organization", "guterres": "person",
}


def mention(doc: Doc, i: int, surface: str, key: str, nth: int = 0) -> None:
    add_mention(doc, i, surface, key, nth=nth)
    doc.ex.entities.setdefault(key, Entity(key, KINDS[key], surface))  # type: ignore[arg-type]


def claims(sentences: list[str], mentions: list[tuple[int, str, str]] = (), date: str | None = None):
    doc = doc_from_sentences(sentences, date=date)
    for i, surface, key in mentions:
        mention(doc, i, surface, key)
    dates.component(doc)
    casualties.component(doc)
    return doc.ex.casualties


def summary(c) -> tuple:
    return (c.outcome, c.qualifier, c.count, c.count_text)


@pytest.mark.parametrize(
    ("sentence", "expected", "victims"),
    [
        ("Ít nhất 27 dân thường đã thiệt mạng trong vụ nổ.", ("killed", "at_least", 27, "Ít nhất 27"), "dân thường"),
        ("Hơn 1.400 người bị thương sau trận động đất.", ("injured", "more_than", 1400, "Hơn 1.400"), "người"),
        ("Khoảng bốn nghìn gia đình phải sơ tán khỏi thị trấn.", ("displaced", "about", 4000, "Khoảng bốn nghìn"),
         "gia đình"),
        ("Gần 2,1 triệu người tị nạn Iraq đang sống tại các trại.", ("refugees", "about", 2100000, "Gần 2,1 triệu"),
         "người tị nạn Iraq"),
        ("Hàng nghìn người đã phải rời bỏ nhà cửa.", ("displaced", "vague", None, "Hàng nghìn"), "người"),
        ("Có 12 nhân viên cứu trợ mất tích sau cuộc tấn công.", ("missing", "exactly", 12, "12"), "nhân viên cứu trợ"),
        ("Tám nhà báo nước ngoài bị bắt cóc ở miền bắc.", ("captured", "exactly", 8, "Tám"), "nhà báo nước ngoài"),
        ("Phiến quân đã sát hại 14 người dân làng.", ("killed", "exactly", 14, "14"), "người dân làng"),
        ("Vụ đánh bom làm bị thương 31 người.", ("injured", "exactly", 31, "31"), "người"),
        ("Trận lũ đã cướp đi sinh mạng của gần 90 người.", ("killed", "about", 90, "gần 90"), "người"),
        ("Cuộc giao tranh khiến ít nhất 60 tay súng thiệt mạng.", ("killed", "at_least", 60, "ít nhất 60"), "tay súng"),
        ("Số người thiệt mạng trong vụ tấn công đã lên tới 73 người.", ("killed", "exactly", 73, "lên tới 73"),
         "người"),
        ("Ba binh sĩ Jordan hy sinh khi làm nhiệm vụ.", ("killed", "exactly", 3, "Ba"), "binh sĩ Jordan"),
        ("Chiến dịch đã tiêu diệt hơn 200 phần tử khủng bố.", ("killed", "more_than", 200, "hơn 200"),
         "phần tử khủng bố"),
        ("Hàng trăm binh lính, gồm cả lính đánh thuê, đã thiệt mạng tại đây.",
         ("killed", "vague", None, "Hàng trăm"), "binh lính"),
        ("Có hàng chục tay súng, bao gồm cả các chỉ huy cấp cao của nhóm phiến quân này thiệt mạng.",
         ("killed", "vague", None, "hàng chục"), "tay súng"),
    ],
)
def test_claims(sentence: str, expected: tuple, victims: str) -> None:
    (c,) = claims([sentence])
    assert summary(c) == expected
    assert c.victims == victims
    assert c.evidence == [0]
    assert c.claimant is None  # the article's own authority


def test_refugees_fleeing_stay_refugees() -> None:
    (c,) = claims(["Hàng triệu người tị nạn chạy trốn chiến tranh đã tới châu Âu."])
    assert (c.outcome, c.qualifier, c.victims) == ("refugees", "vague", "người tị nạn")


def test_two_outcomes_in_one_sentence() -> None:
    got = claims(["Năm người chết và 19 người khác bị thương trong vụ pháo kích."])
    assert [summary(c) for c in got] == [("killed", "exactly", 5, "Năm"), ("injured", "exactly", 19, "19")]


def test_killed_and_displaced_joined_by_khien() -> None:
    got = claims(["Cuộc chiến đã giết chết khoảng 10.000 người và khiến hàng triệu người phải rời bỏ đất nước."])
    assert [summary(c)[:3] for c in got] == [("killed", "about", 10000), ("refugees", "vague", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington sẽ rút khoảng 3.000 quân khỏi Iraq trong năm nay.",  # troops withdrawn
        "Có khoảng hai triệu thường dân khi thành phố bị bao vây.",  # people merely present
        "Khu vực này có hơn 1,5 triệu người sinh sống.",
        "Nga đã triển khai khoảng 4.000 binh sĩ tới căn cứ.",
        "Cuộc tấn công khiến 12 chiếc xe tăng bị phá hủy.",  # vehicles
        "Gói viện trợ trị giá 300 triệu USD.",  # money
        "Không có binh sĩ nào thiệt mạng trong vụ việc.",  # no figure, negated
        "Tổ chức này cho biết 30% dân số phải sơ tán.",  # a percentage
        "Từ năm 2014, hàng chục chuyến bay đã bị hủy.",
        "Hai nước có 5 tàu chiến bị hư hại.",
        "Hai bên chưa ghi nhận 10 người nào thiệt mạng.",
        "Ba tên chỉ huy của nhóm phiến quân đã tháo chạy khỏi thị trấn.",  # a retreat
        "Cảnh sát cho biết có 2 kẻ đánh bom liều chết tham gia vụ tấn công.",  # suicide bombers
    ],
)
def test_not_casualty_claims(sentence: str) -> None:
    assert claims([sentence]) == []


def test_claimant_place_and_date() -> None:
    s = "Ngày 3/11, Bộ Quốc phòng Iraq cho biết ít nhất 45 dân thường đã thiệt mạng ở Mosul."
    got = claims([s], [(0, "Bộ Quốc phòng Iraq", "iraq_mod"), (0, "Mosul", "mosul")], date="2016-11-04")
    (c,) = got
    assert (c.claimant, c.place) == ("iraq_mod", "mosul")
    assert c.date is not None and c.date.value == "2016-11-03"
    assert c.span is not None


def test_theo_and_trailing_attribution() -> None:
    got = claims(
        ["Theo SOHR, hơn 70 người đã thiệt mạng tại Hama.", "Khoảng 900 người phải sơ tán, OCHA cho biết."],
        [(0, "SOHR", "sohr"), (0, "Hama", "hama"), (1, "OCHA", "ocha")],
    )
    assert [(c.claimant, c.place, c.outcome) for c in got] == [("sohr", "hama", "killed"), ("ocha", None, "displaced")]


def test_place_is_not_the_victims_nationality() -> None:
    (c,) = claims(
        ["Hai binh sĩ Iraq thiệt mạng tại Deir ez-Zor."],
        [(0, "Iraq", "iraq"), (0, "Deir ez-Zor", "deir_ez_zor")],
    )
    assert c.place == "deir_ez_zor"
    (c,) = claims(["Hai binh sĩ Iraq thiệt mạng."], [(0, "Iraq", "iraq")])
    assert c.place is None


def test_refugees_hosted_in_a_country() -> None:
    (c,) = claims(
        ["Hiện có khoảng 1,5 triệu người tị nạn Syria ở Lebanon."],
        [(0, "Syria", "syria"), (0, "Lebanon", "lebanon")],
    )
    assert summary(c) == ("refugees", "about", 1500000, "khoảng 1,5 triệu")
    assert c.place == "lebanon" and c.victims == "người tị nạn Syria"


def test_war_toll_takes_the_war_country_from_the_previous_sentence_of_the_paragraph() -> None:
    doc = doc_from_sentences(["Cuộc xung đột kéo dài gần 4 năm ở Yemen chưa có hồi kết.", "Hơn 10.000 người đã thiệt mạng."])
    mention(doc, 0, "Yemen", "yemen")
    dates.component(doc)
    casualties.component(doc)
    assert doc.ex.casualties[0].place is None  # another paragraph: not carried over
    doc.ex.sentences[:] = [replace(s, paragraph=0) for s in doc.ex.sentences]
    doc.ex.casualties.clear()
    casualties.component(doc)
    (c,) = doc.ex.casualties
    assert c.place == "yemen" and c.evidence == [1]


def test_same_figure_in_lead_and_body_is_one_claim() -> None:
    s = "Ít nhất 14 người đã thiệt mạng trong vụ không kích."
    got = claims([s, "Hãng tin cho biết thêm, " + s[0].lower() + s[1:]])
    assert len(got) == 1 and got[0].evidence == [0, 1]


def test_different_figures_from_different_sources_stay_apart() -> None:
    got = claims(
        ["Theo SOHR, 40 người thiệt mạng.", "Tuy nhiên, Liên hợp quốc cho biết 25 người thiệt mạng."],
        [(0, "SOHR", "sohr"), (1, "Liên hợp quốc", "un")],
    )
    assert [(c.count, c.claimant) for c in got] == [(40, "sohr"), (25, "un")]


def test_casualty_words_without_a_number_give_nothing() -> None:
    assert claims(["Nhiều dân thường đã thiệt mạng và bị thương trong các cuộc không kích."]) == []




def test_every_outcome_phrase_passes_the_cheap_gate() -> None:
    for phrase in casualties._OUTCOME_PHRASES:
        for spelling in spellings(phrase):
            assert any(k in spelling for k in casualties.KEYS), phrase


# --- outcomes without "người", large numbers, sources in the neighbouring sentence -----------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("Các tay súng đã treo cổ 9 dân thường ở ngoại ô Mosul.", ("killed", "exactly", 9, "9")),
    ("17 thường dân bị treo cổ trước mặt người dân trong làng.", ("killed", "exactly", 17, "17")),
    ("Khoảng 13.000 tù nhân đã bị hành quyết trong 5 năm.", ("killed", "about", 13000, "Khoảng 13.000")),
    ("Hàng chục binh sĩ mất mạng trong trận phục kích.", ("killed", "vague", None, "Hàng chục")),
    ("Gần nửa triệu người đã mất mạng kể từ năm 2011.", ("killed", "about", 500000, "Gần nửa triệu")),
    ("Hơn 2,3 triệu người Iraq đã chạy sang các nước láng giềng.", ("refugees", "more_than", 2300000, "Hơn 2,3 triệu")),
])
def test_more_outcome_wordings(sentence, expected):
    [c] = claims([sentence])
    assert summary(c) == expected


@pytest.mark.parametrize("sentence", [
    "Iraq đã điều thêm 3.000 binh sĩ tới Mosul.",
    "Liên hợp quốc cam kết 400 triệu USD cho người tị nạn ở Jordan.",
    "Đoàn xe chạy 60 km trong 5 giờ.",
    "Thành phố Hama có khoảng 800.000 dân.",
    "Hai nhân chứng cho biết họ nghe thấy tiếng nổ.",
    "Quân đội đã thu giữ 40 khẩu súng và 3 xe tăng.",
])
def test_numbers_that_are_not_casualties(sentence):
    assert claims([sentence]) == []


def _same_paragraph(sentences: list[str], mentions: list[tuple[int, str, str]]):
    doc = doc_from_sentences(sentences)
    doc.ex.sentences[:] = [replace(s, paragraph=0) for s in doc.ex.sentences]
    for i, surface, key in mentions:
        mention(doc, i, surface, key)
    dates.component(doc)
    casualties.component(doc)
    return doc.ex.casualties


def test_claimant_of_the_previous_sentence_carries_over_to_its_continuation():
    cs = _same_paragraph(["Bộ Quốc phòng Iraq cho biết 31 binh sĩ đã thiệt mạng gần Mosul.",
                          "Trong số đó có 4 sĩ quan bị thương nặng."],
                         [(0, "Bộ Quốc phòng Iraq", "iraq_mod"), (0, "Mosul", "mosul")])
    assert [(c.count, c.claimant) for c in cs] == [(31, "iraq_mod"), (4, "iraq_mod")]


def test_claimant_named_in_the_next_sentence():
    cs = _same_paragraph(["Ít nhất 19 người đã thiệt mạng trong vụ đánh bom ở Hama.",
                          "Đài quan sát Nhân quyền Syria cho biết như vậy."],
                         [(0, "Hama", "hama"), (1, "Đài quan sát Nhân quyền Syria", "sohr")])
    assert [(c.count, c.claimant) for c in cs] == [(19, "sohr")]


def test_no_claimant_carried_from_an_unrelated_statement_or_another_paragraph():
    cs = _same_paragraph(["Ông Guterres cho biết Liên hợp quốc sẽ tăng viện trợ.",
                          "Trong số đó có 6 người thiệt mạng ở Hama."],
                         [(0, "Guterres", "guterres"), (1, "Hama", "hama")])
    assert [(c.count, c.claimant) for c in cs] == [(6, None)]
    cs = claims(["Bộ Quốc phòng Iraq cho biết 31 binh sĩ đã thiệt mạng.", "Trong số đó có 4 sĩ quan bị thương."],
                [(0, "Bộ Quốc phòng Iraq", "iraq_mod")])  # one paragraph per sentence
    assert [(c.count, c.claimant) for c in cs] == [(31, "iraq_mod"), (4, None)]


def test_claimant_named_after_the_figure_or_as_an_estimate():
    [c] = claims(["Hơn 60 dân thường đã thiệt mạng ở Deir ez-Zor trong tuần này, theo Đài quan sát Nhân quyền Syria."],
                 [(0, "Deir ez-Zor", "deir_ez_zor"), (0, "Đài quan sát Nhân quyền Syria", "sohr")])
    assert (c.count, c.claimant, c.place) == (60, "sohr", "deir_ez_zor")
    [c] = claims(["Theo ước tính của Liên hợp quốc, khoảng 3 triệu người Yemen đã phải sơ tán."],
                 [(0, "Liên hợp quốc", "un")])
    assert (c.outcome, c.count, c.claimant) == ("displaced", 3000000, "un")


def test_a_new_subject_in_the_next_sentence_does_not_inherit_the_claimant():
    cs = _same_paragraph(["Bộ Quốc phòng Iraq cho biết 31 binh sĩ đã thiệt mạng gần Mosul.",
                          "Trong khi đó, một ngôi làng ở Jordan đã tiếp nhận 40 người tị nạn."],
                         [(0, "Bộ Quốc phòng Iraq", "iraq_mod"), (0, "Mosul", "mosul"), (1, "Jordan", "jordan")])
    assert [(c.count, c.claimant) for c in cs] == [(31, "iraq_mod"), (40, None)]
    cs = _same_paragraph(["Bộ Quốc phòng Iraq cho biết 31 binh sĩ đã thiệt mạng gần Mosul.",
                          "12 người khác bị thương."],
                         [(0, "Bộ Quốc phòng Iraq", "iraq_mod"), (0, "Mosul", "mosul")])
    assert [(c.count, c.claimant) for c in cs] == [(31, "iraq_mod"), (12, "iraq_mod")]


@pytest.mark.parametrize("sentence, expected", [
    # "không kích" (air strike) is no negation
    ("Các cuộc không kích đã tiêu diệt 4 thủ lĩnh của nhóm phiến quân.", ("killed", "exactly", 4, "4")),
    ("Máy bay không người lái đã sát hại 6 dân thường ở Mosul.", ("killed", "exactly", 6, "6")),
    # a bracketed acronym and a long proper name inside the victims
    ("Có 21 tay súng của tổ chức Nhà nước Hồi giáo (IS) tự xưng đã bị tiêu diệt.", ("killed", "exactly", 21, "21")),
    # a part of a group
    ("“9 trong số những kẻ tấn công đã bị tiêu diệt”, vị chỉ huy nói.", ("killed", "exactly", 9, "9")),
    ("Lực lượng đặc nhiệm đã tiêu diệt 14 điệp viên của nhóm khủng bố.", ("killed", "exactly", 14, "14")),
])
def test_victims_with_names_brackets_and_parts(sentence, expected):
    [c] = claims([sentence])
    assert summary(c) == expected


def test_a_real_negation_still_blocks_the_claim():
    assert claims(["Không có binh sĩ nào thiệt mạng trong cuộc không kích."]) == []
    assert claims(["Các cuộc không kích không làm 3 binh sĩ nào thiệt mạng."]) == []
