"""A rename: ``name`` and the per-language ``names`` of a tournament, event, team or stage;
an event's game title (``game``, ``game_names``) alike."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence, Set
from typing import Any, Protocol

from ..errors import InvalidInput


class Named(Protocol):
    name: str
    names: dict[str, str] | None


def rename(entity: Named, given: Set[str], fields: Mapping[str, Any]) -> None:
    """Apply ``name`` and ``names`` from a PATCH body (``given``: the fields it sent).

    ``names`` replaces the translations as sent. A new ``name`` sent without ``names`` also
    replaces every translation that was the old name word for word (``names.en`` copied from
    ``name`` must not keep showing the old name in English); a translation that differs from
    the old name is the organizer's own and stays."""
    old = entity.name
    if "name" in given and fields.get("name") is not None:
        entity.name = str(fields["name"])
    if "names" in given:
        entity.names = {str(k): str(v) for k, v in (fields.get("names") or {}).items()}
    elif entity.name != old and entity.names:
        entity.names = {k: entity.name if v == old else v for k, v in entity.names.items()}


class Titled(Protocol):
    game: str | None
    game_names: dict[str, str] | None


def retitle(event: Titled, given: Set[str], game: str | None,
            game_names: Mapping[Any, str] | None) -> None:
    """Apply ``game`` and ``game_names`` from a PATCH body as ``rename`` applies names: the
    translations sent replace the stored ones; a new title sent alone replaces the
    translations that were the old title word for word, and no title at all (``null``)
    takes its translations with it."""
    old = event.game
    if "game" in given:
        event.game = game
    if "game_names" in given:
        event.game_names = {str(k): str(v) for k, v in (game_names or {}).items()} or None
    elif event.game is None:
        event.game_names = None
    elif event.game != old and event.game_names:
        event.game_names = {k: event.game if v == old else v
                            for k, v in event.game_names.items()}


def require_change(given: Set[str], fields: str) -> None:
    """A PATCH must send something to change (``{}`` is refused as ``empty_update``, as
    for a match); ``fields``: what it may send, for the message."""
    if not given:
        raise InvalidInput("empty_update", f"Nothing to change: send {fields}.")


def name_key(name: str) -> str:
    """Two team names an event cannot tell apart: the same after NFKC (full-width "Ｔ１" is
    "T1"), case folding and trimming."""
    return unicodedata.normalize("NFKC", name).casefold().strip()


def clashes(names: Sequence[str], taken: Iterable[str]) -> list[str]:
    """The names in ``taken`` (or earlier in ``names``) that ``names`` clash with, as they
    were written there ("T1" for a new "t1"), by ``name_key``."""
    seen = {name_key(n): n for n in taken}
    found = []
    for name in names:
        key = name_key(name)
        if key in seen:
            found.append(seen[key])
        seen.setdefault(key, name)
    return found
