"""Score jianfu on the real passages in ../shared/corpus, split into a development part and a held-out quarter.

    python bench/corpus.py [--part dev|holdout|all] [-v]

The held-out quarter is chosen by a hash of each passage's id (decided before the passages were read for
tuning): tune on ``dev`` only, report ``holdout`` as the honest figure. The passages stay in ../shared;
this script writes the selected ones to a temporary folder and runs ../shared/tools/score_corpus.py on them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "tools" / "score_corpus.py"


def is_holdout(passage_id: str) -> bool:
    """One passage in four, by the first hex digit of the id's SHA-256."""
    return hashlib.sha256(passage_id.encode("utf-8")).hexdigest()[0] in "0123"


def passages(part: str) -> list[dict]:
    out = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            held = is_holdout(case["id"])
            if part == "all" or (part == "holdout") == held:
                out.append(case)
    return out


def score(part: str, jianfu: str, verbose: bool) -> str:
    with tempfile.TemporaryDirectory(prefix="jianfu-corpus-") as tmp:
        cases = pathlib.Path(tmp) / f"{part}.jsonl"
        cases.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in passages(part)), "utf-8")
        args = [sys.executable, str(SCORER), jianfu, str(cases)] + (["-v"] if verbose else [])
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "holdout", "all"], default="dev")
    parser.add_argument("--jianfu", default=str(ROOT / ".venv" / "bin" / "jianfu"))
    parser.add_argument("-v", action="store_true", help="every miss and flagged negative")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"没有找到评分脚本 {SCORER}", file=sys.stderr)
        return 2
    print(f"[{args.part}]", score(args.part, args.jianfu, args.v), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
