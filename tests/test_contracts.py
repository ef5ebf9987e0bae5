"""The output contracts, byte for byte: JSON, SARIF, text, CSV and HTML of ``jianfu check``, the HTTP
service's responses and the language server's diagnostics on the bundled example drafts.

The golden files in tests/data/contracts/ were written by scripts/update-contracts.py from the real
programs. A refactoring must leave every byte as it is; a rule change that changes findings reruns
the script and reviews the diff (only findings may differ).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.contracts import GOLDEN, capture_cli, capture_http, capture_lsp, workspace

HOW_TO_UPDATE = (
    "The output contract changed. If findings changed on purpose (rule tuning), run\n"
    "    .venv/bin/python scripts/update-contracts.py\n"
    "and review `git diff tests/data/contracts`: only findings may differ. A changed field name, order or\n"
    "format is a contract change, not a refactoring."
)


def _readable(data: bytes) -> list[str]:
    """Pretty JSON when the capture is JSON (after an optional status line), else the text itself."""
    text = data.decode("utf-8", errors="replace")
    head, _, rest = text.partition("\n") if text.startswith("HTTP ") else ("", "", text)
    try:
        text = head + "\n" + json.dumps(json.loads(rest), ensure_ascii=False, indent=1)
    except ValueError:
        pass
    return text.splitlines()


def _compare(shell: str, captured: dict[str, bytes]) -> None:
    expected_names = {p.relative_to(GOLDEN).as_posix() for p in (GOLDEN / shell).rglob("*") if p.is_file()}
    problems = []
    missing = sorted(expected_names - set(captured))
    if missing:
        problems.append(f"no longer produced: {missing}")
    for name, data in sorted(captured.items()):
        golden = GOLDEN / name
        if not golden.is_file():
            problems.append(f"{name}: no golden file")
            continue
        want = golden.read_bytes()
        if data != want:
            diff = difflib.unified_diff(
                _readable(want), _readable(data), f"golden/{name}", f"now/{name}", lineterm="", n=2
            )
            lines = list(diff)
            if not lines:  # same structure, other bytes (spacing, escaping, key order shown the same)
                lines = [f"{name}: same JSON content but different bytes (spacing, escaping or order)"]
            problems.append("\n".join(lines[:60]))
    assert not problems, HOW_TO_UPDATE + "\n\n" + "\n\n".join(problems)


@pytest.fixture(scope="module")
def root() -> Path:  # type: ignore[misc]
    with workspace() as folder:
        yield folder


@pytest.mark.parametrize("shell, capture", [("cli", capture_cli), ("http", capture_http), ("lsp", capture_lsp)])
def test_contract_unchanged(shell: str, capture: Callable[[Path], dict[str, bytes]], root: Path) -> None:
    _compare(shell, capture(root))
