"""Hover over a flagged span: the article, the clause quoted, why it matters, what to write instead."""

from __future__ import annotations

from jianfu.model import Finding
from jianfu.rules import Rule


def hover_markdown(findings: list[Finding], rules: dict[str, Rule]) -> str:
    parts = []
    for finding in findings:
        rule = rules.get(finding.rule)
        title = rule.title if rule else finding.rule
        lines = [
            f"**{finding.rule} {title}**（《整治形式主义为基层减负若干规定》第{finding.article}条）",
            "",
            f"> {finding.clause}",
            "",
        ]
        if rule:
            lines += [f"**为什么**：{rule.why}", "", f"**怎么改**：{rule.suggestion}"]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)
