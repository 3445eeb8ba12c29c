"""What the round-name page tests share: a referee's list and console name a match's round."""

from __future__ import annotations

from typing import Any

from tests.accounts_support import browser_for, make_user
from tests.helpers import soup


async def referee_sees_round(app: Any, client: Any, slug: str, match_id: int,
                             said: dict[str, str]) -> None:
    """A referee of the tournament reads the match's round (``said`` by language, ko and ja)
    at the end of its line in /referee and in its console's title."""
    ref = await make_user(client, role="referee", tournaments=[slug])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        for lang, name in said.items():
            mine = soup((await b.client.get("/referee", params={"lang": lang})).text)
            item = mine.select_one(f'[data-match-link="{match_id}"] .ref-where')
            assert item.get_text(" ", strip=True).endswith(f"· {name}"), item
            page = soup((await b.client.get(f"/matches/{match_id}/referee",
                                            params={"lang": lang})).text)
            title = page.select_one("h1.ref-where").get_text(" ", strip=True)
            assert f"· {name} · BO" in title, title
