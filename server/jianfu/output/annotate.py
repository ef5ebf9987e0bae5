"""Annotated copies: a .docx with a review comment (批注) on each flagged span.

Where the copies go is ``copies.py``. A .docx draft keeps its formatting: runs are split where a span starts or ends
inside one, and the comment is anchored on exactly the flagged words. A .txt/.md
draft becomes a plain .docx, one paragraph per line. Offsets are the engine's
(code points into ``Document.text``), mapped onto paragraphs read the same way
the .docx reader reads them, so table cells and tracked changes line up.
"""

from __future__ import annotations

import re
from copy import deepcopy
from io import BytesIO

from jianfu.model import Document, Finding
from jianfu.text.docx import W, body_paragraphs, text_pieces

AUTHOR = "jianfu"
INITIALS = "JF"
MARKER = "jianfu 审查意见副本"  # the copy's category (docProps/core.xml): tells our copies from drafts
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # lxml refuses these: keep lengths, drop chars


class AnnotateError(Exception):
    """The annotated copy cannot be made; the message is Chinese."""


def comment_text(finding: Finding) -> str:
    lines = [f"【{finding.rule}】{finding.message}"]
    if finding.clause:
        lines.append(f"依据：《整治形式主义为基层减负若干规定》第{finding.article}条：“{finding.clause}”")
    else:
        lines.append(f"依据：《整治形式主义为基层减负若干规定》第{finding.article}条")
    if finding.suggestion:
        lines.append(f"建议：{finding.suggestion}")
    return _NOT_XML.sub("\ufffd", "\n".join(lines))  # a quote may carry a draft's control characters


def annotated_docx(document: Document, findings: tuple[Finding, ...] | list[Finding], source: bytes | None) -> bytes:
    """The annotated copy's bytes. ``source`` is the original .docx, or None for a text draft."""
    import docx  # python-docx: only when copies are asked for

    try:
        word = docx.Document(BytesIO(source)) if source is not None else _docx_from_text(document)
    except Exception as exc:  # python-docx raises many kinds on damaged packages
        raise AnnotateError(f"无法生成批注副本：原文件无法按 Word 文档打开（{exc}）。") from None
    word.core_properties.category = MARKER
    _drop_entities(word.element)
    paragraphs = list(body_paragraphs(word.element.body))
    starts = _paragraph_starts(paragraphs)
    for finding in sorted(findings, key=lambda f: f.sort_key()):
        first, last = _anchor_runs(paragraphs, starts, finding.start, finding.end)
        comment = word.comments.add_comment(text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        first.insert_comment_range_start_above(comment.comment_id)
        last.insert_comment_range_end_and_reference_below(comment.comment_id)
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _drop_entities(root) -> None:  # type: ignore[no-untyped-def]
    """Unexpanded entity references go (the copy has no DOCTYPE to define them); the text around them stays.

    The reader reads such a file the same way, so offsets agree; the report carries a note about it.
    """
    from lxml import etree

    for entity in list(root.iter(etree.Entity)):
        parent, previous = entity.getparent(), entity.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + (entity.tail or "")
        else:
            parent.text = (parent.text or "") + (entity.tail or "")
        parent.remove(entity)


def _docx_from_text(document: Document):  # type: ignore[no-untyped-def]
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    word = docx.Document()
    word.core_properties.title = document.title
    normal = word.styles["Normal"]
    normal.font.size = Pt(16)  # 公文正文：三号仿宋
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    word.core_properties.author = AUTHOR
    body = word.element.body
    for template in list(body.iterchildren(W + "p")):
        body.remove(template)  # the default template's empty paragraph would shift every offset
    lines = list(document.paragraphs)
    if len(lines) > 1 and not lines[-1].text:
        lines.pop()  # the empty "line" after a final line break
    for paragraph in lines:
        word.add_paragraph(_NOT_XML.sub("\ufffd", paragraph.text))
    return word


def _paragraph_starts(paragraphs: list) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    """(start, end) of each paragraph in the joined text, paragraphs separated by one line break."""
    spans, pos = [], 0
    for paragraph in paragraphs:
        length = sum(len(text) for _, text in text_pieces(paragraph))
        spans.append((pos, pos + length))
        pos += length + 1
    return spans


def _anchor_runs(paragraphs: list, spans: list[tuple[int, int]], start: int, end: int):  # type: ignore[no-untyped-def,type-arg]
    """First and last ``w:r`` covering [start, end) after splitting runs at its ends.

    A span over several paragraphs (e.g. an over-long section) is anchored on its first
    paragraph's part; an empty span widens to its whole paragraph.
    """
    index = _paragraph_at(spans, start)
    paragraph = paragraphs[index]
    p_start, p_end = spans[index]
    local_start, local_end = start - p_start, min(end, p_end) - p_start
    if local_end <= local_start:
        local_start, local_end = 0, p_end - p_start
    _split_at(paragraph, local_start)
    _split_at(paragraph, local_end)
    covered = [r for r, a, b in _run_ranges(paragraph) if a >= local_start and b <= local_end and b > a]
    if not covered:  # a paragraph without text: anchor on a new empty run
        from docx.oxml import OxmlElement

        run = OxmlElement("w:r")
        paragraph.append(run)
        covered = [run]
    return covered[0], covered[-1]


def _paragraph_at(spans: list[tuple[int, int]], offset: int) -> int:
    for index, (_, p_end) in enumerate(spans):
        if offset <= p_end:
            return index
    return len(spans) - 1


def _run_ranges(paragraph) -> list[tuple[object, int, int]]:  # type: ignore[no-untyped-def]
    """Each run with text, with its [start, end) inside the paragraph's text."""
    ranges: list[list] = []  # type: ignore[type-arg]
    pos = 0
    for node, text in text_pieces(paragraph):
        run = node.getparent()
        if ranges and ranges[-1][0] is run:
            ranges[-1][2] = pos + len(text)
        else:
            ranges.append([run, pos, pos + len(text)])
        pos += len(text)
    return [(r, a, b) for r, a, b in ranges]


def _split_at(paragraph, offset: int) -> None:  # type: ignore[no-untyped-def]
    for run, start, end in _run_ranges(paragraph):
        if start < offset < end:
            tail = deepcopy(run)
            _keep(run, 0, offset - start)
            _keep(tail, offset - start, None)
            run.addnext(tail)
            return


def _keep(run, lo: int, hi: int | None) -> None:  # type: ignore[no-untyped-def]
    """Keep only the run's content in [lo, hi); a zero-length node (field mark, drawing) at the cut stays with the head."""
    end = float("inf") if hi is None else hi
    pos = 0
    for child in list(run):
        if child.tag == W + "rPr":
            continue
        size = len(child.text or "") if child.tag == W + "t" else (1 if child.tag in _ONE_CHAR else 0)
        a, b = pos, pos + size
        pos = b
        if size == 0:
            keep = a <= end if lo == 0 else a > lo
        else:
            keep = a < end and b > lo
        if not keep:
            run.remove(child)
        elif child.tag == W + "t" and (a < lo or b > end):
            cut_end = None if hi is None else hi - a
            child.text = (child.text or "")[max(lo - a, 0) : cut_end]
            child.set(_XML_SPACE, "preserve")


_ONE_CHAR = {W + "tab", W + "br", W + "cr"}
