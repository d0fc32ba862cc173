"""Event dates away from the trigger (sentences written for these tests)."""

from __future__ import annotations

from tests.test_meetings import make, run

FILLER = ["Iraq kêu gọi các bên kiềm chế.", "Tình hình vẫn căng thẳng.", "Giao tranh tiếp diễn.", "Liên Hợp Quốc lo ngại."]


def _late(sentence: str, mentions):
    """The sentence placed fifth in an article (past the lead, so the lead date does not apply)."""
    evs = run(make(FILLER + [sentence], [(4,) + m for m in mentions], year="2018"))
    return [e for e in evs if e.evidence == [4]]


def test_date_opening_the_reporting_frame_dates_a_done_event():
    [ev] = _late("Ngày 12/3, Bộ Ngoại giao Ai Cập cho biết Ngoại trưởng Sameh Shoukry đã điện đàm với người đồng cấp "
                 "Jordan Ayman Safadi.", [("Sameh Shoukry", "shoukry"), ("Jordan", "jordan", "title"),
                                          ("Ayman Safadi", "safadi")])
    assert ev.date is not None and ev.date.value == "2018-03-12"


def test_frame_date_not_given_to_a_planned_event_or_without_a_comma_frame():
    [ev] = _late("Ngày 12/3, Bộ Ngoại giao Ai Cập cho biết Ngoại trưởng Sameh Shoukry sẽ điện đàm với người đồng cấp "
                 "Jordan Ayman Safadi.", [("Sameh Shoukry", "shoukry"), ("Jordan", "jordan", "title"),
                                          ("Ayman Safadi", "safadi")])
    assert ev.date is None
    [ev] = _late("Bộ Ngoại giao Ai Cập cho biết Ngoại trưởng Sameh Shoukry đã điện đàm với người đồng cấp Jordan Ayman "
                 "Safadi.", [("Sameh Shoukry", "shoukry"), ("Jordan", "jordan", "title"), ("Ayman Safadi", "safadi")])
    assert ev.date is None


def test_date_in_parentheses_after_a_weekday_attaches():
    [ev] = _late("Thủ tướng Ấn Độ Narendra Modi hôm thứ Hai (5/3) đã hội đàm với Tổng thống Iran Hassan Rouhani.",
                 [("Ấn Độ", "india", "title"), ("Narendra Modi", "modi"), ("Iran", "iran", "title"),
                  ("Hassan Rouhani", "rouhani")])
    assert ev.date is not None and ev.date.value == "2018-03-05"


def test_date_at_sentence_start_before_a_fronted_phrase_attaches():
    [ev] = _late("Ngày 7/3, trong cuộc điện đàm với Tổng thống Iran Hassan Rouhani, Thủ tướng Ấn Độ Narendra Modi "
                 "khẳng định hai nước sẽ tăng cường hợp tác.",
                 [("Iran", "iran", "title"), ("Hassan Rouhani", "rouhani"), ("Ấn Độ", "india", "title"),
                  ("Narendra Modi", "modi")])
    assert ev.date is not None and ev.date.value == "2018-03-07" and set(ev.actors) == {"rouhani", "modi"}
