"""Code points -> UTF-16 and paragraph offsets, without a server."""

from __future__ import annotations

from jianfu.http.positions import ParagraphIndex, Utf16Index


def test_utf16_counts_astral_characters_twice() -> None:
    text = "甲𠮷乙😀丙"
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        assert index.units(offset) == len(text[:offset].encode("utf-16-le")) // 2
    assert index.units(99) == len(text.encode("utf-16-le")) // 2  # clamped


def test_finding_across_paragraphs_is_clipped_to_the_first() -> None:
    paragraphs = ["一𠮷二三", "四五六"]
    text = "\n".join(paragraphs)
    index = ParagraphIndex.from_lengths([len(p) for p in paragraphs], Utf16Index(text))
    span = index.locate(text.index("二"), text.index("五") + 1)
    assert (span.index, span.start_utf16, span.end_utf16, span.truncated) == (0, 3, 5, True)
    inside = index.locate(text.index("五"), text.index("六") + 1)
    assert (inside.index, inside.start_utf16, inside.end_utf16, inside.truncated) == (1, 1, 3, False)


def test_empty_paragraphs_keep_their_indices() -> None:
    paragraphs = ["", "", "甲乙"]
    text = "\n".join(paragraphs)
    index = ParagraphIndex.from_lengths([0, 0, 2], Utf16Index(text))
    assert index.locate(2, 4).index == 2
    assert index.locate(1, 1).index == 1
