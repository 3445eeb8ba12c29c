"""What a withdrawal does to the results a team leaves behind in a round robin (a stage
setting, ``withdrawn_results``, as rulebooks differ):

* ``keep`` (the default): its played results stand for its opponents and its remaining
  matches are forfeits (the machine forfeits them when it withdraws); esports leagues
  mostly rule so (ESL Pro Tour rulebook 2.14.1: a withdrawing team's matches are recorded
  as forfeits; LCK: a forfeit is recorded at the least score that wins, 2-0 in a best of
  three);
* ``annul``: every result of the team in the stage, played or forfeited, is struck out and
  the table is drawn as if it had never entered (FIGC NOIF art. 53.3; the AFC Champions
  League regulations, art. 6 in 2020: "all matches ... considered null and void");
* ``annul_before_half``: struck out when the team played fewer than half of its matches
  of the stage, kept (its remaining matches forfeits) from half on: the rule leagues write
  by the season's halves (the Belgian darts federation's art. P1 strikes the points of a
  team that gives up before the end of the first leg; Westphalia's FA, Spielordnung
  § 52.3, by a date: a team withdrawn before 1 May counts for nothing, one withdrawn
  later keeps its results and loses the rest 0:2).

A withdrawal annuls only in a stage the team left before it had played it out: one where
it had a match still to play when it withdrew (the withdrawal forfeits it), or that it
reached after withdrawing. A stage it finished before withdrawing keeps its results, as a
rulebook leaves a finished phase as it stands, even if it forfeited a match there. When
the team withdrew is passed in (``withdrawn_at``); a match it forfeited that changed at or
after that moment is one the withdrawal forfeited, or one the team reached after it (so
an earlier forfeit edited after the withdrawal, its time or stream changed, is read as
the withdrawal's). Without
the time (a team withdrawn before it was stored), every match the team forfeited counts
as left early, as before. Its row stays in the table (its
counts then zero), placed below the teams still in (``round_robin.withdrawn_out``).

A stage that had completed before the team withdrew is not touched at all
(``counted_out``): the team keeps its place there, its status (advanced or eliminated)
and its results, and the seeding of the stage fed from it stays what it was.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Literal

from .results import MatchResult

WithdrawnResults = Literal["keep", "annul", "annul_before_half"]
WITHDRAWN_RESULTS: tuple[WithdrawnResults, ...] = ("keep", "annul", "annul_before_half")
NO_TIMES: Mapping[int, datetime] = {}  # when no withdrawal time is known


def _own(team: int, results: Sequence[MatchResult]) -> list[MatchResult]:
    """The team's matches of the stage (not a bye, not a tiebreaker)."""
    return [r for r in results if team in r.teams and not r.is_bye and not r.is_tiebreaker]


def _played(team: int, r: MatchResult) -> bool:
    return r.completed and r.forfeit is None


def utc(at: datetime) -> datetime:
    """``at`` as an aware UTC time (SQLite hands stored times back without their zone)."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _left_early(team: int, matches: Sequence[MatchResult], at: datetime | None) -> bool:
    """Whether the team left before playing its matches out: a match still to play, or
    one it forfeited at or after its withdrawal (``at``; unknown: any it forfeited)."""
    return any(not r.completed or (r.forfeit == r.teams.index(team) + 1 and (
        at is None or r.updated_at is None or utc(r.updated_at) >= utc(at)))
        for r in matches)


def counted_out(withdrawn: frozenset[int], withdrawn_at: Mapping[int, datetime],
                completed_at: datetime | None) -> frozenset[int]:
    """The withdrawn teams a stage's table treats as withdrawn: every one, except a team
    that withdrew after the stage had completed (``completed_at``; None: not completed, or
    not known): a finished phase stands, its order, places and qualification as they were
    (it stays in its place and keeps its status), and its results stand too. A team whose
    withdrawal time is not known counts as withdrawn, as before it was kept."""
    if completed_at is None or not withdrawn:
        return withdrawn
    done = utc(completed_at)
    return frozenset(t for t in withdrawn if t not in withdrawn_at
                     or utc(withdrawn_at[t]) <= done)


def annulled(results: Sequence[MatchResult], withdrawn: Collection[int],
             rule: WithdrawnResults,
             withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> frozenset[int]:
    """The withdrawn teams whose results ``rule`` strikes out of this stage's table;
    ``withdrawn_at``: when each withdrew, where known."""
    if rule == "keep":
        return frozenset()
    out = set()
    for team in withdrawn:
        matches = _own(team, results)
        if not matches or not _left_early(team, matches, withdrawn_at.get(team)):
            continue
        played = sum(1 for r in matches if _played(team, r))
        if rule == "annul" or 2 * played < len(matches):
            out.add(team)
    return frozenset(out)


def void(teams: Iterable[int | None], struck: Collection[int]) -> bool:
    """Whether a match of ``teams`` is annulled: a struck-out team took part in it (the
    table leaves it out, and every page shows it so)."""
    return any(t in struck for t in teams if t is not None)


def counted(results: Sequence[MatchResult], struck: Collection[int]) -> list[MatchResult]:
    """The results the table counts: none that a struck-out team took part in."""
    if not struck:
        return list(results)
    return [r for r in results if not void(r.teams, struck)]
