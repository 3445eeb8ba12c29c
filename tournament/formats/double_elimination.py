"""Double elimination, the format's entry: its settings, their checks, its standings, the
names of its rounds and its layout.

The bracket is drawn in ``double_elimination_plan.py`` (the numbering and links of every
match), the order upper losers drop in is chosen in ``double_elimination_drops.py``, the
teams that start in the lower bracket are placed in ``lower_entries.py``, and the places
the results give are read in ``double_elimination_places.py``; the names other modules
and the tests read (``plan``, ``drop_order``, ``final_ranks`` ...) are re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, ClassVar

from . import dual, layout
from .double_elimination_drops import DROP_ORDERS as DROP_ORDERS
from .double_elimination_drops import MAX_DROP_ORDERS, DropOrder
from .double_elimination_drops import drop_order as drop_order
from .double_elimination_drops import reorder as reorder
from .double_elimination_places import final_ranks as final_ranks  # the places, read here too
from .double_elimination_places import group_results, table
from .double_elimination_places import placement_ranges as placement_ranges
from .double_elimination_places import shape_of as shape_of
from .double_elimination_plan import GrandFinal, group_numbers, shape
from .double_elimination_plan import plan as plan
from .format import Knockout, Label, Settings, choice, count, fail
from .knockout_order import knockout_rows
from .limits import MAX_BEST_OF
from .lower_entries import upper_rounds
from .results import MatchResult, Row
from .seeding import SeedingMethod, snake_groups
from .types import Bracket, StageFormat, StagePlan
from .withdrawal import NO_TIMES

MAX_LOWER_START = 2048  # more than any bracket the limits allow
MAX_LOWER_ENTRIES = 8  # lower rounds teams enter at before the winners side's first drop

# each bracket's last three rounds by name, from its final back (start.gg's "Losers Semi-Final"
# is the round before the Losers Final); earlier rounds keep their numbers
UPPER_NAMES = ("Upper final", "Upper semifinal", "Upper quarterfinal")
LOWER_NAMES = ("Lower final", "Lower semifinal", "Lower quarterfinal")


@dataclass(frozen=True, kw_only=True)
class DoubleEliminationSettings(Settings):
    bracket_rounds: ClassVar[bool] = True  # best_of_by_round takes "W2" and "L2" too
    grand_final: GrandFinal = "single"
    final_best_of: int | None = None
    groups: int = 1  # independent brackets, teams drawn by snake seeding (GSL groups)
    # the order the losers of each upper round drop in, from the first whose losers drop
    # (round 2; with lower_entries, the winners side's first: ``drop_order``); empty: automatic
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
                       "orderings, one per upper round from the first whose losers drop.",
                       high=MAX_DROP_ORDERS, choices=list(DROP_ORDERS))
        for method in self.drop_orders:
            choice(method, "drop_orders", DROP_ORDERS)
        count(self.lower_start, "lower_start", 0, MAX_LOWER_START)
        if self.lower_start and self.groups > 1:
            raise fail("lower_start", "Teams start in the lower bracket only in a stage "
                       "without groups.", other="groups")
        if not isinstance(self.lower_entries, list) or not \
                len(self.lower_entries) <= MAX_LOWER_ENTRIES:
            raise fail("lower_entries", "lower_entries is a list of at most "
                       f"{MAX_LOWER_ENTRIES} numbers: the teams entering at lower round 1, "
                       "2 ...", high=MAX_LOWER_ENTRIES)
        for entering in self.lower_entries:
            count(entering, "lower_entries", 1, MAX_LOWER_START)
        if self.lower_entries and (self.lower_start or self.groups > 1):
            raise fail("lower_entries", "Teams enter the lower bracket by lower_entries or "
                       "by lower_start, not both, and only in a stage without groups.",
                       other="lower_start" if self.lower_start else "groups")


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
