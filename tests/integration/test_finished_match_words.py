"""A finished match is corrected, and said so. A review found the public match page offering
「結果を入力」 (enter result) to an admin on a finished match where the organizer's match
page says 「結果を修正」 (correct the result), and the referee console's 「기권 처리…」
(forfeit) on a finished match, where it replaces the recorded result (a no-show entered
as a score): it is kept there, as a correction, and named so."""

from __future__ import annotations

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import by_number, make_event, make_stage, report, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")
ENTER = {"ko": "결과 입력", "ja": "結果を入力", "en": "Enter result"}
CORRECT = {"ko": "결과 수정", "ja": "結果を修正", "en": "Correct the result"}
FORFEIT = {"ko": "기권 처리…", "ja": "棄権…", "en": "Forfeit…"}
FORFEIT_FIX = {"ko": "기권으로 수정…", "ja": "棄権に修正…", "en": "Correct to a forfeit…"}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_finished_match_offers_a_correction_in_the_organizers_words(client, app):
    event = await make_event(client, 4)
    matches = by_number(await make_stage(client, event))
    done, ready = matches[1], matches[2]
    assert (await report(client, done["id"], [1, 0])).status_code == 200
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for lang in ("ko", "ja", "en"):
            def link(html: str, selector: str) -> str:
                return soup(html).select_one(selector).get_text(strip=True)

            public = (await b.client.get(f"/matches/{done['id']}?lang={lang}")).text
            console = (await b.client.get(f"/admin/matches/{done['id']}?lang={lang}")).text
            assert link(public, "[data-enter-result]") == CORRECT[lang] == \
                link(console, "[data-enter-scores]"), lang
            # the words live.js puts there when the match finishes (or reopens)
            found = soup(public).select_one("[data-enter-result]")
            assert (found["data-enter"], found["data-correct"]) == (ENTER[lang], CORRECT[lang])
            public = (await b.client.get(f"/matches/{ready['id']}?lang={lang}")).text
            assert link(public, "[data-enter-result]") == ENTER[lang], lang
            # the referee console: a forfeit of a finished match is a correction
            ref = (await b.client.get(f"/matches/{done['id']}/referee?lang={lang}")).text
            assert link(ref, '[data-action="forfeit"]') == FORFEIT_FIX[lang], lang
            ref = (await b.client.get(f"/matches/{ready['id']}/referee?lang={lang}")).text
            assert link(ref, '[data-action="forfeit"]') == FORFEIT[lang], lang
