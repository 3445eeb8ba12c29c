"""Static assets under content-hashed URLs: pages link ``/static/css/site.css?v=<hash>``
(``asset_url``), and an answer to a URL whose hash is the file's current one is cached by
browsers and any HTTP cache for a year (``immutable``): a changed file gets a new URL.
Any other request for the file (no hash, an old hash) is answered with ``no-cache``."""

from __future__ import annotations

import hashlib
import os
import sysconfig
from functools import lru_cache
from pathlib import Path

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

IMMUTABLE = "public, max-age=31536000, immutable"


def static_dir() -> Path:
    """``static/`` of the repository (a checkout or an editable install), else the copy a
    normal install put under ``<prefix>/share/tournament/static``."""
    checkout = Path(__file__).resolve().parent.parent.parent / "static"
    if checkout.is_dir():
        return checkout
    return Path(sysconfig.get_path("data")) / "share" / "tournament" / "static"


STATIC = static_dir()


class HashedStatic(StaticFiles):
    def __init__(self, directory: Path) -> None:
        super().__init__(directory=directory)
        self.root = directory

    def file_response(self, full_path: str | os.PathLike[str], stat_result: os.stat_result,
                      scope: Scope, status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        query = scope.get("query_string", b"").decode("latin-1")
        wanted = dict(p.partition("=")[::2] for p in query.split("&") if p).get("v")
        fresh = wanted is not None and wanted == file_hash(str(full_path))
        response.headers["Cache-Control"] = IMMUTABLE if fresh else "no-cache"
        return response


@lru_cache(maxsize=256)
def _digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def file_hash(path: str) -> str:
    """The first 12 hex digits of the file's SHA-256 (recomputed when the file changes)."""
    stat = Path(path).stat()
    return _digest(path, stat.st_mtime_ns, stat.st_size)


def asset_url(name: str) -> str:
    """``/static/<name>?v=<hash>`` for a file under ``static/``."""
    return f"/static/{name}?v={file_hash(str(STATIC / name))}"
