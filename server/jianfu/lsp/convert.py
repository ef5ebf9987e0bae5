"""Engine offsets (code points) <-> LSP positions in the negotiated encoding (UTF-16 by default).

A character outside the BMP (𠮷) is one code point, two UTF-16 units, four UTF-8 bytes: every
position that crosses the engine/editor boundary goes through here. Lines end at \\n, \\r\\n or \\r,
as the LSP specification (and every editor) counts them. Every position is clamped into the text:
a client's range past a line's end, past the document's end, or inside a surrogate pair lands on
a character boundary inside the document.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lsprotocol import types

_LINE_BREAK = re.compile("\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        # surrogatepass: a lone surrogate (valid in JSON, in a Python str) still counts, as 3 bytes
        return len(text.encode("utf-8", "surrogatepass"))
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0]
        self.ends: list[int] = []  # where each line's content ends (before its line break)
        for match in _LINE_BREAK.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        # an offset between \r and \n stays on its line, at the line's end
        stop = min(offset, self.ends[line])
        return types.Position(line=line, character=_units(self.text[self.starts[line] : stop], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """Clamped: a position past the end of a line or of the document lands on that end, and a
        position inside a character (half a surrogate pair, a UTF-8 byte) on the character's end."""
        if position.line < 0:
            return 0
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self.ends[position.line]
        if position.character <= 0:
            return start
        if self.encoding == types.PositionEncodingKind.Utf32 or (
            self.encoding == types.PositionEncodingKind.Utf16 and self.text[start:end].isascii()
        ):
            return min(start + position.character, end)
        units = 0
        for index in range(start, end):
            if units >= position.character:
                return index
            units += _units(self.text[index], self.encoding)
        return end
