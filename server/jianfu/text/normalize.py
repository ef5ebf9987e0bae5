"""A length-preserving normal form for matching.

Traditional characters become simplified ones (one character for one, so every
offset in the normal form is an offset in the original), full-width letters and
digits become half-width, and corner quotes become the mainland quotes.
"""

from __future__ import annotations

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


def normalize(text: str) -> str:
    """Return the matching form of ``text``; ``len(normalize(t)) == len(t)`` always."""
    if text.isascii() or _changed().isdisjoint(text):
        return text
    return text.translate(_table())
