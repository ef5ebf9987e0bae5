from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from jianfu.rules import Rule, load_rules

# The start-up cache (jianfu.datacache) of the whole run, and of the CLI processes it starts, goes to a
# folder of its own: the suite neither reads nor fills the user's ~/.cache/jianfu.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="jianfu-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference"


@pytest.fixture(scope="session")
def rules() -> list[Rule]:
    loaded, errors = load_rules()
    assert not errors, [str(e) for e in errors]
    return loaded
