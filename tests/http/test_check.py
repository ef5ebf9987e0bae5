"""POST /v1/check and /v1/check-file against the real service: findings and their positions."""

from __future__ import annotations

import io
import json

import docx
import pytest

from jianfu.engine import check as engine_check
from jianfu.rules import Rule
from jianfu.text.structure import parse
from tests.http.contract import has_chinese, js_slice, validate
from tests.http.server import Running

DRAFT = [
    "关于开展某某专项整治工作的通知",
    "各乡镇人民政府，县直各单位：",
    "为做好某某工作，现就有关事项通知如下。",
    "一、各单位要制定具体实施方案，并于每月底前报送贯彻落实情况。",
    "二、县里将对工作开展情况进行督查。",
    "某某县人民政府办公室",
    "2024年9月1日",
]
ASTRAL = "𠮷"  # one code point, two UTF-16 units


@pytest.fixture(scope="module")
def openapi(service: Running) -> dict:
    return service.client().get("/openapi.json").json()


def _check(service: Running, payload: dict) -> dict:
    response = service.client().post("/v1/check", json=payload)
    assert response.status_code == 200, response.text
    return response.json()


def test_text_findings_are_the_engines(service: Running, rules: list[Rule], openapi: dict) -> None:
    text = "\n".join(DRAFT)
    body = _check(service, {"text": text})
    validate(openapi, "CheckResponse", body)
    expected = engine_check(parse(text), rules).findings
    assert expected, "the sample draft must produce findings"
    assert [(f["rule"], f["start"], f["end"]) for f in body["findings"]] == [(f.rule, f.start, f.end) for f in expected]
    for finding in body["findings"]:
        assert finding["text"] == text[finding["start"] : finding["end"]]
        assert finding["id"] == f"{finding['rule']}:{finding['start']}:{finding['end']}"
        assert has_chinese(finding["message"]) and finding["clause"]
    assert body["stats"]["body_chars"] > 0 and body["stats"]["doc_type"] == "special"


def test_paragraphs_with_a_character_outside_the_bmp(service: Running, openapi: dict) -> None:
    paragraphs = list(DRAFT)
    paragraphs[2] = ASTRAL + paragraphs[2]  # shifts every later finding by one UTF-16 unit
    paragraphs[3] = ASTRAL + ASTRAL + paragraphs[3]  # and these by two more inside the paragraph
    body = _check(service, {"paragraphs": paragraphs})
    validate(openapi, "CheckResponse", body)
    joined = "\n".join(paragraphs)
    in_third = [f for f in body["findings"] if f["paragraph"] == 3]
    assert {f["rule"] for f in in_third} >= {"JF301", "JF302"}
    for finding in body["findings"]:
        words = finding["text"]
        assert joined[finding["start"] : finding["end"]] == words
        assert js_slice(joined, finding["start_utf16"], finding["end_utf16"]) == words
        paragraph = paragraphs[finding["paragraph"]]
        assert js_slice(paragraph, finding["paragraph_start_utf16"], finding["paragraph_end_utf16"]) == words
    for finding in in_third:
        assert finding["start_utf16"] - finding["start"] == 3
        assert finding["paragraph_start_utf16"] == paragraph_offset(paragraphs[3], finding["text"])


def paragraph_offset(paragraph: str, words: str) -> int:
    return len(paragraph[: paragraph.index(words)].encode("utf-16-le")) // 2


def test_paragraph_indices_follow_the_list_not_line_breaks(service: Running) -> None:
    """A stray line break inside a WPS paragraph must not shift the paragraph index of later findings."""
    paragraphs = list(DRAFT)
    paragraphs[2] = "为做好某某工作，\u000b现就有关事项通知如下。"
    body = _check(service, {"paragraphs": paragraphs})
    finding = next(f for f in body["findings"] if f["rule"] == "JF302")
    assert finding["paragraph"] == 3
    assert js_slice(paragraphs[3], finding["paragraph_start_utf16"], finding["paragraph_end_utf16"]) == finding["text"]


def test_settings_change_the_check(service: Running) -> None:
    text = "\n".join(DRAFT)
    only = _check(service, {"text": text, "settings": {"select": ["JF302"]}})
    assert {f["rule"] for f in only["findings"]} == {"JF302"}
    general = _check(service, {"text": text, "settings": {"doc_type": "general", "ignore": ["JF302"]}})
    assert general["stats"]["doc_type"] == "general" and general["stats"]["limit"] == 5000
    assert "JF302" not in {f["rule"] for f in general["findings"]}
    camel = _check(service, {"text": text, "settings": {"docType": "comprehensive"}})
    assert camel["stats"]["limit"] is None


def test_the_direction_setting_makes_demand_rules_stand_down(service: Running) -> None:
    text = "\n".join(DRAFT)
    downward = {f["rule"] for f in _check(service, {"text": text})["findings"]}
    upward = {f["rule"] for f in _check(service, {"text": text, "settings": {"direction": "上行文"}})["findings"]}
    assert "JF302" in downward and "JF302" not in upward
    assert upward <= downward


def test_parent_text_finds_copying(service: Running) -> None:
    parent = "各地区各部门要坚持以人民为中心的发展思想，统筹推进各项改革任务落地见效，切实把党中央决策部署落到实处。"
    draft = ["关于某某工作的实施意见", "各单位：", parent, "某某局"]
    with_parent = _check(service, {"paragraphs": draft, "settings": {"parent_text": parent}})
    without = _check(service, {"paragraphs": draft})
    copy_rules = {f["rule"] for f in with_parent["findings"]} - {f["rule"] for f in without["findings"]}
    assert copy_rules, "a paragraph copied from the parent text must be reported"


def _docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_check_file_docx(service: Running, openapi: dict) -> None:
    paragraphs = list(DRAFT)
    paragraphs[3] = ASTRAL + paragraphs[3]
    response = service.client().post(
        "/v1/check-file",
        files={
            "file": (
                "草稿.docx",
                _docx(paragraphs),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        },
        data={"settings": json.dumps({"ignore": ["JF301"]})},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    validate(openapi, "CheckFileResponse", body)
    assert body["paragraphs"] == paragraphs
    assert "JF302" in {f["rule"] for f in body["findings"]} and "JF301" not in {f["rule"] for f in body["findings"]}
    same = _check(service, {"paragraphs": paragraphs, "settings": {"ignore": ["JF301"]}})
    assert body["findings"] == same["findings"]
    for finding in body["findings"]:
        assert (
            js_slice(paragraphs[finding["paragraph"]], finding["paragraph_start_utf16"], finding["paragraph_end_utf16"])
            == finding["text"]
        )


def test_check_file_text_upload(service: Running) -> None:
    data = "\r\n".join(DRAFT).encode("gb18030")
    response = service.client().post("/v1/check-file", files={"file": ("草稿.txt", data, "text/plain")})
    assert response.status_code == 200, response.text
    assert response.json()["paragraphs"] == DRAFT


def test_corrupt_docx_is_400_in_chinese(service: Running, openapi: dict) -> None:
    response = service.client().post(
        "/v1/check-file", files={"file": ("坏文件.docx", b"PK\x03\x04 not really a zip", "application/octet-stream")}
    )
    assert response.status_code == 400
    validate(openapi, "Error", response.json())
    assert response.json()["error"]["code"] == "unreadable_file"
    assert has_chinese(response.json()["error"]["message"]) and ".docx" in response.json()["error"]["message"]


def test_unsupported_upload_type_is_415(service: Running) -> None:
    response = service.client().post(
        "/v1/check-file", files={"file": ("程序.exe", b"MZ\x90\x00", "application/octet-stream")}
    )
    assert response.status_code == 415 and has_chinese(response.json()["error"]["message"])


def test_missing_file_field_is_422(service: Running) -> None:
    response = service.client().post("/v1/check-file", files={"other": ("a.txt", b"x", "text/plain")})
    assert response.status_code == 422 and "file" in response.json()["error"]["message"]
