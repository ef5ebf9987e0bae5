"""Offsets <-> line/column in code points, for reports (LSP uses UTF-16: see lsp/convert.py)."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(i + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """0-based line and column (code points) of ``offset``."""
        line = bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]

    def line_text(self, line: int) -> str:
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")
