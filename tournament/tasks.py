"""Background tasks that stop when told to.

Python 3.11's ``asyncio.wait_for`` swallows a cancellation that arrives just as the awaited
thing finishes (it returns the result instead of raising; fixed in 3.12 by rewriting it over
``asyncio.timeout``). A background loop that awaits ``wait_for`` can therefore ignore the
``cancel()`` of its shutdown and run on, and ``await task`` after it waits for ever: a test
session once hung that way in the app's shutdown, after its last test. The service's loops
use ``asyncio.timeout`` (which does not swallow), and are stopped with ``stop_task``, which
cancels again until the task is done.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

RECANCEL_EVERY = 1.0  # seconds between cancellations of a task that has not stopped


async def stop_task(task: asyncio.Task[Any] | None) -> None:
    """Cancel ``task`` and wait until it is done, cancelling it again while it runs on."""
    if task is None:
        return
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=RECANCEL_EVERY)
    with contextlib.suppress(asyncio.CancelledError):
        task.result()
