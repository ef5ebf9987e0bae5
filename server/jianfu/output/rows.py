"""One row per finding, the columns a reviewer's 问题清单 has."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jianfu.positions import TextIndex
from jianfu.records import finding_record
from jianfu.report import FileReport

COLUMNS = ("文件", "位置", "规则", "条款", "问题描述", "原文摘录", "修改建议")
EXCERPT_CONTEXT = 20


@dataclass(frozen=True)
class Row:
    file: str
    line: int  # 1-based: the paragraph (a .docx paragraph or table cell, a text line)
    column: int
    rule: str
    article: int
    message: str
    excerpt: str
    before: str
    after: str
    suggestion: str
    clause: str

    @property
    def place(self) -> str:
        return f"第{self.line}段第{self.column}字"

    def values(self) -> tuple[str, ...]:
        return (self.file, self.place, self.rule, f"第{self.article}条", self.message, self.excerpt, self.suggestion)


def rows_of(reports: list[FileReport]) -> list[Row]:
    rows: list[Row] = []
    for report in reports:
        if report.document is None or report.result is None:
            continue
        text = report.document.text
        index = TextIndex(text)
        rows += [_row(report.path, finding_record(f, text), index) for f in report.result.findings]
    return rows


def _row(path: str, record: dict[str, Any], index: TextIndex) -> Row:
    line, column = index.line_col(record["start"])
    line_start = index.starts[line]
    line_text = index.line_text(line)
    start, end = record["start"] - line_start, min(record["end"] - line_start, len(line_text))
    return Row(
        file=path,
        line=line + 1,
        column=column + 1,
        rule=record["rule"],
        article=record["article"],
        message=record["message"],
        excerpt=record["text"],
        before=line_text[max(0, start - EXCERPT_CONTEXT) : start],
        after=line_text[end : end + EXCERPT_CONTEXT],
        suggestion=record["suggestion"],
        clause=record["clause"],
    )
