"""`jianfu lsp --tcp`: the same server over a socket on 127.0.0.1, driven with raw JSON-RPC."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def send(sock: socket.socket, message: dict) -> None:
    body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
    sock.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)


def messages(sock: socket.socket):  # type: ignore[no-untyped-def]
    buffer = b""
    while True:
        while b"\r\n\r\n" not in buffer:
            buffer += sock.recv(65536) or pytest.fail("the server closed the connection")
        header, buffer = buffer.split(b"\r\n\r\n", 1)
        length = int(next(h for h in header.split(b"\r\n") if h.lower().startswith(b"content-length")).split(b":")[1])
        while len(buffer) < length:
            buffer += sock.recv(65536)
        body, buffer = buffer[:length], buffer[length:]
        yield json.loads(body)


def test_diagnostics_over_tcp() -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "jianfu", "lsp", "--tcp", f"127.0.0.1:{port}"])
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=30)
                break
            except ConnectionRefusedError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
        with sock:
            incoming = messages(sock)
            send(sock, {"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None,
                                                                      "capabilities": {}}})  # fmt: skip
            reply = next(m for m in incoming if m.get("id") == 1)
            assert reply["result"]["serverInfo"]["name"] == "jianfu"
            send(sock, {"method": "initialized", "params": {}})
            text = "关于某事的通知\n请各地于每季度末将贯彻落实情况报送市政府。\n"
            send(sock, {"method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": "file:///tmp/tcp.txt", "languageId": "plaintext", "version": 1, "text": text}}})  # fmt: skip
            for message in incoming:
                if message.get("method") == "workspace/configuration":
                    send(sock, {"id": message["id"], "result": [None] * len(message["params"]["items"])})
                elif message.get("method") == "textDocument/publishDiagnostics":
                    codes = [d["code"] for d in message["params"]["diagnostics"]]
                    if codes:
                        break
            assert codes == ["JF301"]
    finally:
        server.kill()
        server.wait(timeout=10)


def test_bad_tcp_address_is_a_usage_error() -> None:
    result = subprocess.run([sys.executable, "-m", "jianfu", "lsp", "--tcp", "localhost"], capture_output=True,
                            text=True, timeout=30)  # fmt: skip
    assert result.returncode == 2
    assert "--tcp 应为 主机:端口" in result.stderr
