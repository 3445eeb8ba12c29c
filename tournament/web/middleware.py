"""Plain ASGI middleware (``BaseHTTPMiddleware`` would skip websockets): security headers
on every answer, and a request-body limit enforced before the body is read."""

from __future__ import annotations

import json

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Pages carry no inline script or style: data for scripts sits in
# <script type="application/json"> blocks, which are not executed.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'")
NOT_FRAMED = "; frame-ancestors 'none'"
OVERLAYS = "/overlay/"  # stream overlays are embedded by OBS and web dashboards


def security_headers(path: str, content_type: str) -> list[tuple[bytes, bytes]]:
    """The headers every answer carries; the CSP (no framing but for overlays) on HTML."""
    found = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
    if content_type.startswith("text/html"):
        framed = path.startswith(OVERLAYS)
        found.append((b"content-security-policy",
                      (CSP + ("" if framed else NOT_FRAMED)).encode()))
        if not framed:
            found.append((b"x-frame-options", b"DENY"))
    return found


class SecurityHeaders:
    """nosniff and a Referrer-Policy on every answer; on HTML, a strict CSP that forbids
    framing except for overlays."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in security_headers(str(scope.get("path", "")),
                                                    headers.get("content-type", "")):
                    headers[name.decode()] = value.decode()
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """A declared ``Content-Length`` over the limit is a 413 at once, unread. Bodies without
    one (chunked) are counted as the handler streams them (``common.read_body``)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = Headers(scope=scope).get("content-length", "")
            if length.isascii() and length.isdigit() and int(length) > self.max_body:
                await _too_large(send, self.max_body)
                return
        await self.app(scope, receive, send)


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"error": {"code": "body_too_large",
                                 "message": f"The request body is over {limit // 1024} KiB."}
                       }).encode()
    await send({"type": "http.response.start", "status": 413, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
