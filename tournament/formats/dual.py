"""Groups of brackets: the teams drawn into groups by snake seeding (as round robin groups),
each group an independent bracket. A group of four playing a double elimination without a
grand final is the GSL ("dual tournament") group of VALORANT Champions and StarCraft's GSL:
opening matches 1 v 4 and 2 v 3, a winners' match, an elimination match and a decider.

Matches are numbered in order of play across the groups: the first column of every group's
bracket (group A, then B ...), then every group's second column, and so on. A column is
one (bracket, round) of a group's own plan, in that plan's order; so each group's matches
keep the order (and the links) of the bracket planned alone, and ``numbers`` maps them
back to it, which is how the standings read each group with the one-bracket rules.

A GSL group's rounds are named as broadcasters and Liquipedia name them (``GSL_ROUNDS``:
the opening matches, the winners' match, the elimination match, the decider match), not by
the double elimination's names for a bracket's last rounds (``is_gsl``: four teams, no
grand final, nobody starting in the lower bracket; a stage of one such bracket too). The
two opening matches share a round but not a name: each is called by its place in the
group's order of play (``opener``: Opening match 1 and 2, as Liquipedia numbers them and
Korean broadcasts call them 1경기 and 2경기), wherever one match is named.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from .seeding import snake_groups
from .types import Feed, FormatError, MatchPlan, Slot, StagePlan, link_feeds

OneBracket = Callable[[list[int]], StagePlan]

GSL_TEAMS = 4
# (bracket, round) of a GSL group's bracket -> its name (message ids); ko 첫 경기, 승자전,
# 패자전, 최종전 and ja 初戦, 勝者戦, 敗者戦, 最終戦 as Korean and Japanese coverage says
GSL_ROUNDS = {("winners", 1): "Opening matches", ("winners", 2): "Winners' match",
              ("losers", 1): "Elimination match", ("losers", 2): "Decider match"}
# one opening match (its place in the group's order of play): ko %d경기, ja 第%d試合
OPENER = "Opening match %d"


def is_gsl(field: int, settings: Mapping[str, Any]) -> bool:
    """Whether a bracket of ``field`` teams, played with ``settings``, is a GSL group."""
    return field == GSL_TEAMS and settings.get("grand_final", "single") == "none" \
        and not settings.get("lower_start") and not settings.get("lower_entries")


def gsl_round(bracket: str | None, round_number: int) -> tuple[str, None] | None:
    """A GSL group's round by name; None for one it does not name (a tiebreaker)."""
    name = GSL_ROUNDS.get((str(bracket), round_number))
    return (name, None) if name else None


def opener(match: Mapping[str, Any], numbers: Mapping[int, int]) -> tuple[str, int] | None:
    """An opening match of a GSL group by its own name: its number in its group's bracket
    (1 or 2; ``numbers``: the stage's match numbers -> the group's, empty for a stage of
    one bracket); None for any other match."""
    if (match.get("bracket"), match.get("round")) != ("winners", 1):
        return None
    number = int(match["number"])
    return OPENER, numbers.get(number, number)


def name_openers(stage: Mapping[str, Any], gsl: Callable[[int | None], bool],
                 name: Callable[[Mapping[str, Any]], tuple[str, Any]]) -> dict[str, Any]:
    """The stage with each GSL group's opening matches carrying their ``name`` (the match
    boxes show it: two boxes under one "Opening matches" are told apart)."""
    return {**stage, "matches": [
        {**m, "name": name(m)} if (m["bracket"], m["round"]) == ("winners", 1)
        and gsl(m.get("group")) else m for m in stage["matches"]]}


def gsl_sections(sections: list[dict[str, Any]], gsl: bool) -> list[dict[str, Any]]:
    """A GSL group's bracket sections drawn without "Upper bracket" and "Lower bracket":
    its round names (Opening matches … Decider match) already say which is which."""
    return [{**s, "title": None} for s in sections] if gsl else sections


def sizes(count: int, groups: int) -> tuple[int, ...]:
    """How many teams each group gets from ``count`` teams (snake seeding)."""
    return tuple(len(g) for g in snake_groups(list(range(count)), groups))


def group_size(count: int, groups: int, group: int | None) -> int:
    """The size of ``group`` (1-based), or of the whole field without groups."""
    if groups <= 1 or group is None:
        return count
    found = sizes(count, groups)
    return found[group - 1] if 0 < group <= len(found) else count


def order(plans: list[StagePlan]) -> list[tuple[int, int]]:
    """(group index, the match's number in its group's plan) in the stage's order of play."""
    keyed: list[tuple[int, int, int]] = []
    for g, planned in enumerate(plans):
        columns: dict[tuple[str | None, int], int] = {}
        for m in sorted(planned.matches, key=lambda m: m.number):
            column = columns.setdefault((m.bracket, m.round), len(columns))
            keyed.append((column, g, m.number))
    return [(g, number) for _, g, number in sorted(keyed)]


def numbers(plans: list[StagePlan]) -> list[dict[int, int]]:
    """For each group: the stage's match number -> the number in the group's own plan."""
    out: list[dict[int, int]] = [{} for _ in plans]
    for stage_number, (g, number) in enumerate(order(plans), start=1):
        out[g][stage_number] = number
    return out


def grouped(teams: list[int], groups: int, one: OneBracket, *, minimum: int) -> StagePlan:
    """Every group's bracket in one plan; matches carry their 1-based ``group``."""
    if len(set(teams)) != len(teams):
        raise FormatError("duplicate_team", "A team appears twice in the seeding.", "seeding")
    drawn = snake_groups(teams, groups)
    if any(len(g) < minimum for g in drawn):
        raise FormatError("too_few_teams", f"Too many groups: every group needs at least "
                          f"{minimum} teams.", "settings.groups", groups=groups,
                          teams=len(teams), minimum=minimum)
    plans = [one(g) for g in drawn]
    stage_number = {(g, number): n for n, (g, number) in enumerate(order(plans), start=1)}
    by_key = {(g, m.number): m for g, p in enumerate(plans) for m in p.matches}
    matches: list[MatchPlan] = []
    for (g, number), n in sorted(stage_number.items(), key=lambda kv: kv[1]):
        m = by_key[(g, number)]

        def moved(slot: Slot, g: int = g) -> Slot:
            return Feed(stage_number[(g, slot.match)], slot.outcome) \
                if isinstance(slot, Feed) else slot

        matches.append(replace(m, number=n, slots=(moved(m.slots[0]), moved(m.slots[1])),
                               group=g + 1, winner_to=None, loser_to=None))
    link_feeds(matches)
    return StagePlan(matches)
