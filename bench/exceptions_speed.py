"""Cost of reasoned exceptions ([[exception]] in jianfu.toml) on a check.

Run: python bench/exceptions_speed.py. Without exceptions the engine skips the step entirely; with
them, each finding of a rule that has an exception costs one sentence fingerprint. Prints the median
check time of examples/违规通知.txt repeated to ~6,000 字, with no exceptions and with 20.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from jianfu import fingerprint
from jianfu.engine import Checker
from jianfu.model import ReasonedException
from jianfu.rules import load_rules
from jianfu.settings import Settings
from jianfu.text.structure import parse

ROOT = Path(__file__).resolve().parents[1]


def median_ms(checker: Checker, document, rounds: int = 30) -> float:  # type: ignore[no-untyped-def]
    checker.check(document)  # warm the paragraph cache, as an editor's re-check finds it
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        checker.check(document)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    lines = (ROOT / "examples" / "违规通知.txt").read_text("utf-8").splitlines()
    document = parse("\n".join(lines[:2] + lines[2:] * 8) + "\n")
    rules, _ = load_rules()
    plain = Checker(rules, Settings())
    findings = plain.check(document).findings
    kept = tuple(ReasonedException(f.rule, fingerprint.fingerprint(document, f), "理由") for f in findings[:20])
    excepted = plain.with_settings(Settings(exceptions=kept))
    print(f"{len(document.text)} 字符，{len(findings)} 处问题")
    print(f"无例外：{median_ms(plain, document):.1f} ms")
    print(f"20 条例外：{median_ms(excepted, document):.1f} ms")


if __name__ == "__main__":
    main()
