"""Where things live: store path, data folder, base IRI (each overridable by environment)."""

from __future__ import annotations

import os
from pathlib import Path

from syriakg.ontology.terms import DEFAULT_BASE

REPO_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = REPO_ROOT / "ontology"


def data_dir() -> Path:
    """The data folder (`SYRIAKG_DATA`, default `data/` of the repository)."""
    return Path(os.environ.get("SYRIAKG_DATA", REPO_ROOT / "data"))


def default_store_path() -> Path:
    """The embedded store (`SYRIAKG_STORE`, default `data/store`)."""
    env = os.environ.get("SYRIAKG_STORE")
    return Path(env) if env else data_dir() / "store"


def base_iri() -> str:
    """Base of instance IRIs (`SYRIAKG_BASE`, default https://w3id.org/syriakg/resource/)."""
    base = os.environ.get("SYRIAKG_BASE", DEFAULT_BASE)
    return base if base.endswith(("/", "#")) else base + "/"


def gazetteer_path() -> Path:
    return data_dir() / "wikidata" / "entities.tsv"
