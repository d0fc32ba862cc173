"""A generated folder of hostile input files mixed with good ones (used by tests/test_hostile*.py).

`make_hostile(folder)` writes the files and returns what a load must do with
them: the good documents (source name -> the text the store must hold) and
the bad sources (each must be reported with a reason).
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"


@dataclass
class Expectation:
    good: dict[str, str] = field(default_factory=dict)  # source_file -> text as it must be stored (NFC-compared)
    # source -> a phrase the reported reason must contain (case-insensitive)
    bad: dict[str, str] = field(default_factory=dict)
    may_warn: set[str] = field(default_factory=set)  # good documents that may load with no body sentences
    one_of: list[tuple[str, str]] = field(default_factory=list)  # same article id twice: one loaded, one reported


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8-sig") for p in sorted(SEEDS.glob("*.txt"))]


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese editors write it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in d if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def make_hostile(folder: Path, *, big_jsonl_line: bool = False) -> Expectation:
    """Write the hostile set into `folder` (created); see the module docstring."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = seed_texts()
    exp = Expectation()
    rnd = random.Random(7)

    # -- good ones ---------------------------------------------------------------
    for i, t in enumerate(texts[:3]):
        (folder / f"good-{i}.txt").write_text(t, encoding="utf-8")
        exp.good[f"good-{i}.txt"] = t
    (folder / "windows-1258.txt").write_bytes(to_cp1258(texts[3]))
    exp.good["windows-1258.txt"] = texts[3]
    (folder / "utf16-no-bom.txt").write_bytes(texts[4].encode("utf-16-le"))
    exp.good["utf16-no-bom.txt"] = texts[4]
    head, _, body = texts[0].partition("\n")
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n") if p.strip())
    html = (f"<!doctype html><html><head><meta charset='utf-8'><title>{head}</title>"
            "<script>document.write('QUẢNG CÁO'); var tracking = {id: 42};</script>"
            "<style>p { color: red }</style></head><body><nav>Trang chủ | Thế giới</nav>"
            f"<article><h1>{head}</h1>\n{paras}</article>"
            "<script type='text/javascript'>window.alert('pwned')</script></body></html>")
    (folder / "page-with-scripts.html").write_text(html, encoding="utf-8")
    exp.good["page-with-scripts.html"] = ""  # text decided by the HTML reader; checked for no script
    one_line = " ".join(texts[1].split())  # the whole page on one line, repeated to 5 MB
    big = (one_line + " ") * (5_000_000 // (len(one_line) + 1) + 1)
    (folder / "one-line-5mb.txt").write_text(big[:5_000_000].rstrip(), encoding="utf-8")
    exp.good["one-line-5mb.txt"] = big[:5_000_000].rstrip()
    exp.may_warn.add("one-line-5mb.txt")

    # JSON Lines: good records between malformed lines
    recs = [{"id": f"r{i}", "title": t.split("\n", 1)[0], "text": t} for i, t in enumerate(texts[1:4])]
    lines = [
        json.dumps(recs[0], ensure_ascii=False).encode(),
        b'{"id": "r-broken", "title": "x", "text": "unterminated',
        json.dumps(recs[1], ensure_ascii=False).encode(),
        b"[1, 2, 3]",
        b'{"id": "r-no-text", "title": "x"}',
        json.dumps({"id": "r0", "title": "again", "text": "Một bài khác cùng mã."}, ensure_ascii=False).encode(),
        b'{"id": "r-bad-bytes", "text": "Ti\xeau \xff\xfe"}',
        json.dumps(recs[2], ensure_ascii=False).encode(),
    ]
    if big_jsonl_line:
        text = recs[0]["text"].split("\n", 1)[1].replace("\n", " ")
        body = ((text + " ") * (5_000_000 // (len(text) + 1) + 1))[:5_000_000]
        lines.append(json.dumps({"id": "r-5mb", "title": "Một dòng năm megabyte", "text": body},
                                ensure_ascii=False).encode())
        exp.good["hostile.jsonl#r-5mb"] = body
    (folder / "hostile.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    for i in range(3):  # lines 1, 3 and 8
        exp.good[f"hostile.jsonl#r{i}"] = recs[i]["text"]
    for lineno, why in ((2, "malformed JSON"), (4, "JSON object"), (5, "text"), (6, "duplicate id"),
                        (7, "utf-8")):
        exp.bad[f"hostile.jsonl:{lineno}"] = why

    # -- bad ones ----------------------------------------------------------------
    (folder / "empty.txt").write_bytes(b"")
    exp.bad["empty.txt"] = "empty"
    (folder / "binary.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(20_000)))
    exp.bad["binary.txt"] = "binary"
    t = texts[2].encode()
    (folder / "nul-bytes.txt").write_bytes(t[:400] + b"\x00\x00\x00\x00" + t[400:])
    exp.bad["nul-bytes.txt"] = "NUL byte"
    (folder / "invalid-utf8.txt").write_bytes(t[:300] + b"\xff\xfe\xc3\x28\x80" + t[300:])
    exp.bad["invalid-utf8.txt"] = "invalid UTF-8"
    chunk = (texts[0] + "\n\n").encode()
    with (folder / "fifty-mb.txt").open("wb") as fh:
        for _ in range(50_000_000 // len(chunk) + 1):
            fh.write(chunk)
    exp.bad["fifty-mb.txt"] = "too large"
    # the same article id twice (x.txt and x.html would share an IRI): whichever comes second is reported
    (folder / "twin.txt").write_text(texts[0], encoding="utf-8")
    (folder / "twin.html").write_text(f"<html><body><p>{texts[0]}</p></body></html>", encoding="utf-8")
    exp.one_of.append(("twin.txt", "twin.html"))
    return exp
