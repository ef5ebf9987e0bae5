"""A huge paste in the language server: the real `jianfu lsp` over stdio.

Opens a draft of 1.3 M 字 (default), then hovers every 100 ms while it is being checked: hover latency
(p50/max), time to the first diagnostics and how many were published (capped by maxDiagnostics);
then types one character and asks for shutdown while that version is being checked.
Run: python bench/lsp_huge.py [--chars 1300000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import BaseLanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drafts import draft  # noqa: E402

from jianfu.text.count import count_chars  # noqa: E402


class Client(BaseLanguageClient):
    def __init__(self) -> None:
        super().__init__("bench", "1")
        self.published: dict[int, tuple[float, int]] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.version or 0] = (time.perf_counter(), len(params.diagnostics))

        @self.feature("jianfu/documentStats")
        def on_stats(params: object) -> None:
            pass


async def hover(client: Client, uri: str) -> float:
    started = time.perf_counter()
    await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=5, character=3)
        )
    )
    return time.perf_counter() - started


async def run(chars: int, folder: Path) -> None:
    text = draft(chars, seed=7, violations=chars // 50)
    uri = (folder / "huge.txt").as_uri()
    client = Client()
    await client.start_io(sys.executable, "-m", "jianfu", "lsp")
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), initialization_options={"debounceMs": 0})
    )
    client.initialized(types.InitializedParams())
    opened = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )
    latencies = []
    while 1 not in client.published:
        latencies.append(await hover(client, uri))
        await asyncio.sleep(0.1)
    first, count = client.published[1]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text + "减")],
        )
    )
    await asyncio.sleep(0.5)
    started = time.perf_counter()
    await client.shutdown_async(None)
    shutdown = time.perf_counter() - started
    client.exit(None)
    await client.stop()
    ms = [v * 1000 for v in latencies]
    print(
        f"{count_chars(text):,} 字 ({len(text):,} characters): first diagnostics after {first - opened:.1f} s ({count} published); "
        f"{len(ms)} hovers meanwhile: p50 {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms; "
        f"shutdown during the next check answered in {shutdown * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_300_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(args.chars, Path(folder)))


if __name__ == "__main__":
    main()
