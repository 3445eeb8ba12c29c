"""Swiss: teams meet teams with the same record, round by round (pairing rules in
``swiss_pairing.py``); standings rank by record first. The format's registry entry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from . import layout
from .draw import Separation, swiss_conflicts, tier_pots
from .format import Format, Settings, choice, count, fail, too_large
from .limits import MAX_BEST_OF, MAX_SWISS_TEAMS
from .results import MatchResult, Row
from .seeding import SeedingMethod
from .standings import (
    DEFAULT_POINTS,
    SWISS_TIEBREAKERS,
    RecordMode,
    check,
    close_up,
    compute,
)
from .state import MatchState
from .swiss_pairing import (
    Pairing,
    SwissEntry,
    adjacent_round,
    entries_from_results,
    is_decider,
    match_best_of,
    pair_round,
    statuses,
)
from .types import FormatError, MatchPlan, StageFormat, StagePlan
from .withdrawal import NO_TIMES

# Standard Swiss keeps true ties (flagged for the organizer) instead of deciding by seed.
STANDARD_SWISS_TIEBREAKERS = ("buchholz", "game_difference", "games_won")


@dataclass(frozen=True, kw_only=True)
class SwissSettings(Settings):
    pairing: Literal["valve", "standard"] = "valve"
    wins_to_advance: int | None = 3  # None: nobody advances early (play a fixed count)
    losses_to_eliminate: int | None = 3
    decider_best_of: int | None = None  # matches that can advance or eliminate a team
    rounds: int | None = None  # a fixed number of rounds
    tiebreakers: list[str] = field(default_factory=lambda: list(SWISS_TIEBREAKERS))
    forfeit_score: int | None = None  # a walkover: None counts no games; N, each game N-0

    def check(self) -> None:
        super().check()
        choice(self.pairing, "pairing", ("valve", "standard"))
        count(self.wins_to_advance, "wins_to_advance", 1, 20, optional=True)
        count(self.losses_to_eliminate, "losses_to_eliminate", 1, 20, optional=True)
        count(self.decider_best_of, "decider_best_of", 1, MAX_BEST_OF, optional=True)
        count(self.rounds, "rounds", 1, 50, optional=True)
        count(self.forfeit_score, "forfeit_score", 0, 999, optional=True)
        check(DEFAULT_POINTS, self.tiebreakers)
        if self.rounds is None and (self.wins_to_advance is None
                                    or self.losses_to_eliminate is None):
            raise fail("rounds", "A Swiss stage without wins_to_advance and "
                       "losses_to_eliminate needs a number of rounds.")

    @property
    def record(self) -> RecordMode:
        """How records rank: by wins then losses while teams play to a number of wins; by
        wins minus losses in a Swiss of a fixed number of rounds."""
        return "wins" if self.wins_to_advance is not None else "difference"


def swiss_round(entries: list[SwissEntry], round_number: int, settings: SwissSettings,
                first_number: int, withdrawn: frozenset[int] = frozenset(),
                pairs: list[Pairing] | None = None) -> StagePlan:
    """The matches of one Swiss round (a bye is a match with one slot ``None``): ``pairs``,
    else the pairing system's; teams in ``withdrawn`` are not paired."""
    by_team = {e.team: e for e in entries}
    matches = []
    if pairs is None:
        pairs = pair_round(entries, round_number, settings, withdrawn)
    for i, (a, b) in enumerate(pairs):
        other = by_team[b] if b is not None else None
        best_of = match_best_of(by_team[a], other, settings)
        if str(round_number) in settings.best_of_by_round and not is_decider(
                by_team[a], other, settings):
            best_of = settings.best_of_by_round[str(round_number)]
        matches.append(MatchPlan(number=first_number + i, round=round_number, bracket=None,
                                 slots=(a, b), best_of=best_of))
    return StagePlan(matches)


def last_round(settings: SwissSettings) -> int:
    """The most rounds the stage can play, whatever the field: its ``rounds``, and no more
    than ``wins_to_advance + losses_to_eliminate - 1`` (a round gives every team still in
    a win, a bye being one, or a loss; none is drawn)."""
    most = [settings.rounds] if settings.rounds is not None else []
    if settings.wins_to_advance is not None and settings.losses_to_eliminate is not None:
        most.append(settings.wins_to_advance + settings.losses_to_eliminate - 1)
    return min(most)  # check() makes sure one of them is there


def finished(entries: list[SwissEntry], rounds_played: int, settings: SwissSettings) -> bool:
    """No further round: the round count reached, or nobody left to pair."""
    if settings.rounds is not None and rounds_played >= settings.rounds:
        return True
    return sum(s == "active" for s in statuses(entries, settings).values()) < 2


def elimination_rounds(results: Sequence[MatchResult],
                       settings: SwissSettings) -> dict[int, int]:
    """The round in which each eliminated team took its last allowed loss."""
    out: dict[int, int] = {}
    if settings.losses_to_eliminate is None:
        return out
    losses: dict[int, int] = {}
    for r in sorted(results, key=lambda r: (r.round, r.number)):
        if r.completed and not r.is_tiebreaker and r.loser_team is not None \
                and r.winner_team is not None:
            losses[r.loser_team] = losses.get(r.loser_team, 0) + 1
            if losses[r.loser_team] == settings.losses_to_eliminate:
                out[r.loser_team] = r.round
    return out


def withdrawn_last(table: list[Row], withdrawn: frozenset[int],
                   results: Sequence[MatchResult], settings: SwissSettings) -> list[Row]:
    """A team that withdraws is out, placed below every team still in when it withdrew
    (in the round of its last match) and above the teams already out before then."""
    leaving = [r for r in table if r.team_id in withdrawn]
    if not leaving:
        return table
    last = {r.team_id: max((x.round for x in results if r.team_id in x.teams), default=0)
            for r in leaving}
    out_round = elimination_rounds(results, settings)
    leaving.sort(key=lambda r: -last[r.team_id])
    ordered: list[Row] = []
    for row in (r for r in table if r.team_id not in withdrawn):
        while leaving and out_round.get(row.team_id, 10**6) < last[leaving[0].team_id]:
            ordered.append(leaving.pop(0))
        ordered.append(row)
    ordered += leaving
    return close_up(ordered, withdrawn)


class Swiss(Format[SwissSettings]):
    name = StageFormat.SWISS
    label = "Swiss"
    settings_type = SwissSettings
    partial = "_stage_swiss.html"
    columns = frozenset({"buchholz"})
    ranking_settings = frozenset({"tiebreakers", "forfeit_score"})
    pairs_rounds = True
    seeds_by_halves = True  # standard: top half v bottom half (swiss_pairing.py)

    def knocks_out(self, raw: Mapping[str, Any]) -> bool:
        """Only with ``losses_to_eliminate``: without it every team plays the fixed rounds
        to the end, and none goes out while the stage is played."""
        return raw.get("losses_to_eliminate", SwissSettings.losses_to_eliminate) is not None

    def defaults(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        if raw.get("pairing") == "standard":
            return {"tiebreakers": list(STANDARD_SWISS_TIEBREAKERS)}
        return {}

    def check_size(self, teams: int, settings: SwissSettings) -> None:
        if teams > MAX_SWISS_TEAMS:
            raise too_large(f"A Swiss stage has at most {MAX_SWISS_TEAMS} teams; "
                            f"{teams} were given.", teams=teams, limit=MAX_SWISS_TEAMS)

    def brackets(self, settings: SwissSettings) -> Mapping[str | None, int | None]:
        return {None: last_round(settings)}

    def leading_order(self, settings: SwissSettings) -> list[str]:
        return [f"_{settings.record}"]  # wins then fewer losses, or wins minus losses

    def separation(self, count: int, settings: SwissSettings,
                   nation: Mapping[int, str | None],
                   seeding_method: SeedingMethod) -> Separation | None:
        return tier_pots(count), swiss_conflicts(nation, seeding_method)

    def _plan(self, teams: list[int], settings: SwissSettings,
              seeding_method: SeedingMethod) -> StagePlan:
        if len(teams) < 2:
            raise FormatError("too_few_teams", "A Swiss stage needs at least two teams.",
                              "seeding")
        entries = [SwissEntry(team=t, seed=i + 1) for i, t in enumerate(teams)]
        # round 1 by the seeding method: "standard", top half v bottom half (either pairing
        # system's own round 1); "natural", the list as given, 1 v 2, 3 v 4
        pairs = adjacent_round(entries) if seeding_method == "natural" else None
        return swiss_round(entries, 1, settings, first_number=1, pairs=pairs)

    def next_round(self, seeding: list[int], matches: list[MatchState],
                   settings: SwissSettings, withdrawn: frozenset[int]) -> StagePlan | None:
        if not matches or any(m.is_tiebreaker for m in matches):
            return None  # tiebreakers are added once the rounds are over
        current = max(m.round for m in matches)
        entries = entries_from_results(seeding, [m.result() for m in matches])
        if finished(entries, current, settings):
            return None
        return swiss_round(entries, current + 1, settings,
                           first_number=max(m.number for m in matches) + 1,
                           withdrawn=withdrawn)

    def drops_later_rounds(self) -> bool:
        return True

    def standings(self, seeding: list[int], results: list[MatchResult],
                  settings: SwissSettings, *, resolutions: Sequence[Sequence[int]],
                  withdrawn: frozenset[int], complete: bool,
                  seeding_method: SeedingMethod = "standard",
                  withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> list[Row]:
        seeds = {t: i + 1 for i, t in enumerate(seeding)}
        table = compute(seeds, results, tiebreakers=settings.tiebreakers,
                        record=settings.record, resolutions=resolutions,
                        forfeit_score=settings.forfeit_score)
        state = statuses(entries_from_results(seeding, results), settings)
        for row in table:
            row.status = state.get(row.team_id, "active")
        return withdrawn_last(table, withdrawn, results, settings)

    def layout(self, stage: Mapping[str, Any]) -> list[dict[str, Any]]:
        return [{"kind": "swiss", "rounds": layout.swiss_rounds(stage["matches"])}]
