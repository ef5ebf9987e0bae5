"""The one set of dictionaries every shell presents: a finding, a document's stats, a rule.

JSON, SARIF, the text output, the 问题清单 rows, the HTTP responses and the LSP diagnostics are all
built from these records (each output picks and renames fields, and adds positions in its own unit
from ``jianfu.positions``), so a field is computed in one place and a new output starts from them.
The field names here are those of the JSON contract (docs/json-output.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jianfu.analysis.direction import Addressing
from jianfu.model import DocumentStats, Finding, Fix, Related
from jianfu.positions import TextIndex
from jianfu.rules import Rule


def fix_record(fix: Fix | None) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {"title": fix.title, "start": fix.start, "end": fix.end, "replacement": fix.replacement}


def related_record(related: Related) -> dict[str, Any]:
    return {
        "message": related.message,
        "path": related.path,
        "start": related.start,
        "end": related.end,
        "line": related.line + 1,
        "column": related.column + 1,
    }


def finding_record(finding: Finding, text: str) -> dict[str, Any]:
    """What a finding says, independent of any unit of position: offsets are code points into ``text``."""
    return {
        "rule": finding.rule,
        "article": finding.article,
        "severity": finding.severity.value,
        "message": finding.message,
        "clause": finding.clause,
        "suggestion": finding.suggestion,
        "text": text[finding.start : finding.end],
        "start": finding.start,
        "end": finding.end,
        "fix": fix_record(finding.fix),
        "related": [related_record(r) for r in finding.related],
    }


def headline(record: dict[str, Any]) -> str:
    """The message with its article, as SARIF and the editors show it in one line."""
    return f"{record['message']}（第{record['article']}条）"


def line_fields(record: dict[str, Any], index: TextIndex) -> dict[str, int]:
    """1-based report line and column (code points) of the finding's start and end."""
    line, column = index.line_col(record["start"])
    end_line, end_column = index.line_col(record["end"])
    return {"line": line + 1, "column": column + 1, "end_line": end_line + 1, "end_column": end_column + 1}


def pick(record: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The fields an output shows, in its order."""
    return {key: record[key] for key in keys}


def stats_record(stats: DocumentStats) -> dict[str, Any]:
    return {
        "body_chars": stats.body_chars,
        "limit": stats.limit,
        "doc_type": stats.doc_type,
        "sections": [
            {"name": s.name, "heading": s.heading, "start": s.start, "end": s.end, "chars": s.chars, "budget": s.budget}
            for s in stats.sections
        ],
    }


def rule_record(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "title": rule.title,
        "article": rule.article,
        "clause": rule.clause,
        "severity": rule.severity.value,
        "kind": rule.kind,
        "message": rule.message,
        "why": rule.why,
        "suggestion": rule.suggestion,
        "doc_url": rule.doc_url,
    }


def rule_detail_record(rule: Rule) -> dict[str, Any]:
    return {
        **rule_record(rule),
        "examples": {"flag": [e.text for e in rule.examples.flag], "pass": [e.text for e in rule.examples.passes]},
    }


def addressing_record(addressing: Addressing) -> dict[str, Any]:
    """文种, 主送机关, 发文机关 and the 行文方向 the rules used (and what it rests on)."""
    return {
        "direction": addressing.direction,
        "source": addressing.source,
        "description": addressing.describe(),
        "genre": addressing.genre,
        "addressee": addressing.addressee,
        "issuers": list(addressing.issuers),
    }
