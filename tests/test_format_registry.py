"""A new output format is one registration: the CLI then offers it (--format, -o by extension, the help)
and writes it, with no other change. The real ``jianfu.cli.main`` runs in this process, where the test
registered the format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from jianfu.cli import main
from jianfu.output import registry
from jianfu.output.check_formats import Emission
from jianfu.positions import TextIndex
from jianfu.records import finding_record, line_fields

REPO = Path(__file__).resolve().parents[1]
DRAFT = REPO / "examples" / "违规通知.txt"


def _tab_separated(emission: Emission) -> str:
    """path, line, column, rule: one finding per line, built from the shared records."""
    lines = []
    for report in emission.reports:
        if report.document is None or report.result is None:
            continue
        index = TextIndex(report.document.text)
        for finding in report.result.findings:
            record = finding_record(finding, report.document.text)
            where = line_fields(record, index)
            lines.append(f"{report.path}\t{where['line']}\t{where['column']}\t{record['rule']}\n")
    return "".join(lines)


@pytest.fixture()
def tab_format() -> Iterator[registry.Format]:
    fmt = registry.register(registry.Format("tab", (".tab",), _tab_separated, description="为制表符分隔的问题行"))
    yield fmt
    registry.unregister("tab")


def test_a_registered_format_is_offered_and_written(
    tab_format: registry.Format, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    shown = capsys.readouterr().out
    assert "{text,json,sarif,xlsx,csv,html,tab}" in shown
    assert "tab为制表符分隔的问题行" in "".join(shown.split())  # the help text wraps lines
    assert ".tab" in shown

    out = tmp_path / "问题.tab"
    as_json = tmp_path / "结果.json"
    assert main(["check", str(DRAFT), "-o", str(out), "-o", str(as_json), "--no-progress"]) == 1
    capsys.readouterr()
    findings = json.loads(as_json.read_text("utf-8"))["files"][0]["findings"]
    assert findings  # the example draft has findings: the new format must list each of them
    expected = "".join(f"{DRAFT}\t{f['line']}\t{f['column']}\t{f['rule']}\n" for f in findings)
    assert out.read_text("utf-8") == expected

    assert main(["check", str(DRAFT), "--format", "tab"]) == 1
    assert capsys.readouterr().out == expected


def test_without_the_registration_the_cli_does_not_know_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DRAFT), "-o", str(tmp_path / "问题.tab")]) == 2
    message = capsys.readouterr().err
    assert "无法从" in message and ".tab" not in message.split("请使用")[1]
    assert not (tmp_path / "问题.tab").exists()


def test_a_taken_name_or_suffix_is_refused(tab_format: registry.Format) -> None:
    with pytest.raises(ValueError, match="already registered"):
        registry.register(registry.Format("tab", (".tsv",), _tab_separated))
    with pytest.raises(ValueError, match="taken"):
        registry.register(registry.Format("tab2", (".json",), _tab_separated))


def test_another_command_keeps_its_own_formats() -> None:
    """Another command (as ``jianfu assess`` does) registers formats whose names check already uses."""
    fmt = registry.register(registry.Format("json", (".json",), lambda form: json.dumps(form), command="demo"))
    try:
        assert registry.get("json", "demo") is fmt
        assert registry.get("json") is not fmt
        assert [f.name for f in registry.formats("demo")] == ["json"]
        assert "json" in [f.name for f in registry.formats()]
    finally:
        registry.unregister("json", "demo")


def test_the_assessment_form_registers_its_own_formats() -> None:
    from jianfu.assessment import formats

    assert [f.name for f in formats.formats()] == ["docx", "xlsx", "html", "json", "text"]
    assert registry.for_suffix(".docx", "assess") is formats.get("docx") and registry.for_suffix(".docx") is None
