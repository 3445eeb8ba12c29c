"""A fighting-game top 8 (double elimination, four starting in the lower bracket, with a
bracket reset) names its rounds as players and casters do, on every page that names a
round: the stage page's and the overlay's columns, the match page, the team's schedule,
its calendar feed, the referee's list and console, and the organizer's match table. Its
first column is the winners semifinals (it read "Upper round 2"); lower round 1 keeps its
number (tests/unit/test_double_elimination_round_names.py walks every size). In Japanese a
numbered round is written as the named ones are, without a space ("敗者側第1ラウンド" beside
"敗者側準々決勝"; a spectators' review found "敗者側 第1ラウンド" beside it)."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.console_support import admin_console
from tests.helpers import AUTH, by_number, make_event, make_stage, soup
from tests.round_names_support import referee_sees_round

pytestmark = pytest.mark.asyncio(loop_scope="session")

COLUMNS = {
    "ko": (["승자조 준결승", "승자조 결승"],
           ["패자조 1라운드", "패자조 준준결승", "패자조 준결승", "패자조 결승"]),
    "ja": (["勝者側準決勝", "勝者側決勝"],
           ["敗者側第1ラウンド", "敗者側準々決勝", "敗者側準決勝", "敗者側決勝"]),
    "en": (["Upper semifinal", "Upper final"],
           ["Lower round 1", "Lower quarterfinal", "Lower semifinal", "Lower final"]),
}
SEMIFINAL = {"ko": "승자조 준결승", "ja": "勝者側準決勝", "en": "Upper semifinal"}


def columns(html: str, bracket: str) -> list[str]:
    return [h.get_text(strip=True)
            for h in soup(html).select(f".bracket-{bracket} .round-title")]


async def test_a_top_8_names_its_rounds_on_every_page(client, app):
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="double_elimination",
                          seeding_method="natural",
                          settings={"lower_start": 4, "grand_final": "reset"})
    first = by_number(st)[1]
    assert (first["bracket"], first["round"]) == ("winners", 2)
    r = await client.patch(f"/api/matches/{first['id']}",
                           json={"scheduled_at": "2026-12-01T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200, r.text
    team = first["teams"][0]
    for lang, (upper, lower) in COLUMNS.items():
        for path in (f"/stages/{st['id']}", f"/overlay/stages/{st['id']}"):
            html = (await client.get(path, params={"lang": lang})).text
            assert columns(html, "winners") == upper, (lang, path)
            assert columns(html, "losers") == lower, (lang, path)
        page = soup((await client.get(f"/matches/{first['id']}", params={"lang": lang})).text)
        meta = page.select_one(".hero-meta").get_text(" ", strip=True)
        assert meta.startswith(f"M1 · {SEMIFINAL[lang]} · BO"), meta
        page = soup((await client.get(f"/teams/{team}", params={"lang": lang})).text)
        row = page.select_one(f'table.schedule tr[data-match="{first["id"]}"]')
        read = " ".join(row.get_text(" ").split())  # a no-break space after "·" read as one
        assert f"· {SEMIFINAL[lang]}" in read, read
        feed = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics",
                                                    params={"lang": lang})).content)
        (entry,) = feed.walk("VEVENT")
        assert str(entry["description"]).splitlines()[0].endswith(
            f" · {SEMIFINAL[lang]} · M1 · BO1"), entry["description"]

    await referee_sees_round(app, client, event["slug"], first["id"],
                             {lang: SEMIFINAL[lang] for lang in ("ko", "ja")})

    con, ctx = await admin_console(client, app)
    try:
        page = soup((await con.get(f"/admin/stages/{st['id']}", "ja")).text)
        rounds = {int(r.select_one("td").get_text(strip=True)[1:]):
                  r.select("td")[1].get_text(" ", strip=True)
                  for r in page.select("[data-match-row]")}
        assert [rounds[n] for n in range(1, 11)] == [  # the reset is listed once it is played
            "勝者側準決勝", "勝者側準決勝", "敗者側第1ラウンド", "敗者側第1ラウンド",
            "敗者側準々決勝", "敗者側準々決勝", "勝者側決勝", "敗者側準決勝", "敗者側決勝",
            "グランドファイナル"]
        page = soup((await con.get(f"/admin/matches/{first['id']}", "ko")).text)
        assert page.select_one("h1").get_text(" ", strip=True).startswith("M1 · 승자조 준결승")
    finally:
        await ctx.__aexit__(None, None, None)
