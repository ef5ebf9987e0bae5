"""Offsets <-> line/column in code points, for reports (LSP uses UTF-16: see lsp/convert.py)."""

from __future__ import annotations

import re
from bisect import bisect_right

_NEWLINE = re.compile("\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def line_col(self, offset: int) -> tuple[int, int]:
        """0-based line and column (code points) of ``offset``."""
        line = bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]

    def line_text(self, line: int) -> str:
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")
