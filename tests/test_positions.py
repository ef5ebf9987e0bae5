"""The one position index: code points -> report lines, UTF-16 and paragraph offsets, without a server."""

from __future__ import annotations

from jianfu.positions import UTF8, UTF16, UTF32, TextIndex


def test_utf16_counts_astral_characters_twice() -> None:
    text = "甲𠮷乙😀丙"
    index = TextIndex(text)
    for offset in range(len(text) + 1):
        assert index.utf16(offset) == len(text[:offset].encode("utf-16-le")) // 2
    assert index.utf16(99) == len(text.encode("utf-16-le")) // 2  # clamped


def test_finding_across_paragraphs_is_clipped_to_the_first() -> None:
    paragraphs = ["一𠮷二三", "四五六"]
    text = "\n".join(paragraphs)
    index = TextIndex(text).paragraphs_of_lengths([len(p) for p in paragraphs])
    span = index.locate(text.index("二"), text.index("五") + 1)
    assert (span.index, span.start_utf16, span.end_utf16, span.truncated) == (0, 3, 5, True)
    inside = index.locate(text.index("五"), text.index("六") + 1)
    assert (inside.index, inside.start_utf16, inside.end_utf16, inside.truncated) == (1, 1, 3, False)


def test_empty_paragraphs_keep_their_indices() -> None:
    paragraphs = ["", "", "甲乙"]
    text = "\n".join(paragraphs)
    index = TextIndex(text).paragraphs_of_lengths([0, 0, 2])
    assert index.locate(2, 4).index == 2
    assert index.locate(1, 1).index == 1


def test_report_lines_break_at_newline_only_and_editor_lines_at_every_break() -> None:
    text = "甲\r乙\r\n丙\n𠮷丁"
    index = TextIndex(text)
    assert index.line_col(text.index("丙")) == (1, 0)  # \r alone does not end a report line
    assert index.line_text(0) == "甲\r乙"  # the \r of \r\n is not part of the line
    assert index.editor_position(text.index("丙")) == (2, 0)
    assert index.editor_position(text.index("乙")) == (1, 0)
    assert index.editor_position(text.index("\n")) == (1, 1)  # between \r and \n: the line's end
    end = len(text)
    assert index.editor_position(end, UTF16) == (3, 3)
    assert index.editor_position(end, UTF32) == (3, 2)
    assert index.editor_position(end, UTF8) == (3, 7)
    for encoding in (UTF8, UTF16, UTF32):
        line, character = index.editor_position(text.index("丁"), encoding)
        assert index.editor_offset(line, character, encoding) == text.index("丁")
    assert index.editor_offset(3, 1, UTF16) == text.index("丁")  # inside the surrogate pair: after 𠮷
    assert index.editor_offset(9, 0) == end and index.editor_offset(-1, 5) == 0


def test_paragraph_containing_an_offset() -> None:
    text = "一二\n\n三四五"
    index = TextIndex(text).paragraphs([(0, 2), (3, 3), (4, 7)])
    assert index.containing(2) == (0, 2)  # a paragraph's end belongs to it
    assert index.containing(5) == (2, 1)
    assert index.containing(3) == (1, 0)


def test_paragraph_number_of_an_offset() -> None:
    text = "一二\n\n三四五"
    index = TextIndex(text).paragraphs([(0, 2), (3, 3), (4, 7)])
    assert [index.number(offset) for offset in range(len(text) + 1)] == [0, 0, 0, 1, 2, 2, 2, 2]
