"""Document-level scope: a 通报 of problems and a 存在的问题 section describe practices, they demand nothing."""

from __future__ import annotations

from jianfu.engine import Checker
from jianfu.settings import Settings
from jianfu.text.structure import parse

PROBLEM_LINES = (
    "（一）某街道要求社区工作人员每日通过政务APP定位打卡签到，并按月排名通报。\n"
    "（二）某县与各乡镇签订安全生产目标责任书，将任务层层分解到村。\n"
)


def rules_found(rules, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule for f in Checker(rules, Settings()).check(parse(text)).findings}


def test_a_notice_of_typical_problems_reports_nothing_from_its_list(rules) -> None:
    text = (
        f"关于基层减负工作中典型问题的通报\n各县（市、区）委：\n暗访发现以下问题：\n{PROBLEM_LINES}各地要引以为戒。\n"
    )
    assert rules_found(rules, text) == set()
    same_lines_in_a_plan = f"关于推进基层治理的工作方案\n各县（市、区）委：\n一、工作要求\n{PROBLEM_LINES}"
    assert {"JF802", "JF309"} <= rules_found(rules, same_lines_in_a_plan)  # the control: the lines do flag


def test_a_problems_section_is_descriptive_and_the_next_section_is_not(rules) -> None:
    text = (
        "2024年基层治理工作总结\n一、主要成效\n全年完成各项任务。\n二、存在的主要问题\n"
        f"{PROBLEM_LINES}三、下一步工作安排\n县政府与各乡镇签订安全生产目标责任书。\n"
    )
    document = parse(text)
    findings = Checker(rules, Settings()).check(document).findings
    assert [(f.rule, document.text[f.start : f.end]) for f in findings] == [("JF309", "签订安全生产目标责任书")]
    assert findings[0].start > text.index("三、下一步工作安排")


def test_a_heading_that_sets_a_task_about_problems_is_not_descriptive(rules) -> None:
    text = f"关于推进基层治理的工作方案\n各县（市、区）委：\n一、着力解决群众反映的突出问题\n{PROBLEM_LINES}"
    assert "JF309" in rules_found(rules, text)


def test_a_passage_cut_above_its_opening_still_reports_typical_problems(rules) -> None:
    """A page text without the notice's title: its opening sentence says what the list is."""
    text = f"为持续深化基层减负，现将近期查处的2起典型问题通报如下：\n{PROBLEM_LINES}各地要引以为戒。\n"
    assert rules_found(rules, text) == set()
    work_plan_opening = f"为持续深化基层治理，现将有关工作要求通知如下：\n{PROBLEM_LINES}"
    assert {"JF802", "JF309"} <= rules_found(rules, work_plan_opening)  # the control


def test_a_document_about_burden_reduction_reports_nothing_it_names(rules) -> None:
    # the practices a 减负 document names are the ones it limits or reports cleared
    lines = "县里将组织力量对各乡镇工作开展情况进行检查验收。\n各村要每月上报工作台账和活动照片。\n"
    news = f"某县开展专项治理行动为基层减负\n{lines}"
    assert rules_found(rules, news) - {"JF201", "JF202", "JF205"} == set()
    passage = f"为持续推进基层减负，我县出台以下措施。\n{lines}"
    assert rules_found(rules, passage) - {"JF201", "JF202", "JF205"} == set()
    # a news story whose 减负 is quoted, its title not copied
    story = f"从5月起，全县100多个政务公众号停止运营，给基层干部“减负”。\n{lines}"
    assert rules_found(rules, story) - {"JF201", "JF202", "JF205"} == set()
    # what it still demands of its own: the report on how it was carried out
    closing = f"为持续推进基层减负，我县出台以下措施。\n{lines}各乡镇贯彻落实情况请于6月底前报送县委办公室。\n"
    assert rules_found(rules, closing) - {"JF201", "JF202", "JF205"} == {"JF301"}
    # the control: the same lines in a plan about something else do flag
    plan = f"关于推进乡村治理的工作方案\n各乡镇：\n{lines}"
    assert {"JF701", "JF1403"} <= rules_found(rules, plan)
