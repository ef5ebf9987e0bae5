"""Reasoned exceptions ([[exception]] in jianfu.toml) through the real CLI: kept findings show as
已说明理由 (info), survive edits in another paragraph, and a stale one is reported."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from jianfu import fingerprint
from jianfu.settings import SettingsError, load_file
from tests.test_cli import REPO, jianfu

SENTENCE = "请各区县于每季度末将贯彻落实情况报送市政府办公室。"
DRAFT = f"关于做好某项工作的通知\n各单位：\n    {SENTENCE}\n    各单位要按期完成任务。\n"
MARK = fingerprint.of_text("JF301", SENTENCE)  # the fingerprint of the sentence as a user would copy it
SCHEMA = json.loads((REPO / "server/jianfu/schemas/check-output.schema.json").read_text("utf-8"))


def entry(mark: str = MARK, reason: str = "省政府文件明确要求按季度报送", extra: str = "") -> str:
    return (
        f'[[exception]]\nrule = "{mark.split(":")[0]}"\nfingerprint = "{mark}"\n'
        f'reason = "{reason}"\nwho = "张三"\nwhen = 2026-12-04\n{extra}\n'
    )


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "草稿.txt").write_text(DRAFT, "utf-8")
    (tmp_path / "jianfu.toml").write_text(entry(), "utf-8")
    return tmp_path


def check_json(folder: Path) -> dict:
    result = jianfu("check", "草稿.txt", "--format", "json", cwd=folder)
    payload = json.loads(result.stdout)
    jsonschema.validate(payload, SCHEMA)
    return payload["files"][0]


def test_excepted_finding_is_information_with_its_reason(folder: Path) -> None:
    found = check_json(folder)["findings"]
    kept = [f for f in found if f["rule"] == "JF301"]
    assert kept and all(f["severity"] == "info" for f in kept)
    assert kept[0]["exception"] == {"reason": "省政府文件明确要求按季度报送", "who": "张三", "when": "2026-12-04"}
    text = jianfu("check", "草稿.txt", cwd=folder)
    assert "【已说明理由：省政府文件明确要求按季度报送】" in text.stdout
    assert text.returncode == 0  # nothing left above the default fail-on level (warning)


def test_without_the_exception_it_is_a_warning(folder: Path) -> None:
    (folder / "jianfu.toml").write_text("", "utf-8")
    kept = [f for f in check_json(folder)["findings"] if f["rule"] == "JF301"]
    assert kept and kept[0]["severity"] == "warning" and "exception" not in kept[0]


def test_an_edit_in_another_paragraph_keeps_the_exception(folder: Path) -> None:
    edited = DRAFT.replace("各单位要按期完成任务。", "各单位要结合实际，认真组织，按期完成各项任务。\n    另起一段。")
    (folder / "草稿.txt").write_text("前言一段。\n" + edited, "utf-8")
    kept = [f for f in check_json(folder)["findings"] if f["rule"] == "JF301"]
    assert kept and kept[0]["severity"] == "info" and kept[0]["exception"]["who"] == "张三"


def test_a_stale_exception_is_reported_in_text_and_json(folder: Path) -> None:
    (folder / "jianfu.toml").write_text(entry() + entry("JF302:0123456789ab", "旧理由"), "utf-8")
    notes = check_json(folder)["notes"]
    assert any("例外已失效" in n and "第2个 [[exception]]" in n and "JF302:0123456789ab" in n for n in notes)
    text = jianfu("check", "草稿.txt", cwd=folder).stdout
    assert "例外已失效：jianfu.toml 第2个 [[exception]]（JF302:0123456789ab）" in text
    # rewriting the sentence itself makes the first one stale too
    (folder / "草稿.txt").write_text(DRAFT.replace("每季度末", "每月末"), "utf-8")
    text = jianfu("check", "草稿.txt", cwd=folder).stdout
    assert f"第1个 [[exception]]（{MARK}）" in text and "已说明理由" not in text


def test_an_exception_naming_another_draft_does_not_apply(folder: Path) -> None:
    (folder / "jianfu.toml").write_text(entry(extra='file = "别的.txt"'), "utf-8")
    payload = check_json(folder)
    assert all("exception" not in f for f in payload["findings"])
    assert not any("例外已失效" in n for n in payload["notes"])


def test_the_form_shows_the_reason(folder: Path) -> None:
    result = jianfu("assess", "草稿.txt", "-o", "表.json", cwd=folder)
    assert result.returncode == 0, result.stderr
    form = json.loads((folder / "表.json").read_text("utf-8"))
    assert "已说明理由" in json.dumps(form, ensure_ascii=False)
    assert "省政府文件明确要求按季度报送" in json.dumps(form, ensure_ascii=False)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('[[exception]]\nrule = "JF301"\nreason = "x"\n', "第1个 [[exception]] 缺少“fingerprint”"),
        (
            entry() + '[[exception]]\nrule = "JF301"\nfingerprint = "JF302:0123456789ab"\nreason = "x"\n',
            "与规则“JF301”不符",
        ),
        (entry(extra='colour = "red"'), "未知的键“colour”"),
        ('exception = "x"\n', "应为表的数组"),
    ],
)
def test_invalid_entries_name_file_and_entry(tmp_path: Path, body: str, expected: str) -> None:
    config = tmp_path / "jianfu.toml"
    config.write_text(body, "utf-8")
    with pytest.raises(SettingsError) as caught:
        load_file(config)
    assert str(config) in str(caught.value) and expected in str(caught.value)
    (tmp_path / "草稿.txt").write_text(DRAFT, "utf-8")
    result = jianfu("check", "草稿.txt", cwd=tmp_path)
    assert result.returncode != 0 and expected in result.stdout + result.stderr
