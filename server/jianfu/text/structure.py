"""Split a draft into the parts of a 公文: title, 主送机关, body, sections, 附件, 落款."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from jianfu.lazyre import lazy
from jianfu.model import Document, Paragraph, Section
from jianfu.text.count import count_chars
from jianfu.text.lines import LineCache
from jianfu.text.normalize import normalize
from jianfu.text.reading import reading_text

_CN_NUM = "一二三四五六七八九十百零〇"
# 层次序数: level -> pattern at the start of a paragraph (after optional Markdown '#').
# "一、二、三名" and "1、2、3项" open an enumeration (a hard wrap put it at the start of a line), not a heading.
_HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, lazy(f"[{_CN_NUM}]+[、，,.](?![{_CN_NUM}]+[、，,])")),
    (2, lazy(f"[（(][{_CN_NUM}]+[）)]")),
    (3, lazy(r"\d{1,2}(?:[、](?!\d{1,2}、)|[.](?!\d))")),
    (4, lazy(r"[（(]\d{1,2}[）)]")),
)
_MD_PREFIX = lazy(r"[ \t\u3000]*(?:#{1,6}[ \t]+|[*_]{2})?")
_HEADING_END = lazy("[。：:；;！!？?]")
_DATE = lazy(
    rf"^\s*(?:\d{{4}}|[{_CN_NUM}○]{{4}})\s*年\s*(?:\d{{1,2}}|[{_CN_NUM}○]{{1,3}})\s*月"
    rf"\s*(?:\d{{1,2}}|[{_CN_NUM}○]{{1,3}})\s*日\s*$"
)
_ATTACHMENT = lazy(r"^\s*附\s*件\s*(?:\d+|[：:])")
_ADDRESSEE = lazy(r"^[^。；;！？]{2,120}[：:]\s*$")
# a web page's date, time or source line: "29.12.2014  19:59", "发布时间：2024-05-01", "来源：县政府办"
_PAGE_CHROME = lazy(r"^(?:[\d.\-/年月日:：\s]{6,24}|(?:发布|更新|成文)(?:时间|日期)[:：].{0,40}|来源[:：].{0,40})$")
# "现将……通报如下：", "根据……要求，现就……通知如下：" end with a colon too, but open the body
_BODY_OPENING = lazy(r"^(?:现将|现就|根据|按照|依据|为)|如下[：:]\s*$")
_TITLE_SUFFIX = lazy(
    r"(通知|意见|方案|办法|规定|决定|细则|规划|纲要|计划|要点|报告|请示|批复|函|通报|公告|通告|决议|指引|指南|措施|条例|规则|议案|纪要)$"
)
# Lines of the 版头 around the title, copied with it from a web page: neither title nor body.
# 发文字号 "某政办发〔2024〕12号", "某市容工作领导小组[2019]5号"
_DOC_NUMBER = lazy(r"^[^\s，。；：,;:]{1,24}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,4}\s*号$")
_MASTHEAD = lazy(r"^[^，。；：,;:]{2,40}文件$")  # 发文机关标志 "某省人民政府办公厅文件"
_ISSUE_DATE = lazy(r"^[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^）)]{0,12}[）)]$")  # "(2010年2月1日)"
_TITLE_LINES = 4  # a long title wraps onto at most this many lines ("关于……的" / "通 知")
_TITLE_MARKS = lazy("[。；;！？：:，,]")  # titles carry no sentence punctuation, no commas


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs are lines; their spans exclude the line break."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        paragraphs.append(Paragraph(len(paragraphs), pos, pos + len(stripped), stripped))
        pos += len(line)
    if not text or text.endswith(("\n", "\r")):
        paragraphs.append(Paragraph(len(paragraphs), pos, pos, ""))
    return tuple(paragraphs)


_ORDINAL_REACH = 30  # characters: an ordinal, letter-spaced, with the Markdown or indent before it


def heading_level(norm_line: str) -> tuple[int, int] | None:
    """Return (level, offset after the ordinal) if the line starts with a 层次序数."""
    return _HEADING_LEVELS(norm_line)


def _heading_level_of(norm_line: str) -> tuple[int, int] | None:
    if " " in norm_line.lstrip(" \t\u3000#")[:6]:  # "一 、 发 展 基 础" from a letter-spaced PDF
        read, where = reading_text(norm_line[:_ORDINAL_REACH])
        found = _heading_level(read)
        return (found[0], where[found[1]]) if found else None
    return _heading_level(norm_line)


_HEADING_LEVELS = LineCache(_heading_level_of)  # asked of every line on every keystroke in an editor


def _heading_level(norm_line: str) -> tuple[int, int] | None:
    prefix = _MD_PREFIX.match(norm_line)
    offset = prefix.end() if prefix else 0
    for level, pattern in _HEADING_PATTERNS:
        m = pattern.match(norm_line, offset)
        if m:
            return level, m.end()
    return None


def _heading_text(norm_line: str, after_ordinal: int) -> tuple[str, int]:
    """The heading proper: up to the first sentence-ending mark, or the whole short line (read without stray
    spaces: "指 导思想" is 指导思想)."""
    rest = norm_line[after_ordinal:]
    m = _HEADING_END.search(rest)
    if m and m.start() <= 30:
        return _read(rest[: m.start()]), after_ordinal + m.start()
    whole = _read(rest[:100]) if len(rest) <= 100 else None  # a letter-spaced heading is twice as long
    if whole is not None and len(whole) <= 40:
        return whole, len(norm_line)
    return _read(rest[:20]), after_ordinal + min(len(rest), 20)


def _reading(line: str) -> str:
    return reading_text(line)[0] if " " in line or "\u200b" in line else line


def _read(text: str) -> str:
    return reading_text(text.strip(" *#\u3000"))[0].strip(" *#\u3000")


def _title(nonempty: list[Paragraph], norm_of: Callable[[Paragraph], str]) -> tuple[list[Paragraph], list[Paragraph]]:
    """The title's lines and the lines after it (the 版头's masthead, 发文字号 and date left out of both).

    A title copied from a web page or a PDF comes with its 版头 and wrapped: "某政办发〔2024〕12号 /
    某县人民政府办公室 / 关于印发《……》的 / 通 知". Without a 版头, the first line is the title
    (with a continuation line ending like one), as a draft is typed."""
    skipped = 0
    while skipped < min(3, len(nonempty) - 1) and _is_header_line(norm_of(nonempty[skipped])):
        skipped += 1
    lines = nonempty[skipped:]
    # (a body line never wraps that way, but a flattened table's cells can: only after a 版头 or from 关于)
    title = _wrapped_title(lines, norm_of) if skipped or "关于" in norm_of(lines[0]) else None
    if title is None:
        title = _typed_title(lines, norm_of)
    if title is None and not skipped:
        return [], nonempty
    rest = lines[len(title or ()) :]
    while rest[:1] and len(rest) > 1 and _is_header_line(norm_of(rest[0]), after_title=True):
        rest = rest[1:]  # the 发文字号 or date under the title
    return title or [], rest


def _is_header_line(line: str, after_title: bool = False) -> bool:
    return bool(_DOC_NUMBER.match(line) or (_ISSUE_DATE.match(line) if after_title else _MASTHEAD.match(line)))


def _wrapped_title(lines: Sequence[Paragraph], norm_of: Callable[[Paragraph], str]) -> list[Paragraph] | None:
    """Up to four lines without punctuation, the last ending like a title (the issuing organ's line above
    "关于……" belongs to it)."""
    total = 0
    for n, p in enumerate(lines[:_TITLE_LINES], 1):
        line = norm_of(p).lstrip("#").strip()
        total += len(line)
        if _TITLE_MARKS.search(line) or heading_level(line) is not None or total > 100:
            return None
        if _TITLE_SUFFIX.search(line):
            return list(lines[:n]) if n < len(lines) else None
    return None


def _typed_title(lines: Sequence[Paragraph], norm_of: Callable[[Paragraph], str]) -> list[Paragraph] | None:
    """The first line, plus a continuation line ending like a title."""
    if len(lines) < 2:  # a lone paragraph is a passage to check, not a title
        return None
    first = lines[0]
    title = [first]
    # a line as rules read it: "行 动 考 核 结 果 的 通 报" from a letter-spaced PDF ends like a title
    if (
        not _TITLE_SUFFIX.search(norm_of(first))
        and _TITLE_SUFFIX.search(norm_of(lines[1]))
        and len(norm_of(lines[1])) <= 40
        and heading_level(norm_of(lines[1])) is None
    ):
        title.append(lines[1])
    candidate = "".join(norm_of(p).lstrip("#").strip() for p in title)
    looks_like_title = (
        heading_level(norm_of(first)) is None
        and len(candidate) <= 80
        and not re.search("[。；;！？：:]$", candidate)  # a sentence or an addressee line
        and not re.search("[，,]", candidate)  # titles carry no commas; body sentences do
    )
    return title if looks_like_title else None


def parse(text: str, *, path: str | None = None, encoding: str | None = None, wrapped: bool = True) -> Document:
    """``wrapped``: lines may be hard-wrapped (text drafts); False when every line is a paragraph (.docx)."""
    norm = normalize(text)
    paragraphs = split_paragraphs(text)
    nonempty = [p for p in paragraphs if p.text.strip()]
    if not nonempty:
        return Document(text, norm, paragraphs, "", None, None, (0, len(text)), None, None, (), 0, path, encoding)

    norm_of = lambda p: _reading(norm[p.start : p.end].strip())  # noqa: E731
    title_paras, rest = _title(nonempty, norm_of)
    if title_paras:
        title = "".join(norm_of(p).lstrip("#").strip() for p in title_paras)
        title_span: tuple[int, int] | None = (title_paras[0].start, title_paras[-1].end)
    else:
        title, title_span = "", None

    addressee_span = None
    # a page copied from the web may put its date, time or source between the title and the 主送
    skip = 0
    while skip < min(2, len(rest) - 1) and _PAGE_CHROME.match(norm_of(rest[skip])):
        skip += 1
    if (
        rest
        and _ADDRESSEE.match(norm_of(rest[skip]))
        and not _BODY_OPENING.search(norm_of(rest[skip]))
        and heading_level(norm_of(rest[skip])) is None
    ):
        addressee_span = (rest[skip].start, rest[skip].end)
        rest = rest[:skip] + rest[skip + 1 :]

    # From the end: 成文日期, the issuing organ(s) above it, then 附件.
    signature_start = None
    tail = list(rest)
    if tail and _DATE.match(norm_of(tail[-1])):
        signature_start = tail[-1].start
        tail.pop()
        # Organ names: short lines without sentence punctuation, at most three.
        for _ in range(3):
            if (
                tail
                and len(norm_of(tail[-1])) <= 30
                and not re.search("[。，；：:,]", norm_of(tail[-1]))
                and heading_level(norm_of(tail[-1])) is None
            ):
                signature_start = tail[-1].start
                tail.pop()
            else:
                break
    attachment_start = None
    annex_start = None
    for i, p in enumerate(tail):
        if _ATTACHMENT.match(norm_of(p)) and i > 0:
            attachment_start = p.start
            annex_start = _annex_start(tail[i:], norm_of)
            tail = tail[:i]
            break

    body_start = tail[0].start if tail else (rest[0].start if rest else len(text))
    body_end = tail[-1].end if tail else body_start
    end_of_doc = paragraphs[-1].end
    attachment_span = (attachment_start, signature_start or end_of_doc) if attachment_start is not None else None
    annex_end = signature_start or end_of_doc
    annex_span = (annex_start, annex_end) if annex_start is not None and annex_start < annex_end else None
    signature_span = (signature_start, end_of_doc) if signature_start is not None else None

    counts = {p.index: count_chars(p.text) for p in tail}
    sections = _sections(norm, tail, body_end, counts)
    body_chars = sum(counts.values())
    return Document(
        text=text,
        norm=norm,
        paragraphs=paragraphs,
        title=title,
        title_span=title_span,
        addressee_span=addressee_span,
        body_span=(body_start, body_end),
        attachment_span=attachment_span,
        signature_span=signature_span,
        annex_span=annex_span,
        sections=sections,
        body_chars=body_chars,
        path=path,
        encoding=encoding,
        continues=_continuations(norm, paragraphs) if wrapped else (),
    )


# Where the 附件说明 list ends: at a line that reads as text (a sentence, a long line, a numbered heading),
# or after the 成文日期 below it. What follows is the attachments' own text (a 考核细则 appended to the
# notice that issues it), which the phrase rules read like the body.
_ANNEX_LIST_LINE = 60


def _annex_start(lines: Sequence[Paragraph], norm_of: Callable[[Paragraph], str]) -> int | None:
    for k, p in enumerate(lines[1:], 1):
        line = norm_of(p)
        if _DATE.match(line):
            return lines[k + 1].start if k + 1 < len(lines) else None
        numbered_item = re.match(r"\s*(?:附\s*件\s*)?\d{1,2}\s*[.、．:：]", line)
        if numbered_item:
            continue
        if len(line) > _ANNEX_LIST_LINE or re.search("[。；;！？!?]", line) or heading_level(line) is not None:
            return p.start
    return None


# A line that ends a sentence or a clause lead-in, or a next line that opens a list item or a quote
# (a colon after a digit is a time cut by the wrap, "上午8:" then "30前到", not a lead-in)
_LINE_END = lazy("(?:[。！？；!?;]|(?<!\\d)[：:])\\s*$")
_BLOCK_START = lazy("[\\s\u3000]|[#>*+|-]|\\d+[.、)）]|[（(][一二三四五六七八九十\\d]+[)）]")
_MIN_WRAPPED_LINE = 12  # hard wraps come at a fixed width: a short line ended on purpose
# no line of its own starts with these: a short numbered line they follow ran on ("（一）各乡镇：负责辖区内违法建筑"
# then "的排查、认定和拆除")
_NO_LINE_START = "的，、；"
_MIN_WRAPPED_HEADING = 18  # "（一）请各地……" running on: a numbered sentence, not a short heading


# A page number that a PDF copy leaves between two lines of a sentence: "— 2 —", "-2-", "第2页 共5页", "2/5"
_PAGE_NUMBER = lazy(
    r"\s*(?:[—–·•-]+\s*\d{1,3}\s*[—–·•-]+|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*"
)


_PAGE_BREAK_LINES = 4  # at most: blank lines, the page number (and a running header's blank line)


def is_page_number(norm_line: str) -> bool:
    return len(norm_line) <= 24 and _PAGE_NUMBER.fullmatch(norm_line) is not None


def _continuations(norm: str, paragraphs: Sequence[Paragraph]) -> tuple[bool, ...]:
    """Which lines continue a sentence broken by a hard wrap (no indent, no heading, no full stop before),
    also across a page break that left its page number (and blank lines) between the two lines."""
    out = [False] * len(paragraphs)
    text_of = [norm[p.start : p.end] for p in paragraphs]
    for i in range(1, len(paragraphs)):
        j = i - 1
        while j > max(0, i - _PAGE_BREAK_LINES) and (not text_of[j].strip() or is_page_number(text_of[j])):
            j -= 1  # back over a page number, and blank lines around it
        if j < i - 1 and not any(is_page_number(t) for t in text_of[j + 1 : i]):
            j = i - 1  # only blank lines: a paragraph ended
        before, line = text_of[j], text_of[i]
        if line.startswith(" ") and line[1:2].strip():
            line = line[1:]  # one space a PDF left at the wrap is no indent (an indent is two or more, or 　)
        # kept by the two lines (no line holds a "\n"): an editor asks of every pair on each keystroke
        out[i] = _RUNS_ON(f"{before}\n{line}")
    return tuple(out)


_RUNS_ON = LineCache(lambda pair: _wraps(*pair.split("\n")))


def _wraps(before: str, line: str) -> bool:
    """Whether ``line`` continues the sentence of ``before``, the line it follows (a page break skipped)."""
    return (
        len(before.strip()) >= _MIN_WRAPPED_LINE
        and bool(line.strip())
        and not _LINE_END.search(before)
        and not _BLOCK_START.match(line)
        and (
            heading_level(before.strip()) is None
            or len(before.strip()) >= _MIN_WRAPPED_HEADING
            or line[:1] in _NO_LINE_START
        )
        and heading_level(line) is None
        and not is_page_number(line)
    )


def _sections(norm: str, body: Sequence[Paragraph], body_end: int, counts: dict[int, int]) -> tuple[Section, ...]:
    heads: list[tuple[int, Paragraph, str, int]] = []
    for p in body:
        line = norm[p.start : p.end]
        found = heading_level(line)
        if found:
            level, after = found
            heading, heading_end = _heading_text(line, after)
            heads.append((level, p, heading, p.start + heading_end))
    # 字数 before each body paragraph, so that a section's count is a difference, not a sum
    before: dict[int, int] = {}
    running = 0
    for q in body:
        before[q.start] = running
        running += counts[q.index]
    starts = [q.start for q in body]
    sections = []
    for i, (level, p, heading, heading_end) in enumerate(heads):
        end = body_end
        for later_level, later, _, _ in heads[i + 1 :]:
            if later_level <= level:
                end = later.start
                break
        # The section ends at the end of its last non-empty paragraph.
        end = _trim_end(norm, p.start, end)
        after = bisect_left(starts, end)  # first body paragraph starting at or after the section's end
        chars = (before[starts[after]] if after < len(starts) else running) - before[p.start]
        sections.append(Section(level, heading, p.start, end, heading_end, chars))
    return tuple(sections)


def _trim_end(norm: str, start: int, end: int) -> int:
    while end > start and norm[end - 1] in " \t\r\n\u3000":
        end -= 1
    return end
