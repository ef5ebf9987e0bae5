"""What every kind needs: the check context and helpers to build findings."""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jianfu import regexcache
from jianfu.model import Document, Finding, Fix, Related

if TYPE_CHECKING:
    from jianfu.analysis.direction import Addressing
    from jianfu.rules import Rule


class ParamError(ValueError):
    def __init__(self, key: str, problem: str) -> None:
        super().__init__(problem)
        self.key = key


@dataclass(frozen=True)
class CheckContext:
    """What a document-level kind may read besides its rule and the document: no other settings."""

    doc_type: str  # general | special | comprehensive
    parents: tuple[Document, ...] = field(default_factory=tuple)
    limits: dict[str, int] = field(default_factory=dict)  # configured 字数 limits (override a rule's own)
    budgets: dict[str, int] = field(default_factory=dict)  # configured section budgets by name
    addressing: Addressing | None = None  # 文种, 主送机关, 发文机关 and 行文方向, read once per check
    # per check: a kind's own results shared between its check and its stats (sections measured once)
    memo: dict[Any, Any] = field(default_factory=dict, compare=False)


# Compiling ~200 regular expressions costs ~120 ms, more than the rest of a cold `jianfu check`.
# The bundled rules are compiled and checked by the test suite, so they compile lazily on first
# use; rule files from elsewhere (an organisation's rules) are compiled, and so validated, at load.
EAGER_REGEX: ContextVar[bool] = ContextVar("EAGER_REGEX", default=True)


class LazyPattern:
    """A regular expression compiled on first use (the subset of ``re.Pattern`` the kinds use).

    The first ``search`` or ``finditer`` compiles it and stores the compiled pattern's own methods
    in the slots, so later calls go straight to ``re`` with no wrapper in between."""

    __slots__ = ("pattern", "search", "finditer")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __getattr__(self, name: str) -> Any:  # only reached while a slot is unset
        if name not in ("search", "finditer"):
            raise AttributeError(name)
        compiled = regexcache.compile(self.pattern)
        self.search, self.finditer = compiled.search, compiled.finditer
        return getattr(compiled, name)


Regex = re.Pattern[str] | LazyPattern


def regex_list(data: dict[str, Any], key: str, required: bool = False) -> tuple[Regex, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or (required and not value):
        raise ParamError(key, "应为非空的正则表达式列表。")
    out: list[Regex] = []
    for item in value:
        if not isinstance(item, str) or not item:
            raise ParamError(key, "列表中的每一项都应为非空字符串。")
        try:
            out.append(re.compile(item) if EAGER_REGEX.get() else LazyPattern(item))
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
