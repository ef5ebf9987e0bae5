"""Every rule's examples: ``flag`` must be reported, ``pass`` must not; ``todo`` are known misses."""

from __future__ import annotations

import pytest

from jianfu.rules import load_rules
from tests.helpers import run_example

RULES, ERRORS = load_rules()


def _cases(kind: str):  # type: ignore[no-untyped-def]
    for rule in RULES:
        examples = rule.examples.flag if kind == "flag" else rule.examples.passes
        for i, example in enumerate(examples):
            yield pytest.param(rule, example, id=f"{rule.id}-{kind}-{i}")


def test_all_rule_files_load() -> None:
    assert not ERRORS, "\n".join(str(e) for e in ERRORS)
    assert len(RULES) >= 6


def test_every_frame_slot_compiles() -> None:
    # slots are compiled on first use (start-up only parses inline expressions): compile them all here
    for rule in RULES:
        for frame in rule.params.get("frames", ()):
            for slot in frame.slots + frame.needs + frame.unless:
                assert slot.pattern.pattern, f"{rule.id} {frame.name} {slot.spec}"


@pytest.mark.parametrize(("rule", "example"), list(_cases("flag")))
def test_flag_example_is_reported(rule, example) -> None:  # type: ignore[no-untyped-def]
    findings = run_example(rule, example)
    assert findings, f"{rule.id} 未报告应报告的例子：{example.text[:80]}"
    for f in findings:
        assert 0 <= f.start < f.end, f


@pytest.mark.parametrize(("rule", "example"), list(_cases("pass")))
def test_pass_example_is_not_reported(rule, example) -> None:  # type: ignore[no-untyped-def]
    findings = run_example(rule, example)
    assert not findings, (
        f"{rule.id} 误报：{[example.text[f.start - 0 : f.end] for f in findings]} in {example.text[:80]}"
    )


def test_every_rule_has_both_kinds_of_example() -> None:
    for rule in RULES:
        assert rule.examples.flag and rule.examples.passes, rule.id


def _todo_cases():  # type: ignore[no-untyped-def]
    for rule in RULES:
        for i, example in enumerate(rule.examples.todo):
            yield pytest.param(rule, example, id=f"{rule.id}-todo-{i}")


@pytest.mark.parametrize(("rule", "example"), list(_todo_cases()))
@pytest.mark.xfail(reason="已知漏报（examples.todo），修好后移入 flag", strict=True)
def test_todo_example_is_a_known_miss(rule, example) -> None:  # type: ignore[no-untyped-def]
    assert run_example(rule, example), example.note
