"""The stage state machine: the one implementation of how a stage starts, how a result
(a live score, a final, a forfeit, a correction) moves it, how a withdrawal plays out, when
the next Swiss round is paired and when the stage is complete. It works over a ``Store``
(``store.py``), so the service (SQL rows) and the tests and benchmarks (memory) run the
same code.

Each step touches one match and the one or two matches its plan links point to, so a
report costs the same at 8 teams and at 8,192. A correction walks the same links and
clears exactly the results that depended on the changed one (Swiss: the rounds paired
after it are withdrawn, and paired again).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from . import scoring
from .machine_types import Changes, ResultUpdate, StageInfo, utcnow
from .progression import (
    NO_REASONS,
    WITHDRAWN,
    clear_result,
    forfeit,
    place,
    refuse_withdrawn,
    reset_wanted,
    sends,
    settle,
    was_played,
)
from .results import Row
from .state import MatchState
from .store import Store
from .types import (
    Bracket,
    FormatError,
    MatchPlan,
    MatchStatus,
    NeedsAdmin,
    StagePlan,
    StageStatus,
)
from .withdrawal import NO_TIMES, counted_out


def needs_admin(doing: str, affected: list[int], played: set[int], field: str) -> NeedsAdmin:
    """A correction a referee may not make: it clears the results of ``played`` (a result
    given or under way) and withdraws the pairing of the rest of ``affected`` (a Swiss
    round paired, not played yet). ``params``: ``matches`` (all), ``played``, ``paired``."""
    done = sorted(n for n in affected if n in played)
    paired = sorted(n for n in affected if n not in played)
    said = [f"clears the results of matches played or under way "
            f"({', '.join(f'M{n}' for n in done)})"] if done else []
    if paired:
        said.append("undoes the pairings of matches paired but not played yet "
                    f"({', '.join(f'M{n}' for n in paired)}), to pair them again")
    return NeedsAdmin("correction_needs_admin", f"{doing} {' and '.join(said)}; ask an "
                      "admin.", field, matches=affected, played=done, paired=paired)


class StageMachine:
    def __init__(self, stage: StageInfo, store: Store,
                 withdrawn: frozenset[int] = frozenset(),
                 clock: Callable[[], datetime] = utcnow,
                 withdrawn_at: Mapping[int, datetime] = NO_TIMES,
                 reasons: Mapping[int, str] = NO_REASONS) -> None:
        self.stage = stage
        self.store = store
        self.withdrawn = withdrawn  # teams that forfeit every match they reach
        self.withdrawn_at = withdrawn_at  # when each withdrew, where known (withdrawal.py)
        # why each left ("withdrawn", "disqualified"): its forfeits say it (forfeit_reason)
        self.reasons = reasons
        self.clock = clock
        self.changes = Changes()
        self.status = stage.status

    def touch(self, m: MatchState) -> None:
        if m.number not in self.changes.added:
            m.version += 1
        m.updated_at = self.clock()
        self.changes.changed[m.number] = m

    # -- starting ---------------------------------------------------------------------------
    async def start(self) -> Changes:
        """Plan the stage for its seeding and create its matches, byes settled."""
        s = self.stage
        plan = s.format.plan(list(s.seeding), s.settings, s.seeding_method)
        await self._create(plan)
        self.status = StageStatus.RUNNING
        self.changes.status = StageStatus.RUNNING
        return self.changes

    async def _create(self, plan: StagePlan) -> list[MatchState]:
        states = [MatchState.from_plan(p, self.stage.id, self.stage.tournament_id)
                  for p in plan.matches]
        self.store.add(states)
        for m in states:
            self.changes.added[m.number] = m
            self.touch(m)
        for m in states:
            if m.status == MatchStatus.PENDING and m.filled1 and m.filled2:
                settle(m, self.withdrawn, self.reasons)
                if m.status == MatchStatus.COMPLETED:
                    await self.propagate(m)
        return states

    # -- progression ------------------------------------------------------------------------
    async def propagate(self, m: MatchState) -> None:
        """Send ``m``'s winner and loser (or 'not decided yet') on, and on from there."""
        pending = [m]
        while pending:
            source = pending.pop()
            await self.store.prefetch([source.winner_to, source.loser_to])
            for target, slot, team, decided in sends(source):
                dest = await self.store.get(target)
                placed = place(dest, slot, team, decided, self.withdrawn, self.reasons)
                if placed.changed:
                    self.touch(dest)
                if placed.reset:
                    self.changes.reset[dest.number] = dest
                if dest.conditional and dest.active != reset_wanted(source):
                    dest.active = not dest.active
                    self.touch(dest)
                    if dest.active:
                        self.changes.deactivated.pop(dest.number, None)
                    else:
                        self.changes.deactivated[dest.number] = dest
                if placed.outcome_changed:
                    pending.append(dest)

    # -- results ----------------------------------------------------------------------------
    async def report(self, number: int, update: ResultUpdate, *,
                     may_reset: bool = True) -> Changes:
        """A live score, a final result, a forfeit, a reopening (``ready``) or a
        correction of match ``number``. ``may_reset`` False refuses (``NeedsAdmin``) a
        correction that would clear results already played or paired on."""
        m = await self.store.get(number)
        if not m.active:
            raise FormatError("match_not_needed", "This match is not played (no bracket "
                              "reset).")
        if m.lobby is not None or "game" in update.given:
            return self._report_game(m, update, may_reset)
        if m.team1_id is None or m.team2_id is None:
            if m.status == MatchStatus.COMPLETED:
                raise FormatError("match_is_bye", "This match is a bye; it has no result.")
            raise FormatError("teams_unknown", "The teams of this match are not known yet.",
                              "status")
        status = update.status if "status" in update.given else None
        if update.forfeit is not None and (update.given & {"score", "games"} or status not in (
                None, MatchStatus.COMPLETED)):  # one of them was dropped without a word
            raise FormatError("forfeit_with_result", "A forfeit decides the match by itself: "
                              "send it without a score, games or another status.", "forfeit")
        if status == MatchStatus.PENDING:
            raise FormatError("invalid_status", "A match whose teams are known cannot be "
                              "pending.", "status")
        before = (m.status, m.winner)
        was_completed = m.status == MatchStatus.COMPLETED
        if status == MatchStatus.READY:
            if update.games and scoring.game_in_play(list(update.games)):
                scoring.refuse_game_in_play()
            clear_result(m)
            m.status = MatchStatus.READY
        elif update.forfeit is not None:
            if was_completed and m.forfeit is None and not may_reset:
                await self._refuse_if_played_on(m)
            # the same forfeit sent again keeps its reason (a withdrawal's stays one)
            same = was_completed and m.forfeit == update.forfeit
            forfeit(m, update.forfeit, m.forfeit_reason if same else None)
        else:
            self._score(m, update, status)
        if m.status in (MatchStatus.READY, MatchStatus.LIVE):
            refuse_withdrawn(m, self.withdrawn, self.reasons, update.given)
        self.touch(m)
        self.changes.scored = self.changes.scored or was_completed or \
            m.status == MatchStatus.COMPLETED
        if was_completed and (m.status, m.winner) != before:
            await self._correct(m, may_reset)
        elif m.status == MatchStatus.COMPLETED:
            await self.propagate(m)
        return self.changes

    def _report_game(self, m: MatchState, update: ResultUpdate, may_reset: bool) -> Changes:
        """A game of a lobby reported or corrected; the lobby is over after its last game
        (or a match-point win)."""
        if m.lobby is None:
            self.stage.format.record_game(m, update.game, self.stage.settings, self.withdrawn)
        if "game" not in update.given or update.game is None:
            raise FormatError("invalid_game", "A lobby takes games: {\"game\": {\"number\", "
                              "\"results\"}}.", "game")
        self.stage.format.record_game(m, update.game, self.stage.settings, self.withdrawn,
                                      may_reset)
        self.touch(m)
        return self.changes

    def _score(self, m: MatchState, update: ResultUpdate, status: str | None) -> None:
        completed = (status or m.status) == MatchStatus.COMPLETED
        draws = self.stage.format.allows_draws(self.stage.settings)
        given = update.given
        sent = list(update.games) if "games" in given and update.games is not None else None
        unit = self.stage.settings.game_name  # "Map 2 is tied" where a game is a map
        in_play = scoring.game_in_play(sent, unit) if sent is not None else False
        if in_play and completed:
            scoring.refuse_game_in_play()
        games = scoring.check_games(sent, m.best_of, draws, in_play, unit) \
            if sent is not None else None
        # games sent as plain scores keep the maps entered (kept_maps)
        maps = (scoring.game_maps(sent) if scoring.names_maps(sent)
                else scoring.kept_maps(m.maps, len(sent))) if sent is not None else None
        finished = (games[:-1] if in_play else games) if games is not None else None
        # the match ends while a game is in play: that game is over and counts
        ending = completed and m.game_in_play and games is None
        if "score" in given and update.score is not None:
            score: object = list(update.score)
        elif finished is not None:
            score = list(scoring.score_from_games(finished))
        elif ending:
            score = list(scoring.score_from_games(m.games or []))
        elif status is not None:
            score = [m.score1, m.score2]
        else:
            raise FormatError("invalid_score", "Send a score, games or a status.", "score")
        if finished is not None and tuple(score) != scoring.score_from_games(finished):  # type: ignore[arg-type]
            raise FormatError("invalid_games", "The games do not add up to the score.", "games")
        result = scoring.check_result(score, best_of=m.best_of, completed=completed,
                                      allow_draws=draws)
        m.score1, m.score2 = result.score
        if games is not None:
            m.games, m.maps, m.game_in_play = games, maps, in_play
        elif m.games:
            counted = m.games if ending else m.finished_games()
            m.game_in_play = m.game_in_play and not ending
            if scoring.score_from_games(counted) != result.score:
                # a new score without games: the games no longer add up
                m.games, m.maps, m.game_in_play = None, None, False
        m.forfeit = m.forfeit_reason = None
        m.winner = result.winner
        m.draw = result.draw
        m.status = MatchStatus.COMPLETED if completed else MatchStatus.LIVE

    async def _correct(self, m: MatchState, may_reset: bool) -> None:
        """A completed result changed: re-send the outcome; downstream results that depended
        on it are cleared (Swiss: the rounds paired after it are withdrawn)."""
        await self.propagate(m)
        played = set(self.changes.reset)  # a reset clears a result played or under way
        if self.stage.format.drops_later_rounds():
            later = [x for x in await self.store.all() if x.round > m.round]
            played |= {x.number for x in later if was_played(x)}
            if later:
                await self.store.remove(later)
                self.changes.dropped += later
                for x in later:
                    self.changes.changed.pop(x.number, None)
                    self.changes.added.pop(x.number, None)
        affected = sorted([*self.changes.reset, *(x.number for x in self.changes.dropped)])
        if affected and not may_reset:
            raise needs_admin("Changing this result", affected, played, "score")

    async def _refuse_if_played_on(self, m: MatchState) -> None:
        """A played result turned into a forfeit keeps its winner, so nothing is reset now;
        but taking the forfeit back reopens the match and resets what its teams played on
        since (Swiss: the rounds paired after it). Whoever could not take it back (a
        referee) may not make it either: it is refused, naming those matches."""
        if self.stage.format.drops_later_rounds():
            later = [x for x in await self.store.all() if x.round > m.round]
            affected = sorted(x.number for x in later)
            played = {x.number for x in later if was_played(x)}
        else:
            targets = [n for n in (m.winner_to, m.loser_to) if n is not None]
            await self.store.prefetch(targets)
            affected = sorted([n for n in targets if was_played(await self.store.get(n))])
            played = set(affected)
        if affected:
            raise needs_admin("A forfeit in place of this result could only be taken back "
                              "in a way that", affected, played, "forfeit")

    def reschedule(self, m: MatchState, **values: Any) -> None:
        """Set ``scheduled_at`` and/or ``stream_url``."""
        for name, value in values.items():
            setattr(m, name, value)
        self.touch(m)

    # -- withdrawals ------------------------------------------------------------------------
    async def withdraw(self, team: int, reason: str = WITHDRAWN) -> list[MatchState]:
        """``team`` forfeits every match it has left, and every match it reaches later,
        each for ``reason`` ("withdrawn", "disqualified")."""
        self.withdrawn = self.withdrawn | {team}
        self.reasons = {**self.reasons, team: reason}
        forfeited = []
        for m in await self.store.of_team(team):
            if m.active and m.status in (MatchStatus.READY, MatchStatus.LIVE):
                forfeit(m, 1 if m.team1_id == team else 2, reason)
                self.touch(m)
                self.changes.scored = True
                forfeited.append(m)
                await self.propagate(m)
        return forfeited

    # -- ties -------------------------------------------------------------------------------
    async def add_tiebreaker(self, a: int, b: int, best_of: int) -> MatchState:
        """A tiebreaker match between two teams that share a place in the standings; it is
        played like any other match (and reopens a finished stage). Its result orders the
        tied teams and counts nowhere else."""
        if a == b:
            raise FormatError("duplicate_team", "A tiebreaker is between two different "
                              "teams.", "teams")
        if best_of % 2 == 0:  # a tiebreaker cannot end level: 1-1 could never be finished
            unit = self.stage.settings.game_name  # "maps" where the stage's games are maps
            raise FormatError("invalid_settings", f"best_of is {best_of}: a tiebreaker "
                              "cannot end in a draw, so it is played over an odd number of "
                              f"{unit}s.", "best_of", setting="best_of", even=best_of,
                              unit=unit)
        rows = await self.standings()
        place = {r.team_id: (r.group, r.rank) for r in rows if r.rank is not None}
        if a not in place or place.get(a) != place.get(b) or \
                sum(1 for p in place.values() if p == place[a]) < 2:
            tied = _ties(rows)
            now = "; ".join(", ".join(map(str, t)) for t in tied) or "none"
            raise FormatError("not_tied", f"Teams {a} and {b} do not share a place (tied "
                              f"now: {now}).", "teams", ties=tied)
        if {a, b} & self.withdrawn:
            raise FormatError("team_withdrawn", "A withdrawn team cannot play a tiebreaker; "
                              "record the order instead.", "teams")
        matches = await self.store.all()
        group = place[a][0]
        rounds = [m.round for m in matches if m.group == group] or [0]
        plan = MatchPlan(number=max(m.number for m in matches) + 1, round=max(rounds) + 1,
                         bracket=Bracket.TIEBREAKER, slots=(a, b), best_of=best_of,
                         group=group)
        (created,) = await self._create(StagePlan([plan]))
        return created

    # -- after every step -------------------------------------------------------------------
    async def advance(self) -> Changes:
        """Pair the next round if one became due, settle the stage's status, and say whose
        results the stage annuls now (``Changes.struck``: each match view says it)."""
        if self.status == StageStatus.PENDING:
            return self.changes
        if self.withdrawn and self.stage.format.can_strike(self.stage.settings):
            self.changes.struck = self.stage.format.struck(
                [m.result() for m in await self.store.all() if m.active], self.stage.settings,
                self.counted_out(), self.withdrawn_at)
        if self.stage.format.pairs_rounds:
            while await self._next_round():
                pass
        ends = any(m.winner_to is None for m in self.changes.changed.values())
        if ends or self.changes.dropped or self.changes.added:
            status = StageStatus.RUNNING if await self.store.any_open() \
                else StageStatus.COMPLETED
            if status != self.status:
                self.status = self.changes.status = status
        return self.changes

    async def _next_round(self) -> bool:
        matches = await self.store.all()
        if not matches or any(m.active and m.status != MatchStatus.COMPLETED for m in matches):
            return False
        plan = self.stage.format.next_round(list(self.stage.seeding), matches,
                                            self.stage.settings, self.withdrawn)
        if plan is None or not plan.matches:
            return False
        await self._create(plan)
        return True

    def counted_out(self) -> frozenset[int]:
        """The withdrawn teams the table treats so: not one that withdrew after the stage
        had completed, while it stays so (``withdrawal.counted_out``). Every withdrawn team
        still forfeits what it reaches (a correction reopening the stage)."""
        done = self.stage.completed_at if self.status == StageStatus.COMPLETED else None
        return counted_out(self.withdrawn, self.withdrawn_at, done)

    async def standings(self) -> list[Row]:
        matches = await self.store.all()
        s = self.stage
        return s.format.standings(
            list(s.seeding), [m.result() for m in matches if m.active], s.settings,
            resolutions=s.resolutions, withdrawn=self.counted_out(),
            complete=self.status == StageStatus.COMPLETED, seeding_method=s.seeding_method,
            withdrawn_at=self.withdrawn_at)


def _ties(rows: Sequence[Row]) -> list[list[int]]:
    """The teams that share each place (for the error that names them)."""
    places: dict[tuple[int | None, int | None], list[int]] = {}
    for r in rows:
        if r.rank is not None:
            places.setdefault((r.group, r.rank), []).append(r.team_id)
    return [teams for teams in places.values() if len(teams) > 1]

