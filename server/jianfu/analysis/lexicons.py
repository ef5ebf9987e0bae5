"""Named word lists shared by the rules (``rules/lexicons/*.yaml``) and the slot specs that use them.

A lexicon file holds ``name``, ``description`` and ``words``; a word is a literal, or a regular
expression written ``re:…``. Rules name lexicons in their frames as ``@name``, so "lower levels"
or "report verbs" are listed once for every rule. A slot spec is ``|``-separated: lexicon
references, literal words and ``re:`` expressions, e.g. ``"@report_verbs|函告"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from jianfu import datacache, regexcache
from jianfu.analysis import segment
from jianfu.analysis.caching import for_short_texts
from jianfu.analysis.factors import necessary

NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class LexiconError(ValueError):
    """A bad lexicon file or reference; ``str()`` is a Chinese message naming the file or the name."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Lexicon:
    name: str
    description: str
    words: tuple[str, ...]  # literal words and ``re:`` expressions
    path: str = ""


_registry: dict[str, Lexicon] = {}
_loaded_dirs: set[str] = set()
_generation = 0  # bumped when a lexicon is (re)loaded, so slots built from the old words are not reused


def _bump() -> None:
    global _generation
    _generation += 1
    _matches.cache_clear()  # new words may change jieba's word boundaries


@cache
def bundled_dir() -> Path:  # asked on every lexicon lookup: resources.files costs ~0.1 ms a call
    return Path(str(resources.files("jianfu.ruleset"))) / "lexicons"


def load_dir(directory: Path) -> list[LexiconError]:
    """Register every lexicon under ``directory`` (a later folder's lexicon replaces one of the same name)."""
    errors: list[LexiconError] = []
    paths = sorted(directory.glob("*.yaml"))
    # the bundled lexicons' parsed YAML comes from the user's cache while the files are unchanged
    parsed = datacache.parsed_yaml("lexicons", paths) if directory == bundled_dir() else None
    for number, path in enumerate(paths):
        try:
            lexicon = load_file(path, parsed[number] if parsed is not None else _NOT_READ)
        except LexiconError as exc:
            errors.append(exc)
            continue
        _registry[lexicon.name] = lexicon
        _bump()
        segment.add_words(w for w in lexicon.words if not w.startswith("re:"))
    vocabulary = directory / "dictionary.txt"
    if vocabulary.exists():
        segment.add_words(line.split()[0] for line in vocabulary.read_text("utf-8").splitlines() if line.strip())
    _loaded_dirs.add(str(directory))
    return errors


_NOT_READ = object()


def load_file(path: Path, data: Any = _NOT_READ) -> Lexicon:
    """The lexicon in ``path``, whose parsed YAML the caller may pass as ``data``."""
    if data is _NOT_READ:
        import yaml  # ~15 ms to import: the bundled lexicons' YAML comes from the cache

        try:
            data = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise LexiconError(f"{path}：词表文件无法读取（{exc}）。", str(path)) from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}：词表文件的顶层应为映射（name、description、words）。", str(path))
    name, words = data.get("name"), data.get("words")
    if not isinstance(name, str) or not NAME.match(name) or name != path.stem:
        raise LexiconError(f"{path}：name 应为小写英文名，且与文件名一致（{path.stem}）。", str(path))
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise LexiconError(f"{path}：words 应为非空的字符串列表。", str(path))
    for word in words:
        if word.startswith("re:"):
            try:
                _check_syntax(word[3:])  # the bundled lexicons are checked by the test suite instead
            except re.error as exc:
                raise LexiconError(f"{path}：正则表达式“{word}”有误：{exc}", str(path)) from None
    return Lexicon(name, str(data.get("description", "")), tuple(w.strip() for w in words), str(path))


def get(name: str) -> Lexicon:
    if str(bundled_dir()) not in _loaded_dirs:
        load_dir(bundled_dir())
    try:
        return _registry[name]
    except KeyError:
        raise LexiconError(f"没有名为“{name}”的词表（rules/lexicons/{name}.yaml）。") from None


def all_lexicons() -> list[Lexicon]:
    if str(bundled_dir()) not in _loaded_dirs:
        load_dir(bundled_dir())
    return sorted(_registry.values(), key=lambda lex: lex.name)


@dataclass(frozen=True, eq=False)
class Slot:
    """One slot spec: a regular expression over the normal form (compiled on first use), plus its literal words."""

    spec: str
    source: str
    words: tuple[str, ...]  # the literal alternatives
    regexes: tuple[str, ...]  # the ``re:`` alternatives

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(self.words)

    def occurs(self, text: str, present: frozenset[str] | None) -> bool:
        """``occurs_in``, answered from ``present`` (the indexed words found in ``text``) when given:
        a set test for the literal words, a regex search only for the ``re:`` alternatives."""
        if present is None:
            return self.occurs_in(text)
        if not present.isdisjoint(self.word_set):
            return True
        if not self.regexes:
            return False
        if self.regex_words is not None and present.isdisjoint(self.regex_words):
            return False  # no match of the ``re:`` alternatives can do without one of these words
        # none of the literal words is here, so a match of the whole slot is one of its re: parts
        # (and the whole slot is the expression ``finditer`` compiles too: one compile, not two)
        return _occurs(self.source, text)

    @cached_property
    def regex_words(self) -> frozenset[str] | None:
        """Words one of which every match of the ``re:`` alternatives contains (None: unknown)."""
        return _factors((), self.regexes)

    @property
    def factors(self) -> frozenset[str] | None:
        """Literal words one of which every match contains (None when some alternative has none)."""
        return _factors(self.words, self.regexes)

    @property
    def pattern(self) -> re.Pattern[str]:
        # re keeps its own cache of compiled patterns, but only 512 of them: keep ours
        return _compiled(self.source)

    def occurs_in(self, text: str) -> bool:
        """Whether the slot's expression matches anywhere in ``text`` (shared by every frame asking the same)."""
        return _occurs(self.source, text)

    def finditer(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Matches inside ``text[start:end]`` that begin and end on word boundaries when they are short.

        A match of one or two characters ("报", "上报") is kept only if jieba reads it as its own
        word(s): 报 in 通报/汇报/情报, 上报 in 向上报告 are not the verb. Results are shared by
        every frame that asks the same sentence the same slot ("@lower_levels" in many rules).
        """
        return list(_matches(self.source, text, start, end))


@cache
def _factors(words: tuple[str, ...], regexes: tuple[str, ...]) -> frozenset[str] | None:
    found = set(words)
    for expression in regexes:
        necessary_words = necessary(expression)
        if necessary_words is None:
            return None
        found.update(necessary_words)
    return frozenset(found) if found else None


@for_short_texts(maxsize=4096, text_arg=1)
def _occurs(source: str, text: str) -> bool:
    return _compiled(source).search(text) is not None


# The project dictionary glues a determiner to its noun (各企业, 每村 are names of lower levels): the
# noun after it is still a word of its own ("企业" in 各企业 rules out a demand on villages).
_DETERMINERS = frozenset("各每")


@for_short_texts(maxsize=8192, text_arg=1)
def _matches(source: str, text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    bounds: frozenset[int] | None = None
    pattern = _compiled(source)
    pos = start
    while (m := pattern.search(text, pos, end)) is not None:
        s, e = m.span()
        if s == e:
            pos = s + 1
            continue
        if e - s <= 2:
            if bounds is None:
                bounds = segment.boundaries(text[start:end])
            glued = s > start and text[s - 1] in _DETERMINERS and s - 1 - start in bounds
            if (s - start not in bounds and not glued) or (
                e - start not in bounds and not _heads_compound(text, s, e, start, bounds)
            ):
                # a longer alternative may begin one character later: 各村委会 is 各 + 村委会
                pos = s + 1
                continue
        out.append((s, e))
        pos = e
    return tuple(out)


def _heads_compound(text: str, s: int, e: int, start: int, bounds: frozenset[int]) -> bool:
    """A two-character match that begins a word of four or more (台账 in 台账资料): the head of a compound
    noun the dictionary glued, not a piece of another word (报 in 报表, 上报 in 向上报告)."""
    if e - s != 2 or s - start not in bounds or text[s] in _DETERMINERS:
        return False  # (各村 in 各村委会 is a determiner glued to another noun: see _DETERMINERS)
    following = min((b for b in bounds if b > e - start), default=None)
    return following is not None and following - (s - start) >= 4


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return regexcache.compile(source)


def compile_slot(spec: str) -> Slot:
    """The slot for ``spec``; specs shared by many frames ("@lower_levels") are built once."""
    if not isinstance(spec, str) or not spec.strip():
        raise LexiconError("槽位应为非空字符串（@词表名、词语或 re:正则，用 | 分隔）。")
    return _slot(spec, _generation)


@cache
def _slot(spec: str, generation: int) -> Slot:
    if not isinstance(spec, str) or not spec.strip():
        raise LexiconError("槽位应为非空字符串（@词表名、词语或 re:正则，用 | 分隔）。")
    alternatives: list[str] = []
    literals: list[str] = []
    regexes: list[str] = []
    for part in _split(spec):
        if part.startswith("re:"):  # a lexicon's regexes were checked when it was loaded; inline ones here
            try:
                _check_syntax(part[3:])
            except re.error as exc:
                raise LexiconError(f"槽位“{spec}”的正则表达式有误：{exc}") from None
        words, expressions = _parts(part[1:], generation) if part.startswith("@") else _entry_parts((part,))
        literals.extend(words)
        regexes.extend(expressions)
        alternatives.extend(f"(?:{expression})" for expression in expressions)
    literals.sort(key=len, reverse=True)
    joined = "\0".join(literals)  # escaped in one pass (re.escape leaves NUL as it is): ~7,000 words at start-up
    escaped = re.escape(joined).split("\0") if literals and joined.count("\0") == len(literals) - 1 else []
    alternatives = (escaped or [re.escape(w) for w in literals]) + alternatives
    # the whole alternation is compiled on first use (start-up compiles nothing a draft does not need)
    source = "|".join(alternatives)
    if not literals and not regexes:
        raise LexiconError(f"槽位“{spec}”没有任何词语。")
    return Slot(spec, source, tuple(literals), tuple(regexes))


@cache
def _parts(name: str, generation: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A lexicon's literal words and ``re:`` expressions, split once (start-up builds ~900 slots from
    a few dozen lexicons)."""
    return _entry_parts(get(name).words)


def _entry_parts(entries: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (
        tuple(e for e in entries if not e.startswith("re:")),
        tuple(e[3:] for e in entries if e.startswith("re:")),
    )


def _check_syntax(expression: str) -> None:
    """Raise re.error if ``expression`` is not a valid regular expression. Parsing alone finds every
    syntax error at under half the cost of compiling. The bundled rules' expressions are checked by the
    test suite instead (``EAGER_REGEX`` is off while they load): start-up would parse ~900 of them."""
    from jianfu.kinds.base import EAGER_REGEX  # kinds import this module: read at call time

    if not EAGER_REGEX.get():
        return
    try:
        from re import _parser as parser  # type: ignore[attr-defined]  # the stdlib's own parser (3.11+)
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as parser
    parser.parse(expression)


def _split(spec: str) -> list[str]:
    """Split on ``|`` outside ``re:`` parts (a regex part runs to the end of the spec)."""
    head, sep, regex = spec.partition("re:")
    parts = [p.strip() for p in head.split("|") if p.strip()]
    if sep:
        parts.append("re:" + regex)
    return parts
