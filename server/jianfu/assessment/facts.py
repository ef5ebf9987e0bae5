"""The document's facts on the form: title, 文种, 行文方向, 字数 and limit, 专门文件."""

from __future__ import annotations

import re
from collections.abc import Sequence

from jianfu import doctype
from jianfu.assessment.model import Facts
from jianfu.engine import Result, special_topic_active
from jianfu.model import Document
from jianfu.rules import Rule
from jianfu.settings import Settings

UNKNOWN = "未识别"
_GENRE = re.compile(
    r"(通知|意见|方案|办法|规定|决定|细则|规划|纲要|计划|要点|报告|请示|批复|函|通报|公告|通告|决议|指引|指南|措施|条例|规则|议案|纪要)"
    r"[》〉”\"）)\s]*$"
)


def genre_of(title: str) -> str:
    match = _GENRE.search(title.strip())
    return match.group(1) if match else UNKNOWN


def direction_of(result: Result) -> tuple[str, str]:
    """行文方向 (short, and with what it was read from) as the check read it, else 未识别."""
    addressing = result.addressing
    if addressing is None or not addressing.direction:
        return UNKNOWN, UNKNOWN
    return addressing.direction, addressing.describe()


def topics_of(rule: Rule, document: Document, settings: Settings) -> list[str]:
    """The 专门文件 topics that make ``rule`` stand down: declared ones, or the words of the title that match."""
    if not special_topic_active(rule, document, settings):
        return []
    if settings.special_topics is not None:
        return [t for t in rule.special_topics if t in settings.special_topics]
    title = document.norm[slice(*document.title_span)] if document.title_span else ""
    return [m.group(0) for t in rule.special_topics if (m := re.search(t, title))]


def special_of(document: Document, rules: Sequence[Rule], settings: Settings) -> str:
    if settings.special_topics:
        return "已声明：" + "、".join(settings.special_topics)
    if settings.special_topics is not None:
        return "否"
    found = dict.fromkeys(t for rule in rules for t in topics_of(rule, document, settings))
    return "按标题识别：" + "、".join(found) if found else "否"


def facts_of(document: Document, result: Result, rules: Sequence[Rule], settings: Settings) -> Facts:
    stats = result.stats
    direction, described = direction_of(result)
    addressing = result.addressing
    return Facts(
        title=document.title.strip() or UNKNOWN,
        genre=(addressing.genre if addressing else "") or genre_of(document.title),
        direction=direction,
        direction_basis=described,
        addressee=addressing.addressee if addressing else "",
        issuers="、".join(addressing.issuers) if addressing else "",
        body_chars=stats.body_chars,
        limit=stats.limit,
        doc_type=doctype.NAMES.get(stats.doc_type, stats.doc_type),
        special=special_of(document, rules, settings),
    )
