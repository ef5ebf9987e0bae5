"""The form's model from a real check: rows, quotes and places, exceptions, facts and the overall conclusion."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from jianfu.assessment import checklist, model
from jianfu.assessment.build import build
from jianfu.engine import Checker
from jianfu.settings import Settings
from jianfu.text.readers import read_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass(frozen=True)
class Excuse:
    rule: str
    fingerprint: str
    reason: str
    who: str = ""
    when: str = ""


def assess(rules, name: str, settings: Settings | None = None, **options) -> model.Assessment:  # type: ignore[no-untyped-def]
    document = read_path(EXAMPLES / name)
    result = Checker(rules, settings).check(document)
    return build(name, document, result, rules, checklist.load(), settings, **options)


def row(assessment: model.Assessment, item: str) -> model.Row:
    return next(r for r in assessment.rows if r.item == item)


def test_each_finding_is_quoted_once_with_its_paragraph(rules) -> None:
    form = assess(rules, "违规通知.txt")
    document = read_path(EXAMPLES / "违规通知.txt")
    findings = Checker(rules).check(document).findings
    quotes = [q for r in form.rows for q in r.quotes]
    assert sorted((q.rule, q.words) for q in quotes) == sorted(
        (f.rule, document.text[f.start : f.end]) for f in findings
    )
    lines = document.text.split("\n")
    for quote in quotes:
        assert quote.words in quote.sentence
        assert quote.sentence in lines[quote.paragraph - 1]
    report = row(form, "报送贯彻落实情况")
    assert report.conclusion == model.TO_REVISE
    assert [q.place for q in report.quotes] == ["第19段"]
    assert report.quotes[0].sentence.startswith("（四）请各县（市、区）于每季度末将贯彻落实情况报送")
    assert form.conclusion == model.TO_REVISE and "第6、" in form.summary


def test_a_reasoned_exception_makes_its_row_explained(rules) -> None:
    first = assess(rules, "违规通知.txt")
    quote = row(first, "“一票否决”").quotes[0]
    excuse = Excuse(quote.rule, quote.fingerprint, "依据省委文件规定保留", "张三", "2026-12-04")
    second = assess(rules, "违规通知.txt", exceptions=[excuse])
    veto = row(second, "“一票否决”")
    assert veto.conclusion == model.EXPLAINED
    assert veto.reasons == ("第12段：依据省委文件规定保留（张三，2026-12-04）",)
    assert row(second, "报送贯彻落实情况").conclusion == model.TO_REVISE


def test_a_clean_draft_has_nothing_to_revise_and_lists_manual_checks(rules) -> None:
    form = assess(rules, "合规通知.txt")
    assert form.conclusion == model.NOT_FOUND
    assert {r.conclusion for r in form.rows} <= {model.NOT_FOUND, model.MANUAL}
    assert row(form, "照搬照抄上位文件").conclusion == model.MANUAL  # no parent given
    first = row(form, "临时性、配套类、分工类发文和指令性公文")  # article 1: 人工核实 until a rule reads it
    assert first.conclusion == (model.NOT_FOUND if first.rules else model.MANUAL) and first.note
    assert form.manual and all(m.conclusion == model.MANUAL for m in form.manual)
    facts = form.facts
    assert facts.title == "关于做好2025年度春季农业生产工作的通知" and facts.genre == "通知"
    assert facts.direction in ("未识别", "下行文") and facts.special == "否" and facts.body_chars > 0


def test_declared_special_topic_and_switched_off_rules(rules) -> None:
    settings = Settings(special_topics=("机构编制",), ignore=("JF306",))
    form = assess(rules, "违规通知.txt", settings)
    assert form.facts.special == "已声明：机构编制"
    staffing = row(form, "机构编制")
    assert staffing.conclusion == model.NOT_FOUND and "机构编制专门文件" in staffing.note
    assert row(form, "工资福利待遇").conclusion == model.MANUAL


def test_parent_given_makes_copying_decidable(rules) -> None:
    folder = EXAMPLES / "配套文件"
    document, parent = read_path(folder / "配套措施.txt"), read_path(folder / "上位文件.txt")
    result = Checker(rules).check(document, [parent])
    form = build("配套措施.txt", document, result, rules, checklist.load(), parents_given=True)
    copying = row(form, "照搬照抄上位文件")
    assert copying.conclusion == model.TO_REVISE and copying.quotes


@pytest.mark.parametrize(
    "title,genre", [("关于某事的请示", "请示"), ("某某县人民政府关于某事的函", "函"), ("会议纪要（第3期）", "未识别")]
)
def test_genre_from_the_title(title: str, genre: str) -> None:
    from jianfu.assessment.facts import genre_of

    assert genre_of(title) == genre


def test_special_document_detected_from_the_title(rules) -> None:
    from jianfu.text.readers import read_bytes

    text = "关于规范“一票否决”事项的通知\n各县（市、区）委：\n    对发生重大安全事故的单位，年度考核实行“一票否决”。\n"
    document = read_bytes(text.encode("utf-8"), ".txt")
    form = build("x.txt", document, Checker(rules).check(document), rules, checklist.load())
    assert form.facts.special == "按标题识别：一票否决"
    assert row(form, "“一票否决”").conclusion == model.NOT_FOUND
    assert "一票否决专门文件" in row(form, "“一票否决”").note


def test_the_direction_the_check_read_is_stated(rules) -> None:
    """A 请示 goes up: the form states the direction and what it was read from, and the rows whose
    rules concern demands on lower levels say why they stand down."""
    from jianfu.assessment.cells import fact_pairs
    from jianfu.text.readers import read_bytes
    from tests.assessment.test_cli import REQUEST

    document = read_bytes(REQUEST.encode("utf-8"), ".txt")
    form = build("请示.txt", document, Checker(rules).check(document), rules, checklist.load())
    facts = dict(fact_pairs(form.facts))
    assert facts["行文方向"] == "上行文（依据：文种“请示”）" and form.facts.direction == "上行文"
    assert facts["文种"] == "请示" and facts["主送机关"] == "市人民政府" and facts["发文机关"] == "某某县人民政府"
    meetings = row(form, "会议")
    assert meetings.conclusion == model.NOT_FOUND and "本文件为上行文" in meetings.note
    assert "上行文" not in row(form, "篇幅").note  # the length limit applies whatever the direction
