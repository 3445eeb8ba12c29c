"""Double elimination: where the upper bracket's losers drop into the lower one (the
automatic orders, an organizer's per-round choice, and how late a rematch can come)."""

from __future__ import annotations

import random

import pytest

from tournament.formats import double_elimination as de
from tournament.formats import registry
from tournament.formats.types import Feed, FormatError, MatchPlan, Slot, StagePlan

from ..replays import raw_23_2024_ultimate as raw
from ..sim import Sim
from ..sim import simulate_double_elimination as simulate


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

    # 13 matches, one bit each in the order they are played; the last match's winner
    # decides no later pairing (its teams are recorded before its bit is drawn), so it is
    # always side 1: every pairing of the 2 ** 13 runs is in these 2 ** 12, at half the time
    for bits in range(2 ** 12):
        played, _, _ = simulate(list(range(1, 9)), Fixed(bits), grand_final="none")
        met: set[frozenset[int]] = set()
        for _, bracket, round_, teams, _ in played:
            pair = frozenset(teams)
            if pair in met and bracket == "losers":
                first_seen = round_ if first_seen is None else min(first_seen, round_)
            met.add(pair)
    assert first_seen == _first_possible_rematch(stage) == 3


def test_a_start_gg_32_drops_as_start_gg_and_the_automatic_orders_pair_otherwise():
    """RAW #23 (tests/replays/raw_23_2024_ultimate.py), start.gg's 32-player bracket:
    its drop orders, ["reverse", "pair_flip", "reverse"], put every set of lower round 2
    where it was played; the automatic ones (half_shift first) pair none of them."""
    def lower_round_2(orders: list[str]) -> list[tuple[int | None, int | None]]:
        sim = Sim("double_elimination", list(raw.SEEDS), {"drop_orders": orders})
        for bracket, round_number, winner, loser, *_ in raw.SETS:
            if (bracket, round_number) in (("winners", 1), ("winners", 2), ("losers", 1)):
                m = next(m for m in sim.ready() if {m.team1_id, m.team2_id} == {winner, loser})
                sim.report(m.number, 1 if m.team1_id == winner else 2)
        return [(m.team1_id, m.team2_id) for m in sorted(sim.matches.values(),
                                                         key=lambda m: m.number)
                if (m.bracket, m.round) == ("losers", 2)]

    assert lower_round_2(raw.DROP_ORDERS) == raw.LOWER_PAIRINGS[2]
    assert lower_round_2([]) == raw.DEFAULT_LOWER[1]
    assert not set(raw.DEFAULT_LOWER[1]) & set(raw.LOWER_PAIRINGS[2])
