"""Engine benchmark: an 8,192-team double elimination created and played out in process,
the cost of one report at 64 vs 8,192 teams (the production state machine over the
in-memory store), and one report through the service layer
(SQLite: write, progression, event) at 8,192 teams.

Run by hand: ``python bench/engine.py [--teams 8192] [--service]``. Results: bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dataclasses import replace

from tournament.formats import registry
from tournament.formats.machine import ResultUpdate, StageInfo, StageMachine
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


async def service_reports(teams: int, samples: int) -> list[float]:
    """Median-able latencies of update_match (one transaction: validate, write, progress,
    emit) on a fresh SQLite file holding an N-team double elimination."""
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

    path = Path(tempfile.mkdtemp()) / "bench.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url)
    ctx = Context(Database(url), Hub(), Settings(database_url=url))
    async with ctx.transaction() as s:
        await tournaments.create_tournament(s, TournamentCreate(slug="bench", name="Bench"))
        await tournaments.create_event(s, "bench", EventCreate(slug="e", name="E"))
        for i in range(teams):
            await tournaments.create_team(s, "bench", "e", TeamCreate(name=f"T{i}"))
    t0 = time.perf_counter()
    async with ctx.transaction() as s:
        view = await stages.create_stage(s, "bench", "e", StageCreate(
            name="DE", format="double_elimination"))
    print(f"  service: created {len(view['matches'])} matches in "
          f"{time.perf_counter() - t0:.2f} s")
    ready = [m["id"] for m in view["matches"] if m["status"] == "ready"][:samples]
    admin = Actor(UserRole.ADMIN)
    latencies = []
    for match_id in ready:
        a = time.perf_counter()
        async with ctx.transaction() as s:
            await matches.update_match(s, match_id, MatchUpdate.model_validate(
                {"score": [1, 0], "status": "completed"}), admin, None)
        latencies.append(time.perf_counter() - a)
    await ctx.db.dispose()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", type=int, default=8192)
    parser.add_argument("--service", action="store_true", help="also time the service layer")
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--asyncio", action="store_true",
                        help="run the service on the stdlib event loop instead of uvloop")
    args = parser.parse_args()
    for n in (64, args.teams):
        plan_s, play_s, per = play_out(n)
        print(f"{n:>6} teams: plan {plan_s:.3f} s, {len(per)} reports {play_s:.3f} s, "
              f"total {plan_s + play_s:.3f} s; per report median "
              f"{statistics.median(per) * 1e6:.1f} µs, p99 "
              f"{sorted(per)[int(len(per) * .99)] * 1e6:.1f} µs")
    if args.service:
        # The server runs on uvloop (uvicorn picks it when installed, as uvicorn[standard]
        # does); time the service on the same loop. --asyncio times the stdlib loop.
        runner = asyncio.run if args.asyncio else uvloop.run
        for n in (64, args.teams):
            lat = runner(service_reports(n, min(args.samples, n // 2)))
            print(f"{n:>6} teams through the service (SQLite): median "
                  f"{statistics.median(lat) * 1e3:.2f} ms, p99 "
                  f"{sorted(lat)[int(len(lat) * .99)] * 1e3:.2f} ms over {len(lat)} reports")


if __name__ == "__main__":
    main()
