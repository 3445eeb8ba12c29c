"""The team import names the bad value, not only its line, column and rule (parsed HTML and
the API): a nation typed ``KOR`` is shown as ``KOR``, escaped, cut when very long; and a
refused upload's text comes back in the page's paste box, to be fixed there and sent
again (ko/ja)."""

from __future__ import annotations

import pytest

from tests.console_support import admin_console
from tests.helpers import AUTH, make_event, soup, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")

LONG = "Ｘ" * 100  # a cell pasted wrong: far longer than a column needs
BAD = ("name,name_ko,name_ja,nation,seed,players\n"
       "T1,티원,,KOR,1,Faker\n"
       "Gen.G,젠지,,KR,x,Chovy\n"
       "<b>DFM</b>,,デトネーション,JP,3,Yutapon\n"
       f"Fukuoka,,福岡,{LONG},4,\n"
       ",,,JP,5,\n")


def _rows(html: str) -> dict[str, tuple[str, str]]:
    """Each bad line shown: its number -> (column, the value as the page shows it)."""
    return {tr["data-csv-line"]: (tr.select("td")[1].get_text(strip=True),
                                  tr.select_one("[data-csv-value]").get_text(strip=True))
            for tr in soup(html).select("[data-csv-errors] tr[data-csv-line]")}


async def test_a_bad_cell_is_shown_as_typed_and_the_file_comes_back_to_fix(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 0)
        page = f"/admin/t/{event['slug']}/e/lol"
        r = await con.post(page, f"{page}/import", {},
                           files={"file": ("teams.csv", ("\ufeff" + BAD).encode(), "text/csv")},
                           lang="ja")
        assert r.status_code == 422
        rows = _rows(r.text)
        assert rows["2"] == ("国", "KOR")
        assert rows["3"] == ("シード", "x")
        assert rows["5"] == ("国", "Ｘ" * 59 + "…")  # cut, and said so
        assert rows["6"] == ("名前", "（空欄）")  # an empty name: said to be empty
        assert "4" not in rows  # a name with < > is a name: escaped, never markup
        # the refused file, in the paste box as it was (BOM gone), with a word about it
        box = soup(r.text).select_one("textarea[data-csv]")
        assert box.get_text() == BAD
        assert "内容は下の欄に入っています" in visible_text(r.text)
        # the API says the value too
        api = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams/import",
                                content=BAD.encode(), headers={**AUTH,
                                                               "Content-Type": "text/csv"})
        assert [(e["line"], e["field"], e["value"]) for e in api.json()["error"]["errors"]] \
            == [(2, "nation", "KOR"), (3, "seed", "x"), (5, "nation", "Ｘ" * 59 + "…"),
                (6, "name", "")]
        # a value with markup in it is shown as text
        r = await con.post(page, f"{page}/import",
                           {"csv": BAD.replace("KOR", "<i>KOR</i>")}, lang="ko")
        assert r.status_code == 422
        assert _rows(r.text)["2"] == ("국가", "<i>KOR</i>")
        assert soup(r.text).select_one("[data-csv-value] i") is None
        # fixed in the box and sent again: imported
        fixed = box.get_text().replace("KOR", "KR").replace(",x,", ",2,") \
            .replace(LONG, "JP").replace(",,,JP,5,\n", "")
        r = await con.post(page, f"{page}/import", {"csv": fixed}, lang="ja")
        assert r.status_code == 303, r.text[:300]
        teams = (await client.get(f"/api/tournaments/{event['slug']}/events/lol",
                                  headers=AUTH)).json()["teams"]
        assert [t["name"] for t in teams] == ["T1", "Gen.G", "<b>DFM</b>", "Fukuoka"]
    finally:
        await ctx.__aexit__(None, None, None)
