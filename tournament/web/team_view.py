"""What the team page and its calendar feed read of a team beyond its own row: its place in
each stage it plays, what fills its knockout matches' empty slots, where its open matches
send it, and its schedule's round names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..formats import registry
from ..services import stage_reads, tournaments
from . import words
from .last_stage import last_stage_id, swiss_band
from .stage_layout import layout
from .team_ahead import ahead, byes


def has_cut(stage: Mapping[str, Any]) -> bool:
    """Whether a team of the stage can still be knocked out while it is played: not in a
    league (or battle-royale table) without a line, where "Still in" says nothing."""
    return registry.get(stage["format"]).knocks_out(stage["settings"] or {})


async def team_standing(session: AsyncSession, event_id: int, team_id: int
                        ) -> tuple[list[dict[str, Any]], dict[int, Any], list[dict[str, Any]]]:
    """The team's row in each started stage of its event that it plays in (its place,
    record or points, whether it is through, and whether the stage can knock it out), as
    the stage's standings give it; by match id, what fills the empty slots of its knockout
    matches ("Winner of M5"); and where its open knockout matches send it
    (``team_ahead``)."""
    found = []
    fed: dict[int, Any] = {}
    next_up: list[dict[str, Any]] = []
    stages = await tournaments.event_stages(session, event_id)
    # the stage that gives the event its final places (``reads.event_placements``)
    last = last_stage_id(stages)
    for stage in stages:
        if stage.status == "pending" or team_id not in (stage.seeding or []):
            continue
        view = layout(await stage_reads.stage_view(session, stage))
        fed |= {m["id"]: m["fed"] for m in view["matches"]
                if m.get("fed") and team_id in m["teams"]}
        if view["knockout"]:
            next_up += ahead(view, team_id)
        row = next((r for r in view["standings"] if r["team_id"] == team_id), None)
        if row is not None:
            mates = [r for r in view["standings"] if r.get("group") == row.get("group")]
            # before anyone of its table has played, every team is "1st": no place is said
            played = any(r["wins"] or r["losses"] or r.get("draws") or r.get("games")
                         for r in mates)
            summary = views.stage_summary(stage)
            out = {t["id"] for t in view.get("teams", []) if t.get("withdrawn")}
            found.append({"stage": summary, "row": row, "cut": has_cut(summary),
                          "cols": view["columns"], "placed": played and row["rank"],
                          "last": stage.id == last,
                          # where the event ends with a Swiss: the places a team through
                          # finishes between (``last_stage.swiss_band``)
                          "band": swiss_band(summary, view["standings"], row, out)
                          if stage.id == last else None,
                          "groups": len({r.get("group") for r in view["standings"]}) > 1,
                          "byes": byes(view, team_id)})
    return found, fed, next_up


def status_word(found: Mapping[str, Any], placement: tuple[int, int] | None,
                team: Mapping[str, Any]) -> str | None:
    """The word (a message id) that says where the team stands in one stage of
    ``team_standing``, or None for none. In the event's last stage nobody goes through to
    anything: the team that won it is "Champion" (not "Advanced"), the one alone in 2nd
    "Runner-up" (not "Eliminated", though it lost the final), the one alone in 3rd "3rd
    place" (not "Eliminated", though a third-place match's winner is out); a team through
    is never "Advanced" there: its place says it, or the places a Swiss team finishes
    between (``band``, said by the template). "Still in" only while a team can still go
    out (``has_cut``) and the stage is played; a team that left is named by why
    (``words.left_word``)."""
    row, stage = found["row"], found["stage"]
    if team.get("withdrawn"):
        return words.left_word(team)
    if found.get("last") and placement in words.FINAL_WORDS:
        return words.FINAL_WORDS[placement]
    if found.get("last") and row["status"] == "advanced" and (
            placement is not None or found.get("band")):
        return None
    if row["status"] == "active" and not (found["cut"] and stage["status"] != "completed"):
        return None
    return words.TEAM_STATUS[row["status"]]


def with_words(standing: list[dict[str, Any]], placement: tuple[int, int] | None,
               team: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``team_standing``'s stages, each with its ``status_word`` as ``said``, and its
    ``band`` only where no word is said (a team that left is named so). Where the word or
    the band is a place (3위, 1–2위), the stage's own place is not said beside it."""
    found = []
    for s in standing:
        said = status_word(s, placement, team)
        band = s.get("band") if said is None else None
        placed = s["placed"] and not band and said not in words.PLACE_WORDS
        found.append({**s, "said": said, "band": band, "placed": placed})
    return found


def with_rounds(team: Mapping[str, Any], fed: Mapping[int, Any] | None = None
                ) -> dict[str, Any]:
    """The team's schedule with each match's round as its bracket names it (and what fills
    an empty slot, from ``team_standing``)."""
    return {**team, "schedule": [{**m, "round_label": words.match_round(
        m, m["stage"]["format"], m["stage"]["team_count"], m["stage"]["settings"]),
        "fed": (fed or {}).get(m["id"])} for m in team["schedule"]]}
