"""Fuzz the parsers with hypothesis: readers on random bytes, `build_article`, the sentence splitter and the
whole per-article function on random (Vietnamese-looking) text.  Nothing may crash: a reader yields
documents or `LoadError`s, never an exception; spans stay inside the text; extraction never fails."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syriakg.loaders.model import Article, LoadError, RawDocument
from syriakg.loaders.process import Processed, process_document
from syriakg.loaders.sources.discover import iter_documents
from syriakg.loaders.text.furniture import build_article
from syriakg.loaders.text.sentences import split_spans
from syriakg.ontology.terms import DEFAULT_BASE

# SYRIAKG_FUZZ_EXAMPLES=2000 explores longer (locally; CI keeps the default)
EXAMPLES = int(os.environ.get("SYRIAKG_FUZZ_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)

# Vietnamese-looking text: syllables, names, numbers, dates, punctuation, quotes, newlines, odd characters
SYLLABLES = ["Nga", "Mỹ", "Thổ", "Nhĩ", "Kỳ", "Syria", "ngoại", "trưởng", "hội", "đàm", "với", "tại", "ngày",
             "tháng", "năm", "người", "thiệt", "mạng", "ít", "nhất", "ông", "bà", "Tổng", "thống", "cho", "biết",
             "thỏa", "thuận", "ngừng", "bắn", "Moskva", "Damascus", "Idlib", "Liên", "Hợp", "Quốc", "LHQ", "IS"]
PIECES = st.one_of(
    st.sampled_from(SYLLABLES),
    st.sampled_from([".", ",", ":", ";", "!", "?", "…", '"', "“", "”", "(", ")", "-", "–", "/", "\n", "\n\n",
                     "\r\n", "\t", "\u00a0", "\u200b", "\ufeff", " ", "  ", "Ảnh: ", "Theo TTXVN", "(Ảnh minh họa)"]),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.builds(lambda d, m, y: f"{d}/{m}/{y}", st.integers(0, 40), st.integers(0, 14), st.integers(1900, 2100)),
    st.text(alphabet=string.printable + "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
            max_size=12),
)
VI_TEXT = st.lists(PIECES, max_size=120).map(lambda xs: " ".join(xs))
ANY_TEXT = st.one_of(VI_TEXT, st.text(max_size=400))


def _doc(text: str, fmt: str = "txt", title: str | None = None) -> RawDocument:
    return RawDocument(source_file="fuzz.txt", doc_id="fuzz", text=text, format=fmt, title=title)  # type: ignore[arg-type]


@FAST
@given(data=st.binary(max_size=3000), ext=st.sampled_from([".txt", ".html", ".jsonl", ".jsonl.gz"]))
def test_readers_never_raise_on_random_bytes(tmp_path_factory, data, ext):
    d = tmp_path_factory.mktemp("bytes")
    f = d / f"random{ext}"
    f.write_bytes(gzip.compress(data) if ext.endswith(".gz") else data)
    out = list(iter_documents([str(d)]))
    assert out
    for item in out:
        assert isinstance(item, RawDocument | LoadError)
        if isinstance(item, LoadError):
            assert item.problem and "random" in item.source
        else:
            assert item.text.strip()


@FAST
@given(lines=st.lists(st.one_of(st.binary(max_size=200), VI_TEXT.map(lambda t: t.encode()),
                                st.builds(lambda i, t: f'{{"id": {i}, "title": "t", "text": "{t}"}}'.encode(),
                                          st.integers(0, 5), st.text(max_size=60))), max_size=12))
def test_jsonl_reader_on_random_lines(tmp_path_factory, lines):
    f: Path = tmp_path_factory.mktemp("jsonl") / "r.jsonl"
    f.write_bytes(b"\n".join(lines))
    ids = set()
    for item in iter_documents([str(f)]):
        assert isinstance(item, RawDocument | LoadError)
        if isinstance(item, RawDocument):
            assert item.doc_id not in ids
            ids.add(item.doc_id)


@FAST
@given(text=ANY_TEXT)
def test_sentence_splitter_spans_stay_in_the_text(text):
    spans = split_spans(text)
    last = 0
    for b, e in spans:
        assert last <= b < e <= len(text)
        last = e


@FAST
@given(text=ANY_TEXT, title=st.one_of(st.none(), VI_TEXT), fmt=st.sampled_from(["txt", "html", "jsonl"]))
def test_build_article_never_crashes(text, title, fmt):
    try:
        art = build_article(_doc(text, fmt, title))
    except LoadError as err:  # a clear refusal is fine
        assert err.problem
        return
    assert isinstance(art, Article)
    n = len(art.text)
    for span in [*art.body, *art.captions, *(s for s, _ in art.furniture)]:
        assert 0 <= span.begin <= span.end <= n


@settings(max_examples=max(120, EXAMPLES * 4 // 5), deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=VI_TEXT, title=st.one_of(st.none(), VI_TEXT))
def test_whole_article_pipeline_never_crashes(text, title):
    out = process_document(_doc(text, "jsonl", title), DEFAULT_BASE)
    if isinstance(out, LoadError):
        assert not out.problem.startswith("extraction failed"), out.problem  # a crash inside extraction
    else:
        assert isinstance(out, Processed)


# -- the number and date parsers, the decoder, metadata dates -------------------------------------------------------

NUMBER_WORDS = ["một", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "mốt",
                "linh", "lẻ", "trăm", "chục", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ", "rưỡi", "hàng", "vài",
                "nửa", "ít", "nhất", "hơn", "khoảng", "gần", "tối", "đa", "dưới", "từ", "đến", "người", "phần"]
NUMBER_TEXT = st.lists(st.one_of(
    st.sampled_from(NUMBER_WORDS), st.sampled_from(SYLLABLES),
    st.from_regex(r"\A\d{1,4}(?:[.,]\d{1,3}){0,3}\Z"), st.from_regex(r"\A\d{1,3}\s?[-–]\s?\d{1,3}\Z"),
    st.sampled_from(["%", "phần trăm", ".", ",", "-", "/", "(", ")", "\u00a0"]),
), max_size=40).map(" ".join)
DATE_WORDS = ["ngày", "hôm", "tháng", "năm", "thứ", "tuần", "sáng", "chiều", "tối", "đêm", "rạng", "đầu", "cuối",
              "giữa", "tới", "qua", "trước", "sau", "nay", "ngoái", "này", "vừa", "rồi", "hôm qua", "hôm nay",
              "ngày mai", "Chủ nhật", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "giêng", "chạp", "cùng ngày",
              "kể từ", "đến", "hạn chót", "lần", "vòng", "và", "hai", "mười", "mười hai"]
DATE_TEXT = st.lists(st.one_of(
    st.sampled_from(DATE_WORDS), st.sampled_from(SYLLABLES),
    st.integers(0, 3000).map(str),
    st.builds(lambda d, m: f"{d}/{m}", st.integers(0, 99), st.integers(0, 99)),
    st.builds(lambda d, m, y: f"{d}-{m}-{y}", st.integers(0, 40), st.integers(0, 14), st.integers(0, 2200)),
    st.builds(lambda d, m, y: f"{d}/{m}/{y}", st.integers(0, 40), st.integers(0, 14), st.integers(0, 2200)),
    st.sampled_from(["/", "-", "–", ".", ",", "(", ")", " "]),
), max_size=40).map(" ".join)
ISO_LIKE = st.one_of(
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32)),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat() + "T10:20:00+07:00"),
    st.text(max_size=30),
)


@FAST
@given(text=st.one_of(NUMBER_TEXT, ANY_TEXT))
def test_quantities_are_inside_the_text_with_sane_values(text):
    from syriakg.loaders.extract.numbers import find_quantities

    last = 0
    for q in find_quantities(text):
        assert last <= q.begin <= q.num_begin <= q.num_end == q.end <= len(text), q
        assert q.text == text[q.begin:q.end]
        assert q.value is None or (isinstance(q.value, int) and q.value >= 0), q
        assert (q.value is None) == (q.qualifier == "vague"), q
        last = q.begin


@FAST
@given(digits=st.from_regex(r"\A[\d.,]{0,20}\Z"), scale=st.lists(st.sampled_from(NUMBER_WORDS), max_size=4),
       words=st.lists(st.sampled_from(NUMBER_WORDS), max_size=12))
def test_number_parsers_never_raise(digits, scale, words):
    from syriakg.loaders.extract.numbers import parse_digits, parse_words

    v = parse_digits(digits, " ".join(scale))
    assert v is None or isinstance(v, int)
    value, used = parse_words(words)
    assert 0 <= used <= len(words)
    assert value is None or value > 0
    assert used or value is None


@FAST
@given(text=st.one_of(DATE_TEXT, ANY_TEXT))
def test_date_expressions_are_inside_the_text_with_valid_fields(text):
    from syriakg.loaders.extract.date_expressions import find_dates

    last = 0
    for e in find_dates(text):
        assert last <= e.begin < e.end <= len(text), e
        assert e.text == text[e.begin:e.end]
        assert e.day is None or 1 <= e.day <= 31, e
        assert e.end_day is None or 1 <= e.end_day <= 31, e
        assert e.month is None or 1 <= e.month <= 12, e
        assert e.weekday is None or 0 <= e.weekday <= 6, e
        last = e.end


_DATE_VALUE = {"date": r"\d{4}-\d{2}-\d{2}", "gYearMonth": r"\d{4}-\d{2}", "gYear": r"\d{4}",
               "gMonthDay": r"--\d{2}-\d{2}"}


@settings(max_examples=max(100, EXAMPLES * 2 // 3), deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(sentences=st.lists(DATE_TEXT, min_size=1, max_size=5), published=st.one_of(st.none(), st.dates(
    min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))))
def test_date_resolution_gives_valid_lexical_values(sentences, published):
    """Resolving every expression against the article's date never crashes and gives well-formed values."""
    from syriakg.loaders.extract import dates
    from tests.extract_helpers import doc_from_sentences

    doc = doc_from_sentences([s or "x" for s in sentences], date=published.isoformat() if published else None)
    dates.component(doc)
    for s in doc.ex.sentences:
        for r in doc.dates.expressions(s):
            if r.value is None:
                continue
            assert re.fullmatch(_DATE_VALUE[r.value.precision], r.value.value), r
            if r.value.precision == "date":
                dt.date.fromisoformat(r.value.value)  # a real calendar day


@FAST
@given(data=st.one_of(st.binary(max_size=2000), VI_TEXT.map(lambda t: t.encode("utf-8")),
                      VI_TEXT.map(lambda t: t.encode("utf-16-le")), VI_TEXT.map(lambda t: t.encode("utf-16-be")),
                      VI_TEXT.map(lambda t: t.encode("cp1258", errors="replace"))),
       html=st.booleans(), encoding=st.sampled_from([None, None, None, "utf-8", "cp1258", "latin-1", "no-such"]))
def test_decoder_returns_text_or_a_clear_refusal(data, html, encoding):
    from syriakg.loaders.sources.decode import decode_bytes

    try:
        text, used = decode_bytes(data, "fuzz.bin", encoding, html=html)
    except LoadError as err:
        assert err.source == "fuzz.bin" and len(err.problem) > 5
        return
    assert isinstance(text, str) and text.strip() and used
    assert "\x00" not in text


@settings(max_examples=max(80, EXAMPLES // 2), deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=VI_TEXT, date=ISO_LIKE, url=st.one_of(st.none(), st.text(max_size=40)),
       outlet=st.one_of(st.none(), st.text(max_size=20)))
def test_article_with_odd_metadata_never_crashes(text, date, url, outlet):
    raw = RawDocument(source_file="fuzz.jsonl#x", doc_id="x", text=text or "x", format="jsonl", title=None,
                      date=date, url=url, outlet=outlet)
    out = process_document(raw, DEFAULT_BASE)
    if isinstance(out, LoadError):
        assert not out.problem.startswith("extraction failed"), out.problem
