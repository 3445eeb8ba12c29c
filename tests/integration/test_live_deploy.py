"""docs/deploy.md, run for real: two uvicorn processes with the documented options behind
nginx with the documented configuration. A page's socket goes through nginx (Origin checked
against the forwarded Host), survives one app server stopping (1001, resume on the other)
and misses nothing. Needs nginx (``apt-get install nginx-light``; ``.ci/run`` installs
it); skipped without it only outside CI."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest
import websockets

from tests.conftest import ROOT, free_port
from tests.helpers import AUTH, by_number, make_event, make_stage, until
from tests.live_support import Servers, Spectator, last_seq, recv_json

pytestmark = pytest.mark.asyncio(loop_scope="session")

DOC = ROOT / "docs" / "deploy.md"


def documented_uvicorn_args() -> list[str]:
    block = re.search(r"uvicorn tournament\.asgi:app (.+?)\n# ", DOC.read_text(), re.S)
    assert block, "docs/deploy.md shows the uvicorn command"
    args = block.group(1).replace("\\\n", " ").split()
    i = args.index("--port")
    del args[i:i + 2]
    i = args.index("--host")
    del args[i:i + 2]
    return args


def nginx_config(prefix: Path, port: int, upstreams: list[int]) -> Path:
    block = re.search(r"```nginx\n(.+?)```", DOC.read_text(), re.S)
    assert block, "docs/deploy.md has an nginx block"
    site = block.group(1)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    servers = [f"server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in upstreams]
    site = re.sub(r"(    server 127\.0\.0\.1:\d+ [^\n]+\n)+", lambda _: "    " + "\n    ".join(
        servers) + "\n", site, count=1)
    temp = " ".join(f"{k}_temp_path {prefix / k};" for k in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = prefix / "nginx.conf"
    conf.write_text(f"user root;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
                    f"error_log {prefix / 'error.log'};\nevents {{ worker_connections 1024; }}\n"
                    f"http {{\naccess_log off;\n{temp}\n{site}\n}}\n")
    return conf


async def test_two_servers_behind_nginx_as_documented(postgres_url):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        if os.environ.get("CI"):  # .ci/run installs it: missing there is a failure
            pytest.fail("nginx is needed in CI (apt-get install nginx-light)")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    args = documented_uvicorn_args()
    assert "--ws-per-message-deflate" in args and "--ws-ping-interval" in args
    with Servers() as servers, tempfile.TemporaryDirectory() as tmp:
        a = servers.start(postgres_url, *args)
        b = servers.start(postgres_url, *args)
        port = free_port()
        conf = nginx_config(Path(tmp), port, [a.port, b.port])
        proc = subprocess.Popen([nginx, "-c", str(conf), "-g", "daemon off;"],
                                stderr=subprocess.DEVNULL)
        try:
            front = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60  # bounds a hang only
            while True:
                try:
                    if httpx.get(front + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, (Path(tmp) / "error.log").read_text()
                time.sleep(0.05)
            async with httpx.AsyncClient(base_url=front) as client:
                event = await make_event(client, 4)
                st = await make_stage(client, event, settings={"best_of": 9})
                base = await last_seq(client, event["slug"])
                ws_front = f"ws://127.0.0.1:{port}"
                with pytest.raises(websockets.InvalidStatus):  # a foreign page: refused
                    async with websockets.connect(f"{ws_front}/ws/tournaments/{event['slug']}",
                                                  origin="https://evil.example"):
                        pass
                watchers = [Spectator(ws_front, event["slug"], base, origin=front).start()
                            for _ in range(4)]  # nginx spreads them; how is its business
                m1 = by_number(st)[1]["id"]
                async with websockets.connect(f"{ws_front}/ws/tournaments/{event['slug']}",
                                              origin=front) as ws:
                    r = await client.patch(f"/api/matches/{m1}", headers=AUTH,
                                           json={"score": [1, 0], "status": "live"})
                    assert r.status_code == 200
                    assert (await recv_json(ws))["seq"] == base + 1
                await until(lambda: all(w.connections == 1 for w in watchers))

                def open_sockets() -> tuple[int, int]:
                    return tuple(httpx.get(s.url + "/readyz").json()["sockets"]["open"]
                                 for s in (a, b))  # type: ignore[return-value]

                await until(lambda: sum(open_sockets()) == 4, what="4 sockets counted")
                on_a, _ = open_sockets()
                a.stop()  # SIGTERM: a deploy restarts one server
                for i in range(2, 8):
                    r = await client.patch(f"/api/matches/{m1}", headers=AUTH,
                                           json={"score": [i % 5, 0], "status": "live"})
                    assert r.status_code == 200  # nginx sends writes to the other server
                final = await last_seq(client, event["slug"])
                for w in watchers:
                    await w.wait_for(final)
                    await w.stop()
                    assert w.seqs == list(range(base + 1, final + 1))
                # every spectator that was on the stopped server was told 1001 and came back
                assert sorted(c for w in watchers for c in w.closes) == [1001] * on_a
                assert sorted(w.connections for w in watchers) == [1] * (4 - on_a) + [2] * on_a
        finally:
            proc.terminate()
            proc.wait(10)
            await asyncio.sleep(0)
