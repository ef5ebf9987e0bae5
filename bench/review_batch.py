"""Reviewers' batch: N generated .docx drafts of ~5,000 字, timed as whole `jianfu check` processes.

Three jobs, each at --jobs 1 and --jobs 2: `check` alone (text report to a file), `check --annotate`
(an annotated copy per draft), and `check --format xlsx` (问题清单).

Run: python bench/review_batch.py [N]  (default 1000).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_speed import write_drafts  # noqa: E402


def timed(args: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "jianfu", "check", "--no-progress", *args], capture_output=True)
    if result.returncode not in (0, 1):
        sys.exit(result.stderr.decode("utf-8", "replace"))
    return time.perf_counter() - start, result.returncode


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        drafts = root / "drafts"
        drafts.mkdir()
        write_drafts(drafts, count)
        print(f"{count} .docx drafts of ~5,000 字")
        jobs_list = ("1", "2")
        for label, extra in (
            ("check", ["-o", str(root / "report.txt")]),
            ("check --annotate", ["--annotate", str(root / "copies"), "-o", str(root / "report.txt")]),
            ("check --format xlsx", ["--format", "xlsx", "-o", str(root / "问题清单.xlsx")]),
        ):
            for jobs in jobs_list:
                seconds, _ = timed(["--jobs", jobs, *extra, str(drafts)])
                print(f"{label:22s} --jobs {jobs}: {seconds:7.2f} s  {count / seconds:7.1f} files/s")
        copies = list((root / "copies").glob("*.docx"))
        print(
            f"annotated copies written: {len(copies)}; 问题清单.xlsx {(root / '问题清单.xlsx').stat().st_size // 1024} KB"
        )


if __name__ == "__main__":
    main()
