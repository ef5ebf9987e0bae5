"""Score jianfu on the passages in tests/data/passages: whole page texts written by our own readers in the
shape of the real passages (300–700 字, web punctuation, news reports of the issuer's own mechanisms, scoring
tables flattened into lines, cut mid-document), labelled in the corpus schema of ../shared/corpus/README.md.

    python bench/passages.py [-v]

They were written without reading the rules, to measure how far the rules reach beyond the wording we have
tuned on; the real passages in ../shared/corpus remain the measure (bench/corpus.py). The scorer is the
shared one, ../shared/tools/score_corpus.py (a span counts when a finding overlaps it citing its article).
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PASSAGES = ROOT / "tests" / "data" / "passages"
SCORER = ROOT.parent / "shared" / "tools" / "score_corpus.py"


def score(jianfu: str, verbose: bool) -> str:
    files = [str(p) for p in sorted(PASSAGES.glob("*.jsonl"))]
    args = [sys.executable, str(SCORER), jianfu, *files] + (["-v"] if verbose else [])
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=900).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jianfu", default=str(ROOT / ".venv" / "bin" / "jianfu"))
    parser.add_argument("-v", action="store_true", help="every miss and flagged negative")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"没有找到评分脚本 {SCORER}", file=sys.stderr)
        return 2
    print(score(args.jianfu, args.v), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
