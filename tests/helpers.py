"""Shared helpers for tests: build documents from example texts."""

from __future__ import annotations

from jianfu.engine import Checker
from jianfu.model import Document, Finding
from jianfu.rules import Example, Rule
from jianfu.settings import Settings
from jianfu.text.structure import parse

NEUTRAL_TITLE = "某某单位文件"


def example_document(text: str) -> Document:
    """A one-line example is a body sentence: give it a neutral title so it is not taken for one."""
    if "\n" not in text.strip():
        text = f"{NEUTRAL_TITLE}\n{text}\n"
    return parse(text)


def run_example(rule: Rule, example: Example) -> list[Finding]:
    settings = Settings(select=(rule.id,), doc_type=example.doc_type or "auto")
    parents = [example_document(example.parent)] if example.parent else []
    result = Checker([rule], settings).check(example_document(example.text), parents)
    assert not result.failures, result.failures
    return [f for f in result.findings if f.rule == rule.id]
