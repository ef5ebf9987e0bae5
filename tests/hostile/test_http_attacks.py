"""`jianfu serve` attacked: the real service on 127.0.0.1, raw sockets where httpx would be too polite.

Every answer is a 4xx with the documented error shape, or a 200; never a 500, never a traceback
in the log; GET /healthz answers after each attack.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.http.contract import has_chinese, validate
from tests.http.server import Running, start

READ_TIMEOUT = 0.5  # configured small so the slow-client test stays fast
MAX_BODY_MB = 1
DRAFT = "关于开展某某工作的通知\n各单位：\n各单位要签订目标责任书，并于月底前报送贯彻落实情况。\n某某局"
PATHS = ["../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "file:///etc/passwd", "%2e%2e%2fetc%2fpasswd"]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    running = start(
        tmp_path_factory.mktemp("hostile-serve"), "--read-timeout", str(READ_TIMEOUT), "--max-body", str(MAX_BODY_MB)
    )
    yield running
    running.stop()
    assert "Traceback" not in running.log_text()


@pytest.fixture(scope="module")
def openapi(service: Running) -> dict[str, Any]:
    return httpx.get(f"{service.url}/openapi.json").json()


@pytest.fixture(autouse=True)
def still_alive(service: Running) -> Iterator[None]:
    yield
    assert httpx.get(f"{service.url}/healthz", timeout=10).json()["status"] == "ok"
    assert "Traceback" not in service.log_text()


def fresh(service: Running) -> httpx.Client:
    """A client without kept-alive connections: an attack must not hide behind a reused one."""
    return httpx.Client(base_url=service.url, timeout=30, limits=httpx.Limits(max_keepalive_connections=0))


def assert_error(response: httpx.Response, openapi: dict[str, Any], status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text[:500]
    body = response.json()
    validate(openapi, "Error", body)
    assert has_chinese(body["error"]["message"])
    if code:
        assert body["error"]["code"] == code, body


def assert_clean(response: httpx.Response, openapi: dict[str, Any]) -> None:
    """A 200 or a 4xx in the documented shape."""
    assert response.status_code == 200 or 400 <= response.status_code < 500, response.text[:500]
    if response.status_code != 200:
        assert_error(response, openapi, response.status_code)


def post_json(service: Running, raw: str | bytes) -> httpx.Response:
    with fresh(service) as client:
        return client.post("/v1/check", content=raw, headers={"content-type": "application/json"})


def raw_exchange(service: Running, request: bytes, pause_after: float = 0) -> bytes:
    with socket.create_connection(("127.0.0.1", service.port), timeout=20) as sock:
        sock.sendall(request)
        if pause_after:
            time.sleep(pause_after)
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
            if b"\r\n\r\n" in b"".join(chunks):
                head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
                length = next(
                    (
                        int(v)
                        for k, _, v in (h.partition(b":") for h in head.split(b"\r\n"))
                        if k.lower() == b"content-length"
                    ),
                    None,
                )
                if length is not None and len(body) >= length:
                    break
        return b"".join(chunks)


def status_and_body(reply: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = reply.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


@pytest.mark.parametrize("where", ["settings.select", "settings", "text", "paragraphs", "top level"])
def test_deeply_nested_json_is_400_not_500(service: Running, openapi: dict[str, Any], where: str) -> None:
    deep = "[" * 2000 + "]" * 2000
    body = {
        "settings.select": '{"text": "a", "settings": {"select": ' + deep + "}}",
        "settings": '{"text": "a", "settings": ' + '{"a":' * 2000 + "1" + "}" * 2001,
        "text": '{"text": ' + deep + "}",
        "paragraphs": '{"paragraphs": ' + deep + "}",
        "top level": deep,
    }[where]
    response = post_json(service, body)
    assert_error(response, openapi, 400, "invalid_json")
    assert "32" in response.json()["error"]["message"]


def test_nesting_just_over_the_cap_is_refused_and_under_it_is_answered(
    service: Running, openapi: dict[str, Any]
) -> None:
    over = '{"text": "a", "settings": {"select": ' + "[" * 32 + "]" * 32 + "}}"
    assert_error(post_json(service, over), openapi, 400, "invalid_json")
    under = '{"text": "a", "settings": {"select": [], "ignore": ["JF301"]}}'
    assert post_json(service, under).status_code == 200


def test_deeply_nested_settings_in_a_multipart_upload(service: Running, openapi: dict[str, Any]) -> None:
    with fresh(service) as client:
        response = client.post(
            "/v1/check-file",
            files={"file": ("通知.txt", DRAFT.encode())},
            data={"settings": '{"select": ' + "[" * 2000 + "]" * 2000 + "}"},
        )
    assert_error(response, openapi, 400, "invalid_json")


def test_integer_of_five_thousand_digits(service: Running, openapi: dict[str, Any]) -> None:
    assert_error(post_json(service, '{"text": "a", "settings": {"select": [1' + "0" * 5000 + "]}}"), openapi, 400)


def test_slow_client_that_stalls_the_body_gets_408(service: Running, openapi: dict[str, Any]) -> None:
    head = (
        b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    )
    started = time.monotonic()
    status, body = status_and_body(raw_exchange(service, head + b'{"text": "'))
    assert status == 408
    validate(openapi, "Error", body)
    assert body["error"]["code"] == "request_timeout" and has_chinese(body["error"]["message"])
    assert time.monotonic() - started < 15  # liveness only: the configured timeout is 0.5 s


def test_chunked_body_growing_past_the_limit_gets_413(service: Running, openapi: dict[str, Any]) -> None:
    head = b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"a" * 65536
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(MAX_BODY_MB * 16 + 4)) + b"0\r\n\r\n"
    status, payload = status_and_body(raw_exchange(service, head + body))
    assert status == 413
    validate(openapi, "Error", payload)
    assert payload["error"]["code"] == "body_too_large"


def test_chunked_body_under_the_limit_is_checked(service: Running) -> None:
    data = json.dumps({"text": DRAFT}, ensure_ascii=False).encode()
    head = b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    status, payload = status_and_body(raw_exchange(service, head + b"%x\r\n%s\r\n0\r\n\r\n" % (len(data), data)))
    assert status == 200 and payload["findings"]


MULTIPART = {
    "no boundary": (b"garbage", "multipart/form-data"),
    "garbage after boundary": (b"\x00" * 1000, "multipart/form-data; boundary=XX"),
    "header without colon": (b"--XX\r\nfoo\r\n\r\nabc\r\n--XX--\r\n", "multipart/form-data; boundary=XX"),
    "truncated": (
        b'--XX\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
        "multipart/form-data; boundary=XX",
    ),
    "settings not utf-8": (
        b'--XX\r\nContent-Disposition: form-data; name="settings"\r\n\r\n\xff\xfe{\r\n'
        b'--XX\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc\r\n--XX--\r\n',
        "multipart/form-data; boundary=XX",
    ),
    "file name with an encoded lone surrogate": (
        b'--XX\r\nContent-Disposition: form-data; name="file"; filename="a\xed\xa0\x80.txt"\r\n\r\n'
        + DRAFT.encode()
        + b"\r\n--XX--\r\n",
        "multipart/form-data; boundary=XX",
    ),
    "file name* with a percent-encoded lone surrogate": (
        b"--XX\r\nContent-Disposition: form-data; name=\"file\"; filename*=utf-8''a%ED%A0%80.txt\r\n\r\nabc\r\n--XX--\r\n",
        "multipart/form-data; boundary=XX",
    ),
    "two files": (
        b'--XX\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc\r\n'
        b'--XX\r\nContent-Disposition: form-data; name="file"; filename="b.txt"\r\n\r\nabc\r\n--XX--\r\n',
        "multipart/form-data; boundary=XX",
    ),
    "boundary of 5,000 characters": (b"--" + b"B" * 5000 + b"\r\n\r\n", "multipart/form-data; boundary=" + "B" * 5000),
}


@pytest.mark.parametrize("case", list(MULTIPART))
def test_malformed_multipart(service: Running, openapi: dict[str, Any], case: str) -> None:
    body, content_type = MULTIPART[case]
    with fresh(service) as client:
        response = client.post("/v1/check-file", content=body, headers={"content-type": content_type})
    assert_clean(response, openapi)


@pytest.mark.parametrize(
    "body",
    [
        '{"text": "各乡镇要签订目标\\ud800责任书。"}',
        '{"paragraphs": ["各乡镇要签订目标责任书\\udcff", "\\udfff"]}',
        '{"text": "\\ud800\\udc00\\ud800"}',
        '{"text": "各乡镇要签订目标责任书。", "settings": {"select": ["\\ud800"], "parentText": "\\udc00各乡镇要签订目标责任书。"}}',
    ],
    ids=["inside a finding", "paragraphs", "pair then lone", "settings"],
)
def test_lone_surrogates(service: Running, openapi: dict[str, Any], body: str) -> None:
    response = post_json(service, body)
    assert_clean(response, openapi)
    json.loads(response.content)  # still JSON that a client parses


def test_lone_surrogate_in_a_finding_comes_back_escaped(service: Running) -> None:
    response = post_json(service, '{"text": "各乡镇要签订目标\\ud800责任书。"}')
    assert response.status_code == 200
    texts = [f["text"] for f in json.loads(response.content)["findings"]]
    assert "签订目标\ud800责任书" in texts  # the client gets back exactly what it sent


@pytest.mark.parametrize("value", PATHS)
def test_path_like_values_in_every_field(service: Running, openapi: dict[str, Any], value: str) -> None:
    with fresh(service) as client:
        requests = [
            client.post("/v1/check", json={"text": value}),
            client.post("/v1/check", json={"paragraphs": [value, value]}),
            client.post("/v1/check", json={"text": DRAFT, value: value}),
            client.post("/v1/check", json={"text": DRAFT, "settings": {value: value}}),
            *[
                client.post("/v1/check", json={"text": DRAFT, "settings": {key: value}})
                for key in ("docType", "parentText", "select", "ignore", "specialTopics", "parents", "per_file_ignores")
            ],
            *[
                client.post("/v1/check", json={"text": DRAFT, "settings": {key: [value]}})
                for key in ("select", "ignore", "specialTopics", "parents")
            ],
            client.post("/v1/check-file", files={"file": (value, DRAFT.encode())}),
            client.post("/v1/check-file", files={"file": (value + ".docx", b"PK\x03\x04junk")}),
            client.post("/v1/check-file", files={"file": ("a.txt", value.encode())}),
            client.post("/v1/check-file", files={"file": ("a.txt", DRAFT.encode())}, data={"settings": value}),
            client.post(
                "/v1/check-file",
                files={"file": ("a.txt", DRAFT.encode())},
                data={"settings": json.dumps({"select": [value]})},
            ),
            client.get(f"/v1/rules/{value}"),
            client.get(f"/wps/{value}"),
            client.get(f"/{value}"),
            client.get("/v1/rules", headers={"host": value}),
            client.post("/v1/check", json={"text": DRAFT}, headers={"origin": value}),
            client.post("/v1/check", json={"text": DRAFT}, headers={"authorization": f"Bearer {value}"}),
            client.post(
                "/v1/check", json={"text": DRAFT}, headers={"content-type": f"application/json; charset={value}"}
            ),
        ]
    for response in requests:
        assert_clean(response, openapi)
        assert "root:" not in response.text  # /etc/passwd never read


def test_huge_setting_value_is_not_echoed_whole(service: Running, openapi: dict[str, Any]) -> None:
    with fresh(service) as client:
        response = client.post("/v1/check", json={"text": DRAFT, "settings": {"docType": "x" * 500_000}})
    assert_error(response, openapi, 422, "invalid_settings")
    assert len(response.content) < 2000


def test_uploaded_docx_with_a_doctype_entity_is_checked_and_noted(service: Running, openapi: dict[str, Any]) -> None:
    from tests.hostile.docx_files import docx_with_body, paragraph

    data = docx_with_body(paragraph("各乡镇要&x;签订目标责任书。"), '<!DOCTYPE w:document [<!ENTITY x "插入">]>')
    with fresh(service) as client:
        response = client.post("/v1/check-file", files={"file": ("实体.docx", data)})
    assert response.status_code == 200
    body = response.json()
    validate(openapi, "CheckFileResponse", body)
    assert body["paragraphs"] == ["各乡镇要签订目标责任书。"]
    assert [f["text"] for f in body["findings"]] == ["签订目标责任书"]
    assert "DOCTYPE" in body["notes"][0]
