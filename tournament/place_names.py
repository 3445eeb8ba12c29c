"""Venues and stations in the reader's language. A match holds its venue and its station as
one string each (``venue``, ``station``: set on the match or by scheduling a round); the
tournament lists its venues and its stations once, each with ``name`` and ``names`` {ko, ja,
en} (``Tournament.venues``, ``Tournament.stations``). A match's venue or station that is one
of the listed ``name``s (the same after NFKC, case folding and trimming, as team names are
compared) is shown in the reader's language; any other is shown as typed. The stored string
stays the key: a better translation is one edit of the list, no match changes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from .errors import InvalidInput
from .services.naming import name_key

PlaceList = Sequence[Mapping[str, Any]] | None
Kind = Literal["venue", "station"]


def listed(place: str | None, places: PlaceList) -> Mapping[str, Any] | None:
    """The tournament's listed venue (or station) that ``place`` names, if any."""
    if not place:
        return None
    key = name_key(place)
    return next((v for v in places or () if name_key(str(v.get("name", ""))) == key), None)


def names_of(place: str | None, places: PlaceList) -> dict[str, str]:
    """How each language says the place (``{}``: not listed, or listed without names)."""
    found = listed(place, places)
    return {str(k): str(v) for k, v in (found or {}).get("names", {}).items() if v} \
        if found else {}


def name_in(place: str | None, places: PlaceList, lang: str) -> str:
    """The place as a reader of ``lang`` reads it: its name in that language when the
    tournament lists one, else as the match holds it."""
    if not place:
        return ""
    return names_of(place, places).get(lang) or place


def where(match: Mapping[str, Any], venues: PlaceList, stations: PlaceList,
          lang: str) -> str:
    """Where a match is played, as pages and calendars say it: ``venue · station``."""
    return " · ".join(x for x in (name_in(match.get("venue"), venues, lang),
                                  name_in(match.get("station"), stations, lang)) if x)


def unlisted(typed: str | Sequence[str] | None, places: PlaceList) -> list[str]:
    """The places in ``typed`` (one field's, or a list's) that the tournament does not list,
    each once, as first typed: the console says them under the field, since the API stores
    any name and a typo would be a new place. None while the tournament lists none."""
    if not places:
        return []
    out: dict[str, str] = {}
    for place in [typed] if isinstance(typed, str) else typed or ():
        name = place.strip()
        if name and listed(name, places) is None:
            out.setdefault(name_key(name), name)
    return list(out.values())


def check_places(places: Sequence[Mapping[str, Any]], kind: Kind = "venue",
                 field: str = "venues") -> None:
    """No two venues (or stations) of a tournament share a name (a match's would name
    both): 422 ``duplicate_venue`` (``duplicate_station``) naming the second."""
    seen: dict[str, str] = {}
    for i, v in enumerate(places):
        name = str(v["name"])
        if name_key(name) in seen:
            raise InvalidInput(f"duplicate_{kind}", f"Two {kind}s are named {name!r}.",
                               f"{field}.{i}.name",
                               params={"name": name, "other": seen[name_key(name)]})
        seen[name_key(name)] = name


def stored(places: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Venues (or stations) as the tournament keeps them: ``name`` and the translations
    given."""
    return [{"name": str(v["name"]),
             "names": {str(k): str(x) for k, x in (v.get("names") or {}).items() if x}}
            for v in places]


def view(places: PlaceList) -> list[dict[str, Any]]:
    """The list as the API shows it: each ``{name, names}`` (``names`` ``{}`` when none)."""
    return [{"name": str(v["name"]), "names": dict(v.get("names") or {})}
            for v in places or []]


LISTS: tuple[tuple[str, Kind], ...] = (("venues", "venue"), ("stations", "station"))


def checked(values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """The venues and stations among ``values`` (those given), each list checked (no two
    alike: ``field`` is ``prefix`` + ``venues.N.name``) and as the tournament keeps it
    (``None`` for none)."""
    out: dict[str, Any] = {}
    for field, kind in LISTS:
        if field in values:
            check_places(values[field], kind, prefix + field)
            out[field] = stored(values[field]) or None
    return out
