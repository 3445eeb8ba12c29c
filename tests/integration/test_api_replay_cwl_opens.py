"""Call of Duty World League 2018 opens' Championship Brackets (CWL Dallas, New Orleans,
Atlanta, Seattle and Anaheim), 24 teams in a double elimination whose losers bracket takes
teams at its first three rounds (``lower_entries`` [8, 4, 4]), replayed through the API:
the bracket as played, every series (Dallas and Seattle in the order played, the others a
round at a time), every lower round's pairings slot by slot, every score (the bracket
resets of New Orleans, Seattle and Anaheim too) and every place 1st to 24th. The winners
round-1 and semifinal losers drop ``reverse`` and ``natural`` (``drop_orders``); with the
automatic orders the same results pair lower round 4 otherwise. Sources: tests/replays/
cwl_dallas_2018.py, cwl_new_orleans_2018.py, cwl_atlanta_2018.py, cwl_seattle_2018.py,
cwl_anaheim_2018.py."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, make_stage, soup, stage
from tests.replays import cwl_anaheim_2018 as anaheim
from tests.replays import cwl_atlanta_2018 as atlanta
from tests.replays import cwl_dallas_2018 as dallas
from tests.replays import cwl_new_orleans_2018 as new_orleans
from tests.replays import cwl_seattle_2018 as seattle

from .test_api_replay_cwl_champs import _lower, _play
from .test_api_replays import enter, play_rounds

pytestmark = pytest.mark.asyncio(loop_scope="session")
OPENS = pytest.mark.parametrize("source", [dallas, seattle], ids=["dallas", "seattle"])


async def _bracket(client: httpx.AsyncClient, settings: dict[str, Any],
                   source: ModuleType = dallas
                   ) -> tuple[dict[str, Any], dict[str, int], dict[int, str]]:
    entered = await enter(client, source.DRAW)
    ids = entered["ids"]
    bracket = await make_stage(client, entered, name="Championship Bracket",
                               format="double_elimination", seeding_method="natural",
                               settings={"best_of": 5, "grand_final": "reset",
                                         "lower_entries": source.LOWER_ENTRIES, **settings})
    return bracket, ids, {v: k for k, v in ids.items()}


@OPENS
async def test_an_open_enters_drops_pairs_and_places_as_played(client, source):
    bracket, ids, name = await _bracket(client, {"drop_orders": source.DROP_ORDERS}, source)
    _check_draw(await stage(client, bracket["id"]), source, name)
    await _play(client, bracket["id"], ids, name, source.SERIES)
    _check_as_played(await stage(client, bracket["id"]), source, ids, name)


def _check_draw(view: dict[str, Any], source: ModuleType, name: dict[int, str]) -> None:
    """Who is where before a series is played: the winners side in upper round 3 (the
    32-slot bracket's numbers), eight in lower round 1, four entrants waiting in each of
    lower rounds 2 and 3 for the round before's winners; no byes anywhere."""
    assert view["settings"]["lower_entries"] == [8, 4, 4]

    def teams(bracket_name: str, round_number: int) -> list[list[str | None]]:
        return [[name.get(t) if t else None for t in m["teams"]]
                for m in sorted(view["matches"], key=lambda m: m["number"])
                if (m["bracket"], m["round"]) == (bracket_name, round_number)]

    assert teams("winners", 3) == [source.UPPER[i:i + 2] for i in range(0, 8, 2)]
    assert teams("losers", 1) == [source.LOWER_ROUND_1[i:i + 2] for i in range(0, 8, 2)]
    assert teams("losers", 2) == [[t, None] for t in source.LOWER_ROUND_2]
    assert teams("losers", 3) == [[t, None] for t in source.LOWER_ROUND_3]
    assert not [m for m in view["matches"] if m["status"] == "bye"]
    assert len(view["matches"]) == 30  # 7 upper, 22 lower, the grand final (a reset later)


def _check_as_played(view: dict[str, Any], source: ModuleType, ids: dict[str, int],
                     name: dict[int, str]) -> None:
    """The bracket once every series is played: complete, a match for every series (the
    reset only where it was played), every lower round's pairs slot by slot, every score
    and every place, the champion alone advanced."""
    assert view["status"] == "completed"
    reset = source.SERIES[-1][:2] == ("grand_final", 2)
    assert (("grand_final", 2) in {(m["bracket"], m["round"]) for m in view["matches"]}) \
        is reset
    assert len(view["matches"]) == len(source.SERIES)
    for round_number, pairs in source.LOWER_PAIRINGS.items():
        assert _lower(view, name, round_number) == pairs, round_number
    for bracket_name, round_number, winner, loser, won, lost in source.SERIES:
        m = next(m for m in view["matches"] if (m["bracket"], m["round"]) == (
            bracket_name, round_number) and set(m["teams"]) == {ids[winner], ids[loser]})
        side = m["teams"].index(ids[winner])
        assert (m["status"], m["score"][side], m["score"][1 - side]) == (
            "completed", won, lost), (winner, loser)
    rows = {name[r["team_id"]]: r for r in view["standings"]}
    assert {t: (r["rank"], r["last"]) for t, r in rows.items()} == {
        t: source.SHARED.get(t, (p, p)) for t, p in source.PLACES.items()}
    assert [t for t, r in rows.items() if r["status"] == "advanced"] == [source.SERIES[-1][2]]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("source", [new_orleans, atlanta, anaheim],
                         ids=["new-orleans", "atlanta", "anaheim"])
async def test_the_other_2018_opens_play_out_as_published(client, source):
    """New Orleans (Team Kaliber won the reset the lower side's Luminosity forced), Atlanta
    (one grand final) and Anaheim (Rise Nation won the reset Red Reserve forced), with
    Dallas's drop orders; each series reported as soon as its match is ready, a round at a
    time (on SQLite only: Dallas and Seattle run on both databases)."""
    bracket, ids, name = await _bracket(client, {"drop_orders": source.DROP_ORDERS}, source)
    _check_draw(await stage(client, bracket["id"]), source, name)
    await play_rounds(client, bracket["id"], ids, source.SERIES)
    _check_as_played(await stage(client, bracket["id"]), source, ids, name)


@OPENS
async def test_the_automatic_drop_orders_pair_an_opens_lower_round_4_otherwise(client, source):
    bracket, ids, name = await _bracket(client, {}, source)
    lower_round, pairs = source.DEFAULT_LOWER
    before = [s for s in source.SERIES if (s[0] == "winners" and s[1] == 3)
              or (s[0] == "losers" and s[1] < lower_round)]
    await _play(client, bracket["id"], ids, name, before)
    view = await stage(client, bracket["id"])
    assert _lower(view, name, lower_round) == pairs
    assert not set(pairs) & set(source.LOWER_PAIRINGS[lower_round])


async def test_entrants_that_do_not_fit_their_lower_round_are_refused(client):
    entered = await enter(client, dallas.DRAW)
    path = f"/api/tournaments/{entered['slug']}/events/e/stages"
    for bad, params in (([8, 5, 3], {"entry_round": 2, "high": 4, "places": 8}),
                        ([8, 4, 4, 7], {}), ([4, "x"], {}), ([16, 8], {})):
        r = await client.post(path, json={
            "name": "Bracket", "format": "double_elimination", "seeding": entered["teams"],
            "settings": {"lower_entries": bad}}, headers=AUTH)
        assert r.status_code == 422, (bad, r.text)
        error = r.json()["error"]
        assert (error["code"], error["field"]) == ("invalid_settings",
                                                   "settings.lower_entries"), bad
        assert {k: error.get("params", {}).get(k) for k in params} == params, error
    r = await client.post(path, json={
        "name": "Bracket", "format": "double_elimination", "seeding": entered["teams"],
        "settings": {"lower_entries": [8, 4, 4], "lower_start": 8}}, headers=AUTH)
    assert (r.status_code, r.json()["error"]["field"]) == (422, "settings.lower_entries")
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    assert r.status_code == 200 and r.json()["stages"] == []  # nothing was created


async def test_the_bracket_page_draws_each_entrant_where_it_enters(client):
    bracket, _, _ = await _bracket(client, {"drop_orders": dallas.DROP_ORDERS})
    page = soup((await client.get(f"/stages/{bracket['id']}?lang=ko")).text)
    lower = page.select(".bracket-losers .round")
    titles = [r.select_one(".round-title").get_text(strip=True) for r in lower]
    assert titles == ["패자조 1라운드", "패자조 2라운드", "패자조 3라운드", "패자조 4라운드",
                      "패자조 5라운드", "패자조 준준결승", "패자조 준결승", "패자조 결승"]

    def sides(column: Any) -> list[list[tuple[str, str | None]]]:
        return [[(s.get_text(strip=True), s.get("data-tbd")) for s in m.select("[data-name]")]
                for m in column.select("a.match")]

    # an entrant stands in its match from the start, above the slot the round before fills
    numbers = [9, 10, 11, 12]
    assert sides(lower[2]) == [[(team, None), (f"M{n} 승자", f"M{n} 승자")]
                               for team, n in zip(dallas.LOWER_ROUND_3, numbers, strict=True)]
    # the winners side's first losers drop into lower round 4 reversed (M4's loser first)
    assert [m[0] for m in sides(lower[3])] == [(f"M{n} 패자", f"M{n} 패자")
                                               for n in (4, 3, 2, 1)]
    upper = [r.select_one(".round-title").get_text(strip=True)
             for r in page.select(".bracket-winners .round")]
    assert upper == ["승자조 준준결승", "승자조 준결승", "승자조 결승"]
