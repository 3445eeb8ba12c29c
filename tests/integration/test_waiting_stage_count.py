"""A stage waiting for an earlier one tells spectators how many teams will come and from
where, never "0 teams": the API's ``teams_to_come`` (the event's stages and the stage),
the event page, the stage page and its overlay in Korean, Japanese and English, through a
stage waiting in between, with the direct entrants of its slots by name; the feed sends
the waiting stages again when the earlier stage's change moves their count, and once the
earlier stage ends the count gives way to the real teams (parsed HTML)."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, play_out, soup
from tests.integration.test_feed_standings import events_after, last

pytestmark = pytest.mark.asyncio(loop_scope="session")

NAMES = {"Groups": {"ko": "조별 리그", "ja": "グループステージ"},
         "Playoffs": {"ko": "플레이오프", "ja": "プレーオフ"},
         "Final": {"ko": "결승 리그", "ja": "決勝リーグ"}}
SAID = {  # four teams from the groups; two from the playoffs
    "ko": ("조별 리그에서 4팀이 진출합니다.", "플레이오프에서 2팀이 진출합니다."),
    "ja": ("グループステージから4チームが勝ち上がります。",
           "プレーオフから2チームが勝ち上がります。"),
    "en": ("4 teams will advance from Groups.", "2 teams will advance from Playoffs.")}


def _said(html: str, stage_id: int) -> str | None:
    found = soup(html).select_one(f"[data-stage='{stage_id}'] [data-teams-to-come]")
    return None if found is None else " ".join(found.get_text().split())


async def _pages(client, event: dict, stage_id: int, lang: str) -> list[str | None]:
    urls = (f"/tournaments/{event['slug']}/events/lol", f"/stages/{stage_id}",
            f"/overlay/stages/{stage_id}")
    return [_said((await client.get(f"{u}?lang={lang}")).text, stage_id) for u in urls]


async def test_a_waiting_stage_says_how_many_teams_will_come_and_from_where(client, db_url):
    """Groups (two of four) send their top two to the playoffs, whose top two go on to a
    final league: the playoffs say four will come from the groups, the final two from the
    playoffs, in every language and on every page; the API says it beside a team_count of
    0. The groups cut to one group send the two stages again with two and two; played
    out, the playoffs hold their four teams and say nothing to come."""
    event = await make_event(client, 8)
    groups = await make_stage(client, event, name="Groups", names=NAMES["Groups"],
                              format="round_robin", settings={"groups": 2, "advance": 2})
    playoffs = await make_stage(client, event, name="Playoffs", names=NAMES["Playoffs"],
                                seeding={"from_stage": groups["id"], "qualifiers": 2})
    final = await make_stage(client, event, name="Final", names=NAMES["Final"],
                             format="round_robin",
                             seeding={"from_stage": playoffs["id"], "qualifiers": 2})
    assert (playoffs["team_count"], playoffs["teams_to_come"]) == (0, 4)
    listed = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert [(s["team_count"], s["teams_to_come"]) for s in listed["stages"]] == [
        (8, None), (0, 4), (0, 2)]
    for lang, (four, two) in SAID.items():
        assert await _pages(client, event, playoffs["id"], lang) == [four] * 3, lang
        assert await _pages(client, event, final["id"], lang) == [two] * 3, lang

    seq = await last(client, event["slug"])
    r = await client.patch(f"/api/stages/{groups['id']}", json={
        "settings": {"groups": 1, "advance": 2}}, headers=AUTH)
    assert r.status_code == 200, r.text
    sent = {d["id"]: d["teams_to_come"] for t, d in await events_after(
        db_url, event["slug"], seq) if t == "stage.updated"}
    assert sent == {groups["id"]: None, playoffs["id"]: 2, final["id"]: 2}
    page = (await client.get(f"/stages/{playoffs['id']}?lang=ja")).text
    assert _said(page, playoffs["id"]) == "グループステージから2チームが勝ち上がります。"

    await play_out(client, groups["id"])
    started = (await client.get(f"/api/stages/{playoffs['id']}")).json()
    assert (started["status"], started["team_count"], started["teams_to_come"]) == (
        "running", 2, None)
    assert await _pages(client, event, playoffs["id"], "ko") == [None] * 3
    assert await _pages(client, event, final["id"], "ko") == [
        "플레이오프에서 2팀이 진출합니다."] * 3


async def test_direct_entrants_are_named_and_a_place_no_team_will_hold_says_no_number(
        client):
    """A knockout of four slots (each group's winner, and two teams entering directly)
    says two will come from the groups and names the two entering. A final whose slots
    take the 3rd place of a stage that will get two teams waits for the organizer when
    its teams come: it says no number (not its four slots)."""
    event = await make_event(client, 8)
    teams = event["teams"]
    groups = await make_stage(client, event, name="Groups", names=NAMES["Groups"],
                              format="round_robin", seeding=teams[:6],
                              settings={"groups": 2, "advance": 1})
    knockout = await make_stage(client, event, name="Knockout", seeding_method="natural",
                                seeding={"from_stage": groups["id"], "qualifiers": 1,
                                         "slots": [{"group": "A", "place": 1}, teams[6],
                                                   {"group": "B", "place": 1}, teams[7]]})
    assert knockout["teams_to_come"] == 4
    said = {"ko": "조별 리그에서 2팀이 진출합니다. 직행: 팀 7, 팀 8",
            "ja": "グループステージから2チームが勝ち上がります。シード出場：チーム7、チーム8",
            "en": "2 teams will advance from Groups. Entering directly: Team 7, Team 8."}
    for lang, words in said.items():
        assert await _pages(client, event, knockout["id"], lang) == [words] * 3, lang

    other = await make_event(client, 5)
    opening = await make_stage(client, other, name="Opening", format="round_robin",
                               seeding=other["teams"][:4], settings={"advance": 2})
    semis = await make_stage(client, other, name="Semis", format="round_robin",
                             seeding={"from_stage": opening["id"], "qualifiers": 2})
    final = await make_stage(client, other, name="Final", format="round_robin",
                             seeding={"from_stage": semis["id"], "qualifiers": 3, "slots": [
                                 {"place": 1}, {"place": 2}, {"place": 3},
                                 other["teams"][4]]})
    assert (semis["teams_to_come"], final["teams_to_come"]) == (2, None)
    assert await _pages(client, other, semis["id"], "en") == [
        "2 teams will advance from Opening."] * 3
    assert await _pages(client, other, final["id"], "en") == [None] * 3
