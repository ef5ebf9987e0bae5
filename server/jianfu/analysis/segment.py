"""Word boundaries from jieba, with a lean project dictionary.

jieba's default dictionary takes ~0.8 s to load; ``base-words.txt`` (its 30,000 most
frequent words, see scripts/build_dictionary.py) loads in ~0.05 s, and the project's
公文 vocabulary plus every lexicon entry are added on top. The tokenizer is built on
first use: a keystroke that touches no rule's anchor never loads it.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable
from importlib import resources
from typing import Any

from jianfu import datacache
from jianfu.analysis.caching import for_short_texts

_lock = threading.Lock()
_tokenizer: Any = None
_extra_words: set[str] = set()


def _base_dictionary() -> str:
    return str(resources.files("jianfu.analysis").joinpath("base-words.txt"))


def add_words(words: Iterable[str]) -> None:
    """Make ``words`` single tokens (lexicon entries, the project's vocabulary)."""
    new = {w for w in words if w and w not in _extra_words}
    if not new:
        return
    with _lock:
        _extra_words.update(new)
        if _tokenizer is not None:
            for word in new:
                _tokenizer.add_word(word, freq=_FREQ)
            boundaries.cache_clear()


# High enough that a project word wins over jieba's split of it, low enough not to swallow its neighbours.
_FREQ = 20_000


def tokenizer() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba = _import_jieba()
                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer(dictionary=_base_dictionary())
                # Built here rather than by tk.initialize(), which would load and write a marshal
                # cache in the shared temporary folder (a file another user could plant).
                tk.FREQ, tk.total = _prefix_dictionary(_base_dictionary())
                tk.initialized = True
                for word in _extra_words:
                    tk.add_word(word, freq=_FREQ)
                _tokenizer = tk
    return _tokenizer


def _prefix_dictionary(path: str) -> tuple[dict[str, int], int]:
    """jieba's word -> frequency table with every word's prefixes at 0 (what ``gen_pfdict`` builds),
    from the user's cache while the word list is unchanged: building it costs ~60 ms, loading ~5 ms."""
    with open(path, encoding="utf-8") as f:
        text = f.read()

    def build() -> tuple[dict[str, int], int]:
        rows = [line.split(" ", 2) for line in text.splitlines() if line]
        freq = {row[0]: int(row[1]) for row in rows}
        total = sum(freq.values())
        for word in list(freq):
            for i in range(1, len(word)):
                freq.setdefault(word[:i], 0)
        return freq, total

    freq, total = datacache.cached("jieba-prefixes", datacache.digest([text.encode()]), build)
    return freq, total


def _import_jieba() -> Any:
    """jieba imports pkg_resources (~100 ms, most of a cold start) only to open its own data files;
    when pkg_resources cannot be imported, jieba opens them from its folder instead."""
    if "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@for_short_texts(maxsize=8192)
def boundaries(sentence: str) -> frozenset[int]:
    """Offsets in ``sentence`` where a word starts or ends."""
    out = {0, len(sentence)}
    pos = 0
    for word in tokenizer().cut(sentence, HMM=False):
        pos += len(word)
        out.add(pos)
    return frozenset(out)


def words(sentence: str) -> list[str]:
    return list(tokenizer().cut(sentence, HMM=False))
