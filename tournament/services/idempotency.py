"""``Idempotency-Key``: a retry with the same key and body returns the first answer."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import BadRequest, InvalidInput
from ..models import IdempotencyRecord
from .context import Context

Answer = tuple[int, dict[str, Any]]
Action = Callable[[AsyncSession], Awaitable[Answer]]


def request_hash(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


async def _stored(session: AsyncSession, principal: str, key: str,
                  digest: str) -> Answer | None:
    found = (await session.exec(select(IdempotencyRecord).where(
        IdempotencyRecord.principal == principal, IdempotencyRecord.key == key))).first()
    if found is None:
        return None
    if found.request_hash != digest:
        raise InvalidInput(
            "idempotency_key_reused",
            "This Idempotency-Key was already used for a different request.",
            "Idempotency-Key",
        )
    return found.status_code, found.body or {}


MAX_KEY = 200
# what the OpenAPI schema promises a key is: ASCII 0x21-0x7E (a header's other bytes
# arrive as Latin-1, and a key with a space or a control character is a client's bug)
VISIBLE_ASCII = re.compile(r"[\x21-\x7e]+")


def check_key(key: str) -> None:
    """A key that was sent is a key: an empty (or blank) one is a client's bug, refused as
    one that is too long is, never read as no key (which would apply a retry twice)."""
    if not key.strip():
        raise BadRequest("invalid_idempotency_key", "The Idempotency-Key header is empty: "
                         "send a key (a UUID, say) or leave the header out.",
                         "Idempotency-Key")
    if len(key) > MAX_KEY:
        raise BadRequest("invalid_idempotency_key", f"An Idempotency-Key has at most "
                         f"{MAX_KEY} characters.", "Idempotency-Key", params={"max": MAX_KEY})
    if not VISIBLE_ASCII.fullmatch(key):
        raise BadRequest("invalid_idempotency_key", "An Idempotency-Key is visible ASCII "
                         "characters (letters, digits, punctuation; no spaces), a UUID say.",
                         "Idempotency-Key")


async def run(ctx: Context, action: Action, *, principal: str, key: str | None,
              digest: str) -> Answer:
    """Run ``action`` in one write transaction; with a key, store its answer in the same
    transaction so an acknowledged write and its record can never part."""
    if key is None:
        return await ctx.write(action)
    check_key(key)

    async def once(session: AsyncSession) -> Answer:
        previous = await _stored(session, principal, key, digest)
        if previous is not None:
            return previous
        status, body = await action(session)
        session.add(IdempotencyRecord(principal=principal, key=key, request_hash=digest,
                                      status_code=status, body=body))
        return status, body

    try:
        return await ctx.write(once)
    except IntegrityError:
        # A concurrent request with the same key committed first: answer as it did.
        async with ctx.db.read() as session:
            previous = await _stored(session, principal, key, digest)
        if previous is None:
            raise
        return previous
