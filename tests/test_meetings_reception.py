"""Receptions: "X tiếp Y", "X đón Y", "buổi tiếp Y", "lễ đón người đồng cấp Y" (sentences written for these tests)."""

from __future__ import annotations

from tests.test_meetings import make, run


def test_host_receives_guest_who_is_visiting_the_hosts_city():
    doc = make(["Tổng thống Pháp Emmanuel Macron ngày 4/9 đã tiếp Thủ tướng Ấn Độ Narendra Modi đang ở thăm Paris."],
               [(0, "Pháp", "france", "title"), (0, "Emmanuel Macron", "macron"), (0, "Ấn Độ", "india", "title"),
                (0, "Narendra Modi", "modi"), (0, "Paris", "paris")], year="2019")
    evs = run(doc)
    [meet] = [e for e in evs if e.kind == "meeting"]
    assert set(meet.actors) == {"macron", "modi"} and "india" not in meet.actors
    assert meet.place == "paris" and meet.date is not None and meet.date.value == "2019-09-04"
    [visit] = [e for e in evs if e.kind == "visit"]
    assert "modi" in visit.actors and "macron" not in visit.actors and visit.place == "paris"


def test_guest_described_in_apposition_as_visiting():
    doc = make(["Quốc vương Jordan Abdullah đã tiếp Bộ trưởng Ngoại giao Ai Cập Sameh Shoukry, người đang có chuyến "
                "thăm Amman."],
               [(0, "Jordan", "jordan", "title"), (0, "Abdullah", "abdullah"), (0, "Ai Cập", "egypt", "title"),
                (0, "Sameh Shoukry", "shoukry"), (0, "Amman", "amman")])
    evs = run(doc)
    [meet] = [e for e in evs if e.kind == "meeting"]
    assert set(meet.actors) == {"abdullah", "shoukry"} and meet.place == "amman"
    [visit] = [e for e in evs if e.kind == "visit"]
    assert visit.actors == ["shoukry"]


def test_don_with_counterpart_and_venue():
    doc = make(["Thủ tướng Israel Benjamin Netanyahu đã tổ chức lễ đón người đồng cấp Ấn Độ Narendra Modi tại "
                "Tel Aviv."],
               [(0, "Israel", "israel", "title"), (0, "Benjamin Netanyahu", "netanyahu"),
                (0, "Ấn Độ", "india", "title"), (0, "Narendra Modi", "modi"), (0, "Tel Aviv", "tel_aviv")])
    [ev] = run(doc)
    assert ev.kind == "meeting" and set(ev.actors) == {"netanyahu", "modi"} and ev.place == "tel_aviv"
    assert ev.status == "occurred"


def test_fronted_reception_noun_host_is_the_main_subject():
    doc = make(["Tại buổi tiếp Ngoại trưởng Trung Quốc Vương Nghị, Tổng thống Ai Cập Abdel Fattah al-Sisi khẳng định "
                "hai nước cần tăng cường hợp tác."],
               [(0, "Trung Quốc", "china", "title"), (0, "Vương Nghị", "wang_yi"), (0, "Ai Cập", "egypt", "title"),
                (0, "Abdel Fattah al-Sisi", "sisi")])
    [ev] = run(doc)
    assert set(ev.actors) == {"wang_yi", "sisi"}


def test_future_reception_is_planned():
    doc = make(["Tổng thống Iran Hassan Rouhani sẽ đón Thủ tướng Ấn Độ Narendra Modi tại Tehran vào tháng 5 tới."],
               [(0, "Iran", "iran", "title"), (0, "Hassan Rouhani", "rouhani"), (0, "Ấn Độ", "india", "title"),
                (0, "Narendra Modi", "modi"), (0, "Tehran", "tehran")], year="2018")
    [ev] = run(doc)
    assert ev.status == "planned" and set(ev.actors) == {"rouhani", "modi"} and ev.place == "tehran"


def test_welcoming_refugees_or_a_decision_is_no_reception():
    doc = make(["Đức đã đón hơn 800.000 người tị nạn trong năm qua.",
                "Iran chào đón ông Emmanuel Macron vì lập trường của ông với Israel.",
                "Pháp trực tiếp nói chuyện với Iran về vấn đề hạt nhân."],
               [(0, "Đức", "germany"), (1, "Iran", "iran"), (1, "Emmanuel Macron", "macron"), (1, "Israel", "israel"),
                (2, "Pháp", "france"), (2, "Iran", "iran")])
    assert run(doc) == []
