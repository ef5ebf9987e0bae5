"""Necessary literals of a regular expression: words one of which every match contains.

A paragraph that contains none of a pattern's necessary literals cannot match it, so a set or
substring test rules most paragraphs out before the regex or a frame's sentence analysis runs.
``necessary("(?:各|全)(?:乡镇|街道)要")`` gives ``("各乡镇要", "各街道要", "全乡镇要", "全街道要")``
and ``necessary("会议[^。]{0,9}?开到")`` gives ``("开到",)`` — the most selective choice (single
characters occur almost everywhere). ``None`` means no such set can be named (``.*``, a wide
character class, an optional part only, case-insensitive flags).

Start-up reads several hundred expressions (every ``re:`` slot of every frame), so this reads the
syntax the rules use with a small reader of its own: ``re``'s parser costs ~0.7 ms an expression,
most of a cold check. Anything it does not know makes that part unknown, never a wrong word.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

# A class of a few characters ("[省市县]") still names literals; a wider one does not help.
MAX_CLASS = 8
# Literal sets with more members than this cost more substring tests than they save.
MAX_FACTORS = 64

Factors = frozenset[str]
EMPTY: Factors = frozenset([""])
# Characters that make a pattern more than a list of words separated by "|".
_SYNTAX = frozenset("\\.^$*+?{}[]()")
_SPECIAL = _SYNTAX | {"|"}
# Escapes matching one of many characters (unknown), and zero-width ones (match "").
_CLASS_ESCAPES = frozenset("dDsSwW")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


class Unsupported(ValueError):
    """Syntax the reader does not follow (inline flags): the pattern gets no necessary words."""


@cache  # start-up scores the slots of ~300 frames, most of them shared lexicons (the same frozenset)
def score(factors: Factors) -> float:
    """How often one of ``factors`` is expected in a paragraph (lower is more selective): a single
    character occurs almost everywhere, a four-character word rarely; every word is one more test."""
    # fsum: the same total whatever order the set iterates in, so equal scores tie the same way each run
    return math.fsum({1: 2.0, 2: 0.1, 3: 0.03}.get(len(f), 0.02) + 0.02 for f in factors)


# The answers for the bundled rules' expressions, read once (scripts/build_factors_table.py writes
# it; tests/test_anchors.py keeps it current): start-up then reads a table instead of ~900 expressions.
TABLE_PATH = Path(__file__).with_name("factors-table.json")


@cache
def _table() -> dict[str, list[str] | None]:
    try:
        return json.loads(TABLE_PATH.read_text(encoding="utf-8"))["necessary"]
    except (OSError, ValueError, KeyError):  # no table: every expression is read (slower, same answers)
        return {}


@cache
def necessary(source: str) -> tuple[str, ...] | None:
    """Literals one of which every match of ``source`` contains, or None."""
    table = _table()
    if source in table:
        words = table[source]
        return None if words is None else tuple(words)
    return compute(source)


def compute(source: str) -> tuple[str, ...] | None:
    """``necessary`` read from the expression itself (no table)."""
    if source and _SYNTAX.isdisjoint(source):  # "每月|按月|逐月": the words themselves
        words = frozenset(source.split("|"))
        found = None if "" in words else _minimal(words)
    else:
        try:
            reader = _Reader(source)
            node = reader.alternation()
            if reader.pos != len(source):
                return None  # an unbalanced ")" — re reports the pattern where it is compiled
        except (ValueError, IndexError):  # Unsupported, or syntax re itself rejects (reported where compiled)
            return None
        found = best([node.exact, node.factors])
    return tuple(sorted(found, key=lambda f: (-len(f), f))) if found else None


def best(choices: list[Factors | None]) -> Factors | None:
    """The most selective of several necessary sets (all of them are necessary: any one will do)."""
    known = [c for c in choices if c and "" not in c]
    return _minimal(min(known, key=score)) if known else None


def _minimal(words: Factors) -> Factors:
    """Without the words that contain another of them (会期 makes 会期：redundant)."""
    if len({len(w) for w in words}) < 2:  # of one length, no word contains another
        return words
    kept: list[str] = []
    for word in sorted(words, key=len):
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return frozenset(kept)


class _Node:
    """What one part of a pattern matches: ``exact`` — the finite set of strings it matches, when
    small; ``factors`` — literals one of which each of its matches contains."""

    __slots__ = ("exact", "factors")

    def __init__(self, exact: Factors | None = None, factors: Factors | None = None) -> None:
        self.exact, self.factors = exact, factors


UNKNOWN = _Node()
NOTHING = _Node(EMPTY)  # zero width: ^ $ \b, lookarounds


def _literal(text: str) -> _Node:
    return _Node(frozenset([text]), frozenset([text]))


def _cross(left: Factors, right: Factors) -> Factors | None:
    if len(left) * len(right) > MAX_FACTORS:
        return None
    return frozenset(a + b for a in left for b in right)


def _sequence(nodes: list[_Node]) -> _Node:
    """A concatenation: runs of exactly known parts are multiplied out ("各(乡镇|街道)" gives 各乡镇,
    各街道); each run and each other part is necessary, and the most selective is kept."""
    choices: list[Factors | None] = []
    run: Factors | None = EMPTY
    whole: Factors | None = EMPTY  # the exact set of the whole sequence, while known
    for node in nodes:
        whole = _cross(whole, node.exact) if whole is not None and node.exact is not None else None
        if node.exact is not None:
            joined = _cross(run, node.exact) if run is not None else None
            if joined is None:  # too many strings: start a new run with this part
                choices.append(run)
                joined = node.exact
            run = joined
            continue
        choices.append(run)
        run = EMPTY
        choices.append(node.factors)
    choices.append(run)
    return _Node(whole, best(choices))


def _branches(nodes: list[_Node]) -> _Node:
    """An alternation: a match contains what one of the branches requires."""
    if len(nodes) == 1:
        return nodes[0]
    exact: set[str] | None = set()
    union: set[str] | None = set()
    for node in nodes:
        exact = exact | node.exact if exact is not None and node.exact is not None else None
        own = best([node.exact, node.factors])
        union = union | own if union is not None and own else None
    if exact is not None and len(exact) > MAX_FACTORS:
        exact = None
    if union is not None and len(union) > MAX_FACTORS:
        union = None
    return _Node(frozenset(exact) if exact is not None else None, frozenset(union) if union else None)


def _repeat(node: _Node, low: int, high: int | None) -> _Node:
    if low == 1 and high == 1:
        return node
    if low == 0 and high == 1:  # "（社区）?"
        return _Node(node.exact | EMPTY, None) if node.exact is not None else UNKNOWN
    if low == 0:
        return UNKNOWN
    return _Node(None, best([node.exact, node.factors]))


class _Reader:
    """Recursive descent over the regular-expression syntax of Python's ``re``."""

    def __init__(self, source: str) -> None:
        self.source, self.pos = source, 0

    def peek(self, ahead: int = 0) -> str:
        i = self.pos + ahead
        return self.source[i] if i < len(self.source) else ""

    def alternation(self) -> _Node:
        branches = [self.concatenation()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.concatenation())
        return _branches(branches)

    def concatenation(self) -> _Node:
        nodes: list[_Node] = []
        source = self.source
        while self.peek() not in ("", "|", ")"):
            end = self.pos
            while end < len(source) and source[end] not in _SPECIAL:
                end += 1
            if end < len(source) and source[end] in "*+?{":
                end -= 1  # the last character may be repeated: it is read as an atom
            if end - self.pos > 0:  # plain text, read at once
                nodes.append(_literal(source[self.pos : end]))
                self.pos = end
                continue
            atom = self.atom()
            nodes.append(self.quantified(atom))
        return _sequence(nodes)

    def quantified(self, atom: _Node) -> _Node:
        char = self.peek()
        if char in ("*", "+", "?"):
            self.pos += 1
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
        elif char == "{" and (bounds := self.bounds()) is not None:
            low, high = bounds
        else:
            return atom
        if self.peek() in ("?", "+"):  # lazy or possessive: the same strings
            self.pos += 1
        return _repeat(atom, low, high)

    def bounds(self) -> tuple[int, int | None] | None:
        """``{m}``, ``{m,}``, ``{,n}``, ``{m,n}`` at ``pos``; None (a literal "{") otherwise."""
        end = self.source.find("}", self.pos)
        inside = self.source[self.pos + 1 : end] if end > 0 else ""
        low, comma, high = inside.partition(",")
        if end < 0 or not (low.isdigit() or (comma and not low)) or (high and not high.isdigit()):
            return None
        if not comma and not low:
            return None
        self.pos = end + 1
        low_n = int(low) if low else 0
        return low_n, (int(high) if high else None) if comma else low_n

    def atom(self) -> _Node:
        char = self.peek()
        self.pos += 1
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class()
        if char == "\\":
            return self.escape()
        if char == ".":
            return UNKNOWN
        if char in ("^", "$"):
            return NOTHING
        return _literal(char)

    def group(self) -> _Node:
        zero_width = False
        if self.peek() == "?":
            kind = self.peek(1)
            if kind == ":":
                self.pos += 2
            elif kind == "P" and self.peek(2) == "<":
                self.pos = self.source.index(">", self.pos) + 1
            elif kind in ("=", "!") or (kind == "<" and self.peek(2) in ("=", "!")):
                self.pos += 2 if kind != "<" else 3
                zero_width = True
            elif kind == "#":
                self.pos = self.source.index(")", self.pos) + 1
                return NOTHING
            else:  # inline flags, (?P=name), conditionals
                raise Unsupported(self.source)
        inner = self.alternation()
        if self.peek() != ")":
            raise Unsupported(self.source)
        self.pos += 1
        return NOTHING if zero_width else inner

    def char_class(self) -> _Node:
        chars: list[str] = []
        known = True
        if self.peek() == "^":
            known = False
            self.pos += 1
        first = True
        while True:
            char = self.peek()
            if char == "":
                raise Unsupported(self.source)
            if char == "]" and not first:
                self.pos += 1
                break
            first = False
            self.pos += 1
            if char == "\\":
                escaped = self.peek()
                self.pos += 1
                if escaped in _CLASS_ESCAPES or self.skip_number(escaped):
                    known = False
                    continue
                char = _CONTROL.get(escaped, escaped)
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                known = False  # a range
                self.pos += 2
                if self.source[self.pos - 1] == "\\":
                    self.pos += 1
                continue
            chars.append(char)
        if known and 0 < len(chars) <= MAX_CLASS:
            found = frozenset(chars)
            return _Node(found, found)
        return UNKNOWN

    def escape(self) -> _Node:
        char = self.peek()
        self.pos += 1
        if char in _ZERO_WIDTH_ESCAPES:
            return NOTHING
        if char in _CLASS_ESCAPES or self.skip_number(char):
            return UNKNOWN  # a class, a character by number, a group reference
        return _literal(_CONTROL.get(char, char))

    def skip_number(self, escaped: str) -> bool:
        """Past a character or group given by number (\\x41, \\u4e00, \\N{…}, \\1, \\012) after ``\\``."""
        if escaped in ("x", "u", "U"):
            self.pos += {"x": 2, "u": 4, "U": 8}[escaped]
        elif escaped == "N":
            self.pos = self.source.index("}", self.pos) + 1
        elif escaped.isdigit():
            while self.peek().isdigit():
                self.pos += 1
        else:
            return False
        return True
