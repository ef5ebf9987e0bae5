"""The title says what the document itself does: "关于开展……专项督查的通知" sets an inspection, "……示范村评选
工作的通知" runs a creation campaign, "第一季度……评比情况的通报" is a quarterly ranking notice.

Phrase rules read the body, where a demand is worded; a document whose very subject is the practice
often repeats it nowhere in its body (a notice with a schedule attached). Keys: ``patterns`` (regular
expressions on the title's normal form; the finding marks the match), optional ``unless`` (a title that
clears the practice away or reports on it: 取消, 规范, 减负, 情况报告 …). Read for 下行文 only, like the
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
KEYS = (("patterns",), ("unless",))
DIRECTIONS = ("下行文",)


def compile(data: dict[str, Any]) -> dict[str, Any]:
    return {"patterns": regex_list(data, "patterns", required=True), "unless": regex_list(data, "unless")}


def check(rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]:
    if not document.title_span:
        return
    t0, t1 = document.title_span
    title = document.norm[t0:t1]
    if any(p.search(title) for p in rule.params["unless"]):
        return
    for pattern in rule.params["patterns"]:
        m = pattern.search(title)
        if m:
            yield make_finding(rule, t0 + m.start(), t0 + m.end(), values={"match": title[m.start() : m.end()]})
            return
