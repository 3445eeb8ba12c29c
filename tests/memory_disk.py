"""The suite's temporary files (SQLite databases, server logs, browser profiles) on a
memory file system when the machine has one with room, instead of the disk.

Every SQLite write the service makes is a commit with ``synchronous=FULL`` (``db.py``),
and each commit waits for the disk: on this 2-core VM, 3.8 ms a commit on ``/tmp`` against
0.01 ms on ``/dev/shm``, and the SQLite half of test_round_plans.py (one file then) and
test_stores_agree.py took 80 s there against 18 s in memory, for the same CPU time. The
service's code is the same either way (it still asks for every commit to be written
through); a process killed with ``kill -9`` leaves its writes in the kernel's page cache
on both, so the crash tests lose what they would lose on a disk. A container's small
``/dev/shm`` (Docker gives 64 MiB) is left alone: the disk is used there."""

from __future__ import annotations

import os
import tempfile

SHM = "/dev/shm"
ROOM = 2 * 1024 ** 3  # bytes free that the suite's files never come near


def memory_temp_dir(path: str = SHM, room: int = ROOM) -> str | None:
    """``path`` when it is a writable directory with ``room`` bytes free, else None."""
    try:
        stats = os.statvfs(path)
    except OSError:
        return None
    if not os.access(path, os.W_OK | os.X_OK) or stats.f_bavail * stats.f_frsize < room:
        return None
    return path


def use_memory_for_temp_files() -> str | None:
    """Point pytest's ``tmp_path`` root (``PYTEST_DEBUG_TEMPROOT``), ``tempfile`` and the
    servers and browsers the tests start (``TMPDIR``) at the memory file system; kept as
    it is when ``TMPDIR`` was set by hand or no such file system has room. Called when
    the root conftest is imported, in the controller before it makes the base temporary
    directory it hands each pytest-xdist worker."""
    if os.environ.get("TMPDIR") or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return None
    found = memory_temp_dir()
    if found:
        os.environ["TMPDIR"] = os.environ["PYTEST_DEBUG_TEMPROOT"] = found
        tempfile.tempdir = None  # gettempdir() looks again, at TMPDIR
    return found
