"""Agreements, accords and violation claims (loaders/extract/agreements.py) on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from syriakg.loaders.extract import agreement_catalogue as cat
from syriakg.loaders.extract import agreements, dates
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.model import Entity, Position, PositionHolding
from tests.extract_helpers import add_mention, doc_from_sentences, run_with_mentions

KINDS = {
    "russia": "country", "turkey": "country", "iran": "country", "usa": "country", "syria": "country",
    "france": "country", "germany": "country", "iraq": "country", "jordan": "country", "israel": "country",
    "moscow": "place", "ankara": "place", "damascus": "place", "washington": "place", "amman": "place",
    "russia_mfa": "organization", "syrian_government_forces": "organization", "le_drian": "person",
    "maas": "person",
}


def build(sentences: list[str], mentions: list[tuple[int, str, str]] = (), date: str | None = None) -> Doc:
    return run_with_mentions(sentences, mentions, KINDS, (dates.component, agreements.component), date)


def keys(doc: Doc) -> list[str | None]:
    return [a.key for a in doc.ex.agreements]


# --- the catalogue --------------------------------------------------------------------------------------------------


def test_catalogue_loads_and_has_no_unconfirmed_qids() -> None:
    entries = cat.load_catalogue()
    by = {e.key: e for e in entries}
    for k in ("astana_deescalation", "sochi_idlib_2018", "cessation_of_hostilities_2016", "aleppo_evacuation_2016",
              "syria_ceasefire_dec_2016", "southwest_syria_ceasefire_2017"):
        assert k in by and by[k].cues and by[k].date is not None
    gazetteer = Path(cat.data_dir()) / "wikidata" / "entities.tsv"
    confirmed = {line.split("\t")[0]: line.split("\t")[2] for line in gazetteer.read_text(encoding="utf-8").splitlines()[1:]}
    for e in entries:  # a QID only where the gazetteer confirms it
        assert e.qid is None or confirmed.get(e.key) == e.qid


def test_bad_catalogue_row_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "agreements.tsv"
    bad.write_text("\t".join(cat.COLUMNS) + "\nx\tX\t\t\t2017-13-01\t\t\tk\ttopic:ceasefire\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"agreements.tsv:2: bad date"):
        cat.read_catalogue(bad)
    bad.write_text("\t".join(cat.COLUMNS) + "\nx\tX\t\t\t\t\t\tk\ttopic:nonsense\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r":2: unknown feature"):
        cat.read_catalogue(bad)


# --- known agreements -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "mentions", "date", "key"),
    [
        ("Ba nước bảo trợ đã ký bản ghi nhớ về việc lập bốn vùng giảm leo thang tại Syria.", [], None,
         "astana_deescalation"),
        ("Ankara kêu gọi tôn trọng thỏa thuận Astana.", [(0, "Ankara", "ankara")], None, "astana_deescalation"),
        ("Damascus cáo buộc Ankara vi phạm bản ghi nhớ ký năm 2018 giữa Thổ Nhĩ Kỳ và Nga.",
         [(0, "Damascus", "damascus"), (0, "Ankara", "ankara"), (0, "Thổ Nhĩ Kỳ", "turkey"), (0, "Nga", "russia")],
         None, "sochi_idlib_2018"),
        ("Thỏa thuận về khu phi quân sự ở Idlib yêu cầu các nhóm vũ trang rút vũ khí hạng nặng.", [], None,
         "sochi_idlib_2018"),
        ("Ông Kerry muốn khôi phục thỏa thuận đình chiến hồi tháng 2.", [], "2016-09-20",
         "cessation_of_hostilities_2016"),
        ("Quân đội Nga cho biết thỏa thuận sơ tán các tay súng khỏi phía Đông Aleppo đang được thực hiện.", [], None,
         "aleppo_evacuation_2016"),
        ("Lệnh ngừng bắn trên toàn lãnh thổ Syria có hiệu lực từ nửa đêm 29/12/2016.", [], None,
         "syria_ceasefire_dec_2016"),
        ("Thỏa thuận ngừng bắn ở tây nam Syria do Washington, Moskva và Amman làm trung gian.",
         [(0, "Washington", "washington"), (0, "Moskva", "moscow"), (0, "Amman", "amman")], None,
         "southwest_syria_ceasefire_2017"),
        ("Hai bên cam kết thực hiện bản ghi nhớ Sochi năm 2019 về khu vực đông bắc Syria.", [], None,
         "sochi_northeast_2019"),
        ("Mọi giải pháp phải dựa trên Nghị quyết 2254 của Hội đồng Bảo an.", [], None, "unsc_resolution_2254"),
    ],
)
def test_known_agreements(sentence: str, mentions: list, date: str | None, key: str) -> None:
    doc = build([sentence], mentions, date)
    assert keys(doc) == [key]
    a = doc.ex.agreements[0]
    assert a.evidence == [0] and a.label and a.date is not None and a.parties


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Tiến trình Astana đã bước sang vòng thứ 10.", None),  # the talks, not the memorandum
        ("Các bên đã không đạt được thỏa thuận nào tại Geneva.", None),
        ("Ông Kerry muốn khôi phục thỏa thuận đình chiến hồi tháng 2.", "2019-09-20"),  # not February 2016
        ("Hai nước đàm phán một thỏa thuận về khu vực giảm căng thẳng ở miền Trung.", "2017-03-01"),  # predates Astana
        ("Thỏa thuận thương mại giữa hai nước có hiệu lực từ tháng 1.", None),
        ("Ngân hàng đã ký thỏa thuận vay vốn với doanh nghiệp.", None),
    ],
)
def test_not_known_agreements(sentence: str, date: str | None) -> None:
    assert [k for k in keys(build([sentence], [], date)) if k is not None] == []


def test_one_node_per_agreement_with_every_evidence_sentence() -> None:
    doc = build([
        "Nga, Iran và Thổ Nhĩ Kỳ đã ký bản ghi nhớ Astana về các vùng giảm căng thẳng.",
        "Thời tiết ở Damascus khá lạnh.",
        "Phe đối lập cho biết thỏa thuận về các vùng an toàn đã bị vi phạm nhiều lần.",
    ], [(0, "Nga", "russia"), (0, "Iran", "iran"), (0, "Thổ Nhĩ Kỳ", "turkey")])
    assert keys(doc) == ["astana_deescalation"]
    assert doc.ex.agreements[0].evidence == [0, 2]  # the generic "thỏa thuận về các vùng an toàn" is the same one


def test_hoped_for_agreements_are_not_the_named_one() -> None:
    doc = build([
        "Lệnh ngừng bắn ở tây nam Syria đã có hiệu lực.",
        "Ông hy vọng các bên có thể đạt được thỏa thuận ngừng bắn tại những khu vực khác.",
    ])
    assert keys(doc) == ["southwest_syria_ceasefire_2017"]
    assert doc.ex.agreements[0].evidence == [0]


# --- accords reached in the article -----------------------------------------------------------------------------------


def test_accord_with_parties_date_and_merge() -> None:
    doc = build([
        "Ngày 3/3, Pháp và Đức nhất trí thành lập một nhóm công tác chung về Syria.",
        "Hai nước cũng đã thống nhất về việc trao đổi thông tin tình báo.",
    ], [(0, "Pháp", "france"), (0, "Đức", "germany")])
    (a,) = doc.ex.agreements
    assert a.key is None and set(a.parties) == {"france", "germany"}
    assert a.evidence == [0, 1] and a.kind == "mechanism"
    assert a.date is not None and a.date.value == "--03-03"
    assert a.label.startswith("nhất trí thành lập một nhóm công tác")


def test_signed_accord_not_in_the_catalogue() -> None:
    doc = build(["Iraq và Jordan đã ký một thỏa thuận về thương mại và năng lượng."],
                [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    (a,) = doc.ex.agreements
    assert (a.key, a.parties, a.kind) == (None, ["iraq", "jordan"], "economic_or_basing")


def test_ministers_stand_for_their_countries() -> None:
    doc = doc_from_sentences(["Ông Le Drian và ông Maas nhất trí phối hợp hỗ trợ nhân đạo cho Syria."])
    for surface, key in (("Le Drian", "le_drian"), ("Maas", "maas")):
        add_mention(doc, 0, surface, key)
        doc.ex.entities[key] = Entity(key, "person", surface)
    doc.ex.entities["france"] = Entity("france", "country", "Pháp")
    doc.ex.entities["germany"] = Entity("germany", "country", "Đức")
    doc.ex.positions += [
        PositionHolding("le_drian", Position("foreign_minister_of_france", "Ngoại trưởng Pháp"), [0]),
        PositionHolding("maas", Position("foreign_minister_of_germany", "Ngoại trưởng Đức"), [0]),
    ]
    dates.component(doc)
    agreements.component(doc)
    (a,) = doc.ex.agreements
    assert a.parties == ["france", "germany"] and a.kind == "coordination_accord"


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran và Iraq nhất trí ủng hộ một giải pháp chính trị cho Syria.",  # a shared stance
        "Iran và Iraq chưa nhất trí về việc rút quân.",  # not reached
        "Iran và Iraq sẽ ký một thỏa thuận hợp tác quân sự.",  # planned
        "Iran và Iraq hy vọng đạt được thỏa thuận về nguồn nước.",
        "Iran nhất trí cung cấp thêm viện trợ.",  # one party
        "Iran và Iraq đã tiến hành hai vòng đàm phán nhưng không đạt thỏa thuận.",
    ],
)
def test_not_accords(sentence: str) -> None:
    doc = build([sentence], [(0, "Iran", "iran")] + ([(0, "Iraq", "iraq")] if "Iraq" in sentence else []))
    assert doc.ex.agreements == []


# --- violations and obstruction ---------------------------------------------------------------------------------------


def test_violation_with_claimant_and_accused() -> None:
    s = "Thổ Nhĩ Kỳ cáo buộc quân đội Syria vi phạm lệnh ngừng bắn toàn quốc có hiệu lực từ 30/12/2016."
    doc = build([s], [(0, "Thổ Nhĩ Kỳ", "turkey"), (0, "quân đội Syria", "syrian_government_forces")])
    (v,) = doc.ex.violations
    assert v.agreement.key == "syria_ceasefire_dec_2016" and v.agreement is doc.ex.agreements[0]
    assert (v.claimant, v.accused, v.obstruction, v.evidence) == ("turkey", ["syrian_government_forces"], False, [0])


def test_obstruction_claim() -> None:
    s = "Nga cho rằng Mỹ đang cản trở việc thực hiện thỏa thuận sơ tán ở Aleppo."
    doc = build([s], [(0, "Nga", "russia"), (0, "Mỹ", "usa")])
    (v,) = doc.ex.violations
    assert (v.agreement.key, v.claimant, v.accused, v.obstruction) == ("aleppo_evacuation_2016", "russia", ["usa"], True)


def test_passive_violation_on_the_articles_own_authority() -> None:
    doc = build(["Thỏa thuận Sochi liên tục bị vi phạm trong tuần qua."])
    (v,) = doc.ex.violations
    assert (v.agreement.key, v.claimant, v.accused) == ("sochi_idlib_2018", None, [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Nhóm giám sát sẽ ngăn chặn những vi phạm lệnh ngừng bắn trên toàn Syria.",  # preventing violations
        "Chưa có bên nào vi phạm thỏa thuận Astana.",  # negated
        "Nếu vi phạm thỏa thuận Sochi, các nhóm này sẽ bị trừng phạt.",  # hypothetical
        "Ông kêu gọi các bên không vi phạm lệnh ngừng bắn ở tây nam Syria.",
    ],
)
def test_not_violation_claims(sentence: str) -> None:
    assert build([sentence]).ex.violations == []


# --- described agreements, nominal violations, joint bodies --------------------------------------------------------

KINDS.update({"iraq_mod": "organization", "homs": "place", "hama": "place", "daraa": "place"})


def test_nominal_violations_recorded_by_a_ministry_are_claims_of_that_ministry():
    doc = build(["Bộ Quốc phòng Iraq ghi nhận 17 vụ vi phạm lệnh ngừng bắn ở Hama trong 24 giờ qua."],
                [(0, "Bộ Quốc phòng Iraq", "iraq_mod"), (0, "Hama", "hama")], date="2017-03-10")
    [v] = doc.ex.violations
    assert v.claimant == "iraq_mod" and v.accused == []
    assert v.agreement in doc.ex.agreements and v.agreement.label.startswith("lệnh ngừng bắn ở Hama")


def test_violation_noun_after_the_agreement_refers_back_to_it():
    doc = build(["Lệnh ngừng bắn ở Homs có hiệu lực từ ngày 4/3, nhưng đã xảy ra nhiều vụ vi phạm."],
                [(0, "Homs", "homs")], date="2017-03-10")
    [v] = doc.ex.violations
    assert v.agreement.key is None and "Homs" in v.agreement.label


@pytest.mark.parametrize("sentence", [
    "Các bên cần ngăn chặn những vi phạm lệnh ngừng bắn ở Homs.",
    "Moskva sẽ đáp trả mọi vi phạm lệnh ngừng bắn ở Homs.",
    "Lệnh ngừng bắn ở Homs vẫn được duy trì và chưa ghi nhận vụ vi phạm nào.",
    "Nếu có vi phạm lệnh ngừng bắn ở Homs, các bên sẽ họp lại.",
])
def test_violations_talked_about_are_not_claims(sentence):
    doc = build([sentence], [(0, "Homs", "homs")], date="2017-03-10")
    assert doc.ex.violations == []
    assert all(a.key is not None for a in doc.ex.agreements)  # no node for an unidentified, unviolated ceasefire


def test_ceasefire_described_by_duration_and_place():
    doc = build(["Quân đội Syria ngày 2/7 tuyên bố lệnh ngừng bắn 72 giờ ở Daraa."],
                [(0, "Quân đội Syria", "syrian_government_forces"), (0, "Daraa", "daraa")], date="2018-07-03")
    [a] = doc.ex.agreements
    assert a.key is None and a.kind == "ceasefire" and a.label == "lệnh ngừng bắn 72 giờ ở Daraa"
    assert a.parties == ["syrian_government_forces"]
    for s in ["Liên hợp quốc kêu gọi lệnh ngừng bắn 72 giờ ở Daraa.",
              "Quân đội Syria không tuyên bố lệnh ngừng bắn 72 giờ ở Daraa."]:
        doc = build([s], [(0, "Daraa", "daraa")], date="2018-07-03")
        assert doc.ex.agreements == []


def test_accord_of_a_joint_body_names_its_members():
    doc = build(["Nhóm công tác Iran - Iraq về an ninh biên giới đã nhất trí thiết lập đường dây nóng."],
                [(0, "Iran", "iran"), (0, "Iraq", "iraq")])
    [a] = doc.ex.agreements
    assert a.key is None and a.parties == ["iran", "iraq"]
    doc = build(["Nhóm chuyên gia của Liên hợp quốc đã nhất trí ủng hộ hòa đàm."], [])
    assert doc.ex.agreements == []


def test_deescalation_zones_set_up_by_the_memorandum_mention_it():
    doc = build(["Giao tranh tiếp diễn tại các khu vực giảm căng thẳng được thiết lập hồi tháng 5 ở Syria."],
                [(0, "Syria", "syria")], date="2017-08-01")
    assert keys(doc) == ["astana_deescalation"]
    doc = build(["Quân đội tiến vào khu vực giảm căng thẳng ở Homs."], [(0, "Homs", "homs")], date="2017-08-01")
    assert keys(doc) == []


def test_suspended_bilateral_memorandum_is_the_air_safety_memorandum():
    doc = build(["Nga tuyên bố đình chỉ bản ghi nhớ với Mỹ về an toàn bay trên bầu trời Syria."],
                [(0, "Nga", "russia"), (0, "Mỹ", "usa"), (0, "Syria", "syria")], date="2017-04-08")
    assert keys(doc) == ["us_russia_air_safety_mou_2015"]


@pytest.mark.parametrize("sentence", [
    "Nga tuyên bố đình chỉ bản ghi nhớ với Mỹ về bảo đảm an toàn cho các chuyến bay trên bầu trời Syria.",
    "Nga đã khôi phục bản ghi nhớ với Mỹ về tránh va chạm trên không.",
    "Nga đình chỉ bản ghi nhớ với Mỹ sau vụ tấn công bằng tên lửa hành trình.",
])
def test_air_safety_memorandum_suspended_or_revived_in_other_wordings(sentence):
    doc = build([sentence], [(0, "Nga", "russia"), (0, "Mỹ", "usa")], date="2017-04-08")
    assert keys(doc) == ["us_russia_air_safety_mou_2015"]


def test_other_memoranda_are_not_the_air_safety_one():
    doc = build(["Iran và Iraq ký bản ghi nhớ về hợp tác quân sự."], [(0, "Iran", "iran"), (0, "Iraq", "iraq")],
                date="2017-07-24")
    assert "us_russia_air_safety_mou_2015" not in keys(doc)


def test_declared_ceasefire_without_the_word_lenh_and_a_long_duration_phrase():
    doc = build(["Quân đội Syria tuyên bố ngừng bắn 72 giờ tại thành phố Daraa."],
                [(0, "Quân đội Syria", "syrian_government_forces"), (0, "Daraa", "daraa")], date="2018-07-03")
    [a] = doc.ex.agreements
    assert a.kind == "ceasefire" and a.parties == ["syrian_government_forces"] and "72 giờ" in a.label
    doc = build(["Jordan hoan nghênh lệnh ngừng bắn kéo dài 48 giờ đồng hồ ở thành phố Daraa."],
                [(0, "Jordan", "jordan"), (0, "Daraa", "daraa")], date="2018-07-03")
    [a] = doc.ex.agreements
    assert a.parties == [] and a.label.endswith("Daraa")
    doc = build(["Quân đội Syria không tuyên bố ngừng bắn 72 giờ tại thành phố Daraa."],
                [(0, "Quân đội Syria", "syrian_government_forces"), (0, "Daraa", "daraa")], date="2018-07-03")
    assert doc.ex.agreements == []


def test_passive_violation_after_the_predicate_starts():
    doc = build(["Bản ghi nhớ Astana đã bị các nhóm vũ trang vi phạm nghiêm trọng."], [], date="2017-08-01")
    [v] = doc.ex.violations
    assert v.agreement.key == "astana_deescalation" and v.accused == []
    doc = build(["Bản ghi nhớ Astana đã bị Israel vi phạm."], [(0, "Israel", "israel")], date="2017-08-01")
    [v] = doc.ex.violations
    assert v.accused == ["israel"]
    doc = build(["Lệnh ngừng bắn ở Homs đã bị vi phạm nhiều lần."], [(0, "Homs", "homs")], date="2017-08-01")
    [v] = doc.ex.violations
    assert v.agreement.key is None and "Homs" in v.agreement.label
    for s in ["Bản ghi nhớ Astana chưa bị vi phạm.", "Bản ghi nhớ Astana đã không bị vi phạm lần nào."]:
        assert build([s], [], date="2017-08-01").ex.violations == []
