"""Venues in the reader's language: the tournament lists its venues with their names in
ko/ja/en; a match whose ``venue`` is one of them reads it in the page's (or the feed's)
language, on every page that says where a match is played; the console edits the list.
Export and import carry it: ``test_stations.py``, for venues and stations alike."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.console_support import admin_console, console_with_match_at, error_of
from tests.helpers import AUTH, make_event, make_stage, soup, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")
HALL = "Olympic Hall, Seoul"
HALL_NAMES = {"ko": "서울 올림픽홀", "ja": "ソウル・オリンピックホール"}
SAID = {"ko": "서울 올림픽홀 · 무대 A", "ja": "ソウル・オリンピックホール · 무대 A",
        "en": "Olympic Hall, Seoul · 무대 A"}


async def _scheduled(client, venue: str = HALL, station: str = "무대 A",
                     stations: list[dict] | None = None):
    """A two-team event whose one match is timed at ``venue``, on ``station`` (not listed
    unless in ``stations``: shown as typed), with the venue listed in three languages."""
    event = await make_event(client, 2)
    r = await client.patch(f"/api/tournaments/{event['slug']}", json={
        "venues": [{"name": HALL, "names": HALL_NAMES}], "stations": stations or []},
        headers=AUTH)
    assert r.status_code == 200, r.text
    st = await make_stage(client, event)
    (match,) = st["matches"]
    r = await client.patch(f"/api/matches/{match['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00", "venue": venue, "station": station},
        headers=AUTH)
    assert r.status_code == 200, r.text
    return event, st, r.json()


async def test_the_tournament_lists_its_venues_and_a_team_schedule_names_them(client):
    event, _, match = await _scheduled(client, "olympic hall, SEOUL")  # typed loosely
    t = (await client.get(f"/api/tournaments/{event['slug']}")).json()
    assert t["venues"] == [{"name": HALL, "names": HALL_NAMES}]
    assert match["venue"] == "olympic hall, SEOUL" and "venue_names" not in match
    (entry,) = (await client.get(f"/api/teams/{event['teams'][0]}")).json()["schedule"]
    assert (entry["venue"], entry["venue_names"]) == ("olympic hall, SEOUL", HALL_NAMES)

    # a venue the list lacks: no names, shown as typed
    r = await client.patch(f"/api/matches/{match['id']}", json={"venue": "Studio B"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    (entry,) = (await client.get(f"/api/teams/{event['teams'][0]}")).json()["schedule"]
    assert (entry["venue"], entry["venue_names"]) == ("Studio B", {})


async def test_two_venues_named_alike_are_refused_and_nothing_changes(client):
    event, _, _ = await _scheduled(client)
    path = f"/api/tournaments/{event['slug']}"
    for twin in ("Olympic Hall, Seoul", "OLYMPIC HALL, SEOUL", "Ｏｌｙｍｐｉｃ Hall, Seoul"):
        r = await client.patch(path, json={"venues": [
            {"name": HALL, "names": {"ko": "올림픽홀"}}, {"name": "Studio B"},
            {"name": twin}]}, headers=AUTH)
        assert r.status_code == 422, (twin, r.text)
        error = r.json()["error"]
        assert (error["code"], error["field"], error["params"]) == (
            "duplicate_venue", "venues.2.name", {"name": twin, "other": HALL})
        assert (await client.get(path)).json()["venues"] == [
            {"name": HALL, "names": HALL_NAMES}]
    r = await client.post("/api/tournaments", json={
        "slug": event["slug"] + "-c", "name": "C",
        "venues": [{"name": "A"}, {"name": "a"}]}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "duplicate_venue"
    assert (await client.get(f"/api/tournaments/{event['slug']}-c")).status_code == 404
    for bad in ([{"name": ""}], [{"name": "A\nB"}], [{"name": "A", "names": {"ko": ""}}],
                [{"name": "A", "names": {"zh": "甲"}}], [{"name": "x" * 101}]):
        r = await client.patch(path, json={"venues": bad}, headers=AUTH)
        assert r.status_code == 422, (bad, r.text)


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_pages_say_the_venue_in_the_readers_language(client, lang):
    event, _, match = await _scheduled(client)
    page = soup((await client.get(f"/matches/{match['id']}?lang={lang}")).text)
    where = page.select_one("[data-where]")
    assert where is not None and visible_text(str(where)) == SAID[lang]
    team = soup((await client.get(f"/teams/{event['teams'][0]}?lang={lang}")).text)
    shown = [visible_text(str(x)) for x in team.select("[data-where]")]
    # the next match's line, and its row in the schedule
    assert shown == [SAID[lang], SAID[lang]]
    # reloaded, or its live fragment fetched again (the cookie alone chooses), the same
    for path in (f"/matches/{match['id']}", f"/matches/{match['id']}?fragment=1"):
        again = soup((await client.get(path, headers={"Cookie": f"lang={lang}"})).text)
        assert visible_text(str(again.select_one("[data-where]"))) == SAID[lang], path


async def test_a_better_translation_shows_at_once_and_an_unlisted_venue_as_typed(client):
    event, _, match = await _scheduled(client)
    r = await client.patch(f"/api/tournaments/{event['slug']}", json={"venues": [
        {"name": HALL, "names": {"ko": "올림픽공원 올림픽홀"}}]}, headers=AUTH)
    assert r.status_code == 200, r.text
    for lang, said in (("ko", "올림픽공원 올림픽홀 · 무대 A"), ("ja", f"{HALL} · 무대 A")):
        page = soup((await client.get(f"/matches/{match['id']}?lang={lang}")).text)
        assert visible_text(str(page.select_one("[data-where]"))) == said
    await client.patch(f"/api/matches/{match['id']}", json={"venue": "Studio B"}, headers=AUTH)
    page = soup((await client.get(f"/matches/{match['id']}?lang=ko")).text)
    assert visible_text(str(page.select_one("[data-where]"))) == "Studio B · 무대 A"


def _location(body: bytes) -> str:
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    return str(event["location"])


async def test_the_calendar_feed_says_the_venue_in_its_language(client):
    event, _, _ = await _scheduled(client)
    team = event["teams"][0]
    for lang in ("ko", "ja", "en"):
        r = await client.get(f"/teams/{team}/schedule.ics?lang={lang}")
        assert r.status_code == 200 and _location(r.content) == SAID[lang], lang


async def test_the_console_run_sheet_and_stage_table_say_the_venue_in_the_page_language(
        client, app):
    event, st, match = await _scheduled(client)
    con, ctx = await admin_console(client, app)
    try:
        r = await con.get(f"/admin/t/{event['slug']}/run-sheet?day=2026-11-28", lang="ja")
        heading = soup(r.text).select_one("[data-sheet-group] h2")
        assert heading is not None
        assert visible_text(str(heading)).startswith("ソウル・オリンピックホール · 무대 A")
        r = await con.get(f"/admin/stages/{st['id']}", lang="ko")
        cells = [visible_text(str(td)) for td in soup(r.text).select("td")]
        assert "서울 올림픽홀 · 무대 A" in cells
        # the Venue fields offer the listed venues, named in the page's language
        for path in (f"/admin/stages/{st['id']}", f"/admin/matches/{match['id']}"):
            html = soup((await con.get(path, lang="ja")).text)
            assert html.select_one("input[name=venue]")["list"] == "venue-names"
            assert [(o["value"], o.get_text()) for o in html.select(
                "datalist#venue-names option")] == [(HALL, "ソウル・オリンピックホール")], path
    finally:
        await ctx.__aexit__(None, None, None)


async def test_the_console_names_venues_and_offers_those_in_use(client, app):
    # its match at the hall, which is not listed
    slug, _, con, ctx = await console_with_match_at(client, app, venue=HALL)
    page = f"/admin/t/{slug}"
    try:
        html = soup((await con.get(page, lang="ko")).text)
        rows = html.select("[data-venues] [data-venue-row]")
        # the venue the match names, waiting for its names; then two empty rows
        assert [r.select_one("[name=venue_name]")["value"] for r in rows] == [HALL, "", ""]
        assert rows[0].has_attr("data-unlisted") and "언어별 이름은 아직" in visible_text(
            str(rows[0]))
        form = {"venue_name": [HALL, "Studio B", ""], "venue_en": ["", "", ""],
                "venue_ko": ["서울 올림픽홀", "스튜디오 B", ""],
                "venue_ja": ["ソウル・オリンピックホール", "", ""]}
        r = await con.post(page, f"{page}/venues", form, lang="ko")
        assert r.status_code == 303, r.text[:300]
        t = (await client.get(f"/api/tournaments/{slug}")).json()
        assert t["venues"] == [{"name": HALL, "names": HALL_NAMES},
                               {"name": "Studio B", "names": {"ko": "스튜디오 B"}}]
        html = soup((await con.get(page, lang="ja")).text)
        rows = html.select("[data-venue-row]")
        assert [(r.select_one("[name=venue_name]")["value"],
                 r.select_one("[name=venue_ja]")["value"]) for r in rows] == [
            (HALL, "ソウル・オリンピックホール"), ("Studio B", ""), ("", ""), ("", "")]
        assert not any(r.has_attr("data-unlisted") for r in rows)

        # a name twice: refused in the page's language, the rows as typed, nothing saved
        typed = {"venue_name": [HALL, "Studio B", "studio b"], "venue_en": ["", "", ""],
                 "venue_ko": ["올림픽홀", "", ""], "venue_ja": ["", "", "スタジオB"]}
        r = await con.post(page, f"{page}/venues", typed, lang="ja")
        assert r.status_code == 422
        assert error_of(r.text) == ("「studio b」という会場が二つあります。"
                                    "試合の会場がどちらを指すのか分かりません。")
        rows = soup(r.text).select("[data-venue-row]")
        assert [(r.select_one("[name=venue_name]")["value"],
                 r.select_one("[name=venue_ja]")["value"]) for r in rows] == [
            (HALL, ""), ("Studio B", ""), ("studio b", "スタジオB"), ("", ""), ("", "")]
        assert (await client.get(f"/api/tournaments/{slug}")).json()["venues"][0] == {
            "name": HALL, "names": HALL_NAMES}

        # translations without a name: refused, naming the field
        r = await con.post(page, f"{page}/venues", {"venue_name": [""], "venue_ko": ["홀"],
                                                    "venue_en": [""], "venue_ja": [""]})
        assert r.status_code == 422 and "Venues" in error_of(r.text)
        # every row empty: the list would lose the hall its match is at (refused, as in
        # test_venue_renames); Studio B, where nothing is played, goes
        r = await con.post(page, f"{page}/venues", {"venue_name": ["", ""]})
        assert r.status_code == 409
        r = await con.post(page, f"{page}/venues", {"venue_name": [HALL, ""],
                                                    "venue_was": [HALL, "Studio B"]})
        assert r.status_code == 303
        assert (await client.get(f"/api/tournaments/{slug}")).json()["venues"] == [
            {"name": HALL, "names": {}}]
    finally:
        await ctx.__aexit__(None, None, None)

