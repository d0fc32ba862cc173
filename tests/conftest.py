"""Shared fixtures: where the shared inputs are, and a store loaded with the five seed articles."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs property tests derandomised (same examples every run, so a red run is reproducible);
# locally they explore new examples each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "articles"


def shared_dir() -> Path | None:
    """`../shared` beside the repository (or SYRIAKG_SHARED), when present."""
    p = Path(os.environ.get("SYRIAKG_SHARED", REPO.parent / "shared"))
    return p if p.is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    p = shared_dir()
    if p is None:
        pytest.skip("../shared is not available")
    return p


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> list[dict]:
    return json.loads((shared / "gold" / "seed-gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory):
    """A store on disk with the five bundled seed articles loaded (once per test session)."""
    from syriakg.loaders.load import load
    from syriakg.loaders.store import open_store

    path = tmp_path_factory.mktemp("seed-store") / "store"
    summary = load([str(SEEDS)], path, workers=1)
    assert summary.ok, summary.to_text()
    store = open_store(path)
    yield store
    del store
