"""Shared fixtures: databases (SQLite file and the PostgreSQL server), apps, clients, servers."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tournament.app import create_app
from tournament.config import Settings
from tournament.migrate import upgrade

from .helpers import ADMIN

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("TOURNAMENT_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


async def reset_postgres(url: str) -> None:
    """An empty public schema, then the migrations: each run starts from nothing."""
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def postgres_url() -> str:
    try:
        asyncio.run(reset_postgres(PG_URL))
    except Exception as exc:  # the server is part of every machine and of CI
        pytest.fail(f"PostgreSQL at {PG_URL} is needed by these tests: {exc}")
    upgrade(PG_URL)
    return PG_URL


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def app(db_url: str) -> AsyncIterator[Any]:
    application = create_app(Settings(database_url=db_url, admin_token=ADMIN))
    async with application.router.lifespan_context(application):
        yield application


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A real uvicorn process on a free port of 127.0.0.1; stopped by the test."""

    def __init__(self, db_url: str, port: int | None = None, **env: str) -> None:
        self.port = port or free_port()
        self.db_url = db_url
        self.env = {**os.environ, "TOURNAMENT_DATABASE_URL": db_url,
                    "TOURNAMENT_ADMIN_TOKEN": ADMIN, **env}
        self.proc: subprocess.Popen[bytes] | None = None
        self.args: tuple[str, ...] = ()  # extra uvicorn arguments
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in stop)
            prefix="server-", suffix=".log", delete=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "tournament.asgi:app", "--host", "127.0.0.1",
             "--port", str(self.port), "--no-access-log", "--ws-per-message-deflate", "false",
             *self.args],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(Path(self.log.name).read_text())
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def stop(self, kill: bool = False) -> None:
        if self.proc and self.proc.poll() is None:
            (self.proc.kill if kill else self.proc.terminate)()
            self.proc.wait(timeout=15)
        self.log.close()


@pytest.fixture
def server_factory() -> Iterator[Any]:
    servers: list[Server] = []

    def make(db_url: str, **env: str) -> Server:
        server = Server(db_url, **env).start()
        servers.append(server)
        return server

    yield make
    for s in servers:
        s.stop()
