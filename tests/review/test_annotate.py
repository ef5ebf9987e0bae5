"""Annotated copies from the real CLI: comments on exactly the flagged words, formatting kept, inputs untouched.

The copies are read back with python-docx, and one is converted to PDF by LibreOffice to find
the comment text in it. Old formats (.doc/.wps/.odt) are made by LibreOffice from a .docx.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote

import docx
import pypdf
import pytest
from docx.oxml import parse_xml

from jianfu.text.docx import W
from jianfu.text.readers import read_path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SOFFICE = shutil.which("soffice")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def jianfu(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "jianfu", *args], capture_output=True, text=True, env=env, timeout=300)


def json_findings(*paths: Path) -> dict[str, list[dict]]:
    payload = json.loads(jianfu("check", "--format", "json", *map(str, paths)).stdout)
    return {Path(f["path"]).name: f["findings"] for f in payload["files"]}


def anchored_texts(copy: Path | BytesIO) -> dict[str, str]:
    """Comment text -> the words between its range start and end, read straight from the XML."""
    word = docx.Document(str(copy) if isinstance(copy, Path) else copy)
    open_ids: set[str] = set()
    anchored: dict[str, list[str]] = {}
    for node in word.element.body.iter():
        tag = node.tag
        if tag == W + "commentRangeStart":
            open_ids.add(node.get(W + "id"))
            anchored.setdefault(node.get(W + "id"), [])
        elif tag == W + "commentRangeEnd":
            open_ids.discard(node.get(W + "id"))
        elif tag == W + "t" and not any(a.tag == W + "del" for a in node.iterancestors()):
            for comment_id in open_ids:
                anchored[comment_id].append(node.text or "")
    by_id = {str(c.comment_id): c for c in word.comments}
    return {by_id[i].text: "".join(parts) for i, parts in anchored.items()}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_formatted_draft(path: Path) -> None:
    """Flagged words split over runs of different formatting, in a table cell, after a tracked deletion and a 𠮷."""
    word = docx.Document()
    word.add_paragraph("关于加强基层社会治理工作的通知")
    word.add_paragraph("各县（市、区）：")
    para = word.add_paragraph()
    para.add_run("请各县（市、区）于每季度末").bold = True
    para._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W_NS}" w:id="90" w:author="审稿人" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:delText>删去的文字</w:delText></w:r></w:del>"
        )
    )
    para.add_run("将贯彻落")
    para.add_run("实情况报送市政府").italic = True
    para.add_run("。")
    word.add_paragraph("𠮷安村等各村要成立社会治理工作领导小组，并在村部挂牌。")
    cell = word.add_table(rows=1, cols=2).rows[0].cells[1]
    cell.paragraphs[0].add_run("各乡镇要设立社会治理办公室，核定不少于")
    cell.paragraphs[0].add_run("3名事业编制").underline = True
    word.add_paragraph("市委社会工作部")
    word.add_paragraph("2025年3月1日")
    word.save(str(path))


def test_comments_sit_on_exactly_the_flagged_words(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    draft = drafts / "格式复杂.docx"
    build_formatted_draft(draft)
    before = sha(draft)
    expected = json_findings(draft)["格式复杂.docx"]
    assert {f["rule"] for f in expected} >= {"JF301", "JF304", "JF1701"}

    result = jianfu("check", "--annotate", str(tmp_path / "out"), str(draft))
    assert result.returncode == 1, result.stderr
    assert "批注副本 1 份" in result.stderr
    copy = tmp_path / "out" / "格式复杂_审查意见.docx"
    anchored = anchored_texts(copy)
    assert sorted(anchored.values()) == sorted(f["text"] for f in expected)
    for finding in expected:
        text = next(t for t in anchored if t.startswith(f"【{finding['rule']}】{finding['message']}"))
        assert f"第{finding['article']}条" in text
        assert anchored[text] == finding["text"]

    assert sha(draft) == before  # the original is never touched
    assert read_path(copy).text == read_path(draft).text  # splitting runs loses and adds no text
    word = docx.Document(str(copy))
    runs = word.paragraphs[2].runs
    # (a comment that starts inside the bold words splits their run: the words stay bold)
    assert "".join(r.text for r in runs if r.bold) == "请各县（市、区）于每季度末"
    assert "".join(r.text for r in runs if r.italic) == "实情况报送市政府"
    assert all(c.author == "jianfu" for c in word.comments)
    assert word.element.body.find(f".//{W}del") is not None  # tracked changes survive


def test_every_example_gets_a_copy_with_one_comment_per_finding(tmp_path: Path) -> None:
    hashes = {p: sha(p) for p in EXAMPLES.rglob("*") if p.is_file()}
    expected = json_findings(EXAMPLES)
    out = tmp_path / "批注"
    result = jianfu("check", "--annotate", str(out), str(EXAMPLES))
    assert result.returncode == 1, result.stderr
    copies = {p.relative_to(out).as_posix() for p in out.rglob("*.docx")}
    assert copies == {
        "会议通知_审查意见.docx",
        "合规通知_审查意见.docx",
        "实施方案-背景过长_审查意见.docx",
        "违规通知_审查意见.docx",
        "配套文件/上位文件_审查意见.docx",
        "配套文件/配套措施_审查意见.docx",
    }
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]  # no staging folder or temp file left
    for copy in out.rglob("*.docx"):
        name = copy.name.replace("_审查意见.docx", "")
        original = next(n for n in expected if Path(n).stem == name)
        findings = expected[original]
        comments = list(docx.Document(str(copy)).comments)
        assert len(comments) == len(findings), copy
        assert sorted(anchored_texts(copy).values()) == sorted(_first_paragraph(f["text"]) for f in findings)
    text_copy = docx.Document(str(out / "违规通知_审查意见.docx"))
    lines = (EXAMPLES / "违规通知.txt").read_text(encoding="utf-8").splitlines()
    assert [p.text for p in text_copy.paragraphs] == lines  # a text draft: one paragraph per line
    assert {p: sha(p) for p in EXAMPLES.rglob("*") if p.is_file()} == hashes


def _first_paragraph(text: str) -> str:
    return text.split("\n", 1)[0]  # a span over several paragraphs is anchored on its first


def test_copies_never_overwrite_a_draft_and_reruns_skip_them(tmp_path: Path) -> None:
    (tmp_path / "通知.txt").write_text("关于某事的通知\n各地于每季度末将贯彻落实情况报送市政府。\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "会议通知.docx", tmp_path / "通知.docx")
    squatter = tmp_path / "通知_审查意见.docx"  # a draft that happens to carry the copy's name
    shutil.copy(EXAMPLES / "会议通知.docx", squatter)
    kept = sha(squatter)
    for _ in range(2):
        result = jianfu("check", "--annotate", str(tmp_path), str(tmp_path))
        assert result.returncode == 1, result.stderr
    assert sha(squatter) == kept
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "通知.docx",
        "通知.txt",
        "通知_审查意见.docx",
        "通知_审查意见_审查意见.docx",
        "通知（docx）_审查意见.docx",
        "通知（txt）_审查意见.docx",
    ]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice 未安装（scripts/test.sh 会安装它）")
def test_libreoffice_renders_the_comments_in_a_pdf(tmp_path: Path) -> None:
    assert jianfu("check", "--annotate", str(tmp_path), str(EXAMPLES / "会议通知.docx")).returncode == 1
    copy = tmp_path / "会议通知_审查意见.docx"
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", export, "--outdir", str(tmp_path), str(copy)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = pypdf.PdfReader(str(tmp_path / "会议通知_审查意见.pdf"))
    notes = [a.get_object() for page in pdf.pages for a in page.get("/Annots") or []]
    contents = [str(n.get("/Contents")) for n in notes if n.get("/Subtype") == "/Text"]
    comments = [c.text for c in docx.Document(str(copy)).comments]
    assert len(contents) == len(comments) == 4
    assert sorted(contents) == sorted(comments)
    assert any("第6条" in c and "会期2天" in c for c in contents)
    assert "全市安全生产工作会议" in pdf.pages[0].extract_text()


@pytest.fixture(scope="module")
def legacy_drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice 未安装（scripts/test.sh 会安装它）")
    folder = tmp_path_factory.mktemp("legacy")
    for target in ("doc", "odt"):
        subprocess.run(
            [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'lo').as_uri()}",
             "--convert-to", target, "--outdir", str(folder), str(EXAMPLES / "会议通知.docx")],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    shutil.copy(folder / "会议通知.doc", folder / "会议通知.wps")  # WPS 文字's .wps is the Word 97 binary format
    shutil.rmtree(folder / "lo")
    return folder


def test_old_formats_are_checked_and_annotated_through_libreoffice(legacy_drafts: Path, tmp_path: Path) -> None:
    want = sorted((f["rule"], f["text"]) for f in json_findings(EXAMPLES / "会议通知.docx")["会议通知.docx"])
    got = json_findings(legacy_drafts)
    assert set(got) == {"会议通知.doc", "会议通知.odt", "会议通知.wps"}
    for findings in got.values():
        assert sorted((f["rule"], f["text"]) for f in findings) == want
    result = jianfu("check", "--annotate", str(tmp_path), str(legacy_drafts / "会议通知.wps"))
    assert result.returncode == 1, result.stderr
    anchored = anchored_texts(tmp_path / "会议通知_审查意见.docx")  # a LibreOffice-made .docx: other run layouts
    assert sorted(anchored.values()) == sorted(text for _, text in want)


def test_without_libreoffice_old_formats_get_a_clear_message_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    (tmp_path / "旧稿.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    shutil.copy(EXAMPLES / "违规通知.txt", tmp_path / "违规通知.txt")
    result = jianfu("check", str(tmp_path), env={"JIANFU_SOFFICE": str(tmp_path / "没有这个程序")})
    assert result.returncode == 2
    assert "旧稿.doc" in result.stdout and "需要 LibreOffice" in result.stdout
    assert "apt-get install libreoffice-writer-nogui" in result.stdout
    assert "违规通知.txt" in result.stdout and "JF301" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_no_partial_outputs(tmp_path: Path, jobs: str) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for n in range(1000):  # ~15 s of work: the interrupt lands mid-batch even on a loaded machine
        shutil.copy(EXAMPLES / "会议通知.docx", drafts / f"稿件{n:04d}.docx")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "jianfu", "check", "--jobs", jobs, "--annotate", str(out)]
    command += ["--format", "xlsx", "-o", str(out / "问题清单.xlsx"), str(drafts)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while not list(out.glob(".jianfu-staging-*/*.docx")):  # interrupt once copies are being written
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "已中断" in stderr and "Traceback" not in stderr
    assert list(out.iterdir()) == []  # no copies, no 问题清单, no staging folder
    assert len(list(drafts.iterdir())) == 1000


def test_progress_bar_on_a_terminal_and_closing_summary(tmp_path: Path) -> None:
    import pty

    for n in range(30):
        shutil.copy(EXAMPLES / "违规通知.txt", tmp_path / f"稿件{n:02d}.txt")
    master, slave = pty.openpty()  # stderr is a terminal: the bar is drawn there
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(
        [sys.executable, "-m", "jianfu", "check", "--jobs", "2", "--format", "json", "-o", str(tmp_path / "r.json"),
         str(tmp_path)],
        stdout=subprocess.PIPE, stderr=slave, env=env,
    )  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(master)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert process.returncode == 1
    assert "30/30 个文件" in terminal and "个/秒" in terminal and "剩余约" in terminal
    per_file = len(json_findings(EXAMPLES / "违规通知.txt")["违规通知.txt"])
    assert f"共检查 30 个文件，发现 {30 * per_file} 个问题，0 个文件无法读取，用时" in terminal


def test_one_command_gives_copies_spreadsheet_and_report(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    result = jianfu(
        "check", "--jobs", "2", "--annotate", str(tmp_path / "审查意见"),
        "-o", str(tmp_path / "问题清单.xlsx"), "-o", str(tmp_path / "报告.html"), str(EXAMPLES),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    total = sum(len(f) for f in json_findings(EXAMPLES).values())
    assert f"发现 {total} 个问题" in result.stderr
    assert len(list((tmp_path / "审查意见").rglob("*_审查意见.docx"))) == 6
    assert load_workbook(tmp_path / "问题清单.xlsx")["问题清单"].max_row == total + 1
    report = (tmp_path / "报告.html").read_text(encoding="utf-8")
    assert report.lstrip().lower().startswith("<!doctype html")
    links = [unquote(href) for href in re.findall(r'class="copy" href="([^"]+)"', report)]
    assert len(links) == 6 and all((tmp_path / link).is_file() for link in links)  # the report opens each copy
    assert result.stdout == ""  # everything went to the files


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "结果.pdf"], "无法从“结果.pdf”的扩展名判断输出格式"),
        (["--format", "json", "-o", "a.json", "-o", "b.html"], "请去掉 --format"),
        (["--format", "xlsx"], "需要用 -o 指定输出文件"),
        (["-o", "{draft}"], "是要检查的文稿，不能覆盖"),
    ],
)
def test_output_mistakes_are_refused_before_anything_is_written(tmp_path: Path, args: list[str], message: str) -> None:
    draft = tmp_path / "草稿.txt"
    shutil.copy(EXAMPLES / "违规通知.txt", draft)
    before = sha(draft)
    result = jianfu("check", *[a.format(draft=draft) for a in args], str(draft))
    assert result.returncode == 2
    assert message in result.stderr
    assert sha(draft) == before and sorted(p.name for p in tmp_path.iterdir()) == ["草稿.txt"]


def test_a_finding_on_an_empty_paragraph_or_over_several_is_still_anchored() -> None:
    from jianfu.model import Finding, Severity
    from jianfu.output.annotate import annotated_docx
    from jianfu.text.structure import parse

    document = parse("标题\n\n第一段文字。\n第二段文字。\n")
    empty = Finding("JF201", 2, Severity.WARNING, "空段落上的问题", 3, 3)
    across = Finding("JF202", 2, Severity.WARNING, "跨段落的问题", 6, 14)  # from inside 第一段 into 第二段
    data = annotated_docx(document, [empty, across], None)
    word = docx.Document(BytesIO(data))
    assert [c.text.split("\n")[0] for c in word.comments] == ["【JF201】空段落上的问题", "【JF202】跨段落的问题"]
    anchored = anchored_texts(BytesIO(data))
    assert anchored[word.comments.get(0).text] == ""
    assert anchored[word.comments.get(1).text] == "段文字。"  # the part in its first paragraph


def test_spans_across_hyperlinks_and_fields_are_anchored_exactly(rules) -> None:
    from jianfu.engine import Checker
    from jianfu.output.annotate import annotated_docx
    from jianfu.settings import Settings
    from jianfu.text.readers import read_bytes

    ns = f'xmlns:w="{W_NS}"'
    word = docx.Document()
    word.add_paragraph("关于某事的通知")
    para = word.add_paragraph()
    para.add_run("请各地将")
    para._p.append(parse_xml(f'<w:hyperlink {ns} w:anchor="a"><w:r><w:t>贯彻落实</w:t></w:r></w:hyperlink>'))
    para._p.append(parse_xml(f'<w:fldSimple {ns} w:instr="PAGE"><w:r><w:t>情况</w:t></w:r></w:fldSimple>'))
    para.add_run("报送市政府。")
    field = word.add_paragraph()
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        "<w:r><w:instrText> DATE </w:instrText></w:r>",
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>各地要层层签订责任状</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        field._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {ns}>", 1)))
    field.add_run("，把任务落实到人。")
    buffer = BytesIO()
    word.save(buffer)
    document = read_bytes(buffer.getvalue(), ".docx")
    findings = Checker(rules, Settings()).check(document).findings
    assert {document.text[f.start : f.end] for f in findings} == {"贯彻落实情况报送", "层层签订责任状"}
    copy = annotated_docx(document, findings, buffer.getvalue())
    assert sorted(anchored_texts(BytesIO(copy)).values()) == ["层层签订责任状", "贯彻落实情况报送"]
    assert read_bytes(copy, ".docx").text == document.text
