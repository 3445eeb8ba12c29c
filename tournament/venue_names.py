"""Venues in the reader's language. A match holds its venue as one string (``venue``, set
on the match or by scheduling a round); the tournament lists its venues once, each with
``name`` and ``names`` {ko, ja, en} (``Tournament.venues``). A match's venue that is one of
the listed ``name``s (the same after NFKC, case folding and trimming, as team names are
compared) is shown in the reader's language; any other is shown as typed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .errors import InvalidInput
from .services.naming import name_key

VenueList = Sequence[Mapping[str, Any]] | None


def listed(venue: str | None, venues: VenueList) -> Mapping[str, Any] | None:
    """The tournament's listed venue that ``venue`` names, if any."""
    if not venue:
        return None
    key = name_key(venue)
    return next((v for v in venues or () if name_key(str(v.get("name", ""))) == key), None)


def venue_names(venue: str | None, venues: VenueList) -> dict[str, str]:
    """How each language says the venue (``{}``: not listed, or listed without names)."""
    found = listed(venue, venues)
    return {str(k): str(v) for k, v in (found or {}).get("names", {}).items() if v} \
        if found else {}


def venue_in(venue: str | None, venues: VenueList, lang: str) -> str:
    """The venue as a reader of ``lang`` reads it: its name in that language when the
    tournament lists one, else as the match holds it."""
    if not venue:
        return ""
    return venue_names(venue, venues).get(lang) or venue


def where(match: Mapping[str, Any], venues: VenueList, lang: str) -> str:
    """Where a match is played, as pages and calendars say it: ``venue · station``."""
    return " · ".join(x for x in (venue_in(match.get("venue"), venues, lang),
                                  match.get("station")) if x)


def check_venues(venues: Sequence[Mapping[str, Any]], field: str = "venues") -> None:
    """No two venues of a tournament share a name (a match's venue would name both):
    422 ``duplicate_venue`` naming the second."""
    seen: dict[str, str] = {}
    for i, v in enumerate(venues):
        name = str(v["name"])
        if name_key(name) in seen:
            raise InvalidInput("duplicate_venue", f"Two venues are named {name!r}.",
                               f"{field}.{i}.name",
                               params={"name": name, "other": seen[name_key(name)]})
        seen[name_key(name)] = name


def stored(venues: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Venues as the tournament keeps them: ``name`` and the translations given."""
    return [{"name": str(v["name"]),
             "names": {str(k): str(x) for k, x in (v.get("names") or {}).items() if x}}
            for v in venues]
