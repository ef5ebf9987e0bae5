"""SARIF 2.1.0 output (validated against the official schema in the tests)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jianfu import __version__
from jianfu.positions import TextIndex
from jianfu.records import finding_record, headline, line_fields, rule_record
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
        text = report.document.text
        index, uri = TextIndex(text), _uri(report.source)
        results += [_result(finding_record(f, text), index, uri, rule_index) for f in report.result.findings]
    driver = {
        "name": "jianfu",
        "version": __version__,
        "informationUri": "https://jianfu.readthedocs.io/",
        "rules": [_rule_descriptor(rule_record(r)) for r in rules],
    }
    run: dict[str, Any] = {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def _result(record: dict[str, Any], index: TextIndex, uri: str, rule_index: dict[str, int]) -> dict[str, Any]:
    lines = line_fields(record, index)
    result: dict[str, Any] = {
        "ruleId": record["rule"],
        "level": _LEVELS[record["severity"]],
        "message": {"text": headline(record)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {
                        "startLine": lines["line"],
                        "startColumn": lines["column"],
                        "endLine": lines["end_line"],
                        "endColumn": lines["end_column"],
                        "charOffset": record["start"],
                        "charLength": record["end"] - record["start"],
                        "snippet": {"text": record["text"]},
                    },
                }
            }
        ],
        "properties": {"article": record["article"], "clause": record["clause"], "suggestion": record["suggestion"]},
    }
    if record["rule"] in rule_index:
        result["ruleIndex"] = rule_index[record["rule"]]
    return result


def _rule_descriptor(rule: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rule["id"],
        "name": rule["title"],
        "shortDescription": {"text": rule["title"]},
        "fullDescription": {"text": f"第{rule['article']}条：{rule['clause']}"},
        "help": {"text": f"{rule['why']}\n建议：{rule['suggestion']}"},
        "helpUri": rule["doc_url"],
        "defaultConfiguration": {"level": _LEVELS[rule["severity"]]},
        "properties": {"article": rule["article"]},
    }
