"""The checklist of the 一致性评估表, read from ``rules/assessment.yml``: rows, their clauses and rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from jianfu.assessment.model import Clause
from jianfu.rules import Rule, bundled_rules_dir

FILE_NAME = "assessment.yml"


class ChecklistError(Exception):
    """The checklist file is wrong; the message is Chinese and names the file and the row."""


@dataclass(frozen=True)
class RowSpec:
    item: str
    clauses: tuple[Clause, ...]
    rules: tuple[str, ...]  # rule ids named in the file
    articles: tuple[int, ...]  # and every other rule of these articles
    needs_parent: bool = False  # decidable only with the parent document (照搬照抄)
    manual: str = ""  # what the reviewer confirms by hand in this row


@dataclass(frozen=True)
class ManualItem:
    item: str
    clause: Clause
    check: str


@dataclass(frozen=True)
class Checklist:
    rows: tuple[RowSpec, ...]
    manual: tuple[ManualItem, ...]

    def assign(self, rules: Iterable[Rule]) -> dict[str, int]:
        """Rule id -> row number (0-based): the row naming it, else the row of its article, else the first
        row citing its article (a rule from another rule set), else the last row: no finding goes missing."""
        named = {rule_id: n for n, row in enumerate(self.rows) for rule_id in row.rules}
        by_article = {article: n for n, row in enumerate(self.rows) for article in row.articles}
        cited: dict[int, int] = {}
        for n, row in enumerate(self.rows):
            for clause in row.clauses:
                cited.setdefault(clause.article, n)
        last = len(self.rows) - 1
        return {r.id: named.get(r.id, by_article.get(r.article, cited.get(r.article, last))) for r in rules}


def load(directory: Path | None = None) -> Checklist:
    """The checklist beside the rules (``--rules-dir``), else the bundled one."""
    path = (directory or bundled_rules_dir()) / FILE_NAME
    if directory is not None and not path.is_file():
        path = bundled_rules_dir() / FILE_NAME
    return _load(path)


@lru_cache(maxsize=4)
def _load(path: Path) -> Checklist:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ChecklistError(f"{path}：评估表检查项文件无法读取（{exc}）。") from None
    try:
        rows = tuple(_row(raw) for raw in data["rows"])
        manual = tuple(
            ManualItem(str(m["item"]), Clause(int(m["article"]), str(m["clause"])), str(m["check"]))
            for m in data.get("manual") or ()
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ChecklistError(
            f"{path}：评估表检查项格式错误（{exc!r}）。每行应有 item、clauses，可有 rules、articles。"
        ) from None
    return Checklist(rows, manual)


def _row(raw: dict) -> RowSpec:  # type: ignore[type-arg]
    return RowSpec(
        item=str(raw["item"]),
        clauses=tuple(Clause(int(c["article"]), str(c["text"])) for c in raw["clauses"]),
        rules=tuple(str(r) for r in raw.get("rules") or ()),
        articles=tuple(int(a) for a in raw.get("articles") or ()),
        needs_parent=bool(raw.get("needs_parent", False)),
        manual=str(raw.get("manual") or ""),
    )
