"""The output formats, by name: what ``--format`` offers, which ``-o`` suffix picks which, and how each renders.

A format is one registration (``register(Format(...))``): its name, its file suffixes (the first is its
own; the others are also read), whether it is binary (then it needs ``-o``), a one-phrase description
for the ``--format`` help, and a renderer. The ``jianfu check`` options, the suffix lookup, the help
text and the error messages all come from here, so adding a format touches nothing else.

Formats belong to a command (``check`` renders a batch of checked drafts; another command, such as an
assessment form, registers its own formats under its own name and hands its renderers its own subject).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CHECK = "check"


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]  # lower case with the dot; the first is the format's own
    render: Callable[[Any], bytes | str]  # the whole output from the command's subject (for check: an Emission)
    binary: bool = False  # bytes that a terminal cannot show: only written with -o
    description: str = ""  # Chinese, after the name(s) in the --format help; "" for the default format
    command: str = CHECK
    # Renders one file's part as soon as it is checked (the text output streams while a batch runs)
    render_file: Callable[..., str] | None = None

    def encode(self, rendered: bytes | str) -> bytes:
        return rendered.encode("utf-8") if isinstance(rendered, str) else rendered


_FORMATS: dict[str, dict[str, Format]] = {}  # command -> name -> format, in registration order


def register(fmt: Format) -> Format:
    """Add a format; a name or suffix already taken in its command is an error, not a silent override."""
    own = _FORMATS.setdefault(fmt.command, {})
    if fmt.name in own:
        raise ValueError(f"output format {fmt.name!r} is already registered for {fmt.command!r}")
    taken = {suffix for other in own.values() for suffix in other.suffixes}
    clash = [s for s in fmt.suffixes if s in taken or s != s.lower() or not s.startswith(".")]
    if clash:
        raise ValueError(f"suffix {clash[0]!r} of format {fmt.name!r} is taken or not a lower-case '.suffix'")
    own[fmt.name] = fmt
    return fmt


def unregister(name: str, command: str = CHECK) -> None:
    _FORMATS.get(command, {}).pop(name, None)


def formats(command: str = CHECK) -> list[Format]:
    return list(_FORMATS.get(command, {}).values())


def get(name: str, command: str = CHECK) -> Format:
    return _FORMATS[command][name]


def for_suffix(suffix: str, command: str = CHECK) -> Format | None:
    suffix = suffix.lower()
    return next((f for f in formats(command) if suffix in f.suffixes), None)


def known_suffixes(command: str = CHECK) -> list[str]:
    return sorted(s for f in formats(command) for s in f.suffixes)


def own_suffixes(command: str = CHECK) -> str:
    """Each format's own suffix, for the -o help: ``.txt .json …``."""
    return " ".join(f.suffixes[0] for f in formats(command))


def format_help(command: str = CHECK) -> str:
    """``输出格式（默认 text，或按 -o 文件的扩展名）：json、sarif 供程序读取；…``: formats that share a
    description are named together, in registration order."""
    listed = formats(command)
    default = next((f.name for f in listed if not f.description), listed[0].name if listed else "")
    groups: list[tuple[list[str], str]] = []
    for fmt in listed:
        if not fmt.description:
            continue
        if groups and groups[-1][1] == fmt.description:
            groups[-1][0].append(fmt.name)
        else:
            groups.append(([fmt.name], fmt.description))
    parts = "；".join(f"{'、'.join(names)} {description}" for names, description in groups)
    return f"输出格式（默认 {default}，或按 -o 文件的扩展名）：{parts}"
