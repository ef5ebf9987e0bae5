"""Context suppression speed: one ``is_not_a_requirement`` call per candidate match.

Run: python bench/context_speed.py. Times the marked sentences of tests/test_context.py (prohibitions,
quotations, critiques and demands) and prints the median cost per call. The check runs only on a
pattern's candidate matches, never per paragraph, so tens of microseconds per call are negligible.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_context import CRITIQUES, PROHIBITIONS, QUOTATIONS, REQUIREMENTS, _split  # noqa: E402

from jianfu.analysis.mode import is_not_a_requirement  # noqa: E402


def main() -> None:
    cases = [_split(s) for s in PROHIBITIONS + QUOTATIONS + CRITIQUES + REQUIREMENTS]
    per_call = []
    for _ in range(20):
        start = time.perf_counter()
        for _ in range(50):
            for text, s, e in cases:
                is_not_a_requirement(text, s, e)
        per_call.append((time.perf_counter() - start) / (50 * len(cases)) * 1e6)
    print(f"context: {len(cases)} sentences, median {statistics.median(per_call):.1f} µs per candidate match")


if __name__ == "__main__":
    main()
