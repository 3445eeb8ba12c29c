"""Round plans applied to the matches a step makes (``services/round_plans.py``: no
database): the times and stations the round schedule gives, only to new matches (or a
grand-final reset taken into play), only to the planned round, bracket and group."""

from __future__ import annotations

from datetime import UTC, datetime

from tournament.formats.machine_types import Changes
from tournament.formats.state import MatchState
from tournament.models import Stage
from tournament.services.round_plans import apply, slot_values, stored

PLAN = stored({"round": 2, "starts_at": "2026-11-30T13:00:00+09:00", "interval_minutes": 30,
               "venue": "Hall", "stations": ["A", "B"], "referee_id": 7})


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 30, hour - 9, minute, tzinfo=UTC)


def match(number: int, round_: int, **kw: object) -> MatchState:
    return MatchState(stage_id=1, tournament_id=1, number=number, round=round_, **kw)


def test_each_station_plays_at_once_then_the_interval():
    assert [(v["scheduled_at"], v["station"]) for v in slot_values(PLAN, 5)] == [
        (at(13), "A"), (at(13), "B"), (at(13, 30), "A"), (at(13, 30), "B"), (at(14), "A")]
    one = slot_values({**PLAN, "stations": []}, 3)
    assert [v["scheduled_at"] for v in one] == [at(13), at(13, 30), at(14)]
    assert "station" not in one[0] and one[0]["venue"] == "Hall" and one[0]["referee_id"] == 7


def test_only_the_planned_rounds_new_matches_get_the_plan():
    stage = Stage(id=1, event_id=1, tournament_id=1, name="S", format="swiss",
                  round_plans=[{**PLAN, "id": 1, "applied": None}])
    old = match(1, 2, scheduled_at=at(9), station="Z")  # in play already: keeps its time
    changes = Changes(changed={1: old}, added={5: match(5, 2), 6: match(6, 2),
                                               7: match(7, 3)})
    done = apply(stage, changes)
    assert [(plan, [m.number for m in ms]) for plan, ms in done] == [(1, [5, 6])]
    assert [(m.scheduled_at, m.station) for m in changes.added.values()] == [
        (at(13), "A"), (at(13), "B"), (None, None)]
    assert (old.scheduled_at, old.station) == (at(9), "Z")


def test_a_bracket_reset_taken_into_play_gets_its_plan_and_other_brackets_do_not():
    plan = {**PLAN, "id": 3, "round": 2, "bracket": "grand_final", "stations": ["Main"]}
    stage = Stage(id=1, event_id=1, tournament_id=1, name="DE", format="double_elimination",
                  round_plans=[plan])
    reset = match(14, 2, bracket="grand_final", conditional=True, active=True)
    lower = match(9, 2, bracket="losers")
    changes = Changes(changed={14: reset}, added={9: lower})
    assert [(p, [m.number for m in ms]) for p, ms in apply(stage, changes)] == [(3, [14])]
    assert (reset.scheduled_at, reset.station) == (at(13), "Main")
    assert lower.scheduled_at is None
    out = match(15, 2, bracket="grand_final", conditional=True, active=False)
    assert apply(stage, Changes(changed={15: out})) == []
