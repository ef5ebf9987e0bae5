"""Score jianfu on the probe sentences in tests/data/probes: our own sentences, written in the ways drafters
word each practice (and hard negatives), as a check on how far the rules reach beyond their examples.

    python bench/probes.py [-v]

Each line is ``category|articles|text`` (``\\n`` in text starts a new line of the draft), or ``neg|-|text``
for a sentence that must produce no finding. A positive counts when a finding cites one of its articles.
The real passages in ../shared/corpus remain the measure (bench/corpus.py); these show where wording is
still missed and guard against regressions (tests/test_probe_sentences.py).
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROBES = ROOT / "tests" / "data" / "probes"
NEUTRAL_TITLE = "关于做好有关工作的通知"


@dataclass(frozen=True)
class Probe:
    source: str
    category: str
    articles: frozenset[int]  # empty: a negative
    text: str


def load(folder: pathlib.Path = PROBES) -> list[Probe]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            category, articles, text = line.split("|", 2)
            wanted = frozenset() if articles == "-" else frozenset(int(a) for a in articles.split("/"))
            out.append(Probe(path.name, category, wanted, text.replace("\\n", "\n")))
    return out


def results(probes: list[Probe]) -> list[tuple[Probe, bool, list[tuple[str, int]]]]:
    """(probe, right, findings): right when a positive is reported under one of its articles, or a negative is silent."""
    from jianfu.engine import Checker
    from jianfu.rules import load_rules
    from jianfu.settings import Settings
    from jianfu.text.structure import parse

    rules, errors = load_rules()
    if errors:
        raise SystemExit("\n".join(str(e) for e in errors))
    checker = Checker(rules, Settings())
    out = []
    for probe in probes:
        text = probe.text if "\n" in probe.text.strip() else f"{NEUTRAL_TITLE}\n{probe.text}\n"
        found = [(f.rule, f.article) for f in checker.check(parse(text)).findings]
        right = any(a in probe.articles for _, a in found) if probe.articles else not found
        out.append((probe, right, found))
    return out


def summary(scored: list[tuple[Probe, bool, list[tuple[str, int]]]]) -> tuple[int, int, int, int]:
    """(positives right, positives, negatives silent, negatives)."""
    pos = [right for probe, right, _ in scored if probe.articles]
    neg = [right for probe, right, _ in scored if not probe.articles]
    return sum(pos), len(pos), sum(neg), len(neg)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="every miss and every flagged negative")
    args = parser.parse_args()
    scored = results(load())
    by_category: dict[str, list[bool]] = collections.defaultdict(list)
    for probe, right, found in scored:
        by_category[probe.category].append(right)
        if args.v and not right:
            print(f"  {probe.source} {probe.category}: {found} «{probe.text[:70]}»".replace("\n", " / "))
    for category, rights in sorted(by_category.items()):
        print(f"  {category}: {sum(rights)}/{len(rights)}")
    found, positives, silent, negatives = summary(scored)
    print(
        f"positives reported: {found}/{positives} = {found / positives:.2f}; "
        f"negatives silent: {silent}/{negatives} = {silent / negatives:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
