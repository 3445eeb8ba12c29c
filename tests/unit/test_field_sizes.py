"""How many teams a stage waiting for an earlier one will hold (``services/field_sizes.py``),
read from the event's stages alone: through every stage waiting in between, only when
every number it rests on is known (what spectators are told), and the stages a change
reaches down the chain."""

from __future__ import annotations

from typing import Any

from tournament.models import Stage
from tournament.services import field_sizes


def _stage(id_: int, fmt: str = "single_elimination", seeding: list[int] | None = None,
           source: dict[str, Any] | None = None, status: str = "running",
           hold: dict[str, Any] | None = None, **settings: Any) -> Stage:
    return Stage(id=id_, event_id=1, tournament_id=1, name=f"S{id_}", format=fmt,
                 settings=settings, seeding=seeding or [], source=source, status=status,
                 hold=hold)


def _waiting(id_: int, source: int, fmt: str = "single_elimination",
             **given: Any) -> Stage:
    return _stage(id_, fmt, source={"from_stage": source, **given}, status="pending",
                  hold={"code": "waiting_for_stage", "stage": source})


def _by_id(*stages: Stage) -> dict[int, Stage]:
    return {s.id: s for s in stages if s.id is not None}


def test_a_chain_of_waiting_stages_counts_each_from_the_one_before() -> None:
    """Eight teams in two groups send their top two (four) to a middle league, which sends
    its top four to the playoffs: four. With three teams in the groups (two and one) the
    middle gets three and the playoffs three, not "four of each group"."""
    groups = _stage(1, "round_robin", list(range(1, 9)), groups=2)
    middle = _waiting(2, 1, "round_robin", qualifiers=2)
    playoffs = _waiting(3, 2, qualifiers=4)
    stages = _by_id(groups, middle, playoffs)
    assert [field_sizes.teams_to_come(s, stages) for s in (groups, middle, playoffs)] == [
        None, 4, 4]
    assert field_sizes.field_ahead(playoffs, stages) == 4
    groups.seeding = [1, 2, 3]
    assert [field_sizes.teams_to_come(s, stages) for s in (middle, playoffs)] == [3, 3]


def test_slots_count_as_they_are_and_a_hold_for_too_few_teams_says_nothing() -> None:
    """Slots (two places and two direct entrants) are four whatever the earlier stage; a
    stage held for a place no team holds, or a stage after it, is told no number (it will
    not start with that field), but the console still plans its rounds for it."""
    groups = _stage(1, "round_robin", list(range(1, 7)), groups=2)
    knockout = _waiting(2, 1, qualifiers=1, slots=[{"group": 1, "place": 1}, 7,
                                                    {"group": 2, "place": 1}, 8])
    final = _waiting(3, 2, qualifiers=2)
    stages = _by_id(groups, knockout, final)
    assert [field_sizes.teams_to_come(s, stages) for s in (knockout, final)] == [4, 2]
    knockout.hold = {"code": "too_few_teams", "stage": 1, "group": 2, "places": [1, 1]}
    assert [field_sizes.teams_to_come(s, stages) for s in (knockout, final)] == [None, None]
    assert field_sizes.field_ahead(knockout, stages) == 4
    knockout.hold = {"code": "unresolved_tie", "stage": 1, "teams": [1, 2]}
    assert field_sizes.teams_to_come(knockout, stages) == 4


def test_a_number_not_known_is_not_guessed() -> None:
    """Battle royale lobbies (as many as the field fills) send a number only their field
    decides: the stage after them is told none; the plan checks read it as unknown too."""
    lobbies = _stage(1, "free_for_all", list(range(1, 33)), lobby_size=16)
    final = _waiting(2, 1, "free_for_all", qualifiers=8)
    stages = _by_id(lobbies, final)
    assert field_sizes.teams_to_come(final, stages) is None
    assert field_sizes.field_ahead(final, stages) is None


def test_a_change_reaches_every_stage_down_the_chain_once() -> None:
    a = _stage(1, "round_robin", list(range(1, 9)), groups=2)
    b = _waiting(2, 1, "round_robin", qualifiers=2)
    c = _waiting(3, 2, qualifiers=4)
    d = _waiting(4, 2, qualifiers=1)
    other = _stage(5, seeding=[1, 2])
    assert [s.id for s in field_sizes.later_stages(a, [a, b, c, d, other])] == [2, 3, 4]
    assert [s.id for s in field_sizes.later_stages(b, [a, b, c, d, other])] == [3, 4]
