"""Read a draft from disk (or from bytes) into a ``Document``."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path

from jianfu.model import Document
from jianfu.shown import shown_path
from jianfu.text.decode import DecodeError, decode
from jianfu.text.structure import parse

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
DOCX_SUFFIXES = (".docx",)
LEGACY_SUFFIXES = (".doc", ".wps", ".odt")  # converted by LibreOffice (jianfu.text.legacy)
SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES + LEGACY_SUFFIXES
MAX_FILE_BYTES = 50 * 1024 * 1024


class ReadError(Exception):
    """A draft cannot be read; the message is Chinese: what is wrong and what to do."""


def read_path(path: Path) -> Document:
    return read_source(path)[0]


def read_source(path: Path) -> tuple[Document, bytes | None]:
    """The draft, and its .docx bytes (converted for .doc/.wps/.odt; None for text drafts)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(
            f"不支持的文件类型“{suffix or '无扩展名'}”。请提供 .txt、.md、.docx 文稿，或 .doc、.wps、.odt（需安装 LibreOffice）。"
        )
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would block the read or never end
            raise ReadError("不是普通文件（可能是管道或设备文件），已跳过。请提供文稿文件本身。")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(f"文件大小 {size // 1024 // 1024} MB，超过 {MAX_FILE_BYTES // 1024 // 1024} MB 上限。")
        data = path.read_bytes() if suffix not in LEGACY_SUFFIXES else None
    except FileNotFoundError:
        raise ReadError("文件不存在。请检查路径。") from None
    except IsADirectoryError:
        raise ReadError("这是一个文件夹，不是文件。") from None
    except PermissionError:
        raise ReadError("没有读取权限。请检查文件权限。") from None
    except OSError as exc:
        raise ReadError(f"无法读取（{exc.strerror}）。") from None
    if data is None:
        if size == 0:
            raise ReadError("文件是空的，没有可检查的内容。")
        from jianfu.text.legacy import ConversionError, convert_to_docx

        try:
            data, suffix = convert_to_docx(path), ".docx"
        except ConversionError as exc:
            raise ReadError(str(exc)) from None
    document = read_bytes(data, suffix, path=shown_path(str(path)))
    return document, data if suffix in DOCX_SUFFIXES else None


def read_bytes(data: bytes, suffix: str, path: str | None = None) -> Document:
    if not data.strip():
        raise ReadError("文件是空的，没有可检查的内容。")
    if suffix in DOCX_SUFFIXES:
        from jianfu.text.docx import DocxError, read_docx  # lxml: only for .docx

        try:
            paragraphs, notes = read_docx(data)
        except DocxError as exc:
            raise ReadError(str(exc)) from None
        text = "\n".join(paragraphs)
        if not text.strip():
            raise ReadError("文档中没有文字内容。")
        document = parse(text, path=path, encoding=None, wrapped=False)  # each line is a real paragraph
        return replace(document, notes=tuple(notes)) if notes else document
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        raise ReadError(str(exc)) from None
    return parse(text, path=path, encoding=encoding)
