"""Double elimination: an upper bracket, a lower bracket and a grand final.

Layout for a bracket of ``size = 2**k`` slots (``bracket_size(len(teams))``):

* Upper bracket (``bracket="winners"``), rounds ``1..k``: round ``r`` has ``size / 2**r``
  matches; match ``i`` of round ``r`` sends its winner to match ``i // 2`` of round ``r + 1``,
  slot ``i % 2`` (exactly as in single elimination). Round-1 byes hold ``None``.
* Lower bracket (``bracket="losers"``), rounds ``1..2k-2``; rounds ``2j-1`` and ``2j`` have
  ``size / 2**(j+1)`` matches each.

  - Lower round 1: the losers of upper round 1, match ``i`` gets the losers of upper
    matches ``2i`` (slot 0) and ``2i+1`` (slot 1).
  - Even lower round ``2r-2`` ("drop round", ``r >= 2``): the losers of upper round ``r``
    (slot 0) meet the winners of lower round ``2r-3`` (slot 1). Lower match ``i`` gets the
    loser of the upper match at position ``i`` of ``drop_order(r, k)`` applied to the
    upper round's matches; the orders are the usual ones of brackets-manager.js
    (``natural``, ``reverse``, ``half_shift``, ``reverse_half_shift``, ``pair_flip``).
  - Odd lower round ``2r-3`` (``r >= 3``): the winners of lower matches ``2i`` and ``2i+1`` of
    the previous lower round meet.

  A lower slot fed by the loser of a bye receives nobody; the service treats a match with
  one team as a bye and one with none as empty, so nothing special is planned for byes.
* Grand final (``bracket="grand_final"``): round 1 is upper winner (slot 0) v lower winner
  (slot 1). With ``grand_final="reset"`` round 2 is a ``conditional`` match between the
  loser (slot 0) and the winner (slot 1) of round 1, played only if the lower-bracket
  finalist won round 1 (``progression.reset_wanted``): so its sides are round 1's, the
  upper-bracket finalist first (the sides never swap between the two). With ``"none"``
  the stage ends with the upper final's winner and the lower final's winner.

Match numbers follow the order of play: upper round 1, then for ``r = 2..k``: upper round
``r``, lower round ``2r-3``, lower round ``2r-2``; then the grand final (and its reset).
Within a round, matches go top to bottom. Every match is numbered after the matches that
feed it.

The drop orders (``drop_order``: the automatic ones and an organizer's ``drop_orders``) are
in ``double_elimination_drops.py``.

A fighting-game top 8 starts half its players in the lower bracket (``lower_start`` 4: the
8-slot plan without its upper round 1, the first four in upper round 2 and the last four in
lower round 1; Evo's top 6 starts two there, each with a bye:
tests/replays/evo_japan_2019_tekken7_top8.py, evo_2024_tekken8_top6.py); ``lower_entries``
lets more teams enter at the next lower rounds (``lower_entries.py``: the CWL 2018 opens).

This module draws the bracket; the format's entry (settings, round names, layout) is
``double_elimination.py`` and the places its results give are read in
``double_elimination_places.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache, partial
from typing import Literal

from . import dual
from .double_elimination_drops import DropOrder, drop_order, reorder
from .double_elimination_places import Shape, shape_of
from .lower_entries import lower_sides
from .seeding import SeedingMethod, place
from .types import Bracket, Feed, FormatError, MatchPlan, Slot, StagePlan, best_of_for, link_feeds

GrandFinal = Literal["single", "reset", "none"]


def plan(
    teams: list[int],
    *,
    seeding_method: SeedingMethod = "standard",
    best_of: int = 1,
    best_of_by_round: dict[str, int] | None = None,
    grand_final: GrandFinal = "single",
    final_best_of: int | None = None,
    groups: int = 1,
    drop_orders: Sequence[DropOrder] = (),
    lower_start: int = 0,
    lower_entries: Sequence[int] = (),
) -> StagePlan:
    """Every match of the stage; see the module docstring for the numbering and links.

    ``best_of_by_round`` is keyed by the round within each bracket: ``"2"`` is round 2 of
    both, ``"W2"`` of the upper bracket and ``"L2"`` of the lower one (VALORANT's Masters
    play a best-of-five lower final after a best-of-three upper final). The grand final
    (and its reset) use ``final_best_of`` when given, else ``best_of``.

    With ``groups`` > 1 the teams are drawn into groups by snake seeding (as round robin
    groups) and each group plays its own bracket (``dual.py``: GSL groups).
    ``drop_orders[i]`` orders the losers of upper round ``i + 2`` (``drop_order``).
    With ``lower_start`` the last ``lower_start`` of ``teams`` start in the lower bracket
    (``_bracket``); with ``lower_entries`` teams enter it at its first rounds, the last
    ``lower_entries[0]`` of ``teams`` at its first, the ``lower_entries[1]`` before them at
    its second ... (``lower_entries.py``).
    """
    one = partial(_bracket, seeding_method=seeding_method, best_of=best_of,
                  best_of_by_round=best_of_by_round, grand_final=grand_final,
                  final_best_of=final_best_of, drop_orders=tuple(drop_orders),
                  lower_start=lower_start, lower_entries=tuple(lower_entries))
    if groups == 1:
        return one(teams)
    return dual.grouped(teams, groups, one, minimum=3 if grand_final == "none" else 2)


def _bracket(
    teams: list[int],
    *,
    seeding_method: SeedingMethod,
    best_of: int,
    best_of_by_round: dict[str, int] | None,
    grand_final: GrandFinal,
    final_best_of: int | None,
    drop_orders: tuple[DropOrder, ...] = (),
    lower_start: int = 0,
    lower_entries: tuple[int, ...] = (),
) -> StagePlan:
    """One bracket (the whole stage, or one group of it).

    With ``lower_start`` the bracket is the later part of a larger one, as a fighting-game
    top 8 (the first teams on the winners side, the last ``lower_start`` already beaten
    once: group runners-up, or players out of a larger bracket's winners side): the plan of
    twice the winners side's bracket without its upper round 1, the winners side placed
    into upper round 2 and the others into lower round 1 (each by ``seeding_method``; with
    fewer of them than lower round 1 has places, the first get byes, as Evo's top 6 of four
    and two). Rounds keep their numbers in that larger plan. ``lower_entries`` ([4] is
    ``lower_start`` 4) lets more teams enter at the lower rounds after the first, before
    the winners side's first losers drop in (``lower_entries.py``: the CWL 2018 opens).
    """
    if grand_final not in ("single", "reset", "none"):
        raise FormatError("invalid_settings", f"Unknown grand final {grand_final!r}.",
                          "settings.grand_final")
    entries = lower_entries or ((lower_start,) if lower_start else ())
    matches: list[MatchPlan] = []

    def add(round_number: int, bracket: Bracket,
            slots: tuple[Slot, Slot]) -> int:
        matches.append(MatchPlan(
            number=len(matches) + 1, round=round_number, bracket=bracket, slots=slots,
            best_of=best_of_for(round_number, best_of, best_of_by_round,
                                "L" if bracket == Bracket.LOSERS else "W"),
        ))
        return len(matches)

    lower: list[int] = []
    if entries:
        sides = lower_sides(teams, entries, seeding_method,
                            "lower_entries" if lower_entries else "lower_start")
        top, start = sides.top, sides.first_upper
        rounds = sides.upper_rounds
        upper = [add(start, Bracket.WINNERS, (top[i], top[i + 1]))
                 for i in range(0, len(top), 2)]
        first = sides.entrants[0]
        lower = [add(sides.first_lower, Bracket.LOSERS, (first[i], first[i + 1]))
                 for i in range(0, len(first), 2)]
        for step, placed in enumerate(sides.entrants[1:], start=1):
            # the entrants take the slot a drop takes: they meet the lower side's winners
            lower = [add(sides.first_lower + step, Bracket.LOSERS,
                         (placed[i], Feed(lower[i], "winner"))) for i in range(len(lower))]
        drops = reorder(upper, drop_order(start, rounds, drop_orders, start))
        lower = [add(2 * start - 2, Bracket.LOSERS,
                     (Feed(drops[i], "loser"), Feed(lower[i], "winner")))
                 for i in range(len(lower))]
    else:
        first_round = place(teams, seeding_method)
        size = len(first_round)
        rounds = size.bit_length() - 1
        start = 1
        if rounds == 1 and grand_final == "none":
            raise FormatError("too_few_teams", "A double elimination without a grand final "
                              "needs at least 3 teams.", "seeding")
        upper = [add(1, Bracket.WINNERS, (first_round[i], first_round[i + 1]))
                 for i in range(0, size, 2)]
    for r in range(start + 1, rounds + 1):
        previous = upper
        upper = [add(r, Bracket.WINNERS, (Feed(previous[i], "winner"),
                                          Feed(previous[i + 1], "winner")))
                 for i in range(0, len(previous), 2)]
        major = [add(1, Bracket.LOSERS, (Feed(previous[i], "loser"),
                                         Feed(previous[i + 1], "loser")))
                 for i in range(0, len(previous), 2)] if r == 2 else [
            add(2 * r - 3, Bracket.LOSERS, (Feed(lower[i], "winner"),
                                            Feed(lower[i + 1], "winner")))
            for i in range(0, len(lower), 2)]
        drops = reorder(upper, drop_order(r, rounds, drop_orders, max(start, 2)))
        lower = [add(2 * r - 2, Bracket.LOSERS, (Feed(drops[i], "loser"), Feed(major[i], "winner")))
                 for i in range(len(major))]

    if grand_final != "none":
        lower_champion = Feed(lower[0], "winner") if lower else Feed(upper[0], "loser")
        final_bo = final_best_of if final_best_of is not None else best_of
        gf1 = len(matches) + 1
        matches.append(MatchPlan(gf1, 1, Bracket.GRAND_FINAL,
                                 (Feed(upper[0], "winner"), lower_champion), best_of=final_bo))
        if grand_final == "reset":
            matches.append(MatchPlan(gf1 + 1, 2, Bracket.GRAND_FINAL,
                                     # GF1's sides kept: upper finalist first (the
                                     # loser of GF1 whenever the reset is played)
                                     (Feed(gf1, "loser"), Feed(gf1, "winner")),
                                     best_of=final_bo, conditional=True))
    link_feeds(matches)
    return StagePlan(matches)


@lru_cache(maxsize=16)
def shape(count: int, seeding_method: SeedingMethod, grand_final: GrandFinal,
          entries: tuple[int, ...] = ()) -> Shape:
    """The shape of every ``count``-team plan with these settings (whatever the drop
    orders: they move which lower match a loser enters, never a match's number or round,
    and every upper round after the first has two teams in each match)."""
    return shape_of(plan(list(range(1, count + 1)), seeding_method=seeding_method,
                         grand_final=grand_final, lower_entries=entries))


@lru_cache(maxsize=16)
def group_numbers(count: int, groups: int, seeding_method: SeedingMethod,
                  grand_final: GrandFinal, entries: tuple[int, ...] = ()
                  ) -> tuple[dict[int, int], ...]:
    """For each group of a ``count``-team stage: stage match number -> the number in the
    group's own bracket (``dual.numbers``), the same for every seeding of that count."""
    plans = [plan(list(range(1, n + 1)), seeding_method=seeding_method,
                  grand_final=grand_final, lower_entries=entries)
             for n in dual.sizes(count, groups)]
    return tuple(dual.numbers(plans))
