"""Errors said to people, by code, in their language (message ids; ``i18n/*.po`` translate
them). Pages use ``say``; the referee console gets the table as JSON and fills in the
error's ``params`` (``%(name)s``) itself. A code missing here is shown with the generic
message and the code, never only in English."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import DomainError

MESSAGES = {
    "invalid_score": "This score is not possible in this match's format.",
    "invalid_games": "These games do not fit this match: too many, or a game after the "
                     "match was already decided.",
    "tied_game": "Game %(game)s is tied; a game of this match needs a winner.",
    "draw_not_allowed": "This match cannot end in a draw.",
    "match_not_needed": "This match is not played.",
    "match_is_bye": "This match is a bye; it has no result.",
    "teams_unknown": "The teams of this match are not known yet.",
    "invalid_status": "This match cannot have that status.",
    "not_assigned": "You are not a referee of this tournament.",
    "forbidden": "You are not allowed to do this.",
    "correction_needs_admin": "Changing this result would reset matches already played "
                              "(%(matches)s). Ask an admin to make this correction.",
    "version_conflict": "Someone else changed this match.",
    "empty_update": "There is nothing to save.",
    "unauthorized": "You are signed out. Sign in again.",
    "invalid_token": "You are signed out. Sign in again.",
    "session_expired": "You are signed out. Sign in again.",
    "csrf_failed": "This page has expired. Reload it and try again.",
    "too_many_attempts": "Too many wrong passwords. Try again in %(retry_after)s seconds.",
    "unavailable": "The server cannot reach its database right now. Try again in a moment.",
    "not_found": "Not found.",
    "name_taken": "A user with this name already exists.",
    "weak_password": "A password has at least %(min)s characters.",
    "wrong_password": "The current password is not right.",
    "not_a_referee": "Only referees are assigned to tournaments.",
    "unknown_event": "This tournament has no such event.",
    "bad_credentials": "Wrong name or password.",
    "link_expired": "This sign-in link has expired or was already used. Ask the organizer "
                    "for a new one.",
    "passwords_differ": "The two new passwords are not the same.",
}
GENERIC = "The server refused this (%(code)s)."


class _Values(dict[str, Any]):
    """Parameters of a message; one the error did not carry reads as '…'."""

    def __missing__(self, key: str) -> str:
        return "…"


def _shown(value: Any) -> Any:
    """Match numbers as the bracket shows them: [3, 5] → "M3, M5"."""
    if isinstance(value, list) and all(isinstance(x, int) for x in value):
        return ", ".join(f"M{x}" for x in value)
    return value


def say(exc: DomainError | str, _: Callable[[str], str],
        params: dict[str, Any] | None = None) -> str:
    """The error in the reader's language."""
    code = exc if isinstance(exc, str) else exc.code
    values = {k: _shown(v) for k, v in (params or ({} if isinstance(exc, str)
                                                    else exc.params)).items()}
    template = MESSAGES.get(code)
    if template is None:
        return _(GENERIC) % {"code": code}
    return _(template) % _Values(values)


def table(_: Callable[[str], str]) -> dict[str, str]:
    """Every message, translated, for a page script (``%(name)s`` left to fill)."""
    return {code: _(text) for code, text in MESSAGES.items()} | {"_generic": _(GENERIC)}
