"""The mode of a matched practice: demanded, or only named (forbidden, quoted, criticised, asked about)?

A practice named inside a prohibition or a clean-up ("不得随意设置'一票否决'"),
in a quotation of the rules, or in a report criticising it, is not a requirement.
These checks look at the clause and the sentence around a match in the normal
(simplified) text of one paragraph. They run once per candidate match (never per
paragraph), so they may afford a few regular expressions on one sentence.

Three things keep a requirement a requirement even when a cue word is near:
- a cue inside a condition ("对落实不力的单位实行一票否决", "对出现重大事故的…"):
  the cue describes whom the demand targets, it does not negate the demand;
- a sanction ("一律不得评先评优", "取消评优资格") is the demand itself, not a ban on it;
- words where 不 is emphatic or descriptive ("不折不扣", "不到位", "不动摇").
"""

from __future__ import annotations

import re

from jianfu.analysis.bounds import clause_end, clause_start, full_sentence_start, sentence_bounds
from jianfu.analysis.mode_cues import (
    BASIS,
    BRACKETED,
    CONDITION,
    CONDITION_NEUTRAL,
    CRITIQUE_AFTER,
    CRITIQUE_BEFORE,
    CRITIQUE_LATER,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    NEGATION_LATER,
    PROBLEMS_AS_WORK,
    QUOTATION,
    REPORT_ITEM,
    SANCTION,
    TOPIC,
    WORK_ZHENGZHI,
)
from jianfu.lazyre import lazy

__all__ = [
    "ALWAYS_SILENT",
    "OWN_WORK_ARTICLES",
    "clause_end",
    "clause_start",
    "is_not_a_requirement",
    "mode",
    "reason",
    "sentence_bounds",
    "silencing_modes",
]


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    """Blank out the matches of ``pattern``, keeping offsets (so the match stays where it was)."""
    return pattern.sub(lambda m: "□" * len(m.group(0)), text)


def _outside_conditions(text: str) -> str:
    """The text with the descriptive words of every "对……的" condition blanked out."""
    return CONDITION.sub(lambda m: _mask(m.group(0), CONDITION_NEUTRAL), text)


def _inside_book_title(text: str, start: int, end: int) -> bool:
    """The match is part of a cited document's title: 《关于开展达标创建活动的通知》."""
    opened = text.rfind("《", 0, start)
    if opened < 0 or text.rfind("》", opened, start) >= 0:
        return False
    closed = text.find("》", end)
    reopened = text.find("《", end)
    if closed >= 0 and not 0 <= reopened < closed:
        return True
    # a title whose 》 was lost in pasting runs into the next one: "《……挂牌指导目录《……》"
    return 0 <= reopened - end <= 40 and start - opened <= 40


def _is_prohibited(text: str, start: int, end: int) -> bool:
    cs = clause_start(text, start)
    # Up to the end of the match: a pattern may span the cue ("督查检查考核原则上不召开动员会").
    # Conditions are blanked only before the match: the match itself may sit inside one.
    clause = _outside_conditions(text[cs : clause_end(text, end)])
    # ……but a match wholly inside a condition ("对长期【不登录】的党员，进行约谈") is blanked there too
    inner = text[start:end]
    if any(
        m.start() <= start - cs and end - cs <= m.end() for m in CONDITION.finditer(text[cs : clause_end(text, end)])
    ):
        inner = clause[start - cs : end - cs]
    # a sanction may run into the match ("一律取消【等级平安校园称号】"): masked over both at once
    joined = _mask(clause[: start - cs] + inner, SANCTION)
    # a list in brackets inside the match details it ("开展情况（包括出动人数、清理垃圾吨数）报镇农业农村办")
    before = _mask(joined[: start - cs], TOPIC) + _mask(_mask(joined[start - cs :], BRACKETED), TOPIC)
    if NEGATION_BEFORE.search(before):
        return True
    # "严禁以下做法：层层签订责任状……": a cue in the lead-in before a colon.
    if cs > 0 and text[cs - 1] in "：:":
        lead_start = clause_start(text, cs - 1)
        # (环境卫生整治“每日一报”： names the work, as elsewhere)
        if re.search(
            f"严禁|禁止|不得|杜绝|取消|清理|{WORK_ZHENGZHI}|纠治|以下(?:问题|做法|情形|现象)",
            text[lead_start : cs - 1],
        ):
            return True
    after = _mask(text[end : clause_end(text, end)], SANCTION)
    if NEGATION_AFTER.search(after):
        return True
    _, e = sentence_bounds(text, start, end)
    return bool(NEGATION_LATER.search(_mask(text[end:e], SANCTION).rstrip()))


# A finding of an inquiry opens a sentence whose clauses run on after semicolons:
# "调研发现，……下达的“一票否决”事项多达19项；县直部门与乡镇签订的各类责任书达47份"
_FINDINGS_LEAD = lazy("^[^，。；]{0,12}?(?:调研|调查|督查|检查|巡察|暗访|走访|审计)发现[，,：:]|^据(?:统计|调查)[，,]")


def _is_critique(text: str, start: int, end: int) -> bool:
    s, e = sentence_bounds(text, start, end)
    if _FINDINGS_LEAD.search(text[full_sentence_start(text, s) : start]):
        return True
    before = _mask(_outside_conditions(text[s:e]), PROBLEMS_AS_WORK)[: start - s]
    if CRITIQUE_BEFORE.search(before):
        return True
    after = _mask(text[end:e], REPORT_ITEM)
    return bool(CRITIQUE_AFTER.search(after) or CRITIQUE_LATER.search(after))


def _is_quotation(text: str, start: int, end: int) -> bool:
    if _inside_book_title(text, start, end):
        return True
    s, _ = sentence_bounds(text, start, end)
    return bool(QUOTATION.search(_mask(text[s:start], BASIS)))


def reason(text: str, start: int, end: int) -> str | None:
    """Why ``text[start:end]`` is not a requirement: "prohibition", "quotation", "critique" or None."""
    if _is_prohibited(text, start, end):
        return "prohibition"
    if _is_quotation(text, start, end):
        return "quotation"
    if _is_critique(text, start, end):
        return "critique"
    return None


# A self-check question ("是否存在……一票否决？", "有没有层层签订责任状？") asks; it does not demand.
_QUESTION = lazy("是否|有没有|有无|能否|吗[？?]?$")
# The issuer speaks of its own work ("本局将配备2名专职人员……"): nothing is asked of a lower level.
# Only first person with an own-work verb: "我县各乡镇要……" still addresses the towns.
_OWN = lazy(
    "^(?:[^，。；]{0,12}[，,])?(?:本|我)(?:局|委|厅|办|部|中心|单位|部门|院|室|处|科|站|所)"
    "(?:将|已|拟|负责|统一|会同|牵头|正在|现已|已经|今年已|共|累计|先后|(?:每(?:月|周|旬|季度?|半年|年))?向(?:上级|省|市|县|区))"
)
# A request to a superior ("恳请县委编办核增事业编制1名", "妥否，请批示") asks; it does not demand.
_REQUEST_UP = lazy("恳请|敬请|请予(?:批准|审批|核准|支持)|妥否|特此请示|请批示|请审批|呈请")
# An approval of what the addressee asked for ("经研究，同意设立……", "同意你局……") grants; it does not demand.
_APPROVAL = lazy("^(?:经[^，。；]{0,24}研究[，,]?(?:决定)?)?(?:同意|批准)(?:你|设立|成立|核定|增加|调整)")


# A sentence opening with its aim ("为进一步增强公众对创建文明城市的参与意识，……") names what it works
# towards; the demand, if any, is in the clause after the comma.
_PURPOSE = lazy(
    "(?:[（(]?[一二三四五六七八九十\\d]{1,2}[）)、.．]\\s*)?(?:为了?|围绕)(?![^，,。；]{0,3}(?:各|每个?|全[县市区镇乡]|所有)[^，,。；]{0,10}?(?:配备|配齐|配强|安排|设立|成立|组建|建立|明确|落实))[^，,。；]{4,60}[，,]"
)


def _in_purpose(text: str, start: int, end: int) -> bool:
    s, _ = sentence_bounds(text, start, end)
    m = _PURPOSE.match(text, s)
    return m is not None and end <= m.end()


def mode(text: str, start: int, end: int) -> str:
    """ "demand", or why ``text[start:end]`` is not one: "prohibition", "quotation", "critique", "question",
    "purpose" (the aim an opening clause names), "own" (the issuer's own work), "request" (asked of a superior)
    or "approval" (granted to the addressee)."""
    why = reason(text, start, end)
    if why is not None:
        return why
    s, e = sentence_bounds(text, start, end)
    sentence = text[s:e].rstrip()
    if sentence.endswith(("？", "?")) and _QUESTION.search(sentence):
        return "question"
    if _in_purpose(text, start, end):
        return "purpose"
    lead = text[s:start].lstrip()
    if _OWN.search(lead):
        return "own"
    if _REQUEST_UP.search(sentence):
        return "request"
    if _APPROVAL.search(lead):
        return "approval"
    return "demand"


# Modes that make any match not a requirement.
ALWAYS_SILENT = frozenset({"prohibition", "quotation", "critique", "question", "request", "purpose"})
# The issuer's own work and its approvals silence only the articles about what a document demands of
# lower levels (2–3: staffing, posts, pay, reports, supporting documents). For meetings,
# inspections, secondments, apps and campaigns the issuer's own act is the practice itself
# ("本局将不定期组织暗访抽查").
OWN_WORK_ARTICLES = frozenset({2, 3})


def silencing_modes(article: int) -> frozenset[str]:
    """The modes in which a match of a rule citing ``article`` is not reported."""
    return ALWAYS_SILENT | {"own", "approval"} if article in OWN_WORK_ARTICLES else ALWAYS_SILENT


def is_not_a_requirement(text: str, start: int, end: int, silent: frozenset[str] = ALWAYS_SILENT) -> bool:
    """True when the practice at ``text[start:end]`` is forbidden, removed, quoted, criticised or asked about
    (or in another mode of ``silent``)."""
    return mode(text, start, end) in silent
