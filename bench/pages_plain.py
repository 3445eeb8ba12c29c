"""The plain route ``bench/pages.py`` compares against: a Starlette app whose ``GET /page``
answers the bytes in the file ``$PLAIN_BODY`` with the headers in ``$PLAIN_HEADERS`` (JSON),
and nothing else: no database, no template, no middleware."""

from __future__ import annotations

import json
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = Path(os.environ["PLAIN_BODY"]).read_bytes()
HEADERS = json.loads(os.environ.get("PLAIN_HEADERS", "{}"))
MEDIA = HEADERS.pop("content-type", "text/html; charset=utf-8")


async def page(_request: Request) -> Response:
    return Response(BODY, media_type=MEDIA, headers=HEADERS)


async def healthz(_request: Request) -> Response:
    return Response(b"ok", media_type="text/plain")


app = Starlette(routes=[Route("/page", page), Route("/healthz", healthz)])
