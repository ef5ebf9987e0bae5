"""The JSON contract (version 1), documented in docs/json-output.md."""

from __future__ import annotations

import json
from typing import Any

from jianfu import __version__
from jianfu.analysis.direction import Addressing
from jianfu.model import DocumentStats, Finding
from jianfu.positions import LineIndex
from jianfu.report import FileReport

JSON_VERSION = 1


def stats_dict(stats: DocumentStats) -> dict[str, Any]:
    return {
        "body_chars": stats.body_chars,
        "limit": stats.limit,
        "doc_type": stats.doc_type,
        "sections": [
            {"name": s.name, "heading": s.heading, "start": s.start, "end": s.end, "chars": s.chars, "budget": s.budget}
            for s in stats.sections
        ],
    }


def addressing_dict(addressing: Addressing) -> dict[str, Any]:
    """文种, 主送机关, 发文机关 and the 行文方向 the rules used (and what it rests on)."""
    return {
        "direction": addressing.direction,
        "source": addressing.source,
        "description": addressing.describe(),
        "genre": addressing.genre,
        "addressee": addressing.addressee,
        "issuers": list(addressing.issuers),
    }


def finding_dict(finding: Finding, text: str, index: LineIndex) -> dict[str, Any]:
    line, column = index.line_col(finding.start)
    end_line, end_column = index.line_col(finding.end)
    out: dict[str, Any] = {
        "rule": finding.rule,
        "article": finding.article,
        "severity": finding.severity.value,
        "message": finding.message,
        "start": finding.start,
        "end": finding.end,
        "line": line + 1,
        "column": column + 1,
        "end_line": end_line + 1,
        "end_column": end_column + 1,
        "text": text[finding.start : finding.end],
        "clause": finding.clause,
        "suggestion": finding.suggestion,
        "fix": None,
        "related": [
            {
                "message": r.message,
                "path": r.path,
                "start": r.start,
                "end": r.end,
                "line": r.line + 1,
                "column": r.column + 1,
            }
            for r in finding.related
        ],
    }
    if finding.fix:
        out["fix"] = {
            "title": finding.fix.title,
            "start": finding.fix.start,
            "end": finding.fix.end,
            "replacement": finding.fix.replacement,
        }
    return out


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
        index = LineIndex(doc.text)
        entry["encoding"] = doc.encoding
        entry["stats"] = stats_dict(report.result.stats)
        if report.result.addressing is not None:
            entry["addressing"] = addressing_dict(report.result.addressing)
        entry["findings"] = [finding_dict(f, doc.text, index) for f in report.result.findings]
    return entry


def render(reports: list[FileReport]) -> str:
    payload = {
        "version": JSON_VERSION,
        "tool": {"name": "jianfu", "version": __version__},
        "files": [file_dict(r) for r in reports],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
