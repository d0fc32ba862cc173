"""Who claims a casualty figure, where it happened, and figures the first rules missed (sentences written here)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from syriakg.loaders.extract import casualties, dates
from syriakg.loaders.model import Entity
from tests.extract_helpers import add_mention, doc_from_sentences

KINDS = {
    "kremlin": "organization", "putin": "person", "erdogan": "person", "iraq": "country", "jordan": "country",
    "who": "organization", "iraq_mfa": "organization", "guterres": "person", "sohr": "organization",
    "lavrov": "person", "hama": "place", "homs": "place", "deir_ez_zor": "place", "geneva": "place",
    "astana": "place", "amnesty": "organization", "madaya": "place", "russia": "country", "mosul": "place",
}


def run(sentences: list[str], mentions: list[tuple[int, str, str]] = (), one_paragraph: bool = False):
    doc = doc_from_sentences(sentences)
    if one_paragraph:
        doc.ex.sentences[:] = [replace(s, paragraph=0) for s in doc.ex.sentences]
    for i, surface, key in mentions:
        add_mention(doc, i, surface, key)
        doc.ex.entities.setdefault(key, Entity(key, KINDS[key], surface))  # type: ignore[arg-type]
    dates.component(doc)
    casualties.component(doc)
    return doc.ex.casualties


# --- claimant ---------------------------------------------------------------------------------------------------


def test_the_office_that_reports_is_the_claimant_not_the_leader_expressing_condolences() -> None:
    [c] = run(["Điện Kremlin cho biết, Tổng thống Putin đã bày tỏ lời chia buồn với Tổng thống Erdogan về vụ việc "
               "khiến 4 binh sĩ thiệt mạng."],
              [(0, "Điện Kremlin", "kremlin"), (0, "Putin", "putin"), (0, "Erdogan", "erdogan")])
    assert (c.count, c.claimant) == (4, "kremlin")


def test_a_leader_who_reports_the_figure_himself_stays_the_claimant() -> None:
    [c] = run(["Tổng thống Putin cho biết 4 binh sĩ đã thiệt mạng."], [(0, "Putin", "putin")])
    assert c.claimant == "putin"


def test_a_disputed_report_belongs_to_its_author() -> None:
    [c] = run(["Bộ Ngoại giao Iraq ngày 3/4 đã bác bỏ báo cáo của Tổ chức Y tế Thế giới cho rằng 300 người đã chết "
               "vì dịch bệnh ở Mosul."],
              [(0, "Bộ Ngoại giao Iraq", "iraq_mfa"), (0, "Tổ chức Y tế Thế giới", "who"), (0, "Mosul", "mosul")])
    assert (c.count, c.claimant, c.place) == (300, "who", "mosul")
    [c] = run(["Ông Guterres cũng lên án những cáo buộc trước đó của Ân xá Quốc tế là thiếu căn cứ khi cho rằng "
               "hàng nghìn tù nhân đã bị hành quyết."],
              [(0, "Guterres", "guterres"), (0, "Ân xá Quốc tế", "amnesty")])
    assert c.claimant == "amnesty"


def test_a_denied_figure_with_no_named_author_has_no_claimant() -> None:
    [c] = run(["Ông Lavrov phủ nhận thông tin cho rằng 20 nhân viên cứu trợ đã bị bắt cóc."], [(0, "Lavrov", "lavrov")])
    assert (c.outcome, c.count, c.claimant) == ("captured", 20, None)


def test_a_denial_in_the_next_sentence_does_not_source_the_figure() -> None:
    cs = run(["Ít nhất 19 người đã thiệt mạng trong vụ đánh bom ở Hama.", "Moskva bác bỏ thông tin này."],
             [(0, "Hama", "hama"), (1, "Moskva", "russia")], one_paragraph=True)
    assert [(c.count, c.claimant) for c in cs] == [(19, None)]


def test_a_cue_in_another_item_of_a_digest_is_not_the_source() -> None:
    cs = run(["Ông Guterres cho rằng tình hình đang được cải thiện. * Ngày 3/5, ít nhất 12 binh sĩ đã thiệt mạng ở Hama."],
             [(0, "Guterres", "guterres"), (0, "Hama", "hama")])
    assert [(c.count, c.claimant, c.place) for c in cs] == [(12, None, "hama")]
    cs = run(["★ SOHR cho biết 8 dân thường đã thiệt mạng ở Hama."], [(0, "SOHR", "sohr"), (0, "Hama", "hama")])
    assert [(c.count, c.claimant) for c in cs] == [(8, "sohr")]


def test_a_narrative_figure_after_someone_else_spoke_has_no_claimant() -> None:
    cs = run(["Ngoại trưởng Lavrov cho biết Nga lo ngại về các vụ tấn công gây thương vong cho dân thường.",
              "25 người đã thiệt mạng trong vụ không kích ở Homs hôm thứ Ba."],
             [(0, "Lavrov", "lavrov"), (0, "Nga", "russia"), (1, "Homs", "homs")], one_paragraph=True)
    assert [(c.count, c.claimant, c.place) for c in cs] == [(25, None, "homs")]


def test_an_unclosed_quotation_does_not_make_later_sentences_its_speakers() -> None:
    cs = run(["Ông Lavrov nói: “Chúng tôi sẽ tiếp tục đàm phán.",
              "Ít nhất 30 dân thường đã thiệt mạng ở Homs trong tuần này."],
             [(0, "Lavrov", "lavrov"), (1, "Homs", "homs")], one_paragraph=True)
    assert [(c.count, c.claimant) for c in cs] == [(30, None)]


def test_a_closed_quotation_keeps_its_speaker() -> None:
    cs = run(["“Ít nhất 30 dân thường đã thiệt mạng ở Homs”, ông Lavrov nói."],
             [(0, "Lavrov", "lavrov"), (0, "Homs", "homs")])
    assert [(c.count, c.claimant) for c in cs] == [(30, "lavrov")]


# --- place ------------------------------------------------------------------------------------------------------


def test_the_place_is_in_the_claims_own_clause_not_the_venue_of_talks() -> None:
    cs = run(["Phát biểu tại cuộc hội đàm ở Astana, ông Lavrov cho biết các cuộc không kích đã khiến 30 dân thường "
              "thiệt mạng tại các tỉnh Homs và Deir ez-Zor."],
             [(0, "Astana", "astana"), (0, "Lavrov", "lavrov"), (0, "Homs", "homs"), (0, "Deir ez-Zor", "deir_ez_zor")])
    assert [(c.count, c.claimant, c.place) for c in cs] == [(30, "lavrov", "homs")]
    cs = run(["Các nhà ngoại giao đang hội đàm tại Geneva.", "Trong khi đó, 14 dân thường đã thiệt mạng trong tuần qua."],
             [(0, "Geneva", "geneva")], one_paragraph=True)
    assert [(c.count, c.place) for c in cs] == [(14, None)]


# --- recall -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hơn 2.000 tay súng và người nhà đã sơ tán khỏi quận Waer.", ("displaced", "more_than", 2000)),
    ("Khoảng 1.200 phiến quân cùng gia đình đã rời khỏi thị trấn Madaya.", ("displaced", "about", 1200)),
    ("Khoảng 800 dân thường đã rời khỏi thị trấn trong tuần qua.", ("displaced", "about", 800)),
    ("Gần 3.000 người trong tổng số 15.000 dân của thị trấn Madaya bị thương.", ("injured", "about", 3000)),
    ("Ít nhất 40 người, trong tổng số 300 cư dân của làng, đã thiệt mạng.", ("killed", "at_least", 40)),
    ("Trên 200 người đã thiệt mạng trong trận động đất.", ("killed", "more_than", 200)),
])
def test_more_figures(sentence: str, expected: tuple) -> None:
    [c] = run([sentence])
    assert (c.outcome, c.qualifier, c.count) == expected


@pytest.mark.parametrize("sentence", [
    "Khoảng 2.000 binh sĩ Mỹ đã rời khỏi căn cứ.",  # troops withdrawing
    "Khoảng 800 dân thường sẽ rời khỏi thị trấn vào tuần tới.",  # not yet
    "Máy bay đã ném bom tòa nhà nhằm tiêu diệt hai tay súng bắn tỉa.",  # an aim
    "Nhóm phiến quân đe dọa sát hại 5 con tin người Jordan.",  # a threat
    "Ông Lavrov đã rời khỏi cuộc họp sau 2 giờ.",
])
def test_not_figures(sentence: str) -> None:
    assert run([sentence]) == []


def test_an_unresolved_place_named_in_the_sentence_blocks_the_previous_sentences_place() -> None:
    cs = run(["Quân đội Iraq đã giành lại Mosul tuần trước.",
              "Một chỉ huy của nhóm phiến quân đã bị tiêu diệt hôm 18/5 tại Qaim."],
             [(0, "Iraq", "iraq"), (0, "Mosul", "mosul")], one_paragraph=True)
    assert [(c.count, c.place) for c in cs] == [(1, None)]
    cs = run(["Giao tranh tiếp diễn ở Hama.", "Hơn 20 dân thường đã thiệt mạng trong tuần qua."],
             [(0, "Hama", "hama")], one_paragraph=True)
    assert [(c.count, c.place) for c in cs] == [(20, "hama")]  # no place of its own: the previous one


def test_where_a_victim_comes_from_is_not_where_he_fell() -> None:
    cs = run(["Một thủ lĩnh của nhóm phiến quân đến từ Jordan đã bị tiêu diệt trong cuộc không kích ở Homs."],
             [(0, "Jordan", "jordan"), (0, "Homs", "homs")])
    assert [(c.count, c.place) for c in cs] == [(1, "homs")]


def test_the_cue_that_opens_a_digest_item_sources_its_figure() -> None:
    cs = run(["Giá dầu tăng mạnh. * Ngày 10/2, Bộ Ngoại giao Iraq cho biết, hai nước sẽ lập ủy ban chung sau khi "
              "3 binh sĩ Iraq thiệt mạng ở Mosul."],
             [(0, "Bộ Ngoại giao Iraq", "iraq_mfa"), (0, "Mosul", "mosul")])
    assert [(c.count, c.claimant) for c in cs] == [(3, "iraq_mfa")]


def test_a_whole_and_its_part_in_an_apposition() -> None:
    cs = run(["Khoảng 2.300 người, bao gồm 1.050 tay súng, đã được sơ tán khỏi thị trấn Madaya."],
             [(0, "Madaya", "madaya")])
    assert [(c.outcome, c.count) for c in cs] == [("displaced", 2300), ("displaced", 1050)]
    cs = run(["Có 40 người thiệt mạng, bao gồm 12 trẻ em."])
    assert [(c.outcome, c.count, c.victims) for c in cs] == [("killed", 40, "người"), ("killed", 12, "trẻ em")]
    cs = run(["Hơn 200 người đã chết, bao gồm 24 dân thường, 58 binh sĩ và cảnh sát, và ít nhất 138 tay súng, theo SOHR."],
             [(0, "SOHR", "sohr")])
    assert [(c.count, c.claimant) for c in cs] == [(200, "sohr"), (24, "sohr"), (58, "sohr"), (138, "sohr")]


def test_two_single_deaths_of_different_people_stay_apart() -> None:
    cs = run(["Một chỉ huy của IS đã bị tiêu diệt ở Homs.", "Một thủ lĩnh khác đã bị tiêu diệt tại Qaim."],
             [(0, "Homs", "homs")])
    assert [(c.count, c.victims, c.evidence) for c in cs] == [(1, "chỉ huy của IS", [0]), (1, "thủ lĩnh", [1])]


def test_a_direction_before_the_place_is_still_a_locative() -> None:
    cs = run(["Ít nhất 13 tay súng bị tiêu diệt ở đông Homs."], [(0, "Homs", "homs")])
    assert [(c.count, c.place) for c in cs] == [(13, "homs")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Theo nhiều nguồn tin chưa được kiểm chứng, khoảng 2.000 binh sĩ đã thiệt mạng.", ("killed", "about", 2000)),
    ("Binh sĩ Iraq đếm được thi thể 30 tay súng sau trận đánh.", ("killed", "exactly", 30)),
    ("Hơn 1.000 tay súng đã bị hạ gục tại quận Waer.", ("killed", "more_than", 1000)),
    ("Kẻ tấn công đã nổ súng bắn chết 5 người đàn ông.", ("killed", "exactly", 5)),
    ("Ông cho biết 12 binh sĩ Jordan đã tử trận.", ("killed", "exactly", 12)),
    ("Lực lượng an ninh đã bắt cóc 65.000-117.000 người.", ("captured", "at_least", 65000)),
])
def test_more_outcome_words_and_a_negation_in_another_clause(sentence: str, expected: tuple) -> None:
    [c] = run([sentence])
    assert (c.outcome, c.qualifier, c.count) == expected


@pytest.mark.parametrize("sentence", [
    "Ông nói 12 người đã xác nhận tham dự.",
    "Đội tuyển đã hạ gục 3 đối thủ để giành chức vô địch.",
    "Không có 5 binh sĩ nào thiệt mạng.",
])
def test_not_figures_either(sentence: str) -> None:
    assert run([sentence]) == []


def test_the_articles_own_figure_and_a_sources_same_figure_are_two_claims() -> None:
    cs = run(["Ít nhất 14 người đã thiệt mạng ở Hama.", "Tổng thống Putin cho biết ít nhất 14 người đã thiệt mạng."],
             [(0, "Hama", "hama"), (1, "Putin", "putin")])
    assert [(c.count, c.claimant, c.evidence) for c in cs] == [(14, None, [0]), (14, "putin", [1])]


@pytest.mark.parametrize("sentence", [
    "Một quan chức Mỹ cho hay chiếc máy bay bị bắn hạ gần biên giới.",  # an aircraft; the official speaks
    "Lực lượng này đã giúp hơn 120 thành viên của nhóm phiến quân rời khỏi thành phố.",  # members of a group leaving
])
def test_not_figures_of_people_harmed(sentence: str) -> None:
    assert run([sentence]) == []


def test_one_of_n_is_the_figure_not_a_total() -> None:
    [c] = run(["Ông là một trong số hơn 300 phiến quân đã bị tiêu diệt trong các cuộc không kích."])
    assert (c.outcome, c.qualifier, c.count) == ("killed", "more_than", 300)


def test_background_figures_in_praise_or_allegations_are_the_articles() -> None:
    [c] = run(["Ông Guterres ca ngợi nỗ lực chấm dứt cuộc chiến đã khiến hơn 300.000 người thiệt mạng ở Syria."],
              [(0, "Guterres", "guterres"), (0, "Syria", "syria")] if "syria" in KINDS else [(0, "Guterres", "guterres")])
    assert (c.count, c.claimant) == (300000, None)
    [c] = run(["Ông Lavrov cho rằng việc Iraq bị cáo buộc tấn công giết hơn 100 người dân là vô căn cứ."],
              [(0, "Lavrov", "lavrov"), (0, "Iraq", "iraq")])
    assert (c.count, c.claimant) == (100, None)


def test_a_venue_named_further_before_is_still_a_venue() -> None:
    cs = run(["Các cuộc đàm phán hòa bình do Liên hợp quốc bảo trợ tại Geneva tiếp tục bế tắc.",
              "Trong khi đó, 14 dân thường đã thiệt mạng trong tuần qua."],
             [(0, "Geneva", "geneva")], one_paragraph=True)
    assert [(c.count, c.place) for c in cs] == [(14, None)]


@pytest.mark.parametrize(("sentence", "place"), [
    ("Máy bay đã tiêu diệt 11 tay súng trong 2 vụ không kích gần Mosul.", "mosul"),
    ("Quân đội đã tiêu diệt 300 tay súng ở vùng nông thôn phía Đông Homs.", "homs"),
    ("Ít nhất 65 tay súng đã bị tiêu diệt trong cuộc tấn công nhằm vào khu vực phía Đông Hama.", "hama"),
])
def test_places_after_more_locative_words(sentence: str, place: str) -> None:
    mentions = [(0, w, k) for w, k in (("Mosul", "mosul"), ("Homs", "homs"), ("Hama", "hama")) if w in sentence]
    [c] = run([sentence], mentions)
    assert c.place == place


def test_the_body_that_gave_the_information() -> None:
    cs = run(["Theo thông tin được Bộ Ngoại giao Iraq cung cấp, khoảng 30 quân nhân đã thiệt mạng ở Mosul."],
             [(0, "Bộ Ngoại giao Iraq", "iraq_mfa"), (0, "Mosul", "mosul")])
    assert [(c.count, c.claimant) for c in cs] == [(30, "iraq_mfa")]
    cs = run(["Theo số liệu thống kê ở Mosul, khoảng 30 quân nhân đã thiệt mạng."], [(0, "Mosul", "mosul")])
    assert [(c.count, c.claimant) for c in cs] == [(30, None)]


def test_the_narrower_place_wins_over_the_region_it_belongs_to() -> None:
    cs = run(["Giao tranh tại thị trấn Madaya, thuộc tỉnh Homs, đã khiến hơn 90 dân thường thiệt mạng."],
             [(0, "Madaya", "madaya"), (0, "Homs", "homs")])
    assert [(c.count, c.place) for c in cs] == [(90, "madaya")]
    cs = run(["Một nguồn tin cho biết vụ tấn công diễn ra trên đường cao tốc thuộc tỉnh Homs.",
              "SOHR thông báo vụ nổ khiến 8 người thiệt mạng."],
             [(0, "Homs", "homs"), (1, "SOHR", "sohr")], one_paragraph=True)
    assert [(c.count, c.place) for c in cs] == [(8, "homs")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Từ năm 2011 tới nay, có ít nhất 120 nhà báo, phóng viên chiến trường đã thiệt mạng.", [("killed", 120)]),
    ("Ông nhắc tới người tị nạn (22,5 triệu người) và những người mất nhà cửa (40,3 triệu người).",
     [("refugees", 22500000), ("displaced", 40300000)]),
    ("Có gần 60 triệu người phải chạy nạn trên toàn thế giới.", [("displaced", 60000000)]),
    ("Khoảng 6 triệu người đã phải ly hương.", [("displaced", 6000000)]),
    ("Thành phố (2 triệu người) đang thiếu nước.", []),
    ("Ông đã gặp 5 người, 3 binh sĩ đã thiệt mạng sau đó.", [("killed", 3)]),
])
def test_lists_brackets_and_more_displacement_words(sentence: str, expected: list) -> None:
    assert [(c.outcome, c.count) for c in run([sentence])] == expected
