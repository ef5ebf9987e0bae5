"""The properties every input must keep, shared by tests/hostile/test_fuzz.py and bench/fuzz.py.

Each function raises AssertionError (or whatever the code under test raised) on a violation.
Positions are checked against models written here, independently of lsp/convert.py.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import threading
from functools import lru_cache
from typing import Any

from lsprotocol import types

from jianfu.engine import Checker
from jianfu.lsp.checking import check_draft
from jianfu.lsp.convert import PositionMap
from jianfu.lsp.drafts import OpenDraft, apply_changes
from jianfu.lsp.state import ServerState
from jianfu.lsp.wire import read_messages, receive
from jianfu.model import Document
from jianfu.output.jsonout import finding_dict
from jianfu.positions import TextIndex
from jianfu.rules import load_rules
from jianfu.text.readers import ReadError, read_bytes
from jianfu.text.reading import reading_text
from jianfu.text.structure import parse

LINE_BREAK = re.compile("\r\n|\r|\n")
UTF16 = types.PositionEncodingKind.Utf16


@lru_cache(maxsize=1)
def rules() -> tuple:  # type: ignore[type-arg]
    loaded, errors = load_rules()
    assert not errors, errors
    return tuple(loaded)


@lru_cache(maxsize=1)
def quoting_messages() -> dict[str, str]:
    """rule id -> its message, for rules whose message quotes the flagged words ({match}) and nothing else."""
    return {r.id: r.message for r in rules() if re.fullmatch(r"[^{}]*\{match\}[^{}]*", r.message)}


def fresh_checker() -> Checker:
    return Checker(rules())


# -- models ------------------------------------------------------------------------------------------


def model_lines(text: str) -> list[tuple[int, int]]:
    """(start, end of content) of each line, lines ending at \\n, \\r\\n or \\r."""
    spans, start = [], 0
    for match in LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    return [*spans, (start, len(text))]


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def model_position(text: str, offset: int) -> tuple[int, int]:
    """(line, UTF-16 character) of a code-point offset; between \r and \n: the end of the line."""
    lines = model_lines(text)
    line = max(i for i, (start, _) in enumerate(lines) if start <= offset)
    start, end = lines[line]
    return line, utf16_units(text[start : min(offset, end)])


def model_offset(text: str, line: int, character: int) -> int:
    """The code-point offset of a UTF-16 position, clamped; inside a character: after it."""
    lines = model_lines(text)
    if line >= len(lines):
        return len(text)
    start, end = lines[line]
    units = 0
    for index in range(start, end):
        if units >= character:
            return index
        units += utf16_units(text[index])
    return end


def model_apply(text: str, edit: tuple) -> tuple[str, types.TextDocumentContentChangeEvent]:  # type: ignore[type-arg]
    """The expected text after an edit given as fractions (see strategies.edit), and the LSP change."""
    first, second, new = edit
    if first is None:
        return new, types.TextDocumentContentChangeWholeDocument(text=new)
    lines = model_lines(text)
    positions = []
    for line_fraction, char_fraction in (first, second):
        line = int(line_fraction * len(lines))
        start, end = lines[min(line, len(lines) - 1)]
        positions.append(types.Position(line=line, character=int(char_fraction * (utf16_units(text[start:end]) + 1))))
    a = model_offset(text, positions[0].line, positions[0].character)
    b = model_offset(text, positions[1].line, positions[1].character)
    a, b = min(a, b), max(a, b)
    change = types.TextDocumentContentChangePartial(range=types.Range(start=positions[0], end=positions[1]), text=new)
    return text[:a] + new + text[b:], change


# -- properties --------------------------------------------------------------------------------------


def findings_hold(document: Document, findings: tuple) -> None:  # type: ignore[type-arg]
    """Every finding lies inside its document and is quoted as text[start:end], at the right line
    and column, in code points (JSON output) and in UTF-16 units (LSP) alike."""
    text = document.text
    index = TextIndex(text)
    positions = PositionMap(text, UTF16)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text), (finding.rule, finding.start, finding.end, len(text))
        if finding.fix is not None:
            assert 0 <= finding.fix.start <= finding.fix.end <= len(text), (finding.rule, finding.fix)
        out = finding_dict(finding, text, index)
        assert out["text"] == text[finding.start : finding.end]
        if (template := quoting_messages().get(finding.rule)) is not None:
            # the message quotes the words at the span, in the normal form messages are written in
            # (traditional characters simplified: same length, same places) and as phrase rules read
            # them: without the line breaks of a hard-wrapped paragraph, the spaces before a wrap
            # and the stray spaces inside a sentence ("制 定")
            words = read_as_rules_do(document.norm[finding.start : finding.end])
            assert finding.message == template.format(match=words), (finding.rule, finding.message, words)
        line_start = index.starts[out["line"] - 1]
        assert line_start + out["column"] - 1 == finding.start
        for offset in (finding.start, finding.end):
            position = positions.position(offset)
            assert (position.line, position.character) == model_position(text, offset), (offset, position)
            if not (0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"):
                assert positions.offset(position) == offset


def read_as_rules_do(span: str) -> str:
    lines = span.splitlines()
    kept = [line.rstrip(" \t\u3000") for line in lines[:-1]] + lines[-1:]
    return "".join(reading_text(line)[0] for line in kept)


def engine_holds(text: str, checker: Checker) -> None:
    document = parse(text)
    assert document.text == text and len(document.norm) == len(text)
    result = checker.check(document)
    findings_hold(document, result.findings)


def text_reader_holds(text: str, encoding: str, checker: Checker) -> None:
    """Encoded as a file would be; an encoding that cannot hold the text is bytes a reader must refuse cleanly."""
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    try:
        document = read_bytes(data, ".txt")
    except ReadError as exc:
        assert str(exc)  # a message for the user
        return
    # UTF-32 is not among the encodings the reader knows: its BOM is taken for UTF-16's (reported, not fixed here)
    lossless = encoding != "utf-32" and all(not 0xD800 <= ord(c) <= 0xDFFF for c in text)
    if lossless and (
        encoding != "gb18030"
        or text.encode(
            "gb18030",
            "strict",
        )
        == data
    ):
        assert document.text in (text, text.removeprefix("\ufeff")), (encoding, document.encoding)
    findings_hold(document, checker.check(document).findings)


def text_reader_holds_bytes(data: bytes, checker: Checker) -> None:
    try:
        document = read_bytes(data, ".txt")
    except ReadError as exc:
        assert str(exc)
        return
    findings_hold(document, checker.check(document).findings)


def docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document as DocxDocument

    doc = DocxDocument()
    for text in paragraphs:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def docx_reader_holds(paragraphs: list[str], checker: Checker) -> None:
    try:
        document = read_bytes(docx_bytes(paragraphs), ".docx")
    except ReadError as exc:
        assert str(exc) and not "".join(paragraphs).strip()  # refused only when there is nothing to read
        return
    # python-docx writes \n inside a paragraph as a line break (<w:br/>), which the reader reads as a
    # space: one paragraph stays one line
    assert document.text == "\n".join(p.replace("\n", " ") for p in paragraphs)
    findings_hold(document, checker.check(document).findings)


def incremental_holds(text: str, edits: list, state: ServerState) -> None:  # type: ignore[type-arg]
    """The server's path: apply each change (lsp/drafts.py) and check with a long-lived state (its
    paragraph cache); the result equals the model's text, and a fresh check of it."""
    revision = 0
    for edit in edits:
        expected, change = model_apply(text, edit)
        text = apply_changes(text, [change], UTF16)
        assert text == expected
        revision += 1
        outcome = check_draft(state, OpenDraft("file:///fuzz.txt", revision, text, revision), None, UTF16, lambda: True)
        assert outcome is not None and outcome.check is not None
    fresh = fresh_checker().check(parse(text))
    assert outcome.check.result.findings == fresh.findings
    assert outcome.check.result.stats == fresh.stats
    findings_hold(outcome.check.document, outcome.check.result.findings)
    lines = model_lines(text)
    for diagnostic in outcome.check.diagnostics:
        for position in (diagnostic.range.start, diagnostic.range.end):
            start, end = lines[position.line]
            assert position.character <= utf16_units(text[start:end])


def new_state() -> ServerState:
    state = ServerState()
    state.rules = list(rules())  # the session builds its checker from them
    return state


class _Recording(list):  # type: ignore[type-arg]
    def write(self, data: bytes) -> None:
        self.append(json.loads(data.split(b"\r\n\r\n", 1)[1]))


@lru_cache(maxsize=1)
def _parsing_protocol() -> Any:
    from jianfu.lsp.server import JianfuServer

    protocol = JianfuServer().protocol
    protocol.handle_message = lambda message: None  # parsing only: no handler runs
    return protocol


def wire_holds(body: bytes) -> None:
    """Any body is answered with a JSON-RPC error (only when it was a request with a usable id) or
    ignored; the reader never raises."""
    protocol = _parsing_protocol()
    sent = _Recording()
    protocol.set_writer(sent)
    receive(protocol, body)
    for reply in sent:
        assert reply["error"]["code"] in (-32700, -32600, -32602)
        assert isinstance(reply["id"], (int, str))
        assert str(reply["id"]).encode() in body or json.dumps(reply["id"]).encode() in body


class _BytesReader:
    """The reader interface of pygls' stdin reader, over bytes already in hand."""

    def __init__(self, data: bytes) -> None:
        self._stream = io.BytesIO(data)

    async def readline(self) -> bytes:
        return self._stream.readline()

    async def readexactly(self, n: int) -> bytes:
        return self._stream.read(n)


def framing_holds(frames: list[tuple[str, int]]) -> None:
    """Messages framed one after another, some with a Content-Length too short by a number of bytes
    (a client counting characters, not bytes): each short one is lost alone, every message framed
    right is delivered whole and in order -- the stream never stays out of step."""
    stream, expected = b"", []
    for index, (text, shortfall) in enumerate(frames):
        message = {"jsonrpc": "2.0", "method": "jianfu/probe", "params": {"i": index, "text": text}}
        try:
            body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate travels as a \u escape
            body = json.dumps(message).encode("utf-8")
        shortfall = min(shortfall, len(body) - 1)
        stream += b"Content-Length: %d\r\n\r\n" % (len(body) - shortfall) + body
        if shortfall == 0:
            expected.append(index)
    protocol = _parsing_protocol()
    delivered: list[Any] = []
    protocol.handle_message = delivered.append
    protocol.set_writer(_Recording())
    try:
        asyncio.run(read_messages(threading.Event(), _BytesReader(stream), protocol))
    finally:
        protocol.handle_message = lambda message: None
    assert [m.params.i for m in delivered] == expected  # pygls' Object: the params as attributes
    assert [m.params.text for m in delivered] == [frames[i][0] for i in expected]
