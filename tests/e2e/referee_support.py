"""Browser helpers: a referee signed in on a phone (390x844) with a one-time link, as they
would be at the venue; anyone signed in with the login form (an organizer at a laptop)."""

from __future__ import annotations

import re
from typing import Any

import httpx
from playwright.async_api import Browser, Page, expect

from tests.helpers import AUTH, by_number, make_event, make_stage, unique

PHONE = {"width": 390, "height": 844}


async def sign_in(page: Page, base: str, name: str, lang: str) -> None:
    """Sign in with the login form as a person does (the test password), landing on /admin."""
    from tests.accounts_support import PASSWORD

    await page.goto(f"{base}/login?lang={lang}")
    await page.fill("input[name=username]", name)
    await page.fill("input[name=password]", PASSWORD)
    async with page.expect_navigation():
        await page.locator("form:has(input[name=username]) button[type=submit]").click()
    await expect(page).to_have_url(re.compile(rf"/admin\?lang={lang}$"))  # its language kept


async def referee(client: httpx.AsyncClient, slug: str | None = None,
                  name: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name or unique("ref"), "role": "referee"}
    if slug:
        body["tournaments"] = [slug]
    r = await client.post("/api/users", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def link_for(client: httpx.AsyncClient, user_id: int) -> str:
    r = await client.post(f"/api/users/{user_id}/sign-in-links", headers=AUTH)
    assert r.status_code == 201, r.text
    return str(r.json()["url"])


async def phone_signed_in(browser: Browser, client: httpx.AsyncClient, user: dict[str, Any],
                          lang: str = "ko") -> Page:
    """A phone that opened the referee's one-time link and tapped to sign in."""
    page = await browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error"
            and "favicon" not in m.text and "404" not in m.text else None)
    page.errors = errors  # type: ignore[attr-defined]
    await page.goto(f"{await link_for(client, user['id'])}?lang={lang}")
    await page.locator("[data-link] button[type=submit]").click()
    await page.wait_for_url(re.compile(rf"/(referee|admin)\?lang={lang}$"))
    return page


async def deaf_phone(browser: Browser, client: httpx.AsyncClient, user: dict[str, Any],
                     base: str, match_id: int, lang: str = "ko") -> Page:
    """A phone signed in (``phone_signed_in``) with the console of ``match_id`` open that
    the live feed does not reach (a dead venue network for websockets): it learns of
    another save only from the server's 409."""
    page = await phone_signed_in(browser, client, user, lang)
    await page.route_web_socket(re.compile(r"/ws/"), lambda ws: None)
    await page.goto(f"{base}/matches/{match_id}/referee?lang={lang}")
    return page


async def open_console(page: Page, base: str, match_id: int, lang: str = "ko") -> None:
    await page.goto(f"{base}/matches/{match_id}/referee?lang={lang}")
    await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")


async def tap_score(page: Page, a: int, b: int, map_name: str | None = None) -> None:
    await page.locator('[data-point="0"]').fill(str(a))
    await page.locator('[data-point="1"]').fill(str(b))
    if map_name:
        await page.locator("[data-map]").fill(map_name)


SAVED = "저장했습니다. 관람객에게 바로 보입니다."  # the console's word after a save (ko)


async def live_bo3(client: httpx.AsyncClient, games: list[list[int]] | None = None,
                   status: str = "live") -> tuple[dict, dict]:
    """M1 of a best-of-three bracket with ``games`` stored (default one game, 13-5)."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    m = by_number(st)[1]
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": games or [[13, 5]], "status": status}, headers=AUTH)
    assert r.status_code == 200, r.text
    return event, r.json()


async def live_m1_on_a_phone(browser: Browser, client: httpx.AsyncClient,
                             settings: dict[str, Any], lang: str) -> tuple[dict, str, Page]:
    """M1 of a four-team bracket with ``settings``, live with no game yet, and a phone
    signed in (in ``lang``) as a referee of its tournament: the match, its API URL, the
    phone (on /referee)."""
    event = await make_event(client, 4)
    m = by_number(await make_stage(client, event, settings=settings))[1]
    url = f"/api/matches/{m['id']}"
    assert (await client.patch(url, json={"status": "live"}, headers=AUTH)).status_code == 200
    me = await referee(client, event["slug"])
    return m, url, await phone_signed_in(browser, client, me, lang)
