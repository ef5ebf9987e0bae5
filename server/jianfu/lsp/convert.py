"""Engine offsets (code points) <-> LSP positions in the negotiated encoding (UTF-16 by default).

Every position that crosses the engine/editor boundary goes through here; the counting itself
(line breaks as the LSP counts them, UTF-16/UTF-32/UTF-8 units, clamping into the text) is the
shared position index's (``jianfu.positions``): this module only speaks lsprotocol's types.
"""

from __future__ import annotations

from lsprotocol import types

from jianfu.positions import TextIndex


class PositionMap:
    def __init__(
        self, text: str, encoding: str = types.PositionEncodingKind.Utf16, index: TextIndex | None = None
    ) -> None:
        """``index``: the text's index if one was built already (its tables are then built once)."""
        self.text = text
        self.encoding = encoding
        self.index = index if index is not None and index.text is text else TextIndex(text)

    def position(self, offset: int) -> types.Position:
        line, character = self.index.editor_position(offset, self.encoding)
        return types.Position(line=line, character=character)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """Clamped into the text (see ``TextIndex.editor_offset``)."""
        return self.index.editor_offset(position.line, position.character, self.encoding)
