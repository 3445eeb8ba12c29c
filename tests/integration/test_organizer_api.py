"""The organizer's API: drafts, stage edits and deletes (with the results they would lose),
team / event / tournament edits, CSV import, the audit trail of every edit, ranking and
placement-point settings. Every refusal changes nothing. (Schedules, clashes, check-in and
the match list: test_organizer_schedule.py.)"""

from __future__ import annotations

import pytest

from tests.helpers import (
    AUTH,
    by_number,
    make_event,
    make_stage,
    report,
    stage,
)

from .test_api_replays import play

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_draft_is_private_and_unplayable_until_started(client):
    event = await make_event(client, 4)
    draft = await make_stage(client, event, start=False)
    assert draft["status"] == "draft" and len(draft["matches"]) == 3
    seq = (await client.get(f"/api/tournaments/{event['slug']}")).json()["last_seq"]
    assert (await client.get(f"/api/stages/{draft['id']}")).status_code == 404
    assert (await client.get(f"/api/stages/{draft['id']}", headers=AUTH)).status_code == 200
    assert (await client.get(f"/api/matches/{draft['matches'][0]['id']}")).status_code == 404
    public = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert public["stages"] == []
    r = await report(client, by_number(draft)[1]["id"], [1, 0])
    assert r.status_code == 422 and r.json()["error"]["code"] == "stage_not_started"
    # nothing about the draft reached the live feed
    assert (await client.get(f"/api/tournaments/{event['slug']}")).json()["last_seq"] == seq
    r = await client.post(f"/api/stages/{draft['id']}/start", headers=AUTH)
    assert r.status_code == 200 and r.json()["status"] == "running"
    assert (await client.get(f"/api/stages/{draft['id']}")).status_code == 200
    assert (await report(client, by_number(draft)[1]["id"], [1, 0])).status_code == 200
    r = await client.post(f"/api/stages/{draft['id']}/start", headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_a_draft"


async def test_editing_a_stage_replans_it_and_asks_before_losing_results(client):
    event = await make_event(client, 4)
    a, b, c, d = event["teams"]
    st = await make_stage(client, event)
    assert by_number(st)[1]["teams"] == [a, d]  # 1 v 4
    r = await client.patch(f"/api/stages/{st['id']}", json={
        "seeding": [a, c, b, d], "name": "Finals", "names": {"ko": "결선"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    edited = r.json()
    assert (edited["name"], edited["names"], edited["seeding"]) == ("Finals", {"ko": "결선"},
                                                                    [a, c, b, d])
    assert by_number(edited)[2]["teams"] == [c, b]  # seeds 2 v 3
    first = by_number(edited)[1]
    assert (await report(client, first["id"], [1, 0])).status_code == 200
    r = await client.patch(f"/api/stages/{st['id']}", json={"seeding": [d, c, b, a]},
                           headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "results_would_be_lost"
    assert r.json()["error"]["params"] == {"matches": [1]}
    assert (await stage(client, st["id"]))["seeding"] == [a, c, b, d]  # unchanged
    r = await client.patch(f"/api/stages/{st['id']}", json={"seeding": [d, c, b, a],
                                                            "confirm": True}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert all(m["status"] != "completed" for m in r.json()["matches"])
    assert by_number(r.json())[1]["teams"] == [d, a]
    for body, code in (({"seeding": [a, a, b, c]}, "duplicate_team"),
                       ({"seeding": [a, b, c, 999_999]}, "unknown_team"),
                       ({"settings": {"third_place_match": "yes"}}, "invalid_settings"),
                       ({"name": None}, "invalid_input")):
        r = await client.patch(f"/api/stages/{st['id']}", json=body, headers=AUTH)
        assert r.status_code == 422 and r.json()["error"]["code"] == code, (body, r.text)


async def test_deleting_a_stage(client):
    event = await make_event(client, 4)
    groups = await make_stage(client, event, name="Groups", format="round_robin")
    final = await make_stage(client, event, name="Final",
                             seeding={"from_stage": groups["id"], "qualifiers": 2})
    r = await client.delete(f"/api/stages/{groups['id']}", headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "stage_has_dependents"
    assert (await client.delete(f"/api/stages/{final['id']}", headers=AUTH)).status_code == 200
    assert (await report(client, groups["matches"][0]["id"], [1, 0])).status_code == 200
    r = await client.delete(f"/api/stages/{groups['id']}", headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "results_would_be_lost"
    r = await client.delete(f"/api/stages/{groups['id']}?confirm=true", headers=AUTH)
    assert r.status_code == 200
    assert (await client.get(f"/api/stages/{groups['id']}")).status_code == 404
    assert (await client.get(f"/api/matches/{groups['matches'][0]['id']}")).status_code == 404


async def test_teams_events_and_tournaments_are_edited_and_removed_while_empty(client):
    event = await make_event(client, 3)
    team = event["teams"][2]
    r = await client.patch(f"/api/teams/{team}", json={
        "name": "Seoul Dragons", "names": {"ko": "서울 드래곤즈", "ja": "ソウル・ドラゴンズ"},
        "nation": "kr", "players": [{"handle": "Faker"}, {"handle": "Zeus"}]}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["name"], body["nation"], [p["handle"] for p in body["players"]]) == (
        "Seoul Dragons", "KR", ["Faker", "Zeus"])
    page = (await client.get(f"/teams/{team}?lang=ja")).text
    assert "ソウル・ドラゴンズ" in page and "Zeus" in page
    st = await make_stage(client, event, seeding=event["teams"][:2])
    r = await client.delete(f"/api/teams/{event['teams'][0]}", headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "team_in_stage"
    assert (await client.delete(f"/api/teams/{team}", headers=AUTH)).status_code == 200
    assert (await client.get(f"/api/teams/{team}")).status_code == 404
    path = f"/api/tournaments/{event['slug']}/events/lol"
    r = await client.patch(path, json={"names": {"ko": "리그 오브 레전드"}}, headers=AUTH)
    assert r.status_code == 200 and r.json()["names"] == {"ko": "리그 오브 레전드"}
    r = await client.delete(path, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "event_not_empty"
    r = await client.delete(f"/api/tournaments/{event['slug']}", headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "tournament_not_empty"
    assert (await client.delete(f"/api/stages/{st['id']}", headers=AUTH)).status_code == 200
    for t in event["teams"][:2]:
        assert (await client.delete(f"/api/teams/{t}", headers=AUTH)).status_code == 200
    assert (await client.delete(path, headers=AUTH)).status_code == 200
    r = await client.delete(f"/api/tournaments/{event['slug']}", headers=AUTH)
    assert r.status_code == 200
    assert (await client.get(f"/api/tournaments/{event['slug']}")).status_code == 404


CSV_BAD = """name,name_ko,name_ja,nation,seed,players
Busan Waves,부산 웨이브즈,釜山ウェーブス,KR,1,Kiin;Oner;Chovy
Tokyo Ronin,도쿄 로닌,東京ローニン,JPN,2,Evi;Steal
,,,JP,3,
Osaka Blaze,오사카 블레이즈,大阪ブレイズ,JP,x,Paz
Kyoto Gate,교토 게이트,京都ゲート,JPN,y,Ino
"""


async def test_csv_import_reports_every_bad_line_and_imports_nothing_until_clean(client):
    event = await make_event(client, 0)
    path = f"/api/tournaments/{event['slug']}/events/lol/teams/import"
    headers = {**AUTH, "Content-Type": "text/csv"}
    r = await client.post(path, content=CSV_BAD.encode(), headers=headers)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_csv"
    assert [(e["line"], e["field"]) for e in error["errors"]] == [
        (3, "nation"), (4, "name"), (5, "seed"), (6, "seed"), (6, "nation")]  # all of line 6
    detail = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert detail["teams"] == []
    fixed = CSV_BAD.replace("JPN", "JP").replace(",,,JP,3,\n", "").replace(",x,", ",3,") \
        .replace(",y,", ",4,")
    r = await client.post(path, content=("\ufeff" + fixed).encode(), headers=headers)
    assert r.status_code == 201, r.text
    teams = r.json()["teams"]
    assert [(t["name"], t["names"], t["nation"], t["seed"]) for t in teams] == [
        ("Busan Waves", {"ko": "부산 웨이브즈", "ja": "釜山ウェーブス"}, "KR", 1),
        ("Tokyo Ronin", {"ko": "도쿄 로닌", "ja": "東京ローニン"}, "JP", 2),
        ("Osaka Blaze", {"ko": "오사카 블레이즈", "ja": "大阪ブレイズ"}, "JP", 3),
        ("Kyoto Gate", {"ko": "교토 게이트", "ja": "京都ゲート"}, "JP", 4)]
    assert [p["handle"] for p in teams[0]["players"]] == ["Kiin", "Oner", "Chovy"]
    r = await client.post(path, content=b"\xff\xfe", headers=headers)
    assert r.status_code == 422 and r.json()["error"]["errors"][0]["line"] == 1
    assert r.json()["error"]["errors"][0]["code"] == "csv_not_utf8"
    # old-Mac line ends read as lines; a quote left open is a line error, never a 500
    r = await client.post(path, content=b"name,nation\rMac Team,KR\r", headers=headers)
    assert r.status_code == 201 and r.json()["teams"][0]["name"] == "Mac Team"
    r = await client.post(path, content=b'name\n"Open\rquote', headers=headers)
    assert r.status_code == 422 and r.json()["error"]["errors"][0]["code"] in (
        "csv_malformed", "csv_field"), r.text


async def test_every_organizer_edit_is_in_the_audit_trail(client):
    """Each edit leaves one entry with its before and after; a refused one leaves none."""
    event = await make_event(client, 4)
    slug = event["slug"]
    a, b, c, d = event["teams"]
    draft = await make_stage(client, event, start=False)
    csv = "name,name_ko,name_ja,nation,seed,players\nLate,늦은 팀,遅いチーム,KR,,P1;P2\n"
    steps = [
        ("PATCH", f"/api/stages/{draft['id']}", {"seeding": [a, c, b, d]}),
        ("POST", f"/api/stages/{draft['id']}/start", None),
        ("POST", f"/api/stages/{draft['id']}/schedule",
         {"round": 1, "starts_at": "2026-12-01T10:00:00+09:00", "venue": "Hall A",
          "stations": ["1", "2"]}),
        ("PATCH", f"/api/teams/{a}", {"name": "Renamed", "names": {"ko": "새 이름"}}),
        ("PATCH", f"/api/tournaments/{slug}/events/lol", {"names": {"ja": "リーグ"}}),
    ]
    for method, path, body in steps:
        r = await client.request(method, path, json=body, headers=AUTH)
        assert r.status_code == 200, (path, r.text)
    first = by_number(await stage(client, draft["id"]))[1]["id"]  # replanned: new ids
    r = await client.patch(f"/api/matches/{first}", json={"checked_in": [True, False]},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.post(f"/api/tournaments/{slug}/events/lol/teams/import",
                          content=csv.encode(), headers={**AUTH, "Content-Type": "text/csv"})
    assert r.status_code == 201, r.text
    late = r.json()["teams"][0]["id"]
    assert (await client.delete(f"/api/teams/{late}", headers=AUTH)).status_code == 200
    refused = await client.delete(f"/api/teams/{b}", headers=AUTH)  # in a stage
    assert refused.status_code == 409
    trail = (await client.get(f"/api/tournaments/{slug}/audit?limit=100",
                              headers=AUTH)).json()["items"]
    actions = [e["action"] for e in reversed(trail)]
    tail = actions[actions.index("stage.update"):]
    assert tail == ["stage.update", "stage.start", "match.schedule", "match.schedule",
                    "team.update", "event.update", "match.check_in", "team.import",
                    "team.delete"]
    by_action = {e["action"]: e for e in trail}
    assert by_action["stage.update"]["before"]["seeding"] == [a, b, c, d]
    assert by_action["stage.update"]["after"]["seeding"] == [a, c, b, d]
    assert by_action["stage.start"]["after"]["status"] == "running"
    moved = [e for e in trail if e["action"] == "match.schedule"]
    assert sorted(e["after"]["station"] for e in moved) == ["1", "2"]
    assert all(e["before"]["venue"] is None and e["after"]["venue"] == "Hall A"
               for e in moved)
    assert by_action["team.update"]["before"]["name"] != "Renamed"
    assert by_action["team.update"]["after"]["names"] == {"ko": "새 이름"}
    assert by_action["event.update"]["after"]["names"] == {"ja": "リーグ"}
    assert by_action["match.check_in"]["after"]["checked_in_at"][0] is not None
    assert by_action["team.delete"]["before"]["name"] == "Late"
    assert by_action["team.delete"]["after"] is None
    assert all(e["actor"]["name"] and e["via"] == "token" for e in trail)


async def test_an_admin_reads_a_draft_fresh_after_each_edit(client):
    """Draft edits keep the public seq (spectators hear nothing): the admin's reads and
    pages must not come from the seq-keyed view cache, nor answer 304."""
    event = await make_event(client, 4)
    a, b, c, d = event["teams"]
    draft = await make_stage(client, event, start=False)
    path = f"/api/stages/{draft['id']}"
    first = await client.get(path, headers=AUTH)
    page = await client.get(f"/stages/{draft['id']}?lang=en", headers=AUTH)
    assert first.json()["seeding"] == [a, b, c, d] and page.status_code == 200
    r = await client.patch(path, json={"seeding": [d, c, b, a]}, headers=AUTH)
    assert r.status_code == 200, r.text
    again = await client.get(path, headers={**AUTH, "If-None-Match": first.headers.get(
        "etag", "x")})
    assert again.status_code == 200 and again.json()["seeding"] == [d, c, b, a]


async def test_a_ranking_setting_changes_without_losing_results_and_can_release_a_tie(client):
    """Points, tiebreakers, the cut and the forfeit score only rank the results: a running
    stage takes a change of them without ``confirm`` and keeps every match; its standings
    follow, and a next stage held by a tie starts if the new rules break it. Anything that
    changes the matches (best_of) still asks first."""
    event = await make_event(client, 3)
    a, b, c = event["teams"]
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"best_of": 3, "tiebreakers": ["points"]})
    final = await make_stage(client, event, name="Final",
                             seeding={"from_stage": groups["id"], "qualifiers": 2})
    for winner, loser, won in ((a, b, (2, 0)), (b, c, (2, 1)), (c, a, (2, 1))):
        await play(client, groups["id"], winner, loser, won)
    done = await stage(client, groups["id"])
    assert done["status"] == "completed"
    assert {r["rank"] for r in done["standings"]} == {1}  # a cycle: level on points
    assert (await stage(client, final["id"]))["hold"]["code"] == "unresolved_tie"
    scores = {m["id"]: (m["score"], m["status"]) for m in done["matches"]}

    r = await client.patch(f"/api/stages/{groups['id']}", json={"settings": {
        "best_of": 3, "tiebreakers": ["points", "game_difference"]}}, headers=AUTH)
    assert r.status_code == 200, r.text
    kept = r.json()
    assert {m["id"]: (m["score"], m["status"]) for m in kept["matches"]} == scores
    # games: a 3-2 (+1), c 3-3 (0), b 2-3 (-1)
    assert [(row["team_id"], row["rank"]) for row in kept["standings"]] == [(a, 1), (c, 2),
                                                                           (b, 3)]
    started = await stage(client, final["id"])
    assert started["status"] == "running" and started["seeding"] == [a, c]

    r = await client.patch(f"/api/stages/{groups['id']}", json={"settings": {
        "best_of": 1, "tiebreakers": ["points", "game_difference"]}}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "next_stage_started"


async def test_a_lobby_takes_new_placement_points_unless_a_match_point_depends_on_them(client):
    from tests.ffa_api_support import POINTS, game, lobby_stage

    event, st = await lobby_stage(client)
    t = event["teams"]
    (lobby,) = st["matches"]
    assert (await game(client, lobby["id"], 1, [t[2], t[0], t[3], t[1]])).status_code == 200
    # a lobby's entered games are results an edit would lose: replanning asks first (it
    # once wiped them without asking, a lobby having no two teams to count as played)
    r = await client.patch(f"/api/stages/{st['id']}", json={"settings": {
        "placement_points": POINTS, "games": 3}}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "results_would_be_lost"
    assert r.json()["error"]["params"] == {"matches": [lobby["number"]]}
    assert len((await stage(client, st["id"]))["matches"][0]["placings"]) == 1
    r = await client.delete(f"/api/stages/{st['id']}", headers=AUTH)  # deleting, likewise
    assert r.status_code == 409 and r.json()["error"]["code"] == "results_would_be_lost"
    r = await client.patch(f"/api/stages/{st['id']}", json={"settings": {
        "placement_points": [15, 12, 10, 8], "games": 2}}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["matches"][0]["placings"] == (await stage(client, st["id"]))["matches"][0][
        "placings"] != []
    assert [(row["team_id"], row["points"]) for row in r.json()["standings"]] == [
        (t[2], 15), (t[0], 12), (t[3], 10), (t[1], 8)]

    event, st = await lobby_stage(client, match_point=20)
    t = event["teams"]
    (lobby,) = st["matches"]
    assert (await game(client, lobby["id"], 1, [t[2], t[0], t[3], t[1]])).status_code == 200
    r = await client.patch(f"/api/stages/{st['id']}", json={"settings": {
        "placement_points": [15, 12, 10, 8], "games": 2, "match_point": 20}}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "results_would_be_lost"
