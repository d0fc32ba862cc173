"""Fuzz the parsers with hypothesis: readers on random bytes, `build_article`, the sentence splitter and the
whole per-article function on random (Vietnamese-looking) text.  Nothing may crash: a reader yields
documents or `LoadError`s, never an exception; spans stay inside the text; extraction never fails."""

from __future__ import annotations

import gzip
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

FAST = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)

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


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=VI_TEXT, title=st.one_of(st.none(), VI_TEXT))
def test_whole_article_pipeline_never_crashes(text, title):
    out = process_document(_doc(text, "jsonl", title), DEFAULT_BASE)
    if isinstance(out, LoadError):
        assert not out.problem.startswith("extraction failed"), out.problem  # a crash inside extraction
    else:
        assert isinstance(out, Processed)
