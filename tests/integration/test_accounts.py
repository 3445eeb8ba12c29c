"""Issue 10, accounts: sign-in with a form and a CSRF token, server-side sessions that die
at once (sign-out, password change, revocation), CSRF on cookie writes, bearer tokens
without CSRF, throttled guessing, one-time sign-in links, named API tokens."""

from __future__ import annotations

import logging

import pytest

from tests.accounts_support import PASSWORD, browser_for, form_token, make_user, meta_token
from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_login_form_sets_a_strict_session_cookie(client, app):
    user = await make_user(client)
    assert "token" not in user  # a password user gets no token nobody asked for
    async with browser_for(app) as b:
        page = await b.client.get("/login?lang=ko")
        assert page.status_code == 200
        assert 'name="username"' in page.text and 'name="password"' in page.text
        r = await b.client.post("/login", data={"username": user["name"], "password": PASSWORD,
                                                "csrf_token": form_token(page.text)})
        assert r.status_code == 303 and r.headers["location"] == "/referee"
        cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie"
                      and v.startswith("tournament_session="))
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
        me = (await b.client.get("/api/users/me")).json()
        assert me["name"] == user["name"] and me["via"] == "session"
        assert "password" not in str(me) or me["has_password"] is True
    async with browser_for(app, base_url="https://testserver") as b:  # behind https
        page = await b.client.get("/login")
        r = await b.client.post("/login", data={"username": user["name"], "password": PASSWORD,
                                                "csrf_token": form_token(page.text)})
        cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie"
                      and v.startswith("tournament_session="))
        assert "Secure" in cookie


async def test_login_without_the_right_csrf_token_is_refused(client, app):
    user = await make_user(client)
    async with browser_for(app) as b:
        page = await b.client.get("/login")
        for token in ("", "forged", form_token(page.text)[:-1] + "x"):
            r = await b.client.post("/login", data={"username": user["name"],
                                                    "password": PASSWORD, "csrf_token": token})
            assert r.status_code == 403, token
            assert "tournament_session" not in r.headers.get("set-cookie", "")
        b.client.cookies.clear()  # a form token without its cookie (another site's post)
        r = await b.client.post("/login", data={"username": user["name"], "password": PASSWORD,
                                                "csrf_token": form_token(page.text)})
        assert r.status_code == 403


async def test_wrong_password_is_a_form_error_in_the_readers_language(client, app):
    user = await make_user(client)
    async with browser_for(app) as b:
        page = await b.client.get("/login?lang=ja")
        r = await b.client.post("/login?lang=ja", data={
            "username": user["name"], "password": "wrong password",
            "csrf_token": form_token(page.text)})
        assert r.status_code == 401
        assert "名前またはパスワードが正しくありません。" in r.text
        assert (await b.client.get("/api/users/me")).status_code == 401


async def test_cookie_writes_need_the_csrf_header_bearer_tokens_do_not(client, app):
    event = await make_event(client, 2)
    match = (await make_stage(client, event))["matches"][0]
    user = await make_user(client)
    async with browser_for(app) as b:
        await b.sign_in(user["name"])
        page = await b.client.get(f"/matches/{match['id']}/referee")
        assert meta_token(page.text) == b.csrf
        body = {"status": "live", "score": [0, 0]}
        r = await b.client.patch(f"/api/matches/{match['id']}", json=body)
        assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"
        r = await b.client.patch(f"/api/matches/{match['id']}", json=body,
                                 headers={"X-CSRF-Token": "not-the-token"})
        assert r.status_code == 403
        r = await b.client.patch(f"/api/matches/{match['id']}", json=body, headers=b.headers())
        assert r.status_code == 200, r.text
    token = (await client.post("/api/tokens", json={"name": "overlay", "user_id": user["id"]},
                               headers=AUTH)).json()["token"]
    r = await client.patch(f"/api/matches/{match['id']}", json={"score": [1, 0],
                                                                  "status": "completed"},
                           headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text


async def test_logout_kills_a_copied_cookie(client, app):
    user = await make_user(client)
    async with browser_for(app) as b, browser_for(app) as thief:
        await b.sign_in(user["name"])
        thief.client.cookies.update(b.client.cookies)
        assert (await thief.client.get("/api/users/me")).status_code == 200
        page = await b.client.get("/account")
        r = await b.client.post("/logout", data={"csrf_token": form_token(page.text)})
        assert r.status_code == 303
        r = await thief.client.get("/api/users/me")
        assert r.status_code == 401 and r.json()["error"]["code"] == "session_expired"
        assert (await thief.client.get("/account")).status_code == 303  # to sign in


async def test_logout_needs_the_form_token(client, app):
    user = await make_user(client)
    async with browser_for(app) as b:
        await b.sign_in(user["name"])
        assert (await b.client.post("/logout", data={})).status_code == 403
        assert (await b.client.get("/api/users/me")).status_code == 200
        wrong = {"X-CSRF-Token": "not-the-token"}
        assert (await b.client.post("/logout", headers=wrong)).status_code == 403
        assert (await b.client.get("/api/users/me")).status_code == 200
        page = await b.client.get("/account")  # a script sends the header, as to the API
        r = await b.client.post("/logout", headers={"X-CSRF-Token": form_token(page.text)})
        assert r.status_code == 303
        assert (await b.client.get("/api/users/me")).status_code == 401


async def test_password_change_ends_every_other_session(client, app):
    user = await make_user(client)
    async with browser_for(app) as phone, browser_for(app) as laptop:
        await phone.sign_in(user["name"])
        await laptop.sign_in(user["name"])
        r = await laptop.client.patch(f"/api/users/{user['id']}", json={
            "password": "a new long password", "current_password": "wrong"},
            headers=laptop.headers())
        assert r.status_code == 422 and r.json()["error"]["code"] == "wrong_password"
        r = await laptop.client.patch(f"/api/users/{user['id']}", json={
            "password": "a new long password", "current_password": PASSWORD},
            headers=laptop.headers())
        assert r.status_code == 200, r.text
        assert (await phone.client.get("/api/users/me")).status_code == 401
        assert (await laptop.client.get("/api/users/me")).status_code == 200  # re-issued
        assert (await browser_sign_in(app, user["name"], PASSWORD)) == 401
        assert (await browser_sign_in(app, user["name"], "a new long password")) == 303


async def browser_sign_in(app, name: str, password: str) -> int:
    async with browser_for(app) as b:
        return (await b.sign_in(name, password)).status_code


async def test_an_admin_revokes_every_session_of_a_user(client, app):
    user = await make_user(client)
    async with browser_for(app) as b:
        await b.sign_in(user["name"])
        r = await client.delete(f"/api/users/{user['id']}/sessions", headers=AUTH)
        assert r.status_code == 200 and r.json()["revoked"] == 1
        assert (await b.client.get("/api/users/me")).status_code == 401
        r = await b.client.patch("/api/matches/1", json={"status": "live"}, headers=b.headers())
        assert r.status_code == 401


async def test_guessing_is_throttled_per_account_and_address(client, app, caplog):
    user = await make_user(client)
    other = await make_user(client)
    caplog.set_level(logging.INFO, logger="tournament.auth")
    async with browser_for(app, address="198.51.100.7") as attacker:
        for _ in range(5):
            r = await attacker.sign_in(user["name"], "guess-password")
            assert r.status_code == 401
        r = await attacker.sign_in(user["name"], "guess-password")
        assert r.status_code == 429 and 0 < int(r.headers["Retry-After"]) <= 900
        r = await attacker.sign_in(user["name"], PASSWORD)  # even the right one waits
        assert r.status_code == 429
        assert (await attacker.sign_in(other["name"])).status_code == 303
    async with browser_for(app, address="203.0.113.9") as referee:  # the real one
        assert (await referee.sign_in(user["name"])).status_code == 303
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "guess-password" not in logged and PASSWORD not in logged
    assert f"sign-in failed: name={user['name']!r} address=198.51.100.7" in logged
    assert "throttled" in logged and f"sign-in: user={user['name']!r}" in logged


async def test_spraying_one_address_over_many_names_is_throttled(client, app, monkeypatch):
    from tournament.services import throttle

    monkeypatch.setattr(throttle, "PER_ADDRESS", 4)  # 30 in production: the same rule
    async with browser_for(app) as attacker:
        codes = [(await attacker.sign_in(f"nobody-{i}", "guess-password")).status_code
                 for i in range(5)]
    assert codes[:4] == [401] * 4 and codes[4] == 429


async def test_guesses_at_one_account_from_many_addresses_are_capped(client, app,
                                                                    monkeypatch):
    """Guesses spread over many machines: after PER_ACCOUNT_ANYWHERE failures the account
    waits, except from an address it signed in from before (the referee's own phone), and
    a sign-in link still works from anywhere."""
    from tournament.services import throttle

    monkeypatch.setattr(throttle, "PER_ACCOUNT_ANYWHERE", 6)  # 50 in production
    user = await make_user(client)
    async with browser_for(app, address="203.0.113.20") as phone:  # the referee's phone
        assert (await phone.sign_in(user["name"])).status_code == 303
    codes = []
    for i in range(7):  # one guess from each of seven machines
        async with browser_for(app, address=f"198.51.100.{30 + i}") as bot:
            codes.append((await bot.sign_in(user["name"], "guess-password")).status_code)
    assert codes == [401] * 6 + [429]
    async with browser_for(app, address="192.0.2.55") as new_laptop:  # never signed in
        r = await new_laptop.sign_in(user["name"])
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    async with browser_for(app, address="203.0.113.20") as phone:
        assert (await phone.sign_in(user["name"])).status_code == 303
    r = await client.post(f"/api/users/{user['id']}/sign-in-links", headers=AUTH)
    path = r.json()["url"].removeprefix("http://testserver")
    async with browser_for(app, address="192.0.2.55") as new_laptop:
        page = await new_laptop.client.get(path)
        r = await new_laptop.client.post(path, data={"csrf_token": form_token(page.text)})
        assert r.status_code == 303


async def test_a_sign_in_link_works_once_within_15_minutes(client, app):
    user = await make_user(client, password=None)
    r = await client.post(f"/api/users/{user['id']}/sign-in-links", headers=AUTH)
    assert r.status_code == 201, r.text
    path = r.json()["url"].removeprefix("http://testserver")
    async with browser_for(app) as phone:
        page = await phone.client.get(path + "?lang=ko")
        assert page.status_code == 200 and user["name"] in page.text
        assert (await phone.client.get("/api/users/me")).status_code == 401  # not yet
        r = await phone.client.post(path, data={"csrf_token": form_token(page.text)})
        assert r.status_code == 303 and r.headers["location"] == "/referee"
        assert (await phone.client.get("/api/users/me")).json()["name"] == user["name"]
    async with browser_for(app) as second:
        page = await second.client.get(path)
        assert page.status_code == 410
        r = await second.client.post(path, data={"csrf_token": "x"})
        assert r.status_code == 403
    # an expired link: made 16 minutes ago
    from datetime import timedelta

    from tournament.services import links

    orig = links.LIFETIME
    links.LIFETIME = timedelta(minutes=-1)
    try:
        r = await client.post(f"/api/users/{user['id']}/sign-in-links", headers=AUTH)
    finally:
        links.LIFETIME = orig
    async with browser_for(app) as late:
        path = r.json()["url"].removeprefix("http://testserver")
        assert (await late.client.get(path)).status_code == 410


async def test_api_tokens_are_named_shown_once_revocable_and_track_use(client, app):
    user = await make_user(client)
    async with browser_for(app) as b:
        await b.sign_in(user["name"])
        r = await b.client.post("/api/tokens", json={"name": "OBS overlay"},
                                headers=b.headers())
        assert r.status_code == 201, r.text
        made = r.json()
        listed = (await b.client.get("/api/tokens")).json()["items"]
        assert [t["name"] for t in listed] == ["OBS overlay"]
        assert "token" not in listed[0] and listed[0]["last_used_at"] is None
        bearer = {"Authorization": f"Bearer {made['token']}"}
        assert (await client.get("/api/users/me", headers=bearer)).json()["via"] == "token"
        listed = (await b.client.get("/api/tokens")).json()["items"]
        assert listed[0]["last_used_at"] is not None
        r = await b.client.delete(f"/api/tokens/{made['id']}", headers=b.headers())
        assert r.status_code == 200
        r = await client.get("/api/users/me", headers=bearer)
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_token"
    other = await make_user(client)
    token = (await client.post("/api/tokens", json={"name": "x", "user_id": other["id"]},
                               headers=AUTH)).json()
    async with browser_for(app) as b:  # a referee cannot touch another's tokens
        await b.sign_in(user["name"])
        r = await b.client.delete(f"/api/tokens/{token['id']}", headers=b.headers())
        assert r.status_code == 403


async def test_tokens_in_the_browser_are_shown_once(client, app):
    user = await make_user(client)
    async with browser_for(app) as b:
        await b.sign_in(user["name"])
        page = await b.client.get("/account?lang=ko")
        r = await b.client.post("/account/tokens", data={"name": "방송",
                                                         "csrf_token": form_token(page.text)})
        assert r.status_code == 200 and "data-new-token" in r.text
        again = await b.client.get("/account")
        assert "data-new-token" not in again.text and "방송" in again.text


async def test_passwords_are_argon2id_and_never_returned(client, app, production_hasher):
    from sqlmodel import select

    from tournament.models import User

    user = await make_user(client)
    async with app.state.ctx.db.read() as session:
        stored = (await session.exec(select(User).where(User.id == user["id"]))).one()
    assert stored.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    listed = (await client.get("/api/users", headers=AUTH)).json()["items"]
    assert "argon2" not in str(listed) and PASSWORD not in str(listed)
    r = await client.post("/api/users", json={"name": "short-pw", "password": "short"},
                          headers=AUTH)
    assert r.status_code == 422


async def test_a_session_sees_what_its_user_may_see(client, app):
    hidden = await make_event(client, 2)
    r = await client.patch(f"/api/tournaments/{hidden['slug']}", json={"published": False},
                           headers=AUTH)
    assert r.status_code == 200
    admin = await make_user(client, "admin")
    referee = await make_user(client, tournaments=[])
    async with browser_for(app) as a, browser_for(app) as ref:
        await a.sign_in(admin["name"])
        await ref.sign_in(referee["name"])
        assert (await a.client.get(f"/tournaments/{hidden['slug']}")).status_code == 200
        assert (await ref.client.get(f"/tournaments/{hidden['slug']}")).status_code == 404
        assert (await client.get(f"/tournaments/{hidden['slug']}")).status_code == 404
        assert (await ref.client.get("/admin")).status_code == 403
