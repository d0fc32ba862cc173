"""Fact families run only on articles about the Syrian war."""

from __future__ import annotations

from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.pipeline import extract
from syriakg.loaders.extract.relevance import is_relevant
from syriakg.loaders.model import Article, RawDocument, Span
from tests.extract_helpers import doc_from_sentences


def _article(text: str) -> Article:
    headline = text.split("\n", 1)[0]
    raw = RawDocument(source_file="t.txt", doc_id="t", text=text, format="txt")
    return Article(raw=raw, text=text, headline=headline, headline_span=Span(0, len(headline)),
                   body=[Span(len(headline) + 2, len(text))], body_end=len(text))


def test_war_places_people_and_groups_make_an_article_relevant():
    for s in ["Giao tranh ác liệt tiếp diễn ở Deir ez-Zor.", "Phe nổi dậy rút khỏi Đông Ghouta.",
              "Tổng thống Bashar al-Assad tiếp phái đoàn.", "Vòng đàm phán Astana kết thúc.",
              "Quân đội Xy-ri tiến vào thị trấn."]:
        assert is_relevant(doc_from_sentences([s]))


def test_other_news_is_not():
    for s in ["Ba người thiệt mạng trong vụ tai nạn giao thông ở Nghệ An.",
              "Hai bên nhất trí thúc đẩy thương mại song phương.",
              "Cảnh sát đã bắt giữ 12 đối tượng buôn lậu."]:
        assert not is_relevant(doc_from_sentences([s]))
    assert not is_relevant(Doc(doc_from_sentences(["Khánh Hòa đón khách."]).ex))


def test_no_facts_from_unrelated_news_but_entities_remain(monkeypatch):
    text = "Tai nạn ở Pháp\n\nÍt nhất 5 người đã thiệt mạng trong vụ tai nạn xe buýt ở Pháp hôm qua.\n"
    ex = extract(_article(text))
    assert ex.casualties == []
    assert any("not about the Syrian war" in w for w in ex.article.warnings)
    monkeypatch.setenv("SYRIAKG_TOPIC_FILTER", "0")
    ex2 = extract(_article(text))
    assert ex2.casualties, "with the filter off the same sentence yields a casualty claim"


def test_off_topic_text_mode_keeps_sentences_only(monkeypatch):
    text = "Hội nghị ở Pháp\n\nTổng thống Pháp Emmanuel Macron đã tiếp Thủ tướng Đức tại Paris hôm qua.\n"
    default = extract(_article(text))
    assert default.mentions, "by default an off-topic article keeps its mentions"
    monkeypatch.setenv("SYRIAKG_OFF_TOPIC", "text")
    slim = extract(_article(text))
    assert slim.sentences and not slim.mentions and not slim.positions and not slim.entities
    assert any("text and sentences only" in w for w in slim.article.warnings)
    # an article about the war is read in full whatever the mode
    war = extract(_article("Đàm phán Astana\n\nNgoại trưởng Nga Sergei Lavrov tới Astana hôm qua.\n"))
    assert war.mentions


def test_off_topic_mode_rejects_unknown_values(monkeypatch):
    import pytest

    from syriakg.loaders.extract.relevance import off_topic_mode

    monkeypatch.setenv("SYRIAKG_OFF_TOPIC", "nothing")
    with pytest.raises(ValueError, match="SYRIAKG_OFF_TOPIC"):
        off_topic_mode()


def test_huge_article_is_read_up_to_the_limit_and_keeps_all_sentences(monkeypatch):
    monkeypatch.setenv("SYRIAKG_MAX_EXTRACT_CHARS", "400")
    para = "Ngoại trưởng Nga Sergei Lavrov đã hội đàm với người đồng cấp Iran tại Moskva về Syria. "
    text = "Tin Syria\n\n" + para * 20 + "\n"
    ex = extract(_article(text))
    assert len(ex.sentences) == 20, "every sentence is kept"
    assert ex.mentions and all(m.span.end <= 400 for m in ex.mentions)
    assert any("SYRIAKG_MAX_EXTRACT_CHARS" in w for w in ex.article.warnings)
