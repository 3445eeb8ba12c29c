"""Where a team goes from the knockout match it is playing or about to play: the match its
win sends it to, and the one its loss does (a lower bracket, a third-place match), with
the opponent there or what decides it ("Winner of M6")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import words


def ahead(view: Mapping[str, Any], team_id: int) -> list[dict[str, Any]]:
    """For each of the team's open (ready or live) matches of a laid-out knockout stage
    (``stage_layout.layout``: matches carry ``fed``), the matches its result feeds:
    ``{"outcome": "winner"|"loser", "from": M number, "match": the match, "round_label",
    "opponent": team id or None, "opponent_fed": ("winner", 6) or None}``. A bracket
    reset is left out: it is played only if the lower-bracket finalist wins."""
    found: list[dict[str, Any]] = []
    teams = view.get("team_count") or len(view.get("seeding") or [])
    for m in view["matches"]:
        if team_id not in m["teams"] or m["status"] not in ("ready", "live"):
            continue
        for x in view["matches"]:
            if x["bracket"] == "grand_final" and x["round"] > 1:
                continue
            for slot, source in enumerate(x.get("fed") or []):
                if not source or source[1] != m["number"] or x["teams"][slot] is not None:
                    continue
                other = 1 - slot
                found.append({
                    "outcome": source[0], "from": m["number"], "match": x,
                    "round_label": words.match_round(x, view["format"], teams,
                                                     view.get("settings")),
                    "opponent": x["teams"][other],
                    "opponent_fed": (x.get("fed") or [None, None])[other]})
    return sorted(found, key=lambda a: (a["from"], a["outcome"] != "winner"))


def byes(view: Mapping[str, Any], team_id: int) -> list[dict[str, Any]]:
    """The team's byes in a stage (a match it alone was drawn into, settled without play),
    each with its round as the bracket names it: the schedule (``GET /api/teams/{id}``)
    lists no byes, so a Swiss team 1–0 after a bye read "no matches yet"."""
    teams = view.get("team_count") or len(view.get("seeding") or [])
    return [{**m, "bye": True,
             "round_label": words.match_round(m, view["format"], teams, view.get("settings"))}
            for m in view["matches"]
            if m["status"] == "completed" and team_id in m["teams"] and None in m["teams"]
            and "placings" not in m]


def with_byes(team: Mapping[str, Any], standing: list[dict[str, Any]]) -> dict[str, Any]:
    """The team's schedule with the byes of each stage (``team_standing``'s ``byes``), each
    before the first match of its stage numbered after it (a round's matches are numbered
    before the next round's), else after its stage's last match."""
    schedule = list(team["schedule"])
    for found in standing:
        for bye in found.get("byes", []):
            same = [i for i, m in enumerate(schedule) if m["stage_id"] == bye["stage_id"]]
            later = [i for i in same if schedule[i]["number"] > bye["number"]]
            at = later[0] if later else same[-1] + 1 if same else len(schedule)
            schedule.insert(at, {**bye, "stage": found["stage"]})
    return {**team, "schedule": schedule}
