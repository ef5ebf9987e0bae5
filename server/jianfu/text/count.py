"""字数 the way WPS 文字 counts it.

Each CJK character (ideographs, kana, hangul) and each full-width punctuation mark
counts one; each run of other non-space characters (Latin letters, digits,
half-width punctuation such as "3.5%" or "A-1") counts one; whitespace counts none.
"""

from __future__ import annotations

from functools import lru_cache

from jianfu.lazyre import lazy

_WIDE = (
    "\u2e80-\u2fdf"  # radicals
    "\u3001-\u303f"  # CJK punctuation (not the ideographic space U+3000: it is whitespace)
    "\u3040-\u30ff"  # kana
    "\u3100-\u312f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff"  # ideographs
    "\uac00-\ud7af"  # hangul
    "\uf900-\ufaff"
    "\ufe30-\ufe4f"  # CJK compatibility forms
    "\uff01-\uff60\uffe0-\uffe6"  # full-width forms
    "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"  # quotes, dash, ellipsis, middle dot used as Chinese punctuation
    "\U00020000-\U0003134f"  # ideographs outside the BMP
)
_WIDE_CHAR = lazy(f"[{_WIDE}]")


CACHED_CHARS = 500  # longer texts are counted afresh: a cache of huge pastes would only hold memory


def count_chars(text: str) -> int:
    """Return the 字数 of ``text``."""
    return _count_cached(text) if len(text) <= CACHED_CHARS else _count(text)


@lru_cache(maxsize=65536)  # an editor recounts every paragraph on each keystroke; most are unchanged
def _count_cached(text: str) -> int:
    return _count(text)


def _count(text: str) -> int:
    if text.isascii():
        return len(text.split())
    # Each wide character counts one; blank them out and what is left splits into the runs.
    rest, wide = _WIDE_CHAR.subn(" ", text)
    return wide + len(rest.split())
