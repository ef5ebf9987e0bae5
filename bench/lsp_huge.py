"""A huge paste in the language server: the real `jianfu lsp` over stdio, a draft of 1.3 million 字
(every paragraph different, so nothing comes from the paragraph cache), in many lines and in one.

Prints: time from didOpen to the first diagnostics and how many were published (capped by
jianfu.maxDiagnostics), hover latency while the check runs (a hover every 200 ms), and the time
`shutdown` takes to be answered and the process to exit. Run: python bench/lsp_huge.py [--chars N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.hostile.lsp_wire: the raw client
from tests.hostile.lsp_wire import RawServer  # noqa: E402

TITLE = "关于加强某项工作的通知\n各单位：\n"
PARAGRAPH = "    {i}. 请各乡镇于月底前将落实情况报送县政府办公室，建立健全工作协调机制，研究解决重大问题。"


def run(chars: int, one_line: bool) -> None:
    body, size = [], len(TITLE)
    while size < chars:
        body.append(PARAGRAPH.format(i=len(body)))
        size += len(body[-1]) + 1
    text = TITLE + ("".join(body) if one_line else "\n".join(body))
    with tempfile.TemporaryDirectory() as folder:
        server = RawServer(Path(folder))
        try:
            server.initialize()
            opened = time.monotonic()
            uri = server.open("巨型.txt", text)
            hovers: list[float] = []
            while not any(m["method"] == "textDocument/publishDiagnostics" for m in list(server.notifications)):
                sent = time.monotonic()
                server.hover(uri, 2, 10, timeout=30)
                hovers.append(time.monotonic() - sent)
                time.sleep(0.2)
            published = server.diagnostics(uri, 1)
            first = time.monotonic() - opened
            sent = time.monotonic()
            server.request("shutdown", None)
            answered = time.monotonic() - sent
            server.notify("exit", None)
            server.process.wait(30)
            exited = time.monotonic() - sent
        finally:
            server.close()
    shape = "one line " if one_line else f"{len(body):,} lines"
    ms = [h * 1000 for h in hovers]
    print(
        f"{len(text):>10,} 字 in {shape}: first diagnostics {first:5.1f} s ({len(published):,} published) | "
        f"{len(ms)} hovers during the check: p50 {statistics.median(ms):5.1f} ms max {max(ms):6.1f} ms | "
        f"shutdown answered {answered * 1000:4.0f} ms, exited {exited * 1000:4.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_300_000)
    args = parser.parse_args()
    run(args.chars, one_line=False)
    run(args.chars, one_line=True)


if __name__ == "__main__":
    main()
