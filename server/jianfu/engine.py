"""check(document, rules, settings) -> findings. Imports no server framework.

``Checker`` holds a rule set and feeds each rule to its kind (``jianfu.kinds``) without
naming any: findings of paragraph-scoped kinds are cached per paragraph text (and document
genre), so that an editor re-checks only the paragraphs an edit changed; document-scoped
kinds are recomputed on every call and are cheap.
"""

from __future__ import annotations

import bisect
import copy
import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from jianfu import doctype, reasoned, scope
from jianfu.analysis import direction, genre
from jianfu.analysis.direction import Addressing
from jianfu.analysis.wordindex import index_of
from jianfu.kinds import KIND_MODULES, CheckContext
from jianfu.model import Document, DocumentStats, Finding, Paragraph, ReasonedException, SectionStat
from jianfu.rules import Rule
from jianfu.settings import Settings
from jianfu.sized_cache import SizedCache
from jianfu.text.lines import LineCache
from jianfu.text.reading import reading_pieces
from jianfu.text.structure import is_page_number

log = logging.getLogger(__name__)

PARAGRAPH_CACHE_SIZE = 20_000
PARAGRAPH_CACHE_CHARS = 4_000_000  # ~ 8-16 MB of paragraph text per worker, whatever clients send
KEPT_TITLES = 64  # titles whose applicable rules a checker keeps


# A part a word wakes: (paragraph rule's position, part or None for the whole rule, the gates the
# index answers, the gates looked up in the text)
_Wake = tuple[int, "int | None", tuple[frozenset[str], ...], tuple[frozenset[str], ...]]


@dataclass(frozen=True)
class RuleFailure:
    """A rule raised while checking: reported once, the other rules still ran."""

    rule: str
    error: str


@dataclass(frozen=True)
class Result:
    findings: tuple[Finding, ...]
    stats: DocumentStats
    failures: tuple[RuleFailure, ...] = ()
    # 文种, 主送机关, 发文机关 and the 行文方向 the rules used (``addressing.direction``)
    addressing: Addressing | None = None
    stale: tuple[ReasonedException, ...] = ()  # [[exception]] entries that matched no finding of the draft

    @property
    def direction(self) -> str:
        """The 行文方向 the rules used: 上行文, 平行文 or 下行文 ("" for a result built without a reading)."""
        return self.addressing.direction if self.addressing else ""


def resolve_doc_type(document: Document, settings: Settings) -> str:
    return doctype.detect(document.title) if settings.doc_type == "auto" else settings.doc_type


def special_topic_active(rule: Rule, document: Document, settings: Settings) -> bool:
    """除专门文件外: the rule stands down when the draft is specifically about its matter."""
    return _about(rule.special_topics, document, settings)


def outside_only_topics(rule: Rule, document: Document, settings: Settings) -> bool:
    """A rule written for the 专门文件 of some matters (``only_topics``) and a draft about none of them."""
    return bool(rule.only_topics) and not _about(rule.only_topics, document, settings)


def _about(topics: tuple[str, ...], document: Document, settings: Settings) -> bool:
    """Whether the draft is a 专门文件 on one of ``topics``: as declared in the settings, else by its title."""
    if not topics:
        return False
    if settings.special_topics is not None:
        return any(topic in settings.special_topics for topic in topics)
    title = document.norm[slice(*document.title_span)] if document.title_span else ""
    return any(re.search(topic, title) for topic in topics)


class Checker:
    def __init__(self, rules: Sequence[Rule], settings: Settings | None = None) -> None:
        self.rules = tuple(rules)
        self.settings = settings or Settings()
        # (document genres, paragraph text) -> phrase findings of every rule in it
        self._paragraph_cache: SizedCache[tuple[frozenset[str], str], tuple[Finding, ...]] = SizedCache(
            PARAGRAPH_CACHE_SIZE, PARAGRAPH_CACHE_CHARS
        )
        self._reported_failures: set[str] = set()
        # (行文方向, title) -> the rules that apply: all that decides it besides the settings, so typing
        # in the body never asks again
        self._active: dict[tuple[str, str], tuple[Rule, ...]] = {}
        # the rules whose kinds offer statistics, with the offer
        self._stat_offers = [
            (rule, offer) for rule in self.rules if (offer := getattr(KIND_MODULES[rule.kind], "stats", None))
        ]
        # waking word -> [paragraph rule's position, a part of it the word wakes or None for all of it];
        # one pass over a paragraph finds every waking word in it, and with them what to run
        self._paragraph_rules = [r for r in self.rules if _scope(r) == "paragraph"]
        self._wakes: dict[str, list[list[Any]]] = {}
        self._always_awake: list[list[Any]] = []  # no waking word could be named
        for position, rule in enumerate(self._paragraph_rules):
            kind = KIND_MODULES[rule.kind]
            if hasattr(kind, "wakes"):
                by_word, always = kind.wakes(rule)
                for word, parts in by_word.items():
                    self._wakes.setdefault(word, []).extend([position, p] for p in parts)
                self._always_awake.extend([position, p] for p in always)
            else:
                for anchor in kind.anchors(rule):
                    woken_by = self._wakes.setdefault(anchor, []) if anchor else self._always_awake
                    woken_by.append([position, None])
        self._waking_words = frozenset(self._wakes)
        # waking word (None: always awake) -> the parts it wakes with their gates (word sets each of which
        # the paragraph must also hold, split into those the index answers and those looked up in the
        # text), asked of the kind on the word's first wake
        self._woken: dict[str | None, tuple[_Wake, ...]] = {}
        self._gates: dict[tuple[int, int], frozenset[str] | tuple[tuple[frozenset[str], ...], ...]] = {}
        # the index also holds the other words a kind tests paragraphs for (a frame's slot words)
        words = set(self._wakes)
        for rule in self._paragraph_rules:
            offer = getattr(KIND_MODULES[rule.kind], "words", None)
            if offer is not None:
                words |= offer(rule)
        self._indexed = frozenset(words)
        self._anchor_index = index_of(self._indexed)

    def with_settings(self, settings: Settings) -> Checker:
        """The same rules by other settings: the anchor index and the paragraph cache are shared
        (phrase matches do not depend on settings), so this costs next to nothing."""
        checker = copy.copy(self)
        checker.settings = settings
        checker._reported_failures = set()
        checker._active = {}
        return checker

    def active_rules(self, document: Document, addressing: Addressing | None = None) -> list[Rule]:
        """The rules that apply: enabled, not stood down for a 专门文件 or for the 行文方向."""
        addressing = addressing or direction.read(document, self.settings.direction)
        key = (addressing.direction, document.norm[slice(*document.title_span)] if document.title_span else "")
        active = self._active.get(key)
        if active is None:
            active = tuple(
                r
                for r in self.rules
                if r.enabled
                and self.settings.enabled(r.id)
                and addressing.direction in r.directions
                and not special_topic_active(r, document, self.settings)
                and not outside_only_topics(r, document, self.settings)
            )
            if len(self._active) >= KEPT_TITLES:
                self._active.clear()
            self._active[key] = active
        return list(active)

    def context(self, document: Document, parents: Iterable[Document] = ()) -> CheckContext:
        limits = {k: v for k, v in vars(self.settings.limits).items() if v is not None}
        return CheckContext(
            resolve_doc_type(document, self.settings),
            tuple(parents),
            limits,
            self.settings.budgets,
            addressing=direction.read(document, self.settings.direction),
        )

    def check(self, document: Document, parents: Iterable[Document] = ()) -> Result:
        context = self.context(document, parents)
        rules = self.active_rules(document, context.addressing)
        findings: list[Finding] = []
        failures: list[RuleFailure] = []
        paragraph_rules = [r for r in rules if _scope(r) == "paragraph"]
        if paragraph_rules:
            found = self._paragraph_findings(document, paragraph_rules, failures)
            described = scope.descriptive_spans(document)
            if described:  # a 通报 of problems, a 存在的问题 section: practices described, not demanded
                # (a burden-reduction document still demands the report on its own implementation)
                own = scope.is_about_burden_reduction(document)
                found = [
                    f
                    for f in found
                    if not scope.inside(described, f.start)
                    or (own and scope.still_demanded(document, f.rule, f.start, f.end))
                ]
            findings.extend(found)
        for rule in rules:
            if _scope(rule) == "paragraph":
                continue
            try:
                findings.extend(KIND_MODULES[rule.kind].check(rule, document, context))
            except Exception as exc:  # one broken rule must not take the others down
                failures.append(self._failure(rule, exc))
        if self.settings.suppressed:  # "忽略此处": a finding ignored by rule and words
            suppressed = set(self.settings.suppressed)
            findings = [f for f in findings if (f.rule, document.text[f.start : f.end]) not in suppressed]
        findings, stale = reasoned.apply(document, map(self._with_severity, findings), self.settings.exceptions)
        findings.sort(key=Finding.sort_key)
        return Result(tuple(findings), self.stats(document, context), tuple(failures), context.addressing, stale)

    def _paragraph_findings(self, document: Document, rules: list[Rule], failures: list[RuleFailure]) -> list[Finding]:
        wanted = {r.id for r in rules}
        blocks = _blocks(document)
        genres = genre.detect(document)
        out: list[Finding] = []
        for block, at in blocks:
            for finding in self._paragraph(block.norm, genres, failures):
                if finding.rule in wanted:
                    out.append(block.place(finding, at))
        return out

    def _paragraph(self, norm: str, genres: frozenset[str], failures: list[RuleFailure]) -> tuple[Finding, ...]:
        """Findings of every paragraph rule in one paragraph, offsets relative to it (cached)."""
        key = (genres, norm)
        cached = self._paragraph_cache.get(key)
        if cached is not None:
            return cached
        present = self._anchor_index.present(norm)
        awake = self._awake(norm, present)
        present |= {""}  # what rules whose anchor is "" wait for
        found: list[Finding] = []
        clean = True
        for position in sorted(awake):
            rule = self._paragraph_rules[position]
            try:
                found.extend(
                    KIND_MODULES[rule.kind].paragraph_findings(rule, norm, 0, genres, present, awake[position])
                )
            except Exception as exc:
                clean = False
                failures.append(self._failure(rule, exc))
        result = tuple(found)
        if clean:
            self._paragraph_cache.put(key, result, len(norm))
        return result

    def _awake(self, norm: str, present: frozenset[str]) -> dict[int, set[int] | None]:
        """Paragraph rule position -> the parts of it to run (None: the whole rule): those a word present
        wakes and whose gates the paragraph passes."""
        awake: dict[int, set[int] | None] = {}
        woken = self._woken
        for word in (*present.intersection(self._waking_words), None):  # None: the parts always awake
            entries = woken.get(word)
            if entries is None:
                entries = woken[word] = self._wake_entries(word)
            for position, part, indexed, looked_up in entries:
                if part is None:
                    awake[position] = None
                    continue
                for words in indexed:  # one word of each set must be here (the index answers: most parts)
                    if present.isdisjoint(words):
                        break
                else:
                    if looked_up and not _holds_looked_up(norm, looked_up):
                        continue
                    parts = awake.get(position, ())
                    if parts == ():
                        awake[position] = {part}
                    elif parts is not None:
                        parts.add(part)
        return awake

    def _wake_entries(self, word: str | None) -> tuple[_Wake, ...]:
        """What ``word`` wakes (None: the parts always awake), each with the gates left to test once the
        word is known present: a gate holding the word itself passes (the frame's own anchor slot)."""
        entries = []
        for wake in self._wakes[word] if word is not None else self._always_awake:
            position, part = wake[0], wake[1]
            if part is None:
                entries.append((position, None, (), ()))
                continue
            gates = self._gates.get((position, part))
            if gates is None:
                try:
                    gates = self._gates_of(position, part)
                except Exception:  # a broken rule: its own run reports what is wrong with it
                    gates = ((), ())
                self._gates[position, part] = gates  # many words wake the same part
            indexed, looked_up = ((gates,), ()) if gates.__class__ is frozenset else gates
            entries.append((position, part, tuple(g for g in indexed if word is None or word not in g), looked_up))
        return tuple(entries)

    def _gates_of(self, position: int, part: int) -> frozenset[str] | tuple[tuple[frozenset[str], ...], ...]:
        """The part's gates: one word set the index answers, or the sets it answers and those looked up
        in the text."""
        rule = self._paragraph_rules[position]
        kind = KIND_MODULES[rule.kind]
        sets = kind.gates(rule, part) if hasattr(kind, "gates") else ()
        indexed = tuple(g for g in sets if g <= self._indexed)
        looked_up = tuple(g for g in sets if not g <= self._indexed)
        return indexed[0] if len(indexed) == 1 and not looked_up else (indexed, looked_up)

    def _failure(self, rule: Rule, exc: Exception) -> RuleFailure:
        if rule.id not in self._reported_failures:
            self._reported_failures.add(rule.id)
            log.exception("rule %s failed", rule.id)
        return RuleFailure(rule.id, f"{type(exc).__name__}: {exc}")

    def _with_severity(self, finding: Finding) -> Finding:
        override = self.settings.severity.get(finding.rule)
        return replace(finding, severity=override) if override else finding

    def stats(self, document: Document, context: CheckContext | None = None) -> DocumentStats:
        """字数, its limit and the measured sections, from the kinds that offer statistics."""
        context = context or self.context(document)
        limit = None
        sections: list[SectionStat] = []
        for rule, offer in self._stat_offers:
            found = offer(rule, document, context)
            if limit is None and found.get("limit") is not None:
                limit = found["limit"]
            sections.extend(found.get("sections", ()))
        return DocumentStats(document.body_chars, limit, context.doc_type, tuple(sections))


def _holds_looked_up(norm: str, looked_up: tuple[frozenset[str], ...]) -> bool:
    """Whether the paragraph holds a word of each set (words the index does not hold: looked for in the text)."""
    for words in looked_up:
        for word in words:
            if word in norm:
                break
        else:
            return False
    return True


def _scope(rule: Rule) -> str:
    return str(KIND_MODULES[rule.kind].SCOPE)


@dataclass(frozen=True)
class _Block:
    """Body text that phrase rules read as one paragraph: a paragraph, or hard-wrapped lines joined,
    without their line breaks and stray spaces (``reading_pieces``)."""

    norm: str  # the pieces' normal text, joined
    starts: tuple[int, ...]  # offset of each piece, from where the block is placed (``_Placed.at``)
    offsets: tuple[int, ...]  # offset in ``norm`` of each piece

    def position(self, offset: int, at: int, end: bool = False) -> int:
        """A document offset for an offset in ``norm`` (an end offset stays on the piece it ends)."""
        line = bisect.bisect_right(self.offsets, offset - 1 if end and offset > 0 else offset) - 1
        return at + self.starts[line] + offset - self.offsets[line]

    def place(self, finding: Finding, at: int) -> Finding:
        fix = finding.fix
        if fix is not None:
            fix = replace(fix, start=self.position(fix.start, at), end=self.position(fix.end, at, end=True))
        return replace(
            finding, start=self.position(finding.start, at), end=self.position(finding.end, at, end=True), fix=fix
        )


_Placed = tuple[_Block, int]  # a block and the document offset its ``starts`` count from


# Hard-wrapped lines are joined into paragraphs of at most about this many characters: a real paragraph is
# shorter, and thousands of lines without a full stop (a table or a list pasted as text) would otherwise
# make one run-on sentence that every rule reads for every match.
MAX_JOINED = 3_000


def _blocks(document: Document) -> list[_Placed]:
    groups: list[list[int]] = []
    joined = 0  # characters in the last group
    for p in document.paragraphs:
        if not p.text.strip() or not document.is_read(p.start, p.end):
            continue
        if document.continues and is_page_number(document.norm[p.start : p.end]):
            continue  # "— 2 —" from a PDF copy: nothing to read, and a wrapped sentence may run across it
        joins = (
            document.continues
            and document.continues[p.index]
            and groups
            and all(_between_lines(document, q) for q in document.paragraphs[groups[-1][-1] + 1 : p.index])
            and joined < MAX_JOINED
        )
        if joins:
            groups[-1].append(p.index)
            joined += p.end - p.start
        else:
            groups.append([p.index])
            joined = p.end - p.start
    blocks: list[_Placed] = []
    for group in groups:
        if len(group) == 1:  # a paragraph of its own: its block is kept by its text, wherever it stands
            q = document.paragraphs[group[0]]
            blocks.append((_LINE_BLOCKS(document.norm[q.start : q.end]), q.start))
            continue
        # the pieces of each line that rules read: a stray space from a PDF ("制 定") is left out
        texts: list[str] = []
        starts: list[int] = []
        for n, i in enumerate(group, 1):
            q = document.paragraphs[i]
            line = document.norm[q.start : q.end]
            if n < len(group):  # a hard-wrapped line: the spaces a PDF leaves before the wrap go too
                line = line.rstrip(" \t\u3000")
            skip = len(line) - len(line.lstrip(" ")) if n > 1 else 0  # and the one it leaves after it
            for s, e in reading_pieces(line[skip:]):
                texts.append(line[skip + s : skip + e])
                starts.append(q.start + skip + s)
        blocks.append((_joined_block(texts, starts), 0))
    return blocks


def _line_block(line: str) -> _Block:
    """One line's block, its pieces counted from the line's start."""
    pieces = reading_pieces(line)
    return _joined_block([line[s:e] for s, e in pieces], [s for s, _ in pieces])


# kept by the line's text: an editor reads every paragraph on each keystroke and most are unchanged (the
# block is then the same object, and so are its ``norm`` and that string's hash, which the paragraph cache asks)
_LINE_BLOCKS = LineCache(_line_block)


def _joined_block(texts: list[str], starts: list[int]) -> _Block:
    offsets = tuple(itertools.accumulate((len(t) for t in texts[:-1]), initial=0))
    return _Block("".join(texts), tuple(starts), offsets)


def _between_lines(document: Document, paragraph: Paragraph) -> bool:
    """A line a hard-wrapped sentence runs across: blank, or a page number."""
    return not paragraph.text.strip() or is_page_number(document.norm[paragraph.start : paragraph.end])


def check(
    document: Document, rules: Sequence[Rule], settings: Settings | None = None, parents: Iterable[Document] = ()
) -> Result:
    """One-shot check (no cache kept between calls)."""
    return Checker(rules, settings).check(document, parents)
