"""Signing in keeps the language the address asked for (``?lang=ko``): the page after
signing in is in it too (a reviewer opened /login?lang=ko and landed on /referee, without
it)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _submit(b, page, **typed: str):
    """Post the page's form as a browser does: every field it has, what is typed, to its
    action (none: the page's own address)."""
    form = soup(page.text).select_one("form[data-login], form[data-link]")
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")} | typed
    action = form.get("action") or str(page.url)
    return await b.client.post(action, data=data)


@pytest.mark.parametrize("role, after", [("referee", "/referee"), ("admin", "/admin")])
async def test_the_sign_in_page_s_language_is_kept(client, app, role, after):
    user = await make_user(client, role=role)
    async with browser_for(app) as b:
        page = await b.client.get("/login?lang=ko")
        assert soup(page.text).select_one("h1").get_text(strip=True) == "로그인"
        r = await _submit(b, page, username=user["name"], password=user["password"])
        assert r.status_code == 303 and r.headers["location"] == f"{after}?lang=ko"
    async with browser_for(app) as b:  # a wrong password first: still kept after
        page = await b.client.get("/login?lang=ja")
        r = await _submit(b, page, username=user["name"], password="wrong password")
        assert r.status_code == 401
        r = await _submit(b, r, username=user["name"], password=user["password"])
        assert r.status_code == 303 and r.headers["location"] == f"{after}?lang=ja"


async def test_a_page_that_needs_signing_in_comes_back_in_its_language(client, app):
    user = await make_user(client)
    async with browser_for(app) as b:
        r = await b.client.get("/referee?lang=ja&from=qr")
        assert r.status_code == 303
        login = urlsplit(r.headers["location"])
        assert login.path == "/login"
        # the whole address comes back, and the sign-in page is in its language
        assert parse_qs(login.query) == {"next": ["/referee?lang=ja&from=qr"], "lang": ["ja"]}
        page = await b.client.get(r.headers["location"])
        assert soup(page.text).select_one("h1").get_text(strip=True) == "ログイン"
        r = await _submit(b, page, username=user["name"], password=user["password"])
        assert r.status_code == 303 and r.headers["location"] == "/referee?lang=ja&from=qr"


async def test_a_sign_in_link_opened_in_a_language_keeps_it(client, app):
    user = await make_user(client, password=None)
    r = await client.post(f"/api/users/{user['id']}/sign-in-links", headers=AUTH)
    path = r.json()["url"].removeprefix("http://testserver")
    async with browser_for(app) as phone:
        page = await phone.client.get(f"{path}?lang=ko")
        r = await _submit(phone, page)
        assert r.status_code == 303 and r.headers["location"] == "/referee?lang=ko"
