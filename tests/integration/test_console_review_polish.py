"""An organizer's review of the console (Japanese, then Korean): a waiting knockout's
slots counted in the event's stage table, the rounds to plan in play order, a slot naming a
group the earlier stage does not have, ``drop_orders`` said in words, and the venue and
station forms after a refusal (parsed HTML)."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of, groups_and_slotted_knockout
from tests.helpers import make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


def _cell_text(cell) -> str:
    return " ".join(cell.get_text(" ", strip=True).split())


async def test_a_waiting_knockout_counts_its_slots_to_come_in_the_event_stage_table(
        client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        groups, knockout = await groups_and_slotted_knockout(client, event)
        said = {"ja": "4 未定", "ko": "4 미정", "en": "4 to come"}
        for lang, words in said.items():
            page = soup((await con.get(f"/admin/t/{event['slug']}/e/lol", lang)).text)
            cells = {row["data-stage-row"]: row.select("td")[2]
                     for row in page.select("[data-stage-row]")}
            assert _cell_text(cells[str(knockout["id"])]) == words, lang
            assert _cell_text(cells[str(groups["id"])]) == "6", lang
    finally:
        await ctx.__aexit__(None, None, None)


def _options(page, selector: str) -> list[str]:
    return [" ".join(o.get_text(" ", strip=True).split())
            for o in page.select(f"{selector} option")]


async def test_the_rounds_to_schedule_and_to_plan_are_listed_in_play_order(client, app):
    """The bronze match is played before the final: both round pickers list it first, as
    docs/console.md does, and a double elimination's rounds come as they are played."""
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        teams = event["teams"]
        knockout = await make_stage(client, event, name="Knockout", seeding=teams[:4],
                                    settings={"third_place_match": True})
        page = soup((await con.get(f"/admin/stages/{knockout['id']}", "ja")).text)
        assert _options(page, "[data-plan-rounds]") == ["準決勝", "3位決定戦", "決勝"]
        assert _options(page, "[data-schedule-form] select[name=round]") == [
            "準決勝", "3位決定戦", "決勝"]
        _, waiting = await groups_and_slotted_knockout(
            client, event, name="Final four", settings={"third_place_match": True})
        page = soup((await con.get(f"/admin/stages/{waiting['id']}", "ko")).text)
        assert _options(page, "[data-plan-rounds]") == ["준결승", "3·4위전", "결승"]
        double = await make_stage(client, event, name="Double", format="double_elimination",
                                  seeding=teams[:4])
        page = soup((await con.get(f"/admin/stages/{double['id']}", "en")).text)
        # as the bracket numbers its matches (M1, M2, ...), the grand final last
        assert _options(page, "[data-plan-rounds]") == [
            "Upper semifinal", "Upper final", "Lower semifinal", "Lower final", "Grand final"]
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_slot_naming_a_group_the_earlier_stage_lacks_says_there_is_no_such_group(
        client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        teams = event["teams"]
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  seeding=teams[:6], settings={"groups": 2, "advance": 1})
        league = await make_stage(client, event, name="League", format="round_robin",
                                  seeding=teams[:4])
        page = f"/admin/t/{event['slug']}/e/lol"
        said = {
            "ja": "前のステージにグループCはありません（グループAとグループBです）。",
            "ko": "이전 스테이지에 C조는 없습니다(A조, B조가 있습니다).",
            "en": "The earlier stage has no Group C: its groups are Group A and Group B.",
        }
        for lang, words in said.items():
            form = soup((await con.get(page, lang)).text).select_one("form[data-new-stage]")
            sent = {k: v for k, v in form_values(form).items() if k != "teams"} | {
                "name": "Knockout", "format": "single_elimination",
                "from_stage": str(groups["id"]), "qualifiers": "1",
                "slots": "A1\nC1\nB1\nTeam 7"}
            r = await con.post(page, page + "/stages", sent, lang)
            assert r.status_code == 422 and error_of(r.text) == words, lang
        # a stage of one table has no groups to name: a place is its number alone
        said = {
            "ja": "前のステージはグループに分かれていません。順位だけを書いてください（1、2…）。",
            "ko": "이전 스테이지는 조로 나뉘어 있지 않습니다. 순위만 적어 주세요(1, 2…).",
            "en": "The earlier stage is not played in groups: write a place by its number "
                  "alone (1, 2…).",
        }
        for lang, words in said.items():
            form = soup((await con.get(page, lang)).text).select_one("form[data-new-stage]")
            sent = {k: v for k, v in form_values(form).items() if k != "teams"} | {
                "name": "Final", "format": "single_elimination",
                "from_stage": str(league["id"]), "qualifiers": "2",
                "slots": "1\nB1\nTeam 7\nTeam 8"}
            r = await con.post(page, page + "/stages", sent, lang)
            assert r.status_code == 422 and error_of(r.text) == words, lang
    finally:
        await ctx.__aexit__(None, None, None)


async def test_drop_orders_are_typed_as_the_api_words_and_said_with_their_meaning(
        client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        page = f"/admin/t/{event['slug']}/e/lol"
        html = (await con.get(page, "ja")).text
        listed = soup(html).select(
            "form[data-new-stage] [data-choice-words=s_double_elimination_drop_orders] li")
        assert [_cell_text(x) for x in listed] == [
            "natural ：順番どおり", "reverse ：逆順", "half_shift ：前半と後半を入れ替え",
            "reverse_half_shift ：前半と後半をそれぞれ逆順に",
            "pair_flip ：隣り合う2つずつ入れ替え"]
        form = soup(html).select_one("form[data-new-stage]")
        sent = {k: v for k, v in form_values(form).items() if k != "teams"} | {
            "name": "Top 8", "format": "double_elimination", "start": "draft",
            "s_double_elimination_drop_orders": "reverse, backwards"}
        r = await con.post(page, page + "/stages", sent, "ko")
        assert r.status_code == 422
        # the choices as typed, each with its meaning
        assert error_of(r.text).endswith(
            "다음 중 하나여야 합니다: natural(순서대로), reverse(역순), half_shift(앞뒤 절반을 "
            "맞바꿈), reverse_half_shift(앞뒤 절반을 각각 역순으로), pair_flip(이웃한 두 자리씩 "
            "맞바꿈).")
    finally:
        await ctx.__aexit__(None, None, None)


def _venue_rows(html: str) -> list[tuple[str, str, bool, str]]:
    """Each row of the venues form: its name as typed, the hidden name it was drawn with,
    whether its name box is marked invalid, and the error said inside it."""
    return [(row.select_one("[name=venue_name]")["value"],
             row.select_one("[name=venue_was]")["value"],
             row.select_one("[name=venue_name]").get("aria-invalid") == "true",
             _cell_text(row.select_one("[data-error]")) if row.select_one("[data-error]")
             else "")
            for row in soup(html).select("form[data-venues] [data-venue-row]")]


async def test_a_refused_venue_list_keeps_its_spare_rows_and_marks_the_row_at_fault(
        client, app):
    from tests.console_support import console_with_match_at
    from tests.helpers import AUTH

    hall = "Olympic Hall"
    slug, _, con, ctx = await console_with_match_at(client, app, venue=hall)
    page = f"/admin/t/{slug}"
    try:
        r = await client.patch(f"/api/tournaments/{slug}", json={"venues": [
            {"name": hall, "names": {"ko": "올림픽홀", "ja": "オリンピックホール"}}]},
            headers=AUTH)
        assert r.status_code == 200, r.text
        # a new venue typed into a spare row under another named alike: the third row at
        # fault, two empty rows again below it
        typed = {"venue_was": [hall, "", ""], "venue_name": [hall, "Studio B", "studio b"],
                 "venue_en": ["", "", ""], "venue_ko": ["", "", ""], "venue_ja": ["", "", ""]}
        r = await con.post(page, f"{page}/venues", typed, lang="ja")
        assert r.status_code == 422
        said = "「studio b」という会場が二つあります。試合の会場がどちらを指すのか分かりません。"
        assert _venue_rows(r.text) == [(hall, hall, False, ""), ("Studio B", "", False, ""),
                                       ("studio b", "", True, said), ("", "", False, ""),
                                       ("", "", False, "")]
        # the hall's row emptied while its match is there: that row marked, the hall
        # named as its match writes it and in the reader's language
        typed = {"venue_was": [hall, "", ""], "venue_name": ["", "Studio B", ""],
                 "venue_en": ["", "", ""], "venue_ko": ["", "", ""], "venue_ja": ["", "", ""]}
        r = await con.post(page, f"{page}/venues", typed, lang="ko")
        assert r.status_code == 409
        rows = _venue_rows(r.text)
        assert [row[:3] for row in rows] == [("", hall, True), ("Studio B", "", False),
                                             ("", "", False), ("", "", False)]
        assert rows[0][3].startswith("Olympic Hall(올림픽홀)"), rows
        assert error_of(r.text) == rows[0][3]
        # names typed without the name matches write: that row's name box at fault
        typed = {"venue_was": [hall, ""], "venue_name": [hall, ""], "venue_en": ["", ""],
                 "venue_ko": ["", "스튜디오"], "venue_ja": ["", ""]}
        r = await con.post(page, f"{page}/venues", typed, lang="ko")
        assert r.status_code == 422
        assert [row[:3] for row in _venue_rows(r.text)] == [
            (hall, hall, False), ("", "", True), ("", "", False), ("", "", False)]
    finally:
        await ctx.__aexit__(None, None, None)
