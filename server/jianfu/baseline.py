"""What changed between two drafts: each finding of the new one is new or still there; the earlier
draft's findings that are gone are resolved.

Findings are matched by rule and sentence fingerprint (``jianfu.fingerprint``), so an edit elsewhere
in the document keeps a finding "still there"; when the sentence itself was edited but the flagged
words of the same rule remain, it is still there too. The earlier draft comes as a document and its
findings, or as a JSON result of ``jianfu check`` / ``jianfu assess`` (with fingerprints when it has them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from jianfu import fingerprint
from jianfu.model import Document, Finding
from jianfu.positions import paragraph_index

NEW = "new"
REMAINING = "remaining"


class BaselineError(Exception):
    """The baseline cannot be used; the message is Chinese."""


@dataclass(frozen=True)
class Earlier:
    """A finding of the earlier draft."""

    rule: str
    fingerprint: str | None  # None: an old JSON result without fingerprints (matched by words only)
    words: str  # the flagged words
    sentence: str = ""
    paragraph: int | None = None  # 1-based


@dataclass(frozen=True)
class Comparison:
    statuses: tuple[str, ...]  # per finding of the new draft, in order: NEW or REMAINING
    resolved: tuple[Earlier, ...]

    @property
    def new(self) -> int:
        return self.statuses.count(NEW)

    @property
    def remaining(self) -> int:
        return self.statuses.count(REMAINING)


def from_findings(document: Document, findings: Iterable[Finding]) -> list[Earlier]:
    paragraphs = paragraph_index(document)
    return [
        Earlier(
            rule=f.rule,
            fingerprint=fingerprint.fingerprint(document, f),
            words=document.text[f.start : f.end],
            sentence=fingerprint.sentence_of(document, f),
            paragraph=paragraphs.number(f.start) + 1,
        )
        for f in findings
    ]


def from_json(payload: Any, name: str | None = None) -> list[Earlier]:
    """The findings of one file of a ``jianfu check`` (``files``) or ``jianfu assess`` (``assessments``) JSON:
    its only file, or the one whose file name equals ``name``."""
    return json_lookup(payload)(name)


def json_lookup(payload: Any) -> Callable[[str | None], list[Earlier]]:
    """A lookup by file name into a JSON result, indexed once (a batch asks once per draft)."""
    entries = payload.get("files", payload.get("assessments")) if isinstance(payload, dict) else None
    if not isinstance(entries, list):
        raise BaselineError("不是 jianfu check 或 jianfu assess 输出的 JSON 结果。")
    by_name: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        if isinstance(entry, dict):
            by_name.setdefault(_base(str(entry.get("path", ""))), []).append(entry)

    def lookup(name: str | None) -> list[Earlier]:
        found = entries if len(entries) == 1 else by_name.get(_base(name or ""), [])
        if len(found) != 1:
            raise BaselineError(f"JSON 结果中没有（或不止一份）与“{name}”同名的文稿。")
        return _earlier_of(found[0])

    return lookup


def _earlier_of(entry: dict[str, Any]) -> list[Earlier]:
    if "rows" in entry:  # an assessment: the quotes of every row
        found = [q for row in entry["rows"] for q in row.get("quotes", [])]
        return [
            Earlier(q["rule"], q.get("fingerprint"), q.get("text", ""), q.get("sentence", ""), q.get("paragraph"))
            for q in found
        ]
    return [
        Earlier(f["rule"], f.get("fingerprint"), f.get("text", ""), "", f.get("line"))
        for f in entry.get("findings") or []
    ]


def _base(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def compare(document: Document, findings: Sequence[Finding], earlier: Sequence[Earlier]) -> Comparison:
    """Three passes, each consuming what it matched: fingerprint, then rule and words (the sentence was
    edited, or the earlier result had no fingerprints)."""
    statuses: list[str | None] = [None] * len(findings)
    left = list(range(len(earlier)))
    keys = [
        lambda f: fingerprint.fingerprint(document, f),
        lambda f: (f.rule, fingerprint.normalise(document.text[f.start : f.end])),
    ]
    earlier_keys = [
        lambda e: e.fingerprint,
        lambda e: (e.rule, fingerprint.normalise(e.words)),
    ]
    for key, earlier_key in zip(keys, earlier_keys, strict=True):
        pool: dict[Any, list[int]] = {}
        for i in left:
            value = earlier_key(earlier[i])
            if value is not None:
                pool.setdefault(value, []).append(i)
        used: set[int] = set()
        for n, finding in enumerate(findings):
            if statuses[n] is None and (match := pool.get(key(finding))):
                used.add(match.pop(0))
                statuses[n] = REMAINING
        left = [i for i in left if i not in used]
    return Comparison(tuple(s or NEW for s in statuses), tuple(earlier[i] for i in left))
