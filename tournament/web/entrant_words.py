"""What pages of a one-on-one event (Tekken, eFootball: every entry is one player) say where
others say "team": the player's words for each team message (message ids; English is the
source). A review of a 1v1 eFootball event found the organizer's event page saying
参加チーム, チームを追加 and CSVファイルからチームをインポート, and the public stage
"Teams of one nation kept apart", on pages that otherwise said 선수 / 選手 / Player.

Templates say such a message with ``e_("Add a team")`` (``rendering.render``): the player's
words when the page's ``solo`` is true (its event is one-on-one: ``tournaments.solo_event``),
else the team's.
A value that is a pair is a message with its context (``pgettext``)."""

from __future__ import annotations

from collections.abc import Callable

PLAYER_WORDS: dict[str, str | tuple[str, str]] = {
    "Team": "Player",
    "Teams": ("entrants", "Players"),
    "Teams in seed order; untick a team to leave it out. The order can be changed on the "
    "stage's page before it starts.":
        "Players in seed order; untick a player to leave them out. The order can be "
        "changed on the stage's page before it starts.",
    "Keep teams of one nation apart early": "Keep players of one nation apart early",
    "Or: the teams that go through from an earlier stage":
        "Or: the players who go through from an earlier stage",
    "Teams that go through (from each group)": "Players who go through (from each group)",
    "Teams that go through": "Players who go through",
    "One slot a line, in seeding order: a place of the earlier stage (A1: the winner of "
    "group A; 1: the first of a stage without groups) or a team that enters directly, by "
    "its name. Name every place that goes through; with “in order (1 v 2)” the list is "
    "the bracket.":
        "One slot a line, in seeding order: a place of the earlier stage (A1: the winner "
        "of group A; 1: the first of a stage without groups) or a player who enters "
        "directly, by name. Name every place that goes through; with “in order (1 v 2)” "
        "the list is the bracket.",
    "No teams yet.": "No players yet.",
    # a battle royale lobby's size (its card, its page, the referee's lobby page) and the
    # name of a stage's one lobby (``FreeForAll.match_label``, said by ``say``)
    "%d teams": "%d players",
    "Lobby of %d teams": "Lobby of %d players",
    "Each team's place in this game (1st: this game's winner; one team a place) and its "
    "kills.":
        "Each player's place in this game (1st: this game's winner; one player a place) "
        "and their kills.",
    "Import teams from a CSV file": "Import players from a CSV file",
    "Add a team": "Add a player",
    "Add team": "Add player",
    "An event can be deleted while it has no teams and no stages.":
        "An event can be deleted while it has no players and no stages.",
    "Drag a team by its handle, or move it with ↑ ↓. Seed 1 is at the top.":
        "Drag a player by the handle, or move them with ↑ ↓. Seed 1 is at the top.",
    "Order as team ids, separated by commas": "Order as player ids, separated by commas",
    "Add teams (at the end)": "Add players (at the end)",
    "No longer in this stage: %s. Tick it under “Add teams” to bring it back.":
        "No longer in this stage: %s. Tick them under “Add players” to bring them back.",
    "Waiting for %(stage)s to finish: its places and the teams that enter directly are "
    "seeded in the slots below.":
        "Waiting for %(stage)s to finish: its places and the players who enter directly "
        "are seeded in the slots below.",
    "Waiting for %(stage)s to finish: its top %(n)d teams are seeded here.":
        "Waiting for %(stage)s to finish: its top %(n)d players are seeded here.",
    "A team can be deleted before it is in a stage.":
        "A player can be deleted before they are in a stage.",
    "Delete team": "Delete player",
    "Withdraw team": "Withdraw player",
    "A team that does not come, or gives up, loses by forfeit; the bracket moves on.":
        "A player who does not come, or gives up, loses by forfeit; the bracket moves on.",
    "Imported: %d teams added.": "Imported: %d players added.",
    "Teams of one nation kept apart where the field allows.":
        "Players of one nation kept apart where the field allows.",
    # the stage settings' labels and hints (settings_form.LABELS, WITHDRAWN_RESULTS_HINT)
    "Teams starting in the lower bracket, the last of the seeding (a "
    "fighting-game top 8: 4)":
        "Players starting in the lower bracket, the last of the seeding (a "
        "fighting-game top 8: 4)",
    "Teams entering the lower bracket at its rounds 1, 2, 3 …, the last of the "
    "seeding at round 1 (the CWL 2018 opens: 8, 4, 4)":
        "Players entering the lower bracket at its rounds 1, 2, 3 …, the last "
        "of the seeding at round 1 (the CWL 2018 opens: 8, 4, 4)",
    "Teams that go through from each group":
        "Players who go through from each group",
    "Teams in a lobby":
        "Players in a lobby",
    "A withdrawn team's results":
        "A withdrawn player's results",
    "Kept: its opponents keep what they won against it and its remaining "
    "matches are forfeits (most esports leagues). Annulled: the table is drawn "
    "as if it never entered (FIGC, AFC). Annulled if it played less than half: "
    "kept once it has played half of its matches.":
        "Kept: their opponents keep what they won against them and their "
        "remaining matches are forfeits (most esports leagues). Annulled: the "
        "table is drawn as if they never entered (FIGC, AFC). Annulled if they "
        "played less than half: kept once they have played half of their "
        "matches.",
}


def entrant_say(solo: bool, gettext: Callable[[str], str],
                pgettext: Callable[[str, str], str]) -> Callable[[str], str]:
    """``e_`` for a page: a team message in the player's words when ``solo`` (a one-on-one
    event), translated."""
    def say(message: str) -> str:
        said = PLAYER_WORDS.get(message, message) if solo else message
        return pgettext(*said) if isinstance(said, tuple) else gettext(said)
    return say
