"""Where each team of a stage seeded from another stage goes, when the organizer says so:
its ``slots``, in seeding order, each a team that enters directly (its id) or a place of
the earlier stage (``{"group": g, "place": p}``, both 1-based; one group: group 1).

The Asian Games 2022 League of Legends knockout: ``[A1, Saudi Arabia, D1, China, C1,
Malaysia, B1, India]`` with ``seeding_method: "natural"``. Pure: the teams are checked
against the event in ``services/entrants.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .types import FormatError

Place = tuple[int, int]  # (group, place)
Slot = int | Place


def read(raw: Sequence[Any]) -> list[Slot]:
    """Stored or sent slots as team ids and (group, place) pairs; a group may be sent as
    its letter ("A" is group 1), as pages show it."""
    out: list[Slot] = []
    for item in raw:
        if isinstance(item, int):
            out.append(item)
            continue
        group = item.get("group", 1) if isinstance(item, Mapping) else item.group
        place = item["place"] if isinstance(item, Mapping) else item.place
        if isinstance(group, str):
            group = ord(group.upper()) - 64
        out.append((int(group), int(place)))
    return out


def stored(slots: Sequence[Slot]) -> list[int | dict[str, int]]:
    """As the stage's ``source.slots`` keeps them (and the API shows them)."""
    return [s if isinstance(s, int) else {"group": s[0], "place": s[1]} for s in slots]


def label(slot: Slot, grouped: bool) -> str:
    """A place as pages write it: "A1" (a group's), "#1" (a one-group stage's)."""
    if isinstance(slot, int):
        return f"#{slot}"
    group, place = slot
    return f"{chr(64 + group)}{place}" if grouped and group <= 26 else f"{place}"


def spoken(slot: Place, grouped: bool) -> str:
    """A place in English words, as an API message says it: "Group A 1st", "3rd" (the
    pages say it in the reader's language, ``web/place_words.py``)."""
    group, place = slot
    ending = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        place % 10, "th")
    if not grouped:
        return f"{place}{ending}"
    return f"Group {chr(64 + group) if 1 <= group <= 26 else group} {place}{ending}"


def check(slots: Sequence[Slot], sizes: Mapping[int, int | None], qualifiers: int) -> None:
    """Every place named exists and is one the earlier stage sends (the top ``qualifiers``
    of its group), is named once, and every place it sends has a slot. ``sizes``: each
    group of the earlier stage and its number of teams (None while it is not known)."""
    seen: dict[Place, int] = {}
    grouped = len(sizes) > 1
    for i, slot in enumerate(slots):
        if isinstance(slot, int):
            continue
        group, place = slot
        where = f"seeding.slots.{i}"
        size = sizes.get(group, 0)
        if group not in sizes or place > qualifiers or (size is not None and place > size):
            raise FormatError(
                "unknown_place", f"Slot {i + 1} names place {place} of group {group}, which "
                f"the earlier stage does not send: it has {len(sizes)} group(s) and sends the "
                f"top {qualifiers} of each.", where, group=group, place=place,
                groups=len(sizes), qualifiers=qualifiers, slot=label(slot, grouped))
        if slot in seen:
            raise FormatError(
                "duplicate_place", f"Slots {seen[slot] + 1} and {i + 1} both name place "
                f"{place} of group {group}.", where, group=group, place=place,
                slot=label(slot, grouped))
        seen[slot] = i
    for group in sorted(sizes):
        size = sizes[group]
        for place in range(1, min(qualifiers, qualifiers if size is None else size) + 1):
            if (group, place) not in seen:
                raise FormatError(
                    "missing_place", f"Place {place} of group {group} goes through but has "
                    "no slot: name every place the earlier stage sends.", "seeding.slots",
                    group=group, place=place, slot=label((group, place), grouped))


def fill(slots: Sequence[Slot], ranked: Mapping[int, Sequence[int]]) -> list[int] | Place:
    """The seeding: each place replaced by the team that finished there; or the first
    place nobody holds (a group smaller than the slots expected)."""
    out: list[int] = []
    for slot in slots:
        if isinstance(slot, int):
            out.append(slot)
            continue
        group, place = slot
        teams = ranked.get(group, ())
        if place > len(teams):
            return slot
        out.append(teams[place - 1])
    return out
