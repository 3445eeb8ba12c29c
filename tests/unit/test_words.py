"""The words and numbers pages show: round names, one-game scores, places, times."""

from __future__ import annotations

from tournament import i18n
from tournament.web import words


def match(**kw):
    return {"bracket": None, "round": 1, "best_of": 1, "games": [], "score": [0, 0],
            "status": "completed", "winner": None, "draw": False} | kw


def test_round_names_by_bracket():
    assert words.match_round(match(bracket="winners", round=2), "single_elimination", 4) == (
        "Final", None)
    assert words.match_round(match(bracket="winners", round=1), "single_elimination", 4) == (
        "Semifinals", None)
    assert words.match_round(match(bracket="winners", round=1), "single_elimination", 32) == (
        "Round of %d", 32)
    assert words.match_round(match(bracket="losers", round=4), "double_elimination", 8) == (
        "Lower final", None)
    assert words.match_round(match(bracket="winners", round=3), "double_elimination", 8) == (
        "Upper final", None)
    assert words.match_round(match(bracket="grand_final", round=2), "double_elimination", 8) \
        == ("Bracket reset", None)
    assert words.match_round(match(bracket="third_place", round=2), "single_elimination", 4) \
        == ("Third place match", None)
    assert words.match_round(match(round=3), "swiss", 16) == ("Round %d", 3)


def test_one_game_matches_show_the_games_score():
    assert words.shown_score(match(games=[[2, 0]], score=[1, 0])) == [2, 0]
    assert words.shown_score(match(games=[[4, 4]], score=[0, 0], draw=True)) == [4, 4]
    assert words.shown_score(match(best_of=3, games=[[13, 9], [13, 4]], score=[2, 0])) == [2, 0]
    assert words.shown_score(match(score=[1, 0])) == [1, 0]


def test_outcome_from_each_side():
    won = match(winner=2, score=[0, 1])
    assert (words.outcome(won, 1), words.outcome(won, 2)) == ("L", "W")
    assert words.outcome(match(draw=True), 1) == "D"
    assert words.outcome(match(status="live"), 1) == ""


def test_places_and_times():
    assert [i18n.place(r, s, "en") for r, s in ((1, 1), (2, 1), (3, 2), (11, 1), (21, 1),
                                                  (5, 4))] == [
        "1st", "2nd", "3rd–4th", "11th", "21st", "5th–8th"]
    assert i18n.place(5, 4, "ko") == "5–8위" and i18n.place(1, 1, "ja") == "1位"
    when = "2026-11-20T11:00:00+00:00"
    assert i18n.when(when, "ko", "Asia/Seoul") == "11월 20일 (금) 20:00 KST"
    assert i18n.when(when, "ja", "Asia/Tokyo") == "11月20日(金) 20:00 JST"
    assert i18n.when(when, "en", "Asia/Shanghai") == "Fri, Nov 20 19:00 CST"


def test_a_tournaments_days_and_zone_as_people_read_them():
    """Not "2026-11-27 – 2026-11-29 · Asia/Seoul" (CLDR through Babel)."""
    assert [i18n.dates("2026-11-27", "2026-11-29", lang) for lang in ("ko", "ja", "en")] == [
        "2026년 11월 27일~29일", "2026年11月27日～29日", "Nov 27\u2009–\u200929, 2026"]
    assert i18n.dates("2026-11-30", "2026-12-02", "ko") == "2026년 11월 30일~12월 2일"
    assert i18n.dates("2026-11-27", None, "en") == "Nov 27, 2026"
    assert i18n.dates(None, None, "ja") == ""
    assert [i18n.zone_label("Asia/Seoul", lang) for lang in ("ko", "ja", "en")] == [
        "한국 시간 (KST)", "韓国時間（KST）", "Korean Time (KST)"]
    assert i18n.zone_label("Asia/Shanghai", "ja") == "中国時間（CST）"
    assert [i18n.zone_label(z, "ko") for z in ("UTC", "Etc/GMT-3", "Asia/Kolkata")] == [
        "UTC", "UTC+3", "인도 시간 (IST)"]


def test_every_word_looked_up_by_variable_is_enumerated_and_translated():
    """Words a page looks up by variable (``_(words.MATCH_STATUS[m.status])``,
    ``_(stage.label)``, ``_(title)``) are found by no regex over ``_("...")``: enumerate every
    status, format, hold and loop title from their types, and check each catalogue."""
    import re
    from pathlib import Path
    from typing import get_args

    from babel.messages.pofile import read_po

    from tournament.formats import registry
    from tournament.formats.qualification import HoldCode
    from tournament.formats.swiss_pairing import SwissStatus
    from tournament.formats.types import MatchStatus, StageFormat, StageStatus
    from tournament.web import error_words, rendering

    assert set(words.MATCH_STATUS) == {s.value for s in MatchStatus}
    assert set(words.STAGE_STATUS) == {s.value for s in StageStatus}
    assert set(words.TEAM_STATUS) == set(get_args(SwissStatus))
    assert set(words.HOLDS) == set(get_args(HoldCode))
    assert set(registry.FORMATS) == {f.value for f in StageFormat}
    # why a withdrawal forfeited a match: every reason a withdrawal takes
    from tournament.schemas import Withdrawal
    reasons = set(get_args(Withdrawal.model_fields["reason"].annotation))
    assert set(words.FORFEIT_WORDS) == set(words.FORFEIT_CAUSES) == \
        set(words.FORFEIT_WORDS_WON) == reasons
    needed = {*words.FORFEIT_WORDS.values(), *words.FORFEIT_CAUSES.values(),
              *words.FORFEIT_WORDS_WON.values(),
              *words.MATCH_STATUS.values(), *words.STAGE_STATUS.values(),
              *words.TEAM_STATUS.values(), *words.FINAL_WORDS.values(),
              *words.HOLDS.values(), *words.FED.values(),
              *error_words.NOT_FOUND.values(), rendering.UNAVAILABLE, "LIVE", "FF",
              i18n.SITE_NAME}
    needed |= {registry.get(f.value).label for f in StageFormat}
    # Loop titles: {% for title, rows in (("Live now", ...), ("Up next", ...)) %} ... _(title)
    root = Path(__file__).resolve().parents[2] / "tournament" / "web" / "templates"
    loops = 0
    for path in root.glob("*.html"):
        text = path.read_text()
        for name, body in re.findall(r"\{%-?\s*for\s+(\w+)\s*,[^%]*?\bin\s+\((.*?)\)\s*"
                                     r"(?:if [^%]*)?-?%\}", text, re.S):
            if f"_({name})" in text:
                titles = re.findall(r'\(\s*"([^"]+)"\s*,', body)
                assert titles, (path.name, name)
                needed |= set(titles)
                loops += 1
    assert loops >= 1 and {"Live now", "Up next"} <= needed
    for lang in ("ko", "ja"):
        with (root.parent.parent / "i18n" / f"{lang}.po").open("rb") as f:
            catalog = read_po(f)
        missing = sorted(m for m in needed if not (catalog.get(m) and catalog.get(m).string))
        assert not missing, (lang, missing)


def test_the_clash_message_names_the_checkbox_by_its_own_label():
    """"tick 'save anyway'" must find a box with that very label, in every language."""
    from tournament.web import error_words

    for lang in ("ko", "ja", "en"):
        _ = i18n.gettext(lang)
        assert _("Save anyway (I know they clash)") in error_words.say("schedule_clash", _), lang


def test_a_count_of_one_is_singular_in_english():
    """The battle royale tooltip said "1 points"; Korean and Japanese have one form."""
    said = {lang: [i18n.ngettext(lang)("%d point", "%d points", n) % n for n in (1, 2)]
            for lang in ("en", "ko", "ja")}
    assert said == {"en": ["1 point", "2 points"], "ko": ["1점", "2점"],
                    "ja": ["1ポイント", "2ポイント"]}
    kills = [i18n.ngettext("en")("%d kill", "%d kills", n) % n for n in (0, 1, 7)]
    assert kills == ["0 kills", "1 kill", "7 kills"]


def test_a_walkover_reads_w_and_ff_in_the_pages_language():
    """One rule for every page (words.side_scores): FF for the side that forfeited, W for
    the winner with nothing counted, numbers otherwise; a played score beside a forfeit
    keeps its number."""
    walkover = match(forfeit=True, forfeited_by=2, winner=1)
    assert words.side_scores(walkover, i18n.gettext("ko")) == ["승", "기권"]
    assert words.side_scores(walkover, i18n.gettext("ja")) == ["勝", "棄権"]
    assert words.side_scores(walkover, i18n.gettext("en")) == ["W", "FF"]
    played = match(best_of=3, forfeit=True, forfeited_by=1, winner=2, score=[1, 1])
    assert words.side_scores(played, i18n.gettext("ko")) == ["기권", "1"]
    assert words.side_scores(match(score=[2, 0], winner=1), i18n.gettext("ja")) == ["2", "0"]


def test_a_one_on_one_event_says_each_team_message_in_a_players_words():
    """``e_`` (web/entrant_words.py): each team message it replaces is one the pages say
    (a key that matches no message would never be replaced), and says players in a 1v1
    event, teams otherwise."""
    from tournament.web.entrant_words import PLAYER_WORDS, entrant_say

    ko = i18n.translations("ko")
    for team_words in PLAYER_WORDS:
        assert ko.gettext(team_words) != team_words, team_words
    say = {solo: entrant_say(solo, i18n.gettext("ja"), i18n.pgettext("ja"))
           for solo in (True, False)}
    assert say[True]("Add a team") == "選手を追加" and say[False]("Add a team") == "チームを追加"
    assert say[True]("Teams") == "参加選手" and say[False]("Teams") == "参加チーム"
    assert say[True]("Stages") == say[False]("Stages") == "ステージ"
