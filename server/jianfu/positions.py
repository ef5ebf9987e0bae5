"""The one position index: engine offsets (code points into ``Document.text``) in every unit a shell speaks.

- report lines (``line_col``): lines end at ``\\n`` only, columns in code points, as the JSON/SARIF
  contract, the text output and the 问题清单 have always counted them;
- editor positions (``editor_position``/``editor_offset``): lines end at ``\\n``, ``\\r\\n`` or ``\\r`` as
  the LSP specification counts them, characters in UTF-16 units (default), UTF-32 or UTF-8, clamped
  into the text;
- UTF-16 offsets from the start (``utf16``) and paragraph-relative UTF-16 spans (``ParagraphIndex``)
  for the WPS add-in, whose JavaScript counts UTF-16 units;
- the paragraph holding an offset (``paragraph_at``), for locations in another document.

A character outside the BMP (𠮷) is one code point, two UTF-16 units, four UTF-8 bytes. Every table is
built on first use, so a shell pays only for the units it asks for, and every lookup takes O(log n):
a 1.3-million-字 draft pasted as one line costs no more per position than a short one.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jianfu.model import Document

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"  # the LSP position encodings (PositionEncodingKind values)
_NEWLINE = re.compile("\n")
_EDITOR_LINE_BREAK = re.compile("\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 units each


def _utf8_units(text: str) -> int:
    # surrogatepass: a lone surrogate (valid in JSON, in a Python str) still counts, as 3 bytes
    return len(text.encode("utf-8", "surrogatepass"))


class TextIndex:
    def __init__(self, text: str) -> None:
        self.text = text

    # --- report lines (code points) ---------------------------------------------------------

    @cached_property
    def starts(self) -> list[int]:
        """Where each report line starts."""
        return [0, *(m.end() for m in _NEWLINE.finditer(self.text))]

    def line_col(self, offset: int) -> tuple[int, int]:
        """0-based report line and column (code points) of ``offset``."""
        line = bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]

    def line_text(self, line: int) -> str:
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    # --- UTF-16 -----------------------------------------------------------------------------

    @cached_property
    def _astral(self) -> list[int]:
        """Code-point offsets of the characters outside the BMP, each adding one UTF-16 unit."""
        return [] if self.text.isascii() else [m.start() for m in _ASTRAL.finditer(self.text)]

    def utf16(self, offset: int) -> int:
        """UTF-16 units before ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        return offset + bisect_left(self._astral, offset)

    def units(self, start: int, stop: int, encoding: str = UTF16) -> int:
        """Code units of text[start:stop] in ``encoding``."""
        if encoding == UTF32:
            return stop - start
        if encoding == UTF8:
            return _utf8_units(self.text[start:stop])
        return stop - start + bisect_left(self._astral, stop) - bisect_left(self._astral, start)

    # --- editor positions (LSP) -------------------------------------------------------------

    @cached_property
    def _editor_lines(self) -> tuple[list[int], list[int]]:
        """(start, end of content before the line break) of each editor line."""
        if "\r" not in self.text:  # the usual case, built from one split (an editor asks on every keystroke)
            ends = list(itertools.accumulate(len(line) + 1 for line in self.text.split("\n")))
            starts = [0, *ends[:-1]]
            return starts, [end - 1 for end in ends]
        starts, ends = [0], []
        for match in _EDITOR_LINE_BREAK.finditer(self.text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(self.text))
        return starts, ends

    def editor_position(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """(line, character) of ``offset`` clamped into the text; between \\r and \\n: the line's end."""
        starts, ends = self._editor_lines
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(starts, offset) - 1
        return line, self.units(starts[line], min(offset, ends[line]), encoding)

    def editor_offset(self, line: int, character: int, encoding: str = UTF16) -> int:
        """Clamped: a position past the end of a line or of the text lands on that end, and a
        position inside a character (half a surrogate pair, a UTF-8 byte) on the character's end."""
        starts, ends = self._editor_lines
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        start, end = starts[line], ends[line]
        if character <= 0:
            return start
        if encoding == UTF8:
            return self._utf8_offset(start, end, character)
        # the first index whose units from the line's start reach ``character`` (units grow with the index)
        low, high = start, end
        while low < high:
            middle = (low + high) // 2
            if self.units(start, middle, encoding) >= character:
                high = middle
            else:
                low = middle + 1
        return low

    def _utf8_offset(self, start: int, end: int, character: int) -> int:
        data = self.text[start:end].encode("utf-8", "surrogatepass")
        if character >= len(data):
            return end
        try:
            return start + len(data[:character].decode("utf-8", "surrogatepass"))
        except UnicodeDecodeError as exc:  # inside a character: after it
            return start + len(data[: exc.start].decode("utf-8", "surrogatepass")) + 1

    # --- paragraphs -------------------------------------------------------------------------

    def paragraphs(self, spans: Sequence[tuple[int, int]]) -> ParagraphIndex:
        return ParagraphIndex(spans, self)

    def paragraphs_of_lengths(self, lengths: Sequence[int]) -> ParagraphIndex:
        """Paragraphs a client sent, joined with one "\\n": boundaries come from the list itself,
        not from the engine's line splitting, so a stray line break inside a WPS paragraph
        cannot shift the indices."""
        spans = []
        pos = 0
        for length in lengths:
            spans.append((pos, pos + length))
            pos += length + 1
        return ParagraphIndex(spans, self)


@dataclass(frozen=True)
class ParagraphSpan:
    index: int
    start_utf16: int  # within the paragraph
    end_utf16: int
    truncated: bool  # the finding continued past the paragraph's end


class ParagraphIndex:
    """Paragraph spans (code points, end exclusive and without the line break) in an indexed text."""

    def __init__(self, spans: Sequence[tuple[int, int]], index: TextIndex) -> None:
        self.starts = [s for s, _ in spans] or [0]
        self.ends = [e for _, e in spans] or [0]
        self.index = index

    def locate(self, start: int, end: int) -> ParagraphSpan:
        """The paragraph where [start, end) begins, and the span in UTF-16 units within it (clipped)."""
        number = self.number(start)
        para_start, para_end = self.starts[number], self.ends[number]
        clipped = min(end, para_end)
        base = self.index.utf16(para_start)
        return ParagraphSpan(
            number,
            self.index.utf16(min(start, para_end)) - base,
            self.index.utf16(max(clipped, min(start, para_end))) - base,
            end > para_end,
        )

    def number(self, offset: int) -> int:
        """The 0-based paragraph where ``offset`` falls: the last one starting at or before it."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def containing(self, offset: int) -> tuple[int, int] | None:
        """(paragraph, code points into it) of the paragraph that holds ``offset`` (its end included)."""
        number = bisect_right(self.starts, offset) - 1
        if number < 0 or offset > self.ends[number]:
            return None
        return number, offset - self.starts[number]


def paragraph_index(document: Document) -> ParagraphIndex:
    """A document's own paragraphs (lines of a text draft, paragraphs and cells of a .docx)."""
    return TextIndex(document.text).paragraphs([(p.start, p.end) for p in document.paragraphs])
