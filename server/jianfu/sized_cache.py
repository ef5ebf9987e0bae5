"""A least-recently-used cache bounded by entries and by the characters of its text keys.

Bounding entries alone lets a client fill a long-running service's memory with huge unique
paragraphs (20,000 entries x 100,000 字); a character budget keeps a worker's memory flat.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class SizedCache(Generic[K, V]):
    def __init__(self, max_entries: int, max_chars: int) -> None:
        self.max_entries, self.max_chars = max_entries, max_chars
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.chars = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: K) -> bool:
        return key in self._items

    def get(self, key: K) -> V | None:
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: K, value: V, chars: int) -> None:
        """Keep ``value``; ``chars`` is what the key costs. One bigger than a tenth of the budget is not kept."""
        if chars > self.max_chars // 10:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.chars -= old[1]
        self._items[key] = (value, chars)
        self.chars += chars
        while len(self._items) > self.max_entries or self.chars > self.max_chars:
            _, (_, dropped) = self._items.popitem(last=False)
            self.chars -= dropped
