"""Ingest benchmark: `syriakg load` on slices of the scale corpus vs bulk-loading the quads it produced.

    python benchmarks/ingest/run.py                         # 5k, 10k, 20k and the whole corpus, all cores
    python benchmarks/ingest/run.py --sizes 2000,5000 --workers 2 --keep /tmp/ingest

For the numbers of record run it on a quiet machine (nothing else busy: check
`uptime`, load average well under the number of cores) with the defaults; it
takes about 15-25 minutes on 2 cores (the four loads, a dump and a
bulk-only load each).  On a shared machine wall-clock times are not
comparable between runs: read the CPU columns (CPU seconds of the loader's
main process and of its workers, per 1,000 articles too), which other work
on the machine changes much less, and the load-average column.

For each size it runs the real command (a subprocess: `syriakg load --workers N`)
into a fresh store, sampling the resident memory of the whole process tree;
then dumps that store's quads to N-Quads and times Oxigraph's bulk loader
(`Store.bulk_load`, a fresh store, another subprocess) on them alone.  It
prints one table: articles, wall seconds, articles/s, quads, bulk-only
seconds, the speed ratio (end-to-end speed / bulk-only speed = bulk seconds /
end-to-end seconds), peak RSS, CPU seconds (loader main process and workers),
seconds per 1,000 articles (linear growth means a flat column), and the load
average of the machine during the run (other work on the machine slows
everything).  Two more columns put the ratio in context: "ratio ceiling" is the
best ratio any pipeline could reach on these cores (the bulk loader's own CPU
seconds plus the extraction workers' CPU seconds, spread over every core, is a
floor on the end-to-end time), and "efficiency" = that floor / the measured
time (1.0 = the load overlaps extraction and writing perfectly).  Targets (issue 7): whole corpus <= 180 s on 2 cores, ratio >=
0.8, peak RSS <= 1.5 GB, linear growth.  Results also go to
`benchmarks/ingest/results/latest.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPO, count_lines, head, scale_corpus  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"

BULK_SNIPPET = """
import os, sys, time
from pyoxigraph import RdfFormat, Store
t = time.perf_counter()
s = Store(sys.argv[1])
s.bulk_load(path=sys.argv[2], format=RdfFormat.N_QUADS)
s.flush()
c = os.times()
print(len(s), time.perf_counter() - t, c.user + c.system)
"""


class TreeSampler:
    """Peak summed RSS of a process and its descendants, and the machine's load average meanwhile."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.proc = psutil.Process(pid)
        self.peak_mb = 0.0
        self.loads: list[float] = []
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        tick = 0
        while not self._stop.wait(0.2):
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak_mb = max(self.peak_mb, total / 2**20)
            except psutil.Error:
                pass
            tick += 1
            if tick % 10 == 0:
                self.loads.append(os.getloadavg()[0])

    def stop(self) -> None:
        self._stop.set()
        self._t.join()


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, list[float], str, int]:
    """(wall seconds, peak tree RSS MB, load averages, stdout, return code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    sampler = TreeSampler(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return wall, sampler.peak_mb, sampler.loads, out, proc.returncode


def parse_summary(text: str) -> dict[str, float]:
    pats = {
        "articles": r"articles loaded: (\d+)",
        "sentences": r"sentences: (\d+)",
        "quads": r"quads written: (\d+)",
        "errors": r"errors: (\d+)",
        "loader_seconds": r"time: ([\d.]+) s",
        "loader_peak_mb": r"peak memory (\d+) MB",
        "cpu_main_s": r"cpu: main process ([\d.]+) s",
        "cpu_workers_s": r"workers ([\d.]+) s",
    }
    out: dict[str, float] = {}
    for k, p in pats.items():
        m = re.search(p, text)
        if m:
            out[k] = float(m.group(1))
    m = re.search(r"facts: (.*)", text)
    out["facts"] = m.group(1) if m else ""  # type: ignore[assignment]
    return out


def bench_size(corpus: Path, n: int, workers: int, work: Path) -> dict[str, object]:
    src = head(corpus, n, work / f"articles-{n}.jsonl.gz") if n < 10**9 else corpus
    label = str(n) if n < 10**9 else "all"
    store = work / f"store-{label}"
    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, "-m", "syriakg.loaders.cli", "load", "--store", str(store), "--workers", str(workers),
           "--no-progress", str(src)]
    wall, peak, loads, out, rc = run_timed(cmd)
    row: dict[str, object] = {"size": n, "workers": workers, "wall_s": round(wall, 1), "peak_rss_mb": round(peak),
                              "loadavg": round(sum(loads) / len(loads), 2) if loads else os.getloadavg()[0]}
    row.update(parse_summary(out))
    # the quads it produced, bulk-loaded alone into a fresh store
    nq = work / f"dump-{label}.nq"
    from pyoxigraph import RdfFormat, Store

    s = Store.read_only(str(store))
    s.dump(output=str(nq), format=RdfFormat.N_QUADS)
    del s
    bulk_store = work / f"bulk-{label}"
    shutil.rmtree(bulk_store, ignore_errors=True)
    bwall, bpeak, _, bout, _ = run_timed([sys.executable, "-c", BULK_SNIPPET, str(bulk_store), str(nq)])
    count, bulk_cpu = int(bout.split()[0]), float(bout.split()[2])
    row.update({"store_quads": count, "bulk_wall_s": round(bwall, 1), "bulk_cpu_s": round(bulk_cpu, 1),
                "bulk_peak_rss_mb": round(bpeak), "nq_mb": round(nq.stat().st_size / 2**20)})
    articles = float(row.get("articles", n))  # type: ignore[arg-type]
    row["articles_per_s"] = round(articles / wall, 1)
    row["ratio_to_bulk"] = round(bwall / wall, 2)
    # The best any pipeline could do on these cores: the store's bulk-load work plus the extraction work
    # (worker CPU) spread over every core, and never less than the bulk load alone.  ratio_ceiling is the
    # ratio that floor would give; efficiency says how close this run came to it.
    cores = os.cpu_count() or 1
    floor = max(bwall, (bulk_cpu + float(row.get("cpu_workers_s", 0.0))) / cores)  # type: ignore[arg-type]
    row["floor_s"] = round(floor, 1)
    row["ratio_ceiling"] = round(bwall / floor, 2)
    row["efficiency"] = round(floor / wall, 2)
    row["s_per_1k"] = round(1000 * wall / max(articles, 1), 2)
    for k in ("cpu_main_s", "cpu_workers_s"):
        if k in row:
            row[k.replace("_s", "_ms_per_article")] = round(1000 * float(row[k]) / max(articles, 1), 2)  # type: ignore[arg-type]
    nq.unlink()
    shutil.rmtree(bulk_store, ignore_errors=True)
    return row


def linearity(rows: list[dict[str, object]]) -> tuple[float, float]:
    """Least-squares line of wall seconds on articles: (R^2, largest relative deviation of s/1k from the mean)."""
    xs = [float(r["articles"]) for r in rows]  # type: ignore[arg-type]
    ys = [float(r["wall_s"]) for r in rows]  # type: ignore[arg-type]
    n = len(xs)
    if n < 2:
        return 1.0, 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    a = my - b * mx
    ss_res = sum((y - (a + b * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    ss_tot = sum((y - my) ** 2 for y in ys) or 1.0
    per = [y / x * 1000 for x, y in zip(xs, ys, strict=True)]
    mean = sum(per) / n
    return 1 - ss_res / ss_tot, max(abs(p - mean) / mean for p in per)


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GB RAM, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}"


RESULTS_NAME = "latest.json"


def save(rows: list[dict[str, object]], workers: int, r2: float | None, dev: float | None,
         verdict: dict[str, bool | None]) -> None:
    RESULTS.mkdir(exist_ok=True)
    result = {"machine": machine(), "date": time.strftime("%Y-%m-%d %H:%M"), "workers": workers,
              "git": subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                    capture_output=True, text=True).stdout.strip(),
              "rows": rows, "r2": r2, "max_dev_s_per_1k": dev, "verdict": verdict,
              "complete": r2 is not None}
    result["off_topic"] = os.environ.get("SYRIAKG_OFF_TOPIC", "entities")
    (RESULTS / RESULTS_NAME).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5000,10000,20000,all",
                    help="comma-separated article counts from the start of the corpus; 'all' = the whole corpus")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="extraction workers (default: all cores)")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="JSONL(.gz) corpus (default: ../shared/corpus/scale/articles.jsonl.gz, or SYRIAKG_SCALE_CORPUS)")
    ap.add_argument("--keep", type=Path, default=None, help="work folder to keep (default: a temporary one)")
    ap.add_argument("--off-topic", choices=("entities", "text"), default=None,
                    help="passed to `syriakg load --off-topic` (what articles not about the war keep)")
    ap.add_argument("--results", default="latest.json", help="file name under benchmarks/ingest/results/")
    args = ap.parse_args()
    if args.off_topic:
        os.environ["SYRIAKG_OFF_TOPIC"] = args.off_topic  # inherited by the loader subprocess
    global RESULTS_NAME
    RESULTS_NAME = args.results
    corpus = args.corpus or scale_corpus()
    total = count_lines(corpus)
    sizes = [total if s == "all" else min(int(s), total) for s in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="syriakg-ingest-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}\ncorpus: {corpus} ({total} lines); workers {args.workers}; work {work}; "
          f"off-topic articles keep: {os.environ.get('SYRIAKG_OFF_TOPIC', 'entities')}",
          flush=True)
    rows = []
    hdr = ("articles", "wall s", "art/s", "quads", "bulk-only s", "ratio", "ratio ceiling", "efficiency",
           "peak RSS MB", "cpu main s",
           "cpu workers s", "cpu main ms/art", "cpu workers ms/art", "s/1k art", "loadavg")
    print(" | ".join(hdr), flush=True)
    for n in sizes:
        row = bench_size(corpus, n if n < total else 10**9, args.workers, work)
        rows.append(row)
        print(" | ".join(str(row.get(k, "")) for k in (
            "articles", "wall_s", "articles_per_s", "store_quads", "bulk_wall_s", "ratio_to_bulk", "ratio_ceiling",
            "efficiency", "peak_rss_mb",
            "cpu_main_s", "cpu_workers_s", "cpu_main_ms_per_article", "cpu_workers_ms_per_article", "s_per_1k",
            "loadavg")), flush=True)
        save(rows, args.workers, None, None, {})  # partial results survive an interrupted run
    r2, dev = linearity(rows)
    last = rows[-1]
    verdict = {
        "whole corpus <= 180 s": float(last["wall_s"]) <= 180 if last["size"] >= 10**9 or last["articles"] >= total - 5 else None,  # type: ignore[arg-type, operator]
        "ratio to bulk-only >= 0.8": float(last["ratio_to_bulk"]) >= 0.8,  # type: ignore[arg-type]
        "peak RSS <= 1.5 GB": max(float(r["peak_rss_mb"]) for r in rows) <= 1536,  # type: ignore[arg-type]
        "linear (R^2 >= 0.99)": r2 >= 0.99,
    }
    print(f"linear fit of time on articles: R^2 = {r2:.4f}; s/1k articles varies by at most {100 * dev:.0f} %")
    for k, v in verdict.items():
        print(f"  {k}: {'n/a' if v is None else ('PASS' if v else 'FAIL')}")
    save(rows, args.workers, r2, dev, verdict)
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
