"""More agreement wordings (loaders/extract/agreements.py): coordination accords, local deals, agreements signed by
named bodies, agreements named after a place, and ceasefires referred to by their start date (sentences written here)."""

from __future__ import annotations

import pytest

from syriakg.loaders.extract import agreements, dates
from syriakg.loaders.extract.base import Doc
from tests.extract_helpers import run_with_mentions

KINDS = {
    "russia": "country", "turkey": "country", "iran": "country", "iraq": "country", "jordan": "country",
    "japan": "country", "syria": "country", "usa": "country", "vietnam": "country", "eu": "organization",
    "japan_embassy": "organization", "jordan_moh": "organization", "syrian_government": "organization",
    "waer": "place", "paris": "place", "ukraine": "country", "france": "country", "putin": "person",
}


def build(sentences: list[str], mentions: list[tuple[int, str, str]] = (), date: str | None = None) -> Doc:
    return run_with_mentions(sentences, mentions, KINDS, (dates.component, agreements.component), date)


# --- accords reached in the article -----------------------------------------------------------------------------


def test_coordination_accord_reached_in_a_call() -> None:
    doc = build(["Ngoại trưởng Iraq và Jordan đã có cuộc điện đàm hôm thứ Hai.",
                 "Hai bên nhất trí sẽ thúc đẩy hợp tác và phối hợp giữa quân đội hai nước."],
                [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    (a,) = doc.ex.agreements
    assert (a.key, set(a.parties), a.kind, a.evidence) == (None, {"iraq", "jordan"}, "coordination_accord", [1])
    assert "thúc đẩy hợp tác" in a.label


def test_local_deal_with_an_unnamed_side() -> None:
    doc = build(["Các tay súng đã chấp nhận thỏa thuận với chính phủ Syria về việc rời khỏi quận Waer."],
                [(0, "chính phủ Syria", "syrian_government"), (0, "Waer", "waer")])
    (a,) = doc.ex.agreements
    assert (a.key, a.parties, a.kind) == (None, ["syrian_government"], "evacuation")
    doc = build(["Chính phủ Syria đã đạt được một thỏa thuận với phe nổi dậy về việc sơ tán khỏi quận Waer."],
                [(0, "Chính phủ Syria", "syrian_government"), (0, "Waer", "waer")])
    (a,) = doc.ex.agreements
    assert (a.parties, a.kind) == (["syrian_government"], "evacuation")


def test_agreements_signed_by_two_named_bodies_with_a_count() -> None:
    doc = build(["Đại sứ quán Nhật Bản và Bộ Y tế Jordan đã ký kết 2 thỏa thuận viện trợ."],
                [(0, "Đại sứ quán Nhật Bản", "japan_embassy"), (0, "Bộ Y tế Jordan", "jordan_moh"),
                 (0, "Jordan", "jordan")])
    (a,) = doc.ex.agreements
    assert (a.key, a.parties) == (None, ["japan_embassy", "jordan_moh", "jordan"])  # Japan is not named alone


@pytest.mark.parametrize("sentence", [
    "Iran nhất trí cung cấp thêm viện trợ cho phe nổi dậy.",  # one party, the other side is a recipient
    "Iran chấp nhận đề xuất của Nga.",  # no agreement noun, no joint action
    "Các tay súng từ chối thỏa thuận với chính phủ Syria.",  # refused
    "Các tay súng sẽ chấp nhận thỏa thuận với chính phủ Syria.",  # not yet
])
def test_not_accords(sentence: str) -> None:
    mentions = [(0, w, k) for w, k in (("Iran", "iran"), ("Nga", "russia"), ("chính phủ Syria", "syrian_government"))
                if w in sentence]
    assert build([sentence], mentions).ex.agreements == []


# --- agreements named after a place -------------------------------------------------------------------------------


def test_agreements_named_after_a_place_in_any_spelling() -> None:
    doc = build(["Hai bên đánh giá tiến trình thực hiện Thỏa thuận Min-xcơ về Ukraine.",
                 "Mỹ tuyên bố rút khỏi Hiệp định Paris về biến đổi khí hậu.",
                 "Ông Macron muốn cứu thỏa thuận Paris."],
                [(0, "Ukraine", "ukraine"), (1, "Mỹ", "usa"), (1, "Paris", "paris"), (2, "Paris", "paris")])
    got = sorted((a.label, a.evidence) for a in doc.ex.agreements)
    assert got == [("Hiệp định Paris", [1, 2]), ("Thỏa thuận Min-xcơ", [0])]
    assert all(a.key is None for a in doc.ex.agreements)


@pytest.mark.parametrize(("sentence", "mentions"), [
    ("Hiệp định Việt Nam - EU đã có hiệu lực.", [(0, "Việt Nam", "vietnam"), (0, "EU", "eu")]),  # between parties
    ("Thỏa thuận Nga ký với Iran gây tranh cãi.", [(0, "Nga", "russia"), (0, "Iran", "iran")]),  # a country
    ("Ông cho biết thỏa thuận Tháng Ba vẫn còn hiệu lực.", []),
    ("Hai nước ký hiệp định thương mại tự do.", []),
])
def test_not_named_agreements(sentence: str, mentions: list) -> None:
    assert [a.label for a in build([sentence], mentions).ex.agreements if a.kind == "agreement"] == []


# --- a catalogue ceasefire referred to by its start date ------------------------------------------------------------


@pytest.mark.parametrize("first", [
    "Lệnh ngừng bắn, được thực thi từ hồi tháng 12 năm ngoái, đã giúp giảm bạo lực.",
    "Lệnh ngừng bắn đã được thực thi từ hồi tháng 12 năm ngoái.",
    "Lệnh ngừng bắn bắt đầu có hiệu lực từ cuối tháng 12 năm ngoái và vẫn còn mong manh.",
])
def test_ceasefire_by_its_start_date_and_later_references(first: str) -> None:
    doc = build([first, "Thời tiết ở thủ đô khá lạnh.", "Lệnh ngừng bắn đã được duy trì dù còn vi phạm."],
                date="2017-03-10")
    (a,) = doc.ex.agreements
    assert (a.key, a.evidence) == ("syria_ceasefire_dec_2016", [0, 2])


def test_start_date_of_another_year_is_not_that_ceasefire() -> None:
    doc = build(["Lệnh ngừng bắn đã được thực thi từ hồi tháng 12 năm ngoái."], date="2019-03-10")
    assert [a.key for a in doc.ex.agreements if a.key] == []


def test_named_agreements_in_latin_spelling_with_a_descriptor() -> None:
    doc = build(["Kiev phải thực hiện Hiệp định hòa bình Minsk.", "Các bên tôn trọng thỏa thuận Minsk.",
                 "Hàng chục nước đã ký Thỏa thuận khí hậu Paris."], [(2, "Paris", "paris")])
    got = sorted((a.label, a.evidence) for a in doc.ex.agreements)
    assert got == [("Hiệp định hòa bình Minsk", [0, 1]), ("Thỏa thuận khí hậu Paris", [2])]
    doc = build(["Thỏa thuận S-400 đã được ký.", "Tổ chức Hiệp ước Bắc Đại Tây Dương họp tại Brussels."])
    assert [a.label for a in doc.ex.agreements if a.kind == "agreement"] == []


def test_the_place_of_a_local_deal_is_not_a_party() -> None:
    doc = build(["Chính phủ Syria đã đạt được một thỏa thuận với phe nổi dậy tại khu vực Waer về việc sơ tán."],
                [(0, "Chính phủ Syria", "syrian_government"), (0, "Waer", "waer")])
    (a,) = doc.ex.agreements
    assert a.parties == ["syrian_government"]
    doc = build(["Iraq đã ký một thỏa thuận với Jordan tại Amman."], [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    (a,) = doc.ex.agreements
    assert a.parties == ["iraq", "jordan"]


def test_two_named_agreements_in_one_phrase() -> None:
    doc = build(["Hai bên thảo luận về Thỏa thuận Min-xcơ và Hiệp định Pa-ri về khí hậu."], [(0, "Pa-ri", "paris")])
    assert sorted(a.label for a in doc.ex.agreements) == ["Hiệp định Pa-ri", "Thỏa thuận Min-xcơ"]


def test_a_nationwide_december_ceasefire_without_a_year() -> None:
    doc = build(["Chợ phiên mở cửa trở lại từ khi lệnh ngừng bắn toàn quốc được áp dụng từ ngày 30/12."])
    assert [a.key for a in doc.ex.agreements] == ["syria_ceasefire_dec_2016"]
    doc = build(["Lệnh ngừng bắn trên toàn Syria có hiệu lực từ tháng 12/2019."])
    assert [a.key for a in doc.ex.agreements if a.key] == []


def test_leaders_agreeing_to_step_up_joint_efforts() -> None:
    doc = build(["Iraq và Jordan nhất trí đẩy mạnh các nỗ lực chống khủng bố."],
                [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    assert [(a.key, sorted(a.parties)) for a in doc.ex.agreements] == [(None, ["iraq", "jordan"])]


def test_passive_signing_with_parties_after_giua() -> None:
    doc = build(["Một thỏa thuận ngừng bắn giữa Iraq và Jordan đã được ký kết hôm 5/3."],
                [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    (a,) = doc.ex.agreements
    assert (a.key, sorted(a.parties), a.kind) == (None, ["iraq", "jordan"], "ceasefire")
    doc = build(["Thỏa thuận giữa Iraq và Jordan sẽ được ký kết vào tháng tới."], [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    assert doc.ex.agreements == []
    doc = build(["Thỏa thuận giữa Iraq và Jordan vẫn gây tranh cãi."], [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    assert doc.ex.agreements == []


@pytest.mark.parametrize(("sentence", "date", "key"), [
    ("Thổ Nhĩ Kỳ viện dẫn Thỏa thuận A-đa-na năm 1998 với Syria.", "2019-02-01", "adana_agreement_1998"),
    ("Các bên cam kết tôn trọng Thông cáo Giơ-ne-vơ.", "2016-01-01", "geneva_communique_2012"),
    ("Thỏa thuận Át-xta-na về các vùng giảm căng thẳng đã có hiệu lực.", "2017-06-01", "astana_deescalation"),
    ("Kế hoạch Hành động Toàn diện Chung (JCPOA) vẫn được các bên duy trì.", "2017-01-01", "jcpoa_2015"),
])
def test_catalogue_agreements_in_other_spellings(sentence: str, date: str, key: str) -> None:
    assert [a.key for a in build([sentence], date=date).ex.agreements] == [key]


def test_air_safety_memorandum_suspended_or_violated_in_other_wordings() -> None:
    extra = {"russia_mod": "organization", "usa_mod": "organization"}
    KINDS.update(extra)
    doc = build(["Bộ Quốc phòng Nga cho biết sẽ dừng tuân thủ thỏa thuận hợp tác quân sự với Mỹ ở Syria."],
                [(0, "Bộ Quốc phòng Nga", "russia_mod"), (0, "Nga", "russia"), (0, "Mỹ", "usa")], date="2017-06-20")
    assert [a.key for a in doc.ex.agreements] == ["us_russia_air_safety_mou_2015"]
    doc = build(["Bộ Quốc phòng Nga dừng hoạt động phối hợp với Bộ Quốc phòng Mỹ trong khuôn khổ biên bản ghi nhớ về Syria."],
                [(0, "Bộ Quốc phòng Nga", "russia_mod"), (0, "Bộ Quốc phòng Mỹ", "usa_mod"), (0, "Nga", "russia"),
                 (0, "Mỹ", "usa")], date="2017-06-20")
    assert [a.key for a in doc.ex.agreements] == ["us_russia_air_safety_mou_2015"]
    doc = build(["Nga cáo buộc Mỹ cố ý vi phạm những cam kết trong khuôn khổ thỏa thuận nhằm đảm bảo các phi cơ của Mỹ và "
                 "Nga được an toàn khi làm nhiệm vụ tại Syria."], [(0, "Nga", "russia"), (0, "Mỹ", "usa")], date="2017-06-20")
    (v,) = doc.ex.violations
    assert (v.agreement.key, v.claimant, v.accused) == ("us_russia_air_safety_mou_2015", "russia", ["usa"])


def test_passive_signing_of_a_deal_named_by_its_two_sides() -> None:
    KINDS["mosul"] = "place"
    doc = build(["Thỏa thuận ngừng bắn Iran - Mosul được ký kết hôm 5/3."], [(0, "Iran", "iran"), (0, "Mosul", "mosul")])
    (a,) = doc.ex.agreements
    assert (a.key, a.parties, a.kind) == (None, ["iran", "mosul"], "ceasefire")


def test_places_in_the_subject_are_where_not_who() -> None:
    KINDS.update({"bab": "place", "aleppo": "place"})
    doc = build(["Các nhóm vũ trang ở thành phố Al-Bab, tỉnh Aleppo đã đồng ý sơ tán khỏi khu vực."],
                [(0, "thành phố Al-Bab", "bab"), (0, "tỉnh Aleppo", "aleppo")])
    assert doc.ex.agreements == []


def test_an_agreement_identified_by_its_own_day() -> None:
    doc = build(["Văn kiện ký ngày 4/5/2017 giữa Nga, Iran và Thổ Nhĩ Kỳ là thỏa thuận ngày 4/5/2017 được các bên tôn trọng."],
                [(0, "Nga", "russia"), (0, "Iran", "iran"), (0, "Thổ Nhĩ Kỳ", "turkey")], date="2017-08-10")
    assert [a.key for a in doc.ex.agreements] == []  # the day alone names nothing
    doc = build(["Thỏa thuận ngày 4/5/2017 giữa Nga, Iran và Thổ Nhĩ Kỳ vẫn được tôn trọng."],
                [(0, "Nga", "russia"), (0, "Iran", "iran"), (0, "Thổ Nhĩ Kỳ", "turkey")], date="2017-08-10")
    assert [a.key for a in doc.ex.agreements] == ["astana_deescalation"]
    doc = build(["Thỏa thuận thương mại ký ngày 17/9/2018 giữa Iraq và Jordan có hiệu lực."],
                [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")], date="2019-01-10")
    assert [a.key for a in doc.ex.agreements if a.key] == []
