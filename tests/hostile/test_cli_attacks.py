"""`jianfu check` attacked with hostile names and files: real subprocesses, real files on disk.

Every case: no traceback, a Chinese message naming the file, the batch goes on, the exit
status is 2 for anything unexpected (never 1, which means "findings"), inputs byte-identical.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

VIOLATION = "关于做好某项工作的通知\n各单位：\n    请各区县于每季度末将贯彻落实情况报送市政府办公室。\n"
GBK_NAME = b"\xd6\xd0\xce\xc4.txt"  # 中文.txt in GBK, as unpacked from a Windows zip on Linux
SHOWN_GBK_NAME = "\\xd6\\xd0\\xce\\xc4.txt"


def jianfu(
    *args: str | bytes | Path, cwd: Path | None = None, stdout: int | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("JIANFU_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "jianfu", *[os.fsencode(a) if isinstance(a, Path) else a for a in args]],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def text(stream: bytes) -> str:
    return stream.decode("utf-8")  # strict: every byte jianfu prints must be UTF-8


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in result.stderr and b"Traceback" not in (result.stdout or b""), text(result.stderr)


def hashes(folder: Path) -> dict[bytes, str]:
    out = {}
    for root, _dirs, files in os.walk(os.fsencode(folder)):
        for name in files:
            path = os.path.join(root, name)
            if os.path.isfile(path) and os.access(path, os.R_OK):
                with open(path, "rb") as stream:
                    out[path] = hashlib.sha256(stream.read()).hexdigest()
    return out


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        body = b" " * (70 * 1024 * 1024)  # 70 MB of blanks deflate to about 70 KB
        archive.writestr("word/document.xml", b"<w:document><w:body>" + body + b"</w:body></w:document>")
    return buffer.getvalue()


@pytest.fixture()
def gbk_named(tmp_path: Path) -> Path:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "ok.txt").write_text(VIOLATION, "utf-8")
    with open(os.path.join(os.fsencode(drafts), GBK_NAME), "wb") as stream:
        stream.write(VIOLATION.encode("utf-8"))
    return drafts


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    """A batch folder: two good drafts among every kind of hostile file."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "good.txt").write_text(VIOLATION, "utf-8")
    with open(os.path.join(os.fsencode(drafts), GBK_NAME), "wb") as stream:
        stream.write(VIOLATION.encode("utf-8"))
    (drafts / "junk.docx").write_bytes(os.urandom(4096))
    (drafts / "bomb.docx").write_bytes(zip_bomb())
    (drafts / "empty.txt").write_bytes(b"")
    (drafts / "empty.docx").write_bytes(b"")
    (drafts / "folder.docx").mkdir()
    (drafts / "gbk.txt").write_bytes(VIOLATION.encode("gbk"))
    (drafts / "utf16.txt").write_bytes(VIOLATION.encode("utf-16"))
    (drafts / "control.txt").write_text(VIOLATION.replace("报送", "报送\x1b[2J\x01"), "utf-8")
    (drafts / "no-text.docx").write_bytes(_docx_without_text())
    with open(drafts / "huge.txt", "wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: 60 MB on paper, nothing on disk
    locked = drafts / "locked.txt"
    locked.write_text(VIOLATION, "utf-8")
    locked.chmod(0)
    return drafts


def _docx_without_text() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
        )
    return buffer.getvalue()


EXPECTED_ERRORS = {
    "junk.docx": "不是有效的 .docx 文件",
    "bomb.docx": "解压后超过 64 MB",
    "empty.txt": "文件是空的",
    "empty.docx": "文件是空的",
    "no-text.docx": "没有文字内容",
    "huge.txt": "超过 50 MB 上限",
}
READ_AS = {"gbk.txt": "GB18030", "utf16.txt": "UTF-16"}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "csv", "html"])
def test_non_utf8_file_name_in_every_stdout_format(gbk_named: Path, fmt: str) -> None:
    result = jianfu("check", "--format", fmt, ".", cwd=gbk_named)
    assert_no_traceback(result)
    assert result.returncode == 1, text(result.stderr)  # findings in both files, nothing unexpected
    out = text(result.stdout)
    if fmt == "json":
        files = {f["path"]: f for f in json.loads(out)["files"]}
        assert set(files) == {"ok.txt", SHOWN_GBK_NAME}
        assert len(files[SHOWN_GBK_NAME]["findings"]) == len(files["ok.txt"]["findings"]) > 0
        assert any("中文.txt" in note for note in files[SHOWN_GBK_NAME]["notes"])  # the GBK reading, as a hint
    elif fmt == "sarif":
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out)["runs"][0]["results"]
        }
        assert uris == {"ok.txt", "%D6%D0%CE%C4.txt"}  # the name's own bytes, percent-encoded
    elif fmt == "html":
        assert SHOWN_GBK_NAME in out and "ok.txt" in out
    else:
        assert SHOWN_GBK_NAME in out and "ok.txt" in out
        assert out.count("JF301") == 2


def test_non_utf8_file_name_in_xlsx_and_every_output_file_at_once(gbk_named: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    reports = tmp_path / "reports"
    outputs = [reports / f"r.{ext}" for ext in ("xlsx", "csv", "html", "json", "sarif", "txt")]
    result = jianfu("check", "--annotate", tmp_path / "copies", *[a for o in outputs for a in ("-o", o)], gbk_named)
    assert_no_traceback(result)
    assert result.returncode == 1, text(result.stderr)
    sheet = load_workbook(reports / "r.xlsx")["问题清单"]
    files = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(files) == 2 and any(f.endswith(SHOWN_GBK_NAME) for f in files)
    for output in outputs[1:]:
        written = output.read_bytes().decode("utf-8")
        if output.suffix == ".json":
            assert {Path(f["path"]).name for f in json.loads(written)["files"]} == {"ok.txt", SHOWN_GBK_NAME}
        elif output.suffix == ".sarif":
            assert len(json.loads(written)["runs"][0]["results"]) == 2
        else:
            assert SHOWN_GBK_NAME in written and "ok.txt" in written, output
    copies = sorted(os.listdir(os.fsencode(tmp_path / "copies")))
    assert copies == sorted(
        [b"ok_\xe5\xae\xa1\xe6\x9f\xa5\xe6\x84\x8f\xe8\xa7\x81.docx", GBK_NAME[:-4] + "_审查意见.docx".encode()]
    )
    # the HTML report links the copy by its own bytes
    assert "%D6%D0%CE%C4_" in (reports / "r.html").read_text("utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_hostile_files_in_a_batch_each_get_a_chinese_message(hostile: Path, jobs: str) -> None:
    before = hashes(hostile)
    pipe = hostile.parent / "pipe.txt"
    os.mkfifo(pipe)  # named explicitly: reading it would block forever
    result = jianfu("check", "--jobs", jobs, "--format", "json", hostile, pipe, hostile.parent / "missing.txt")
    assert_no_traceback(result)
    assert result.returncode == 2, text(result.stderr)  # files could not be read: never 1, never 0
    files = {Path(f["path"]).name: f for f in json.loads(text(result.stdout))["files"]}
    for name, message in EXPECTED_ERRORS.items():
        assert message in (files[name]["error"] or ""), (name, files[name])
    assert "不是普通文件" in files["pipe.txt"]["error"]
    assert "不存在" in files["missing.txt"]["error"]
    for name in ("good.txt", SHOWN_GBK_NAME, "gbk.txt", "utf16.txt", "control.txt"):
        assert files[name]["error"] is None and [f["rule"] for f in files[name]["findings"]] == ["JF301"], name
    for name, encoding in READ_AS.items():
        assert any(encoding in note for note in files[name]["notes"]), files[name]
    if os.geteuid() != 0:  # root reads any file
        assert "没有读取权限" in files["locked.txt"]["error"]
    assert hashes(hostile) == before


def test_hostile_files_with_annotated_copies_and_output_files(hostile: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    before = hashes(hostile)
    copies, report, listing = tmp_path / "copies", tmp_path / "问题清单.xlsx", tmp_path / "report.json"
    result = jianfu("check", "--jobs", "2", "--annotate", copies, "-o", report, "-o", listing, hostile)
    assert_no_traceback(result)
    assert result.returncode == 2, text(result.stderr)
    files = {Path(f["path"]).name: f for f in json.loads(listing.read_text("utf-8"))["files"]}
    assert all(files[name]["error"] for name in EXPECTED_ERRORS)
    made = {name.decode("utf-8", "surrogateescape") for name in os.listdir(os.fsencode(copies))}
    expected = {"good", "gbk", "utf16", "control", os.fsdecode(GBK_NAME[:-4])} | (
        {"locked"} if os.geteuid() == 0 else set()
    )
    assert made == {stem + "_审查意见.docx" for stem in expected}
    sheet = load_workbook(report)["问题清单"]
    assert sum(1 for _ in sheet.iter_rows(min_row=2)) == len(expected)  # one JF301 per readable draft
    assert hashes(hostile) == before


def test_control_characters_in_a_draft_never_reach_the_terminal(hostile: Path) -> None:
    result = jianfu("check", hostile / "control.txt")
    assert result.returncode == 1
    assert b"\x1b" not in result.stdout and b"\x01" not in result.stdout


def test_directory_named_like_a_draft_is_reported(hostile: Path) -> None:
    result = jianfu("check", hostile / "folder.docx")
    assert_no_traceback(result)
    assert result.returncode == 2
    assert "folder.docx: 错误：这是一个文件夹，其中没有可检查的文稿" in text(result.stdout)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_unexpected_error_exits_2_with_one_chinese_line(gbk_named: Path) -> None:
    with open("/dev/full", "wb") as full:  # the disk is full: stdout cannot be written
        result = jianfu("check", "--format", "json", gbk_named, stdout=full.fileno())
    assert_no_traceback(result)
    assert result.returncode == 2  # never 1: a script must not read a crash as "findings"
    lines = text(result.stderr).splitlines()
    assert len(lines) == 1 and lines[0].startswith("jianfu：内部错误"), lines
