"""The nations' table and head-to-head on a tournament's page."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, report, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_nation_head_to_head(client):
    event = await make_event(client, 6, nations=("KR", "JP", "CN"))
    kr1, jp1, cn1, kr2, *_ = event["teams"]
    league = await make_stage(client, event, name="League", format="round_robin",
                              seeding=[kr1, jp1, cn1, kr2])
    for m in league["matches"]:
        await report(client, m["id"], [1, 0])  # the home side wins every time
    view = await stage(client, league["id"])
    won: dict[tuple[str, str], int] = {}
    nation = {kr1: "KR", jp1: "JP", cn1: "CN", kr2: "KR"}
    for m in view["matches"]:
        x, y = (nation[t] for t in m["teams"])
        if x != y:
            won[(x, y)] = won.get((x, y), 0) + 1
    t = (await client.get(f"/api/tournaments/{event['slug']}")).json()
    pairs = {tuple(p["nations"]): (p["wins"], p["draws"]) for p in t["nation_pairs"]}
    assert set(pairs) == {("KR", "JP"), ("KR", "CN"), ("JP", "CN")} or len(pairs) == 3
    for (x, y), (wins, draws) in pairs.items():
        assert wins == [won.get((x, y), 0), won.get((y, x), 0)] and draws == 0
    page = soup((await client.get(f"/tournaments/{event['slug']}?lang=ja")).text)
    rows = page.select("[data-nation-pairs] tr")
    assert len(rows) == 3 and "韓国" in page.select_one("[data-nation-pairs]").get_text()


async def test_nation_head_to_head_counts_its_draws_in_words(client):
    """It read "1 draws" in English."""
    event = await make_event(client, 4)
    league = await make_stage(client, event, name="League", format="round_robin",
                              settings={"allow_draws": True})
    nation = dict(zip(event["teams"], ("KR", "JP", "KR", "JP"), strict=True))
    mixed = [m for m in league["matches"] if nation[m["teams"][0]] != nation[m["teams"][1]]]
    for count, m in enumerate(mixed[:2], start=1):
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[1, 1]], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200, r.text
        said = {}
        for lang in ("en", "ko", "ja"):
            page = soup((await client.get(f"/tournaments/{event['slug']}?lang={lang}")).text)
            said[lang] = page.select_one("[data-nation-pairs] tr td.muted").get_text(
                strip=True)
        assert said == {"en": f"{count} draw" + ("s" if count > 1 else ""),
                        "ko": f"무승부 {count}경기", "ja": f"引き分け{count}試合"}


async def test_the_nation_table_says_how_it_scores(client):
    """A three-nation review: the table said neither which teams score nor the scale, and
    its "Matches" column (9–7) did not say it was won–lost."""
    event = await make_event(client, 2)
    r = await client.patch(f"/api/tournaments/{event['slug']}", json={
        "nation_points": [12, 8, 6]}, headers=AUTH)
    assert r.status_code == 200, r.text

    async def said(lang: str) -> tuple[str, str]:
        page = soup((await client.get(f"/tournaments/{event['slug']}?lang={lang}")).text)
        head = [th.get_text(strip=True) for th in page.select("[data-nations] th")]
        return head[-1], page.select_one("[data-nations-scale]").get_text(strip=True)

    assert await said("ko") == ("경기 (승–패)", "종목별 포인트: 나라마다 가장 높은 순위의 팀만 "
                                               "점수를 얻습니다. 1위 12점 · 2위 8점 · 3위 6점")
    r = await client.patch(f"/api/tournaments/{event['slug']}", json={
        "nation_scoring": "every"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert await said("ja") == ("試合（勝–敗）", "種目ごとのポイント：順位のついた全チームが"
                                               "得点します。1位 12ポイント · 2位 8ポイント · "
                                               "3位 6ポイント")
    assert (await said("en"))[1] == "Points per event: every placed team scores. " \
                                    "1st 12 points · 2nd 8 points · 3rd 6 points"


async def test_a_three_nation_edition_is_named_so_and_its_nations_told_apart(client):
    """A three-nation review: with Chinese teams the header still read "한일 e스포츠"
    (Korea–Japan) on every page, and the KR, JP and CN badges were one grey."""
    three = await make_event(client, 3, nations=("KR", "JP", "CN"))
    two = await make_event(client, 2)
    league = await make_stage(client, three, name="League", format="round_robin")
    cn_team, match = three["teams"][2], league["matches"][0]["id"]
    pages = [f"/tournaments/{three['slug']}", f"/tournaments/{three['slug']}/events/lol",
             f"/stages/{league['id']}", f"/matches/{match}", f"/teams/{cn_team}", "/"]
    for lang, brand in (("ko", "한중일 e스포츠"), ("ja", "日中韓eスポーツ"),
                        ("en", "KJC Esports")):
        for path in pages:
            page = soup((await client.get(f"{path}?lang={lang}")).text)
            assert page.select_one("[data-brand]").get_text(strip=True) == brand, path
    # a Korea–Japan edition's pages bear the same site name (test_site_name.py)
    page = soup((await client.get(f"/tournaments/{two['slug']}?lang=ja")).text)
    assert page.select_one("[data-brand]").get_text(strip=True) == "日中韓eスポーツ"
    page = soup((await client.get(f"/tournaments/{three['slug']}?lang=ko")).text)
    badges = [(row["data-nation"], row.select_one(".flag")["class"])
              for row in page.select("[data-nations] tr[data-nation]")]
    assert sorted(badges) == [("CN", ["flag", "n-CN"]), ("JP", ["flag", "n-JP"]),
                              ("KR", ["flag", "n-KR"])]
    team = soup((await client.get(f"/teams/{cn_team}?lang=ko")).text)
    assert "n-CN" in team.select_one("h1 .flag, .flag")["class"]
    css = (await client.get("/static/css/site.css")).text
    assert ".flag.n-CN:not(:empty) { background: #a3161b; color: #ffde00; }" in css
