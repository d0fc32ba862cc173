"""Finding and reading inputs: files, folders, globs; .txt, .html, .jsonl(.gz); per-file errors that never stop a load."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import unicodedata
from pathlib import Path

import pytest
from fixtures.sources.legacy import SAMPLE_ARTICLE, to_cp1258

from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.sources.discover import iter_documents
from syriakg.loaders.sources.ids import file_stem, slug


def split(items: list[RawDocument | LoadError]) -> tuple[list[RawDocument], list[LoadError]]:
    docs = [d for d in items if isinstance(d, RawDocument)]
    errs = [d for d in items if isinstance(d, LoadError)]
    return docs, errs


def shared_dir() -> Path | None:
    env = os.environ.get("SYRIAKG_SHARED")
    p = Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared"
    return p if p.is_dir() else None


# -- identities -------------------------------------------------------------------------------

def test_slug_and_stem() -> None:
    assert slug("000_d5097bc123885f27") == "000-d5097bc123885f27"
    assert slug("Đà Nẵng  Tin") == "da-nang-tin"
    assert slug("漢字").startswith("doc-") and slug("漢字") != slug("字漢")
    assert file_stem("a.jsonl.gz") == "a" and file_stem("b.TXT") == "b" and file_stem("c.htm") == "c"


# -- the broken-files folder ----------------------------------------------------------------

@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a_good.txt").write_text(SAMPLE_ARTICLE, encoding="utf-8")
    (d / "b_bom.txt").write_bytes(codecs.BOM_UTF8 + SAMPLE_ARTICLE.encode("utf-8"))
    (d / "c_utf16_bom.txt").write_bytes(SAMPLE_ARTICLE.encode("utf-16"))
    (d / "d_utf16_nobom.txt").write_bytes(SAMPLE_ARTICLE.encode("utf-16-le"))
    (d / "e_cp1258.txt").write_bytes(to_cp1258(SAMPLE_ARTICLE))
    (d / "sub" / "f_nested.txt").write_text("Tin phụ\n\nMột câu trong thư mục con.\n", encoding="utf-8")
    (d / "x_empty.txt").write_bytes(b"")
    (d / "x_blank.txt").write_text("  \n\n ", encoding="utf-8")
    (d / "x_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(64))
    good = SAMPLE_ARTICLE.encode("utf-8")
    (d / "x_bad_utf8.txt").write_bytes(good[:60] + b"\xff\xfe\xe1" + good[60:])
    (d / "x_nul.txt").write_bytes(good[:30] + b"\x00" + good[30:])
    (d / "notes.tsv").write_text("a\tb\n", encoding="utf-8")  # not an article: skipped inside folders
    (d / ".hidden.txt").write_text("Ẩn\n\nKhông đọc.", encoding="utf-8")
    return d


def test_messy_folder_loads_every_good_file_and_names_the_bad_ones(messy: Path) -> None:
    docs, errs = split(list(iter_documents([str(messy)])))
    assert [d.source_file for d in docs] == [
        "a_good.txt", "b_bom.txt", "c_utf16_bom.txt", "d_utf16_nobom.txt", "e_cp1258.txt", "f_nested.txt"]
    encodings = {d.source_file: d.encoding for d in docs}
    assert encodings == {"a_good.txt": "utf-8", "b_bom.txt": "utf-8-sig", "c_utf16_bom.txt": "utf-16",
                         "d_utf16_nobom.txt": "utf-16-le", "e_cp1258.txt": "cp1258", "f_nested.txt": "utf-8"}
    for d in docs[:4]:
        assert d.text == SAMPLE_ARTICLE  # exactly as decoded, BOM removed
    assert unicodedata.normalize("NFC", docs[4].text) == SAMPLE_ARTICLE
    problems = {e.source: e.problem for e in errs}
    assert set(problems) == {"x_empty.txt", "x_blank.txt", "x_binary.txt", "x_bad_utf8.txt", "x_nul.txt"}
    assert "empty" in problems["x_empty.txt"] and "empty" in problems["x_blank.txt"]
    assert "binary" in problems["x_binary.txt"] and "NUL byte at offset 8" in problems["x_binary.txt"]
    assert "invalid UTF-8 at byte 60" in problems["x_bad_utf8.txt"]
    assert "NUL byte at offset 30" in problems["x_nul.txt"]
    for e in errs:
        assert str(e).startswith(e.source + ": ")


def test_raw_document_fields(messy: Path) -> None:
    doc = next(d for d in iter_documents([messy / "a_good.txt"]) if isinstance(d, RawDocument))
    assert doc.doc_id == "a-good" and doc.source_file == "a_good.txt" and doc.format == "txt"
    assert doc.source_path == str(messy / "a_good.txt")
    assert doc.raw_sha256 == hashlib.sha256(SAMPLE_ARTICLE.encode("utf-8")).hexdigest()
    assert doc.title is None  # the headline is found by the furniture step


def test_order_is_stable_and_files_are_read_once(messy: Path) -> None:
    first = [d.source_file for d in iter_documents([str(messy)]) if isinstance(d, RawDocument)]
    again = [d.source_file for d in iter_documents([str(messy / "*.txt"), str(messy), str(messy / "a_good.txt")])
             if isinstance(d, RawDocument)]
    assert sorted(again) == sorted(first) and len(again) == len(set(again))
    assert again[:5] == first[:5]  # the glob's matches, sorted, then the folder's remaining file


def test_glob_and_recursive_glob(messy: Path) -> None:
    docs, _ = split(list(iter_documents([str(messy / "**" / "f_*.txt")])))
    assert [d.source_file for d in docs] == ["f_nested.txt"]


def test_missing_path_and_unsupported_file_and_empty_glob(messy: Path, tmp_path: Path) -> None:
    (tmp_path / "empty_dir").mkdir()
    items = list(iter_documents([str(tmp_path / "nope.txt"), str(messy / "notes.tsv"), str(messy / "*.pdf"),
                                 str(tmp_path / "empty_dir"), str(messy / "a_good.txt")]))
    docs, errs = split(items)
    assert [d.source_file for d in docs] == ["a_good.txt"]
    assert ["no such file" in errs[0].problem, "unsupported file type" in errs[1].problem,
            "matched no" in errs[2].problem, "holds no" in errs[3].problem] == [True] * 4


def test_single_string_path(messy: Path) -> None:
    docs, _ = split(list(iter_documents(str(messy / "a_good.txt"))))
    assert len(docs) == 1


def test_forced_encoding(messy: Path) -> None:
    docs, errs = split(list(iter_documents([messy / "e_cp1258.txt"], encoding="cp1258")))
    assert not errs and docs[0].encoding == "cp1258"


def test_size_limit(messy: Path) -> None:
    items = list(iter_documents([messy / "a_good.txt"], max_bytes=100))
    assert isinstance(items[0], LoadError) and "too large" in items[0].problem and items[0].source == "a_good.txt"


def test_size_limit_from_environment(messy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYRIAKG_MAX_ARTICLE_BYTES", "50")
    items = list(iter_documents([messy / "a_good.txt"]))
    assert isinstance(items[0], LoadError) and "too large" in items[0].problem


def test_same_id_from_two_files_is_reported(tmp_path: Path) -> None:
    (tmp_path / "tin.txt").write_text(SAMPLE_ARTICLE, encoding="utf-8")
    (tmp_path / "tin.html").write_text(f"<html><body><h1>Tin</h1><p>{'Một câu dài. ' * 20}</p></body></html>",
                                       encoding="utf-8")
    docs, errs = split(list(iter_documents([tmp_path])))
    assert len(docs) == 1 and len(errs) == 1 and "already used" in errs[0].problem


# -- JSONL ----------------------------------------------------------------------------------------

def _records() -> list[dict[str, object]]:
    return [
        {"id": "101", "title": "Hội nghị ở Viêng Chăn", "text": "Sáng nay hội nghị khai mạc.\n\nHai bên ký biên bản.",
         "date": "2019-05-04", "url": "https://example.org/101", "outlet": "Báo Mẫu"},
        {"id": 102, "title": "Tin thứ hai", "text": "Nội dung tin thứ hai.", "date": None, "url": None, "outlet": None},
    ]


def _write_jsonl(path: Path, lines: list[str], gz: bool = False) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if gz:
        with gzip.open(path, "wb") as fh:
            fh.write(data)
    else:
        path.write_bytes(data)


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_records(tmp_path: Path, gz: bool) -> None:
    name = "Lô Tin.jsonl.gz" if gz else "Lô Tin.jsonl"
    p = tmp_path / name
    _write_jsonl(p, [json.dumps(r, ensure_ascii=False) for r in _records()], gz=gz)
    docs, errs = split(list(iter_documents([p])))
    assert not errs
    a, b = docs
    assert (a.doc_id, a.source_file, a.format) == ("lo-tin-101", f"{name}#101", "jsonl")
    assert a.text == "Sáng nay hội nghị khai mạc.\n\nHai bên ký biên bản."
    assert (a.title, a.date, a.url, a.outlet) == ("Hội nghị ở Viêng Chăn", "2019-05-04", "https://example.org/101",
                                                  "Báo Mẫu")
    assert (b.doc_id, b.source_file, b.date, b.outlet) == ("lo-tin-102", f"{name}#102", None, None)


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    good = [json.dumps(r, ensure_ascii=False) for r in _records()]
    lines = [
        good[0],
        "",  # blank lines are skipped
        '{"id": "103", "title": "Hỏng", "text": ',  # truncated JSON
        json.dumps({"id": "104", "title": "Không có nội dung", "text": "   "}),
        json.dumps({"title": "Không id", "text": "Có nội dung."}),
        json.dumps(["không", "phải", "object"]),
        json.dumps({"id": "101", "title": "Trùng", "text": "Bản trùng id."}),
        good[1],
    ]
    p = tmp_path / "lo.jsonl"
    _write_jsonl(p, lines)
    docs, errs = split(list(iter_documents([p])))
    assert [d.source_file for d in docs] == ["lo.jsonl#101", "lo.jsonl#102"]
    by_line = {e.source: e.problem for e in errs}
    assert set(by_line) == {"lo.jsonl:3", "lo.jsonl:4", "lo.jsonl:5", "lo.jsonl:6", "lo.jsonl:7"}
    assert "malformed JSON" in by_line["lo.jsonl:3"]
    assert "'text'" in by_line["lo.jsonl:4"] and "'id'" in by_line["lo.jsonl:5"]
    assert "JSON object" in by_line["lo.jsonl:6"]
    assert "duplicate id '101' (first at line 1)" in by_line["lo.jsonl:7"]


def test_jsonl_invalid_utf8_line_and_bom(tmp_path: Path) -> None:
    good = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in _records()]
    p = tmp_path / "lo.jsonl"
    p.write_bytes(codecs.BOM_UTF8 + good[0] + b"\n" + b'{"id": "9", "text": "\xff\xfe"}\n' + good[1] + b"\n")
    docs, errs = split(list(iter_documents([p])))
    assert len(docs) == 2 and [e.source for e in errs] == ["lo.jsonl:2"] and "undecodable" in errs[0].problem


def test_jsonl_overlong_line_is_skipped(tmp_path: Path) -> None:
    recs = _records()
    long = {"id": "big", "title": "Dài", "text": "Chữ. " * 2000}
    p = tmp_path / "lo.jsonl"
    _write_jsonl(p, [json.dumps(recs[0], ensure_ascii=False), json.dumps(long), json.dumps(recs[1], ensure_ascii=False)])
    docs, errs = split(list(iter_documents([p], max_bytes=2000)))
    assert [d.source_file for d in docs] == ["lo.jsonl#101", "lo.jsonl#102"]
    assert errs[0].source == "lo.jsonl:2" and "longer than" in errs[0].problem


def test_jsonl_corrupt_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    p = tmp_path / "lo.jsonl.gz"
    _write_jsonl(p, [json.dumps(r, ensure_ascii=False) for r in _records()] * 1, gz=True)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - 12])  # cut the stream short
    items = list(iter_documents([p]))
    docs, errs = split(items)
    assert errs and errs[-1].source == "lo.jsonl.gz"
    assert len(docs) <= 2


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    p = tmp_path / "many.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": i, "title": f"Tin {i}", "text": f"Nội dung số {i}."}) + "\n")
    it = iter_documents([p])
    first = next(it)
    assert isinstance(first, RawDocument) and first.doc_id == "many-0"
    assert sum(1 for _ in it) == 2999


def test_empty_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "none.jsonl"
    p.write_text("\n\n", encoding="utf-8")
    items = list(iter_documents([p]))
    assert len(items) == 1 and isinstance(items[0], LoadError) and "no articles" in items[0].problem


# -- HTML -------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Lào và Campuchia ký hiệp định đường sông | Báo Mẫu</title>
<meta property="og:title" content="Lào và Campuchia ký hiệp định đường sông">
<meta property="og:site_name" content="Báo Mẫu">
<meta property="article:published_time" content="2019-04-12T08:30:00+07:00">
<meta name="author" content="Minh Khang">
<link rel="canonical" href="https://example.org/tin/lao-campuchia">
</head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/the-gioi">Thế giới</a></li>
<li><a href="/kinh-te">Kinh tế</a></li></ul></nav></header>
<main><article>
<h1>Lào và Campuchia ký hiệp định đường sông</h1>
<p class="sapo">Ngày 12/4, Bộ trưởng Giao thông hai nước đã ký hiệp định về vận tải đường sông trên sông Mê Kông.</p>
<p>Theo thỏa thuận, tàu thuyền của hai bên được đi lại tự do trên tuyến dài 480 km giữa hai cảng lớn của hai nước.</p>
<p>Hai bộ trưởng nhất trí họp định kỳ mỗi năm một lần để đánh giá việc thực hiện hiệp định và xử lý vướng mắc.</p>
<p>Hiệp định có hiệu lực từ ngày 1/6 và có giá trị trong mười năm, có thể gia hạn nếu hai bên đồng ý.</p>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/x">Giá lúa gạo tăng mạnh</a></li>
<li><a href="/y">Thời tiết nắng nóng kéo dài</a></li></ul></aside></main>
<div class="share">Chia sẻ: Facebook Twitter</div>
<footer><p>© 2019 Báo Mẫu. Giấy phép số 123/GP-BTTTT.</p></footer>
</body></html>
"""


def test_html_page(tmp_path: Path) -> None:
    p = tmp_path / "lao-campuchia.html"
    p.write_bytes(PAGE.encode("utf-8"))
    docs, errs = split(list(iter_documents([p])))
    assert not errs
    d = docs[0]
    assert d.format == "html" and d.doc_id == "lao-campuchia" and d.encoding == "utf-8"
    assert d.title == "Lào và Campuchia ký hiệp định đường sông"
    assert d.date == "2019-04-12" and d.outlet == "Báo Mẫu" and d.author == "Minh Khang"
    assert d.url == "https://example.org/tin/lao-campuchia"
    assert d.raw_sha256 == hashlib.sha256(PAGE.encode("utf-8")).hexdigest()
    assert d.text.startswith(d.title + "\n")
    assert "480 km" in d.text and "mười năm" in d.text
    for boilerplate in ("Trang chủ", "Giá lúa gạo", "Giấy phép", "Facebook"):
        assert boilerplate not in d.text


def test_html_in_windows_1258(tmp_path: Path) -> None:
    p = tmp_path / "cu.htm"
    p.write_bytes(to_cp1258(PAGE.replace('charset="utf-8"', 'charset="windows-1258"')))
    docs, errs = split(list(iter_documents([p])))
    assert not errs and docs[0].encoding == "cp1258"
    assert "hiệp định" in unicodedata.normalize("NFC", docs[0].text)


def test_html_without_text(tmp_path: Path) -> None:
    p = tmp_path / "blank.html"
    p.write_text("<html><head><title></title></head><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    items = list(iter_documents([p]))
    assert isinstance(items[0], LoadError) and items[0].source == "blank.html"


# -- the shared inputs --------------------------------------------------------------------------------

def test_seeds_and_dev_corpus_load_without_errors() -> None:
    shared = shared_dir()
    if shared is None:
        pytest.skip("shared/ is absent")
    docs, errs = split(list(iter_documents([shared / "seeds", shared / "corpus" / "dev"])))
    assert not errs
    assert len(docs) == 35
    assert docs[0].source_file == "000_d5097bc123885f27.txt" and docs[0].doc_id == "000-d5097bc123885f27"
