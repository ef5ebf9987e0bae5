"""第2条 length limits: 5,000 字, 4,000 字 for special tasks, none for comprehensive work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jianfu.doctype import NAMES
from jianfu.kinds.base import CheckContext, ParamError, make_finding
from jianfu.model import Document, Finding
from jianfu.text.count import count_chars

if TYPE_CHECKING:
    from jianfu.rules import Rule


def compile(data: dict[str, Any]) -> dict[str, Any]:
    limits = data["limits"]
    if not isinstance(limits, dict) or set(limits) != {"general", "special"}:
        raise ParamError("limits", "应为含 general 与 special 两项字数上限的映射。")
    if not all(isinstance(v, int) and v > 0 for v in limits.values()):
        raise ParamError("limits", "字数上限应为正整数。")
    return {"limits": dict(limits)}


SCOPE = "document"
KEYS = (("limits",), ())


def limit_for(rule: Rule, context: CheckContext) -> int | None:
    """The configured limit for the document's type, else the rule's own; None for comprehensive work."""
    if context.doc_type == "comprehensive":
        return None
    return context.limits.get(context.doc_type) or rule.params["limits"][context.doc_type]


def stats(rule: Rule, document: Document, context: CheckContext) -> dict[str, Any]:
    return {"limit": limit_for(rule, context)}


def check(rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]:
    limit = limit_for(rule, context)
    if limit is None or document.body_chars <= limit:
        return
    start, end = document.title_span or _first_line(document)
    yield make_finding(
        rule,
        start,
        end,
        values={
            "chars": document.body_chars,
            "limit": limit,
            "over": document.body_chars - limit,
            "doc_type": NAMES[context.doc_type],
            "where": _crossing_paragraph(document, limit),
        },
    )


def _first_line(document: Document) -> tuple[int, int]:
    for p in document.paragraphs:
        if p.text.strip() and p.start >= document.body_span[0]:
            return p.start, p.end
    return 0, 0


def _crossing_paragraph(document: Document, limit: int) -> int:
    """1-based number of the paragraph in which the body passes the limit."""
    total = 0
    body_start, body_end = document.body_span
    for p in document.paragraphs:
        if p.end <= body_start or p.start >= body_end:
            continue
        total += count_chars(p.text)
        if total > limit:
            return p.index + 1
    return document.paragraphs[-1].index + 1
