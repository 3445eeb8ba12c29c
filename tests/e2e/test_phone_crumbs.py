"""The breadcrumb above a stage or a match on a phone (390 px): a short link ("축구") kept
its 44 px tap target as empty space after its name, so "축구    › 리그" read with a gap
before the "›" and none after it. The space either side of the "›" is the same, the
crumb starts where the card below it does, a long name wraps without leaving the "›" at
a line's end, and every link stays 44 px wide and high."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")

# each link's text (not its box) and each "›" as laid out: [kind, left, right, top]
PARTS = """() => {
  const p = document.querySelector('.crumbs'), out = [];
  const box = (node) => { const r = document.createRange(); r.selectNodeContents(node);
    const rects = [...r.getClientRects()];
    return [Math.min(...rects.map((x) => x.left)), Math.max(...rects.map((x) => x.right)),
            Math.min(...rects.map((x) => x.top)), Math.max(...rects.map((x) => x.bottom))]; };
  for (const node of [...p.childNodes].flatMap((n) => n.matches && n.matches('.crumb-next')
                                               ? [...n.childNodes] : [n])) {
    if (node.nodeType === Node.ELEMENT_NODE && node.matches('a')) {
      const r = node.getBoundingClientRect();
      out.push(['a', ...box(node), r.width, r.height]);
    } else if (node.textContent.includes('›')) {
      const r = document.createRange(), at = node.textContent.indexOf('›');
      r.setStart(node, at); r.setEnd(node, at + 1);
      const x = r.getBoundingClientRect();
      out.push(['sep', x.left, x.right, x.top, x.bottom]);
    }
  }
  return { parts: out, left: p.getBoundingClientRect().left,
           card: document.querySelector('main > :not(.crumbs)').getBoundingClientRect().left };
}"""

NAMES = {  # a short event and stage, and long ones that wrap at 390 px
    "short": ({"en": "Soccer", "ko": "축구", "ja": "サッカー"},
              {"en": "League", "ko": "리그", "ja": "リーグ"}),
    "long": ({"en": "League of Legends Championship Korea–Japan",
              "ko": "리그 오브 레전드 한일 챔피언십 본선",
              "ja": "リーグ・オブ・レジェンド日韓チャンピオンシップ本選"},
             {"en": "Group stage of the main event", "ko": "본선 조별 리그 B조",
              "ja": "本選グループステージB組"}),
}


async def crumbs_match(client: httpx.AsyncClient, size: str) -> int:
    slug = unique()
    event_names, stage_names = NAMES[size]
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "Cup"},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "fb", "name": event_names["en"], "names": event_names, "game": "eFootball"},
        headers=AUTH)
    assert r.status_code == 201, r.text
    teams = []
    for i in range(2):
        r = await client.post(f"/api/tournaments/{slug}/events/fb/teams", json={
            "name": f"Team {i + 1}", "seed": i + 1}, headers=AUTH)
        assert r.status_code == 201, r.text
        teams.append(r.json()["id"])
    r = await client.post(f"/api/tournaments/{slug}/events/fb/stages", json={
        "name": stage_names["en"], "names": stage_names, "format": "round_robin",
        "seeding": teams}, headers=AUTH)
    assert r.status_code == 201, r.text
    return int(r.json()["matches"][0]["id"])


async def test_the_crumb_has_no_gap_after_a_short_link_on_a_phone(
        browser: Any, live_server: Any, shots: Any) -> None:
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        matches = {size: await crumbs_match(client, size) for size in NAMES}
    page = await browser.new_page(viewport={"width": 390, "height": 844})
    for size, match in matches.items():
        for lang in ("ko", "ja", "en"):
            await page.goto(f"{live_server.url}/matches/{match}?lang={lang}")
            found = await page.evaluate(PARTS)
            parts = found["parts"]
            assert [p[0] for p in parts] == ["a", "sep", "a"], (size, lang, parts)
            first, sep, second = parts
            where = (size, lang, parts)
            # the crumb's first word starts where the card below it does (a short one
            # centred in its target: a few px in)
            assert abs(first[1] - found["card"]) <= 4, (where, found["card"])
            # every link keeps its tap target
            assert all(p[5] >= 44 and p[6] >= 44 for p in (first, second)), where
            # the "›" opens the line its next link starts on (never ends a line alone)
            assert abs(sep[3] - second[3]) <= 12, where
            if abs(sep[3] - first[3]) <= 12 and abs(sep[3] - second[3]) <= 12:
                before, after = sep[1] - first[2], second[1] - sep[2]
                assert abs(before - after) <= 3, (where, before, after)
            if size == "short":
                await page.screenshot(path=shots / f"crumbs-{lang}-phone.png")
    await page.close()
