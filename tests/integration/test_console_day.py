"""Issue 11, the organizer's day in the console: a match's time and place (clashes refused
unless overridden, a stale page refused), check-in, forfeits; the control board (live, late,
next; no-shows past the grace period offered as a forfeit in one click) and the run sheet
(a day by venue and station, printable). Through a signed-in admin's session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.accounts_support import browser_for, make_user
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, by_number, make_event, make_stage, soup, stage, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")
SEOUL = ZoneInfo("Asia/Seoul")


def local(moment: datetime) -> str:
    """A time as a datetime-local field holds it, in the tournament's zone (Seoul)."""
    return moment.astimezone(SEOUL).strftime("%Y-%m-%dT%H:%M")


async def _four(client):
    event = await make_event(client, teams=4)
    await client.patch(f"/api/tournaments/{event['slug']}", json={"timezone": "Asia/Seoul"},
                       headers=AUTH)
    st = await make_stage(client, event, settings={"best_of": 3, "third_place_match": True})
    return event, st, by_number(st)


async def get(con, path: str, lang: str = "en", **params: str):
    """A console page with query parameters (and the page's language)."""
    r = await con.b.client.get(path, params={"lang": lang, **params})
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    return r


def section(html: str, key: str) -> list[int]:
    """The match ids a board section shows, in order."""
    part = soup(html).select_one(f'[data-board-section="{key}"]')
    assert part is not None, key
    return [int(x["data-board-match"]) for x in part.select("[data-board-match]")]


async def test_a_match_is_scheduled_clash_refused_then_overridden(client, app):
    event, _, m = await _four(client)
    ref = await make_user(client, role="referee")
    con, ctx = await admin_console(client, app)
    try:
        at = datetime(2026, 12, 1, 18, 0, tzinfo=SEOUL)
        page = f"/admin/matches/{m[1]['id']}"
        r = await con.post(page, f"{page}/schedule", {
            "scheduled_at": local(at), "venue": "Olympic Hall", "station": "A",
            "stream_url": "https://twitch.tv/kj", "referee_id": str(ref["id"]),
            "version": str(m[1]["version"])})
        assert r.status_code == 303, error_of(r.text)
        got = (await client.get(f"/api/matches/{m[1]['id']}")).json()
        assert (datetime.fromisoformat(got["scheduled_at"]), got["venue"], got["station"],
                got["stream_url"], got["referee_id"]) == (at, "Olympic Hall", "A",
                                                          "https://twitch.tv/kj", ref["id"])
        trail = (await client.get(f"/api/tournaments/{event['slug']}/audit",
                                  headers=AUTH)).json()["items"]
        assert trail[0]["action"] == "match.schedule" and trail[0]["target"]["id"] == m[1]["id"]

        # M2 on the same station at the same time: refused, said in Korean, nothing saved
        page2 = f"/admin/matches/{m[2]['id']}"
        typed = {"scheduled_at": local(at + timedelta(minutes=30)), "venue": "Olympic Hall",
                 "station": "A", "version": str(m[2]["version"])}
        r = await con.post(page2, f"{page2}/schedule", typed, lang="ko")
        assert r.status_code == 409
        html = soup(r.text)
        clashes = [li.get_text(" ", strip=True) for li in html.select("[data-clashes] li")]
        assert clashes == ["M2 ↔ Playoffs M1: 스테이션 Olympic Hall A"], clashes
        assert html.select_one("[data-override]") is not None
        assert html.select_one('[data-field="station"]')["value"] == "A"  # kept as typed
        assert (await client.get(f"/api/matches/{m[2]['id']}")).json()["scheduled_at"] is None
        r = await con.post(page2, f"{page2}/schedule", {**typed, "override": "on"})
        assert r.status_code == 303, error_of(r.text)
        assert (await client.get(f"/api/matches/{m[2]['id']}")).json()["station"] == "A"

        # Saved from a page drawn before someone else's change: refused, nothing undone
        r = await con.post(page, f"{page}/schedule", {
            "scheduled_at": "", "venue": "", "station": "", "version": str(m[1]["version"])})
        assert r.status_code == 409, r.status_code
        assert "changed" in error_of(r.text), error_of(r.text)
        assert (await client.get(f"/api/matches/{m[1]['id']}")).json()["venue"] == \
            "Olympic Hall"
        # Cleared from a fresh page: every field may be emptied
        r = await con.post(page, f"{page}/schedule", {"scheduled_at": "", "venue": "",
                                                      "station": "", "referee_id": ""})
        assert r.status_code == 303, error_of(r.text)
        got = (await client.get(f"/api/matches/{m[1]['id']}")).json()
        assert (got["scheduled_at"], got["venue"], got["station"], got["referee_id"]) == \
            (None, None, None, None)
        # A time that is not a time: the field named in Japanese, nothing saved
        r = await con.post(page, f"{page}/schedule", {"scheduled_at": "tomorrow"}, lang="ja")
        assert r.status_code == 422
        assert error_of(r.text) == "時間：2026-12-01 13:00のような日時で入力してください。", \
            error_of(r.text)  # it says what a time looks like
    finally:
        await ctx.__aexit__(None, None, None)


async def test_check_in_and_a_forfeit_from_the_match_page(client, app):
    _, st, m = await _four(client)
    con, ctx = await admin_console(client, app)
    try:
        page = f"/admin/matches/{m[1]['id']}"
        r = await con.post(page, f"{page}/check-in", {"side": "2", "on": "1"})
        assert r.status_code == 303, error_of(r.text)
        got = (await client.get(f"/api/matches/{m[1]['id']}")).json()
        assert got["checked_in_at"][0] is None and got["checked_in_at"][1] is not None
        shown = soup((await con.get(page, "ko")).text)
        assert [li["data-side"] for li in shown.select(".check-ins li")] == ["1", "2"]
        assert shown.select_one('[data-side="2"] [data-checked-in]') is not None
        assert shown.select_one('[data-side="1"] [data-checked-in]') is None
        r = await con.post(page, f"{page}/check-in", {"side": "2", "on": "0"})
        assert r.status_code == 303
        got = (await client.get(f"/api/matches/{m[1]['id']}")).json()
        assert got["checked_in_at"] == [None, None]

        r = await con.post(page, f"{page}/forfeit", {"side": "1"})
        assert r.status_code == 303, error_of(r.text)
        view = by_number(await stage(client, st["id"]))
        assert (view[1]["status"], view[1]["teams"], view[1]["winner"],
                view[1]["forfeited_by"]) == ("completed", [st["seeding"][0], st["seeding"][3]],
                                             2, 1)  # seed 1 v seed 4; seed 1 forfeited
        assert view[3]["teams"][0] == st["seeding"][3]  # the bracket moved on
        # a decided match's page offers to correct it, not to enter scores
        done = soup((await con.get(page, "ko")).text)
        assert done.select_one("[data-enter-scores]").get_text(strip=True) == "결과 수정"
        r = await con.post(page, f"{page}/forfeit", {"side": "3"}, lang="ko")
        assert r.status_code == 422  # no side 3: said, nothing changed
        assert (await client.get(f"/api/matches/{m[1]['id']}")).json()["version"] == \
            view[1]["version"]
    finally:
        await ctx.__aexit__(None, None, None)


async def test_the_board_shows_live_late_and_next_and_forfeits_a_no_show(client, app):
    event, st, m = await _four(client)
    now = datetime.now(UTC)
    slug = event["slug"]
    for match, body in ((m[1], {"scheduled_at": (now - timedelta(minutes=25)).isoformat(),
                                "checked_in": [True, False]}),
                        (m[2], {"scheduled_at": (now - timedelta(minutes=40)).isoformat()}),
                        (m[2], {"score": [1, 0], "status": "live"}),
                        (m[3], {"scheduled_at": (now + timedelta(hours=2)).isoformat()})):
        r = await client.patch(f"/api/matches/{match['id']}", json=body, headers=AUTH)
        assert r.status_code == 200, r.text
    con, ctx = await admin_console(client, app)
    try:
        board = f"/admin/t/{slug}/board"
        html = (await con.get(board, "ko")).text
        assert (section(html, "live"), section(html, "late"), section(html, "next")) == \
            ([m[2]["id"]], [m[1]["id"]], [m[3]["id"]])
        late = soup(html).select_one(f'[data-board-match="{m[1]["id"]}"]')
        assert late.select_one("[data-late]")["data-late"] in ("25", "26")
        assert "25분 지연" in late.get_text() or "26분 지연" in late.get_text()
        # side 1 came; side 2 did not, 25 minutes after the time: offered as a forfeit
        assert [b["data-no-show"] for b in late.select("[data-no-show]")] == ["2"]
        assert late.select_one('[data-side="1"] [data-checked-in]') is not None
        # with half an hour's grace nobody is a no-show yet
        relaxed = soup((await get(con, board, "ko", grace="30")).text)
        assert relaxed.select(f'[data-board-match="{m[1]["id"]}"] [data-no-show]') == []
        r = await con.post(board, f"/admin/matches/{m[1]['id']}/forfeit", {
            "side": "2", "next": "board", "slug": slug, "version": late.select_one(
                '[data-no-show="2"]').find_parent("form").select_one(
                    '[name="version"]')["value"]}, lang="ko")
        assert r.status_code == 303 and r.headers["location"].startswith(board), r.text[:300]
        view = by_number(await stage(client, st["id"]))
        assert (view[1]["winner"], view[1]["forfeited_by"]) == (1, 2)
        assert view[3]["teams"][0] == st["seeding"][0]
        html = (await con.get(board)).text
        assert section(html, "late") == [] and section(html, "live") == [m[2]["id"]]
        # a refusal from the board is said on the board
        r = await con.post(board, f"/admin/matches/{m[3]['id']}/check-in", {
            "side": "1", "next": "board", "slug": slug, "version": "999"}, lang="en")
        assert r.status_code == 409 and "data-board" in r.text and error_of(r.text)
        assert (await client.get(f"/api/matches/{m[3]['id']}")).json()[
            "checked_in_at"] == [None, None]
        # the fragment the page redraws itself from is the board's body alone
        frag = await get(con, board, fragment="1", grace="10")
        assert "<html" not in frag.text and section(frag.text, "live") == [m[2]["id"]]
        bad = await con.b.client.get(board, params={"grace": "soon"})
        assert bad.status_code == 422
    finally:
        await ctx.__aexit__(None, None, None)


async def test_the_run_sheet_lists_a_day_by_venue_and_station(client, app):
    event, _, m = await _four(client)
    slug = event["slug"]
    day = datetime(2026, 12, 2, tzinfo=SEOUL)
    plan = [(m[2], day.replace(hour=14), "Hall B", "1"), (m[1], day.replace(hour=13),
                                                          "Hall A", "2"),
            (m[3], day.replace(hour=18), "Hall A", "2"),
            (m[4], (day - timedelta(days=1)).replace(hour=23, minute=30), "Hall A", "2")]
    for match, at, venue, station in plan:
        r = await client.patch(f"/api/matches/{match['id']}", json={
            "scheduled_at": at.isoformat(), "venue": venue, "station": station}, headers=AUTH)
        assert r.status_code == 200, r.text
    con, ctx = await admin_console(client, app)
    try:
        r = await get(con, f"/admin/t/{slug}/run-sheet", "ja", day="2026-12-02")
        html = soup(r.text)
        groups = [(g["data-sheet-group"], [int(x["data-sheet-match"]) for x in
                                           g.select("[data-sheet-match]")])
                  for g in html.select("[data-sheet-group]")]
        # M3 waits for M1 and M2's winners, but it is on the sheet: people play it that day
        assert groups == [("Hall A|2", [m[1]["id"], m[3]["id"]]),
                          ("Hall B|1", [m[2]["id"]])]
        first = html.select_one(f'[data-sheet-match="{m[1]["id"]}"]')
        assert first.select_one("td.time").get_text(strip=True) == "13:00"
        assert "チーム1" in first.get_text() and "チーム4" in first.get_text()
        assert html.select_one("h1 [data-day]").get_text(strip=True) == "12月2日(水)"
        days = [a["data-day-link"] for a in html.select("[data-day-link]")]
        assert days == ["2026-12-01", "2026-12-02"]
        other = soup((await get(con, f"/admin/t/{slug}/run-sheet", day="2026-12-01")).text)
        assert [int(x["data-sheet-match"]) for x in other.select("[data-sheet-match]")] == \
            [m[4]["id"]]
        empty = await get(con, f"/admin/t/{slug}/run-sheet", day="2026-12-09")
        assert soup(empty.text).select_one("[data-sheet-empty]") is not None
        bad = await con.b.client.get(f"/admin/t/{slug}/run-sheet", params={"day": "2026-13-40"})
        assert bad.status_code == 422
        assert "print" in (await client.get("/static/css/site.css")).text
    finally:
        await ctx.__aexit__(None, None, None)


async def test_day_pages_are_for_admins(client, app):
    event, _, m = await _four(client)
    ref = await make_user(client, role="referee")
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        for path in (f"/admin/t/{event['slug']}/board", f"/admin/t/{event['slug']}/run-sheet",
                     f"/admin/matches/{m[1]['id']}"):
            assert (await b.client.get(path)).status_code == 403, path
    async with browser_for(app) as anonymous:
        r = await anonymous.client.get(f"/admin/matches/{m[1]['id']}")
        assert r.status_code in (302, 303) and "/login" in r.headers["location"]
    con, ctx = await admin_console(client, app)
    try:
        r = await con.b.client.get("/admin/matches/99999999")
        assert r.status_code == 404
        assert "M1" in visible_text((await con.get(f"/admin/matches/{m[1]['id']}")).text)
    finally:
        await ctx.__aexit__(None, None, None)
