"""Whether a round plan (or a round's schedule) names a round the stage can have: a bracket,
group and round it never has would be stored and never applied, so it is refused at once
(``unknown_bracket``, ``unknown_group``, ``unknown_round``), naming what the stage has.
Only what is known to be impossible is refused:

* A stage that has been drawn (started, or a draft) in a format that draws every match at
  once (the eliminations, round robin, battle royale lobbies) has exactly the brackets,
  groups and rounds of its matches (a bracket reset not in play is one of them).
* A stage still waiting for its teams (seeded from a stage not finished yet) may change
  size before it starts (the earlier stage's groups, its qualifiers, its slots), so only
  what its settings fix is checked: its brackets (``Format.brackets``: the third-place
  match, the grand final), its groups (``Format.group_numbers``), and the last round a
  bracket has whatever the field (the grand final's 1 or 2, a battle royale's one round
  of lobbies without rotation).
* A Swiss stage pairs as it goes, drawn or not: no bracket, no group, and no round past
  the last its settings allow (``swiss.last_round``).

A tiebreaker match (bracket ``tiebreaker``) can be added to any stage, in one of its
groups, a round after that group's last: its bracket is always taken and its round not
checked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .layout import BRACKETS
from .state import MatchState
from .types import Bracket, FormatError, MatchPlan

Key = tuple[str | None, int, int | None]  # a match's bracket, round and group


@dataclass(frozen=True)
class Reach:
    """What a stage can have: ``brackets`` (tiebreakers apart), ``groups`` (None: not
    known yet, any), and either every ``rounds`` key, when known, or the ``last`` round of
    each bracket its settings fix (``Format.brackets``)."""

    brackets: tuple[str, ...]
    groups: tuple[int, ...] | None
    rounds: frozenset[Key] | None
    last: Mapping[str | None, int | None]


def reach(fmt: Any, settings: Any, made: Iterable[Key]) -> Reach:
    """The reach of a stage of format ``fmt`` with parsed ``settings`` whose stored matches
    (any, in play or not) are ``made``: none while it waits for its teams."""
    keys = frozenset(k for k in made if k[0] != Bracket.TIEBREAKER)
    last = fmt.brackets(settings)
    if not keys or fmt.pairs_rounds:  # what the settings fix
        numbers = fmt.group_numbers(settings)
        groups = None if numbers is None else tuple(range(1, numbers + 1))
        if keys:  # a Swiss stage under way: its groups are its matches' (none)
            groups = tuple(sorted({g for _, _, g in keys if g is not None}))
        return Reach(_ordered(b for b in last if b is not None), groups, None, last)
    return Reach(_ordered(b for b, _, _ in keys if b is not None),
                 tuple(sorted({g for _, _, g in keys if g is not None})), keys, last)


def _ordered(brackets: Iterable[str]) -> tuple[str, ...]:
    have = {str(b) for b in brackets}
    return tuple(b for b in BRACKETS if b in have)


def _rounds(keys: Iterable[Key], bracket: str | None, group: int | None) -> list[int]:
    return sorted({r for b, r, g in keys if (bracket is None or b == bracket)
                   and (group is None or g == group)})


def misfit(where: Reach, round_: int, bracket: str | None,
           group: int | None) -> FormatError | None:
    """Why a plan of ``round_`` (of ``bracket`` and ``group`` when given) can never time a
    match of the stage, or None when it can (or may: not known yet)."""
    if bracket is not None and bracket != Bracket.TIEBREAKER \
            and bracket not in where.brackets:
        listed = ", ".join(where.brackets) or "none"
        return FormatError("unknown_bracket", f"This stage has no {bracket} bracket (its "
                           f"brackets: {listed}).", "bracket", bracket=bracket,
                           brackets=list(where.brackets))
    if group is not None and where.groups is not None and group not in where.groups:
        listed = ", ".join(map(str, where.groups)) or "none"
        return FormatError("unknown_group", f"This stage has no group {group} (its groups: "
                           f"{listed}).", "group", group=group, groups=list(where.groups))
    if bracket == Bracket.TIEBREAKER:
        return None
    said = f"round {round_}" + (f" of the {bracket} bracket" if bracket else "") + (
        f" in group {group}" if group is not None else "")
    params: dict[str, Any] = {"round": round_, "bracket": bracket, "group": group,
                              "brackets": list(where.brackets)}
    if where.rounds is not None:
        have = _rounds(where.rounds, bracket, group)
        if round_ in have:
            return None
        return FormatError("unknown_round", f"This stage has no {said} (its rounds there: "
                           f"{', '.join(map(str, have)) or 'none'}).", "round",
                           **params, rounds=have)
    lasts: Sequence[int | None] = [where.last.get(bracket)] if bracket is not None \
        else list(where.last.values())
    if not lasts or any(x is None for x in lasts):
        return None  # as many rounds as the field will make
    top = max(x for x in lasts if x is not None)
    if round_ <= top:
        return None
    return FormatError("unknown_round", f"This stage has no {said}: it has at most {top} "
                       "round(s) there.", "round", **params, last=top)


def field_of(slots: int | None, qualifiers: int | None, groups: int | None,
             teams: int | None) -> int | None:
    """How many teams a stage seeded from an earlier one will hold: its ``slots``, or the
    top ``qualifiers`` of each of the earlier stage's ``groups`` (each group holding its
    share of the earlier stage's ``teams``, snake-drawn, when those are known). None when
    it is not known (the earlier stage's groups are its lobbies, as many as its field)."""
    if slots:
        return slots
    if not qualifiers or groups is None:
        return None
    if teams is None:
        return qualifiers * max(1, groups)
    return sum(min(qualifiers, size) for size in group_sizes(groups, teams))


def group_sizes(groups: int, teams: int) -> list[int]:
    """The teams of each of ``groups`` groups drawn from ``teams`` (snake-drawn: the first
    groups one more when they do not share evenly)."""
    count = max(1, groups)
    return [teams // count + (1 if g < teams % count else 0) for g in range(count)]


def places_held(places: Iterable[tuple[int, int]], groups: int, teams: int) -> bool:
    """Whether every (group, place) a stage's slots take is held by a team of an earlier
    stage of ``teams`` teams in ``groups`` groups (a group smaller than a slot expects
    leaves the stage waiting for the organizer)."""
    sizes = group_sizes(groups, teams)
    return all(1 <= g <= len(sizes) and 1 <= p <= sizes[g - 1] for g, p in places)


def draw(fmt: Any, settings: Any, teams: int | None,
         method: str = "standard") -> list[MatchPlan]:
    """The matches a format that draws every match at once makes for ``teams`` teams (in
    their order); none for a Swiss stage (it pairs as it goes), a field not known or too
    small, or one it cannot draw."""
    if teams is None or teams < 2 or fmt.pairs_rounds:
        return []
    try:
        return list(fmt.plan(list(range(1, teams + 1)), settings, method).matches)
    except (FormatError, ArithmeticError, ValueError):
        return []


def key(m: MatchPlan | MatchState) -> Key:
    """A match's bracket, round and group (drawn or stored)."""
    return (None if m.bracket is None else str(m.bracket), m.round, m.group)


def drawn(fmt: Any, settings: Any, teams: int | None, method: str = "standard") -> Reach:
    """The reach of a stage of ``teams`` teams as its draw would make it (``draw``): every
    bracket, group and round of a format that draws its matches at once; what the settings
    fix for a Swiss stage, or when the field is not known (or too small to draw)."""
    return reach(fmt, settings, [key(m) for m in draw(fmt, settings, teams, method)])


def stranded(plans: Iterable[Mapping[str, Any]], before: Reach,
             after: Reach) -> list[Mapping[str, Any]]:
    """The plans that can time a match of a stage reaching ``before`` and never could once
    it reaches ``after`` (a plan that could not before is no reason to refuse a change)."""
    def fits(where: Reach, p: Mapping[str, Any]) -> bool:
        return misfit(where, int(p["round"]), p.get("bracket"), p.get("group")) is None
    return [p for p in plans if fits(before, p) and not fits(after, p)]
