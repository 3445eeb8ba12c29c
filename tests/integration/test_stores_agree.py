"""One state machine, two stores: random scripts of reports, live scores, corrections,
reopenings, forfeits and withdrawals, for every format, played through the service (the
SQL store, over the API, on SQLite and PostgreSQL) and through the in-memory store
(tests/sim.py). After every step both hold the same matches and the same standings, and
both refuse the same steps."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.helpers import AUTH, make_event, make_stage, stage
from tests.sim import Sim
from tournament.formats.types import FormatError

pytestmark = pytest.mark.asyncio(loop_scope="session")

FIELDS = ("number", "round", "group", "bracket", "teams", "score", "games", "status",
          "winner", "draw", "forfeited_by", "version")
SCRIPTS = [
    ("single_elimination", 6, {"third_place_match": True, "best_of": 3}),
    ("double_elimination", 7, {"grand_final": "reset"}),
    ("round_robin", 6, {"groups": 2, "allow_draws": True, "advance": 1}),
    ("swiss", 8, {"pairing": "valve", "decider_best_of": 3}),
    ("swiss", 7, {"pairing": "standard", "rounds": 4, "wins_to_advance": None,
                  "losses_to_eliminate": None}),
]


def memory_matches(sim: Sim) -> dict[int, dict[str, Any]]:
    return {m.number: {"number": m.number, "round": m.round, "group": m.group,
                       "bracket": m.bracket, "teams": [m.team1_id, m.team2_id],
                       "score": [m.score1, m.score2], "games": m.games or [],
                       "status": m.status, "winner": m.winner, "draw": m.draw,
                       "forfeited_by": m.forfeit, "version": m.version}
            for m in sim.matches.values() if m.active}


def stored_matches(view: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {m["number"]: {k: m[k] for k in FIELDS} for m in view["matches"]}


def plain_rows(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["team_id"], r["rank"], r["wins"], r["losses"], r["draws"], r["points"],
             r["buchholz"], r["status"], r["tied"], r.get("group")) for r in rows]


def pick_step(rng: random.Random, sim: Sim, withdrawn: set[int],
              teams: list[int]) -> tuple[str, Any]:
    matches = [m for m in sim.matches.values() if m.active]
    open_ = [m for m in matches if m.status in ("ready", "live")]
    played = [m for m in matches if m.status == "completed" and None not in m.teams]
    roll = rng.random()
    if open_ and roll < 0.6:
        m = rng.choice(open_)
        need = m.best_of // 2 + 1
        if m.best_of > 1 and rng.random() < 0.3:
            return "score", (m.number, [rng.randint(0, need - 1), rng.randint(0, need - 1)],
                             "live")
        if sim.info.format.allows_draws(sim.info.settings) and rng.random() < 0.25:
            return "score", (m.number, [0, 0], "completed")
        loser = rng.randint(0, need - 1)
        return "score", (m.number, [need, loser] if rng.random() < 0.5 else [loser, need],
                         "completed")
    if played and roll < 0.75:
        m = rng.choice(played)
        need = m.best_of // 2 + 1
        return "score", (m.number, [0, need] if m.winner == 1 else [need, 0], "completed")
    if played and roll < 0.8:
        return "reopen", rng.choice(played).number
    if open_ and roll < 0.92:
        return "forfeit", (rng.choice(open_).number, rng.choice((1, 2)))
    left = [t for t in teams if t not in withdrawn]
    if not withdrawn and len(left) > 3:
        return "withdraw", rng.choice(left)
    if open_:
        m = rng.choice(open_)
        return "score", (m.number, [m.best_of // 2 + 1, 0], "completed")
    return "none", None


@pytest.mark.parametrize(("fmt", "size", "settings"), SCRIPTS,
                         ids=[f"{f}-{n}" for f, n, _ in SCRIPTS])
@pytest.mark.parametrize("seed", [1, 2])
async def test_the_sql_store_and_the_memory_store_agree(client, fmt, size, settings, seed):
    rng = random.Random(f"{fmt}-{size}-{seed}")
    event = await make_event(client, size, nations=("KR", "JP", "CN"))
    teams = event["teams"]
    created = await make_stage(client, event, name="Agree", format=fmt, settings=settings,
                               seeding=teams)
    sim = Sim(fmt, teams, settings)
    ids = {m["number"]: m["id"] for m in created["matches"]}
    withdrawn: set[int] = set()
    for step in range(40):
        view = await stage(client, created["id"])
        ids.update({m["number"]: m["id"] for m in view["matches"]})
        assert stored_matches(view) == memory_matches(sim), (fmt, seed, step)
        assert plain_rows(view["standings"]) == plain_rows(
            [r.as_dict() for r in sim.standings()]), (fmt, seed, step)
        assert view["status"] == sim.status
        kind, args = pick_step(rng, sim, withdrawn, teams)
        if kind == "none":
            break
        memory_error: str | None = None
        try:
            if kind == "score":
                number, score, status = args
                sim.update(number, score=score, status=status)
            elif kind == "reopen":
                sim.update(args, status="ready")
            elif kind == "forfeit":
                sim.update(args[0], forfeit=args[1])
            else:
                sim.withdraw(args)
                withdrawn.add(args)
        except FormatError as exc:
            memory_error = exc.code
        if kind == "withdraw":
            r = await client.post(f"/api/teams/{args}/withdraw", json={}, headers=AUTH)
        else:
            number = args if kind == "reopen" else args[0]
            body = ({"score": args[1], "status": args[2]} if kind == "score" else
                    {"status": "ready"} if kind == "reopen" else {"forfeit": args[1]})
            r = await client.patch(f"/api/matches/{ids[number]}", json=body, headers=AUTH)
        stored_error = r.json()["error"]["code"] if r.status_code >= 400 else None
        assert stored_error == memory_error, (fmt, seed, step, kind, args, r.text)
