"""Views versioned by their tournament's ``last_seq``: rendered once per change and served
from memory (with an ``ETag``; ``If-None-Match`` gets 304) until the next change.

Thousands of spectators refetching a stage after a result cost one render, not thousands.
Keys carry the seq read from the database, so several server processes stay correct."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from .common import language, reading

Key = tuple[str, str, str, str, int]
Entry = tuple[bytes, str | None, int]
MAX_ENTRIES = 2048


class ViewCache:
    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self._entries: OrderedDict[Key, Entry] = OrderedDict()

    def get(self, key: Key) -> Entry | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: Key, entry: Entry) -> None:
        self._entries[key] = entry
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


def _cache(request: Request) -> ViewCache:
    state = request.app.state
    if not hasattr(state, "view_cache"):
        state.view_cache = ViewCache()
    cache: ViewCache = state.view_cache
    return cache


async def versioned(request: Request, seq_of: Callable[[AsyncSession], Awaitable[int]],
                    build: Callable[[AsyncSession], Awaitable[Response]],
                    page: bool = True) -> Response:
    """Answer from the cache when the tournament has not changed since it was built."""
    lang = language(request) if page else ""
    async with reading(request) as session:
        seq = await seq_of(session)
        # a page built for a signed-in reader carries their name and CSRF token: it is
        # theirs alone (keyed by their session), and its ETag says whose it is
        identity = getattr(request.state, "identity", None)
        who = identity.cache_key if identity is not None else ""
        mark = "-p" + hashlib.sha256(who.encode()).hexdigest()[:12] if who else ""
        etag = f'W/"{seq}-{lang or "json"}{mark}"'
        headers = {"ETag": etag, "Vary": "Accept-Language, Cookie, Authorization",
                   "Cache-Control": "no-cache"}
        if identity is not None and identity.actor.is_admin:
            headers.pop("ETag")  # a draft's edits keep the seq: never answer 304 to an admin
        elif request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        key: Key = (request.url.path, str(request.url.query), lang, who, seq)
        # admins also see drafts and unpublished tournaments, whose edits do not move the
        # public seq: their views are built fresh every time (there are few of them)
        admin = identity is not None and identity.actor.is_admin
        entry = None if admin else _cache(request).get(key)
        if entry is None:
            built = await build(session)
            if built.status_code != 200:
                return built
            entry = (bytes(built.body), built.media_type, built.status_code)
            if not admin:
                _cache(request).put(key, entry)
    response = Response(entry[0], status_code=entry[2], media_type=entry[1], headers=headers)
    if page and request.query_params.get("lang") in i18n.LANGS:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response
