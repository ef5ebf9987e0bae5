"""Repeated load on one ``jianfu serve`` worker: does memory stay flat across many batches?

Each round: C concurrent clients (default 50) each send R requests (default 20) of a ~5,000-字
draft over one kept-alive connection, one paragraph changed per request as the WPS add-in does
while the user types (--fresh changes every paragraph: no help from the paragraph cache).
Prints per round errors, p50/p99 latency, requests/s and the service's RSS (VmRSS of its
process, read from /proc), then RSS before the first round, after the first and after the last.

    python bench/http_rounds.py                   # 100 rounds of 50 x 20
    python bench/http_rounds.py --rounds 20       # quicker

Linux only (reads /proc). Figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_load import make_draft, start_service  # noqa: E402 - a sibling script, not a package


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def client(port: int, seed: int, requests: int, fresh: bool, latencies: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    draft = make_draft(rng)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        for sequence in range(requests):
            paragraphs = list(draft)
            changed = range(2, len(draft) - 2) if fresh else [rng.randrange(2, len(draft) - 2)]
            for index in changed:
                paragraphs[index] = f"{paragraphs[index]}（{seed}-{sequence}）"
            body = json.dumps({"paragraphs": paragraphs}, ensure_ascii=False).encode("utf-8")
            started = time.perf_counter()
            try:
                connection.request("POST", "/v1/check", body=body, headers={"content-type": "application/json"})
                response = connection.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException) as exc:
                errors.append(type(exc).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                continue
            if response.status != 200 or b'"findings"' not in payload:
                errors.append(f"HTTP {response.status}")
            latencies.append(time.perf_counter() - started)
    finally:
        connection.close()


def one_round(port: int, clients: int, requests: int, fresh: bool, seed: int) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[str] = []
    threads = [
        threading.Thread(target=client, args=(port, seed * 1000 + n, requests, fresh, latencies, errors))
        for n in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "errors": len(errors),
        "requests": len(latencies),
        "p50": cuts[49] * 1000,
        "p99": cuts[98] * 1000,
        "rps": len(latencies) / elapsed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="jianfu serve 多轮负载与内存测试")
    parser.add_argument("--rounds", type=int, default=100, help="轮数（默认 100）")
    parser.add_argument("--clients", type=int, default=50, help="每轮并发客户端数（默认 50）")
    parser.add_argument("--requests", type=int, default=20, help="每个客户端每轮请求数（默认 20）")
    parser.add_argument("--fresh", action="store_true", help="每次请求改动全部段落（不利用段落缓存）")
    args = parser.parse_args()

    process, url = start_service(1)
    port = int(url.rsplit(":", 1)[1])
    chars = sum(len(p) for p in make_draft(random.Random(0)))
    print(f"文稿约 {chars} 字；每轮 {args.clients} 个客户端 × {args.requests} 次请求；{args.rounds} 轮；1 个工作进程")
    try:
        before = rss_mb(process.pid)
        rounds = []
        for number in range(1, args.rounds + 1):
            figures = one_round(port, args.clients, args.requests, args.fresh, number)
            figures["rss"] = rss_mb(process.pid)
            rounds.append(figures)
            print(
                f"第 {number:3d} 轮：错误 {figures['errors']:.0f}，p50 {figures['p50']:.0f} ms，"
                f"p99 {figures['p99']:.0f} ms，{figures['rps']:.0f} 次/秒，RSS {figures['rss']:.1f} MB",
                flush=True,
            )
    finally:
        process.terminate()
        process.wait(timeout=30)
    errors = sum(r["errors"] for r in rounds)
    p50 = statistics.median(r["p50"] for r in rounds)
    p99 = max(r["p99"] for r in rounds)
    rps = statistics.median(r["rps"] for r in rounds)
    print(
        f"合计：{sum(r['requests'] for r in rounds):.0f} 次请求，错误 {errors}；各轮 p50 中位数 {p50:.0f} ms，"
        f"p99 最大 {p99:.0f} ms，吞吐中位数 {rps:.0f} 次/秒"
    )
    print(
        f"RSS：开始前 {before:.1f} MB，第 1 轮后 {rounds[0]['rss']:.1f} MB，"
        f"第 {len(rounds)} 轮后 {rounds[-1]['rss']:.1f} MB，最高 {max(r['rss'] for r in rounds):.1f} MB"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
