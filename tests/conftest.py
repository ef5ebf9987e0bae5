from __future__ import annotations

from pathlib import Path

import pytest

from jianfu.rules import Rule, load_rules

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference"


@pytest.fixture(scope="session")
def rules() -> list[Rule]:
    loaded, errors = load_rules()
    assert not errors, [str(e) for e in errors]
    return loaded
