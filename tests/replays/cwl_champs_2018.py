"""Call of Duty World League Championship 2018: Championship Bracket (Columbus, Ohio,
17-19 August 2018).

Plain data only (standard library, no imports).

Format: the 16 teams out of pool play in one double elimination of best-of-fives, all 16
starting in the upper bracket, with a bracket reset: Team Kaliber came through the lower
bracket, won the first grand-final series and lost the second [1] [2] [3].

The bracket's shape is read off the official game data [1], as for the 2019 bracket
(tests/replays/cwl_champs_2019.py: series ids "champs-bracket-winners-R-I",
"champs-bracket-losers-R-I", "champs-bracket-grand-finals-0" and "-1"). Its drop rounds:

* lower round 2: lower match i got the loser of upper round-2 match (i + 2) mod 4, i.e.
  the quarterfinal losers of the bottom half dropped first (HALF_SHIFT), which is the
  service's automatic order for this round (and not what the organizer did a year later:
  the 2019 bracket dropped them in reverse);
* lower round 4: lower match i got the loser of upper semifinal i (NATURAL): the semifinal
  losers did not cross over, where the service's automatic order crosses them (reverse).

With the ``drop_orders`` setting ``["half_shift", "natural"]`` the service plays this
bracket exactly; with the automatic orders lower round 4 pairs otherwise.

SOURCES
 [1] Activision, "cwl-data", https://github.com/Activision/cwl-data, file
     data/data-2018-08-19-champs.csv (commit 66cf13364406c6256c01bc4fbcde5d96457af87b, "add
     champs 2018"; data/README.md: "CWL Champs - Columbus, OH - Aug 15-19, 2018"): one row
     per player per game with "series id", "end time", "team" and "win?"; every series
     below, its position, winner and score (games won by each team) is read from it, the
     order of play is the series' last game's "end time".
 [2] Call of Duty, "2018 CWL Championship" recap,
     https://www.callofduty.com/es/esports/story/2018-08/CWLChamps2018_Recap - "the
     Geniuses overcame a three-way tiebreaker and a Grand Finals bracket reset by Team
     Kaliber"; Rise Nation "lost back-to-back matches and placed top-16".
 [3] Dexerto (German), "Evil Geniuses gewinnt die CWL Championship 2018",
     https://www.dexerto.de/call-of-duty/evil-geniuses-gewinnt-die-cwl-championship-2018-143633
     - in the first grand-final series Evil Geniuses led 2-0 before Team Kaliber's "Reverse
     Sweep" (3-2), in the second Evil Geniuses led 2-0 "und diesmal blieb es auch dabei"
     (3-0); their playoff opponents "Lightning Pandas, Team Vitality, Team Envy und
     letztendlich zweimal gegen das Team Kaliber".

NOT FOLLOWED: Gamereactor ("Evil Geniuses win the CWL Champs",
https://www.gamereactor.se/esports/647123/Evil+Geniuses+win+the+CWL+Champs/) says Evil
Geniuses beat FaZe 3-2 in the playoffs; [1] has no such series and [3] does not name FaZe.

NOT SOURCED HERE: the slot order within an upper round-1 match (the winner is put first)
and a placement table: the places are the rounds the teams went out in.
"""

# the bracket top to bottom, by [1]'s upper round-1 positions 0..7 (slots 1 v 2, 3 v 4 ...)
DRAW = ["Team Envy", "FaZe Clan", "Ghost Gaming", "Team Sween", "Evil Geniuses",
        "Team Vitality", "Lightning Pandas", "Lethal Gaming", "eUnited", "Red Reserve",
        "Unilad", "Complexity", "Team Kaliber", "Rise Nation", "Elevate", "Luminosity"]

DROP_ORDERS = ["half_shift", "natural"]

# (bracket, round, winner, loser, winner's games, loser's games) in the order the series
# ended [1]; every series a best-of-five
SERIES = [
    ("winners", 1, "Ghost Gaming", "Team Sween", 3, 1),  # 17 Aug
    ("winners", 1, "Team Envy", "FaZe Clan", 3, 2),
    ("winners", 1, "Lightning Pandas", "Lethal Gaming", 3, 0),
    ("winners", 1, "Evil Geniuses", "Team Vitality", 3, 0),
    ("winners", 1, "Unilad", "Complexity", 3, 1),
    ("winners", 1, "eUnited", "Red Reserve", 3, 0),
    ("winners", 1, "Elevate", "Luminosity", 3, 0),
    ("winners", 1, "Team Kaliber", "Rise Nation", 3, 1),  # [2]: Rise Nation top-16
    ("losers", 1, "Team Vitality", "Lethal Gaming", 3, 2),
    ("losers", 1, "FaZe Clan", "Team Sween", 3, 1),
    ("losers", 1, "Red Reserve", "Complexity", 3, 0),
    ("losers", 1, "Luminosity", "Rise Nation", 3, 2),  # 18 Aug (UTC)
    ("winners", 2, "Evil Geniuses", "Lightning Pandas", 3, 0),
    ("winners", 2, "Team Envy", "Ghost Gaming", 3, 1),
    ("winners", 2, "eUnited", "Unilad", 3, 0),
    ("winners", 2, "Team Kaliber", "Elevate", 3, 0),
    ("losers", 2, "Red Reserve", "Ghost Gaming", 3, 0),
    ("losers", 2, "Luminosity", "Lightning Pandas", 3, 0),
    ("losers", 2, "FaZe Clan", "Unilad", 3, 0),
    ("losers", 2, "Elevate", "Team Vitality", 3, 0),
    ("losers", 3, "Luminosity", "Red Reserve", 3, 1),
    ("winners", 3, "Evil Geniuses", "Team Envy", 3, 2),
    ("losers", 3, "FaZe Clan", "Elevate", 3, 0),
    ("winners", 3, "Team Kaliber", "eUnited", 3, 1),
    ("losers", 4, "eUnited", "Luminosity", 3, 1),  # 19 Aug
    ("losers", 4, "FaZe Clan", "Team Envy", 3, 2),
    ("losers", 5, "FaZe Clan", "eUnited", 3, 0),
    ("winners", 4, "Evil Geniuses", "Team Kaliber", 3, 1),
    ("losers", 6, "Team Kaliber", "FaZe Clan", 3, 2),
    ("grand_final", 1, "Team Kaliber", "Evil Geniuses", 3, 2),  # [1] [2] [3]
    ("grand_final", 2, "Evil Geniuses", "Team Kaliber", 3, 0),  # the reset [1] [2] [3]
]

# who met whom in each lower round, top to bottom [1], slots as in cwl_champs_2019
LOWER_PAIRINGS = {
    1: [("FaZe Clan", "Team Sween"), ("Team Vitality", "Lethal Gaming"),
        ("Red Reserve", "Complexity"), ("Rise Nation", "Luminosity")],
    2: [("Unilad", "FaZe Clan"), ("Elevate", "Team Vitality"), ("Ghost Gaming", "Red Reserve"),
        ("Lightning Pandas", "Luminosity")],
    3: [("FaZe Clan", "Elevate"), ("Red Reserve", "Luminosity")],
    4: [("Team Envy", "FaZe Clan"), ("eUnited", "Luminosity")],
    5: [("FaZe Clan", "eUnited")],
    6: [("Team Kaliber", "FaZe Clan")],
}

# (lower round, its pairings) as the service pairs it with the automatic drop orders, once
# everything before it is played as above (lower round 2 pairs the same): lower round 4,
# where the automatic order crosses the semifinal losers over
DEFAULT_LOWER = (4, [("eUnited", "FaZe Clan"), ("Team Envy", "Luminosity")])

PLACES = {"Evil Geniuses": 1, "Team Kaliber": 2, "FaZe Clan": 3, "eUnited": 4,
          "Team Envy": 5, "Luminosity": 5, "Elevate": 7, "Red Reserve": 7,
          "Unilad": 9, "Team Vitality": 9, "Ghost Gaming": 9, "Lightning Pandas": 9,
          "Team Sween": 13, "Lethal Gaming": 13, "Complexity": 13, "Rise Nation": 13}
SHARED = {"Team Envy": (5, 6), "Luminosity": (5, 6), "Elevate": (7, 8),
          "Red Reserve": (7, 8), "Unilad": (9, 12), "Team Vitality": (9, 12),
          "Ghost Gaming": (9, 12), "Lightning Pandas": (9, 12), "Team Sween": (13, 16),
          "Lethal Gaming": (13, 16), "Complexity": (13, 16), "Rise Nation": (13, 16)}
