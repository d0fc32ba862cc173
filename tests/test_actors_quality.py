"""Actors: appositions, implicit countries, seats as scopes, outlet heads, directions, peninsulas and
original spellings in parentheses.  Sentences written for these tests (none taken from any article)."""

from __future__ import annotations

from tests.test_actors import holdings, keys, ments, run

# --- appositions with a rank or a closed comma ------------------------------------------

def test_rank_after_comma_names_the_title_holder() -> None:
    doc = run("Chủ tịch Hội đồng Tham mưu trưởng Liên quân Mỹ, tướng Peter Pace, nói rằng chiến dịch kết thúc.")
    assert ("peter-pace", "chairman_of_joint_chiefs_of_usa") in holdings(doc)
    doc = run("Tư lệnh lực lượng Anh, thiếu tướng Rupert Jones, cho biết quân đội sẽ ở lại.")
    assert "rupert-jones" in keys(doc)


def test_closed_comma_apposition_makes_a_holding() -> None:
    doc = run("Bộ trưởng Quốc phòng Pháp, Florence Parly, cho biết Paris sẽ gửi thêm máy bay.")
    assert ("florence-parly", "defence_minister_of_france") in holdings(doc)
    doc = run("Phát biểu hôm qua, Ngoại trưởng Canada, Chrystia Freeland nói rằng Ottawa lo ngại.")
    assert ("chrystia-freeland", "foreign_minister_of_canada") in holdings(doc)


def test_open_comma_or_list_is_not_an_apposition() -> None:
    doc = run("Ông ấy đã gặp Tổng thống Pháp, Angela Merkel và Theresa May tại Brussels.")
    assert not any(h[0] == "angela-merkel" for h in holdings(doc))
    doc = run("Theo lời khuyên của Thủ tướng Anh, Boris Karloff nói thêm rằng không có gì thay đổi.")
    assert not holdings(doc)


# --- countries stated elsewhere in the sentence -----------------------------------------------

def test_country_after_the_name() -> None:
    doc = run("Ngoại trưởng Wang Yi của Trung Quốc kêu gọi các bên kiềm chế.")
    assert ("wang-yi", "foreign_minister_of_china") in holdings(doc)
    assert ("Trung Quốc", "china", "title") in ments(doc)


def test_ministry_named_in_the_sentence_gives_the_country() -> None:
    doc = run("Bộ Quốc phòng Israel thông báo Bộ trưởng Quốc phòng Naftali Bennett sẽ tới thăm biên giới.")
    assert ("naftali-bennett", "defence_minister_of_israel") in holdings(doc)
    doc = run("Bộ Ngoại giao Ai Cập cho biết người phát ngôn Ahmed Hafez đã bác bỏ thông tin này.")
    assert any(h[0] == "ahmed-hafez" and h[1].startswith("spokesperson_of_") and "mfa" in h[1]
               for h in holdings(doc))


def test_no_implicit_country_from_other_words_of_the_sentence() -> None:
    doc = run("Ngoại trưởng Jean Asselborn cho rằng Nga phải chịu trách nhiệm.")
    assert not holdings(doc)  # Russia is what he talks about, not his country
    doc = run("Bộ Ngoại giao Iran và Bộ Ngoại giao Iraq cho biết Ngoại trưởng Ali Karimi sẽ tới.")
    assert not holdings(doc)  # two ministries: unclear


# --- seats of power as the scope of a spokesperson ---------------------------------------------

def test_spokesperson_of_a_seat_is_the_body_housed_there() -> None:
    # the body is named as the text names it (the position reads "Người phát ngôn Điện Kremlin")
    doc = run("Người phát ngôn Điện Kremlin Dmitry Peskov nói rằng Moskva chưa nhận được đề nghị.")
    assert ("peskov", "spokesperson_of_kremlin") in holdings(doc)
    doc = run("Người phát ngôn Nhà Trắng Sarah Sanders từ chối bình luận.")
    assert ("sarah-sanders", "spokesperson_of_white_house") in holdings(doc)
    doc = run("Người phát ngôn Lầu Năm Góc Jeff Davis xác nhận vụ không kích.")
    assert ("jeff-davis", "spokesperson_of_usa_mod") in holdings(doc)


def test_other_offices_of_a_seat_stay_with_the_country() -> None:
    doc = run("Điện Kremlin cho biết Tổng thống Nga Vladimir Putin sẽ tới Ankara.")
    assert ("putin", "president_of_russia") in holdings(doc)
    assert ("Điện Kremlin", "russia", "metonym") in ments(doc)


# --- outlet, firm and group heads --------------------------------------------------------------

def test_capitalised_outlet_head_is_not_part_of_the_name() -> None:
    doc = run("Hãng Sputnik dẫn lời một nguồn tin quân sự.", "Tờ Washington Post và Kênh CNN cũng đưa tin.")
    assert {"sputnik", "washington_post", "cnn"} <= keys(doc)
    assert "washington" not in keys(doc) and "usa" not in keys(doc)
    doc = run("Hãng Lockheed Martin ký hợp đồng mới.")
    assert keys(doc) == {"lockheed-martin"}


def test_vietnamese_named_outlet_keeps_its_head() -> None:
    doc = run("Đài Tiếng nói Nhân dân phát đi bản tin đặc biệt.")
    assert "tieng-noi-nhan-dan" not in keys(doc)


# --- directions, peninsulas ---------------------------------------------------------------------

def test_direction_word_before_an_unknown_place() -> None:
    doc = run("Quân đội tiến vào Đông Qalamoun và miền đông Qaryatain.")
    assert {"qalamoun", "qaryatain"} <= keys(doc)
    assert all(doc.ex.entities[k].kind == "place" for k in ("qalamoun", "qaryatain"))


def test_direction_word_before_a_known_place() -> None:
    doc = run("Giao tranh tiếp diễn ở Tây Bắc Syria và miền Đông Aleppo.")
    assert keys(doc) == {"syria", "aleppo"}


def test_peninsula_is_not_the_country() -> None:
    doc = run("Căng thẳng trên Bán đảo Triều Tiên leo thang.")
    assert keys(doc) == {"korean_peninsula"}
    doc = run("Tàu chiến áp sát bán đảo Hàn Quốc.")  # no gazetteer form: a new place, still not the country
    assert "south_korea" not in keys(doc)
    assert [doc.ex.entities[k].kind for k in keys(doc)] == ["place"]


# --- original spellings in parentheses -----------------------------------------------------------

def test_transliteration_and_original_spelling_are_one_person() -> None:
    doc = run("Ngoại trưởng Nga Xéc-gây La-vrốp (Sergei Lavrov) đã điện đàm với ông Kerry.",
              "Ông La-vrốp nói rằng Nga sẵn sàng.")
    assert ("lavrov", "foreign_minister_of_russia") in holdings(doc)
    assert {m.entity for m in doc.ex.mentions if m.text in ("Xéc-gây La-vrốp", "La-vrốp")} == {"lavrov"}
    doc = run("Thượng nghị sĩ Giôn Mắc-kên (John McCain) phản đối kế hoạch.")
    assert {m.entity for m in doc.ex.mentions if "Mắc-kên" in m.text or "McCain" in m.text} == {"john-mccain"}


def test_parenthesised_country_or_office_is_not_a_spelling() -> None:
    doc = run("Ông Xmít (Mỹ) và ông Nguyễn Văn Bình (Bộ Ngoại giao) phát biểu.")
    assert "usa" in keys(doc) and "xmit" in keys(doc)


def test_outlet_heads_that_belong_to_the_name() -> None:
    doc = run("Quan chức Đài Loan cho biết hòn đảo sẽ tăng chi tiêu quốc phòng.")
    assert "taiwan" in keys(doc)
    doc = run("Tập đoàn CP Xây dựng Hòa Bình và Báo Bà Rịa-Vũng Tàu đưa tin.")
    assert not {"cp", "cp-xay", "ba-ria-vung-tau"} & keys(doc)


def test_person_cue_before_an_organisation_met_before() -> None:
    doc = run("Hãng Nokiasoft công bố sản phẩm mới.", "Ban lãnh đạo Nokiasoft cho biết doanh thu tăng.")
    assert {m.entity for m in doc.ex.mentions} == {"nokiasoft"}
    assert doc.ex.entities["nokiasoft"].kind == "organization"


def test_club_in_parentheses_is_not_an_original_spelling() -> None:
    doc = run("Tiền đạo Lucas Moreno (Real Betis) ghi hai bàn.")
    assert "real-betis" not in {m.entity for m in doc.ex.mentions if m.text == "Lucas Moreno"}


def test_country_in_parentheses_after_the_name() -> None:
    doc = run("Ngoại trưởng Wang Yi (Trung Quốc) và Ngoại trưởng Ayman Safadi phát biểu.")
    assert ("wang-yi", "foreign_minister_of_china") in holdings(doc)
    assert not any(h[0] == "ayman-safadi" for h in holdings(doc))


def test_host_country_is_the_capital_named_before() -> None:
    doc = run("Tại Ankara, Tổng thống nước chủ nhà Abdullah Gul đón tiếp phái đoàn.")
    assert ("abdullah-gul", "president_of_turkey") in holdings(doc)
    doc = run("Ngoại trưởng nước chủ nhà Jean Dupont phát biểu khai mạc.")  # no capital named: no host known
    assert not holdings(doc)


def test_capitalised_title_in_a_closed_apposition() -> None:
    doc = run("Tướng Martin Dempsey, Chủ tịch Hội đồng Tham mưu trưởng Liên quân Mỹ, cho biết quân đội đã sẵn sàng.")
    assert ("martin-dempsey", "chairman_of_joint_chiefs_of_usa") in holdings(doc)
    doc = run("Ông Hulusi Akar, Bộ trưởng Quốc phòng Thổ Nhĩ Kỳ, đã tới Moskva.")
    assert ("akar", "defence_minister_of_turkey") in holdings(doc)


def test_list_of_names_and_titles_is_not_an_apposition() -> None:
    doc = run("Dự họp có ông Vladimir Putin, Tổng thống Pháp, Thủ tướng Anh và nhiều quan chức khác.")
    assert not any(h[0] == "putin" and h[1] != "president_of_russia" for h in holdings(doc))
