"""`jianfu` as a user runs it: real subprocesses, real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from jianfu.rules import bundled_rules_dir

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
VIOLATION = "关于做好某项工作的通知\n各单位：\n    请各区县于每季度末将贯彻落实情况报送市政府办公室。\n"
CLEAN = "关于做好某项工作的通知\n各单位：\n    各单位要按期完成任务。\n"


def jianfu(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "jianfu", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "违规.txt").write_text(VIOLATION, "utf-8")
    (tmp_path / "合规.txt").write_text(CLEAN, "utf-8")
    return tmp_path


def test_text_output_like_ruff_and_exit_1(drafts: Path) -> None:
    result = jianfu("check", str(drafts / "违规.txt"))
    assert result.returncode == 1
    first, source, marker = result.stdout.splitlines()[:3]
    assert first.startswith(f"{drafts / '违规.txt'}:3:")
    assert "JF301  第3条" in first
    assert "贯彻落实情况报送" in source
    # the underline sits under the matched words: CJK characters are two columns wide
    before = source[: source.index("贯")]
    assert marker.index("^") == len(before) + sum(1 for ch in before if ord(ch) > 0x2E80)
    assert marker.count("^") == 2 * len("贯彻落实情况报送")
    assert "共检查 1 个文件，发现 1 个问题" in result.stderr


def test_clean_file_exits_0(drafts: Path) -> None:
    result = jianfu("check", str(drafts / "合规.txt"))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_fail_on_error_ignores_warnings(drafts: Path) -> None:
    assert jianfu("check", "--fail-on", "error", str(drafts / "违规.txt")).returncode == 0


def test_select_and_ignore(drafts: Path) -> None:
    assert jianfu("check", "--ignore", "JF301", str(drafts / "违规.txt")).returncode == 0
    assert jianfu("check", "--select", "JF3", str(drafts / "违规.txt")).returncode == 1
    assert jianfu("check", "--select", "JF8", str(drafts / "违规.txt")).returncode == 0


def test_config_is_found_upward_and_per_file_ignores(drafts: Path) -> None:
    sub = drafts / "子目录"
    sub.mkdir()
    (sub / "违规.txt").write_text(VIOLATION, "utf-8")
    (drafts / "jianfu.toml").write_text('[jianfu]\nper_file_ignores = { "子目录/*.txt" = ["JF301"] }\n', "utf-8")
    result = jianfu("check", "--format", "json", str(drafts))
    files = {Path(f["path"]).relative_to(drafts).as_posix(): f for f in json.loads(result.stdout)["files"]}
    assert [x["rule"] for x in files["违规.txt"]["findings"]] == ["JF301"]
    assert files["子目录/违规.txt"]["findings"] == []


def test_bad_config_is_a_chinese_usage_error(drafts: Path) -> None:
    config = drafts / "坏配置.toml"
    config.write_text("doc_type = 'weird'\n", "utf-8")
    result = jianfu("check", "--config", str(config), str(drafts / "违规.txt"))
    assert result.returncode == 2
    assert "doc_type" in result.stderr and "无效" in result.stderr


def test_json_output_matches_its_schema(drafts: Path) -> None:
    result = jianfu("check", "--format", "json", str(drafts), str(EXAMPLES / "会议通知.docx"), str(drafts / "没有.txt"))
    payload = json.loads(result.stdout)
    schema = json.loads((REPO / "server" / "jianfu" / "schemas" / "check-output.schema.json").read_text("utf-8"))
    jsonschema.validate(payload, schema)
    by_name = {Path(f["path"]).name: f for f in payload["files"]}
    finding = by_name["违规.txt"]["findings"][0]
    assert VIOLATION[finding["start"] : finding["end"]] == finding["text"] == "贯彻落实情况报送"
    assert (finding["line"], finding["column"]) == (3, VIOLATION.split("\n")[2].index("贯") + 1)
    assert by_name["没有.txt"]["error"]
    assert result.returncode == 2  # a file failed


def test_sarif_output_is_valid_sarif_2_1_0(drafts: Path) -> None:
    result = jianfu("check", "--format", "sarif", str(drafts), str(drafts / "没有.txt"))
    payload = json.loads(result.stdout)
    schema = json.loads((REPO / "tests" / "data" / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(payload)
    run = payload["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["JF301"]
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_a_bad_file_does_not_stop_the_batch_and_inputs_are_untouched(drafts: Path) -> None:
    (drafts / "坏.docx").write_bytes(b"PK\x03\x04broken")
    (drafts / "空.md").write_bytes(b"")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in drafts.iterdir()}
    result = jianfu("check", str(drafts), "--jobs", "2")
    assert result.returncode == 2
    assert "坏.docx: 错误：不是有效的 .docx 文件" in result.stdout
    assert "空.md: 错误：文件是空的" in result.stdout
    assert "JF301" in result.stdout
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in drafts.iterdir()} == before


def test_glob_and_missing_path(drafts: Path) -> None:
    result = jianfu("check", str(drafts / "*.txt"))
    assert result.returncode == 1
    result = jianfu("check", str(drafts / "不存在" / "*.txt"))
    assert result.returncode == 2
    assert "没有匹配到任何文件" in result.stdout


def test_output_file_is_written(drafts: Path) -> None:
    out = drafts / "结果" / "结果.json"
    result = jianfu("check", "--format", "json", "-o", str(out), str(drafts / "违规.txt"))
    assert result.returncode == 1
    assert json.loads(out.read_text("utf-8"))["files"][0]["findings"]
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_parent_document_copying(tmp_path: Path) -> None:
    result = jianfu(
        "check",
        "--format",
        "json",
        "--parent",
        str(EXAMPLES / "配套文件" / "上位文件.txt"),
        str(EXAMPLES / "配套文件" / "配套措施.txt"),
    )
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert {f["rule"] for f in findings} == {"JF204"}
    assert findings[0]["related"][0]["path"].endswith("上位文件.txt")


def test_parents_named_in_jianfu_toml_are_read_relative_to_it(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "配套文件", tmp_path / "配套文件")
    (tmp_path / "jianfu.toml").write_text('parents = ["配套文件/上位文件.txt"]\n', "utf-8")
    result = jianfu("check", "--format", "json", str(tmp_path / "配套文件" / "配套措施.txt"))
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert {f["rule"] for f in findings} == {"JF204"}
    assert findings[0]["related"][0]["path"].endswith("上位文件.txt")
    # a parent that cannot be read is said in the file's notes; the draft is still checked
    (tmp_path / "jianfu.toml").write_text('parents = ["配套文件/不存在.txt"]\n', "utf-8")
    entry = json.loads(jianfu("check", "--format", "json", str(tmp_path / "配套文件" / "配套措施.txt")).stdout)[
        "files"
    ][0]
    assert any("上位文件" in note and "不存在.txt" in note for note in entry["notes"]), entry["notes"]
    assert entry["error"] is None


def test_doc_type_and_special_topic_overrides(tmp_path: Path) -> None:
    body = "各单位要结合实际抓好落实，确保各项措施见到实效。" * 190
    draft = tmp_path / "长.txt"
    draft.write_text(f"关于开展某某专项行动的通知\n各单位：\n{body}\n", "utf-8")
    assert "JF201" in jianfu("check", str(draft)).stdout
    assert "JF201" not in jianfu("check", "--doc-type", "general", str(draft)).stdout
    special = tmp_path / "编制.txt"
    special.write_text("关于某某工作的通知\n各单位：\n    各乡镇要设立专门机构，核定3名事业编制。\n", "utf-8")
    assert "JF304" in jianfu("check", str(special)).stdout
    assert "JF304" not in jianfu("check", "--special-topic", "机构编制", str(special)).stdout


def test_rules_and_explain() -> None:
    listing = jianfu("rules")
    assert listing.returncode == 0
    ids = [line.split("\t")[0] for line in listing.stdout.splitlines()]
    assert len(ids) == len(list(bundled_rules_dir().rglob("JF*.yaml")))
    explained = jianfu("explain", "jf303")
    assert explained.returncode == 0
    assert "第3条" in explained.stdout and "一票否决" in explained.stdout and "✗" in explained.stdout
    assert jianfu("explain", "JF999").returncode == 2
    title_rule = jianfu("explain", "JF812").stdout
    assert "标题中（只读标题）：" in title_rule and "除外：" in title_rule
    assert "正文中有此则除外：" in jianfu("explain", "JF703").stdout  # a title rule silenced by its body


def test_usage_errors_exit_2_in_chinese() -> None:
    result = jianfu("check")
    assert result.returncode == 2
    assert "参数错误" in result.stderr
    assert "检查文稿" in jianfu("--help").stdout


def test_a_bad_rule_file_is_reported_and_the_others_still_run(tmp_path: Path, drafts: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "JF301.yaml").write_text((bundled_rules_dir() / "documents" / "JF301.yaml").read_text("utf-8"), "utf-8")
    (rules / "JF999.yaml").write_text("id: JF999\ntitle: 坏规则\nkind: nonsense\n", "utf-8")
    result = jianfu("check", "--rules-dir", str(rules), str(drafts / "违规.txt"))
    assert "JF999.yaml" in result.stderr and "缺少必填键" in result.stderr
    assert "JF301" in result.stdout
    assert result.returncode == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "缺少必需的参数：路径"),
        (["check", "--format", "pdf", "x.txt"], "参数 --format 的取值 'pdf' 无效"),
        (["check", "--jobs", "两个", "x.txt"], "参数 -j/--jobs 应为整数"),
        (["check", "--bogus", "x.txt"], "无法识别的参数：--bogus"),
    ],
)
def test_usage_errors_are_in_chinese(args: list[str], message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "jianfu", *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert message in result.stderr and "用法：" in result.stderr


def test_the_text_of_an_attachment_after_the_signature_is_checked(tmp_path: Path) -> None:
    # a notice that issues an assessment rule: the rule itself is the attachment, after the date
    import docx

    word = docx.Document()
    for line in (
        "关于印发某镇村级工作考核细则的通知",
        "各村（社区）：",
        "现将《某镇村级工作考核细则》印发给你们，请认真贯彻执行。",
        "附件：某镇村级工作考核细则",
        "某镇人民政府",
        "2024年3月1日",
        "附件",
        "某镇村级工作考核细则",
        "一、考核实行千分制，其中党建工作300分。",
    ):
        word.add_paragraph(line)
    word.save(str(tmp_path / "印发考核细则.docx"))
    result = jianfu("check", "--format", "json", str(tmp_path / "印发考核细则.docx"))
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["line"]) for f in findings if f["rule"] == "JF801"] == [("JF801", 9)]
