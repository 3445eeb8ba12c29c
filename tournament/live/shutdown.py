"""Close spectators' sockets with 1001 (going away) as soon as the server is told to stop.

uvicorn's own shutdown closes open websockets with 1012 and only then runs the lifespan
shutdown, too late to choose the code. So while uvicorn is serving, its SIGTERM/SIGINT
handlers are wrapped: the wrapper runs ``callback`` on the event loop (it starts the 1001
closes) and hands the signal to uvicorn's handler a moment later (``GRACE`` seconds), so
the close frames are out before uvicorn's shutdown closes what is left with 1012. On a
busy loop, calling uvicorn's handler at once lost that race now and then.
Outside uvicorn (tests, scripts) nothing is installed.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from .raw import warn_once

SIGNALS = (signal.SIGINT, signal.SIGTERM)
GRACE = 0.25  # seconds between starting the 1001 closes and uvicorn's own shutdown


def _is_uvicorn(handler: Any) -> bool:
    """uvicorn's handler: the bound ``handle_exit`` of a ``uvicorn.server.Server``."""
    owner = getattr(handler, "__self__", None)
    return (type(owner).__module__ == "uvicorn.server" and type(owner).__name__ == "Server"
            and getattr(handler, "__name__", "") == "handle_exit")


def _looks_like_uvicorn(handler: Any) -> bool:
    owner = getattr(handler, "__self__", None)
    return owner is not None and type(owner).__module__.startswith("uvicorn")


def on_server_exit(callback: Callable[[], None]) -> Callable[[], None]:
    """Run ``callback`` on the loop when uvicorn is asked to exit; return an undo function."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    loop = asyncio.get_running_loop()
    installed: dict[int, tuple[Any, Any]] = {}
    fired = False

    def run_once() -> None:
        nonlocal fired
        if not fired:
            fired = True
            callback()

    for sig in SIGNALS:
        previous = signal.getsignal(sig)
        if not _is_uvicorn(previous):
            if _looks_like_uvicorn(previous):  # uvicorn changed: say so, close with 1012
                warn_once("shutdown", "live feed: uvicorn's signal handler is not the one "
                          "known (%r); sockets will close with uvicorn's 1012", previous)
            continue

        def wrapper(signum: int, frame: FrameType | None, previous: Any = previous) -> None:
            def then() -> None:
                run_once()
                loop.call_later(GRACE, previous, signum, frame)

            loop.call_soon_threadsafe(then)

        signal.signal(sig, wrapper)
        installed[sig] = (previous, wrapper)

    def undo() -> None:
        for sig, (previous, wrapper) in installed.items():
            if signal.getsignal(sig) is wrapper:
                signal.signal(sig, previous)

    return undo
