"""Unbracketed related-article teasers (headline glued to its summary) closing a flattened body."""

from __future__ import annotations

from syriakg.loaders.model import RawDocument
from syriakg.loaders.text.furniture import build_article
from syriakg.loaders.text.sentences import split_article, split_spans
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


def article(text: str):
    raw = RawDocument(source_file="t.txt", doc_id="t", text=text, format="txt")
    return build_article(raw)


def body_texts(art) -> list[str]:
    return [s.text for s in split_article(art)[0]]


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


def test_teaser_run_after_the_story_is_furniture() -> None:
    text = "Chile và Peru bàn tuyến hàng hải mới\n\n" + STORY + TEASERS + "\n\nMinh Châu\n"
    art = article(text)
    body = body_texts(art)
    assert body[-1] == "Theo kế hoạch, nhóm sẽ họp lần đầu vào tháng 5 tại Santiago."
    assert not any("Valparaíso" in s or "Giá đồng" in s for s in body)
    assert art.body_end <= text.index("Hải quân Peru nhận")
    related = [art.text[f.begin:f.end] for f, kind in art.furniture if kind == "related"]
    assert any(r.startswith("Hải quân Peru nhận hai tàu") for r in related)


def test_one_glued_headline_alone_is_not_cut() -> None:
    # a single headline-like opening restated after it is what a sub-heading looks like: kept as body
    one = TEASERS.split(". Chile")[0] + "."
    text = "Chile và Peru bàn tuyến hàng hải mới\n\n" + STORY + one + "\n"
    body = body_texts(article(text))
    assert any("Hải quân Peru hôm thứ Ba" in s for s in body)


def test_story_with_sub_headings_keeps_its_sections() -> None:
    sections = (
        "Cảng mới của Peru Cảng mới của Peru có thể đón tàu trọng tải lớn từ năm 2027, theo chính quyền địa phương. "
        "Công trình gồm hai bến và một khu kho lạnh. Vốn đầu tư chủ yếu đến từ ngân sách vùng. "
        "Nhà đầu tư cũng cam kết tuyển lao động tại chỗ. "
        "Lo ngại về môi trường Một số tổ chức môi trường lo ngại về tác động của dự án tới vùng ven biển. "
        "Họ đề nghị một đánh giá độc lập. Chính quyền cho biết sẽ công bố báo cáo trong tháng tới. "
        "Các cuộc tham vấn cộng đồng sẽ diễn ra song song."
    )
    text = "Peru xây cảng mới\n\n" + STORY + sections + "\n"
    body = body_texts(article(text))
    assert body[-1] == "Các cuộc tham vấn cộng đồng sẽ diễn ra song song."


def test_no_blocks_without_headlines() -> None:
    sents = split_spans(STORY)
    assert teaser_blocks(STORY, sents) == []
