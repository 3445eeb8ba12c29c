"""The Asian Games 2022 (Hangzhou, 2023) League of Legends event replayed through the API:
eleven national teams in four round robin groups of best-of-ones (three of three, one of
two), each group's winner through to a best-of-three knockout with a bronze medal match,
where the four regional qualifiers' winners were already waiting. Every group's teams, every
game, the group tables, the quarterfinal pairings, every series' score and the medals and
places as published; the nation table's champion. Source: tests/replays/asian_games_2022_lol.py.

The knockout is created up-front with the groups, seeded from them with slots: each
group's winner and the four teams that entered it directly (China, Saudi Arabia, Malaysia,
India) in the bracket order the draw fixed (A1 v Saudi Arabia, D1 v China | C1 v Malaysia,
B1 v India); it starts by itself when the last group game is in, so the whole event runs
from the group results alone."""

from __future__ import annotations

import pytest

from tests.helpers import make_stage, stage
from tests.replays import asian_games_2022_lol as source

from .test_api_replays import enter, play

pytestmark = pytest.mark.asyncio(loop_scope="session")

GROUP_NUMBER = {g: n for n, g in enumerate("ABCD", start=1)}
ROUNDS = {"quarterfinal": (1, "winners"), "semifinal": (2, "winners"),
          "gold": (3, "winners"), "bronze": (3, "third_place")}


async def test_asian_games_2022_lol_groups_knockout_and_medals_as_published(client):
    direct = [t for t in source.BRACKET if t not in source.GROUP_SEEDING]
    entered = await enter(client, source.GROUP_SEEDING + direct, source.NATIONS)
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}

    groups = await make_stage(
        client, entered, name="Group stage", format="round_robin",
        seeding=[ids[t] for t in source.GROUP_SEEDING],
        settings={"groups": 4, "advance": 1, "best_of": 1})
    # the knockout at once: a group's winner by its group's letter ("A1"), a direct team by id
    group_of = {t: g for g, teams in source.GROUPS.items() for t in teams}
    slots = [{"group": group_of[t], "place": 1} if t in group_of else ids[t]
             for t in source.BRACKET]
    knockout = await make_stage(
        client, entered, name="Knockout", format="single_elimination",
        seeding={"from_stage": groups["id"], "qualifiers": 1, "slots": slots},
        seeding_method="natural", settings={"best_of": 3, "third_place_match": True})
    assert (knockout["status"], knockout["hold"]["code"]) == ("pending", "waiting_for_stage")
    view = await stage(client, groups["id"])
    # the groups as drawn, with their sizes (3, 3, 3, 2)
    members: dict[int, set[str]] = {}
    for row in view["standings"]:
        members.setdefault(row["group"], set()).add(name[row["team_id"]])
    assert members == {n: set(source.GROUPS[g]) for n, g in enumerate("ABCD", start=1)}
    # a single round robin: every pair of a group meets once, in a best-of-one
    assert len(view["matches"]) == len(source.GROUP_GAMES) == 10
    assert {m["best_of"] for m in view["matches"]} == {1}
    letter = {n: g for n, g in enumerate("ABCD", start=1)}
    assert sorted((letter[m["group"]], *sorted(name[t] for t in m["teams"]))
                  for m in view["matches"]) == sorted(
        (g, *sorted((w, lo))) for g, w, lo in source.GROUP_GAMES)

    for _, winner, loser in source.GROUP_GAMES:
        await play(client, groups["id"], ids[winner], ids[loser])
    view = await stage(client, groups["id"])
    assert view["status"] == "completed"
    tables: dict[str, list[tuple[str, int, int, int]]] = {}
    for row in sorted(view["standings"], key=lambda r: (r["group"], r["rank"])):
        tables.setdefault(letter[row["group"]], []).append(
            (name[row["team_id"]], row["rank"], row["wins"], row["losses"]))
    for group, published in source.GROUP_TABLES.items():
        # Group C's 2nd and 3rd rest on a stand-in game: only its winner is compared
        assert tables[group][:len(published)] == [
            (team, place, won, lost) for place, (team, won, lost)
            in enumerate(published, start=1)], group
    assert not any(r["tied"] for r in view["standings"])
    through = {name[r["team_id"]] for r in view["standings"] if r["status"] == "advanced"}
    assert through == {"South Korea", "Vietnam", "Chinese Taipei", "Macau"}
    # the group winners are the knockout's teams that did not enter it directly
    assert through == set(source.BRACKET) - set(direct)

    # the last group game started the knockout, its slots filled from the group tables
    view = await stage(client, knockout["id"])
    assert view["status"] == "running"
    assert view["source"]["slots"] == [
        {"group": GROUP_NUMBER[group_of[t]], "place": 1} if t in group_of else ids[t]
        for t in source.BRACKET]
    opening = [tuple(name[t] for t in m["teams"])
               for m in sorted(view["matches"], key=lambda m: m["number"]) if m["round"] == 1]
    assert opening == [tuple(source.BRACKET[i:i + 2]) for i in range(0, 8, 2)]
    assert {m["best_of"] for m in view["matches"]} == {3}

    for round_name, winner, loser, won, lost in source.SERIES:
        view = await stage(client, knockout["id"])
        match = next((m for m in view["matches"] if m["status"] == "ready"
                      and set(m["teams"]) == {ids[winner], ids[loser]}), None)
        assert match is not None, (winner, loser)
        assert (match["round"], match["bracket"]) == ROUNDS[round_name], (winner, loser)
        await play(client, knockout["id"], ids[winner], ids[loser], (won, lost))

    view = await stage(client, knockout["id"])
    assert view["status"] == "completed"
    for round_name, winner, loser, won, lost in source.SERIES:
        m = next(m for m in view["matches"] if (m["round"], m["bracket"]) == ROUNDS[round_name]
                 and set(m["teams"]) == {ids[winner], ids[loser]})
        side = m["teams"].index(ids[winner])
        assert (m["score"][side], m["score"][1 - side]) == (won, lost), (winner, loser)
    rows = {name[r["team_id"]]: (r["rank"], r["last"]) for r in view["standings"]}
    assert rows == {**{t: (p, p) for t, p in source.MEDALS.items()},
                    **{t: (5, 8) for t in source.OUT_IN_QUARTERFINALS}}

    # the event's places: the knockout's, then the groups' 2nds and 3rds after them
    # (the service's order: no source read ranks 5th-15th)
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    placements = {name[p["team_id"]]: (p["rank"], p["last"]) for p in r.json()["placements"]}
    seconds = {"Hong Kong", "Japan", "United Arab Emirates", "Thailand"}
    thirds = {"Kazakhstan", "Palestine", "Maldives"}
    assert placements == {**rows, **{t: (9, 12) for t in seconds},
                          **{t: (13, 15) for t in thirds}}

    # matches won and lost over both stages, as published for the two finalists
    every = (await stage(client, groups["id"]))["matches"] + view["matches"]
    for team, record in source.RECORDS.items():
        played = [m for m in every if ids[team] in m["teams"]]
        won = sum(1 for m in played if m["teams"][m["winner"] - 1] == ids[team])  # a side
        assert (won, len(played) - won) == record, team
    # gold without dropping a game
    korea = [m for m in every if ids["South Korea"] in m["teams"]]
    assert all(m["score"][1 - m["teams"].index(ids["South Korea"])] == 0 for m in korea)

    r = await client.get(f"/api/tournaments/{entered['slug']}")
    body = r.json()
    assert [e["champion"]["name"] for e in body["events"]] == ["South Korea"]
    top = [(n["rank"], n["nation"]) for n in body["nations"]][:3]
    assert top == [(1, "KR"), (2, "TW"), (3, "CN")]
