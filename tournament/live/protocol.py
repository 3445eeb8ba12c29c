"""What a spectator may send, and how the server answers bad input.

The only client message is ``{"type": "ping"}`` (answered ``{"type": "pong"}``: browsers
cannot see websocket ping frames, so pages use it to detect a dead connection). Anything
else closes the socket: binary with 1003, malformed, unknown, oversized or too frequent
with 1008. The websocket server itself refuses frames over its ``ws_max_size`` (1009).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from typing import Any

from .messages import PONG

NORMAL = 1000
GOING_AWAY = 1001
UNSUPPORTED = 1003
POLICY = 1008
TRY_AGAIN = 1013  # too many sockets: come back later

MAX_MESSAGE = 1024  # characters: a ping is 15
RATE_WINDOW = 10.0  # seconds
RATE_LIMIT = 20  # client messages per window (a page pings every 25 s)


class ClientGuard:
    """Judges one socket's incoming messages: a reply to send, or a close code."""

    __slots__ = ("_count", "_window_start")

    def __init__(self) -> None:
        self._window_start = time.monotonic()
        self._count = 0

    def judge(self, message: Mapping[str, Any]) -> str | int:
        now = time.monotonic()
        if now - self._window_start > RATE_WINDOW:
            self._window_start, self._count = now, 0
        self._count += 1
        if self._count > RATE_LIMIT:
            return POLICY
        text = message.get("text")
        if text is None:
            return UNSUPPORTED
        if len(text) > MAX_MESSAGE:
            return POLICY
        try:
            data = json.loads(text)
        except ValueError:
            return POLICY
        if not isinstance(data, dict) or data.get("type") != "ping":
            return POLICY
        return PONG
