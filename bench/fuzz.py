"""Fuzzing at volume: the properties of tests/hostile/test_fuzz.py over 100,000 hostile inputs or more.

Targets: the engine, the text reader (drafts in five encodings, and random bytes), the .docx reader
(small generated files), the language server's incremental path (edit sequences, each followed by
a check with a long-lived state, compared with a fresh check) and its JSON-RPC reader and framing. Prints inputs per second for each
target and, for a failure, Hypothesis' minimal failing example. Exit status 1 when any target failed.

    python bench/fuzz.py                  # 100,000 inputs
    python bench/fuzz.py --count 5000     # a quick run
    python bench/fuzz.py --seed 7         # another part of the input space
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.hostile: the shared strategies

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.hostile import fuzz_properties as props  # noqa: E402
from tests.hostile import strategies as s  # noqa: E402

ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32"]
# share of the inputs per target: the .docx reader is the slowest (a zip written and read per input)
CHUNK = 2_000
SHARES = {
    "engine": 0.35,
    "text reader": 0.20,
    "random bytes": 0.05,
    "incremental LSP": 0.30,
    "JSON-RPC reader": 0.03,
    "JSON-RPC framing": 0.02,
    "docx reader": 0.05,
}


def targets(checker: Any, state: Any) -> dict[str, tuple[Any, Callable[..., None]]]:
    return {
        "engine": (st.tuples(s.drafts()), lambda text: props.engine_holds(text, checker)),
        "text reader": (
            st.tuples(s.drafts(), st.sampled_from(ENCODINGS)),
            lambda text, encoding: props.text_reader_holds(text, encoding, checker),
        ),
        "random bytes": (st.tuples(st.binary(max_size=400)), lambda data: props.text_reader_holds_bytes(data, checker)),
        "incremental LSP": (
            st.tuples(s.drafts(max_paragraphs=6), s.edits),
            lambda text, edits: props.incremental_holds(text, edits, state),
        ),
        "JSON-RPC reader": (st.tuples(s.rpc_bodies), props.wire_holds),
        "JSON-RPC framing": (
            st.tuples(st.lists(st.tuples(s.piece, st.one_of(st.just(0), st.integers(1, 80))), max_size=6)),
            props.framing_holds,
        ),
        "docx reader": (
            st.tuples(st.lists(s.paragraph().map(s.xml_safe), min_size=1, max_size=6)),
            lambda paragraphs: props.docx_reader_holds(paragraphs, checker),
        ),
    }


def run(strategy: Any, check: Callable[..., None], count: int, run_seed: int) -> tuple[int, float, str]:
    """``count`` inputs in chunks: Hypothesis remembers every input of a run, so one run of 40,000
    drafts would hold gigabytes; a fresh run per chunk (its own seed) keeps memory flat."""
    calls, failure = 0, ""
    started = time.perf_counter()
    for chunk in range(0, count, CHUNK):

        @seed(run_seed * 1_000_003 + chunk)
        @settings(
            max_examples=min(CHUNK, count - chunk),
            deadline=None,
            database=None,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
        )
        @given(strategy)
        def fuzz(args: tuple[Any, ...]) -> None:
            nonlocal calls
            calls += 1
            check(*args)

        try:
            fuzz()
        except Exception as exc:  # Hypothesis has shrunk it: the minimal failing example is in its notes
            notes = "\n".join(getattr(exc, "__notes__", []))
            failure = f"{notes}\n{''.join(traceback.format_exception_only(type(exc), exc)).strip()}"
            break
    return calls, time.perf_counter() - started, failure


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000, help="inputs in all (default 100,000)")
    parser.add_argument("--seed", type=int, default=1, help="Hypothesis seed (default 1)")
    parser.add_argument("--only", choices=list(SHARES), help="fuzz this target alone, with all the inputs")
    args = parser.parse_args()
    for quiet in ("jianfu.lsp.wire", "jianfu.lsp.drafts"):  # one warning per hostile message: expected here
        logging.getLogger(quiet).setLevel(logging.ERROR)
    checker, state = props.fresh_checker(), props.new_state()
    total_calls, total_time, failed = 0, 0.0, []
    print(f"fuzzing {args.count:,} inputs, seed {args.seed}, {len(s.SENTENCES)} regulation sentences")
    for name, (strategy, check) in targets(checker, state).items():
        if args.only and name != args.only:
            continue
        count = args.count if args.only else max(1, round(args.count * SHARES[name]))
        calls, seconds, failure = run(strategy, check, count, args.seed)
        total_calls, total_time = total_calls + calls, total_time + seconds
        status = "FAILED" if failure else "ok"
        print(f"  {name:<16} {calls:>8,} inputs {seconds:7.1f} s {calls / seconds:8.0f} inputs/s  {status}", flush=True)
        if failure:
            failed.append(name)
            print("    minimal failing example:\n    " + failure.replace("\n", "\n    "), flush=True)
    print(f"total {total_calls:,} inputs in {total_time:.1f} s: {total_calls / total_time:.0f} inputs/s, "
          f"{len(failed)} failing target(s){': ' + ', '.join(failed) if failed else ''}")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
