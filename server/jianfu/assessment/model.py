"""The 一致性评估表 as data: what every writer (.docx, .xlsx, .html, .json) renders.

Frozen and free of any file format; ``build.py`` makes one from a check result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

NOT_FOUND = "未发现"
EXPLAINED = "已说明理由"
TO_REVISE = "需修改"
MANUAL = "人工核实"
CONCLUSIONS = (NOT_FOUND, EXPLAINED, TO_REVISE, MANUAL)

NEW = "新增"  # against a baseline (--baseline): not in the earlier draft
REMAINING = "仍存在"

SIGN_LINES = ("评估人", "审核人", "日期")


@dataclass(frozen=True)
class Clause:
    article: int
    text: str  # quoted verbatim from the regulation

    @property
    def cited(self) -> str:
        return f"第{self.article}条：“{self.text}”"


class Excuse(Protocol):
    """A reasoned exception (``[[exception]]`` in jianfu.toml): a finding kept on purpose, and why."""

    rule: str
    fingerprint: str
    reason: str


@dataclass(frozen=True)
class Reason:
    text: str
    who: str = ""
    when: str = ""

    @property
    def shown(self) -> str:
        signed = "，".join(part for part in (self.who, self.when) if part)
        return f"{self.text}（{signed}）" if signed else self.text


@dataclass(frozen=True)
class Quote:
    """One finding as the form cites it: the sentence and where it is."""

    paragraph: int  # 1-based, the 段 of the 问题清单 (a .docx paragraph or table cell, a text line)
    sentence: str
    words: str  # the flagged words inside the sentence
    rule: str
    article: int
    message: str
    fingerprint: str
    reason: Reason | None = None  # set when the finding is a reasoned exception
    status: str = ""  # NEW or REMAINING against a baseline; empty without one

    @property
    def place(self) -> str:
        return f"第{self.paragraph}段"


@dataclass(frozen=True)
class Row:
    number: int  # 1-based, as printed
    item: str
    clauses: tuple[Clause, ...]
    rules: tuple[str, ...]
    conclusion: str  # one of CONCLUSIONS
    quotes: tuple[Quote, ...] = ()
    note: str = ""  # why 人工核实, or that a 专门文件 may make such demands

    @property
    def articles(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(c.article for c in self.clauses))

    @property
    def basis(self) -> str:
        return "\n".join(c.cited for c in self.clauses)

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(f"{q.place}：{q.reason.shown}" for q in self.quotes if q.reason)


@dataclass(frozen=True)
class ManualCheck:
    item: str
    clause: Clause
    check: str
    conclusion: str = MANUAL


@dataclass(frozen=True)
class Facts:
    title: str
    genre: str  # 文种 from the title, or 未识别
    direction: str  # 行文方向, or 未识别
    body_chars: int
    limit: int | None  # None: 不限 (综合性工作)
    doc_type: str  # 一般文件 / 专项工作文件 / 综合性工作文件
    special: str  # 专门文件: declared, detected from the title, or 否
    direction_basis: str = ""  # the direction and what it was read from ("上行文（依据：文种“请示”）")
    addressee: str = ""  # 主送机关, when the check read it
    issuers: str = ""  # 发文机关, when the check read it

    @property
    def length(self) -> str:
        limit = "不限" if self.limit is None else f"{self.limit} 字"
        return f"{self.body_chars} 字（上限 {limit}，{self.doc_type}）"


@dataclass(frozen=True)
class Resolved:
    """A finding of the earlier draft that the new one no longer has."""

    rule: str
    sentence: str
    paragraph: int | None


@dataclass(frozen=True)
class Assessment:
    path: str
    facts: Facts
    rows: tuple[Row, ...]
    manual: tuple[ManualCheck, ...]
    conclusion: str  # NOT_FOUND, EXPLAINED or TO_REVISE
    summary: str  # the overall conclusion in one sentence
    resolved: tuple[Resolved, ...] | None = None  # None: no baseline given

    def count(self, conclusion: str) -> int:
        return sum(1 for row in self.rows if row.conclusion == conclusion)


@dataclass(frozen=True)
class Unreadable:
    """A draft of a batch that could not be read or checked: listed in the summary with the reason."""

    path: str
    error: str
