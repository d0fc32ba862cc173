"""The pieces of the furniture step: bylines, photo credits, whole-paragraph markers."""

from __future__ import annotations

import pytest

from syriakg.loaders.text.bylines import is_person_name, parse_byline
from syriakg.loaders.text.credits import find_credits
from syriakg.loaders.text.markers import (
    caption_label,
    end_marker,
    glued_headlines,
    header_date,
    inline_related,
    is_breadcrumb,
    outlet_prefix,
    repeats_title,
)
from syriakg.loaders.text.sources_gazetteer import agency_name, is_credit_token, outlet_name


@pytest.mark.parametrize(
    ("text", "author", "outlet", "agency"),
    [
        ("Theo TTXVN", None, "TTXVN", None),
        ("Theo báo Nhân Dân", None, "Nhân Dân", None),
        ("Theo VnExpress.", None, "VnExpress", None),
        ("(Theo Reuters)", None, None, "Reuters"),
        ("Theo\u00a0Al Jazeera", None, None, "Al Jazeera"),
        ("Nguồn: Kyodo", None, None, "Kyodo"),
        ("Lan Anh/VOV.VN", "Lan Anh", "VOV", None),
        ("Phạm Thu Hương/VOV-Trung tâm Tin", "Phạm Thu Hương", "VOV", None),
        ("TTXVN/Tin Tức", None, "Báo Tin tức", "TTXVN"),
        ("Minh Hằng (TTXVN)", "Minh Hằng", "TTXVN", None),
        ("Quốc Bảo (theo AFP)", "Quốc Bảo", None, "AFP"),
        ("Hải Yến (tổng hợp theo Reuters, AP)", "Hải Yến", None, "Reuters, AP"),
        ("Đức Minh (lược dịch)", "Đức Minh", None, None),
        ("Nguyễn Minh Châu", "Nguyễn Minh Châu", None, None),
        ("Thanh Hà - Quang Vinh", "Thanh Hà - Quang Vinh", None, None),
        ("VOV.VN", None, "VOV", None),
        ("Dantri", None, "Dân trí", None),
        ("Trần Huy/VOV.VN Trần Huy/VOV.VN", "Trần Huy", "VOV", None),
        ("PV", "PV", None, None),
    ],
)
def test_bylines(text: str, author: str | None, outlet: str | None, agency: str | None) -> None:
    b = parse_byline(text)
    assert b is not None
    assert (b.author, b.outlet, b.agency) == (author, outlet, agency)


@pytest.mark.parametrize(
    "text",
    [
        "Theo ông Lâm, hội nghị thành công.",
        "Theo kế hoạch",
        "Nga và Trung Quốc",
        "Tình hình ít biến chuyển",
        "Hội nghị kết thúc tốt đẹp.",
        "Hai bên ký kết. Minh Anh",
        "Ông Lâm (trái) và bà Hoa",
        "Thủ tướng Lý Hiển Long phát biểu tại hội nghị thượng đỉnh kéo dài hai ngày ở thủ đô",
        "",
    ],
)
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


def test_person_names() -> None:
    assert is_person_name("Vũ Anh Tuấn") and is_person_name("Thu Hà, Minh Đức")
    assert not is_person_name("Hà") and not is_person_name("Ông lâm") and not is_person_name("Báo Tin Tức")


def _credits(text: str) -> list[str]:
    return [text[c.begin:c.end] for c in find_credits(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "credits", "who"),
    [
        ("Cảnh sát tuần tra. Ảnh: AFP/TTXVN", ["Ảnh: AFP/TTXVN"], ["AFP/TTXVN"]),
        ("Lễ ký kết. (Ảnh Reuters)", ["(Ảnh Reuters)"], ["Reuters"]),
        ("Lễ ký kết. (Nguồn: EPA/TTXVN) Hai bên", ["(Nguồn: EPA/TTXVN)"], ["EPA/TTXVN"]),
        ("Lễ ký kết (Ảnh: Kyodo.) Sau đó", ["(Ảnh: Kyodo.)"], ["Kyodo"]),
        ("Ảnh: RIA Novosti Đó là tuyên bố", ["Ảnh: RIA Novosti"], ["RIA Novosti"]),
        ("năm 2014. Ảnh: Reuters Trong khi đó, hai bên", ["Ảnh: Reuters"], ["Reuters"]),
        ("ngày 28-4. Ảnh: AP Lào, Thái Lan nhất trí", ["Ảnh: AP"], ["AP"]),
        ("ngày 24/1. Ảnh: AFP/TTXVN  Theo phóng viên", ["Ảnh: AFP/TTXVN"], ["AFP/TTXVN"]),
        ("Đại biểu dự lễ. (Ảnh: Phương Linh)", ["(Ảnh: Phương Linh)"], ["Phương Linh"]),
        ("Đại biểu dự lễ. Ảnh: Hoàng Nam", ["Ảnh: Hoàng Nam"], ["Hoàng Nam"]),
        ("Hội nghị G20. Ảnh Reuters Kế hoạch về lệnh", ["Ảnh Reuters"], ["Reuters"]),
        ("Cầu mới. (Ảnh minh họa)", ["(Ảnh minh họa)"], [""]),
        ("Khu vực đổ nát (Ảnh: Anadolu Agency). Sau đó", ["(Ảnh: Anadolu Agency)."], ["Anadolu Agency"]),
    ],
)
def test_credits(text: str, credits: list[str], who: list[str]) -> None:
    assert _credits(text) == credits
    assert [c.who for c in find_credits(text, 0, len(text))] == who


@pytest.mark.parametrize(
    "text",
    [
        "Ảnh hưởng của lệnh trừng phạt kéo dài.",
        "Việc này ảnh hưởng: Reuters cho biết nhiều điều",
        "Số ca bệnh giảm (Nguồn: Bộ Y tế).",
        "Theo nguồn tin, hai bên gặp nhau.",
        "Hình ảnh của hội nghị được lan truyền rộng rãi.",
    ],
)
def test_not_credits(text: str) -> None:
    assert _credits(text) == []


def test_gazetteer() -> None:
    assert outlet_name("baotintuc.vn") == "Báo Tin tức" and outlet_name("VOV-Trung tâm Tin") == "VOV"
    assert outlet_name("Reuters") is None and agency_name("fna") == "Fars News"
    assert is_credit_token("AFP/TTXVN") and is_credit_token("Getty") and not is_credit_token("Trong")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Thứ Năm, 14/03/2019 08:15", True), ("Chủ nhật, 12/5/2019, 07:00 (GMT+7)", True),
     ("08:15 | 14/03/2019", True), ("Ngày đăng: 14 tháng 3 năm 2019", True), ("T5, 14/03/2019", True),
     ("Ngày 14/3/2019, hai bên gặp nhau.", False), ("Thứ Năm là ngày họp", False), ("14/3", False)],
)
def test_header_date_lines(line: str, expected: bool) -> None:
    assert header_date(line) is expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [("Đọc thêm", "read_more"), ("Tin liên quan:", "read_more"), ("Có thể bạn quan tâm", "read_more"),
     ("Chia sẻ", "share"), ("Ý kiến của bạn", "comments"), ("Tags: Lào, Thái Lan", "tags"),
     ("Copyright © Báo Mẫu", "footer"), ("Các đơn vị thông tin của Báo Mẫu", "footer"),
     ("Thời sự - Thế giới - Kinh tế - Thể thao", "footer"),
     ("Đọc thêm nhiều sách là điều tốt cho trẻ em.", None), ("Đăng ký kết hôn tăng mạnh trong năm nay", None),
     ("Lào - Thái Lan - Myanmar", None)],
)
def test_end_markers(line: str, kind: str | None) -> None:
    assert end_marker(line) == kind


def test_small_markers() -> None:
    assert caption_label("Chú thích ảnh") and not caption_label("Chú thích ảnh cho bài báo này rất dài")
    assert is_breadcrumb("Thế giới > Châu Á") and not is_breadcrumb("Lào/Thái Lan ký kết")
    assert outlet_prefix("(Dân trí) - Sáng nay") == (len("(Dân trí) - "), "Dân trí")
    assert outlet_prefix("TTO - Sáng nay")[1] == "Tuổi Trẻ"
    assert outlet_prefix("(Baohanoi.vn) - Sáng nay")[1] == "Baohanoi.vn"
    assert outlet_prefix("(ảnh minh họa) - Sáng nay") is None and outlet_prefix("Hà Nội - Sáng nay") is None
    assert repeats_title("Tiêu đề “mới” ảnh 3", "Tiêu đề 'mới'") and not repeats_title("Tiêu đề khác", "Tiêu đề")
    assert glued_headlines("Lào mở tuyến đường sắt mớiThái Lan tăng xuất khẩu gạo sang châu Âu")
    assert not glued_headlines("Tài liệu do WikiLeaks công bố gây tranh cãi lớn.")
    text = "Hai bên ký kết. [Lào tăng xuất khẩu điện sang Thái Lan] Sau đó [VIDEO] họ về."
    assert [(text[b:e], k) for b, e, k in inline_related(text, 0, len(text))] == [
        ("[Lào tăng xuất khẩu điện sang Thái Lan]", "related"), ("[VIDEO]", "tag")]
