"""The title says what the document itself does: "关于开展……专项督查的通知" sets an inspection, "……示范村评选
工作的通知" runs a creation campaign, "第一季度……评比情况的通报" is a quarterly ranking notice.

Phrase rules read the body, where a demand is worded; a document whose very subject is the practice
often repeats it nowhere in its body (a notice with a schedule attached). Keys: ``patterns`` (regular
expressions on the title's normal form; the finding marks the match), optional ``unless`` (a title that
clears the practice away or reports on it: 取消, 规范, 减负, 情况报告 …) and ``unless_body`` (the body
says what makes the practice allowed: an inspection in the filed annual plan, 经报备). Read for 下行文 only, like the
phrase rules: a report upward names what was done to its author.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jianfu.kinds.base import CheckContext, make_finding, regex_list
from jianfu.model import Document, Finding

if TYPE_CHECKING:
    from jianfu.rules import Rule

SCOPE = "document"
KEYS = (("patterns",), ("unless", "unless_body"))
DIRECTIONS = ("下行文",)


def compile(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "patterns": regex_list(data, "patterns", required=True),
        "unless": regex_list(data, "unless"),
        "unless_body": regex_list(data, "unless_body"),
    }


def check(rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]:
    if not document.title_span:
        return
    title, where = _title_reading(document)
    if any(p.search(title) for p in rule.params["unless"]):
        return
    if rule.params["unless_body"]:
        body = document.norm[document.body_span[0] : document.body_span[1]]
        if any(p.search(body) for p in rule.params["unless_body"]):
            return
    for pattern in rule.params["patterns"]:
        m = pattern.search(title)
        if m and m.end() > m.start():
            start, end = where[m.start()], where[m.end() - 1] + 1
            yield make_finding(rule, start, end, values={"match": title[m.start() : m.end()]})
            return


def _title_reading(document: Document) -> tuple[str, list[int]]:
    """The title's normal text without line breaks and spaces (a title wrapped over lines, "通 知"
    letter-spaced), and the document offset of each of its characters."""
    t0, t1 = document.title_span or (0, 0)
    where = [i for i in range(t0, t1) if not document.norm[i].isspace()]
    return "".join(document.norm[i] for i in where), where
