"""The organizer's side of issue 10 in Chromium: an admin signs in with a password, creates
a referee, makes a one-time sign-in link with its QR code, and the referee's phone signs in
with it; the audit trail page shows who did what."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import PHONE
from tests.helpers import AUTH, make_event, make_stage, report, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_admin_makes_a_referee_and_a_sign_in_link_with_a_qr_code(browser, live_server,
                                                                       shots):
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event)
        assert (await report(client, st["matches"][0]["id"], [1, 0])).status_code == 200
        admin_name = unique("boss")
        r = await client.post("/api/users", json={"name": admin_name, "role": "admin",
                                                  "password": "organizer password"},
                              headers=AUTH)
        assert r.status_code == 201
    laptop = await browser.new_page(viewport={"width": 1280, "height": 900})
    await laptop.goto(f"{base}/login?lang=ko")
    await laptop.get_by_label("이름").fill(admin_name)
    await laptop.get_by_label("비밀번호").fill("organizer password")
    await laptop.get_by_role("button", name="로그인").click()
    await laptop.wait_for_url("**/admin?lang=ko")  # the language kept
    await laptop.get_by_role("link", name="사용자").first.click()
    form = laptop.locator("[data-new-user]")
    referee_name = unique("이심판")
    await form.get_by_label("이름").fill(referee_name)
    await form.locator(f'input[name=tournaments][value="{event["slug"]}"]').check()
    await form.get_by_role("button", name="사용자 만들기").click()
    await expect(laptop.locator("h1")).to_contain_text(referee_name)
    await laptop.get_by_role("button", name="1회용 로그인 링크 만들기 (QR 코드)").click()
    qr = laptop.locator("[data-qr]")
    await expect(qr).to_be_visible()
    src = await qr.get_attribute("src")
    assert src and src.startswith("data:image/svg+xml")
    await qr.evaluate("img => img.decode()")
    assert await qr.evaluate("img => img.naturalWidth") > 0  # the browser drew it
    url = await laptop.locator("[data-link-url]").inner_text()
    assert url.startswith(f"{base}/login/link/")
    await laptop.screenshot(path=shots / "admin-sign-in-link-ko.png", full_page=True)

    phone = await browser.new_page(viewport=PHONE)
    await phone.goto(url + "?lang=ko")
    await expect(phone.locator("[data-link]")).to_contain_text(referee_name)
    await phone.screenshot(path=shots / "sign-in-link-ko-phone.png")
    await phone.locator("[data-link] button[type=submit]").click()
    await phone.wait_for_url("**/referee?lang=ko")
    await expect(phone.locator("[data-me]")).to_have_text(referee_name)
    await expect(phone.locator(f'[data-match-link="{st["matches"][1]["id"]}"]')).to_be_visible()
    await phone.goto(url)  # the link is spent
    await expect(phone.locator("[data-error]")).to_contain_text("만료되었거나")

    # the laptop signs the phone out everywhere: the phone's next write is refused
    await laptop.get_by_role("button", name="모든 기기에서 로그아웃").click()
    await expect(laptop.locator("[data-ok]")).to_be_visible()
    await phone.goto(f"{base}/referee")
    await phone.wait_for_url("**/login?next=/referee")

    await laptop.goto(f"{base}/tournaments/{event['slug']}/audit?lang=ko")
    rows = laptop.locator("[data-audit] tbody tr")
    await expect(rows.first).to_contain_text("referee.assign")
    await expect(laptop.locator("[data-audit]")).to_contain_text("match.report")
    await laptop.screenshot(path=shots / "audit-ko.png", full_page=True)
    await laptop.goto(f"{base}/admin/audit?lang=ja&target=user:1")
    await expect(laptop.locator("h1")).to_have_text("変更履歴")
    await laptop.close()
    await phone.close()
