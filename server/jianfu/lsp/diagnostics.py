"""Findings -> LSP diagnostics (and the stats payload of `jianfu/documentStats`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lsprotocol import types

from jianfu.engine import Result
from jianfu.lsp.convert import PositionMap
from jianfu.model import Finding, Severity
from jianfu.records import finding_record, headline, pick, stats_record
from jianfu.rules import Rule

SOURCE = "jianfu"
DATA_KEYS = ("rule", "article", "clause", "start", "end")  # what hovers and code actions read back
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


def to_diagnostic(
    finding: Finding,
    positions: PositionMap,
    rules: dict[str, Rule],
    encoding: str,
    parents: Mapping[str, PositionMap] | None = None,
) -> types.Diagnostic:
    """``parents``: positions in each parent document by its path, for related locations."""
    record = finding_record(finding, positions.text)
    rule = rules.get(record["rule"])
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(
                uri=Path(r.path).resolve().as_uri() if r.path else "",
                range=_related_range(r, parents or {}),
            ),
            message=r.message,
        )
        for r in finding.related
        if r.path
    ]
    return types.Diagnostic(
        range=positions.range(record["start"], record["end"]),
        severity=SEVERITIES[Severity(record["severity"])],
        code=record["rule"],
        code_description=types.CodeDescription(href=rule.doc_url) if rule and rule.doc_url else None,
        source=SOURCE,
        message=headline(record),
        related_information=related or None,
        data=pick(record, DATA_KEYS),
    )


def capped(
    findings: tuple[Finding, ...],
    positions: PositionMap,
    rules: dict[str, Rule],
    encoding: str,
    limit: int,
    parents: Mapping[str, PositionMap] | None = None,
    earlier: Mapping[Finding, types.Diagnostic] | None = None,
) -> list[types.Diagnostic]:
    """At most ``limit`` diagnostics (the most severe first, shown in document order), then one more
    saying how many were left out: an editor handed 100,000 diagnostics is itself unusable.

    ``earlier``: the diagnostics of the draft's previous check by finding, made with the same rules and
    encoding. A finding that is still there (same offsets, same words) at the same line and character
    keeps its diagnostic: while typing, everything before the edit is unchanged."""
    shown = []
    for i in shown_indices(findings, limit):
        finding = findings[i]
        kept = earlier.get(finding) if earlier and not finding.related else None
        if kept is None or kept.range != positions.range(finding.start, finding.end):
            kept = to_diagnostic(finding, positions, rules, encoding, parents)
        shown.append(kept)
    if len(findings) <= limit:
        return shown
    return [*shown, left_out_diagnostic(len(findings) - limit, limit)]


def shown_indices(findings: tuple[Finding, ...], limit: int) -> list[int]:
    """The findings ``capped`` shows, in document order."""
    if len(findings) <= limit:
        return list(range(len(findings)))
    return sorted(sorted(range(len(findings)), key=lambda i: (_RANK[findings[i].severity], i))[:limit])


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2, Severity.HINT: 3}


def left_out_diagnostic(left_out: int, limit: int) -> types.Diagnostic:
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        severity=types.DiagnosticSeverity.Information,
        source=SOURCE,
        message=(
            f"另有 {left_out} 处问题未在编辑器中显示（每个文稿最多显示 {limit} 处，可在设置 jianfu.maxDiagnostics 中调整）。"
            "运行 jianfu check 可列出全部问题。"
        ),
        data={"leftOut": left_out},
    )


def _related_range(related: Any, parents: Mapping[str, PositionMap]) -> types.Range:
    # The parent as the check read it (never read again here: this runs on every keystroke).
    positions = parents.get(related.path)
    if positions is not None:
        return positions.range(related.start, related.end)
    position = types.Position(line=related.line, character=0)  # a parent we do not hold: its line
    return types.Range(start=position, end=position)


def stats_payload(uri: str, version: int | None, result: Result, positions: PositionMap) -> dict[str, Any]:
    stats = stats_record(result.stats)
    return {
        "uri": uri,
        "version": version,
        "bodyChars": stats["body_chars"],
        "limit": stats["limit"],
        "docType": stats["doc_type"],
        "sections": [
            {
                "name": s["name"],
                "heading": s["heading"],
                "chars": s["chars"],
                "budget": s["budget"],
                "line": positions.position(s["start"]).line,
            }
            for s in stats["sections"]
        ],
    }
