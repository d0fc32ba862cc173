"""literal_gate: the literal words read off a pattern, and the gated searches giving the ungated results."""

from __future__ import annotations

import re

from syriakg.loaders.text import glued
from syriakg.loaders.text.literal_gate import required_literals


def test_literals_of_a_named_group() -> None:
    pat = re.compile(r"(?<=\w)\s+(?P<op>Tuy\s+nhiên|Trước\s+(?:đó|đây)|(?:Sáng|Chiều)\s+nay|Ngày\s+\d+|[XY]z)")
    assert set(required_literals(pat, "op") or ()) == {"Tuy", "Trước", "Sáng", "Chiều", "Ngày", "X", "Y"}


def test_no_gate_when_a_branch_has_no_literal_start() -> None:
    assert required_literals(re.compile(r"\s(?P<op>Tuy|\w+ly)"), "op") is None
    assert required_literals(re.compile(r"\s(?P<op>Tuy|Sau)", re.I), "op") is None  # case-insensitive
    assert required_literals(re.compile(r"\s(?P<op>Tuy)"), "missing") is None


def test_glued_patterns_are_gated() -> None:
    assert glued._GATE is not None


def _ungated(text: str, b: int, e: int) -> re.Match[str] | None:
    first = glued._OPENER.search(text, b, e)
    m = glued._THEO_NAMED.search(text, b, first.start() if first else e)
    if m and m.group("src")[0].isupper() and not glued._TITLE_BEFORE.search(text, b, m.start()):
        return m
    return first


def test_gated_opener_finds_what_the_full_search_finds() -> None:
    texts = [
        "Binh sĩ tuần tra ở ngoại ô thành phố Kherson năm 2019 Tuy nhiên, tình hình vẫn căng thẳng.",
        "Đoàn xe cứu trợ tới thị trấn Zabadani   Hồi đầu tuần, các bên đã nhất trí.",
        "Hội nghị ở Oslo kết thúc Theo Hãng tin Bloomberg, hai bên ký văn kiện.",
        "Bộ trưởng Theo Verhagen, người phụ trách, phát biểu.",
        "Ông Kwame nói Đây là bước tiến lớn Sau đó họ rời đi.",
        "Không có từ mở đầu nào trong câu này cả.",
        "\u00a0Ngày 5 tháng Ba họ gặp nhau.",
    ]
    for text in texts:
        for b in range(0, min(len(text), 12)):
            got, want = glued._opener(text, b, len(text)), _ungated(text, b, len(text))
            assert (got.span(), got.span("op")) == (want.span(), want.span("op")) if want else got is None, text
