"""Users and signed-in browsers for tests: a user made through the API, and an HTTP
client that signs in through the login form as a browser does (cookies, CSRF token)."""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from .helpers import AUTH, unique

PASSWORD = "correct horse battery"


async def make_user(client: httpx.AsyncClient, role: str = "referee",
                    password: str | None = PASSWORD, **body: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"name": unique(role[:3]), "role": role, **body}
    if password is not None:
        payload["password"] = password
    r = await client.post("/api/users", json=payload, headers=AUTH)
    assert r.status_code == 201, r.text
    return dict(r.json()) | {"password": password}


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no csrf_token field on the page"
    return found.group(1)


def meta_token(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
    assert found, "no csrf-token meta on the page"
    return found.group(1)


class Browser:
    """A cookie jar that signs in with the login form; ``csrf`` is the session's token
    (as pages carry it in ``<meta name="csrf-token">``)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.csrf = ""

    async def sign_in(self, name: str, password: str = PASSWORD,
                      address_headers: dict[str, str] | None = None) -> httpx.Response:
        page = await self.client.get("/login")
        r = await self.client.post("/login", data={
            "username": name, "password": password, "csrf_token": form_token(page.text)},
            headers=address_headers or {})
        if r.status_code == 303:
            self.csrf = meta_token((await self.client.get("/account")).text)
        return r

    def headers(self, **extra: str) -> dict[str, str]:
        return {"X-CSRF-Token": self.csrf, **extra}


@asynccontextmanager
async def browser_for(app: Any, base_url: str = "http://testserver",
                      address: str | None = None) -> AsyncIterator[Browser]:
    """A fresh cookie jar on the app (never the shared ``client``, whose requests must
    stay anonymous), calling from ``address`` (the one the throttle sees; by default a
    random one, so tests do not share their failed sign-ins)."""
    where = address or ".".join(["10", *(str(random.randrange(1, 255)) for _ in range(3))])
    transport = httpx.ASGITransport(app=app, client=(where, 123))
    async with httpx.AsyncClient(transport=transport, base_url=base_url) as c:
        yield Browser(c)


def form_values(form: Any) -> dict[str, Any]:
    """What a browser sends for the form as drawn (checked boxes, selected options; a name
    drawn more than once, as the tiebreakers' boxes, as a list), less its CSRF token (the
    console client adds a fresh one)."""
    sent: dict[str, list[str]] = {}
    for f in form.select("input[name]"):
        if f.get("type") != "checkbox" or f.has_attr("checked"):
            sent.setdefault(f["name"], []).append(f.get("value", ""))
    for x in form.select("select[name]"):
        chosen = x.select_one("option[selected]") or x.select_one("option")
        sent.setdefault(x["name"], []).append(chosen["value"])
    sent.pop("csrf_token", None)
    return {k: v[0] if len(v) == 1 else v for k, v in sent.items()}
