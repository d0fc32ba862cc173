"""Unbracketed related-article teasers (headline glued to its summary) closing a flattened body (teasers.py)."""

from __future__ import annotations

from syriakg.loaders.model import Article, RawDocument
from syriakg.loaders.text.furniture import build_article
from syriakg.loaders.text.sentences import split_article, split_spans
from syriakg.loaders.text.teasers import glued_headline, teaser_blocks

STORY = (
    "Ngày 14/3, Bộ trưởng Thương mại Chile đã tới thăm cảng Callao của Peru để thảo luận về tuyến hàng hải mới. "
    "Hai bên nhất trí thành lập một nhóm công tác chung về vận tải biển. "
    "Theo kế hoạch, nhóm sẽ họp lần đầu vào tháng 5 tại Santiago. "
    # a page of ordinary length: the common words teaser summaries open with also occur in lower case
    "Đại diện chính phủ hai nước cũng bàn về giá cước vận tải và lực lượng hải quan tại các cảng. "
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
    text = STORY + TEASERS
    sents = split_spans(text)
    i = next(j for j, (b, _e) in enumerate(sents) if text.startswith("Hải quân Peru", b))
    g = glued_headline(text, sents[i], text[sents[i + 1][0]:sents[i + 1][1]])
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


def test_round_up_whose_lead_lists_its_items_is_not_teasers() -> None:
    lead = ("Điểm tin chiều: Hải quân Peru nhận hai tàu tuần tra ven biển mới, Chile mở rộng cảng Valparaíso đón tàu "
            "container cỡ lớn, giá đồng thế giới tăng mạnh sau báo cáo sản lượng. ")
    text = lead + STORY + TEASERS
    assert teaser_blocks(text, split_spans(text)) == []


def _flat(title: str, body: str) -> Article:
    return build_article(RawDocument(source_file="x.jsonl#3", doc_id="x-3", text=body, format="jsonl", title=title))


def test_build_article_moves_a_closing_teaser_run_to_furniture() -> None:
    art = _flat("Chile và Peru bàn về vận tải biển", STORY + TEASERS + " Minh Khôi")
    body = [s.text for s in split_article(art)[0]]
    assert body[-1] == "Đại diện chính phủ hai nước cũng bàn về giá cước vận tải và lực lượng hải quan tại các cảng."
    related = [art.text[s.begin:s.end] for s, k in art.furniture if k == "related"]
    assert related and related[0].startswith("Hải quân Peru nhận")
    assert art.body_end <= art.text.index("Hải quân Peru nhận")


def test_inline_related_heading_ends_the_body() -> None:
    art = _flat("Giải vô địch khu vực", "Đội chủ nhà thắng 2-0 trong trận mở màn. Trận tiếp theo diễn ra vào thứ Bảy. "
                "Hoài Nam - Thể thao Ngày nay | 10:45 06/02/2017 Tin liên quan Đội khách thay huấn luyện viên "
                "Thủ môn số một chấn thương")
    body = [s.text for s in split_article(art)[0]]
    assert body == ["Đội chủ nhà thắng 2-0 trong trận mở màn.", "Trận tiếp theo diễn ra vào thứ Bảy."]
    kinds = {k for _s, k in art.furniture}
    assert {"related", "byline"} <= kinds
    assert art.author == "Hoài Nam"


def test_sentence_about_related_news_is_kept() -> None:
    art = _flat("Bộ Y tế họp báo", "Bộ Y tế đã họp báo sáng nay. Tin liên quan đến dịch bệnh được cập nhật hằng ngày.")
    assert [s.text for s in split_article(art)[0]][-1] == "Tin liên quan đến dịch bệnh được cập nhật hằng ngày."


def test_arrow_links_are_cut_and_the_story_goes_on() -> None:
    art = _flat("Mưa lớn ở miền Trung", "Mưa lớn kéo dài ba ngày ở miền Trung. >> Lũ quét ở vùng núi phía Bắc "
                ">> Cảnh báo sạt lở đất tại Tây Nguyên  Chính quyền đã sơ tán hơn 500 hộ dân.")
    body = [s.text for s in split_article(art)[0]]
    assert body == ["Mưa lớn kéo dài ba ngày ở miền Trung.", "Chính quyền đã sơ tán hơn 500 hộ dân."]
    related = [art.text[s.begin:s.end] for s, k in art.furniture if k == "related"]
    assert related == [">> Lũ quét ở vùng núi phía Bắc", ">> Cảnh báo sạt lở đất tại Tây Nguyên"]


def test_related_box_at_the_start_of_a_paragraph_is_cut_and_the_story_goes_on() -> None:
    art = _flat("Trường học bị đình chỉ", "Một trường tư thục ở Đà Lạt bị đình chỉ hoạt động.\n\n"
                "TIN LIÊN QUAN Phụ huynh phản ứng vì học phí tăng ... Sở Giáo dục vào cuộc kiểm tra ... "
                "Sáng 6/2, đoàn kiểm tra đã làm việc với nhà trường. Trường phải dừng tuyển sinh.")
    body = [s.text for s in split_article(art)[0]]
    assert body == ["Một trường tư thục ở Đà Lạt bị đình chỉ hoạt động.",
                    "Sáng 6/2, đoàn kiểm tra đã làm việc với nhà trường.", "Trường phải dừng tuyển sinh."]
    related = [art.text[s.begin:s.end] for s, k in art.furniture if k == "related"]
    assert related == ["TIN LIÊN QUAN Phụ huynh phản ứng vì học phí tăng ... Sở Giáo dục vào cuộc kiểm tra ..."]
