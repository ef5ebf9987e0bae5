"""Batch speed: N generated .docx drafts of ~5,000 字 checked by `jianfu check --jobs 1|2` as a process.

Run: python bench/batch_speed.py [N]  (default 1000). Prints files per second, findings included, and
the CPU seconds the check used (its processes and their workers): on a machine shared with other
work, wall time varies from run to run, CPU time much less. Linux and macOS (``resource``).
"""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drafts import draft  # noqa: E402


def make_docx(text: str) -> bytes:
    doc = Document()
    for line in text.split("\n"):
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_drafts(folder: Path, count: int) -> None:
    """``count`` different .docx drafts of ~5,000 字 (草稿0000.docx …) in ``folder``."""
    for i in range(count):
        (folder / f"草稿{i:04d}.docx").write_bytes(make_docx(draft(5000, seed=i)))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_drafts(root, count)
        print(f"{count} .docx drafts of ~5,000 字 in {root}")
        for jobs in (1, 2):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "jianfu", "check", "--format", "json", "--jobs", str(jobs), str(root)],
                capture_output=True,
            )
            seconds = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            findings = result.stdout.count(b'"rule"')
            print(
                f"--jobs {jobs}: {seconds:6.2f} s  {count / seconds:7.1f} files/s  CPU {cpu:6.2f} s"
                f"  ({findings} findings, exit {result.returncode})"
            )


if __name__ == "__main__":
    main()
