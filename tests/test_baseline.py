"""Two versions of a draft: the right new / remaining / resolved counts, by rule and sentence fingerprint."""

from __future__ import annotations

import json
from pathlib import Path

from jianfu.baseline import NEW, REMAINING, compare, from_findings, from_json
from jianfu.engine import Checker
from jianfu.text.readers import read_bytes

OLD = (Path(__file__).resolve().parents[1] / "examples" / "违规通知.txt").read_text("utf-8")
# The revision: a paragraph added at the top (every offset moves), the 一票否决 and 千分制 sentences
# rewritten without the demand (two findings resolved, plus the 排名通报 in the same sentence), one
# new sentence with a demand (签订责任书), and commas turned half-width in an untouched sentence.
NEW_TEXT = (
    OLD.replace("现将有关事项通知如下。", "现将有关事项通知如下。\n    本通知自印发之日起施行。")
    .replace(
        "（二）对发生重大群体性事件的单位，年度考核实行“一票否决”。", "（二）对发生重大群体性事件的单位，依法依规处理。"
    )
    .replace(
        "（一）考核实行千分制，对各县（市、区）工作进展情况实行每月排名通报，排名后三位的单位在全市会议上作表态发言。",
        "（一）考核结果作为评价工作的参考。",
    )
    .replace("（三）各乡镇要设立社会治理办公室", "（三）各乡镇要与各村签订安全生产责任书。各乡镇要设立社会治理办公室")
    .replace("同时报送纸质材料一式三份", "同时报送纸质材料,一式三份")
)


def findings_of(rules, text: str):  # type: ignore[no-untyped-def]
    document = read_bytes(text.encode("utf-8"), ".txt")
    return document, Checker(rules).check(document).findings


def test_new_remaining_and_resolved(rules) -> None:
    old_doc, old = findings_of(rules, OLD)
    new_doc, new = findings_of(rules, NEW_TEXT)
    comparison = compare(new_doc, new, from_findings(old_doc, old))
    resolved = sorted(e.rule for e in comparison.resolved)
    assert resolved == ["JF303", "JF604", "JF801", "JF802"]
    added = [f.rule for f, s in zip(new, comparison.statuses, strict=True) if s == NEW]
    assert added == ["JF1601", "JF309"]  # 与各村签订……责任书: a 责任状 and a burden passed to the villages
    assert comparison.remaining == len(old) - 4 == len(new) - 2
    assert comparison.new == 2
    assert all(s in (NEW, REMAINING) for s in comparison.statuses)


def test_identical_drafts_change_nothing(rules) -> None:
    document, found = findings_of(rules, OLD)
    comparison = compare(document, found, from_findings(document, found))
    assert comparison.new == 0 and not comparison.resolved and comparison.remaining == len(found)


def test_an_old_json_result_without_fingerprints_matches_by_words(rules) -> None:
    old_doc, old = findings_of(rules, OLD)
    payload = {
        "version": 1,
        "files": [
            {"path": "草稿.txt", "findings": [{"rule": f.rule, "text": old_doc.text[f.start : f.end]} for f in old]}
        ],
    }
    new_doc, new = findings_of(rules, NEW_TEXT)
    comparison = compare(new_doc, new, from_json(json.loads(json.dumps(payload)), "草稿.txt"))
    assert sorted(e.rule for e in comparison.resolved) == ["JF303", "JF604", "JF801", "JF802"]
    assert comparison.new == 2


def _docx(path: Path, text: str) -> Path:
    import docx

    word = docx.Document()
    for line in text.split("\n"):
        word.add_paragraph(line)
    word.save(str(path))
    return path


def test_check_and_assess_with_a_baseline_draft_or_json(tmp_path: Path) -> None:
    import jsonschema

    from tests.review.test_annotate import REPO, jianfu

    old, new = _docx(tmp_path / "旧稿.docx", OLD), _docx(tmp_path / "新稿.docx", NEW_TEXT)
    previous = tmp_path / "上次结果.json"
    assert jianfu("check", str(old), "-o", str(previous)).returncode == 1
    for against in (old, previous):
        done = jianfu("check", str(new), "--baseline", str(against), "--format", "json")
        entry = json.loads(done.stdout)["files"][0]
        assert (entry["baseline"]["new"], entry["baseline"]["remaining"], len(entry["baseline"]["resolved"])) == (
            2,
            20,
            4,
        )
        assert sorted(f["rule"] for f in entry["findings"] if f["baseline"] == NEW) == ["JF1601", "JF309"]
        assert "新增 2 处，仍存在 20 处，已解决 4 处" in done.stderr
    report = tmp_path / "报告.html"
    assert jianfu("check", str(new), "--baseline", str(old), "-o", str(report)).returncode == 1
    page = report.read_text("utf-8")
    assert page.count('<td class="change">新增</td>') == 2 and page.count('<td class="change">仍存在</td>') == 20
    assert "新增 2 处，仍存在 20 处，已解决 4 处" in page and page.count("<li>JF") == 4
    text = jianfu("check", str(new), "--baseline", str(old)).stdout
    assert "已解决  JF303  原第12段 （二）对发生重大群体性事件的单位，年度考核实行“一票否决”。" in text
    form = tmp_path / "表.json"
    assert jianfu("assess", str(new), "--baseline", str(old), "-o", str(form)).returncode == 1
    payload = json.loads(form.read_text("utf-8"))
    jsonschema.validate(payload, json.loads((REPO / "server/jianfu/schemas/assessment.schema.json").read_text("utf-8")))
    assessed = payload["assessments"][0]
    statuses = [q["status"] for row in assessed["rows"] for q in row["quotes"]]
    assert statuses.count("新增") == 2 and statuses.count("仍存在") == 20 and len(assessed["resolved"]) == 4
    missing = jianfu("check", str(new), "--baseline", str(tmp_path / "没有.docx"))
    assert missing.returncode == 2 and "基线文件" in missing.stderr


def test_baseline_json_matches_the_schema(tmp_path: Path) -> None:
    import jsonschema

    from tests.review.test_annotate import REPO, jianfu

    old, new = tmp_path / "旧稿.txt", tmp_path / "新稿.txt"
    old.write_text(OLD, "utf-8")
    new.write_text(NEW_TEXT, "utf-8")
    payload = json.loads(jianfu("check", str(new), "--baseline", str(old), "--format", "json").stdout)
    schema = json.loads((REPO / "server" / "jianfu" / "schemas" / "check-output.schema.json").read_text("utf-8"))
    jsonschema.validate(payload, schema)
    assert payload["files"][0]["findings"][0]["fingerprint"].startswith(payload["files"][0]["findings"][0]["rule"])
