"""kill -9 in the middle of a batch that writes annotated copies and reports: nothing lost.

Real subprocesses killed after a random delay (seeded), over and over. After each kill every
output is absent, the old one, or the complete new one (opens with python-docx / openpyxl / json);
nothing but hidden leftovers sits beside them; the drafts are untouched; a re-run finishes the job
and sweeps the dead runs' leftovers. ``JIANFU_KILL9_ROUNDS`` raises the number of rounds.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

REPO = Path(__file__).resolve().parents[2]
DRAFTS_PER_KIND = 30
ROUNDS = int(os.environ.get("JIANFU_KILL9_ROUNDS", "6"))
COPY_SUFFIX = "_审查意见.docx"


def command(drafts: Path, out: Path, jobs: int) -> list[str]:
    return [
        sys.executable, "-m", "jianfu", "check", "--no-progress", "--jobs", str(jobs),
        "--annotate", str(out / "copies"), "-o", str(out / "问题清单.xlsx"), "-o", str(out / "report.json"), str(drafts),
    ]  # fmt: skip


def run(drafts: Path, out: Path, jobs: int = 1) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(command(drafts, out, jobs), capture_output=True, timeout=300)


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def assert_outputs_whole(out: Path, drafts: int, findings: int) -> Counter[str]:
    """Every output under its final name is complete; the rest are hidden leftovers. Returns what was there."""
    seen: Counter[str] = Counter()
    for path in out.rglob("*"):
        relative = path.relative_to(out)
        if any(part.startswith(".") for part in relative.parts):  # a leftover: hidden, never an output's name
            assert any(part.startswith(".jianfu-staging-") for part in relative.parts) or relative.name.startswith(
                (".问题清单.xlsx.", ".report.json.")
            ), relative
            continue
        if path.is_dir():
            continue
        if path.name.endswith(COPY_SUFFIX):
            assert len(docx.Document(str(path)).comments) > 0, path
            seen["copies"] += 1
        elif path.name == "问题清单.xlsx":
            rows = sum(1 for _ in load_workbook(path)["问题清单"].iter_rows(min_row=2))
            assert rows == findings, path
            seen["xlsx"] += 1
        elif path.name == "report.json":
            assert len(json.loads(path.read_text("utf-8"))["files"]) == drafts
            seen["json"] += 1
        else:
            raise AssertionError(f"unexpected file under a final name: {relative}")
    return seen


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for n in range(DRAFTS_PER_KIND):
        shutil.copy(REPO / "examples" / "违规通知.txt", drafts / f"通知{n:02}.txt")
        shutil.copy(REPO / "examples" / "会议通知.docx", drafts / f"会议{n:02}.docx")
    return drafts


def test_kill9_while_writing_copies_and_reports_loses_nothing(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = fingerprint(batch)
    full_run = {}
    for jobs in (1, 2):  # how long a whole run takes: the kills aim at its last part, where outputs are written
        started = time.monotonic()
        complete = run(batch, out, jobs)
        full_run[jobs] = time.monotonic() - started
        assert complete.returncode == 1, complete.stderr.decode()
    drafts = len(inputs)
    findings = sum(len(f["findings"]) for f in json.loads((out / "report.json").read_text("utf-8"))["files"])
    shutil.rmtree(out)  # the first killed rounds start from nothing, the later ones over a complete run

    chance = random.Random(14)
    outcomes: Counter[str] = Counter()
    for round_ in range(ROUNDS):
        over_old = round_ >= ROUNDS // 2
        if not over_old:
            shutil.rmtree(out, ignore_errors=True)  # what this one kill leaves, from nothing
        elif round_ == ROUNDS // 2:
            assert run(batch, out).returncode == 1  # from here on, old outputs are in place
        jobs = 1 + round_ % 2
        process = subprocess.Popen(
            command(batch, out, jobs),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(chance.uniform(0.6, 1.0) * full_run[jobs])
        landed = process.poll() is None
        if landed:
            os.killpg(process.pid, signal.SIGKILL)  # the run and its worker processes, as kill -9 on the job
            process.wait()
        seen = assert_outputs_whole(out, drafts, findings)
        if not landed:
            outcomes["finished before the kill"] += 1
        elif over_old:
            outcomes["killed over old outputs"] += 1
        else:
            copies = "all" if seen["copies"] == drafts else "some" if seen["copies"] else "no"
            staged = sum(1 for _ in out.glob("copies/.jianfu-staging-*/*.docx"))
            outcomes[f"killed from nothing: {copies} copies, {'an' if seen['xlsx'] else 'no'} xlsx"] += 1
            outcomes["killed while copies were being staged"] += 0 < staged < drafts
        assert fingerprint(batch) == inputs

    finished = run(batch, out)
    assert finished.returncode == 1, finished.stderr.decode()
    assert assert_outputs_whole(out, drafts, findings) == Counter(copies=drafts, xlsx=1, json=1)
    leftovers = [p.name for p in out.rglob(".*")]
    assert leftovers == [], leftovers  # the dead runs' staging folders and temporary files are swept
    assert fingerprint(batch) == inputs
    runs = ", ".join(f"--jobs {j}: {t:.2f} s" for j, t in full_run.items())
    print(f"\nkill -9 rounds: {ROUNDS}; whole run {runs}; outcomes {dict(sorted(outcomes.items()))}")
