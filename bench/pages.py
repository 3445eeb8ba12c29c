"""Page benchmark: the event page of a 128-team double elimination (cached) against a plain
Starlette route serving the very same bytes, same uvicorn settings, same run; ``/healthz``;
the page's weight on the wire.

Run by hand::

    python bench/pages.py                         # this tree only
    python bench/pages.py --baseline /tmp/base    # also a checkout of the baseline, same run

Each tree gets its own server process on one SQLite file built here (128 teams, double
elimination with a reset grand final, the first round played). The load generator is ``wrk``
(``apt-get install wrk``; ``-t1 -c64``, as the issue measured) when it is installed, else a
small httpx/asyncio generator (64 concurrent requests, one process); the output says which.
Every request says ``Accept-Encoding: gzip, br`` as browsers do. Results: bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

ACCEPT = "gzip, br"
UVICORN = ["--no-access-log", "--log-level", "warning", "--loop", "uvloop", "--http", "httptools"]


async def build_db(url: str, teams: int) -> tuple[str, int]:
    """(event page path, matches in the stage) of a fresh database."""
    from tournament.config import Settings
    from tournament.db import Database
    from tournament.live.hub import Hub
    from tournament.models import UserRole
    from tournament.schemas import (
        EventCreate,
        MatchUpdate,
        StageCreate,
        TeamCreate,
        TournamentCreate,
    )
    from tournament.services import matches, stages, tournaments
    from tournament.services.actors import Actor
    from tournament.services.context import Context

    ctx = Context(Database(url), Hub(), Settings(database_url=url))
    async with ctx.transaction() as s:
        await tournaments.create_tournament(s, TournamentCreate(slug="bench", name="Bench Cup"))
        await tournaments.create_event(s, "bench", EventCreate(slug="de", name="Valorant"))
        for i in range(teams):
            await tournaments.create_team(s, "bench", "de", TeamCreate(
                name=f"Team {i + 1:03d}", nation=("KR", "JP", "CN", "US")[i % 4]))
        view = await stages.create_stage(s, "bench", "de", StageCreate(
            name="Playoffs", format="double_elimination", settings={"grand_final": "reset"}))
    admin = Actor(UserRole.ADMIN)
    for m in [m for m in view["matches"] if m["status"] == "ready"]:
        async with ctx.transaction() as s:
            await matches.update_match(s, m["id"], MatchUpdate.model_validate(
                {"score": [1, 0], "status": "completed"}), admin, None)
    await ctx.db.dispose()
    return "/tournaments/bench/events/de", len(view["matches"])


def wait_up(base: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code in (200, 404):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("server did not start")


def serve(tree: Path | None, app: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    full = {**os.environ, **env}
    if tree is not None:
        full["PYTHONPATH"] = str(tree)
    return subprocess.Popen([sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1",
                             "--port", str(port), *UVICORN], env=full,
                            cwd=str(tree or HERE), stdout=subprocess.DEVNULL)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def parse_wrk(out: str) -> dict[str, float]:
    def ms(text: str) -> float:
        found = re.match(r"([\d.]+)(us|ms|s|m)$", text)
        if found is None:
            return float("nan")
        value, unit = found.groups()
        return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "non_2xx": int(bad.group(1)) if bad else 0}


async def _httpx_load(url: str, seconds: float, conns: int) -> dict[str, float]:
    latencies: list[float] = []
    bad = 0
    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    async with httpx.AsyncClient(limits=limits, headers={"Accept-Encoding": ACCEPT}) as client:
        end = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal bad
            while time.perf_counter() < end:
                a = time.perf_counter()
                r = await client.get(url)
                await r.aread()
                latencies.append(time.perf_counter() - a)
                bad += r.status_code >= 400
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(conns)))
        took = time.perf_counter() - t0
    latencies.sort()
    return {"rps": len(latencies) / took, "p50_ms": statistics.median(latencies) * 1e3,
            "p99_ms": latencies[int(len(latencies) * .99)] * 1e3, "non_2xx": bad}


def load(url: str, seconds: float, conns: int) -> dict[str, float]:
    if shutil.which("wrk"):
        subprocess.run(["wrk", "-t1", "-c8", "-d1s", "-H", f"Accept-Encoding: {ACCEPT}", url],
                       capture_output=True, check=True)  # warm up
        out = subprocess.run(["wrk", "-t1", f"-c{conns}", f"-d{seconds:g}s", "--latency",
                              "-H", f"Accept-Encoding: {ACCEPT}", url],
                             capture_output=True, text=True, check=True).stdout
        return parse_wrk(out)
    return asyncio.run(_httpx_load(url, seconds, conns))


def weigh(url: str) -> dict[str, Any]:
    """What one browser-like request gets: encoding, bytes on the wire, bytes decoded."""
    with httpx.Client() as client:
        wire = client.get(url, headers={"Accept-Encoding": ACCEPT})
        raw = client.get(url, headers={"Accept-Encoding": "identity"})
    return {"encoding": wire.headers.get("content-encoding", "identity"),
            "wire_bytes": int(wire.headers.get("content-length", len(wire.content))),
            "html_bytes": len(raw.content), "etag": wire.headers.get("etag"),
            "headers": {k: v for k, v in wire.headers.items()
                        if k.lower() in ("content-type", "content-encoding", "etag", "vary",
                                         "cache-control")}}


def wire_body(url: str) -> tuple[bytes, dict[str, str]]:
    """The exact bytes and headers the page is sent with (no decoding)."""
    with httpx.Client() as client, client.stream(
            "GET", url, headers={"Accept-Encoding": ACCEPT}) as r:
        body = b"".join(r.iter_raw())
        keep = {k: v for k, v in r.headers.items()
                if k.lower() in ("content-type", "content-encoding", "etag", "vary",
                                 "cache-control")}
    return body, keep


def run_tree(name: str, tree: Path | None, db_url: str, path: str, port: int, seconds: float,
             conns: int, matches: int) -> dict[str, Any]:
    base = f"http://127.0.0.1:{port}"
    proc = serve(tree, "tournament.asgi:app", port, {"TOURNAMENT_DATABASE_URL": db_url})
    try:
        wait_up(base, proc)
        weight = weigh(base + path)
        body, headers = wire_body(base + path)
        page = load(base + path, seconds, conns)
        health = load(base + "/healthz", seconds, conns)
    finally:
        stop(proc)
    blob = Path(tempfile.mkdtemp()) / "page.bin"
    blob.write_bytes(body)
    plain = serve(None, "pages_plain:app", port + 1,
                  {"PLAIN_BODY": str(blob), "PLAIN_HEADERS": json.dumps(headers)})
    try:
        wait_up(f"http://127.0.0.1:{port + 1}", plain)
        bare = load(f"http://127.0.0.1:{port + 1}/page", seconds, conns)
    finally:
        stop(plain)
    return {"tree": name, "page": page, "plain": bare, "ratio": page["rps"] / bare["rps"],
            "healthz": health, "weight": weight,
            "bytes_per_match_html": weight["html_bytes"] / matches,
            "bytes_per_match_wire": weight["wire_bytes"] / matches}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", type=Path, help="a checkout of the baseline to run too")
    parser.add_argument("--teams", type=int, default=128)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=18300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from tournament.migrate import upgrade
    path = Path(tempfile.mkdtemp()) / "pages.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url)
    page, matches = asyncio.run(build_db(url, args.teams))
    print(f"generator: {f'wrk -t1 -c{args.connections}' if shutil.which('wrk') else 'httpx'}"
          f", {args.seconds:g} s per target; load average {os.getloadavg()[0]:.2f}",
          file=sys.stderr)
    results = []
    trees: list[tuple[str, Path | None]] = [("this", None)]
    if args.baseline:
        trees.insert(0, ("baseline", args.baseline))
    for i, (name, tree) in enumerate(trees):
        results.append(run_tree(name, tree, url, page, args.port + 2 * i, args.seconds,
                                args.connections, matches))
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for r in results:
        w = r["weight"]
        print(f"{r['tree']:>8}: page {r['page']['rps']:.0f} req/s p50 {r['page']['p50_ms']:.1f}"
              f" ms p99 {r['page']['p99_ms']:.1f} ms | plain {r['plain']['rps']:.0f} req/s p99 "
              f"{r['plain']['p99_ms']:.1f} ms | ratio {r['ratio']:.2f}x | healthz "
              f"{r['healthz']['rps']:.0f} req/s p99 {r['healthz']['p99_ms']:.1f} ms | "
              f"{w['html_bytes'] / 1024:.1f} KiB html, {w['wire_bytes'] / 1024:.1f} KiB on the "
              f"wire ({w['encoding']}), {r['bytes_per_match_html']:.0f} B/match html, "
              f"{r['bytes_per_match_wire']:.0f} B/match wire; {matches} matches")
    print(f"load average after: {os.getloadavg()[0]:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
