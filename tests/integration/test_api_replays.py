"""Published events replayed through the API on SQLite and PostgreSQL: a Valve Major Swiss
stage and the playoff seeded from it; a Worlds group whose tie for first holds the playoff
until the tiebreaker game is played; a World Cup group decided on goals scored; VALORANT
Champions GSL groups (double elimination groups without a grand final)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, make_stage, soup, stage, unique
from tests.replays import (
    cs2_austin_2025,
    fifa_wc_2022_groups_e_h,
    lol_worlds_2019_groups_a_b,
    vct_champions_2024_groups,
    vct_masters_madrid_2024,
)

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def enter(client: httpx.AsyncClient, names: list[str],
                nations: dict[str, str] | None = None) -> dict[str, Any]:
    slug = unique("replay")
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "Replay"},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/tournaments/{slug}/events", json={"slug": "e", "name": "E"},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    # the whole field in one CSV import (a request a team cost a 32-team replay 2 seconds)
    lines = io.StringIO()
    writer = csv.writer(lines, lineterminator="\n")
    writer.writerow(["name", "seed", "nation"])
    for seed, name in enumerate(names, start=1):
        writer.writerow([name, seed, (nations or {}).get(name, "")])
    r = await client.post(f"/api/tournaments/{slug}/events/e/teams/import",
                          content=lines.getvalue().encode(),
                          headers={**AUTH, "Content-Type": "text/csv"})
    assert r.status_code == 201, r.text
    ids = {team["name"]: team["id"] for team in r.json()["teams"]}
    assert list(ids) == names
    return {"slug": slug, "event": "e", "ids": ids, "teams": list(ids.values())}


async def play(client: httpx.AsyncClient, stage_id: int, winner: int, loser: int,
               score: tuple[int, int] | None = None, **extra: Any) -> dict[str, Any]:
    """Report the first open match between two teams (the winner's side wins)."""
    view = await stage(client, stage_id)
    match = next(m for m in view["matches"] if set(m["teams"]) == {winner, loser}
                 and m["status"] in ("ready", "live"))
    need = match["best_of"] // 2 + 1
    won = score or (need, 0)
    body = {"score": list(won) if match["teams"][0] == winner else list(won[::-1]),
            "status": "completed", **extra}
    r = await client.patch(f"/api/matches/{match['id']}", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def play_rounds(client: httpx.AsyncClient, stage_id: int, ids: dict[Any, int],
                      series: Sequence[tuple[Any, ...]]) -> None:
    """Report a bracket's series, each ``(bracket, round, winner, loser, won, lost)``, as
    their matches become ready: every ready match a series names at once, then the stage is
    read again (a read per round of play, not per series). Each series must be found
    ready between its two teams in its bracket and round; of two series between the same
    teams (a rematch, a grand final and its reset) the earlier listed is played first."""
    left = list(series)
    while left:
        view = await stage(client, stage_id)
        ready = {frozenset(m["teams"]): m for m in view["matches"] if m["status"] == "ready"}
        now: dict[int, tuple[dict[str, Any], tuple[Any, ...]]] = {}
        for s in left:
            m = ready.get(frozenset((ids[s[2]], ids[s[3]])))
            if m is not None and m["id"] not in now:
                now[m["id"]] = (m, s)
        assert now, ("nothing ready for", left[:3])
        for m, s in now.values():
            assert (m["bracket"], m["round"]) == tuple(s[:2]), s
            won = [s[4], s[5]] if m["teams"][0] == ids[s[2]] else [s[5], s[4]]
            r = await client.patch(f"/api/matches/{m['id']}", json={
                "score": won, "status": "completed"}, headers=AUTH)
            assert r.status_code == 200, r.text
            left.remove(s)


async def test_a_major_swiss_stage_ranks_and_seeds_its_playoff_as_published(client):
    event = cs2_austin_2025
    seeds = event.STAGE3_SEEDS
    entered = await enter(client, [seeds[s] for s in sorted(seeds)])
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    swiss = await make_stage(client, entered, name="Stage 3", format="swiss",
                             settings={"pairing": "valve", "decider_best_of": 3})
    playoffs = await make_stage(client, entered, name="Playoffs", seeding={
        "from_stage": swiss["id"], "qualifiers": 8}, settings={"best_of": 3})
    assert playoffs["status"] == "pending" and playoffs["hold"]["code"] == "waiting_for_stage"
    for round_number, played in enumerate(event.STAGE3_ROUNDS, start=1):
        view = await stage(client, swiss["id"])
        pairs = {frozenset(m["teams"]) for m in view["matches"] if m["round"] == round_number}
        assert pairs == {frozenset((ids[w], ids[lo])) for w, lo, *_ in played}, round_number
        for winner, loser, *_ in played:
            await play(client, swiss["id"], ids[winner], ids[loser])
    view = await stage(client, swiss["id"])
    assert view["status"] == "completed"
    got = [(r["rank"], name[r["team_id"]], f"{r['wins']}-{r['losses']}", r["buchholz"])
           for r in view["standings"]]
    assert got == [row[:4] for row in event.STAGE3_FINAL_STANDINGS]
    playoffs = await stage(client, playoffs["id"])
    assert playoffs["status"] == "running" and playoffs["hold"] is None
    assert [name[t] for t in playoffs["seeding"]] == [event.PLAYOFF_SEEDS[s] for s in range(1, 9)]
    quarterfinals = [tuple(name[t] for t in m["teams"]) for m in playoffs["matches"]
                     if m["round"] == 1]
    assert quarterfinals == [(a, b) for _, _, a, _, b in event.PLAYOFF_QUARTERFINALS]


async def test_a_worlds_group_tie_holds_the_playoff_until_the_tiebreaker_game(client):
    source = lol_worlds_2019_groups_a_b
    entered = await enter(client, source.GROUP_A_TEAMS + source.GROUP_B_TEAMS)
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    a, b = source.GROUP_A_TEAMS, source.GROUP_B_TEAMS
    snake = [a[0], b[0], b[1], a[1], a[2], b[2], b[3], a[3]]  # snake into groups A, B
    groups = await make_stage(client, entered, name="Groups", format="round_robin",
                              settings={"groups": 2, "legs": 2, "advance": 2},
                              seeding=[ids[t] for t in snake])
    view = await stage(client, groups["id"])
    by_group = {g: {name[r["team_id"]] for r in view["standings"] if r["group"] == g}
                for g in (1, 2)}
    assert by_group == {1: set(source.GROUP_A_TEAMS), 2: set(source.GROUP_B_TEAMS)}
    knockout = await make_stage(client, entered, name="Knockout", seeding={
        "from_stage": groups["id"], "qualifiers": 2})
    for _, winner, loser in source.GROUP_A_GAMES + source.GROUP_B_GAMES:
        await play(client, groups["id"], ids[winner], ids[loser])
    view = await stage(client, groups["id"])
    assert view["status"] == "completed"
    top = {g: [(name[r["team_id"]], r["rank"], r["tied"], r["status"]) for r in view["standings"]
               if r["group"] == g][:2] for g in (1, 2)}
    # both tied for first (5-1 / 4-2, 1-1 head to head): both through, neither is "1st"
    assert {t[1:] for g in top.values() for t in g} == {(1, True, "advanced")}
    knockout = await stage(client, knockout["id"])
    assert knockout["status"] == "pending"
    assert knockout["hold"]["code"] == "unresolved_tie"
    assert knockout["hold"]["places"] == [1, 2]
    assert {name[t] for t in knockout["hold"]["teams"]} == {"G2 Esports", "Griffin"}
    # one tiebreaker game per group, played and shown like any other match
    for tiebreakers in (source.GROUP_A_TIEBREAKERS, source.GROUP_B_TIEBREAKERS):
        _, winner, loser = tiebreakers[0]
        r = await client.post(f"/api/stages/{groups['id']}/tiebreakers", json={
            "teams": [ids[loser], ids[winner]], "best_of": 1}, headers=AUTH)
        assert r.status_code == 201, r.text
        assert r.json()["bracket"] == "tiebreaker" and r.json()["status"] == "ready"
        assert (await stage(client, groups["id"]))["status"] == "running"
        await play(client, groups["id"], ids[winner], ids[loser])
    view = await stage(client, groups["id"])
    finals = {1: source.GROUP_A_FINAL, 2: source.GROUP_B_FINAL}
    for g, final in finals.items():
        rows = [r for r in view["standings"] if r["group"] == g]
        assert [(r["rank"], name[r["team_id"]], f"{r['wins']}-{r['losses']}") for r in rows] \
            == [(place, team, regular) for place, team, regular, *_ in final]
    knockout = await stage(client, knockout["id"])
    assert knockout["status"] == "running"
    # A1 v B2, B1 v A2
    assert [tuple(name[t] for t in m["teams"]) for m in knockout["matches"] if m["round"] == 1] \
        == [("Griffin", "Splyce"), ("FunPlus Phoenix", "G2 Esports")]


async def test_a_world_cup_group_is_decided_on_goals_scored(client):
    source = fifa_wc_2022_groups_e_h
    teams = [row[1] for row in source.GROUP_H_TABLE]
    entered = await enter(client, sorted(teams), {"Korea Republic": "KR"})
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    # a football league's default tiebreakers are the World Cup's (points, goal difference,
    # goals scored, head to head): no list given, the replay must come out right
    league = await make_stage(client, entered, name="Group H", format="round_robin", settings={
        "allow_draws": True, "advance": 2, "game_score": "goals"})
    assert league["settings"]["tiebreakers"] == [
        "points", "goal_difference", "goals_for", "head_to_head"]
    for _, home, hg, ag, away in source.GROUP_H_MATCHES:
        view = await stage(client, league["id"])
        match = next(m for m in view["matches"] if set(m["teams"]) == {ids[home], ids[away]})
        goals = [hg, ag] if match["teams"][0] == ids[home] else [ag, hg]
        r = await client.patch(f"/api/matches/{match['id']}", json={
            "games": [goals], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200, r.text
        assert r.json()["draw"] == (hg == ag)
    view = await stage(client, league["id"])
    got = [(r["rank"], name[r["team_id"]], r["wins"], r["draws"], r["losses"], r["goals_for"],
            r["goals_against"], r["goal_difference"], r["points"], r["status"])
           for r in view["standings"]]
    assert got == [(pos, team, w, d, lo, gf, ga, gd, pts, "advanced" if out == "advanced"
                    else "eliminated")
                   for pos, team, _, w, d, lo, gf, ga, gd, pts, out in source.GROUP_H_TABLE]
    # the page shows the goals of the 2-1 (not the series 1-0) and the 0-0 draw as a draw
    page = (await client.get(f"/stages/{league['id']}?lang=en")).text
    korea_portugal = next(m for m in view["matches"]
                          if set(m["teams"]) == {ids["Korea Republic"], ids["Portugal"]})
    assert korea_portugal["score"] in ([1, 0], [0, 1]) and sorted(
        korea_portugal["games"][0]) == [1, 2]
    box = page[page.index(f'data-match="{korea_portugal["id"]}"'):]
    box = box[:box.index("</a>")]
    scores = [s.split("<")[0] for s in box.split('data-score>')[1:]]
    assert sorted(scores) == ["1", "2"]


async def test_a_masters_double_elimination_plays_a_best_of_five_lower_final(client):
    source = vct_masters_madrid_2024
    entered = await enter(client, source.SEEDS, source.NATIONS)
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    playoffs = await make_stage(client, entered, name="Playoffs", format="double_elimination",
                                settings={"best_of": 3, "best_of_by_round": {"L2": 5},
                                          "final_best_of": 5, "grand_final": "single"})
    assert playoffs["settings"]["best_of_by_round"] == {"L2": 5}
    for bracket, round_number, winner, loser, won, lost, best_of in source.SERIES:
        view = await stage(client, playoffs["id"])
        match = next(m for m in view["matches"] if m["status"] in ("ready", "live")
                     and set(m["teams"]) == {ids[winner], ids[loser]})
        assert (match["bracket"], match["round"], match["best_of"]) == \
            (bracket, round_number, best_of), (winner, loser)
        if best_of == 5:  # a best-of-three's 2-1 does not finish a best-of-five
            r = await client.patch(f"/api/matches/{match['id']}", json={
                "score": [2, 1], "status": "completed"}, headers=AUTH)
            assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_score"
        await play(client, playoffs["id"], ids[winner], ids[loser], (won, lost))
    view = await stage(client, playoffs["id"])
    assert view["status"] == "completed"
    assert len(view["matches"]) == len(source.SERIES)  # one grand final series, no reset
    assert {name[r["team_id"]]: r["rank"] for r in view["standings"]} == source.PLACES
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    assert {name[p["team_id"]]: p["rank"] for p in r.json()["placements"]} == source.PLACES
    # the upper final stays a best-of-three: "L2" names the lower bracket's round alone
    upper_final = next(m for m in view["matches"] if (m["bracket"], m["round"]) == ("winners", 2))
    assert upper_final["best_of"] == 3 and upper_final["score"] in ([2, 1], [1, 2])


async def test_champions_gsl_groups_place_every_team_and_seed_the_playoffs(client):
    source = vct_champions_2024_groups
    b, c = source.GROUPS["B"], source.GROUPS["C"]
    snake = [b[0], c[0], c[1], b[1], b[2], c[2], c[3], b[3]]  # snake into groups 1 and 2
    entered = await enter(client, snake, source.NATIONS)
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    groups = await make_stage(client, entered, name="Group Stage", format="double_elimination",
                              settings={"groups": 2, "grand_final": "none", "best_of": 3})
    playoffs = await make_stage(client, entered, name="Playoffs", seeding={
        "from_stage": groups["id"], "qualifiers": 2}, settings={"best_of": 3})
    view = await stage(client, groups["id"])
    group_no = {"B": 1, "C": 2}
    openings = {(m["group"], tuple(name[t] for t in m["teams"])) for m in view["matches"]
                if m["round"] == 1 and m["bracket"] == "winners"}
    assert openings == {(group_no[g], (teams[0], teams[3])) for g, teams in source.GROUPS.items()} \
        | {(group_no[g], (teams[1], teams[2])) for g, teams in source.GROUPS.items()}
    assert len(view["matches"]) == 10 and {m["best_of"] for m in view["matches"]} == {3}
    for group, bracket, round_, winner, loser, won, lost in source.SERIES:
        open_match = next(m for m in (await stage(client, groups["id"]))["matches"]
                          if set(m["teams"]) == {ids[winner], ids[loser]}
                          and m["status"] == "ready")
        assert (open_match["group"], open_match["bracket"], open_match["round"]) == (
            group_no[group], bracket, round_)
        for lang, word in source.ROUND_NAMES[(bracket, round_)].items():  # as sources say
            if (winner, loser) in source.OPENER:  # an opening match: 1경기 or 2경기
                word %= source.OPENER[(winner, loser)]
            page = soup((await client.get(f"/matches/{open_match['id']}",
                                          params={"lang": lang})).text)
            meta = page.select_one(".hero-meta").get_text(" ", strip=True)
            assert f" · {word} · " in meta, (meta, winner, loser)
        await play(client, groups["id"], ids[winner], ids[loser],
                   (won, lost) if won is not None else None)
    view = await stage(client, groups["id"])
    assert view["status"] == "completed"
    for group, places in source.PLACES.items():
        rows = [r for r in view["standings"] if r["group"] == group_no[group]]
        assert [(r["rank"], name[r["team_id"]], r["status"]) for r in rows] == [
            (rank, team, "advanced" if team in source.ADVANCE else "eliminated")
            for rank, team in enumerate(places, start=1)]
        assert not any(r["tied"] for r in rows)
    playoffs = await stage(client, playoffs["id"])
    assert playoffs["status"] == "running" and playoffs["hold"] is None
    assert {name[t] for t in playoffs["seeding"]} == source.ADVANCE
    # group winners first, crossed: B1 v C2, C1 v B2
    assert [tuple(name[t] for t in m["teams"]) for m in playoffs["matches"]
            if m["round"] == 1] == [("Team Heretics", "Leviatán"),
                                    ("Trace Esports", "Sentinels")]
