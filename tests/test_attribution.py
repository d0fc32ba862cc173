"""Attribution (who states what) on sentences written for these tests."""

from __future__ import annotations

from syriakg.loaders.extract import attribution
from syriakg.loaders.model import Entity
from tests.extract_helpers import add_mention, doc_from_sentences

KINDS = {
    "iran_mod": "organization", "iran": "country", "israel": "country", "jordan": "country",
    "zarif": "person", "netanyahu": "person", "mogherini": "person", "eu": "organization",
    "sohr": "organization", "tass": "organization", "al_hayat": "organization", "damascus": "place",
    "beirut": "place", "lebanon": "country", "safadi": "person", "un": "organization",
}


def ent(doc, *keys: str) -> None:
    for k in keys:
        doc.ex.entities[k] = Entity(k, KINDS.get(k, "organization"), k)  # type: ignore[arg-type]


def off(doc, i: int, surface: str) -> int:
    s = doc.ex.sentences[i]
    return s.begin + s.text.index(surface)


def test_pre_form_organisation_with_date_between():
    doc = doc_from_sentences(["Bộ Quốc phòng Iran hôm 3/4 cho biết ít nhất 12 binh sĩ đã thiệt mạng ở Homs."])
    add_mention(doc, 0, "Bộ Quốc phòng Iran", "iran_mod")
    ent(doc, "iran_mod")
    assert attribution.source_of(doc, 0, off(doc, 0, "ít nhất")) == "iran_mod"
    # the frame itself is not attributed content
    assert attribution.source_of(doc, 0, off(doc, 0, "Bộ Quốc phòng")) is None


def test_theo_form_person():
    doc = doc_from_sentences(["Theo ông Safadi, khoảng 600.000 người tị nạn đang sống tại Jordan."])
    add_mention(doc, 0, "Safadi", "safadi")
    add_mention(doc, 0, "Jordan", "jordan")
    ent(doc, "safadi", "jordan")
    assert attribution.source_of(doc, 0, off(doc, 0, "khoảng")) == "safadi"


def test_theo_outlet_yields_to_inner_speaker():
    doc = doc_from_sentences(["Theo hãng tin TASS, Bộ Quốc phòng Iran ngày 2/6 cho biết 7 người bị thương."])
    add_mention(doc, 0, "TASS", "tass")
    add_mention(doc, 0, "Bộ Quốc phòng Iran", "iran_mod")
    ent(doc, "tass", "iran_mod")
    assert attribution.source_of(doc, 0, off(doc, 0, "7 người")) == "iran_mod"


def test_theo_outlet_alone_is_the_source():
    doc = doc_from_sentences(["Theo hãng tin TASS, 9 dân thường đã thiệt mạng tại Daraa."])
    add_mention(doc, 0, "TASS", "tass")
    ent(doc, "tass")
    a = attribution.attribution_at(doc, 0, off(doc, 0, "9 dân"))
    assert a is not None and a.speaker == "tass" and a.outlet


def test_post_form_after_content():
    doc = doc_from_sentences(["Bốn dân thường thiệt mạng và hai người bị thương, tờ Al-Hayat cho biết."])
    add_mention(doc, 0, "Al-Hayat", "al_hayat")
    ent(doc, "al_hayat")
    assert attribution.source_of(doc, 0, off(doc, 0, "Bốn")) == "al_hayat"


def test_post_form_after_quote():
    doc = doc_from_sentences(["“Chúng tôi sẽ không rút quân khỏi khu vực này”, ông Netanyahu nói."])
    add_mention(doc, 0, "Netanyahu", "netanyahu")
    ent(doc, "netanyahu")
    a = attribution.attribution_at(doc, 0, off(doc, 0, "Chúng tôi"))
    assert a is not None and a.speaker == "netanyahu" and a.form == "post" and a.verb == "nói"


def test_unnamed_official_names_nobody():
    doc = doc_from_sentences(["Một quan chức Israel giấu tên cho biết 3 binh sĩ bị thương."])
    add_mention(doc, 0, "Israel", "israel")
    ent(doc, "israel")
    assert attribution.source_of(doc, 0, off(doc, 0, "3 binh")) is None
    doc2 = doc_from_sentences(["Nhà đàm phán Iran cho biết 3 binh sĩ bị thương."])
    add_mention(doc2, 0, "Iran", "iran")
    ent(doc2, "iran")
    assert attribution.source_of(doc2, 0, off(doc2, 0, "3 binh")) is None


def test_no_cue_is_article_voice():
    doc = doc_from_sentences(["Hơn 20 người đã thiệt mạng trong vụ đánh bom ở Beirut hôm 5/8."])
    add_mention(doc, 0, "Beirut", "beirut")
    ent(doc, "beirut")
    assert attribution.source_of(doc, 0, off(doc, 0, "Hơn")) is None


def test_nominal_uses_are_not_cues():
    doc = doc_from_sentences(["Chiến dịch nói trên khiến 30 người thiệt mạng, theo lời kêu gọi của EU."])
    add_mention(doc, 0, "EU", "eu")
    ent(doc, "eu")
    assert attribution.attributions(doc, 0) == []


def test_negated_cue_is_not_a_source():
    doc = doc_from_sentences(["Bộ Quốc phòng Iran chưa xác nhận 5 binh sĩ thiệt mạng."])
    add_mention(doc, 0, "Bộ Quốc phòng Iran", "iran_mod")
    ent(doc, "iran_mod")
    assert attribution.source_of(doc, 0, off(doc, 0, "5 binh")) is None
    assert attribution.attributions(doc, 0)[0].negated


def test_place_is_not_a_speaker_in_appositive():
    doc = doc_from_sentences(["Ông Zarif, người đứng đầu phái đoàn tại Beirut cho biết 4 người bị bắt."])
    add_mention(doc, 0, "Zarif", "zarif")
    add_mention(doc, 0, "Beirut", "beirut")
    ent(doc, "zarif", "beirut")
    assert attribution.source_of(doc, 0, off(doc, 0, "4 người")) == "zarif"


def test_multi_sentence_quote_attributed_at_the_end():
    doc = doc_from_sentences([
        "“Có khoảng một triệu người tị nạn Syria ở Liban.",
        "Chúng tôi không thể tiếp nhận thêm”, ông Safadi tuyên bố.",
    ])
    add_mention(doc, 1, "Safadi", "safadi")
    ent(doc, "safadi")
    assert attribution.source_of(doc, 0, off(doc, 0, "khoảng")) == "safadi"


def test_unattributed_quote_continues_previous_speaker():
    doc = doc_from_sentences([
        "Ngoại trưởng Mogherini nhấn mạnh EU sẽ tiếp tục viện trợ.",
        "“Hiện nay có khoảng 5 triệu người tị nạn cần được giúp đỡ.”",
    ])
    add_mention(doc, 0, "Ngoại trưởng Mogherini", "mogherini")
    add_mention(doc, 0, "EU", "eu")
    ent(doc, "mogherini", "eu")
    assert attribution.source_of(doc, 1, off(doc, 1, "khoảng")) == "mogherini"


def test_plural_speaker_is_not_a_single_source():
    doc = doc_from_sentences(["Hai bên cho biết 10 tù binh đã được trao trả."])
    add_mention(doc, 0, "Hai bên", "iran")
    add_mention(doc, 0, "Hai bên", "israel")
    ent(doc, "iran", "israel")
    a = attribution.attribution_at(doc, 0, off(doc, 0, "10"))
    assert a is not None and a.plural
    assert attribution.source_of(doc, 0, off(doc, 0, "10")) is None


def test_coordinated_verb_keeps_subject():
    doc = doc_from_sentences(["SOHR lên án vụ không kích, đồng thời cho biết 6 trẻ em thiệt mạng."])
    add_mention(doc, 0, "SOHR", "sohr")
    ent(doc, "sohr")
    assert attribution.source_of(doc, 0, off(doc, 0, "6 trẻ")) == "sohr"


def test_relative_offset_is_tolerated():
    doc = doc_from_sentences(["Câu mở đầu.", "LHQ cho biết 40 người thiệt mạng."])
    add_mention(doc, 1, "LHQ", "un")
    ent(doc, "un")
    s = doc.ex.sentences[1]
    assert attribution.source_of(doc, 1, s.text.index("40")) == "un"


# --- relayed sources, sources named after the content, press offices --------------------------------------------


def _doc(sentence: str, mentions: list[tuple[str, str]]):
    doc = doc_from_sentences([sentence])
    for surface, key in mentions:
        add_mention(doc, 0, surface, key)
        ent(doc, key)
    return doc


def test_outlet_relaying_a_ministry_the_ministry_is_the_source():
    doc = _doc("Hãng tin TASS dẫn thông tin từ Bộ Quốc phòng Iran cho biết 9 binh sĩ đã thiệt mạng gần Palmyra.",
               [("Hãng tin TASS", "tass"), ("Bộ Quốc phòng Iran", "iran_mod")])
    assert attribution.source_of(doc, 0, off(doc, 0, "9 binh sĩ")) == "iran_mod"


def test_outlet_relaying_a_person_with_no_verb_after_the_person():
    doc = _doc("Hãng tin TASS dẫn lời ông Zarif rằng Tehran sẽ không rút cố vấn khỏi Syria.",
               [("Hãng tin TASS", "tass"), ("Zarif", "zarif")])
    assert attribution.source_of(doc, 0, off(doc, 0, "Tehran sẽ")) == "zarif"
    # without "dẫn lời" nobody is cited
    doc = _doc("Hãng tin TASS nhắc tới ông Zarif và chính sách của Tehran.", [("Zarif", "zarif")])
    assert attribution.source_of(doc, 0, off(doc, 0, "chính sách")) is None


def test_theo_estimate_of_a_named_body_and_unsourced_estimate():
    doc = _doc("Theo ước tính mới nhất của Liên hợp quốc, khoảng 5 triệu người đã rời khỏi Syria.",
               [("Liên hợp quốc", "un")])
    assert attribution.source_of(doc, 0, off(doc, 0, "khoảng 5")) == "un"
    doc = _doc("Theo số liệu thống kê, khoảng 5 triệu người đã rời khỏi Syria.", [])
    assert attribution.source_of(doc, 0, off(doc, 0, "khoảng 5")) is None


def test_source_named_after_the_content_with_theo():
    doc = _doc("Hơn 70 dân thường đã thiệt mạng ở Damascus trong tuần qua, theo Đài quan sát Nhân quyền Syria.",
               [("Damascus", "damascus"), ("Đài quan sát Nhân quyền Syria", "sohr")])
    a = attribution.attribution_at(doc, 0, off(doc, 0, "Hơn 70"))
    assert a is not None and a.speaker == "sohr" and not a.outlet  # an observatory, not a broadcaster
    # "theo" in the middle of the clause is not a source ("theo kế hoạch")
    doc = _doc("Quân đội rút khỏi Damascus theo kế hoạch của Liên hợp quốc vào tuần tới.",
               [("Damascus", "damascus"), ("Liên hợp quốc", "un")])
    assert attribution.source_of(doc, 0, off(doc, 0, "Quân đội")) is None


def test_press_office_speaks_for_its_institution_but_the_press_in_general_names_nobody():
    doc = _doc("Văn phòng báo chí của Bộ Quốc phòng Iran cho biết cuộc tập trận sẽ kéo dài ba ngày.",
               [("Bộ Quốc phòng Iran", "iran_mod")])
    assert attribution.source_of(doc, 0, off(doc, 0, "cuộc tập trận")) == "iran_mod"
    doc = _doc("Báo chí Iran cho biết cuộc tập trận sẽ kéo dài ba ngày.", [("Iran", "iran")])
    assert attribution.source_of(doc, 0, off(doc, 0, "cuộc tập trận")) is None


def test_list_governed_by_an_unnamed_head_names_nobody():
    doc = _doc("Giới chức ngoại giao Iran, Jordan thông báo vòng đàm phán sẽ bị hoãn.",
               [("Iran", "iran"), ("Jordan", "jordan")])
    assert attribution.source_of(doc, 0, off(doc, 0, "vòng đàm phán")) is None
    doc = _doc("Chuyên gia người Iran nhấn mạnh rằng lệnh ngừng bắn rất mong manh.", [("Iran", "iran")])
    assert attribution.source_of(doc, 0, off(doc, 0, "lệnh ngừng")) is None


def test_more_reporting_verbs_and_their_noun_uses():
    doc = _doc("Ngoại trưởng Iran Javad Zarif cam kết Tehran sẽ tôn trọng lệnh ngừng bắn.", [("Javad Zarif", "zarif")])
    assert attribution.source_of(doc, 0, off(doc, 0, "Tehran")) == "zarif"
    doc = _doc("Ông Safadi lên tiếng phản đối kế hoạch sáp nhập.", [("Safadi", "safadi")])
    assert [a.speaker for a in attribution.attributions(doc, 0)][:1] == ["safadi"]
    for sentence in ["Sự phản đối của người dân Jordan ngày càng tăng.", "Các cam kết của Jordan chưa được thực hiện."]:
        doc = _doc(sentence, [("Jordan", "jordan")])
        assert attribution.attributions(doc, 0) == []
    doc = _doc("Ông Safadi từ chối bình luận về thông tin này.", [("Safadi", "safadi")])
    assert all(a.negated for a in attribution.attributions(doc, 0))


def test_source_enclosed_in_commas_covers_the_sentence():
    doc = _doc("Ít nhất 20 người đã thiệt mạng, theo Đài quan sát Nhân quyền Syria, trong đó có 5 trẻ em.",
               [("Đài quan sát Nhân quyền Syria", "sohr")])
    assert attribution.source_of(doc, 0, off(doc, 0, "Ít nhất")) == "sohr"
    assert attribution.source_of(doc, 0, off(doc, 0, "5 trẻ em")) == "sohr"


def test_fronted_adverbial_before_speaker_and_comma_is_not_reported_content():
    for lead in ("Trong khi đó, ", "Ngày 3/5, ", "Về phần mình, "):
        doc = _doc(lead + "Bộ Quốc phòng Iran cho biết, 12 binh sĩ đã thiệt mạng ở Homs.",
                   [("Bộ Quốc phòng Iran", "iran_mod")])
        assert attribution.source_of(doc, 0, off(doc, 0, "12 binh sĩ")) == "iran_mod"
    # a real post form keeps the words before the speaker
    doc = _doc("12 binh sĩ đã thiệt mạng ở Homs, Bộ Quốc phòng Iran cho biết.", [("Bộ Quốc phòng Iran", "iran_mod")])
    assert attribution.source_of(doc, 0, off(doc, 0, "12 binh sĩ")) == "iran_mod"


def test_person_with_a_role_after_the_name_is_the_speaker():
    doc = _doc("Ông Javad Zarif - cựu Ngoại trưởng thuộc chính phủ Iran cho rằng, lệnh trừng phạt sẽ thất bại.",
               [("Javad Zarif", "zarif"), ("Iran", "iran")])
    assert attribution.source_of(doc, 0, off(doc, 0, "lệnh trừng phạt")) == "zarif"
    doc = _doc("Thông tin từ Bộ Quốc phòng Iran cho biết cuộc tập trận đã kết thúc.",
               [("Bộ Quốc phòng Iran", "iran_mod")])
    assert attribution.source_of(doc, 0, off(doc, 0, "cuộc tập trận")) == "iran_mod"


def test_someone_wanted_to_speak_is_not_speaking():
    doc = _doc("Ông Zarif muốn ông Safadi tuyên bố ủng hộ thỏa thuận.", [("Zarif", "zarif"), ("Safadi", "safadi")])
    assert [a.speaker for a in attribution.attributions(doc, 0)] == [None]


def test_outlet_quoting_a_person_with_trich_loi():
    doc = _doc("Hãng tin TASS trích lời ông Zarif: “Tehran sẽ không rút cố vấn”.", [("Hãng tin TASS", "tass"),
                                                                              ("Zarif", "zarif")])
    assert attribution.source_of(doc, 0, off(doc, 0, "Tehran")) == "zarif"


def test_named_person_after_a_representative_of_a_body_speaks():
    from syriakg.loaders.extract import attribution
    from syriakg.loaders.extract.actors import component
    from tests.extract_helpers import doc_from_sentences

    doc = doc_from_sentences(["Đại diện của Bộ Quốc phòng Anh, Thomas Reed thông báo: “Chúng tôi đang xem xét”."])
    component(doc)
    [a] = attribution.attributions(doc, 0)
    assert a.speakers and doc.ex.entities[a.speakers[0]].kind == "person"
    assert doc.ex.article.text[a.speaker_span.begin:a.speaker_span.end] == "Thomas Reed"
