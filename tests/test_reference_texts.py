"""The regulation, the official Q&A and the Zhejiang measures are prohibitions and explanations:
no rule of articles 3–21 may fire on them. And every rule quotes the regulation verbatim."""

from __future__ import annotations

import re

import pytest

from jianfu.engine import Checker
from jianfu.settings import Settings
from jianfu.text.readers import read_path
from tests.conftest import REFERENCE

PROHIBITION_TEXTS = [
    "regulation-2024-central.txt",
    "central-office-qa-2024.txt",
    "zhejiang-2020-measures.zh-Hant.txt",
]


def _reference(name: str):  # type: ignore[no-untyped-def]
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"参考材料 {path} 不存在（需要 ../shared 与仓库并列）")
    return path


@pytest.mark.parametrize("name", PROHIBITION_TEXTS)
def test_reference_texts_yield_no_finding_from_articles_3_to_21(rules, name: str) -> None:
    document = read_path(_reference(name))
    result = Checker(rules, Settings()).check(document)
    hits = [f"{f.rule} {document.text[max(0, f.start - 15) : f.end + 10]!r}" for f in result.findings if f.article >= 3]
    assert not hits, "\n".join(hits)


def _regulation_articles() -> dict[int, str]:
    text = _reference("regulation-2024-central.txt").read_text("utf-8")
    articles: dict[int, str] = {}
    for m in re.finditer(r"^(\d{1,2})\. (.+)$", text, re.M):
        articles[int(m.group(1))] = m.group(2)
    return articles


def test_every_clause_is_quoted_verbatim_from_its_article(rules) -> None:
    articles = _regulation_articles()
    assert len(articles) == 21
    for rule in rules:
        clause = re.sub(r"\s+", "", rule.clause)
        assert clause in articles[rule.article], f"{rule.id}：clause 不是第{rule.article}条的原文：{rule.clause}"
