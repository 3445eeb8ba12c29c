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
  winner and the loser of round 1, played only if the lower-bracket finalist won round 1
  (``progression.reset_wanted``). With ``"none"``
  the stage ends with the upper final's winner and the lower final's winner.

Match numbers follow the order of play: upper round 1, then for ``r = 2..k``: upper round
``r``, lower round ``2r-3``, lower round ``2r-2``; then the grand final (and its reset).
Within a round, matches go top to bottom. Every match is numbered after the matches that
feed it.

Drop orders: the upper semifinal losers always cross over (the winner of the first lower
match of that round meets the loser of the second semifinal: ``reverse``). Earlier drop
rounds use ``half_shift``, ``reverse``, ``reverse_half_shift`` and then ``pair_flip``. This
sequence was chosen by an exhaustive search over the five orderings (sizes 8-128) for the
latest lower round in which any rematch of an upper-bracket match is possible; it pushes
possible rematches later than brackets-manager.js's defaults for 16, 64 and 128 teams.
An organizer who follows another bracket sets ``drop_orders``: one ordering per upper
round from round 2; rounds it does not name keep the automatic order. The CWL Championship's
16-team brackets dropped their quarterfinal losers ``half_shift`` (2018) and ``reverse``
(2019) and did not cross their semifinal losers over (``natural``, both years:
tests/replays/cwl_champs_2018.py, cwl_champs_2019.py).

A fighting-game top 8 starts half its players in the lower bracket (``lower_start`` 4: the
8-slot plan without its upper round 1, the first four in upper round 2 and the last four in
lower round 1; Evo's top 6 starts two there, each with a bye:
tests/replays/evo_japan_2019_tekken7_top8.py, evo_2024_tekken8_top6.py).

This module draws the bracket (and holds the format's entry); the places its results give
are read in ``double_elimination_places.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache, partial
from typing import Any, ClassVar, Literal, TypeVar

from . import dual, layout
from .double_elimination_places import Shape, group_results, shape_of, table
from .double_elimination_places import final_ranks as final_ranks  # the places, read here too
from .double_elimination_places import placement_ranges as placement_ranges
from .format import Knockout, Label, Settings, choice, count, fail, knockout_rows
from .limits import MAX_BEST_OF
from .lower_entries import lower_sides, upper_rounds
from .results import MatchResult, Row
from .seeding import SeedingMethod, place, snake_groups
from .types import (
    Bracket,
    Feed,
    FormatError,
    MatchPlan,
    Slot,
    StageFormat,
    StagePlan,
    best_of_for,
    link_feeds,
)
from .withdrawal import NO_TIMES

T = TypeVar("T")
GrandFinal = Literal["single", "reset", "none"]
DropOrder = Literal["natural", "reverse", "half_shift", "reverse_half_shift", "pair_flip"]
DROP_ORDERS: tuple[DropOrder, ...] = ("natural", "reverse", "half_shift", "reverse_half_shift",
                                      "pair_flip")
MAX_LOWER_START = 2048  # more than any bracket the limits allow
MAX_LOWER_ENTRIES = 8  # lower rounds teams enter at before the winners side's first drop
MAX_DROP_ORDERS = 12  # upper rounds 2..13: more than any bracket the limits allow

_EARLY_DROPS: tuple[DropOrder, ...] = ("half_shift", "reverse", "reverse_half_shift")

# each bracket's last three rounds by name, from its final back (start.gg's "Losers Semi-Final"
# is the round before the Losers Final); earlier rounds keep their numbers
UPPER_NAMES = ("Upper final", "Upper semifinal", "Upper quarterfinal")
LOWER_NAMES = ("Lower final", "Lower semifinal", "Lower quarterfinal")


def reorder(items: list[T], method: DropOrder) -> list[T]:
    """One of brackets-manager.js's seed orderings (on an even-length list, or length 1)."""
    half = len(items) // 2
    if method == "natural" or len(items) < 2:
        return list(items)
    if method == "reverse":
        return items[::-1]
    if method == "half_shift":
        return items[half:] + items[:half]
    if method == "reverse_half_shift":
        return items[:half][::-1] + items[half:][::-1]
    if method == "pair_flip":
        result: list[T] = []
        for i in range(0, len(items) - 1, 2):
            result += [items[i + 1], items[i]]
        return result
    raise ValueError(f"unknown ordering {method!r}")


def drop_order(upper_round: int, upper_rounds: int,
               chosen: Sequence[DropOrder] = (), first: int = 2) -> DropOrder:
    """The order in which the losers of ``upper_round`` enter the lower bracket:
    ``chosen[upper_round - first]`` when the organizer named one, else the automatic order.
    ``first`` is the first upper round whose losers drop into a lower round (2; a stage
    whose winners side starts later, its first round: ``lower_entries.py``)."""
    if upper_round < first or upper_round >= upper_rounds:
        return "natural"  # round 1 pairs among themselves; the final has one loser
    if upper_round - first < len(chosen):
        return chosen[upper_round - first]
    if upper_round == upper_rounds - 1:
        return "reverse"  # the semifinal losers cross over
    index = upper_round - first
    return _EARLY_DROPS[index] if index < len(_EARLY_DROPS) else "pair_flip"


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
                                     (Feed(gf1, "winner"), Feed(gf1, "loser")),
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


@dataclass(frozen=True, kw_only=True)
class DoubleEliminationSettings(Settings):
    bracket_rounds: ClassVar[bool] = True  # best_of_by_round takes "W2" and "L2" too
    grand_final: GrandFinal = "single"
    final_best_of: int | None = None
    groups: int = 1  # independent brackets, teams drawn by snake seeding (GSL groups)
    # the order the losers of upper round 2, 3 ... drop in (``drop_order``); empty: automatic
    drop_orders: list[DropOrder] = field(default_factory=list)
    # the last teams of the seeding that start in the lower bracket (a fighting-game top 8)
    lower_start: int = 0
    # how many teams enter the lower bracket at its first rounds, before the winners side's
    # first losers drop in (``lower_entries.py``; the CWL 2018 opens: [8, 4, 4]); [4] is
    # ``lower_start`` 4
    lower_entries: list[int] = field(default_factory=list)

    def entries(self) -> tuple[int, ...]:
        """The teams entering at each of the lower bracket's first rounds, however named."""
        return tuple(self.lower_entries) or ((self.lower_start,) if self.lower_start else ())

    def check(self) -> None:
        super().check()
        choice(self.grand_final, "grand_final", ("single", "reset", "none"))
        count(self.final_best_of, "final_best_of", 1, MAX_BEST_OF, optional=True)
        count(self.groups, "groups", 1, 64)
        if not isinstance(self.drop_orders, list) or len(self.drop_orders) > MAX_DROP_ORDERS:
            raise fail("drop_orders", f"drop_orders is a list of at most {MAX_DROP_ORDERS} "
                       "orderings, one per upper round from round 2.", high=MAX_DROP_ORDERS,
                       choices=list(DROP_ORDERS))
        for method in self.drop_orders:
            choice(method, "drop_orders", DROP_ORDERS)
        count(self.lower_start, "lower_start", 0, MAX_LOWER_START)
        if self.lower_start and self.groups > 1:
            raise fail("lower_start", "Teams start in the lower bracket only in a stage "
                       "without groups.")
        if not isinstance(self.lower_entries, list) or not \
                len(self.lower_entries) <= MAX_LOWER_ENTRIES:
            raise fail("lower_entries", "lower_entries is a list of at most "
                       f"{MAX_LOWER_ENTRIES} numbers: the teams entering at lower round 1, "
                       "2 ...", high=MAX_LOWER_ENTRIES)
        for entering in self.lower_entries:
            count(entering, "lower_entries", 1, MAX_LOWER_START)
        if self.lower_entries and (self.lower_start or self.groups > 1):
            raise fail("lower_entries", "Teams enter the lower bracket by lower_entries or "
                       "by lower_start, not both, and only in a stage without groups.")


class DoubleElimination(Knockout[DoubleEliminationSettings]):
    name = StageFormat.DOUBLE_ELIMINATION
    label = "Double elimination"
    settings_type = DoubleEliminationSettings
    not_taken: ClassVar[Mapping[str, str]] = {
        "third_place_match": "A double elimination has no third-place match: the loser of "
                             "the lower final (a GSL group's decider) is 3rd.",
        "tiebreakers": "A double elimination ranks its teams by the bracket (a GSL group "
                       "places all four); teams out in the same round share a place, which "
                       "a tiebreaker match or the organizer's recorded order splits.",
    }

    def groups(self, settings: DoubleEliminationSettings) -> int:
        return settings.groups

    def group_numbers(self, settings: DoubleEliminationSettings) -> int:
        return settings.groups if settings.groups > 1 else 0  # one bracket has no group

    def brackets(self, settings: DoubleEliminationSettings
                 ) -> Mapping[str | None, int | None]:
        out: dict[str | None, int | None] = {Bracket.WINNERS: None, Bracket.LOSERS: None}
        if settings.grand_final != "none":  # a reset is the grand final's round 2
            out[Bracket.GRAND_FINAL] = 2 if settings.grand_final == "reset" else 1
        return out

    def _plan(self, teams: list[int], settings: DoubleEliminationSettings,
              seeding_method: SeedingMethod) -> StagePlan:
        return plan(teams, seeding_method=seeding_method, best_of=settings.best_of,
                    best_of_by_round=settings.best_of_by_round,
                    grand_final=settings.grand_final, final_best_of=settings.final_best_of,
                    groups=settings.groups, drop_orders=settings.drop_orders,
                    lower_start=settings.lower_start, lower_entries=settings.lower_entries)

    def standings(self, seeding: list[int], results: list[MatchResult],
                  settings: DoubleEliminationSettings, *,
                  resolutions: Sequence[Sequence[int]], withdrawn: frozenset[int],
                  complete: bool, seeding_method: SeedingMethod = "standard",
                  withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> list[Row]:
        """The bracket's rows; with groups, each group's rows (they carry ``group``),
        groups in order, as round robin groups."""
        if settings.groups > 1 and len(seeding) >= 2 * settings.groups:
            return self._group_standings(seeding, results, settings, resolutions,
                                         seeding_method)
        if len(seeding) < 2:
            return knockout_rows(seeding, table(seeding, results, StagePlan()), results,
                                 resolutions)
        found = partial(shape, len(seeding), seeding_method, settings.grand_final,
                        settings.entries())
        return knockout_rows(seeding, table(seeding, results, found), results, resolutions)

    def _group_standings(self, seeding: list[int], results: list[MatchResult],
                         settings: DoubleEliminationSettings,
                         resolutions: Sequence[Sequence[int]],
                         seeding_method: SeedingMethod) -> list[Row]:
        numbers = group_numbers(len(seeding), settings.groups, seeding_method,
                                settings.grand_final, settings.entries())
        out: list[Row] = []
        for group, members in enumerate(snake_groups(seeding, settings.groups), start=1):
            mine = group_results(results, group, numbers[group - 1])
            found = partial(shape, len(members), seeding_method, settings.grand_final,
                            settings.entries())
            rows = knockout_rows(members, table(members, mine, found), mine, resolutions)
            for row in rows:
                row.group = group
            out += rows
        return out

    def round_label(self, bracket: str | None, round_number: int, team_count: int,
                    entries: Sequence[int] = ()) -> Label:
        """Named from the end of each bracket, as start.gg, Challonge and casters name them
        (``UPPER_NAMES``, ``LOWER_NAMES``); the grand final and its reset by name. With
        teams entering the lower bracket (``entries``) the upper final's number is that of
        the plan they make (``lower_entries.upper_rounds``)."""
        upper = upper_rounds(team_count, entries)
        if bracket == Bracket.WINNERS:
            return layout.named_from_end(UPPER_NAMES, upper - round_number, "Upper round %d",
                                         round_number)
        if bracket == Bracket.LOSERS:
            return layout.named_from_end(LOWER_NAMES, 2 * upper - 2 - round_number,
                                         "Lower round %d", round_number)
        if bracket == Bracket.GRAND_FINAL:
            return ("Grand final", None) if round_number == 1 else ("Bracket reset", None)
        return layout.named_round(bracket, round_number)

    def field_of(self, team_count: int, settings: Mapping[str, Any], group: int | None) -> int:
        return dual.group_size(team_count, int(settings.get("groups") or 1), group)

    def round_name(self, bracket: str | None, round_number: int, team_count: int,
                   settings: Mapping[str, Any], group: int | None) -> Label:
        """A GSL group's rounds by their GSL names (``dual.GSL_ROUNDS``), any other
        bracket's by ``round_label`` for its size."""
        field = self.field_of(team_count, settings, group)
        named = dual.gsl_round(bracket, round_number) if dual.is_gsl(field, settings) else None
        entries = settings.get("lower_entries") or []
        return named or self.round_label(bracket, round_number, field,
                                         entries if isinstance(entries, list) else [])

    def match_label(self, match: Mapping[str, Any], team_count: int,
                    settings: Mapping[str, Any]) -> tuple[str, Any]:
        """A GSL group's opening match by its own name (``dual.opener``: Opening match 1
        or 2, by its number in the group's bracket); any other match by its round."""
        group, groups = match.get("group"), int(settings.get("groups") or 1)
        if dual.is_gsl(self.field_of(team_count, settings, group), settings):
            numbers = group_numbers(team_count, groups, "standard", "none")[int(group) - 1] \
                if groups > 1 and group is not None else {}
            named = dual.opener(match, numbers)
            if named:
                return named
        return super().match_label(match, team_count, settings)

    def layout(self, stage: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The brackets, or each group's; a GSL group's as ``dual.gsl_sections`` draws them
        (no bracket headings, the opening matches by their own names)."""
        count_, settings = stage["team_count"], stage.get("settings") or {}

        def gsl(group: int | None) -> bool:
            return dual.is_gsl(self.field_of(count_, settings, group), settings)

        shown = dual.name_openers(stage, gsl, partial(self.match_label, team_count=count_,
                                                      settings=settings))
        if int(settings.get("groups") or 1) == 1:
            return dual.gsl_sections(layout.brackets(shown["matches"], lambda b, r, _: (
                self.round_name(b, r, count_, settings, None)), layout.SECTIONS["winners"]),
                gsl(None))
        return [{**g, "brackets": dual.gsl_sections(g["brackets"], gsl(g["group"]))}
                for g in layout.bracket_groups(shown, lambda g: lambda b, r, _: (
                    self.round_name(b, r, count_, settings, g)), layout.SECTIONS["winners"])]
