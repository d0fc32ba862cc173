"""Meetings with group participants and chained verbs, on sentences written for these tests."""

from __future__ import annotations

from tests.extract_helpers import add_mention
from tests.test_meetings import make, run


def _summary(evs):
    return [(e.kind, e.status, sorted(e.actors), e.place) for e in evs]


def test_leaders_of_the_two_countries_named_apart_are_the_two_countries():
    doc = make(["Quan hệ giữa Pháp và Ấn Độ đang phát triển mạnh.",
                "Lãnh đạo hai nước đã hội đàm tại New Delhi ngày 10/3."],
               [(0, "Pháp", "france"), (0, "Ấn Độ", "india"), (1, "New Delhi", "new_delhi")], year="2018")
    [ev] = run(doc)
    assert ev.kind == "talks" and set(ev.actors) == {"france", "india"} and ev.place == "new_delhi"


def test_leaders_of_the_two_countries_after_a_visit_are_its_parties():
    doc = make(["Tổng thống Pháp Emmanuel Macron tới Ấn Độ hôm 10/3.", "Lãnh đạo hai nước đã hội đàm tại New Delhi."],
               [(0, "Emmanuel Macron", "macron"), (0, "Pháp", "france"), (0, "Ấn Độ", "india"),
                (1, "New Delhi", "new_delhi")], year="2018")
    evs = run(doc)
    assert len(evs) == 1 and {"macron", "india"} <= set(evs[0].actors) and evs[0].evidence == [0, 1]


def test_leaders_of_two_countries_unresolvable_gives_no_event():
    # three countries named apart before: which two is unclear, no actors, no event
    doc = make(["Pháp gửi công hàm.", "Đức phản đối.", "Ấn Độ im lặng.", "Lãnh đạo hai nước đã hội đàm."],
               [(0, "Pháp", "france"), (1, "Đức", "germany"), (2, "Ấn Độ", "india")], year="2018")
    assert run(doc) == []


def test_two_delegations_coordinated():
    doc = make(["Đoàn đại biểu Jordan và đoàn đại biểu Ai Cập đã hội đàm tại Cairo."],
               [(0, "Jordan", "jordan"), (0, "Ai Cập", "egypt"), (0, "Cairo", "cairo")])
    assert _summary(run(doc)) == [("talks", "occurred", ["egypt", "jordan"], "cairo")]


def test_visit_and_talks_share_the_subject_and_the_place():
    doc = make(["Ông Zarif thăm Amman và hội đàm với hai người đồng cấp Jordan và Ai Cập."],
               [(0, "Zarif", "zarif"), (0, "Amman", "amman"), (0, "Jordan", "jordan"), (0, "Ai Cập", "egypt")])
    evs = {e.kind: e for e in run(doc)}
    assert set(evs) == {"visit", "talks"}
    assert set(evs["talks"].actors) == {"zarif", "jordan", "egypt"} and evs["talks"].place == "amman"
    assert evs["visit"].actors == ["zarif"] and evs["visit"].place == "amman"


def test_second_verb_after_a_full_stop_does_not_inherit():
    doc = make(["Ông Zarif thăm Amman hôm 3/4. Hội đàm với phía Jordan chưa được xác nhận."],
               [(0, "Zarif", "zarif"), (0, "Amman", "amman"), (0, "Jordan", "jordan")])
    assert all(e.kind == "visit" for e in run(doc))


def test_third_party_welcoming_talks_is_not_a_participant():
    doc = make(["Qatar hoan nghênh cuộc đàm phán giữa Iran và Iraq tại Baghdad."],
               [(0, "Qatar", "qatar"), (0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Baghdad", "baghdad")])
    [ev] = run(doc)
    assert set(ev.actors) == {"iran", "iraq"} and ev.place == "baghdad"


def test_third_party_praising_a_meeting_is_not_a_participant():
    doc = make(["Trung Quốc đánh giá cao cuộc gặp giữa Jordan và Ai Cập hôm 2/3."],
               [(0, "Trung Quốc", "china"), (0, "Jordan", "jordan"), (0, "Ai Cập", "egypt")], year="2019")
    [ev] = run(doc)
    assert set(ev.actors) == {"jordan", "egypt"} and ev.date is not None and ev.date.value == "2019-03-02"


def test_topic_noun_phrase_is_not_an_event():
    doc = make(["Ông Modi nói về vấn đề đàm phán hòa bình ở Trung Đông."], [(0, "Modi", "modi")])
    assert run(doc) == []


# --- noun-phrase events -------------------------------------------------------------------------------


def test_planned_consultations_between_two_countries():
    doc = make(["Cuộc tham vấn giữa Iran và Ai Cập sẽ diễn ra tại Cairo vào ngày 14/5."],
               [(0, "Iran", "iran"), (0, "Ai Cập", "egypt"), (0, "Cairo", "cairo")], year="2018")
    [ev] = run(doc)
    assert (ev.kind, ev.status, set(ev.actors), ev.place) == ("talks", "planned", {"iran", "egypt"}, "cairo")
    assert ev.date is not None and ev.date.value == "2018-05-14"


def test_past_consultations_plural():
    doc = make(["Các cuộc tham vấn chính trị giữa Nga và Jordan đã diễn ra tại Amman."],
               [(0, "Nga", "russia"), (0, "Jordan", "jordan"), (0, "Amman", "amman")])
    assert _summary(run(doc)) == [("talks", "occurred", ["jordan", "russia"], "amman")]


def test_consulting_opinions_is_no_event():
    doc = make(["Ông Modi tham vấn ý kiến của Iran về dự án đường sắt."], [(0, "Modi", "modi"), (0, "Iran", "iran")])
    assert run(doc) == []


def test_public_consultation_is_no_event():
    doc = make(["Ông Modi nhấn mạnh vai trò của cuộc tham vấn rộng rãi với người dân."], [(0, "Modi", "modi")])
    assert run(doc) == []


def test_visit_of_a_person_to_a_country_planned():
    doc = make(["Chuyến thăm của ông Modi tới Iraq sẽ bắt đầu vào ngày 9/6."],
               [(0, "Iraq", "iraq"), (0, "Modi", "modi")], year="2018")
    [ev] = run(doc)
    assert (ev.kind, ev.status, set(ev.actors), ev.place) == ("visit", "planned", {"modi", "iraq"}, "iraq")


def test_visit_of_a_person_to_a_city_after_sau_is_past_not_upcoming():
    doc = make(["Giá dầu tăng mạnh sau chuyến thăm chính thức của Tổng thống Macron đến Bắc Kinh."],
               [(0, "Bắc Kinh", "beijing"), (0, "Macron", "macron")])
    [ev] = run(doc)
    assert (ev.kind, ev.status, ev.actors, ev.place) == ("visit", "occurred", ["macron"], "beijing")


def test_visit_frame_of_a_past_clause_is_occurred():
    doc = make(["Trong chuyến thăm của ông Modi tới Iraq, hai bên đã ký nhiều văn kiện."],
               [(0, "Iraq", "iraq"), (0, "Modi", "modi")])
    [ev] = run(doc)
    assert ev.kind == "visit" and ev.status == "occurred" and ev.place == "iraq"


def test_visit_of_a_pronoun_with_two_persons_before_is_left_out():
    # "ông" could be either man: no visitor is guessed
    doc = make(["Ông Sisi muốn ông Modi ủng hộ đề xuất trong chuyến thăm của ông tới Cairo."],
               [(0, "Sisi", "sisi"), (0, "Modi", "modi"), (0, "Cairo", "cairo")])
    add_mention(doc, 0, "ông", "modi", "anaphor", nth=1)
    assert [e for e in run(doc) if e.kind == "visit"] == []


def test_visit_of_a_pronoun_with_one_person_before_is_his():
    doc = make(["Ông Sisi cho biết trong chuyến thăm của ông tới Doha, hai bên đã ký ba văn kiện."],
               [(0, "Sisi", "sisi"), (0, "Doha", "doha")])
    add_mention(doc, 0, "ông", "sisi", "anaphor", nth=0)
    [ev] = [e for e in run(doc) if e.kind == "visit"]
    assert ev.actors == ["sisi"] and ev.place == "doha" and ev.status == "occurred"


# --- military-to-military calls and unnamed counterparts --------------------------------------------


def test_chief_of_staff_calls_unnamed_counterpart_countries_stand_for_both():
    doc = make(["Tổng tham mưu trưởng quân đội Thổ Nhĩ Kỳ đã điện đàm với người đồng cấp Iran."],
               [(0, "Thổ Nhĩ Kỳ", "turkey", "title"), (0, "Iran", "iran", "title")])
    assert _summary(run(doc)) == [("phone_call", "occurred", ["iran", "turkey"], None)]


def test_general_staffs_call_each_other():
    doc = make(["Bộ Tổng tham mưu Israel đã điện đàm với Bộ Tổng tham mưu Nga hôm 5/9."],
               [(0, "Israel", "israel"), (0, "Nga", "russia")], year="2018")
    [ev] = run(doc)
    assert ev.kind == "phone_call" and set(ev.actors) == {"israel", "russia"}
    assert ev.date is not None and ev.date.value == "2018-09-05"


def test_named_counterpart_is_the_person_not_the_country():
    doc = make(["Ông Isik đã điện đàm với người đồng cấp Iran Qasem."],
               [(0, "Isik", "isik"), (0, "Iran", "iran", "title"), (0, "Qasem", "qasem")])
    [ev] = run(doc)
    assert set(ev.actors) == {"isik", "qasem"}


def test_unnamed_counterpart_of_a_named_minister_is_not_replaced_by_the_country():
    # one side a person, the other only "his counterpart": the country is not put in his place
    doc = make(["Ông Isik đã điện đàm với người đồng cấp Iran."],
               [(0, "Isik", "isik"), (0, "Iran", "iran", "title")])
    assert all("iran" not in e.actors for e in run(doc))


# --- a visit named by its destination is not another visit told before ------------------------------


def test_fronted_visit_to_another_place_is_a_new_visit():
    doc = make(["Chuyến thăm Bắc Kinh của ông Sisi sẽ diễn ra vào tháng 10 tới.",
                "Trong chuyến thăm Amman, ông Rouhani đã gặp ông Safadi."],
               [(0, "Bắc Kinh", "beijing"), (0, "Sisi", "sisi"), (1, "Amman", "amman"), (1, "Rouhani", "rouhani"),
                (1, "Safadi", "safadi")], year="2019")
    visits = sorted(((e.place, tuple(e.actors), e.status) for e in run(doc) if e.kind == "visit"), key=str)
    assert visits == [("amman", ("rouhani",), "occurred"), ("beijing", ("sisi",), "planned")]


def test_fronted_visit_to_the_same_place_refers_back():
    doc = make(["Ông Rouhani đã tới thăm Amman hôm 3/4.",
                "Trong chuyến thăm Amman, ông Rouhani đã gặp ông Safadi."],
               [(0, "Rouhani", "rouhani"), (0, "Amman", "amman"), (1, "Amman", "amman"), (1, "Rouhani", "rouhani"),
                (1, "Safadi", "safadi")], year="2019")
    visits = [e for e in run(doc) if e.kind == "visit"]
    assert len(visits) == 1 and visits[0].evidence == [0, 1]


def test_meeting_inside_a_visit_frame_takes_the_destination_as_place():
    doc = make(["Trong chuyến thăm Doha, ông Modi đã gặp ông Abdullah."],
               [(0, "Doha", "doha"), (0, "Modi", "modi"), (0, "Abdullah", "abdullah")])
    evs = {e.kind: e for e in run(doc)}
    assert evs["meeting"].place == "doha" and set(evs["meeting"].actors) == {"modi", "abdullah"}
    assert evs["visit"].place == "doha" and evs["visit"].actors == ["modi"] and evs["visit"].status == "occurred"


def test_meeting_after_a_visit_in_another_clause_keeps_no_borrowed_place():
    doc = make(["Ông Modi nói về chuyến thăm Doha sắp tới và ông đã gặp ông Abdullah hôm qua."],
               [(0, "Modi", "modi"), (0, "Doha", "doha"), (0, "Abdullah", "abdullah")])
    assert all(e.place != "doha" for e in run(doc) if e.kind == "meeting")


# --- third parties calling for or welcoming talks between others ------------------------------------


def test_call_to_hold_talks_between_others_is_proposed_without_the_caller():
    doc = make(["Đức kêu gọi tổ chức đàm phán giữa Iran và Iraq."],
               [(0, "Đức", "germany"), (0, "Iran", "iran"), (0, "Iraq", "iraq")])
    [ev] = run(doc)
    assert ev.status == "proposed" and set(ev.actors) == {"iran", "iraq"}


def test_talks_verb_after_a_past_auxiliary_stays_occurred():
    doc = make(["Iran đã tổ chức đàm phán với Iraq tại Baghdad."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Baghdad", "baghdad")])
    [ev] = run(doc)
    assert ev.status == "occurred" and set(ev.actors) == {"iran", "iraq"} and ev.place == "baghdad"


def test_call_between_two_unnamed_chiefs_of_staff_is_between_their_countries():
    doc = make(["Cuộc điện đàm giữa Tổng tham mưu trưởng quân đội Nga và Mỹ diễn ra hôm 2/4."],
               [(0, "Nga", "russia", "title"), (0, "Mỹ", "usa")], year="2018")
    [ev] = run(doc)
    assert ev.kind == "phone_call" and set(ev.actors) == {"russia", "usa"} and ev.status == "occurred"


def test_visit_of_an_unnamed_president_does_not_add_his_country():
    # a civilian title known only by country is no military body: the country is not made a visitor
    doc = make(["Chuyến thăm Doha của Tổng thống Mỹ đã kết thúc."],
               [(0, "Doha", "doha"), (0, "Mỹ", "usa", "title")])
    assert all("usa" not in e.actors for e in run(doc))


def test_hope_for_an_upcoming_meeting_between_two_others_is_planned_without_the_speaker():
    doc = make(["Ông Mattis bày tỏ hy vọng về cuộc gặp sắp tới giữa Iran và Iraq."],
               [(0, "Mattis", "mattis"), (0, "Iran", "iran"), (0, "Iraq", "iraq")])
    [ev] = run(doc)
    assert ev.kind == "meeting" and ev.status == "planned" and set(ev.actors) == {"iran", "iraq"}


def test_praising_the_results_of_talks_between_others():
    doc = make(["Pháp khen ngợi kết quả cuộc hội đàm giữa Ai Cập và Jordan."],
               [(0, "Pháp", "france"), (0, "Ai Cập", "egypt"), (0, "Jordan", "jordan")])
    [ev] = run(doc)
    assert ev.kind == "talks" and set(ev.actors) == {"egypt", "jordan"}


def test_support_for_negotiations_as_a_process_is_no_event():
    doc = make(["Pháp ủng hộ đàm phán giữa Ai Cập và Jordan.", "Iran thúc đẩy tiến trình đàm phán giữa các bên."],
               [(0, "Pháp", "france"), (0, "Ai Cập", "egypt"), (0, "Jordan", "jordan"), (1, "Iran", "iran")])
    assert run(doc) == []


def test_negotiating_a_purchase_is_no_meeting():
    doc = make(["Iran đang tiến hành đàm phán mua hệ thống phòng không của Nga."],
               [(0, "Iran", "iran"), (0, "Nga", "russia")])
    assert run(doc) == []
