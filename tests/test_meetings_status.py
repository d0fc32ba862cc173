"""Event status end to end: future and modal cues, plans carried out, future months (sentences written for these tests)."""

from __future__ import annotations

from syriakg.loaders.model import DateValue, Sentence, Span
from tests.test_meetings import make, run


def _one(sentence: str, mentions, **kw):
    [ev] = run(make([sentence], mentions, **kw))
    return ev


def test_passive_future_is_planned():
    ev = _one("Vòng đàm phán tiếp theo giữa Iran và Iraq sẽ được tổ chức tại Baghdad.",
              [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Baghdad", "baghdad")])
    assert ev.status == "planned" and ev.place == "baghdad"


def test_expected_to_start_is_planned_even_with_party_lists():
    ev = _one("Các cuộc đàm phán giữa Iran, Iraq và phe đối lập dự kiến khởi động tại Doha.",
              [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Doha", "doha")])
    assert ev.status == "planned"


def test_need_to_hold_new_round_is_proposed():
    ev = _one("Ngoại trưởng Pháp nói rằng cần tiến hành một vòng đàm phán mới giữa Iran và Israel.",
              [(0, "Iran", "iran"), (0, "Israel", "israel")])
    assert ev.status == "proposed"


def test_call_to_hold_is_proposed():
    ev = _one("Liên Hợp Quốc kêu gọi tổ chức một cuộc họp giữa Ấn Độ và Trung Quốc.",
              [(0, "Ấn Độ", "india"), (0, "Trung Quốc", "china")])
    assert ev.status == "proposed"


def test_plan_carried_out_is_occurred():
    ev = _one("Hội nghị giữa Iran, Iraq và Qatar dự kiến kéo dài hai ngày đã khai mạc hôm qua tại Doha.",
              [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Qatar", "qatar"), (0, "Doha", "doha")])
    assert ev.status == "occurred"


def test_past_marker_beats_a_later_date():
    ev = _one("Ngoại trưởng Ai Cập Sameh Shoukry đã hội đàm với người đồng cấp Jordan Ayman Safadi ngày 20/6.",
              [(0, "Ai Cập", "egypt", "title"), (0, "Sameh Shoukry", "shoukry"), (0, "Jordan", "jordan", "title"),
               (0, "Ayman Safadi", "safadi")], year="2018", published="2018-06-15")
    assert ev.status == "occurred"
    ev = _one("Ngoại trưởng Ai Cập Sameh Shoukry hội đàm với người đồng cấp Jordan Ayman Safadi ngày 20/6.",
              [(0, "Ai Cập", "egypt", "title"), (0, "Sameh Shoukry", "shoukry"), (0, "Jordan", "jordan", "title"),
               (0, "Ayman Safadi", "safadi")], year="2018", published="2018-06-15")
    assert ev.status == "planned"


class _MonthDates:
    """A resolver that read "tháng Mười Hai" as the nearest December, half a year back."""

    def for_sentence(self, s: Sentence) -> list[DateValue]:
        i = s.text.find("tháng Mười Hai")
        return [DateValue("2018-12", "gYearMonth", "tháng Mười Hai", Span(s.begin + i, s.begin + i + 14))] if i >= 0 \
            else []


def test_planned_event_in_a_wordy_month_is_in_the_future():
    sents = ["Iran và Qatar có kế hoạch gặp nhau tại Doha vào tháng Mười Hai.",
             "Iran và Iraq đã gặp nhau tại Baghdad vào tháng Mười Hai."]
    doc = make(sents, [(0, "Iran", "iran"), (0, "Qatar", "qatar"), (0, "Doha", "doha"),
                       (1, "Iran", "iran"), (1, "Iraq", "iraq"), (1, "Baghdad", "baghdad")], published="2019-06-15")
    doc.dates = _MonthDates()
    evs = run(doc)
    planned = next(e for e in evs if e.place == "doha")
    done = next(e for e in evs if e.place == "baghdad")
    assert planned.status == "planned" and planned.date is not None and planned.date.value == "2019-12"
    assert done.status == "occurred" and done.date is not None and done.date.value == "2018-12"


def test_modal_of_a_second_verb_phrase_does_not_reach_the_meeting():
    ev = _one("Tổng thống Pháp Emmanuel Macron gặp Thủ tướng Ấn Độ Narendra Modi tại Paris và dự một cuộc triển lãm "
              "được dự đoán sẽ thu hút đông khách.",
              [(0, "Pháp", "france", "title"), (0, "Emmanuel Macron", "macron"), (0, "Ấn Độ", "india", "title"),
               (0, "Narendra Modi", "modi"), (0, "Paris", "paris")])
    assert ev.status == "occurred"


def test_before_clause_of_a_past_meeting_is_not_a_plan():
    ev = _one("Thủ tướng Ấn Độ Narendra Modi đã gặp Tổng thống Iran Hassan Rouhani một tuần trước khi cuộc bầu cử "
              "diễn ra.",
              [(0, "Ấn Độ", "india", "title"), (0, "Narendra Modi", "modi"), (0, "Iran", "iran", "title"),
               (0, "Hassan Rouhani", "rouhani")])
    assert ev.status == "occurred"
    ev = _one("Thủ tướng Ấn Độ Narendra Modi sẽ gặp Tổng thống Iran Hassan Rouhani trước khi cuộc bầu cử diễn ra.",
              [(0, "Ấn Độ", "india", "title"), (0, "Narendra Modi", "modi"), (0, "Iran", "iran", "title"),
               (0, "Hassan Rouhani", "rouhani")])
    assert ev.status == "planned"


def test_fronted_before_clause_takes_the_main_clause_tense():
    past = _one("Trước khi ông Sameh Shoukry tới Amman, báo chí Jordan đã đăng nhiều bài bình luận.",
                [(0, "Sameh Shoukry", "shoukry"), (0, "Amman", "amman")])
    future = _one("Trước khi ông Sameh Shoukry tới Amman, báo chí Jordan sẽ đăng nhiều bài bình luận.",
                  [(0, "Sameh Shoukry", "shoukry"), (0, "Amman", "amman")])
    assert past.status == "occurred" and future.status == "planned"


def test_one_auxiliary_for_a_list_of_verbs():
    doc = make(["Tổng thống Iran Hassan Rouhani sẽ hội đàm với Thủ tướng Ấn Độ Narendra Modi, hội kiến Quốc vương Jordan "
                "Abdullah."],
               [(0, "Iran", "iran", "title"), (0, "Hassan Rouhani", "rouhani"), (0, "Ấn Độ", "india", "title"),
                (0, "Narendra Modi", "modi"), (0, "Jordan", "jordan", "title"), (0, "Abdullah", "abdullah")])
    evs = run(doc)
    assert len(evs) == 2 and all(e.status == "planned" for e in evs)


def test_modal_of_an_earlier_clause_does_not_reach_a_subject_noun():
    ev = _one("Ấn Độ hy vọng có thể cải thiện quan hệ với Iran, tuy nhiên cuộc gặp giữa Thủ tướng Narendra Modi và "
              "Tổng thống Hassan Rouhani lại diễn ra giữa lúc căng thẳng.",
              [(0, "Ấn Độ", "india"), (0, "Iran", "iran"), (0, "Narendra Modi", "modi"),
               (0, "Hassan Rouhani", "rouhani")])
    assert ev.status == "occurred" and set(ev.actors) == {"modi", "rouhani"}
