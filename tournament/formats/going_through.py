"""How many teams a stage sends on to a stage seeded from it, when its settings say so: the
new-stage form's "Teams that go through" starts at that number (a Valve Swiss of 8 teams
to 2 wins sends 4, not the form's old 2), and is labelled per group only for a stage that
has groups."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from math import comb
from typing import Any

from . import registry
from .round_robin import RoundRobinSettings
from .swiss import SwissSettings
from .types import FormatError


def going_through(format_name: str, raw: Mapping[str, Any], teams: int) -> int | None:
    """The teams of each group ``format_name`` under settings ``raw`` sends on with
    ``teams`` teams: a round robin's ``advance``; a Swiss to ``wins_to_advance`` wins
    (out at ``losses_to_eliminate``), the teams that reach its wins when every round
    splits each record evenly (8 teams to 2 wins and 2 losses: 2 at 2–0 and 2 at 2–1).
    None when the settings do not say (a knockout, a Swiss of fixed rounds, a field that
    does not split evenly)."""
    fmt = registry.get(format_name)
    try:
        settings = fmt.parse_settings(raw)
    except FormatError:  # settings stored under older rules: not known
        return None
    if isinstance(settings, RoundRobinSettings):
        return settings.advance
    if not isinstance(settings, SwissSettings) or teams < 2:
        return None
    wins, losses = settings.wins_to_advance, settings.losses_to_eliminate
    if wins is None or losses is None:
        return None
    # a record (w, l) is held by teams * C(w + l, l) / 2^(w + l) teams
    through = [Fraction(teams * comb(wins - 1 + lost, lost), 2 ** (wins + lost))
               for lost in range(losses)]
    if any(n.denominator != 1 for n in through):
        return None
    return int(sum(through))


def grouped(format_name: str, raw: Mapping[str, Any]) -> bool:
    """Whether the stage ranks its teams in groups (or lobbies): its places go through
    per group."""
    fmt = registry.get(format_name)
    try:
        settings = fmt.parse_settings(raw)
    except FormatError:
        return True
    numbers = fmt.group_numbers(settings)
    return numbers is None or fmt.groups(settings) > 1
