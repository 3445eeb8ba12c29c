"""The first-run setup page: on an empty database, whoever holds the setup code that
``python run.py`` printed makes the first organizer (admin) in the browser, once; wrong
codes are refused in the page's language and throttled; then /setup is closed."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.accounts_support import PASSWORD, browser_for, form_token
from tests.conftest import PG_URL, ROOT, create_postgres, drop_postgres, free_port
from tests.helpers import ADMIN, AUTH
from tournament.app import create_app
from tournament.config import Settings
from tournament.migrate import upgrade

ASYNC = pytest.mark.asyncio(loop_scope="session")

CODE = "the-setup-code-printed-at-start"


@asynccontextmanager
async def fresh_app(db_url: str, tmp_path: Path, **settings: Any) -> AsyncIterator[Any]:
    """The app on an empty database of its own, of the same kind as ``db_url``."""
    tmp_path.mkdir(exist_ok=True)
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}" if db_url.startswith("sqlite") \
        else await create_postgres(PG_URL)
    try:
        upgrade(url)
        app = create_app(Settings(database_url=url, **{"admin_token": ADMIN,
                                                        "setup_code": CODE, **settings}))
        async with app.router.lifespan_context(app):
            yield app
    finally:
        if not url.startswith("sqlite"):
            await drop_postgres(url, PG_URL)


async def users(app: Any) -> list[dict[str, Any]]:
    async with browser_for(app) as b:
        r = await b.client.get("/api/users", headers=AUTH)
        assert r.status_code == 200, r.text
        found: list[dict[str, Any]] = r.json()["items"]
        return found


async def post_setup(b: Any, lang: str = "en", **fields: str) -> httpx.Response:
    page = await b.client.get(f"/setup?lang={lang}")
    assert page.status_code == 200, page.text
    data = {"name": "organizer", "password": PASSWORD, "password2": PASSWORD, "code": CODE,
            "csrf_token": form_token(page.text)} | fields
    return await b.client.post(f"/setup?lang={lang}", data=data)


@ASYNC
async def test_a_wrong_code_is_a_form_error_in_japanese_and_creates_nothing(db_url, tmp_path):
    async with fresh_app(db_url, tmp_path) as app, browser_for(app) as b:
        r = await post_setup(b, "ja", name="主催者", code="a-guess")
        assert r.status_code == 403
        assert "セットアップコードが正しくありません。" in r.text
        assert 'value="主催者"' in r.text and 'value="a-guess"' in r.text  # kept
        assert PASSWORD not in r.text  # never the passwords
        assert "tournament_session" not in r.headers.get("set-cookie", "")
        assert await users(app) == []
        page = await b.client.get("/setup?lang=ja")
        assert page.status_code == 200  # still open


@ASYNC
async def test_the_right_code_makes_the_admin_signs_in_and_closes_setup(db_url, tmp_path):
    async with fresh_app(db_url, tmp_path) as app, browser_for(app) as b:
        login = await b.client.get("/login?lang=ko")
        assert 'href="/setup?lang=ko"' in login.text
        assert "아직 관리자 계정이 없습니까?" in login.text
        page = await b.client.get(f"/setup?code={CODE}&lang=ko")
        assert f'name="code" autocomplete="off" autocapitalize="none" spellcheck="false" ' \
               f'required maxlength="200" value="{CODE}"' in page.text  # prefilled
        assert page.headers["cache-control"] == "no-store"
        assert '<input type="hidden" name="came_lang" value="ko">' in page.text
        r = await b.client.post("/setup?lang=ko", data={
            "name": "organizer", "password": PASSWORD, "password2": PASSWORD, "code": CODE,
            "csrf_token": form_token(page.text), "came_lang": "ko"})
        # the address's language is kept, as sign-in keeps it (it went to /admin alone)
        assert r.status_code == 303 and r.headers["location"] == "/admin?lang=ko", r.text
        me = (await b.client.get("/api/users/me")).json()
        assert (me["name"], me["role"], me["via"], me["has_password"]) == (
            "organizer", "admin", "session", True)
        assert (await b.client.get("/admin?lang=ko")).status_code == 200
        trail = (await b.client.get("/api/audit?action=user.create")).json()["items"]
        assert [(e["via"], e["actor"]["name"], e["target"]["id"]) for e in trail] == [
            ("setup", "organizer", me["id"])]
        # closed: the page sends everyone to sign in, a second post is refused
        assert (await b.client.get("/setup")).headers["location"].startswith("/login")
        async with browser_for(app) as other:
            r = await other.client.get(f"/setup?code={CODE}&lang=ja")
            assert r.status_code == 303 and r.headers["location"] == "/login?lang=ja"
            login = await other.client.get("/login?lang=en")
            r = await other.client.post("/setup?lang=en", data={
                "name": "second", "password": PASSWORD, "password2": PASSWORD, "code": CODE,
                "csrf_token": form_token(login.text)})
            assert r.status_code == 409 and "An organizer account already exists." in r.text
            assert "/setup" not in (await other.client.get("/login")).text
        assert [u["name"] for u in await users(app)] == ["organizer"]


@ASYNC
async def test_weak_and_different_passwords_are_refused_in_korean(db_url, tmp_path):
    async with fresh_app(db_url, tmp_path) as app, browser_for(app) as b:
        r = await post_setup(b, "ko", name="운영자", password="short", password2="short")
        assert r.status_code == 422 and "비밀번호는 8자 이상이어야 합니다." in r.text
        assert 'value="운영자"' in r.text and 'value="short"' not in r.text
        r = await post_setup(b, "ko", name="운영자", password2=PASSWORD + "!")
        assert r.status_code == 422 and "새 비밀번호 두 개가 서로 다릅니다." in r.text
        assert PASSWORD not in r.text
        assert await users(app) == []


@ASYNC
async def test_repeated_wrong_codes_are_throttled_as_sign_in_is(db_url, tmp_path):
    async with fresh_app(db_url, tmp_path) as app:
        async with browser_for(app, address="10.9.8.7") as b:
            codes = [(await post_setup(b, code=f"guess-{i}")).status_code for i in range(5)]
            assert codes == [403] * 5
            r = await post_setup(b)  # even the right code waits now
            assert r.status_code == 429 and 0 < int(r.headers["Retry-After"]) <= 900
            assert "Too many wrong" in r.text
            assert await users(app) == []
        async with browser_for(app, address="10.9.8.8") as b:  # the operator elsewhere
            assert (await post_setup(b)).status_code == 303


@ASYNC
async def test_two_at_once_only_one_wins(db_url, tmp_path):
    async with fresh_app(db_url, tmp_path) as app, \
            browser_for(app) as one, browser_for(app) as two:
        pages = [await b.client.get("/setup") for b in (one, two)]
        answers = await asyncio.gather(*(b.client.post("/setup", data={
            "name": name, "password": PASSWORD, "password2": PASSWORD, "code": CODE,
            "csrf_token": form_token(p.text)}) for b, p, name in zip(
                (one, two), pages, ("first", "second"), strict=True)))
        assert sorted(r.status_code for r in answers) == [303, 409]
        assert "An organizer account already exists." in next(
            r.text for r in answers if r.status_code == 409)
        assert len(await users(app)) == 1


@ASYNC
async def test_the_admin_token_is_a_code_too_and_without_either_setup_is_closed(
        db_url, tmp_path):
    async with fresh_app(db_url, tmp_path, setup_code=None) as app, browser_for(app) as b:
        assert (await post_setup(b, code=CODE)).status_code == 403
        assert (await post_setup(b, code=ADMIN)).status_code == 303
    async with fresh_app(db_url, tmp_path / "none", setup_code=None, admin_token=None) as app, \
            browser_for(app) as b:
        page = await b.client.get("/setup?lang=ko")
        assert "명령줄에서 만드세요" in page.text and "--role admin" in page.text
        assert 'name="password"' not in page.text
        login = await b.client.get("/login")
        r = await b.client.post("/setup", data={
            "name": "x", "password": PASSWORD, "password2": PASSWORD, "code": "",
            "csrf_token": form_token(login.text)})
        assert r.status_code == 403 and "명령줄에서 만드세요" in r.text


@ASYNC
async def test_a_post_without_the_form_token_is_refused(db_url, tmp_path):
    async with fresh_app(db_url, tmp_path) as app, browser_for(app) as b:
        await b.client.get("/setup")
        r = await b.client.post("/setup", data={"name": "organizer", "password": PASSWORD,
                                                "password2": PASSWORD, "code": CODE})
        assert r.status_code == 403
        assert await users(app) == []


def _serve(db: Path) -> tuple[subprocess.Popen[str], int]:
    """``python run.py`` on a free port of 127.0.0.1, started and answering."""
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if k not in ("TOURNAMENT_ADMIN_TOKEN", "TOURNAMENT_SETUP_CODE")}
    proc = subprocess.Popen([sys.executable, "run.py", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port)], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        assert proc.poll() is None, "run.py exited"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).text == "ok":
                return proc, port
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "run.py did not start"
        time.sleep(0.2)


def _stop(proc: subprocess.Popen[str]) -> str:
    """Stop it; what it printed after what was already read."""
    proc.terminate()
    out, _ = proc.communicate(timeout=15)
    return out


def test_run_py_prints_the_setup_link_on_an_empty_database_only(tmp_path):
    db = tmp_path / "run.db"
    proc, port = _serve(db)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().rstrip("\n")
        prefix = f"No organizer account yet: open http://127.0.0.1:{port}/setup?code="
        assert first.startswith(prefix) and first.endswith(" to create one."), first
        link = first.removeprefix("No organizer account yet: open ").split(" ")[0]
        code = link.split("code=", 1)[1]
        assert len(code) >= 32
        with httpx.Client() as browser:  # the link the operator was shown works
            page = browser.get(link)
            assert f'value="{code}"' in page.text
            r = browser.post(link.split("?")[0], data={
                "name": "organizer", "password": PASSWORD, "password2": PASSWORD,
                "code": code, "csrf_token": form_token(page.text)})
            assert r.status_code == 303 and r.headers["location"] == "/admin", r.text
            assert browser.get(f"http://127.0.0.1:{port}/api/users/me").json()["role"] == \
                "admin"
    finally:
        rest = _stop(proc)
    # printed once: not again, nor in the access log (GET /setup?code=…)
    assert code not in rest and "No organizer account" not in rest, rest
    assert "/setup?code=… " in rest
    proc, port = _serve(db)  # an admin exists: no link, no code
    rest = _stop(proc)
    assert "/setup" not in rest and "No organizer account" not in rest, rest


@ASYNC
async def test_a_refused_setup_keeps_the_addresss_language_for_the_page_after(db_url,
                                                                            tmp_path):
    """/setup?lang=ja, a wrong code first: the form drawn again still carries the
    language, and the right code lands on /admin?lang=ja; an address without ?lang= goes
    to /admin alone (the browser's own language then)."""
    async with fresh_app(db_url, tmp_path) as app, browser_for(app) as b:
        r = await post_setup(b, "ja", code="a-guess",
                             came_lang="ja")  # as the page's hidden field sends it
        assert r.status_code == 403
        assert '<input type="hidden" name="came_lang" value="ja">' in r.text
        r = await b.client.post("/setup?lang=ja", data={
            "name": "organizer", "password": PASSWORD, "password2": PASSWORD, "code": CODE,
            "csrf_token": form_token(r.text), "came_lang": "ja"})
        assert r.status_code == 303 and r.headers["location"] == "/admin?lang=ja", r.text
    async with fresh_app(db_url, tmp_path / "plain") as app, browser_for(app) as b:
        page = await b.client.get(f"/setup?code={CODE}")
        assert 'name="came_lang"' not in page.text
        r = await b.client.post("/setup", data={
            "name": "organizer", "password": PASSWORD, "password2": PASSWORD, "code": CODE,
            "csrf_token": form_token(page.text)})
        assert r.status_code == 303 and r.headers["location"] == "/admin", r.text
