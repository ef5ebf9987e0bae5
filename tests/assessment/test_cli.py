"""``jianfu assess`` as a user runs it (a subprocess): a folder of drafts, each output format, bad input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import jsonschema
import openpyxl
import pypdf
import pytest

import jianfu as jianfu_package
from jianfu.assessment import checklist
from tests.review.test_annotate import SOFFICE, jianfu

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REQUEST = (
    "关于申请拨付2025年防汛抗旱资金的请示\n\n市人民政府：\n"
    "    今年入汛以来，我县降雨量较常年偏多三成。为做好防汛抗旱工作，现申请拨付防汛抗旱资金500万元。\n"
    "    妥否，请批示。\n\n                                        某某县人民政府\n"
    "                                        2025年6月1日\n"
)
ITEMS = [row.item for row in checklist.load().rows]


def _squash(text: str) -> str:
    return re.sub(r"[\s“”\"]+", "", text)


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "报送文稿"
    (folder / "二科").mkdir(parents=True)
    shutil.copy(EXAMPLES / "会议通知.docx", folder / "会议通知.docx")
    shutil.copy(EXAMPLES / "违规通知.txt", folder / "二科" / "违规通知.txt")
    (folder / "请示.txt").write_text(REQUEST, "utf-8")
    (folder / "损坏.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return folder


def test_a_folder_gives_one_form_per_draft_and_a_summary(drafts: Path, tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file()}
    out = tmp_path / "评估表"
    done = jianfu("assess", str(drafts), "-o", str(out))
    assert done.returncode == 2, done.stderr  # a bad file: exit 2, like jianfu check, after the others are done
    assert "损坏.docx 无法评估" in done.stderr
    forms = sorted(str(p.relative_to(out)) for p in out.rglob("*.docx"))
    assert forms == [
        "二科/违规通知_一致性评估表.docx",
        "会议通知_一致性评估表.docx",
        "评估汇总.docx",
        "请示_一致性评估表.docx",
    ]
    assert {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file()} == before  # drafts untouched
    summary = docx.Document(str(out / "评估汇总.docx")).tables[0]
    by_file = {Path(row.cells[0].text).name: [c.text for c in row.cells] for row in summary.rows[1:]}
    assert by_file["损坏.docx"][5] == "无法评估" and by_file["损坏.docx"][9]
    assert by_file["违规通知.txt"][5] == "需修改"
    assert by_file["请示.txt"][2] == "请示" and by_file["请示.txt"][5] == "未发现"
    request = docx.Document(str(out / "请示_一致性评估表.docx"))
    facts = {row.cells[0].text: row.cells[1].text for row in request.tables[0].rows}
    assert facts["文种"] == "请示" and facts["行文方向"].startswith(("未识别", "上行文"))


def test_the_docx_form_reads_back_and_libreoffice_prints_every_item(tmp_path: Path) -> None:
    form = tmp_path / "一致性评估表.docx"
    done = jianfu("assess", str(EXAMPLES / "违规通知.txt"), "-o", str(form))
    assert done.returncode == 1, done.stderr  # findings, like jianfu check
    word = docx.Document(str(form))
    facts, rows, manual = word.tables
    assert [r.cells[1].text for r in rows.rows[1:]] == ITEMS
    assert rows.rows[0].cells[3].text == "评估结论"
    conclusions = {r.cells[1].text: r.cells[3].text for r in rows.rows[1:]}
    assert conclusions["报送贯彻落实情况"] == "需修改" and conclusions["工资福利待遇"] == "未发现"
    assert "第19段（JF301）" in rows.rows[ITEMS.index("报送贯彻落实情况") + 1].cells[4].text
    assert len(manual.rows) == len(checklist.load().manual) + 1
    text = "\n".join(p.text for p in word.paragraphs)
    assert all(f"{name}：" in text for name in ("评估人", "审核人", "日期"))
    xml = word.element.xml
    assert 'w:eastAsia="仿宋"' in xml and 'w:eastAsia="黑体"' in xml
    if SOFFICE is None:
        pytest.skip("LibreOffice 未安装（scripts/test.sh 会安装它）")
    subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(form)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    printed = _squash(
        "".join(page.extract_text() for page in pypdf.PdfReader(str(tmp_path / "一致性评估表.pdf")).pages)
    )
    for item in ITEMS + [m.item for m in checklist.load().manual] + ["评估人", "审核人", "日期", "总体结论"]:
        assert _squash(item) in printed, item
    pages = pypdf.PdfReader(str(tmp_path / "一致性评估表.pdf")).pages
    assert f"第{len(pages)}页共{len(pages)}页" in _squash(pages[-1].extract_text())  # the footer's page fields


def test_xlsx_html_and_json_by_suffix(tmp_path: Path) -> None:
    draft = str(EXAMPLES / "违规通知.txt")
    for suffix in (".xlsx", ".html", ".json"):
        assert jianfu("assess", draft, "-o", str(tmp_path / f"表{suffix}")).returncode == 1
    sheet = openpyxl.load_workbook(tmp_path / "表.xlsx").active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert all(item in cells for item in ITEMS) and "评估人：" in cells
    page = (tmp_path / "表.html").read_text("utf-8")
    assert all(item in page for item in ITEMS) and "<script" not in page and "http" not in page.split("</style>")[1]
    payload = json.loads((tmp_path / "表.json").read_text("utf-8"))
    schema = json.loads(
        (Path(jianfu_package.__file__).parent / "schemas" / "assessment.schema.json").read_text("utf-8")
    )
    jsonschema.validate(payload, schema)
    form = payload["assessments"][0]
    assert [r["item"] for r in form["rows"]] == ITEMS
    quote = next(r for r in form["rows"] if r["item"] == "报送贯彻落实情况")["quotes"][0]
    assert quote["paragraph"] == 19 and quote["fingerprint"].startswith("JF301:") and quote["exception"] is None


def test_bad_arguments_say_what_to_do(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.docx"
    shutil.copy(EXAMPLES / "会议通知.docx", draft)
    same = jianfu("assess", str(draft), "-o", str(draft))
    assert same.returncode == 2 and "不能覆盖" in same.stderr
    unknown = jianfu("assess", str(draft), "-o", str(tmp_path / "表.pdf"))
    assert unknown.returncode == 2 and "扩展名" in unknown.stderr
    many = jianfu("assess", str(draft), str(EXAMPLES / "违规通知.txt"))
    assert many.returncode == 2 and "文件夹" in many.stderr
    assert not (tmp_path / "表.pdf").exists()


def test_a_batch_in_xlsx_keeps_same_named_drafts_apart(drafts: Path, tmp_path: Path) -> None:
    (drafts / "会议通知.txt").write_text((EXAMPLES / "违规通知.txt").read_text("utf-8"), "utf-8")
    out = tmp_path / "表"
    done = jianfu("assess", str(drafts), "-o", str(out), "--format", "xlsx", "--jobs", "2")
    assert done.returncode == 2 and "损坏.docx" in done.stderr
    names = sorted(p.name for p in out.rglob("*") if p.is_file())
    assert names == [
        "会议通知.docx_一致性评估表.xlsx", "会议通知.txt_一致性评估表.xlsx", "评估汇总.xlsx",
        "请示_一致性评估表.xlsx", "违规通知_一致性评估表.xlsx",
    ]  # fmt: skip
    assert not [p for p in out.rglob(".*")]  # no temporary file left behind
    inside = drafts / "评估表"
    for _ in range(2):  # a second run does not take the forms of the first for drafts
        jianfu("assess", str(drafts), "-o", str(inside))  # .docx forms: the kind of file a draft is
    assert len(list(inside.rglob("*.docx"))) == len(names)
    summary = openpyxl.load_workbook(out / "评估汇总.xlsx").active
    rows = {Path(str(r[0].value)).name: [c.value for c in r] for r in summary.iter_rows(min_row=2)}
    assert rows["损坏.docx"][5] == "无法评估" and rows["会议通知.txt"][5] == "需修改"
