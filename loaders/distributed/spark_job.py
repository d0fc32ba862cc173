"""The extraction stage as a PySpark job: JSONL in, partitioned N-Quads out.

    pip install pyspark                      # the `spark` extra; needs Java 17
    python -m syriakg.loaders.distributed.spark_job articles.jsonl.gz out/ --master local[2]
    python -m syriakg.loaders.distributed.dump out/ --store data/store     # then bulk-load it

It runs `process_document`, the loader's own pure per-article function,
unchanged on the executors, so the dump holds exactly the quads `syriakg load`
writes (same IRIs).  The output folder holds:

* `ontology.nq`      the ontology graph;
* `articles/part-*.nq`  every article graph, without its commit marker; one
  article's quads never straddle two files;
* `entities/part-*.nq`  the shared entities graph, de-duplicated across the cluster;
* `markers/part-*.nq`   the `kg:sha256` commit markers, to load last;
* `errors/part-*`       one JSON object per rejected line or article (`source`, `problem`);
* `_SUMMARY.json`       counts: articles, sentences, facts by type, errors.

Duplicate article ids are handled as by the loader: the first (by file and
line) is kept, the others are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from syriakg.loaders import config
from syriakg.loaders.distributed.records import parse_line
from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.process import Processed, nquads, process_document


def _process_partition(docs: Iterable[RawDocument], base: str) -> Iterator[Processed | LoadError]:
    for raw in docs:
        yield process_document(raw, base)


def _first_of_duplicates(item: tuple[str, Iterable[tuple[tuple[int, int], RawDocument]]]
                         ) -> Iterator[RawDocument | LoadError]:
    """Keep the first document of an id (by file, then line); report the others like the loader does."""
    doc_id, group = item
    ordered = sorted(group, key=lambda kv: kv[0])
    first = ordered[0][1]
    yield first
    for _, dup in ordered[1:]:
        yield LoadError(dup.source_file, f"article id {doc_id!r} already used by {first.source_file}; skipped")


def _error_json(err: LoadError) -> str:
    return json.dumps({"source": err.source, "problem": err.problem}, ensure_ascii=False)


def _stats(p: Processed | LoadError) -> dict[str, int]:
    if isinstance(p, LoadError):
        return {"errors": 1}
    out = {"articles": 1, "sentences": p.sentences, "quads": p.article_nq.count(b"\n") + 1}
    out.update({f"facts.{k}": v for k, v in p.facts.items()})
    return out


def _merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


def _name_parts(folder: Path) -> None:
    """part-00000 -> part-00000.nq, so N-Quads loaders (Virtuoso's ld_dir) recognise them; drop Hadoop's .crc files."""
    for f in folder.iterdir():
        if f.name.startswith("part-") and not f.name.endswith(".nq"):
            f.rename(f.with_name(f.name + ".nq"))
        elif f.name.endswith(".crc"):
            f.unlink()


def spark_session(master: str = "local[2]", app: str = "syriakg-extract"):  # noqa: ANN201 - SparkSession
    """A Spark session bound to loopback, with the executors running this very Python."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (SparkSession.builder.master(master).appName(app)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.python.worker.reuse", "true")
            .getOrCreate())


def run(inputs: list[str], out: str | os.PathLike[str], *, master: str = "local[2]", partitions: int | None = None,
        base: str | None = None, encoding: str | None = None, max_bytes: int | None = None,
        overwrite: bool = False, spark: Any = None) -> dict[str, Any]:
    """Extract every JSONL record of `inputs` into an N-Quads dump under `out`; returns the summary."""
    from pyspark import StorageLevel

    t0 = time.perf_counter()
    base = base or config.base_iri()
    out_dir = Path(out).resolve()
    if out_dir.exists():
        if not overwrite:
            raise FileExistsError(f"{out_dir} exists (use --overwrite)")
        shutil.rmtree(out_dir)
    own_session = spark is None
    spark = spark or spark_session(master)
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    try:
        parts = partitions or max(2, sc.defaultParallelism * 2)
        records = None
        for file_no, path in enumerate(inputs):
            name = Path(path).name
            lines = sc.textFile(Path(path).resolve().as_uri(), use_unicode=False).zipWithIndex()
            recs = lines.map(lambda li, name=name, file_no=file_no: (
                (file_no, li[1] + 1), parse_line(name, li[1] + 1, li[0], encoding, max_bytes)))
            records = recs if records is None else records.union(recs)
        if records is None:
            raise ValueError("no input files")
        records = records.filter(lambda kv: kv[1] is not None).repartition(parts)
        parse_errors = records.filter(lambda kv: isinstance(kv[1], LoadError)).map(lambda kv: kv[1])
        docs = (records.filter(lambda kv: isinstance(kv[1], RawDocument))
                .map(lambda kv: (kv[1].doc_id, (kv[0], kv[1])))
                .groupByKey(parts)
                .flatMap(_first_of_duplicates))
        dup_errors = docs.filter(lambda d: isinstance(d, LoadError))
        results = (docs.filter(lambda d: isinstance(d, RawDocument))
                   .mapPartitions(lambda it: _process_partition(it, base))
                   .persist(StorageLevel.DISK_ONLY))
        good = results.filter(lambda r: isinstance(r, Processed))
        good.map(lambda p: p.article_nq.decode("utf-8").rstrip("\n")).filter(bool) \
            .saveAsTextFile((out_dir / "articles").as_uri())
        good.map(lambda p: p.marker_nq.decode("utf-8").rstrip("\n")).filter(bool) \
            .saveAsTextFile((out_dir / "markers").as_uri())
        good.flatMap(lambda p: [line.decode("utf-8") for line in p.shared_nq]).distinct(parts) \
            .saveAsTextFile((out_dir / "entities").as_uri())
        errors = parse_errors.union(dup_errors).union(results.filter(lambda r: isinstance(r, LoadError)))
        errors.map(_error_json).coalesce(1).saveAsTextFile((out_dir / "errors").as_uri())
        stats = results.map(_stats).fold({}, _merge)
        results.unpersist()
    finally:
        if own_session:
            spark.stop()
    for sub in ("articles", "markers", "entities", "errors"):
        _name_parts(out_dir / sub)
    from syriakg.loaders.load import ontology_quads

    (out_dir / "ontology.nq").write_bytes(nquads(ontology_quads(base)))
    summary = {
        "inputs": [str(p) for p in inputs],
        "master": master,
        "partitions": parts,
        "articles": stats.get("articles", 0),
        "sentences": stats.get("sentences", 0),
        "quads": stats.get("quads", 0),
        "facts": {k.split(".", 1)[1]: v for k, v in sorted(stats.items()) if k.startswith("facts.")},
        # bad lines, duplicate ids and failed articles alike, one per line in errors/
        "errors": sum(1 for f in (out_dir / "errors").glob("part-*")
                      for line in f.read_text(encoding="utf-8").splitlines() if line.strip()),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    (out_dir / "_SUMMARY.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="syriakg extraction on Spark: JSONL -> partitioned N-Quads")
    ap.add_argument("inputs", nargs="+", help="JSONL(.gz) files (local paths)")
    ap.add_argument("out", help="output folder of the dump")
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"))
    ap.add_argument("--partitions", type=int, default=None, help="work partitions (default 2 x parallelism)")
    ap.add_argument("--encoding", default=None)
    ap.add_argument("--overwrite", action="store_true")
    args = ap.parse_args(argv)
    summary = run(args.inputs, args.out, master=args.master, partitions=args.partitions,
                  encoding=args.encoding, overwrite=args.overwrite)
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0 if summary["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
