"""Names with markup characters are escaped exactly once on every page: a team or stage
named "<b>Tigers & Co.</b>" reads as typed, never "&amp;" nor "&lt;b&gt;" on screen. A
message formatted with a name a macro drew (Markup) once escaped the name twice
(``web/markup_format.py``): the hold line of a stage waiting for "Groups <A> & 'B'"."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")
# what a second escape leaves: an entity whose "&" was itself escaped
TWICE = re.compile(r"&amp;(amp|lt|gt|quot|#3[49]|#x2[27]);")
HOSTILE = "<b>Tigers & 'Co'</b>"
STAGE = "Groups <A> & \"B\""
PAGES = 60


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_no_page_escapes_a_name_twice(client) -> None:
    event = await make_event(client, 8)
    r = await client.patch(f"/api/teams/{event['teams'][0]}", headers=AUTH,
                           json={"name": HOSTILE})
    assert r.status_code == 200, r.text
    groups = await make_stage(client, event, name=STAGE, format="round_robin",
                              settings={"groups": 2})
    await make_stage(client, event, name="Top & Tail",
                     seeding={"from_stage": groups["id"], "qualifiers": 2})
    start = f"/tournaments/{event['slug']}"
    for lang in ("en", "ja", "ko"):
        seen, queue, shown = set(), [start], 0
        while queue and len(seen) < PAGES:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            r = await client.get(path, params={"lang": lang})
            if r.status_code != 200 or "html" not in r.headers.get("content-type", ""):
                continue
            assert not TWICE.search(r.text), (lang, path, TWICE.search(r.text))
            shown += HOSTILE.replace("&", "&amp;").replace("<", "&lt;") in r.text \
                or "Groups &lt;A&gt; &amp;" in r.text
            for href in re.findall(r'href="(/[^"#]*)"', r.text):
                target = urlsplit(urljoin(path, href.replace("&amp;", "&"))).path
                if target.startswith(("/tournaments/", "/stages/", "/matches/", "/teams/",
                                      "/overlay/")) and target not in seen:
                    queue.append(target)
        # the walk reached the pages that name them (not a walk of nothing)
        assert len(seen) >= 15 and shown >= 5, (lang, len(seen), shown)
