"""Several occasions named by one trigger, bare venues and topic phrases (sentences written for these tests)."""

from __future__ import annotations

from syriakg.loaders.extract.meetings_rounds import ordinal_rounds
from tests.test_meetings import make, run


def test_rounds_in_two_months_are_two_events():
    doc = make(["Iran và Iraq đã tổ chức các vòng đàm phán tại Baghdad vào tháng 4 tới và tháng 9 tới."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Baghdad", "baghdad")], year="2019")
    evs = run(doc)
    assert sorted(e.date.value for e in evs if e.date) == ["2019-04", "2019-09"]
    assert all(set(e.actors) == {"iran", "iraq"} and e.place == "baghdad" for e in evs)
    assert len({e.trigger.begin for e in evs}) == 2  # two nodes, not one IRI twice


def test_listed_days_are_separate_meetings_but_consecutive_days_are_one():
    doc = make(["Ai Cập và Jordan đã hội đàm ngày 2/2 và ngày 9/2 tại Cairo.",
                "Pháp và Đức đã tổ chức hội nghị ngày 14/5 và ngày 15/5 tại Paris."],
               [(0, "Ai Cập", "egypt"), (0, "Jordan", "jordan"), (0, "Cairo", "cairo"),
                (1, "Pháp", "france"), (1, "Đức", "germany"), (1, "Paris", "paris")], year="2018")
    evs = run(doc)
    first = sorted(e.date.value for e in evs if 0 in e.evidence and e.date)
    assert first == ["2018-02-02", "2018-02-09"]
    assert len([e for e in evs if e.evidence == [1]]) == 1


def test_alternative_months_stay_one_event():
    doc = make(["Qatar và Iran sẽ gặp nhau tại Doha vào tháng 7 tới hoặc tháng 8 tới."],
               [(0, "Qatar", "qatar"), (0, "Iran", "iran"), (0, "Doha", "doha")], year="2019")
    assert len(run(doc)) == 1


def test_ordinal_rounds():
    t = "các vòng đàm phán thứ ba và thứ tư giữa hai nước"
    e = t.index("phán") + len("phán")
    assert [t[s.begin:s.end] for s in ordinal_rounds(t, e)] == ["tư"]
    t2 = "vòng đàm phán lần thứ 5, 6 và 7 tại Doha"
    assert [t2[s.begin:s.end] for s in ordinal_rounds(t2, t2.index("phán") + 4)] == ["6", "7"]
    assert ordinal_rounds("vòng đàm phán thứ ba giữa hai nước", 13) == []


def test_two_ordinal_rounds_are_two_events_with_the_same_parties():
    doc = make(["Các vòng hòa đàm thứ sáu và thứ bảy giữa Iran và Iraq đã diễn ra tại Baghdad."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Baghdad", "baghdad")])
    evs = run(doc)
    assert len(evs) == 2 and all(set(e.actors) == {"iran", "iraq"} for e in evs)


def test_bare_venue_after_occurrence_verb():
    doc = make(["Vòng hòa đàm giữa Iran và Iraq có thể được nối lại Vienna vào tháng 7 tới."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Vienna", "vienna")], year="2018")
    [ev] = run(doc)
    assert ev.place == "vienna" and ev.status == "possible"


def test_topic_of_discussion_is_neither_place_nor_subject():
    doc = make(["Ngoại trưởng Ai Cập Sameh Shoukry và người đồng cấp Jordan Ayman Safadi đã thảo luận về Iraq tại "
                "cuộc họp ở Cairo."],
               [(0, "Ai Cập", "egypt", "title"), (0, "Sameh Shoukry", "shoukry"), (0, "Jordan", "jordan", "title"),
                (0, "Ayman Safadi", "safadi"), (0, "Iraq", "iraq"), (0, "Cairo", "cairo")])
    [ev] = run(doc)
    assert set(ev.actors) == {"shoukry", "safadi"} and ev.place == "cairo"


def test_situation_in_a_city_is_a_topic_not_the_venue():
    doc = make(["Tổng thống Pháp Emmanuel Macron đã điện đàm với Thủ tướng Đức Angela Merkel về tình hình ở Baghdad."],
               [(0, "Pháp", "france", "title"), (0, "Emmanuel Macron", "macron"), (0, "Đức", "germany", "title"),
                (0, "Angela Merkel", "merkel"), (0, "Baghdad", "baghdad")])
    [ev] = run(doc)
    assert ev.kind == "phone_call" and ev.place is None and set(ev.actors) == {"macron", "merkel"}
