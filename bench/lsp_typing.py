"""Language-server latency while typing: the real `jianfu lsp` over stdio.

For a 5,000-字 and a 50,000-字 draft (and the 5,000-字 one again with a 上位文件 named in jianfu.toml):
200 single-character edits at ~10 per second, then a burst of 20 without pause; the time from
sending `didChange` to receiving the `publishDiagnostics` of that version (debounce 0 for the measurement: the configured debounce delay adds to it as a fixed wait).
Also start-up: process spawn to the first diagnostics. Run: python bench/lsp_typing.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import BaseLanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drafts import draft  # noqa: E402


class Client(BaseLanguageClient):
    def __init__(self) -> None:
        super().__init__("bench", "1")
        self.arrivals: dict[int, float] = {}
        self.event = asyncio.Event()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrivals[params.version] = time.perf_counter()
                self.event.set()

        @self.feature("jianfu/documentStats")
        def on_stats(params: object) -> None:
            pass

        self.debounce = 0

        @self.feature(types.WORKSPACE_CONFIGURATION)
        def on_configuration(params: types.ConfigurationParams) -> list[object]:
            return [{"debounceMs": self.debounce}]


async def wait_version(client: Client, version: int, timeout: float = 30) -> float:
    deadline = time.perf_counter() + timeout
    while version not in client.arrivals:
        client.event.clear()
        await asyncio.wait_for(client.event.wait(), max(0.01, deadline - time.perf_counter()))
    return client.arrivals[version]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc; None elsewhere): on a machine shared with
    other work, latency swings from run to run, the server's CPU time per keystroke much less."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def run(chars: int, folder: Path, debounce: int = 0, parent: bool = False) -> None:
    text = draft(chars, seed=chars)
    if parent:  # a 上位文件 named in jianfu.toml: the copy check (JF204) runs against it on every keystroke
        folder = folder / "with-parent"
        folder.mkdir(exist_ok=True)
        (folder / "上位文件.txt").write_text(draft(chars, seed=7), "utf-8")
        (folder / "jianfu.toml").write_text('parents = ["上位文件.txt"]\n', "utf-8")
    path = folder / f"draft{chars}.txt"
    path.write_text(text, "utf-8")
    uri = path.as_uri()
    client = Client()
    client.debounce = debounce
    spawned = time.perf_counter()
    await client.start_io(sys.executable, "-m", "jianfu", "lsp")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=folder.as_uri(),
            initialization_options={"debounceMs": debounce},
        )
    )
    client.initialized(types.InitializedParams())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )
    startup = await wait_version(client, 1) - spawned
    lines = text.split("\n")
    line = len(lines) // 2
    column = len(lines[line])
    version = 1
    typing: list[float] = []
    burst: list[float] = []
    pid = client._server.pid if client._server else 0
    cpu_before = cpu_after = cpu_seconds(pid)
    for i in range(0 if debounce == 0 else 200, 220):
        version += 1
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(
                            start=types.Position(line=line, character=column),
                            end=types.Position(line=line, character=column),
                        ),
                        text="减",
                    )
                ],
            )
        )
        column += 1
        if i < 200:
            typing.append((await wait_version(client, version)) - sent)
            await asyncio.sleep(max(0.0, 0.1 - (time.perf_counter() - sent)))
        else:
            if i == 200:
                cpu_after = cpu_seconds(pid)
            burst.append(sent)
    final = await wait_version(client, version)
    after_last = final - burst[-1]
    publishes = sum(1 for v in client.arrivals if v > version - len(burst))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    ms = lambda values: [v * 1000 for v in values]  # noqa: E731
    if debounce:
        print(
            f"{chars:>6} 字, debounceMs={debounce}: burst of 20: last keystroke -> final diagnostics"
            f" {after_last * 1000:5.1f} ms (of which {debounce} ms debounce), {publishes} publish(es)"
        )
        return
    t = ms(typing)
    cpu = (
        f" | server CPU {(cpu_after - cpu_before) * 1000 / len(typing):4.1f} ms per keystroke"
        if cpu_before is not None and cpu_after is not None
        else ""
    )
    print(
        f"{chars:>6} 字{' + 上位文件' if parent else ''}: start-up {startup * 1000:6.0f} ms | typing p50 {statistics.median(t):5.1f} ms p95 {percentile(t, 95):5.1f} ms"
        f" max {max(t):5.1f} ms | burst of 20: last keystroke -> final diagnostics {after_last * 1000:5.1f} ms,"
        f" {publishes} publishes{cpu}"
    )


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for chars in (5000, 50000):
            await run(chars, Path(folder))
        await run(5000, Path(folder), parent=True)
        for chars in (5000, 50000):
            await run(chars, Path(folder), debounce=150)
    print(
        "typing figures use debounceMs=0; the default debounceMs=150 adds a fixed 150 ms wait after the last keystroke"
    )


if __name__ == "__main__":
    asyncio.run(main())
