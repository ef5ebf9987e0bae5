"""A length-preserving normal form for matching.

Traditional characters become simplified ones (one character for one, so every
offset in the normal form is an offset in the original), full-width letters and
digits become half-width, corner quotes become the mainland quotes, and ASCII
punctuation pasted from web pages and PDFs (",", ";", ":", "(", ")", "!", "?")
becomes its full-width form where it stands beside a Chinese character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_FIXED = {
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},  # ０-９
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},  # ａ-ｚ
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "．": ".",
}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    try:
        data = resources.files("opencc_purepy").joinpath("dicts/TSCharacters.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - dependency is declared
        data = ""
    for line in data.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    table.update({ord(k): v for k, v in _FIXED.items()})
    return table


@lru_cache(maxsize=1)
def _changed() -> frozenset[str]:
    """The characters the table changes: most drafts have none, and this test is cheaper than translate."""
    return frozenset(map(chr, _table()))


_CJK = "\u3400-\u9fff\uf900-\ufaff"
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_HAS_CJK = re.compile(f"[{_CJK}]")
# A pair of brackets with Chinese inside or beside it: "县(市、区)", "(1)下午", "(一)".
_BRACKETS = re.compile(r"(?<=(.))?\(([^()\n]{0,40})\)(?=(.))?", re.DOTALL)
# A lone mark touching a Chinese character (or a full-width bracket or quote) on either side.
# "3,000", "9:00" and "a (b)" between ASCII characters keep their ASCII form.
_NEAR = f"[{_CJK}（）“”《》、]"
_HALF_WIDTH_MARK = re.compile(f"(?<={_NEAR})[,;:()!?]|[,;:()!?](?={_NEAR})")
_ASCII_MARKS = frozenset(_FULL_WIDTH)


def _bracket_pair(m: re.Match[str]) -> str:
    around = (m.group(1) or "") + m.group(2) + (m.group(3) or "")
    return f"（{m.group(2)}）" if _HAS_CJK.search(around) else m.group(0)


def _full_width_marks(text: str) -> str:
    if _ASCII_MARKS.isdisjoint(text):
        return text
    if "(" in text:
        text = _BRACKETS.sub(_bracket_pair, text)
    return _HALF_WIDTH_MARK.sub(lambda m: _FULL_WIDTH[m.group(0)], text)


def normalize(text: str) -> str:
    """Return the matching form of ``text``; ``len(normalize(t)) == len(t)`` always."""
    if text.isascii():
        return text
    if not _changed().isdisjoint(text):
        text = text.translate(_table())
    return _full_width_marks(text)
