"""One site name on every page. A review found the header's name changing from page to page
and leaving China out: 한중일 e스포츠 / 日中韓eスポーツ / KJC Esports on the list of
tournaments and a three-nation edition's pages, but 한일 e스포츠 / 日韓eスポーツ (Korea–Japan)
on /login, /setup, /admin/users, /referee and error pages, and on a Korea–Japan edition's.
The name is chosen once (``i18n.SITE_NAME``): it names the three home nations, so no edition
it serves is left out; a page of one tournament names that tournament beside it."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")
SITE = {"ko": "한중일 e스포츠", "ja": "日中韓eスポーツ", "en": "KJC Esports"}
WALKED = ("/tournaments/", "/stages/", "/matches/", "/teams/", "/admin", "/referee",
          "/account", "/login", "/setup")
PAGES = 12


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_every_page_says_the_one_site_name(client, app) -> None:
    three = await make_event(client, 4, nations=("KR", "JP", "CN"))
    two = await make_event(client, 4)
    for event in (three, two):
        await make_stage(client, event, name="League", format="round_robin")
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for lang, name in SITE.items():
            starts = ["/", "/login", "/setup", "/referee", "/account", "/admin",
                      "/admin/users", "/no-such-page", "/matches/987654321",
                      *(f"/tournaments/{e['slug']}" for e in (three, two)),
                      *(f"/admin/t/{e['slug']}/e/lol" for e in (three, two))]
            seen: set[str] = set()
            queue, named = list(starts), 0
            while queue and len(seen) < PAGES + len(starts):
                path = queue.pop(0)
                if path in seen:
                    continue
                seen.add(path)
                # signed out (the sign-in and setup pages, as a spectator sees them) and in
                for who in (client, b.client) if path in starts else (b.client,):
                    r = await who.get(path, params={"lang": lang})
                    if "html" not in r.headers.get("content-type", ""):
                        continue
                    brand = soup(r.text).select_one("[data-brand]")
                    if brand is None:  # an overlay or a fragment has no header
                        continue
                    assert brand.get_text(strip=True) == name, (lang, path, r.status_code)
                    named += 1
                    for href in re.findall(r'href="(/[^"#]*)"', r.text):
                        target = urlsplit(urljoin(path, href.replace("&amp;", "&"))).path
                        if target.startswith(WALKED) and target not in seen and \
                                not target.startswith("/admin/audit"):
                            queue.append(target)
            # the walk reached pages of both editions, the console and the error pages
            assert named >= PAGES, (lang, named)
