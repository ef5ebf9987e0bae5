"""Hard-wrapped text drafts (pasted from a PDF or an e-mail): a demand broken over two lines is still found,
at its exact place, while real paragraphs, headings and list items stay apart."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest

from jianfu.engine import Checker
from jianfu.settings import Settings
from jianfu.text.readers import read_bytes
from jianfu.text.structure import parse

WRAPPED = (
    "关于做好某项工作的通知\n"
    "各县（市、区）人民政府：\n"
    "    （一）请各县（市、区）于每季度末将贯彻落实\n"
    "情况报送市委办公室，各地要层层签订责\n"
    "任状，确保任务落实到位。\n"
)


def findings(rules, document):  # type: ignore[no-untyped-def]
    return [(f.rule, document.text[f.start : f.end]) for f in Checker(rules, Settings()).check(document).findings]


def test_a_demand_broken_by_a_hard_wrap_is_found_at_its_place(rules) -> None:
    document = parse(WRAPPED)
    assert findings(rules, document) == [("JF301", "贯彻落实\n情况报送"), ("JF309", "层层签订责\n任状")]


def test_the_paragraph_cache_gives_the_same_findings_for_wrapped_lines(rules) -> None:
    checker = Checker(rules, Settings())
    first = checker.check(parse(WRAPPED)).findings
    assert checker.check(parse(WRAPPED)).findings == first == Checker(rules, Settings()).check(parse(WRAPPED)).findings


@pytest.mark.parametrize(
    "text",
    [
        "某某单位文件\n各地要加强统筹协调做好贯彻落实\n    情况报送市政府的工作很重要。\n",  # the next line is indented: a new paragraph
        "某某单位文件\n各地要加强统筹协调做好贯彻落实。\n情况报送市政府。\n",  # a full stop ends the line
        "某某单位文件\n# 工作要求贯彻落实\n- 情况报送市政府\n",  # Markdown heading and list item
        "某某单位文件\n贯彻落实\n情况报送市政府。\n",  # a short line was ended on purpose
    ],
)
def test_lines_that_end_on_purpose_are_not_joined(rules, text: str) -> None:
    assert "JF301" not in {rule for rule, _ in findings(rules, parse(text))}


def test_docx_paragraphs_are_never_joined(rules) -> None:
    word = docx.Document()
    for line in WRAPPED.splitlines():
        word.add_paragraph(line.strip())
    buffer = BytesIO()
    word.save(buffer)
    document = read_bytes(buffer.getvalue(), ".docx")
    assert document.continues == ()
    assert "JF301" not in {rule for rule, _ in findings(rules, document)}


def test_a_time_cut_by_the_wrap_joins_the_lines_a_lead_in_colon_does_not() -> None:
    document = parse("某某单位文件\n请各村党组织书记于6月12日上午8:\n30前到县行政中心参加会议，不得缺席。\n")
    assert document.continues[2]
    document = parse("某某单位文件\n现将有关事项通知如下：\n请各村党组织书记到县行政中心参加会议。\n")
    assert not document.continues[2]


def test_a_short_numbered_line_runs_on_when_the_next_cannot_start_a_line() -> None:
    document = parse("某某单位文件\n（一）各乡镇：负责辖区内违法建筑\n的排查、认定和拆除，建立工作台账。\n")
    assert document.continues[2]
    document = parse("某某单位文件\n（一）职责分工\n各乡镇负责辖区内违法建筑的排查。\n")  # a heading stays one
    assert not document.continues[2]
