"""Integration with another SPARQL store (Debian's virtuoso-opensource; skipped where it is not installed):
the N-Quads of a loaded store go into Virtuoso with its own bulk loader, and the 8 competency questions
give there the answers Oxigraph gives (but for the documented Virtuoso differences).

On the five seed articles it takes ~10 s, so it runs in CI wherever Virtuoso is installed.
Run:  apt-get install virtuoso-opensource && python -m pytest tests/test_virtuoso.py
(or without pytest, on any store: python benchmarks/ingest/virtuoso_cq.py --store data/store).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks" / "ingest"))

import virtuoso_cq  # noqa: E402

pytestmark = pytest.mark.skipif(not virtuoso_cq.available(),
                                reason="Virtuoso is not installed (apt-get install virtuoso-opensource)")


def test_competency_questions_on_virtuoso(seed_store, shared, tmp_path):
    seed_store.dump(output=str(tmp_path / "seeds.nq"), format=RdfFormat.N_QUADS)
    questions = virtuoso_cq.competency_questions(shared / "competency-questions")
    assert len(questions) == 8
    rows = virtuoso_cq.compare(tmp_path, questions)
    assert rows[0]["virtuoso_quads"] == len(seed_store)  # every quad arrived
    for r in rows:
        assert not r["error"], r
        assert r["virtuoso_rows"] > 0, r
        if r["question"] not in virtuoso_cq.KNOWN_DIFFERENCES:
            assert r["same"], r
