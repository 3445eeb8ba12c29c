"""Shared fixtures: databases (SQLite file and the PostgreSQL server), apps, clients, servers."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from argon2 import PasswordHasher
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from tournament.app import create_app
from tournament.config import Settings
from tournament.live.raw import WS_IMPLEMENTATION
from tournament.migrate import upgrade
from tournament.services import passwords

from .helpers import ADMIN
from .memory_disk import use_memory_for_temp_files
from .teardown import bounded, cancel_tasks, leftovers

use_memory_for_temp_files()


def _share_one_ssl_context() -> None:
    """Every httpx client loads certifi's CA bundle into an SSL context of its own: 28 ms
    of CPU (0.1 s on a loaded machine) for each client the tests make, and a server's start
    polls /healthz with a new one every 50 ms (0.5-0.7 s of CPU a start, beside the
    server's own). The tests speak plain HTTP to 127.0.0.1 only; their clients share one
    context, as httpx advises. Under another httpx without this function nothing changes."""
    import httpx._transports.default as transports  # where httpx's transports call it

    create = getattr(transports, "create_ssl_context", None)
    if create is None:
        return
    shared = create()

    def create_shared(verify: Any = True, cert: Any = None, trust_env: bool = True) -> Any:
        if verify is True and cert is None and trust_env:
            return shared
        return create(verify=verify, cert=cert, trust_env=trust_env)

    transports.create_ssl_context = create_shared


_share_one_ssl_context()

# argon2id as the service sets it (64 MiB, 3 passes, 4 lanes: services/passwords.py) is
# slow on purpose: 0.3 s of CPU for each hash and each sign-in's check, 1-2 s on a loaded
# 2-core machine, and the in-process apps make and sign in hundreds of users. There they
# hash with argon2id at its least cost through the same code (the semaphore, the worker
# thread, the dummy hash for unknown names), and test_accounts.py checks the service's own
# parameters with ``production_hasher``; the real servers (``Server``) run uvicorn with the
# same hasher (tests/light_hash_server.py). Two files of sign-ins went from 157 s to 35 s.
PRODUCTION_HASHER = passwords.HASHER
passwords.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture
def production_hasher(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    """The service's own argon2id parameters for one test."""
    monkeypatch.setattr(passwords, "HASHER", PRODUCTION_HASHER)
    return PRODUCTION_HASHER


ROOT = Path(__file__).resolve().parent.parent
# The server to test against; each run creates a database of its own on it (and drops it),
# so two runs at once (two checkouts, a developer and CI) never touch each other's data.
PG_URL = os.environ.get("TOURNAMENT_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")

# Hypothesis: no deadlines (a loaded 2-core machine is no reason to fail), and under CI a
# derandomized run without the example database, so a run is the same on every machine.
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.register_profile(
    "ci", deadline=None, derandomize=True, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Runs of many minutes are not part of the suite (nor skipped in it): asked for by name with
# TOURNAMENT_TEST_LONG=1 python -m pytest tests/slow/test_stateful_long.py
collect_ignore = [] if os.environ.get("TOURNAMENT_TEST_LONG") else ["slow/test_stateful_long.py"]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Workers for ``-n auto``: half again as many as cores (at most 4, --maxprocesses).
    Much of a test's time is spent waiting on a browser, a server or the network: even
    three workers on two cores kept them only 63 % busy, and ran the suite in 418 s where
    two took 532 s or more (1105 tests, 2026-11-29)."""
    return max(1, (os.cpu_count() or 1) * 3 // 2)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked ``long(seconds)`` first, the longest first (the rest keep their
    order): pytest-xdist (``--dist loadgroup``, pyproject.toml) hands the tests out one at
    a time to the free workers, so the long ones run side by side from the start instead of
    one of them holding the end of the run on a single worker."""
    def seconds(item: pytest.Item) -> float:
        mark = item.get_closest_marker("long")
        return -float(mark.args[0]) if mark else 0.0
    items.sort(key=seconds)


async def _admin(url: str, statement: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


PREFIX = "tournament_test_"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


async def _drop_leftovers(server_url: str) -> None:
    """Databases of earlier runs on this machine whose process is gone (a killed run)."""
    engine = create_async_engine(server_url)
    try:
        async with engine.connect() as conn:
            names = (await conn.execute(text(
                "SELECT datname FROM pg_database WHERE datname LIKE :p AND NOT EXISTS ("
                "SELECT 1 FROM pg_stat_activity a WHERE a.datname = pg_database.datname)"),
                {"p": PREFIX + "%"})).scalars().all()
    finally:
        await engine.dispose()
    for name in names:
        pid = name.removeprefix(PREFIX).split("_")[0]
        if pid.isdigit() and not _alive(int(pid)):
            await _admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def create_postgres(server_url: str) -> str:
    """A new, empty database on the server of ``server_url``; returns its URL."""
    await _drop_leftovers(server_url)
    name = f"{PREFIX}{os.getpid()}_{uuid.uuid4().hex[:8]}"
    await _admin(server_url, f'CREATE DATABASE "{name}"')
    # Its commits do not wait for the server's WAL to reach the disk (each did, a few ms
    # on a loaded machine, many times in every test): what a commit makes visible and
    # atomic is the same; only a crash of the PostgreSQL server itself, which no test
    # makes, could lose the last of them. The service's own databases keep the default.
    await _admin(server_url, f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def drop_postgres(url: str, server_url: str) -> None:
    name = make_url(url).database
    await _admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding the demo as ``run.py --demo`` loads it, for the modules that read
    it (``test_demo_games.py``, ``e2e/test_phone_width.py``): loaded once on the worker
    their ``xdist_group("demo")`` sends them to (a load is 5-20 s)."""
    from tournament.demo import load_demo

    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    upgrade(url)
    assert asyncio.run(load_demo(Settings(database_url=url)))
    return url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    try:
        url = asyncio.run(create_postgres(PG_URL))
    except Exception as exc:  # the server is part of every machine and of CI
        pytest.fail(f"PostgreSQL at {PG_URL} is needed by these tests: {exc}")
    upgrade(url)
    yield url
    asyncio.run(drop_postgres(url, PG_URL))


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def app(db_url: str) -> AsyncIterator[Any]:
    application = create_app(Settings(database_url=db_url, admin_token=ADMIN))
    lifespan = application.router.lifespan_context(application)
    await lifespan.__aenter__()
    yield application
    await bounded(lifespan.__aexit__(None, None, None), f"the app's shutdown on {db_url}")


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    c = httpx.AsyncClient(transport=transport, base_url="http://testserver")
    yield c
    await bounded(c.aclose(), "closing the in-process client")


@pytest_asyncio.fixture(scope="session", loop_scope="session", autouse=True)
async def _session_loop_ends_cleanly() -> AsyncIterator[None]:
    """Set up after the session's event loop, so torn down before it closes: what tests
    left running on the loop is cancelled here, with a bound (tests/teardown.py)."""
    yield
    await cancel_tasks(leftovers())


# Each pytest-xdist worker takes its servers' ports from a range of its own, below the
# ephemeral ports: with bind(0) two workers could be handed one port a moment apart (the
# first closes its probe, the second gets the port, both start a server on it), and a test
# would then talk to the other worker's server. It starts at a random port of its range and
# goes round it, so that another run at the same time (a developer's and a helper's) rarely
# walks the same ports at the same moment.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
_BASE, _SPAN = 20000 + 1500 * _WORKER, 1500
_START = random.randrange(_SPAN)
_PORTS = iter([_BASE + (_START + i) % _SPAN for i in range(_SPAN)])


def free_port() -> int:
    """A port of this worker's range that nothing holds now."""
    for port in _PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("this worker has used every port of its range")


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
            [sys.executable, "-m", "tests.light_hash_server", "tournament.asgi:app",
             "--host", "127.0.0.1",
             "--port", str(self.port), "--no-access-log", "--ws", WS_IMPLEMENTATION,
             "--ws-per-message-deflate", "false",
             *self.args],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log)
        # the deadline only bounds a hang: on a loaded 2-core machine (a browser and another
        # suite beside this one) a start took over 30 s, and a start that failed left its
        # process running, to be reported against a later test
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.close()
                raise RuntimeError(Path(self.log.name).read_text())
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.stop(kill=True)
        raise RuntimeError("server did not start:\n" + Path(self.log.name).read_text()[-2000:])

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
