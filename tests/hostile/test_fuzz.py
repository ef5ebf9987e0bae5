"""Property-based fuzzing (Hypothesis) of the engine, the text and .docx readers and the language
server's incremental path, with hostile drafts (tests/hostile/strategies.py).

CI runs a bounded number of examples (profile "ci", the default here; about half a minute on two
cores); `bench/fuzz.py` runs 100,000 and more. HYPOTHESIS_PROFILE=dev runs more examples locally.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import fuzz_properties as props
from tests.hostile import strategies as s

settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples on every run: a red CI is reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", parent=settings.get_profile("ci"), max_examples=1000, derandomize=False)
# applied per test, not loaded globally: other test modules keep Hypothesis' own defaults
FUZZ = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CHECKER = props.fresh_checker()  # long-lived, as in the server and the CLI: its cache is part of what is tested


@FUZZ
@given(s.drafts())
def test_engine_findings_lie_inside_the_draft_and_quote_it(text: str) -> None:
    props.engine_holds(text, CHECKER)


@FUZZ
@given(s.drafts(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32"]))
def test_text_reader_reads_or_refuses_cleanly_any_encoded_draft(text: str, encoding: str) -> None:
    props.text_reader_holds(text, encoding, CHECKER)


@FUZZ
@given(st.binary(max_size=300))
def test_text_reader_refuses_random_bytes_cleanly(data: bytes) -> None:
    props.text_reader_holds_bytes(data, CHECKER)


@settings(FUZZ, max_examples=max(25, FUZZ.max_examples // 10))  # a zip written and read per example
@given(st.lists(s.paragraph().map(s.xml_safe), min_size=1, max_size=6))
def test_docx_reader_reads_back_every_paragraph(paragraphs: list[str]) -> None:
    props.docx_reader_holds(paragraphs, CHECKER)


@FUZZ
@given(s.drafts(max_paragraphs=6), s.edits)
def test_incremental_state_after_any_edits_equals_a_fresh_check(text: str, edits: list) -> None:  # type: ignore[type-arg]
    props.incremental_holds(text, edits, STATE)


STATE = props.new_state()


# -- malformed JSON-RPC: lsp/wire.py answers or ignores anything, and never raises ---------------------


@FUZZ
@given(s.rpc_bodies)
def test_wire_answers_requests_it_cannot_read_and_never_raises(body: bytes) -> None:
    props.wire_holds(body)


@given(st.lists(st.tuples(s.piece, st.one_of(st.just(0), st.integers(1, 80))), max_size=6))
def test_wire_framing_a_body_read_short_loses_that_message_only(frames: list[tuple[str, int]]) -> None:
    props.framing_holds(frames)
