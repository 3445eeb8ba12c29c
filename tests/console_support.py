"""A signed-in admin filling in the organizer console's forms (tests of /admin)."""

from __future__ import annotations

import re

from tests.accounts_support import browser_for, form_token, make_user
from tests.helpers import make_stage


class Console:
    """A signed-in admin filling in the console's forms."""

    def __init__(self, browser) -> None:
        self.b = browser

    async def get(self, path: str, lang: str = "en"):
        r = await self.b.client.get(path, params={"lang": lang})
        assert r.status_code == 200, (path, r.status_code, r.text[:500])
        return r

    async def post(self, page: str, action: str, data: dict, lang: str = "en",
                   files: dict | None = None):
        token = form_token((await self.get(page, lang)).text)
        return await self.b.client.post(action, params={"lang": lang},
                                        data={"csrf_token": token, **data}, files=files)


def error_of(html: str) -> str:
    found = re.search(r'data-error>([^<]*)<', html)
    assert found, "no error shown on the form"
    return found.group(1).strip()


async def admin_console(client, app):
    admin = await make_user(client, role="admin")
    ctx = browser_for(app)
    browser = await ctx.__aenter__()
    r = await browser.sign_in(admin["name"])
    assert r.status_code == 303 and r.headers["location"] == "/admin"
    return Console(browser), ctx


async def console_with_match_at(client, app, **where):
    """A two-team event whose one match is at ``where`` (``venue=``, ``station=``: not
    listed), and a signed-in admin's console: ``(slug, match, console, its context)``."""
    from tests.helpers import AUTH, make_event, make_stage

    event = await make_event(client, 2)
    (match,) = (await make_stage(client, event))["matches"]
    r = await client.patch(f"/api/matches/{match['id']}", json=where, headers=AUTH)
    assert r.status_code == 200, r.text
    con, ctx = await admin_console(client, app)
    return event["slug"], match, con, ctx


async def groups_and_slotted_knockout(client, event, **knockout) -> tuple[dict, dict]:
    """Two groups of three (the first six teams, one advancing from each), and a knockout
    seeded from them whose slots are group A's winner, the seventh team, group B's winner
    and the eighth (teams entering directly): the Asian Games' shape, kept small."""
    teams = event["teams"]
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              seeding=teams[:6], settings={"groups": 2, "advance": 1})
    stage = await make_stage(client, event, **{"name": "Knockout", "seeding_method": "natural",
                             **knockout}, seeding={
        "from_stage": groups["id"], "qualifiers": 1,
        "slots": [{"group": "A", "place": 1}, teams[6], {"group": "B", "place": 1}, teams[7]]})
    return groups, stage

