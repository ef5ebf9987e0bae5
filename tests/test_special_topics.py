"""除专门文件外: a rule with ``special_topics`` stands down on a document about that matter, and only there.

Each article-3 rule keeps a whole-document pass example whose title is such a 专门文件. The same
body under a neutral title must be reported, so the pass really tests the exception.
"""

from __future__ import annotations

import re

import pytest

from jianfu.rules import Example, load_rules
from tests.helpers import NEUTRAL_TITLE, run_example

RULES, _ = load_rules()
ARTICLE_3 = [r for r in RULES if r.article == 3 and r.special_topics]


def _special_examples(rule) -> list[Example]:  # type: ignore[no-untyped-def]
    out = []
    for example in rule.examples.passes:
        if "\n" not in example.text.strip():
            continue
        title = example.text.strip().splitlines()[0]
        if any(re.search(topic, title) for topic in rule.special_topics):
            out.append(example)
    return out


@pytest.mark.parametrize("rule", ARTICLE_3, ids=lambda r: r.id)
def test_special_document_example_exists_and_tests_the_exception(rule) -> None:  # type: ignore[no-untyped-def]
    examples = _special_examples(rule)
    assert examples, f"{rule.id} 缺少以专门文件为标题的 pass 例子"
    for example in examples:
        lines = example.text.strip().splitlines()
        neutral = Example("\n".join([NEUTRAL_TITLE, *lines[1:]]) + "\n")
        assert run_example(rule, neutral), f"{rule.id}：换成普通标题后正文应被报告：{example.text[:60]}"


def test_settings_can_declare_the_special_topic() -> None:
    from jianfu.engine import Checker
    from jianfu.settings import Settings
    from tests.helpers import example_document

    rule = next(r for r in RULES if r.id == "JF309")
    document = example_document("各地要层层签订责任状，把任务落实到人。")
    assert Checker([rule], Settings()).check(document).findings
    declared = Settings(special_topics=("责任状",))
    assert not Checker([rule], declared).check(document).findings
