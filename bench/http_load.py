"""Load on the local HTTP service: N concurrent clients posting ~5,000-字 drafts for a fixed time.

Starts ``jianfu serve`` itself (once per --workers value) on a free 127.0.0.1 port, unless --url is given.
Each client keeps one connection and posts its draft with one paragraph changed per request, as the
add-in does while the user types (so the paragraph cache helps the way it does in real use);
--fresh changes every paragraph instead (worst case). Prints requests/s, p50/p99 latency, errors.

    python bench/http_load.py                       # 20 clients, 30 s, --workers 1 and 2
    python bench/http_load.py --clients 5 --duration 10 --workers 1

Figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

SENTENCES = [
    "各单位要提高政治站位，切实增强做好此项工作的责任感和使命感。",
    "要制定具体实施方案，明确责任分工和时间节点。",
    "请于每月底前报送贯彻落实情况。",
    "县里将适时组织督查检查，对工作不力的单位进行通报。",
    "要统筹推进各项任务，确保各项工作落地见效。",
    "加强与有关部门的沟通协调，及时研究解决工作中遇到的问题。",
    "建立工作台账，实行销号管理，做到件件有着落、事事有回音。",
    "各乡镇要结合实际，认真抓好贯彻落实，不得层层加码。",
    "召开专题会议进行动员部署，主要负责同志要亲自抓。",
    "加大宣传力度，营造良好氛围，形成工作合力。",
]


def make_draft(rng: random.Random, chars: int = 5000) -> list[str]:
    paragraphs = ["关于进一步做好某某专项工作的通知", "各乡镇人民政府，县直各单位："]
    total = 0
    section = 0
    while total < chars:
        section += 1
        heading = f"{'一二三四五六七八九十'[section % 10]}、第{section}项工作要求"
        body = "".join(rng.choice(SENTENCES) for _ in range(6))
        paragraphs += [heading, body]
        total += len(heading) + len(body)
    return paragraphs + ["某某县人民政府办公室", "2024年9月1日"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_service(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "jianfu",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("服务未能在 60 秒内启动")


class Client(threading.Thread):
    def __init__(self, url: str, seed: int, stop_at: float, fresh: bool, token: str | None) -> None:
        super().__init__(daemon=True)
        self.parts = urlsplit(url)
        self.rng = random.Random(seed)
        self.draft = make_draft(self.rng)
        self.stop_at = stop_at
        self.fresh = fresh
        self.headers = {"content-type": "application/json"}
        if token:
            self.headers["authorization"] = f"Bearer {token}"
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def run(self) -> None:
        connection = http.client.HTTPConnection(self.parts.hostname, self.parts.port, timeout=120)
        sequence = 0
        while time.monotonic() < self.stop_at:
            sequence += 1
            paragraphs = list(self.draft)
            changed = range(2, len(paragraphs) - 2) if self.fresh else [self.rng.randrange(2, len(paragraphs) - 2)]
            for index in changed:
                paragraphs[index] = f"{paragraphs[index]}（{sequence}）"
            body = json.dumps({"paragraphs": paragraphs}, ensure_ascii=False).encode("utf-8")
            started = time.perf_counter()
            try:
                connection.request("POST", "/v1/check", body=body, headers=self.headers)
                response = connection.getresponse()
                payload = response.read()
                if response.status != 200 or b'"findings"' not in payload:
                    self.errors.append(f"HTTP {response.status}")
            except (OSError, http.client.HTTPException) as exc:
                self.errors.append(type(exc).__name__)
                connection.close()
                connection = http.client.HTTPConnection(self.parts.hostname, self.parts.port, timeout=120)
                continue
            self.latencies.append(time.perf_counter() - started)
        connection.close()


def run_load(url: str, clients: int, duration: float, fresh: bool, token: str | None) -> dict[str, float]:
    stop_at = time.monotonic() + duration
    threads = [Client(url, seed, stop_at, fresh, token) for seed in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies = sorted(x for t in threads for x in t.latencies)
    errors = sum(len(t.errors) for t in threads)
    quantiles = (
        statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0] if latencies else 0.0] * 99
    )
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50_ms": quantiles[49] * 1000,
        "p99_ms": quantiles[98] * 1000,
        "chars": sum(len(p) for p in threads[0].draft),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="jianfu HTTP 服务负载测试")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--fresh", action="store_true", help="每次请求改动全部段落（不利用段落缓存）")
    parser.add_argument("--url", help="对已在运行的服务施压（不自行启动）")
    parser.add_argument("--token-file", help="服务要求令牌时使用")
    args = parser.parse_args()
    token = Path(args.token_file).read_text("utf-8").strip() if args.token_file else None
    print(
        f"机器：{os.cpu_count()} 核；客户端 {args.clients} 个；每轮 {args.duration:g} 秒；{'全部段落改动' if args.fresh else '每次改动一段'}"
    )
    targets = [(None, args.url)] if args.url else [(w, None) for w in args.workers]
    failed = False
    for workers, url in targets:
        process = None
        if url is None:
            process, url = start_service(workers or 1)
        try:
            run_load(url, min(args.clients, 4), 3.0, args.fresh, token)  # warm-up: imports, caches
            figures = run_load(url, args.clients, args.duration, args.fresh, token)
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        label = f"--workers {workers}" if workers else url
        print(
            f"{label}: 文稿 {figures['chars']:.0f} 字，{figures['requests']:.0f} 次请求，{figures['rps']:.1f} 次/秒，"
            f"p50 {figures['p50_ms']:.0f} ms，p99 {figures['p99_ms']:.0f} ms，错误 {figures['errors']:.0f}"
        )
        failed = failed or figures["errors"] > 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
