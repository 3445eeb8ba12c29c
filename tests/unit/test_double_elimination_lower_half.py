"""Double elimination with half the field starting in the lower bracket (``lower_half``):
a fighting-game top 8, four players on the winners side and four already beaten once
(group runners-up at the Tekken World Tour Finals, players out of an Evo bracket's winners
side). Through the production state machine in memory."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from tournament.formats import double_elimination as de
from tournament.formats import registry
from tournament.formats.types import Feed, FormatError

from ..sim import Sim, simulate_double_elimination


def test_a_top_8_starts_four_in_the_upper_semifinals_and_four_in_lower_round_1():
    stage = de.plan(list(range(1, 9)), seeding_method="natural", grand_final="reset",
                    lower_half=True)
    rows = [(m.bracket, m.round, m.slots) for m in stage.matches]
    assert rows[:4] == [("winners", 2, (1, 2)), ("winners", 2, (3, 4)),
                        ("losers", 1, (5, 6)), ("losers", 1, (7, 8))]
    # then the 8-slot bracket's later rounds as they are without the split: the upper
    # semifinal losers cross over into lower round 2, the upper final's loser drops
    # into the lower final
    assert rows[4:] == [
        ("losers", 2, (Feed(2, "loser"), Feed(3, "winner"))),
        ("losers", 2, (Feed(1, "loser"), Feed(4, "winner"))),
        ("winners", 3, (Feed(1, "winner"), Feed(2, "winner"))),
        ("losers", 3, (Feed(5, "winner"), Feed(6, "winner"))),
        ("losers", 4, (Feed(7, "loser"), Feed(8, "winner"))),
        ("grand_final", 1, (Feed(7, "winner"), Feed(9, "winner"))),
        ("grand_final", 2, (Feed(10, "winner"), Feed(10, "loser")))]
    assert stage.matches[-1].conditional
    # a drop order still names the semifinal losers' order
    natural = de.plan(list(range(1, 9)), lower_half=True, drop_orders=["natural"])
    assert [m.slots[0] for m in natural.matches if (m.bracket, m.round) == ("losers", 2)] == [
        Feed(1, "loser"), Feed(2, "loser")]


def test_places_are_the_rounds_the_players_go_out_in():
    """Lower round 1 -> 7th-8th, round 2 -> 5th-6th, then 4th and 3rd, as Evo and the
    Tekken World Tour place a top 8; the lower half never reaches upper round 2."""
    for seed in range(40):
        teams = list(range(1, 9))
        played, losses, _ = simulate_double_elimination(
            teams, random.Random(seed), grand_final="reset", lower_half=True)
        assert not {t for _, bracket, _, pair, _ in played if bracket == "winners"
                    for t in pair} & {5, 6, 7, 8}
        sim_rows = _standings(seed)
        assert Counter((r.rank, r.last) for r in sim_rows) == Counter(
            {(1, 1): 1, (2, 2): 1, (3, 3): 1, (4, 4): 1, (5, 6): 2, (7, 8): 2})
        # everyone out has lost twice, counting the lower half's loss before the bracket
        out = [r.team_id for r in sim_rows if r.rank != 1]
        assert all(losses[t] + (t >= 5) == 2 for t in out), seed


def _standings(seed: int):
    sim = Sim("double_elimination", list(range(1, 9)),
              {"grand_final": "reset", "lower_half": True})
    rng = random.Random(seed)
    while sim.ready():
        m = min(sim.ready(), key=lambda m: m.number)
        sim.report(m.number, rng.choice((1, 2)))
    return sim.standings()


def test_six_players_give_two_byes_and_an_odd_count_is_refused():
    stage = de.plan(list(range(1, 7)), lower_half=True)
    firsts = [m.slots for m in stage.matches if m.bracket == "winners" and m.round == 2] + [
        m.slots for m in stage.matches if m.bracket == "losers" and m.round == 1]
    assert sorted(t for pair in firsts for t in pair if t is not None) == [1, 2, 3, 4, 5, 6]
    assert sum(None in pair for pair in firsts) == 2
    for count in (3, 5, 7):
        with pytest.raises(FormatError) as caught:
            de.plan(list(range(1, count + 1)), lower_half=True)
        assert (caught.value.code, caught.value.field) == ("invalid_settings",
                                                           "settings.lower_half")
    parse = registry.get("double_elimination").parse_settings
    assert parse({"lower_half": True}).lower_half is True
    with pytest.raises(FormatError) as caught:
        parse({"lower_half": "yes"})
    assert caught.value.field == "settings.lower_half"
