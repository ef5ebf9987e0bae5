"""The characters a regular expression's match can begin with, to let the engine skip every other place.

``re`` scans a text position by position and tries the whole expression at each. When the expression
starts with a literal or a class it first skips, in C, to a place holding one of those characters; but
the rules' expressions mostly start with an alternation whose branches open with a lookbehind
(``(?<!违法)记录``) or a class (``[“"]``), and then ``re`` tries every branch at every character of the
draft. ``guarded`` puts a lookahead of the possible first characters in front (``(?=[报上提])(?:...)``):
a place that cannot start a match fails on one class test. The matches are the same, by construction.
"""

from __future__ import annotations

import re
from typing import Any

try:  # CPython 3.11+
    from re import _constants as C
    from re import _parser
except ImportError:  # pragma: no cover - an older or another Python: no guard
    C = None  # type: ignore[assignment]
    _parser = None  # type: ignore[assignment]

MAX_CHARS = 400  # a larger set tests little; its class would only cost
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def guarded(pattern: str, flags: int = 0) -> str:
    """``pattern`` with a lookahead of its possible first characters, or unchanged where the engine
    already skips on its own (a literal or class first), where a match may be empty or start
    anywhere, or where case is folded."""
    if C is None or flags & re.IGNORECASE:
        return pattern
    inline = _GLOBAL_FLAGS.match(pattern)  # "(?m)…": the guard goes after the flags, which must lead
    lead = inline.group(0) if inline else ""
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, RecursionError):
        return pattern
    if parsed.state.flags & re.IGNORECASE:
        return pattern
    if not parsed.data or parsed.data[0][0] in (C.LITERAL, C.IN, C.AT):
        return pattern  # re skips to the literal or class itself; an anchor has its own fast path
    found = _first(list(parsed.data))
    if found is None:
        return pattern
    chars, nullable = found
    if nullable or not chars or len(chars) > MAX_CHARS:
        return pattern
    return f"{lead}(?=[{''.join(_escaped(c) for c in sorted(chars))}])(?:{pattern[len(lead) :]})"


def _escaped(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """(the characters the sequence's match can start with, whether it can match empty); None: any."""
    chars: set[str] = set()
    for op, av in items:
        step = _first_of(op, av)
        if step is None:
            return None
        more, nullable = step
        chars |= more
        if len(chars) > MAX_CHARS:
            return None
        if not nullable:
            return chars, False
    return chars, True


def _first_of(op: Any, av: Any) -> tuple[set[str], bool] | None:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _class_chars(av)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True  # zero-width: the next item starts the match
    if op is C.SUBPATTERN:
        return _first(list(av[3].data))
    if op is C.ATOMIC_GROUP:
        return _first(list(av.data))
    if op is C.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            found = _first(list(branch.data))
            if found is None:
                return None
            chars |= found[0]
            nullable = nullable or found[1]
        return chars, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, item = av
        found = _first(list(item.data))
        if found is None:
            return None
        return found[0], found[1] or low == 0
    return None  # any character, a category (\d, \s), a backreference: no useful set


def _class_chars(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < MAX_CHARS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return None
        if len(chars) > MAX_CHARS:
            return None
    return chars, False
