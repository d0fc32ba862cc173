"""Statements (who said what, when, where, with quotes) on sentences written for these tests."""

from __future__ import annotations

from syriakg.loaders.extract import statements
from syriakg.loaders.model import CasualtyClaim, Entity
from tests.test_meetings import FakeDates

KINDS = {
    "zarif": "person", "safadi": "person", "netanyahu": "person", "mogherini": "person", "shoukry": "person",
    "iran": "country", "jordan": "country", "israel": "country", "egypt": "country", "vienna": "place",
    "new_york": "place", "unsc": "organization", "iran_mfa": "organization", "eu": "organization",
    "tass": "organization", "sohr": "organization", "al_ahram": "organization", "amman": "place",
}


def make(sentences: list[str], mentions: list[tuple], year: str | None = None):
    from tests.extract_helpers import add_mention, doc_from_sentences

    doc = doc_from_sentences(sentences)
    for m in mentions:
        i, surface, key = m[0], m[1], m[2]
        how = m[3] if len(m) > 3 else "name"
        add_mention(doc, i, surface, key, how)
        doc.ex.entities.setdefault(key, Entity(key, KINDS.get(key, "organization"), surface))  # type: ignore[arg-type]
    doc.dates = FakeDates(year)
    return doc


def run(doc):
    statements.component(doc)
    return doc.ex.statements


def test_speaker_verb_content_with_frame_date():
    doc = make(["Ngày 3/4, Ngoại trưởng Iran Javad Zarif tuyên bố Tehran sẽ không rút khỏi thỏa thuận ngày 5/5."],
               [(0, "Iran", "iran", "title"), (0, "Javad Zarif", "zarif")])
    [st] = run(doc)
    assert st.speaker == "zarif" and st.act == "announce" and st.verb == "tuyên bố"
    assert st.date is not None and st.date.value == "--04-03"  # the frame's date, not the content's
    assert st.evidence == [0]


def test_theo_form_person_is_a_statement_but_outlet_is_not():
    doc = make(["Theo ông Safadi, Jordan không thể tiếp nhận thêm người tị nạn.",
                "Theo hãng tin TASS, các cuộc giao tranh đã lan rộng."],
               [(0, "Safadi", "safadi"), (0, "Jordan", "jordan"), (1, "TASS", "tass")])
    sts = run(doc)
    assert [s.speaker for s in sts] == ["safadi"]


def test_outlet_reporting_inner_speaker_keeps_the_inner_speaker():
    doc = make(["Theo hãng tin TASS, Bộ Ngoại giao Iran ngày 2/6 cho biết các cuộc đàm phán sẽ tiếp tục."],
               [(0, "TASS", "tass"), (0, "Bộ Ngoại giao Iran", "iran_mfa")])
    [st] = run(doc)
    assert st.speaker == "iran_mfa" and st.date is not None and st.date.value == "--06-02"


def test_quote_after_speaker_and_quote_before_speaker():
    doc = make(["Ông Netanyahu nhấn mạnh: “Israel sẽ không chấp nhận sự hiện diện của Iran ở biên giới”.",
                "“Chúng tôi kêu gọi kiềm chế”, bà Mogherini nói."],
               [(0, "Netanyahu", "netanyahu"), (0, "Israel", "israel"), (0, "Iran", "iran"),
                (1, "Mogherini", "mogherini")])
    sts = {s.speaker: s for s in run(doc)}
    assert sts["netanyahu"].quote == "Israel sẽ không chấp nhận sự hiện diện của Iran ở biên giới"
    assert sts["mogherini"].quote == "Chúng tôi kêu gọi kiềm chế"
    assert sts["mogherini"].verb == "nói"


def test_multi_sentence_quote_is_one_statement_with_all_sentences():
    doc = make(["“Đây là một bước đi nguy hiểm.",
                "Chúng tôi sẽ phản ứng thích đáng”, Ngoại trưởng Ai Cập Sameh Shoukry tuyên bố."],
               [(1, "Ai Cập", "egypt", "title"), (1, "Sameh Shoukry", "shoukry")])
    [st] = run(doc)
    assert st.speaker == "shoukry" and st.evidence == [0, 1]
    assert st.quote is not None and st.quote.startswith("Đây là một bước đi nguy hiểm.")


def test_same_speaker_same_occasion_merges_other_dates_do_not():
    doc = make(["Ngày 3/4, ông Zarif cho biết Iran sẵn sàng đối thoại.",
                "Ông Zarif cũng nhấn mạnh Tehran muốn giải pháp chính trị.",
                "Trước đó, ông Zarif ngày 20/3 đã cảnh báo về nguy cơ leo thang."],
               [(0, "Zarif", "zarif"), (0, "Iran", "iran"), (1, "Zarif", "zarif"), (2, "Zarif", "zarif")])
    sts = run(doc)
    assert [s.evidence for s in sts] == [[0, 1], [2]]
    assert sts[1].act == "warn"


def test_place_from_frame():
    doc = make(["Phát biểu tại Hội đồng Bảo an ở New York, ông Safadi kêu gọi chấm dứt bạo lực."],
               [(0, "Hội đồng Bảo an", "unsc"), (0, "New York", "new_york"), (0, "Safadi", "safadi")])
    [st] = run(doc)
    assert st.speaker == "safadi" and st.act == "call_for" and st.place == "new_york"


def test_plural_negated_and_unnamed_are_not_statements():
    doc = make(["Hai bên khẳng định sẽ tiếp tục hợp tác.",
                "Bộ Ngoại giao Iran chưa xác nhận thông tin này.",
                "Một quan chức Israel giấu tên cho biết cuộc tấn công đã được lên kế hoạch."],
               [(0, "Hai bên", "iran", "anaphor"), (0, "Hai bên", "jordan", "anaphor"),
                (1, "Bộ Ngoại giao Iran", "iran_mfa"), (2, "Israel", "israel")])
    assert run(doc) == []


def test_country_speaking_with_no_person_behind_it_is_a_statement():
    doc = make(["Jordan cho biết sẽ mở lại cửa khẩu với Syria.",
                "Ai Cập kêu gọi các bên kiềm chế."],
               [(0, "Jordan", "jordan"), (1, "Ai Cập", "egypt")])
    assert sorted(s.speaker for s in run(doc)) == ["egypt", "jordan"]


def test_country_statement_is_redundant_when_its_minister_speaks_on_the_same_occasion():
    # lead: the country; body: the named minister of that country saying the same thing
    doc = make(["Jordan tuyên bố đóng cửa khẩu Nasib với Syria.",
                "Phát biểu tại Amman, Ngoại trưởng Jordan Ayman Safadi cho biết cửa khẩu Nasib sẽ đóng cửa vô thời hạn."],
               [(0, "Jordan", "jordan"), (1, "Amman", "amman"), (1, "Jordan", "jordan", "title"),
                (1, "Ayman Safadi", "safadi")])
    from syriakg.loaders.model import Position, PositionHolding
    doc.ex.positions.append(PositionHolding("safadi", Position("foreign_minister_of_jordan", "Ngoại trưởng Jordan"),
                                            [1]))
    assert [s.speaker for s in run(doc)] == ["safadi"]


def test_country_statement_kept_when_its_minister_speaks_on_another_occasion():
    doc = make(["Ngày 2/3, Ngoại trưởng Jordan Ayman Safadi cho biết Amman ủng hộ các cuộc hòa đàm.",
                "Một",
                "Hai",
                "Ba",
                "Bốn",
                "Ngày 9/5, Jordan tuyên bố đóng cửa khẩu biên giới."],
               [(0, "Jordan", "jordan", "title"), (0, "Ayman Safadi", "safadi"), (5, "Jordan", "jordan")], year="2017")
    from syriakg.loaders.model import Position, PositionHolding
    doc.ex.positions.append(PositionHolding("safadi", Position("foreign_minister_of_jordan", "Ngoại trưởng Jordan"),
                                            [0]))
    assert sorted(s.speaker for s in run(doc)) == ["jordan", "safadi"]


def test_country_in_background_clause_title_or_reported_speech_is_not_a_statement():
    doc = make(["Giá dầu tăng sau khi Iran tuyên bố sẽ đóng cửa eo biển.",
                "Ngoại trưởng Israel cho biết Tel Aviv sẽ đáp trả.",
                "Ông Shoukry cho biết Jordan đã thông báo cho Cairo về kế hoạch này.",
                "Đây là hệ thống mà Israel cho rằng đe dọa an ninh của họ."],
               [(0, "Iran", "iran"), (1, "Israel", "israel", "title"), (2, "Shoukry", "shoukry"),
                (2, "Jordan", "jordan"), (3, "Israel", "israel")])
    assert [s.speaker for s in run(doc)] == ["shoukry"]


def test_statement_reported_in_a_subordinate_clause_is_kept():
    doc = make(["Căng thẳng gia tăng sau khi ông Netanyahu tuyên bố sẽ mở rộng chiến dịch."],
               [(0, "Netanyahu", "netanyahu")])
    assert [s.speaker for s in run(doc)] == ["netanyahu"]


def test_outlet_in_its_own_voice_is_a_speaker_but_not_as_a_source_of_others():
    doc = make(["Tờ Al-Ahram đưa tin ngày 4/4, các cuộc biểu tình đã lan rộng.",
                "Hãng TASS đưa tin Ngoại trưởng Iran Javad Zarif tuyên bố sẵn sàng đối thoại."],
               [(0, "Al-Ahram", "al_ahram"), (1, "TASS", "tass"), (1, "Iran", "iran", "title"),
                (1, "Javad Zarif", "zarif")])
    assert [s.speaker for s in run(doc)] == ["al_ahram", "zarif"]


def test_addressee_of_a_call_does_not_speak():
    doc = make(["Bộ Ngoại giao Iran kêu gọi Hội đồng Bảo an lên án vụ tấn công."],
               [(0, "Bộ Ngoại giao Iran", "iran_mfa"), (0, "Hội đồng Bảo an", "unsc")])
    assert [s.speaker for s in run(doc)] == ["iran_mfa"]


def test_casualty_figure_from_a_claimant_is_also_a_statement(monkeypatch):
    # the source of a figure said something: a statement beside the claim (FIGURE_STATEMENTS)
    doc = make(["SOHR cho biết ít nhất 12 dân thường đã thiệt mạng ở Amman."],
               [(0, "SOHR", "sohr"), (0, "Amman", "amman")])
    doc.ex.casualties.append(CasualtyClaim("killed", "at_least", "ít nhất 12", [0], 12, claimant="sohr"))
    assert [s.speaker for s in run(doc)] == ["sohr"]
    monkeypatch.setattr(statements, "FIGURE_STATEMENTS", False)
    doc = make(["SOHR cho biết ít nhất 12 dân thường đã thiệt mạng ở Amman."],
               [(0, "SOHR", "sohr"), (0, "Amman", "amman")])
    doc.ex.casualties.append(CasualtyClaim("killed", "at_least", "ít nhất 12", [0], 12, claimant="sohr"))
    assert run(doc) == []


def test_deny_vs_reject():
    doc = make(["Bộ Ngoại giao Iran bác bỏ thông tin về cuộc gặp.",
                "Ông Safadi bác bỏ lời kêu gọi rút quân."],
               [(0, "Bộ Ngoại giao Iran", "iran_mfa"), (1, "Safadi", "safadi")])
    acts = {s.speaker: s.act for s in run(doc)}
    assert acts == {"iran_mfa": "deny", "safadi": "reject"}


def test_unattributed_quote_paragraph_joins_previous_speaker():
    doc = make(["Bà Mogherini cho biết EU sẽ tăng viện trợ nhân đạo.",
                "“Chúng tôi không thể đứng ngoài thảm kịch này và sẽ làm mọi điều có thể.”"],
               [(0, "Mogherini", "mogherini"), (0, "EU", "eu")])
    [st] = run(doc)
    assert st.speaker == "mogherini" and st.evidence == [0, 1]


def test_outlet_known_by_name_is_a_source_not_a_speaker():
    doc = make(["Theo Bloomberg, Ả Rập Xê Út sẵn sàng mọi giải pháp."], [(0, "Bloomberg", "bloomberg")])
    assert run(doc) == []


def test_date_of_a_fronted_speaking_occasion():
    doc = make(["Trong cuộc họp báo ngày 3/2, ông Zarif cho biết Iran sẽ cử phái đoàn tới Vienna.",
                "Hôm 9/3, phát biểu trước báo giới, ông Netanyahu nói Israel sẽ tự vệ.",
                "Sau cuộc hội đàm ngày 14/6 với Ai Cập, ông Safadi cho biết Amman ủng hộ đối thoại."],
               [(0, "Zarif", "zarif"), (0, "Iran", "iran"), (0, "Vienna", "vienna"), (1, "Netanyahu", "netanyahu"),
                (1, "Israel", "israel"), (2, "Ai Cập", "egypt"), (2, "Safadi", "safadi"), (2, "Amman", "amman")])
    got = {s.speaker: s.date.value if s.date else None for s in run(doc)}
    assert got == {"zarif": "--02-03", "netanyahu": "--03-09", "safadi": "--06-14"}


def test_date_of_a_fronted_topic_is_not_the_statement_date():
    doc = make(["Về hội nghị dự kiến diễn ra ngày 20/5, ông Zarif cho biết Iran sẽ tham dự."],
               [(0, "Zarif", "zarif"), (0, "Iran", "iran")])
    [st] = run(doc)
    assert st.speaker == "zarif" and st.date is None


def test_country_qualifying_an_unnamed_noun_is_not_the_speaker():
    doc = make(["Tòa án phúc thẩm liên bang Israel bác bỏ kháng cáo của chính phủ.",
                "Một sinh viên người Iran chia sẻ cảm xúc khi về nước.",
                "Theo đài truyền hình của Jordan, cửa khẩu đã mở lại.",
                "“Hòa bình còn xa”, một giáo sư tại đại học Cairo (Ai Cập) nói.",
                "Chính phủ Jordan khẳng định cửa khẩu sẽ mở lại.",
                "Trong khi đó, phía Iran cho rằng các lệnh trừng phạt là bất hợp pháp."],
               [(0, "Israel", "israel"), (1, "Iran", "iran"), (2, "Jordan", "jordan"), (3, "Ai Cập", "egypt"),
                (4, "Jordan", "jordan"), (5, "Iran", "iran")])
    assert sorted(s.speaker for s in run(doc)) == ["iran", "jordan"]
    assert sorted(i for s in run_again(doc) for i in s.evidence) == [4, 5]


def run_again(doc):
    return doc.ex.statements


def test_state_media_speak_for_their_state():
    doc = make(["Truyền hình nhà nước Jordan đưa tin cửa khẩu đã được mở lại."], [(0, "Jordan", "jordan")])
    assert [s.speaker for s in run(doc)] == ["jordan"]


def test_date_after_a_post_verb_and_of_an_occasion_named_in_the_previous_sentence():
    doc = make(["Iran sẽ không rút cố vấn khỏi Syria, ông Zarif cho biết hôm 9/4."],
               [(0, "Iran", "iran"), (0, "Zarif", "zarif")])
    [st] = run(doc)
    assert st.speaker == "zarif" and st.date is not None and st.date.value == "--04-09"
    doc = make(["Ngày 5/4, ông Safadi tổ chức họp báo tại Amman.",
                "Tại cuộc họp báo, ông Safadi cho biết Jordan sẽ mở lại cửa khẩu."],
               [(0, "Safadi", "safadi"), (0, "Amman", "amman"), (1, "Safadi", "safadi"), (1, "Jordan", "jordan")])
    [st] = run(doc)
    assert st.date is not None and st.date.value == "--04-05" and 1 in st.evidence
    # a fronted topic that is no occasion does not borrow the previous sentence's day
    doc = make(["Ngày 5/4, ông Safadi tổ chức họp báo tại Amman.",
                "Về vấn đề người tị nạn, ông Safadi cho biết Jordan không thể tiếp nhận thêm."],
               [(0, "Safadi", "safadi"), (0, "Amman", "amman"), (1, "Safadi", "safadi"), (1, "Jordan", "jordan")])
    assert [s.date for s in run(doc)] == [None]


def test_words_in_a_background_clause_are_a_separate_occasion():
    # "sau khi X thông báo ...": what X said before the main event; X speaking again next is another occasion
    doc = make(["Ngày 2/3, ông Safadi gặp ông Shoukry sau khi Bộ Ngoại giao Iran thông báo sẽ cử đặc phái viên.",
                "Bộ Ngoại giao Iran cho biết, hai bên đã bàn về an ninh khu vực.",
                "Bộ Ngoại giao Iran cũng khẳng định ủng hộ đối thoại."],
               [(0, "Safadi", "safadi"), (0, "Shoukry", "shoukry"), (0, "Bộ Ngoại giao Iran", "iran_mfa"),
                (1, "Bộ Ngoại giao Iran", "iran_mfa"), (2, "Bộ Ngoại giao Iran", "iran_mfa")])
    got = sorted((s.speaker, tuple(s.evidence)) for s in run(doc))
    assert got == [("iran_mfa", (0,)), ("iran_mfa", (1, 2))]


def test_state_with_unnamed_allies_and_manner_adverb_speaks():
    doc = make(["Israel và các đồng minh phương Tây đã nhanh chóng lên án vụ phóng tên lửa.",
                "Jordan lập tức bác bỏ thông tin này."],
               [(0, "Israel", "israel"), (1, "Jordan", "jordan")])
    assert sorted(s.speaker for s in run(doc)) == ["israel", "jordan"]


def test_coi_x_la_y_is_a_judgement_of_the_subject():
    doc = make(["Phía Jordan coi vụ việc là hành động khiêu khích nghiêm trọng.",
                "Israel coi trọng quan hệ với Ai Cập."],
               [(0, "Jordan", "jordan"), (1, "Israel", "israel"), (1, "Ai Cập", "egypt")])
    assert [(s.speaker, s.evidence) for s in run(doc)] == [("jordan", [0])]


def test_place_after_the_verb_is_the_statement_place():
    doc = make(["Ngoại trưởng Iran Javad Zarif phát biểu tại cuộc họp báo ở Vienna rằng Iran ủng hộ đối thoại.",
                "Ông Safadi tuyên bố sẽ mở cửa khẩu ở Amman."],
               [(0, "Iran", "iran", "title"), (0, "Javad Zarif", "zarif"), (0, "Vienna", "vienna"),
                (1, "Safadi", "safadi"), (1, "Amman", "amman")])
    got = {s.speaker: s.place for s in run(doc)}
    assert got == {"zarif": "vienna", "safadi": None}  # "mở cửa khẩu ở Amman" is content, not the venue


def test_habitual_and_standing_views_are_not_manner_or_judgement_cues():
    doc = make(["Jordan đã nhiều lần tuyên bố phản đối.",
                "Israel từng coi những nước này là mối đe dọa.",
                "Jordan coi Ai Cập là đối tác chiến lược."],
               [(0, "Jordan", "jordan"), (1, "Israel", "israel"), (2, "Jordan", "jordan"), (2, "Ai Cập", "egypt")])
    assert run(doc) == []


def test_hom_qua_before_the_verb_is_a_date_not_a_nominal_qua():
    doc = make(["Bộ Ngoại giao Iran hôm qua thông báo sẽ cử đặc phái viên tới Amman."],
               [(0, "Bộ Ngoại giao Iran", "iran_mfa"), (0, "Amman", "amman")])
    assert [s.speaker for s in run(doc)] == ["iran_mfa"]


def test_dong_thoi_before_the_verb_and_after_a_comma():
    doc = make(["Ông Safadi đồng thời nhấn mạnh Jordan sẽ không mở cửa khẩu.",
                "Một quan chức giấu tên cho biết, Amman không đánh giá thấp ông Netanyahu, đồng thời cam kết sẽ đáp trả."],
               [(0, "Safadi", "safadi"), (0, "Jordan", "jordan"), (1, "Amman", "amman"),
                (1, "Netanyahu", "netanyahu")])
    assert [s.speaker for s in run(doc)] == ["safadi"]


def test_relayed_source_with_acronym_speaks_and_criticised_body_does_not():
    doc = make(["Hãng TASS dẫn thông tin từ Tổ chức Giám sát Nhân quyền (SOHR) cho biết 5 người bị thương.",
                "Ông Netanyahu chỉ trích Liên minh châu Âu (EU) vì cho rằng EU thiên vị."],
               [(0, "TASS", "tass"), (0, "Tổ chức Giám sát Nhân quyền", "sohr"), (0, "SOHR", "sohr", "acronym"),
                (1, "Netanyahu", "netanyahu"), (1, "Liên minh châu Âu", "eu"), (1, "EU", "eu", "acronym")])
    speakers = [s.speaker for s in run(doc)]
    assert "sohr" in speakers and "eu" not in speakers


def test_verb_then_media_venue_then_content():
    doc = make(["Ngược lại, tại Amman, Bộ Ngoại giao Iran tuyên bố trên mạng xã hội là đã bác bỏ đề nghị."],
               [(0, "Amman", "amman"), (0, "Bộ Ngoại giao Iran", "iran_mfa")])
    [st] = run(doc)
    assert st.speaker == "iran_mfa" and st.act == "announce"


def test_place_of_the_meeting_the_speaker_just_attended():
    from syriakg.loaders.model import Event
    doc = make(["Ngày 5/3, ông Safadi đã hội đàm với ông Shoukry tại Vienna.",
                "Tại cuộc họp báo sau hội đàm, ông Safadi cho biết hai bên nhất trí tăng cường hợp tác.",
                "Ông Shoukry nhấn mạnh Ai Cập ủng hộ giải pháp chính trị."],
               [(0, "Safadi", "safadi"), (0, "Shoukry", "shoukry"), (0, "Vienna", "vienna"),
                (1, "Safadi", "safadi"), (2, "Shoukry", "shoukry"), (2, "Ai Cập", "egypt")])
    doc.ex.events.append(Event("talks", "occurred", ["safadi", "shoukry"], [0], place="vienna"))
    got = {s.speaker: s.place for s in run(doc)}
    assert got == {"safadi": "vienna", "shoukry": None}  # no occasion named in Shoukry's sentence


def test_outlet_news_report_and_its_own_assertion_are_two_statements():
    doc = make(["Tờ Al-Ahram đưa tin ngày 4/4, các cuộc biểu tình đã lan rộng.",
                "Một",
                "Tờ Al-Ahram khẳng định chính phủ đã phản ứng quá mạnh tay."],
               [(0, "Al-Ahram", "al_ahram"), (2, "Al-Ahram", "al_ahram")])
    assert sorted((s.speaker, tuple(s.evidence)) for s in run(doc)) == [("al_ahram", (0,)), ("al_ahram", (2,))]


def test_addressee_outlet_does_not_speak():
    doc = make(["Trong thư gửi cho tờ Al-Ahram, một quan chức nói rằng tình hình phức tạp.",
                "Nguồn tin của hãng TASS nói rõ là phiên tòa đã kết thúc."],
               [(0, "Al-Ahram", "al_ahram"), (1, "TASS", "tass")])
    assert run(doc) == []
