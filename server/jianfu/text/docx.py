"""Fast .docx reading: body paragraphs and table cells in document order.

Reads ``word/document.xml`` with lxml directly (well under the ~8 ms of python-docx's
object model). Tracked deletions (``w:del``, ``w:moveFrom``) are left out, insertions
kept. The file is untrusted: the decompressed size is capped and entities are not
resolved (the text around an entity reference is kept, and the document gets a note).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = 64 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "fldData"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


class DocxError(ValueError):
    pass


def read_docx_bytes(data: bytes) -> list[str]:
    """Paragraph texts of a .docx, tables flattened cell by cell."""
    return read_docx(data)[0]


def read_docx(data: bytes) -> tuple[list[str], list[str]]:
    """Paragraph texts, and notes for the reviewer (what could not be read as Word would show it)."""
    if data.startswith(_OLE_MAGIC):
        raise DocxError("文件已加密，或是旧版 Word（.doc）格式。请解除密码保护，或在 WPS/Word 中另存为 .docx 后重试。")
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise DocxError(
            "不是有效的 .docx 文件（文件已损坏或并非 Word 文档）。请在 WPS/Word 中重新另存为 .docx。"
        ) from None
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            raise DocxError(
                "不是有效的 .docx 文件（缺少 word/document.xml）。请在 WPS/Word 中重新另存为 .docx。"
            ) from None
        if info.file_size > MAX_XML_BYTES:
            raise DocxError(f"文档正文解压后超过 {MAX_XML_BYTES // 1024 // 1024} MB，已拒绝读取。请确认文件来源可靠。")
        try:
            with archive.open(info) as stream:
                xml = stream.read(MAX_XML_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
            raise DocxError(f"无法解压文档内容（{exc}）。文件可能已损坏或加密。") from None
    if len(xml) > MAX_XML_BYTES:
        raise DocxError(f"文档正文解压后超过 {MAX_XML_BYTES // 1024 // 1024} MB，已拒绝读取。请确认文件来源可靠。")
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise DocxError(f"文档内容不是有效的 XML（{exc}）。文件可能已损坏，请在 WPS/Word 中重新另存。") from None
    body = root.find(W + "body")
    if body is None:
        return [], []
    return [paragraph_text(p) for p in body_paragraphs(body)], _entity_notes(root)


def _entity_notes(root: etree._Element) -> list[str]:
    """Word never writes a DOCTYPE; one that declares entities marks a crafted or converted file."""
    if root.getroottree().docinfo.internalDTD is None:
        return []
    names = sorted({node.name for node in root.iter(etree.Entity)})
    used = f"（正文引用了 {'、'.join('&' + n + ';' for n in names[:5])}，此处文字缺失）" if names else ""
    return [f"文件含 DOCTYPE 实体声明，实体未展开{used}；Word 不会写出此类内容，请核实来源。"]


def header_texts(data: bytes) -> list[str]:
    """Text of the page headers (word/header*.xml), where a 密级 mark often sits; [] when unreadable."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            parts = [
                i for i in archive.infolist() if i.filename.startswith("word/header") and i.filename.endswith(".xml")
            ]
            out = []
            for info in parts[:6]:
                if info.file_size > 1024 * 1024:
                    continue
                with archive.open(info) as stream:
                    root = etree.fromstring(stream.read(1024 * 1024 + 1), _PARSER)
                out.append("\n".join(paragraph_text(p) for p in root.iter(W + "p")))
            return out
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, etree.XMLSyntaxError, ValueError):
        return []


def body_paragraphs(element: etree._Element) -> Iterator[etree._Element]:
    """The ``w:p`` elements a reader sees, in document order: body, tables cell by cell, content controls, insertions."""
    for child in element:
        tag = child.tag
        if tag == W + "p":
            yield child
        elif tag in _SKIP:
            continue
        elif isinstance(tag, str):
            yield from body_paragraphs(child)  # tables, rows, cells, sdt content, ins


def text_pieces(paragraph: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Each node that contributes text to a paragraph, with its text (tabs as "\t", breaks as " ")."""
    for node in paragraph.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if _inside_skipped(node, paragraph):
            continue
        if node.tag == W + "t":  # an unexpanded entity is a child: the text after it is its tail
            yield node, (node.text or "") + "".join(child.tail or "" for child in node)
        else:
            yield node, "\t" if node.tag == W + "tab" else " "


def paragraph_text(paragraph: etree._Element) -> str:
    return "".join(text for _, text in text_pieces(paragraph))


def _inside_skipped(node: etree._Element, stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIP:
            return True
        parent = parent.getparent()
    return False
