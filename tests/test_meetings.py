"""Meetings and other diplomatic events on sentences written for these tests (other people, countries, places)."""

from __future__ import annotations

import re

from syriakg.loaders.extract import meetings
from syriakg.loaders.model import DateValue, Entity, Sentence, Span
from tests.extract_helpers import add_mention, doc_from_sentences

KINDS = {
    "iran": "country", "iraq": "country", "jordan": "country", "egypt": "country", "france": "country",
    "germany": "country", "china": "country", "india": "country", "qatar": "country", "usa": "country",
    "russia": "country", "turkey": "country", "israel": "country", "lebanon": "country", "uk": "country",
    "zarif": "person", "safadi": "person", "shoukry": "person", "le_drian": "person", "wang_yi": "person",
    "tillerson": "person", "macron": "person", "rouhani": "person", "merkel": "person", "modi": "person",
    "abdullah": "person", "sisi": "person", "mattis": "person", "isik": "person", "netanyahu": "person",
    "amman": "place", "cairo": "place", "baghdad": "place", "doha": "place", "paris": "place", "vienna": "place",
    "sochi": "place", "tel_aviv": "place", "geneva": "place", "moscow": "place", "beijing": "place", "tehran": "place", "new_delhi": "place", "astana": "place",
    "un": "organization", "arab_league": "organization", "reuters": "organization", "qasem": "person", "ismail": "person",
}


class FakeDates:
    """Resolves "ngày D/M", "hôm D/M", "D/M" (with the article year when given) and "tháng M tới"."""

    _RE = re.compile(r"(?:(?:ngày|hôm)\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?|tháng\s+(\d{1,2})\s+tới")

    def __init__(self, year: str | None = None) -> None:
        self.year = year

    def for_sentence(self, s: Sentence) -> list[DateValue]:
        out = []
        for m in self._RE.finditer(s.text):
            span = Span(s.begin + m.start(), s.begin + m.end())
            if m.group(4):
                if self.year:
                    out.append(DateValue(f"{self.year}-{int(m.group(4)):02d}", "gYearMonth", m.group(0), span))
                continue
            d, mo = int(m.group(1)), int(m.group(2))
            y = m.group(3) or self.year
            if y:
                out.append(DateValue(f"{y}-{mo:02d}-{d:02d}", "date", m.group(0), span))
            else:
                out.append(DateValue(f"--{mo:02d}-{d:02d}", "gMonthDay", m.group(0), span))
        return out

    def in_span(self, s: Sentence, span: Span) -> list[DateValue]:
        return [d for d in self.for_sentence(s) if d.span is not None and span.contains(d.span)]


def make(sentences: list[str], mentions: list[tuple[int, str, str] | tuple[int, str, str, str]],
         year: str | None = None, published: str | None = None):
    doc = doc_from_sentences(sentences, date=published)
    for m in mentions:
        i, surface, key = m[0], m[1], m[2]
        how = m[3] if len(m) > 3 else "name"  # type: ignore[misc]
        add_mention(doc, i, surface, key, how)
        doc.ex.entities.setdefault(key, Entity(key, KINDS.get(key, "organization"), surface))  # type: ignore[arg-type]
    doc.dates = FakeDates(year)
    return doc


def run(doc):
    meetings.component(doc)
    return doc.ex.events


# --- kinds and actors -----------------------------------------------------------------------------


def test_talks_between_two_named_ministers_with_place_and_date():
    doc = make(["Ngoại trưởng Iran Javad Zarif và người đồng cấp Jordan Ayman Safadi ngày 3/4 đã hội đàm tại Amman."],
               [(0, "Javad Zarif", "zarif"), (0, "Ayman Safadi", "safadi"), (0, "Amman", "amman")], year="2018")
    [ev] = run(doc)
    assert ev.kind == "talks" and ev.status == "occurred"
    assert set(ev.actors) == {"zarif", "safadi"}
    assert ev.place == "amman" and ev.date is not None and ev.date.value == "2018-04-03"
    assert ev.evidence == [0]


def test_phone_call_with_counterpart():
    doc = make(["Tổng thống Ai Cập Abdel Fattah al-Sisi đã điện đàm với Quốc vương Jordan Abdullah II."],
               [(0, "Abdel Fattah al-Sisi", "sisi"), (0, "Abdullah II", "abdullah")])
    [ev] = run(doc)
    assert ev.kind == "phone_call" and set(ev.actors) == {"sisi", "abdullah"} and ev.status == "occurred"


def test_negotiation_between_countries_coordinated_subject():
    doc = make(["Iraq và Jordan đã tiến hành ba vòng đàm phán về an ninh biên giới nhưng không đạt thỏa thuận."],
               [(0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    [ev] = run(doc)
    assert ev.kind == "negotiation" and set(ev.actors) == {"iraq", "jordan"}
    assert ev.status == "occurred"
    assert ev.topic and ev.topic.startswith("an ninh biên giới")


def test_meeting_giua_list_of_countries_summit_of_leaders():
    doc = make(["Ông Macron đề xuất một cuộc gặp 3 bên giữa lãnh đạo các nước Pháp, Đức và Anh vào tháng 5 tới."],
               [(0, "Macron", "macron"), (0, "Pháp", "france"), (0, "Đức", "germany"), (0, "Anh", "uk")],
               year="2019")
    [ev] = run(doc)
    assert ev.kind == "summit"
    assert {"france", "germany", "uk"} <= set(ev.actors)
    assert ev.status == "proposed"
    assert ev.date is not None and ev.date.value == "2019-05"


def test_three_party_meeting_of_ministers_is_a_meeting_not_a_summit():
    doc = make(["Ngày 2/3, Iran cho biết sẽ tổ chức cuộc họp 3 bên với Iraq và Jordan vào tháng 4 tới."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Jordan", "jordan")])
    [ev] = run(doc)
    assert ev.kind == "meeting" and ev.status == "planned"
    assert set(ev.actors) == {"iran", "iraq", "jordan"}
    # the frame date is when it was said, not when the meeting is
    assert ev.date is None or ev.date.value != "--03-02"


def test_delegation_travel_with_purpose_is_one_negotiation():
    doc = make(["Ngày 4/6, Tổng thống Ai Cập Sisi thông báo một phái đoàn Iraq sẽ đến Jordan ngày 9/6 để nối lại các "
                "cuộc đàm phán về tình hình tại Amman."],
               [(0, "Sisi", "sisi"), (0, "Iraq", "iraq"), (0, "Jordan", "jordan"), (0, "Amman", "amman")])
    [ev] = run(doc)
    assert ev.kind == "negotiation" and ev.status == "planned"
    assert set(ev.actors) == {"iraq", "jordan"}
    assert ev.place == "jordan"  # the destination, not the topic's place
    assert ev.date is not None and ev.date.value == "--06-09"


def test_visit_by_person_to_city_is_planned_when_awaited():
    doc = make(["Ông Shoukry cho biết Thủ tướng Ấn Độ Modi đang chờ Quốc vương Abdullah tới thăm New Delhi."],
               [(0, "Shoukry", "shoukry"), (0, "Modi", "modi"), (0, "Abdullah", "abdullah"),
                (0, "New Delhi", "new_delhi")])
    evs = run(doc)
    [ev] = [e for e in evs if e.kind == "visit"]
    assert ev.actors == ["abdullah"] and ev.place == "new_delhi" and ev.status == "planned"


def test_visit_to_country_makes_the_country_an_actor():
    doc = make(["Tổng thống Pháp Emmanuel Macron đã thăm Iraq hôm 2/9."],
               [(0, "Emmanuel Macron", "macron"), (0, "Iraq", "iraq")])
    [ev] = run(doc)
    assert ev.kind == "visit" and set(ev.actors) == {"macron", "iraq"} and ev.place == "iraq"


def test_travel_to_place_with_meeting_purpose_is_a_possible_meeting():
    doc = make(["Ông Rouhani cho biết Thủ tướng Đức Angela Merkel có thể đến Iran vào tuần tới để tiến hành "
                "một cuộc gặp song phương giữa hai nhà lãnh đạo."],
               [(0, "Rouhani", "rouhani"), (0, "Angela Merkel", "merkel"), (0, "Iran", "iran")])
    [ev] = run(doc)
    assert ev.kind == "meeting" and ev.status == "possible"
    assert set(ev.actors) == {"merkel", "rouhani"}
    assert ev.place == "iran"


# --- generic mentions and non-events --------------------------------------------------------------


def test_generic_peace_process_is_not_an_event():
    doc = make(["Các nỗ lực nhằm thúc đẩy tiến trình đàm phán hòa bình cho Yemen vẫn chưa mang lại kết quả."], [])
    assert run(doc) == []


def test_peace_talks_without_actors_time_or_place_is_not_an_event():
    doc = make(["Iraq kêu gọi nối lại đàm phán hòa bình."], [(0, "Iraq", "iraq")])
    assert run(doc) == []


def test_press_conference_and_difficulties_are_not_meetings():
    doc = make(["Phát biểu tại cuộc họp báo ở Amman, ông Safadi nói Jordan gặp nhiều khó khăn."],
               [(0, "Amman", "amman"), (0, "Safadi", "safadi"), (0, "Jordan", "jordan")])
    assert run(doc) == []


def test_purpose_phrase_trigger_is_absorbed():
    doc = make(["Ông Zarif và ông Safadi ngày 5/5 đã bắt đầu cuộc hội đàm tại Vienna để tìm cách nối lại cuộc "
                "đàm phán hòa bình cho khu vực."],
               [(0, "Zarif", "zarif"), (0, "Safadi", "safadi"), (0, "Vienna", "vienna")])
    [ev] = run(doc)
    assert ev.kind == "talks" and ev.place == "vienna"


def test_single_actor_meeting_is_dropped():
    doc = make(["Tổng thống Rouhani đã có cuộc họp kéo dài hai giờ."], [(0, "Rouhani", "rouhani")])
    assert run(doc) == []


def test_counterpart_country_is_not_an_actor():
    doc = make(["Ông Zarif đã hội đàm với người đồng cấp Pháp tại Paris."],
               [(0, "Zarif", "zarif"), (0, "Pháp", "france"), (0, "Paris", "paris")])
    # the counterpart is a person the actors component did not resolve: no country stands in for him
    assert all("france" not in ev.actors for ev in run(doc))


# --- status ----------------------------------------------------------------------------------------


def test_future_marker_planned_vs_past_marker_occurred():
    planned = make(["Ngoại trưởng Trung Quốc Vương Nghị sẽ hội đàm với ông Tillerson tại Bắc Kinh."],
                   [(0, "Vương Nghị", "wang_yi"), (0, "Tillerson", "tillerson"), (0, "Bắc Kinh", "beijing")])
    occurred = make(["Ngoại trưởng Trung Quốc Vương Nghị vừa hội đàm với ông Tillerson tại Bắc Kinh."],
                    [(0, "Vương Nghị", "wang_yi"), (0, "Tillerson", "tillerson"), (0, "Bắc Kinh", "beijing")])
    assert [e.status for e in run(planned)] == ["planned"]
    assert [e.status for e in run(occurred)] == ["occurred"]


def test_future_date_relative_to_article_date_is_planned():
    doc = make(["Ông Zarif và ông Safadi hội đàm tại Amman ngày 20/3."],
               [(0, "Zarif", "zarif"), (0, "Safadi", "safadi"), (0, "Amman", "amman")],
               year="2019", published="2019-03-10")
    [ev] = run(doc)
    assert ev.status == "planned"


def test_possible_vs_planned():
    doc = make(["Ông Merkel có thể sẽ gặp ông Modi tại New Delhi."],
               [(0, "Merkel", "merkel"), (0, "Modi", "modi"), (0, "New Delhi", "new_delhi")])
    assert [e.status for e in run(doc)] == ["possible"]


def test_cancelled_and_postponed():
    doc = make(["Cuộc gặp giữa ông Rouhani và ông Macron tại Paris đã bị hủy."],
               [(0, "Rouhani", "rouhani"), (0, "Macron", "macron"), (0, "Paris", "paris")])
    assert [e.status for e in run(doc)] == ["cancelled"]
    doc2 = make(["Cuộc gặp giữa ông Rouhani và ông Macron đã bị hoãn sang ngày 3/5."],
                [(0, "Rouhani", "rouhani"), (0, "Macron", "macron")])
    assert [e.status for e in run(doc2)] == ["planned"]


def test_announced_then_unconfirmed_in_next_sentence_is_possible():
    doc = make(["Ông Safadi cho biết Thủ tướng Israel Netanyahu sẽ tới Jordan vào ngày 7/7 tới.",
                "Hiện Israel chưa xác nhận thông tin ông Netanyahu tới Jordan."],
               [(0, "Safadi", "safadi"), (0, "Netanyahu", "netanyahu"), (0, "Jordan", "jordan"),
                (1, "Israel", "israel"), (1, "Netanyahu", "netanyahu"), (1, "Jordan", "jordan")])
    [ev] = run(doc)
    assert ev.kind == "visit" and ev.status == "possible" and ev.evidence == [0, 1]


def test_meeting_then_denied():
    doc = make(["Báo chí đưa tin ông Modi đã gặp ông Rouhani tại Tehran.",
                "Văn phòng ông Modi sau đó phủ nhận thông tin về cuộc gặp này."],
               [(0, "Modi", "modi"), (0, "Rouhani", "rouhani"), (0, "Tehran", "tehran"), (1, "Modi", "modi")])
    [ev] = run(doc)
    assert ev.status == "denied" and ev.evidence == [0, 1]


# --- merging and back-references -------------------------------------------------------------------


def test_later_mentions_merge_into_one_event():
    doc = make(["Ngoại trưởng Ai Cập Sameh Shoukry đã có cuộc gặp với người đồng cấp Pháp Jean-Yves Le Drian tại Cairo.",
                "Tại cuộc gặp mặt giữa hai ngoại trưởng, phía Ai Cập tuyên bố ủng hộ sáng kiến của Pháp.",
                "Cuộc gặp kéo dài hơn hai giờ."],
               [(0, "Sameh Shoukry", "shoukry"), (0, "Jean-Yves Le Drian", "le_drian"), (0, "Cairo", "cairo"),
                (1, "hai ngoại trưởng", "shoukry", "anaphor"), (1, "hai ngoại trưởng", "le_drian", "anaphor"),
                (1, "Ai Cập", "egypt"), (1, "Pháp", "france")])
    [ev] = run(doc)
    assert ev.evidence == [0, 1, 2] and set(ev.actors) == {"shoukry", "le_drian"} and ev.place == "cairo"


def test_bare_reference_without_antecedent_is_dropped():
    doc = make(["Cuộc họp kéo dài ba giờ."], [])
    assert run(doc) == []


def test_planned_round_and_held_rounds_are_two_events():
    doc = make(["Một phái đoàn Iran sẽ đến Iraq ngày 3/3 để nối lại các cuộc đàm phán.",
                "Baghdad và Tehran đã tiến hành hai vòng đàm phán nhưng không đạt thỏa thuận."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (1, "Baghdad", "iraq", "metonym"),
                (1, "Tehran", "iran", "metonym")])
    evs = run(doc)
    assert sorted(e.status for e in evs) == ["occurred", "planned"]


def test_plural_anaphor_fallback_uses_named_pair():
    doc = make(["Washington và Tehran cũng cam kết thúc đẩy đối thoại.",
                "Các chuyên gia của hai nước sẽ gặp nhau ở Vienna trong tuần tới."],
               [(0, "Washington", "usa", "metonym"), (0, "Tehran", "iran", "metonym"), (1, "Vienna", "vienna")])
    [ev] = run(doc)
    assert ev.kind == "meeting" and set(ev.actors) == {"usa", "iran"} and ev.status == "planned"
    assert ev.place == "vienna"


def test_alternative_places_do_not_set_a_place():
    doc = make(["Ông Rouhani và ông Sisi có thể gặp nhau tại Doha hoặc ở Cairo."],
               [(0, "Rouhani", "rouhani"), (0, "Sisi", "sisi"), (0, "Doha", "doha"), (0, "Cairo", "cairo")])
    [ev] = run(doc)
    assert ev.place is None and ev.status == "possible"


def test_occurred_event_without_date_takes_the_lead_date():
    doc = make(["Iran và Iraq ngày 12/10 nhất trí tăng cường hợp tác.",
                "Thông báo trên được đưa ra sau cuộc họp giữa các bộ trưởng Iran và Iraq tại Baghdad."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (1, "Iran", "iran"), (1, "Iraq", "iraq"),
                (1, "Baghdad", "baghdad")])
    [ev] = run(doc)
    assert ev.date is not None and ev.date.value == "--10-12" and ev.place == "baghdad"


def test_background_event_does_not_take_the_lead_date():
    doc = make(["Iran và Iraq ngày 12/10 nhất trí tăng cường hợp tác.",
                "Trước đây, Iran và Iraq từng tổ chức nhiều cuộc họp tại Baghdad."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (1, "Iran", "iran"), (1, "Iraq", "iraq"),
                (1, "Baghdad", "baghdad")])
    [ev] = run(doc)
    assert ev.date is None


def test_visit_needs_a_visitor_besides_the_country_visited():
    doc = make(["Sau chuyến thăm Iraq, phái đoàn cho biết tình hình đã cải thiện."], [(0, "Iraq", "iraq")])
    assert run(doc) == []


def test_meeting_with_named_partners_only_needs_the_other_party():
    doc = make(["Trong chuyến đi, đoàn đã tham gia các cuộc họp với Tổng thống Rouhani và Ngoại trưởng Zarif."],
               [(0, "Rouhani", "rouhani"), (0, "Zarif", "zarif")])
    # Rouhani and Zarif met the delegation, not each other
    assert all(set(ev.actors) != {"rouhani", "zarif"} for ev in run(doc))


def test_partner_after_voi_joins_the_clause_subject():
    doc = make(["Tuần qua, Tổng thống Macron đã bày tỏ thiện chí với Tổng thống Rouhani trong cuộc hội đàm tại Paris "
                "ngày 29/5."],
               [(0, "Macron", "macron"), (0, "Rouhani", "rouhani"), (0, "Paris", "paris")])
    [ev] = run(doc)
    assert ev.kind == "talks" and set(ev.actors) == {"macron", "rouhani"} and ev.place == "paris"


def test_proposal_of_something_else_does_not_make_the_meeting_proposed():
    doc = make(["Ông Zarif đã gặp ông Safadi tại Amman để thảo luận kế hoạch do Iraq đề xuất."],
               [(0, "Zarif", "zarif"), (0, "Safadi", "safadi"), (0, "Amman", "amman"), (0, "Iraq", "iraq")])
    [ev] = run(doc)
    assert ev.status == "occurred"


def test_modal_of_another_verb_does_not_change_the_status():
    doc = make(["Ông Modi đã gặp ông Rouhani tại Tehran hôm 3/3.",
                "Ông Modi hiểu rằng mình chỉ có thể đóng vai trò trung gian khi gặp ông Rouhani.",
                "Cuộc gặp có thể định hình quan hệ hai nước."],
               [(0, "Modi", "modi"), (0, "Rouhani", "rouhani"), (0, "Tehran", "tehran"), (1, "Modi", "modi"),
                (1, "Rouhani", "rouhani")])
    [ev] = run(doc)
    assert ev.status == "occurred"
