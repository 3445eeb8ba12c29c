"""Static assets under content-hashed URLs: pages link ``/static/css/site.css?v=<hash>``
(``asset_url``), and an answer to a URL whose hash is the file's current one is cached by
browsers and any HTTP cache for a year (``immutable``): a changed file gets a new URL.
Any other request for the file (no hash, an old hash) is answered with ``no-cache``.

An ES module's imports get the same treatment: a script under ``static/`` is served with each
relative import (``import … from "./x.js"``) rewritten to the imported file's hashed URL
(``"./x.js?v=<hash>"``), and its own hash is that of the body so served, so a change to an
imported module changes the URL of every module that imports it, up to the page's entry
script: a browser never runs a cached entry with a newer or older module than it was served
with. (Imports that go round in a circle cannot be hashed so, and are refused.)"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import sysconfig
from functools import lru_cache
from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
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
        path = str(full_path)
        digest = file_hash(path)
        body = served(path)
        if body is None:  # served as it is stored
            response = super().file_response(full_path, stat_result, scope, status_code)
        else:  # a module with its imports' URLs: its ETag is its hash, which they change
            response = Response(body, status_code,
                                media_type=mimetypes.guess_type(path)[0] or "text/javascript",
                                headers={"etag": f'"{digest}"'})
            if self.is_not_modified(response.headers, Headers(scope=scope)):
                response = NotModifiedResponse(response.headers)
        query = scope.get("query_string", b"").decode("latin-1")
        wanted = dict(p.partition("=")[::2] for p in query.split("&") if p).get("v")
        fresh = wanted is not None and wanted == digest
        response.headers["Cache-Control"] = IMMUTABLE if fresh else "no-cache"
        return response


# A static import or re-export of a relative path, at the start of a line:
# ``import x from "./a.js"``, ``import {a,\n b} from '../b.js'``, ``import "./c.js"``,
# ``export {d} from "./d.js"``. (A dynamic ``import()`` is not rewritten.)
IMPORT = re.compile(rb"""^(\s*(?:import|export)\b[^;'"]*?\bfrom\s*|\s*import\s*)(["'])"""
                    rb"""(\.\.?/[^"'?#]+)\2""", re.M)


@lru_cache(maxsize=256)
def _read(path: str, mtime_ns: int, size: int) -> bytes:
    return Path(path).read_bytes()


def _source(path: str) -> bytes:
    stat = Path(path).stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _imports(source: bytes) -> tuple[bytes, ...]:
    return tuple(sorted({m[3] for m in IMPORT.finditer(source)}))


@lru_cache(maxsize=256)
def _rewrite(source: bytes, hashes: tuple[tuple[bytes, str], ...]) -> bytes:
    urls = dict(hashes)
    return IMPORT.sub(lambda m: m[1] + m[2] + m[3] + b"?v=" + urls[m[3]].encode() + m[2],
                      source)


def _served(path: str, seen: frozenset[str]) -> bytes | None:
    if not path.endswith(".js"):
        return None
    source = _source(path)
    wanted = _imports(source)
    if not wanted:
        return None
    if path in seen:
        raise ValueError(f"{path}: its imports go round in a circle, which no hash can name")
    here = Path(path).parent
    hashes = tuple((spec, _hash(str((here / spec.decode()).resolve()), seen | {path}))
                   for spec in wanted)
    return _rewrite(source, hashes)


def served(path: str) -> bytes | None:
    """The body of a script as it is served, its relative imports carrying their files'
    hashes (``None``: the file is served as it is stored)."""
    return _served(path, frozenset())


@lru_cache(maxsize=256)
def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:12]


def _hash(path: str, seen: frozenset[str]) -> str:
    body = _served(path, seen)
    return _digest(_source(path) if body is None else body)


def file_hash(path: str) -> str:
    """The first 12 hex digits of the SHA-256 of the file as it is served (recomputed when
    the file, or a module it imports, changes)."""
    return _hash(path, frozenset())


def asset_url(name: str) -> str:
    """``/static/<name>?v=<hash>`` for a file under ``static/``."""
    return f"/static/{name}?v={file_hash(str(STATIC / name))}"
