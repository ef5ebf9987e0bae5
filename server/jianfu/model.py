"""Frozen data types shared by the engine and its shells.

Offsets are Python character (code point) offsets into ``Document.text``;
only the shells convert them to UTF-16 or line/column positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    HINT = "hint"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.HINT: 0, Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int  # exclusive, without the line break
    text: str


@dataclass(frozen=True)
class Section:
    """A block opened by a heading with a 层次序数 (一、 / （一） / 1. / （1）)."""

    level: int  # 1..4
    heading: str  # heading text without the ordinal
    start: int  # start of the heading paragraph
    end: int  # end of the last paragraph before the next heading of the same or higher level
    heading_end: int  # end of the heading (title part) of the heading paragraph
    body_chars: int  # 字数 of the section's content (heading included)


@dataclass(frozen=True)
class Document:
    text: str  # the text as read, positions refer to it
    norm: str  # length-preserving simplified/normalised form of ``text`` used for matching
    paragraphs: tuple[Paragraph, ...]
    title: str
    title_span: tuple[int, int] | None
    addressee_span: tuple[int, int] | None  # 主送机关
    body_span: tuple[int, int]  # from the first body paragraph to before 附件/落款
    attachment_span: tuple[int, int] | None  # 附件 list
    signature_span: tuple[int, int] | None  # 落款 and 成文日期
    sections: tuple[Section, ...]
    body_chars: int  # 字数 of the body, counted like WPS 文字
    path: str | None = None
    encoding: str | None = None
    # Per paragraph: True when it continues the line before it (a hard-wrapped text draft, e.g.
    # pasted from a PDF). Phrase rules read such lines as one paragraph; empty for .docx.
    continues: tuple[bool, ...] = ()
    # What the reader could not take in and the reviewer should know (e.g. a DOCTYPE entity left unexpanded).
    notes: tuple[str, ...] = ()
    # The attachments' own text after the 附件说明 list and the 落款 (a 考核细则 appended to the notice
    # that issues it): read by the phrase rules like the body, not counted in its length.
    annex_span: tuple[int, int] | None = None

    @property
    def read_spans(self) -> tuple[tuple[int, int], ...]:
        """The parts whose sentences the phrase rules read: the body, then the attachments' text."""
        return (self.body_span, self.annex_span) if self.annex_span else (self.body_span,)

    def is_read(self, start: int, end: int) -> bool:
        """Whether the text ``start:end`` (a paragraph) lies in a part the phrase rules read."""
        return any(end > a and start < b for a, b in self.read_spans)


@dataclass(frozen=True)
class Fix:
    title: str  # shown to the user, e.g. "删除该句"
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Related:
    """A place elsewhere (e.g. the parent document's passage) that explains a finding."""

    message: str
    path: str | None
    start: int
    end: int
    line: int  # 0-based
    column: int  # 0-based, code points


@dataclass(frozen=True)
class ReasonedException:
    """A finding kept on purpose (``[[exception]]`` in jianfu.toml): matched by rule and sentence fingerprint."""

    rule: str
    fingerprint: str  # jianfu.fingerprint: ``JF301:1a2b3c4d5e6f``
    reason: str
    who: str = ""
    when: str = ""
    file: str = ""  # the draft it concerns (glob relative to the jianfu.toml's folder); empty: every draft
    entry: int = 0  # 1-based place among the [[exception]] entries of ``source`` (0: sent by a client)
    source: str = ""  # the jianfu.toml it was read from

    @property
    def named(self) -> str:
        """How a message names the entry: ``jianfu.toml 第2个 [[exception]]（JF301:1a2b…）``."""
        where = f"{self.source or '设置'} 第{self.entry}个 [[exception]]" if self.entry else "请求中的例外"
        return f"{where}（{self.fingerprint}）"


@dataclass(frozen=True)
class Finding:
    rule: str
    article: int
    severity: Severity
    message: str
    start: int
    end: int
    clause: str = ""
    suggestion: str = ""
    fix: Fix | None = None
    related: tuple[Related, ...] = field(default_factory=tuple)
    exception: ReasonedException | None = None  # set when kept on purpose: shown as 已说明理由

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)


@dataclass(frozen=True)
class DocumentStats:
    body_chars: int
    limit: int | None  # None: no limit (综合性工作)
    doc_type: str
    sections: tuple[SectionStat, ...]


@dataclass(frozen=True)
class SectionStat:
    name: str  # e.g. 形势背景
    heading: str
    start: int
    end: int
    chars: int
    budget: int
