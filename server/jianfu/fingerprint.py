"""A finding's fingerprint: its rule and the normalised text of the sentence it sits in.

Offsets move whenever anything before a finding changes; the sentence does not. The text is
the document's normal form (simplified characters, half-width digits), then NFKC, case-folded,
with every character that is not a letter or a digit dropped, so that white space, full- or
half-width punctuation and re-wrapped lines do not change it. Exceptions recorded in
``jianfu.toml`` and ``--baseline`` both match findings by this fingerprint.
"""

from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_right

from jianfu.analysis.sentences import sentence_spans
from jianfu.model import Document, Finding

DIGEST_CHARS = 12


def normalise(text: str) -> str:
    """The letters and digits of ``text``, width- and case-folded."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def sentence_span(document: Document, offset: int) -> tuple[int, int]:
    """(start, end) in ``document.text`` of the sentence holding ``offset``: within its paragraph, or
    within the lines a hard-wrapped text draft breaks one paragraph into (read as one, like the rules)."""
    paragraphs = document.paragraphs
    if not paragraphs:
        return (0, len(document.text))
    first = last = max(0, bisect_right(paragraphs, offset, key=lambda p: p.start) - 1)
    if document.continues:
        while first > 0 and document.continues[first]:
            first -= 1
        while last + 1 < len(paragraphs) and document.continues[last + 1]:
            last += 1
    lines = paragraphs[first : last + 1]
    joined, starts, pos = [], [], 0  # the lines' text without their breaks, and where each line begins in it
    for line in lines:
        starts.append(pos)
        joined.append(document.norm[line.start : line.end])
        pos += line.end - line.start

    def place(local: int) -> int:  # an offset in the joined text -> an offset in the document
        n = bisect_right(starts, local) - 1
        return lines[n].start + local - starts[n]

    local = next(starts[i] + offset - line.start for i, line in enumerate(lines) if line.start <= offset <= line.end)
    for start, end in sentence_spans("".join(joined)):
        if start <= local < end:
            return (place(start), place(end - 1) + 1)
    return (lines[0].start, lines[-1].end)


def sentence_of(document: Document, finding: Finding) -> str:
    """The sentence as written, without the hard wraps of a text draft."""
    start, end = sentence_span(document, finding.start)
    return _unwrapped(document.text[start:end]).strip()


def _unwrapped(text: str) -> str:
    return text.replace("\r\n", "").replace("\n", "")


def of_text(rule: str, sentence: str) -> str:
    """``JF301:1a2b3c4d5e6f``: readable rule, digest of the normalised sentence."""
    digest = hashlib.sha1(normalise(sentence).encode("utf-8")).hexdigest()[:DIGEST_CHARS]
    return f"{rule}:{digest}"


def fingerprint(document: Document, finding: Finding) -> str:
    start, end = sentence_span(document, finding.start)
    sentence = document.norm[start:end]
    if not normalise(sentence):  # a span on punctuation only: its own words are all there is
        sentence = document.norm[finding.start : finding.end]
    return of_text(finding.rule, sentence)
