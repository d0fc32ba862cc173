"""Captions and sub-headings without a full stop glued to the next sentence of a flattened body.

Pages written for the tests: invented names, places, dates and outlets.
"""

from __future__ import annotations

import pytest

from syriakg.loaders.model import Article, RawDocument
from syriakg.loaders.text.furniture import build_article
from syriakg.loaders.text.glued import glued_prefix
from syriakg.loaders.text.sentences import split_article


def jsonl_page(title: str, body: str) -> Article:
    raw = RawDocument(source_file="x.jsonl#2", doc_id="x-2", text=body, format="jsonl", title=title)
    return build_article(raw)


def parts(art: Article) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    body, caps = split_article(art)
    furn = [(k, art.text[s.begin:s.end]) for s, k in art.furniture]
    return [s.text for s in body], [s.text for s in caps], furn


def kind(sentence: str) -> tuple[str, str] | None:
    r = glued_prefix(sentence, 0, len(sentence))
    return None if r is None else (sentence[:r[0]].rstrip(), r[1])


@pytest.mark.parametrize(
    ("sentence", "prefix"),
    [
        ("Thủ tướng Hy Lạp và Tổng thống Síp dạo bước trên bờ biển Limassol năm 2015 Hồi đầu tháng này, hai nước ký "
         "thỏa thuận năng lượng.", "Thủ tướng Hy Lạp và Tổng thống Síp dạo bước trên bờ biển Limassol năm 2015"),
        ("Ngoại trưởng Jordan (phải) tiếp đặc phái viên Liên hợp quốc Trước đó, hai bên đã điện đàm.",
         "Ngoại trưởng Jordan (phải) tiếp đặc phái viên Liên hợp quốc"),
        ("Người dân xếp hàng nhận hàng cứu trợ ở ngoại ô Idlib, ngày 14/3 Theo tổ chức Trăng lưỡi liềm đỏ, hơn 2.000 "
         "gia đình đã nhận hàng.", "Người dân xếp hàng nhận hàng cứu trợ ở ngoại ô Idlib, ngày 14/3"),
        ("Ảnh chụp vệ tinh căn cứ không quân Al-Tiyas Ngày 9/4, căn cứ bị tấn công bằng tên lửa.",
         "Ảnh chụp vệ tinh căn cứ không quân Al-Tiyas"),
        ("Đoàn xe quân sự Thổ Nhĩ Kỳ tại biên giới gần Kilis hôm 2/8 Tuy nhiên, Ankara chưa xác nhận kế hoạch.",
         "Đoàn xe quân sự Thổ Nhĩ Kỳ tại biên giới gần Kilis hôm 2/8"),
    ],
)
def test_glued_captions(sentence: str, prefix: str) -> None:
    assert kind(sentence) == (prefix, "caption")


@pytest.mark.parametrize(
    ("sentence", "prefix", "expected"),
    [
        ("Sức ép từ Vùng Vịnh Trong khi đó, Qatar tiếp tục đàm phán với các bên.", "Sức ép từ Vùng Vịnh", "heading"),
        ("Lính thủy đánh bộ Pháp tuần tra ở Djibouti Sau đó, đơn vị này chuyển sang Jordan.",
         "Lính thủy đánh bộ Pháp tuần tra ở Djibouti", "heading"),
        # a sentence that lost its full stop: still body text, but no longer glued to the next one
        ("Lực lượng người Kurd đã rút khỏi thị trấn Manbij từ năm ngoái Theo giới phân tích, đây là nhượng bộ lớn.",
         "Lực lượng người Kurd đã rút khỏi thị trấn Manbij từ năm ngoái", "unit"),
        ("Tổ chức này được thành lập năm 2013, chủ yếu gồm các cựu binh sĩ Mặc dù vậy, họ thiếu vũ khí hạng nặng.",
         "Tổ chức này được thành lập năm 2013, chủ yếu gồm các cựu binh sĩ", "unit"),
        ("Cuộc đàm phán dự kiến kéo dài đến tháng 9/2018 Trước đó, các bên đã gặp nhau ba lần.",
         "Cuộc đàm phán dự kiến kéo dài đến tháng 9/2018", "unit"),
    ],
)
def test_headings_and_units(sentence: str, prefix: str, expected: str) -> None:
    assert kind(sentence) == (prefix, expected)


@pytest.mark.parametrize(
    "sentence",
    [
        # capitalised words that are names, not sentence openers
        "Các nước đạo Hồi phản đối sắc lệnh của Nhà Trắng.",
        "Lễ duyệt binh mừng Ngày Chiến thắng diễn ra ở Moskva.",
        "Bộ trưởng Theo Francken cho biết Bỉ sẽ tiếp nhận thêm người tị nạn.",
        "Nhà nước Hồi giáo tự xưng tuyên bố chịu trách nhiệm.",
        # the opener follows punctuation: an ordinary sentence
        "Ông nói: Trước đó, chúng tôi đã cảnh báo.",
        # inside a quotation or a bracket
        "“Chúng tôi không rút quân Trước đó đã có thỏa thuận” ông nói.",
        # too short to be a caption
        "Nga Tuy nhiên phản đối.",
    ],
)
def test_not_glued(sentence: str) -> None:
    assert kind(sentence) is None


def test_quote_without_stop_stays_body() -> None:
    s = "“Đây là bước đi đúng đắn của hai nước” Theo ông Haddad, thỏa thuận sẽ được ký vào tháng tới."
    assert kind(s) == ("“Đây là bước đi đúng đắn của hai nước”", "unit")


def test_flat_body_caption_becomes_a_caption() -> None:
    art = jsonl_page(
        "Ai Cập và Nga bàn về Libya",
        "Ngoại trưởng Ai Cập đã điện đàm với người đồng cấp Nga hôm thứ Ba. Hai bên nhất trí thúc đẩy đối thoại ở Libya. "
        "Tổng thống Ai Cập và Tổng thống Nga thăm nhà máy điện hạt nhân El Dabaa năm 2017 Hồi đầu tuần này, "
        "hai bộ trưởng quốc phòng cũng gặp nhau tại Cairo.",
    )
    body, caps, _furn = parts(art)
    assert caps == ["Tổng thống Ai Cập và Tổng thống Nga thăm nhà máy điện hạt nhân El Dabaa năm 2017"]
    assert body[-1] == "Hồi đầu tuần này, hai bộ trưởng quốc phòng cũng gặp nhau tại Cairo."
    assert body[:2] == ["Ngoại trưởng Ai Cập đã điện đàm với người đồng cấp Nga hôm thứ Ba.",
                        "Hai bên nhất trí thúc đẩy đối thoại ở Libya."]
    cap = art.captions[0]
    assert art.text[cap.begin:cap.end] == caps[0]


def test_sub_heading_becomes_furniture_and_unit_stays_body() -> None:
    art = jsonl_page(
        "Iraq và Syria mở lại biên giới",
        "Iraq và Syria đã mở lại cửa khẩu Al-Qaim. Giao thương giữa hai nước tăng mạnh. "
        "Con đường thương mại mới Theo Bộ Thương mại Iraq, hơn 300 xe tải qua lại mỗi ngày. "
        "Hai bên đã nhất trí giảm thuế nhập khẩu từ tháng 1 Tuy nhiên, chi phí vận tải vẫn cao.",
    )
    body, _caps, furn = parts(art)
    assert ("subheading", "Con đường thương mại mới") in furn
    assert "Theo Bộ Thương mại Iraq, hơn 300 xe tải qua lại mỗi ngày." in body
    assert "Hai bên đã nhất trí giảm thuế nhập khẩu từ tháng 1" in body
    assert body[-1] == "Tuy nhiên, chi phí vận tải vẫn cao."


def test_sentences_with_stops_are_untouched() -> None:
    text = ("Thủ tướng Lebanon tới Paris hôm 4/11. Theo nguồn tin ngoại giao, ông sẽ gặp Tổng thống Pháp. "
            "Ngày 6/11, hai bên họp báo chung.")
    art = jsonl_page("Thủ tướng Lebanon thăm Pháp", text)
    body, caps, _furn = parts(art)
    assert caps == []
    assert body == ["Thủ tướng Lebanon tới Paris hôm 4/11.", "Theo nguồn tin ngoại giao, ông sẽ gặp Tổng thống Pháp.",
                    "Ngày 6/11, hai bên họp báo chung."]


def test_capitalised_ong_opens_a_sentence_but_not_after_a_conjunction() -> None:
    assert kind("Làn sóng phản đối lan rộng Ông Haddad nói rằng chính phủ sẽ lắng nghe.") == (
        "Làn sóng phản đối lan rộng", "heading")
    assert kind("Sau buổi diễn, ca sĩ Minh Thư và Ông Tấn Phát cùng ra mắt album mới.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Về hình thức bên ngoài thì Ông Táo thường được vẽ bên cạnh bếp lửa.",
        "Người dân làng chài thờ hai Ông Cá voi khổng lồ trong lăng cổ.",
    ],
)
def test_ong_after_a_determiner_or_conjunction_is_a_name(sentence: str) -> None:
    assert kind(sentence) is None
