"""Sentences of a paragraph: the unit a rule's slots must share.

A sentence runs to 。！？；, a line break, or a gap of white space between two characters
of text (a table cell, or an item that lost its line break when pasted from a web page):
"组建机构。2分 各村居成立领导小组" is three units. One plain space between two Chinese
characters is a stray from a PDF or a web page ("采 取一票否决", "月度 考核") and ends
nothing, unless it follows a score ("2分 各村居"); nor does one beside a pause mark, an opening quote or
bracket, or before an item's points in brackets; points standing alone after an item's full stop
("……的办公室。（1分）") belong to that item. Commas do not end a sentence: the
object of a demand is often a comma or 60 字 away from its verb.
"""

from __future__ import annotations

from jianfu.analysis.caching import for_short_texts
from jianfu.lazyre import lazy

_HAN = "\u4e00-\u9fff"
_STRAY_SPACE = (
    rf"(?<=[{_HAN}])(?<!\d分)(?<!\d 分) (?=[{_HAN}])"
    # beside a pause mark or an opening quote or bracket ("“甲” 、“乙”", "（ 一）"), and before an item's
    # points ("机关创建 (100分)"): a pasted gap inside one sentence, not a cell border
    rf"|(?<=[{_HAN}”’）)]) (?=[、，：；])|(?<=[、，：；“‘（(]) (?=\S)|(?<=[{_HAN}”]) (?=[（(]\d{{1,4}}(?:\.\d+)?分[）)])"
    # a figure set apart by a PDF ("负责人的 80%以上的计 2 分", "每低 1 个百分点"): a figure inside the sentence
    # (not a score cell of a table: "党建工作 30分 未开展的扣2分")
    rf"|(?<=[{_HAN}]) (?!\d{{1,4}}(?:\.\d+)?分\s)(?=\d{{1,4}}(?:\.\d+)?\s?(?:[%％]|[{_HAN}]))|(?<=\d) (?=[分个人名次项天元条件户])|(?<=\d[%％]) (?=[{_HAN}])"
)
_END = lazy(rf"[。！？；!?;\n]+|(?<=\S)(?!{_STRAY_SPACE})[ \t\u3000]{{1,}}(?=\S)")


@for_short_texts(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``; the end includes its closing mark."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end() if not m.group(0).isspace() else m.start()
        if text[start:end].strip():
            _add(spans, text, start, end)
        start = m.end()
    if text[start:].strip():
        _add(spans, text, start, len(text))
    return tuple(spans)


# An item's points after its full stop, on the same line: "有……标识牌的办公室。（1分）"
_POINTS = lazy(r"[ \t\u3000]*[（(]\s*\d{1,4}(?:\.\d+)?\s*分\s*[）)][。；;]?")


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append a sentence; points opening it right after the previous one's 。 belong to that item
    (lines joined into one block: "……的办公室。（1分）实地查看，没标牌不给分。")."""
    points = _POINTS.match(text, start, end)
    if points and spans and "\n" not in text[spans[-1][1] - 1 : start]:
        spans[-1] = (spans[-1][0], points.end())
        start = points.end()
        if not text[start:end].strip():
            return
    spans.append((start, end))
