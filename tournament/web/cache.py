"""Views versioned by their tournament's ``last_seq``: rendered and compressed once per
change, served from memory (with an ``ETag``; ``If-None-Match`` gets 304) until the next.

Thousands of spectators refetching a stage after a result cost one render, not thousands,
and a cached answer costs no database round trip: the hub knows every tournament's newest
seq (``live/seqs.py``), so a reader without a session whose cached view is still at that
seq is answered from memory alone. When the board cannot vouch (a tournament not heard of
yet, PostgreSQL's listener reconnecting), the seq is read from the database as before.
Admins never use the cache (drafts and unpublished edits do not move the public seq).
Why a page built at seq N and a feed resumed from N agree: docs/architecture.md.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..live.seqs import SeqBoard
from .common import ctx, identify, language, reading

try:  # brotli is a dependency; a server without it answers gzip
    import brotli  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover
    brotli = None

Key = tuple[str, str, str, str]  # (host and path, query, language, whose)
Version = tuple[int, int]  # (tournament id, seq)
MAX_ENTRIES = 2048
MAX_BYTES = 256 * 1024 * 1024  # every encoding of every entry, together
MIN_COMPRESS = 1024  # smaller answers are sent as they are
GZIP_LEVEL = 6
BROTLI_QUALITY = 6  # ~gzip's speed at 10-15 % fewer bytes; 11 costs ~50x the time
VARY = "Accept-Encoding, Accept-Language, Cookie, Authorization"


@dataclass
class Entry:
    tournament_id: int
    seq: int
    media_type: str | None
    bodies: dict[str, bytes] = field(default_factory=dict)  # by content-coding
    raw: dict[str, list[tuple[bytes, bytes]]] = field(default_factory=dict)  # web/front.py

    @property
    def size(self) -> int:
        return sum(len(b) for b in self.bodies.values())


def compressed(body: bytes) -> dict[str, bytes]:
    """The body in every coding worth sending: identity, gzip and (when present) br."""
    found = {"identity": body}
    if len(body) >= MIN_COMPRESS:
        found["gzip"] = gzip.compress(body, GZIP_LEVEL, mtime=0)
        if brotli is not None:
            found["br"] = brotli.compress(body, quality=BROTLI_QUALITY)
    return found


def choose(accept: str | None, offered: dict[str, bytes]) -> str:
    """The coding to answer with: br, then gzip, when the reader accepts it (``q=0`` refuses)."""
    if not accept or len(offered) == 1:
        return "identity"
    accepted = set()
    for part in accept.lower().split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") \
            else "1"
        if q not in ("0", "0.", "0.0", "0.00", "0.000"):
            accepted.add(name.strip())
    for coding in ("br", "gzip"):
        if coding in offered and (coding in accepted or "*" in accepted):
            return coding
    return "identity"


class ViewCache:
    """The newest version of each view (by path, query, language and reader), LRU."""

    def __init__(self, size: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self.flights: dict[tuple[Key, int], asyncio.Future[Entry | None]] = {}

    def get(self, key: Key) -> Entry | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: Key, entry: Entry) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._entries[key] = entry
        self.bytes += entry.size
        while len(self._entries) > self.size or (self.bytes > self.max_bytes
                                                  and len(self._entries) > 1):
            _, dropped = self._entries.popitem(last=False)
            self.bytes -= dropped.size


def _cache(request: Request) -> ViewCache:
    state = request.app.state
    if not hasattr(state, "view_cache"):
        state.view_cache = ViewCache()
    cache: ViewCache = state.view_cache
    return cache


def _board(request: Request) -> SeqBoard:
    return ctx(request).hub.seqs


def answer(request: Request, entry: Entry, headers: dict[str, str], lang: str,
            page: bool) -> Response:
    if "ETag" in headers and request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    coding = choose(request.headers.get("accept-encoding"), entry.bodies)
    if coding != "identity":
        headers = {**headers, "Content-Encoding": coding}
    response = Response(entry.bodies[coding], media_type=entry.media_type, headers=headers)
    if page and request.query_params.get("lang") in i18n.LANGS:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response


def where(host: str, path: str) -> str:
    """The first part of a cache key: the path under the Host it was asked for. A page or
    feed names its own address (the calendar link, the feed's URLs), so an answer built
    for one Host is never served under another: a request with a forged Host header fills
    only its own entry (the team review saw a subscribe link to "evil.example" served to
    everyone after one such request)."""
    return f"{host.lower()}{path}"


def headers_of(seq: int, lang: str, who: str) -> dict[str, str]:
    # a page built for a signed-in reader carries their name and CSRF token: it is
    # theirs alone (keyed by their session), and its ETag says whose it is
    mark = "-p" + hashlib.sha256(who.encode()).hexdigest()[:12] if who else ""
    return {"ETag": f'W/"{seq}-{lang or "json"}{mark}"', "Vary": VARY,
            "Cache-Control": "no-cache"}


async def versioned(request: Request, version_of: Callable[[AsyncSession], Awaitable[Version]],
                    build: Callable[[AsyncSession], Awaitable[Response]],
                    page: bool = True) -> Response:
    """Answer from the cache when the tournament has not changed since it was built."""
    lang = language(request) if page else ""
    identity = await identify(request)
    who = identity.cache_key if identity is not None else ""
    admin = identity is not None and identity.actor.is_admin
    key: Key = (where(request.headers.get("host", ""), request.url.path),
                str(request.url.query), lang, who)
    board = _board(request)
    cache = _cache(request)
    if identity is None:
        # no database at all while the board vouches for the cached seq (the front
        # middleware below answers most of these before routing)
        entry = cache.get(key)
        if entry is not None and board.current(entry.tournament_id) == entry.seq:
            return answer(request, entry, headers_of(entry.seq, lang, who), lang, page)
    epoch = board.epoch
    async with reading(request) as session:
        tournament_id, seq = await version_of(session)
    board.read(tournament_id, seq, epoch)
    headers = headers_of(seq, lang, who)
    if admin:
        # admins also see drafts and unpublished tournaments, whose edits do not move the
        # public seq: their views are built fresh every time (there are few of them), and
        # never answered with 304
        headers.pop("ETag")
        async with reading(request) as session:
            built = await build(session)
        if built.status_code != 200:
            return built
        fresh = Entry(tournament_id, seq, built.media_type, {"identity": bytes(built.body)})
        return answer(request, fresh, headers, lang, page)
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    entry = cache.get(key)
    if entry is None or entry.seq != seq:
        # one build per version: readers arriving while it renders wait for it
        flight = cache.flights.get((key, seq))
        entry = await asyncio.shield(flight) if flight is not None else None
        if entry is None:
            entry, refused = await _build(request, cache, key, tournament_id, seq, build)
            if entry is None:
                assert refused is not None
                return refused
    return answer(request, entry, headers, lang, page)


async def _build(request: Request, cache: ViewCache, key: Key, tournament_id: int, seq: int,
                 build: Callable[[AsyncSession], Awaitable[Response]],
                 ) -> tuple[Entry | None, Response | None]:
    """(the new entry, None), or (None, the answer) when the build is not a 200. Content
    read here is at least ``seq``: the seq was read first (docs/architecture.md)."""
    flight: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
    cache.flights[(key, seq)] = flight
    entry: Entry | None = None
    try:
        async with reading(request) as session:
            built = await build(session)
        if built.status_code != 200:
            return None, built
        entry = Entry(tournament_id, seq, built.media_type, compressed(bytes(built.body)))
        cache.put(key, entry)
        return entry, None
    finally:
        del cache.flights[(key, seq)]
        flight.set_result(entry)
