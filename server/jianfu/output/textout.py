"""Text output like ruff: ``path:line:col  RULE  第N条  message``, then the line with the span underlined."""

from __future__ import annotations

import re
import unicodedata

from jianfu.positions import TextIndex
from jianfu.records import finding_record
from jianfu.report import FileReport

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # a draft's ESC must not drive the user's terminal


def _plain(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


_SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示", "hint": "提示"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_file(report: FileReport, color: bool = False) -> str:
    if report.error:
        return f"{report.path}: 错误：{_plain(report.error)}\n"
    assert report.document is not None and report.result is not None
    doc = report.document
    index = TextIndex(doc.text)
    red, bold, dim, reset = ("\x1b[31m", "\x1b[1m", "\x1b[2m", "\x1b[0m") if color else ("", "", "", "")
    lines = []
    for finding in report.result.findings:
        record = finding_record(finding, doc.text)
        line, column = index.line_col(record["start"])
        end_line, end_column = index.line_col(record["end"])
        lines.append(
            f"{bold}{report.path}:{line + 1}:{column + 1}{reset}  {red}{record['rule']}{reset}  第{record['article']}条  {_plain(record['message'])}"
        )
        source = _plain(index.line_text(line))
        stop = end_column if end_line == line else len(source)
        shown_from = max(0, column - 30)
        prefix = "…" if shown_from else ""
        snippet = source[shown_from : max(stop + 30, column + 1)]
        marker_pad = _width(prefix + source[shown_from:column])
        marker = "^" * max(1, _width(source[column:stop]))
        lines.append(f"{dim}  |{reset} {prefix}{snippet}")
        lines.append(f"{dim}  |{reset} {' ' * marker_pad}{red}{marker}{reset}")
    for note in report.notes:
        lines.append(f"{report.path}: 说明：{_plain(note)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_summary(files: int, findings: int, errors: int, seconds: float) -> str:
    return f"共检查 {files} 个文件，发现 {findings} 个问题，{errors} 个文件无法读取，用时 {seconds:.2f} 秒。\n"
