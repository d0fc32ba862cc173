"""The PySpark job (local[2]) writes the same quads as `syriakg load`, and its dump loads into the store.

Runs when pyspark and a Java runtime are installed (the `spark` extra), skips otherwise.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from syriakg.loaders.distributed.records import parse_line
from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.sources.jsonl import iter_jsonl


def java_major() -> int | None:
    """Major version of the `java` on PATH (or in JAVA_HOME), None when there is none."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home and (Path(home) / "bin" / "java").is_file() else shutil.which("java")
    if java is None:
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def _spark_missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install '.[spark]')"
    major = java_major()
    if major is None:
        return "no Java runtime (Spark needs Java 17: apt-get install openjdk-17-jre-headless)"
    if major < 17:
        return f"Java {major} found; this Spark needs Java 17 or newer"
    return None


needs_spark = pytest.mark.skipif(_spark_missing() is not None, reason=_spark_missing() or "")


def _corpus(tmp: Path, shared: Path | None, n: int) -> Path:
    """A small JSONL file: scale articles when available, plus one bad line and one duplicate id."""
    lines: list[bytes] = []
    if shared is not None and (shared / "corpus/scale/articles.jsonl.gz").is_file():
        with gzip.open(shared / "corpus/scale/articles.jsonl.gz", "rb") as fh:
            for line in fh:
                lines.append(line)
                if len(lines) >= n:
                    break
    else:
        seeds = sorted((Path(__file__).resolve().parent.parent / "data" / "articles").glob("*.txt"))
        for i, f in enumerate(seeds):
            text = f.read_text(encoding="utf-8-sig")
            lines.append((json.dumps({"id": f"s{i}", "title": text.splitlines()[0], "text": text},
                                     ensure_ascii=False) + "\n").encode())
    lines.insert(2, b'{"id": "broken", "text": \n')
    lines.append(lines[0])  # a duplicate id: the first is kept, this one reported
    out = tmp / "sample.jsonl"
    out.write_bytes(b"".join(lines))
    return out


def test_parse_line_matches_the_streaming_reader(tmp_path):
    rows = [
        {"id": "a1", "title": "Tiêu đề", "text": "Nội dung bài báo.", "date": "2017-02-03", "url": None},
        {"id": 7, "title": None, "text": "Một bài khác.\n\nĐoạn hai."},
        {"id": "", "text": "no id"},
        {"id": "x", "text": ""},
    ]
    raw = b"".join((json.dumps(r, ensure_ascii=False) + "\n").encode() for r in rows) + b"{not json\n"
    f = tmp_path / "Tin Tức.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + raw)
    streamed = [d for d in iter_jsonl(f) if not (isinstance(d, LoadError) and d.source == f.name)]
    mine = [parse_line(f.name, i + 1, line) for i, line in enumerate((b"\xef\xbb\xbf" + raw).splitlines(True))]
    assert len(streamed) == len(mine) == 5
    for a, b in zip(streamed, mine, strict=True):
        assert type(a) is type(b)
        if isinstance(a, RawDocument):
            assert (a.doc_id, a.source_file, a.text, a.title, a.date, a.url) == \
                   (b.doc_id, b.source_file, b.text, b.title, b.date, b.url)
        else:
            assert (a.source, a.problem) == (b.source, b.problem)


@needs_spark
def test_spark_dump_equals_the_loader(tmp_path):
    from pyoxigraph import Store

    from syriakg.loaders.distributed.dump import load_dump
    from syriakg.loaders.distributed.spark_job import run
    from syriakg.loaders.load import load, remove_partial_graphs
    from syriakg.ontology.terms import DEFAULT_BASE
    from tests.conftest import shared_dir

    src = _corpus(tmp_path, shared_dir(), 40)
    summary = run([str(src)], tmp_path / "dump", master="local[2]", partitions=2, base=DEFAULT_BASE)
    errors = [json.loads(line) for f in (tmp_path / "dump" / "errors").glob("part-*")
              for line in f.read_text(encoding="utf-8").splitlines()]
    assert summary["errors"] == len(errors) == 2
    assert {e["source"] for e in errors} >= {"sample.jsonl:3"}
    assert any("already used" in e["problem"] for e in errors)

    via_loader = tmp_path / "a"
    loaded = load([str(src)], via_loader, workers=1, base=DEFAULT_BASE)
    assert loaded.articles == summary["articles"] and loaded.sentences == summary["sentences"]
    assert len(loaded.errors) == 2

    via_spark = Store(str(tmp_path / "b"))
    out = load_dump(tmp_path / "dump", via_spark, tmp_path / "b", base=DEFAULT_BASE)
    assert out["articles"] == summary["articles"]
    assert remove_partial_graphs(via_spark, DEFAULT_BASE) == 0  # every graph has its marker
    a = {str(q) for q in Store(str(via_loader))}
    b = {str(q) for q in via_spark}
    assert a == b
