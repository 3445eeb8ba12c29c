"""Hostile names on every page and overlay, in a real Chromium: no script of theirs runs
(no dialog, no CSP violation), the page's own scripts still read their JSON data, and a
result reported through the API appears without a reload."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")
NAMES = ["</script><script>alert(1)</script>", '"><img src=x onerror=alert(2)>',
         "\u202eTeam RTL override\u202c", "가나다라마바사아자차카타파하" * 14 + "가나다라"]


async def _world(client: httpx.AsyncClient) -> dict:
    slug = unique("xss")
    assert (await client.post("/api/tournaments", json={
        "slug": slug, "name": NAMES[0], "names": {"ko": NAMES[3][:200]}},
        headers=AUTH)).status_code == 201
    assert (await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "lol", "name": NAMES[1]}, headers=AUTH)).status_code == 201
    teams = []
    for i, name in enumerate(NAMES):
        r = await client.post(f"/api/tournaments/{slug}/events/lol/teams", json={
            "name": name[:200], "nation": "KR" if i % 2 else "JP",
            "players": [{"handle": NAMES[1][:100], "name": NAMES[0]}]}, headers=AUTH)
        assert r.status_code == 201, r.text
        teams.append(r.json()["id"])
    r = await client.post(f"/api/tournaments/{slug}/events/lol/stages", json={
        "name": NAMES[0], "format": "single_elimination", "seeding": teams,
        "settings": {"best_of": 3}}, headers=AUTH)
    assert r.status_code == 201, r.text
    return {"slug": slug, "teams": teams, "stage": r.json()}


@pytest.mark.long(12)
async def test_hostile_names_stay_text_everywhere(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        world = await _world(client)
        matches = world["stage"]["matches"]
        first = matches[0]
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        base = live_server.url
        # signed in (as an admin with a hostile name): the header and the console show it
        r = await client.post("/api/users", json={"name": NAMES[1][:100], "role": "admin"},
                              headers=AUTH)
        assert r.status_code == 201, r.text
        link = (await client.post(f"/api/users/{r.json()['id']}/sign-in-links",
                                  headers=AUTH)).json()["url"]
        await page.goto(link)
        await page.locator("[data-link] button[type=submit]").click()
        await page.wait_for_url("**/admin")
        paths = ["/", "/referee", "/account", "/admin", "/admin/users",
                 f"/tournaments/{world['slug']}/audit", f"/tournaments/{world['slug']}",
                 f"/tournaments/{world['slug']}/events/lol",
                 f"/stages/{world['stage']['id']}", f"/matches/{first['id']}",
                 f"/matches/{first['id']}/referee", f"/teams/{world['teams'][0]}",
                 f"/overlay/matches/{first['id']}", f"/overlay/stages/{world['stage']['id']}"]
        score = 0
        for path in paths:
            await page.goto(f"{base}{path}?lang=ko")
            await page.wait_for_load_state("networkidle")
            assert await page.locator("img[src=x]").count() == 0, path
            if path.startswith("/overlay/stages"):  # on the stream's picture: no glow band
                glow = await page.evaluate("""[...document.querySelectorAll(
                    '.table-scroll, .bracket-scroll')].map((e) =>
                    getComputedStyle(e).backgroundImage)""")
                assert glow and set(glow) == {"none"}, glow
            if path == "/" or not path.startswith(("/tournaments", "/stages", "/matches",
                                                    "/teams", "/overlay")) \
                    or path.endswith("/audit"):
                await expect(page.locator("main")).to_be_visible()
                continue
            if not path.startswith("/overlay"):
                await expect(page.locator("[data-me]")).to_have_text(NAMES[1][:100])
            if "referee" in path:
                await expect(page.locator("[data-board]")).to_be_visible()
                continue
            conn = page.locator("[data-conn]")
            if await conn.count():
                await expect(conn).to_have_attribute("data-conn", "live")
            else:  # overlays have no indicator: wait for the socket to be open
                await page.wait_for_timeout(500)
            score = 1 - score
            r = await client.patch(f"/api/matches/{first['id']}", json={
                "score": [score, 1], "status": "live"}, headers=AUTH)
            assert r.status_code == 200, r.text
            shown = page.locator(f'[data-match="{first["id"]}"] [data-score]').first
            alt = page.locator("[data-score-0]")
            if await shown.count():
                await expect(shown).to_have_text(str(score))
            elif await alt.count():
                await expect(alt).to_have_text(str(score))
            if path == f"/tournaments/{world['slug']}/events/lol":
                await page.screenshot(path=shots / "hostile-event-ko-phone.png",
                                      full_page=True)
        assert dialogs == [], dialogs
        assert not [e for e in errors if "Content Security Policy" in e
                    or "SyntaxError" in e], errors
        await page.close()
