"""Before routing (plain ASGI): the answers that need nothing but memory.

- ``GET /healthz`` (liveness): the background monitor's last verdict; no database.
- A ``GET`` from a reader without a session or token whose view ``web/cache.py`` holds at
  the seq the hub knows is current: the cached bytes in the coding the reader accepts (or a
  304), with the headers ``versioned`` gives them, security headers included. The status
  line and headers of each version are put together once.

Everything else (and any doubt: ``?lang=`` that sets a cookie, a session cookie, a bearer
token, a view the board cannot vouch for) goes on to the app unchanged.
"""

from __future__ import annotations

from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import i18n
from .cache import VARY, Entry, ViewCache, choose, where
from .errors import RETRY_AFTER
from .middleware import security_headers
from .session_auth import SESSION_COOKIE

LANG_MEMO = 1024  # (lang cookie, Accept-Language) → language, remembered


class Front:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._langs: dict[tuple[str | None, str | None], str] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            if scope["path"] == "/healthz" and await self._health(scope, send):
                return
            if await self._cached(scope, send):
                return
        await self.app(scope, receive, send)

    async def _health(self, scope: Scope, send: Send) -> bool:
        monitor = getattr(scope["app"].state, "monitor", None)
        if monitor is None:
            return False
        problems = monitor.problems()
        body = ("; ".join(problems) if problems else "ok").encode()
        headers = [(b"content-type", b"text/plain; charset=utf-8"),
                   (b"content-length", str(len(body)).encode()),
                   *security_headers(scope["path"], "text/plain")]
        if problems:
            headers.append((b"retry-after", RETRY_AFTER.encode()))
        await _send(send, 503 if problems else 200, headers, body)
        return True

    async def _cached(self, scope: Scope, send: Send) -> bool:
        state = scope["app"].state
        cache: ViewCache | None = getattr(state, "view_cache", None)
        context = getattr(state, "ctx", None)
        if cache is None or context is None:
            return False
        query = scope["query_string"].decode("utf-8", "replace")
        if "lang=" in query:
            return False  # the answer sets the lang cookie: the app does that
        found: dict[bytes, str] = {}
        for name, value in scope["headers"]:
            if name in (b"authorization", b"cookie", b"accept-language", b"accept-encoding",
                        b"if-none-match", b"host"):
                found[name] = value.decode("latin-1")
        if b"authorization" in found:
            return False
        cookie = None
        if b"cookie" in found:
            jar = cookie_parser(found[b"cookie"])  # as the app reads cookies
            if jar.get(SESSION_COOKIE):
                return False
            cookie = jar.get("lang")
        path: str = scope["path"]
        lang = "" if path.startswith("/api/") else self._lang(cookie,
                                                             found.get(b"accept-language"))
        entry = cache.get((where(found.get(b"host", ""), path), query, lang, ""))
        if entry is None or context.hub.seqs.current(entry.tournament_id) != entry.seq:
            return False
        etag = f'W/"{entry.seq}-{lang or "json"}"'
        if found.get(b"if-none-match") == etag:
            await _send(send, 304, [(b"etag", etag.encode()), (b"vary", VARY.encode()),
                                    (b"cache-control", b"no-cache"),
                                    *security_headers(path, "")], b"")
            return True
        coding = choose(found.get(b"accept-encoding"), entry.bodies)
        headers = entry.raw.get(coding)
        if headers is None:
            headers = entry.raw[coding] = _raw_headers(entry, coding, etag, path)
        await _send(send, 200, headers, entry.bodies[coding])
        return True

    def _lang(self, cookie: str | None, accept: str | None) -> str:
        key = (cookie, accept)
        lang = self._langs.get(key)
        if lang is None:
            lang = i18n.choose(None, cookie, accept)
            if len(self._langs) >= LANG_MEMO:
                self._langs.clear()
            self._langs[key] = lang
        return lang


def _raw_headers(entry: Entry, coding: str, etag: str, path: str) -> list[tuple[bytes, bytes]]:
    media = entry.media_type or "application/octet-stream"
    if media.startswith("text/") and "charset" not in media:
        media += "; charset=utf-8"
    headers = [(b"content-type", media.encode()),
               (b"content-length", str(len(entry.bodies[coding])).encode()),
               (b"etag", etag.encode()), (b"vary", VARY.encode()),
               (b"cache-control", b"no-cache")]
    if coding != "identity":
        headers.append((b"content-encoding", coding.encode()))
    return headers + security_headers(path, media)


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]],
                body: bytes) -> None:
    start: Message = {"type": "http.response.start", "status": status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": body})
