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
    """(start, end) in ``document.text`` of the sentence holding ``offset`` (within its paragraph)."""
    paragraphs = document.paragraphs
    if not paragraphs:
        return (0, len(document.text))
    index = max(0, bisect_right([p.start for p in paragraphs], offset) - 1)
    paragraph = paragraphs[index]
    local = offset - paragraph.start
    for start, end in sentence_spans(document.norm[paragraph.start : paragraph.end]):
        if start <= local < end:
            return (paragraph.start + start, paragraph.start + end)
    return (paragraph.start, paragraph.end)


def sentence_of(document: Document, finding: Finding) -> str:
    start, end = sentence_span(document, finding.start)
    return document.text[start:end].strip()


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
