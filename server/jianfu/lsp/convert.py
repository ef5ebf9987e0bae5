"""Engine offsets (code points) <-> LSP positions in the negotiated encoding (UTF-16 by default).

A character outside the BMP (𠮷) is one code point, two UTF-16 units, four UTF-8 bytes: every
position that crosses the engine/editor boundary goes through here.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lsprotocol import types

_NEWLINE = re.compile("\n")


def _units(text: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=_units(self.text[self.starts[line] : offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """Clamped: a position past the end of a line or of the document lands on that end."""
        if position.line < 0:
            return 0
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.starts[position.line + 1] - 1 if position.line + 1 < len(self.starts) else len(self.text)
        units = 0
        for index in range(start, end):
            if units >= position.character:
                return index
            units += _units(self.text[index], self.encoding)
        return end
