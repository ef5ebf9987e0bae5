"""Questions about a whole text answered line by line, each line's answer kept by the line's text.

While a draft is typed, the language server checks it again on every keystroke, and a keystroke
changes one line: a search over the whole text redoes the work for every other line, the same answer
kept by line is one lookup each. Only for a pattern none of whose matches holds or looks past a line
break (``\\n`` is outside its character classes, and a look-around meets a line break as it would the
text's edge): its search of the whole text then finds something exactly when one of its lines does.
"""

from __future__ import annotations

import re
import threading

from jianfu.analysis.caching import for_short_texts

_last = threading.local()  # each thread's last text and its lines: a check asks several questions of one text


def lines_of(text: str) -> list[str]:
    """``text.split("\\n")``, split once for the several questions a check asks of one text."""
    last = getattr(_last, "split", None)
    if last is not None and last[0] is text:
        return last[1]
    lines = text.split("\n")
    _last.split = (text, lines)
    return lines


def searched(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` occurs in ``text`` (a pattern that never reaches across a line break)."""
    return any(_line_holds(pattern, line) for line in lines_of(text))


@for_short_texts(maxsize=16384, text_arg=1)
def _line_holds(pattern: re.Pattern[str], line: str) -> bool:
    return pattern.search(line) is not None
