"""一致性评估表.xlsx: the same form as a worksheet (openpyxl), and the batch summary as one."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from jianfu.assessment import cells, model

BODY = Font(name="仿宋", size=10.5)
BOLD = Font(name="黑体", size=10.5, bold=True)
TITLE = Font(name="黑体", size=16, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WIDTHS = (6, 16, 40, 11, 50, 30)
SUMMARY_WIDTHS = (30, 30, 8, 10, 22, 12, 8, 10, 8, 30)


def render(assessment: model.Assessment) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "一致性评估表"
    _line(sheet, [cells.TITLE], TITLE)
    _line(sheet, [cells.BASIS], BODY)
    _line(sheet, ["一、文件基本情况"], BOLD)
    for name, value in cells.fact_pairs(assessment.facts):
        _line(sheet, [name, value], BODY, grid=True, first=BOLD)
    _line(sheet, ["二、逐项评估"], BOLD)
    _line(sheet, list(cells.ROW_HEADINGS), BOLD, grid=True)
    for row in assessment.rows:
        _line(sheet, list(cells.row_values(row)), BODY, grid=True)
    _line(sheet, ["三、人工核实事项"], BOLD)
    _line(sheet, list(cells.MANUAL_HEADINGS), BOLD, grid=True)
    for n, item in enumerate(assessment.manual, 1):
        _line(sheet, list(cells.manual_values(n, item)), BODY, grid=True)
    number = "四"
    if assessment.resolved is not None:
        _line(sheet, [f"四、与上一稿相比已解决的问题（{len(assessment.resolved)} 处）"], BOLD)
        for resolved in assessment.resolved:
            _line(sheet, [cells.resolved_line(resolved)], BODY)
        number = "五"
    _line(sheet, [f"{number}、总体结论"], BOLD)
    _line(sheet, [f"{assessment.conclusion}。{assessment.summary}"], BODY)
    sheet.append([])
    for name in model.SIGN_LINES:
        _line(sheet, [f"{name}：", ""], BODY)
    _widths(sheet, WIDTHS)
    return _bytes(workbook)


def render_summary(entries: Sequence[model.Assessment | model.Unreadable]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "评估汇总"
    _line(sheet, list(cells.SUMMARY_HEADINGS), BOLD, grid=True)
    for entry in entries:
        values = cells.summary_values(entry) if isinstance(entry, model.Assessment) else cells.unreadable_values(entry)
        _line(sheet, list(values), BODY, grid=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _widths(sheet, SUMMARY_WIDTHS)
    return _bytes(workbook)


def _line(sheet: Worksheet, values: list[str], font: Font, grid: bool = False, first: Font | None = None) -> None:
    sheet.append([_cell(v) for v in values])
    for i, cell in enumerate(sheet[sheet.max_row]):
        cell.font = first if first is not None and i == 0 else font
        cell.alignment = WRAP
        if grid:
            cell.border = GRID


def _cell(value: str) -> str:
    """Control characters a draft may carry are not allowed in a worksheet: shown as ``\\x01``."""
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width


def _bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
