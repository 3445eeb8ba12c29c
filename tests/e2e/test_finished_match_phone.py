"""A finished match on a referee's phone (390x844, Korean). A review found the correction
dialog breaking a score over two lines (「이민호 3 –⏎1 사토 료」), 「기권 처리…」 (forfeit)
on a finished match where it replaces the recorded result, and the match page's link for
its referee saying "enter result" on a finished match."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import live_bo3, open_console, phone_signed_in, referee
from tests.helpers import AUTH, by_number, report, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

# every score of the open question's text, measured at each width its box can take on a
# phone: the widths at which one runs over two lines (whatever the nodes holding it)
SPLIT_SCORES = """(p) => {
  const split = [];
  for (let w = 120; w <= 340; w += 2) {
    p.style.width = `${w}px`;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\\d+[ \\u00a0]–[ \\u00a0]\\d+/g)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0)
          .map((x) => Math.round(x.top)));
        if (tops.size > 1) split.push(`${w}px: ${m[0]}`);
      }
    }
  }
  p.style.width = "";
  return split;
}"""


async def test_a_finished_match_is_corrected_on_a_phone_with_its_scores_whole(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client, [[3, 1], [1, 3], [3, 2]], "completed")
        for team, ko in ((m["teams"][0], "이민호"), (m["teams"][1], "사토 료")):
            r = await client.patch(f"/api/teams/{team}", headers=AUTH,
                                   json={"names": {"ko": ko}})
            assert r.status_code == 200, r.text
        ref = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, ref, "ko")
        await open_console(phone, base, m["id"], "ko")
        # a forfeit here corrects the result: named so, as the match's other corrections
        forfeit = phone.locator('[data-action="forfeit"]')
        await expect(forfeit).to_have_text("기권으로 수정…")
        await phone.get_by_role("button", name="2세트 수정").click()
        await phone.locator('[data-point="0"]').fill("3")
        await phone.locator('[data-point="1"]').fill("1")
        await phone.get_by_role("button", name="수정 저장").click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog).to_contain_text(
            "2세트: 이민호 1 – 3 사토 료 → 이민호 3 – 1 사토 료. 이대로 고칠까요?")
        text = dialog.locator("[data-dialog-text]")
        assert await text.evaluate(SPLIT_SCORES) == []
        await phone.screenshot(path=shots / "referee-finished-correction-ko-phone.png")
        await dialog.get_by_role("button", name="취소").click()
        # the forfeit asked as a correction: the recorded score it replaces, on one line
        await forfeit.click()
        await phone.locator("dialog[open]").get_by_role("button", name="사토 료 기권").click()
        await expect(dialog).to_contain_text("기록된 점수(2 – 1)는 기권으로 대체됩니다.")
        assert await text.evaluate(SPLIT_SCORES) == []
        await dialog.get_by_role("button", name="취소").click()
        # the match page's link for its referee follows the match as it finishes
        live = by_number(await stage(client, m["stage_id"]))[2]  # M2, under way
        r = await client.patch(f"/api/matches/{live['id']}", headers=AUTH,
                               json={"status": "live"})
        assert r.status_code == 200, r.text
        await phone.goto(f"{base}/matches/{live['id']}?lang=ko")
        await expect(phone.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        link = phone.locator("[data-enter-result]")
        await expect(link).to_have_text("결과 입력")
        assert (await report(client, live["id"], [2, 0])).status_code == 200
        await expect(link).to_have_text("결과 수정")
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()
