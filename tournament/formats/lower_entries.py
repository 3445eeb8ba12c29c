"""Teams that start a double elimination in its lower bracket (pure).

``lower_start`` N (a fighting-game top 8: N = 4) and ``lower_entries`` [N, E2, E3 ...] (the
Call of Duty World League's 2018 opens: [8, 4, 4]) split a seeding in two: the first teams
are the winners side, placed by the seeding method into an upper bracket of ``U`` places
(a power of two); the last ``N`` start in lower round 1 (placed into ``U`` places, byes to
the first as ``place_into`` gives them), the ``E2`` before them enter at the next lower
round, the ``E3`` before those at the one after, and so on: the later a team enters, the
better its seed. Lower round 1 has ``U / 2`` matches and so has every entry round after it:
in match ``i`` an entrant (slot 0, where a dropping upper loser stands) meets the winner
of the previous lower round's match ``i`` (slot 1); with fewer entrants than matches the
seeding method spreads them (``standard_order``; ``natural``: the first matches) and the
other matches' winners wait (a match with one team is a bye). Then the losers of the
winners side's first round drop in (``drop_orders`` names their order), and the bracket
goes on as every bracket does.

Rounds keep the numbers of a standard plan whose later part this is: the upper bracket
starts at round ``(m + 4) // 2`` for ``m`` entry rounds (2 for a top 8, 3 for the CWL's
three), its first losers drop into lower round ``2r - 2`` as in any bracket, and the
entry rounds are the lower rounds just before it (1, 2, 3 for the CWL, whose own series
ids number the lower rounds 1 to 8 so too: tests/replays/cwl_dallas_2018.py). With an even
number of entry rounds the lower bracket starts at round 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .seeding import SeedingMethod, bracket_size, place, place_into, standard_order
from .types import FormatError


@dataclass(frozen=True)
class LowerSides:
    top: list[int | None]  # the winners side in its first upper round's slots
    entrants: list[list[int | None]]  # each entry round's slots (round 1: two a match)
    first_upper: int  # the number of the winners side's first round
    first_lower: int  # the number of the first lower round
    upper_rounds: int  # the number of the upper final


def first_upper_round(entry_rounds: int) -> int:
    return (entry_rounds + 4) // 2


def upper_rounds(team_count: int, entries: Sequence[int]) -> int:
    """The upper final's round number in a stage of ``team_count`` teams whose lower
    bracket takes ``entries`` (for the round names; a count that does not fit gives the
    plain bracket's)."""
    upper = team_count - sum(entries)
    if not entries or upper < 2:
        return max(1, bracket_size(max(team_count, 2)).bit_length() - 1)
    return first_upper_round(len(entries)) + bracket_size(upper).bit_length() - 2


def _one_each(teams: list[int], matches: int, method: SeedingMethod) -> list[int | None]:
    """Entrants of a later entry round, one a match (``None``: nobody enters there)."""
    if method == "standard" and matches >= 2:
        return [teams[s - 1] if s <= len(teams) else None for s in standard_order(matches)]
    return [*teams, *[None] * (matches - len(teams))]


def _misfit(name: str, message: str, **params: object) -> FormatError:
    return FormatError("invalid_settings", message, f"settings.{name}", **params)


def lower_sides(teams: list[int], entries: Sequence[int], method: SeedingMethod,
                name: str) -> LowerSides:
    """The two sides of a seeding whose last teams start in the lower bracket; refused
    (``invalid_settings`` on ``settings.<name>``) when the numbers do not fit the seeding."""
    if len(set(teams)) != len(teams):
        raise FormatError("duplicate_team", "A team appears twice in the seeding.", "seeding")
    upper_count = len(teams) - sum(entries)
    top = place(teams[:upper_count], method) if upper_count >= 2 else []
    # how many start on each side, for a page to say why they do not fit
    sides = {"teams": len(teams), "lower": sum(entries), "upper": max(upper_count, 0)}
    if len(entries) == 1 and (not top or not 0 < entries[0] <= len(top) < len(teams)):
        raise _misfit(name, "The teams starting in the lower bracket are at most as many as "
                      "the winners side's bracket has places, and with the winners side "
                      "more than fill it (4 and 4, or 4 and 2; not 3 and 1).", **sides)
    if not top:
        raise _misfit(name, "At least two teams of the seeding start on the winners side.",
                      **sides)
    first_upper = first_upper_round(len(entries))
    first_lower = 2 * first_upper - 2 - len(entries)
    for step, entering in enumerate(entries):
        room = len(top) if step == 0 else len(top) // 2
        if not 0 < entering <= room:
            raise _misfit(name, f"Lower round {first_lower + step} takes 1 to {room} "
                          f"entering teams: the winners side's bracket has {len(top)} "
                          "places.", entry_round=first_lower + step, high=room,
                          places=len(top))
    groups: list[list[int]] = []
    end = len(teams)
    for entering in entries:  # the last of the seeding enter first
        groups.append(teams[end - entering:end])
        end -= entering
    return LowerSides(
        top=top,
        entrants=[place_into(groups[0], len(top), method)]
        + [_one_each(g, len(top) // 2, method) for g in groups[1:]],
        first_upper=first_upper, first_lower=first_lower,
        upper_rounds=first_upper + len(top).bit_length() - 2)
