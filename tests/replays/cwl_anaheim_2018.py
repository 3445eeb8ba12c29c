"""Call of Duty World League Anaheim Open (CWL 2018 season; Anaheim, California, 15-17 June
2018): the Championship Bracket of Championship Sunday, won by Rise Nation from the winners
side in the grand final's reset over Red Reserve.

Plain data only (standard library, no imports).

Format: as the Dallas open (tests/replays/cwl_dallas_2018.py): 24 teams in one double
elimination of best-of-fives [1]: eight start in the winners bracket, eight in losers round
1 (four of them, Heretics, Brash, Lightning Pandas and Regal Morituri, play no pool series
in [1]), four enter at losers round 2 and four at losers round 3, each against a winner of
the round before; the winners round-1 losers drop into losers round 4. Who starts where is
read off [1]'s bracket ([1]'s pool series "pool-A-0".."pool-D-9", four a team, are named by
rounds rather than by pools). The service plays it with ``lower_entries`` [8, 4, 4]: its
lower rounds 1..8 are [1]'s "losers-1".."losers-8" and its upper rounds 3, 4, 5 are [1]'s
"winners-1".."winners-3".

Read off [1] (series ids "champs-winners-R-I", "champs-losers-R-I", "champs-grand-finals-0"
and "-1"; every series' two teams, winner, and score as the games each team won). As in
Seattle, [1]'s indices within losers rounds 1-3 are not bracket positions and from losers
round 4 on they are; the ``drop_orders`` are Dallas's and Seattle's, ["reverse", "natural"]
(the loser of the last quarterfinal, Splyce, meets the winner from the top of the lower
bracket, Mindfreak). With the automatic orders lower round 4 pairs otherwise
(``DEFAULT_LOWER``). The winners final went to six games: its fourth, a Hardpoint, was
tied and played again ([1]'s README: "game 4 HP from Rise Nation vs Red Reserve was a
*tie*"), so Rise Nation won it 3-2 in games won.

The grand final was played twice: Red Reserve, from the losers side, won the first 3-1 and
Rise Nation the reset 3-1 [1] [2] [3].

SOURCES
 [1] Activision, "cwl-data", https://github.com/Activision/cwl-data, file
     data/data-2018-06-17-anaheim.csv (commit 5b7eb907b63ab4a53ed7fd2987459f3bf28c9c21, "the
     *last* data"; added by e82fee8abdfa74c867a6a9db36fc511287591613, last changed by
     3013e3ffee90b7af9fdd175855b12ade06fa32f8; data/README.md: "CWL Anaheim - Anaheim, CA -
     Jun 15-17, 2018"): one row per player per game with "series id", "end time", "mode",
     "team" and "win?".
 [2] CyberPowerPC, "CWL Anaheim Open 2018 Recap",
     https://cyberpowerpc.com/blog/cwl-anaheim-open-2018-recap - Rise Nation swept Splyce
     and UNILAD, beat Red Reserve in the winners final in a game five, lost the first grand
     final and won the second 3-1; OpTic Gaming lost to Luminosity, then to UNILAD in a game
     five.
 [3] Dexerto, "Rise Nation Win CWL Anaheim Open Beating Red Reserve In a Close Grand Final",
     https://www.dexerto.com/call-of-duty/rise-nation-win-cwl-anaheim-open-beating-in-a-close-grand-final-102864/
     - Red Reserve forced "a second best of five".

NOT SOURCED HERE: the places other than 1st and 2nd are the rounds the teams went out in, as
the service places them (Luminosity 3rd, out in the lower final; Unilad 4th ...); the slot
order within a match (on the winners side and in losers round 1 the series' winner first,
then an entrant or a dropping loser first and the lower side's winner second).
"""

UPPER = ["Red Reserve", "Echo Fox", "Luminosity", "OpTic Gaming", "Unilad", "FaZe Clan",
         "Rise Nation", "Splyce"]
LOWER_ROUND_3 = ["Mindfreak", "Team Kaliber", "eUnited", "Team EnVyUs"]
LOWER_ROUND_2 = ["Ghost Gaming", "Complexity", "Evil Geniuses", "Epsilon"]
LOWER_ROUND_1 = ["Enigma6", "Heretics", "Brash", "Elevate", "Lightning Pandas", "Conquest",
                 "Tainted Minds", "Regal Morituri"]
DRAW = UPPER + LOWER_ROUND_3 + LOWER_ROUND_2 + LOWER_ROUND_1
LOWER_ENTRIES = [8, 4, 4]
DROP_ORDERS = ["reverse", "natural"]

# (bracket, round, winner, loser, winner's games, loser's games) in the order the series
# ended [1] (its series id and the last game's end, UTC); every series a best-of-five
SERIES = [
    ("winners", 3, "Rise Nation", "Splyce", 3, 0),  # champs-winners-1-3 06-17 03:02
    ("winners", 3, "Unilad", "FaZe Clan", 3, 0),  # champs-winners-1-2 06-17 03:03
    ("losers", 1, "Brash", "Elevate", 3, 0),  # champs-losers-1-0 06-17 03:22
    ("losers", 1, "Enigma6", "Heretics", 3, 0),  # champs-losers-1-1 06-17 03:28
    ("losers", 1, "Lightning Pandas", "Conquest", 3, 0),  # champs-losers-1-2 06-17 03:31
    ("losers", 1, "Tainted Minds", "Regal Morituri", 3, 1),  # champs-losers-1-3 06-17 03:55
    ("winners", 3, "Red Reserve", "Echo Fox", 3, 0),  # champs-winners-1-0 06-17 04:05
    ("winners", 3, "Luminosity", "OpTic Gaming", 3, 1),  # champs-winners-1-1 06-17 04:32
    ("losers", 2, "Complexity", "Brash", 3, 0),  # champs-losers-2-1 06-17 04:39
    ("losers", 2, "Ghost Gaming", "Enigma6", 3, 0),  # champs-losers-2-2 06-17 04:42
    ("losers", 2, "Evil Geniuses", "Lightning Pandas", 3, 1),  # champs-losers-2-0 06-17 05:00
    ("losers", 2, "Tainted Minds", "Epsilon", 3, 2),  # champs-losers-2-3 06-17 05:41
    ("losers", 3, "Team Kaliber", "Complexity", 3, 1),  # champs-losers-3-2 06-17 05:54
    ("losers", 3, "Mindfreak", "Ghost Gaming", 3, 1),  # champs-losers-3-1 06-17 06:13
    ("losers", 3, "Tainted Minds", "Team EnVyUs", 3, 0),  # champs-losers-3-3 06-17 06:43
    ("losers", 3, "eUnited", "Evil Geniuses", 3, 2),  # champs-losers-3-0 06-17 06:47
    ("losers", 4, "OpTic Gaming", "eUnited", 3, 0),  # champs-losers-4-2 06-17 17:50
    ("winners", 4, "Rise Nation", "Unilad", 3, 0),  # champs-winners-2-1 06-17 17:54
    ("losers", 4, "Tainted Minds", "Echo Fox", 3, 0),  # champs-losers-4-3 06-17 17:58
    ("losers", 4, "FaZe Clan", "Team Kaliber", 3, 1),  # champs-losers-4-1 06-17 18:06
    ("losers", 4, "Mindfreak", "Splyce", 3, 2),  # champs-losers-4-0 06-17 18:38
    ("losers", 5, "OpTic Gaming", "Tainted Minds", 3, 0),  # champs-losers-5-1 06-17 19:23
    ("winners", 4, "Red Reserve", "Luminosity", 3, 1),  # champs-winners-2-0 06-17 19:36
    ("losers", 5, "FaZe Clan", "Mindfreak", 3, 2),  # champs-losers-5-0 06-17 20:40
    ("losers", 6, "Unilad", "OpTic Gaming", 3, 2),  # champs-losers-6-0 06-17 21:24
    ("losers", 6, "Luminosity", "FaZe Clan", 3, 0),  # champs-losers-6-1 06-17 21:49
    ("losers", 7, "Luminosity", "Unilad", 3, 0),  # champs-losers-7-0 06-17 23:02
    ("winners", 5, "Rise Nation", "Red Reserve", 3, 2),  # champs-winners-3-0 06-17 23:37
    ("losers", 8, "Red Reserve", "Luminosity", 3, 1),  # champs-losers-8-0 06-18 01:00
    ("grand_final", 1, "Red Reserve", "Rise Nation", 3, 1),  # champs-grand-finals-0 06-18 02:38
    ("grand_final", 2, "Rise Nation", "Red Reserve", 3, 1),  # champs-grand-finals-1 06-18 03:50
]

# who met whom in each lower round, top to bottom, slot by slot (an entrant or a dropping
# upper loser first, the lower side's winner second; round 1: by the draw; rounds 5 and 7:
# the winners of the round before, the upper one first)
LOWER_PAIRINGS = {
    1: [("Enigma6", "Heretics"), ("Brash", "Elevate"), ("Lightning Pandas", "Conquest"),
        ("Tainted Minds", "Regal Morituri")],
    2: [("Ghost Gaming", "Enigma6"), ("Complexity", "Brash"),
        ("Evil Geniuses", "Lightning Pandas"), ("Epsilon", "Tainted Minds")],
    3: [("Mindfreak", "Ghost Gaming"), ("Team Kaliber", "Complexity"),
        ("eUnited", "Evil Geniuses"), ("Team EnVyUs", "Tainted Minds")],
    4: [("Splyce", "Mindfreak"), ("FaZe Clan", "Team Kaliber"), ("OpTic Gaming", "eUnited"),
        ("Echo Fox", "Tainted Minds")],
    5: [("Mindfreak", "FaZe Clan"), ("OpTic Gaming", "Tainted Minds")],
    6: [("Luminosity", "FaZe Clan"), ("Unilad", "OpTic Gaming")],
    7: [("Luminosity", "Unilad")],
    8: [("Red Reserve", "Luminosity")],
}

# lower round 4 as the service pairs it with the automatic drop orders (half_shift), once
# everything before it is played as above
DEFAULT_LOWER = (4, [("FaZe Clan", "Mindfreak"), ("Splyce", "Team Kaliber"),
                     ("Echo Fox", "eUnited"), ("OpTic Gaming", "Tainted Minds")])

PLACES = {"Rise Nation": 1, "Red Reserve": 2, "Luminosity": 3, "Unilad": 4, "OpTic Gaming": 5,
          "FaZe Clan": 5, "Tainted Minds": 7, "Mindfreak": 7, "Echo Fox": 9, "eUnited": 9,
          "Team Kaliber": 9, "Splyce": 9, "Complexity": 13, "Ghost Gaming": 13,
          "Evil Geniuses": 13, "Team EnVyUs": 13, "Enigma6": 17, "Lightning Pandas": 17,
          "Brash": 17, "Epsilon": 17, "Elevate": 21, "Conquest": 21, "Regal Morituri": 21,
          "Heretics": 21}
SHARED = {team: (place, place + {5: 1, 7: 1, 9: 3, 13: 3, 17: 3, 21: 3}[place])
          for team, place in PLACES.items() if place >= 5}
