"""How a stage is drawn, as plain data the template partials read: bracket columns with
their connectors, round robin groups with a cross table, Swiss rounds grouped by record.
Formats compose these in their ``layout`` hook; labels are message ids."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .records import Record, records_before_rounds

Label = tuple[str, int | None]
View = Mapping[str, Any]
SECTIONS = {"winners": "Upper bracket", "losers": "Lower bracket",
            "grand_final": "Grand final", "third_place": "Third place match",
            "tiebreaker": "Tiebreakers"}
BRACKETS = ("winners", "losers", "grand_final", "third_place", "tiebreaker")


def shown_score(match: View) -> list[int]:
    """The score people expect to see: a one-game match with its game's own score shows
    that score (a 2-0 football win, a 13-9 map), any other match its series score."""
    games = match.get("games") or []
    if match["best_of"] == 1 and len(games) == 1:
        return list(games[0])
    return list(match["score"])


def score_texts(match: View) -> list[str]:
    """Each side's score as every page shows it (the one place of this rule; static/js
    live.js ``scoreText`` and referee-logic.js ``sideText`` are its copies in the browser):
    ``FF`` for the side that forfeited, ``W`` for the winner of a forfeit with nothing
    counted (a walkover, not a 0 beside FF), otherwise its ``shown_score``. ``FF`` and
    ``W`` are message ids (``words.side_scores`` translates them)."""
    forfeit = match.get("forfeit")
    return ["FF" if forfeit and match.get("forfeited_by") == i + 1
            else "W" if forfeit and match.get("winner") == i + 1 and not v
            else str(v) for i, v in enumerate(shown_score(match))]


def named_round(bracket: str | None, round_number: int) -> Label:
    """Rounds every format names alike: third place, tiebreakers, numbered rounds."""
    if bracket == "third_place":
        return "Third place match", None
    if bracket == "tiebreaker":
        return "Tiebreaker", None
    return "Round %d", round_number


def named_from_end(names: Sequence[str], from_end: int, numbered: str,
                   round_number: int) -> Label:
    """A bracket's round counted back from its last (``from_end`` 0): ``names[from_end]``
    where there is one (the final, the semifinal …), else numbered (``numbered``)."""
    if 0 <= from_end < len(names):
        return names[from_end], None
    return numbered, round_number


def round_of(matches: Sequence[View], r: int) -> Label:
    """Round robin and Swiss rounds are numbered; tiebreakers are named."""
    if any(m["bracket"] == "tiebreaker" for m in matches if m["round"] == r):
        return "Tiebreaker", None
    return "Round %d", r


def brackets(matches: Sequence[View], label: Callable[[str, int, int], Label],
             first_title: str) -> list[dict[str, Any]]:
    """One section per bracket (upper, lower, grand final, third place, tiebreakers), each
    in columns by round; ``label(bracket, round, last round)`` names a column."""
    sections = []
    for bracket in BRACKETS:
        chosen = [m for m in matches if m["bracket"] == bracket]
        if chosen:
            sections.append({"kind": "bracket", "bracket": bracket,
                             "title": first_title if bracket == "winners" else
                             SECTIONS[bracket], "columns": _columns(chosen, bracket, label)})
    return sections


def _columns(matches: Sequence[View], bracket: str,
             label: Callable[[str, int, int], Label]) -> list[dict[str, Any]]:
    rounds = sorted({m["round"] for m in matches})
    by_round = {r: sorted((m for m in matches if m["round"] == r), key=lambda m: m["number"])
                for r in rounds}
    columns = []
    for i, r in enumerate(rounds):
        here = by_round[r]
        after = by_round[rounds[i + 1]] if i + 1 < len(rounds) else []
        # two matches feed one when the next round halves; otherwise each feeds straight on
        joined = bool(after) and len(after) * 2 == len(here)
        groups = [here[j:j + 2] for j in range(0, len(here), 2)] if joined else \
            [[m] for m in here]
        text, param = label(bracket, r, rounds[-1])
        columns.append({"round": r, "label": text, "param": param, "pairs": groups,
                        "joined": joined, "straight": bool(after) and not joined,
                        "first": i == 0})
    return columns


def bracket_groups(stage: View, label: Callable[[int], Callable[[str, int, int], Label]],
                   first_title: str) -> list[dict[str, Any]]:
    """One section per group of brackets (GSL groups): its standings and its brackets,
    each drawn as ``brackets`` draws a stage; ``label(group)`` names that group's rounds."""
    matches = stage["matches"]
    sections = []
    for g in sorted({m["group"] or 1 for m in matches}):
        sections.append({"kind": "group", "group": g, "letter": chr(64 + g),
                         "standings": [r for r in stage["standings"]
                                       if (r.get("group") or 1) == g],
                         "brackets": brackets([m for m in matches if (m["group"] or 1) == g],
                                              label(g), first_title)})
    return sections


def groups(stage: View) -> list[dict[str, Any]]:
    """One section per group: its standings, a cross table and its rounds."""
    matches = stage["matches"]
    sections = []
    for g in sorted({m["group"] or 1 for m in matches}):
        chosen = [m for m in matches if (m["group"] or 1) == g]
        rows = [r for r in stage["standings"] if (r.get("group") or 1) == g]
        sections.append({"kind": "group", "group": g, "letter": chr(64 + g),
                         "standings": rows, "cross": _cross(rows, chosen),
                         "rounds": rounds(chosen)})
    return sections


def rounds(matches: Sequence[View]) -> list[dict[str, Any]]:
    numbers = sorted({m["round"] for m in matches})
    return [{"round": r, "label": round_of(matches, r),
             "matches": sorted((m for m in matches if m["round"] == r),
                               key=lambda m: m["number"])} for r in numbers]


def _cross(rows: Sequence[View], matches: Sequence[View]) -> dict[str, Any]:
    """A cross table: for each (row team, column team) the results of their matches as
    seen from the row team (``2-1``; ``FF-0`` for a forfeit it gave), in row order of
    the standings."""
    order = [r["team_id"] for r in rows]
    cells: dict[int, dict[int, list[dict[str, Any]]]] = {t: {} for t in order}
    for m in matches:
        a, b = m["teams"]
        if a is None or b is None:
            continue
        for me, other, mine, theirs, side in ((a, b, 0, 1, 1), (b, a, 1, 0, 2)):
            done = m["status"] == "completed"
            outcome = "" if not done else "d" if m["draw"] else "w" if m["winner"] == side \
                else "l"
            shown = score_texts(m)  # as on the match cards
            played = m["status"] in ("live", "completed")
            cells.setdefault(me, {}).setdefault(other, []).append({
                "id": m["id"], "text": f"{shown[mine]}–{shown[theirs]}" if played else "",
                "scores": [shown[mine], shown[theirs]] if played else [],
                "outcome": outcome, "status": m["status"],
                "annulled": bool(m.get("annulled"))})
    return {"order": order, "cells": cells}


def swiss_rounds(matches: Sequence[View]) -> list[dict[str, Any]]:
    """Rounds in order, each split by the record its teams brought into it (best first)."""
    before = records_before_rounds(matches)
    out = []
    for r in sorted({m["round"] for m in matches}):
        in_round = sorted((m for m in matches if m["round"] == r), key=lambda m: m["number"])
        pools: dict[tuple[int, int], list[View]] = {}
        for m in in_round:
            lead = m["teams"][0]
            record = before[r].get(lead, Record()) if lead is not None else Record()
            pools.setdefault((record.wins, record.losses), []).append(m)
        ordered = sorted(pools.items(), key=lambda kv: (-kv[0][0], kv[0][1]))
        out.append({"round": r, "label": round_of(matches, r),
                    "pools": [{"record": f"{w}–{lo}", "matches": ms}
                              for (w, lo), ms in ordered]})
    return out
