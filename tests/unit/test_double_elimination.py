"""Double elimination: structure, drop orders, a pure simulator and placements."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tournament.formats import double_elimination as de
from tournament.formats import registry
from tournament.formats.results import MatchResult
from tournament.formats.types import Feed, FormatError, MatchPlan, Slot, StagePlan

from ..sim import Sim, losses, play_out


def simulate(teams: list[int], rng: random.Random, **settings: Any):
    """Play a double elimination out through the production state machine, ready matches
    in number order with random winners.

    Returns (played matches as (number, bracket, round, teams, side), losses per team,
    outcomes per completed match number as (winning team, losing team)).
    """
    method = settings.pop("seeding_method", "standard")
    sim = Sim("double_elimination", teams, settings, seeding_method=method)
    played = play_out(sim, rng)
    for *_, pair, _side in played:
        for t in pair:
            assert t is not None
    outcomes = {m.number: (m.teams[m.winner - 1], m.teams[2 - m.winner])
                for m in sim.matches.values()
                if m.active and m.status == "completed" and m.winner in (1, 2)}
    return played, losses(played), outcomes


def test_eight_team_layout_and_numbering():
    stage = de.plan(list(range(1, 9)), grand_final="reset")
    rows = [(m.number, m.bracket, m.round) for m in stage.matches]
    assert rows == [
        (1, "winners", 1), (2, "winners", 1), (3, "winners", 1), (4, "winners", 1),
        (5, "winners", 2), (6, "winners", 2), (7, "losers", 1), (8, "losers", 1),
        (9, "losers", 2), (10, "losers", 2), (11, "winners", 3), (12, "losers", 3),
        (13, "losers", 4), (14, "grand_final", 1), (15, "grand_final", 2),
    ]
    by = {m.number: m for m in stage.matches}
    assert [by[n].slots for n in (1, 2, 3, 4)] == [(1, 8), (4, 5), (2, 7), (3, 6)]
    assert by[7].slots == (Feed(1, "loser"), Feed(2, "loser"))
    # The upper semifinal losers cross over: the first lower match's winner meets the
    # loser of the second semifinal.
    assert by[9].slots == (Feed(6, "loser"), Feed(7, "winner"))
    assert by[10].slots == (Feed(5, "loser"), Feed(8, "winner"))
    assert by[13].slots == (Feed(11, "loser"), Feed(12, "winner"))
    assert by[14].slots == (Feed(11, "winner"), Feed(13, "winner"))
    assert by[15].slots == (Feed(14, "winner"), Feed(14, "loser")) and by[15].conditional
    assert by[14].winner_to == (15, 0) and by[14].loser_to == (15, 1)
    assert by[5].loser_to == (10, 0) and by[6].loser_to == (9, 0)
    assert not any(m.conditional for m in stage.matches if m.number != 15)


def test_sixteen_team_semifinal_losers_cross_over():
    stage = de.plan(list(range(1, 17)))
    by = {m.number: m for m in stage.matches}
    semis = [m.number for m in stage.matches if m.bracket == "winners" and m.round == 3]
    lower4 = [m for m in stage.matches if m.bracket == "losers" and m.round == 4]
    assert [m.slots[0] for m in lower4] == [Feed(semis[1], "loser"), Feed(semis[0], "loser")]
    quarter = [m.number for m in stage.matches if m.bracket == "winners" and m.round == 2]
    lower2 = [m for m in stage.matches if m.bracket == "losers" and m.round == 2]
    # half_shift: the losers of the bottom half of the quarterfinals drop first
    assert [s.match for m in lower2 for s in m.slots[:1] if isinstance(s, Feed)] == (
        quarter[2:] + quarter[:2])
    assert all(by[m.number].winner_to is not None for m in lower2)


def _drops(stage: StagePlan, lower_round: int) -> list[int]:
    """For each match of a lower drop round, top to bottom: the position (from 0) in its
    upper round of the match whose loser drops into it."""
    by = {m.number: m for m in stage.matches}
    out = []
    for m in stage.matches:
        if m.bracket == "losers" and m.round == lower_round:
            feed = m.slots[0]
            assert isinstance(feed, Feed) and feed.outcome == "loser"
            upper = [u.number for u in stage.matches
                     if u.bracket == "winners" and u.round == by[feed.match].round]
            out.append(upper.index(feed.match))
    return out


def test_chosen_drop_orders_replace_the_automatic_ones_round_by_round():
    """The CWL Championship 2019 bracket (tests/replays/cwl_champs_2019.py): quarterfinal
    losers in reverse, semifinal losers straight down; the automatic orders differ in both
    (2018's bracket, half_shift then natural, differs in the second only)."""
    auto = de.plan(list(range(1, 17)))
    assert (_drops(auto, 2), _drops(auto, 4)) == ([2, 3, 0, 1], [1, 0])
    cwl = de.plan(list(range(1, 17)), drop_orders=["reverse", "natural"])
    assert (_drops(cwl, 2), _drops(cwl, 4), _drops(cwl, 6)) == ([3, 2, 1, 0], [0, 1], [0])
    # only the drops move: the same matches, numbers, rounds and lower round-1 pairs
    assert [(m.number, m.bracket, m.round) for m in cwl.matches] == [
        (m.number, m.bracket, m.round) for m in auto.matches]
    assert [m.slots for m in cwl.matches if m.bracket != "losers" or m.round % 2] == [
        m.slots for m in auto.matches if m.bracket != "losers" or m.round % 2]
    # a round not named keeps the automatic order; names beyond the bracket are unused
    partial = de.plan(list(range(1, 33)), drop_orders=["pair_flip"])
    assert (_drops(partial, 2), _drops(partial, 4)) == ([1, 0, 3, 2, 5, 4, 7, 6], [3, 2, 1, 0])
    assert _drops(de.plan(list(range(1, 9)), drop_orders=["natural"] * 12), 2) == [0, 1]
    assert de.drop_order(2, 4, ("reverse",)) == "reverse"
    assert de.drop_order(4, 4, ("reverse",) * 3) == "natural"  # the final's one loser


@pytest.mark.parametrize(("value", "ok"), [
    ([], True), (["reverse", "natural"], True), (list(de.DROP_ORDERS), True),
    (["natural"] * 12, True), (["natural"] * 13, False), (["sideways"], False),
    ("reverse", False), ([None], False), ([["reverse"]], False), (None, False)])
def test_drop_orders_setting(value, ok):
    parse = registry.get("double_elimination").parse_settings
    if ok:
        assert parse({"drop_orders": value}).drop_orders == value
        return
    with pytest.raises(FormatError) as caught:
        parse({"drop_orders": value})
    assert (caught.value.code, caught.value.field) == ("invalid_settings",
                                                       "settings.drop_orders")


@pytest.mark.parametrize(("method", "expected"), [
    ("natural", [1, 2, 3, 4, 5, 6, 7, 8]),
    ("reverse", [8, 7, 6, 5, 4, 3, 2, 1]),
    ("half_shift", [5, 6, 7, 8, 1, 2, 3, 4]),
    ("reverse_half_shift", [4, 3, 2, 1, 8, 7, 6, 5]),
    ("pair_flip", [2, 1, 4, 3, 6, 5, 8, 7]),
])
def test_orderings_match_brackets_manager(method, expected):
    assert de.reorder([1, 2, 3, 4, 5, 6, 7, 8], method) == expected


def test_drop_order_sequence():
    assert [de.drop_order(r, 7) for r in range(1, 8)] == [
        "natural", "half_shift", "reverse", "reverse_half_shift", "pair_flip", "reverse",
        "natural"]
    assert de.drop_order(2, 3) == "reverse"  # 8 teams: round 2 is the semifinal
    # the losers of upper round r play lower round 1 (r = 1) or 2r - 2 first
    stage = de.plan(list(range(1, 33)))
    by = {m.number: m for m in stage.matches}
    entry = {m.round: by[m.loser_to[0]].round for m in stage.matches
             if m.bracket == "winners" and m.loser_to and by[m.loser_to[0]].bracket == "losers"}
    assert entry == {1: 1, 2: 2, 3: 4, 4: 6, 5: 8}


def _first_possible_rematch(stage: StagePlan) -> int | None:
    """The first lower round in which some result sequence gives a rematch.

    A team reaches a lower slot along one path only once its upper-bracket loss round
    is fixed, and the two slots of a match have disjoint feeder trees; so a and b can
    meet again exactly when they could have met in upper round j, both reached round j
    (both dropped at j or later), and only one of them lost there.
    """
    by = {m.number: m for m in stage.matches}
    upper_cands: dict[int, tuple[set[int], set[int]]] = {}
    meet: dict[tuple[int, int], int] = {}
    lower_cands: dict[int, tuple[set[tuple[int, int]], set[tuple[int, int]]]] = {}

    def teams_of(slot: Slot) -> set[int]:
        if isinstance(slot, Feed):
            a, b = upper_cands[slot.match]
            return a | b
        return set() if slot is None else {slot}

    def lower_of(slot: Slot) -> set[tuple[int, int]]:
        assert isinstance(slot, Feed)
        source = by[slot.match]
        if source.bracket == "winners":
            return {(t, source.round) for t in teams_of_match(source)}
        a, b = lower_cands[slot.match]
        return a | b

    def teams_of_match(m: MatchPlan) -> set[int]:
        a, b = upper_cands[m.number]
        return a | b

    first = None
    for m in sorted(stage.matches, key=lambda m: m.number):
        if m.bracket == "winners":
            top, bottom = teams_of(m.slots[0]), teams_of(m.slots[1])
            upper_cands[m.number] = (top, bottom)
            for x in top:
                for y in bottom:
                    meet[(x, y)] = meet[(y, x)] = m.round
        elif m.bracket == "losers":
            c0, c1 = lower_of(m.slots[0]), lower_of(m.slots[1])
            lower_cands[m.number] = (c0, c1)
            for a, ra in c0:
                for b, rb in c1:
                    j = meet.get((a, b))
                    if j is not None and min(ra, rb) == j < max(ra, rb):
                        first = m.round if first is None else min(first, m.round)
    return first


# brackets-manager.js's defaultMinorOrdering (src/ordering.ts): the first entry orders
# the upper round-1 losers, entry r - 1 the losers of upper round r.
BRACKETS_MANAGER_DEFAULTS = {
    8: ["natural", "reverse", "natural"],
    16: ["natural", "reverse_half_shift", "reverse", "natural"],
    32: ["natural", "reverse", "half_shift", "natural", "natural"],
    64: ["natural", "reverse", "half_shift", "reverse", "natural", "natural"],
    128: ["natural", "reverse", "half_shift", "pair_flip", "pair_flip", "pair_flip", "natural"],
}


@pytest.mark.parametrize(("size", "first", "brackets_manager_first"), [
    (8, 3, 3), (16, 4, 3), (32, 5, 5), (64, 7, 6), (128, 8, 7),
])
def test_no_rematch_is_possible_before(size, first, brackets_manager_first):
    stage = de.plan(list(range(1, size + 1)))
    assert _first_possible_rematch(stage) == first
    # the same analysis of brackets-manager.js's default drop orders, named as the
    # drop_orders setting names them (its first and last entries are ours: natural)
    defaults = BRACKETS_MANAGER_DEFAULTS[size]
    assert defaults[0] == defaults[-1] == "natural"
    theirs = de.plan(list(range(1, size + 1)), drop_orders=defaults[1:-1])
    assert _first_possible_rematch(theirs) == brackets_manager_first <= first


def test_first_possible_rematch_analysis_agrees_with_brute_force_for_eight():
    stage = de.plan(list(range(1, 9)), grand_final="none")
    first_seen = None

    class Fixed(random.Random):
        def __init__(self, bits: int) -> None:
            super().__init__(0)
            self.bits = iter([(bits >> i) & 1 for i in range(13)])

        def choice(self, seq):
            return seq[next(self.bits)]

    for bits in range(2 ** 13):
        played, _, _ = simulate(list(range(1, 9)), Fixed(bits), grand_final="none")
        met: set[frozenset[int]] = set()
        for _, bracket, round_, teams, _ in played:
            pair = frozenset(teams)
            if pair in met and bracket == "losers":
                first_seen = round_ if first_seen is None else min(first_seen, round_)
            met.add(pair)
    assert first_seen == _first_possible_rematch(stage) == 3


@pytest.mark.parametrize("n", [2, 3, 4, 5, 8, 13, 16, 17, 33])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_number_of_real_matches(n, seed):
    # Every team but the champion loses twice, except an upper finalist beaten in a
    # single grand final; either way a single grand final means 2n - 2 real matches.
    played, _, _ = simulate(list(range(1, n + 1)), random.Random(seed))
    assert len(played) == 2 * n - 2
    played, _, _ = simulate(list(range(1, n + 1)), random.Random(seed), grand_final="reset")
    reset_played = any(bracket == "grand_final" and r == 2 for _, bracket, r, _, _ in played)
    assert len(played) == 2 * n - 2 + reset_played


def test_placement_ranges_for_sixteen():
    stage = de.plan(list(range(1, 17)))
    assert de.placement_ranges(stage) == {
        6: (3, 3), 5: (4, 4), 4: (5, 6), 3: (7, 8), 2: (9, 12), 1: (13, 16)}


def test_invalid_settings():
    with pytest.raises(FormatError):
        de.plan([1, 2, 3], grand_final="double")  # type: ignore[arg-type]
    with pytest.raises(FormatError):
        de.plan([1, 2], grand_final="none")


def test_best_of_settings():
    stage = de.plan(list(range(1, 9)), best_of=1, best_of_by_round={"3": 3},
                    grand_final="reset", final_best_of=5)
    for m in stage.matches:
        if m.bracket == "grand_final":
            assert m.best_of == 5
        else:
            assert m.best_of == (3 if m.round == 3 else 1)


def test_best_of_by_round_can_name_one_bracket():
    """VALORANT Masters: the lower final is a best-of-five, the upper final a best-of-three
    (tests/replays/vct_masters_madrid_2024.py); a bracket's own key beats the plain one."""
    stage = de.plan(list(range(1, 9)), best_of=1, best_of_by_round={"2": 3, "L2": 5, "W3": 7})
    got = {(m.bracket, m.round): m.best_of for m in stage.matches}
    assert got == {("winners", 1): 1, ("winners", 2): 3, ("winners", 3): 7,
                   ("losers", 1): 1, ("losers", 2): 5, ("losers", 3): 1, ("losers", 4): 1,
                   ("grand_final", 1): 1}


@pytest.mark.parametrize("fmt,key,ok", [
    ("double_elimination", "L2", True), ("double_elimination", "W12", True),
    ("double_elimination", "l2", False), ("double_elimination", "L", False),
    ("double_elimination", "L0", False), ("double_elimination", "G1", False),
    ("single_elimination", "L2", False), ("round_robin", "W1", False),
    ("swiss", "2", True)])
def test_a_bracket_round_key_is_a_double_elimination_setting(fmt, key, ok):
    parse = registry.get(fmt).parse_settings
    if ok:
        assert parse({"best_of_by_round": {key: 3}}).best_of_by_round == {key: 3}
    else:
        with pytest.raises(FormatError) as caught:
            parse({"best_of_by_round": {key: 3}})
        assert caught.value.field == "settings.best_of_by_round"
        assert ('"L2"' in caught.value.message) == (fmt == "double_elimination")


def test_two_teams_play_a_true_double_elimination():
    stage = de.plan([10, 20], grand_final="reset")
    assert [(m.bracket, m.slots) for m in stage.matches] == [
        ("winners", (10, 20)),
        ("grand_final", (Feed(1, "winner"), Feed(1, "loser"))),
        ("grand_final", (Feed(2, "winner"), Feed(2, "loser"))),
    ]


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=40),
    grand_final=st.sampled_from(["single", "reset", "none"]),
    method=st.sampled_from(["standard", "natural"]),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_simulated_stage_properties(n, grand_final, method, seed):
    assume(not (n == 2 and grand_final == "none"))
    teams = list(range(100, 100 + n))
    stage = de.plan(teams, seeding_method=method, grand_final=grand_final)
    numbers = [m.number for m in stage.matches]
    assert numbers == list(range(1, len(numbers) + 1))
    played, lost, outcomes = simulate(teams, random.Random(seed), seeding_method=method,
                                      grand_final=grand_final)

    seen: set[tuple[str, int, int]] = set()
    for _, bracket, round_, teams_in, _ in played:
        for t in teams_in:
            assert (bracket, round_, t) not in seen, "a team plays twice in one round"
            seen.add((bracket, round_, t))
    assert all(lost[t] <= 2 for t in teams)

    ranks = de.final_ranks(stage, outcomes)
    assert set(ranks) == set(teams)
    if grand_final == "none":
        # the upper final's winner (never beaten) 1st, the lower final's winner 2nd: both
        # go through
        (first,) = [t for t, r in ranks.items() if r == (1, 1)]
        (second,) = [t for t, r in ranks.items() if r == (2, 2)]
        assert lost[first] == 0 and lost[second] == 1
        champions = [first, second]
        assert all(lost[t] == 2 for t in teams if t not in champions)
    else:
        champions = [t for t, r in ranks.items() if r == (1, 1)]
        assert len(champions) == 1
        assert lost[champions[0]] <= 1
        runner_up = [t for t, r in ranks.items() if r == (2, 2)]
        assert len(runner_up) == 1
        others = [t for t in teams if t not in champions + runner_up]
        assert all(lost[t] == 2 for t in others), "out of the stage at the second loss"
        if grand_final == "reset":
            assert lost[runner_up[0]] == 2
    # The ranges partition 1..n: a range (b, w) is shared by exactly w - b + 1 teams.
    shared = Counter(ranks.values())
    covered = sorted(r for (b, w), count in shared.items() for r in range(b, w + 1))
    assert all(count == w - b + 1 for (b, w), count in shared.items())
    assert covered == list(range(1, n + 1))

    results = [MatchResult(number=num, round=0, bracket=None, group=None,
                           teams=(win, lose), score=(1, 0), winner=1, completed=True)
               for num, (win, lose) in outcomes.items() if win is not None]
    rows = de.table(teams, results, stage)
    assert sorted(r.team_id for r in rows) == sorted(teams)
    assert {r.team_id: (r.rank, r.tied, r.status) for r in rows} == {
        t: (ranks[t][0], ranks[t][1] > ranks[t][0],
            "advanced" if t in champions else "eliminated") for t in teams}


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(min_value=3, max_value=70),
    grand_final=st.sampled_from(["single", "reset", "none"]),
    method=st.sampled_from(["standard", "natural"]),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_the_shape_by_count_is_the_shape_of_every_seeding(n, grand_final, method, seed):
    """The standings read a plan's shape cached by team count (byes depend on the count
    alone): it equals the shape of the plan of any seeding of that size, and places a
    played-out stage as the plan itself does."""
    teams = random.Random(seed).sample(range(1, 10_000), n)
    stage = de.plan(teams, seeding_method=method, grand_final=grand_final)
    cached = de.shape(n, method, grand_final)
    assert cached == de.shape_of(stage)
    _, _, outcomes = simulate(teams, random.Random(seed), seeding_method=method,
                              grand_final=grand_final)
    assert de.final_ranks(cached, outcomes) == de.final_ranks(stage, outcomes)
    assert de.final_ranks(lambda: cached, {}) == {}


def test_correcting_the_first_grand_final_switches_the_reset_off_and_on_again():
    """Issue 14: the reset is played only while the lower-bracket finalist won the first
    grand final; a correction either way switches it (a reset never switched off survived)."""
    sim = Sim("double_elimination", [1, 2, 3, 4], {"grand_final": "reset"})
    sim.report(1, 1)  # 1 v 4
    sim.report(2, 1)  # 2 v 3
    sim.report(3, 1)  # upper final: 1 v 2
    sim.report(4, 2)  # lower round 1: 4 v 3, 3 wins
    sim.report(5, 1)  # lower final: 2 v 3
    assert sim.matches[6].teams == [1, 2]
    sim.report(6, 2)  # the lower finalist wins the first grand final: the reset is on
    assert sim.matches[7].active and sim.matches[7].teams == [2, 1]
    assert sim.matches[7].status == "ready"
    sim.report(7, 1)  # 2 (slot 1 of the reset) wins it too
    assert sim.status == "completed" and sim.champion() == 2
    sim.report(6, 1)  # corrected: the upper finalist won it, no reset
    assert not sim.matches[7].active
    assert sim.status == "completed" and sim.champion() == 1
    assert [(r.team_id, r.rank) for r in sim.standings()] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    sim.report(6, 2)  # and back: the reset is needed again, its old result gone
    assert sim.matches[7].active and sim.matches[7].status == "ready"
    assert (sim.matches[7].score1, sim.matches[7].score2, sim.matches[7].winner) == (0, 0, None)
    assert sim.status == "running" and sim.champion() is None
    assert [(r.team_id, r.rank) for r in sim.standings() if r.rank is not None] == [
        (3, 3), (4, 4)]
