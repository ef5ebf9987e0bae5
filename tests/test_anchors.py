"""Waking words: a paragraph only runs the frames and patterns whose words it contains, so those words
must be necessary — every match contains one — or findings are silently lost."""

from __future__ import annotations

import json
import pathlib
import random
import re
import sys

import pytest
import yaml

from jianfu.analysis.factors import necessary
from jianfu.analysis.wordindex import WordIndex
from jianfu.rules import load_rules

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from complete_anchors import missing_anchors  # noqa: E402


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("每月|按月|逐月", {"每月", "按月", "逐月"}),
        ("(?:各|全)(?:乡镇|街道)要", {"各乡镇要", "各街道要", "全乡镇要", "全街道要"}),
        ("会[^。]{0,9}?开到", {"开到"}),  # the single character 会 is the worse choice
        ("村(?:（社区）)?要", {"村要", "村（社区）要"}),
        ("[省市县]级", {"省级", "市级", "县级"}),
        ("(?<!副)县长(?=主持)", {"县长"}),  # lookarounds consume nothing
        ("\\x41BC", {"BC"}),  # a character by number is unknown, not the digits "41"
        ("a{2,3}考核", {"考核"}),
        ("a{,}b|ab{", {"b"}),  # "a{,}" may match nothing; a "{" that is no repeat is a literal
        ("计分{", {"计分{"}),
        ("(?P<n>考核)\\s*(?P=n)", None),  # a group reference: not read
        ("(?i)app下载", None),  # inline flags: not read
        ("(?:考核)?", None),  # may match nothing
        (".*", None),
        ("第[一二三四五六七八九十]+名", {"第"}),  # a class of ten characters names none
    ],
)
def test_necessary_words(pattern: str, expected: set[str] | None) -> None:
    found = necessary(pattern)
    assert (set(found) if found is not None else None) == expected


def test_a_pattern_ending_in_a_repeat_keeps_its_last_character_apart() -> None:
    # "评先?" matches 评 as well: 评先 is not necessary
    assert necessary("考核评先?") == ("考核评",)


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "data" / "passages").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    for path in sorted((ROOT / "tests" / "data" / "probes").glob("*.txt")):
        texts += [line.split("|", 2)[-1] for line in path.read_text("utf-8").splitlines()]
    return texts


def _expressions() -> set[str]:
    from build_factors_table import asked_sources

    return asked_sources()  # every pattern and every re: part of a frame's slots


def test_every_match_on_our_texts_contains_a_necessary_word() -> None:
    """The reader of ``factors.py`` against ``re`` itself, on thousands of real matches."""
    text = "\n".join(_texts())
    checked = 0
    for expression in _expressions():
        words = necessary(expression)
        if words is None:
            continue
        for match in re.finditer(expression, text):
            if match.end() > match.start():
                checked += 1
                assert any(w in match.group(0) for w in words), (expression, words, match.group(0))
    assert checked > 10_000


def test_every_pattern_is_woken_by_an_anchor_written_in_it() -> None:
    """``anchors`` name, for every pattern, words its matches cannot do without (scripts/complete_anchors.py)."""
    missing = {}
    for path in sorted((ROOT / "rules").rglob("JF*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if data.get("kind") == "phrase" and data.get("patterns"):
            extra = missing_anchors(data)
            if extra:
                missing[path.name] = extra
    assert not missing, f"运行 python scripts/complete_anchors.py 补全锚点：{missing}"


@pytest.mark.parametrize("automaton", [True, False], ids=["automaton", "pure-python"])
def test_word_index_finds_what_substring_tests_find(automaton: bool) -> None:
    """Both ways of finding the words (the C automaton where its wheel exists, the pure-Python index
    on CPUs without one) find exactly the words a substring test finds."""
    if automaton:
        pytest.importorskip("ahocorasick")
    rng = random.Random(7)
    alphabet = "要各乡镇村报送落实情况每月于前"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(300)}
    index = WordIndex(words, automaton=automaton)
    assert (index._automaton is not None) == automaton
    for _ in range(300):
        text = "".join(rng.choice(alphabet + "，。") for _ in range(rng.randint(0, 60)))
        assert index.present(text) == {w for w in words if w in text}


def test_the_engine_s_waking_and_gates_lose_no_finding() -> None:
    """Every paragraph of our passages: the engine (one index pass, parts woken and gated by their words)
    finds exactly what each phrase rule finds when it reads the paragraph on its own."""
    from jianfu.analysis.genre import detect
    from jianfu.engine import Checker
    from jianfu.kinds import phrase
    from jianfu.text.structure import parse

    rules, _ = load_rules()
    checker = Checker(rules)
    paragraph_rules = [r for r in rules if r.kind == "phrase"]
    texts = [
        json.loads(line)["text"]
        for path in sorted((ROOT / "tests" / "data" / "passages").glob("p*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    compared = 0
    for text in random.Random(7).sample(texts, 60):
        document = parse(text)
        genres = detect(document)
        for p in document.paragraphs:
            norm = document.norm[p.start : p.end]
            engine = sorted((f.rule, f.start, f.end) for f in checker._paragraph(norm, genres, []))
            alone = sorted(
                (f.rule, f.start, f.end)
                for rule in paragraph_rules
                for f in phrase.paragraph_findings(rule, norm, 0, genres)
            )
            assert engine == alone, norm
            compared += bool(alone)
    assert compared >= 30  # enough paragraphs with findings to say something


def test_the_factors_table_holds_every_expression_the_bundled_rules_ask_about() -> None:
    """Start-up reads necessary words from server/jianfu/analysis/factors-table.json (the soundness test
    above checks its entries against real matches); a missing one is read at start-up, slowly."""
    from jianfu.analysis import factors

    missing = sorted(_expressions() - set(factors._table()))
    assert not missing, f"run: python scripts/build_factors_table.py ({len(missing)} missing, e.g. {missing[:3]})"


def test_the_pure_python_index_gives_the_engine_the_same_findings(monkeypatch) -> None:
    """On a CPU without pyahocorasick's wheel the engine runs on the pure-Python index: same findings."""
    from jianfu.analysis import wordindex
    from jianfu.engine import Checker
    from jianfu.text.structure import parse

    rules, _ = load_rules()
    texts = [
        json.loads(line)["text"]
        for path in sorted((ROOT / "tests" / "data" / "passages").glob("p*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    sample = random.Random(3).sample(texts, 40)
    with_automaton = [Checker(rules).check(parse(t)).findings for t in sample]
    assert sum(map(len, with_automaton)) > 20  # passages that do have findings to lose
    monkeypatch.setattr(wordindex, "ahocorasick", None)
    wordindex.index_of.cache_clear()
    try:
        checker = Checker(rules)
        assert checker._anchor_index._automaton is None
        assert [checker.check(parse(t)).findings for t in sample] == with_automaton
    finally:
        wordindex.index_of.cache_clear()
