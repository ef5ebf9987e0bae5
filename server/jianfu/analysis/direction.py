"""Who writes to whom: the 文种 (from the title), the 主送机关, the 发文机关 (落款) and the 行文方向.

A 请示 or 报告 goes up to a superior and a 函 goes to a peer: neither imposes anything on lower
levels, so the rules that read demands on them stand down (``Rule.directions``). Everything else
is read as a 下行文, the documents the regulation is about. The reading is a few regular
expressions on the title, the 主送 line, the 落款 and the closing lines: no segmentation, cheap
enough for every keystroke. Traditional characters and half-width punctuation are read through
the document's normal form.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from jianfu.analysis.head import Head, read_head
from jianfu.lazyre import lazy
from jianfu.model import Document, Paragraph

UPWARD, PEER, DOWNWARD = "上行文", "平行文", "下行文"
DIRECTIONS = (UPWARD, PEER, DOWNWARD)
AUTO = "auto"

# The 文种 a title ends with, before a trailing （试行）/（征求意见稿）; the longest first.
_GENRE = lazy(
    "(请示|报告|批复|复函|函|通知|通报|意见|决定|决议|命令|公告|通告|公报|议案|纪要|方案|办法|细则|规定|规则|条例|"
    "规划|计划|要点|指引|指南|措施|清单|制度|责任书|承诺书|总结|汇报|讲话)$"
)
_TRAILING_NOTE = lazy('(?:[（(][^（）()]{1,12}[）)]|[\\s》〉”"])+$')
# 工作报告 without 关于……的 is a speech to a congress (政府工作报告), not a report to a superior
_SPEECH_REPORT = lazy("(?<!的)工作报告$")
# A title that forwards or issues another document is that document's notice: "关于转发……报告的通知"
_TITLE_ISSUER = lazy("^(.{2,40}?)关于")
# Only sent upwards: the closing and opening formulas of a 请示 or 报告.
_UPWARD_FORMULA = lazy(
    "妥否[，,]?请(?:批示|示|审示|审批)|(?:特此|专此)(?:请示|报告)|请予(?:批示|审批|批准|审定)|(?:报告|请示)如下[：:]"
)
# Lower levels among the addressees: 各乡镇, 各县（市、区）, 各村, 各街道办事处, 各学校
_TO_LOWER_LEVELS = lazy("各[^，,；;：:]{0,6}?(?:(?:乡|镇|街道|县|市|区|旗|州)(?!直)|村|社区|嘎查|学校|下属|所属)|下级")
# Documents that go down whoever is addressed.
_DOWNWARD_GENRES = frozenset(
    "批复 通知 通报 决定 决议 命令 公告 通告 方案 办法 细则 规定 规则 条例 规划 计划 要点 指引 指南 措施 清单 制度 责任书".split()
)
# An organ's name: no document number, quotation or sentence ("明政发〔2020〕30号", "（此件公开发布）")
_ORGAN_NAME = lazy("^[^（(《》“”\\d，,。：:；]{2,30}$")
_ORGAN_SPLIT = lazy("[、，,；;和及\\s\u3000]+")
# A Party committee or a government (or its general office): the 主送 of a document sent up.
PARTY_OR_GOVERNMENT = lazy(
    "^(?:(?:中共|中国共产党).{1,16}?委员会|.{0,16}?(?:省委|市委|州委|县委|区委|旗委|盟委|党委|党工委|人民政府|政府|行政公署|办事处))"
    "(?:办公厅|办公室|办)?$"
)


@dataclass(frozen=True)
class Addressing:
    """What the head and foot of a document say about who writes to whom."""

    direction: str  # 上行文 | 平行文 | 下行文: the direction the rules used
    source: str  # how it was decided: 设置 | 文种 | 主送机关 | 结束语 | 默认
    genre: str = ""  # the 文种 the title ends with ("请示", "通知"), "" when no title says
    addressee: str = ""  # the 主送机关 line without its colon
    addressee_span: tuple[int, int] | None = None
    issuers: tuple[str, ...] = ()  # 发文机关: the lines of the 落款, or the title's words before 关于
    issuer_span: tuple[int, int] | None = None  # where they are written (落款 lines or the title)

    def describe(self) -> str:
        """One line for a reader: "上行文（依据：文种“请示”）"."""
        basis = {
            "文种": f"文种“{self.genre}”",
            "主送机关": f"主送机关“{self.addressee}”",
            "结束语": "请示、报告的结束语",
            "设置": "jianfu.toml 设置",
            "默认": "未见上行文、平行文的标志，按下行文检查",
        }[self.source]
        return f"{self.direction}（依据：{basis}）"


def read(document: Document, setting: str = AUTO) -> Addressing:
    """The document's 文种, 主送机关, 发文机关 and direction (``setting`` overrides the direction)."""
    genre = title_genre(document.title)
    addressee, addressee_span = _addressee(document)
    issuers, issuer_span = _issuers(document)
    if not (genre and addressee and issuers):  # a 版头, 发文字号 or organ line may have hidden them
        head = read_head(document, title_genre)
        title = _text(document, head.title)
        genre = genre or title_genre(title)
        if not addressee and head.addressee:
            addressee, addressee_span = _text(document, head.addressee), head.addressee
        if not issuers:
            issuers, issuer_span = _head_issuers(document, head, title)
    if setting in DIRECTIONS:
        way, source = setting, "设置"
    else:
        way, source = _direction(document, genre, addressee)
    return Addressing(way, source, genre, addressee, addressee_span, issuers, issuer_span)


def title_genre(title: str) -> str:
    title = _TRAILING_NOTE.sub("", title.strip())
    m = _GENRE.search(title)
    if not m:
        return ""
    if m.group(1) == "报告" and _SPEECH_REPORT.search(title):
        return "讲话"
    return "函" if m.group(1) == "复函" else m.group(1)


def _direction(document: Document, genre: str, addressee: str) -> tuple[str, str]:
    if genre in ("请示", "报告"):
        return UPWARD, "文种"
    if genre == "函":  # to 县直各部门 or 各成员单位 a letter goes to peers; to 各乡镇 it goes down
        return (DOWNWARD, "主送机关") if _TO_LOWER_LEVELS.search(addressee) else (PEER, "文种")
    if addressee.startswith("各") or "各" in addressee[:12]:  # 各乡镇、各部门, 县直各单位: sent down
        return DOWNWARD, "主送机关"
    if genre in _DOWNWARD_GENRES:
        return DOWNWARD, "文种"
    if addressee and _all_party_or_government(addressee):
        return UPWARD, "主送机关"
    if not genre and _upward_formula(document):
        return UPWARD, "结束语"
    return DOWNWARD, "默认"


def _all_party_or_government(addressee: str) -> bool:
    organs = [o for o in _ORGAN_SPLIT.split(addressee) if o]
    # "市委、市政府": the second organ may drop its place name ("县委、政府")
    return bool(organs) and all(PARTY_OR_GOVERNMENT.match(o) for o in organs)


def _upward_formula(document: Document) -> bool:
    """A 请示 or 报告 without its title (a pasted passage): its opening or its closing formula."""
    first, last = _paragraphs_within(document, *document.body_span)
    body = document.paragraphs
    opening = [p for p in body[first : min(first + 8, last)] if p.text.strip()][:2]
    closing = [p for p in body[max(last - 8, first) : last] if p.text.strip()][-3:]
    return any(_UPWARD_FORMULA.search(document.norm[p.start : p.end]) for p in opening + closing)


def _paragraphs_within(document: Document, start: int, end: int) -> tuple[int, int]:
    """Indexes of the paragraphs that start inside ``[start, end)`` (found by bisection: no scan of a long draft)."""
    paragraphs = document.paragraphs
    return bisect_left(paragraphs, start, key=_start), bisect_left(paragraphs, end, key=_start)


def _start(paragraph: Paragraph) -> int:
    return paragraph.start


# A 主送 too long for one line: "各乡镇党委、政府，县直各单位，" then "驻县各单位："
_ADDRESSEE_HEAD = lazy("^[^。；！？：:]{2,80}[，,、]$")
_ADDRESSEE_TAIL = lazy("^[^。；！？，,]{2,60}[：:]$")


def _addressee(document: Document) -> tuple[str, tuple[int, int] | None]:
    if document.addressee_span is not None:
        start, end = document.addressee_span
    else:
        wrapped = _wrapped_addressee(document)
        if wrapped is None:
            return "", None
        start, end = wrapped
    text = document.norm[start:end]
    stripped = "".join(line.strip() for line in text.splitlines()).rstrip("：:").strip()
    offset = start + len(text) - len(text.lstrip())
    # the span runs to the colon (the lines may be joined without their break)
    colon = max(document.norm.rfind("：", start, end), document.norm.rfind(":", start, end))
    return stripped, (offset, colon if colon > offset else end)


def _wrapped_addressee(document: Document) -> tuple[int, int] | None:
    """The 主送 as the first two body lines, the first ending with a comma, the second with a colon."""
    first, last = _paragraphs_within(document, *document.body_span)
    lines = [p for p in document.paragraphs[first : min(first + 4, last)] if p.text.strip()][:2]
    if len(lines) < 2:
        return None
    head, tail = (document.norm[p.start : p.end].strip() for p in lines)
    if _ADDRESSEE_HEAD.match(head) and _ADDRESSEE_TAIL.match(tail) and "各" in head:
        return lines[0].start, lines[1].end
    return None


def _text(document: Document, span: tuple[int, int] | None) -> str:
    return document.norm[span[0] : span[1]] if span else ""


def _head_issuers(document: Document, head: Head, title: str) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """The title's words before 关于, else the organ lines above it (a 版头 without 文件)."""
    m = _TITLE_ISSUER.match(title)
    if m and head.title:
        names = [n for n in re.split("[\\s\u3000、]+", m.group(1)) if _ORGAN_NAME.match(n)]
        if names:
            return tuple(names), (head.title[0], head.title[0] + len(m.group(1)))
    names = [
        n for span in head.organs for n in re.split("[\\s\u3000、]+", _text(document, span)) if _ORGAN_NAME.match(n)
    ]
    if names:
        return tuple(names), (head.organs[0][0], head.organs[-1][1])
    return (), None


def _issuers(document: Document) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """The organs named in the 落款 (one per line or separated by spaces), else in the title before 关于."""
    if document.signature_span is not None:
        names: list[str] = []
        first = last = None
        lo, hi = _paragraphs_within(document, *document.signature_span)
        for p in document.paragraphs[lo:hi]:
            if not p.text.strip():
                continue
            line = document.norm[p.start : p.end].strip()
            if re.search("\\d|年.{0,3}月|[〇○零一二三四五六七八九十]{2,}年", line):  # the date
                continue
            names.extend(n for n in re.split("[\\s\u3000、]+", line) if _ORGAN_NAME.match(n))
            first = first if first is not None else p.start + (len(p.text) - len(p.text.lstrip()))
            last = p.end
        if names and first is not None and last is not None:
            return tuple(names), (first, last)
    if document.title and document.title_span:
        m = _TITLE_ISSUER.match(document.title)
        if m:
            names = [n for n in re.split("[\\s\u3000、]+", m.group(1)) if _ORGAN_NAME.match(n)]
            if not names:
                return (), None
            start = document.norm.find(m.group(1), *document.title_span)
            span = (start, start + len(m.group(1))) if start >= 0 else document.title_span
            return tuple(names), span
    return (), None
