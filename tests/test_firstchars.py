"""The first-character guard (jianfu.firstchars) changes where re looks, never what it finds."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from jianfu import regexcache
from jianfu.firstchars import guarded

ROOT = Path(__file__).resolve().parent.parent
PASSAGES = sorted((ROOT / "tests" / "data" / "passages").glob("*.jsonl"))


def _bundled_expressions() -> list[str]:
    """Every expression the bundled rules and lexicons ask about (the factor table lists them)."""
    table = json.loads((ROOT / "server" / "jianfu" / "analysis" / "factors-table.json").read_text("utf-8"))
    return sorted(table["necessary"])


def _texts() -> list[str]:
    rng = random.Random(11)
    texts = []
    for path in PASSAGES:
        lines = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
        texts.extend(rng.sample(lines, min(4, len(lines))))
    return texts


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?<!违法)记录", "(?=[记])(?:(?<!违法)记录)"),  # a lookbehind first: re cannot skip on its own
        ("(?:各|全)?乡镇", "(?=[乡全各])(?:(?:各|全)?乡镇)"),  # an optional prefix: its characters and the next
        ("报送", "报送"),  # a literal first: re skips to it already
        ("[报上]送", "[报上]送"),
        ("^各乡镇", "^各乡镇"),  # an anchor has its own fast path
        ("x*", "x*"),  # a match may be empty
        ("\\d+分", "\\d+分"),  # a category: no useful set
        ("(?i)app", "(?i)app"),  # case folded
        ("(?m)扣\\d分|不得分$", "(?m)(?=[不扣])(?:扣\\d分|不得分$)"),  # after the flags, which must lead
    ],
)
def test_the_guard_names_the_first_characters_or_leaves_the_pattern_alone(pattern: str, expected: str) -> None:
    assert guarded(pattern) == expected


def test_every_bundled_expression_finds_the_same_matches_guarded() -> None:
    expressions = _bundled_expressions()
    texts = _texts()
    assert len(expressions) > 500 and len(texts) > 20
    changed = 0
    for expression in expressions:
        source = guarded(expression)
        if source == expression:
            continue
        changed += 1
        plain, guard = re.compile(expression), re.compile(source)
        for text in texts:
            assert [m.span() for m in guard.finditer(text)] == [m.span() for m in plain.finditer(text)], expression
    assert changed > 100  # the guard applies to most of the rules' expressions


def test_every_module_expression_finds_the_same_matches_guarded() -> None:
    """The analysis' own cues (``lazy`` expressions in every jianfu module), with their flags."""
    import importlib
    import pkgutil

    import jianfu
    from jianfu.lazyre import LazyRegex

    lazies = []
    for module_info in pkgutil.walk_packages(jianfu.__path__, "jianfu."):
        if module_info.name.startswith(("jianfu.lsp", "jianfu.http", "jianfu.wps")) or module_info.name.endswith(
            "__main__"
        ):
            continue  # servers: no cues of their own, heavier imports; __main__ runs the command line
        module = importlib.import_module(module_info.name)
        lazies += [value for value in vars(module).values() if isinstance(value, LazyRegex)]
    texts = _texts()
    changed = 0
    for lazy_regex in lazies:
        source = guarded(lazy_regex.pattern, lazy_regex.flags)
        if source == lazy_regex.pattern:
            continue
        changed += 1
        plain, guard = re.compile(lazy_regex.pattern, lazy_regex.flags), re.compile(source, lazy_regex.flags)
        for text in texts:
            assert [m.span() for m in guard.finditer(text)] == [m.span() for m in plain.finditer(text)], source
    assert changed > 20


def test_the_compiled_pattern_keeps_the_rule_s_own_text() -> None:
    compiled = regexcache.compile("(?<!违法)记录")
    assert compiled.pattern == "(?<!违法)记录"
    assert [m.span() for m in compiled.finditer("无违法记录，有会议记录")] == [(9, 11)]
