"""Who takes part: partners named after the trigger win over objects of another verb (sentences written for these tests)."""

from __future__ import annotations

from tests.test_meetings import make, run


def test_partner_after_the_call_not_the_object_before_it():
    doc = make(["Tổng thống Pháp Emmanuel Macron nhắc lại sự ủng hộ với Iraq trong cuộc điện đàm với người đồng cấp "
                "Ai Cập Abdel Fattah al-Sisi."],
               [(0, "Pháp", "france", "title"), (0, "Emmanuel Macron", "macron"), (0, "Iraq", "iraq"),
                (0, "Ai Cập", "egypt", "title"), (0, "Abdel Fattah al-Sisi", "sisi")])
    [ev] = run(doc)
    assert ev.kind == "phone_call" and set(ev.actors) == {"macron", "sisi"}


def test_with_before_the_phrase_still_names_the_partner_when_nothing_follows():
    doc = make(["Thủ tướng Đức Angela Merkel đã thảo luận với Tổng thống Pháp Emmanuel Macron trong cuộc gặp tại Paris."],
               [(0, "Đức", "germany", "title"), (0, "Angela Merkel", "merkel"), (0, "Pháp", "france", "title"),
                (0, "Emmanuel Macron", "macron"), (0, "Paris", "paris")])
    [ev] = run(doc)
    assert set(ev.actors) == {"merkel", "macron"} and ev.place == "paris"


def test_troops_or_messages_sent_to_a_country_are_no_visit():
    doc = make(["Iran triển khai khoảng 300 binh sĩ của tướng Qasem tới Iraq hồi cuối năm ngoái.",
                "Ngoại trưởng Ai Cập Sameh Shoukry chuyển lời của Tổng thống Abdel Fattah al-Sisi đến Jordan."],
               [(0, "Iran", "iran"), (0, "Qasem", "qasem"), (0, "Iraq", "iraq"),
                (1, "Ai Cập", "egypt", "title"), (1, "Sameh Shoukry", "shoukry"), (1, "Abdel Fattah al-Sisi", "sisi"),
                (1, "Jordan", "jordan")])
    assert run(doc) == []


def test_a_person_travelling_to_a_city_is_a_visit():
    doc = make(["Ngoại trưởng Ai Cập Sameh Shoukry đã tới Amman hôm 3/4."],
               [(0, "Ai Cập", "egypt", "title"), (0, "Sameh Shoukry", "shoukry"), (0, "Amman", "amman")], year="2018")
    [ev] = run(doc)
    assert ev.kind == "visit" and ev.actors == ["shoukry"] and ev.place == "amman"


def test_meeting_trouble_or_mediating_talks_are_no_events():
    doc = make(["Qatar không muốn gặp rắc rối từ Iran khi từ chối yêu cầu.",
                "Ấn Độ và Trung Quốc đã tiếp xúc với Iran để làm trung gian đàm phán hòa bình."],
               [(0, "Qatar", "qatar"), (0, "Iran", "iran"), (1, "Ấn Độ", "india"), (1, "Trung Quốc", "china"),
                (1, "Iran", "iran")])
    assert run(doc) == []


def test_directly_inside_a_purpose_is_no_reception():
    doc = make(["Thủ tướng Ai Cập Sherif Ismail đã tới Amman để trực tiếp tuyên bố kết quả hợp tác."],
               [(0, "Ai Cập", "egypt", "title"), (0, "Sherif Ismail", "ismail"), (0, "Amman", "amman")])
    [ev] = run(doc)
    assert ev.kind == "visit" and ev.actors == ["ismail"] and ev.place == "amman"


def test_country_in_parentheses_after_the_destination_is_not_a_visitor():
    doc = make(["Hai bên đã trao đổi trước chuyến thăm Amman (Jordan)."],
               [(0, "Amman", "amman"), (0, "Jordan", "jordan")])
    assert run(doc) == []


def test_two_leaders_a_few_sentences_after_their_meeting():
    doc = make(["Tổng thống Pháp Emmanuel Macron đã gặp Thủ tướng Ấn Độ Narendra Modi tại Paris.",
                "Quan hệ hai nước đã xấu đi từ thời ông Hassan Rouhani.",
                "Cuộc gặp giữa hai nguyên thủ diễn ra giữa lúc Paris đang điều tra."],
               [(0, "Pháp", "france", "title"), (0, "Emmanuel Macron", "macron"), (0, "Ấn Độ", "india", "title"),
                (0, "Narendra Modi", "modi"), (0, "Paris", "paris"), (1, "Hassan Rouhani", "rouhani"),
                (2, "Paris", "paris")])
    evs = run(doc)
    assert all("rouhani" not in e.actors for e in evs)
    assert any(set(e.actors) == {"macron", "modi"} and 2 in e.evidence for e in evs)


def test_country_after_a_fronted_venue_is_not_the_main_subject():
    doc = make(["Trong cuộc gặp bên lề hội nghị tại thành phố Amman, Jordan, Tổng thống Iran Hassan Rouhani khẳng định "
                "hai nước sẽ hợp tác."],
               [(0, "Amman", "amman"), (0, "Jordan", "jordan"), (0, "Iran", "iran", "title"),
                (0, "Hassan Rouhani", "rouhani")])
    assert run(doc) == []  # only one side is named: no event, rather than Jordan as a participant


def test_delegation_travelling_to_attend_talks_is_a_participant_of_them():
    doc = make(["Phái đoàn Iraq sẽ tới Vienna để tham dự vòng đàm phán về năng lượng."],
               [(0, "Iraq", "iraq"), (0, "Vienna", "vienna")])
    [ev] = run(doc)
    assert ev.kind == "negotiation" and ev.actors == ["iraq"] and ev.place == "vienna" and ev.status == "planned"


def test_a_lone_negotiation_mention_without_travel_needs_two_sides():
    doc = make(["Iraq ủng hộ vòng đàm phán về năng lượng."], [(0, "Iraq", "iraq")])
    assert run(doc) == []


def test_main_subject_after_a_fronted_meeting_may_carry_any_title():
    doc = make(["Sau cuộc họp với phái đoàn Ai Cập, đại sứ Jordan Ayman Safadi cho biết hai bên đã nhất trí."],
               [(0, "Ai Cập", "egypt"), (0, "Jordan", "jordan", "title"), (0, "Ayman Safadi", "safadi")])
    [ev] = run(doc)
    assert set(ev.actors) == {"egypt", "safadi"}
