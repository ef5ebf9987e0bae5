"""Bytes of a .txt/.md draft -> text, detecting UTF-8 (with or without BOM), UTF-16 and GB18030/GBK."""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    pass


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise ``DecodeError`` with a Chinese message."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise DecodeError("这是二进制文件，不是文本文稿。请提供 .txt、.md 或 .docx 文稿。")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DecodeError("无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK）。请另存为 UTF-8 编码后重试。") from None
    if _looks_binary(text):
        raise DecodeError("这是二进制文件，不是文本文稿。请提供 .txt、.md 或 .docx 文稿。")
    return text, "gb18030"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"文件声明为 {encoding} 编码，但第 {exc.start} 字节处内容无效。请检查文件是否损坏。"
        ) from None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    return controls > max(2, len(sample) // 100)
