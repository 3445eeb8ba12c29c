"""What a team's line says in its event's last stage, where nobody goes through to anything:
a Swiss team that reached its wins has "advanced" in the stage's own terms, but the event
ends there, so its line names the places it finishes between (3–0 in a 16-team Valve
Swiss: "1–2위" / "1–2位" / "1st–2nd"), as Liquipedia's results place a Swiss stage's
teams by record; once the stage is over its place says it."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any

from ..formats.types import StageFormat


def last_stage_id(stages: Sequence[Any]) -> int | None:
    """The stage that gives the event its final places (``reads.event_placements``): the
    last one that is not a draft."""
    return next((s.id for s in reversed(stages) if s.status != "draft"), None)


def swiss_band(stage: Mapping[str, Any], rows: Sequence[Mapping[str, Any]],
               row: Mapping[str, Any], out: Container[int | None] = ()) -> tuple[int, int] | None:
    """The places (best, how many share the band) a team of a running Swiss that is its
    event's last stage finishes between, once it reached ``wins_to_advance``: below every
    team through with fewer losses, above none still able to finish with as few (a team
    still playing needs only its wins). None for any other team or stage; ``out``: the
    teams that left (they finish nowhere near)."""
    settings = stage.get("settings") or {}
    if stage.get("format") != StageFormat.SWISS or stage.get("status") != "running" \
            or settings.get("wins_to_advance") is None or row.get("status") != "advanced":
        return None
    losses = row["losses"]
    others = [r for r in rows if r["team_id"] not in out]
    best = 1 + sum(r["status"] == "advanced" and r["losses"] < losses for r in others)
    worst = sum(r["status"] in ("advanced", "active") and r["losses"] <= losses
                for r in others)
    return best, max(worst, best) - best + 1


def bands(stage: Mapping[str, Any], rows: Sequence[Mapping[str, Any]],
          out: Container[int | None] = ()) -> dict[int, tuple[int, int]]:
    """``swiss_band`` of every team of the stage that has one, by team id."""
    found = {r["team_id"]: swiss_band(stage, rows, r, out) for r in rows}
    return {team: band for team, band in found.items() if band is not None}


def with_last_stage(stage: dict[str, Any], stages: Sequence[Any],
                    out: Container[int | None]) -> dict[str, Any]:
    """The stage as its page draws it, told whether it ends the event (``last_stage``):
    then its table says no "Advanced" (``advanced_word``: none), a Swiss team through
    says the places it finishes between (``bands``), and once it is over the places say
    it all, with no status column (``places_say_all``) unless a team that left must be
    named so (or it is played in groups: a group's places are no event places, and its
    teams through keep "Advanced"). ``out``: the event's teams that left."""
    last = stage.get("id") == last_stage_id(stages)
    rows = stage.get("standings") or []
    return {**stage, "last_stage": last,
            "bands": bands(stage, rows, out) if last else {},
            "places_say_all": last and stage.get("status") == "completed"
            and not stage.get("grouped") and not any(r["team_id"] in out for r in rows)}
