"""How one server grows with ``--workers`` on PostgreSQL: cached page requests per second
(the 128-team double elimination event page, wrk or httpx as in ``bench/pages.py``) and
match updates per second (PATCHes of a match's stream link by an admin token, 16 at a
time, each on its own match of the one tournament: a write, its audit entry and its event,
as a report has), for 1 and 2 uvicorn workers on the same fresh database, same run.

Run by hand: ``python bench/workers.py --postgres postgresql+asyncpg://postgres@127.0.0.1/postgres``.
Results: docs/scaling.md and bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import pages  # noqa: E402
from engine import drop_postgres, fresh_postgres  # noqa: E402

ADMIN = "bench-workers-token"


async def reports(base: str, match_ids: list[int], seconds: float,
                  concurrency: int = 16) -> dict[str, float]:
    latencies: list[float] = []
    failures = 0
    codes: dict[int, str] = {}
    headers = {"Authorization": f"Bearer {ADMIN}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        end = time.perf_counter() + seconds

        async def one(match_id: int) -> None:
            nonlocal failures
            i = 0
            while time.perf_counter() < end:
                i += 1
                a = time.perf_counter()
                r = await client.patch(f"/api/matches/{match_id}",
                                       json={"stream_url": f"https://tv.example/{i}"})
                latencies.append(time.perf_counter() - a)
                if r.status_code != 200:
                    failures += 1
                    codes[r.status_code] = r.text[:120]
        t0 = time.perf_counter()
        await asyncio.gather(*(one(m) for m in match_ids[:concurrency]))
        took = time.perf_counter() - t0
    latencies.sort()
    return {"per_s": len(latencies) / took, "median_ms": statistics.median(latencies) * 1e3,
            "p99_ms": latencies[int(len(latencies) * .99)] * 1e3, "failures": failures,
            "codes": codes}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", required=True, help="a server URL; a database is "
                        "created and dropped")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--port", type=int, default=18320)
    args = parser.parse_args()
    from tournament.migrate import upgrade
    url = asyncio.run(fresh_postgres(args.postgres))
    results: list[dict[str, Any]] = []
    try:
        upgrade(url)
        path, _ = asyncio.run(pages.build_db(url, 128))
        ready = asyncio.run(_ready(url))
        for w in [int(x) for x in args.workers.split(",")]:
            base = f"http://127.0.0.1:{args.port}"
            proc = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "tournament.asgi:app", "--host", "127.0.0.1",
                 "--port", str(args.port), "--workers", str(w), *pages.UVICORN],
                env={**os.environ, "TOURNAMENT_DATABASE_URL": url,
                     "TOURNAMENT_ADMIN_TOKEN": ADMIN}, cwd=str(HERE.parent))
            try:
                pages.wait_up(base, proc)
                time.sleep(1.0 * w)  # every worker up
                for _ in range(4 * w):
                    httpx.get(base + path, headers={"Accept-Encoding": pages.ACCEPT})
                page = pages.load(base + path, args.seconds, 64)
                wrote = asyncio.run(reports(base, ready, args.seconds))
            finally:
                pages.stop(proc)
            results.append({"workers": w, "page": page, "reports": wrote})
            print(f"workers {w}: page {page['rps']:.0f} req/s p99 {page['p99_ms']:.1f} ms | "
                  f"reports {wrote['per_s']:.0f}/s median {wrote['median_ms']:.1f} ms p99 "
                  f"{wrote['p99_ms']:.1f} ms failures {wrote['failures']} {wrote['codes']} | "
                  f"page non-2xx {page['non_2xx']} | load "
                  f"{os.getloadavg()[0]:.2f}", flush=True)
    finally:
        asyncio.run(drop_postgres(args.postgres, url))


async def _ready(url: str) -> list[int]:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        rows = (await conn.execute(text(
            "SELECT id FROM match WHERE status = 'ready' ORDER BY id"))).all()
    await engine.dispose()
    return [r[0] for r in rows]


if __name__ == "__main__":
    main()
