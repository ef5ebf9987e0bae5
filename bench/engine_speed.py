"""Engine speed: warm check of a 5,000-字 draft with the full rule set, and cold `jianfu check` as a process
(issue 10's target: ≤ 400 ms), with the start-up cache filled (every run but the first) and empty.

Run: python bench/engine_speed.py. Prints medians of repeated runs (figures for the issue note).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    import resource  # POSIX: the CPU time of the processes below
except ImportError:  # pragma: no cover - Windows: wall time only
    resource = None  # type: ignore[assignment]

from drafts import draft  # noqa: E402

from jianfu.engine import Checker  # noqa: E402
from jianfu.rules import load_rules  # noqa: E402
from jianfu.text.structure import parse  # noqa: E402


def median_ms(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process_ms(command: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a process: on a busy machine the CPU
    time is the steadier figure."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = _children_cpu()
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((_children_cpu() - before) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _children_cpu() -> float:
    if resource is None:
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    rules, _ = load_rules()
    text = draft(5000)
    print(f"rules: {len(rules)}; draft: {len(text)} characters")
    document = parse(text)
    print(f"parse (structure + normal form):      {median_ms(lambda: parse(text), 50):7.2f} ms")
    # Warm engine without the paragraph cache (a fresh Checker each time), the same draft again: the
    # sentence-level caches of the analysis are warm, so this is a floor, not what a new draft costs.
    print(f"check, no cache (fresh Checker):      {median_ms(lambda: Checker(rules).check(document), 50):7.2f} ms")
    # A new draft each time in a warm process: the batch path (every paragraph and sentence unseen).
    checker = Checker(rules)
    drafts = iter([parse(draft(5000, seed=1000 + i)) for i in range(60)])
    print(f"check of a new draft (warm process):  {median_ms(lambda: checker.check(next(drafts)), 60):7.2f} ms")
    checker = Checker(rules)
    checker.check(document)
    print(f"check, paragraph cache warm:          {median_ms(lambda: checker.check(document), 50):7.2f} ms")
    print(f"parse + check, no cache:              {median_ms(lambda: Checker(rules).check(parse(text)), 50):7.2f} ms")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.txt"
        path.write_text(text, "utf-8")
        command = [sys.executable, "-m", "jianfu", "check", str(path)]
        # The start-up cache (parsed rules, jieba's dictionary, compiled expressions: jianfu.datacache)
        # in a folder of the bench's own: filled by the first run, read by every later one.
        cache = dict(os.environ, XDG_CACHE_HOME=str(Path(folder) / "cache"))
        subprocess.run(command, capture_output=True, env=cache)
        wall, cpu = process_ms(command, 15, cache)
        print(f"`jianfu check one.txt`, whole process: {wall:7.1f} ms  (CPU {cpu:.1f} ms; start-up cache filled)")
        walls, cpus = [], []
        for _ in range(5):  # an empty cache each time: the first run after an install, an upgrade or a rule edit
            with tempfile.TemporaryDirectory() as empty:
                wall, cpu = process_ms(command, 1, dict(os.environ, XDG_CACHE_HOME=empty))
            walls.append(wall)
            cpus.append(cpu)
        print(
            f"  the same, start-up cache empty:      {statistics.median(walls):7.1f} ms  "
            f"(CPU {statistics.median(cpus):.1f} ms; first run after a change)"
        )
        wall, cpu = process_ms([sys.executable, "-c", "pass"], 15)
        print(f"(bare `python -c pass`:                {wall:7.1f} ms  (CPU {cpu:.1f} ms))")


if __name__ == "__main__":
    main()
