"""Arranging a stage's matches for drawing: bracket columns with their connectors, round
robin groups with a cross table, Swiss rounds grouped by record."""

from __future__ import annotations

from typing import Any

from .words import SECTIONS, Label, round_label, shown_score


def _round_of(matches: list[dict[str, Any]], r: int) -> Label:
    """Round robin and Swiss rounds are numbered; tiebreakers are named."""
    if any(m["bracket"] == "tiebreaker" for m in matches if m["round"] == r):
        return "Tiebreaker", None
    return "Round %d", r


def _columns(matches: list[dict[str, Any]], bracket: str, fmt: str) -> list[dict[str, Any]]:
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
        label, param = round_label(fmt, bracket, r, rounds[-1])
        columns.append({"round": r, "label": label, "param": param, "pairs": groups,
                        "joined": joined, "straight": bool(after) and not joined,
                        "first": i == 0})
    return columns


def layout(stage: dict[str, Any]) -> dict[str, Any]:
    """The stage view plus ``sections`` ready for the template (standings rows also say
    how many teams share their place)."""
    fmt = stage["format"]
    matches = stage["matches"]
    shared: dict[tuple[Any, Any], int] = {}
    for row in stage["standings"]:
        key = (row.get("group"), row["rank"])
        shared[key] = shared.get(key, 0) + 1
    stage = stage | {"standings": [row | {"shared": shared[(row.get("group"), row["rank"])]}
                                   for row in stage["standings"]]}
    sections: list[dict[str, Any]] = []
    if fmt in ("single_elimination", "double_elimination"):
        for bracket in ("winners", "losers", "grand_final", "third_place", "tiebreaker"):
            chosen = [m for m in matches if m["bracket"] == bracket]
            if chosen:
                title = "Bracket" if fmt == "single_elimination" and bracket == "winners" \
                    else SECTIONS[bracket]
                sections.append({"kind": "bracket", "bracket": bracket, "title": title,
                                 "columns": _columns(chosen, bracket, fmt)})
    elif fmt == "round_robin":
        for g in sorted({m["group"] or 1 for m in matches}):
            chosen = [m for m in matches if (m["group"] or 1) == g]
            rows = [r for r in stage["standings"] if (r.get("group") or 1) == g]
            sections.append({"kind": "group", "group": g, "letter": chr(64 + g),
                             "standings": rows, "cross": _cross(rows, chosen),
                             "rounds": _rounds(chosen)})
    else:
        sections.append({"kind": "swiss", "rounds": _swiss_rounds(matches)})
    return stage | {"sections": sections}


def _rounds(matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rounds = sorted({m["round"] for m in matches})
    return [{"round": r, "label": _round_of(matches, r),
             "matches": sorted((m for m in matches if m["round"] == r),
                               key=lambda m: m["number"])} for r in rounds]


def _cross(rows: list[dict[str, Any]], matches: list[dict[str, Any]]) -> dict[str, Any]:
    """A cross table: for each (row team, column team) the results of their matches as
    seen from the row team (``2-1``), in row order of the standings."""
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
            shown = shown_score(m)
            cells.setdefault(me, {}).setdefault(other, []).append({
                "id": m["id"], "text": f"{shown[mine]}-{shown[theirs]}"
                if m["status"] in ("live", "completed") else "", "outcome": outcome,
                "status": m["status"]})
    return {"order": order, "cells": cells}


def _swiss_rounds(matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rounds in order, each split by the record its teams brought into it (best first)."""
    wins: dict[int, int] = {}
    losses: dict[int, int] = {}
    out = []
    for r in sorted({m["round"] for m in matches}):
        in_round = sorted((m for m in matches if m["round"] == r), key=lambda m: m["number"])
        pools: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for m in in_round:
            lead = m["teams"][0]
            key = (wins.get(lead, 0), losses.get(lead, 0)) if lead is not None else (0, 0)
            pools.setdefault(key, []).append(m)
        ordered = sorted(pools.items(), key=lambda kv: (-kv[0][0], kv[0][1]))
        out.append({"round": r, "label": _round_of(matches, r),
                    "pools": [{"record": f"{w}-{lo}", "matches": ms}
                              for (w, lo), ms in ordered]})
        for m in in_round:
            if m["status"] != "completed":
                continue
            a, b = m["teams"]
            if b is None or a is None:
                present = a if a is not None else b
                if present is not None:
                    wins[present] = wins.get(present, 0) + 1
                continue
            if m["draw"]:
                continue
            win, lose = (a, b) if m["winner"] == 1 else (b, a)
            wins[win] = wins.get(win, 0) + 1
            losses[lose] = losses.get(lose, 0) + 1
    return out
