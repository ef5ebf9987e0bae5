"""A ratchet on our own probe sentences (tests/data/probes, scored by bench/probes.py).

They were written, without looking at the rules, in the many ways drafters word each practice, plus hard
negatives (prohibitions, clean-ups, critiques, quotations, reports upward, other senses). Unlike a rule's
examples they are not tuned one by one, so the floors below say how far the rules reach, not that every
line passes. Raise the floors when the rules get better; never lower them to make a change pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import probes  # noqa: E402

POSITIVES_REPORTED_AT_LEAST = 0.95
NEGATIVES_SILENT_AT_LEAST = 0.99


def test_probe_sentences_hold_their_floors() -> None:
    scored = probes.results(probes.load())
    found, positives, silent, negatives = probes.summary(scored)
    assert positives >= 800 and negatives >= 300, (positives, negatives)
    misses = [f"{p.category}: {p.text[:50]}" for p, right, _ in scored if not right][:20]
    assert found / positives >= POSITIVES_REPORTED_AT_LEAST, (found, positives, misses)
    assert silent / negatives >= NEGATIVES_SILENT_AT_LEAST, (silent, negatives, misses)


def test_every_probe_line_is_well_formed() -> None:
    for probe in probes.load():
        assert probe.text.strip() and probe.category, probe
        assert all(1 <= a <= 21 for a in probe.articles), probe
