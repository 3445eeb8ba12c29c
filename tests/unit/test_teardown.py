"""The bounded teardown steps (tests/teardown.py): a hung cleanup is abandoned and named."""

from __future__ import annotations

import asyncio

import pytest

from ..teardown import TeardownOverrun, bounded, cancel_tasks


async def test_a_hung_step_is_abandoned_and_named() -> None:
    never = asyncio.Event()
    with pytest.warns(TeardownOverrun, match="closing the thing: not finished after 0.05 s"):
        await bounded(never.wait(), "closing the thing", seconds=0.05)


async def test_a_finished_step_passes_and_its_error_is_raised() -> None:
    await bounded(asyncio.sleep(0), "quick")

    async def broken() -> None:
        raise OSError("cleanup failed")

    with pytest.raises(OSError, match="cleanup failed"):
        await bounded(broken(), "broken")


async def test_a_task_that_ignores_cancellation_is_named() -> None:
    release = asyncio.Event()

    async def stubborn() -> None:
        while not release.is_set():
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                continue

    task = asyncio.get_running_loop().create_task(stubborn())
    await asyncio.sleep(0)
    with pytest.warns(TeardownOverrun, match="1 task"):
        await cancel_tasks({task}, seconds=0.05)
    release.set()
    task.cancel()
    await asyncio.wait({task}, timeout=1)
