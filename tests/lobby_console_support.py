"""A battle royale lobby's referee console (``/matches/{id}/referee``) as a referee of its
tournament uses it: the lobby opened, signed in, and the form a game is sent with."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, NamedTuple

from tests.accounts_support import Browser, browser_for, form_token, make_user
from tests.ffa_api_support import lobby_stage
from tests.helpers import soup


class LobbyConsole(NamedTuple):
    event: dict[str, Any]
    stage: dict[str, Any]
    lobby: dict[str, Any]
    referee: dict[str, Any]  # a referee of the event's tournament
    url: str  # the lobby's console
    browser: Browser  # signed in as the referee


@asynccontextmanager
async def lobby_console(client: Any, app: Any, **settings: Any) -> AsyncIterator[LobbyConsole]:
    """A lobby stage (``lobby_stage``'s, with ``settings``) and a browser signed in as a
    referee of its tournament, for the time of the block."""
    event, st = await lobby_stage(client, **settings)
    (lobby,) = st["matches"]
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        yield LobbyConsole(event, st, lobby, ref, f"/matches/{lobby['id']}/referee", b)


def form_of(order: list[int], kills: list[int], number: int, html: str) -> dict[str, str]:
    """The lobby form of the console page ``html`` filled in for game ``number``: the
    teams of ``order`` placed first down, with their ``kills``."""
    page = soup(html)
    data = {"csrf_token": form_token(html), "number": str(number),
            "loaded": page.select_one('[data-lobby-form] [name="loaded"]')["value"],
            "version": page.select_one('[data-lobby-form] [name="version"]')["value"]}
    for place, (team, k) in enumerate(zip(order, kills, strict=True), start=1):
        data[f"place_{team}"] = str(place)
        data[f"kills_{team}"] = str(k)
    return data
