"""MSI 2024's Bracket Stage (League of Legends), an eight-team double elimination of
best-of-fives, replayed through the API: the drawn bracket, every series in the order played,
the lower bracket's crossovers (which upper semifinal's loser meets which lower round-1
winner), and every team's place in the standings, the event's placements and on the stage
page. Source: tests/replays/lol_msi_2024_bracket.py."""

from __future__ import annotations

import re

import pytest

from tests.helpers import make_stage, stage
from tests.replays import lol_msi_2024_bracket as source

from .test_api_replays import enter, play

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_msi_2024_bracket_stage_pairs_crosses_over_and_places_as_published(client):
    entered = await enter(client, source.DRAW, source.NATIONS)
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    # the draw gave the bracket top to bottom: "natural" keeps it (1 v 2, 3 v 4 ...)
    bracket = await make_stage(client, entered, name="Bracket Stage", format="double_elimination",
                               seeding_method="natural",
                               settings={"best_of": 5, "grand_final": "single"})
    view = await stage(client, bracket["id"])
    opening = [tuple(name[t] for t in m["teams"]) for m in view["matches"]
               if (m["bracket"], m["round"]) == ("winners", 1)]
    assert opening == [tuple(source.DRAW[i:i + 2]) for i in range(0, 8, 2)]
    # 7 upper, 6 lower, one grand final: no reset match planned
    assert len(view["matches"]) == len(source.SERIES) == 14
    assert {m["best_of"] for m in view["matches"]} == {5}

    for bracket_name, round_number, winner, loser, won, lost in source.SERIES:
        view = await stage(client, bracket["id"])
        match = next((m for m in view["matches"] if m["status"] in ("ready", "live")
                      and set(m["teams"]) == {ids[winner], ids[loser]}), None)
        assert match is not None, (winner, loser, [
            (m["bracket"], m["round"], [name.get(t) for t in m["teams"] if t])
            for m in view["matches"] if m["status"] == "ready"])
        assert (match["bracket"], match["round"], match["best_of"]) == \
            (bracket_name, round_number, 5), (winner, loser)
        await play(client, bracket["id"], ids[winner], ids[loser], (won, lost))

    view = await stage(client, bracket["id"])
    assert view["status"] == "completed"
    # every lower round's pairings, slot by slot, top to bottom: round 2 crossed over
    for round_number, pairs in source.LOWER_PAIRINGS.items():
        got = [tuple(name[t] for t in m["teams"])
               for m in sorted(view["matches"], key=lambda m: m["number"])
               if (m["bracket"], m["round"]) == ("losers", round_number)]
        assert got == pairs, round_number
    # every series' score as published, from the winner's side
    for bracket_name, round_number, winner, loser, won, lost in source.SERIES:
        m = next(m for m in view["matches"] if (m["bracket"], m["round"]) == (
            bracket_name, round_number) and set(m["teams"]) == {ids[winner], ids[loser]})
        side = m["teams"].index(ids[winner])
        assert (m["score"][side], m["score"][1 - side]) == (won, lost), (winner, loser)

    # places: 1, 2, 3, 4, then 5th-6th and 7th-8th shared (the bracket does not split them)
    rows = {name[r["team_id"]]: r for r in view["standings"]}
    assert {t: r["rank"] for t, r in rows.items()} == source.PLACES
    assert {t: (r["rank"], r["last"]) for t, r in rows.items()} == {
        t: source.SHARED.get(t, (p, p)) for t, p in source.PLACES.items()}
    # out in the same round is a shared place by design, not a tie to flag
    assert not any(r["tied"] for r in rows.values())
    assert [t for t, r in rows.items() if r["status"] == "advanced"] == ["Gen.G"]
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    placements = {name[p["team_id"]]: (p["rank"], p["last"]) for p in r.json()["placements"]}
    assert placements == {t: source.SHARED.get(t, (p, p)) for t, p in source.PLACES.items()}

    # the stage page's final standings: the same places, in English
    page = (await client.get(f"/stages/{bracket['id']}?lang=en")).text
    table = page[page.index("data-standings"):]
    table = table[:table.index("</table>")]
    shown = {}
    for team_id, cell in re.findall(
            r'data-team="(\d+)" data-rank="\d*"><td data-place>(.*?)</td>', table):
        shown[name[int(team_id)]] = re.sub(r"<[^>]+>", "", cell)
    assert shown == {"Gen.G": "1st", "Bilibili Gaming": "2nd", "T1": "3rd", "G2 Esports": "4th",
                     "Top Esports": "5th–6th", "Team Liquid": "5th–6th",
                     "Fnatic": "7th–8th", "PSG Talon": "7th–8th"}, shown
