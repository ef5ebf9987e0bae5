"""Drafts marked 秘密/机密/绝密/内部资料/内部★: checked locally as any other, refused by a shared service
unless it allows them, and their text never reaches a log."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from jianfu.classified import classified_mark
from jianfu.http.config import ServeConfig
from tests.hostile.docx_files import docx_with_body, paragraph
from tests.http.server import Running, start

SECRET = "鸿雁七号专项"  # appears only in the draft: if it shows up in a log, the text leaked
BODY = f"关于开展{SECRET}工作的通知\n各单位：\n请各区县于每季度末将贯彻落实情况报送市政府办公室。\n"
PROXY_NAME = "jianfu.example.gov.cn"


@pytest.mark.parametrize(
    ("head", "mark"),
    [
        ("机密★1年\n", "机密"),
        ("秘密\n", "秘密"),
        ("000123\n绝密★启用前\n", "绝密"),
        ("000123    秘密★5年    特急\n", "秘密"),
        ("内部资料\n", "内部资料"),
        ("内部★\n", "内部★"),
        ("密级：机密\n", "机密"),
        ("", None),
        ("关于做好国家秘密定密工作的通知\n", None),
        ("机密文件管理办法\n", None),
        ("内部\n", None),
    ],
)
def test_classified_mark_only_on_its_own_line(head: str, mark: str | None) -> None:
    assert classified_mark(head + BODY) == mark


def test_cli_checks_a_classified_draft_like_any_other(tmp_path: Path) -> None:
    draft = tmp_path / "机密通知.txt"
    draft.write_text("机密★1年\n" + BODY, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "jianfu", "check", str(draft)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert result.returncode == 1 and "JF301" in result.stdout


def test_only_a_service_others_can_reach_refuses() -> None:
    assert not ServeConfig().refuses_classified()
    assert ServeConfig(host="10.1.2.3").refuses_classified()
    assert ServeConfig(allowed_hosts=(PROXY_NAME,)).refuses_classified()  # behind a reverse proxy
    assert not ServeConfig(host="0.0.0.0", allow_classified=True).refuses_classified()


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    running = start(tmp_path_factory.mktemp("local"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """Reached by other computers through a reverse proxy named jianfu.example.gov.cn."""
    running = start(tmp_path_factory.mktemp("shared"), "--allowed-host", PROXY_NAME)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared_allowed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    running = start(tmp_path_factory.mktemp("allowed"), "--allowed-host", PROXY_NAME, "--allow-classified")
    yield running
    running.stop()


def post_text(service: Running, text: str) -> httpx.Response:
    with service.client() as client:
        return client.post("/v1/check", json={"text": text})


def test_local_service_checks_a_classified_draft_and_logs_no_text(local: Running) -> None:
    response = post_text(local, "机密★1年\n" + BODY)
    assert response.status_code == 200 and response.json()["findings"]
    assert SECRET not in local.log_text()


@pytest.mark.parametrize("head", ["机密★1年\n", "000123\n绝密★启用前\n", "内部资料\n", "内部★\n"])
def test_shared_service_refuses_a_classified_draft(shared: Running, head: str) -> None:
    response = post_text(shared, head + BODY)
    assert response.status_code == 403
    error = response.json()["error"]
    assert (
        error["code"] == "classified_refused"
        and "密级" in error["message"]
        and "--allow-classified" in error["message"]
    )
    assert SECRET not in response.text and SECRET not in shared.log_text()


def test_shared_service_refuses_classified_paragraphs_and_uploads(shared: Running) -> None:
    with shared.client() as client:
        by_paragraphs = client.post("/v1/check", json={"paragraphs": ["秘密★5年", *BODY.splitlines()]})
        upload = docx_with_body(paragraph("机密★1年") + "".join(paragraph(line) for line in BODY.splitlines()))
        by_file = client.post("/v1/check-file", files={"file": ("通知.docx", upload)})
    assert by_paragraphs.status_code == by_file.status_code == 403
    assert by_file.json()["error"]["code"] == "classified_refused"
    assert SECRET not in shared.log_text()


def test_shared_service_still_checks_unmarked_drafts(shared: Running) -> None:
    response = post_text(shared, BODY)
    assert response.status_code == 200 and response.json()["findings"]
    assert SECRET not in shared.log_text()


def test_shared_service_started_with_allow_classified_checks_it(shared_allowed: Running) -> None:
    response = post_text(shared_allowed, "机密★1年\n" + BODY)
    assert response.status_code == 200 and response.json()["findings"]
    assert SECRET not in shared_allowed.log_text()


def test_shared_service_refuses_a_docx_marked_in_its_page_header(shared: Running) -> None:
    import io

    import docx

    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "机密★1年"
    for line in BODY.splitlines():
        word.add_paragraph(line)
    data = io.BytesIO()
    word.save(data)
    with shared.client() as client:
        response = client.post("/v1/check-file", files={"file": ("通知.docx", data.getvalue())})
    assert response.status_code == 403 and response.json()["error"]["code"] == "classified_refused"
    assert SECRET not in shared.log_text()
