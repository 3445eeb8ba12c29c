"""Engine benchmark: an 8,192-team double elimination created and played out in process,
the cost of one report at 64 vs 8,192 teams (the production state machine over the
in-memory store), and one report through the service layer
(SQLite: write, progression, event) at 8,192 teams.

Run by hand: ``python bench/engine.py [--teams 8192] [--service]``. Results: bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import uvloop

if not os.environ.get("BENCH_TREE"):  # --baseline runs this file over another checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dataclasses import replace

from tournament.formats import registry
from tournament.formats.machine import StageMachine
from tournament.formats.machine_types import ResultUpdate, StageInfo
from tournament.formats.store import MemoryStore, run
from tournament.formats.types import StageStatus

RESULT = frozenset({"score", "status"})


def play_out(teams: int, seed: int = 1) -> tuple[float, float, list[float]]:
    """(seconds to plan and create, seconds to play every match, per-report seconds),
    through the production state machine over the in-memory store."""
    rng = random.Random(seed)
    fmt = registry.get("double_elimination")
    info = StageInfo(id=1, tournament_id=1, format=fmt,
                     settings=fmt.parse_settings({"grand_final": "reset"}),
                     seeding=list(range(1, teams + 1)), status=StageStatus.PENDING)
    store = MemoryStore()
    t0 = time.perf_counter()
    first = StageMachine(info, store)
    run(first.start())
    status = first.status
    t1 = time.perf_counter()
    per_report: list[float] = []
    queue = [m.number for m in store.ready()]
    while queue:
        number = queue.pop(0)
        m = store.matches[number]
        if m.status != "ready":
            continue
        a = time.perf_counter()
        machine = StageMachine(replace(info, status=status), store)
        score = [1, 0] if rng.random() < 0.5 else [0, 1]
        run(machine.report(number, ResultUpdate(score=score, status="completed",
                                                given=RESULT)))
        run(machine.advance())
        status = machine.status
        per_report.append(time.perf_counter() - a)
        for target in (m.winner_to, m.loser_to):
            if target is not None and store.matches[target].status == "ready" \
                    and store.matches[target].active:
                queue.append(target)
        if m.bracket == "grand_final":
            queue += [x.number for x in store.ready() if x.number not in queue]
    t2 = time.perf_counter()
    assert status == StageStatus.COMPLETED
    return t1 - t0, t2 - t1, per_report


BARE_EVENT = '{"id": 1, "stage_id": 1, "round": 1, "bracket": "winners", "number": 1, ' \
    '"teams": [1, 2], "score": [1, 0], "games": [], "best_of": 1, "status": "completed"}'


def bare_sqlite(path: Path, samples: int) -> list[float]:
    """A bare ``sqlite3`` transaction writing the rows a report writes, on the same file
    (synchronous=FULL, WAL), the way a hand-written report would: lock, read the match
    with its stage, its tournament and the two matches it feeds (one query), write every
    column of those three matches (the reported one completed, the values read for the
    others, as the service writes them), take three seqs, insert three ``match.updated``
    events whose data is the match's row as JSON (the size of the service's view), commit.
    Each sample reports a different ready match, as the service run does."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    names = [r[1] for r in conn.execute("PRAGMA table_info(match)")]
    saved = [n for n in names if n != "id"]
    width = len(names)
    read = ("SELECT m.*, w.*, l.*, stage.*, tournament.* FROM match m "
            "JOIN stage ON stage.id = m.stage_id JOIN tournament ON tournament.id = "
            "m.tournament_id LEFT JOIN match w ON w.stage_id = m.stage_id AND w.number = "
            "m.winner_to LEFT JOIN match l ON l.stage_id = m.stage_id AND l.number = "
            "m.loser_to WHERE m.id = ?")
    columns = ", ".join(f'"{n}" = ?' for n in saved)  # quoted: "group" is a keyword
    write = f"UPDATE match SET {columns} WHERE id = ?"
    ready = [r[0] for r in conn.execute(
        "SELECT id FROM match WHERE status = 'ready' AND winner_to IS NOT NULL "
        "AND loser_to IS NOT NULL ORDER BY id DESC LIMIT ?", (samples,))]
    out = []
    for match_id in ready:
        a = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute(read, (match_id,)).fetchone()
        rows = [dict(zip(names, row[k * width:(k + 1) * width], strict=True))
                for k in range(3)]
        rows[0] |= {"status": "completed", "score1": 1, "winner": 1, "version":
                    rows[0]["version"] + 1, "updated_at": "2026-11-28 10:00:00.000000"}
        conn.executemany(write, [[r[n] for n in saved] + [r["id"]] for r in rows])
        seq = conn.execute("UPDATE tournament SET last_seq = last_seq + 3 WHERE id = ? "
                           "RETURNING last_seq", (rows[0]["tournament_id"],)).fetchone()[0]
        conn.executemany("INSERT INTO event_log (tournament_id, seq, type, data, created_at) "
                         "VALUES (?, ?, 'match.updated', ?, '2026-11-28 10:00:00.000000')",
                         [(r["tournament_id"], seq - 2 + k, json.dumps(r))
                          for k, r in enumerate(rows)])
        conn.execute("COMMIT")
        out.append(time.perf_counter() - a)
    conn.close()
    return out


def bare_sqlite_minimal(path: Path, samples: int) -> list[float]:
    """The bare transaction of the earlier runs (kept for comparison with them): the same
    statements, but only ``version`` and ``updated_at`` written and 150-byte events."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    ids = [r[0] for r in conn.execute("SELECT id FROM match ORDER BY id DESC LIMIT 3")]
    out = []
    for _ in range(samples):
        a = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("SELECT * FROM match JOIN stage ON stage.id = match.stage_id "
                     "JOIN tournament ON tournament.id = match.tournament_id "
                     "WHERE match.id = ?", (ids[0],)).fetchall()
        conn.executemany("UPDATE match SET version = version + 1, updated_at = ? "
                         "WHERE id = ?", [("2026-11-28 10:00:00.000000", i) for i in ids])
        seq = conn.execute("UPDATE tournament SET last_seq = last_seq + 3 WHERE id = 1 "
                           "RETURNING last_seq").fetchone()[0]
        conn.executemany("INSERT INTO event_log (tournament_id, seq, type, data, created_at) "
                         "VALUES (1, ?, 'match.updated', ?, '2026-11-28 10:00:00.000000')",
                         [(seq - k, BARE_EVENT) for k in range(3)])
        conn.execute("COMMIT")
        out.append(time.perf_counter() - a)
    conn.close()
    return out


async def service_run(url: str, teams: int, samples: int,
                      paths: list[str]) -> dict[str, Any]:
    """On a fresh database: create an N-team double elimination through the service
    (seconds), then report results through ``update_match``, alternating the ways a write
    transaction can be run (``transaction``: ``async with ctx.transaction()``, the
    aiosqlite path; ``writer``: ``ctx.write`` on SQLite's writer thread)."""
    from tournament.config import Settings
    from tournament.db import Database
    from tournament.live.hub import Hub
    from tournament.migrate import upgrade
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

    upgrade(url)
    ctx = Context(Database(url), Hub(), Settings(database_url=url))
    writer = None
    if "writer" in paths:
        from tournament.writer import Writer
        writer = ctx.writer = Writer(url)
    async with ctx.transaction() as s:
        await tournaments.create_tournament(s, TournamentCreate(slug="bench", name="Bench"))
        await tournaments.create_event(s, "bench", EventCreate(slug="e", name="E"))
        for i in range(teams):
            await tournaments.create_team(s, "bench", "e", TeamCreate(name=f"T{i}"))
    if not os.environ.get("BENCH_DEFAULT_GC"):
        # the server's garbage collector settings (app.calm_collector, run at its start):
        # with CPython's defaults, full passes took 0.4 s of an 8,192-team stage creation
        from tournament.app import calm_collector
        calm_collector()
    t0 = time.perf_counter()
    async with ctx.transaction() as s:
        view = await stages.create_stage(s, "bench", "e", StageCreate(
            name="DE", format="double_elimination"))
    created = time.perf_counter() - t0
    ready = [m["id"] for m in view["matches"] if m["status"] == "ready"]
    admin = Actor(UserRole.ADMIN)
    body = MatchUpdate.model_validate({"score": [1, 0], "status": "completed"})
    latencies: dict[str, list[float]] = {p: [] for p in paths}
    # the ways take turns in blocks of 25 reports: comparable under the same load, and a
    # connection's page cache is not thrown away after every report by the other's write
    for i, match_id in enumerate(ready[:samples * len(paths)]):
        way = paths[(i // 25) % len(paths)]
        a = time.perf_counter()
        if way == "writer":
            await ctx.write(lambda s, m=match_id: matches.update_match(s, m, body, admin,
                                                                      None))
        else:
            async with ctx.transaction() as s:
                await matches.update_match(s, match_id, body, admin, None)
        latencies[way].append(time.perf_counter() - a)
    if writer is not None:
        await writer.close()
    await ctx.db.dispose()
    return {"create_s": round(created, 3), "matches": len(view["matches"]),
            "report_ms": {w: summary(v) for w, v in latencies.items()}}


def summary(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {"median": round(statistics.median(ordered) * 1e3, 3),
            "p99": round(ordered[min(len(ordered) - 1, int(len(ordered) * .99))] * 1e3, 3),
            "n": len(ordered)}


async def fresh_postgres(server: str) -> str:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.ext.asyncio import create_async_engine
    name = f"bench_engine_{uuid.uuid4().hex[:8]}"
    engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await engine.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


async def drop_postgres(server: str, url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.ext.asyncio import create_async_engine
    engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(text(
            f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    await engine.dispose()


def service(sizes: list[int], samples: int, postgres: str | None, runner: Any) -> dict[str, Any]:
    """Every service figure of this tree, as JSON-ready data."""
    from tournament.services.context import Context
    paths = ["transaction", "writer"] if hasattr(Context, "write") else ["transaction"]
    out: dict[str, Any] = {"paths": paths, "sqlite": {}, "postgresql": {}}
    for n in sizes:
        path = Path(tempfile.mkdtemp()) / "bench.db"
        found = runner(service_run(f"sqlite+aiosqlite:///{path}", n,
                                   min(samples, n // (2 * len(paths))), paths))
        found["bare_sqlite3_ms"] = summary(bare_sqlite(path, samples))
        found["bare_minimal_sqlite3_ms"] = summary(bare_sqlite_minimal(path, samples))
        out["sqlite"][n] = found
        if postgres:
            url = runner(fresh_postgres(postgres))
            try:
                out["postgresql"][n] = runner(service_run(
                    url, n, min(samples, n // 2), ["transaction"]))
            finally:
                runner(drop_postgres(postgres, url))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", type=int, default=8192)
    parser.add_argument("--service", action="store_true", help="also time the service layer")
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the service figures as JSON")
    parser.add_argument("--postgres", help="also on PostgreSQL: a server URL (a database is "
                        "created and dropped), e.g. postgresql+asyncpg://postgres@127.0.0.1/postgres")
    parser.add_argument("--baseline", type=Path,
                        help="a checkout of the baseline: its service figures, same run")
    parser.add_argument("--tree-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--asyncio", action="store_true",
                        help="run the service on the stdlib event loop instead of uvloop")
    parser.add_argument("--default-gc", action="store_true",
                        help="keep CPython's collector thresholds instead of the server's")
    args = parser.parse_args()
    # The server runs on uvloop (uvicorn picks it when installed, as uvicorn[standard]
    # does); time the service on the same loop. --asyncio times the stdlib loop.
    runner = asyncio.run if args.asyncio else uvloop.run
    if args.default_gc:
        os.environ["BENCH_DEFAULT_GC"] = "1"  # the baseline's subprocess inherits it
    sizes = [64, args.teams]
    if args.tree_only:  # the baseline's figures, for the parent process
        print(json.dumps(service(sizes, args.samples, args.postgres, runner)))
        return
    if not args.json:
        for n in sizes:
            plan_s, play_s, per = play_out(n)
            print(f"{n:>6} teams: plan {plan_s:.3f} s, {len(per)} reports {play_s:.3f} s, "
                  f"total {plan_s + play_s:.3f} s; per report median "
                  f"{statistics.median(per) * 1e6:.1f} µs, p99 "
                  f"{sorted(per)[int(len(per) * .99)] * 1e6:.1f} µs")
    if not (args.service or args.json):
        return
    result: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "nproc": os.cpu_count(),
                              "load_before": round(os.getloadavg()[0], 2),
                              "gc": "default" if args.default_gc else "server"}
    if args.baseline:
        cmd = [sys.executable, __file__, "--tree-only", "--teams", str(args.teams),
               "--samples", str(args.samples)]
        if args.postgres:
            cmd += ["--postgres", args.postgres]
        if args.asyncio:
            cmd.append("--asyncio")
        done = subprocess.run(cmd, env={**os.environ, "PYTHONPATH": str(args.baseline),
                                   "BENCH_TREE": str(args.baseline)},
                              capture_output=True, text=True, check=True)
        result["baseline"] = json.loads(done.stdout.strip().splitlines()[-1])
    result["this"] = service(sizes, args.samples, args.postgres, runner)
    result["load_after"] = round(os.getloadavg()[0], 2)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for tree in ("baseline", "this"):
        if tree not in result:
            continue
        for db in ("sqlite", "postgresql"):
            for n, f in result[tree][db].items():
                reports = ", ".join(f"{w} median {v['median']:.2f} ms p99 {v['p99']:.2f} ms"
                                    for w, v in f["report_ms"].items())
                bare = f.get("bare_sqlite3_ms")
                print(f"{tree:>8} {db:>10} {n:>6} teams: create {f['create_s']:.2f} s "
                      f"({f['matches']} matches); {reports}"
                      + (f"; bare sqlite3 median {bare['median']:.2f} ms" if bare else ""))


if __name__ == "__main__":
    main()
