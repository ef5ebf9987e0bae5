"""The JSON contract (version 1), documented in docs/json-output.md."""

from __future__ import annotations

import json
from typing import Any

from jianfu import __version__
from jianfu.model import Finding
from jianfu.positions import TextIndex
from jianfu.records import addressing_record, finding_record, line_fields, pick, stats_record
from jianfu.report import FileReport

JSON_VERSION = 1
FINDING_KEYS = (
    "rule",
    "article",
    "severity",
    "message",
    "start",
    "end",
    "line",
    "column",
    "end_line",
    "end_column",
    "text",
    "clause",
    "suggestion",
    "fix",
    "related",
)


def finding_dict(finding: Finding, text: str, index: TextIndex) -> dict[str, Any]:
    record = finding_record(finding, text)
    return pick({**record, **line_fields(record, index)}, FINDING_KEYS)


def file_dict(report: FileReport) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": report.path,
        "error": report.error,
        "encoding": None,
        "stats": None,
        "addressing": None,
        "findings": [],
        "notes": list(report.notes),
    }
    if report.document is not None and report.result is not None:
        doc = report.document
        index = TextIndex(doc.text)
        entry["encoding"] = doc.encoding
        entry["stats"] = stats_record(report.result.stats)
        if report.result.addressing is not None:
            entry["addressing"] = addressing_record(report.result.addressing)
        entry["findings"] = [finding_dict(f, doc.text, index) for f in report.result.findings]
    return entry


def render(reports: list[FileReport]) -> str:
    payload = {
        "version": JSON_VERSION,
        "tool": {"name": "jianfu", "version": __version__},
        "files": [file_dict(r) for r in reports],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
