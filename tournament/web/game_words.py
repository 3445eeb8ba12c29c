"""What a game of a series is called, by its stage's ``game_name`` setting (message ids;
``i18n/*.po`` translate them): "Game 2" / "第2ゲーム" in a League of Legends best-of, "Map 2"
/ "マップ2" in a VALORANT or CS2 series, as their broadcasts say; Korean broadcasts say
"2세트" either way, and so do the Korean catalogue's words for both.

The match page, the match and now-on overlays, the referee console and the calendar feed
all take their words from here (each keyed by the name of the referee console's label it
is: ``referee_pages.console_labels``), and the refusals said to people theirs from
``error_variants`` (``tied_game:map``, ``invalid_settings:even_map``), so a stage that
calls its games maps says so everywhere. A battle royale lobby's games are always games
(its words carry the "battle royale" context)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

GAME_WORDS: dict[str, dict[str, str]] = {
    "game": {
        "game": "Game %d",
        "in_play": "Game %d in play",
        "save_game": "Save game %d",
        "undo": "Undo last game",
        "undo_confirm": "Remove game %(n)s (%(score)s)?",
        "apply_as_game": "Save mine as game %d",
        # what was typed for another pairing (the teams changed under it): named with that
        # pairing, and saved, if at all, as the new pairing's game
        "typed_for_game": "What you typed for game %(n)s of %(pair)s",
        "apply_as_new": "Save mine as game %d of the new pairing",
        "same_game": (
            "Game %(n)s is already stored. Save yours only if it is another game: it would be "
            "stored as game %(next)s."),
        "won_game": "%(team)s won game %(n)s",
        "remove_win": "Take a game win off…",
        "remove_win_ask": "Whose game win is taken off? Its series score goes down by one.",
        "decides": "This game decides the match: %(team)s wins %(score)s. Save it and "
                   "finish the match?",
        "tied": "A game of this match needs a winner.",
        "nothing": "Type the game's score first.",
        "drops": "This removes %(n)s recorded game(s).",
        "decides_draw": "This game ends the match in a draw (%(score)s). Save it and "
                        "finish the match?",
        "series_only": "Earlier games were entered as a series score only, so only the "
                       "winner of each next game can be added to it.",
        # a game saved short of what wins one (game_first_to), or short of every earlier one
        "short_game_rounds": (
            "%(game)s is not over at %(score)s: a game is won by the first to win %(n)s rounds. "
            "Save it as finished anyway?"),
        "short_game_points": (
            "%(game)s is not over at %(score)s: a game is won by the first to %(n)s points. Save "
            "it as finished anyway?"),
        "looks_short": "%(game)s at %(score)s looks unfinished: every earlier game was won "
                       "with %(least)s or more. Save it as finished anyway?",
        "bad_score": "A game score is a whole number, 0 or more.",
        "too_big": "A game score is at most %d.",
    },
    "map": {
        "game": "Map %d",
        "in_play": "Map %d in play",
        "save_game": "Save map %d",
        "undo": "Undo last map",
        "undo_confirm": "Remove map %(n)s (%(score)s)?",
        "apply_as_game": "Save mine as map %d",
        "typed_for_game": "What you typed for map %(n)s of %(pair)s",
        "apply_as_new": "Save mine as map %d of the new pairing",
        "same_game": (
            "Map %(n)s is already stored. Save yours only if it is another map: it would be "
            "stored as map %(next)s."),
        "won_game": "%(team)s won map %(n)s",
        "remove_win": "Take a map win off…",
        "remove_win_ask": "Whose map win is taken off? Its series score goes down by one.",
        "decides": "This map decides the match: %(team)s wins %(score)s. Save it and "
                   "finish the match?",
        "tied": "A map of this match needs a winner.",
        "nothing": "Type the map's score first.",
        "drops": "This removes %(n)s recorded map(s).",
        "decides_draw": "This map ends the match in a draw (%(score)s). Save it and "
                        "finish the match?",
        "series_only": "Earlier maps were entered as a series score only, so only the "
                       "winner of each next map can be added to it.",
        "short_game_rounds": (
            "%(game)s is not over at %(score)s: a map is won by the first to win %(n)s rounds. "
            "Save it as finished anyway?"),
        "short_game_points": (
            "%(game)s is not over at %(score)s: a map is won by the first to %(n)s points. Save "
            "it as finished anyway?"),
        "looks_short": "%(game)s at %(score)s looks unfinished: every earlier map was won "
                       "with %(least)s or more. Save it as finished anyway?",
        "bad_score": "A map score is a whole number, 0 or more.",
        "too_big": "A map score is at most %d.",
    },
}


def name_of(settings: Mapping[str, Any] | None) -> str:
    """A stage's ``game_name`` as stored (``game`` when it has none or one unknown)."""
    name = (settings or {}).get("game_name", "game")
    return name if name in GAME_WORDS else "game"


def game_words(settings: Mapping[str, Any] | None) -> dict[str, str]:
    """The message ids a stage with ``settings`` calls its games by."""
    return GAME_WORDS[name_of(settings)]
