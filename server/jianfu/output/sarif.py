"""SARIF 2.1.0 output (validated against the official schema in the tests)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jianfu import __version__
from jianfu.positions import LineIndex
from jianfu.report import FileReport, shown_path
from jianfu.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note", "hint": "note"}


def _uri(path: str) -> str:
    """A URI reference; a name that is not UTF-8 is percent-encoded byte by byte."""
    p = Path(path)
    if shown_path(path) != path:
        return ("file://" if p.is_absolute() else "") + quote(os.fsencode(p.as_posix()))
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def render(reports: list[FileReport], rules: list[Rule]) -> str:
    rule_index = {r.id: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        if report.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": report.error},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(report.source)}}}],
                }
            )
            continue
        assert report.document is not None and report.result is not None
        index = LineIndex(report.document.text)
        for f in report.result.findings:
            line, column = index.line_col(f.start)
            end_line, end_column = index.line_col(f.end)
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": _LEVELS[f.severity.value],
                "message": {"text": f"{f.message}（第{f.article}条）"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(report.source)},
                            "region": {
                                "startLine": line + 1,
                                "startColumn": column + 1,
                                "endLine": end_line + 1,
                                "endColumn": end_column + 1,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                                "snippet": {"text": report.document.text[f.start : f.end]},
                            },
                        }
                    }
                ],
                "properties": {"article": f.article, "clause": f.clause, "suggestion": f.suggestion},
            }
            if f.rule in rule_index:
                result["ruleIndex"] = rule_index[f.rule]
            results.append(result)
    driver = {
        "name": "jianfu",
        "version": __version__,
        "informationUri": "https://jianfu.readthedocs.io/",
        "rules": [
            {
                "id": r.id,
                "name": r.title,
                "shortDescription": {"text": r.title},
                "fullDescription": {"text": f"第{r.article}条：{r.clause}"},
                "help": {"text": f"{r.why}\n建议：{r.suggestion}"},
                "helpUri": r.doc_url,
                "defaultConfiguration": {"level": _LEVELS[r.severity.value]},
                "properties": {"article": r.article},
            }
            for r in rules
        ],
    }
    run: dict[str, Any] = {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
