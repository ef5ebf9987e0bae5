"""Findings -> LSP diagnostics (and the stats payload of `jianfu/documentStats`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lsprotocol import types

from jianfu.engine import Result
from jianfu.lsp.convert import PositionMap
from jianfu.model import Finding, Severity
from jianfu.rules import Rule

SOURCE = "jianfu"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


def to_diagnostic(finding: Finding, positions: PositionMap, rules: dict[str, Rule], encoding: str) -> types.Diagnostic:
    rule = rules.get(finding.rule)
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(
                uri=Path(r.path).resolve().as_uri() if r.path else "",
                range=_related_range(r, encoding),
            ),
            message=r.message,
        )
        for r in finding.related
        if r.path
    ]
    return types.Diagnostic(
        range=positions.range(finding.start, finding.end),
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=rule.doc_url) if rule and rule.doc_url else None,
        source=SOURCE,
        message=f"{finding.message}（第{finding.article}条）",
        related_information=related or None,
        data={
            "rule": finding.rule,
            "article": finding.article,
            "clause": finding.clause,
            "start": finding.start,
            "end": finding.end,
        },
    )


def _related_range(related: Any, encoding: str) -> types.Range:
    # The parent document is not open in the editor: read it to place the range exactly.
    try:
        from jianfu.text.readers import read_path

        text = read_path(Path(related.path)).text
        return PositionMap(text, encoding).range(related.start, related.end)
    except Exception:  # the parent moved or became unreadable: point at its line
        position = types.Position(line=related.line, character=0)
        return types.Range(start=position, end=position)


def stats_payload(uri: str, version: int | None, result: Result, positions: PositionMap) -> dict[str, Any]:
    stats = result.stats
    return {
        "uri": uri,
        "version": version,
        "bodyChars": stats.body_chars,
        "limit": stats.limit,
        "docType": stats.doc_type,
        "sections": [
            {
                "name": s.name,
                "heading": s.heading,
                "chars": s.chars,
                "budget": s.budget,
                "line": positions.position(s.start).line,
            }
            for s in stats.sections
        ],
    }
