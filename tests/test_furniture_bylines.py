"""Bylines with initials, 'tổng hợp' marks and dashes, alone or glued to the last sentence of a flattened body.

Pages written for the tests: invented names, outlets and places.
"""

from __future__ import annotations

import pytest

from syriakg.loaders.model import Article, RawDocument
from syriakg.loaders.text.bylines import glued_byline, parse_byline
from syriakg.loaders.text.furniture import build_article
from syriakg.loaders.text.sentences import split_article


def jsonl_page(title: str, body: str) -> Article:
    """A scale-corpus style record: the title apart, the body one flat line."""
    raw = RawDocument(source_file="x.jsonl#1", doc_id="x-1", text=body, format="jsonl", title=title)
    return build_article(raw)


def body_texts(art: Article) -> list[str]:
    return [s.text for s in split_article(art)[0]]


def furniture(art: Article) -> list[tuple[str, str]]:
    return [(k, art.text[s.begin:s.end]) for s, k in art.furniture]


@pytest.mark.parametrize(
    ("text", "author", "agency"),
    [
        ("T.H (Theo Reuters)", "T.H", "Reuters"),
        ("Q.T (Theo RT)", "Q.T", "RT"),
        ("N.Q.A (theo AP)", "N.Q.A", "AP"),
        ("K.Linh (Theo Sputnik)", "K.Linh", "Sputnik"),
        ("T.H. (theo AFP)", "T.H.", "AFP"),
        ("H.L (tổng hợp)", "H.L", None),
        ("Kh.V (T/h)", "Kh.V", None),
        ("Thu Yến (t/h)", "Thu Yến", None),
        ("Bảo Ngân (TH)", "Bảo Ngân", None),
        ("Minh Anh (theo AFP, TASS)", "Minh Anh", "AFP, TASS"),
        ("HV (Theo Al Jazeera)", "HV", "Al Jazeera"),
        ("LÊ KHANG (Theo AFP, CNN)", "LÊ KHANG", "AFP, CNN"),
        ("Gia Bảo (Nguồn: Kyodo)", "Gia Bảo", "Kyodo"),
        ("P.Q (Tổng hợp từ Anadolu)", "P.Q", "Anadolu Agency"),
        ("BS Hoài Thu (Theo Healthline)", "BS Hoài Thu", "Healthline"),
        ("Trọng Khải -", "Trọng Khải", None),
        ("VK Võ Khải -", "Võ Khải", None),
        ("Đại tá Hồ Văn Tâm -", "Hồ Văn Tâm", None),
        ("Lan Chi - Theo Reuters", "Lan Chi", "Reuters"),
    ],
)
def test_initials_and_marks(text: str, author: str | None, agency: str | None) -> None:
    b = parse_byline(text)
    assert b is not None, text
    assert (b.author, b.agency) == (author, agency)


def test_bracket_alone_is_a_byline() -> None:
    assert parse_byline("(Tổng hợp)") is not None
    assert parse_byline("(T/h)") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Mỹ (theo AP)",  # a country, not initials
        "IS (theo AP)",
        "NATO (theo Reuters)",
        "UAE (T/h)",
        "Quân đội Syria (SAA)",
        "Tổng thống Putin (phải)",
        "ASEAN (Theo kế hoạch)",
        "Hà Nội - Hải Phòng -",
        "Quân đội Syria -",
        "Syria (tổng hợp)",
    ],
)
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("Cuộc họp kết thúc hôm 5/9 T.H (Theo Reuters)", "T.H (Theo Reuters)"),
        ("lực lượng tiến vào thị trấn Qaryatain VK Võ Khải -", "VK Võ Khải -"),
        ("các phiên bản mới OxygenOS Lê Kiên (Theo Android Authority)", "Lê Kiên (Theo Android Authority)"),
        ("Hai bên sẽ gặp lại vào tháng tới. (Theo AFP)", "(Theo AFP)"),
        ("giải quần vợt mùa này M.Ch (Tổng hợp)", "M.Ch (Tổng hợp)"),
    ],
)
def test_glued_byline(text: str, byline: str) -> None:
    at = glued_byline(text, 0, len(text))
    assert at is not None and text[at:] == byline


@pytest.mark.parametrize(
    "text",
    [
        "Lực lượng này được gọi là Quân đội Syria (SAA)",
        "đã bị tổ chức khủng bố IS (Nhà nước Hồi giáo) chiếm giữ",
        "tuyến đường nối Hama - Aleppo -",
        "theo giờ địa phương (theo giờ Hà Nội)",
        "Ông Lê Minh Tuấn (phải) bắt tay ông Karim Haddad (trái)",
    ],
)
def test_not_glued_byline(text: str) -> None:
    assert glued_byline(text, 0, len(text)) is None


def test_flat_body_loses_its_glued_byline() -> None:
    art = jsonl_page(
        "Jordan và Liban bàn về người tị nạn",
        "Ngoại trưởng Jordan Karim Haddad ngày 12/3 đã tiếp người đồng cấp Liban tại Amman. "
        "Hai bên nhất trí lập nhóm công tác chung về người tị nạn Syria. "
        "Nhóm sẽ họp lần đầu vào tháng 5 tại Beirut Đ.K (Theo Petra, Anadolu)",
    )
    body = body_texts(art)
    assert body[-1] == "Nhóm sẽ họp lần đầu vào tháng 5 tại Beirut"
    assert ("byline", "Đ.K (Theo Petra, Anadolu)") in furniture(art)
    assert art.author == "Đ.K"
    assert not any("Theo Petra" in s for s in body)


def test_byline_sentence_after_the_last_full_stop() -> None:
    art = jsonl_page(
        "Iraq mở lại cửa khẩu",
        "Iraq đã mở lại cửa khẩu Al-Qaim với Syria hôm thứ Hai. Xe tải bắt đầu qua lại từ sáng sớm. HL (Theo Rudaw)",
    )
    assert body_texts(art)[-1] == "Xe tải bắt đầu qua lại từ sáng sớm."
    assert ("byline", "HL (Theo Rudaw)") in furniture(art)


def test_body_ending_in_a_bracket_that_is_no_byline_is_kept() -> None:
    art = jsonl_page(
        "Quân đội Syria mở chiến dịch mới",
        "Quân đội Syria mở chiến dịch mới ở miền đông. Chiến dịch do Quân đội Arab Syria (SAA)",
    )
    assert body_texts(art)[-1] == "Chiến dịch do Quân đội Arab Syria (SAA)"
    assert not any(k == "byline" for k, _ in furniture(art))



def test_byline_glued_to_the_start_of_the_body() -> None:
    art = jsonl_page(
        "Ai Cập kêu gọi đối thoại",
        "M.T (Theo Ahram) Ngoại trưởng Ai Cập Omar Fathy ngày 4/2 kêu gọi các bên ở Libya đối thoại. Ông nói thêm.",
    )
    assert body_texts(art)[0].startswith("Ngoại trưởng Ai Cập")
    assert ("byline", "M.T (Theo Ahram)") in furniture(art)
    assert art.author == "M.T"


def test_bracket_at_the_start_that_is_no_byline_is_kept() -> None:
    art = jsonl_page("Nga điều tàu", "Nga (theo nguồn tin quân sự) Hạm đội đã rời cảng Tartus hôm qua. Tàu hướng về phía tây.")
    assert body_texts(art)[0].startswith("Nga (theo nguồn tin quân sự)")


def test_byline_then_its_sources() -> None:
    b = parse_byline("Thảo Vy/VOV-Trung tâm Tin Theo AFP, Reuters")
    assert b is not None and b.author == "Thảo Vy" and b.outlet == "VOV" and b.agency == "AFP, Reuters"
    assert parse_byline("Nga và Mỹ Theo Reuters") is None
