"""第8条 千分制 without the word: the scored items of an assessment add up to 1000 points or more.

Keys: ``at_least`` (the total that counts, e.g. 1000), optional ``item_at_least`` (one top-level item worth
this much tells the scale when the passage shows only part of the table), optional ``cues`` (regular expressions, one of which
must occur in the title or body when the title does not make the document an assessment: 考核, 评分 …),
optional ``title_names`` (regular expressions: the title itself names the scale, "某镇村级千分制考核细则") with
``title_unless`` (a title that clears the scale away or reports results: 取消, 纠治, 通报 …; it also keeps a
results notice's scores from being summed). Items that are places ("一、甲镇（95分）") are units given
their scores, not criteria given their weights, and are not summed either. Phrase rules read the body only.

A scoring table names its items with their points: "一、党建工作（300分）", "1.信访基础工作 100分", or
a row "组织领导 100" under a 分值 column. The items of the highest level that carries points are summed
(sub-items restart under each parent, so at a lower level every item counts); items at the top level
whose numbering starts again ("一、" after "三、") begin another table, summed on its own. A total row
(合计、总计) is not an item. Document scope: a table's rows are separate paragraphs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jianfu.analysis import genre
from jianfu.kinds.base import CheckContext, ParamError, make_finding, regex_list
from jianfu.lazyre import lazy
from jianfu.model import Document, Finding
from jianfu.text.lines import LineCache, lines_of

if TYPE_CHECKING:
    from jianfu.rules import Rule

SCOPE = "document"
KEYS = (("at_least",), ("item_at_least", "cues", "title_names", "title_unless"))

_NUMERALS = "一二三四五六七八九十"
_LABEL = rf"(?P<label>[{_NUMERALS}]{{1,3}}、|[（(][{_NUMERALS}]{{1,3}}[）)]|(?<![\d.])\d{{1,2}}[、.．](?!\d))"
_NAME = r"(?P<name>[^\n。；！？（()）\d]{2,30}?)"
_PTS = r"(?P<pts>\d{1,4}(?:\.\d+)?)"
# "一、党建工作（300分）", "（二）产业发展(250分)", "3.初信初访办理 200分", "1.组织领导 10分：成立……"
# "二、经济发展（400）" (two to four digits in brackets, not a year: "（1）" numbers a sub-item), "1.党建工作300分：……"
# (the points run into the name when a colon follows them)
_LABELLED = lazy(
    rf"{_LABEL}[ \t\r]*{_NAME}[ \t\r]*(?:[（(][ \t\r]*(?:满分|分值|计|共)?[ \t\r]*[:：]?[ \t\r]*(?:{_PTS}[ \t\r]*分|(?!(?:19|20)\d\d[）)]){_PTS.replace('pts', 'pts3').replace('1,4', '2,4')})[ \t\r]*[）)]"
    rf"|[ \t\r]+{_PTS.replace('pts', 'pts2')}[ \t\r]*分(?!钟)[ \t\r]*(?=\n|$|[：:]|[ \t]+[^\d\s])"
    rf"|{_PTS.replace('pts', 'pts4')}[ \t\r]*分[ \t\r]*(?=[：:]))"
)
# an item without a number, its points in brackets, its standard after it on the same line:
# "组织领导（10分）：成立领导小组得2分……", "阵地建设(20分) 有固定场所……"
_UNLABELLED = lazy(
    r"(?m)^[ \t\r]*(?P<name>[^\n\d。；！？，,：:（()）、.．]{2,20}?)[ \t\r]*[（(][ \t\r]*(?:满分|分值|计|共)?[ \t\r]*[:：]?[ \t\r]*"
    r"(?P<pts>\d{1,4}(?:\.\d+)?)[ \t\r]*分[ \t\r]*[）)]"
)
# a table row under a 分值 column: "组织领导 100", "统计基础工作规范化建设 200分", pasted with its cell
# rules: "| 组织领导 | 100 |"
# (or with a further cell after the points, its standard: "党的建设 300 基层党组织建设、党风廉政建设"; not a
# quantity's unit: "招商引资 3000 万元")
_ROW = lazy(
    r"(?m)^[ \t\r|│]*(?P<name>[^\n\d。；！？，,：:（()）|│]{2,20}?)[ \t\r|│]+(?P<pts>\d{2,4})[ \t\r]*分?(?!钟)"
    r"(?:[ \t\r|│]*$|[ \t\r|│]+(?![万亿千百元亩人户个家吨公里米平方%％次年月日天件项名所套台辆小时岁])[^\n\d\s|│][^\n]*$)"
)
# a cheap first look: a scoring table has at least two "N分）", "N分" line ends or "N分：" / "N分 按……"
_POINTS_MARK = lazy(
    r"\d[ \t\r]*分(?:[ \t\r]*(?:[）)：:]|$)|[ \t]+[^\d\s])|[（(](?!(?:19|20)\d\d[）)])\d{2,4}[）)]", re.M
)
_TOTAL_ROW = lazy("合计|总计|总分|小计|满分|分值|基本分")


@dataclass(frozen=True)
class _Item:
    level: int  # 1 一、 · 2 （一） · 3 1. · 4 an unlabelled table row · 5 one of a list in a sentence
    number: str  # the label's numeral, to see the numbering start again
    points: float
    start: int
    end: int


def compile(data: dict[str, Any]) -> dict[str, Any]:
    at_least = data["at_least"]
    if not isinstance(at_least, int) or isinstance(at_least, bool) or at_least <= 0:
        raise ParamError("at_least", "应为正整数（评分项合计达到多少分时报告）。")
    item_at_least = data.get("item_at_least")
    if item_at_least is not None and (
        not isinstance(item_at_least, int) or isinstance(item_at_least, bool) or not 0 < item_at_least < at_least
    ):
        raise ParamError("item_at_least", "应为小于 at_least 的正整数（单个评分项达到多少分即可断定总分的量级）。")
    return {
        "at_least": at_least,
        "item_at_least": item_at_least,
        "cues": regex_list(data, "cues"),
        "title_names": regex_list(data, "title_names"),
        "title_unless": regex_list(data, "title_unless"),
    }


def check(rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]:
    named = _title_names_the_scale(rule, document)
    if named is not None:
        start, end = named
        yield make_finding(rule, start, end, values={"what": f"标题写明“{document.norm[start:end]}”"})
        return
    if not _is_assessment(rule, document) or _title_unless(rule, document):
        return
    items = _items(document.norm)
    total, scored = _total(items)
    if total < rule.params["at_least"]:
        total, scored = max([(total, scored), *_inline_lists(document.norm)], key=lambda b: b[0])
    if total >= rule.params["at_least"] and scored and not _units_scored(document.norm, scored):
        first = scored[0]
        what = f"评分项合计{_shown(total)}分（{len(scored)}项）"
        yield make_finding(rule, first.start, first.end, values={"what": what})
        return
    # a passage cut from the table shows only some of its items ("三、社会治理（250分）" with its sub-items):
    # one item worth hundreds of points belongs to no hundred-point scale. A table seen from its first item
    # on is whole, and its total stands ("一、……（400分）二、……（300分）" is a 700-point table).
    big = [i for i in items if i.level <= 2 and i.points >= (rule.params["item_at_least"] or float("inf"))]
    if big and _cut_from_a_table(items) and not _units_scored(document.norm, big):
        what = f"单个评分项即达{_shown(big[0].points)}分"
        yield make_finding(rule, big[0].start, big[0].end, values={"what": what})


def _cut_from_a_table(items: list[_Item]) -> bool:
    """Whether the items are part of a table: its top level begins past its first number, or one item shows."""
    if not items:
        return False
    top = min(i.level for i in items)
    tops = [i for i in items if i.level == top]
    return len(tops) == 1 or tops[0].number not in ("一", "1")


def _title_unless(rule: Rule, document: Document) -> bool:
    """A notice of results or a report: its numbers are scores of units, not the scale of a scheme."""
    if not document.title_span:
        return False
    title = document.norm[slice(*document.title_span)]
    return any(p.search(title) for p in rule.params["title_unless"])


# the items are places given their scores ("一、甲镇（95分）"), not criteria given their weights
_PLACE = lazy("(?:镇|乡|村|街道|社区|县|区|市|办事处)$")


def _units_scored(norm: str, items: list[_Item]) -> bool:
    names = [re.sub(r"^[^\u4e00-\u9fff]*|[（(].*$|[ \t]+\d.*$", "", norm[i.start : i.end]).strip() for i in items]
    return sum(1 for n in names if _PLACE.search(n)) * 2 >= len(names)


def _title_names_the_scale(rule: Rule, document: Document) -> tuple[int, int] | None:
    if not document.title_span or not rule.params["title_names"]:
        return None
    t0, t1 = document.title_span
    title = document.norm[t0:t1]
    if any(p.search(title) for p in rule.params["title_unless"]):
        return None
    for pattern in rule.params["title_names"]:
        m = pattern.search(title)
        if m:
            return t0 + m.start(), t0 + m.end()
    return None


def _is_assessment(rule: Rule, document: Document) -> bool:
    if "assessment" in genre.detect(document):
        return True
    return any(cue.search(document.norm) for cue in rule.params["cues"])


# Every pattern of a scoring table stays within a line (no class takes in "\n"; ^ and $ meet a line's
# edges as they would the text's): the items are read line by line, each line's kept by its text, so
# that typing in a long assessment re-reads one line.


def _items(norm: str) -> list[_Item]:
    lines = lines_of(norm)
    marks = 0
    for count in _MARKS.each(lines):
        marks += count
        if marks >= 2:
            break
    items: list[_Item] = []
    at = 0
    for line, found in zip(lines, (_SCORED_ITEMS if marks >= 2 else _ROWS).each(lines), strict=True):
        if found:
            items.extend(_shifted(item, at) for item in found)
        at += len(line) + 1
    return sorted(items, key=lambda i: i.start)


def _line_items(line: str, scored: bool) -> tuple[_Item, ...]:
    """The items of one line, offsets in the line; numbered and unlabelled items only in a text with
    two or more points marks (``scored``)."""
    items: list[_Item] = []
    taken: list[tuple[int, int]] = []
    for m in _LABELLED.finditer(line) if scored else ():
        label = m.group("label")
        level = 1 if label[0] in _NUMERALS else 2 if label[0] in "（(" else 3
        points = float(m.group("pts") or m.group("pts2") or m.group("pts3") or m.group("pts4"))
        items.append(_Item(level, label.strip("、（()）.．"), points, m.start(), m.end()))
        taken.append(m.span())
    for row in (_ROW, _UNLABELLED) if scored else (_ROW,):
        for m in row.finditer(line):
            if _TOTAL_ROW.search(m.group("name")) or any(s <= m.start() < e for s, e in taken):
                continue
            items.append(_Item(4, "", float(m.group("pts")), m.start("name"), m.end("pts")))
            taken.append(m.span())
    return tuple(items)


# up to two of the "N分）", "N分" line ends or "N分：" of a line (a cheap first look)
_MARKS = LineCache(lambda line: sum(1 for _ in itertools.islice(_POINTS_MARK.finditer(line), 2)))
_SCORED_ITEMS = LineCache(lambda line: _line_items(line, True))
_ROWS = LineCache(lambda line: _line_items(line, False))


def _shifted(item: _Item, at: int) -> _Item:
    return _Item(item.level, item.number, item.points, item.start + at, item.end + at) if at else item


# items listed in one sentence: "党建工作300分、经济发展400分、社会事业300分"
_INLINE_ITEM = lazy(
    r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?<![扣得加减计记奖罚各每共])[ \t]*(?P<pts>\d{1,4}(?:\.\d+)?)[ \t]*分(?=[、，,；;。]|[ \t]*$)",
    re.M,
)
_INLINE_SEPARATOR = lazy(r"[ \t]*[、，,；;][ \t]*")
# what every item ends with: found first, so that only lines holding three are read item by item
_INLINE_POINTS = lazy(r"\d[ \t]*分(?=[、，,；;。]|[ \t]*$)", re.M)


def _inline_lists(norm: str) -> list[tuple[float, list[_Item]]]:
    """Runs of three or more items given their points in one sentence, separated only by 、，；."""
    runs: list[tuple[float, list[_Item]]] = []
    at = 0
    lines = lines_of(norm)
    for line, found in zip(lines, _RUNS.each(lines), strict=True):
        if found:
            runs += [(total, [_shifted(item, at) for item in run]) for total, run in found]
        at += len(line) + 1
    return runs


def _line_runs(line: str) -> tuple[tuple[float, tuple[_Item, ...]], ...]:
    """The runs of one line (a run never crosses a line break), offsets in the line."""
    if sum(1 for _ in _INLINE_POINTS.finditer(line)) < 3:  # three or more "N分" item ends, else none
        return ()
    runs: list[list[_Item]] = []
    last_end = -1
    for m in _INLINE_ITEM.finditer(line):
        item = _Item(5, "", float(m.group("pts")), m.start("name"), m.end("pts"))
        if runs and _INLINE_SEPARATOR.fullmatch(line, last_end, m.start()):
            runs[-1].append(item)
        else:
            runs.append([item])
        last_end = m.end()
    return tuple((sum(i.points for i in run), tuple(run)) for run in runs if len(run) >= 3)


_RUNS = LineCache(_line_runs)


def _total(items: list[_Item]) -> tuple[float, list[_Item]]:
    """The sum at the highest level with two or more items (per table at the top level), and those items."""
    for level in (1, 2, 3, 4):
        at_level = [i for i in items if i.level == level]
        if len(at_level) < 2:
            continue
        if level != 1:
            return sum(i.points for i in at_level), at_level
        best: tuple[float, list[_Item]] = (0.0, [])
        run: list[_Item] = []
        for item in at_level:
            if run and item.number == _NUMERALS[0]:  # "一、" again: another table
                best = max(best, (sum(i.points for i in run), run), key=lambda b: b[0])
                run = []
            run.append(item)
        return max(best, (sum(i.points for i in run), run), key=lambda b: b[0])
    return 0.0, []


def _shown(total: float) -> str:
    return str(int(total)) if total == int(total) else f"{total:g}"
