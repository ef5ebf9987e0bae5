"""Is a matched practice demanded, or only named?

A practice named inside a prohibition or a clean-up ("不得随意设置'一票否决'"),
in a quotation of the rules, or in a report criticising it, is not a requirement.
These checks look at the clause and the sentence around a match in the normal
(simplified) text of one paragraph.
"""

from __future__ import annotations

import re

SENTENCE_END = "。！？；!?;\n"
CLAUSE_END = SENTENCE_END + "，,：:"

# Cues before the match, in the same clause: the practice is being forbidden or removed.
_NEGATION_BEFORE = re.compile(
    "不得|严禁|禁止|不准|不允许|不再|不搞|不予|一律不|原则上不(?!超过|少于|低于|高于)|一般不(?!超过|少于|低于|高于)|不要求|不宜|不应|不必|无需|不需要|"
    "杜绝|防止|避免|取消|清理|严控|从严管理|严格管理|规范管理|规范(?!化)|严格控制|减少|压减|压缩|精简|整治|纠治|纠正|叫停|停止|废止|摒弃|反对|克服|"
    "不对|不把|不以|不将|不作|不列入|不纳入|不开展|不进行|不召开|不安排|不设|不提|不层层|不搞|未经[^，。；]{0,20}不|"
    # a bare 不 before a verb, except words where 不 does not negate the act
    "不(?![断仅少同足定论管但久利良够满超低高过是再止])"
)
# Cues right after the match, in the same clause: "……等做法一律取消".
_NEGATION_AFTER = re.compile(
    "^[^，。；！？]{0,16}?(?:一律|坚决|要|应|必须|均|一概|予以|逐步)?"
    "(?:取消|杜绝|清理|纠正|叫停|禁止|不得|严禁|废止|停止|摒弃|压减|精简|整治|清理规范)"
)
# The sentence reports or criticises the practice rather than demanding it.
_CRITIQUE_BEFORE = re.compile(
    "存在|出现|发现|反映|查处|曝光|纠治|通报了|问题线索|典型问题|突出问题|形式主义|官僚主义|为基层减负|"
    "过多过滥|泛化|滥用|随意|变相|动辄|频繁|层层加码"
)
_CRITIQUE_AFTER = re.compile("^[^，。；！？]{0,12}?等?(?:问题|现象|乱象|顽疾|做法|倾向|负担|行为)(?![清单台账])")
# A quotation or citation of the rules themselves.
_QUOTATION = re.compile(
    "《[^》]{0,40}(?:规定|通知|意见|办法|条例|措施)》[^。；]{0,10}(?:指出|提出|明确|规定|要求|强调)|"
    "(?:规定|文件|通知|意见)(?:明确)?(?:指出|提出|强调)|根据[^。；]{0,30}规定"
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = start
    while s > 0 and text[s - 1] not in SENTENCE_END:
        s -= 1
    e = end
    while e < len(text) and text[e] not in SENTENCE_END:
        e += 1
    if e < len(text):
        e += 1  # keep the closing mark with its sentence
    return s, e


def clause_start(text: str, start: int) -> int:
    s = start
    while s > 0 and text[s - 1] not in CLAUSE_END:
        s -= 1
    return s


def clause_end(text: str, end: int) -> int:
    e = end
    while e < len(text) and text[e] not in CLAUSE_END:
        e += 1
    return e


def is_not_a_requirement(text: str, start: int, end: int) -> bool:
    """True when the practice at ``text[start:end]`` is forbidden, removed, quoted or criticised."""
    # Up to the end of the match: a pattern may span the cue ("督查检查考核原则上不召开动员会").
    before_clause = text[clause_start(text, start) : end]
    if _NEGATION_BEFORE.search(before_clause):
        return True
    after_clause = text[end : clause_end(text, end)]
    if _NEGATION_AFTER.search(after_clause):
        return True
    s, e = sentence_bounds(text, start, end)
    sentence_before = text[s:start]
    if _CRITIQUE_BEFORE.search(sentence_before) or _QUOTATION.search(sentence_before):
        return True
    return bool(_CRITIQUE_AFTER.search(text[end:e]))
