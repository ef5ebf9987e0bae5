"""Capture every output contract of jianfu on the bundled example drafts, as the real programs emit them.

Used by ``tests/test_contracts.py`` (compares with the golden files) and ``scripts/update-contracts.py``
(rewrites them). Each capture is the exact bytes a user or a client receives, with only what must vary
between runs replaced by a placeholder: the working folder, the package version, the port.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jianfu import __version__

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "data" / "contracts"
JIANFU = [sys.executable, "-m", "jianfu"]
PARENT_DIR = "配套文件"
PARENT = f"{PARENT_DIR}/上位文件.txt"
CHILD = f"{PARENT_DIR}/配套措施.txt"
ASTRAL = "astral/违规通知-扩展字符.txt"  # the violations draft with 𠮷 (two UTF-16 units) before every comma


def astral_variant(text: str) -> str:
    return text.replace("，", "𠮷，")


@contextmanager
def workspace() -> Iterator[Path]:
    """A copy of examples/ (as ``examples/``) plus the non-BMP variant, in a fresh folder."""
    with tempfile.TemporaryDirectory(prefix="jianfu-contracts-") as tmp:
        root = Path(tmp).resolve()
        shutil.copytree(REPO / "examples", root / "examples", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
        (root / "astral").mkdir()
        source = (REPO / "examples" / "违规通知.txt").read_text("utf-8")
        (root / ASTRAL).write_text(astral_variant(source), "utf-8")
        yield root


def normalise(data: bytes, root: Path, port: int | None = None) -> bytes:
    """Only what must vary: the folder (as a path, a file URI and JSON-escaped), the version, the port."""
    text = data.decode("utf-8")
    uri = root.as_uri()
    for variant in (uri, uri.replace("/", "\\/")):
        text = text.replace(variant, "file://<ROOT>")
    for variant in (str(root), json.dumps(str(root))[1:-1]):
        text = text.replace(variant, "<ROOT>")
    if port is not None:
        text = text.replace(f"127.0.0.1:{port}", "127.0.0.1:<PORT>")
    text = text.replace(f'"{__version__}"', '"<VERSION>"').replace(f"jianfu {__version__}", "jianfu <VERSION>")
    return text.encode("utf-8")


# --- the CLI --------------------------------------------------------------------------------

CLI_RUNS: dict[str, list[str]] = {
    "cli/examples.json": ["examples/", "--format", "json"],
    "cli/examples.sarif": ["examples/", "--format", "sarif"],
    "cli/examples.txt": ["examples/", "--no-progress"],
    "cli/examples.csv": ["examples/", "--format", "csv"],
    "cli/examples.html": ["examples/", "--format", "html"],
    "cli/parent.json": [f"examples/{CHILD}", "--parent", f"examples/{PARENT}", "--format", "json"],
    "cli/parent.sarif": [f"examples/{CHILD}", "--parent", f"examples/{PARENT}", "--format", "sarif"],
    "cli/astral.json": [ASTRAL, "--format", "json"],
    "cli/astral.txt": [ASTRAL, "--no-progress"],
}


def capture_cli(root: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    out = {}
    for name, args in CLI_RUNS.items():
        done = subprocess.run([*JIANFU, "check", *args], capture_output=True, cwd=root, env=env, timeout=300)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"jianfu check {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
        out[name] = normalise(done.stdout, root)
    return out


# --- the HTTP service -----------------------------------------------------------------------


def _http_requests(root: Path) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(golden name, method, path, httpx keyword arguments)."""
    examples = root / "examples"
    texts = {
        "violation": (examples / "违规通知.txt").read_text("utf-8"),
        "compliant": (examples / "合规通知.txt").read_text("utf-8"),
        "background": (examples / "实施方案-背景过长.md").read_text("utf-8"),
        "astral": (root / ASTRAL).read_text("utf-8"),
    }
    parent_text = (examples / PARENT).read_text("utf-8")
    requests: list[tuple[str, str, str, dict[str, Any]]] = [
        ("http/healthz.json", "GET", "/healthz", {}),
        ("http/rules.json", "GET", "/v1/rules", {}),
        ("http/rule-JF301.json", "GET", "/v1/rules/JF301", {}),
        ("http/openapi.json", "GET", "/openapi.json", {}),
    ]
    for name, text in texts.items():
        requests.append((f"http/check-{name}.json", "POST", "/v1/check", {"json": {"text": text}}))
        paragraphs = text.split("\n")
        requests.append(
            (f"http/check-{name}-paragraphs.json", "POST", "/v1/check", {"json": {"paragraphs": paragraphs}})
        )
    child = (examples / CHILD).read_text("utf-8")
    requests.append(
        (
            "http/check-parent.json",
            "POST",
            "/v1/check",
            {"json": {"text": child, "settings": {"parentText": parent_text}}},
        )
    )
    files = {
        "violation": examples / "违规通知.txt",
        "meeting-docx": examples / "会议通知.docx",
        "background": examples / "实施方案-背景过长.md",
        "astral": root / ASTRAL,
    }
    for name, path in files.items():
        upload = {"file": (path.name, path.read_bytes())}
        requests.append((f"http/check-file-{name}.json", "POST", "/v1/check-file", {"files": upload}))
    requests.append(
        (
            "http/check-file-parent.json",
            "POST",
            "/v1/check-file",
            {
                "files": {"file": ("配套措施.txt", (examples / CHILD).read_bytes())},
                "data": {"settings": json.dumps({"parentText": parent_text})},
            },
        )
    )
    return requests


def capture_http(root: Path) -> dict[str, bytes]:
    from tests.http.server import start

    running = start(root)
    out = {}
    try:
        with running.client() as client:
            for name, method, path, kwargs in _http_requests(root):
                response = client.request(method, path, **kwargs)
                status = f"HTTP {response.status_code} {response.headers.get('content-type')}\n".encode()
                out[name] = status + normalise(response.content, root, running.port)
    finally:
        running.stop()
    return out


# --- the language server --------------------------------------------------------------------


class _Lsp:
    """A bare JSON-RPC client over the real server's stdio: keeps each message's exact body bytes."""

    def __init__(self, root: Path, options: dict[str, Any]) -> None:
        self.options = options
        self.process = subprocess.Popen(
            [*JIANFU, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=root
        )
        self.messages: queue.Queue[bytes | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 0

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.messages.put(stream.read(length))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: Any) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def until(self, wanted: Any, timeout: float = 120) -> tuple[dict[str, Any], bytes]:
        """Read (answering the server's own requests) until ``wanted(message)``."""
        while True:
            body = self.messages.get(timeout=timeout)
            if body is None:
                raise RuntimeError("the language server exited")
            message = json.loads(body)
            if "method" in message and "id" in message:  # a request from the server
                result: Any = None
                if message["method"] == "workspace/configuration":
                    result = [self.options for _ in message["params"]["items"]]
                self.send({"id": message["id"], "result": result})
                if wanted(message):
                    return message, body
                continue
            if wanted(message):
                return message, body

    def close(self) -> None:
        try:
            request = self.request("shutdown", None)
            self.until(lambda m: m.get("id") == request and "result" in m, timeout=30)
            self.send({"method": "exit"})
            self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


PUBLISH = "textDocument/publishDiagnostics"
STATS = "jianfu/documentStats"


def _for_uri(lsp: _Lsp, uri: str, wanted: dict[str, str]) -> dict[str, bytes]:
    """The first message of each wanted method about ``uri`` (in whatever order the server sends them)."""
    found: dict[str, bytes] = {}
    methods = {method: kind for kind, method in wanted.items()}
    while len(found) < len(wanted):
        message, body = lsp.until(lambda m: m.get("method") in methods and m["params"].get("uri") == uri)
        found.setdefault(methods[message["method"]], body)
    return found


LSP_DRAFTS = {"lsp/violation": "examples/违规通知.txt", "lsp/parent": f"examples/{CHILD}", "lsp/astral": ASTRAL}


def capture_lsp(root: Path) -> dict[str, bytes]:
    options = {"debounceMs": 0, "parents": [str(root / "examples" / PARENT)]}
    lsp = _Lsp(root, options)
    out = {}
    try:
        initialize = lsp.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": {
                    "general": {"positionEncodings": ["utf-16"]},
                    "workspace": {"configuration": True},
                    "textDocument": {"hover": {"contentFormat": ["markdown"]}},
                },
                "initializationOptions": options,
                "workspaceFolders": [{"uri": root.as_uri(), "name": "drafts"}],
            },
        )
        lsp.until(lambda m: m.get("id") == initialize)
        lsp.send({"method": "initialized", "params": {}})
        lsp.until(lambda m: m.get("method") == "workspace/configuration")
        for name, relative in LSP_DRAFTS.items():
            path = root / relative
            uri = path.as_uri()
            lsp.send(
                {
                    "method": "textDocument/didOpen",
                    "params": {
                        "textDocument": {
                            "uri": uri,
                            "languageId": "plaintext",
                            "version": 1,
                            "text": path.read_text("utf-8"),
                        }
                    },
                }
            )

            for kind, message in _for_uri(lsp, uri, {"diagnostics": PUBLISH, "stats": STATS}).items():
                out[f"{name}.{kind}.json"] = normalise(message, root)
    finally:
        lsp.close()
    return out


def capture_all() -> dict[str, bytes]:
    with workspace() as root:
        return {**capture_cli(root), **capture_http(root), **capture_lsp(root)}
