"""A venue renamed in the tournament's list reaches every match and round plan at it (in
the edit's transaction, audited, on the live feed); a listed venue still in use cannot be
left out (409 ``venue_in_use``); the console renames a venue by its row."""

from __future__ import annotations

import pytest

from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, soup, visible_text

from .test_feed_standings import events_after, last

pytestmark = pytest.mark.asyncio(loop_scope="session")
HALL = "Olympic Hall, Seoul"
PARK = "Olympic Park Hall"
PARK_NAMES = {"ko": "올림픽공원 올림픽홀", "ja": "オリンピック公園オリンピックホール"}
SWISS = {"pairing": "valve", "wins_to_advance": 2, "losses_to_eliminate": 2}


async def _at_venues(client) -> tuple[dict, list[dict], dict]:
    """An 8-team Swiss stage: M1 at the hall (as listed), M2 at it typed loosely, M3 at
    "Studio B", M4 at no venue; round 2 planned at the hall. The hall is listed."""
    event = await make_event(client, 8)
    path = f"/api/tournaments/{event['slug']}"
    r = await client.patch(path, json={"venues": [
        {"name": HALL, "names": {"ko": "서울 올림픽홀"}}, {"name": "Studio B"}]}, headers=AUTH)
    assert r.status_code == 200, r.text
    st = await make_stage(client, event, format="swiss", settings=SWISS)
    matches = sorted(st["matches"], key=lambda m: m["number"])
    for m, venue in zip(matches, (HALL, "olympic hall, SEOUL", "Studio B"), strict=False):
        r = await client.patch(f"/api/matches/{m['id']}", json={"venue": venue}, headers=AUTH)
        assert r.status_code == 200, r.text
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json={
        "round": 2, "starts_at": "2026-11-30T13:00:00+09:00", "venue": HALL}, headers=AUTH)
    assert r.status_code == 201, r.text
    return event, matches, st


async def _venues(client, slug: str) -> dict[int, str | None]:
    """Each match's venue by its number, as the stage's matches say."""
    event = (await client.get(f"/api/tournaments/{slug}")).json()["events"][0]
    detail = (await client.get(f"/api/tournaments/{slug}/events/{event['slug']}")).json()
    (st,) = detail["stages"]
    view = (await client.get(f"/api/stages/{st['id']}")).json()
    return {m["number"]: m["venue"] for m in view["matches"]}


async def test_a_renamed_venue_reaches_its_matches_plans_pages_audit_and_feed(client, db_url):
    event, matches, st = await _at_venues(client)
    slug = event["slug"]
    seq = await last(client, slug)
    versions = {m["id"]: (await client.get(f"/api/matches/{m['id']}")).json()["version"]
                for m in matches}
    r = await client.patch(f"/api/tournaments/{slug}", json={"venues": [
        {"name": PARK, "names": PARK_NAMES, "renamed_from": HALL}, {"name": "Studio B"}]},
        headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["venues"] == [{"name": PARK, "names": PARK_NAMES},
                                  {"name": "Studio B", "names": {}}]
    assert await _venues(client, slug) == {1: PARK, 2: PARK, 3: "Studio B", 4: None}
    moved = [m["id"] for m in matches[:2]]
    for m in matches:  # the renamed matches have a new version (an ETag a cache follows)
        now = (await client.get(f"/api/matches/{m['id']}")).json()["version"]
        assert (now > versions[m["id"]]) == (m["id"] in moved), m["number"]
    (plan,) = (await client.get(f"/api/stages/{st['id']}/round-plans",
                                headers=AUTH)).json()["plans"]
    assert plan["venue"] == PARK

    # every page says the new name, in the reader's language
    page = soup((await client.get(f"/matches/{moved[1]}?lang=ja")).text)
    assert visible_text(str(page.select_one("[data-where]"))) == PARK_NAMES["ja"]
    team = matches[0]["teams"][0]
    (entry,) = (await client.get(f"/api/teams/{team}")).json()["schedule"]
    assert (entry["venue"], entry["venue_names"]) == (PARK, PARK_NAMES)

    # the feed: each renamed match, then the tournament with its new list
    sent = await events_after(db_url, slug, seq)
    assert [(d["id"], d["venue"]) for k, d in sent if k == "match.updated"] == [
        (moved[0], PARK), (moved[1], PARK)]
    assert [d["venues"][0]["name"] for k, d in sent if k == "tournament.updated"] == [PARK]

    # the trail: the tournament's edit, each match moved and the plan
    audit = (await client.get(f"/api/tournaments/{slug}/audit", headers=AUTH)).json()
    since = [e for e in audit["items"] if e["action"] in (
        "match.schedule", "round_plan.save", "tournament.update")][:4]
    assert sorted((e["action"], e["target"]["id"], e["before"]["venue"], e["after"]["venue"])
                  for e in since if e["action"] != "tournament.update") == sorted([
        ("match.schedule", moved[0], HALL, PARK),
        ("match.schedule", moved[1], "olympic hall, SEOUL", PARK),
        ("round_plan.save", st["id"], HALL, PARK)])
    assert [e["after"]["venues"][0]["name"] for e in since
            if e["action"] == "tournament.update"] == [PARK]


async def test_an_unlisted_venue_in_use_is_renamed_into_the_list(client):
    event, _, _ = await _at_venues(client)
    slug = event["slug"]
    r = await client.patch(f"/api/tournaments/{slug}", json={"venues": [
        {"name": HALL, "names": {"ko": "서울 올림픽홀"}}, {"name": "Studio B"},
        {"name": "Studio C", "renamed_from": "studio b"}]}, headers=AUTH)
    # Studio B is kept and renamed at once: refused, nothing changed
    assert r.status_code == 422
    assert (r.json()["error"]["code"], r.json()["error"]["field"]) == (
        "venue_renamed_twice", "venues.2.renamed_from")
    assert await _venues(client, slug) == {1: HALL, 2: "olympic hall, SEOUL", 3: "Studio B",
                                           4: None}
    # a typo on the matches, never listed, renamed from its matches
    await client.patch(f"/api/tournaments/{slug}", json={"venues": [
        {"name": HALL, "names": {"ko": "서울 올림픽홀"}}]}, headers=AUTH)
    r = await client.patch(f"/api/tournaments/{slug}", json={"venues": [
        {"name": HALL, "names": {"ko": "서울 올림픽홀"}},
        {"name": "Studio C", "names": {"ja": "スタジオC"}, "renamed_from": "Studio B"}]},
        headers=AUTH)
    assert r.status_code == 200, r.text
    assert (await _venues(client, slug))[3] == "Studio C"


async def test_a_venue_in_use_is_not_removed_and_a_bad_rename_changes_nothing(client):
    event, matches, _ = await _at_venues(client)
    slug = event["slug"]
    path = f"/api/tournaments/{slug}"
    r = await client.patch(path, json={"venues": [{"name": "Studio B"}]}, headers=AUTH)
    assert r.status_code == 409
    error = r.json()["error"]
    assert (error["code"], error["field"], error["params"]) == (
        "venue_in_use", "venues", {"name": HALL, "matches": 2, "plans": 1})
    for bad, code, field in (
            ([{"name": PARK, "renamed_from": "Hall Z"}], "unknown_venue",
             "venues.0.renamed_from"),
            ([{"name": PARK, "renamed_from": HALL}, {"name": "Park 2", "renamed_from": HALL},
              {"name": "Studio B"}], "venue_renamed_twice", "venues.1.renamed_from")):
        r = await client.patch(path, json={"venues": bad}, headers=AUTH)
        assert r.status_code == 422, r.text
        assert (r.json()["error"]["code"], r.json()["error"]["field"]) == (code, field)
    assert (await client.get(path)).json()["venues"] == [
        {"name": HALL, "names": {"ko": "서울 올림픽홀"}}, {"name": "Studio B", "names": {}}]
    assert await _venues(client, slug) == {1: HALL, 2: "olympic hall, SEOUL", 3: "Studio B",
                                           4: None}
    # Studio B's match moved elsewhere: the venue goes
    r = await client.patch(path, json={"venues": [{"name": HALL}]}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["params"] == {
        "name": "Studio B", "matches": 1, "plans": 0}
    r = await client.patch(f"/api/matches/{matches[2]['id']}", json={"venue": None},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.patch(path, json={"venues": [{"name": HALL}]}, headers=AUTH)
    assert r.status_code == 200 and r.json()["venues"] == [{"name": HALL, "names": {}}]


async def test_the_console_renames_a_venue_by_its_row(client, app):
    event, matches, _ = await _at_venues(client)
    slug = event["slug"]
    page = f"/admin/t/{slug}"
    con, ctx = await admin_console(client, app)
    try:
        html = soup((await con.get(page, lang="ko")).text)
        rows = html.select("[data-venues] [data-venue-row]")
        assert [r.select_one("[name=venue_was]")["value"] for r in rows] == [
            HALL, "Studio B", "", ""]
        form = {"venue_was": [HALL, "Studio B", "", ""],
                "venue_name": [PARK, "Studio B", "", ""], "venue_en": ["", "", "", ""],
                "venue_ko": [PARK_NAMES["ko"], "", "", ""], "venue_ja": ["", "", "", ""]}
        r = await con.post(page, f"{page}/venues", form, lang="ko")
        assert r.status_code == 303, r.text[:300]
        assert await _venues(client, slug) == {1: PARK, 2: PARK, 3: "Studio B", 4: None}
        match = soup((await client.get(f"/matches/{matches[0]['id']}?lang=ko")).text)
        assert visible_text(str(match.select_one("[data-where]"))) == PARK_NAMES["ko"]

        # Studio B's row emptied while a match is there: refused in the page's language,
        # the rows as typed, nothing saved
        typed = {"venue_was": [PARK, "Studio B", "", ""],
                 "venue_name": [PARK, "", "", ""], "venue_en": ["", "", "", ""],
                 "venue_ko": [PARK_NAMES["ko"], "", "", ""], "venue_ja": ["", "", "", ""]}
        r = await con.post(page, f"{page}/venues", typed, lang="ja")
        assert r.status_code == 409
        assert error_of(r.text) == (
            "「Studio B」で行われる試合が1件、ラウンドの予定が0件あります。名前を変えれば試合も"
            "新しい名前になります。一覧から外すには、先にそれらの試合の会場を変えてください。")
        rows = soup(r.text).select("[data-venue-row]")
        assert [(r.select_one("[name=venue_was]")["value"],
                 r.select_one("[name=venue_name]")["value"]) for r in rows] == [
            (PARK, PARK), ("Studio B", ""), ("", ""), ("", "")]
        assert [v["name"] for v in (await client.get(
            f"/api/tournaments/{slug}")).json()["venues"]] == [PARK, "Studio B"]
    finally:
        await ctx.__aexit__(None, None, None)
