"""Engine speed: warm check of a 5,000-字 draft with the full rule set, and cold `jianfu check` as a process.

Run: python bench/engine_speed.py. Prints medians of repeated runs (figures for the issue note).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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
        cold = median_ms(
            lambda: subprocess.run([sys.executable, "-m", "jianfu", "check", str(path)], capture_output=True), 15
        )
        print(f"`jianfu check one.txt`, whole process: {cold:7.1f} ms")
        bare = median_ms(lambda: subprocess.run([sys.executable, "-c", "pass"], capture_output=True), 15)
        print(f"(bare `python -c pass`:                {bare:7.1f} ms)")


if __name__ == "__main__":
    main()
