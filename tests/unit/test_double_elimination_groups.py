"""Double elimination in groups (GSL: a group of four without a grand final): the draw,
the numbering, each group's own bracket, group standings and round labels."""

from __future__ import annotations

import pytest

from tournament.formats import double_elimination as de
from tournament.formats import registry
from tournament.formats.results import MatchResult
from tournament.formats.types import Feed, FormatError, StagePlan


def test_gsl_groups_are_drawn_by_snake_seeding_and_numbered_in_order_of_play():
    stage = de.plan(list(range(1, 9)), groups=2, grand_final="none")
    rows = [(m.number, m.group, m.bracket, m.round, m.slots) for m in stage.matches]
    assert rows == [
        (1, 1, "winners", 1, (1, 8)), (2, 1, "winners", 1, (4, 5)),  # opening matches
        (3, 2, "winners", 1, (2, 7)), (4, 2, "winners", 1, (3, 6)),
        (5, 1, "winners", 2, (Feed(1, "winner"), Feed(2, "winner"))),  # winners' match
        (6, 2, "winners", 2, (Feed(3, "winner"), Feed(4, "winner"))),
        (7, 1, "losers", 1, (Feed(1, "loser"), Feed(2, "loser"))),  # elimination match
        (8, 2, "losers", 1, (Feed(3, "loser"), Feed(4, "loser"))),
        (9, 1, "losers", 2, (Feed(5, "loser"), Feed(7, "winner"))),  # decider
        (10, 2, "losers", 2, (Feed(6, "loser"), Feed(8, "winner"))),
    ]
    by = {m.number: m for m in stage.matches}
    assert by[5].winner_to is None and by[5].loser_to == (9, 0)
    assert by[9].winner_to is None and by[9].loser_to is None


def test_each_group_plays_the_bracket_it_would_play_alone():
    teams = list(range(1, 14))  # 13 teams in 3 groups: 5, 4, 4
    stage = de.plan(teams, groups=3, grand_final="reset")
    numbers = de.group_numbers(len(teams), 3, "standard", "reset")
    for g, members in enumerate(de.snake_groups(teams, 3), start=1):
        alone = de.plan(members, grand_final="reset").matches
        mine = [m for m in stage.matches if m.group == g]
        assert [(m.bracket, m.round, m.conditional) for m in mine] == [
            (m.bracket, m.round, m.conditional) for m in alone]
        local = numbers[g - 1]
        assert [local[m.number] for m in mine] == [m.number for m in alone]
        for m, solo in zip(mine, alone, strict=True):
            slots = tuple(Feed(local[s.match], s.outcome) if isinstance(s, Feed) else s
                          for s in m.slots)
            assert slots == solo.slots


def test_a_group_too_small_for_its_bracket_is_refused():
    with pytest.raises(FormatError) as err:
        de.plan(list(range(1, 6)), groups=2, grand_final="none")  # 3 and 2 teams
    assert err.value.code == "too_few_teams" and err.value.field == "settings.groups"
    de.plan(list(range(1, 5)), groups=2)  # two teams play a double elimination with a final
    with pytest.raises(FormatError):
        registry.get("double_elimination").parse_settings({"groups": 0})


def _played(stage: StagePlan, winners: dict[int, int]) -> list[MatchResult]:
    """Results of a plan played to the end, the winning side of each match given (1 or 2,
    side 1 by default), as the state machine would fill the slots."""
    teams: dict[int, list[int | None]] = {}
    out: list[MatchResult] = []
    for m in sorted(stage.matches, key=lambda m: m.number):
        pair = teams.get(m.number, [None, None])
        for i, slot in enumerate(m.slots):
            if not isinstance(slot, Feed):
                pair[i] = slot
        side = winners.get(m.number, 1)
        out.append(MatchResult(number=m.number, round=m.round, bracket=m.bracket,
                               group=m.group, teams=(pair[0], pair[1]),
                               score=(2, 0) if side == 1 else (0, 2), winner=side,
                               completed=True, best_of=3))
        for target, outcome in ((m.winner_to, pair[side - 1]), (m.loser_to, pair[2 - side])):
            if target is not None:
                teams.setdefault(target[0], [None, None])[target[1]] = outcome
    return out


def test_gsl_group_standings_place_all_four_and_send_two_through():
    seeding = list(range(1, 9))
    stage = de.plan(seeding, groups=2, grand_final="none")
    # group 1 (1, 4, 5, 8): 8 beats 1, 4 beats 5; 8 wins the winners' match; 1 wins the
    # elimination match and the decider against 4
    results = _played(stage, {1: 2, 9: 2})
    fmt = registry.get("double_elimination")
    settings = fmt.parse_settings({"groups": 2, "grand_final": "none"})
    rows = fmt.standings(seeding, results, settings, resolutions=[], withdrawn=frozenset(),
                         complete=True)
    got = [(r.group, r.rank, r.team_id, r.status) for r in rows]
    assert got == [(1, 1, 8, "advanced"), (1, 2, 1, "advanced"), (1, 3, 4, "eliminated"),
                   (1, 4, 5, "eliminated"),
                   (2, 1, 2, "advanced"), (2, 2, 3, "advanced"), (2, 3, 7, "eliminated"),
                   (2, 4, 6, "eliminated")]
    assert not any(r.tied for r in rows)
    assert fmt.event_places(rows, settings, True) == []  # group places are no event places


def test_gsl_group_places_are_known_as_soon_as_decided():
    seeding = list(range(1, 9))
    stage = de.plan(seeding, groups=2, grand_final="none")
    results = [r for r in _played(stage, {}) if r.number in (1, 2, 5)]  # group 1's winners
    fmt = registry.get("double_elimination")
    settings = fmt.parse_settings({"groups": 2, "grand_final": "none"})
    rows = fmt.standings(seeding, results, settings, resolutions=[], withdrawn=frozenset(),
                         complete=False)
    placed = {(r.group, r.team_id): (r.rank, r.status) for r in rows if r.rank is not None}
    assert placed == {(1, 1): (1, "advanced")}
    # the group's 1st heads its table while the others still play (1-1, then 0-1 by seed)
    assert [r.team_id for r in rows if r.group == 1] == [1, 4, 5, 8]


def test_round_labels_follow_the_group_bracket():
    fmt = registry.get("double_elimination")
    settings = {"groups": 4, "grand_final": "none"}
    match = {"bracket": "winners", "round": 2, "group": 3}
    assert fmt.match_label(match, 16, settings) == ("Winners' match", None)  # a GSL group
    assert fmt.match_label(match | {"bracket": "losers"}, 16, settings) == (
        "Decider match", None)
    bigger = {"groups": 2, "grand_final": "none"}  # groups of 8: the bracket's names
    assert fmt.match_label(match | {"round": 3, "group": 1}, 16, bigger) == (
        "Upper final", None)
    assert fmt.match_label(match | {"bracket": "losers", "round": 4, "group": 1}, 16,
                           bigger) == ("Lower final", None)
    assert fmt.match_label(match, 16, {}) == ("Upper quarterfinal", None)  # one bracket of 16
    assert fmt.field_of(9, {"groups": 2}, 1) == 5 and fmt.field_of(9, {"groups": 2}, 2) == 4
