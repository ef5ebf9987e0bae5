#!/usr/bin/env bash
# Install jianfu into .venv and check the bundled example drafts (exit 1 means: findings were reported).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q .
.venv/bin/jianfu check examples/
