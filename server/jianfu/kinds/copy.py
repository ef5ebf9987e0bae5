"""第2条: a supporting document must not simply copy its parent (照搬照抄上位文件).

Two signals on the normal form of the body: long runs of text shared with a parent
(``min_run`` characters, found through fixed-length character shingles), and
sentences that are near-identical to a parent sentence (``similarity`` of at least
0.85 by difflib's ratio, for sentences of ``min_sentence`` characters or more).
Consecutive copied sentences in a paragraph become one finding. Standard formulas that
nearly every document carries (``formulas``, default the ``standard_formulas`` lexicon:
"以习近平新时代中国特色社会主义思想为指导", "贯彻落实党中央、国务院决策部署") are taken
out of both texts first: sharing them is not copying.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from jianfu.analysis.lexicons import LexiconError, compile_slot
from jianfu.kinds.base import CheckContext, ParamError, make_finding
from jianfu.lazyre import lazy
from jianfu.model import Document, Finding, Related
from jianfu.positions import ParagraphIndex, paragraph_index

if TYPE_CHECKING:
    from jianfu.rules import Rule

SHINGLE = 8
_SENTENCE = lazy(r"[^。！？；!?;\n]+[。！？；!?;]?")
_NOISE = lazy(r"[\s\u3000，、,：:“”‘’\"'（）()《》。！？；!?;]")


SCOPE = "document"
KEYS = ((), ("min_run", "min_sentence", "similarity", "formulas"))


def compile(data: dict[str, Any]) -> dict[str, Any]:
    params = {
        "min_run": data.get("min_run", 30),
        "min_sentence": data.get("min_sentence", 20),
        "similarity": data.get("similarity", 0.85),
    }
    params["formulas_spec"] = data.get("formulas", "@standard_formulas")
    try:
        params["formulas"] = compile_slot(params["formulas_spec"]).pattern
    except LexiconError as exc:
        raise ParamError("formulas", str(exc)) from None
    for key in ("min_run", "min_sentence"):
        if not isinstance(params[key], int) or params[key] < SHINGLE:
            raise ParamError(key, f"应为不小于 {SHINGLE} 的整数。")
    if not isinstance(params["similarity"], (int, float)) or not 0.5 <= params["similarity"] <= 1:
        raise ParamError("similarity", "应为 0.5 到 1 之间的数。")
    return params


def _sentences(document: Document, formulas: re.Pattern[str]) -> list[tuple[int, int, str]]:
    start, end = document.body_span
    out = []
    keys = _KEYS.setdefault(formulas, {})
    if len(keys) > _KEYS_KEPT:
        keys.clear()
    for m in _SENTENCE.finditer(document.norm, start, end):
        key = keys.get(m.group(0))
        if key is None:  # kept by the sentence's text: an editor asks again about every sentence per keystroke
            key = keys[m.group(0)] = _NOISE.sub("", formulas.sub("", m.group(0)))
        if key:
            s = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000"))
            out.append((s, m.end(), key))
    return out


def check(rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]:
    for parent in context.parents:
        yield from _check_parent(rule, document, parent)


# a sentence's text -> its key, by formulas pattern
_KEYS: dict[re.Pattern[str], dict[str, str]] = {}
_KEYS_KEPT = 20_000

_Sentences = list[tuple[int, int, str]]
# (key, min_sentence, min_run, similarity) -> the parent sentence a child sentence copies (None: none)
_Decisions = dict[tuple[str, int, int, float], int | None]
_Indexed = tuple[_Sentences, dict[str, int], dict[str, int], ParagraphIndex, _Decisions]
# parent -> its sentences, exact keys, shingles and paragraphs, by identity: the session hands every check the
# same parsed parent until its file changes, so an editor does not re-shingle it per keystroke
_PARENTS: dict[tuple[int, int], tuple[Document, Any, _Indexed]] = {}
_PARENTS_KEPT = 8


def _indexed(parent: Document, formulas: re.Pattern[str]) -> _Indexed:
    slot = (id(parent), id(formulas))
    cached = _PARENTS.get(slot)
    if cached is not None and cached[0] is parent and cached[1] is formulas:
        return cached[2]
    sentences = _sentences(parent, formulas)
    exact = {key: index for index, (_, _, key) in enumerate(sentences)}
    shingles: dict[str, int] = {}
    for index, (_, _, key) in enumerate(sentences):
        for i in range(len(key) - SHINGLE + 1):
            shingles.setdefault(key[i : i + SHINGLE], index)
    paragraphs = paragraph_index(parent)
    while len(_PARENTS) >= _PARENTS_KEPT:  # parents of one-off requests must not pile up
        _PARENTS.pop(next(iter(_PARENTS), slot), None)  # tolerant of a concurrent eviction
    indexed = (sentences, exact, shingles, paragraphs, {})
    _PARENTS[slot] = (parent, formulas, indexed)  # holding both keeps their ids unique
    return indexed


def _check_parent(rule: Rule, document: Document, parent: Document) -> Iterator[Finding]:
    params = rule.params
    indexed = _indexed(parent, params["formulas"])
    parent_sentences, paragraphs, decisions = indexed[0], indexed[3], indexed[4]
    if not parent_sentences:
        return
    if len(decisions) > _KEYS_KEPT:
        decisions.clear()
    settings = (params["min_sentence"], params["min_run"], params["similarity"])

    copied: list[tuple[int, int, int]] = []  # child start, end, parent sentence index
    for s, e, key in _sentences(document, params["formulas"]):
        # kept by the sentence's key (with this parent): typing changes one sentence, not the others
        asked = (key, *settings)
        if asked in decisions:
            found = decisions[asked]
        else:
            found = decisions[asked] = _copies(key, indexed, params)
        if found is not None:
            copied.append((s, e, found))

    for group in _group(document, copied):
        start, end = group[0][0], group[-1][1]
        p_start, p_end = parent_sentences[group[0][2]][0], parent_sentences[group[-1][2]][1]
        if p_end <= p_start:
            p_end = parent_sentences[group[0][2]][1]
        line, column = paragraphs.containing(p_start) or (0, 0)
        related = Related("上位文件中的对应段落", parent.path, p_start, p_end, line, column)
        yield make_finding(
            rule,
            start,
            end,
            values={"sentences": len(group), "parent": parent.title or (parent.path or "上位文件")},
            related=(related,),
        )


def _copies(key: str, indexed: _Indexed, params: dict[str, Any]) -> int | None:
    """The parent sentence the child sentence of ``key`` copies, if it does."""
    parent_sentences, exact, shingles = indexed[0], indexed[1], indexed[2]
    if len(key) < params["min_sentence"] and key not in exact:
        return None
    if len(key) < SHINGLE:
        return None
    votes: dict[int, int] = {}
    run = best_run = 0
    for i in range(len(key) - SHINGLE + 1):
        found = shingles.get(key[i : i + SHINGLE])
        if found is None:
            run = 0
            continue
        index = found
        votes[index] = votes.get(index, 0) + 1
        run += 1
        best_run = max(best_run, run)
    if not votes:
        return None
    candidate = max(votes, key=votes.__getitem__)
    parent_key = parent_sentences[candidate][2]
    if key in exact:
        return exact[key]
    if best_run + SHINGLE - 1 >= params["min_run"] or (
        len(key) >= params["min_sentence"]
        and SequenceMatcher(None, key, parent_key, autojunk=False).ratio() >= params["similarity"]
    ):
        return candidate
    return None


def _group(document: Document, copied: list[tuple[int, int, int]]) -> Iterator[list[tuple[int, int, int]]]:
    """Consecutive copied sentences within one paragraph."""
    group: list[tuple[int, int, int]] = []
    for item in copied:
        if (
            group
            and document.text.find("\n", group[-1][1], item[0]) == -1
            and not document.norm[group[-1][1] : item[0]].strip()
        ):
            group.append(item)
            continue
        if group:
            yield group
        group = [item]
    if group:
        yield group
