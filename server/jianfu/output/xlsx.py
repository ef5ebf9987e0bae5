"""问题清单.xlsx: a styled, frozen, filterable findings sheet and a summary sheet (openpyxl)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from jianfu.output.rows import COLUMNS, rows_of
from jianfu.report import FileReport

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="C0392B")
BODY_ALIGNMENT = Alignment(wrap_text=True, vertical="top")  # one shared object: openpyxl hashes each new one
MAX_WIDTH = 60


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _header(sheet: Worksheet, titles: tuple[str, ...]) -> None:
    sheet.append(list(titles))
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.freeze_panes = "A2"


def _fit_columns(sheet: Worksheet) -> None:
    """Widths that fit Chinese text (a CJK character is two columns wide), capped; long cells wrap."""
    for column in sheet.columns:
        width = max((_display_width(str(c.value or "")) for c in column), default=4)
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, width + 2)
        for cell in column[1:]:
            cell.alignment = BODY_ALIGNMENT


def _cell(value: object) -> object:
    """Control characters (a draft may carry them) are not allowed in a worksheet: shown as ``\\x01``."""
    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
        return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return value


def render(reports: list[FileReport]) -> bytes:
    workbook = Workbook()
    findings = workbook.active
    findings.title = "问题清单"
    _header(findings, COLUMNS)
    rows = rows_of(reports)
    for row in rows:
        findings.append([_cell(v) for v in row.values()])
    findings.auto_filter.ref = findings.dimensions
    _fit_columns(findings)

    summary = workbook.create_sheet("汇总")
    _header(summary, ("条款", "问题数"))
    for article, count in sorted(Counter(r.article for r in rows).items()):
        summary.append([f"第{article}条", count])
    summary.append([])
    summary.append(["文件", "问题数", "读取错误"])
    for cell in summary[summary.max_row]:
        cell.font = Font(bold=True)
    per_file = Counter(r.file for r in rows)
    for report in sorted(reports, key=lambda r: (-per_file[r.path], r.path)):
        summary.append([_cell(report.path), per_file[report.path], _cell(report.error or "")])
    _fit_columns(summary)

    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
