"""Which of many literal words occur in a paragraph, found in one pass.

The rules name a few thousand words (their anchors, their frames' slot words). Testing each with
``in`` costs one scan per word and paragraph; grouping them by their first two characters lets a
paragraph learn, from the pieces of two characters it contains, which rules and frames can match
it at all. Where pyahocorasick has a wheel (x86-64, ARM64), one pass of its C automaton finds them
instead, about twice as fast; the pure-Python index is the fallback everywhere else (LoongArch).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter

try:
    import ahocorasick
except ImportError:  # no wheel for this CPU: the pure-Python index
    ahocorasick = None

_WORD = itemgetter(1)


class WordIndex:
    def __init__(self, words: Iterable[str], automaton: bool = True) -> None:
        self.words = frozenset(w for w in words if w)
        self._automaton = None
        if automaton and ahocorasick is not None and self.words:
            self._automaton = ahocorasick.Automaton()
            for word in self.words:
                self._automaton.add_word(word, word)
            self._automaton.make_automaton()
            return
        self._singles = frozenset(w for w in self.words if len(w) == 1)
        by_start: dict[str, list[str]] = {}
        for word in self.words:
            if len(word) > 1:
                by_start.setdefault(word[:2], []).append(word)
        self._by_start = {start: tuple(found) for start, found in by_start.items()}
        self._starts = frozenset(self._by_start)

    def present(self, text: str) -> frozenset[str]:
        """The indexed words that occur in ``text``, overlapping ones included.

        Set operations do the work in C: the text's characters meet the one-character words, its
        two-character pieces meet the words' first two characters, and only the longer words
        starting with a piece that occurs are looked for with ``in`` (or the automaton reads it once)."""
        if self._automaton is not None:
            return frozenset(map(_WORD, self._automaton.iter(text)))
        found = set(self._singles.intersection(text))
        pieces = set(map(str.__add__, text, text[1:]))  # every two characters in a row
        for start in self._starts.intersection(pieces):
            for word in self._by_start[start]:
                if len(word) == 2 or word in text:
                    found.add(word)
        return frozenset(found)


@lru_cache(maxsize=8)
def index_of(words: frozenset[str]) -> WordIndex:
    """One index per set of words: every Checker over the same rules shares it."""
    return WordIndex(words)
