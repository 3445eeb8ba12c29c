"""Correcting a stage after the stage seeded from it has results (organizer review): an
organizer's Swiss M3 changed from 1-2 to 3-2 once playoff M1 was played was refused with
"a stage seeded from this one has already started" and nothing about why or what to do;
and a referee's refusal called Swiss matches only paired "already played".

Now a correction that leaves the next stage's teams and seeds as they are is saved (its
results stay); one that would change them is refused (409 ``next_stage_started``) saying
why (``params.reason``: the stage reopens, a tie at the line, which teams would go through
instead, which seeds move), naming the later stage and its results, and the way back (delete
it in the console and create it again); a referee's refusal tells played matches from
matches only paired (``params.played``, ``paired``)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, play_out, report, stage
from tournament import i18n
from tournament.errors import Conflict, Forbidden
from tournament.web import error_words

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _league_and_played_playoffs(client: httpx.AsyncClient) -> tuple[dict, dict, dict]:
    """A round robin of 8 (the first listed side wins every match: Team 3, 1, 4, 2 go
    through, in that order) feeding a 4-team double elimination whose M1 is played."""
    event = await make_event(client, 8)
    league = await make_stage(client, event, name="League", format="round_robin",
                              settings={"groups": 1})
    playoffs = await make_stage(client, event, name="Playoffs", format="double_elimination",
                                seeding={"from_stage": league["id"], "qualifiers": 4})
    done = await play_out(client, league["id"])
    po = await stage(client, playoffs["id"])
    names = {t: f"Team {event['teams'].index(t) + 1}" for t in event["teams"]}
    assert [names[t] for t in po["seeding"]] == ["Team 3", "Team 1", "Team 4", "Team 2"]
    m1 = by_number(po)[1]
    assert (await report(client, m1["id"], [m1["best_of"] // 2 + 1, 0])).status_code == 200
    return done, await stage(client, playoffs["id"]), names


def _between(view: dict[str, Any], names: dict[int, str], a: str, b: str) -> dict[str, Any]:
    return next(m for m in view["matches"] if {names[t] for t in m["teams"]} == {a, b})


def _flipped(match: dict[str, Any]) -> list[int]:
    return [0, 1] if match["winner"] == 1 else [1, 0]


async def _refused(client: httpx.AsyncClient, match: dict[str, Any],
                   score: list[int]) -> dict[str, Any]:
    r = await report(client, match["id"], score)
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert error["code"] == "next_stage_started"
    return dict(error)


async def test_a_correction_that_keeps_the_playoffs_field_is_saved(client):
    league, playoffs, names = await _league_and_played_playoffs(client)
    # Team 7 beats Team 3 after all: Team 3 still goes through first, so it stands
    m = _between(league, names, "Team 3", "Team 7")
    r = await report(client, m["id"], _flipped(m))
    assert r.status_code == 200, r.text
    assert (await stage(client, league["id"]))["status"] == "completed"
    kept = await stage(client, playoffs["id"])
    assert kept["seeding"] == playoffs["seeding"]
    assert by_number(kept)[1]["score"] == by_number(playoffs)[1]["score"]
    assert {x["id"] for x in kept["matches"]} == {x["id"] for x in playoffs["matches"]}


async def test_a_correction_that_changes_the_playoffs_field_says_why_and_what_to_do(client):
    league, playoffs, names = await _league_and_played_playoffs(client)
    results = [1]
    # Team 7 beats Team 2: Team 7 would go through in Team 2's place
    m = _between(league, names, "Team 2", "Team 7")
    error = await _refused(client, m, _flipped(m))
    ids = {n: t for t, n in names.items()}
    # the names as before, and the same teams by id in the same order (for integrations)
    assert error["params"] == {"stage": "Playoffs", "stage_id": playoffs["id"],
                               "results": results, "reason": "teams",
                               "joining": ["Team 7"], "leaving": ["Team 2"],
                               "joining_ids": [ids["Team 7"]], "leaving_ids": [ids["Team 2"]]}
    assert "Team 7 would go through to Playoffs in place of Team 2" in error["message"]
    assert "delete Playoffs on its console page" in error["message"]
    # Team 2 beats Team 4: the same four go through, seeded otherwise
    m = _between(league, names, "Team 2", "Team 4")
    error = await _refused(client, m, _flipped(m))
    assert error["params"]["reason"] == "seeds"
    assert error["params"]["moved"] == ["Team 2 (4 → 1)", "Team 3 (1 → 2)",
                                        "Team 1 (2 → 3)", "Team 4 (3 → 4)"]
    assert error["params"]["moved_ids"] == [ids[n] for n in ("Team 2", "Team 3", "Team 1",
                                                             "Team 4")]
    assert error["params"]["moved_seeds"] == [[4, 1], [1, 2], [2, 3], [3, 4]]
    # Team 8 beats Team 1: three teams level across the line
    m = _between(league, names, "Team 1", "Team 8")
    error = await _refused(client, m, _flipped(m))
    assert error["params"]["reason"] == "tie"
    assert error["params"]["tied"] == ["Team 2", "Team 3", "Team 4"]
    assert error["params"]["tied_ids"] == [ids[n] for n in ("Team 2", "Team 3", "Team 4")]
    # the preview says the same, and nothing changed
    r = await client.post(f"/api/matches/{m['id']}/preview",
                          json={"score": _flipped(m), "status": "completed"}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["params"]["reason"] == "tie"
    assert (await stage(client, league["id"]))["standings"] == league["standings"]
    assert (await stage(client, playoffs["id"]))["matches"] == playoffs["matches"]
    # the way back the message names through the API: reopen the playoffs' played match,
    # then the correction goes through and the playoffs are seeded again from it
    m1 = by_number(playoffs)[1]
    r = await client.patch(f"/api/matches/{m1['id']}", json={"status": "ready"}, headers=AUTH)
    assert r.status_code == 200, r.text
    m = _between(league, names, "Team 2", "Team 7")
    assert (await report(client, m["id"], _flipped(m))).status_code == 200
    again = await stage(client, playoffs["id"])
    assert again["status"] == "running"
    top = [r["team_id"] for r in (await stage(client, league["id"]))["standings"][:4]]
    assert again["seeding"] == top and "Team 7" in {names[t] for t in top}
    assert "Team 2" not in {names[t] for t in top} and again["matches"][0]["score"] == [0, 0]


async def test_a_swiss_correction_that_reopens_the_stage_names_the_rounds_paired_again(client):
    """The review's case: Swiss of 8 (two wins to go through) feeding a 4-team double
    elimination; M3 of round 1 flipped after playoff M1 was played."""
    event = await make_event(client, 8)
    swiss = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "wins_to_advance": 2, "losses_to_eliminate": 2, "best_of": 3})
    playoffs = await make_stage(client, event, name="Playoffs", format="double_elimination",
                                seeding={"from_stage": swiss["id"], "qualifiers": 4})
    done = await play_out(client, swiss["id"])
    po = by_number(await stage(client, playoffs["id"]))
    assert (await report(client, po[1]["id"], [po[1]["best_of"] // 2 + 1, 0])).status_code \
        == 200
    m3 = by_number(done)[3]
    # the score alone (2-0 to 2-1): the same teams in the same seeds, saved
    assert (await report(client, m3["id"], [2, 1])).status_code == 200
    error = await _refused(client, m3, [1, 2])
    later = sorted(m["number"] for m in done["matches"] if m["round"] > 1)
    assert error["params"] == {"stage": "Playoffs", "stage_id": playoffs["id"],
                               "results": [1], "reason": "reopens", "matches": later}
    after = by_number(await stage(client, swiss["id"]))
    assert after[3]["score"] == [2, 1] and sorted(after) == sorted(by_number(done))
    for lang, words in (("ja", ("このステージが再び進行中", "Playoffsにはすでに結果（M1）",
                                "運営コンソールのPlayoffsのページでそのステージを削除")),
                        ("ko", ("이 스테이지가 다시 진행 중", "Playoffs에는 이미 경기 결과(M1)",
                                "운영 콘솔의 Playoffs 페이지에서 그 스테이지를 삭제")),
                        ("en", ("reopen this stage (M5, M6", "Playoffs already has results "
                                "(M1)", "delete Playoffs on its console page"))):
        said = error_words.say(Conflict(error["code"], "", params=error["params"]),
                               i18n.gettext(lang))
        assert all(w in said for w in words), (lang, said)


async def test_a_referee_is_told_paired_matches_from_played_ones(client):
    """Round 2 paired, nothing played: the refusal said "matches already played (M5, M6,
    M7, M8) would be reset"."""
    event = await make_event(client, 8)
    swiss = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "wins_to_advance": 2, "losses_to_eliminate": 2})
    m = by_number(swiss)
    for n in (1, 2, 3, 4):
        assert (await report(client, m[n]["id"], [1, 0])).status_code == 200
    r = await client.post("/api/users", json={"name": f"ref-{event['slug']}",
                                              "role": "referee"}, headers=AUTH)
    ref = {"Authorization": f"Bearer {r.json()['token']}"}
    flip = {"score": [0, 1], "status": "completed"}
    r = await client.patch(f"/api/matches/{m[3]['id']}", json=flip, headers=ref)
    assert r.status_code == 403, r.text
    error = r.json()["error"]
    assert error["code"] == "correction_needs_admin"
    assert error["params"] == {"matches": [5, 6, 7, 8], "played": [],
                               "paired": [5, 6, 7, 8]}
    said = {lang: error_words.say(Forbidden(error["code"], "", params=error["params"]),
                                  i18n.gettext(lang)) for lang in ("ko", "ja", "en")}
    assert said["ko"] == ("이 결과를 바꾸면 대진만 정해지고 아직 치르지 않은 경기(M5, M6, M7, "
                          "M8)의 대진이 다시 짜입니다. 관리자에게 수정을 요청하세요.")
    assert said["ja"] == ("この結果を変えると、組み合わせが決まっていてまだ行われていない試合"
                          "（M5、M6、M7、M8）の組み合わせがやり直しになります。管理者に修正を"
                          "依頼してください。")
    assert "already played" not in said["en"] and "paired but not played" in said["en"]
    r = await client.post(f"/api/matches/{m[3]['id']}/preview", json=flip, headers=ref)
    assert r.status_code == 200
    assert (r.json()["needs_admin"], r.json()["reset_numbers"], r.json()["played_numbers"]) \
        == (True, [5, 6, 7, 8], [])
    # one match of round 2 played: said apart
    assert (await report(client, by_number(await stage(client, swiss["id"]))[5]["id"],
                         [1, 0])).status_code == 200
    r = await client.patch(f"/api/matches/{m[3]['id']}", json=flip, headers=ref)
    assert r.status_code == 403
    assert r.json()["error"]["params"] == {"matches": [5, 6, 7, 8], "played": [5],
                                           "paired": [6, 7, 8]}
    ko = error_words.say(Forbidden("correction_needs_admin", "", params=r.json()["error"][
        "params"]), i18n.gettext("ko"))
    assert ko == ("이 결과를 바꾸면 이미 진행된 경기(M5)가 초기화되고, 대진만 정해지고 아직 "
                  "치르지 않은 경기(M6, M7, M8)의 대진이 다시 짜입니다. 관리자에게 수정을 "
                  "요청하세요.")
    r = await client.post(f"/api/matches/{m[3]['id']}/preview", json=flip, headers=AUTH)
    assert (r.json()["needs_admin"], r.json()["played_numbers"]) == (False, [5])


async def test_a_correction_reseeding_an_unplayed_playoff_reads_the_standings_once(
        client, monkeypatch):
    """Playoffs started from the league, nothing played: a correction that sends Team 7
    through in place of Team 2 seeds them again, reading the league's matches once (the
    teams it takes are worked out once: they were read again to start the playoffs)."""
    from tournament.services import waiting

    event = await make_event(client, 8)
    league = await make_stage(client, event, name="League", format="round_robin",
                              settings={"groups": 1})
    playoffs = await make_stage(client, event, name="Playoffs", format="double_elimination",
                                seeding={"from_stage": league["id"], "qualifiers": 4})
    done = await play_out(client, league["id"])
    names = {t: f"Team {event['teams'].index(t) + 1}" for t in event["teams"]}
    before = await stage(client, playoffs["id"])
    assert before["status"] == "running"
    read: list[int] = []
    original = waiting.stage_matches

    async def counted(session, stage_id):
        read.append(stage_id)
        return await original(session, stage_id)
    monkeypatch.setattr(waiting, "stage_matches", counted)
    m = _between(done, names, "Team 2", "Team 7")
    assert (await report(client, m["id"], _flipped(m))).status_code == 200
    again = await stage(client, playoffs["id"])
    assert again["status"] == "running" and again["seeding"] != before["seeding"]
    assert "Team 7" in {names[t] for t in again["seeding"]}
    assert read.count(league["id"]) == 1, read
