"""Meetings with group participants and chained verbs, on sentences written for these tests."""

from __future__ import annotations

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
