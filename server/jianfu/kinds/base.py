"""What every kind needs: the check context and helpers to build findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jianfu.model import Document, Finding, Fix, Related
from jianfu.rules import Rule
from jianfu.settings import Settings


class ParamError(ValueError):
    def __init__(self, key: str, problem: str) -> None:
        super().__init__(problem)
        self.key = key


@dataclass(frozen=True)
class CheckContext:
    settings: Settings
    doc_type: str  # general | special | comprehensive
    parents: tuple[Document, ...] = field(default_factory=tuple)


def regex_list(data: dict[str, Any], key: str, required: bool = False) -> tuple[re.Pattern[str], ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or (required and not value):
        raise ParamError(key, "应为非空的正则表达式列表。")
    out = []
    for item in value:
        if not isinstance(item, str) or not item:
            raise ParamError(key, "列表中的每一项都应为非空字符串。")
        try:
            out.append(re.compile(item))
        except re.error as exc:
            raise ParamError(key, f"正则表达式“{item}”有误：{exc}") from None
    return tuple(out)


def make_finding(
    rule: Rule,
    start: int,
    end: int,
    *,
    values: dict[str, Any] | None = None,
    fix: Fix | None = None,
    related: tuple[Related, ...] = (),
) -> Finding:
    message = rule.message
    if values:
        try:
            message = message.format(**values)
        except (KeyError, IndexError, ValueError):
            pass  # a message without the placeholder stays as written
    return Finding(
        rule=rule.id,
        article=rule.article,
        severity=rule.severity,
        message=message,
        start=start,
        end=end,
        clause=rule.clause,
        suggestion=rule.suggestion,
        fix=fix,
        related=related,
    )
