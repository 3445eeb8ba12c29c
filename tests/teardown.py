"""Teardown steps that cannot hang the run.

A CI run once stopped after its last test and was killed at the time limit: something in
the session's teardown (Chromium, an app's shutdown, tasks left on the session's event loop)
never finished, and nothing said which. Each step here gets a bound; a step that overruns is
abandoned, and a ``TeardownOverrun`` warning names it with the stacks of the tasks still
waiting (shown in pytest's warnings summary, never turned into an error). A test's own
failure is never hidden by this: it only covers fixtures' cleanup.
"""

from __future__ import annotations

import asyncio
import io
import warnings
from collections.abc import Awaitable
from typing import Any


class TeardownOverrun(UserWarning):
    """A fixture's cleanup took longer than its bound and was abandoned."""


def _stacks(tasks: set[asyncio.Task[Any]]) -> str:
    out = io.StringIO()
    for task in tasks:
        task.print_stack(limit=12, file=out)
    return out.getvalue()


async def bounded(step: Awaitable[Any], what: str, seconds: float = 30.0) -> None:
    """Run ``step``; after ``seconds`` abandon it (cancelled, not awaited) and warn."""
    task = asyncio.ensure_future(step)
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if done:
        task.result()  # an error in cleanup is still an error
        return
    stacks = _stacks({task})
    task.cancel()
    warnings.warn(f"{what}: not finished after {seconds:g} s, abandoned\n{stacks}",
                  TeardownOverrun, stacklevel=2)


def leftovers() -> set[asyncio.Task[Any]]:
    """The tasks still on this loop, other than the caller."""
    current = asyncio.current_task()
    return {t for t in asyncio.all_tasks() if t is not current and not t.done()}


async def cancel_tasks(tasks: set[asyncio.Task[Any]], seconds: float = 10.0) -> None:
    """Cancel ``tasks`` and wait for them, up to ``seconds``. At the end of the session these
    are what tests left on the loop, which the loop's own shutdown would wait for without end."""
    if not tasks:
        return
    for task in tasks:
        task.cancel()
    _, pending = await asyncio.wait(tasks, timeout=seconds)
    if pending:
        warnings.warn(f"{len(pending)} task(s) ignored cancellation\n{_stacks(pending)}",
                      TeardownOverrun, stacklevel=2)
