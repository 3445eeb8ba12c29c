"""The words pages show for states and structures, as message ids (English is the source;
``i18n/*.po`` translate them). One id per meaning: the match status "Finished" is not the
round "Final", a stage's status is not a team's status, and no page shows an identifier
such as ``round_robin`` or ``completed``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from babel.lists import format_list

from .. import i18n
from ..formats import layout, registry

MATCH_STATUS = {"pending": "Waiting", "ready": "Upcoming", "live": "In progress",
                "completed": "Finished"}
STAGE_STATUS = {"draft": "Draft", "pending": "Waiting", "running": "In progress",
                "completed": "Finished"}
TEAM_STATUS = {"active": "Still in", "advanced": "Advanced", "eliminated": "Eliminated"}
# a team's word in the event's last stage by its final place (place, teams sharing it): it
# went through to nothing, it won the event (or lost its final)
FINAL_WORDS: dict[tuple[int, int] | None, str] = {(1, 1): "Champion", (2, 1): "Runner-up",
                                                  (3, 1): "3rd place"}
# ... those that are a place (3위 / 3位): the stage's own place is not said beside them
PLACE_WORDS = frozenset({"3rd place"})
# ... the class each gives a team's line (``st-champion``), else its status's
FINAL_CLASSES = {"Champion": "champion", "Runner-up": "runner-up", "3rd place": "third"}
HOLDS = {
    "waiting_for_stage": "Waiting for %s to finish.",
    "unresolved_tie": "Waiting for the organizer: tied teams (%s) must be separated by a "
                      "tiebreaker match or a recorded order before this stage can be drawn.",
    "too_few_teams": "Waiting for the organizer: %s does not produce enough qualifiers "
                     "for this stage.",
}
# a hold for a place of the earlier stage no team holds (its group smaller than the slots
# expected): the place in words, "Group B 3rd" / "B조 3위" / "グループBの3位", or "3rd"
MISSING_PLACE = "Waiting for the organizer: %(stage)s has no %(place)s, which a slot of " \
                "this stage takes."
# a hold for a team that enters the stage directly (one of its slots) and also qualified
# from the earlier stage: it cannot take two slots; the teams named
DIRECT_QUALIFIED = "Waiting for the organizer: %(teams)s, entering this stage directly, " \
                   "also qualified from %(stage)s; a team takes only one slot."
# what a game's own score counts: the for, against and difference columns' whole words
# (their titles), then the short headings a standings table shows (difference, for,
# against), so that its team column keeps its width: football's GD / GF / GA; in Korean and
# Japanese the words are short already, and rounds keep their own ("라운드 득실" /
# "ラウンド得失差", not a football 득실차 / 得失点差)
GAME_SCORE = {"goals": ("Goals for", "Goals against", "Goal difference", "GD", "GF", "GA"),
              "rounds": ("Rounds won", "Rounds lost", "Round difference", "RD", "RW", "RL"),
              "points": ("Points for", "Points against", "Point difference", "PD", "PF", "PA")}


def format_label(name: str) -> str:
    """The format as a word (a message id): "Swiss", "Round robin" ..."""
    return registry.get(name).label


def match_round(match: Mapping[str, Any], format_name: str, teams: int,
                settings: Mapping[str, Any] | None = None) -> tuple[str, Any]:
    """A match's round as its bracket names it, from the stage's format and field size (and
    settings: a battle royale lobby is named by its group or as the stage's one lobby)."""
    return registry.get(format_name).match_label(match, teams, settings or {})


FED = {"winner": "Winner of M%d", "loser": "Loser of M%d"}


def fed_label(source: Sequence[Any] | None) -> tuple[str, int] | None:
    """What fills an empty knockout slot, as a (message id, M number) label for ``say``:
    ``("winner", 5)`` is "Winner of M5" (``stage_layout.feeds``); None when nothing does."""
    return (FED[source[0]], int(source[1])) if source else None


def bye_side(match: Mapping[str, Any], side: int) -> bool:
    """Whether side ``side`` (0 or 1) of a match is a bye: the match is decided and no team
    holds it (one that is not decided yet is to be decided). Templates ask ``m is
    bye_side(i)`` (``rendering.py``)."""
    return match.get("status") == "completed" and not (match.get("teams") or (None, None))[side]


def is_bye(match: Mapping[str, Any]) -> bool:
    """Whether a match is a bye: decided with one team, the other side a bye (its page is
    titled "Team (bye)" and shows no best-of). Templates ask ``match is bye``."""
    return bye_side(match, 0) != bye_side(match, 1)


def shown_score(match: Mapping[str, Any]) -> list[int]:
    return layout.shown_score(match)


def score_texts(match: Mapping[str, Any]) -> list[str]:
    """Each side's score as text: ``FF`` for the side that forfeited, ``W`` for a
    walkover's winner (``layout.score_texts``, untranslated)."""
    return layout.score_texts(match)


def nation_words(code: str | None, lang: str) -> str:
    """A team's nation badge (KR) as a screen reader says it: 대한민국, 韓国, South Korea
    ('' for none)."""
    return i18n.nation_name(code, lang) if code else ""


def stream_name(url: str | None) -> str:
    """Which stream a link opens, as its address reads without the noise
    (``twitch.tv/kj_esports``, ``youtube.com/@kj``): a team told only "Watch stream" could
    not tell the main stage's channel from the PUBG Mobile one. At most 40 characters."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.hostname or ""
    for prefix in ("www.", "m."):
        host = host.removeprefix(prefix)
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # "host:99999" is stored as typed; its name need not be exact
        port = ""
    name = (host + port + parts.path.rstrip("/")) or url
    return name if len(name) <= 40 else name[:39] + "…"


SCORE_WORDS = ("FF", "W")  # the score_texts that are words, not numbers


def score_word(text: str, gettext: Callable[[str], str]) -> str:
    """One side's score text in the page's language (기권/棄権 for FF, 승/勝 for W)."""
    return gettext(text) if text in SCORE_WORDS else text


def side_scores(match: Mapping[str, Any], gettext: Callable[[str], str]) -> list[str]:
    """Both sides' scores as every page shows them, translated: the templates' one rule
    (rendering.render gives it to them as ``side_scores(m)``)."""
    return [score_word(t, gettext) for t in layout.score_texts(match)]


def annulled_why(sides: Iterable[Mapping[str, Any] | None], gettext: Callable[[str], str],
                 lang: str, solo: bool = False) -> str:
    """Why an annulled result does not count, naming the team(s) among a match's ``sides``
    that left and how ("Team 4 withdrew, and this stage annuls its results."; "… was
    disqualified …"): the match page's sentence and the calendar feed's (live.js says it
    alike, from the same messages); the sentence without a name when no side is marked
    withdrawn. ``solo``: a one-on-one event (``tournaments.solo_event``), whose entrants are
    players, not teams."""
    return left_said(annulled_said(gettext, solo), sides, lang)


def annulled_said(gettext: Callable[[str], str], solo: bool = False) -> dict[str, str]:
    """``ANNULLED_SAID`` for a team (``solo``: a player), translated: what ``left_said``
    picks from (and live.js, given it in the page's ``i18n``)."""
    return {k: gettext(v) for k, v in ANNULLED_SAID["player" if solo else "team"].items()}


def left_said(said: Mapping[str, str], sides: Iterable[Mapping[str, Any] | None],
              lang: str) -> str:
    """One of ``said`` (translated messages by key) naming the sides that left by why
    each left (``withdrawn_reason``): "withdrawn" or "disqualified" naming them in
    ``%(team)s``, "both" one of each (``%(withdrawn)s``, ``%(disqualified)s``),
    "unnamed" when none is marked withdrawn. The referee console says it alike
    (referee-words.js), and live.js."""
    left: dict[str, list[str]] = {}
    for s in sides:
        if s and s.get("withdrawn"):
            left.setdefault(left_reason(s), []).append(i18n.localized(s, lang))
    named = {k: format_list(v, locale=lang) for k, v in left.items()}
    if not named:
        return said["unnamed"]
    if len(named) > 1:
        return said["both"] % named
    ((reason, names),) = named.items()
    return said[reason] % {"team": names}


def left_reason(team: Mapping[str, Any]) -> str:
    """Why a team that left did so: "disqualified", else "withdrawn" (also a team that
    withdrew before the reason was recorded)."""
    return "disqualified" if team.get("withdrawn_reason") == "disqualified" else "withdrawn"


# why an annulled result does not count (unnamed; naming the entrant that withdrew, was
# disqualified, or one of each), for a team and for a player (a one-on-one event): ko/ja
# say 그 팀의 / 그 선수의 by it
ANNULLED_SAID = {
    "team": {
        "unnamed": "This result does not count: a team in it withdrew, and this stage "
                   "annuls that team's results.",
        "withdrawn": "This result does not count: %(team)s withdrew, and this stage annuls "
                     "its results.",
        "disqualified": "This result does not count: %(team)s was disqualified, and this "
                        "stage annuls its results.",
        "both": "This result does not count: %(withdrawn)s withdrew and %(disqualified)s "
                "was disqualified, and this stage annuls both teams' results."},
    "player": {
        "unnamed": "This result does not count: a player in it withdrew, and this stage "
                   "annuls that player's results.",
        "withdrawn": "This result does not count: %(team)s withdrew, and this stage annuls "
                     "that player's results.",
        "disqualified": "This result does not count: %(team)s was disqualified, and this "
                        "stage annuls that player's results.",
        "both": "This result does not count: %(withdrawn)s withdrew and %(disqualified)s "
                "was disqualified, and this stage annuls both players' results."}}


def outcome(match: Mapping[str, Any], side: int) -> str:
    """'W', 'D' or 'L' for the team on ``side`` (1 or 2) of a finished match; ''."""
    if match["status"] != "completed":
        return ""
    if match.get("draw"):
        return "D"
    return "W" if match["winner"] == side else "L" if match["winner"] else ""

# why a withdrawal forfeited a match (a match's ``forfeit_reason``): the word a card or a
# list shows beside the forfeit (출전 포기 / 出場辞退, 실격 / 失格), and the sentence naming
# the team (the match page, the calendar, the referee console; a card's title)
FORFEIT_WORDS = {"withdrawn": "Withdrawn", "disqualified": "Disqualified"}
# ... as the team that won by it reads it on its own schedule: the opponent left, not it
FORFEIT_WORDS_WON = {"withdrawn": "Opponent withdrew", "disqualified": "Opponent disqualified"}
FORFEIT_CAUSES = {"withdrawn": "Forfeit: %(team)s withdrew",
                  "disqualified": "Forfeit: %(team)s was disqualified"}
# ... and why a referee's console offers no undo or forfeit on it (the API refuses a
# referee's change: 409 withdrawal_forfeit, whose words these are, less "Nothing was saved")
FORFEIT_STANDS = {
    "withdrawn": "This match was forfeited by a withdrawal, and the forfeit stands while the "
                 "withdrawal does: ask an admin if the result must change.",
    "disqualified": "This match was forfeited by a disqualification, and the forfeit stands "
                    "while the disqualification does: ask an admin if the result must "
                    "change."}

# ... and why the console offers nobody (an admin neither) an undo on a match with a team
# that left: it would reopen the match, which the API refuses (409
# withdrawn_team_cannot_play); its result may still be corrected to another final one
WITHDRAWN_CLOSED = {
    "withdrawn": "A side of this match has withdrawn, so it cannot be reopened: its result "
                 "can only be corrected to another final one (a forfeit, or the score it "
                 "was played with).",
    "disqualified": "A side of this match was disqualified, so it cannot be reopened: its "
                    "result can only be corrected to another final one (a forfeit, or the "
                    "score it was played with)."}


def left_word(team: Mapping[str, Any]) -> str:
    """The word a team that left is named by (a pill, the standings' status), by its
    ``withdrawn_reason``: "Disqualified" (실격 / 失格) or "Withdrawn" (출전 포기 / 出場辞退)."""
    return FORFEIT_WORDS.get(team.get("withdrawn_reason") or "withdrawn", "Withdrawn")

# the audit trail in words: what was done, how, and to what (the codes stay beside them)
AUDIT_ACTIONS = {
    "match.report": "Result entered",
    "match.correct": "Result corrected",
    "match.forfeit": "Forfeit",
    "match.schedule": "Schedule changed",
    "match.check_in": "Check-in",
    "match.repair": "Changed by another match's correction",
    "match.withdrawal": "Forfeited by a team's withdrawal",
    "stage.create": "Stage created",
    "stage.update": "Stage changed",
    "stage.start": "Stage started",
    "stage.delete": "Stage deleted",
    "stage.tiebreaker": "Tiebreaker match added",
    "stage.ties": "Tie order recorded",
    "team.create": "Team added",
    "team.import": "Team imported (CSV)",
    "team.update": "Team changed",
    "team.delete": "Team deleted",
    "team.withdraw": "Team withdrawn",
    "tournament.create": "Tournament created",
    "tournament.update": "Tournament changed",
    "tournament.delete": "Tournament deleted",
    "tournament.import": "Tournament imported",
    "event.create": "Event created",
    "event.update": "Event changed",
    "event.delete": "Event deleted",
    "user.create": "User created",
    "user.password": "Password changed",
    "user.sessions_revoked": "Signed out everywhere",
    "user.sign_in_link": "Sign-in link made",
    "referee.assign": "Referee assigned",
    "referee.unassign": "Referee unassigned",
    "token.create": "API token created",
    "token.revoke": "API token revoked",
}
AUDIT_VIA = {"session": "browser", "token": "API token", "cli": "command line",
             "setup": "setup page"}
AUDIT_TARGETS = {
    "match": "Match",
    "team": "Team",
    "stage": "Stage",
    "tournament": "Tournament",
    "event": "Event",
    "user": "User",
}
