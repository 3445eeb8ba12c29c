"""The console's Venue and Station fields (a match's, a round's schedule, a round plan's,
new or stored) offer the tournament's venues and stations (a <datalist>: the name the API
keys them by, labelled in the page's language), and say under the field when what is
written there is not one of them: a typo made a new, unnamed station unseen. A warning, not
a refusal: the API takes any station. The field's script (console.js) says it as it is
typed: ``e2e/test_console_form.py``."""

from __future__ import annotations

import pytest

from tests.console_support import admin_console
from tests.helpers import AUTH, make_event, make_stage, soup, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")
HALL = {"name": "Olympic Hall", "names": {"ko": "올림픽홀", "ja": "オリンピックホール"}}
STATIONS = [{"name": "Booth 2", "names": {"ko": "2번 부스", "ja": "ブース2"}},
            {"name": "Main stage", "names": {"ko": "메인 무대", "ja": "メインステージ"}}]
SWISS = {"pairing": "standard", "rounds": 3}
SAID = {  # the warning, in each language, for a station and a venue
    "ja": ("この大会のステーション一覧にありません：「Boot 2」。",
           "この大会の会場一覧にありません：「Olympic Hal」。"),
    "ko": ("이 대회의 스테이션 목록에 없습니다: ‘Boot 2’.",
           "이 대회의 장소 목록에 없습니다: ‘Olympic Hal’."),
    "en": ("Not one of this tournament's stations: “Boot 2”.",
           "Not one of this tournament's venues: “Olympic Hal”."),
}


async def _listed(client):
    event = await make_event(client, 4)
    r = await client.patch(f"/api/tournaments/{event['slug']}", json={
        "venues": [HALL], "stations": STATIONS}, headers=AUTH)
    assert r.status_code == 200, r.text
    return event


def _notes(html, scope: str = "") -> list[str]:
    """The unlisted notes shown (not hidden) in ``scope``, as read."""
    return [visible_text(str(n)) for n in html.select(f"{scope} [data-unlisted]".strip())
            if not n.has_attr("hidden")]


@pytest.mark.parametrize("lang", ["ja", "ko", "en"])
async def test_every_venue_and_station_field_offers_the_list_and_says_a_name_not_in_it(
        client, app, lang):
    event = await _listed(client)
    st = await make_stage(client, event, format="swiss", settings=SWISS)
    m1, m2 = sorted(st["matches"], key=lambda m: m["number"])
    # one match where the list says, typed loosely; one at a typo of each
    for m, venue, station in ((m1, "olympic hall", "booth 2"), (m2, "Olympic Hal", "Boot 2")):
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "venue": venue, "station": station}, headers=AUTH)
        assert r.status_code == 200, r.text
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json={
        "round": 2, "starts_at": "2026-11-30T13:00:00+09:00", "venue": "Olympic Hall",
        "stations": ["Main stage", "Boot 2"]}, headers=AUTH)
    assert r.status_code == 201, r.text
    plan = r.json()["plan"]
    con, ctx = await admin_console(client, app)
    try:
        # a label that only repeats the value is left out (Chromium shows both: "Main stage"
        # twice in English)
        labels = [s["names"].get(lang, s["name"]) for s in STATIONS]
        labels = [label if label != s["name"] else ""
                  for s, label in zip(STATIONS, labels, strict=True)]
        station_said, venue_said = SAID[lang]
        for m, notes in ((m1, []), (m2, [venue_said, station_said])):
            html = soup((await con.get(f"/admin/matches/{m['id']}", lang)).text)
            assert html.select_one("input[name=station]")["list"] == "station-names"
            assert html.select_one("input[name=venue]")["list"] == "venue-names"
            assert [(o["value"], o.get_text()) for o in html.select(
                "datalist#station-names option")] == [
                (s["name"], label) for s, label in zip(STATIONS, labels, strict=True)]
            # the match's own venue and station, where the list lacks them
            assert [n.split("。")[0] + "。" if lang == "ja" else n.split(". ")[0] + "."
                    for n in _notes(html)] == notes, m["number"]
        html = soup((await con.get(f"/admin/stages/{st['id']}", lang)).text)
        forms = ("[data-schedule-form]", "[data-plan-form]", "[data-change-plan]")
        for form in forms:
            field = html.select_one(f"{form} input[name=stations]")
            assert field["list"] == "station-names", form
            assert html.select_one(f"{form} input[name=venue]")["list"] == "venue-names"
            # each field's note is its own, named for it
            note = html.select_one(f"#{field['aria-describedby']}")
            assert note is not None and note.has_attr("data-unlisted"), form
        assert len(html.select("datalist#station-names")) == 1
        # the stored plan's stations: only the typo is named
        (stored,) = html.select(f"[data-plan='{plan['id']}'] [data-change-plan]")
        assert [n.split("。")[0] + "。" if lang == "ja" else n.split(". ")[0] + "."
                for n in _notes(stored)] == [station_said]
        assert _notes(html, "[data-schedule-form]") == _notes(html, "[data-plan-form]") == []
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_refused_schedule_keeps_its_warning_and_a_saved_typo_is_said_after_saving(
        client, app):
    event = await _listed(client)
    st = await make_stage(client, event)
    m = st["matches"][0]
    con, ctx = await admin_console(client, app)
    try:
        page = f"/admin/stages/{st['id']}"
        # refused (no time): the form comes back as typed, the typo said under its field
        r = await con.post(page, f"/admin/stages/{st['id']}/schedule", {
            "round": ":1", "starts_at": "", "interval_minutes": "0",
            "venue": "Olympic Hall", "stations": "Booth 2，Mainstage"}, lang="ja")
        assert r.status_code == 422, r.text
        html = soup(r.text)
        assert _notes(html, "[data-schedule-form]") == [
            "この大会のステーション一覧にありません：「Mainstage」。入力どおり、各言語での名前のない"
            "新しいステーションとして保存されます。"]
        # a match saved at a venue the list lacks: saved (no refusal), and said on the page
        r = await con.post(f"/admin/matches/{m['id']}", f"/admin/matches/{m['id']}/schedule", {
            "version": str(m["version"]), "scheduled_at": "", "venue": "Olympic Hal",
            "station": "Main stage", "stream_url": "", "referee_id": ""}, lang="ko")
        assert r.status_code == 303, r.text
        assert (await client.get(f"/api/matches/{m['id']}")).json()["venue"] == "Olympic Hal"
        html = soup((await con.get(r.headers["location"], "ko")).text)
        assert _notes(html) == ["이 대회의 장소 목록에 없습니다: ‘Olympic Hal’. 언어별 이름 없이 "
                                "입력한 그대로 새 장소로 저장됩니다."]
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_tournament_without_a_list_offers_none_and_warns_of_nothing(client, app):
    event = await make_event(client, 2)
    (m,) = (await make_stage(client, event))["matches"]
    r = await client.patch(f"/api/matches/{m['id']}", json={"station": "Booth 7"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    con, ctx = await admin_console(client, app)
    try:
        html = soup((await con.get(f"/admin/matches/{m['id']}", "ja")).text)
        assert html.select("datalist") == [] and _notes(html) == []
    finally:
        await ctx.__aexit__(None, None, None)
