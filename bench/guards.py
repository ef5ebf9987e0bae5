"""Audit the guards: how often each frame's ``unless`` and each rule's ``exclude`` silences a match, on texts
labelled with that rule's article (a possible cost in recall) and on negatives (what it is there for).

    python bench/guards.py [--top 30]

Texts: the probe sentences, our passages (tests/data/passages/*.jsonl) and the development part of the real
corpus. A guard that fires mostly on texts labelled with its own article and seldom on negatives is worth a
look: it may silence real wording written otherwise than the case it was added for. A firing on a labelled text
is a hint, not a proof (the silenced match need not be the labelled words).
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))


def texts() -> list[tuple[str, frozenset[int]]]:
    """(text, articles a finding may rightly cite; empty for a negative)."""
    import corpus
    import probes
    from score_corpus import ARTICLES

    out = [
        (p.text if "\n" in p.text.strip() else f"{probes.NEUTRAL_TITLE}\n{p.text}\n", p.articles) for p in probes.load()
    ]
    cases = [
        json.loads(line) for path in sorted((ROOT / "tests/data/passages").glob("*.jsonl")) for line in path.open()
    ]
    cases += corpus.passages("dev")
    for case in cases:
        if "UNCERTAIN" not in case.get("notes", ""):
            out.append((case["text"], frozenset(a for e in case["expected"] for a in ARTICLES[e["category"]])))
    return out


class _Recorded:
    """An ``exclude`` pattern that counts its matches under its rule and number."""

    def __init__(self, pattern, key, fired):  # type: ignore[no-untyped-def]
        self.pattern, self._compiled, self._key, self._fired = pattern.pattern, pattern, key, fired

    def search(self, text: str):  # type: ignore[no-untyped-def]
        m = self._compiled.search(text)
        if m:
            self._fired.append(self._key)
        return m


def audit() -> dict[tuple[str, str], list[int]]:
    """(rule, guard) -> [firings on texts labelled with the rule's article, firings on negatives]."""
    from jianfu.engine import Checker
    from jianfu.kinds import frame as frames
    from jianfu.rules import load_rules
    from jianfu.text.structure import parse

    rules, _ = load_rules()
    fired: list[tuple[str, str, int]] = []
    owner = {}
    for rule in rules:
        if rule.kind != "phrase":
            continue
        for f in rule.params["frames"]:
            owner[id(f)] = rule
        rule.params["exclude"] = tuple(
            _Recorded(p, (rule.id, f"exclude {n}: {p.pattern[:50]}", rule.article), fired)
            for n, p in enumerate(rule.params["exclude"], 1)
        )
    ruled_out = frames._ruled_out

    def recording(frame, text, s, e, chain):  # type: ignore[no-untyped-def]
        out = ruled_out(frame, text, s, e, chain)
        if out:
            rule = owner[id(frame)]
            fired.append((rule.id, f"unless of {frame.name}", rule.article))
        return out

    frames._ruled_out = recording
    counts: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for text, articles in texts():
        fired.clear()
        Checker(rules).check(parse(text))
        for rule_id, guard, article in set(fired):
            if article in articles:
                counts[(rule_id, guard)][0] += 1
            elif not articles:
                counts[(rule_id, guard)][1] += 1
    frames._ruled_out = ruled_out
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    counts = audit()
    print("firings on texts labelled with the rule's article | on negatives | rule | guard")
    for (rule_id, guard), (labelled, negative) in sorted(counts.items(), key=lambda kv: (kv[1][1] - kv[1][0], kv[0]))[
        : args.top
    ]:
        print(f"{labelled:5d} {negative:5d}  {rule_id:7s} {guard}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
