"""Phrases in context: a requirement written into the draft, not a mention of it.

Keys: ``frames`` (the words of a requirement that must meet in one sentence, read through
the shared sentence analysis: see ``frame.py``), ``anchors`` (literal words, one of which
must occur in a paragraph before the patterns run: keeps the per-keystroke path cheap;
frames name their own), ``patterns`` (regular expressions on the normal form for what a
frame cannot say), ``measured`` (patterns whose match is a time or date range that
counts only when longer than a limit, see ``measure.py``), ``requires`` (the sentence must also match one of these),
``exclude`` (near-misses: a sentence matching one is skipped), ``context`` (default
true: skip matches inside prohibitions, quotations and critiques), ``fix``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jianfu.analysis.factors import necessary
from jianfu.analysis.mode import is_not_a_requirement, sentence_bounds, silencing_modes
from jianfu.kinds import frame as frames
from jianfu.kinds.base import CheckContext, ParamError, make_finding, regex_list
from jianfu.kinds.measure import UNITS, measure
from jianfu.model import Document, Finding, Fix

if TYPE_CHECKING:
    from jianfu.rules import Rule

# Phrase findings depend on nothing but the paragraph and the document's genre: the engine caches them.
SCOPE = "paragraph"
# A requirement written into the draft is one placed on lower levels: a 请示, 报告 or 函 places none.
DIRECTIONS = ("下行文",)
KEYS = ((), ("frames", "anchors", "patterns", "measured", "exclude", "requires", "context", "fix", "scope"))
FIX_ACTIONS = ("delete-sentence", "replace")
# A pattern with more necessary words than this is run rather than tested word by word first.
MAX_WORD_TESTS = 16


def anchors(rule: Rule) -> tuple[str, ...]:
    """Literal words one of which must occur in a paragraph for the rule to run ("" wakes it always)."""
    return tuple(rule.params["anchors"])


def words(rule: Rule) -> frozenset[str]:
    """Every literal word the rule tests a paragraph for: its anchors and its frames' slot words."""
    return rule.params["words"]


def wakes(rule: Rule) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Which of the rule's parts (frames, then patterns, numbered) each waking word wakes, and the parts
    no word can be named for (always awake): the engine finds them for every rule in one pass."""
    return rule.params["wakes"], rule.params["always_awake"]


def gates(rule: Rule, part: int) -> tuple[frozenset[str], ...]:
    """Word sets each of which a paragraph must hold for ``part`` to match: a frame's slots, a pattern's
    necessary words (read on first use). The engine asks once per part and passes over the rest."""
    frame_count = len(rule.params["frames"])
    if part < frame_count:
        return rule.params["frames"][part].gates
    words = necessary(rule.params["patterns"][part - frame_count][0].pattern)
    return (frozenset(words),) if words is not None and len(words) <= MAX_WORD_TESTS else ()


def compile(data: dict[str, Any]) -> dict[str, Any]:
    compiled_frames = frames.compile_frames(data["frames"]) if "frames" in data else ()
    if not compiled_frames and "patterns" not in data:
        raise ParamError("frames", "phrase 规则至少要有 frames 或 patterns 之一。")
    anchors = data.get("anchors", [])
    if "patterns" in data and (
        not isinstance(anchors, list) or not anchors or not all(isinstance(a, str) and a for a in anchors)
    ):
        raise ParamError("anchors", "应为非空的字符串列表（段落中须出现其一，规则才会运行）。")
    fix = data.get("fix")
    if fix is not None:
        if not isinstance(fix, dict) or fix.get("action") not in FIX_ACTIONS:
            raise ParamError("fix", f"应为含 action（{'、'.join(FIX_ACTIONS)}）的映射。")
        if fix["action"] == "replace" and not isinstance(fix.get("with"), str):
            raise ParamError("fix", "replace 需要 with（替换文字）。")
    context = data.get("context", True)
    if not isinstance(context, bool):
        raise ParamError("context", "应为 true 或 false。")
    patterns = regex_list(data, "patterns", required="patterns" in data)
    frame_anchors = tuple(a for f in compiled_frames for a in f.anchors)
    all_patterns = tuple((pattern, None) for pattern in patterns) + _measured(data.get("measured", []))
    # What wakes each frame (its anchors) and each pattern (the anchors written in it, all of them when
    # none is: every match contains one, tests/test_anchors.py), numbered frames first, then patterns.
    gates = [frozenset(f.anchors) for f in compiled_frames] + [
        frozenset(a for a in anchors if a in p.pattern) or frozenset(anchors) for p, _ in all_patterns
    ]
    wakes: dict[str, list[int]] = {}
    for number, gate in enumerate(gates):
        for word in gate - {""}:
            wakes.setdefault(word, []).append(number)
    return {
        "anchors": tuple(dict.fromkeys(tuple(anchors) + frame_anchors)),
        "wakes": {word: tuple(numbers) for word, numbers in wakes.items()},
        "waking_words": frozenset(wakes),
        "always_awake": tuple(number for number, gate in enumerate(gates) if "" in gate),
        "words": frozenset(anchors).union(*(f.words for f in compiled_frames)),
        "frames": compiled_frames,
        "patterns": all_patterns,
        "requires": regex_list(data, "requires"),
        "exclude": regex_list(data, "exclude"),
        "context": context,
        "fix": fix,
    }


def _measured(items: Any) -> tuple[tuple[Any, tuple[str, float]], ...]:
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ParamError("measured", "应为列表，每项含 pattern、unit、over。")
    out = []
    for item in items:
        unit, over = item.get("unit"), item.get("over")
        if unit not in UNITS:
            raise ParamError("measured", f"unit 应为 {'、'.join(UNITS)} 之一（收到“{unit}”）。")
        if not isinstance(over, (int, float)) or isinstance(over, bool):
            raise ParamError("measured", "over 应为数字：超过它才报告。")
        try:
            (pattern,) = regex_list({"pattern": item.get("pattern")}, "pattern", required=True)
        except ParamError as exc:
            raise ParamError("measured", f"pattern {exc}") from None
        out.append((pattern, (unit, float(over))))
    return tuple(out)


def check_paragraph(
    rule: Rule,
    norm: str,
    genres: frozenset[str] = frozenset(),
    present: frozenset[str] | None = None,
    awake: set[int] | None = None,
) -> list[tuple[int, int, str, Fix | None]]:
    """Matches in one paragraph's normal text: (start, end, matched text, fix) relative to it.

    ``present``: the words of every rule (``anchors`` and ``words``) that occur in ``norm``, when the
    caller has found them already (the engine does, once for all rules); otherwise the rule's anchors
    are looked up here. ``awake``: the parts (see ``wakes``) those words wake, when the caller knows them.
    """
    params = rule.params
    indexed = present is not None  # found by the engine's index, which holds every frame word too
    gated = awake is not None  # the caller woke the parts and tested their gates (see ``gates``)
    if present is None:
        present = frozenset(a for a in params["anchors"] if a in norm)
    if awake is None:
        # the frames and patterns one of whose waking words occurs
        awake = set(params["always_awake"])
        for word in present.intersection(params["waking_words"]):
            awake.update(params["wakes"][word])
    if not awake:
        return []
    frame_count = len(params["frames"])
    hits: list[tuple[int, int, str, Fix | None]] = []
    taken: list[tuple[int, int]] = []  # the patterns' matches so far
    silent = silencing_modes(rule.article)
    # frames first, then patterns (their numbers follow the frames'): most parts woken find nothing
    for i in sorted(awake) if len(awake) > 1 else awake:
        if i < frame_count:
            for start, end in frames.hits(params["frames"][i], norm, genres, silent, present if indexed else None):
                s, e = sentence_bounds(norm, start, end)
                if any(p.search(norm[s:e]) for p in params["exclude"]):
                    continue
                hits.append((start, end, norm[start:end], _fix(params["fix"], norm, s, e, start, end)))
            continue
        pattern, limit = params["patterns"][i - frame_count]
        # an anchor woke it; the words it cannot match without (read on first use) are a sharper test
        words = None if gated else necessary(pattern.pattern)
        if words is not None and len(words) <= MAX_WORD_TESTS and not any(w in norm for w in words):
            continue
        for m in pattern.finditer(norm):
            start, end = m.span()
            # an earlier pattern's match at the same place wins (the order is the priority), but one
            # elsewhere in the paragraph does not hide this one
            if start == end or any(start < b and a < end for a, b in taken):
                continue
            if limit and not (measure(limit[0], m.groupdict()) or 0) > limit[1]:
                continue
            s, e = sentence_bounds(norm, start, end)
            sentence = norm[s:e]
            if params["requires"] and not any(p.search(sentence) for p in params["requires"]):
                continue
            if any(p.search(sentence) for p in params["exclude"]):
                continue
            if params["context"] and is_not_a_requirement(norm, start, end, silent):
                continue
            hits.append((start, end, m.group(0), _fix(params["fix"], norm, s, e, start, end)))
            taken.append((start, end))
    if not hits:
        return hits
    return _without_overlaps(hits)


def _without_overlaps(hits: list[tuple[int, int, str, Fix | None]]) -> list[tuple[int, int, str, Fix | None]]:
    """One finding per place: a pattern and a frame matching the same words report once."""
    hits.sort(key=lambda h: (h[0], -h[1]))
    out: list[tuple[int, int, str, Fix | None]] = []
    for hit in hits:
        if out and hit[0] < out[-1][1]:
            continue
        out.append(hit)
    return out


def _fix(spec: dict[str, Any] | None, norm: str, s: int, e: int, start: int, end: int) -> Fix | None:
    if not spec:
        return None
    if spec["action"] == "delete-sentence":
        while s < e and norm[s] in " \t\u3000":
            s += 1
        return Fix(spec.get("title", "删除该句"), s, e, "")
    return Fix(spec.get("title", f"改为“{spec['with']}”"), start, end, spec["with"])


def check(rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]:
    from jianfu.analysis.genre import detect

    genres = detect(document)
    for paragraph in document.paragraphs:
        if not document.is_read(paragraph.start, paragraph.end):
            continue
        yield from paragraph_findings(rule, document.norm[paragraph.start : paragraph.end], paragraph.start, genres)


def paragraph_findings(
    rule: Rule,
    norm: str,
    offset: int,
    genres: frozenset[str] = frozenset(),
    present: frozenset[str] | None = None,
    awake: set[int] | None = None,
) -> Iterator[Finding]:
    for start, end, matched, fix in check_paragraph(rule, norm, genres, present, awake):
        if fix is not None:
            fix = Fix(fix.title, fix.start + offset, fix.end + offset, fix.replacement)
        yield make_finding(rule, start + offset, end + offset, values={"match": matched}, fix=fix)
