"""Which matches a changed result resets."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tournament.formats import double_elimination as de
from tournament.formats import single_elimination as se
from tournament.formats.corrections import Links, Played, dependents
from tournament.formats.progression import SlotPair, bye_winner, outcome_teams, slots_status
from tournament.formats.types import MatchPlan, StagePlan


def partial_state(stage: StagePlan, completed_count: int, rng: random.Random
                  ) -> dict[int, Played]:
    """Play the first matches (in order) whose teams are known; report what each got."""
    slots = {m.number: SlotPair.from_plan(m.slots) for m in stage.matches}
    fed = {m.number: [False, False] for m in stage.matches}
    done: set[int] = set()
    for m in sorted(stage.matches, key=lambda m: m.number):
        if len(done) >= completed_count:
            break
        pair = slots[m.number]
        status = slots_status(pair.teams, pair.filled)
        if status == "pending":
            continue
        side = rng.choice((1, 2)) if status == "ready" else bye_winner(pair.teams)
        win, lose = outcome_teams(pair.teams, side)
        done.add(m.number)
        for target, team in ((m.winner_to, win), (m.loser_to, lose)):
            if target is not None:
                slots[target[0]].teams[target[1]] = team
                slots[target[0]].filled[target[1]] = True
                fed[target[0]][target[1]] = True
    return {n: Played((f[0], f[1]), n in done) for n, f in fed.items()}


def closure(number: int, stage: StagePlan, played: dict[int, Played]) -> list[int]:
    """The same answer, computed naively to a fixed point over the whole stage."""
    by = stage.by_number()
    reset: set[int] = set()
    changed = True
    while changed:
        changed = False
        for m in stage.matches:
            if m.number != number and not (m.number in reset and played[m.number].completed):
                continue
            for target in (m.winner_to, m.loser_to):
                if (target and played[target[0]].filled[target[1]]
                        and target[0] not in reset and target[0] != number):
                    reset.add(target[0])
                    changed = True
    assert all(n in by for n in reset)
    return sorted(reset)


def test_single_elimination_example():
    stage = se.plan(list(range(1, 9)))  # QF 1-4, SF 5-6, F 7
    links = stage.by_number()
    played = {
        1: Played(completed=True), 2: Played(completed=True),
        3: Played(completed=True), 4: Played(completed=True),
        5: Played((True, True), completed=True), 6: Played((True, True), completed=False),
        7: Played((True, False)),
    }
    assert dependents(1, links, played) == [5, 7]
    assert dependents(3, links, played) == [6]  # 6 has no result: the reset stops there
    assert dependents(7, links, played) == []


def test_grand_final_change_resets_the_reset_match():
    stage = de.plan(list(range(1, 5)), grand_final="reset")
    gf1, gf2 = [m.number for m in stage.matches if m.bracket == "grand_final"]
    played = {m.number: Played((True, True), True) for m in stage.matches}
    played[gf2] = Played((True, True), False)
    assert dependents(gf1, stage.by_number(), played) == [gf2]


def test_plain_links_and_untouched_matches():
    links = {1: Links(winner_to=(3, 0), loser_to=(4, 0)), 2: Links(winner_to=(3, 1)),
             3: Links(winner_to=(5, 0)), 4: Links(winner_to=(5, 1))}
    played = {3: Played((True, False), completed=True), 4: Played((False, False)),
              5: Played((True, False))}
    assert dependents(1, links, played) == [3, 5]


class CountingLinks(dict[int, MatchPlan]):
    lookups = 0

    def get(self, key, default=None):
        CountingLinks.lookups += 1
        return super().get(key, default)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=2, max_value=40), fmt=st.sampled_from(["se", "de"]),
       data=st.data())
def test_matches_the_naive_closure_and_touches_only_what_it_returns(n, fmt, data):
    stage = (se.plan(list(range(n)), third_place_match=True) if fmt == "se"
             else de.plan(list(range(n)), grand_final="reset"))
    count = data.draw(st.integers(min_value=1, max_value=len(stage.matches)))
    rng = random.Random(data.draw(st.integers(0, 2**32 - 1)))
    played = partial_state(stage, count, rng)
    completed = [k for k, p in played.items() if p.completed]
    number = data.draw(st.sampled_from(completed))
    links = CountingLinks(stage.by_number())
    CountingLinks.lookups = 0
    found = dependents(number, links, played)
    assert found == closure(number, stage, played)
    assert CountingLinks.lookups <= 1 + len(found)
