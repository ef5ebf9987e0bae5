"""Where sentences and clauses begin and end in one paragraph's normal text.

A sentence runs to 。！？； (or a new line); a clause also stops at ，：. The marks are found once per
paragraph, so a run-on paragraph of 10,000 字 without a full stop (PDF lines joined) is not walked
character by character for every match.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

SENTENCE_END = "。！？；!?;\n"
CLAUSE_END = SENTENCE_END + "，,：:"


@lru_cache(maxsize=8)
def _marks_in(text: str, marks: str) -> tuple[int, ...]:
    """Where the marks are in ``text``: found once per paragraph, so that a run-on paragraph of 10,000 字
    without a full stop (PDF lines joined) is not walked character by character for every match."""
    return tuple(m.start() for m in re.finditer(f"[{re.escape(marks)}]", text))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ends = _marks_in(text, SENTENCE_END)
    i = bisect_left(ends, start)
    j = bisect_left(ends, end)
    # keep the closing mark with its sentence
    return (ends[i - 1] + 1 if i else 0), (ends[j] + 1 if j < len(ends) else len(text))


def clause_start(text: str, start: int) -> int:
    ends = _marks_in(text, CLAUSE_END)
    i = bisect_left(ends, start)
    return ends[i - 1] + 1 if i else 0


def clause_end(text: str, end: int) -> int:
    ends = _marks_in(text, CLAUSE_END)
    j = bisect_left(ends, end)
    return ends[j] if j < len(ends) else len(text)


def full_sentence_start(text: str, start: int) -> int:
    """Where the sentence around ``start`` begins when semicolons do not end it (only 。！？ and a new line)."""
    s = start
    while s > 0 and text[s - 1] not in "。！？!?\n":
        s -= 1
    return s
