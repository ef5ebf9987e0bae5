"""Who issues a document and to whom: the title, the 发文机关 and the 主送机关 (article 1).

Keys (regular expressions on the normal form; each given key must be satisfied):
``titles`` (the title matches one), ``issuer`` (some 发文机关 matches one) with ``issuer_not``
(no 发文机关 may match one: a Party committee or government signing with it makes the document
theirs), ``addressee`` (the 主送机关 matches one), ``body`` (a demand in the body: a match the
context check reads as a requirement, not a prohibition or a quotation), ``unless`` (the title,
主送 or body matches one: e.g. "经县委、县政府同意"), ``mark`` (where the finding goes:
``title``, ``addressee`` or ``issuer``). The 发文机关 and 主送机关 are read once per check
(``jianfu.analysis.direction``); the kind runs a few regular expressions per document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jianfu.analysis import direction
from jianfu.analysis.mode import mode
from jianfu.kinds.base import CheckContext, ParamError, Regex, make_finding, regex_list
from jianfu.model import Document, Finding

if TYPE_CHECKING:
    from jianfu.rules import Rule

SCOPE = "document"
KEYS = ((), ("titles", "issuer", "issuer_not", "addressee", "body", "unless", "mark"))
MARKS = ("title", "addressee", "issuer")
# demands looked at before giving up: a body of prohibitions and quotations is rare and short
MAX_DEMAND_TRIES = 60


def compile(data: dict[str, Any]) -> dict[str, Any]:
    params = {key: regex_list(data, key) for key in KEYS[1] if key != "mark"}
    if not (params["titles"] or params["issuer"] or params["addressee"]):
        raise ParamError("titles", "addressing 规则至少要有 titles、issuer、addressee 之一。")
    mark = data.get("mark", "title" if params["titles"] else "addressee" if params["addressee"] else "issuer")
    if mark not in MARKS:
        raise ParamError("mark", f"应为 {'、'.join(MARKS)} 之一（发现标在何处）。")
    params["mark"] = mark
    return params


def check(rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]:
    p = rule.params
    facts = context.addressing or direction.read(document)
    title = document.norm[slice(*document.title_span)] if document.title_span else ""
    if p["titles"] and not _any(p["titles"], title):
        return
    if p["addressee"] and not _any(p["addressee"], facts.addressee):
        return
    if p["issuer"] and not any(_any(p["issuer"], name) for name in facts.issuers):
        return
    if p["issuer_not"] and any(_any(p["issuer_not"], name) for name in facts.issuers):
        return
    if p["unless"] and any(u.search(document.norm, 0, document.body_span[1]) for u in p["unless"]):
        return
    if p["body"] and not _demands(p["body"], document):
        return
    span = {"title": document.title_span, "addressee": facts.addressee_span, "issuer": facts.issuer_span}[p["mark"]]
    span = span or facts.addressee_span or document.title_span
    if span is None:
        return
    start, end = _trimmed(document.norm, *span)
    values = {"issuer": "、".join(facts.issuers), "addressee": facts.addressee, "title": document.title}
    yield make_finding(rule, start, end, values=values)


def _any(patterns: tuple[Regex, ...], text: str) -> bool:
    return bool(text) and any(p.search(text) for p in patterns)


def _demands(patterns: tuple[Regex, ...], document: Document) -> bool:
    """Some match in the body is a requirement (not forbidden, quoted, criticised or asked)."""
    start, end = document.body_span
    tries = 0
    for pattern in patterns:
        for m in pattern.finditer(document.norm, start, end):
            if mode(document.norm, m.start(), m.end()) == "demand":
                return True
            tries += 1
            if tries >= MAX_DEMAND_TRIES:
                return False
    return False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u3000#":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    return start, end
