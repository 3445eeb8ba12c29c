"""Content-hashed static URLs for ES modules (``web/assets.py``): a module is served with its
relative imports carrying their files' hashes, and its own hash is that of the body so
served, so a change deep in the import graph changes the entry's URL; a cached entry never
runs with a module it was not served with."""

from __future__ import annotations

import os
import re
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from tournament.web.assets import IMMUTABLE, HashedStatic, file_hash, served


def write(path: Path, text: str, tick: int) -> None:
    path.write_text(text)
    os.utime(path, ns=(tick * 10**9, tick * 10**9))  # a new mtime, as a deploy gives


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    (tmp_path / "lib").mkdir()
    write(tmp_path / "entry.js", 'import * as a from "./a.js";\n'
                                 "import {\n  b,\n} from './lib/b.js';\n"
                                 'const s = "import x from \\"./nowhere.js\\"";\n', 1)
    write(tmp_path / "a.js", 'export { c } from "./lib/c.js";\n', 1)
    write(tmp_path / "lib" / "b.js", "export const b = 1;\n", 1)
    write(tmp_path / "lib" / "c.js", "export const c = 1;\n", 1)
    write(tmp_path / "site.css", "body { color: red; }\n", 1)
    return tmp_path


def test_imports_carry_their_files_hashes_and_a_deep_change_reaches_the_entry(graph):
    entry, c = str(graph / "entry.js"), graph / "lib" / "c.js"
    body = served(entry)
    assert body is not None
    text = body.decode()
    assert f'from "./a.js?v={file_hash(str(graph / "a.js"))}";' in text
    assert f"from './lib/b.js?v={file_hash(str(graph / 'lib' / 'b.js'))}';" in text
    assert '\\"./nowhere.js\\"' in text  # a string that reads like an import is left alone
    assert served(str(graph / "lib" / "b.js")) is None  # no imports: served as stored
    assert served(str(graph / "site.css")) is None
    before = file_hash(entry), file_hash(str(graph / "a.js")), file_hash(str(graph / "lib/b.js"))
    write(c, "export const c = 2;\n", 2)
    after = file_hash(entry), file_hash(str(graph / "a.js")), file_hash(str(graph / "lib/b.js"))
    assert after[0] != before[0] and after[1] != before[1] and after[2] == before[2]


def test_a_circle_of_imports_is_refused(graph):
    write(graph / "lib" / "c.js", 'import "../entry.js";\n', 2)
    with pytest.raises(ValueError, match="circle"):
        file_hash(str(graph / "entry.js"))


async def test_a_module_is_answered_under_its_hash_with_its_imports_hashed(graph):
    app = Starlette(routes=[Mount("/static", HashedStatic(graph))])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as client:
        await answered(client, graph)


async def answered(client: httpx.AsyncClient, graph: Path) -> None:
    digest = file_hash(str(graph / "entry.js"))
    r = await client.get(f"/static/entry.js?v={digest}")
    assert r.status_code == 200 and r.headers["cache-control"] == IMMUTABLE
    assert r.headers["content-type"].startswith("text/javascript")
    assert r.content == served(str(graph / "entry.js"))
    for spec, v in re.findall(r"""["'](\./[^"'?]+)\?v=(\w+)["']""", r.text):
        dep = await client.get(f"/static/{spec.removeprefix('./')}?v={v}")
        assert dep.status_code == 200 and dep.headers["cache-control"] == IMMUTABLE, spec
    # revalidated by its hash: a change to an import is a new body, never a 304
    again = await client.get("/static/entry.js", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and again.headers["cache-control"] == "no-cache"
    write(graph / "lib" / "c.js", "export const c = 3;\n", 3)
    changed = await client.get("/static/entry.js", headers={"If-None-Match": r.headers["etag"]})
    assert changed.status_code == 200 and changed.headers["etag"] != r.headers["etag"]
    assert (await client.get(f"/static/entry.js?v={digest}")).headers["cache-control"] == "no-cache"
