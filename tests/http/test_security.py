"""Errors, limits, Host/Origin checks, token auth and log hygiene of the real service."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx

from jianfu.rules import Rule
from tests.http.conftest import OA_ORIGIN, TOKEN
from tests.http.contract import has_chinese, validate
from tests.http.server import Running

DRAFT = "关于开展某某工作的通知\n各单位：\n各单位要制定具体实施方案，并于月底前报送贯彻落实情况。\n某某局"


def _error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code
    assert has_chinese(body["error"]["message"])
    return body["error"]["message"]


def test_health(service: Running, rules: list[Rule]) -> None:
    body = service.client().get("/healthz").json()
    assert body == {"status": "ok", "version": body["version"], "rules": len(rules)}


def test_rules(service: Running, rules: list[Rule]) -> None:
    client = service.client()
    openapi = client.get("/openapi.json").json()
    listing = client.get("/v1/rules").json()
    validate(openapi, "RuleList", listing)
    assert sorted(r["id"] for r in listing["rules"]) == sorted(r.id for r in rules)
    one = client.get("/v1/rules/jf302").json()
    validate(openapi, "RuleDetail", one)
    assert one["id"] == "JF302" and one["examples"]["flag"] and one["examples"]["pass"]
    message = _error(client.get("/v1/rules/JF9999"), 404, "rule_not_found")
    assert "JF9999" in message


def test_malformed_json_is_400(service: Running) -> None:
    response = service.client().post(
        "/v1/check", content=b'{"text": "abc",', headers={"content-type": "application/json"}
    )
    _error(response, 400, "invalid_json")


def test_wrong_shapes_are_422(service: Running) -> None:
    client = service.client()
    _error(client.post("/v1/check", json=["text"]), 422, "invalid_request")
    _error(client.post("/v1/check", json={"text": "a", "paragraphs": ["a"]}), 422, "invalid_request")
    _error(client.post("/v1/check", json={"paragraphs": ["a", 1]}), 422, "invalid_request")
    message = _error(
        client.post("/v1/check", json={"text": "a", "settings": {"doc_type": "novel"}}), 422, "invalid_settings"
    )
    assert "doc_type" in message
    _error(
        client.post("/v1/check", content=b"text", headers={"content-type": "text/plain"}), 415, "unsupported_media_type"
    )


def test_the_api_never_accepts_a_path(service: Running, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("要求报送贯彻落实情况。", "utf-8")
    client = service.client()
    _error(client.post("/v1/check", json={"path": str(secret)}), 422, "invalid_request")
    _error(
        client.post("/v1/check", json={"text": "某某", "settings": {"parents": [str(secret)]}}), 422, "invalid_settings"
    )
    _error(
        client.post("/v1/check", json={"text": "某某", "settings": {"per_file_ignores": {str(secret): ["JF301"]}}}),
        422,
        "invalid_settings",
    )
    # An upload's name is only a suffix: the content checked is the upload's, never the file of that name.
    response = client.post(
        "/v1/check-file", files={"file": (str(secret), "某某单位文件\n一切正常。".encode(), "text/plain")}
    )
    assert response.status_code == 200
    assert response.json()["paragraphs"] == ["某某单位文件", "一切正常。"] and response.json()["findings"] == []


def test_body_too_large_is_413(service: Running) -> None:
    big = json.dumps({"text": "字" * (2 * 1024 * 1024)}, ensure_ascii=False).encode()  # 6 MB of UTF-8
    client = service.client()
    _error(client.post("/v1/check", content=big, headers={"content-type": "application/json"}), 413, "body_too_large")

    def chunks():  # no Content-Length: the limit must hold while streaming too
        for start in range(0, len(big), 256 * 1024):
            yield big[start : start + 256 * 1024]

    _error(
        client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"}), 413, "body_too_large"
    )
    upload = client.post("/v1/check-file", files={"file": ("大文件.txt", b"a" * (6 * 1024 * 1024), "text/plain")})
    _error(upload, 413, "body_too_large")
    assert client.get("/healthz").status_code == 200


def test_foreign_host_is_refused(service: Running) -> None:
    client = service.client()
    _error(client.get("/healthz", headers={"host": "evil.example"}), 403, "host_not_allowed")
    _error(
        client.post("/v1/check", json={"text": DRAFT}, headers={"host": f"evil.example:{service.port}"}),
        403,
        "host_not_allowed",
    )
    _error(client.get("/v1/rules", headers={"host": "127.0.0.1.evil.example"}), 403, "host_not_allowed")
    assert client.get("/healthz", headers={"host": f"localhost:{service.port}"}).status_code == 200
    assert client.get("/healthz", headers={"host": f"127.0.0.1:{service.port}"}).status_code == 200


def test_cors_only_for_the_own_origin_by_default(service: Running) -> None:
    client = service.client()
    own = service.url
    preflight = {"access-control-request-method": "POST", "access-control-request-headers": "content-type"}
    allowed = client.options("/v1/check", headers={"origin": own, **preflight})
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == own
    assert "POST" in allowed.headers["access-control-allow-methods"]
    refused = client.options("/v1/check", headers={"origin": "https://evil.example", **preflight})
    _error(refused, 403, "origin_not_allowed")
    assert "access-control-allow-origin" not in refused.headers
    _error(
        client.post("/v1/check", json={"text": DRAFT}, headers={"origin": "https://evil.example"}),
        403,
        "origin_not_allowed",
    )
    _error(client.post("/v1/check", json={"text": DRAFT}, headers={"origin": "null"}), 403, "origin_not_allowed")
    _error(client.post("/v1/check", json={"text": DRAFT}, headers={"origin": OA_ORIGIN}), 403, "origin_not_allowed")
    same = client.post("/v1/check", json={"text": DRAFT}, headers={"origin": own})
    assert same.status_code == 200 and same.headers["access-control-allow-origin"] == own


def test_configured_origin_token_and_config(configured: Running) -> None:
    client = configured.client()
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert client.get("/healthz").status_code == 200  # liveness checks need no token
    _error(client.get("/v1/rules"), 401, "unauthorized")
    _error(client.post("/v1/check", json={"text": DRAFT}), 401, "unauthorized")
    _error(client.get("/v1/rules", headers={"authorization": "Bearer wrong-token-0000000000"}), 401, "unauthorized")
    assert client.get("/v1/rules", headers=auth).status_code == 200
    preflight = client.options("/v1/check", headers={"origin": OA_ORIGIN, "access-control-request-method": "POST"})
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-origin"] == OA_ORIGIN
    response = client.post(
        "/v1/check", json={"text": DRAFT, "settings": {"ignore": ["JF401"]}}, headers={"origin": OA_ORIGIN, **auth}
    )
    assert response.status_code == 200 and response.headers["access-control-allow-origin"] == OA_ORIGIN
    rules = {f["rule"] for f in response.json()["findings"]}
    assert "JF302" in rules and "JF301" not in rules  # jianfu.toml ignores JF301; the client's ignore adds to it
    page = client.get("/wps/")
    assert page.status_code == 200 and "减负检查" in page.text


def test_draft_text_never_reaches_the_log(tmp_path) -> None:
    from tests.http.server import start

    marker = "绝密标记甲乙丙丁七九三"
    running = start(tmp_path)
    try:
        client = running.client()
        text = f"关于某某工作的通知\n各单位：\n{marker}，各单位要报送贯彻落实情况。\n"
        assert client.post("/v1/check", json={"text": text}).status_code == 200
        assert (
            client.post(
                "/v1/check", json={"paragraphs": text.split("\n"), "settings": {"parent_text": marker}}
            ).status_code
            == 200
        )
        assert (
            client.post(
                "/v1/check", content=f'{{"text": "{marker}"'.encode(), headers={"content-type": "application/json"}
            ).status_code
            == 400
        )
        assert client.post("/v1/check", json={"text": marker, "settings": {"select": marker}}).status_code == 200
        assert (
            client.post(
                "/v1/check-file", files={"file": ("a.docx", marker.encode() * 10, "application/octet-stream")}
            ).status_code
            == 400
        )
        assert client.post("/v1/check-file", files={"file": ("a.txt", text.encode(), "text/plain")}).status_code == 200
        assert client.post("/v1/check", json={"text": marker * 500_000}).status_code == 413
    finally:
        running.stop()
    log = running.log_text()
    assert (
        '"POST /v1/check HTTP/1.1" 200' in log and '"POST /v1/check-file HTTP/1.1" 400' in log
    )  # the log was captured
    assert marker not in log


def test_remote_bind_needs_an_explicit_flag() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jianfu", "serve", "--host", "0.0.0.0"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "--allow-remote" in result.stderr and has_chinese(result.stderr)


def test_unknown_address_is_404_json(service: Running) -> None:
    _error(service.client().get("/v1/nothing"), 404, "not_found")
    _error(service.client().get("/v1/check"), 405, "method_not_allowed")


def test_two_workers_answer(tmp_path) -> None:
    from tests.http.server import start

    running = start(tmp_path, "--workers", "2")
    try:
        client = running.client()
        bodies = [client.post("/v1/check", json={"text": DRAFT}).json() for _ in range(6)]
        assert all(b == bodies[0] for b in bodies) and bodies[0]["findings"]
        _error(client.get("/healthz", headers={"host": "evil.example"}), 403, "host_not_allowed")
    finally:
        running.stop()
    assert "Started parent process" in running.log_text() or running.log_text().count("Started server process") == 2


def test_bad_organisation_config_stops_the_start_with_a_chinese_message(tmp_path) -> None:
    config = tmp_path / "jianfu.toml"
    config.write_text('doc_type = "novel"\n', "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "jianfu", "serve", "--port", "1", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "doc_type" in result.stderr and has_chinese(result.stderr)
