"""What a team's manager reads on the team page and in its calendar about what comes next
(the teamview review, in Japanese and Korean): a team with no match to come is told so,
and a stream link says which stream it opens."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.helpers import AUTH, by_number, make_event, make_stage, report, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


def no_next(html: str) -> str | None:
    found = soup(html).select_one("[data-next-match] [data-no-next]")
    return found.get_text(strip=True) if found else None


async def test_a_team_with_no_match_to_come_is_told_so(client):
    """The page said nothing where the next match goes: a team out, or one that has played
    its round while others still play, saw only its past results."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, format="round_robin", settings={"groups": 1})
    a = event["teams"][0]
    mine = [m for m in st["matches"] if a in m["teams"]]
    assert no_next((await client.get(f"/teams/{a}?lang=ko")).text) is None  # a match to come
    for m in mine:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    # every match of its own played, the others' not yet: nothing to come for now
    assert no_next((await client.get(f"/teams/{a}?lang=ko")).text) == \
        "아직 잡힌 다음 경기가 없습니다."
    assert no_next((await client.get(f"/teams/{a}?fragment=schedule&lang=ja")).text) == \
        "次の試合はまだ決まっていません。"  # the part the live feed redraws says it too
    for m in (await stage(client, st["id"]))["matches"]:
        if m["status"] != "completed":
            assert (await report(client, m["id"], [1, 0])).status_code == 200
    assert no_next((await client.get(f"/teams/{a}?lang=ja")).text) == \
        "この種目での試合はすべて終わりました。"  # the league is over: it has its place


async def test_a_withdrawn_team_has_no_match_to_come(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    b = by_number(st)[1]["teams"][1]
    r = await client.post(f"/api/teams/{b}/withdraw", json={"reason": "withdrawn"},
                          headers=AUTH)
    assert r.status_code == 200, r.text
    assert no_next((await client.get(f"/teams/{b}?lang=ko")).text) == \
        "이 종목에서 남은 경기가 없습니다."


async def test_a_stream_link_says_which_stream(client):
    """Every match's link read "配信を見る" alone: a team could not tell the main stage's
    channel from another before opening it. It names the channel; the calendar labels
    the address it gives."""
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    m = by_number(st)[1]
    url = "https://www.twitch.tv/kj_esports/"
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "stream_url": url, "scheduled_at": "2026-12-01T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200, r.text
    team = m["teams"][0]
    page = soup((await client.get(f"/teams/{team}?lang=ja")).text)
    links = [(a.get_text(strip=True), a["href"]) for a in page.select("[data-stream]")]
    assert links == [("配信を見る（twitch.tv/kj_esports）", url)] * 2  # next match, schedule
    page = soup((await client.get(f"/matches/{m['id']}?lang=ko")).text)
    assert [a.get_text(strip=True) for a in page.select("[data-stream]")] == [
        "중계 보기 (twitch.tv/kj_esports)"]
    feed = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics",
                                                params={"lang": "ja"})).content)
    (entry,) = feed.walk("VEVENT")
    assert str(entry["description"]).splitlines()[-1] == f"配信：{url}"


async def test_a_bye_is_in_the_teams_schedule_in_its_round(client):
    """A Swiss team given a bye read "1勝0敗" over a schedule that said "no matches yet":
    the schedule (like the API's) left its byes out. The page lists each bye in its round,
    before the round after it."""
    event = await make_event(client, 5)
    st = await make_stage(client, event, format="swiss",
                          settings={"pairing": "standard", "rounds": 3})
    (bye,) = [m for m in st["matches"] if None in m["teams"]]
    (team,) = [t for t in bye["teams"] if t]

    def rows(html: str) -> list[tuple[str, ...]]:
        return [(tr.select_one("[data-opponent]").get_text(strip=True),
                 " ".join(tr.select("td")[2].get_text(" ").split()))  # a no-break space read as one
                for tr in soup(html).select("table.schedule tbody tr[data-match]")]

    assert rows((await client.get(f"/teams/{team}?lang=ja")).text) == [
        ("不戦勝", "Playoffs · 第1ラウンド")]
    for m in st["matches"]:
        if m["status"] == "ready":
            assert (await report(client, m["id"], [1, 0])).status_code == 200
    shown = rows((await client.get(f"/teams/{team}?fragment=schedule&lang=ko")).text)
    assert shown[0] == ("부전승", "Playoffs · 1라운드") and len(shown) == 2, shown
    assert shown[1][1] == "Playoffs · 2라운드" and shown[1][0] != "부전승", shown
