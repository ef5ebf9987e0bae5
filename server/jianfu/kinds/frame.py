"""Frames: the words of a requirement that must meet in one sentence, read through the shared analysis.

A frame lists slots (``match``) that must occur in order within one sentence, each at most
``gap`` characters after the previous one ("于7月17日前将纸质版……一并报市政府督查室": the
object and the verb may be 60 字 and a comma apart). ``needs`` are slots the sentence must
also contain somewhere (a demand marker, a lower level); ``unless`` are slots that rule the
sentence out (near-misses); ``genre`` limits the frame to documents of a genre (a 考核办法's
scored items) and ``not_genre`` keeps it out of some. The finding spans the matched slots,
or only those listed in ``mark``. Like every phrase rule, a frame stays silent where the
practice is forbidden, cleaned up, quoted or criticised (``context: false`` turns that off).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from jianfu.analysis.factors import best
from jianfu.analysis.genre import NAMES as genre_names
from jianfu.analysis.lexicons import LexiconError, Slot, compile_slot
from jianfu.analysis.mode import ALWAYS_SILENT, mode
from jianfu.analysis.sentences import sentence_spans
from jianfu.kinds.base import ParamError

FRAME_KEYS = {"name", "match", "gap", "ordered", "needs", "unless", "genre", "not_genre", "mark", "context", "note"}
GENRES = genre_names  # the genres analysis.genre reads
DEFAULT_GAP = 40


@dataclass(frozen=True)
class Frame:
    name: str
    slots: tuple[Slot, ...]
    gap: int
    ordered: bool
    needs: tuple[Slot, ...]
    unless: tuple[Slot, ...]
    genre: frozenset[str]
    not_genre: frozenset[str]
    mark: tuple[int, ...]
    context: bool

    @cached_property
    def anchors(self) -> tuple[str, ...]:
        """Literal words one of which must occur for the frame to match ("" when none can be named):
        those of its most selective slot, so that "落实情况" rather than "要" wakes the frame."""
        found = best([s.factors for s in self.slots + self.needs])
        return tuple(sorted(found, key=lambda w: (-len(w), w))) if found else ("",)

    @cached_property
    def required(self) -> tuple[Slot, ...]:
        """The slots that must each occur in the paragraph: ``slots`` and ``needs``."""
        return self.slots + self.needs

    @cached_property
    def words(self) -> frozenset[str]:
        """Every literal word of its slots, and the words their ``re:`` parts cannot match without:
        an index of them answers most of ``hits``' slot tests."""
        slots = self.slots + self.needs  # set unions in C: start-up asks this of ~300 frames, ~20,000 words
        return frozenset().union(*(s.words for s in slots), *(s.regex_words or () for s in slots))

    @cached_property
    def gates(self) -> tuple[frozenset[str], ...]:
        """Per slot whose words can be named, the words one of which must occur: a paragraph lacking
        any slot's words is passed over without a call (the index holds them all, see ``words``)."""
        return tuple(f for f in (s.factors for s in self.slots + self.needs) if f is not None)

    def describe(self) -> str:
        parts = [" … ".join(s.spec for s in self.slots)]
        if self.needs:
            parts.append("且句中有 " + "、".join(s.spec for s in self.needs))
        if self.unless:
            parts.append("除非句中有 " + "、".join(s.spec for s in self.unless))
        if self.genre:
            parts.append("仅限文种 " + "、".join(sorted(self.genre)))
        if self.not_genre:
            parts.append("不用于文种 " + "、".join(sorted(self.not_genre)))
        return f"{self.name}：" + "；".join(parts) + f"（间隔 ≤ {self.gap} 字）"


def compile_frames(items: Any) -> tuple[Frame, ...]:
    if not isinstance(items, list) or not items:
        raise ParamError("frames", "应为非空列表，每项含 match（按顺序出现的槽位）。")
    return tuple(_compile(item, i) for i, item in enumerate(items, 1))


def _compile(item: Any, number: int) -> Frame:
    where = f"第{number}个框架"
    if not isinstance(item, dict) or "match" not in item:
        raise ParamError("frames", f"{where}应为含 match 的映射。")
    unknown = set(item) - FRAME_KEYS
    if unknown:
        raise ParamError("frames", f"{where}不认识的键：{'、'.join(sorted(unknown))}。")

    def slots(key: str, required: bool = False) -> tuple[Slot, ...]:
        value = item.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or (required and not value):
            raise ParamError("frames", f"{where}的 {key} 应为槽位列表。")
        try:
            return tuple(compile_slot(spec) for spec in value)
        except LexiconError as exc:
            raise ParamError("frames", f"{where}的 {key}：{exc}") from None

    match = slots("match", required=True)
    gap = item.get("gap", DEFAULT_GAP)
    if not isinstance(gap, int) or isinstance(gap, bool) or gap < 0:
        raise ParamError("frames", f"{where}的 gap 应为非负整数（槽位之间最多隔多少字）。")
    genres = {}
    for key in ("genre", "not_genre"):
        value = item.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not set(value) <= GENRES:
            raise ParamError("frames", f"{where}的 {key} 应为 {'、'.join(sorted(GENRES))} 中的若干项。")
        genres[key] = frozenset(value)
    mark = item.get("mark", list(range(1, len(match) + 1)))
    if not isinstance(mark, list) or not mark or not all(isinstance(m, int) and 1 <= m <= len(match) for m in mark):
        raise ParamError("frames", f"{where}的 mark 应为槽位序号（从 1 开始）的列表。")
    context = item.get("context", True)
    if not isinstance(context, bool):
        raise ParamError("frames", f"{where}的 context 应为 true 或 false。")
    ordered = item.get("ordered", True)
    if not isinstance(ordered, bool) or (not ordered and len(match) != 2):
        raise ParamError("frames", f"{where}的 ordered: false 只用于两个槽位。")
    return Frame(
        name=str(item.get("name") or where),
        slots=match,
        gap=gap,
        ordered=ordered,
        needs=slots("needs"),
        unless=slots("unless"),
        genre=genres["genre"],
        not_genre=genres["not_genre"],
        mark=tuple(m - 1 for m in mark),
        context=context,
    )


def hits(
    frame: Frame,
    text: str,
    genres: frozenset[str],
    silent: frozenset[str] = ALWAYS_SILENT,
    present: frozenset[str] | None = None,
) -> list[tuple[int, int]]:
    """Spans in ``text`` (one paragraph's normal form) where ``frame`` matches, in order.

    ``present``: the indexed words found in ``text`` (``Frame.words`` among them), when the caller
    has looked for them in one pass; it answers most of the slot tests below without a regex.
    """
    if frame.genre and not frame.genre & genres:
        return []
    if frame.not_genre & genres:
        return []
    # every slot must occur somewhere in the paragraph (a set test on ``present``, a regex scan only
    # for re: parts that may): most paragraphs are ruled out before any sentence is split or segmented
    # (the word-boundary check later only removes matches)
    for slot in frame.required:
        if not slot.occurs(text, present):
            return []
    anchors = frame.anchors
    if present is not None and "" not in anchors:
        # the anchors are among ``Frame.words``: those absent from ``present`` are in no sentence either
        anchors = tuple(a for a in anchors if a in present)
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        for anchor in anchors:
            if anchor in sentence:
                break
        else:
            continue
        out.extend(_sentence_hits(frame, text, s, e, silent))
    return out


def _sentence_hits(frame: Frame, text: str, s: int, e: int, silent: frozenset[str]) -> list[tuple[int, int]]:
    if any(not slot.finditer(text, s, e) for slot in frame.needs):
        return []
    found = [slot.finditer(text, s, e) for slot in frame.slots]
    if any(not f for f in found):
        return []

    # a slot's match that began inside the previous slot's words hid the one after them: look again
    # from where the previous slot ends ("各社区建立【禁毒宣传站】" after the verb 建立)
    def rescan(i: int, at: int) -> list[tuple[int, int]]:
        return frame.slots[i].finditer(text, at, e)

    chains = _chains(found, frame.gap, rescan)
    if not frame.ordered:
        chains += _chains(found[::-1], frame.gap)
        chains = [c if c[0] <= c[1] else c[::-1] for c in chains]
    out = []
    last_end = -1
    for chain in sorted(chains):
        marked = [chain[i] for i in frame.mark] if frame.ordered else chain
        start, end = min(m[0] for m in marked), max(m[1] for m in marked)
        if start < last_end or _ruled_out(frame, text, s, e, chain):
            continue
        if frame.context and mode(text, chain[0][0], chain[-1][1] if frame.ordered else end) in silent:
            continue
        out.append((start, end))
        last_end = end
    return out


# How far from the matched words an ``unless`` slot still rules a sentence out. Most sentences are
# shorter, so this is the whole sentence; a run-on one (punctuation lost in pasting) is read
# near the match only: an enterprise named 200 字 earlier does not silence a demand on villages.
UNLESS_REACH = 60


def _ruled_out(frame: Frame, text: str, s: int, e: int, chain: list[tuple[int, int]]) -> bool:
    lo, hi = max(s, chain[0][0] - UNLESS_REACH), min(e, max(m[1] for m in chain) + UNLESS_REACH)
    return any(slot.finditer(text, lo, hi) for slot in frame.unless)


def _chains(
    found: list[list[tuple[int, int]]],
    gap: int,
    rescan: Callable[[int, int], list[tuple[int, int]]] | None = None,
) -> list[list[tuple[int, int]]]:
    """Chains of one match per slot, each after the previous within ``gap``; the nearest first match wins.

    ``rescan(i, at)``: slot ``i``'s matches from ``at`` on, asked for when one of its matches straddles ``at``
    (an expression that may begin with any characters began inside the previous slot's words)."""
    chains: list[list[tuple[int, int]]] = []
    used_until = -1
    for first in found[0]:
        if first[0] < used_until:
            continue
        chain = [first]
        for i, matches in enumerate(found[1:], 1):
            at = chain[-1][1]
            nxt = next((m for m in matches if m[0] >= at and m[0] - at <= gap), None)
            if nxt is None and rescan is not None and any(m[0] < at < m[1] for m in matches):
                nxt = next((m for m in rescan(i, at) if m[0] - at <= gap), None)
            if nxt is None:
                break
            chain.append(nxt)
        if len(chain) == len(found):
            # a later first match nearer the rest gives a tighter span: "情况……情况，报送"
            for later in found[0] if len(chain) > 1 else ():
                if chain[0][1] <= later[0] and later[1] <= chain[1][0] and later != chain[0]:
                    chain[0] = later
            chains.append(chain)
            used_until = chain[-1][1]
    return chains
