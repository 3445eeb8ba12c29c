"""The "minutes a game takes" setting is worded alike for every format in the console's
new-stage form (parsed HTML), in Japanese and Korean: a battle royale lobby's says the same
words about a lobby's game ("ロビーの1ゲームの所要時間", "로비 게임 한 판에 걸리는 시간"),
where the series formats say a game of a match (ja ゲーム, ko 세트); it read
"1ゲームにかかる時間（…重なりの確認…）" for lobbies and "1ゲームの所要時間" elsewhere."""

from __future__ import annotations

import pytest

from tests.console_support import admin_console
from tests.helpers import make_event, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")

SERIES = {"ja": "1ゲームの所要時間（分、日程の重なり確認とカレンダー用）",
          "ko": "세트 한 판에 걸리는 시간(분, 일정 겹침 확인과 캘린더용)"}
LOBBY = {"ja": "ロビーの1ゲームの所要時間（分、日程の重なり確認とカレンダー用）",
         "ko": "로비 게임 한 판에 걸리는 시간(분, 일정 겹침 확인과 캘린더용)"}


@pytest.mark.parametrize("lang", ["ja", "ko"])
async def test_every_format_words_the_minutes_of_a_game_alike(client, app, lang):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 0)
        page = soup((await con.get(f"/admin/t/{event['slug']}/e/lol", lang)).text)
        said = {}
        for box in page.select("[data-format-settings]"):
            field = box.select_one(f'input[name="s_{box["data-format-settings"]}_game_minutes"]')
            said[box["data-format-settings"]] = field.parent.get_text(" ", strip=True)
        assert said.pop("free_for_all") == LOBBY[lang]
        assert said and set(said.values()) == {SERIES[lang]}, said
    finally:
        await ctx.__aexit__(None, None, None)
