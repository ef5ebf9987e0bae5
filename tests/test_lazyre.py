"""Module-level patterns compile on first use (jianfu.lazyre): each must still be a valid expression,
and behave as the compiled pattern."""

from __future__ import annotations

import importlib
import re

import pytest

from jianfu.lazyre import LazyRegex, lazy

MODULES = [
    "jianfu.analysis.genre",
    "jianfu.analysis.mode",
    "jianfu.analysis.sentences",
    "jianfu.doctype",
    "jianfu.kinds.copy",
    "jianfu.kinds.section",
    "jianfu.scope",
    "jianfu.text.count",
    "jianfu.text.structure",
    "jianfu.analysis.mode_cues",
    "jianfu.analysis.direction",
    "jianfu.analysis.head",
    "jianfu.kinds.points",
    "jianfu.text.normalize",
    "jianfu.text.reading",
]


def _lazy_patterns(value: object) -> list[LazyRegex]:
    if isinstance(value, LazyRegex):
        return [value]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _lazy_patterns(v)]
    if isinstance(value, (tuple, list)):
        return [p for v in value for p in _lazy_patterns(v)]
    return []


@pytest.mark.parametrize("name", MODULES)
def test_module_patterns_compile(name: str) -> None:
    module = importlib.import_module(name)
    found = [p for value in vars(module).values() for p in _lazy_patterns(value)]
    assert found, f"{name} holds no lazy pattern"
    for pattern in found:
        re.compile(pattern.pattern, pattern.flags)


def test_behaves_as_the_compiled_pattern() -> None:
    pattern = lazy(r"(\d+)年", re.M)
    assert pattern.pattern == r"(\d+)年"
    assert pattern.search("2024年").group(1) == "2024"
    assert [m.span() for m in pattern.finditer("1年 22年")] == [(0, 2), (3, 6)]
    assert pattern.sub("X", "3年") == "X"
    assert pattern.fullmatch("5年", 0, 2) is not None
    assert "search" in vars(pattern)  # compiled once: later calls go straight to the compiled pattern
    with pytest.raises(AttributeError):
        pattern.no_such_method  # noqa: B018
