"""The actors component on sentences written for these tests (none taken from the seed articles)."""

from __future__ import annotations

import pytest

from syriakg.loaders.extract.actors import component
from syriakg.loaders.extract.gazetteer import get_gazetteer
from tests.extract_helpers import doc_from_sentences


def run(*sentences: str):
    doc = doc_from_sentences(list(sentences))
    component(doc)
    text = doc.ex.article.text
    for m in doc.ex.mentions:  # every mention is exact and inside a body sentence
        assert text[m.begin:m.end] == m.text
        s = doc.ex.sentences[m.sentence]
        assert s.begin <= m.begin and m.end <= s.end
    gaz = get_gazetteer()
    for e in doc.ex.entities.values():  # QIDs only from entities.tsv
        g = gaz.entities.get(e.key)
        assert e.qid is None or (g is not None and g.qid == e.qid and g.source == "entities.tsv")
    return doc


def ments(doc, i: int | None = None) -> list[tuple[str, str, str]]:
    return [(m.text, m.entity, m.how) for m in doc.ex.mentions if i is None or m.sentence == i]


def keys(doc, i: int | None = None) -> set[str]:
    return {m.entity for m in doc.ex.mentions if i is None or m.sentence == i}


def holdings(doc) -> dict[tuple[str, str], object]:
    return {(h.holder, h.position.key): h for h in doc.ex.positions}


def span_text(doc, h) -> str:
    return doc.ex.article.text[h.span.begin:h.span.end]


# --- countries, places, transliterations ------------------------------------------

def test_countries_and_transliterations() -> None:
    doc = run("Phái đoàn Pháp và Đức đã tới Mát-xcơ-va hôm thứ Hai, sau đó bay sang Hoa Kỳ.")
    assert keys(doc) == {"france", "germany", "moscow", "usa"}
    assert doc.ex.entities["moscow"].qid == "Q649"
    assert ("Mát-xcơ-va", "moscow", "name") in ments(doc)  # a place here: after "tới"


def test_lower_case_words_are_not_countries() -> None:
    doc = run("Ông ấy nói về thẩm mỹ và pháp luật, còn đạo đức là chuyện khác.")
    assert keys(doc) == set()


def test_vietnamese_person_names_keep_their_country_syllables() -> None:
    doc = run("Bài viết của phóng viên Lê Minh Đức và Vũ Anh Khoa được đăng hôm qua.")
    assert "germany" not in keys(doc) and "uk" not in keys(doc)
    doc = run("Ngoại trưởng Anh Boris Johnson và Bộ trưởng Ngoại giao Đức Heiko Maas đã gặp nhau.")
    assert {"uk", "germany"} <= keys(doc)


def test_governorate_and_city() -> None:
    doc = run("Giao tranh ác liệt ở tỉnh Homs và tại thành phố Aleppo.")
    assert keys(doc) == {"homs_governorate", "aleppo"}
    assert doc.ex.entities["homs_governorate"].qid == "Q214094"


def test_bare_ambiguous_name_is_the_governorate() -> None:
    doc = run("Binh sĩ tiếp tục được triển khai tới tỉnh Idlib.", "Tình hình ở Idlib vẫn căng thẳng.")
    assert keys(doc, 1) == {"idlib_governorate"}
    doc = run("Phiến quân rút khỏi Idlib sau ba ngày giao tranh.")
    assert keys(doc) == {"idlib_governorate"}  # the containing unit: true whichever is meant


def test_bare_ambiguous_name_is_the_city_when_only_the_city_is_named() -> None:
    doc = run("Một vụ nổ xảy ra ở trung tâm thành phố Idlib.", "Idlib đã bị không kích nhiều lần.")
    assert keys(doc) == {"idlib"}
    assert doc.ex.entities["idlib"].qid is None  # the city has no confirmed QID: never linked


def test_province_lists_are_distributed() -> None:
    doc = run("Lệnh ngừng bắn áp dụng tại các tỉnh Daraa, Homs và Latakia.")
    assert keys(doc) == {"daraa_governorate", "homs_governorate", "latakia_governorate"}


def test_unknown_province_is_a_new_place() -> None:
    doc = run("Lực lượng người Kurd kiểm soát phần lớn tỉnh Hasakah.", "Hasakah giáp biên giới Iraq.")
    e = doc.ex.entities["tinh-hasakah"]
    assert e.kind == "place" and e.label_vi == "tỉnh Hasakah" and not e.in_gazetteer and e.qid is None
    assert "tinh-hasakah" in keys(doc, 1)


def test_new_places_after_classifiers_and_locatives() -> None:
    doc = run("Quân đội Thổ Nhĩ Kỳ tiến vào thị trấn Jarablus rồi tới al-Bab.")
    assert doc.ex.entities["jarablus"].kind == "place"
    assert doc.ex.entities["bab"].kind == "place"


# --- titles and positions -----------------------------------------------------------

def test_title_country_name_makes_a_holding() -> None:
    doc = run("Tổng thống Pháp Emmanuel Macron đã điện đàm với Tổng thống Iran Hassan Rouhani.")
    hs = holdings(doc)
    h = hs[("macron", "president_of_france")]
    assert h.position.qid == "Q191954" and span_text(doc, h) == "Tổng thống Pháp Emmanuel Macron"
    assert ("rouhani", "president_of_iran") in hs
    assert hs[("rouhani", "president_of_iran")].position.qid is None
    assert ("Pháp", "france", "title") in ments(doc)


def test_unknown_minister_becomes_an_unlinked_person() -> None:
    doc = run("Bộ trưởng Quốc phòng Thổ Nhĩ Kỳ Nurettin Canikli cho biết quân đội sẽ ở lại.")
    e = doc.ex.entities["nurettin-canikli"]
    assert e.kind == "person" and not e.in_gazetteer and e.qid is None and e.label_vi == "Nurettin Canikli"
    assert ("nurettin-canikli", "defence_minister_of_turkey") in holdings(doc)


@pytest.mark.parametrize(("sentence", "holder", "position"), [
    ("Thủ tướng Anh Theresa May kêu gọi kiềm chế.", "theresa-may", "prime_minister_of_uk"),
    ("Tổng thư ký Liên hợp quốc Ban Ki-moon bày tỏ lo ngại.", "ban_ki_moon", "un_secretary_general"),
    ("Đại sứ Nga tại Liên hợp quốc Vassily Nebenzia phản đối dự thảo.", "vassily-nebenzia",
     "ambassador_of_russia_to_un"),
    ("Thứ trưởng Ngoại giao Nga Mikhail Bogdanov tiếp đoàn đối lập.", "bogdanov", "deputy_foreign_minister_of_russia"),
    ("Đặc phái viên Liên hợp quốc về vấn đề Syria, ông Geir Pedersen, tới Damascus.", "pedersen",
     "special_envoy_of_un_for_syria"),
    ("Người phát ngôn Bộ Ngoại giao Mỹ Heather Nauert từ chối bình luận.", "heather-nauert",
     "spokesperson_of_usa_mfa"),
    ("Người phát ngôn Lầu Năm Góc Eric Pahon nói rằng không có thay đổi.", "eric-pahon", "spokesperson_of_usa_mod"),
    ("Ngoại trưởng Mỹ Mike Pompeo sẽ tới Riyadh.", "pompeo", "us_secretary_of_state"),
    ("Phó Tổng thống Mỹ Mike Pence có chuyến thăm Ankara.", "pence", "vice_president_of_usa"),
    ("Thủ tướng Thổ Nhĩ Kỳ Binali Yildirim nói chuyện với báo giới.", "yildirim", "prime_minister_of_turkey"),
    ("Thư ký Hội đồng An ninh Armenia Armen Grigoryan tới Moskva.", "armen-grigoryan",
     "security_council_secretary_of_armenia"),
    ("Bộ trưởng Bộ Ngoại giao Iran Mohammad Javad Zarif trả lời báo chí.", "zarif", "foreign_minister_of_iran"),
])
def test_offices(sentence: str, holder: str, position: str) -> None:
    doc = run(sentence)
    assert (holder, position) in holdings(doc), [(h.holder, h.position.key) for h in doc.ex.positions]


def test_gazetteer_position_keeps_its_qid() -> None:
    doc = run("Ngoại trưởng Mỹ Mike Pompeo sẽ tới Riyadh.")
    h = holdings(doc)[("pompeo", "us_secretary_of_state")]
    assert h.position.qid == "Q14213" and h.position.label_en == "United States Secretary of State"


def test_title_with_this_country() -> None:
    doc = run("Bộ Ngoại giao Trung Quốc cho biết Ngoại trưởng nước này Wang Yi sẽ thăm Damascus.")
    assert ("wang-yi", "foreign_minister_of_china") in holdings(doc)
    assert ("Damascus", "damascus", "name") in ments(doc) and "syria" not in keys(doc)  # after "thăm": the city


def test_title_without_country_borrows_it_from_the_article() -> None:
    doc = run("Ngoại trưởng Oman Yusuf bin Alawi tới Tehran hôm thứ Ba.",
              "Ngoại trưởng Alawi cho biết Oman sẵn sàng làm trung gian.")
    h = holdings(doc)[("yusuf-bin-alawi", "foreign_minister_of_oman")]
    assert h.evidence == [0, 1]
    assert ("Alawi", "yusuf-bin-alawi", "name") in ments(doc, 1)


def test_delegation_gives_the_country() -> None:
    doc = run("Ông Putin tiếp phái đoàn Ai Cập do Ngoại trưởng Sameh Shoukry dẫn đầu.")
    assert ("sameh-shoukry", "foreign_minister_of_egypt") in holdings(doc)


def test_former_and_generic_titles_make_no_holding() -> None:
    doc = run("Cựu Tổng thống Mỹ Barack Obama có bài phát biểu.",
              "Ông Trump không phải là Tổng thống Mỹ đầu tiên làm vậy.",
              "Các ngoại trưởng châu Âu sẽ họp tại Brussels.")
    assert not doc.ex.positions
    assert "obama" in keys(doc)


def test_appositive_title() -> None:
    doc = run("Ông Brett McGurk - đặc phái viên Mỹ phụ trách liên minh chống IS - đã tới Raqqa.")
    assert ("mcgurk", "special_envoy_of_usa") in holdings(doc)


# --- counterparts ---------------------------------------------------------------------

def test_counterpart_named_after_the_anchor() -> None:
    doc = run("Ngoại trưởng Đức Sigmar Gabriel điện đàm với người đồng cấp Iran Mohammad Javad Zarif.")
    assert ("zarif", "foreign_minister_of_iran") in holdings(doc)
    assert span_text(doc, holdings(doc)[("zarif", "foreign_minister_of_iran")]).startswith("người đồng cấp Iran")


def test_counterpart_anchor_after_it() -> None:
    doc = run("Trong cuộc gặp với người đồng nhiệm Ai Cập Sameh Shoukry, Ngoại trưởng Nga Sergei Lavrov nói.")
    assert ("sameh-shoukry", "foreign_minister_of_egypt") in holdings(doc)


def test_counterpart_with_honorific_after_comma() -> None:
    doc = run("Thủ tướng Nhật Bản Shinzo Abe gặp người đồng cấp Ấn Độ, ông Narendra Modi.")
    assert ("narendra-modi", "prime_minister_of_india") in holdings(doc)


def test_counterpart_without_a_name_is_the_known_holder() -> None:
    doc = run("Bộ trưởng Quốc phòng Mỹ James Mattis gặp người đồng cấp Israel Avigdor Lieberman.",
              "Sau cuộc gặp, ông Mattis nói người đồng cấp Israel đã đồng ý.")
    assert ("avigdor-lieberman", "defence_minister_of_israel") in holdings(doc)
    assert ("người đồng cấp Israel", "avigdor-lieberman", "counterpart") in ments(doc, 1)


# --- later mentions and anaphors -------------------------------------------------------

def test_surname_and_honorific_mentions() -> None:
    doc = run("Tổng thống Iran Hassan Rouhani đã tới Ankara.",
              "Ông Rouhani gặp Tổng thống Erdogan.",
              "Rouhani nói hai bên sẽ hợp tác.")
    assert ("Rouhani", "rouhani", "name") in ments(doc, 1)
    assert ("Rouhani", "rouhani", "name") in ments(doc, 2)
    # "Tổng thống Erdogan": the article never says of which country -> no holding (never guessed)
    assert [h.holder for h in doc.ex.positions] == ["rouhani"]


def test_unknown_person_later_mentions_share_the_key() -> None:
    doc = run("Thượng nghị sĩ Mỹ Lindsey Graham chỉ trích quyết định rút quân.",
              "Theo ông Graham, đây là một sai lầm.", "Graham nói thêm rằng ông sẽ phản đối.")
    assert {m.entity for m in doc.ex.mentions if "Graham" in m.text} == {"lindsey-graham"}
    assert ("lindsey-graham", "senator_of_usa") in holdings(doc)


def test_leader_and_role_anaphors() -> None:
    doc = run("Tổng thống Iran Hassan Rouhani và Ngoại trưởng Oman Yusuf bin Alawi gặp nhau.",
              "Nhà lãnh đạo Iran nói rằng khu vực cần hòa bình.",
              "Ngoại trưởng Oman cho biết sẽ chuyển thông điệp.")
    assert ("Nhà lãnh đạo Iran", "rouhani", "anaphor") in ments(doc, 1)
    assert ("Ngoại trưởng Oman", "yusuf-bin-alawi", "anaphor") in ments(doc, 2)


def test_pair_anaphors() -> None:
    doc = run("Tổng thống Pháp Emmanuel Macron và Thủ tướng Anh Theresa May đã điện đàm.",
              "Hai nhà lãnh đạo nhất trí phối hợp.", "Quan hệ giữa hai nước vẫn tốt đẹp.")
    assert sorted(e for t, e, h in ments(doc, 1) if h == "anaphor") == ["macron", "theresa-may"]
    assert sorted(e for t, e, h in ments(doc, 2) if h == "anaphor") == ["france", "uk"]
    spans = {(m.begin, m.end) for m in doc.ex.mentions if m.sentence == 1 and m.how == "anaphor"}
    assert len(spans) == 1  # same span, one mention per referent


def test_two_foreign_ministers_are_the_two_latest() -> None:
    doc = run("Ngoại trưởng Nga Sergei Lavrov gặp người đồng cấp Qatar Mohammed bin Abdulrahman Al Thani.",
              "Bộ trưởng Quốc phòng Nga Sergei Shoigu cũng có mặt.",
              "Hai ngoại trưởng đã thảo luận về Syria.")
    refs = sorted(e for t, e, h in ments(doc, 2) if h == "anaphor")
    assert "lavrov" in refs and "shoigu" not in refs and len(refs) == 2


def test_pair_named_right_there_is_not_an_anaphor() -> None:
    doc = run("Quân đội hai nước Mỹ-Nga duy trì liên lạc.")
    assert [h for _, _, h in ments(doc)] == ["name", "name"]


def test_this_country_and_pronouns() -> None:
    doc = run("Bộ Quốc phòng Israel cho biết binh sĩ nước này đã bắn hạ một máy bay không người lái.",
              "Thứ trưởng Ngoại giao Iran Abbas Araghchi bác bỏ thông tin.", "Ông cho biết Tehran không liên quan.")
    assert ("nước này", "israel", "anaphor") in ments(doc, 0)
    assert ("Ông", "abbas-araghchi", "anaphor") in ments(doc, 2)


# --- organisations and acronyms --------------------------------------------------------

def test_acronym_defined_in_the_article() -> None:
    doc = run("Tổ chức Cứu trợ Hồi giáo Quốc tế (IIRO) cho biết đã gửi hàng viện trợ.",
              "Theo IIRO, hơn 100 xe tải đã qua biên giới.")
    e = doc.ex.entities["iiro"]
    assert e.kind == "organization" and e.label_vi == "Tổ chức Cứu trợ Hồi giáo Quốc tế" and e.qid is None
    assert ("IIRO", "iiro", "acronym") in ments(doc, 1)


def test_known_acronym_and_variant_spelling() -> None:
    doc = run("Uỷ ban Chữ thập đỏ quốc tế (ICRC) kêu gọi mở hành lang nhân đạo.", "ICRC cũng gửi thuốc men.")
    assert keys(doc) == {"icrc"} and doc.ex.entities["icrc"].qid == "Q5987345"


def test_country_ministries() -> None:
    doc = run("Bộ Quốc phòng Israel và Bộ Ngoại giao Nga đã ra thông báo.")
    assert keys(doc) == {"israel_mod", "russia_mfa"}
    assert doc.ex.entities["israel_mod"].label_en == "Ministry of Defence of Israel"
    assert doc.ex.entities["israel_mod"].qid is None


def test_outlets() -> None:
    doc = run("Tờ Hürriyet dẫn nguồn tin quân sự cho biết, hãng tin Anadolu cũng đưa tin tương tự.")
    assert doc.ex.entities["hurriyet"].kind == "organization"
    assert "anadolu" in keys(doc)


# --- metonyms --------------------------------------------------------------------------

def test_capitals_acting_for_governments() -> None:
    doc = run("Washington và Bắc Kinh đã nhất trí nối lại đối thoại.")
    ms = ments(doc)
    assert ms[:2] == [("Washington", "usa", "metonym"), ("Washington", "washington", "name")]
    assert ("Bắc Kinh", "china", "metonym") in ms and ("Bắc Kinh", "beijing", "name") in ms


def test_capitals_as_places() -> None:
    doc = run("Ông Erdogan sẽ tới Berlin vào tuần tới, sau hội nghị Paris.")
    assert ("Berlin", "berlin", "name") in ments(doc) and "germany" not in keys(doc)
    assert "france" not in keys(doc)


def test_seats_of_power() -> None:
    doc = run("Điện Kremlin, Nhà Trắng và Lầu Năm Góc đều chưa bình luận.")
    assert ments(doc) == [("Điện Kremlin", "russia", "metonym"), ("Điện Kremlin", "kremlin", "name"),
                          ("Nhà Trắng", "usa", "metonym"), ("Nhà Trắng", "white_house", "name"),
                          ("Lầu Năm Góc", "usa_mod", "metonym")]


# --- unknown names and negatives --------------------------------------------------------

def test_unknown_names_are_typed_by_context() -> None:
    doc = run("Chuyên gia quân sự Igor Korotchenko nhận định quân đội Nga sẽ rút khỏi căn cứ Hmeimim.",
              "Michael Knights, một nhà nghiên cứu tại Washington, cho rằng điều đó khó xảy ra.")
    ents = doc.ex.entities
    assert ents["igor-korotchenko"].kind == "person"
    assert ents["hmeimim"].kind == "place"
    assert ents["michael-knights"].kind == "person"
    assert all(e.qid is None for k, e in ents.items() if not e.in_gazetteer)


def test_things_that_are_not_actors() -> None:
    doc = run("Đội tuyển Việt Nam giành huy chương tại SEA Games, trận đấu diễn ra ở quận Hai Bà Trưng.",
              "Máy bay Su-35 và F-16 đã cất cánh.", "Theo UBND tỉnh, Chủ tịch UBND đã ký quyết định.",
              "Minh Hằng")
    assert not {k for k, e in doc.ex.entities.items() if e.kind == "person"}
    assert "vietnam" in keys(doc)


def test_only_body_sentences_are_read() -> None:
    from syriakg.loaders.model import Sentence

    doc = doc_from_sentences(["Nga và Thổ Nhĩ Kỳ nhất trí."])
    text = doc.ex.article.text
    cap = "Tổng thống Mỹ Donald Trump tại Nhà Trắng."
    doc.ex.article.text = text + cap
    doc.ex.captions.append(Sentence(0, len(text), len(text) + len(cap), cap, "caption"))
    component(doc)
    assert keys(doc) == {"russia", "turkey"} and not doc.ex.positions


def test_particles_and_transliterations() -> None:
    doc = run("Bộ trưởng Quốc phòng Đức Ursula von der Leyen thăm Iraq.",
              "Bộ trưởng Ngoại giao Nga X.La-vrốp gặp Thủ tướng I-xra-en B.Nê-ta-ni-a-hu.")
    hs = holdings(doc)
    assert ("ursula-von-der-leyen", "defence_minister_of_germany") in hs
    assert ("lavrov", "foreign_minister_of_russia") in hs and ("netanyahu", "prime_minister_of_israel") in hs


def test_title_as_a_complement_and_open_appositions() -> None:
    doc = run("Cố vấn thương mại của tổng thống Mỹ, ông Wilbur Ross, cho rằng đồng euro bị định giá thấp.",
              "Khi được hỏi về ông Putin, tổng thống Mỹ nói rằng ông tôn trọng nhiều người.")
    # Ross holds the adviser's role as written, not the president's office
    assert [(h.holder, h.position.key, h.position.label_vi) for h in doc.ex.positions] == [
        ("wilbur-ross", "co_van_thuong_mai_of_president_of_the_united_states",
         "Cố vấn thương mại của tổng thống Mỹ")]
    assert doc.ex.entities["wilbur-ross"].kind == "person"


def test_general_staff_with_armed_forces_qualifier_is_one_institution() -> None:
    doc = run("Bộ Tổng Tham mưu các lực lượng vũ trang Jordan cho biết đã bắn hạ một máy bay không người lái.")
    assert ("Bộ Tổng Tham mưu các lực lượng vũ trang Jordan", "jordan_general_staff", "name") in ments(doc)
    doc = run("Bộ Tổng tham mưu quân đội Ukraine thông báo rút quân.")
    assert "ukraine_general_staff" in keys(doc)


def test_bare_coalition_is_the_coalition_named_before() -> None:
    doc = run("Liên quân Ả Rập do Saudi Arabia dẫn đầu không kích ở Yemen.", "Liên quân cho biết 3 dân thường thiệt mạng.")
    [first] = [m for m in doc.ex.mentions if m.sentence == 0 and m.text.startswith("Liên quân")]
    assert [m.entity for m in doc.ex.mentions if m.sentence == 1] == [first.entity]
    # in an article about the war on IS, with no coalition named before: the US-led coalition
    doc = run("Các tay súng IS rút khỏi làng.", "Máy bay của liên quân đã không kích các mục tiêu.")
    assert ("liên quân", "us_led_coalition", "anaphor") in ments(doc, 1)
    # otherwise nothing, and a qualified coalition is not the bare word
    doc = run("Máy bay của liên quân đã không kích các mục tiêu.")
    assert "us_led_coalition" not in keys(doc)


def test_palace_name_is_an_organisation() -> None:
    doc = run("Hãng tin AFP dẫn thông tin từ Điện Élysée cho biết Paris sẽ tham gia.")
    [m] = [m for m in doc.ex.mentions if m.text == "Điện Élysée"]
    assert doc.ex.entities[m.entity].kind == "organization"


@pytest.mark.parametrize("sentence, name, role", [
    ("Thư ký báo chí của Tổng thống Pháp Jean Dupont nói rằng Paris lo ngại.", "Jean Dupont",
     "Thư ký báo chí của Tổng thống Pháp"),
    ("Cố vấn đối ngoại của Thủ tướng Israel, Moshe Levi, đã tới Cairo.", "Moshe Levi",
     "Cố vấn đối ngoại của Thủ tướng Israel"),
    ("Con trai của Tổng thống Iraq Karim Hadi bị bắt.", "Karim Hadi", None),  # kin: no position at all
])
def test_name_after_a_role_of_an_office_holder_holds_that_role(sentence: str, name: str, role: str | None) -> None:
    doc = run(sentence)
    [m] = [m for m in doc.ex.mentions if m.text == name]
    assert doc.ex.entities[m.entity].kind == "person"
    assert [h.position.label_vi for h in doc.ex.positions if h.holder == m.entity] == ([role] if role else [])
    doc = run("Tổng thống Pháp Jean Dupont nói rằng Paris lo ngại.")
    assert [h.position.key for h in doc.ex.positions] == ["president_of_france"]


def test_groups_of_states_and_summit_acronyms_are_organisations() -> None:
    doc = run("Bên lề Hội nghị thượng đỉnh G20 ở Osaka, hai nhà lãnh đạo đã gặp nhau.",
              "Tuần lễ cấp cao APEC diễn ra ở Lima, sau cuộc họp của G7.")
    assert ("G20", "g20", "acronym") in ments(doc, 0)
    assert {"apec", "g7"} <= keys(doc, 1)
    assert all(doc.ex.entities[k].kind == "organization" for k in ("g20", "g7", "apec"))
    # an unknown acronym after a plain noun is not made an organisation
    doc = run("Các nước XHCN từng ủng hộ phong trào này.")
    assert "xhcn" not in keys(doc)


def test_news_agency_spelt_by_sound_is_the_agency() -> None:
    doc = run("Theo hãng tin Roi-tơ, quân đội đã rút khỏi thị trấn.")
    assert ("Roi-tơ", "reuters") in [(t, k) for t, k, _h in ments(doc)]


def test_seat_of_power_is_also_its_building() -> None:
    doc = run("Nhà Trắng cho biết Tổng thống sẽ họp với các cố vấn.", "Điện Kremlin bác bỏ thông tin này.")
    assert ("Nhà Trắng", "usa", "metonym") in ments(doc, 0)
    assert ("Nhà Trắng", "white_house", "name") in ments(doc, 0)
    assert doc.ex.entities["white_house"].kind == "organization"
    assert doc.ex.entities["white_house"].label_vi == "Nhà Trắng"
    assert "kremlin" in keys(doc, 1)


def test_anti_is_coalition_is_the_us_led_coalition() -> None:
    doc = run("Máy bay của liên quân chống khủng bố do Mỹ dẫn đầu đã không kích một đoàn xe.",
              "Liên quân chống IS cho biết đã tiêu diệt 20 tay súng.")
    assert ("liên quân chống khủng bố do Mỹ dẫn đầu", "us_led_coalition", "name") in ments(doc, 0)
    assert ("Liên quân chống IS", "us_led_coalition", "name") in ments(doc, 1)


def test_group_name_after_a_listed_place_speaking_is_an_organisation() -> None:
    doc = run("Ngược lại, ở Đông Ghouta, Jaysh al-Tawhid tuyên bố đã đẩy lùi cuộc tấn công.")
    [m] = [m for m in doc.ex.mentions if m.text == "Jaysh al-Tawhid"]
    assert doc.ex.entities[m.entity].kind == "organization"


def test_given_name_alone_is_the_one_person_named_so() -> None:
    doc = run("Ngoại trưởng Anh Boris Johnson đã tới Ankara.", "Ông Boris cho rằng hai nước cần hợp tác.")
    [m] = [m for m in doc.ex.mentions if m.text == "Boris"]
    [full] = [m for m in doc.ex.mentions if m.text == "Boris Johnson"]
    assert m.entity == full.entity
    # two people of that given name: nobody
    doc = run("Ông John Kerry và ông John Bolton đã gặp nhau.", "Ông John cho rằng hai nước cần hợp tác.")
    [m] = [m for m in doc.ex.mentions if m.text == "John"]
    assert m.entity not in {x.entity for x in doc.ex.mentions if x.text in ("John Kerry", "John Bolton")}


def test_press_secretaries_and_spokespeople_of_a_seat_of_power() -> None:
    doc = run("Phó Thư ký báo chí Nhà Trắng Sarah Walters khẳng định Mỹ sẽ hành động.",
              "Người phát ngôn Điện Kremlin Dmitry Peskov cho biết Nga sẵn sàng đối thoại.")
    got = {(h.holder, h.position.key, h.position.label_vi) for h in doc.ex.positions}
    assert ("sarah-walters", "deputy_press_secretary_of_white_house", "Phó Thư ký báo chí Nhà Trắng") in got
    assert ("peskov", "spokesperson_of_kremlin", "Người phát ngôn Điện Kremlin") in got
    # a title without a named holder states no holding
    doc = run("Theo Thư ký báo chí Nhà Trắng, Mỹ không loại trừ khả năng tấn công.")
    assert doc.ex.positions == []


def test_advice_is_not_an_adviser() -> None:
    doc = run("Bức thư gửi những lời cố vấn cho Tổng thư ký LHQ Antonio Guterres.")
    assert [h.position.key for h in doc.ex.positions] == ["un_secretary_general"]
