"""A one-on-one event's pages speak of players, not teams. A review of a 1v1 eFootball event
found the organizer's event page saying 参加チーム, チームを追加 and
CSVファイルからチームをインポート, and the public stage "可能な範囲で同じ国のチーム同士が
当たらないように配置しました。" / "Teams of one nation kept apart where the field allows.",
on pages that otherwise said 선수 / 選手 / Player (``web/entrant_words.py``)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, soup, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")
# a team word in each language (the players are named so that none of them says one)
TEAM_WORDS = {"ko": re.compile("팀"), "ja": re.compile("チーム"),
              "en": re.compile(r"\bteams?\b", re.I)}
# the event's own pages, public and the organizer's (not the tournament's, which list its
# other events too, nor the audit trail, which names the API's resources: team.create)
WALKED = ("/stages/", "/matches/", "/teams/", "/admin/stages/", "/admin/teams/",
          "/admin/matches/")


async def one_on_one(client: httpx.AsyncClient, players: int = 4) -> dict[str, Any]:
    """An eFootball event of one-player entries from two nations, its stage drawn with
    the nations kept apart."""
    slug = unique()
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "Cup",
                                                    "names": {"ko": "컵", "ja": "カップ"}},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "efootball", "name": "eFootball", "game": "eFootball"}, headers=AUTH)
    assert r.status_code == 201, r.text
    ids = []
    for i in range(players):
        r = await client.post(f"/api/tournaments/{slug}/events/efootball/teams", json={
            "name": f"Kim {i + 1}", "names": {"ko": f"김민준 {i + 1}", "ja": f"佐藤 {i + 1}"},
            "nation": ("KR", "JP")[i % 2], "seed": i + 1,
            "players": [{"handle": f"kim{i}"}]}, headers=AUTH)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    r = await client.post(f"/api/tournaments/{slug}/events/efootball/stages", json={
        "name": "Playoffs", "format": "single_elimination", "seeding": ids,
        "draw": {"separate_nations": True}}, headers=AUTH)
    assert r.status_code == 201, r.text
    return {"slug": slug, "teams": ids, "stage": r.json()}


def said(html: str) -> str:
    """What a person reads on the page: its text and the words of its attributes."""
    page = soup(html)
    for gone in page.select("script, style, [hidden]"):
        gone.decompose()
    attrs = " ".join(str(el.get(a, "")) for el in page.select("*")
                     for a in ("title", "aria-label", "placeholder", "data-confirm"))
    return " ".join(page.get_text(" ").split()) + " " + attrs


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_one_on_one_events_pages_speak_of_players(client, app) -> None:
    event = await one_on_one(client)
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for lang, team in TEAM_WORDS.items():
            starts = [f"/tournaments/{event['slug']}/events/efootball",
                      f"/stages/{event['stage']['id']}", f"/teams/{event['teams'][0]}",
                      f"/admin/t/{event['slug']}/e/efootball",
                      f"/admin/stages/{event['stage']['id']}",
                      f"/admin/teams/{event['teams'][0]}",
                      f"/admin/matches/{event['stage']['matches'][0]['id']}"]
            seen: set[str] = set()
            queue, read = list(starts), 0
            while queue:
                path = queue.pop(0)
                if path in seen:
                    continue
                seen.add(path)
                r = await b.client.get(path, params={"lang": lang})
                if r.status_code != 200 or "html" not in r.headers.get("content-type", ""):
                    continue
                read += 1
                found = team.search(text := said(r.text))
                assert found is None, (lang, path, text[max(0, found.start() - 80):
                                                     found.end() + 80])
                for href in re.findall(r'href="(/[^"#]*)"', r.text):
                    target = urlsplit(urljoin(path, href.replace("&amp;", "&"))).path
                    if (target.startswith(WALKED) or target.endswith("/efootball")) \
                            and target not in seen:
                        queue.append(target)
            assert read >= 20, (lang, read)  # the event, its stage, matches, players, consoles
