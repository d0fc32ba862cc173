"""A byte-bounded LRU cache of finished responses, keyed by request and store version.

The store only changes when something is loaded or written, and every change
moves the version token, so a cached answer is exact until then; old entries
simply stop being hit and age out.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any


class ResultCache:
    def __init__(self, max_bytes: int, max_entry_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self._data: OrderedDict[Any, tuple[int, str, bytes, dict]] = OrderedDict()
        self.size = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: Any) -> tuple[int, str, bytes, dict] | None:
        item = self._data.get(key)
        if item is None:
            self.misses += 1
            return None
        self._data.move_to_end(key)
        self.hits += 1
        return item

    def put(self, key: Any, status: int, ctype: str, body: bytes, headers: dict | None = None) -> None:
        n = len(body) + 200
        if self.max_bytes <= 0 or n > self.max_entry_bytes or n > self.max_bytes:
            return
        old = self._data.pop(key, None)
        if old is not None:
            self.size -= len(old[2]) + 200
        self._data[key] = (status, ctype, body, headers or {})
        self.size += n
        while self.size > self.max_bytes and self._data:
            _, (_, _, b, _) = self._data.popitem(last=False)
            self.size -= len(b) + 200

    def clear(self) -> None:
        self._data.clear()
        self.size = 0

    def __len__(self) -> int:
        return len(self._data)
