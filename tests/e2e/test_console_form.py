"""The organizer's stage form in a real browser: what its small script adds to a form that
works without it."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import PASSWORD, make_user
from tests.e2e.referee_support import sign_in
from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_six_tiebreakers_go_into_a_new_stage_in_one_save(browser, module_server):
    """A FIFA-style league breaks ties six ways; the new-stage form drew four boxes, so
    the fifth and sixth needed a second save. Each choice now brings the next box."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event = await make_event(client, 4)
    order = ["points", "goal_difference", "goals_for", "head_to_head", "match_wins", "seed"]
    laptop = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await laptop.new_page()
    await sign_in(page, base, admin["name"], "ko")
    await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang=ko")
    panel = page.locator("#new-stage")
    if await panel.get_attribute("open") is None:
        await panel.locator("summary").click()
    form = "form[data-new-stage]"
    await page.fill(f"{form} [name=name]", "League")
    await page.select_option(f"{form} [name=format]", "round_robin")
    boxes = page.locator(f"{form} fieldset[data-order=s_round_robin_tiebreakers] "
                         "label:not([hidden]) select")
    assert await boxes.count() == 4
    for i, key in enumerate(order):
        await boxes.nth(i).select_option(key)
        # one empty box is always shown while choices are left
        await expect(boxes).to_have_count(max(4, i + 2))
    async with page.expect_navigation():
        await page.locator(f"{form} button[type=submit]").first.click()
    stage_id = int(page.url.split("/admin/stages/")[1].split("?")[0])
    async with httpx.AsyncClient(base_url=base) as client:
        stage = (await client.get(f"/api/stages/{stage_id}", headers=AUTH)).json()
    assert stage["settings"]["tiebreakers"] == order, stage
    await laptop.close()


async def test_a_refused_venue_list_comes_back_with_its_error_in_view(browser, module_server):
    """The venues are the last form of a tournament's page, a screen and more below its top
    on a laptop: refused (two venues named alike), the page came back at its top and the
    organizer saw nothing happen. The error is scrolled into view, the rows as typed."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event = await make_event(client, 4)
    laptop = await browser.new_context(viewport={"width": 1366, "height": 768})
    page = await laptop.new_page()
    await sign_in(page, base, admin["name"], "ja")
    await page.goto(f"{base}/admin/t/{event['slug']}?lang=ja")
    rows = page.locator("form[data-venues] fieldset.place-row")
    await rows.nth(0).locator("[name=venue_name]").fill("Olympic Hall")
    await rows.nth(1).locator("[name=venue_name]").fill("olympic hall")
    async with page.expect_navigation():
        await page.locator("form[data-venues] button[type=submit]").click()
    error = page.locator("[data-error]")
    await expect(error).to_have_text(
        "「olympic hall」という会場が二つあります。試合の会場がどちらを指すのか分かりません。")
    await expect(error).to_be_in_viewport()
    assert await rows.nth(1).locator("[name=venue_name]").input_value() == "olympic hall"
    await laptop.close()


async def test_a_station_or_venue_not_in_the_list_is_said_as_it_is_typed(
        browser, module_server, shots):
    """A station typed in the console made a new, unnamed station when it was a typo of a
    listed one. The fields offer the list (after each comma in a round's stations) and say
    under them, as they are typed, a name the list lacks (console.js)."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event = await make_event(client, 4)
        r = await client.patch(f"/api/tournaments/{event['slug']}", json={
            "venues": [{"name": "Olympic Hall", "names": {"ja": "オリンピックホール"}}],
            "stations": [{"name": "Booth 2", "names": {"ja": "ブース2"}},
                         {"name": "Main stage", "names": {"ja": "メインステージ"}}]},
            headers=AUTH)
        assert r.status_code == 200, r.text
        r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
            "name": "Swiss", "format": "swiss", "seeding": event["teams"],
            "settings": {"pairing": "standard", "rounds": 3}}, headers=AUTH)
        assert r.status_code == 201, r.text
        stage = r.json()
        match = stage["matches"][0]
        r = await client.patch(f"/api/matches/{match['id']}", json={"station": "booth 2"},
                               headers=AUTH)
        assert r.status_code == 200, r.text
    laptop = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await laptop.new_page()
    await sign_in(page, base, admin["name"], "ja")
    await page.goto(f"{base}/admin/matches/{match['id']}?lang=ja")
    station, note = page.locator("input[name=station]"), page.locator("#match-station-note")
    await expect(note).to_be_hidden()  # "booth 2" is Booth 2
    await station.fill("Boot 2")
    await expect(note).to_have_text(
        "この大会のステーション一覧にありません：「Boot 2」。"
        "入力どおり、各言語での名前のない新しいステーションとして保存されます。")
    await station.fill("ＢＯＯＴＨ ２")  # full width, capitals: still Booth 2
    await expect(note).to_be_hidden()
    await page.locator("input[name=venue]").fill("Olympic Hal")
    await expect(page.locator("#match-venue-note")).to_contain_text("「Olympic Hal」")
    await page.screenshot(path=shots / "console-match-unlisted-ja-1280.png", full_page=True)

    await page.goto(f"{base}/admin/stages/{stage['id']}?lang=ja#plan-round")
    stations = page.locator("[data-plan-form] input[name=stations]")
    await stations.click()
    await stations.press_sequentially("Booth 2，")
    # the list is offered for the next station, keeping the first
    assert await page.evaluate("""() => [...document.querySelectorAll(
        "datalist#station-names option")].map((o) => [o.value, o.textContent])""") == [
        ["Booth 2， Booth 2", "ブース2"], ["Booth 2， Main stage", "メインステージ"]]
    await stations.press_sequentially("Mainstage, main STAGE, Mainstage")
    await expect(page.locator("#plan-new-stations-note")).to_contain_text(
        "一覧にありません：「Mainstage」。")
    await page.screenshot(path=shots / "console-plan-unlisted-ja-1280.png", full_page=True)
    await laptop.close()


async def test_the_seeding_method_says_a_swiss_round_one_when_swiss_is_picked(
        browser, module_server):
    """“standard (1 v last)” is a bracket's round 1; a Swiss stage's standard round 1 is top
    half v bottom half. The words follow the format picked, and back."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event = await make_event(client, 4)
    phone = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await phone.new_page()
    await sign_in(page, base, admin["name"], "ja")
    await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang=ja")
    panel = page.locator("#new-stage")
    if await panel.get_attribute("open") is None:
        await panel.locator("summary").click()
    form = "form[data-new-stage]"
    option = page.locator(f"{form} select[name=seeding_method] option[value=standard]")
    await page.select_option(f"{form} [name=format]", "swiss")
    await expect(option).to_have_text("上位半分対下位半分（8チームなら1対5、2対6…）")
    # the longer words stay in the phone's width (they held the Teams fieldset 54 px past)
    assert await page.evaluate("document.documentElement.scrollWidth") == 390
    await page.select_option(f"{form} [name=format]", "single_elimination")
    await expect(option).to_have_text("標準（第1シード対最下位シード）")
    await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang=ko")
    if await panel.get_attribute("open") is None:
        await panel.locator("summary").click()
    await page.select_option(f"{form} [name=format]", "swiss")
    await expect(option).to_have_text("상위 절반 대 하위 절반(8팀이면 1 대 5, 2 대 6 …)")
    assert await page.evaluate("document.documentElement.scrollWidth") == 390
    await phone.close()


async def test_the_seeding_method_is_offered_only_for_a_format_that_reads_it(
        browser, module_server):
    """A round robin or battle royale ignores the seeding method: picked, the field goes
    (and is not sent); a bracket or Swiss picked again brings it back."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event = await make_event(client, 4)
    phone = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await phone.new_page()
    await sign_in(page, base, admin["name"], "ko")
    await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang=ko")
    panel = page.locator("#new-stage")
    if await panel.get_attribute("open") is None:
        await panel.locator("summary").click()
    form = "form[data-new-stage]"
    select = page.locator(f"{form} select[name=seeding_method]")
    await expect(select).to_be_visible()
    for fmt, shown in [("round_robin", False), ("swiss", True), ("free_for_all", False),
                       ("double_elimination", True)]:
        await page.select_option(f"{form} [name=format]", fmt)
        if shown:
            await expect(select).to_be_visible()
            await expect(select).to_be_enabled()
        else:
            await expect(select).to_be_hidden()
            await expect(select).to_be_disabled()
    assert await page.evaluate("document.documentElement.scrollWidth") == 390
    await phone.close()


async def test_teams_going_through_follow_the_earlier_stage_picked(browser, module_server):
    """A Korean organizer's review: "진출 팀 수(조별)" and 2 beside a Swiss stage (no groups)
    that sends 4. Picking an earlier stage relabels the field by it and puts in the number
    it sends, until a number is typed."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event = await make_event(client, 8)
        swiss = await make_stage(client, event, name="Swiss", format="swiss", settings={
            "wins_to_advance": 2, "losses_to_eliminate": 2})
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  settings={"groups": 2, "advance": 3})
    laptop = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await laptop.new_page()
    await sign_in(page, base, admin["name"], "ko")
    await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang=ko")
    panel = page.locator("#new-stage")
    if await panel.get_attribute("open") is None:
        await panel.locator("summary").click()
    label = page.locator("[data-qualifiers-label]")
    field = page.locator("input[data-qualifiers]")
    await expect(label).to_have_text("진출 팀 수(조별)")  # the event's last: the groups
    await expect(field).to_have_value("3")
    await page.select_option("[data-from-stage]", str(swiss["id"]))
    await expect(label).to_have_text("진출 팀 수")
    await expect(field).to_have_value("4")
    await page.select_option("[data-from-stage]", str(groups["id"]))
    await expect(label).to_have_text("진출 팀 수(조별)")
    await expect(field).to_have_value("3")
    await field.fill("1")  # typed: kept when another stage is picked
    await page.select_option("[data-from-stage]", str(swiss["id"]))
    await expect(label).to_have_text("진출 팀 수")
    await expect(field).to_have_value("1")
    await laptop.close()
