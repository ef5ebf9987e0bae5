"""The reading of one line: the characters a rule reads, without the white space that a PDF or a web
page put inside a sentence, nor the pinyin a converter page put in brackets after a character (offsets map
back to the line as written, so findings cover the words as typed).
"""

from __future__ import annotations

from jianfu.analysis.caching import for_short_texts
from jianfu.lazyre import lazy

_HAS_CJK = lazy("[\u3400-\u9fff\uf900-\ufaff]")  # as in text/normalize
# Characters of a line that a rule does not read (``reading_pieces``): all spans of white space
# that a PDF or a web page put inside a sentence, never a gap that separates table cells.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_OPENING = "，、：；（“《"  # after these a space is never a cell gap
_CLOSING = "，、。：；！？）”》"  # nor before these
_STRAY_GAP = lazy(
    f"(?<=[{_HAN}])(?<!\\d分) (?=[{_HAN}])"  # 制 定, 千分 制 (but "2分 各村居" ends a scored item)
    f"|(?<=[{_OPENING}]) {{1,2}}(?=[^ ])"  # 各乡镇, 要
    f"|(?<=[{_HAN}]) {{1,2}}(?=[{_CLOSING}])"  # 报送 ，
    "|\u200b+"  # zero-width marks, wherever they are
)
# The pinyin a converter web page put after a character in brackets, "向鎮（zhèn）禁毒委報送": read away (a
# tone mark tells it from a Latin word in brackets, "（APP）")
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = lazy(f"(?<=[{_HAN}\uf900-\ufaff])[（(](?=[a-z{_TONES}ü]{{0,6}}[{_TONES}])[a-z{_TONES}ü]{{1,7}}[)）]")
_HAS_TONE = lazy(f"[{_TONES}]")
# A line extracted from a PDF of justified text, one space between every two characters: "各 乡 镇 要 于"
_LETTER_SPACED = lazy(r"\S(?: \S){7,}")
# Latin letters or digits with the spaces web "pangu" spacing puts around them: 下载 APP 并于 5 月底前
_SPACED_WORD = lazy(f"(?<=[{_HAN}{_OPENING}])( ?)([A-Za-z0-9][A-Za-z0-9%.+-]*)( ?)(?=[{_HAN}{_CLOSING}])")


def reading_pieces(line: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the runs of ``line`` (a normal form) that rules read: stray spaces and pinyin glosses left out."""
    if " " not in line.lstrip(" ") and "\u200b" not in line and not _HAS_TONE.search(line):
        return ((0, len(line)),) if line else ()
    return _pieces(line)


@for_short_texts(maxsize=4096)  # every check reads every line: a line with spaces is split once
def _pieces(line: str) -> tuple[tuple[int, int], ...]:
    gaps = [m.span() for m in _STRAY_GAP.finditer(line)]
    if _HAS_TONE.search(line):
        gaps += [m.span() for m in _PINYIN_GLOSS.finditer(line)]
    if " " in line:
        gaps += _spaced_word_gaps(line)
        for m in _LETTER_SPACED.finditer(line):
            gaps += [(i, i + 1) for i in range(m.start() + 1, m.end(), 2)]
    if not gaps:
        return ((0, len(line)),)
    pieces = []
    at = 0
    for start, end in sorted(gaps):
        if start > at:
            pieces.append((at, start))
        at = max(at, end)
    if at < len(line):
        pieces.append((at, len(line)))
    return tuple(pieces)


def _spaced_word_gaps(line: str) -> list[tuple[int, int]]:
    gaps = []
    for m in _SPACED_WORD.finditer(line):
        left, right = m.span(1), m.span(3)
        between_chinese = (
            m.start() > 0
            and m.end() < len(line)
            and _HAS_CJK.match(line[m.start() - 1])
            and _HAS_CJK.match(line[m.end()])
        )
        if between_chinese and (left[0] == left[1] or right[0] == right[1]):
            continue  # "机构 2分": spaced on one side only, between Chinese, may be a cell gap
        gaps += [g for g in (left, right) if g[0] < g[1]]
    return gaps


def reading_text(line: str) -> tuple[str, tuple[int, ...]]:
    """``line`` as rules read it (``reading_pieces`` joined) and, for each of its offsets, the offset in ``line``."""
    pieces = reading_pieces(line)
    if len(pieces) <= 1 and (not pieces or pieces[0] == (0, len(line))):
        return line, tuple(range(len(line) + 1))
    where = [i for s, e in pieces for i in range(s, e)]
    return "".join(line[s:e] for s, e in pieces), (*where, pieces[-1][1] if pieces else 0)
