"""Swiss pairings: the next round's match-ups from each team's record so far (the format
itself, its settings and standings, is ``swiss.py``).

Two systems (``pairing``):

``"valve"`` - the Counter-Strike Major rules (ValveSoftware/counter-strike_rules_and_regs,
``major-supplemental-rulebook.md``, "Swiss Bracket" and "Mid-stage Seed Calculation"):

* teams meet only teams with the same W-L record;
* round 1: seed ``i`` v seed ``i + n/2`` (1 v 9, 2 v 10 ... 8 v 16);
* later rounds re-seed each record group by record, Difficulty Score (Buchholz: the sum of
  each opponent's current wins minus losses), then initial seed;
* rounds 2 and 3: the highest seed meets the lowest seed available without a rematch
  (searched in that preference order, which also covers the rulebook's "the final two
  high seeds swap opponents" when the last match-up would be a rematch);
* other rounds: a group of six takes the top-most row of the rulebook's priority table
  that has no rematch; other group sizes use the round 2-3 rule.

Record groups of odd size (fields that are not a power of two, or a team withdrew) pass
their lowest seed down to the next group, and the last one's gets a bye; the lowest seed
whose leaving lets the rest pair without a rematch, and for the bye the lowest seed that has
not had one (these rules are the service's: the rulebook's fields are always 16).

``"standard"`` - any number of teams and rounds: pairs within score groups, floats when it
must, never repeats a pairing while an alternative exists and never gives a second bye
while another team can take it. It is solved as a maximum-weight perfect matching
(networkx), not greedily: a second bye costs more than any number of rematches, a rematch
more than any amount of floating (squared score differences), floating more than any
seed preference; within a score group the top half meets the bottom half, a float is the
lowest-ranked team of its group and meets the highest-ranked of the group below, and the bye
goes to the lowest-ranked team of the lowest score group that has not had one.

Round 1 follows the stage's seeding method (``first_round``): ``"standard"`` is the
round 1 above, top half v bottom half (a "slide": 1 v 5 of 8, 1 v 9 of 16), the Valve
rulebook's "Initial Swiss Match-ups" and FIDE's Dutch system (C.04.3: S1 v S2); ``"natural"``
pairs the list as given, 1 v 2, 3 v 4 (an "adjacent" pairing: any round 1 an organizer
draws, typed as the seeding). An odd field's lowest seed has the bye in both.

A bye is a win: the caller records it in ``wins`` and sets ``had_bye``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from .records import Record, buchholz, records
from .results import MatchResult
from .types import FormatError

Pairing = tuple[int, int | None]  # (team, opponent); opponent None = a bye
SwissStatus = Literal["active", "advanced", "eliminated"]
_BYE = "bye"  # the bye's node in the matching graph (team ids are ints)

# The rulebook's priority table for a group of six (1-based positions in seed order).
VALVE_SIX_TABLE: tuple[tuple[tuple[int, int], ...], ...] = (
    ((1, 6), (2, 5), (3, 4)), ((1, 6), (2, 4), (3, 5)), ((1, 5), (2, 6), (3, 4)),
    ((1, 5), (2, 4), (3, 6)), ((1, 4), (2, 6), (3, 5)), ((1, 4), (2, 5), (3, 6)),
    ((1, 6), (2, 3), (4, 5)), ((1, 5), (2, 3), (4, 6)), ((1, 3), (2, 6), (4, 5)),
    ((1, 3), (2, 5), (4, 6)), ((1, 4), (2, 3), (5, 6)), ((1, 3), (2, 4), (5, 6)),
    ((1, 2), (3, 6), (4, 5)), ((1, 2), (3, 5), (4, 6)), ((1, 2), (3, 4), (5, 6)),
)


@dataclass(frozen=True, slots=True)
class SwissEntry:
    team: int
    seed: int  # initial seed of the stage, 1 = best
    wins: int = 0  # a bye counts as a win
    losses: int = 0
    opponents: tuple[int, ...] = ()  # every opponent faced, in order
    had_bye: bool = False
    draws: int = 0
    byes: int = 0  # how many (``had_bye`` alone counts as one)


class PairingRules(Protocol):
    """What pairing reads of a Swiss stage's settings (``swiss.SwissSettings``)."""

    @property
    def pairing(self) -> str: ...
    @property
    def wins_to_advance(self) -> int | None: ...  # None: nobody advances early
    @property
    def losses_to_eliminate(self) -> int | None: ...
    @property
    def best_of(self) -> int: ...
    @property
    def decider_best_of(self) -> int | None: ...


def status(entry: SwissEntry, settings: PairingRules) -> SwissStatus:
    if settings.wins_to_advance is not None and entry.wins >= settings.wins_to_advance:
        return "advanced"
    if settings.losses_to_eliminate is not None and entry.losses >= settings.losses_to_eliminate:
        return "eliminated"
    return "active"


def statuses(entries: Iterable[SwissEntry], settings: PairingRules) -> dict[int, SwissStatus]:
    return {e.team: status(e, settings) for e in entries}


def is_decider(a: SwissEntry, b: SwissEntry | None, settings: PairingRules) -> bool:
    """Whether the match can advance or eliminate a team (at wins-1 or losses-1)."""
    if b is None:
        return False
    for e in (a, b):
        if settings.wins_to_advance is not None and e.wins == settings.wins_to_advance - 1:
            return True
        if (settings.losses_to_eliminate is not None
                and e.losses == settings.losses_to_eliminate - 1):
            return True
    return False


def match_best_of(a: SwissEntry, b: SwissEntry | None, settings: PairingRules) -> int:
    if settings.decider_best_of is not None and is_decider(a, b, settings):
        return settings.decider_best_of
    return settings.best_of


def _table(entries: Iterable[SwissEntry]) -> dict[int, Record]:
    """The records Buchholz reads, as the standings build them (``records.records``): a
    bye counts as a round against the team itself."""
    return {e.team: Record(e.wins, e.losses, e.draws, list(e.opponents),
                           byes=max(e.byes, int(e.had_bye))) for e in entries}


def difficulty(entry: SwissEntry, by_team: Mapping[int, SwissEntry]) -> int:
    """Valve's Difficulty Score (Buchholz): opponents' current wins minus losses."""
    return buchholz(entry.team, _table([*by_team.values(), entry]))


def seed_order(entries: Sequence[SwissEntry],
               field: Sequence[SwissEntry] | None = None) -> list[SwissEntry]:
    """Mid-stage seeding: record (wins minus losses, then wins), then Difficulty Score
    against the whole ``field``, then initial seed."""
    table = _table(field if field is not None else entries)
    return sorted(entries, key=lambda e: (-(e.wins - e.losses), -e.wins,
                                          -buchholz(e.team, table), e.seed))


def pair_round(
    entries: Sequence[SwissEntry],
    round_number: int,
    settings: PairingRules,
    withdrawn: frozenset[int] = frozenset(),
) -> list[Pairing]:
    """The next round's pairings among the active teams, higher seed first (slot 0).
    ``entries`` is the whole field: a team that withdrew is not paired, but its record still
    counts in its past opponents' Difficulty Score, as the standings count it."""
    if len({e.team for e in entries}) != len(entries):
        raise FormatError("duplicate_team", "A team appears twice in the Swiss field.")
    active = [e for e in entries if status(e, settings) == "active"
              and e.team not in withdrawn]
    if settings.pairing == "valve":
        return _pair_valve(active, list(entries), round_number)
    if settings.pairing == "standard":
        return _pair_standard(active, list(entries))
    raise FormatError("invalid_settings", f"Unknown Swiss pairing {settings.pairing!r}.",
                      "settings.pairing")


def adjacent_round(entries: Sequence[SwissEntry]) -> list[Pairing]:
    """Round 1 with ``seeding_method: "natural"``: seeds 1 v 2, 3 v 4 ... in seed order,
    the lowest seed's bye last when the field is odd."""
    ordered = sorted(entries, key=lambda e: e.seed)
    bye = ordered.pop() if len(ordered) % 2 else None
    pairs: list[Pairing] = [(ordered[i].team, ordered[i + 1].team)
                            for i in range(0, len(ordered), 2)]
    return pairs + ([(bye.team, None)] if bye else [])


def _played(a: SwissEntry, b: SwissEntry) -> bool:
    return b.team in a.opponents or a.team in b.opponents


def _pair_valve(active: list[SwissEntry], field: list[SwissEntry], round_number: int
                ) -> list[Pairing]:
    if round_number == 1:
        ordered = sorted(active, key=lambda e: e.seed)
        bye = ordered.pop() if len(ordered) % 2 else None
        half = len(ordered) // 2
        pairs: list[Pairing] = [(ordered[i].team, ordered[i + half].team) for i in range(half)]
        return pairs + ([(bye.team, None)] if bye else [])
    by_record: dict[tuple[int, int], list[SwissEntry]] = {}
    for e in seed_order(active, field):  # record groups in order, each in seed order
        by_record.setdefault((e.wins, e.losses), []).append(e)
    pairs = []
    carry: list[SwissEntry] = []
    groups = list(by_record.values())
    for index, same in enumerate(groups):
        group = carry + same
        carry = [_passed_down(group, last=index == len(groups) - 1)] if len(group) % 2 else []
        if len(group) == 6 and round_number not in (2, 3):
            pairs += _valve_table(group) or _high_low(group)
        else:
            pairs += _high_low(group)
    if carry:
        pairs.append((carry[0].team, None))
    return pairs


def _passed_down(group: list[SwissEntry], last: bool) -> SwissEntry:
    """Take the team an odd record group passes down (from the last group: the bye) out of
    ``group``: the lowest seed whose leaving lets the rest pair without a rematch, and for
    the bye the lowest seed without one; the lowest seed when no choice avoids both."""
    order = list(reversed(group))  # lowest seed first
    if last:
        order.sort(key=lambda e: e.had_bye)  # stable: no bye yet first
    chosen = next((e for e in order
                   if _search([x for x in group if x is not e]) is not None), order[0])
    group.remove(chosen)
    return chosen


def _valve_table(group: list[SwissEntry]) -> list[Pairing] | None:
    for row in VALVE_SIX_TABLE:
        if not any(_played(group[a - 1], group[b - 1]) for a, b in row):
            return [(group[a - 1].team, group[b - 1].team) for a, b in row]
    return None


def _high_low(group: list[SwissEntry]) -> list[Pairing]:
    """Highest seed v lowest available without a rematch, backtracking when stuck.

    The first solution in that preference order is the rulebook's: when only the last
    match-up would be a rematch, the last two high seeds end up swapping opponents.
    """
    found = _search(group)
    if found is not None:
        return found
    n = len(group)  # a rematch cannot be avoided (or the search gave up): fold the group
    return [(group[i].team, group[n - 1 - i].team) for i in range(n // 2)]


def _search(group: list[SwissEntry]) -> list[Pairing] | None:
    """The first rematch-free pairing of ``group`` in high-v-low preference order, or None
    (none exists, or the search gave up)."""
    budget = [20_000]

    def search(rest: list[SwissEntry]) -> list[Pairing] | None:
        if not rest:
            return []
        budget[0] -= 1
        if budget[0] < 0:
            return None
        top = rest[0]
        for j in range(len(rest) - 1, 0, -1):
            if _played(top, rest[j]):
                continue
            tail = search(rest[1:j] + rest[j + 1:])
            if tail is not None:
                return [(top.team, rest[j].team), *tail]
        return None

    return search(group)


def _pair_standard(active: list[SwissEntry], field: list[SwissEntry]) -> list[Pairing]:
    if not active:
        return []
    table = _table(field)
    ranked = sorted(active, key=lambda e: (-(2 * e.wins + e.draws),
                                           -buchholz(e.team, table), e.seed))
    position = {e.team: i for i, e in enumerate(ranked)}
    score = {e.team: 2 * e.wins + e.draws for e in ranked}
    groups: dict[int, list[int]] = {}
    for e in ranked:
        groups.setdefault(score[e.team], []).append(e.team)
    n = len(ranked)
    spread = max(score.values()) - min(score.values())
    seed_unit = 1
    float_unit = seed_unit * (n + 1) * (n + 1)
    rematch_unit = float_unit * (spread * spread + 1) * (n + 1)
    second_bye = rematch_unit * (n + 1)
    big = second_bye * 4

    index_in_group = {t: (i, len(g)) for g in groups.values() for i, t in enumerate(g)}
    lowest = min(score.values())
    # imported at first use: it was a tenth of every server start and test worker's import
    import networkx as nx  # type: ignore[import-untyped]

    graph = nx.Graph()
    for i, a in enumerate(ranked):
        for b in ranked[i + 1:]:
            cost = (score[a.team] - score[b.team]) ** 2 * float_unit
            if _played(a, b):
                cost += rematch_unit
            (ia, size), (ib, _) = index_in_group[a.team], index_in_group[b.team]
            if score[a.team] == score[b.team]:
                cost += abs(abs(ib - ia) - size // 2) * seed_unit
            else:
                # A float: the lowest-ranked of the higher group moves down and meets the
                # highest-ranked of the lower one (FIDE Dutch system, C.04.3: the
                # downfloater is paired with the top resident of the bracket below).
                cost += ((size - 1 - ia) + ib) * seed_unit
            graph.add_edge(a.team, b.team, weight=big - cost)
    if n % 2:
        for e in ranked:
            # The lowest-ranked team without a bye takes it; a second bye only if unavoidable.
            cost = ((score[e.team] - lowest) ** 2 * float_unit + (n - position[e.team]) * seed_unit
                    + (second_bye if e.had_bye else 0))
            graph.add_edge(e.team, _BYE, weight=big - cost)
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    pairs: list[Pairing] = []
    for u, v in matching:
        if u == _BYE or v == _BYE:
            pairs.append((v if u == _BYE else u, None))
        elif position[u] < position[v]:
            pairs.append((u, v))
        else:
            pairs.append((v, u))
    pairs.sort(key=lambda p: position[p[0]])
    return pairs


def entries_from_results(seeding: Sequence[int],
                         results: Sequence[MatchResult]) -> list[SwissEntry]:
    """Each team's record so far from the completed matches (a bye is a win)."""
    table = records(results, seeding)
    return [SwissEntry(team=t, seed=i + 1, wins=table[t].wins, losses=table[t].losses,
                       opponents=tuple(table[t].opponents), had_bye=table[t].byes > 0,
                       draws=table[t].draws, byes=table[t].byes)
            for i, t in enumerate(seeding)]
