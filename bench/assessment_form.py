"""The 一致性评估表 against the annotated copy, per draft, and what ``--baseline`` adds to a batch.

1. In process, on N generated .docx drafts of ~5,000 字 (checked once): the time to write an
   annotated copy (``output.annotate``) and to build and write the form in each format.
2. Whole processes on a folder of M drafts: ``jianfu check`` alone, and ``jianfu check --baseline``
   against the previous JSON result of the same folder (every finding matched).

Run: python bench/assessment_form.py [N] [M]  (default 50 and 200). Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_speed import make_docx, write_drafts  # noqa: E402
from drafts import draft  # noqa: E402

from jianfu.assessment import checklist, formats  # noqa: E402
from jianfu.assessment.build import build  # noqa: E402
from jianfu.assessment.formats import FormSubject  # noqa: E402
from jianfu.baseline import compare, from_findings  # noqa: E402
from jianfu.engine import Checker  # noqa: E402
from jianfu.output.annotate import annotated_docx  # noqa: E402
from jianfu.rules import load_rules  # noqa: E402
from jianfu.text.readers import read_bytes  # noqa: E402


def per_draft(label: str, cases: list, work: Callable) -> None:  # type: ignore[type-arg]
    work(cases[0])  # imports and first-use caches out of the figure
    times = []
    for case in cases:
        start = time.perf_counter()
        work(case)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:28s} median {statistics.median(times):6.1f} ms   mean {statistics.mean(times):6.1f} ms")


def in_process(count: int) -> None:
    rules, _ = load_rules()
    checker, form = Checker(rules), checklist.load()
    cases = []
    for i in range(count):
        source = make_docx(draft(5000, seed=i))
        document = read_bytes(source, ".docx")
        cases.append((source, document, checker.check(document)))
    findings = sum(len(r.findings) for _, _, r in cases)
    print(f"{count} .docx drafts of ~5,000 字, {findings / count:.1f} findings each")
    per_draft("annotated copy (.docx)", cases, lambda c: annotated_docx(c[1], c[2].findings, c[0]))
    per_draft("check (for comparison)", cases, lambda c: Checker(rules).check(c[1]))
    earlier = {id(c): from_findings(c[1], c[2].findings) for c in cases}
    per_draft("--baseline compare", cases, lambda c: compare(c[1], c[2].findings, earlier[id(c)]))
    per_draft("form model (build)", cases, lambda c: build("x", c[1], c[2], rules, form))
    for fmt in formats.formats():
        work = lambda c, f=fmt: formats.render(f, FormSubject(form=build("x", c[1], c[2], rules, form)))  # noqa: E731
        per_draft(f"form .{fmt.name} (build + write)", cases, work)


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "jianfu", "check", "--no-progress", *args], capture_output=True)
    if done.returncode not in (0, 1):
        sys.exit(done.stderr.decode("utf-8", "replace"))
    return time.perf_counter() - start


def with_baseline(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        drafts = root / "drafts"
        drafts.mkdir()
        write_drafts(drafts, count)
        previous = root / "上次.json"
        timed(["-o", str(previous), str(drafts)])
        plain, against = [], []
        for _ in range(3):  # interleaved: the machine's load drifts
            plain.append(timed(["-o", str(root / "now.json"), str(drafts)]))
            against.append(timed(["--baseline", str(previous), "-o", str(root / "now.json"), str(drafts)]))
        plain, against = min(plain), min(against)
        print(
            f"{count} drafts, jianfu check -o .json: {plain:.2f} s; with --baseline 上次.json: {against:.2f} s "
            f"(+{(against / plain - 1) * 100:.1f} %)"
        )


if __name__ == "__main__":
    in_process(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
    with_baseline(int(sys.argv[2]) if len(sys.argv) > 2 else 200)
