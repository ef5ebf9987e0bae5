"""Hostile .docx files through the real CLI: a DOCTYPE entity must not swallow the words after it.

Word never writes a DOCTYPE. A file that declares entities is crafted (or converted by an odd
tool): the entity stays unexpanded, the text around it is checked, and the report says so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.hostile.docx_files import docx_with_body, paragraph

ENTITY = '<!DOCTYPE w:document [<!ENTITY x "插入的文字">]>'
# 各乡镇要&x;签订目标责任书并报送贯彻落实情况。: two requirements after the entity reference
AFTER_ENTITY = paragraph("各乡镇要&x;签订目标责任书并报送贯彻落实情况。")
NOTE = "文件含 DOCTYPE 实体声明，实体未展开"


def jianfu(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "jianfu", *map(str, args)], capture_output=True, text=True, env=env, timeout=120
    )


def check_json(path: Path) -> dict[str, Any]:
    result = jianfu("check", "--format", "json", path)
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)["files"][0]


@pytest.fixture()
def entity_docx(tmp_path: Path) -> Path:
    path = tmp_path / "含实体.docx"
    path.write_bytes(docx_with_body(AFTER_ENTITY, ENTITY))
    return path


def test_doctype_entity_keeps_the_words_after_it(entity_docx: Path) -> None:
    report = check_json(entity_docx)
    assert report["error"] is None
    assert report["stats"]["body_chars"] == len("各乡镇要签订目标责任书并报送贯彻落实情况。")
    found = {f["rule"]: f["text"] for f in report["findings"]}
    assert found.get("JF309") == "签订目标责任书" and "JF301" in found  # both after the entity
    assert any(NOTE in note and "&x;" in note for note in report["notes"])


def test_doctype_entity_is_told_in_the_text_report(entity_docx: Path) -> None:
    result = jianfu("check", entity_docx)
    assert result.returncode == 1
    assert f"{entity_docx}: 说明：{NOTE}" in result.stdout
    assert "请核实来源" in result.stdout


def test_doctype_entity_annotated_copy_opens_with_comments_on_the_words(entity_docx: Path, tmp_path: Path) -> None:
    before = entity_docx.read_bytes()
    result = jianfu("check", "--annotate", tmp_path / "copies", entity_docx)
    assert result.returncode == 1, result.stderr
    copy = docx.Document(str(tmp_path / "copies" / "含实体_审查意见.docx"))  # no undefined entity left behind
    assert [p.text for p in copy.paragraphs] == ["各乡镇要签订目标责任书并报送贯彻落实情况。"]
    assert sorted(c.text.split("】")[0] for c in copy.comments) == ["【JF301", "【JF309"]
    assert entity_docx.read_bytes() == before


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY x "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
        '<!DOCTYPE w:document [<!ENTITY % p "x"><!ENTITY x "参数实体">]>',
    ],
    ids=["external entity", "nested entities (billion laughs)", "parameter entity"],
)
def test_entity_kinds_are_never_expanded_and_the_text_stays(tmp_path: Path, doctype: str) -> None:
    path = tmp_path / "实体.docx"
    path.write_bytes(docx_with_body(AFTER_ENTITY, doctype))
    report = check_json(path)
    assert report["stats"]["body_chars"] == len("各乡镇要签订目标责任书并报送贯彻落实情况。")
    assert "root:" not in json.dumps(report, ensure_ascii=False) and "哈哈" not in json.dumps(
        report, ensure_ascii=False
    )
    assert any(NOTE in note for note in report["notes"])


def test_entity_in_a_table_cell_and_between_runs(tmp_path: Path) -> None:
    cell = paragraph("&x;各乡镇要签订", "目标责任书&x;&x;。")
    body = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>" + paragraph("请于月底前&x;报送贯彻落实情况。")
    path = tmp_path / "表格.docx"
    path.write_bytes(docx_with_body(body, ENTITY))
    report = check_json(path)
    assert {f["text"] for f in report["findings"]} >= {"签订目标责任书"}
    assert any(f["rule"] == "JF301" for f in report["findings"])


def test_processing_instruction_inside_a_text_run_keeps_the_text(tmp_path: Path) -> None:
    path = tmp_path / "指令.docx"
    path.write_bytes(docx_with_body(paragraph("各乡镇要<?jianfu probe?>签订目标责任书。")))
    report = check_json(path)
    assert [f["text"] for f in report["findings"] if f["rule"] == "JF309"] == ["签订目标责任书"]
    assert report["notes"] == []  # no DOCTYPE: nothing to tell


def test_undefined_entity_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "未定义.docx"
    path.write_bytes(docx_with_body(paragraph("各乡镇要&nope;签订目标责任书。")))
    result = jianfu("check", path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "文档内容不是有效的 XML" in result.stdout


def test_plain_docx_has_no_note(tmp_path: Path) -> None:
    path = tmp_path / "正常.docx"
    path.write_bytes(docx_with_body(paragraph("各乡镇要签订目标责任书。")))
    assert check_json(path)["notes"] == []
