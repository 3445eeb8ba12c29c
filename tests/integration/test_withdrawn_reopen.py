"""A withdrawn team plays no more, and a withdrawal cannot be undone: no change, an admin's
neither, may leave it in a match to play (``ready`` or ``live``). A reopening, a live
score or a game in play for a match with a withdrawn or disqualified team is refused
(409 ``withdrawn_team_cannot_play``, said in ko/ja/en by why the team left), nothing
saved; another final result in its place (a forfeit by either side, the score it was
played with) is an organizer's ruling and is saved. The referee console offers nobody an
undo there and says why. (The bracket is test_withdrawal_forfeits.py's: M1 played, team 1
then disqualified; M2 forfeited by team 2's withdrawal, M3 by team 1's disqualification.)"""

from __future__ import annotations

from typing import Any

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, soup, stage
from tests.integration.test_withdrawal_forfeits import bracket
from tests.integration.test_withdrawal_words import data_of, snapshot

pytestmark = pytest.mark.asyncio(loop_scope="session")

REFUSED = {
    "en": {"withdrawn": "This match cannot be reopened or played: a side of it has withdrawn, "
                        "and a withdrawal cannot be undone. Nothing was saved. Correct it as "
                        "a final result instead: a forfeit by either side, or the score it "
                        "was played with.",
           "disqualified": "This match cannot be reopened or played: a side of it was "
                           "disqualified, and a disqualification cannot be undone. Nothing "
                           "was saved. Correct it as a final result instead: a forfeit by "
                           "either side, or the score it was played with."},
    "ko": {"withdrawn": "이 경기는 다시 열거나 진행할 수 없습니다. 출전을 포기한 쪽이 있고, "
                        "출전 포기는 되돌릴 수 없습니다. 저장된 내용은 없습니다. 대신 최종 "
                        "결과로 정정하세요: 어느 한쪽의 기권패, 또는 실제로 치른 경기의 점수.",
           "disqualified": "이 경기는 다시 열거나 진행할 수 없습니다. 실격된 쪽이 있고, 실격은 "
                           "되돌릴 수 없습니다. 저장된 내용은 없습니다. 대신 최종 결과로 "
                           "정정하세요: 어느 한쪽의 기권패, 또는 실제로 치른 경기의 점수."},
    "ja": {"withdrawn": "この試合は再開も進行もできません。出場辞退した側があり、出場辞退は"
                        "取り消せません。何も保存されていません。代わりに最終結果として訂正"
                        "してください（どちらか一方の棄権負け、または実際に行われた試合のス"
                        "コア）。",
           "disqualified": "この試合は再開も進行もできません。失格となった側があり、失格は取り"
                           "消せません。何も保存されていません。代わりに最終結果として訂正し"
                           "てください（どちらか一方の棄権負け、または実際に行われた試合のス"
                           "コア）。"},
}
CLOSED = {
    "en": "A side of this match was disqualified, so it cannot be reopened: its result can "
          "only be corrected to another final one (a forfeit, or the score it was played "
          "with).",
    "ko": "실격된 쪽이 있어 이 경기는 다시 열 수 없습니다. 결과는 다른 최종 결과(기권패, 또는 "
          "실제로 치른 경기의 점수)로만 정정할 수 있습니다.",
    "ja": "失格となった側がいるため、この試合は再開できません。結果は別の最終結果（棄権負け、"
          "または実際に行われた試合のスコア）にのみ訂正できます。",
}
# each a change that leaves the match to play, and the field the refusal names
TO_PLAY = (({"status": "ready"}, "status"),
           ({"score": [0, 0], "status": "live"}, "status"),
           ({"games": [{"score": [5, 3], "live": True}], "status": "live"}, "status"))


def no_withdrawn_team_to_play(matches: list[dict[str, Any]], left: set[int]) -> bool:
    return not [m["number"] for m in matches
                if m["status"] in ("ready", "live") and set(m["teams"]) & left]


async def test_an_admin_cannot_reopen_or_play_a_match_of_a_withdrawn_team(client):
    event, t, ids = await bracket(client)
    stage_id = (await client.get(f"/api/matches/{ids[2]}")).json()["stage_id"]
    # M1: played before team 1's disqualification; M2, M3: a withdrawal's forfeits
    for n, team, reason in ((1, t[0], "disqualified"), (2, t[1], "withdrawn"),
                            (3, t[0], "disqualified")):
        before = await snapshot(client, event["slug"], stage_id, ids[n])
        for body, field in TO_PLAY:
            for url, method in ((f"/api/matches/{ids[n]}/preview", "POST"),
                                (f"/api/matches/{ids[n]}", "PATCH")):
                r = await client.request(method, url, json=body, headers=AUTH)
                assert r.status_code == 409, (n, body, r.text)
                error = r.json()["error"]
                assert (error["code"], error["field"], error["params"]) == (
                    "withdrawn_team_cannot_play", field, {"team": team, "reason": reason})
        assert await snapshot(client, event["slug"], stage_id, ids[n]) == before
    # said in the asker's language (English is the message itself), by why the team left
    for lang in ("ko", "ja", "en"):
        for n, reason in ((2, "withdrawn"), (3, "disqualified")):
            r = await client.patch(f"/api/matches/{ids[n]}", json={"status": "ready"},
                                   params={"lang": lang}, headers=AUTH)
            assert r.json()["error"].get("localized", {"message": REFUSED["en"][reason]})[
                "message"] == REFUSED[lang][reason], r.text
    # the way back: another final result, an organizer's ruling
    r = await client.patch(f"/api/matches/{ids[2]}", json={"score": [0, 1],
                                                           "status": "completed"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    assert (r.json()["winner"], r.json()["forfeit_reason"]) == (2, None)
    r = await client.patch(f"/api/matches/{ids[3]}", json={"forfeit": 2}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["winner"]) == ("completed", 1)
    matches = (await stage(client, stage_id))["matches"]
    assert no_withdrawn_team_to_play(matches, {t[0], t[1]})


async def test_a_referee_cannot_reopen_a_match_played_before_a_withdrawal(client, app):
    """M1 was played before team 1's disqualification: a referee's reopening is refused
    with the same code (a referee's change of a withdrawal's forfeit stays
    ``withdrawal_forfeit``)."""
    event, _t, ids = await bracket(client)
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        for n, code in ((1, "withdrawn_team_cannot_play"), (2, "withdrawal_forfeit")):
            r = await b.client.patch(f"/api/matches/{ids[n]}", json={"status": "ready"},
                                     headers=b.headers())
            assert r.status_code == 409, r.text
            assert r.json()["error"]["code"] == code


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_the_console_offers_nobody_an_undo_on_a_match_of_a_withdrawn_team(
        client, app, lang):
    _event, _t, ids = await bracket(client)
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for n in (1, 3):  # team 1, disqualified, played M1 and forfeited M3
            page = soup((await b.client.get(f"/matches/{ids[n]}/referee",
                                            params={"lang": lang})).text)
            assert page.select_one('[data-action="undo"]').has_attr("hidden")
            assert not page.select_one('[data-action="forfeit"]').has_attr("hidden")
            line = page.select_one("[data-withdrawn-closed]")
            assert not line.has_attr("hidden")
            assert line.get_text(strip=True) == CLOSED[lang]
            data = data_of(page, "console-data")
            assert data["labels"]["withdrawn_closed"]["disqualified"] == CLOSED[lang]
            assert data["errors"]["withdrawn_team_cannot_play:disqualified"] == \
                REFUSED[lang]["disqualified"]
            assert data["errors"]["withdrawn_team_cannot_play"] == REFUSED[lang]["withdrawn"]
