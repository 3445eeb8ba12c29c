"""What a format is: one class per format (in its own module) that owns its settings (a
typed model), its plan, its standings, its next round, and the hooks pages draw it with.
``registry.py`` lists them; nothing outside ``formats/`` compares a format's name.

Adding a format: a module with a ``Settings`` dataclass and a ``Format`` subclass, its
entry in ``registry.py``, and the template partial named by ``partial`` (see
docs/architecture.md, "Adding a format")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from .draw import Separation, bracket_conflicts, group_conflicts, group_pots, tier_pots
from .limits import MAX_BEST_OF, MAX_MATCHES_PER_STAGE, MAX_TEAMS_PER_STAGE
from .results import MatchResult, Row
from .seeding import SeedingMethod
from .state import MatchState
from .types import FormatError, StageFormat, StagePlan
from .withdrawal import NO_TIMES

Label = tuple[str, int | None]  # a message id and its optional %d parameter
# what a game's own score counts; "winner": a game has only a winner (League of Legends,
# Dota): entered and shown as its winner, never as a 1-0
GAME_SCORES = ("goals", "rounds", "points", "winner")
WINNER_ONLY = "winner"
# what a game of a series is called where people read it: "Game 2" / "第2ゲーム" (a LoL
# best-of), or "Map 2" / "マップ2" (a VALORANT or CS2 series, as their broadcasts say);
# Korean says 2세트 either way. No "set": a fighting game's set is the whole match.
GAME_NAMES = ("game", "map")
# settings that only change the words pages use: a running stage takes them as they are
WORDING_SETTINGS = frozenset({"game_name"})


def fail(name: str, message: str, **params: object) -> FormatError:
    """``params`` say what the setting takes (``low``/``high``, ``choices``, ``example``),
    for a page to tell the organizer what is allowed."""
    return FormatError("invalid_settings", message, f"settings.{name}", **params)


def count(value: Any, name: str, low: int, high: int, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise fail(name, f"{name} is a whole number from {low} to {high}.", low=low, high=high)
    return value


def choice(value: Any, name: str, choices: Sequence[Any]) -> Any:
    if value not in choices:
        raise fail(name, f"{name} is one of {', '.join(map(str, choices))}.",
                   choices=[str(c) for c in choices if not isinstance(c, bool)])
    return value


def too_large(message: str, **params: object) -> FormatError:
    return FormatError("stage_too_large", message, "seeding", **params)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Settings every format takes."""

    best_of: int = 1
    best_of_by_round: dict[str, int] = field(default_factory=dict)
    game_score: str | None = None  # goals | rounds | points: shown as for / against; winner
    # the rounds (or points) a side needs to win a game (Tekken 3, VALORANT 13): a game
    # saved short of it is asked about first
    game_first_to: int | None = None
    game_minutes: int = 60  # how long a game takes: clash checks and calendar entries
    game_name: str = "game"  # game | map: what pages, overlays and the console call a game
    # whether best_of_by_round may name one bracket's round ("W2", "L2": double elimination)
    bracket_rounds: ClassVar[bool] = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def check(self) -> None:
        """Each format's own rules on top of the field types (override, call super)."""
        count(self.best_of, "best_of", 1, MAX_BEST_OF)
        count(self.game_minutes, "game_minutes", 5, 600)
        if self.game_score is not None:
            choice(self.game_score, "game_score", GAME_SCORES)
        count(self.game_first_to, "game_first_to", 1, 99, optional=True)
        if self.game_first_to is not None and self.game_score in ("goals", WINNER_ONLY):
            raise fail("game_first_to", "game_first_to counts rounds or points: a game of "
                       f"{self.game_score} has no number to reach.")
        choice(self.game_name, "game_name", GAME_NAMES)
        by_round = self.best_of_by_round
        if not isinstance(by_round, dict) or not all(
                isinstance(k, str) and self._round_key(k) for k in by_round):
            raise fail("best_of_by_round", 'best_of_by_round maps round numbers to best-of: '
                       '{"3": 5}' + ('; "W2" or "L2" names round 2 of the upper or the lower '
                                     'bracket alone.' if self.bracket_rounds else '.'),
                       example="W2=3, L2=5" if self.bracket_rounds else "1=3, 4=5")
        for key, value in by_round.items():
            count(value, f"best_of_by_round.{key}", 1, MAX_BEST_OF)


    @classmethod
    def _round_key(cls, key: str) -> bool:
        """A round's number, or (``bracket_rounds``) W or L and the number."""
        if cls.bracket_rounds and key[:1] in ("W", "L"):
            key = key[1:]
        return key.isascii() and key.isdigit() and len(key) <= 4 and int(key) >= 1


S = TypeVar("S", bound=Settings)


class Format(Generic[S]):
    """One format. Subclasses set the class attributes and override the hooks they need."""

    name: ClassVar[StageFormat]
    label: ClassVar[str]  # the format as a word people read (a message id)
    settings_type: type[S]
    partial: ClassVar[str]  # the template partial that draws a stage of this format
    knockout: ClassVar[bool] = False  # a team's place is final once it is out
    columns: ClassVar[frozenset[str]] = frozenset()  # extra standings columns: draws, points,
    #                                                  buchholz
    pairs_rounds: ClassVar[bool] = False  # pairs each round from the results (Swiss)
    tables_in_layout: ClassVar[bool] = False  # its sections draw the standings (groups)
    lobbies: ClassVar[bool] = False  # its matches are lobbies of many teams (free for all)
    # whether a stage's seeding_method changes its plan (a bracket's round 1, Swiss round 1);
    # a format that ignores it takes it (the API accepts it) and its forms leave it out
    uses_seeding_method: ClassVar[bool] = True
    # whether its "standard" seeding pairs the top half against the bottom half (Swiss round
    # 1: 1 v 5 of 8), not a bracket's 1 v last: the forms say so
    seeds_by_halves: ClassVar[bool] = False
    # settings that only change how the results rank (points, tiebreakers, the cut): a
    # running stage takes a change of these alone without being planned again
    ranking_settings: ClassVar[frozenset[str]] = frozenset()
    # settings other formats take that this one has no use for, each with the reason it
    # gives when refusing one (clearer than "unknown": a third-place match in a double
    # elimination)
    not_taken: ClassVar[Mapping[str, str]] = {}
    # settings every format has (``Settings``) that mean nothing in this one, each with the
    # reason it gives: its form has no field for them, and new settings leave them at their
    # default (a battle royale lobby plays games, not a best-of series with a game score)
    unused_settings: ClassVar[Mapping[str, str]] = {}

    # -- settings ---------------------------------------------------------------------------
    def parse_settings(self, raw: Mapping[str, Any]) -> S:
        """Defaults filled, every value checked; an unknown setting is an error."""
        known = {f.name for f in fields(self.settings_type)}
        refused = sorted(set(raw) & set(self.not_taken))
        if refused:
            raise fail(refused[0], self.not_taken[refused[0]])
        unknown = sorted(set(raw) - known)
        if unknown:
            raise fail(unknown[0], f"Unknown settings for {self.name}: {', '.join(unknown)}.")
        try:
            settings = self.settings_type(**self.defaults(raw) | dict(raw))
        except TypeError as exc:  # pragma: no cover - guarded by the unknown check
            raise fail("settings", str(exc)) from exc
        settings.check()
        return settings

    def check_playable(self, settings: S) -> None:
        """Rules on new settings (creation and edits; stored ones are read as they are): an
        unused setting is left at its default; a match that cannot end in a draw needs an
        odd best-of, or a series level at 1–1 could never be finished (only forfeited)."""
        blank = Settings()
        for name, reason in sorted(self.unused_settings.items()):
            if getattr(settings, name) != getattr(blank, name):
                raise FormatError("invalid_settings", reason, f"settings.{name}", setting=name)
        if self.allows_draws(settings) or self.lobbies:
            return
        values: list[tuple[str, Any]] = [
            (f.name, getattr(settings, f.name)) for f in fields(settings)
            if f.name == "best_of" or f.name.endswith("_best_of")]
        values += [(f"best_of_by_round.{k}", v) for k, v in settings.best_of_by_round.items()]
        for name, value in values:
            if isinstance(value, int) and value % 2 == 0:
                unit = settings.game_name  # "an odd number of maps" where games are maps
                raise FormatError(
                    "invalid_settings", f"{name} is {value}: a match of this stage cannot "
                    f"end in a draw, so it is played over an odd number of {unit}s (a "
                    f"{value // 2}-{value // 2} series could never be finished).",
                    f"settings.{name}", setting=name, even=value, unit=unit)

    def check_rounds(self, matches: Sequence[MatchState], settings: S) -> None:
        """``best_of_by_round`` names only rounds the planned stage has (a bracket planned
        whole; a Swiss pairs as it goes and a lobby has no rounds of matches)."""
        keys = settings.best_of_by_round
        if not keys or self.pairs_rounds or self.lobbies:
            return
        rounds = {(m.bracket, m.round) for m in matches
                  if m.bracket not in ("grand_final", "tiebreaker")}
        plain = sorted({r for _, r in rounds})

        def has(key: str) -> bool:
            if key[:1] in ("W", "L"):
                bracket = "winners" if key[0] == "W" else "losers"
                return (bracket, int(key[1:])) in rounds
            return int(key) in plain

        missing = [k for k in keys if not has(k)]
        if missing:
            shown = ", ".join(self.round_names(rounds))
            raise FormatError(
                "invalid_settings", f"best_of_by_round names round {missing[0]}, which this "
                f"stage does not have; its rounds are {shown}.",
                f"settings.best_of_by_round.{missing[0]}", setting="best_of_by_round",
                round=missing[0], rounds=shown)

    def round_names(self, rounds: set[tuple[str | None, int]]) -> list[str]:
        """The rounds a ``best_of_by_round`` key may name, as keys ("1", "2", "3"; a double
        elimination also "W1"…, "L1"…)."""
        plain = sorted({r for _, r in rounds})
        names = [str(r) for r in plain]
        if self.settings_type.bracket_rounds:
            for letter, bracket in (("W", "winners"), ("L", "losers")):
                names += [f"{letter}{r}" for b, r in sorted(
                    x for x in rounds if x[0] is not None) if b == bracket]
        return names

    def reranks_only(self, old: S, new: S) -> bool:
        """Whether ``new`` differs from ``old`` only in ``ranking_settings`` (or in words,
        ``WORDING_SETTINGS``): the matches and their results stand, and the standings are
        read again under the new rules."""
        changed = {f.name for f in fields(self.settings_type)
                   if getattr(old, f.name) != getattr(new, f.name)}
        return changed <= self.ranking_settings | WORDING_SETTINGS

    def defaults(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Defaults that depend on other settings (Standard Swiss's tiebreakers)."""
        return {}

    def allows_draws(self, settings: S) -> bool:
        return False

    def leading_order(self, settings: S) -> list[str]:
        """What ranks the table before its tiebreakers, as the standings' order words
        name it (``web/standings_order.ORDER_WORDS``): nothing beyond the points of a
        league; a Swiss stage's record, a battle royale's total points."""
        return []

    def brackets(self, settings: S) -> Mapping[str | None, int | None]:
        """The brackets this format's matches are in under ``settings``, each with the last
        round it can have whatever the field (None: as many as the field makes); a round
        plan naming another bracket, or a later round, never times a match. Round robin,
        Swiss and battle royale play in no bracket (their tiebreakers apart): their rounds
        are under None (a Swiss stage's last, a battle royale's one round of lobbies)."""
        return {None: None}

    def groups(self, settings: S) -> int:
        return 1

    def group_numbers(self, settings: S) -> int | None:
        """The groups this format's matches are numbered in under ``settings`` whatever
        the field: 1 to N, 0 when its matches carry no group (a round plan naming one never
        times a match), None when the field decides (a battle royale's lobbies)."""
        return 0

    # -- the plan ---------------------------------------------------------------------------
    def check_size(self, teams: int, settings: S) -> None:
        if teams > MAX_TEAMS_PER_STAGE:
            raise too_large(f"A stage has at most {MAX_TEAMS_PER_STAGE} teams; {teams} were "
                            "given.", teams=teams, limit=MAX_TEAMS_PER_STAGE)

    def plan(self, teams: list[int], settings: S, seeding_method: SeedingMethod) -> StagePlan:
        """The stage's first matches (every match, for a bracket), size-checked."""
        self.check_size(len(teams), settings)
        planned = self._plan(teams, settings, seeding_method)
        if len(planned.matches) > MAX_MATCHES_PER_STAGE:
            raise too_large(f"A stage has at most {MAX_MATCHES_PER_STAGE} matches; this one "
                            f"would have {len(planned.matches)}.", teams=len(teams),
                            limit=MAX_MATCHES_PER_STAGE)
        return planned

    def _plan(self, teams: list[int], settings: S, seeding_method: SeedingMethod) -> StagePlan:
        raise NotImplementedError

    def next_round(self, seeding: list[int], matches: list[MatchState], settings: S,
                   withdrawn: frozenset[int]) -> StagePlan | None:
        """The next round's matches once the current one is complete (formats that pair
        as they go); None when there is none to play."""
        return None

    def drops_later_rounds(self) -> bool:
        """Whether a corrected result withdraws the rounds paired after it (Swiss)."""
        return False

    def separation(self, count: int, settings: S, nation: Mapping[int, str | None],
                   seeding_method: SeedingMethod) -> Separation | None:
        """Pots and the meetings a draw keeps nations out of (None: everyone meets). A
        stage in groups keeps a nation's teams in different groups (snake-drawn pots)."""
        groups = self.groups(settings)
        if groups < 2:
            return None
        return group_pots(count, groups), group_conflicts(nation, groups)

    def record_game(self, m: MatchState, raw: Any, settings: S, withdrawn: frozenset[int],
                    may_reset: bool = True) -> None:
        """Report or correct one game of a lobby (formats whose matches are lobbies)."""
        raise FormatError("invalid_game", "This match takes a score, not a game's placings.",
                          "game")

    # -- standings --------------------------------------------------------------------------
    def standings(self, seeding: list[int], results: list[MatchResult], settings: S, *,
                  resolutions: Sequence[Sequence[int]], withdrawn: frozenset[int],
                  complete: bool, seeding_method: SeedingMethod = "standard",
                  withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> list[Row]:
        """``withdrawn_at``: when each withdrawn team withdrew, where known (a round robin
        that annuls reads it: ``withdrawal.py``)."""
        raise NotImplementedError

    def knocks_out(self, raw: Mapping[str, Any]) -> bool:
        """Whether a team can go out of a stage with these (stored) settings while it is
        played; a table that only ranks its teams (a league without a line) cannot."""
        return True

    def can_strike(self, settings: S) -> bool:
        """Whether ``struck`` may name a team under these settings (else it is not asked)."""
        return False

    def struck(self, results: Sequence[MatchResult], settings: S,
               withdrawn: frozenset[int],
               withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> frozenset[int]:
        """The withdrawn teams whose results this stage annuls (``withdrawal.py``): a
        match of one of them counts for nothing. Only a round robin annuls."""
        return frozenset()

    def event_places(self, rows: list[Row], settings: S,
                     complete: bool) -> list[tuple[int, int]]:
        """(team, final rank) the stage gives the event so far: in a knockout a team's rank
        is final once it is out; a table's only when the stage is complete; group ranks
        are no event places."""
        if self.groups(settings) > 1 or not (self.knockout or complete):
            return []
        return [(r.team_id, r.rank) for r in rows
                if r.rank is not None and (r.status != "active" or complete)]

    # -- pages ------------------------------------------------------------------------------
    def field_of(self, team_count: int, settings: Mapping[str, Any], group: int | None) -> int:
        """How many teams the bracket of a match in ``group`` holds: the stage's, unless
        each group plays its own bracket (what ``round_label`` names rounds by)."""
        return team_count

    def round_label(self, bracket: str | None, round_number: int, team_count: int) -> Label:
        return "Round %d", round_number

    def round_name(self, bracket: str | None, round_number: int, team_count: int,
                   settings: Mapping[str, Any], group: int | None) -> Label:
        """A round of the stage as every page names it (a column, a match, a schedule
        form's choice): by the bracket it is played in, its group's where groups play
        their own (``field_of``)."""
        return self.round_label(bracket, round_number,
                                self.field_of(team_count, settings, group))

    def match_label(self, match: Mapping[str, Any], team_count: int,
                    settings: Mapping[str, Any]) -> tuple[str, Any]:
        """What a match is called where its round is named (a referee's list, a team's
        schedule): its round, unless the format names it otherwise."""
        return self.round_name(match["bracket"], match["round"], team_count, settings,
                               match.get("group"))

    def layout(self, stage: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The sections the template partial draws (brackets, groups, rounds ...)."""
        raise NotImplementedError


class Knockout(Format[S]):
    """A bracket: places are final once a team is out, a draw keeps nations out of each
    other's first-round matches (within seed tiers), drawn by ``_stage_bracket.html``."""

    partial = "_stage_bracket.html"
    knockout = True

    def separation(self, count: int, settings: S, nation: Mapping[int, str | None],
                   seeding_method: SeedingMethod) -> Separation | None:
        if self.groups(settings) > 1:  # brackets in groups (GSL): drawn as groups are
            return super().separation(count, settings, nation, seeding_method)
        return tier_pots(count), bracket_conflicts(nation, seeding_method)
