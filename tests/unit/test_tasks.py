"""``tasks.stop_task``: a background loop stops even when a cancellation is swallowed, as
Python 3.11's ``asyncio.wait_for`` does when what it awaits finishes at the same moment."""

from __future__ import annotations

import asyncio

from tournament import tasks


async def test_a_loop_that_swallows_a_cancellation_is_stopped(monkeypatch) -> None:
    monkeypatch.setattr(tasks, "RECANCEL_EVERY", 0.01)
    swallowed = 0

    async def loop() -> None:
        nonlocal swallowed
        while True:
            try:
                await asyncio.sleep(0.001)
            except asyncio.CancelledError:
                if swallowed < 3:  # as wait_for does on 3.11: the result instead
                    swallowed += 1
                    continue
                raise

    task = asyncio.get_running_loop().create_task(loop())
    await asyncio.sleep(0.005)
    await tasks.stop_task(task)
    assert task.cancelled() and swallowed == 3


async def test_nothing_to_stop_and_a_finished_task() -> None:
    await tasks.stop_task(None)

    async def done() -> int:
        return 1

    task = asyncio.get_running_loop().create_task(done())
    await task
    await tasks.stop_task(task)
