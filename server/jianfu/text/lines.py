"""Questions about a whole text answered line by line, each line's answer kept by the line's text.

While a draft is typed, the language server checks it again on every keystroke, and a keystroke
changes one line: a search over the whole text redoes the work for every other line, the same answer
kept by line is one lookup each. For a pattern, only one none of whose matches holds or looks past a
line break (``\\n`` is outside its character classes, and a look-around or ``^``/``$`` meets a line
break as it would the text's edge): what it finds in the whole text is then what it finds in its lines.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

V = TypeVar("V")

LONGEST_KEPT = 2_000  # characters: a longer line is asked afresh (as analysis/caching's LONG_TEXT)
KEPT_CHARS = 500_000  # per cache (a 50,000-字 draft's lines fit): when its lines reach this, it starts again empty
ENTRY_CHARS = 50  # what an entry costs besides its line's characters, counted in characters

_last = threading.local()  # each thread's last text and its lines: a check asks several questions of one text
_MISSING = object()


def lines_of(text: str) -> list[str]:
    """``text.split("\\n")``, split once for the several questions a check asks of one text."""
    last = getattr(_last, "split", None)
    if last is not None and last[0] is text:
        return last[1]
    lines = text.split("\n")
    _last.split = (text, lines)
    return lines


class LineCache(Generic[V]):
    """``answer(line)`` kept by the line's text, bounded by the characters of the lines kept. Asked of
    all the lines of a text at once (``each``, ``any``): one dictionary lookup a line, no call."""

    def __init__(self, answer: Callable[[str], V]) -> None:
        self._answer = answer
        self._kept: dict[str, V] = {}
        self._chars = 0

    def __call__(self, line: str) -> V:
        found = self._kept.get(line, _MISSING)
        return self._miss(line) if found is _MISSING else found  # type: ignore[return-value]

    def each(self, lines: Sequence[str]) -> list[V]:
        get = self._kept.get
        found: list = [get(line, _MISSING) for line in lines]
        for i, value in enumerate(found):
            if value is _MISSING:
                found[i] = self._miss(lines[i])
        return found

    def any(self, lines: Sequence[str]) -> bool:
        """Whether the answer is true for some line (asked in order, up to the first)."""
        get = self._kept.get
        for line in lines:
            value = get(line, _MISSING)
            if value is _MISSING:
                value = self._miss(line)
            if value:
                return True
        return False

    def _miss(self, line: str) -> V:
        value = self._answer(line)
        if len(line) <= LONGEST_KEPT:
            if self._chars > KEPT_CHARS:
                self._kept.clear()  # simpler than least-recently-used, and a draft being typed refills it at once
                self._chars = 0
            self._kept[line] = value
            self._chars += len(line) + ENTRY_CHARS
        return value
