"""Reading drafts: encodings, .docx (tables, tracked changes), bad input, traditional characters, non-BMP offsets."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document as DocxDocument

from jianfu.engine import Checker
from jianfu.settings import Settings
from jianfu.text import docx as docx_reader
from jianfu.text.readers import ReadError, read_bytes, read_path

DRAFT = "关于做好某项工作的通知\n各单位：\n    请各区县于每季度末将贯彻落实情况报送市政府办公室。\n"


def _findings(rules, document):  # type: ignore[no-untyped-def]
    return Checker(rules, Settings()).check(document).findings


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (DRAFT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + DRAFT.encode("utf-8"), "utf-8-sig"),
        (DRAFT.encode("gb18030"), "gb18030"),
        (DRAFT.encode("gbk"), "gb18030"),
        (DRAFT.encode("utf-16"), "utf-16"),
    ],
)
def test_text_encodings_are_detected(rules, tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "草稿.txt"
    path.write_bytes(encoded)
    document = read_path(path)
    assert document.encoding == encoding
    assert document.text.lstrip("\ufeff") == DRAFT
    assert [f.rule for f in _findings(rules, document)] == ["JF301"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("空.txt", b"", "空"),
        ("空白.txt", b"  \n\n ", "空"),
        ("二进制.txt", b"\x00\x01\x02binary\x00", "二进制"),
        ("乱码.txt", bytes(range(0x80, 0x100)) * 4, "编码"),
        ("坏.docx", b"PK\x03\x04 this is not a zip", "不是有效的 .docx"),
        ("加密.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "加密"),
        ("图片.png", b"\x89PNG\r\n", "不支持的文件类型"),
    ],
)
def test_bad_input_gets_a_chinese_message(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=message):
        read_path(path)


def test_missing_path_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="不存在"):
        read_path(tmp_path / "没有.txt")
    folder = tmp_path / "文件夹.txt"
    folder.mkdir()
    with pytest.raises(ReadError, match="文件夹"):
        read_path(folder)


def _docx_bytes(build) -> bytes:  # type: ignore[no-untyped-def]
    doc = DocxDocument()
    build(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_docx_reads_paragraphs_and_table_cells_in_order(rules) -> None:
    def build(doc):  # type: ignore[no-untyped-def]
        doc.add_paragraph("关于做好某项工作的通知")
        doc.add_paragraph("各单位：")
        table = doc.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "要求"
        table.cell(0, 1).text = "对发生重大事故的单位实行“一票否决”。"
        doc.add_paragraph("请于月底前将落实情况报送市政府办公室。")

    document = read_bytes(_docx_bytes(build), ".docx")
    lines = document.text.split("\n")
    assert lines == [
        "关于做好某项工作的通知",
        "各单位：",
        "要求",
        "对发生重大事故的单位实行“一票否决”。",
        "请于月底前将落实情况报送市政府办公室。",
    ]
    assert [f.rule for f in _findings(rules, document)] == ["JF303", "JF301"]


def test_docx_excludes_tracked_deletions_and_keeps_insertions(rules) -> None:
    import runpy

    build = runpy.run_path(str(Path(__file__).parents[1] / "examples" / "make_docx.py"))["build"]
    document = read_path(build(Path(__file__).parent / "_tmp_tracked.docx"))
    try:
        assert "贯彻落实情况报送" not in document.text
        assert "必须亲自参会" in document.text  # table cell
        assert "JF301" not in {f.rule for f in _findings(rules, document)}
    finally:
        Path(document.path or "").unlink(missing_ok=True)


def test_docx_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<a>" + "x" * 2_000_000 + "</a>")
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 1_000_000)
    with pytest.raises(ReadError, match="解压后超过"):
        read_bytes(buffer.getvalue(), ".docx")


def test_traditional_characters_are_checked_at_original_positions(rules) -> None:
    text = "關於做好某項工作的通知\n各單位：\n    對發生重大事故的單位，年度考核實行「一票否決」。\n"
    document = read_bytes(text.encode("utf-8"), ".txt")
    findings = _findings(rules, document)
    assert [f.rule for f in findings] == ["JF303"]
    assert text[findings[0].start : findings[0].end] == "實行「一票否決」"


def test_offsets_after_characters_outside_the_bmp(rules) -> None:
    text = "关于𠮷𪚥同志有关工作的通知\n各单位：\n    请𠮷祥乡于月底前将落实情况报送县政府办公室。\n"
    document = read_bytes(text.encode("utf-8"), ".txt")
    (finding,) = _findings(rules, document)
    assert text[finding.start : finding.end] == "落实情况报送"


def test_crlf_line_endings_keep_offsets(rules) -> None:
    text = DRAFT.replace("\n", "\r\n")
    document = read_bytes(text.encode("utf-8"), ".txt")
    (finding,) = _findings(rules, document)
    assert text[finding.start : finding.end] == "贯彻落实情况报送"
