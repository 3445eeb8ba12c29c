"""Stations in the reader's language, as venues are (``test_venues.py``): the tournament
lists its stations with their names in ko/ja/en; a match whose ``station`` is one of them
reads it in the page's (or the feed's) language on every page, overlay and calendar that
says where a match is played; a station renamed reaches its matches and round plans; one in
use cannot be left out; the console edits the list; export and import carry it."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.console_support import admin_console, console_with_match_at, error_of
from tests.helpers import AUTH, make_event, make_stage, soup, visible_text

from .test_venues import HALL, HALL_NAMES, _scheduled

pytestmark = pytest.mark.asyncio(loop_scope="session")
BOOTH = "Booth 2"
BOOTH_NAMES = {"ko": "2번 부스", "ja": "ブース2"}
SAID = {"ko": "서울 올림픽홀 · 2번 부스", "ja": "ソウル・オリンピックホール · ブース2",
        "en": f"{HALL} · {BOOTH}"}
SWISS = {"pairing": "valve", "wins_to_advance": 2, "losses_to_eliminate": 2}


async def _on_booth(client, station: str = BOOTH):
    """A two-team event whose one match is timed at the hall on ``station``, the hall and
    the booth listed in three languages."""
    return await _scheduled(client, station=station,
                            stations=[{"name": BOOTH, "names": BOOTH_NAMES}])


async def test_the_tournament_lists_its_stations_and_a_team_schedule_names_them(client):
    event, _, match = await _on_booth(client, "booth 2")  # typed loosely
    t = (await client.get(f"/api/tournaments/{event['slug']}")).json()
    assert t["stations"] == [{"name": BOOTH, "names": BOOTH_NAMES}]
    assert match["station"] == "booth 2" and "station_names" not in match
    (entry,) = (await client.get(f"/api/teams/{event['teams'][0]}")).json()["schedule"]
    assert (entry["station"], entry["station_names"]) == ("booth 2", BOOTH_NAMES)


@pytest.mark.parametrize("field", ["venues", "stations"])
async def test_a_list_is_given_on_create_replaced_whole_and_never_null(client, field):
    event = await make_event(client, 2)
    slug = event["slug"] + "-b"
    r = await client.post("/api/tournaments", json={
        "slug": slug, "name": "B", field: [{"name": "Hall"}]}, headers=AUTH)
    assert r.status_code == 201 and r.json()[field] == [{"name": "Hall", "names": {}}]
    r = await client.patch(f"/api/tournaments/{slug}", json={field: None}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == field
    r = await client.patch(f"/api/tournaments/{slug}", json={field: []}, headers=AUTH)
    assert r.status_code == 200 and r.json()[field] == []

async def test_two_stations_named_alike_are_refused_and_nothing_changes(client):
    event, _, _ = await _on_booth(client)
    path = f"/api/tournaments/{event['slug']}"
    for twin in ("booth 2", "Ｂｏｏｔｈ ２"):
        r = await client.patch(path, json={"venues": [], "stations": [
            {"name": BOOTH}, {"name": "Main stage"}, {"name": twin}]}, headers=AUTH)
        assert r.status_code == 422, (twin, r.text)
        error = r.json()["error"]
        assert (error["code"], error["field"], error["params"]) == (
            "duplicate_station", "stations.2.name", {"name": twin, "other": BOOTH})
        t = (await client.get(path)).json()  # the venues sent with it are not saved either
        assert (t["stations"], [v["name"] for v in t["venues"]]) == (
            [{"name": BOOTH, "names": BOOTH_NAMES}], [HALL])
    r = await client.post("/api/tournaments", json={
        "slug": event["slug"] + "-c", "name": "C",
        "stations": [{"name": "A"}, {"name": "a"}]}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "duplicate_station"


async def test_a_renamed_station_reaches_its_matches_and_plans_and_one_in_use_stays(client):
    event = await make_event(client, 8)
    slug, path = event["slug"], f"/api/tournaments/{event['slug']}"
    r = await client.patch(path, json={"stations": [{"name": BOOTH}, {"name": "Booth 3"}]},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    st = await make_stage(client, event, format="swiss", settings=SWISS)
    m1, m2, m3, _ = sorted(st["matches"], key=lambda m: m["number"])
    for m, station in ((m1, BOOTH), (m2, "BOOTH 2"), (m3, "Booth 3")):
        r = await client.patch(f"/api/matches/{m['id']}", json={"station": station},
                               headers=AUTH)
        assert r.status_code == 200, r.text
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json={
        "round": 2, "starts_at": "2026-11-30T13:00:00+09:00", "interval_minutes": 60,
        "stations": ["Booth 3", BOOTH]}, headers=AUTH)
    assert r.status_code == 201, r.text

    # left out while in use: refused, naming it and where; nothing changes
    r = await client.patch(path, json={"stations": [{"name": "Booth 3"}]}, headers=AUTH)
    assert r.status_code == 409
    assert (r.json()["error"]["code"], r.json()["error"]["params"]) == (
        "station_in_use", {"name": BOOTH, "matches": 2, "plans": 1})
    for bad, code in (([{"name": "X", "renamed_from": "Booth 9"}], "unknown_station_name"),
                      ([{"name": "X", "renamed_from": BOOTH}, {"name": BOOTH}],
                       "station_renamed_twice")):
        r = await client.patch(path, json={"stations": [{"name": "Booth 3"}, *bad]},
                               headers=AUTH)
        assert r.status_code == 422, r.text
        assert (r.json()["error"]["code"], r.json()["error"]["field"]) == (
            code, "stations.1.renamed_from")
    assert [s["name"] for s in (await client.get(path)).json()["stations"]] == [
        BOOTH, "Booth 3"]

    # renamed: every match and the plan on it follow, the other station kept
    r = await client.patch(path, json={"stations": [
        {"name": "Main stage", "names": {"ja": "メインステージ"}, "renamed_from": BOOTH},
        {"name": "Booth 3"}]}, headers=AUTH)
    assert r.status_code == 200, r.text
    stations = {m["number"]: m["station"] for m in
                (await client.get(f"/api/stages/{st['id']}")).json()["matches"]}
    assert stations == {1: "Main stage", 2: "Main stage", 3: "Booth 3", 4: None}
    (plan,) = (await client.get(f"/api/stages/{st['id']}/round-plans",
                                headers=AUTH)).json()["plans"]
    assert plan["stations"] == ["Booth 3", "Main stage"]
    audit = (await client.get(f"/api/tournaments/{slug}/audit", headers=AUTH)).json()
    moved = sorted((e["action"], e["target"]["id"]) for e in audit["items"][:4]
                   if e["action"] in ("match.schedule", "round_plan.save"))
    assert moved == sorted([("match.schedule", m1["id"]), ("match.schedule", m2["id"]),
                            ("round_plan.save", st["id"])])
    page = soup((await client.get(f"/matches/{m2['id']}?lang=ja")).text)
    assert visible_text(str(page.select_one("[data-where]"))) == "メインステージ"


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_pages_say_the_station_in_the_readers_language(client, lang):
    event, _, match = await _on_booth(client)
    page = soup((await client.get(f"/matches/{match['id']}?lang={lang}")).text)
    assert visible_text(str(page.select_one("[data-where]"))) == SAID[lang]
    team = soup((await client.get(f"/teams/{event['teams'][0]}?lang={lang}")).text)
    # the next match's line, and its row in the schedule
    assert [visible_text(str(x)) for x in team.select("[data-where]")] == [SAID[lang]] * 2
    again = soup((await client.get(f"/matches/{match['id']}?fragment=1",
                                   headers={"Cookie": f"lang={lang}"})).text)
    assert visible_text(str(again.select_one("[data-where]"))) == SAID[lang]
    # the calendar feed, in its language
    r = await client.get(f"/teams/{event['teams'][0]}/schedule.ics?lang={lang}")
    (vevent,) = Calendar.from_ical(r.content).walk("VEVENT")
    assert str(vevent["location"]) == SAID[lang]


async def test_the_now_on_overlay_and_the_run_sheet_name_the_station(client, app):
    event, _, match = await _on_booth(client)
    slug = event["slug"]
    overlay = f"/overlay/tournaments/{slug}/now?station={BOOTH}"
    r = await client.get(f"{overlay}&lang=ja")  # its match there: the match's own title
    assert soup(r.text).select_one(".ov-match")["data-match"] == str(match["id"])
    # its match untimed, nothing to show: the empty frame's title says which station it
    # watches, as the producer reads it (the address keeps the station as stored)
    r = await client.patch(f"/api/matches/{match['id']}", json={"scheduled_at": None},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    for lang in ("ko", "ja"):
        page = soup((await client.get(f"{overlay}&lang={lang}")).text)
        assert page.select(".ov-match") == []
        assert page.title.get_text(strip=True).startswith(BOOTH_NAMES[lang]), lang
    r = await client.patch(f"/api/matches/{match['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200, r.text
    con, ctx = await admin_console(client, app)
    try:
        r = await con.get(f"/admin/t/{slug}/run-sheet?day=2026-11-28", lang="ja")
        heading = soup(r.text).select_one("[data-sheet-group] h2")
        assert visible_text(str(heading)).startswith(SAID["ja"])
    finally:
        await ctx.__aexit__(None, None, None)


async def test_the_console_names_stations_and_offers_those_in_use(client, app):
    # its match on the booth, which is not listed
    slug, match, con, ctx = await console_with_match_at(client, app, station=BOOTH)
    page = f"/admin/t/{slug}"
    try:
        html = soup((await con.get(page, lang="ko")).text)
        rows = html.select("[data-stations] [data-station-row]")
        assert [r.select_one("[name=station_name]")["value"] for r in rows] == [BOOTH, "", ""]
        assert rows[0].has_attr("data-unlisted") and visible_text(str(rows[0])).endswith(
            "이 스테이션에서 경기가 열리지만 언어별 이름은 아직 저장되지 않았습니다.")
        form = {"station_name": [BOOTH, "Main stage", ""], "station_en": ["", "", ""],
                "station_ko": ["2번 부스", "메인 무대", ""], "station_ja": ["ブース2", "", ""],
                "station_was": [BOOTH, "", ""]}
        r = await con.post(page, f"{page}/stations", form, lang="ko")
        assert r.status_code == 303, r.text[:300]
        assert (await client.get(f"/api/tournaments/{slug}")).json()["stations"] == [
            {"name": BOOTH, "names": BOOTH_NAMES},
            {"name": "Main stage", "names": {"ko": "메인 무대"}}]

        # a name twice: refused in the page's language, the rows as typed, nothing saved
        typed = {"station_name": [BOOTH, "Main stage", "main STAGE"],
                 "station_ko": ["부스", "", ""], "station_ja": ["", "", "メイン"],
                 "station_en": ["", "", ""], "station_was": [BOOTH, "Main stage", ""]}
        r = await con.post(page, f"{page}/stations", typed, lang="ja")
        assert r.status_code == 422
        assert error_of(r.text) == ("「main STAGE」というステーションが二つあります。"
                                    "試合のステーションがどちらを指すのか分かりません。")
        rows = soup(r.text).select("[data-station-row]")
        assert [(r.select_one("[name=station_name]")["value"],
                 r.select_one("[name=station_ja]")["value"]) for r in rows] == [
            (BOOTH, ""), ("Main stage", ""), ("main STAGE", "メイン"), ("", ""), ("", "")]
        # the row at fault marked, its error beside it
        assert [r.has_attr("data-at-fault") for r in rows] == [False, False, True, False, False]
        assert rows[2].select_one("[name=station_name]")["aria-invalid"] == "true"
        # the venues' form is drawn as stored, not as the stations were typed
        assert soup(r.text).select("[data-venue-row] [name=venue_name]")[0]["value"] == ""

        # emptied while the match is on it: refused in the page's language
        r = await con.post(page, f"{page}/stations", {"station_name": ["", ""]}, lang="ko")
        assert r.status_code == 409 and error_of(r.text).startswith(
            "Booth 2(2번 부스)에서 열리는 경기가 1개, 라운드 계획이 0개 있습니다.")
        # renamed by its row: the match follows
        r = await con.post(page, f"{page}/stations", {
            "station_name": ["Booth 7", "Main stage"], "station_was": [BOOTH, "Main stage"],
            "station_ko": ["7번 부스", ""]})
        assert r.status_code == 303
        assert (await client.get(f"/api/matches/{match['id']}")).json()["station"] == "Booth 7"
    finally:
        await ctx.__aexit__(None, None, None)


@pytest.mark.parametrize("field, code", [("venues", "duplicate_venue"),
                                         ("stations", "duplicate_station")])
async def test_export_and_import_carry_the_venues_and_stations(client, field, code):
    """Both lists go with the export, and a schedule entry of the copy reads them; an export
    written before a list loads with none of it; two alike are refused."""
    event, _, _ = await _on_booth(client)
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    sent = (await client.get(f"/api/tournaments/{event['slug']}")).json()
    assert [doc["tournament"][k] for k in ("venues", "stations")] == [
        sent["venues"], [{"name": BOOTH, "names": BOOTH_NAMES}]]
    for tail, change in (("copy", {}), ("old", {field: None}),
                         ("twice", {field: [{"name": "A"}, {"name": "Ａ"}]})):
        t = {k: v for k, v in doc["tournament"].items() if k not in change} | {
            k: v for k, v in change.items() if v is not None} | {
            "slug": f"{event['slug']}-{tail}"}
        r = await client.post("/api/tournaments/import", json=doc | {"tournament": t},
                              headers=AUTH)
        if tail == "twice":
            assert (r.status_code, r.json()["error"]["code"], r.json()["error"]["field"]) \
                == (422, code, f"tournament.{field}.1.name")
            continue
        assert r.status_code == 201, r.text
        copy = (await client.get(f"/api/tournaments/{t['slug']}")).json()
        assert copy[field] == ([] if change else sent[field]), tail
    copy = (await client.get(f"/api/tournaments/{event['slug']}-copy")).json()
    teams = (await client.get(f"/api/tournaments/{copy['slug']}/events/"
                              f"{copy['events'][0]['slug']}")).json()["teams"]
    (entry,) = (await client.get(f"/api/teams/{teams[0]['id']}")).json()["schedule"]
    assert (entry["venue_names"], entry["station_names"]) == (
        HALL_NAMES, BOOTH_NAMES)
