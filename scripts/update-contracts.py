"""Regenerate the golden contract files in tests/data/contracts/ from the real CLI, HTTP service and LSP server.

Run it after a change that legitimately changes findings (rule tuning), then review ``git diff tests/data/contracts``:
only findings may differ. A change in a field's name, order or format is a contract change and needs its own
decision (and a new version of the JSON/HTTP contract).

    .venv/bin/python scripts/update-contracts.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.contracts import GOLDEN, capture_all  # noqa: E402


def main() -> int:
    captured = capture_all()
    stale = {p for p in GOLDEN.rglob("*") if p.is_file()} - {GOLDEN / name for name in captured}
    for path in stale:
        path.unlink()
    changed = 0
    for name, data in sorted(captured.items()):
        path = GOLDEN / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            changed += 1
            print(f"已更新 {path.relative_to(GOLDEN.parents[2])}")
    print(
        f"共 {len(captured)} 个契约文件，更新 {changed} 个，删除 {len(stale)} 个。请用 git diff tests/data/contracts 审阅差异。"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
