"""Parts of a document that describe problems instead of demanding anything.

A sentence-level reading cannot tell "某街道要求社区每日打卡签到，并按月排名通报" in a list of
typical problems from the same words in a work plan. The document can: a 通报 of problems
(by its title), or a section headed 存在的问题 / 典型案例 / 主要表现, reports practices to
criticise them. Phrase findings inside such parts are not requirements of this document.
"""

from __future__ import annotations

import re

from jianfu.analysis.genre import OPENING_REACH  # where a passage without its title says what it is
from jianfu.lazyre import lazy
from jianfu.model import Document

# "关于……形式主义典型问题的通报", "……督查发现问题的通报", "……典型案例的通报"
_CRITICAL_TITLE = lazy("(?:问题|典型|案例|曝光|查处|警示|反面|违规|违纪)[^。]{0,30}通报|通报[^。]{0,20}(?:问题|案例)")
# a passage without its title opens the same way: "现将近期查处的4起典型问题通报如下"
_CRITICAL_OPENING = lazy(
    "现将[^。]{0,30}?(?:典型问题|典型案例|违规问题|违纪问题|问题线索|查处|曝光|反面典型)[^。]{0,20}?通报如下"
)
# a document about burden reduction itself ("……为村级组织减负", "开展……专项治理行动为基层减负"): the practices
# it names are the ones it clears away, limits or reports cleared
_BURDEN_REDUCTION = lazy(
    '[为给](?:基层|村级组织|村（社区）|社区|乡镇|村)[^。，；]{0,6}?[“"]?减负|基层减负|社区减负|减负(?:增效|工作|措施|举措|专项|清单|行动)|'
    "减轻基层(?:干部)?负担|"
    "整治形式主义|纠治形式主义|形式主义、官僚主义"
)
# "二、存在的主要问题", "（一）典型案例", "形式主义的主要表现", "问题清单"
_CRITICAL_HEADING = lazy(
    "(?:存在|发现|暴露|突出|主要|典型|共性|突出)的?(?:主要|突出)?问题|问题(?:清单|表现|案例)|典型案例|反面典型|"
    "主要表现|表现形式|负面清单|警示案例"
)

# ……but a task: "着力解决群众反映的突出问题", "聚焦突出问题开展专项整治", "问题整改"
_TASK_HEADING = "整改|解决|防止|避免|聚焦|针对|着力|围绕|整治|治理|破解|化解|排查"


# What a burden-reduction document still demands of its own: the report on how it was carried out
# ("各地落实情况请于6月底前报送"), which the regulation restricts in that document as in any other
# (a report of ledgers and photos it names is one of the practices it clears away).
STILL_DEMANDED_IN_BURDEN_REDUCTION = frozenset({"JF301"})
_OWN_IMPLEMENTATION = lazy("贯彻|落实情况|执行情况|实施情况|推进情况|进展情况|整改情况")


def still_demanded(document: Document, rule: str, start: int, end: int) -> bool:
    """Whether a finding inside a burden-reduction document is the report on its own implementation."""
    return (
        rule in STILL_DEMANDED_IN_BURDEN_REDUCTION and _OWN_IMPLEMENTATION.search(document.norm, start, end) is not None
    )


def is_about_burden_reduction(document: Document) -> bool:
    body_start, body_end = document.body_span
    return bool(
        (document.title and _BURDEN_REDUCTION.search(document.title))
        or _BURDEN_REDUCTION.search(document.norm, body_start, min(body_end, body_start + OPENING_REACH))
    )


def descriptive_spans(document: Document) -> list[tuple[int, int]]:
    """Spans of the text where practices are described, not required."""
    if document.title and _CRITICAL_TITLE.search(document.title):
        return list(document.read_spans)
    body_start, body_end = document.body_span
    if _CRITICAL_OPENING.search(document.norm, body_start, min(body_end, body_start + OPENING_REACH)):
        return list(document.read_spans)
    if is_about_burden_reduction(document):
        return list(document.read_spans)
    spans: list[tuple[int, int]] = []
    for section in document.sections:
        heading = document.norm[section.start : section.heading_end]
        if _CRITICAL_HEADING.search(heading) and not re.search(_TASK_HEADING, heading):
            spans.append((section.start, section.end))
    return spans


def inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)
