"""Double elimination with teams starting in the lower bracket (``lower_start``):
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

from ..sim import Sim


def test_a_top_8_starts_four_in_the_upper_semifinals_and_four_in_lower_round_1():
    stage = de.plan(list(range(1, 9)), seeding_method="natural", grand_final="reset",
                    lower_start=4)
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
        ("grand_final", 2, (Feed(10, "loser"), Feed(10, "winner")))]
    assert stage.matches[-1].conditional
    # a drop order still names the semifinal losers' order
    natural = de.plan(list(range(1, 9)), lower_start=4, drop_orders=["natural"])
    assert [m.slots[0] for m in natural.matches if (m.bracket, m.round) == ("losers", 2)] == [
        Feed(1, "loser"), Feed(2, "loser")]


def test_places_are_the_rounds_the_players_go_out_in():
    """Lower round 1 -> 7th-8th, round 2 -> 5th-6th, then 4th and 3rd, as Evo and the
    Tekken World Tour place a top 8; the lower side never plays in the upper bracket."""
    for seed in range(40):
        sim = Sim("double_elimination", list(range(1, 9)),
                  {"grand_final": "reset", "lower_start": 4})
        rng = random.Random(seed)
        while sim.ready():
            m = min(sim.ready(), key=lambda m: m.number)
            sim.report(m.number, rng.choice((1, 2)))
        played = [m for m in sim.matches.values() if m.active and m.status == "completed"]
        assert not {t for m in played if m.bracket == "winners" for t in m.teams} & {5, 6, 7, 8}
        rows = sim.standings()
        assert Counter((r.rank, r.last) for r in rows) == Counter(
            {(1, 1): 1, (2, 2): 1, (3, 3): 1, (4, 4): 1, (5, 6): 2, (7, 8): 2})
        # everyone out has lost twice, counting the lower side's loss before the bracket
        losses = Counter(m.teams[2 - m.winner] for m in played)
        assert all(losses[r.team_id] + (r.team_id >= 5) == 2 for r in rows if r.rank != 1)
        assert losses[sim.champion()] + (sim.champion() >= 5) <= 1, seed


def test_evos_top_6_starts_two_in_the_lower_bracket_each_with_a_bye():
    stage = de.plan(list(range(1, 7)), seeding_method="natural", lower_start=2)
    rows = [(m.bracket, m.round, m.slots) for m in stage.matches[:4]]
    assert rows == [("winners", 2, (1, 2)), ("winners", 2, (3, 4)),
                    ("losers", 1, (5, None)), ("losers", 1, (6, None))]
    sim = Sim("double_elimination", list(range(1, 7)), {"lower_start": 2},
              seeding_method="natural")
    # the two lower byes are decided at once: 5 and 6 wait for the semifinal losers
    assert sorted(tuple(m.teams) for m in sim.ready()) == [(1, 2), (3, 4)]
    while sim.ready():
        m = min(sim.ready(), key=lambda m: m.number)
        sim.report(m.number, 1)
    assert {r.team_id: (r.rank, r.last) for r in sim.standings()} == {
        1: (1, 1), 3: (2, 2), 4: (3, 3), 2: (4, 4), 5: (5, 6), 6: (5, 6)}
    # the standard seeding gives each a bye too
    standard = de.plan(list(range(1, 7)), lower_start=2)
    assert [m.slots for m in standard.matches if (m.bracket, m.round) == ("losers", 1)] == [
        (5, None), (6, None)]


@pytest.mark.parametrize(("count", "lower"), [(4, 1), (3, 2), (4, -1), (8, 5), (7, 6), (2, 1)])
def test_a_lower_start_that_does_not_fit_the_winners_sides_bracket_is_refused(count, lower):
    """At most as many as the winners side's bracket has places (4 and 4, 4 and 2, 3 and
    3), and more than fill it with the winners side (not 3 and 1: a 4-slot bracket)."""
    with pytest.raises(FormatError) as caught:
        de.plan(list(range(1, count + 1)), lower_start=lower, seeding_method="natural")
    assert (caught.value.code, caught.value.field) == ("invalid_settings",
                                                       "settings.lower_start")


def test_the_lower_start_setting():
    parse = registry.get("double_elimination").parse_settings
    assert parse({"lower_start": 4}).lower_start == 4
    assert parse({}).lower_start == 0
    for bad in ("4", True, -1, 2049, 1.5):
        with pytest.raises(FormatError) as caught:
            parse({"lower_start": bad})
        assert caught.value.field == "settings.lower_start", bad
    with pytest.raises(FormatError) as caught:
        parse({"lower_start": 2, "groups": 2})
    assert caught.value.field == "settings.lower_start"
