"""pygls' protocol, adjusted: the server keeps the open drafts itself (lsp/drafts.py), and a message
that does not fit the protocol raises quietly so that lsp/wire.py can answer it in one log line."""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types
from lsprotocol.types import ResponseErrorMessage
from pygls.exceptions import JsonRpcInvalidRequest
from pygls.protocol import (
    JsonRPCNotification,
    JsonRPCRequestMessage,
    JsonRPCResponseMessage,
    LanguageServerProtocol,
    lsp_method,
)

logger = logging.getLogger(__name__)


class JianfuProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        """As pygls', without its multi-line traceback in the log: the caller says what was wrong."""
        if "jsonrpc" not in data:
            return data
        if "id" in data:
            if "error" in data:
                return self._converter.structure(data, ResponseErrorMessage)
            if "method" in data:
                return self._converter.structure(data, self.get_message_type(data["method"]) or JsonRPCRequestMessage)
            return self._converter.structure(data, self._result_types.pop(data["id"], None) or JsonRPCResponseMessage)
        return self._converter.structure(data, self.get_message_type(data.get("method", "")) or JsonRPCNotification)

    def handle_message(self, message: Any) -> None:
        """As pygls', but a request after `shutdown` is answered (InvalidRequest, as the LSP
        specification asks) rather than left waiting for ever."""
        method, msg_id = getattr(message, "method", None), getattr(message, "id", None)
        if self._shutdown and method not in (None, types.EXIT) and msg_id is not None:
            logger.warning("refused %s: the server is shutting down", method)
            self._send_response(
                msg_id, None, JsonRpcInvalidRequest("语言服务器正在关闭，不再处理请求。").to_response_error()
            )
            return
        super().handle_message(message)

    # The drafts live in JianfuServer.drafts: pygls' own bookkeeping would apply unclamped ranges,
    # split lines where the editor does not (\f, \u2028) and raise on edits to unopened documents.

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Any:
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Any:
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Any:
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_CLOSE, params)

    def _user_handler(self, method: str, params: Any) -> Any:
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None
