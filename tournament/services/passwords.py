"""Passwords: argon2id through argon2-cffi, with its RFC 9106 low-memory profile (64 MiB,
3 passes, 4 lanes), above OWASP's minimum (19 MiB, 2 passes, 1 lane).

Hashing takes a noticeable fraction of a second on purpose, so it runs in a worker thread
(the event loop keeps serving) and at most ``CONCURRENT`` at a time (a burst of sign-ins
cannot exhaust memory). A password is never logged, stored in clear or returned."""

from __future__ import annotations

import asyncio
import functools
import weakref

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ..errors import InvalidInput

HASHER = PasswordHasher()  # argon2id, t=3, m=65536 KiB, p=4
CONCURRENT = 2
MIN_LENGTH = 8
MAX_LENGTH = 1024
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = \
    weakref.WeakKeyDictionary()


@functools.cache
def _dummy() -> str:
    """A hash of nothing anyone can type: unknown names cost the same time as known ones.
    Made at the first sign-in, not at import (every server start and test worker paid
    for it, and most never sign anyone in)."""
    return HASHER.hash("\x00unused\x00")


def _semaphore() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    if loop not in _slots:
        _slots[loop] = asyncio.Semaphore(CONCURRENT)
    return _slots[loop]


def check_strength(password: str, field: str = "password") -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput("weak_password", f"A password has at least {MIN_LENGTH} "
                           "characters.", field, params={"min": MIN_LENGTH})
    if len(password) > MAX_LENGTH:
        raise InvalidInput("invalid_input", f"A password has at most {MAX_LENGTH} "
                           "characters.", field)


async def hash_password(password: str) -> str:
    async with _semaphore():
        return await asyncio.to_thread(HASHER.hash, password)


def _verify(stored: str | None, password: str) -> bool:
    try:
        return HASHER.verify(stored or _dummy(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches ``stored``; with no stored hash, False after the
    same work (so a wrong name and a wrong password take as long)."""
    async with _semaphore():
        return await asyncio.to_thread(_verify, stored, password)


def needs_rehash(stored: str) -> bool:
    return HASHER.check_needs_rehash(stored)
