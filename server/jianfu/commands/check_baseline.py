"""``jianfu check --baseline``: each draft's findings compared with the earlier draft's, shown as a
block after its findings (text) or as ``baseline`` fields (JSON), and totals at the end."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jianfu.baseline import NEW, BaselineError, Comparison, compare
from jianfu.commands import baseline_input
from jianfu.fingerprint import fingerprint
from jianfu.model import Document
from jianfu.report import FileReport
from jianfu.rules import Rule
from jianfu.settings import Settings

SHOWN_RESOLVED = 20  # resolved findings listed per draft in the text output


class BaselineRun:
    def __init__(
        self,
        args: argparse.Namespace,
        rules: Sequence[Rule],
        base: Settings,
        parents: Sequence[Document],
        files: Sequence[Path],
    ) -> None:
        """Raises ``BaselineError`` (Chinese) when the baseline cannot be used."""
        from jianfu.session import SettingsResolver

        resolver = SettingsResolver(base, config=Path(args.config) if args.config else None)
        self.source = args.baseline
        self.earlier = baseline_input.load(args.baseline, rules, resolver.resolve, parents, len(files))
        self.comparisons: dict[str, Comparison] = {}
        self.errors: dict[str, str] = {}
        self.reports: list[FileReport] = []  # those compared, for the JSON output

    def attach(self, report: FileReport) -> None:
        self.reports.append(report)
        if report.document is None or report.result is None:
            return
        try:
            earlier = self.earlier(Path(report.source).name)
        except BaselineError as exc:
            self.errors[report.path] = str(exc)
            return
        self.comparisons[report.path] = compare(report.document, report.result.findings, earlier)

    def text(self, report: FileReport) -> str:
        if report.path in self.errors:
            return f"{report.path}: 基线：{self.errors[report.path]}\n"
        comparison = self.comparisons.get(report.path)
        if comparison is None:
            return ""
        lines = [
            f"{report.path}: 与 {self.source} 相比：新增 {comparison.new} 处，仍存在 {comparison.remaining} 处，"
            f"已解决 {len(comparison.resolved)} 处。"
        ]
        findings = report.result.findings if report.result else ()
        for finding, status in zip(findings, comparison.statuses, strict=True):
            if status == NEW:
                lines.append(f"  新增    {finding.rule}  {report.document.text[finding.start : finding.end]}")  # type: ignore[union-attr]
        for item in comparison.resolved[:SHOWN_RESOLVED]:
            place = f"原第{item.paragraph}段 " if item.paragraph else ""
            lines.append(f"  已解决  {item.rule}  {place}{item.sentence or item.words}")
        if len(comparison.resolved) > SHOWN_RESOLVED:
            lines.append(f"  ……另有 {len(comparison.resolved) - SHOWN_RESOLVED} 处已解决（--format json 可列出全部）")
        return "\n".join(lines) + "\n"

    def add_to_json(self, data: bytes) -> bytes:
        """The JSON result with ``baseline`` on each compared file and each of its findings."""
        payload = json.loads(data)
        by_path = {r.path: r for r in self.reports}
        for entry in payload["files"]:
            comparison = self.comparisons.get(entry["path"])
            report = by_path.get(entry["path"])
            if comparison is None or report is None or report.document is None or report.result is None:
                continue
            for item, finding, status in zip(
                entry["findings"], report.result.findings, comparison.statuses, strict=True
            ):
                item["fingerprint"] = fingerprint(report.document, finding)
                item["baseline"] = status
            entry["baseline"] = _file_baseline(self.source, comparison)
        return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def statuses(self, report: FileReport) -> tuple[str, ...] | None:
        """Per finding of ``report``: NEW or REMAINING; None when it was not compared."""
        comparison = self.comparisons.get(report.path)
        return comparison.statuses if comparison else None

    def summary(self) -> str:
        if not self.comparisons:
            return ""
        new = sum(c.new for c in self.comparisons.values())
        remaining = sum(c.remaining for c in self.comparisons.values())
        resolved = sum(len(c.resolved) for c in self.comparisons.values())
        return f"与基线 {self.source} 相比：新增 {new} 处，仍存在 {remaining} 处，已解决 {resolved} 处。\n"


def _file_baseline(source: str, comparison: Comparison) -> dict[str, Any]:
    return {
        "against": source,
        "new": comparison.new,
        "remaining": comparison.remaining,
        "resolved": [
            {
                "rule": e.rule,
                "text": e.words,
                "sentence": e.sentence,
                "paragraph": e.paragraph,
                "fingerprint": e.fingerprint,
            }
            for e in comparison.resolved
        ],
    }
