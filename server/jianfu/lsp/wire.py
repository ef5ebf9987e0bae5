"""Reading JSON-RPC messages off the wire, for stdio and TCP alike.

pygls' own loop logs a multi-line traceback for a message that is not JSON, is a batch, or has
params of the wrong type, then pops the parser's message up in the user's editor, and a request
with an id gets no answer. Here: a message with an id gets a JSON-RPC error reply (ParseError,
InvalidRequest, InvalidParams), anything else is ignored, and either way the log gets one line
(never the message itself: it carries the draft's text).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcInvalidRequest, JsonRpcParseError
from pygls.io_ import StdinAsyncReader, StdoutWriter
from pygls.protocol import JsonRPCProtocol

log = logging.getLogger(__name__)
# A 10 MB paste is 30 MB of UTF-8 or 60 MB of \u escapes; a longer body is an attack or a broken
# client, and reading it would hold the memory it declares.
MAX_BODY = 256 * 1024 * 1024
# Searched for at the end of a line, not matched from its start: after a body read short (a client
# counting Content-Length in characters, not bytes) the rest of that body runs into the next header
# line, and the stream must pick up again there instead of skipping every message that follows.
CONTENT_LENGTH = re.compile(rb"content-length:[ \t]*(\d+)\s*\Z", re.IGNORECASE)
# the id of a request cut short, to answer it anyway: the client would otherwise wait for ever
_ID = re.compile(rb'"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")')


async def read_messages(stop: threading.Event, reader: Any, protocol: JsonRPCProtocol) -> None:
    """Headers, blank line, body; anything between messages that is not a header is skipped."""
    length = 0
    while not stop.is_set():
        header = await reader.readline()
        if not header:
            return
        if match := CONTENT_LENGTH.search(header):
            length = int(match.group(1))
            if length > MAX_BODY:  # not read: what follows is skipped up to the next header
                log.warning("ignored a message declaring %d bytes, more than the %d accepted", length, MAX_BODY)
                length = 0
        elif not header.strip() and length:
            body = await reader.readexactly(length)
            length = 0
            if not body:
                return
            receive(protocol, body)


def receive(protocol: JsonRPCProtocol, body: bytes) -> None:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError: truncated or garbled
        log.warning("ignored a message of %d bytes that is not JSON: %s", len(body), _one_line(exc))
        if b'"method"' in body:
            _reply(protocol, _request_id(body), JsonRpcParseError("消息不是完整的 JSON（可能被截断），未处理。"))
        return
    if isinstance(data, list):
        log.warning("ignored a batch of %d messages: the language server protocol has no batches", len(data))
        for item in data:
            if isinstance(item, dict) and "method" in item:
                _reply(protocol, item.get("id"), JsonRpcInvalidRequest("语言服务器协议不支持批量消息，未处理。"))
        return
    if not isinstance(data, dict) or data.get("jsonrpc") != "2.0":
        log.warning("ignored a message that is not JSON-RPC 2.0")
        if isinstance(data, dict) and "method" in data:
            _reply(protocol, data.get("id"), JsonRpcInvalidRequest("消息不是 JSON-RPC 2.0，未处理。"))
        return
    method = data.get("method")
    try:
        message = protocol.structure_message(data)
    except Exception as exc:  # cattrs' ClassValidationError and friends: params of the wrong shape
        # a reply to one of our requests: fail that request (its caller logs it), or it waits forever
        error = JsonRpcInvalidParams(f"客户端的答复不符合协议（{_one_line(exc)}）。")
        if method is None and _fail_request(protocol, data.get("id"), error):
            return
        log.warning("ignored %s: its params do not fit the protocol (%s)", method or "a response", _one_line(exc))
        if method is not None:
            _reply(protocol, data.get("id"), JsonRpcInvalidParams(f"{method} 的参数不符合协议，未处理。"))
        return
    try:
        protocol.handle_message(message)
    except Exception as exc:  # a handler failing before it was scheduled: the server carries on
        log.warning("ignored %s: %s", method, _one_line(exc))
        if method is not None:
            _reply(protocol, data.get("id"), JsonRpcInvalidParams(f"{method} 无法处理：{_one_line(exc)}"))


def _request_id(body: bytes) -> Any:
    if (found := _ID.search(body)) is None:
        return None
    try:
        return json.loads(found.group(1))
    except ValueError:
        return None


def _reply(protocol: JsonRPCProtocol, msg_id: Any, error: JsonRpcException) -> None:
    """Answer a request (a message with an int or string id); notifications get no answer."""
    if isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool):
        protocol._send_response(msg_id, None, error.to_response_error())


def _fail_request(protocol: JsonRPCProtocol, msg_id: Any, error: JsonRpcException) -> bool:
    """Fail the request of ours that ``msg_id`` answers; False if there is none waiting."""
    if not isinstance(msg_id, (int, str)) or isinstance(msg_id, bool):
        return False
    future = protocol._request_futures.pop(msg_id, None)
    if future is None or future.done():
        return False
    future.set_exception(error)
    return True


def _one_line(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text.splitlines()[0][:200] if text else type(exc).__name__


class PipeReader:
    """stdin read by the event loop itself when it is a pipe (POSIX): a message is taken in when it
    arrives. pygls' reader hands every readline and read to a thread and back, three round trips
    per message, each a wake-up that a busy machine can delay, on every keystroke."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self._stream = stream

    async def readline(self) -> bytes:
        return await self._stream.readline()

    async def readexactly(self, n: int) -> bytes:
        """As a blocking read: what there is at the end of the input, however short."""
        try:
            return await self._stream.readexactly(n)
        except asyncio.IncompleteReadError as exc:
            return exc.partial


async def pipe_reader(stdin: Any) -> PipeReader | None:
    """A PipeReader over ``stdin`` when it is a pipe on POSIX, else None (pygls' reader then).

    Only a pipe: the loop puts the file into non-blocking mode, and a terminal or a socket that is
    stdout as well would then refuse a long write instead of waiting."""
    if os.name != "posix":
        return None
    try:
        if not stat.S_ISFIFO(os.fstat(stdin.fileno()).st_mode):
            return None
        # no limit on a line, as a blocking readline (a header line is never long; garbage may be)
        stream = asyncio.StreamReader(limit=sys.maxsize)
        await asyncio.get_running_loop().connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), stdin)
    except (OSError, ValueError, AttributeError):
        return None
    return PipeReader(stream)


class HoldingWriter(StdoutWriter):
    """pygls' stdout writer, which can also hold the messages sent together and write them at once:
    a check's stats and diagnostics then reach the client in one write (one wake-up, not two)."""

    def __init__(self, stdout: Any) -> None:
        super().__init__(stdout)
        self._held: list[bytes] | None = None

    def write(self, data: bytes) -> None:
        if self._held is not None:
            self._held.append(data)
        else:
            super().write(data)

    @contextmanager
    def together(self) -> Iterator[None]:
        if self._held is not None:  # already holding: the outer block writes
            yield
            return
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            if held:
                super().write(b"".join(held))


def sent_together(protocol: JsonRPCProtocol) -> AbstractContextManager[None]:
    """Messages sent inside this block go out in one write where the transport allows (stdio)."""
    writer = getattr(protocol, "writer", None)
    return writer.together() if isinstance(writer, HoldingWriter) else nullcontext()


def serve_stdio(server: Any) -> None:
    """As pygls' start_io, with read_messages for its loop."""
    server._stop_event = threading.Event()
    server.protocol.set_writer(HoldingWriter(sys.stdout.buffer))

    async def serve() -> None:
        reader = await pipe_reader(sys.stdin.buffer) or StdinAsyncReader(sys.stdin.buffer, server.thread_pool)
        await read_messages(server._stop_event, reader, server.protocol)

    try:
        asyncio.run(serve())
    except BrokenPipeError:
        log.error("the client closed the connection; shutting down")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()


def serve_tcp(server: Any, host: str, port: int) -> None:
    """As pygls' start_tcp, with read_messages for its loop."""
    server._stop_event = stop = threading.Event()

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        server.protocol.set_writer(writer)
        try:
            await read_messages(stop, reader, server.protocol)
        except (asyncio.IncompleteReadError, ConnectionError):
            log.warning("the client closed the connection")
        server.shutdown()

    async def listen() -> None:
        server._server = await asyncio.start_server(connection, host, port)
        async with server._server:
            await server._server.serve_forever()

    try:
        asyncio.run(listen())
    except asyncio.CancelledError:
        pass
