"""Meetings: participation promises, fronted event phrases, agreement content, joint work, delegations.

Sentences written for these tests (other people, countries, places and dates than any article).
"""

from __future__ import annotations

from tests.extract_helpers import add_mention
from tests.test_meetings import make, run


def _summary(evs):
    return [(e.kind, e.status, sorted(e.actors), e.place) for e in evs]


# --- promises to take part ------------------------------------------------------------------------


def test_countries_confirming_they_will_take_part_are_participants_of_a_planned_round():
    doc = make(["Iraq, Jordan và Ai Cập đã xác nhận tham gia vòng đàm phán tới."],
               [(0, "Iraq", "iraq"), (0, "Jordan", "jordan"), (0, "Ai Cập", "egypt")])
    [ev] = run(doc)
    assert ev.kind == "negotiation" and ev.status == "planned"
    assert set(ev.actors) == {"iraq", "jordan", "egypt"}


def test_promise_to_attend_joins_the_round_announced_before():
    doc = make(["Vòng hòa đàm mới sẽ diễn ra tại Vienna ngày 20/6.",
                "Qatar và Liban cam kết sẽ tham dự vòng hòa đàm này."],
               [(0, "Vienna", "vienna"), (1, "Qatar", "qatar"), (1, "Liban", "lebanon")], year="2018")
    [ev] = run(doc)
    assert ev.status == "planned" and ev.place == "vienna" and {"qatar", "lebanon"} <= set(ev.actors)
    assert ev.evidence == [0, 1]


def test_bare_toi_after_an_event_noun_is_the_next_one():
    doc = make(["Pháp và Đức sẽ cử đại diện tới cuộc họp tới tại Geneva."],
               [(0, "Pháp", "france"), (0, "Đức", "germany"), (0, "Geneva", "geneva")])
    evs = run(doc)
    assert all(e.status == "planned" for e in evs)


def test_having_taken_part_is_not_a_promise():
    doc = make(["Iraq và Jordan đã tham gia cuộc họp tại Amman hôm 2/5."],
               [(0, "Iraq", "iraq"), (0, "Jordan", "jordan"), (0, "Amman", "amman")], year="2018",
               published="2018-05-04")
    [ev] = run(doc)
    assert ev.status == "occurred" and set(ev.actors) == {"iraq", "jordan"}


# --- fronted event phrase, participants in the main clause ----------------------------------------


def test_fronted_talks_take_the_coordinated_main_subject():
    doc = make(["Trong cuộc hội đàm tại New Delhi, Thủ tướng Narendra Modi và người đồng cấp Pháp "
                "Emmanuel Macron đã nhất trí tăng cường hợp tác quốc phòng."],
               [(0, "New Delhi", "new_delhi"), (0, "Narendra Modi", "modi"), (0, "Pháp", "france", "title"),
                (0, "Emmanuel Macron", "macron")])
    [ev] = run(doc)
    assert ev.kind == "talks" and set(ev.actors) == {"modi", "macron"} and ev.place == "new_delhi"
    assert "france" not in ev.actors


def test_fronted_talks_on_the_sidelines_are_not_the_round_told_before():
    doc = make(["Vòng đàm phán về Yemen sẽ diễn ra tại Vienna ngày 14/3.",
                "Trong cuộc hội đàm bên lề hội nghị G20, ông Modi và ông Macron đã nhất trí tăng cường hợp tác."],
               [(0, "Vienna", "vienna"), (1, "Modi", "modi"), (1, "Macron", "macron")], year="2018")
    evs = run(doc)
    assert len(evs) == 2
    talks = [e for e in evs if e.kind == "talks"]
    assert len(talks) == 1 and set(talks[0].actors) == {"modi", "macron"} and talks[0].evidence == [1]


def test_fronted_reference_with_other_persons_does_not_merge_into_earlier_talks():
    doc = make(["Ông Zarif đã hội đàm với ông Safadi tại Amman.",
                "Trong cuộc hội đàm, ông Modi và ông Macron nhất trí tăng cường hợp tác."],
               [(0, "Zarif", "zarif"), (0, "Safadi", "safadi"), (0, "Amman", "amman"), (1, "Modi", "modi"),
                (1, "Macron", "macron")])
    evs = run(doc)
    assert sorted(sorted(e.actors) for e in evs) == [["macron", "modi"], ["safadi", "zarif"]]


def test_fronted_reference_with_the_same_persons_merges():
    doc = make(["Ông Zarif đã hội đàm với ông Safadi tại Amman.",
                "Trong cuộc hội đàm, ông Zarif và ông Safadi nhất trí tăng cường hợp tác."],
               [(0, "Zarif", "zarif"), (0, "Safadi", "safadi"), (0, "Amman", "amman"), (1, "Zarif", "zarif"),
                (1, "Safadi", "safadi")])
    [ev] = run(doc)
    assert ev.evidence == [0, 1]


# --- what the parties agreed is not the event -----------------------------------------------------


def test_agreement_content_does_not_make_a_call_planned_nor_place_it():
    doc = make(["Tại cuộc điện đàm giữa Tổng thống Emmanuel Macron và Thủ tướng Narendra Modi, hai bên đã nhất trí "
                "sẽ tăng cường hợp tác chống khủng bố tại Ấn Độ."],
               [(0, "Emmanuel Macron", "macron"), (0, "Narendra Modi", "modi"), (0, "Ấn Độ", "india")])
    [ev] = run(doc)
    assert ev.kind == "phone_call" and ev.status == "occurred" and set(ev.actors) == {"macron", "modi"}
    assert ev.place is None


def test_agreeing_to_meet_stays_planned():
    doc = make(["Ông Macron và ông Modi đã nhất trí sẽ gặp nhau tại Paris."],
               [(0, "Macron", "macron"), (0, "Modi", "modi"), (0, "Paris", "paris")])
    [ev] = run(doc)
    assert ev.status == "planned" and ev.place == "paris"


# --- two persons visiting ---------------------------------------------------------------------------


def test_two_ministers_who_went_to_visit_a_city():
    doc = make(["Ngoại trưởng Jordan Ayman Safadi và Bộ trưởng Quốc phòng Jordan Ali Qasem đã đến thăm Cairo."],
               [(0, "Jordan", "jordan", "title"), (0, "Ayman Safadi", "safadi"), (0, "Ali Qasem", "qasem"),
                (0, "Cairo", "cairo")])
    add_mention(doc, 0, "Jordan", "jordan", "title", nth=1)
    [ev] = run(doc)
    assert ev.kind == "visit" and {"safadi", "qasem"} <= set(ev.actors) and ev.place == "cairo"


def test_an_official_of_a_country_going_to_visit_is_not_the_country():
    doc = make(["Ông là quan chức cấp cao nhất của Iran đến thăm Baghdad trong nhiều năm."],
               [(0, "Iran", "iran"), (0, "Baghdad", "baghdad")])
    assert run(doc) == []


def test_attendees_named_later_join_the_meeting_whoever_they_are():
    doc = make(["Ông Zarif đã có cuộc họp với ông Safadi tại Amman.",
                "Cuộc họp cũng có sự tham dự của ông Modi và ông Macron."],
               [(0, "Zarif", "zarif"), (0, "Safadi", "safadi"), (0, "Amman", "amman"), (1, "Modi", "modi"),
                (1, "Macron", "macron")])
    [ev] = run(doc)
    assert set(ev.actors) == {"zarif", "safadi", "modi", "macron"} and ev.evidence == [0, 1]


# --- joint work with a counterpart ------------------------------------------------------------------


def test_joint_review_with_a_counterpart_is_a_meeting_of_the_two():
    doc = make(["Ông Zarif đã cùng người đồng cấp Jordan Ayman Safadi rà soát các vấn đề song phương tại Amman."],
               [(0, "Zarif", "zarif"), (0, "Jordan", "jordan", "title"), (0, "Ayman Safadi", "safadi"),
                (0, "Amman", "amman")])
    [ev] = run(doc)
    assert ev.kind == "meeting" and ev.status == "occurred" and set(ev.actors) == {"zarif", "safadi"}
    assert ev.place == "amman"


def test_joint_discussion_subject_from_the_previous_sentence():
    doc = make(["Thủ tướng Narendra Modi tới Paris hôm 3/4.",
                "Tại đây, ông sẽ cùng Tổng thống Emmanuel Macron thảo luận về hợp tác quốc phòng."],
               [(0, "Narendra Modi", "modi"), (0, "Paris", "paris"), (1, "Emmanuel Macron", "macron")], year="2018")
    evs = [e for e in run(doc) if e.kind == "meeting"]
    assert len(evs) == 1 and set(evs[0].actors) == {"modi", "macron"} and evs[0].status == "planned"


def test_joint_policy_review_of_countries_is_no_meeting():
    doc = make(["Pháp đã cùng các đồng minh châu Âu xem xét các biện pháp trừng phạt mới đối với Iran."],
               [(0, "Pháp", "france"), (0, "Iran", "iran")])
    assert run(doc) == []


def test_joint_work_with_oneself_or_nobody_named_is_no_meeting():
    doc = make(["Ông Zarif đã cùng các cố vấn thảo luận về kế hoạch mới."], [(0, "Zarif", "zarif")])
    assert run(doc) == []


# --- long modifiers, unnamed sides, enumerated counterparts, heads of organisations ---------------


def test_duration_between_the_event_noun_and_its_parties():
    doc = make(["Cuộc đàm phán kéo dài ba ngày giữa Ấn Độ và Trung Quốc tại Bắc Kinh đã kết thúc."],
               [(0, "Ấn Độ", "india"), (0, "Trung Quốc", "china"), (0, "Bắc Kinh", "beijing")])
    [ev] = run(doc)
    assert ev.kind == "negotiation" and set(ev.actors) == {"india", "china"} and ev.place == "beijing"
    assert ev.status == "occurred"


def test_talks_of_a_named_government_with_unnamed_groups_at_a_venue():
    doc = make(["Cuộc đàm phán hòa bình kéo dài 2 ngày giữa chính phủ Iraq và các nhóm vũ trang tại Doha đã kết thúc."],
               [(0, "Iraq", "iraq"), (0, "Doha", "doha")])
    [ev] = run(doc)
    assert ev.actors == ["iraq"] and ev.place == "doha"


def test_one_named_side_without_place_or_date_is_not_enough():
    doc = make(["Qatar ủng hộ đàm phán giữa chính phủ Iraq và các nhóm vũ trang."], [(0, "Qatar", "qatar"),
                                                                                   (0, "Iraq", "iraq")])
    assert run(doc) == []


def test_counterparts_enumerated_with_la():
    doc = make(["Ông Wang Yi đã hội đàm với hai người đồng cấp Ấn Độ là Sushma Swaraj và Pháp là Jean Dupont."],
               [(0, "Wang Yi", "wang_yi"), (0, "hai người", "modi", "anaphor"), (0, "Ấn Độ", "india", "title"),
                (0, "Sushma Swaraj", "swaraj"), (0, "Pháp", "france", "title"), (0, "Jean Dupont", "dupont")])
    doc.ex.entities["swaraj"] = doc.ex.entities["dupont"] = doc.ex.entities["wang_yi"]
    [ev] = run(doc)
    assert set(ev.actors) == {"wang_yi", "swaraj", "dupont"}


def test_head_of_an_organisation_with_its_acronym():
    doc = make(["Ông Zarif nói trong cuộc gặp với Tổng thư ký Liên đoàn Arab (AL) Ahmed Ismail ở thủ đô Cairo."],
               [(0, "Zarif", "zarif"), (0, "Liên đoàn Arab", "arab_league"), (0, "AL", "arab_league", "acronym"),
                (0, "Ahmed Ismail", "ismail"), (0, "thủ đô Cairo", "cairo")])
    [ev] = run(doc)
    assert {"zarif", "ismail"} <= set(ev.actors) and ev.place == "cairo"


def test_a_named_summit_on_whose_sidelines_talks_took_place_is_no_reference():
    doc = make(["Ông Zarif đã cùng người đồng cấp Jordan Ayman Safadi rà soát các vấn đề song phương.",
                "Bên lề Hội nghị thượng đỉnh G20, Thủ tướng Modi và Tổng thống Macron đã hội đàm."],
               [(0, "Zarif", "zarif"), (0, "Jordan", "jordan", "title"), (0, "Ayman Safadi", "safadi"),
                (1, "Modi", "modi"), (1, "Macron", "macron")])
    evs = run(doc)
    assert [e.evidence for e in evs] == [[0], [1]]


# --- delegations joining talks, the next round, hyphenated pairs -----------------------------------


def test_delegation_joining_the_negotiation_process():
    doc = make(["Hồi tháng 1, một phái đoàn từ Baghdad và đại diện các nhóm vũ trang đã lần đầu tham gia tiến trình "
                "đàm phán tại Doha."],
               [(0, "Baghdad", "baghdad"), (0, "Doha", "doha")])
    doc.ex.entities["iraq"] = doc.ex.entities["baghdad"].__class__("iraq", "country", "Iraq")
    [ev] = run(doc)
    assert ev.kind == "negotiation" and ev.actors == ["iraq"] and ev.place == "doha" and ev.status == "occurred"


def test_a_group_with_representatives_in_the_process_is_no_event():
    doc = make(["Phiến quân đã bao vây văn phòng của một nhóm đang có đại diện tham gia tiến trình đàm phán ở Doha."],
               [(0, "Doha", "doha")])
    assert run(doc) == []


def test_supporting_the_process_is_no_event():
    doc = make(["Qatar ủng hộ tiến trình đàm phán tại Doha."], [(0, "Qatar", "qatar"), (0, "Doha", "doha")])
    assert run(doc) == []


def test_agenda_of_the_next_round_at_a_venue_is_a_planned_event():
    doc = make(["Đặc phái viên đã công bố chương trình nghị sự của cuộc đàm phán tiếp theo ở Vienna."],
               [(0, "Vienna", "vienna")])
    [ev] = run(doc)
    assert ev.kind == "negotiation" and ev.status == "planned" and ev.place == "vienna" and ev.actors == []


def test_next_round_without_a_venue_is_not_enough():
    doc = make(["Đặc phái viên đã công bố chương trình nghị sự của cuộc đàm phán tiếp theo."], [])
    assert run(doc) == []


def test_the_following_round_told_as_done_stays_occurred():
    doc = make(["Vòng đàm phán tiếp theo giữa Iran và Iraq đã diễn ra tại Vienna."],
               [(0, "Iran", "iran"), (0, "Iraq", "iraq"), (0, "Vienna", "vienna")])
    [ev] = run(doc)
    assert ev.status == "occurred"


def test_militaries_of_a_hyphenated_pair_stepping_up_calls():
    doc = make(["Trong năm qua, quân đội hai nước Pháp-Đức đã tăng cường số cuộc điện đàm."],
               [(0, "Pháp", "france"), (0, "Đức", "germany")])
    [ev] = run(doc)
    assert ev.kind == "phone_call" and set(ev.actors) == {"france", "germany"} and ev.status == "occurred"


def test_since_clause_gives_neither_place_nor_date():
    doc = make(["Bộ Ngoại giao Qatar ngày 5/4 ra thông cáo.",
                "Iran và Iraq đã hội đàm lần đầu kể từ khi chiến tranh ở Lebanon bùng phát ngày 3/4."],
               [(1, "Iran", "iran"), (1, "Iraq", "iraq"), (1, "Lebanon", "lebanon")], year="2018")
    [ev] = run(doc)
    assert ev.place is None and (ev.date is None or ev.date.value != "2018-04-03")


# --- a body meeting, and the main clause after a bare fronted reference -----------------------------


def test_a_body_meeting_at_a_venue_on_a_date_is_an_event():
    doc = make(["Hội đồng Liên đoàn Arab đã nhóm họp tại Cairo hôm 2/5 để thảo luận về Yemen."],
               [(0, "Hội đồng Liên đoàn Arab", "arab_league"), (0, "Cairo", "cairo")], year="2018")
    [ev] = run(doc)
    assert ev.kind == "meeting" and ev.actors == ["arab_league"] and ev.place == "cairo"


def test_a_body_meeting_with_neither_venue_nor_date_is_not_enough():
    doc = make(["Liên đoàn Arab sẽ họp."], [(0, "Liên đoàn Arab", "arab_league")])
    assert run(doc) == []


def test_bare_fronted_reference_merges_and_its_main_subject_joins():
    doc = make(["Hội đồng Liên đoàn Arab đã nhóm họp tại Cairo hôm 2/5.",
                "Tại cuộc họp, Qatar và Ai Cập vẫn giữ quan điểm khác nhau về Yemen."],
               [(0, "Hội đồng Liên đoàn Arab", "arab_league"), (0, "Cairo", "cairo"), (1, "Qatar", "qatar"),
                (1, "Ai Cập", "egypt")], year="2018")
    [ev] = run(doc)
    assert ev.evidence == [0, 1] and {"qatar", "egypt"} <= set(ev.actors) and ev.status == "occurred"


# --- given to someone at a meeting, appositive "người có cuộc gặp", "diễn ra" after the noun ----------


def test_giver_and_recipients_of_something_at_a_meeting():
    doc = make(["Tổng thống Emmanuel Macron đã trao thư của mình cho Ngoại trưởng Iran Javad Zarif và Đại sứ Iran tại "
                "Pháp Ali Qasem trong một cuộc gặp ở Paris hồi tuần trước."],
               [(0, "Emmanuel Macron", "macron"), (0, "Iran", "iran", "title"), (0, "Javad Zarif", "zarif"),
                (0, "Ali Qasem", "qasem"), (0, "Paris", "paris")])
    from tests.extract_helpers import add_mention as am
    am(doc, 0, "Iran", "iran", "title", nth=1)
    am(doc, 0, "Pháp", "france", "title")
    [ev] = run(doc)
    assert set(ev.actors) == {"macron", "zarif", "qasem"} and ev.place == "paris"


def test_something_for_a_country_at_a_meeting_is_no_recipient():
    doc = make(["Ông Macron đã hỏi ông Zarif về thuế quan tốt hay xấu cho nền kinh tế Iran trong một cuộc gọi điện."],
               [(0, "Macron", "macron"), (0, "Zarif", "zarif"), (0, "Iran", "iran")])
    assert all("iran" not in e.actors for e in run(doc))


def test_appositive_person_who_had_a_meeting():
    doc = make(["Tổng thống Macron, người có cuộc gặp với Ngoại trưởng Iran Javad Zarif tại Paris ngày 10/5, đã phản "
                "bác các chỉ trích."],
               [(0, "Macron", "macron"), (0, "Iran", "iran", "title"), (0, "Javad Zarif", "zarif"),
                (0, "Paris", "paris")], year="2018")
    [ev] = run(doc)
    assert set(ev.actors) == {"macron", "zarif"} and ev.place == "paris" and ev.date.value == "2018-05-10"


def test_meeting_noun_followed_by_dien_ra_is_a_meeting():
    doc = make(["Cuộc gặp giữa ông Modi và ông Macron diễn ra tại Paris hôm qua."],
               [(0, "Modi", "modi"), (0, "Macron", "macron"), (0, "Paris", "paris")])
    [ev] = run(doc)
    assert set(ev.actors) == {"modi", "macron"} and ev.place == "paris"


def test_tiep_compounds_are_no_reception():
    doc = make(["Ông Modi tiếp tục chỉ trích ông Macron tại Paris."],
               [(0, "Modi", "modi"), (0, "Macron", "macron"), (0, "Paris", "paris")])
    assert run(doc) == []


def test_where_an_ambassador_is_posted_is_not_the_venue():
    doc = make(["Ông Zarif đã gặp Đại sứ Pháp tại Iraq Jean Dupont hôm 3/4."],
               [(0, "Zarif", "zarif"), (0, "Pháp", "france", "title"), (0, "Iraq", "iraq"), (0, "Jean Dupont", "dupont")],
               year="2018")
    doc.ex.entities["dupont"] = doc.ex.entities["zarif"].__class__("dupont", "person", "Jean Dupont")
    [ev] = run(doc)
    assert ev.place is None and "dupont" in ev.actors


# --- the occasion of a meeting, long modifiers before "giữa" ------------------------------------------


def test_the_summit_on_whose_sidelines_two_leaders_meet_is_neither_event_nor_party():
    doc = make(["Ông Modi và ông Macron sẽ gặp nhau bên lề Hội nghị thượng đỉnh G20 ở Paris."],
               [(0, "Modi", "modi"), (0, "Macron", "macron"), (0, "G20", "g20"), (0, "Paris", "paris")])
    [ev] = run(doc)
    assert set(ev.actors) == {"modi", "macron"} and ev.status == "planned"


def test_modifiers_between_the_meeting_noun_and_its_parties():
    doc = make(["Cuộc gặp đầu tiên và rất được chờ đợi giữa ông Modi và ông Macron diễn ra tại Paris."],
               [(0, "Modi", "modi"), (0, "Macron", "macron"), (0, "Paris", "paris")])
    [ev] = run(doc)
    assert set(ev.actors) == {"modi", "macron"} and ev.status == "occurred"


def test_a_cancelled_planned_meeting_is_cancelled():
    doc = make(["Iran đã bất ngờ hủy cuộc gặp được lên kế hoạch giữa ông Zarif và ông Safadi."],
               [(0, "Iran", "iran"), (0, "Zarif", "zarif"), (0, "Safadi", "safadi")])
    [ev] = run(doc)
    assert ev.status == "cancelled" and {"zarif", "safadi"} <= set(ev.actors)


def test_mid_month_is_no_party_list():
    doc = make(["Cuộc họp sẽ diễn ra giữa tháng 3 tại Vienna, Iran và Iraq cho biết."],
               [(0, "Vienna", "vienna"), (0, "Iran", "iran"), (0, "Iraq", "iraq")])
    assert all("vienna" not in e.actors for e in run(doc))


def test_dates_of_the_main_clause_after_a_bare_fronted_reference_are_not_the_meetings():
    doc = make(["Ông Zarif đã hội đàm với ông Safadi tại Amman ngày 3/4.",
                "Sau cuộc gặp, ông Zarif và ông Safadi đã ký kế hoạch hợp tác năm 2019."],
               [(0, "Zarif", "zarif"), (0, "Safadi", "safadi"), (0, "Amman", "amman"), (1, "Zarif", "zarif"),
                (1, "Safadi", "safadi")], year="2018")
    [ev] = run(doc)
    assert ev.evidence == [0, 1] and ev.date.value == "2018-04-03"


def test_speaking_at_a_meeting_dates_it_on_the_frames_day():
    doc = make(["Bài viết về Iraq.", "Ông Zarif hôm 10/5 cho biết tại cuộc gặp với ông Safadi rằng Iran ủng hộ Iraq."],
               [(1, "Zarif", "zarif"), (1, "Safadi", "safadi"), (1, "Iran", "iran"), (1, "Iraq", "iraq")], year="2018")
    [ev] = run(doc)
    assert set(ev.actors) == {"zarif", "safadi"} and ev.date is not None and ev.date.value == "2018-05-10"


def test_visit_owned_by_a_role_description_mentioned_by_a_third_party():
    doc = make(["Ông Zarif cho rằng chuyến thăm của Tổng thống Pháp tới Ấn Độ hồi tháng 5 không giúp giải quyết vấn đề."],
               [(0, "Zarif", "zarif"), (0, "Tổng thống Pháp", "macron", "anaphor"), (0, "Ấn Độ", "india")])
    [ev] = run(doc)
    assert ev.kind == "visit" and {"macron", "india"} <= set(ev.actors) and ev.place == "india"
    assert "zarif" not in ev.actors


def test_witnessing_a_signing_with_a_counterpart_is_a_meeting():
    doc = make(["Ông Zarif cùng người đồng cấp Jordan Ayman Safadi chứng kiến lễ ký thỏa thuận hợp tác."],
               [(0, "Zarif", "zarif"), (0, "Jordan", "jordan", "title"), (0, "Ayman Safadi", "safadi")])
    [ev] = run(doc)
    assert set(ev.actors) == {"zarif", "safadi"}


def test_a_partner_phrase_with_a_verb_of_its_own_is_no_joint_work():
    doc = make(["Ông Macron cùng bà Merkel đã tạo thành bộ đôi cùng thống nhất củng cố trục Pháp - Đức."],
               [(0, "Macron", "macron"), (0, "Merkel", "merkel")])
    assert run(doc) == []


def test_leaders_of_a_hyphenated_pair_after_their_meeting_are_those_leaders():
    doc = make(["Ông Modi đã có cuộc hội đàm với ông Macron tại Paris.",
                "Hai nhà lãnh đạo Pháp-Ấn Độ lần đầu gặp mặt nhau tại Paris."],
               [(0, "Modi", "modi"), (0, "Macron", "macron"), (0, "Paris", "paris"), (1, "Pháp", "france"),
                (1, "Ấn Độ", "india"), (1, "Paris", "paris")])
    [ev] = run(doc)
    assert set(ev.actors) == {"modi", "macron"} and ev.evidence == [0, 1]


def test_militaries_of_a_hyphenated_pair_stay_countries_after_a_meeting_of_persons():
    doc = make(["Ông Modi đã có cuộc hội đàm với ông Macron tại Paris.",
                "Quân đội hai nước Pháp-Ấn Độ đã tăng cường số cuộc điện đàm."],
               [(0, "Modi", "modi"), (0, "Macron", "macron"), (0, "Paris", "paris"), (1, "Pháp", "france"),
                (1, "Ấn Độ", "india")])
    calls = [e for e in run(doc) if e.kind == "phone_call"]
    assert len(calls) == 1 and set(calls[0].actors) == {"france", "india"}


def test_a_capital_after_a_long_topic_is_the_venue():
    doc = make(["Iraq, Jordan và Ai Cập đã xác nhận tham gia vòng hòa đàm tiếp theo về giải quyết cuộc khủng hoảng "
                "Yemen tại thủ đô Amman vào ngày 4/7 tới."],
               [(0, "Iraq", "iraq"), (0, "Jordan", "jordan"), (0, "Ai Cập", "egypt"), (0, "Yemen", "yemen"),
                (0, "thủ đô Amman", "amman")], year="2018", published="2018-06-20")
    [ev] = run(doc)
    assert ev.place == "amman" and ev.status == "planned" and set(ev.actors) == {"iraq", "jordan", "egypt"}


def test_a_city_where_the_topic_happens_is_not_the_venue():
    doc = make(["Iraq và Jordan đang đàm phán về việc cung cấp vũ khí chống phiến quân ở thành phố Mosul."],
               [(0, "Iraq", "iraq"), (0, "Jordan", "jordan"), (0, "thành phố Mosul", "mosul")])
    [ev] = run(doc)
    assert ev.place is None


def test_short_visit_on_a_day_of_an_owner_to_a_country():
    doc = make(["Chuyến thăm ngắn trong ngày 29/5 của Thủ tướng Narendra Modi tới Pháp tạo khởi đầu mới."],
               [(0, "Narendra Modi", "modi"), (0, "Pháp", "france")], year="2018")
    [ev] = run(doc)
    assert ev.kind == "visit" and {"modi", "france"} <= set(ev.actors) and ev.place == "france"


def test_person_discussing_with_another_at_a_meeting_inside_a_topic_phrase():
    doc = make(["Trong những chủ đề ông Modi bàn luận với ông Macron trong cuộc gặp ngày 27/5, khí hậu được chú trọng."],
               [(0, "Modi", "modi"), (0, "Macron", "macron")], year="2018")
    [ev] = run(doc)
    assert set(ev.actors) == {"modi", "macron"} and ev.date.value == "2018-05-27"
