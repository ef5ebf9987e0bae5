"""Sections that should be brief: 形势背景、重要意义、主要原则 (第2条), 组织保障 and the like.

Keys: ``sections`` — a list of ``{name, headings, budget, mention}`` where ``headings`` are
regular expressions on a section's heading, ``budget`` is its 字数 budget, and ``mention``
(optional, a severity) reports the section even within budget: the regulation says
形势背景、重要意义、主要原则 "一般不必阐述", so their mere presence deserves a hint
(``mention_message`` is the message then);
``preamble`` (optional) — ``{budget, cues}``: the body before the first heading, when
it argues background or significance (one of the ``cues`` occurs) and is over budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from jianfu.kinds.base import CheckContext, ParamError, make_finding, regex_list
from jianfu.lazyre import lazy
from jianfu.model import Document, Finding, SectionStat, Severity
from jianfu.text.count import count_chars

if TYPE_CHECKING:
    from jianfu.rules import Rule


SCOPE = "document"
KEYS = (("sections",), ("preamble", "mention_message"))


def compile(data: dict[str, Any]) -> dict[str, Any]:
    sections = data["sections"]
    if not isinstance(sections, list) or not sections:
        raise ParamError("sections", "应为非空列表，每项含 name、headings、budget。")
    compiled = []
    for item in sections:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ParamError("sections", "每项应含 name（名称）、headings（标题正则列表）、budget（字数）。")
        budget = item.get("budget")
        if not isinstance(budget, int) or budget <= 0:
            raise ParamError("sections", f"“{item['name']}”的 budget 应为正整数。")
        mention = item.get("mention")
        if mention is not None and mention not in {s.value for s in Severity}:
            raise ParamError("sections", f"“{item['name']}”的 mention 应为 error、warning、info、hint 之一。")
        if mention is not None and not isinstance(data.get("mention_message"), str):
            raise ParamError("mention_message", "有 mention 的章节需要 mention_message（章节篇幅未超时的提示语）。")
        compiled.append(
            {
                "name": item["name"],
                "headings": regex_list(item, "headings", required=True),
                "budget": budget,
                "mention": Severity(mention) if mention else None,
            }
        )
    preamble = data.get("preamble")
    if preamble is not None:
        if not isinstance(preamble, dict) or not isinstance(preamble.get("budget"), int):
            raise ParamError("preamble", "应为含 budget（字数）与 cues（正则列表）的映射。")
        preamble = {"budget": preamble["budget"], "cues": regex_list(preamble, "cues", required=True)}
    return {"sections": compiled, "preamble": preamble, "mention_message": data.get("mention_message", "")}


def stats(rule: Rule, document: Document, context: CheckContext) -> dict[str, Any]:
    return {"sections": measure(rule, document, context)}


def measure(rule: Rule, document: Document, context: CheckContext) -> list[SectionStat]:
    """The sections this rule budgets, with their length (measured once per check, shared with ``stats``)."""
    key = ("section", rule.id)
    if key not in context.memo:
        context.memo[key] = _measure(rule, document, context)
    return list(context.memo[key])


def _measure(rule: Rule, document: Document, context: CheckContext) -> list[SectionStat]:
    budgets = context.budgets
    stats: list[SectionStat] = []
    for section in document.sections:
        if section.level > 2:
            continue
        for spec in rule.params["sections"]:
            if any(p.search(section.heading) for p in spec["headings"]):
                budget = budgets.get(spec["name"], spec["budget"])
                stats.append(
                    SectionStat(spec["name"], section.heading, section.start, section.end, section.body_chars, budget)
                )
                break
    preamble = rule.params["preamble"]
    if preamble:
        span = _preamble_span(document)
        if span:
            text = document.norm[span[0] : span[1]]
            if any(p.search(text) for p in preamble["cues"]):
                budget = budgets.get("开头", preamble["budget"])
                stats.append(SectionStat("开头", "开头部分", span[0], span[1], count_chars(text), budget))
    return stats


def check(rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]:
    mentions = {spec["name"]: spec["mention"] for spec in rule.params["sections"] if spec["mention"]}
    for stat in measure(rule, document, context):
        over = stat.chars > stat.budget
        if not over and stat.name not in mentions:
            continue
        values = {"name": stat.name, "heading": stat.heading, "chars": stat.chars, "budget": stat.budget}
        start = stat.start + _leading_spaces(document.text, stat.start)
        end = _first_line_end(document.text, stat.start, stat.end)
        finding = make_finding(rule, start, end, values=values)
        if not over:
            message = rule.params["mention_message"].format(**values)
            finding = replace(finding, severity=mentions[stat.name], message=message)
        yield finding


_SPACES = lazy(r"[ \t\u3000]*")


def _leading_spaces(text: str, start: int) -> int:
    m = _SPACES.match(text, start)
    return m.end() - start if m else 0


def _first_line_end(text: str, start: int, end: int) -> int:
    newline = text.find("\n", start, end)
    line_end = newline if newline >= 0 else end
    return min(line_end, start + 60) if line_end > start else end


def _preamble_span(document: Document) -> tuple[int, int] | None:
    body_start, body_end = document.body_span
    first_heading = next((s.start for s in document.sections if s.level == 1), None)
    end = first_heading if first_heading is not None else None
    if end is None or end <= body_start:
        return None
    while end > body_start and document.text[end - 1] in " \t\r\n\u3000":
        end -= 1
    return (body_start, end) if end > body_start else None
