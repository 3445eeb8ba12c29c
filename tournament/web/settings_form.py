"""A stage's settings as form fields, read off its format's ``Settings`` dataclass (so a new
format gets its form without page code), and a submitted form back into the settings JSON
the API takes. The format itself still checks the values (``Format.parse_settings``)."""

from __future__ import annotations

import types
import unicodedata
from dataclasses import MISSING, dataclass, fields
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from starlette.datastructures import FormData

from ..errors import InvalidInput
from ..formats import lobby_games, standings
from ..formats.format import Format

# Each setting as a person reads it (message ids; the .po files translate them).
LABELS = {
    "best_of": "Best of (games per match)",
    "best_of_by_round": "Best of by round (round=games, …)",
    "game_score": "Game scores are",
    "game_first_to": "Rounds (or points) a side needs to win a game",
    "game_minutes": "Minutes a game takes (for clash checks and calendars)",
    "game_name": "A game of a match is called",
    "third_place_match": "Third-place match",
    "grand_final": "Grand final",
    "final_best_of": "Best of in the grand final",
    "groups": "Number of groups",
    "drop_orders": "Order the upper bracket's losers drop in, from the first upper "
                   "round whose losers drop",
    "lower_start": "Teams starting in the lower bracket, the last of the "
                   "seeding (a fighting-game top 8: 4)",
    "lower_entries": "Teams entering the lower bracket at its rounds 1, 2, 3 …, the last of "
                     "the seeding at round 1 (the CWL 2018 opens: 8, 4, 4)",
    "legs": "Times each pair meets",
    "allow_draws": "Draws allowed",
    "points": "Points for a win, a draw and a loss",
    "tiebreakers": "Tiebreakers, in order",
    "advance": "Teams that go through from each group",
    "pairing": "Pairing",
    "wins_to_advance": "Wins to go through",
    "losses_to_eliminate": "Losses to be out",
    "decider_best_of": "Best of in deciding matches",
    "rounds": "Number of rounds",
    "lobby_size": "Teams in a lobby",
    "games": "Games per lobby",
    "placement_points": "Placement points, first place first",
    "kill_points": "Points per kill",
    "match_point": "Match point (empty: none)",
    "rotation": "Groups meet in rotation",
    "forfeit_score": "A forfeit counts as a win of every game needed, each by this score "
                     "(empty: no games)",
    "withdrawn_results": "A withdrawn team's results",
}
BRACKET_ROUNDS_HINT = "W2=3, L2=5: round 2 of the upper or of the lower bracket alone " \
                      "(2=3: both)"
DROP_ORDERS_HINT = "One of these per upper round, separated by commas (empty: the " \
                   "automatic order, which avoids early rematches):"
# What each typed choice of a text setting means (message ids): typed as the API's words
# (``reverse``), listed under the box and named in a refusal with its meaning
DROP_ORDER_WORDS = {
    "natural": "in order", "reverse": "reversed", "half_shift": "halves swapped",
    "reverse_half_shift": "each half reversed", "pair_flip": "each pair swapped",
}
CHOICE_MEANINGS = {"drop_orders": DROP_ORDER_WORDS}
# The default placement points and the table it replaced (lobby_games: PUBG_MOBILE_2023_POINTS,
# PMGC_2021_POINTS), to type in for a stage that scores the old way.
PLACEMENT_POINTS_HINT = "Default: PUBG Mobile's since 2023, 10, 6, 5, 4, 3, 2, 1, 1, then 0 " \
                        "(PMGC 2021: 15, 12, 10, 8, 6, 4, 2, 1, 1, 1, 1, 1, then 0). A place " \
                        "past the list scores 0."
WITHDRAWN_RESULTS_HINT = "Kept: its opponents keep what they won against it and its " \
                         "remaining matches are forfeits (most esports leagues). Annulled: " \
                         "the table is drawn as if it never entered (FIGC, AFC). Annulled " \
                         "if it played less than half: kept once it has played half of its " \
                         "matches."
FOOTBALL_HINT = "Left as it is with goals as the game score: points, goal difference, goals " \
                "scored, head to head (as the World Cup)"
# Choices of a text setting that is not typed as one (the format checks them too).
# a lobby's games are games, not the sets of a series ("게임", not "세트"); said in the
# same words as the series formats' label otherwise ("ロビーの1ゲームの所要時間" beside
# "1ゲームの所要時間", "로비 게임 한 판에…" beside "세트 한 판에…")
LOBBY_LABELS = {
    "game_minutes": "Minutes a game of a lobby takes (for clash checks and calendars)",
}
CHOICES: dict[str, tuple[str, ...]] = {"game_score": ("goals", "rounds", "points", "winner"),
                                       "game_name": ("game", "map")}
# lists of whole numbers whose default is empty (a typed "8, 4, 4" is sent as numbers)
NUMBER_LISTS = frozenset({"lower_entries"})
CHOICE_WORDS = {
    "goals": "goals", "rounds": "rounds", "points": "points", "winner": "the winner only",
    "single": "one match",
    "reset": "with a reset", "none": "none", "valve": "Valve (Buchholz)",
    "standard": "standard (Dutch)",
    "keep": "kept (the rest forfeited)", "annul": "annulled",
    "annul_before_half": "annulled if it played less than half",
    # what a game is called, with how each language's pages then say it
    "game": "game (Game 1 · 第1ゲーム · 1세트)", "map": "map (Map 1 · マップ1 · 1세트)",
}


# Each tiebreaker as people read it (message ids), shown next to the tiebreaker list.
TIEBREAKER_WORDS = {
    "points": "match points", "match_wins": "matches won", "losses": "fewer matches lost",
    "record": "record (wins, then fewer losses)", "head_to_head": "head-to-head",
    "game_difference": "game difference", "games_won": "games won",
    "goal_difference": "goal difference", "goals_for": "goals scored",
    "round_difference": "round difference", "rounds_won": "rounds won",
    "buchholz": "Buchholz (opponents' records)",
    "median_buchholz": "median Buchholz (without the best and worst opponent)",
    "seed": "better seed",
}
# The free-for-all tiebreakers (after points): games won, placement points, kills ...
FFA_TIEBREAKER_WORDS = {
    "wins": "games won (first places)", "placement_points": "placement points",
    "kills": "kills", "best_placement": "best placement",
    "best_game": "most points in one game",
    "last_game_placement": "placement in the last game",
}


@dataclass(frozen=True)
class SettingField:
    name: str
    kind: str  # check | number | choice | text | pairs | list | order | outcomes
    label: str
    default: Any
    optional: bool = False  # may be left empty (none)
    choices: tuple[str, ...] = ()
    hint: str = ""  # a line under the field (message id)
    # typed choices, each with what it means (a message id), listed under the hint
    meanings: tuple[tuple[str, str], ...] = ()

    def shown(self, value: Any) -> str:
        """The value as the form's input holds it."""
        if value is None:
            return ""
        if self.kind == "pairs":
            return ", ".join(f"{k}={v}" for k, v in value.items())
        if self.kind == "list":
            return ", ".join(map(str, value))
        return str(value)

    def picked(self, current: Any, typed: Any = None) -> list[str]:
        """An ``order`` field's choices in order: what was sent (one value per box, or a
        typed list), else the stored value."""
        if typed is None:
            return [str(x) for x in current or []]
        sent = typed if isinstance(typed, list) else [typed]
        return _split(sent)

    def slots(self, picked: list[str]) -> int:
        """How many boxes an ``order`` field draws: the picks and two free ones (at least
        four), never more than there are choices."""
        return min(max(len(picked) + 2, 4), max(len(self.choices), len(picked)))


# The boxes of an ``outcomes`` field: the points for a win, a draw and a loss (the words
# are the template's, in the context "points for").
OUTCOMES = ("win", "draw", "loss")


def commas(raw: str) -> list[str]:
    """A typed list's parts: split at a comma, a full-width one (，) or the Japanese list
    mark (、), as the form's Japanese hints write lists."""
    return raw.replace("，", ",").replace("、", ",").split(",")


def _split(sent: list[Any]) -> list[str]:
    return [p.strip() for v in sent for p in commas(str(v)) if p.strip()]


def _kind(hint: Any) -> tuple[str, bool, tuple[str, ...]]:
    origin, args = get_origin(hint), get_args(hint)
    optional = False
    if origin in (Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        optional = len(rest) < len(args)
        hint = rest[0]
        origin, args = get_origin(hint), get_args(hint)
    if hint is bool:
        return "check", optional, ()
    if hint is int:
        return "number", optional, ()
    if origin is Literal:
        return "choice", optional, tuple(str(a) for a in args)
    if origin is dict:
        return "pairs", optional, ()
    if origin is list:
        return "list", optional, ()
    return "text", optional, ()


def settings_fields(fmt: Format[Any]) -> list[SettingField]:
    hints = get_type_hints(fmt.settings_type)
    found = []
    for f in fields(fmt.settings_type):
        if f.name in fmt.unused_settings:  # no field for what means nothing here
            continue
        kind, optional, choices = _kind(hints[f.name])
        if f.name in CHOICES:
            kind, choices = "choice", CHOICES[f.name]
        if f.name == "points" and kind == "pairs":  # a box each for a win, a draw, a loss
            kind, choices = "outcomes", OUTCOMES
        if f.name == "tiebreakers":  # picked in order from the format's own list
            kind = "order"
            choices = lobby_games.TIEBREAKERS if fmt.lobbies else standings.TIEBREAKERS
        default = f.default if f.default is not MISSING else (
            f.default_factory() if f.default_factory is not MISSING else None)
        hint = BRACKET_ROUNDS_HINT if f.name == "best_of_by_round" and \
            fmt.settings_type.bracket_rounds else ""
        if f.name == "tiebreakers" and fmt.defaults({"game_score": "goals"}).get(f.name):
            hint = FOOTBALL_HINT
        if f.name == "drop_orders":
            hint = DROP_ORDERS_HINT
        if f.name == "placement_points":
            hint = PLACEMENT_POINTS_HINT
        if f.name == "withdrawn_results":
            hint = WITHDRAWN_RESULTS_HINT
        label = LOBBY_LABELS.get(f.name) if fmt.lobbies else None
        found.append(SettingField(f.name, kind, label or LABELS.get(f.name, f.name), default,
                                  optional, choices, hint,
                                  tuple(CHOICE_MEANINGS.get(f.name, {}).items())))
    return found


def _signed(name: str, raw: str) -> int:
    """Points: a whole number, maybe negative (a penalty for a loss), as typed: full-width
    digits and minus (a Japanese or Korean keyboard in full-width mode) read as they are."""
    raw = unicodedata.normalize("NFKC", raw).strip().replace("−", "-")
    digits = raw[1:] if raw[:1] == "-" else raw
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 6:
        raise _bad(name, f"{name} are whole numbers.")
    return -int(digits) if digits != raw else int(digits)


def _whole(name: str, raw: str) -> int:
    """A whole number 0 or more, as typed (full-width digits too)."""
    raw = unicodedata.normalize("NFKC", raw).strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        raise _bad(name, f"{name} is written key=number, key=number.")
    return int(raw)


def _bad(name: str, message: str) -> InvalidInput:
    params: dict[str, object] = {"setting": name}
    if name == "best_of_by_round":  # how the map is written, for the page to show
        params["example"] = "1=3, 4=5"
    return InvalidInput("invalid_settings", message, f"settings.{name}", params=params)


def read_settings(fmt: Format[Any], form: FormData, prefix: str = "s_") -> dict[str, Any]:
    """The settings a form sends: only what differs from the format's defaults, so the
    stored settings stay as short as the API's."""
    out: dict[str, Any] = {}
    picked: dict[str, list[str]] = {}
    for f in settings_fields(fmt):
        raw = str(form.get(prefix + f.name) or "").strip()
        value: Any
        if f.kind == "order":  # one box per place (a typed list is read too); all empty:
            # the format's own order for the other settings (a football league's)
            chosen = _split(form.getlist(prefix + f.name))
            if chosen:
                picked[f.name] = chosen
            continue
        if f.kind == "outcomes" and any(f"{prefix}{f.name}.{k}" in form for k in OUTCOMES):
            value = {k: _signed(f.name, str(form.get(f"{prefix}{f.name}.{k}") or "").strip())
                     for k in OUTCOMES}
        elif f.kind == "check":
            value = raw in ("on", "true", "1")
        elif not raw:
            if not f.optional and f.default is None:
                continue
            value = None if f.optional else f.default
        elif f.kind == "number":
            if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
                raise _bad(f.name, f"{f.name} is a whole number.")
            value = int(raw)
        elif f.kind in ("pairs", "outcomes"):  # typed: key=number, key=number
            value = {}
            for part in commas(raw):
                key, sep, number = part.partition("=")
                if not sep:
                    raise _bad(f.name, f"{f.name} is written key=number, key=number.")
                value[key.strip()] = _signed(f.name, number) if f.kind == "outcomes" else \
                    _whole(f.name, number)
        elif f.kind == "list":
            value = [p.strip() for p in commas(raw) if p.strip()]
            numbers = f.name in NUMBER_LISTS or (
                f.default and all(isinstance(x, int) for x in f.default))
            if numbers and all(p.isascii() and p.isdigit() and len(p) <= 6 for p in value):
                value = [int(p) for p in value]  # a list of numbers (placement points)
        else:
            value = raw
        if value != f.default:
            out[f.name] = value
    # a list picked is kept unless it is what these settings give anyway: the plain round
    # robin order picked for a football league (whose default breaks ties on goals) is
    # stored, where it was dropped as the dataclass's default and the goals order applied
    wanted = fmt.defaults(out)
    for name, chosen in picked.items():
        default = wanted.get(name, next(f.default for f in settings_fields(fmt)
                                        if f.name == name))
        if chosen != default:
            out[name] = chosen
    return out
