"""第8条 千分制 without the word: scoring tables in the shapes drafters write them (kinds/points.py)."""

from __future__ import annotations

import pytest

from jianfu.engine import Checker
from jianfu.rules import load_rules
from jianfu.text.structure import parse

RULES = [r for r in load_rules()[0] if r.id == "JF811"]


def _flagged(text: str) -> bool:
    return any(f.rule == "JF811" for f in Checker(RULES).check(parse(text)).findings)


@pytest.mark.parametrize(
    "text",
    [
        # items without numbers, the standard after the points on the same line
        "某镇村级组织工作考核评分标准\n组织领导（250分）：成立领导小组得50分，未成立不得分。\n"
        "阵地建设（250分）：有固定活动场所得100分。\n制度落实（300分）：以会议记录为准。\n作用发挥（200分）：群众评议。\n",
        # numbered items whose points are followed by their standard
        "某县乡镇年度考核细则\n1.经济发展 400分 按完成率计分\n2.社会事业 300分：按项目计分\n"
        "3.党的建设 300分 按考核办法计分\n",
        # the items listed in one sentence
        "某镇村级组织年度考核细则\n考核内容分为党的建设300分、产业发展250分、乡村治理250分、民生服务200分。\n",
        # a table pasted from a web page with its cell rules
        "某县乡镇年度综合考核细则\n| 考核项目 | 分值 |\n| 党的建设 | 200 |\n| 经济发展 | 300 |\n"
        "| 社会事业 | 250 |\n| 生态环境 | 250 |\n",
        # the points named 分值 with a colon
        "某县乡镇年度综合考核细则\n一、党的建设（分值：200分）\n二、经济发展（分值：300分）\n"
        "三、社会事业（分值：250分）\n四、生态环境（分值：250分）\n",
        # a row with its standard in a further cell
        "乡镇年度综合考核指标及分值表\n考核项目 分值 考核内容\n党的建设 300 基层党组织建设、党风廉政建设\n"
        "经济发展 400 招商引资、项目建设\n社会事业 200 教育卫生、民生保障\n平安建设 100 信访维稳、安全生产\n",
        # the points in brackets without 分
        "某县乡镇考核指标\n一、党建工作（300）\n二、经济发展（400）\n三、社会事业（200）\n四、平安建设（100）\n",
        # numbered items in one line, the points run into the name before a colon
        "某镇村级考核细则\n考核内容和评分标准：1.党建工作300分：按制度落实计分。2.经济发展400分：按完成率计分。"
        "3.社会事业200分：按项目计分。4.平安建设100分：按案件数计分。\n",
    ],
)
def test_scoring_tables_adding_up_to_a_thousand(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same shapes adding up to a hundred
        "某镇村级组织工作考核评分标准\n组织领导（25分）：成立领导小组得5分。\n阵地建设（25分）：有固定活动场所。\n"
        "制度落实（30分）：以会议记录为准。\n作用发挥（20分）：群众评议。\n",
        # places given their scores are results, not a scale
        "某县乡镇考核评分情况\n甲镇（960分）：排名第一。\n乙镇（940分）：排名第二。\n",
        # places given their scores in one sentence; deductions are no items
        "某县乡镇考核评分情况\n甲镇960分、乙镇940分、丙镇930分。\n",
        "某镇村级组织年度考核细则\n未按时报送的扣500分、材料不全的扣300分、弄虚作假的扣400分。\n",
        # a total row is not an item
        "某县乡镇年度考核细则\n1.经济发展 40分 按完成率计分\n2.社会事业 60分：按项目计分\n合计（1000分）\n",
        # quantities in a table are no points, nor are small bracketed numbers
        "某县招商引资考核任务分解表\n城关片区 3000 万元以上\n开发片区 4000 万元以上\n北部片区 2000 万元以上\n",
        "某县年度工作考核办法\n一、组织领导（3）\n二、制度建设（5）\n",
        # years in brackets are no points
        "某县乡镇年度考核办法\n一、工作回顾（2023）\n二、工作目标（2024）\n三、保障措施（2025）\n",
    ],
)
def test_other_tables_are_not_a_thousand_point_scale(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a passage cut from a table: one item of hundreds of points, the rest of the table not shown
        ("三、社会治理（250分）\n（一）平安建设（100分）\n（二）信访工作（80分）\n", True),
        ("某县乡镇综合考核细则（节选）\n二、经济发展（300分）\n1.招商引资（100分）\n", True),
        # the whole table seen from its first item: its total stands (700 is no thousand)
        ("某县乡镇综合考核办法\n一、经济发展（400分）\n二、社会事业（300分）\n", False),
        # an excerpt of a hundred-point table
        ("三、社会治理（25分）\n（一）平安建设（10分）\n（二）信访工作（8分）\n", False),
    ],
)
def test_one_item_of_hundreds_of_points_in_an_excerpt_tells_the_scale(text: str, flagged: bool) -> None:
    assert bool(_flagged(text)) is flagged
