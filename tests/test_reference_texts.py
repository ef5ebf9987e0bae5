"""The regulation, the official Q&A and the Zhejiang measures are prohibitions and explanations:
no rule of articles 3–21 may fire on them. And every rule quotes the regulation verbatim.

All rules come from the bundled rule set, so every article's rules are covered once merged.
The reference texts live in ``../shared/reference`` beside the repository; without them the
tests skip and say so.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from jianfu import scope
from jianfu.engine import Checker
from jianfu.lazyre import lazy
from jianfu.settings import Settings
from jianfu.text.readers import read_path
from tests.conftest import REFERENCE

PROHIBITION_TEXTS = [
    "regulation-2024-central.txt",
    "central-office-qa-2024.txt",
    "zhejiang-2020-measures.zh-Hant.txt",
]
REGULATION = "regulation-2024-central.txt"


def _reference(name: str) -> Path:
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"参考材料 {path} 不存在：需要把 shared/reference 放在仓库旁边（../shared/reference）")
    return path


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture()
def sentences_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These texts are about burden reduction, which makes the whole of them a clean-up (scope.py): read
    without that, so that the clean result shows the sentences read as prohibitions, one by one."""
    monkeypatch.setattr(scope, "_BURDEN_REDUCTION", lazy("(?!)"))


@pytest.mark.parametrize("name", PROHIBITION_TEXTS)
def test_reference_texts_yield_no_finding_from_articles_3_to_21(rules, sentences_only: None, name: str) -> None:
    document = read_path(_reference(name))
    result = Checker(rules, Settings()).check(document)
    assert not result.failures, result.failures
    hits = [f"{f.rule} {document.text[max(0, f.start - 15) : f.end + 10]!r}" for f in result.findings if f.article >= 3]
    assert not hits, "\n".join(hits)


def test_the_reference_check_is_not_vacuous(rules, sentences_only: None) -> None:
    """Without context suppression the phrase rules do match the regulation's own wording:
    the clean result above comes from reading prohibitions as prohibitions, not from missing words."""
    document = read_path(_reference(REGULATION))
    raw = [
        dataclasses.replace(r, params={**r.params, "context": False})
        for r in rules
        if r.kind == "phrase" and r.article >= 3
    ]
    findings = Checker(raw, Settings()).check(document).findings
    assert {f.rule for f in findings if f.article == 3} >= {"JF301", "JF309"}, [f.rule for f in findings]


def _regulation_articles() -> dict[int, str]:
    text = _reference(REGULATION).read_text("utf-8")
    articles: dict[int, str] = {}
    for m in re.finditer(r"^(\d{1,2})\. (.+)$", text, re.M):
        articles[int(m.group(1))] = _squash(m.group(2))
    return articles


def test_the_regulation_has_21_articles() -> None:
    assert sorted(_regulation_articles()) == list(range(1, 22))


def test_every_clause_is_quoted_verbatim_from_its_article(rules) -> None:
    articles = _regulation_articles()
    wrong = []
    for rule in rules:
        clause = _squash(rule.clause)
        found_in = [number for number, text in articles.items() if clause in text]
        if not found_in:
            wrong.append(f"{rule.id}：clause 不是规定原文：{rule.clause}")
        elif rule.article not in found_in:
            wrong.append(f"{rule.id}：clause 出自第{found_in[0]}条，但 article 写的是 {rule.article}")
    assert not wrong, "\n".join(wrong)
