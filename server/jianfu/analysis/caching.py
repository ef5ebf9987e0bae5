"""Caches keyed by a paragraph's text, bounded by what they hold as well as by how many entries.

The checks are cached per paragraph so that typing re-reads only what changed; but a key keeps its text
alive, and a client sending huge unique paragraphs could otherwise fill a worker's memory. Texts longer
than ``limit`` are computed every time (they are rare in drafts, and such a paragraph is read once).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

LONG_TEXT = 2_000  # characters


def for_short_texts(maxsize: int, text_arg: int = 0, limit: int = LONG_TEXT) -> Callable[[F], F]:
    """An LRU cache that skips calls whose ``args[text_arg]`` is longer than ``limit``."""

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def call(*args: Any) -> Any:
            if len(args[text_arg]) > limit:
                return fn(*args)
            return cached(*args)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return wrap
