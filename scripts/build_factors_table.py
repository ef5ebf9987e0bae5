"""Write server/jianfu/analysis/factors-table.json: the necessary words of every expression the bundled
rules ask ``necessary`` about (frame slots' ``re:`` parts, patterns), so that start-up reads a table.

    python scripts/build_factors_table.py [--check]

Entries are keyed by the expression itself, so a stale table is never wrong, only slower (an expression
not in it is read at start-up); ``--check`` exits 1 when the table misses an expression (tests/test_anchors.py
runs the same check, and checks every entry against real matches). Where several word sets are equally
selective the reader's choice follows set order, so two builds may differ and both be right.
"""

from __future__ import annotations

import json
import sys

from jianfu.analysis import factors


def asked_sources() -> set[str]:
    """Every expression ``necessary`` is asked about for the bundled rules: each pattern (to gate it) and
    each ``re:`` part of a frame's slots (to pick the frame's waking words and gates)."""
    from jianfu.rules import load_rules

    rules, _ = load_rules()
    out: set[str] = set()
    for rule in rules:
        if rule.kind != "phrase":
            continue
        out.update(pattern.pattern for pattern, _ in rule.params["patterns"])
        for frame in rule.params["frames"]:
            for slot in frame.slots + frame.needs:
                out.update(slot.regexes)
    return out


def table() -> dict[str, list[str] | None]:
    out: dict[str, list[str] | None] = {}
    for source in sorted(asked_sources()):
        words = factors.compute(source)
        out[source] = None if words is None else list(words)
    return out


def main() -> int:
    if "--check" in sys.argv:  # only whether each expression has an entry: nothing to read
        current = factors._table()
        stale = sorted(asked_sources() - set(current))
        for source in stale[:20]:
            print(f"not in the table: {source}")
        return 1 if stale else 0
    wanted = table()
    text = json.dumps({"necessary": wanted}, ensure_ascii=False, indent=0, sort_keys=True)
    factors.TABLE_PATH.write_text(text + "\n", encoding="utf-8")
    print(f"{len(wanted)} expressions -> {factors.TABLE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
