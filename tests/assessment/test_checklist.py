"""rules/assessment.yml: the form's rows in the regulation's order, each rule in exactly one row, clauses verbatim."""

from __future__ import annotations

import re

import pytest

from jianfu.assessment import checklist
from tests.conftest import REFERENCE, REPO

ISSUE_ORDER = [  # issue 12: the checklist items, in the regulation's order
    "篇幅", "形势背景、重要意义、主要原则", "组织保障", "照搬照抄上位文件", "报送贯彻落实情况", "制定配套文件",
    "机构编制", "干部配备", "工资福利待遇", "创建示范", "达标", "“一票否决”", "签订责任状", "会议",
    "督查检查考核事项", "借调", "政务应用程序", "基层权责", "创建示范和达标活动",
]  # fmt: skip


@pytest.fixture(scope="module")
def form() -> checklist.Checklist:
    return checklist.load()


def test_rows_follow_the_regulation(form: checklist.Checklist) -> None:
    items = [row.item for row in form.rows]
    assert [i for i in items if i in ISSUE_ORDER] == ISSUE_ORDER
    first_articles = [min(c.article for c in row.clauses) for row in form.rows]
    assert first_articles == sorted(first_articles)


def test_every_rule_belongs_to_exactly_one_row(form: checklist.Checklist, rules) -> None:
    for rule in rules:
        named = [row.item for row in form.rows if rule.id in row.rules]
        by_article = [row.item for row in form.rows if rule.article in row.articles]
        assert len(named) + len(by_article) == 1, f"{rule.id}（第{rule.article}条）在评估表中的行：{named + by_article}"
    known = {r.id for r in rules}
    for row in form.rows:
        assert set(row.rules) <= known, f"{row.item} 列出的规则不存在：{set(row.rules) - known}"
    placed = form.assign(rules)
    assert set(placed) == known


def test_clauses_are_quoted_verbatim(form: checklist.Checklist) -> None:
    path = REFERENCE / "regulation-2024-central.txt"
    if not path.is_file():
        pytest.skip(f"参考材料 {path} 不存在")
    text = path.read_text("utf-8")
    articles = dict(re.findall(r"^(\d+)\. (.+)$", text, flags=re.M))
    quoted = [c for row in form.rows for c in row.clauses] + [m.clause for m in form.manual]
    for clause in quoted:
        assert clause.text in articles[str(clause.article)], f"第{clause.article}条中没有“{clause.text}”"


def test_manual_items_cover_what_no_text_shows(form: checklist.Checklist) -> None:
    items = {m.item: m for m in form.manual}
    assert items["年度发文数量"].clause.article == 1
    assert all(m.check for m in form.manual)


def test_the_reviewers_page_lists_every_item(form: checklist.Checklist) -> None:
    page_text = (REPO / "docs" / "一致性评估.md").read_text("utf-8")
    for number, row in enumerate(form.rows, 1):
        assert f"| {number} | {row.item} |" in page_text, row.item
    for item in form.manual:
        assert f"{item.item}（第{item.clause.article}条）" in page_text, item.item
