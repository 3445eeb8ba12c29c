"""The pages show an annulled result as annulled (``withdrawn_results``), in Korean and
Japanese (and English): the stage's cross table and match cards, the match page, the team
pages (the withdrawn team's and an opponent's schedule), the calendar feed and the overlay
strike the score through and say the word, so no view counts what the table leaves out.

The league is test_withdrawn_results_api's, ``annul``: team 4 beats team 1 3-0 and
withdraws (walkovers to 2 and 3); 1 beats 2 2-0, 3 beats 1 1-0, 2 beats 3 1-0."""

from __future__ import annotations

from typing import Any

import pytest
from icalendar import Calendar

from tests.helpers import AUTH, soup, stage

from .test_withdrawn_results_api import league

pytestmark = pytest.mark.asyncio(loop_scope="session")
WORDS = {"ko": ("무효", "순위에 반영되지 않습니다"), "ja": ("無効", "順位に含まれません"),
         "en": ("annulled", "does not count")}
# the match page's and the feed's note on an annulled result: team 4 named, withdrawal and
# forfeit kept apart (출전 포기 / 出場辞退, not 기권 / 棄権)
WITHDREW = {"ko": "이 경기 결과는 순위에 반영되지 않습니다. 팀 4의 출전 포기로 이 스테이지는 "
                  "그 팀의 경기 결과를 무효로 합니다.",
            "ja": "この試合の結果は順位に含まれません。チーム4が出場辞退したため、このステージでは"
                  "そのチームの試合結果が無効になります。",
            "en": "This result does not count: Team 4 withdrew, and this stage annuls its results."}


async def annulled_league(client) -> tuple[dict[str, Any], list[int], int,
                                           dict[frozenset[int], int]]:
    event, t, st, _ = await league(client, "annul")
    matches = (await stage(client, st["id"]))["matches"]
    for i, m in enumerate(matches):  # a time each, for the calendar feed
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "scheduled_at": f"2026-11-2{i}T19:00:00+09:00"}, headers=AUTH)
        assert r.status_code == 200, r.text
    return event, t, st["id"], {frozenset(m["teams"]): m["id"] for m in matches}


def voided(ids: dict[frozenset[int], int], t: list[int]) -> set[int]:
    return {i for pair, i in ids.items() if t[3] in pair}


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_the_stage_page_strikes_out_the_cross_table_and_the_cards(client, lang):
    word, _ = WORDS[lang]
    _e, t, sid, ids = await annulled_league(client)
    page = soup((await client.get(f"/stages/{sid}?lang={lang}")).text)
    cells = page.select("table.cross a.res")
    assert len(cells) == 12  # each of the 6 matches, from either side
    struck = {int(c["href"].split("/")[2].split("?")[0]) for c in cells
              if "annulled" in c["class"]}
    assert struck == voided(ids, t)
    for c in cells:
        note = c.select_one("[data-annulled-note]")
        if "annulled" in c["class"]:
            assert note.get_text(strip=True) == word
            assert c.select_one("s.res-score").get_text(strip=True) in (
                "3–0", "0–3", "W–FF", "FF–W", "승–기권", "기권–승", "勝–棄権", "棄権–勝")
        else:
            assert note is None and not c.select("s")
    # team 1's row: it lost 0-3 to team 4, struck out; what it counts is 2-0 and 0-1
    row = next(tr for tr in page.select("table.cross tbody tr")
               if tr.select_one(f"a[href^='/teams/{t[0]}?']"))
    counted = [c.get_text(strip=True) for c in row.select("a.res:not(.annulled)")]
    assert sorted(counted) == ["0–1", "2–0"]
    assert [c.select_one("s").get_text(strip=True) for c in row.select("a.res.annulled")] \
        == ["0–3"]
    cards = page.select(".rounds-list a.match")
    assert {int(c["data-match"]) for c in cards if "annulled" in c["class"]} == voided(ids, t)
    for c in cards:
        note = c.select_one(".meta [data-annulled-note]")
        assert (note.get_text(strip=True) if note else None) == (
            word if "annulled" in c["class"] else None)
        # the card is a link: its name says the word with the score
        if "annulled" in c["class"]:
            assert word in c.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_the_match_page_the_team_pages_the_overlay_and_the_calendar_say_it(client, lang):
    word, sentence = WORDS[lang]
    _e, t, _sid, ids = await annulled_league(client)
    played = ids[frozenset((t[0], t[3]))]
    counted = ids[frozenset((t[0], t[1]))]
    page = soup((await client.get(f"/matches/{played}?lang={lang}")).text)
    hero = page.select_one("section.match-hero")
    assert "annulled" in hero["class"]
    assert hero.select_one(".hero-meta [data-annulled-note]").get_text(strip=True) == word
    # naming the team that withdrew, as the calendar feed and the console do (it said
    # "a team in it")
    assert hero.select_one("[data-annulled]").get_text(strip=True) == WITHDREW[lang]
    # the score stays (3-0), said, and struck through by the stylesheet
    assert [hero.select_one(f"[data-score-{i}]").get_text(strip=True) for i in (0, 1)] \
        in (["3", "0"], ["0", "3"])
    page = soup((await client.get(f"/matches/{counted}?lang={lang}")).text)
    hero = page.select_one("section.match-hero")
    assert "annulled" not in hero["class"] and not hero.select("[data-annulled-note]")
    assert not page.select("[data-annulled]")

    for team in (t[3], t[0]):  # the withdrawn team's schedule, and an opponent's
        page = soup((await client.get(f"/teams/{team}?lang={lang}")).text)
        rows = page.select("table.team-schedule tbody tr[data-match]")
        assert len(rows) == 3
        for row in rows:
            cell = row.select_one("td[data-result]")
            note = cell.select_one("[data-annulled-note]")
            if int(row["data-match"]) in voided(ids, t):
                assert "annulled" in cell.get("class", [])
                assert note.get_text(strip=True) == word
                assert cell.select_one("s.res-score").get_text(strip=True)
            else:
                assert note is None and not cell.get("class")

    page = soup((await client.get(f"/overlay/matches/{played}?lang={lang}")).text)
    box = page.select_one(".ov-match")
    assert "annulled" in box["class"]
    assert box.select_one(".ov-meta [data-annulled-note]").get_text(strip=True) == word
    page = soup((await client.get(f"/overlay/matches/{counted}?lang={lang}")).text)
    assert not page.select(".ov-match.annulled, [data-annulled-note]")

    r = await client.get(f"/teams/{t[0]}/schedule.ics?lang={lang}")
    entries = {str(e["url"]).rsplit("/", 1)[1]: e
               for e in Calendar.from_ical(r.content).walk("VEVENT")}
    assert len(entries) == 3
    for match_id, entry in entries.items():
        summary, description = str(entry["summary"]), str(entry["description"])
        if int(match_id) in voided(ids, t):
            assert summary.endswith(f"（{word}）" if lang == "ja" else f" ({word})"), summary
            assert sentence in description
            # naming the team that withdrew, as the console does (it said "a team in it")
            (note,) = [line for line in description.splitlines() if sentence in line]
            assert note == WITHDREW[lang], note
        else:
            assert word not in summary and sentence not in description
