"""Free for all through the API (SQLite and PostgreSQL): a lobby lists every team, a game
is reported with If-Match and Idempotency-Key, a bad game is a 422 that changes nothing,
a game sent again corrects it, standings rows, qualification into a bracket and its tie
hold, withdrawal."""

from __future__ import annotations

import pytest

from tests.ffa_api_support import game, lobby_stage, placings
from tests.helpers import AUTH, make_event, make_stage, stage, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_lobby_lists_every_team_and_games_add_up(client):
    event, st = await lobby_stage(client)
    t = event["teams"]
    (lobby,) = st["matches"]
    assert (lobby["teams"], lobby["status"], lobby["placings"]) == (t, "ready", [])
    r = await game(client, lobby["id"], 1, [t[2], t[0], t[3], t[1]], [3, 1, 0, 2],
                   **{"If-Match": str(lobby["version"])})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "live" and body["version"] == lobby["version"] + 1
    assert body["placings"] == [{"number": 1, "results": placings([t[2], t[0], t[3], t[1]],
                                                                  [3, 1, 0, 2])}]
    view = await stage(client, st["id"])
    row = view["standings"][0]
    assert {k: row[k] for k in ("team_id", "rank", "points", "placement_points",
                                "kill_points", "kills", "wins", "games", "best_placement",
                                "status")} == {
        "team_id": t[2], "rank": 1, "points": 13, "placement_points": 10, "kill_points": 3,
        "kills": 3, "wins": 1, "games": 1, "best_placement": 1, "status": "active"}
    assert row["results"] == [{"round": 1, "game": 1, "placement": 1, "kills": 3,
                               "points": 13}]
    # a stale If-Match is refused
    r = await game(client, lobby["id"], 2, t, **{"If-Match": str(lobby["version"])})
    assert r.status_code == 409
    r = await game(client, lobby["id"], 2, [t[0], t[1], t[2], t[3]])
    assert r.status_code == 200 and r.json()["status"] == "completed"
    view = await stage(client, st["id"])
    assert view["status"] == "completed"
    ranked = [(x["team_id"], x["points"]) for x in view["standings"]]
    assert ranked == [(t[2], 18), (t[0], 17), (t[1], 12), (t[3], 9)]


@pytest.mark.parametrize("results, code", [
    (lambda t: placings(t[:3]), "invalid_game_teams"),
    (lambda t: placings([t[0], t[1], t[2], t[2]]), "invalid_game_teams"),
    (lambda t: [{"team_id": x, "placement": p, "kills": 0}
                for x, p in zip(t, (1, 2, 2, 4), strict=True)], "invalid_placements"),
    (lambda t: placings(t, [0, 0, -1, 0]), "invalid_kills"),
])
async def test_a_bad_game_is_a_422_that_changes_nothing(client, results, code):
    event, st = await lobby_stage(client)
    (lobby,) = st["matches"]
    r = await client.patch(f"/api/matches/{lobby['id']}", json={
        "game": {"number": 1, "results": results(event["teams"])}}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == code, r.text
    after = (await stage(client, st["id"]))["matches"][0]
    assert (after["version"], after["status"], after["placings"]) == (
        lobby["version"], "ready", [])


async def test_a_score_for_a_lobby_and_a_game_for_a_duel_are_refused(client):
    event, st = await lobby_stage(client)
    r = await client.patch(f"/api/matches/{st['matches'][0]['id']}",
                           json={"score": [1, 0], "status": "completed"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_game"
    duel = await make_stage(client, event, name="Duel", seeding=event["teams"][:2])
    r = await game(client, duel["matches"][0]["id"], 1, event["teams"][:2])
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_game"


async def test_idempotency_key_and_correction(client):
    event, st = await lobby_stage(client)
    t = event["teams"]
    lobby = st["matches"][0]
    key = {"Idempotency-Key": unique("key")}
    first = await game(client, lobby["id"], 1, t, **key)
    again = await game(client, lobby["id"], 1, t, **key)
    assert first.status_code == again.status_code == 200
    assert first.json()["version"] == again.json()["version"]  # replayed, not applied twice
    rows = {x["team_id"]: x["points"] for x in (await stage(client, st["id"]))["standings"]}
    assert rows == {t[0]: 10, t[1]: 6, t[2]: 5, t[3]: 4}
    r = await game(client, lobby["id"], 1, list(reversed(t)))  # sent again: corrected
    assert r.status_code == 200 and r.json()["status"] == "live"
    rows = {x["team_id"]: x["points"] for x in (await stage(client, st["id"]))["standings"]}
    assert rows == {t[3]: 10, t[2]: 6, t[1]: 5, t[0]: 4}


async def test_qualifiers_seed_a_bracket_and_a_tie_holds_it(client):
    event, st = await lobby_stage(client, games=1, advance=2,
                                  placement_points=[3, 1, 1, 0], tiebreakers=[])
    t = event["teams"]
    final = await make_stage(client, event, name="Duel", seeding={
        "from_stage": st["id"], "qualifiers": 2})
    r = await game(client, st["matches"][0]["id"], 1, [t[3], t[2], t[1], t[0]])
    assert r.status_code == 200, r.text
    view = await stage(client, st["id"])
    assert [(x["team_id"], x["rank"], x["status"]) for x in view["standings"]] == [
        (t[3], 1, "advanced"), (t[1], 2, "active"), (t[2], 2, "active"),
        (t[0], 4, "eliminated")]
    held = await stage(client, final["id"])
    assert held["status"] == "pending" and held["hold"]["code"] == "unresolved_tie"
    r = await client.post(f"/api/stages/{st['id']}/ties", json={
        "teams": [t[2], t[1]], "reason": "drawn by lot"}, headers=AUTH)
    assert r.status_code in (200, 201), r.text
    started = await stage(client, final["id"])
    assert started["status"] == "running"
    assert started["matches"][0]["teams"] == [t[3], t[2]]


async def test_a_withdrawn_team_is_left_out_of_later_games(client):
    event, st = await lobby_stage(client)
    t = event["teams"]
    lobby = st["matches"][0]
    assert (await game(client, lobby["id"], 1, t)).status_code == 200
    r = await client.post(f"/api/teams/{t[0]}/withdraw", json={}, headers=AUTH)
    assert r.status_code in (200, 201), r.text
    r = await game(client, lobby["id"], 2, t)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_game_teams"
    r = await game(client, lobby["id"], 2, [t[3], t[2], t[1]])
    assert r.status_code == 200 and r.json()["status"] == "completed"
    rows = [(x["team_id"], x["rank"], x["points"], x["status"])
            for x in (await stage(client, st["id"]))["standings"]]
    # t2 and t1 level on 11: t2 was placed better in the last game
    assert rows == [(t[3], 1, 14, "active"), (t[2], 2, 11, "active"),
                    (t[1], 3, 11, "active"), (t[0], 4, 10, "eliminated")]


@pytest.mark.parametrize("seed", [1, 2])
async def test_the_sql_store_and_the_memory_store_agree(client, seed):
    """Random games, corrections, bad games and a withdrawal, through the service and
    through the machine over memory: the same lobbies and standings after every step."""
    import random

    from tests.sim import Sim
    from tournament.formats.machine_types import ResultUpdate
    from tournament.formats.types import FormatError

    rng = random.Random(seed)
    settings = {"lobby_size": 4, "rotation": True, "games": 2, "advance": 3}
    event = await make_event(client, 8)
    teams = event["teams"]
    created = await make_stage(client, event, name="Agree", format="free_for_all",
                               settings=settings, seeding=teams)
    sim = Sim("free_for_all", teams, settings)
    ids = {m["number"]: m["id"] for m in created["matches"]}
    for step in range(30):
        view = await stage(client, created["id"])
        assert {m["number"]: (m["teams"], m["placings"], m["status"], m["version"])
                for m in view["matches"]} == {
            m.number: (m.lobby, m.placings or [], m.status, m.version)
            for m in sim.matches.values()}, step
        assert view["standings"] == [r.as_dict() for r in sim.standings()], step
        assert view["status"] == sim.status
        lobby = sim.matches[rng.choice(list(sim.matches))]
        if step == 10:
            out = rng.choice(teams)
            sim.withdraw(out)
            r = await client.post(f"/api/teams/{out}/withdraw", json={}, headers=AUTH)
            assert r.status_code in (200, 201)
            continue
        played = len(lobby.placings or [])
        number = rng.randint(1, played + 1)
        order = [t for t in lobby.lobby or [] if t not in sim.withdrawn]
        if number <= played:
            order = [r["team_id"] for r in (lobby.placings or [])[number - 1]["results"]]
        rng.shuffle(order)
        if rng.random() < 0.15:
            order = order[1:]  # a bad game
        body = {"number": number, "results": placings(order, [rng.randint(0, 5)
                                                              for _ in order])}
        memory_error = None
        try:
            sim.step(lambda m, n=lobby.number, b=body: m.report(
                n, ResultUpdate(game=b, given=frozenset({"game"}))))
        except FormatError as exc:
            memory_error = exc.code
        r = await client.patch(f"/api/matches/{ids[lobby.number]}", json={"game": body},
                               headers=AUTH)
        stored_error = r.json()["error"]["code"] if r.status_code >= 400 else None
        assert stored_error == memory_error, (step, r.text)


async def test_a_free_for_all_stage_survives_export_and_import(client):
    event, st = await lobby_stage(client, games=3)
    t = event["teams"]
    lobby = st["matches"][0]["id"]
    assert (await game(client, lobby, 1, [t[2], t[0], t[3], t[1]], [4, 0, 1, 2])).status_code \
        == 200
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    doc["tournament"]["slug"] = unique()
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert r.status_code == 201, r.text
    detail = (await client.get(f"/api/tournaments/{doc['tournament']['slug']}/events/lol"))
    copy = await stage(client, detail.json()["stages"][0]["id"])
    names = {x["id"]: x["name"] for x in detail.json()["teams"]}
    original = {x: f"Team {i + 1}" for i, x in enumerate(t)}
    (m,) = copy["matches"]
    assert [names[x] for x in m["teams"]] == [original[x] for x in t]
    assert [(names[r["team_id"]], r["placement"], r["kills"])
            for r in m["placings"][0]["results"]] == [
        ("Team 3", 1, 4), ("Team 1", 2, 0), ("Team 4", 3, 1), ("Team 2", 4, 2)]
    assert [(names[x["team_id"]], x["points"]) for x in copy["standings"]] == [
        ("Team 3", 14), ("Team 1", 6), ("Team 4", 6), ("Team 2", 6)]
