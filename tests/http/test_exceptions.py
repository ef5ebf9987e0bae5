"""说明理由 through the real service on 127.0.0.1: a request's exceptions mark findings, and
POST /v1/exceptions records one into the service's jianfu.toml (or returns it to keep)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import tomllib

from jianfu import fingerprint
from tests.http.contract import validate
from tests.http.server import Running, start

SENTENCE = "请各区县于每季度末将贯彻落实情况报送市政府办公室。"
OTHER = "各单位要按期完成任务。"
PARAGRAPHS = ["关于做好某项工作的通知", "各单位：", OTHER, SENTENCE]


@pytest.fixture(scope="module")
def with_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Running, Path]]:
    folder = tmp_path_factory.mktemp("explain")
    config = folder / "jianfu.toml"
    config.write_text('# 本单位配置\nignore = ["JF203"]\n', "utf-8")
    running = start(folder, "--config", str(config))
    yield running, config
    running.stop()


def kept(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["rule"] == "JF301"]


def test_exceptions_sent_in_settings_mark_the_finding(service: Running) -> None:
    openapi = service.client().get("/openapi.json").json()
    exception = {"rule": "JF301", "fingerprint": fingerprint.of_text("JF301", SENTENCE), "reason": "有国务院文件依据"}
    with service.client() as client:
        plain = client.post("/v1/check", json={"paragraphs": PARAGRAPHS}).json()
        (finding,) = kept(plain["findings"])
        assert finding["severity"] == "warning" and "exception" not in finding
        answer = client.post("/v1/check", json={"paragraphs": PARAGRAPHS, "settings": {"exceptions": [exception]}})
    assert answer.status_code == 200
    validate(openapi, "CheckResponse", answer.json())
    (finding,) = kept(answer.json()["findings"])
    assert finding["severity"] == "info"
    assert finding["exception"] == {"reason": "有国务院文件依据", "who": "", "when": ""}


def test_without_a_config_the_entry_is_returned_to_keep(service: Running) -> None:
    with service.client() as client:
        (finding,) = kept(client.post("/v1/check", json={"paragraphs": PARAGRAPHS}).json()["findings"])
        answer = client.post(
            "/v1/exceptions",
            json={"paragraphs": PARAGRAPHS, "finding": finding["id"], "reason": "确需报送", "who": "王五"},
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        validate(client.get("/openapi.json").json(), "ExceptionRecorded", body)
        assert body["recorded"] is False and body["exception"]["fingerprint"] == fingerprint.of_text("JF301", SENTENCE)
        # kept by the client and sent back, after an edit in another paragraph
        edited = [*PARAGRAPHS[:2], "各单位要结合实际，" + OTHER, SENTENCE]
        again = client.post("/v1/check", json={"paragraphs": edited, "settings": {"exceptions": [body["exception"]]}})
        (finding,) = kept(again.json()["findings"])
        assert finding["severity"] == "info" and finding["exception"]["who"] == "王五"


def test_with_a_config_the_entry_is_written_there(with_config: tuple[Running, Path]) -> None:
    running, config = with_config
    with running.client() as client:
        (finding,) = kept(client.post("/v1/check", json={"paragraphs": PARAGRAPHS}).json()["findings"])
        answer = client.post(
            "/v1/exceptions", json={"paragraphs": PARAGRAPHS, "finding": finding["id"], "reason": "确需报送"}
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["recorded"] is True and answer.json()["config"] == "jianfu.toml"
        text = config.read_text("utf-8")
        assert text.startswith("# 本单位配置")
        (entry,) = tomllib.loads(text)["exception"]
        assert entry["rule"] == "JF301" and entry["reason"] == "确需报送"
        (finding,) = kept(client.post("/v1/check", json={"paragraphs": PARAGRAPHS}).json()["findings"])
        assert finding["severity"] == "info" and finding["exception"]["reason"] == "确需报送"


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"paragraphs": PARAGRAPHS, "finding": "JF301:0:1", "reason": "x"}, 404, "没有 id 为"),
        ({"paragraphs": PARAGRAPHS, "finding": "JF301:0:1"}, 422, "缺少 reason"),
        ({"paragraphs": PARAGRAPHS, "reason": "x"}, 422, "缺少 finding"),
    ],
)
def test_bad_requests_say_what_is_wrong(service: Running, body: dict, status: int, words: str) -> None:
    with service.client() as client:
        answer = client.post("/v1/exceptions", json=body)
    assert answer.status_code == status and words in answer.json()["error"]["message"]
