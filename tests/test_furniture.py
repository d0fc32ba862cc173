"""Body / furniture split on pages written for the tests (general patterns, not particular articles)."""

from __future__ import annotations

import unicodedata

import pytest
from fixtures.sources.legacy import to_cp1258

from syriakg.loaders.model import Article, RawDocument
from syriakg.loaders.text.furniture import build_article
from syriakg.loaders.text.sentences import split_article


def page(text: str, **kw: object) -> Article:
    raw = RawDocument(source_file="t.txt", doc_id="t", text=text, format=kw.pop("format", "txt"), **kw)  # type: ignore[arg-type]
    return build_article(raw)


def body_texts(art: Article) -> list[str]:
    return [s.text for s in split_article(art)[0]]


def caption_texts(art: Article) -> list[str]:
    return [s.text for s in split_article(art)[1]]


def furniture(art: Article) -> list[tuple[str, str]]:
    return [(k, art.text[s.begin:s.end]) for s, k in art.furniture]


def check_invariants(art: Article) -> None:
    body, caps = split_article(art)
    for s in body + caps:
        assert art.text[s.begin:s.end] == s.text
    for s in body:
        assert s.end <= art.body_end
        for f, _kind in art.furniture:
            assert not f.overlaps(s.span), (s.text, art.text[f.begin:f.end])
        for c in art.captions:
            assert not c.overlaps(s.span)
    spans = sorted(art.body + art.captions + [f for f, _ in art.furniture], key=lambda x: x.begin)
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.begin, (art.text[a.begin:a.end], art.text[b.begin:b.end])


STRUCTURED = """Chủ nhật, 12/5/2019, 07:00 (GMT+7)

Lào và Campuchia mở tuyến vận tải mới trên sông Mê Kông

(Dân trí) - Ngày 11/5, hai nước đã khai trương tuyến vận tải hàng hóa đầu tiên nối hai cảng sông lớn.

Lào và Campuchia mở tuyến vận tải mới trên sông Mê Kông

Chú thích ảnh
Một đoàn sà lan chở hàng cập cảng Pakse. Ảnh: Xinhua

Theo kế hoạch, mỗi tuần sẽ có ba chuyến tàu chạy trên tuyến dài 480 km. Giá cước giảm gần 20%.

Lào và Campuchia mở tuyến vận tải mới trên sông Mê Kông ảnh 2

Hai nhà lãnh đạo tại lễ khai trương ngày 11/5. (Ảnh: AFP)

Theo ông Somsak, tuyến mới giúp nông dân hai bên bán nông sản thuận lợi hơn.

Minh Khang (TTXVN)

Đọc thêm

Giá lúa gạo ở đồng bằng tăng mạnh
Giá lúa gạo ở đồng bằng tăng mạnh

Nông dân vui mừng khi giá lúa tăng liên tục trong ba tuần qua tại nhiều tỉnh.

Chia sẻ:

Các đơn vị thông tin của TTXVN
"""


def test_structured_page() -> None:
    art = page(STRUCTURED)
    check_invariants(art)
    assert art.headline == "Lào và Campuchia mở tuyến vận tải mới trên sông Mê Kông"
    assert art.text[art.headline_span.begin:art.headline_span.end] == art.headline
    assert art.header_date_text == "Chủ nhật, 12/5/2019, 07:00 (GMT+7)"
    assert art.date_published is None  # never inferred from the text here
    assert art.body_end == STRUCTURED.index("Minh Khang (TTXVN)")
    assert body_texts(art) == [
        "Ngày 11/5, hai nước đã khai trương tuyến vận tải hàng hóa đầu tiên nối hai cảng sông lớn.",
        "Theo kế hoạch, mỗi tuần sẽ có ba chuyến tàu chạy trên tuyến dài 480 km.",
        "Giá cước giảm gần 20%.",
        "Theo ông Somsak, tuyến mới giúp nông dân hai bên bán nông sản thuận lợi hơn.",
    ]
    assert caption_texts(art) == ["Một đoàn sà lan chở hàng cập cảng Pakse.",
                                  "Hai nhà lãnh đạo tại lễ khai trương ngày 11/5."]
    assert art.text[art.lead.begin:art.lead.end].startswith("Ngày 11/5, hai nước")
    assert (art.outlet, art.author, art.photo_credit) == ("Dân trí", "Minh Khang", "Xinhua")
    kinds = [k for k, _ in furniture(art)]
    assert kinds[:6] == ["header_date", "outlet_prefix", "repeated_title", "caption_label", "photo_credit",
                         "repeated_title"]
    assert ("byline", "Minh Khang (TTXVN)") in furniture(art)
    assert ("read_more", "Đọc thêm") in furniture(art) and ("share", "Chia sẻ:") in furniture(art)
    assert all(f.begin >= art.body_end for f, k in art.furniture if k in ("read_more", "share", "related", "footer"))


FLAT = ("Hội đàm ba bên về an ninh biên giới kết thúc\n\n"
        "Bộ trưởng Quốc phòng ba nước đã kết thúc vòng hội đàm thứ hai tại Bangkok.\n\n"
        "Các bộ trưởng Quốc phòng chụp ảnh chung trước phiên họp. Ảnh: Reuters Theo thông cáo chung, hai ngày "
        "hội đàm tập trung vào tuần tra chung trên sông. [Thái Lan siết chặt kiểm soát cửa khẩu phía bắc] "
        "Ông Prawit (trái) bắt tay người đồng cấp Myanmar. Đại diện Lào đứng giữa hai ông. (Ảnh: EPA/TTXVN) "
        "Vòng hội đàm tới dự kiến diễn ra vào tháng 10/2019 tại Viêng Chăn. ______ "
        "Các bên cũng nhất trí lập đường dây nóng./. Hoàng Anh Tuấn/VOV.VN")


def test_flattened_one_paragraph_body() -> None:
    art = page(FLAT)
    check_invariants(art)
    assert body_texts(art) == [
        "Bộ trưởng Quốc phòng ba nước đã kết thúc vòng hội đàm thứ hai tại Bangkok.",
        "Theo thông cáo chung, hai ngày hội đàm tập trung vào tuần tra chung trên sông.",
        "Vòng hội đàm tới dự kiến diễn ra vào tháng 10/2019 tại Viêng Chăn.",
        "Các bên cũng nhất trí lập đường dây nóng./.",
    ]
    assert caption_texts(art) == ["Các bộ trưởng Quốc phòng chụp ảnh chung trước phiên họp.",
                                  "Ông Prawit (trái) bắt tay người đồng cấp Myanmar.",
                                  "Đại diện Lào đứng giữa hai ông."]
    assert art.body_end == FLAT.index("Hoàng Anh Tuấn")
    assert (art.author, art.outlet, art.photo_credit) == ("Hoàng Anh Tuấn", "VOV", "Reuters")
    kinds = dict((t, k) for k, t in furniture(art))
    assert kinds["Ảnh: Reuters"] == "photo_credit" and kinds["(Ảnh: EPA/TTXVN)"] == "photo_credit"
    assert kinds["[Thái Lan siết chặt kiểm soát cửa khẩu phía bắc]"] == "related"
    assert kinds["______"] == "separator"


@pytest.mark.parametrize(
    ("tail", "author", "outlet", "agency"),
    [
        ("Thu Trang", "Thu Trang", None, None),
        ("Quốc Bảo (theo AFP)", "Quốc Bảo", None, "AFP"),
        ("Hải Yến (tổng hợp theo Reuters, AP)", "Hải Yến", None, "Reuters, AP"),
        ("(Theo Sputnik)", None, None, "Sputnik"),
        ("TTXVN/Tin Tức", None, "Báo Tin tức", "TTXVN"),
        ("Lê Hà (lược dịch)", "Lê Hà", None, None),
    ],
)
def test_trailing_byline_glued_to_the_body(tail: str, author: str | None, outlet: str | None, agency: str | None
                                          ) -> None:
    text = ("Mưa lớn gây ngập nhiều tuyến phố\n\nMưa lớn kéo dài từ chiều qua.\n\n"
            f"Nhiều tuyến phố bị ngập sâu. Giao thông ùn tắc đến tối. {tail}")
    art = page(text)
    check_invariants(art)
    assert body_texts(art)[-1] == "Giao thông ùn tắc đến tối."
    assert art.body_end == text.index(tail)
    assert (art.author, art.outlet, art.wire_agency) == (author, outlet, agency)


def test_no_byline_text_runs_to_the_end() -> None:
    text = "Tiêu đề ngắn\n\nCâu thứ nhất của bài.\n\nCâu cuối cùng của bài viết."
    art = page(text)
    check_invariants(art)
    assert art.body_end == len(text) and body_texts(art)[-1] == "Câu cuối cùng của bài viết."


@pytest.mark.parametrize("marker", ["Đọc thêm", "Xem thêm", "Tin liên quan", "BẠN CÓ THỂ QUAN TÂM", "Chia sẻ:",
                                    "Ý kiến bình luận", "Bình luận (3)", "Từ khóa: Lào, Campuchia",
                                    "© 2019 Báo Mẫu", "Trang chủ | Thời sự | Thế giới | Kinh tế"])
def test_end_markers_close_the_body(marker: str) -> None:
    text = (f"Tiêu đề bài\n\nĐoạn mở đầu có nội dung chính.\n\nĐoạn thứ hai của bài.\n\n{marker}\n\n"
            "Một bài khác hoàn toàn không liên quan. Bài này nói về bóng đá.")
    art = page(text)
    check_invariants(art)
    assert art.body_end == text.index(marker)
    assert body_texts(art) == ["Đoạn mở đầu có nội dung chính.", "Đoạn thứ hai của bài."]


def test_teaser_printed_twice_closes_the_body() -> None:
    text = ("Tiêu đề bài\n\nĐoạn mở đầu có nội dung chính.\n\nĐoạn thứ hai của bài.\n\n"
            "Giá vàng tăng kỷ lục trong tuần\nGiá vàng tăng kỷ lục trong tuần\n\nGiá vàng trong nước tăng mạnh.")
    art = page(text)
    assert art.body_end == text.index("Giá vàng tăng kỷ lục")
    assert len(body_texts(art)) == 2


def test_glued_teaser_headlines_are_furniture() -> None:
    teasers = ("Nhật Bản và Hàn Quốc nối lại đối thoại an ninhHàn Quốc tăng ngân sách quốc phòng năm tới"
               "Triều Tiên phóng thử tên lửa tầm ngắn")
    text = (f"Tiêu đề chính của bài\n\nĐoạn mở đầu của bài viết này.\n\n{teasers}\n\n"
            "Đoạn thân bài thứ nhất có thông tin.\n\nTheo VnExpress")
    art = page(text)
    check_invariants(art)
    assert ("related", teasers) in furniture(art)
    assert body_texts(art) == ["Đoạn mở đầu của bài viết này.", "Đoạn thân bài thứ nhất có thông tin."]
    assert art.outlet == "VnExpress"


def test_brand_names_inside_sentences_are_not_teasers() -> None:
    text = ("Tiêu đề\n\nTrang WikiLeaks công bố tài liệu mới về cuộc họp.\n\n"
            "Video được đăng trên YouTube và thu hút nhiều lượt xem trong ngày.\n\nTheo AFP")
    art = page(text)
    assert len(body_texts(art)) == 2 and art.wire_agency == "AFP" and art.outlet is None


def test_negatives_stay_in_the_body() -> None:
    text = ("Tiêu đề\n\nĐoạn mở đầu.\n\n"
            "Theo ông Lâm, việc này ảnh hưởng lớn đến kinh tế. Ảnh hưởng kéo dài nhiều năm.\n\n"
            "Số ca bệnh giảm mạnh (Nguồn: Bộ Y tế). Tình hình ổn định.\n\n"
            "Nga và Trung Quốc\n\nHai nước ký kết nhiều văn bản.")
    art = page(text)
    check_invariants(art)
    assert art.captions == [] and art.photo_credit is None
    assert "Theo ông Lâm, việc này ảnh hưởng lớn đến kinh tế." in body_texts(art)
    assert "Số ca bệnh giảm mạnh (Nguồn: Bộ Y tế)." in body_texts(art)
    assert body_texts(art)[-1] == "Hai nước ký kết nhiều văn bản."
    assert art.body_end == len(text)


@pytest.mark.parametrize("line", ["Thứ Hai, 03/06/2019 14:05 GMT+7", "14:05 | 03/06/2019", "Cập nhật: 3/6/2019",
                                  "Thứ 4, 05-06-2019 - 09:30", "03/06/2019 14:05"])
def test_header_dates(line: str) -> None:
    art = page(f"{line}\n\nTiêu đề bài\n\nNgày 3/6/2019, hai bên ký kết.")
    assert art.header_date_text == line and art.headline == "Tiêu đề bài"
    assert body_texts(art) == ["Ngày 3/6/2019, hai bên ký kết."]


def test_date_line_after_the_headline() -> None:
    art = page("Tiêu đề bài\n\nThứ Sáu, 07/06/2019 10:00\n\nNội dung chính của bài.")
    assert art.header_date_text == "Thứ Sáu, 07/06/2019 10:00" and body_texts(art) == ["Nội dung chính của bài."]


def test_record_with_title_and_metadata_date() -> None:
    art = page("Sáng nay hội nghị khai mạc tại Hà Nội.\n\nHai bên ký biên bản. Thu Trang",
               format="jsonl", title="Hội nghị khai mạc", date="2019-05-04", outlet="dantri.com.vn")
    check_invariants(art)
    assert art.headline == "Hội nghị khai mạc" and art.headline_span is None
    assert art.date_published is not None
    assert (art.date_published.value, art.date_published.precision) == ("2019-05-04", "date")
    assert art.outlet == "Dân trí" and art.author == "Thu Trang"
    assert body_texts(art) == ["Sáng nay hội nghị khai mạc tại Hà Nội.", "Hai bên ký biên bản."]
    assert art.text[art.lead.begin:art.lead.end] == "Sáng nay hội nghị khai mạc tại Hà Nội."


def test_bad_metadata_date_is_a_warning() -> None:
    art = page("Nội dung.", format="jsonl", title="Tin", date="hôm qua")
    assert art.date_published is None and any("not an ISO date" in w for w in art.warnings)


def test_title_only_page_warns() -> None:
    art = page("Chỉ có tiêu đề\n")
    assert art.body == [] and "no body text found" in art.warnings


def test_decomposed_windows_1258_text_keeps_original_offsets() -> None:
    nfc = ("Tiêu đề về Huế\n\nĐoàn đại biểu đến thăm Huế hôm qua. Ảnh: TTXVN\n\n"
           "Hội nghị bàn về du lịch. Các bên nhất trí.\n\nTheo Báo Tin tức\n\nĐọc thêm\n\nBài khác.")
    text = to_cp1258(nfc).decode("cp1258")  # what a Windows-1258 file decodes to: combining tone marks
    assert text != nfc
    art = page(text)
    check_invariants(art)
    assert art.text is text
    assert unicodedata.normalize("NFC", text[art.body_end:]).startswith("Theo Báo Tin tức")
    assert [unicodedata.normalize("NFC", s) for s in body_texts(art)] == [
        "Hội nghị bàn về du lịch.", "Các bên nhất trí."]
    assert [unicodedata.normalize("NFC", s) for s in caption_texts(art)] == ["Đoàn đại biểu đến thăm Huế hôm qua."]
    assert art.outlet == "Báo Tin tức" and art.photo_credit == "TTXVN"
    assert unicodedata.normalize("NFC", art.headline) == "Tiêu đề về Huế"


def test_crlf_line_endings() -> None:
    text = "Tiêu đề\r\n\r\nCâu một. Câu hai.\r\n\r\nTheo TTXVN\r\n"
    art = page(text)
    check_invariants(art)
    assert body_texts(art) == ["Câu một.", "Câu hai."] and art.body_end == text.index("Theo TTXVN")


def test_stock_picture_label_after_a_sentence_is_not_a_caption() -> None:
    text = ("Tiêu đề\n\nĐoạn mở đầu.\n\n"
            "Tối đó cả nhà ngồi bàn chuyện học của con. (Ảnh minh họa) Sáng hôm sau mọi việc đã khác. "
            "Ảnh minh họa Hai vợ chồng quyết định chuyển nhà.\n\n"
            "Người dân xếp hàng chờ mua vé (ảnh minh họa)\n\nĐoạn cuối.")
    art = page(text)
    check_invariants(art)
    assert caption_texts(art) == ["Người dân xếp hàng chờ mua vé"]
    assert body_texts(art) == ["Đoạn mở đầu.", "Tối đó cả nhà ngồi bàn chuyện học của con.",
                               "Sáng hôm sau mọi việc đã khác.", "Hai vợ chồng quyết định chuyển nhà.", "Đoạn cuối."]
    assert art.photo_credit is None


def test_camel_case_brands_in_body_paragraphs_stay_body() -> None:
    text = ("Tiêu đề\n\nNgân hàng LienVietPostBank tài trợ giải đấu, theo TheVerge và WannaCry thì không "
            "liên quan gì cả\n\nĐoạn thứ hai. Sở hữu tập đoàn là ông Trần Văn Minh.")
    art = page(text)
    assert len(body_texts(art)) == 3 and art.author is None and art.body_end == len(text)
