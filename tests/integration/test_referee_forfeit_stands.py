"""A match a withdrawal forfeited (``forfeit_reason``): a referee's change of it is refused
(409 withdrawal_forfeit), so the referee console offers a referee no Undo or Forfeit there
and says why in one line, in the console's language; an admin, who may change it to
another final result, keeps Forfeit (an undo would reopen a match with a withdrawn team:
test_withdrawn_reopen.py). A forfeit a referee entered keeps its Undo. (The bracket is
test_withdrawal_forfeits.py's: M2 forfeited by team 2's withdrawal, M3 by team 1's
disqualification, M1 played.)"""

from __future__ import annotations

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import soup
from tests.integration.test_withdrawal_forfeits import bracket

pytestmark = pytest.mark.asyncio(loop_scope="session")

STANDS = {
    "en": {"withdrawn": "This match was forfeited by a withdrawal, and the forfeit stands "
                        "while the withdrawal does: ask an admin if the result must change.",
           "disqualified": "This match was forfeited by a disqualification, and the forfeit "
                           "stands while the disqualification does: ask an admin if the "
                           "result must change."},
    "ko": {"withdrawn": "출전 포기로 기권 처리된 경기입니다. 출전 포기가 유지되는 동안 기권 "
                        "결과는 바뀌지 않습니다. 결과를 바꿔야 한다면 관리자에게 요청하세요.",
           "disqualified": "실격으로 기권 처리된 경기입니다. 실격이 유지되는 동안 기권 결과는 "
                           "바뀌지 않습니다. 결과를 바꿔야 한다면 관리자에게 요청하세요."},
    "ja": {"withdrawn": "出場辞退により棄権となった試合です。出場辞退が有効な間、棄権の結果は"
                        "変わりません。結果を変更する必要がある場合は管理者に依頼してください。",
           "disqualified": "失格により棄権となった試合です。失格が有効な間、棄権の結果は変わり"
                           "ません。結果を変更する必要がある場合は管理者に依頼してください。"},
}


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_a_referee_is_offered_no_undo_or_forfeit_on_a_withdrawals_forfeit(
        client, app, lang):
    event, _t, ids = await bracket(client)
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    admin = await make_user(client, role="admin")
    for who, is_admin in ((ref, False), (admin, True)):
        async with browser_for(app) as b:
            assert (await b.sign_in(who["name"])).status_code == 303
            for n, reason in ((2, "withdrawn"), (3, "disqualified")):
                page = soup((await b.client.get(f"/matches/{ids[n]}/referee",
                                                params={"lang": lang})).text)
                line = page.select_one("[data-forfeit-stands]")
                buttons = [page.select_one(f'.ref-actions [data-action="{a}"]')
                           for a in ("undo", "forfeit")]
                if is_admin:  # Forfeit (either side); no undo: it would reopen the match
                    assert line.has_attr("hidden") and not line.get_text(strip=True)
                    assert [b.has_attr("hidden") for b in buttons] == [True, False]
                else:
                    assert not line.has_attr("hidden")
                    assert line.get_text(strip=True) == STANDS[lang][reason]
                    assert all(b.has_attr("hidden") for b in buttons)
                # the console's script gets the words and who is looking
                assert f'"admin": {str(is_admin).lower()}' in page.select_one(
                    "#console-data").string
    # a match a referee finished has no such line, and keeps its Forfeit (a correction);
    # team 1, in it, was disqualified since, so it has no undo (test_withdrawn_reopen.py)
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        page = soup((await b.client.get(f"/matches/{ids[1]}/referee",
                                        params={"lang": lang})).text)
        assert page.select_one("[data-forfeit-stands]").has_attr("hidden")
        assert not page.select_one('[data-action="forfeit"]').has_attr("hidden")
        assert page.select_one('[data-action="undo"]').has_attr("hidden")
