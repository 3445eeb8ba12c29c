"""Live feed messages: encoded to JSON once, framed for the wire once, shared by every socket.

A server-to-client websocket frame is not masked, so with per-message compression off the
bytes of one text frame are the same for every spectator: ``Message.frame`` builds them once.
"""

from __future__ import annotations

import json
import struct
from typing import Any

from ..models import EventLog

PONG = '{"type":"pong"}'


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def text_frame(payload: bytes) -> bytes:
    """One final, unmasked, uncompressed text frame (RFC 6455 §5.2)."""
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x81, size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", 0x81, 126, size)
    else:
        header = struct.pack("!BBQ", 0x81, 127, size)
    return header + payload


class Message:
    """One event of a tournament's feed, as sent: ``{"seq", "type", "data"}``."""

    __slots__ = ("_frame", "seq", "text")

    def __init__(self, seq: int, text: str) -> None:
        self.seq = seq
        self.text = text
        self._frame: bytes | None = None

    @property
    def frame(self) -> bytes:
        if self._frame is None:
            self._frame = text_frame(self.text.encode())
        return self._frame

    @property
    def size(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Message(seq={self.seq}, {self.text[:40]!r})"


def event_message(seq: int, type_: str, data: Any) -> Message:
    return Message(seq, dumps({"seq": seq, "type": type_, "data": data}))


def row_message(row: EventLog) -> Message:
    return event_message(row.seq, row.type, row.data)


def snapshot_text(seq: int, data: dict[str, Any]) -> str:
    return dumps({"type": "snapshot", "seq": seq, "data": data})
