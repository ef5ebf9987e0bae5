"""Reviewers' outputs from the real CLI: 问题清单.xlsx and .csv, and the HTML report in headless Chromium."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jianfu.output.rows import COLUMNS

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def jianfu(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "jianfu", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    payload = json.loads(jianfu("check", "--format", "json", str(EXAMPLES)).stdout)
    return [dict(f, path=file["path"]) for file in payload["files"] for f in file["findings"]]


def test_xlsx_problem_list(tmp_path: Path, findings: list[dict]) -> None:
    out = tmp_path / "问题清单.xlsx"
    assert jianfu("check", "--format", "xlsx", "-o", str(out), str(EXAMPLES)).returncode == 1
    book = load_workbook(out)
    assert book.sheetnames == ["问题清单", "汇总"]
    sheet = book["问题清单"]
    assert tuple(c.value for c in sheet[1]) == COLUMNS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:G{len(findings) + 1}"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["E"].width > 30  # 问题描述 fits Chinese text
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(findings)
    assert sorted((r[2], r[5]) for r in rows) == sorted((f["rule"], f["text"]) for f in findings)
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True) if row[0]}
    for article, count in Counter(f["article"] for f in findings).items():
        assert summary[f"第{article}条"] == count


def test_xlsx_needs_an_output_file() -> None:
    result = jianfu("check", "--format", "xlsx", str(EXAMPLES))
    assert result.returncode == 2 and "-o" in result.stderr


def test_csv_opens_in_wps_and_excel(tmp_path: Path, findings: list[dict]) -> None:
    out = tmp_path / "问题清单.csv"
    jianfu("check", "--format", "csv", "-o", str(out), str(EXAMPLES))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM tells WPS and Excel it is UTF-8
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == COLUMNS and len(rows) == len(findings) + 1


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="需要 Debian 软件包 chromium（scripts/install-system-deps.sh 会安装）"
)
def test_html_report_renders_offline_in_chromium(tmp_path: Path, findings: list[dict]) -> None:
    out = tmp_path / "report.html"
    jianfu("check", "--format", "html", "-o", str(out), str(EXAMPLES), str(tmp_path / "不存在.txt"))
    html = out.read_text("utf-8")
    assert "<script src" not in html and "<link" not in html and "http://" not in html and "https://" not in html
    common = [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [str(CHROMIUM), *common, "--dump-dom", out.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    articles = sorted({f["article"] for f in findings})
    assert dom.count('class="bar"') == len(articles)
    for article in articles:
        assert f'data-article="{article}"' in dom
    assert dom.count("<mark>") == len(findings)
    assert "份无法读取" in dom and "不存在.txt" in dom
    shot = tmp_path / "report.png"
    subprocess.run(
        [str(CHROMIUM), *common, "--window-size=1100,900", f"--screenshot={shot}", out.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.stat().st_size > 20_000
    if shutil.which("fc-match"):  # a CJK font is installed, so the Chinese renders as text, not boxes
        font = subprocess.run(["fc-match", ":lang=zh-cn"], capture_output=True, text=True).stdout
        assert any(name in font for name in ("WenQuanYi", "Noto Sans CJK", "Droid Sans Fallback", "AR PL")), font
