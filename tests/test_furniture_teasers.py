"""Unbracketed related-article teasers (headline glued to its summary) closing a flattened body (teasers.py)."""

from __future__ import annotations

from syriakg.loaders.text.sentences import split_spans
from syriakg.loaders.text.teasers import glued_headline, teaser_blocks

STORY = (
    "Ngày 14/3, Bộ trưởng Thương mại Chile đã tới thăm cảng Callao của Peru để thảo luận về tuyến hàng hải mới. "
    "Hai bên nhất trí thành lập một nhóm công tác chung về vận tải biển. "
    "Theo kế hoạch, nhóm sẽ họp lần đầu vào tháng 5 tại Santiago. "
)
TEASERS = (
    "Hải quân Peru nhận hai tàu tuần tra ven biển mới "
    "Hải quân Peru hôm thứ Ba đã tiếp nhận hai tàu tuần tra ven biển mới do một xưởng đóng tàu trong nước chế tạo. "
    "Chile mở rộng cảng Valparaíso đón tàu container cỡ lớn "
    "Chính phủ Chile cho biết cảng Valparaíso sẽ được mở rộng để đón tàu container cỡ lớn từ năm sau. "
    "Giá đồng thế giới tăng mạnh sau báo cáo sản lượng "
    "Giá đồng thế giới đã tăng mạnh trong phiên giao dịch hôm qua sau báo cáo sản lượng của các mỏ lớn."
)


def test_glued_headline_found_where_the_summary_starts() -> None:
    text = TEASERS
    sents = split_spans(text)
    g = glued_headline(text, sents[0], text[sents[1][0]:sents[1][1]])
    assert g is not None
    assert text[g[0]:].startswith("Hải quân Peru hôm thứ Ba")


def test_ordinary_sentence_with_names_is_not_a_headline() -> None:
    text = ("Phái đoàn thương mại của Argentina sẽ tới Lima vào tuần sau để ký kết hai văn kiện hợp tác. "
            "Các văn kiện liên quan tới nông nghiệp và năng lượng.")
    sents = split_spans(text)
    assert glued_headline(text, sents[0], text[sents[1][0]:sents[1][1]]) is None


def test_closing_run_of_teasers_is_found() -> None:
    text = STORY + TEASERS
    sents = split_spans(text)
    blocks = teaser_blocks(text, sents)
    assert blocks == [(text.index("Hải quân Peru nhận"), len(text), True)]


def test_two_teasers_are_not_a_run() -> None:
    text = STORY + TEASERS.rsplit(". Giá đồng", 1)[0] + "."
    assert teaser_blocks(text, split_spans(text)) == []


def test_items_opening_alike_are_a_list_not_teasers() -> None:
    items = "".join(
        f"Danh sách giải thưởng {k} năm nay gồm ba mẫu xe điện "
        f"Danh sách giải thưởng {k} năm nay gồm ba mẫu xe điện của các hãng châu Âu và châu Á. "
        for k in ("Alpha", "Beta", "Gamma"))
    text = STORY + items
    assert teaser_blocks(text, split_spans(text)) == []


def test_story_with_sub_headings_keeps_its_sections() -> None:
    sections = (
        "Cảng mới của Peru Cảng mới của Peru có thể đón tàu trọng tải lớn từ năm 2027, theo chính quyền địa phương. "
        "Công trình gồm hai bến và một khu kho lạnh. Vốn đầu tư chủ yếu đến từ ngân sách vùng. "
        "Nhà đầu tư cũng cam kết tuyển lao động tại chỗ. "
        "Lo ngại về môi trường Một số tổ chức môi trường lo ngại về tác động của dự án tới vùng ven biển. "
        "Họ đề nghị một đánh giá độc lập. Chính quyền cho biết sẽ công bố báo cáo trong tháng tới. "
        "Các cuộc tham vấn cộng đồng sẽ diễn ra song song."
    )
    text = STORY + sections
    assert teaser_blocks(text, split_spans(text)) == []


def test_no_blocks_without_headlines() -> None:
    sents = split_spans(STORY)
    assert teaser_blocks(STORY, sents) == []
