"""Engine behaviour that the shells rely on: one broken rule does not stop the others; caching is invisible."""

from __future__ import annotations

from dataclasses import replace

from jianfu.engine import Checker
from jianfu.model import Severity
from jianfu.settings import Settings
from jianfu.text.structure import parse

TEXT = "关于加强某项工作的通知\n各单位：\n    请于月底前将落实情况报送市政府办公室。对发生事故的单位实行“一票否决”。\n"


def test_a_rule_that_raises_is_reported_and_the_others_still_run(rules) -> None:
    broken = [replace(r, params={**r.params, "patterns": None}) if r.id == "JF303" else r for r in rules]
    result = Checker(broken).check(parse(TEXT))
    assert [f.rule for f in result.findings] == ["JF301"]
    assert [f.rule for f in result.failures] == ["JF303"]


def test_paragraph_cache_gives_the_same_findings_as_a_fresh_check(rules) -> None:
    checker = Checker(rules)
    first = checker.check(parse(TEXT)).findings
    edited = TEXT.replace("各单位：", "各有关单位：")  # shifts every later offset
    cached = checker.check(parse(edited)).findings
    fresh = Checker(rules).check(parse(edited)).findings
    assert cached == fresh
    assert [f.start - len("有关") for f in cached] == [f.start for f in first]


def test_severity_override_select_and_suppressed_words(rules) -> None:
    settings = Settings(severity={"JF301": Severity.ERROR}, select=("JF3",), suppressed=(("JF303", "实行“一票否决”"),))
    findings = Checker(rules, settings).check(parse(TEXT)).findings
    assert [(f.rule, f.severity) for f in findings] == [("JF301", Severity.ERROR)]


def test_a_length_rule_s_own_limits_apply_unless_configured(tmp_path) -> None:
    from jianfu.rules import bundled_rules_dir, load_rules

    text = (bundled_rules_dir() / "documents" / "JF201.yaml").read_text("utf-8")
    (tmp_path / "JF201.yaml").write_text(text.replace("general: 5000", "general: 100"), "utf-8")
    rules, errors = load_rules(tmp_path)
    assert not errors
    draft = parse("关于某项工作的通知\n各单位：\n" + "各单位要健全工作机制，按期完成任务。" * 10 + "\n")
    assert [f.rule for f in Checker(rules).check(draft).findings] == ["JF201"]
    assert Checker(rules).check(draft).stats.limit == 100
    configured = Settings(limits=replace(Settings().limits, general=1000))
    assert Checker(rules, configured).check(draft).findings == ()


def test_a_later_pattern_matching_earlier_in_the_paragraph_is_not_lost() -> None:
    # the patterns run in order; a match of the second one before the first one's (a heading line that a
    # hard wrap joined to the sentence after it) was dropped as if the two overlapped
    from jianfu.kinds.phrase import check_paragraph
    from jianfu.rules import parse_rule

    rule = parse_rule(
        {
            "id": "JF9990",
            "title": "试验",
            "article": 8,
            "clause": "不搞“千分制”。",
            "kind": "phrase",
            "severity": "warning",
            "anchors": ["总分", "分制"],
            "patterns": ["总分\\d+分", "\\d+分制"],
            "context": False,
            "message": "{match}",
            "why": "试验",
            "suggestion": "试验",
            "examples": {"flag": ["总分1000分"], "pass": ["总分"]},
        },
        "test",
    )
    norm = "村级考核1000分制评分标准各乡镇考核指标总分1000分。"
    assert [text for _, _, text, _ in check_paragraph(rule, norm)] == ["1000分制", "总分1000分"]
    # the same place matched by both: the first pattern's match stands alone
    assert [text for _, _, text, _ in check_paragraph(rule, "考核总分1000分制")] == ["总分1000分"]
