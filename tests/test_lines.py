"""text/lines.py: answers kept by a line's text, bounded by characters, and the same as asking afresh."""

from __future__ import annotations

import io
import re

from jianfu.lsp.wire import HoldingWriter
from jianfu.text import lines
from jianfu.text.lines import LineCache, lines_of


def test_line_cache_answers_as_the_function_and_asks_each_line_once() -> None:
    asked: list[str] = []
    cache = LineCache(lambda line: asked.append(line) or len(line) > 2)
    text = "ab\nabcd\n"
    assert cache.each(lines_of(text)) == [False, True, False]
    assert cache.any(lines_of(text + "\nab")) and cache("abcd") and not cache("x")
    assert asked == ["ab", "abcd", "", "x"]


def test_line_cache_starts_again_when_its_lines_pass_the_budget(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lines, "KEPT_CHARS", 200)
    cache = LineCache(len)
    for n in range(100):
        cache(str(n) * 10)
    assert len(cache._kept) < 10 and cache._chars <= 200 + 30 + lines.ENTRY_CHARS
    long = "长" * (lines.LONGEST_KEPT + 1)
    assert cache(long) == len(long) and long not in cache._kept


def test_a_pattern_within_lines_finds_in_the_lines_what_it_finds_in_the_text() -> None:
    pattern = re.compile("(?<![A-Za-z])app(?![a-z])|排名")
    cache = LineCache(lambda line: pattern.search(line) is not None)
    for text in ("下载app\n", "xapp\napps", "一\n排\n名", "排名", "", "\n\napp"):
        assert cache.any(lines_of(text)) == (pattern.search(text) is not None), text


def test_holding_writer_writes_the_messages_sent_together_at_once() -> None:
    class Counting(io.BytesIO):
        writes = 0

        def write(self, data: bytes) -> int:  # type: ignore[override]
            Counting.writes += 1
            return super().write(data)

    out = Counting()
    writer = HoldingWriter(out)
    with writer.together():
        writer.write(b"a")
        with writer.together():
            writer.write(b"b")
    writer.write(b"c")
    assert out.getvalue() == b"abc" and Counting.writes == 2
