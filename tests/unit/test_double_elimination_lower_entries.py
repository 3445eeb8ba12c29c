"""Double elimination with teams entering the lower bracket at its first rounds
(``lower_entries``): the Call of Duty World League's 2018 opens, 24 teams, eight on the
winners side, eight starting in lower round 1 and four entering at each of lower rounds 2
and 3 (tests/replays/cwl_dallas_2018.py, cwl_seattle_2018.py). The plan, slot by slot,
and the places through the production state machine in memory."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from tests.replays import cwl_anaheim_2018 as anaheim
from tests.replays import cwl_atlanta_2018 as atlanta
from tests.replays import cwl_dallas_2018 as dallas
from tests.replays import cwl_new_orleans_2018 as new_orleans
from tests.replays import cwl_seattle_2018 as seattle
from tournament.formats import double_elimination as de
from tournament.formats import registry
from tournament.formats.types import Feed, FormatError

from ..sim import Sim

CWL = dict(seeding_method="natural", grand_final="reset", lower_entries=[8, 4, 4])


def _rounds(stage: de.StagePlan, bracket: str, number: int) -> list[tuple[object, object]]:
    return [m.slots for m in stage.matches if (m.bracket, m.round) == (bracket, number)]


def test_each_entrant_fills_its_slot_and_every_drop_lands_where_the_cwl_had_it():
    seeds = list(range(1, 25))
    stage = de.plan(seeds, **CWL, drop_orders=["reverse", "natural"])  # type: ignore[arg-type]
    by_round = {(b, r): _rounds(stage, b, r) for b, r in {
        (m.bracket, m.round) for m in stage.matches}}
    # the winners side (seeds 1-8) in upper round 3, the 32-slot bracket's numbers
    assert by_round[("winners", 3)] == [(1, 2), (3, 4), (5, 6), (7, 8)]
    assert ("winners", 1) not in by_round and ("winners", 2) not in by_round
    # the last eight pair off in lower round 1; seeds 13-16 enter at lower round 2 and
    # 9-12 at round 3, each in slot 0 against the winner of the same match before
    assert by_round[("losers", 1)] == [(17, 18), (19, 20), (21, 22), (23, 24)]
    firsts = [m.number for m in stage.matches if (m.bracket, m.round) == ("losers", 1)]
    seconds = [m.number for m in stage.matches if (m.bracket, m.round) == ("losers", 2)]
    thirds = [m.number for m in stage.matches if (m.bracket, m.round) == ("losers", 3)]
    assert by_round[("losers", 2)] == [(13 + i, Feed(firsts[i], "winner")) for i in range(4)]
    assert by_round[("losers", 3)] == [(9 + i, Feed(seconds[i], "winner")) for i in range(4)]
    # the winners round-1 losers drop into lower round 4 reversed (the last quarterfinal's
    # loser meets the first lower winner), the semifinal losers into round 6 straight
    quarters = [m.number for m in stage.matches if (m.bracket, m.round) == ("winners", 3)]
    semis = [m.number for m in stage.matches if (m.bracket, m.round) == ("winners", 4)]
    assert by_round[("losers", 4)] == [(Feed(quarters[3 - i], "loser"), Feed(thirds[i], "winner"))
                                       for i in range(4)]
    fifths = [m.number for m in stage.matches if (m.bracket, m.round) == ("losers", 5)]
    assert by_round[("losers", 6)] == [(Feed(semis[i], "loser"), Feed(fifths[i], "winner"))
                                       for i in range(2)]
    final = next(m.number for m in stage.matches if (m.bracket, m.round) == ("winners", 5))
    assert by_round[("losers", 8)][0][0] == Feed(final, "loser")
    # no byes: every slot a team or a feed; the lower rounds are CWL's 1..8
    assert all(s is not None for m in stage.matches for s in m.slots)
    assert sorted({m.round for m in stage.matches if m.bracket == "losers"}) == list(range(1, 9))
    assert [len(by_round[("losers", r)]) for r in range(1, 9)] == [4, 4, 4, 4, 2, 2, 1, 1]


def test_one_entry_round_is_lower_start_and_an_even_count_starts_at_lower_round_2():
    for seeds, n in ((list(range(1, 9)), 4), (list(range(1, 7)), 2)):
        plain = de.plan(seeds, lower_start=n, grand_final="reset")
        assert de.plan(seeds, lower_entries=[n], grand_final="reset") == plain
    two = de.plan(list(range(1, 19)), lower_entries=[8, 2], seeding_method="natural")
    assert [(m.bracket, m.round, m.slots) for m in two.matches[:8]] == [
        ("winners", 3, (1, 2)), ("winners", 3, (3, 4)), ("winners", 3, (5, 6)),
        ("winners", 3, (7, 8)), ("losers", 2, (11, 12)), ("losers", 2, (13, 14)),
        ("losers", 2, (15, 16)), ("losers", 2, (17, 18))]
    assert [m.slots[0] for m in two.matches if (m.bracket, m.round) == ("losers", 3)] == [
        9, 10, None, None]  # fewer entrants than matches: the others' winners wait


@pytest.mark.parametrize("entries,round_,high", [([8, 5, 4], 2, 4), ([9, 4, 4], 1, 8)])
def test_an_entry_round_that_does_not_fit_is_refused_with_its_round(entries, round_, high):
    with pytest.raises(FormatError) as caught:
        de.plan(list(range(1, 8 + sum(entries) + 1)), lower_entries=entries)
    error = caught.value
    assert (error.code, error.field) == ("invalid_settings", "settings.lower_entries")
    assert (error.params["entry_round"], error.params["high"]) == (round_, high)


def test_the_rounds_are_named_from_the_end_of_the_cwl_bracket():
    fmt = registry.get("double_elimination")
    settings = {"lower_entries": [8, 4, 4]}
    names = {(b, r): fmt.round_name(b, r, 24, settings, None)[0]
             for b, r in [("winners", 3), ("winners", 5), ("losers", 1), ("losers", 8),
                          ("losers", 7)]}
    assert names == {("winners", 3): "Upper quarterfinal", ("winners", 5): "Upper final",
                     ("losers", 1): "Lower round %d", ("losers", 8): "Lower final",
                     ("losers", 7): "Lower semifinal"}
    # a smaller field over the same winners side: named by its plan, not its size (12
    # teams would be a 16-slot bracket whose final is upper round 4)
    few = {"lower_entries": [2, 1, 1]}
    assert [fmt.round_name("winners", r, 12, few, None)[0] for r in (3, 4, 5)] == [
        "Upper quarterfinal", "Upper semifinal", "Upper final"]
    assert fmt.round_name("losers", 8, 12, few, None)[0] == "Lower final"


def test_places_are_the_rounds_the_teams_go_out_in_and_the_lower_side_stays_there():
    for seed in range(15):
        sim = Sim("double_elimination", list(range(1, 25)), {
            "grand_final": "reset", "lower_entries": [8, 4, 4], "best_of": 1})
        rng = random.Random(seed)
        while sim.ready():
            m = min(sim.ready(), key=lambda m: m.number)
            sim.report(m.number, rng.choice((1, 2)))
        played = [m for m in sim.matches.values() if m.active and m.status == "completed"]
        assert not {t for m in played if m.bracket == "winners" for t in m.teams} & set(
            range(9, 25))
        rows = sim.standings()
        assert Counter((r.rank, r.last) for r in rows) == Counter(
            {(1, 1): 1, (2, 2): 1, (3, 3): 1, (4, 4): 1, (5, 6): 2, (7, 8): 2, (9, 12): 4,
             (13, 16): 4, (17, 20): 4, (21, 24): 4})
        # the eight lower round-1 teams are out by 21st-24th at worst; an entrant of round 3
        # who loses at once is 13th-16th
        first_round_losers = {m.teams[2 - m.winner] for m in played
                              if (m.bracket, m.round) == ("losers", 1)}
        assert first_round_losers <= set(range(17, 25))
        assert {r.team_id for r in rows if r.rank == 21} == first_round_losers


OPENS = pytest.mark.parametrize(
    "source", [dallas, new_orleans, atlanta, seattle, anaheim],
    ids=["dallas", "new-orleans", "atlanta", "seattle", "anaheim"])


@OPENS
def test_the_replay_module_draws_the_seeding_the_entries_take(source):
    assert len(source.DRAW) == len(set(source.DRAW)) == 24
    assert sum(source.LOWER_ENTRIES) == 16 and source.DRAW[16:] == source.LOWER_ROUND_1


@OPENS
def test_an_open_plays_out_in_memory_as_published(source):
    """Every series in its round, every lower round's pairs slot by slot, the grand final
    (Seattle's reset too) and every place, through the state machine alone."""
    ids = {team: i for i, team in enumerate(source.DRAW, start=1)}
    name = {i: team for team, i in ids.items()}
    sim = Sim("double_elimination", list(ids.values()), {
        "grand_final": "reset", "best_of": 5, "lower_entries": source.LOWER_ENTRIES,
        "drop_orders": source.DROP_ORDERS}, seeding_method="natural")
    for bracket, round_number, winner, loser, won, lost in source.SERIES:
        m = next(m for m in sim.ready() if {m.team1_id, m.team2_id} == {ids[winner], ids[loser]})
        assert (m.bracket, m.round) == (bracket, round_number), (winner, loser)
        sim.report(m.number, 1 if m.team1_id == ids[winner] else 2, (won, lost))
    assert sim.status == "completed"
    active = sorted((m for m in sim.matches.values() if m.active), key=lambda m: m.number)
    assert [(m.bracket, m.round) for m in active if m.bracket == "grand_final"] == [
        (b, r) for b, r, *_ in source.SERIES if b == "grand_final"]
    for round_number, pairs in source.LOWER_PAIRINGS.items():
        assert [(name[m.team1_id], name[m.team2_id]) for m in active
                if (m.bracket, m.round) == ("losers", round_number)] == pairs, round_number
    assert {name[r.team_id]: (r.rank, r.last) for r in sim.standings()} == {
        t: source.SHARED.get(t, (p, p)) for t, p in source.PLACES.items()}


@OPENS
def test_the_automatic_drop_orders_pair_an_opens_lower_round_4_otherwise(source):
    """With the service's own drop orders the same results before lower round 4 meet
    other pairs there (``DEFAULT_LOWER``), none of them as played."""
    ids = {team: i for i, team in enumerate(source.DRAW, start=1)}
    name = {i: team for team, i in ids.items()}
    sim = Sim("double_elimination", list(ids.values()), {
        "best_of": 5, "lower_entries": source.LOWER_ENTRIES}, seeding_method="natural")
    lower_round, pairs = source.DEFAULT_LOWER
    for bracket, round_number, winner, loser, won, lost in source.SERIES:
        if (bracket, round_number) == ("winners", 3) or (
                bracket == "losers" and round_number < lower_round):
            m = next(m for m in sim.ready()
                     if {m.team1_id, m.team2_id} == {ids[winner], ids[loser]})
            sim.report(m.number, 1 if m.team1_id == ids[winner] else 2, (won, lost))
    got = [(name[m.team1_id], name[m.team2_id]) for m in sorted(
        sim.matches.values(), key=lambda m: m.number) if (m.bracket, m.round) == (
        "losers", lower_round)]
    assert got == pairs
    assert not set(pairs) & set(source.LOWER_PAIRINGS[lower_round])
