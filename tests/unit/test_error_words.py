"""Refusals said by their numbers (``web/error_words.py``), in Korean, Japanese and
English: a lower bracket asked to start more teams than the stage has is not "16 of the
12 teams", all of them is not "12 of the 12", and a later stage's round plans stranded
through a stage between are named with that stage."""

from __future__ import annotations

import pytest

from tournament import i18n
from tournament.errors import Conflict, DomainError, InvalidInput
from tournament.web import error_variants, error_words

LANGS = ("ko", "ja", "en")
SETTING = "lower_start"
SOME = {"en": "This setting is not possible: lower_start. With 11 of the 12 teams starting "
              "in the lower bracket, the winners side has 1.",
        "ko": "이 설정은 불가능합니다: lower_start. 12팀 중 11팀이 패자조에서 시작하면 "
              "승자조는 1팀입니다.",
        "ja": "この設定はできません：lower_start。12チームのうち11チームが敗者側から始めると、"
              "勝者側は1チームです。"}


def _said(exc: DomainError, lang: str, **params: object) -> str:
    return error_words.say(exc, i18n.gettext(lang), params or None)


def _lower(lower: int, teams: int) -> InvalidInput:
    return InvalidInput("invalid_settings", "…", "settings.lower_start", params={
        "setting": SETTING, "teams": teams, "lower": lower, "upper": max(teams - lower, 0)})


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "This setting is not possible: lower_start. 16 teams cannot start in the lower "
           "bracket: the stage has 12."),
    ("ko", "이 설정은 불가능합니다: lower_start. 이 스테이지는 12팀이라 16팀이 패자조에서 "
           "시작할 수 없습니다."),
    ("ja", "この設定はできません：lower_start。このステージは12チームなので、16チームが"
           "敗者側から始めることはできません。")])
def test_more_teams_in_the_lower_bracket_than_the_stage_has(lang: str, said: str) -> None:
    assert _said(_lower(16, 12), lang) == said
    # some of the stage's teams there: said with both numbers, as before
    assert _said(_lower(11, 12), lang).startswith(SOME[lang])


@pytest.mark.parametrize(("lang", "start"), [
    ("en", "This setting is not possible: lower_start. With all 12 teams starting in the "
           "lower bracket, the winners side has none. It has at least two teams"),
    ("ko", "이 설정은 불가능합니다: lower_start. 12팀이 모두 패자조에서 시작하면 승자조에는 "
           "팀이 없습니다. 승자조는 2팀 이상으로"),
    ("ja", "この設定はできません：lower_start。12チームすべてが敗者側から始めると、勝者側に"
           "チームが残りません。勝者側は2チーム以上で")])
def test_every_team_in_the_lower_bracket(lang: str, start: str) -> None:
    assert _said(_lower(12, 12), lang).startswith(start)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "This change leaves 1 round plan(s) of Playoffs, a stage seeded from Middle, "
           "which waits for this one, no round to time (it would get fewer teams or other "
           "groups): remove them on that stage's page first, or keep this stage as it is."),
    ("ko", "이 변경으로 이 스테이지 종료를 기다리는 Middle에서 시드를 받는 Playoffs의 라운드 "
           "계획 1개가 적용될 라운드가 없어집니다(진출 팀 수나 조가 바뀝니다). 먼저 그 "
           "스테이지 페이지에서 계획을 삭제하거나 이 스테이지를 그대로 두세요."),
    ("ja", "この変更で、このステージの終了を待つMiddleから勝ち上がるPlayoffsのラウンド計画"
           "1件に当てはまるラウンドがなくなります（進出チームの数かグループが変わるため）。"
           "先にそのステージのページで計画を削除するか、このステージを変えずにおいてください。")])
def test_plans_stranded_two_stages_on_name_the_stage_between(lang: str, said: str) -> None:
    exc = Conflict("round_plans_stranded", "…", "settings", params={
        "count": 1, "stage": "Playoffs", "stage_id": 3, "via": "Middle", "via_id": 2})
    assert _said(exc, lang) == said
    direct = Conflict("round_plans_stranded", "…", "settings", params={
        "count": 1, "stage": "Playoffs", "stage_id": 3})
    assert "Middle" not in _said(direct, lang) and "Playoffs" in _said(direct, lang)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "With this correction the lobby is won on match point at game 2, so the games "
           "entered after it (3, 4) would be cleared. Ask an admin to make this correction."),
    ("ko", "이 수정으로 게임 2에서 매치 포인트 우승이 정해져, 그 뒤에 입력된 게임(3, 4)이 "
           "지워집니다. 관리자에게 수정을 요청하세요."),
    ("ja", "この修正で第2ゲームにマッチポイントでの勝利が決まり、その後に入力されたゲーム"
           "（3、4）が消えます。管理者に修正を依頼してください。")])
def test_a_lobby_correction_names_its_games_not_matches(lang: str, said: str) -> None:
    """A lobby's refusal carries ``games`` (and ``end``), not ``matches``: it read "would
    reset matches already played (…)"."""
    from tournament.errors import Forbidden

    exc = Forbidden("correction_needs_admin", "…", "game", params={"games": [3, 4], "end": 2})
    assert _said(exc, lang) == said


def test_the_referee_console_gets_every_variant_in_its_language() -> None:
    table = error_words.table(i18n.gettext("ja"))
    for key in error_variants.VARIANTS:
        assert key in table and table[key] != error_variants.VARIANTS[key], key
    assert table["correction_needs_admin:paired"].startswith("この結果を変えると、組み合わせが")


TIED = {("game", "en"): "Game 2 is tied; a game of this match needs a winner.",
        ("map", "en"): "Map 2 is tied; a map of this match needs a winner.",
        ("game", "ja"): "第2ゲームが同点です。この試合のゲームには勝者が必要です。",
        ("map", "ja"): "マップ2が同点です。この試合のマップには勝者が必要です。",
        ("game", "ko"): "2세트가 동점입니다. 이 경기의 세트는 승자가 있어야 합니다.",
        ("map", "ko"): "2세트가 동점입니다. 이 경기의 세트는 승자가 있어야 합니다."}


@pytest.mark.parametrize(("unit", "lang"), list(TIED))
def test_a_tied_game_is_said_as_the_stage_calls_its_games(unit: str, lang: str) -> None:
    """``tied_game`` with ``params.unit``: the API's ``error.localized`` and the referee
    console's table (for a stage of that ``game_name``) say the same words."""
    exc = InvalidInput("tied_game", "…", "games", params={"game": 2, "unit": unit})
    assert _said(exc, lang) == TIED[unit, lang]
    table = error_words.table(i18n.gettext(lang), unit)
    assert table["tied_game"] % {"game": 2} == TIED[unit, lang]


EVEN = {("game", "ja"): "この設定はできません：BO（1試合のゲーム数）。 このステージの試合は"
                        "引き分けで終えられないため、BOは奇数（1・3・5…）にしてください。",
        ("map", "ja"): "この設定はできません：BO（1試合のゲーム数）。 このステージの試合は"
                       "引き分けで終えられないため、BO（マップ数）は奇数（1・3・5…）に"
                       "してください。",
        ("map", "en"): "This setting is not possible: Best of (games per match). A match of "
                       "this stage cannot end in a draw: its best-of is an odd number of maps "
                       "(1, 3, 5…).",
        ("map", "ko"): "이 설정은 불가능합니다: %s. 이 스테이지의 경기는 무승부로 끝날 수 "
                       "없으므로 경기당 세트 수는 홀수(1, 3, 5…)여야 합니다."}


@pytest.mark.parametrize(("unit", "lang"), list(EVEN))
def test_an_even_best_of_is_said_whole(unit: str, lang: str) -> None:
    from tournament.web import refusal_words

    exc = InvalidInput("invalid_settings", "…", "settings.best_of",
                       params={"setting": "best_of", "even": 2, "unit": unit})
    said = EVEN[unit, lang]
    if "%s" in said:  # the setting's label as the catalogue says it
        said %= refusal_words.field_label("best_of", i18n.gettext(lang))
    assert refusal_words.said_in(exc, lang) == said


@pytest.mark.parametrize(("lang", "said"), [
    ("ko", "주소(슬러그)"), ("ja", "アドレス（スラッグ）：入力が必要です。"),
    ("en", "Address (slug) is required.")])
def test_an_api_field_refusal_is_said_by_the_field_and_reason_it_carries(lang: str,
                                                                         said: str) -> None:
    """The API's schema refusal keeps which field and why (``InvalidInput.said``) for the
    words alone: its body has neither."""
    from tournament.errors import FieldReason
    from tournament.web import refusal_words

    exc = InvalidInput("invalid_input", "slug: Field required", "slug",
                       said=FieldReason("slug", "missing"))
    assert "params" not in exc.body()["error"]
    assert refusal_words.said_in(exc, lang).startswith(said)
    # a console form's refusal says them in its params, the same words
    form = InvalidInput("invalid_input", "…", "slug",
                        params={"field": "slug", "reason": "missing"})
    assert refusal_words.said_in(form, lang) == refusal_words.said_in(exc, lang)
