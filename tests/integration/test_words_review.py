"""The Korean/Japanese native-reader review: messages that named the wrong problem or did
not say what is allowed (K22-K27, J18-J20, J24), said right in the console."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.console_support import admin_console, error_of
from tests.ffa_api_support import game, lobby_stage
from tests.helpers import AUTH, make_event, soup, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_stage_and_import_refusals_say_the_problem_and_what_is_allowed(client, app):
    event = await make_event(client, teams=6)
    slug = event["slug"]
    page = f"/admin/t/{slug}/e/lol"
    con, ctx = await admin_console(client, app)
    try:
        # K22/J18: ten groups for six teams is too many groups, not "too few teams"
        form = {"name": "Groups", "format": "round_robin", "s_round_robin_groups": "10",
                "start": "draft"}
        r = await con.post(page, f"{page}/stages", form, lang="ko")
        assert r.status_code == 422
        assert error_of(r.text) == ("조가 너무 많습니다: 조마다 2팀 이상 필요합니다"
                                    "(6팀을 10개 조로 나눔).")
        r = await con.post(page, f"{page}/stages", form, lang="ja")
        assert error_of(r.text).startswith("グループが多すぎます：各グループに2チーム以上必要です")
        # K23/J18: an impossible setting says what is allowed
        r = await con.post(page, f"{page}/stages", {**form, "s_round_robin_groups": "1",
                                                    "s_round_robin_legs": "0"}, lang="ko")
        assert r.status_code == 422 and "다음 중 하나여야 합니다: 1, 2." in error_of(r.text)
        r = await con.post(page, f"{page}/stages", {
            "name": "Playoffs", "format": "single_elimination",
            "s_single_elimination_best_of_by_round": "x=3", "start": "draft"}, lang="ko")
        assert r.status_code == 422 and "(예: 1=3, 4=5)" in error_of(r.text), error_of(r.text)
        r = await con.post(page, f"{page}/stages", {
            "name": "Playoffs", "format": "single_elimination",
            "s_single_elimination_best_of": "0", "start": "draft"}, lang="ja")
        assert r.status_code == 422 and "以上" in error_of(r.text) and "以下の整数" in \
            error_of(r.text)
        # K24-K26/J19-J20: errors and lines both counted; the catalogue's CSV words used
        bad = "name,nation,seed\nA,KRR,0\nB,KR,1\n\"C,JP,2\nD,JP,3\n"
        r = await con.post(page, f"{page}/import", {"csv": bad}, lang="ko")
        assert r.status_code == 422
        said = visible_text(r.text)
        assert error_of(r.text).startswith("파일에 오류 3건(2줄)이 있습니다."), error_of(r.text)
        assert "시드는 1 이상의 정수입니다" in said and "따옴표가 닫히지 않았나요?" in said
        r = await con.post(page, f"{page}/import", {"csv": bad}, lang="ja")
        assert error_of(r.text).startswith("ファイルに誤りが3件（2行）あります。")
        assert "引用符が閉じていない可能性があります" in visible_text(r.text)
        r = await con.post(page, f"{page}/import", {}, lang="ko")
        assert error_of(r.text) == "파일을 고르거나 내용을 붙여 넣으세요."
    finally:
        await ctx.__aexit__(None, None, None)


async def test_the_board_draws_a_lobby_as_a_lobby(client, app):
    event, st = await lobby_stage(client, teams=4)
    (lobby,) = st["matches"]
    t = event["teams"]
    r = await client.patch(f"/api/matches/{lobby['id']}", json={
        "scheduled_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}, headers=AUTH)
    assert r.status_code == 200, r.text
    con, ctx = await admin_console(client, app)
    try:
        board = f"/admin/t/{event['slug']}/board"
        card = soup((await con.get(board, "ko")).text).select_one(
            f'[data-board-match="{lobby["id"]}"]')
        text = card.get_text(" ", strip=True)
        assert "로비 1 · 4팀" in text and "미정" not in text and "1라운드" not in text, text
        assert "결과 입력" in text and "점수 입력" not in text  # as the nav says (K28)
        r = await game(client, lobby["id"], 1, t, None)
        assert r.status_code == 200, r.text
        card = soup((await con.get(board, "ja")).text).select_one(
            f'[data-board-match="{lobby["id"]}"]')
        text = card.get_text(" ", strip=True)
        assert "ロビー1 · 4チーム" in text and "1ゲーム消化" in text and "未定" not in text
    finally:
        await ctx.__aexit__(None, None, None)
