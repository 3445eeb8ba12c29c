"""A Hypothesis state machine over the real app: random reports, live scores, corrections,
reopenings, forfeits and withdrawals on one stage at a time (single and double elimination
with a reset, round robin with draws and a cut, Swiss of both pairings). After every step the
stored matches, standings and stage status must equal a replay from scratch of the results
the service holds now (``replay``): a fresh stage in memory that is only ever given final
results in order of play, never a correction. A correction path that leaves anything behind
(a bracket reset still switched on, a later Swiss round not paired again, a standing not
recomputed) shows up as a difference.

The app runs on an event loop of its own (``AppRunner``), so the state machine's rules are
plain functions; ``tests/integration/test_stateful.py`` runs a bounded number of examples,
``tests/slow/test_stateful_long.py`` many more.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tests.helpers import ADMIN, AUTH, unique
from tests.sim import Sim
from tournament.app import create_app
from tournament.config import Settings

T = TypeVar("T")

# (format, team counts, settings): small fields, so a few dozen steps reach the finals.
CASES: list[tuple[str, tuple[int, ...], dict[str, Any]]] = [
    ("single_elimination", (3, 5, 6), {"third_place_match": True, "best_of": 3}),
    ("double_elimination", (3, 4, 5), {"grand_final": "reset"}),
    ("double_elimination", (4,), {"grand_final": "reset"}),
    ("double_elimination", (4,), {"grand_final": "single", "best_of": 3}),
    ("double_elimination", (6, 8), {"groups": 2, "grand_final": "none"}),  # GSL groups
    ("round_robin", (4, 5), {"allow_draws": True, "advance": 2}),
    ("round_robin", (6,), {"groups": 2, "advance": 1}),
    ("swiss", (6, 8), {"pairing": "standard", "rounds": 3, "wins_to_advance": None,
                       "losses_to_eliminate": None}),
    ("swiss", (8,), {"pairing": "valve", "wins_to_advance": 2, "losses_to_eliminate": 2}),
]
MATCH_FIELDS = ("number", "round", "group", "bracket", "teams", "score", "status", "winner",
                "draw", "forfeited_by")


class AppRunner:
    """The real app (``create_app``) on a private event loop, called synchronously."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.loop = asyncio.new_event_loop()
        self.app = create_app(Settings(database_url=db_url, admin_token=ADMIN))
        self._lifespan = self.app.router.lifespan_context(self.app)
        self.run(self._lifespan.__aenter__())
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app),
                                        base_url="http://testserver")

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coroutine)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.run(self.client.request(method, url, headers=AUTH, **kwargs))

    def close(self) -> None:
        self.run(self.client.aclose())
        self.run(self._lifespan.__aexit__(None, None, None))
        self.loop.close()


def stored_matches(view: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {m["number"]: {k: m[k] for k in MATCH_FIELDS} for m in view["matches"]}


def memory_matches(sim: Sim) -> dict[int, dict[str, Any]]:
    return {m.number: {"number": m.number, "round": m.round, "group": m.group,
                       "bracket": m.bracket, "teams": [m.team1_id, m.team2_id],
                       "score": [m.score1, m.score2], "status": str(m.status),
                       "winner": m.winner, "draw": m.draw, "forfeited_by": m.forfeit}
            for m in sim.matches.values() if m.active}


def standing_rows(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["team_id"], r["rank"], r["wins"], r["losses"], r["draws"], r["points"],
             r["buchholz"], r["status"], r["tied"], r.get("group")) for r in rows]


def replay(fmt: str, seeding: list[int], settings: dict[str, Any],
           stored: dict[int, dict[str, Any]], withdrawn: list[int]) -> Sim:
    """A fresh stage given the stored results in order of play (round, number), and each
    withdrawal once every stored match of the team is in the stage and all that is left of
    them are forfeits by it that are due now (or nothing is left). A forfeit before that
    (one the team gave before it withdrew) is given as a forfeit."""
    sim = Sim(fmt, seeding, settings)
    waiting = list(withdrawn)

    def same(number: int) -> bool:
        m = sim.matches.get(number)
        s = stored[number]
        return m is not None and m.active and [m.team1_id, m.team2_id] == s["teams"] and \
            str(m.status) == s["status"] and [m.score1, m.score2] == s["score"] and \
            m.forfeit == s["forfeited_by"]

    def its_own(team: int, s: dict[str, Any]) -> bool:
        return s["forfeited_by"] is None or s["teams"][s["forfeited_by"] - 1] != team

    for _ in range(10 * len(stored) + 10):
        progressed = False
        for team in list(waiting):
            mine = [n for n, s in stored.items() if team in s["teams"]
                    and s["status"] in ("completed", "live")]
            present = all(n in sim.matches and team in sim.matches[n].teams for n in mine)
            left = [n for n in mine if not same(n)]
            if present and all(not its_own(team, stored[n])
                               and str(sim.matches[n].status) == "ready" for n in left):
                sim.withdraw(team)  # what is left of it is forfeited by the withdrawal
                waiting.remove(team)
                progressed = True
        # Within a round, the matches of teams still to withdraw first: their withdrawal
        # then comes before the round ends (and the next Swiss round is paired).
        for m in sorted((m for m in sim.matches.values()
                         if m.active and str(m.status) in ("ready", "live")),
                        key=lambda m: (m.round, not set(m.teams) & set(waiting), m.number)):
            s = stored.get(m.number)
            if s is None or same(m.number) or s["teams"] != [m.team1_id, m.team2_id] or \
                    s["status"] not in ("completed", "live"):
                continue
            if s["forfeited_by"] is not None:
                sim.update(m.number, forfeit=s["forfeited_by"])
            else:
                sim.update(m.number, score=s["score"], status=s["status"])
            progressed = True
            break
        if not progressed:
            break
    for team in waiting:
        sim.withdraw(team)
    return sim


class StageRun(RuleBasedStateMachine):
    """One stage of a random case, driven through the API; ``runner`` is set by the test."""

    runner: AppRunner

    def __init__(self) -> None:
        super().__init__()
        self.stage_id = 0
        self.view: dict[str, Any] = {}
        self.withdrawn: list[int] = []
        # teams that withdrew while the stage was completed, as long as it has stayed so:
        # they keep their places (``withdrawal.counted_out``)
        self.kept: set[int] = set()
        self.steps: list[str] = []

    # -- helpers -----------------------------------------------------------------------------
    def refresh(self) -> None:
        r = self.runner.request("GET", f"/api/stages/{self.stage_id}")
        assert r.status_code == 200, r.text
        self.view = r.json()
        if self.view["status"] != "completed":
            self.kept.clear()  # reopened: it completes again after their withdrawals

    def open_matches(self) -> list[dict[str, Any]]:
        return [m for m in self.view["matches"] if m["status"] in ("ready", "live")
                and not set(m["teams"]) & set(self.withdrawn)]

    def played(self) -> list[dict[str, Any]]:
        return [m for m in self.view["matches"] if m["status"] == "completed"
                and None not in m["teams"] and not set(m["teams"]) & set(self.withdrawn)]

    def patch(self, match: dict[str, Any], body: dict[str, Any]) -> None:
        self.steps.append(f"M{match['number']} {match['teams']} {body}")
        r = self.runner.request("PATCH", f"/api/matches/{match['id']}", json=body)
        assert r.status_code == 200, (body, r.text)
        self.refresh()

    def final(self, match: dict[str, Any], side: int, loser_games: int) -> dict[str, Any]:
        need = match["best_of"] // 2 + 1
        loser = min(loser_games, need - 1)
        return {"score": [need, loser] if side == 1 else [loser, need], "status": "completed"}

    # -- rules -------------------------------------------------------------------------------
    @initialize(case=st.sampled_from(CASES), data=st.data())
    def create(self, case: tuple[str, tuple[int, ...], dict[str, Any]], data: Any) -> None:
        fmt, sizes, settings = case
        size = data.draw(st.sampled_from(sizes), label="teams")
        slug = unique()
        r = self.runner.request("POST", "/api/tournaments", json={"slug": slug, "name": "Cup"})
        assert r.status_code == 201, r.text
        r = self.runner.request("POST", f"/api/tournaments/{slug}/events", json={
            "slug": "ev", "name": "Event", "game": "Game"})
        assert r.status_code == 201, r.text
        teams = []
        for i in range(size):
            r = self.runner.request("POST", f"/api/tournaments/{slug}/events/ev/teams",
                                    json={"name": f"Team {i + 1}", "seed": i + 1})
            assert r.status_code == 201, r.text
            teams.append(r.json()["id"])
        r = self.runner.request("POST", f"/api/tournaments/{slug}/events/ev/stages", json={
            "name": "Stage", "format": fmt, "settings": settings, "seeding": teams})
        assert r.status_code == 201, r.text
        self.case = (fmt, teams, settings)
        self.stage_id = r.json()["id"]
        self.refresh()

    @precondition(lambda self: bool(self.stage_id))
    @rule(data=st.data())
    def report(self, data: Any) -> None:
        choices = self.open_matches()
        if not choices:
            return
        m = data.draw(st.sampled_from(choices), label="match")
        if self.view["settings"].get("allow_draws") and data.draw(st.booleans(), label="draw"):
            self.patch(m, {"score": [1, 1] if m["best_of"] > 1 else [0, 0],
                           "status": "completed"})
            return
        self.patch(m, self.final(m, data.draw(st.sampled_from((1, 2)), label="side"),
                                 data.draw(st.integers(0, 2), label="loser games")))

    @precondition(lambda self: bool(self.stage_id))
    @rule(sides=st.lists(st.sampled_from((1, 2)), min_size=8, max_size=8))
    def play_every_open_match(self, sides: list[int]) -> None:
        for m, side in zip(self.open_matches(), sides, strict=False):
            self.patch(m, self.final(m, side, 0))

    @precondition(lambda self: bool(self.stage_id))
    @rule(sides=st.lists(st.sampled_from((1, 2)), min_size=8, max_size=8))
    def play_on(self, sides: list[int]) -> None:
        """The same as ``play_every_open_match``: a second rule, so runs get further."""
        self.play_every_open_match(sides)

    @precondition(lambda self: bool(self.stage_id))
    @rule(data=st.data())
    def live_score(self, data: Any) -> None:
        choices = [m for m in self.open_matches() if m["best_of"] > 1]
        if not choices:
            return
        m = data.draw(st.sampled_from(choices), label="match")
        need = m["best_of"] // 2 + 1
        self.patch(m, {"score": [data.draw(st.integers(0, need - 1)),
                                 data.draw(st.integers(0, need - 1))], "status": "live"})

    @precondition(lambda self: bool(self.stage_id))
    @rule(data=st.data())
    def correct(self, data: Any) -> None:
        """The other side won after all (a correction that resets what depended on it)."""
        choices = [m for m in self.played() if m["winner"] in (1, 2)]
        if not choices:
            return
        m = data.draw(st.sampled_from(choices), label="match")
        self.patch(m, self.final(m, 3 - m["winner"], 0))

    @precondition(lambda self: bool(self.stage_id))
    @rule()
    def correct_the_latest(self) -> None:
        """The last result played turns out the other way (a grand final's, a final round's)."""
        choices = [m for m in self.played() if m["winner"] in (1, 2)]
        if choices:
            m = max(choices, key=lambda m: (m["round"], m["number"]))
            self.patch(m, self.final(m, 3 - m["winner"], 0))

    @precondition(lambda self: bool(self.stage_id))
    @rule(data=st.data())
    def reopen(self, data: Any) -> None:
        choices = self.played()
        if not choices:
            return
        self.patch(data.draw(st.sampled_from(choices), label="match"), {"status": "ready"})

    @precondition(lambda self: bool(self.stage_id) and bool(self.withdrawn))
    @rule(data=st.data())
    def reopen_a_withdrawn_teams_match(self, data: Any) -> None:
        """Refused to an admin too (409 withdrawn_team_cannot_play), nothing changed: a
        withdrawn team plays no more."""
        # a bye has no result to reopen (409 match_is_bye, asked first)
        choices = [m for m in self.view["matches"] if m["status"] == "completed"
                   and None not in m["teams"] and set(m["teams"]) & set(self.withdrawn)]
        if not choices:
            return
        m = data.draw(st.sampled_from(choices), label="match")
        before = self.view
        r = self.runner.request("PATCH", f"/api/matches/{m['id']}", json={"status": "ready"})
        assert r.status_code == 409, r.text
        assert r.json()["error"]["code"] == "withdrawn_team_cannot_play", r.text
        self.refresh()
        assert self.view == before

    @precondition(lambda self: bool(self.stage_id))
    @rule(data=st.data())
    def forfeit(self, data: Any) -> None:
        choices = self.open_matches()
        if not choices:
            return
        m = data.draw(st.sampled_from(choices), label="match")
        self.patch(m, {"forfeit": data.draw(st.sampled_from((1, 2)), label="side")})

    @precondition(lambda self: bool(self.stage_id) and len(self.withdrawn) < 2)
    @rule(data=st.data())
    def withdraw(self, data: Any) -> None:
        teams = [t for t in self.case[1] if t not in self.withdrawn]
        team = data.draw(st.sampled_from(teams), label="team")
        self.steps.append(f"withdraw {team}")
        finished = self.view["status"] == "completed"
        r = self.runner.request("POST", f"/api/teams/{team}/withdraw", json={})
        assert r.status_code == 200, r.text
        self.withdrawn.append(team)
        if finished:
            self.kept.add(team)
        self.refresh()

    # -- the check ---------------------------------------------------------------------------
    @invariant()
    def no_withdrawn_team_to_play(self) -> None:
        if self.stage_id:
            assert not [m["number"] for m in self.view["matches"]
                        if m["status"] in ("ready", "live")
                        and set(m["teams"]) & set(self.withdrawn)], self.steps

    @invariant()
    def stored_equals_replay(self) -> None:
        if not self.stage_id:
            return
        fmt, teams, settings = self.case
        stored = stored_matches(self.view)
        sim = replay(fmt, teams, settings, stored, self.withdrawn)
        where = (fmt, len(teams), settings, self.steps)
        assert stored == memory_matches(sim), where
        counted = frozenset(self.withdrawn) - self.kept
        assert standing_rows(self.view["standings"]) == standing_rows(
            [r.as_dict() for r in sim.standings(counted)]), where
        assert self.view["status"] == str(sim.status), where
