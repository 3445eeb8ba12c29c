"""The words of a team's line in its event's last stage, where nobody goes through to
anything (``web/last_stage.py``, ``team_view.status_word``): a Swiss that ends the event,
a third-place match's winner, and a finished last stage's table."""

from __future__ import annotations

import pytest

from tests.helpers import make_event, make_stage, play_out, report, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")

BANDS = {"ko": "1–2위", "ja": "1–2位", "en": "1st–2nd"}
NO_MORE = {"ko": "이 종목에서 남은 경기가 없습니다.",
           "ja": "この種目での試合はすべて終わりました。",
           "en": "No more matches in this event."}
ADVANCED = {"ko": "진출", "ja": "勝ち抜け", "en": "Advanced"}


def seeded(event: dict):
    """The better seed wins every match: no ties."""
    order = event["teams"]
    return lambda m: 1 if order.index(m["teams"][0]) < order.index(m["teams"][1]) else 2


def said(html: str) -> list[str]:
    return [s.get_text(strip=True) for s in soup(html).select("[data-standing-status]")]


async def play_rounds(client, stage_id: int, rounds: int) -> list[dict]:
    """Every match of the first ``rounds`` Swiss rounds, side 1 winning; the standings."""
    while ready := [m for m in (await client.get(f"/api/stages/{stage_id}")).json()
                    ["matches"] if m["status"] == "ready" and m["round"] <= rounds]:
        for m in ready:
            assert (await report(client, m["id"], [1, 0])).status_code == 200
    return list((await client.get(f"/api/stages/{stage_id}")).json()["standings"])


async def test_a_swiss_that_ends_the_event_says_where_its_teams_through_finish(client):
    """A review found the two teams on 3–0 of VALORANT's Swiss (the event's only stage)
    read "· 진출" / "勝ち抜け" / "Advanced" on their pages and in the stage's table, though
    the event ends there: they advance nowhere. As Liquipedia places a Swiss stage's teams
    by record, each says the places it finishes between, 1–2위 / 1–2位 / 1st–2nd (its own
    place, 1위, is not said beside it); the teams still playing say "Still in", and a
    Swiss before playoffs keeps "Advanced". Its next match is none: "No more matches in
    this event.", not "No upcoming match yet." (it plays no more)."""
    alone, before = await make_event(client, 16), await make_event(client, 16)
    swiss = await make_stage(client, alone, name="Swiss", format="swiss")
    first = await make_stage(client, before, name="Swiss", format="swiss")
    await make_stage(client, before, name="Playoffs", seeding={
        "from_stage": first["id"], "qualifiers": 8})
    rows = await play_rounds(client, swiss["id"], 3)
    through = [r["team_id"] for r in rows if r["status"] == "advanced"]
    assert len(through) == 2 and all(r["losses"] == 0 for r in rows[:2])
    going_on = next(r["team_id"] for r in rows if r["status"] == "active")
    kept = [r["team_id"] for r in await play_rounds(client, first["id"], 3)
            if r["status"] == "advanced"]
    for lang, band in BANDS.items():
        for team in through:
            page = (await client.get(f"/teams/{team}?lang={lang}")).text
            assert said(page) == [band], (lang, said(page))
            assert soup(page).select_one("[data-standing-place]") is None
            assert soup(page).select_one("[data-no-next]").get_text(strip=True) == \
                NO_MORE[lang]  # not "No upcoming match yet.": it plays no more
        table = soup((await client.get(f"/stages/{swiss['id']}?lang={lang}")).text)
        cells = [table.select_one(f'[data-standings] tr[data-team="{t}"] [data-team-status]')
                 .get_text(strip=True) for t in through]
        assert cells == [band, band], (lang, cells)
        page = (await client.get(f"/teams/{going_on}?lang={lang}")).text
        assert said(page) == [{"ko": "생존", "ja": "勝ち残り", "en": "Still in"}[lang]]
        page = (await client.get(f"/teams/{kept[0]}?lang={lang}")).text
        assert said(page) == [ADVANCED[lang]], (lang, said(page))


async def test_the_last_stages_lone_third_says_its_place_not_eliminated(client):
    """A review found a third-place match's winner read "3위 · 탈락" ("3rd · Eliminated"):
    true, as it is out, but it won its last match and the bronze. The last stage's lone 3rd
    says 3위 / 3位 / 3rd place (its place not said twice), the 4th still "Eliminated";
    the same for double elimination's lone 3rd (its lower final's loser) and a league's."""
    for fmt, settings in (("single_elimination", {"third_place_match": True}),
                          ("double_elimination", {}), ("round_robin", {"advance": 2})):
        event = await make_event(client, 4)
        st = await make_stage(client, event, name="Finals", format=fmt, settings=settings)
        await play_out(client, st["id"], seeded(event))
        placed = {p["rank"]: p["team_id"] for p in (await client.get(
            f"/api/tournaments/{event['slug']}/events/{event['event']}")).json()["placements"]}
        for lang, third, out in (("ko", "3위", "탈락"), ("ja", "3位", "敗退"),
                                 ("en", "3rd place", "Eliminated")):
            page = (await client.get(f"/teams/{placed[3]}?lang={lang}")).text
            assert said(page) == [third], (fmt, lang, said(page))
            assert soup(page).select_one("[data-standing-place]") is None
            page = (await client.get(f"/teams/{placed[4]}?lang={lang}")).text
            assert said(page) == [out], (fmt, lang, said(page))
            assert soup(page).select_one("[data-standing-place]") is not None


async def test_a_finished_last_stage_lets_its_places_say_it(client):
    """A league with a line (two go through) that ends the event: once it is over, its
    table has no status column saying "Advanced" for teams that go nowhere (its places
    say it all, as a finished bracket's do); a team of it through but 4th of a larger
    field says no word on its page, only its place."""
    event = await make_event(client, 6)
    st = await make_stage(client, event, name="League", format="round_robin",
                          settings={"advance": 4})
    await play_out(client, st["id"], seeded(event))
    placed = {p["rank"]: p["team_id"] for p in (await client.get(
        f"/api/tournaments/{event['slug']}/events/{event['event']}")).json()["placements"]}
    for lang in ("ko", "ja", "en"):
        table = soup((await client.get(f"/stages/{st['id']}?lang={lang}")).text)
        assert table.select("[data-standings] tr[data-team]")
        assert not table.select("[data-team-status]"), lang
        page = (await client.get(f"/teams/{placed[4]}?lang={lang}")).text
        assert said(page) == [], (lang, said(page))
        assert soup(page).select_one("[data-standing-place]") is not None
