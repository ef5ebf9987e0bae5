"""Add to each phrase rule's ``anchors`` the words its patterns cannot match without.

    python scripts/complete_anchors.py [RULES_DIR] [--check]

A pattern runs on a paragraph only when one of the rule's anchors written in the pattern itself
occurs in it, so every match of a pattern must contain such an anchor. For each pattern this finds the
literals one of which every match contains (``jianfu.analysis.factors.necessary``) and adds
those that contain no anchor yet to the rule file's ``anchors: [...]`` line, leaving the rest of
the file as written. ``--check`` only lists them (exit 1 when some are missing);
tests/test_anchors.py runs the same check on the bundled rules.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

import yaml

from jianfu.analysis.factors import necessary

ROOT = pathlib.Path(__file__).resolve().parent.parent


def missing_anchors(data: dict) -> list[str]:
    """Words to add so that every pattern of a phrase rule (``data``, as read from YAML) is covered."""
    anchors = [a for a in data.get("anchors") or [] if isinstance(a, str) and a]
    sources = list(data.get("patterns") or []) + [m.get("pattern", "") for m in data.get("measured") or []]
    out: list[str] = []
    # adding an anchor written in a pattern narrows that pattern's gate: repeat until nothing is missing
    while True:
        added = _missing_once(anchors + out, sources)
        if not added:
            return out
        out += [w for w in added if w not in out]


def _missing_once(anchors: list[str], sources: list[str]) -> list[str]:
    out: list[str] = []
    for source in sources:
        words = necessary(source)
        if words is None:
            raise ValueError(f"正则“{source}”没有必然出现的字面词语，无法确定锚点：请改写或拆分。")
        # the anchors that wake this pattern: those written in it (all, when none is: jianfu.kinds.phrase)
        gate = [a for a in anchors + out if a in source] or anchors + out
        for word in words:
            if not any(a in word for a in gate):
                piece = _written_part(word, source)
                if piece not in out:
                    out.append(piece)
                gate.append(piece)
    return out


def _written_part(word: str, source: str) -> str:
    """The longest part of ``word`` written as such in ``source`` ("关注(?:人数|量)" gives 关注人数
    as a necessary word, but only 关注 can wake the pattern): a part of a necessary word is necessary."""
    for size in range(len(word), 0, -1):
        for start in range(len(word) - size + 1):
            if word[start : start + size] in source:
                return word[start : start + size]
    raise ValueError(f"“{word}”的任何部分都没有直接写在正则“{source}”中，请手工添加锚点。")


def _flow_scalar(word: str) -> str:
    """``word`` as an item of a YAML flow list: plain when safe, else double-quoted."""
    try:
        plain = yaml.safe_load(f"[{word}]") == [word]  # not a number, not YAML syntax
    except yaml.YAMLError:
        plain = False
    return word if plain else json.dumps(word, ensure_ascii=False)


def complete(path: pathlib.Path, write: bool) -> list[str]:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or data.get("kind") != "phrase" or not data.get("patterns"):
        return []
    extra = missing_anchors(data)
    if extra and write:
        line = re.search(r"^anchors:\s*\[(.*)\]\s*$", text, re.M)
        if line is None:
            raise ValueError(f"{path}：anchors 不是一行的 [..] 列表，请手工添加：{'、'.join(extra)}")
        added = ", ".join(_flow_scalar(w) for w in extra)
        text = text[: line.end(1)] + ", " + added + text[line.end(1) :]
        path.write_text(text, encoding="utf-8")
    return extra


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--check"]
    folder = pathlib.Path(args[0]) if args else ROOT / "rules"
    write = "--check" not in sys.argv
    missing = 0
    for path in sorted(folder.rglob("JF*.yaml")):
        extra = complete(path, write)
        if extra:
            missing += 1
            print(f"{path.relative_to(folder)}: {'已添加' if write else '缺少'} {'、'.join(extra)}")
    return 1 if missing and not write else 0


if __name__ == "__main__":
    sys.exit(main())
