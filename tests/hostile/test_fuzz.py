"""Property-based fuzzing (Hypothesis) of the engine, the text and .docx readers and the language
server's incremental path, with hostile drafts (tests/hostile/strategies.py).

CI runs a bounded number of examples (profile "ci", the default here; about half a minute on two
cores); `bench/fuzz.py` runs 100,000 and more. HYPOTHESIS_PROFILE=dev runs more examples locally.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jianfu.lsp.server import JianfuServer
from jianfu.lsp.wire import receive
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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CHECKER = props.fresh_checker()  # long-lived, as in the server and the CLI: its cache is part of what is tested


@given(s.drafts())
def test_engine_findings_lie_inside_the_draft_and_quote_it(text: str) -> None:
    props.engine_holds(text, CHECKER)


@given(s.drafts(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32"]))
def test_text_reader_reads_or_refuses_cleanly_any_encoded_draft(text: str, encoding: str) -> None:
    props.text_reader_holds(text, encoding, CHECKER)


@given(st.binary(max_size=300))
def test_text_reader_refuses_random_bytes_cleanly(data: bytes) -> None:
    props.text_reader_holds_bytes(data, CHECKER)


@settings(max_examples=25)
@given(st.lists(s.paragraph().map(s.xml_safe), min_size=1, max_size=6))
def test_docx_reader_reads_back_every_paragraph(paragraphs: list[str]) -> None:
    props.docx_reader_holds(paragraphs, CHECKER)


@given(s.drafts(max_paragraphs=6), s.edits)
def test_incremental_state_after_any_edits_equals_a_fresh_check(text: str, edits: list) -> None:  # type: ignore[type-arg]
    props.incremental_holds(text, edits, STATE)


STATE = props.new_state()


# -- malformed JSON-RPC: lsp/wire.py answers or ignores anything, and never raises ---------------------

METHODS = ["textDocument/hover", "textDocument/didChange", "textDocument/didOpen", "initialize", "jianfu/x", ""]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
messages = st.fixed_dictionaries(
    {"jsonrpc": st.sampled_from(["2.0", "2.0", "1.0", 2])},
    optional={
        "id": st.one_of(st.integers(-5, 10**12), st.text(max_size=4), st.none(), json_values),
        "method": st.sampled_from(METHODS),
        "params": json_values,
        "result": json_values,
    },
)
bodies = st.one_of(
    messages.map(lambda m: json.dumps(m).encode()),
    st.lists(messages, max_size=3).map(lambda m: json.dumps(m).encode()),
    messages.map(lambda m: json.dumps(m).encode()).flatmap(lambda b: st.integers(0, len(b)).map(lambda n: b[:n])),
    st.binary(max_size=60),
)


class Recording(list):  # type: ignore[type-arg]
    def write(self, data: bytes) -> None:
        self.append(json.loads(data.split(b"\r\n\r\n", 1)[1]))


PROTOCOL = JianfuServer().protocol
PROTOCOL.handle_message = lambda message: None  # type: ignore[method-assign]  # parsing only: no handler runs


@given(bodies)
def test_wire_answers_requests_it_cannot_read_and_never_raises(body: bytes) -> None:
    sent = Recording()
    PROTOCOL.set_writer(sent)
    receive(PROTOCOL, body)
    for reply in sent:
        assert reply["error"]["code"] in (-32700, -32600, -32602)
        assert isinstance(reply["id"], (int, str))
        assert str(reply["id"]).encode() in body or json.dumps(reply["id"]).encode() in body
