"""The server's health, probed in the background: the database, the disk under an SQLite
file, file descriptors and live sockets.

``/healthz`` and ``/readyz`` answer from the last probe without touching the database
(a load balancer asking every second costs nothing); the probe runs about once a second.
At start the file-descriptor limit is raised to its hard limit where the system allows,
and live sockets are capped below it, keeping ``fd_reserve`` descriptors for the database,
files and plain HTTP."""

from __future__ import annotations

import asyncio
import logging
import os
import resource
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from .config import Settings
from .db import Database
from .tasks import stop_task

log = logging.getLogger("tournament.monitor")
PROBE_EVERY = 1.0  # seconds
PROBE_TIMEOUT = 2.0  # a database that takes longer is reported down
STALE_AFTER = 5.0  # a probe older than this means the monitor itself is stuck
STORAGE_ERROR_HOLD = 30.0  # seconds a failed write (disk full, I/O) keeps health red
FD_CEILING = 1 << 20  # never ask for more, even when the hard limit is unlimited


def raise_fd_limit() -> int:
    """Raise the soft RLIMIT_NOFILE to the hard limit where allowed; the limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = FD_CEILING if hard == resource.RLIM_INFINITY else min(hard, FD_CEILING)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return FD_CEILING if soft == resource.RLIM_INFINITY else soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    except (ValueError, OSError) as exc:
        log.warning("could not raise the file limit from %s to %s: %s", soft, wanted, exc)
        return soft
    return wanted


def _open_fds() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return -1


def sqlite_dir(url: str) -> Path | None:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database:
        return None
    return Path(parsed.database).resolve().parent


@dataclass
class Sockets:
    """Live sockets, per client address and in all."""

    per_address: int
    cap: int
    by_address: Counter[str] = field(default_factory=Counter)
    total: int = 0

    def admit(self, address: str) -> str | None:
        """None when the socket may open (and is counted), else why not."""
        if self.total >= self.cap:
            return "saturated"
        if self.by_address[address] >= self.per_address:
            return "too_many_from_address"
        self.by_address[address] += 1
        self.total += 1
        return None

    def release(self, address: str) -> None:
        self.total -= 1
        self.by_address[address] -= 1
        if self.by_address[address] <= 0:
            del self.by_address[address]


@dataclass
class Monitor:
    db: Database
    settings: Settings
    fd_limit: int = 0
    sockets: Sockets = field(init=False)
    database: dict[str, Any] = field(default_factory=lambda: {"ok": False, "error": "not probed"})
    disk: dict[str, Any] = field(default_factory=lambda: {"ok": True})
    fds: dict[str, Any] = field(default_factory=dict)
    probed_at: float = 0.0
    storage_error: tuple[float, str] | None = None
    live: dict[str, Any] = field(default_factory=dict)  # the fast path: on, or why not
    _task: asyncio.Task[None] | None = None

    def __post_init__(self) -> None:
        self.fd_limit = self.fd_limit or raise_fd_limit()
        cap = max(16, self.fd_limit - self.settings.fd_reserve)
        self.sockets = Sockets(self.settings.max_sockets_per_address, cap)

    async def start(self) -> None:
        await self.probe()
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            await stop_task(self._task)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(PROBE_EVERY)
            try:
                await self.probe()
            except Exception:  # the monitor never dies; a stale probe shows as unhealthy
                log.exception("health probe failed")

    async def probe(self) -> None:
        started = time.monotonic()
        try:
            async with asyncio.timeout(PROBE_TIMEOUT):
                await self._ping()
            self.database = {"ok": True, "latency_ms": round((time.monotonic() - started)
                                                             * 1000, 1)}
        except Exception as exc:  # any failure means: not answering
            self.database = {"ok": False, "error": type(exc).__name__}
        self.disk = self._disk()
        used = _open_fds()
        self.fds = {"open": used, "limit": self.fd_limit,
                    "ok": used < 0 or self.fd_limit - used > self.settings.fd_reserve // 2}
        self.probed_at = time.monotonic()

    async def _ping(self) -> None:
        async with self.db.read() as session:
            await (await session.connection()).execute(text("SELECT 1"))

    def _disk(self) -> dict[str, Any]:
        held = self.storage_error is not None and \
            time.monotonic() - self.storage_error[0] < STORAGE_ERROR_HOLD
        where = sqlite_dir(self.settings.database_url)
        report: dict[str, Any] = {"ok": not held}
        if held and self.storage_error:
            report["error"] = self.storage_error[1]
        if where is not None:
            try:
                free = shutil.disk_usage(where).free
            except OSError as exc:
                return {"ok": False, "error": type(exc).__name__}
            report["free_bytes"] = free
            if free < self.settings.min_free_disk:
                report.update(ok=False, error="disk full")
        return report

    def storage_failed(self, reason: str) -> None:
        """A write failed for lack of space or an I/O error (seen by the error handler)."""
        self.storage_error = (time.monotonic(), reason)
        self.disk = self._disk()

    def problems(self) -> list[str]:
        found = []
        if time.monotonic() - self.probed_at > STALE_AFTER:
            found.append("health probe stale")
        if not self.database.get("ok"):
            found.append("database unavailable")
        if not self.disk.get("ok"):
            found.append(str(self.disk.get("error", "disk full")))
        if not self.fds.get("ok", True):
            found.append("file descriptors nearly exhausted")
        if self.sockets.total >= self.sockets.cap:
            found.append("live sockets saturated")
        return found

    def report(self) -> dict[str, Any]:
        problems = self.problems()
        return {
            "status": "ok" if not problems else "unavailable",
            "problems": problems,
            "database": self.database,
            "disk": self.disk,
            "fds": self.fds,
            "sockets": {"open": self.sockets.total, "cap": self.sockets.cap,
                        "per_address": self.sockets.per_address,
                        "addresses": len(self.sockets.by_address)},
            "probe_age_s": round(time.monotonic() - self.probed_at, 2),
            "live": self.live,
        }
