"""A team's schedule as an iCalendar feed (RFC 5545), built with the icalendar package."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event, Timezone, vDuration, vText

from .. import i18n
from ..formats.clashes import GAME_MINUTES, expected_end
from ..formats.format import WINNER_ONLY
from ..services.tournaments import one_on_one
from . import words
from .entrant_words import entrant_say
from .game_words import game_words

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
UID_DOMAIN = "tournament-service"  # a match's UID: match-{id}.{tournament slug}@this
REFRESH = timedelta(minutes=15)


def _line(text: str) -> str:
    """A name as one line (names stored before control characters were refused may hold
    newlines, which a calendar property cannot)."""
    return CONTROL.sub(" ", text).strip()


def _game_lines(entry: Mapping[str, Any], mine: int, _: Any, lang: str) -> list[str]:
    """Each game of a finished series from the team's side, named as its stage names its
    games ("Map 1 (Bind): 13–3", "マップ1（Bind）：13–3", "1세트 (Bind): 13–3"; a
    winner-only game by its winner: "Game 1: Win", "第1ゲーム：勝ち", "1세트: 승"); none for
    a one-game match without a map (its score is the result's)."""
    games, maps = entry.get("games") or [], entry.get("maps") or []
    if not games or (entry["best_of"] == 1 and len(games) == 1 and not any(maps)):
        return []
    settings = (entry.get("stage") or {}).get("settings") or {}
    one = _(game_words(settings)["game"])
    # a game with only a winner (League of Legends) is the team's win or loss, as the
    # match page's W and the console's winner buttons say it: never "1–0"
    winner_only = settings.get("game_score") == WINNER_ONLY
    lines = []
    for n, game in enumerate(games, start=1):
        where = maps[n - 1] if len(maps) >= n and maps[n - 1] else None
        label = one % n + (i18n.aside(_line(where), lang) if where else "")
        said = (_("Win") if game[mine] > game[1 - mine] else _("Loss")) if winner_only \
            else f"{game[mine]}–{game[1 - mine]}"
        lines.append(i18n.labelled(label, said, lang))
    return lines


def _waiting(entry: Mapping[str, Any], team: Mapping[str, Any],
             _: Any) -> str:
    """An opponent not known yet: the match that decides it ("Winner of M5"), if any."""
    fed = entry.get("fed")
    label = words.fed_label(fed[1 if entry["teams"][0] == team["id"] else 0]) if fed else None
    return str(_(label[0]) % label[1]) if label else str(_("To be decided"))


def _zone(tournament: Mapping[str, Any]) -> Timezone:
    """The tournament's time zone over its dates (a feed with no match yet)."""
    first = date.fromisoformat(tournament["starts_on"]) if tournament.get("starts_on") \
        else datetime.now(UTC).date()
    last = date.fromisoformat(tournament["ends_on"]) if tournament.get("ends_on") else first
    return Timezone.from_tzid(tournament["timezone"], first_date=first,
                              last_date=max(first, last) + timedelta(days=1))


def _named(entry: Mapping[str, Any]) -> bool:
    """Whether the entry's venue or station is one the tournament names (its lists)."""
    return bool(entry.get("venue_names") or entry.get("station_names"))


def calendar_targets(team: Mapping[str, Any],
                     tournament_id: int | None = None) -> set[tuple[str, int]]:
    """What a team's feed shows the names of: the team, its opponents and their stages, and
    the tournament (its venues' and stations' names) when an entry's venue or station is
    one it names."""
    found = {("team", int(team["id"]))}
    for entry in team["schedule"]:
        found.add(("stage", int(entry["stage_id"])))
        if entry.get("opponent"):
            found.add(("team", int(entry["opponent"]["id"])))
        if tournament_id is not None and _named(entry):
            found.add(("tournament", tournament_id))
    return found


def _stamp(entry: Mapping[str, Any], team: Mapping[str, Any],
           changed: Mapping[tuple[str, int], datetime],
           decided: Mapping[int, datetime]) -> datetime:
    """When what an entry says was last revised (RFC 5545 DTSTAMP of a published feed): the
    match, or a rename of the team, its opponent or the stage since (or a change of the
    tournament, whose lists name the entry's venue or station), or what made its result
    annulled or counted again (``decided``: a withdrawal, another match of the withdrawn team).
    SEQUENCE stays the match's own version, bumped by its time and result: a new name is
    no new booking."""
    opponent = entry.get("opponent") or {}
    named = [changed.get(("team", team["id"])), changed.get(("stage", entry["stage_id"])),
             changed.get(("team", opponent.get("id", 0)))]
    if _named(entry):
        named += [at for (kind, _), at in changed.items() if kind == "tournament"]
    named.append(decided.get(entry["id"]))
    return max([datetime.fromisoformat(entry["updated_at"]), *(at for at in named if at)])


def _annulled_note(entry: Mapping[str, Any], team: Mapping[str, Any], lang: str) -> str:
    """Why an annulled result does not count, naming the withdrawn team (the feed's own
    team or its opponent), as the match page and the referee console name it; a player's
    when both entries are one player each (a one-on-one event, as the match page says)."""
    sides = (team, entry.get("opponent"))
    solo = one_on_one(len(side.get("players") or []) for side in sides if side)
    return _line(words.annulled_why(sides, i18n.gettext(lang), lang, solo=solo))


def _forfeit_cause(entry: Mapping[str, Any], team: Mapping[str, Any], mine: int,
                   lang: str) -> str:
    """"Forfeit: Team 1 was disqualified": the team that forfeited (the feed's own or its
    opponent) and why, as the match page says it."""
    who = team if entry["forfeited_by"] == mine + 1 else entry.get("opponent")
    name = _line(i18n.localized(who, lang)) if who else ""
    return i18n.gettext(lang)(words.FORFEIT_CAUSES[entry["forfeit_reason"]]) % {"team": name}


def _walkover_aside(entry: Mapping[str, Any], team: Mapping[str, Any], lang: str) -> str:
    """A walkover (a forfeit with no game played) in brackets after the summary's names,
    from the team's side: " (Walkover win)", " (부전승)", "（不戦勝）" for the side that won
    it, " (Forfeit loss)", " (기권패)", "（棄権負け）" for the one that forfeited; "" else."""
    if entry["status"] != "completed" or not entry.get("forfeit") or entry.get("games") \
            or "places" in entry:
        return ""
    won = words.outcome(entry, 1 if entry["teams"][0] == team["id"] else 2) == "W"
    return i18n.aside(i18n.gettext(lang)("Walkover win" if won else "Forfeit loss"), lang)


def schedule_ics(team: Mapping[str, Any], tournament: Mapping[str, Any], lang: str,
                 base_url: str, rows: Mapping[int, Mapping[str, Any]] | None = None,
                 changed: Mapping[tuple[str, int], datetime] | None = None,
                 decided: Mapping[int, datetime] | None = None, solo: bool = False) -> bytes:
    """``rows``: the team's standings row by stage id (a finished lobby's final place);
    ``changed``: when the team, its opponents and stages were last changed (by the trail);
    ``decided``: by match id, when whether it is annulled was last decided
    (``services/annulment.decided_at``); ``solo``: a one-on-one event, whose lobbies
    count players (``entrant_words``)."""
    _ = i18n.gettext(lang)
    e_ = entrant_say(solo, _, i18n.pgettext(lang))
    cal = Calendar()
    cal.add("prodid", "-//Tournament service//schedule//EN")
    cal.add("version", "2.0")
    team_name = _line(i18n.localized(team, lang))
    # a TEXT value: a comma or semicolon in a name is escaped as in SUMMARY (an unknown
    # property is not, unless typed)
    cal.add("x-wr-calname", vText(_line(f"{team_name} · {i18n.localized(tournament, lang)}")))
    cal.add("x-wr-timezone", tournament["timezone"])
    # how often a subscribed calendar should fetch again (RFC 7986; Outlook's older name)
    cal.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for entry in team["schedule"]:
        if not entry["scheduled_at"]:
            continue
        start = datetime.fromisoformat(entry["scheduled_at"]).astimezone(UTC)
        lobby = "places" in entry
        opponent = _line(i18n.localized(entry.get("opponent"), lang)) or _waiting(entry, team, _)
        event = Event()
        # the same under every address the service answers at (www or not, an IP): a UID
        # that changed with the Host made calendars drop and re-add every match
        event.add("uid", f"match-{entry['id']}.{tournament['slug']}@{UID_DOMAIN}")
        settings = (entry.get("stage") or {}).get("settings") or {}
        minutes = settings.get("game_minutes", GAME_MINUTES)
        if lobby:  # a free-for-all lobby: every game of it, with all its teams
            event.add("summary", f"{team_name} · " + e_("Lobby of %d teams")
                      % len(entry["teams"]))
            end = start + timedelta(minutes=minutes) * max(1, settings.get("games", 1))
        else:  # an annulled result, or a walkover, says so where a calendar shows it first
            void = i18n.aside(i18n.pgettext(lang)("result", "annulled"), lang) \
                if entry.get("annulled") else _walkover_aside(entry, team, lang)
            event.add("summary", f"{team_name} vs {opponent}{void}")
            end = expected_end(start, entry["best_of"], minutes)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("dtstamp", _stamp(entry, team, changed or {}, decided or {}))
        event.add("url", f"{base_url}/matches/{entry['id']}")
        stage = entry.get("stage") or {}
        round_name, param = entry["round_label"]
        round_text = e_(round_name) % param if param is not None else e_(round_name)
        # the match's own number: "Winner of M2" names a match of the same stage, which the
        # feed otherwise never numbers (and /matches/2 is another match altogether)
        lines = [f"{_line(i18n.localized(stage, lang))} · {round_text} · M{entry['number']}"
                 + ("" if lobby else f" · BO{entry['best_of']}")]
        # a LAN match's hall (in the feed's language) and station, as the match page says
        where = " · ".join(_line(x) for x in (
            (entry.get(f"{k}_names") or {}).get(lang) or entry.get(k)
            for k in ("venue", "station")) if x)
        if where:
            event.add("location", where)
        if lobby:
            game = i18n.pgettext(lang)("battle royale", "Game %d")
            kills = i18n.ngettext(lang)
            lines += [i18n.labelled(game % p["game"], i18n.place(p["placement"], 1, lang)
                                    + i18n.aside(kills("%d kill", "%d kills", p["kills"])
                                                 % p["kills"], lang), lang)
                      for p in entry.get("places", [])]
            row = (rows or {}).get(entry["stage_id"])
            if entry["status"] == "completed" and row and row.get("rank"):
                points = i18n.ngettext(lang)("%d point", "%d points", row["points"])
                lines.append(_("Final place: %s") % (
                    i18n.place(row["rank"], row.get("shared", 1), lang) + " · "
                    + points % row["points"]))
        elif entry["status"] == "completed":
            # from this team's side: its score first, and its result
            mine = 0 if entry["teams"][0] == team["id"] else 1
            shown = words.score_texts(entry)
            outcome = words.outcome(entry, mine + 1)
            if entry.get("forfeit"):  # no score was played: say how it was decided
                lines.append(i18n.labelled(_("Result"), _("Walkover win") if outcome == "W"
                                           else _("Forfeit loss"), lang))
                if entry.get("forfeit_reason"):  # a withdrawal's: naming the team, and why
                    lines.append(_forfeit_cause(entry, team, mine, lang))
                if not entry["games"]:  # nothing was played: the slot is free in a calendar
                    # for the side that won it, a match decided (CONFIRMED), for the one
                    # that forfeited one that did not take place (docs/api.md)
                    event.add("status", "CONFIRMED" if outcome == "W" else "CANCELLED")
                    event.add("transp", "TRANSPARENT")
            else:
                result = {"W": _("Win"), "D": _("Draw"), "L": _("Loss")}.get(outcome, "")
                lines.append(i18n.labelled(_("Final score"), f"{shown[mine]}–{shown[1 - mine]} "
                                           f"{result}".strip(), lang))
                lines += _game_lines(entry, mine, _, lang)
        if entry.get("annulled"):
            lines.append(_annulled_note(entry, team, lang))
        if entry["stream_url"]:  # labelled, as the page's link is ("Stream: https://...")
            lines.append(i18n.labelled(_("Stream"), entry["stream_url"], lang))
        event.add("description", "\n".join(lines))
        event.add("sequence", entry["version"])
        cal.add_component(event)
    if not cal.subcomponents:  # RFC 5545 asks for one component: the event's time zone
        cal.add_component(_zone(tournament))
    return cal.to_ical()  # type: ignore[no-any-return]
