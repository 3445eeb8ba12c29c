"""A real Chromium (Debian's, driven by Playwright) against a real server."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from playwright.async_api import Browser, async_playwright

from ..teardown import bounded

CHROMIUM = os.environ.get("TOURNAMENT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def browser() -> AsyncIterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is needed at {CHROMIUM} (apt-get install chromium)")
    p = await async_playwright().start()
    b = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield b
    await bounded(b.close(), "closing Chromium")
    await bounded(p.stop(), "stopping Playwright's driver")


@pytest.fixture
def shots() -> Path:
    SHOTS.mkdir(exist_ok=True)
    return SHOTS


@pytest.fixture(scope="session")
def e2e_server(sqlite_url: str) -> Iterator[Any]:
    """One server for every browser test that needs none of its own (each builds its own
    tournament on it, as on a real service): a server per test cost seconds each to start.
    A test that needs its own settings starts one with ``server_factory``."""
    from tests.conftest import Server

    server = Server(sqlite_url).start()
    yield server
    server.stop()


@pytest.fixture
def live_server(e2e_server: Any) -> Any:
    return e2e_server


@pytest.fixture
def module_server(e2e_server: Any) -> Any:
    return e2e_server
