"""Code-point offsets of the engine -> UTF-16 offsets and paragraph-relative offsets for the add-in.

JavaScript (and WPS, as far as is known) counts UTF-16 units: a character outside the BMP such
as 𠮷 is one code point but two units, so every offset after it shifts by one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass


class Utf16Index:
    def __init__(self, text: str) -> None:
        self.length = len(text)
        # code-point offsets of the astral characters, each adding one extra UTF-16 unit
        self.astral = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def units(self, offset: int) -> int:
        offset = max(0, min(offset, self.length))
        return offset + bisect_left(self.astral, offset)


@dataclass(frozen=True)
class ParagraphSpan:
    index: int
    start_utf16: int  # within the paragraph
    end_utf16: int
    truncated: bool  # the finding continued past the paragraph's end


class ParagraphIndex:
    """Paragraph spans (code points, end exclusive and without the line break) in the checked text."""

    def __init__(self, spans: Sequence[tuple[int, int]], utf16: Utf16Index) -> None:
        self.starts = [s for s, _ in spans] or [0]
        self.ends = [e for _, e in spans] or [0]
        self.utf16 = utf16

    @classmethod
    def from_lengths(cls, lengths: Sequence[int], utf16: Utf16Index) -> ParagraphIndex:
        """Paragraphs the client sent, joined with one "\\n": boundaries come from the list itself,
        not from the engine's line splitting, so a stray line break inside a WPS paragraph
        cannot shift the indices."""
        spans = []
        pos = 0
        for length in lengths:
            spans.append((pos, pos + length))
            pos += length + 1
        return cls(spans, utf16)

    def locate(self, start: int, end: int) -> ParagraphSpan:
        index = max(0, bisect_right(self.starts, start) - 1)
        para_start, para_end = self.starts[index], self.ends[index]
        clipped = min(end, para_end)
        base = self.utf16.units(para_start)
        return ParagraphSpan(
            index,
            self.utf16.units(min(start, para_end)) - base,
            self.utf16.units(max(clipped, min(start, para_end))) - base,
            end > para_end,
        )
