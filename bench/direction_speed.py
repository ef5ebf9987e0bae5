"""Cost of reading who writes to whom (文种, 主送机关, 落款, 行文方向) and of the article-1 rules.

Run: python bench/direction_speed.py. ``direction.read`` runs once per check, on every keystroke in an
editor, so it must not grow with the document: it reads the title, the 主送 line and a few paragraphs
found by bisection. Prints the median cost per call for a short notice and for 1.3 million 字, with
and without a title, and the cost of JF101/JF102 on a department's document to the townships.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from jianfu.analysis import direction
from jianfu.engine import Checker
from jianfu.rules import load_rules
from jianfu.text.structure import parse

LINE = "    各乡镇要按时完成任务，确保不出问题。\n"
HEAD = "县农业农村局关于做好秸秆禁烧工作的通知\n\n各乡镇党委、政府：\n"
FOOT = "\n县农业农村局\n2025年1月1日\n"


def median_us(call: Callable[[], object], rounds: int = 200) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def main() -> None:
    drafts = {
        "通知 (20 行)": parse(HEAD + LINE * 20 + FOOT),
        "通知 (1.3 百万字)": parse(HEAD + LINE * 60_000 + FOOT),
        "无标题 (1.3 百万字)": parse(LINE * 60_000),
    }
    for name, document in drafts.items():
        print(f"direction.read  {name:<16} {median_us(lambda d=document: direction.read(d)):8.1f} µs")
    rules, _ = load_rules()
    article_1 = Checker([r for r in rules if r.article == 1])
    for name, document in list(drafts.items())[:2]:
        print(f"JF101+JF102     {name:<16} {median_us(lambda d=document: article_1.check(d), 50):8.1f} µs")


if __name__ == "__main__":
    main()
