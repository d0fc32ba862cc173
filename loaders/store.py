"""The embedded pyoxigraph store: open it, replace an article's graph atomically, count things.

A store on disk is a RocksDB folder.  Beside it lives `<store>.version`, a
small text file the loader rewrites after every committed change; readers (the
endpoint, its workers, result caches) use it to know when the data changed,
because a read-only pyoxigraph store does not see new writes until reopened.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from pyoxigraph import Store


def open_store(path: str | os.PathLike[str] | None, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at `path`; None gives an in-memory store."""
    if path is None:
        return Store()
    p = Path(path)
    if read_only:
        return Store.read_only(str(p))
    p.mkdir(parents=True, exist_ok=True)
    return Store(str(p))


def version_file(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    return p.with_name(p.name + ".version")


def store_version(path: str | os.PathLike[str] | None) -> str:
    """An opaque token that changes whenever the loader commits a change to the store."""
    if path is None:
        return "memory"
    try:
        return version_file(path).read_text(encoding="utf-8").strip() or "0"
    except FileNotFoundError:
        return "0"


def bump_version(path: str | os.PathLike[str] | None) -> str:
    """Record that the store changed (atomic rename, so readers never see a half-written token)."""
    if path is None:
        return "memory"
    token = uuid.uuid4().hex
    vf = version_file(path)
    tmp = vf.with_name(vf.name + ".tmp")
    tmp.write_text(token, encoding="utf-8")
    os.replace(tmp, vf)
    return token
