"""A raw JSON-RPC client for the real `jianfu lsp` over stdio: it can send what no well-behaved
client library would (truncated bodies, batches, wrong-typed params) and reads every frame back."""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

SERVER = [sys.executable, "-m", "jianfu", "lsp"]


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class RawServer:
    def __init__(self, root: Path, options: dict[str, Any] | None = None) -> None:
        self.root = root
        self.stderr_path = root / "server-stderr.log"
        self._stderr = self.stderr_path.open("wb")
        self.process = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.responses: dict[Any, dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.options = options if options is not None else {"debounceMs": 0}

    # -- wire ----------------------------------------------------------------------------------

    def send_bytes(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict[str, Any] | list[Any], ascii: bool = False) -> None:
        """As UTF-8, or with every non-ASCII character escaped (how a lone surrogate travels in JSON)."""
        self.send_bytes(frame(json.dumps(message, ensure_ascii=ascii).encode("utf-8")))

    def notify(self, method: str, params: Any) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 10) -> dict[str, Any]:
        """Send a request; return the whole response (result or error). Server requests get answered."""
        msg_id = next(self._ids)
        self.send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
        return self.response(msg_id, timeout)

    def response(self, msg_id: Any, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if msg_id in self.responses:
                    return self.responses.pop(msg_id)
            if time.monotonic() > deadline:
                raise TimeoutError(f"no response to {msg_id!r} within {timeout} s")
            time.sleep(0.005)

    def wait_for(self, predicate: Any, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for message in self.notifications:
                    if predicate(message):
                        return message
            time.sleep(0.01)
        raise TimeoutError("the expected notification did not arrive")

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                elif line in (b"\r\n", b"\n"):
                    break
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # a request from the server: answer it
                self._answer(message)
            with self._lock:
                if "method" in message:
                    self.notifications.append(message)
                else:
                    self.responses[message.get("id")] = message

    def _answer(self, message: dict[str, Any]) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [self.options for _ in message["params"]["items"]]
        self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    # -- session -------------------------------------------------------------------------------

    def initialize(self) -> None:
        capabilities = {"workspace": {"configuration": True}, "general": {"positionEncodings": ["utf-16"]}}
        answer = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": self.root.as_uri(),
                "capabilities": capabilities,
                "initializationOptions": self.options,
            },
        )
        assert "result" in answer, answer
        self.notify("initialized", {})

    def open(self, name: str, text: str, version: int = 1) -> str:
        uri = (self.root / name).as_uri()
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}},
        )
        return uri

    def diagnostics(self, uri: str, version: int, timeout: float = 30) -> list[dict[str, Any]]:
        message = self.wait_for(
            lambda m: (
                m["method"] == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version
            ),
            timeout,
        )
        return message["params"]["diagnostics"]

    def hover(self, uri: str, line: int, character: int, timeout: float = 10) -> dict[str, Any]:
        position = {"line": line, "character": character}
        return self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position}, timeout)

    def shutdown(self, timeout: float = 10) -> dict[str, Any]:
        answer = self.request("shutdown", None, timeout)
        self.notify("exit", None)
        self.process.wait(timeout)
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self._stderr.close()

    def stderr(self) -> str:
        if not self._stderr.closed:
            self._stderr.flush()
        return self.stderr_path.read_text("utf-8", "replace")

    def pop_ups(self) -> list[dict[str, Any]]:
        with self._lock:
            return [m for m in self.notifications if m["method"] == "window/showMessage"]
