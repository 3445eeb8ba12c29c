"""Which rounds a round plan can name (``formats/plan_fit.py``), without a database: a
drawn stage's exactly, a waiting stage's as far as its settings fix them, a Swiss stage's
up to the last its settings allow."""

from __future__ import annotations

from typing import Any

from tournament.formats import registry
from tournament.formats.plan_fit import misfit, reach


def fit(name: str, settings: dict[str, Any], teams: int, round_: int,
        bracket: str | None = None, group: int | None = None) -> tuple[str, dict] | None:
    """The refusal's code and params for a stage of ``teams`` (0: waiting for them)."""
    fmt = registry.get(name)
    parsed = fmt.parse_settings(settings)
    made = [] if not teams else [
        (None if m.bracket is None else str(m.bracket), m.round, m.group)
        for m in fmt.plan(list(range(1, teams + 1)), parsed, "standard").matches]
    found = misfit(reach(fmt, parsed, made), round_, bracket, group)
    return None if found is None else (found.code, found.params)


def test_a_swiss_stage_has_no_round_past_the_last_its_settings_allow():
    for teams in (0, 16):  # waiting or drawn, the field changes nothing
        assert fit("swiss", {}, teams, 5) is None  # to three wins or three losses
        assert fit("swiss", {}, teams, 6) == ("unknown_round", {
            "round": 6, "bracket": None, "group": None, "brackets": [], "last": 5})
        assert fit("swiss", {"rounds": 4}, teams, 5)[1]["last"] == 4
        assert fit("swiss", {"wins_to_advance": None, "rounds": 7}, teams, 7) is None
        assert fit("swiss", {}, teams, 1, group=1) == (
            "unknown_group", {"group": 1, "groups": []})
        assert fit("swiss", {}, teams, 1, bracket="winners")[0] == "unknown_bracket"
        assert fit("swiss", {}, teams, 9, bracket="tiebreaker") is None


def test_battle_royale_lobbies_play_one_round_without_rotation():
    settings = {"lobby_size": 4}
    assert fit("free_for_all", settings, 0, 2) == ("unknown_round", {
        "round": 2, "bracket": None, "group": None, "brackets": [], "last": 1})
    assert fit("free_for_all", settings, 0, 1, group=9) is None  # lobbies: as many as teams
    assert fit("free_for_all", settings, 8, 1, group=3) == (
        "unknown_group", {"group": 3, "groups": [1, 2]})
    rotation = {"lobby_size": 4, "rotation": True}
    assert fit("free_for_all", rotation, 0, 5) is None  # its rounds: as the field makes
    assert fit("free_for_all", rotation, 0, 1, group=1)[0] == "unknown_group"
    assert fit("free_for_all", rotation, 8, 5) == ("unknown_round", {
        "round": 5, "bracket": None, "group": None, "brackets": [], "rounds": [1, 2, 3]})


def test_a_waiting_bracket_refuses_what_its_settings_leave_out():
    assert fit("single_elimination", {}, 0, 7) is None
    assert fit("single_elimination", {}, 0, 1, bracket="third_place") == (
        "unknown_bracket", {"bracket": "third_place", "brackets": ["winners"]})
    assert fit("single_elimination", {"third_place_match": True}, 0, 3,
               bracket="third_place") is None
    assert fit("double_elimination", {"grand_final": "none"}, 0, 1,
               bracket="grand_final") == ("unknown_bracket", {
                   "bracket": "grand_final", "brackets": ["winners", "losers"]})
    assert fit("double_elimination", {"groups": 2}, 0, 1, group=2) is None
    assert fit("double_elimination", {"groups": 2}, 0, 1, group=3)[1]["groups"] == [1, 2]
    # a tiebreaker can come in any stage, in a group it has
    assert fit("single_elimination", {}, 0, 12, bracket="tiebreaker") is None


def test_a_drawn_bracket_has_its_rounds_and_the_third_place_match_only_its_own():
    settings = {"third_place_match": True}
    assert fit("single_elimination", settings, 8, 3, bracket="third_place") is None
    assert fit("single_elimination", settings, 8, 2, bracket="third_place") == (
        "unknown_round", {"round": 2, "bracket": "third_place", "group": None,
                          "brackets": ["winners", "third_place"], "rounds": [3]})
    # two teams: no third-place match is drawn, so none is planned
    assert fit("single_elimination", settings, 2, 1, bracket="third_place")[0] == \
        "unknown_bracket"
