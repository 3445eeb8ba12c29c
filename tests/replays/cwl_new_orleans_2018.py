"""Call of Duty World League New Orleans Open (CWL 2018 season; New Orleans, Louisiana, 12-14
January 2018): the Championship Bracket of Championship Sunday, won by Team Kaliber over a
bracket reset.

Plain data only (standard library, no imports).

Format: as the Dallas open (tests/replays/cwl_dallas_2018.py): 24 teams in one double
elimination of best-of-fives [1] [2]. The first and second of the four pools of [1] start in
the winners bracket; the pools' fifth places and four teams that play no pool series in [1]
(InControl Gaming, Millenium, DooM, EZG) start in losers round 1; the pools' fourth places
enter at losers round 2 and their third places at losers round 3, each against a winner of
the round before; the winners round-1 losers drop into losers round 4. The service plays it
with ``lower_entries`` [8, 4, 4]: its lower rounds 1..8 are [1]'s "losers-1".."losers-8" and
its upper rounds 3, 4, 5 are [1]'s "winners-1".."winners-3".

Read off [1] (series ids "champs-winners-R-I", "champs-losers-R-I", "champs-grand-finals-0"
and "-1"; every series' two teams, winner, and score as the games each team won; every
series' games run Hardpoint, Search and Destroy, Capture the Flag, Hardpoint, Search and
Destroy with none missing). As in Dallas, [1]'s index I within a losers round is not a
bracket position, so each losers match is placed where its winner plays next, from the
winners side's [1] positions down: with the same ``drop_orders`` as Dallas and Seattle,
["reverse", "natural"], the winners round-1 losers meet the lower side in reverse (the loser
of the last quarterfinal, OpTic Gaming, meets the winner from the top of the lower bracket,
Red Reserve) and the semifinal losers drop straight down; [1]'s "losers-4-0" and "-4-1" are
then the bracket's second and first. With the automatic orders lower round 4 pairs
otherwise (``DEFAULT_LOWER``).

The grand final was played twice: Luminosity Gaming, from the losers side, won the first
3-1, Team Kaliber the reset 3-2 [1] [3].

SOURCES
 [1] Activision, "cwl-data", https://github.com/Activision/cwl-data, file
     data/data-2018-01-14-neworleans.csv (commit 5b7eb907b63ab4a53ed7fd2987459f3bf28c9c21, "the
     *last* data"; added by 8ec22fd30a489f800286375f522740bb02d8f98c, last changed by
     3013e3ffee90b7af9fdd175855b12ade06fa32f8; data/README.md: "CWL New Orleans - New
     Orleans, LA - Jan 12-14, 2018", "280 of 280 *elite* games have data"): one row per
     player per game with "series id", "end time", "mode", "team" and "win?".
 [2] toptechnews.de, https://toptechnews.de/2018/01/16/team-kaliber-zu-champions-der-cwl-new-orleans-open-gekroent
     - "Endstand der CWL New Orleans Open: 1. Team Kaliber, 2. Luminosity Gaming, 3. Rise
     Nation, 4. Red Reserve, 5./6. Echo Fox / eUnited, 7./8. Evil Geniuses / FaZe".
 [3] millenium.org, https://millenium.org/news/283559.html - Team Kaliber beat Luminosity
     "au bout d'un double-BO5 (1-3 ; 3-2)"; Splyce and OpTic Gaming "Top 9/12"; Red Reserve
     beat OpTic Gaming, FaZe and eUnited in the losers bracket and finished fourth, beaten by
     Rise Nation; Unilad and Epsilon out in their first Championship Bracket series.

NOT SOURCED HERE: the places below 8th other than [3]'s are the rounds the teams went out
in, as for every team; the slot order within a match (on the winners side and in losers
round 1 the series' winner first, then an entrant or a dropping loser first and the lower
side's winner second, as the service places them).
"""

UPPER = ["Team Kaliber", "Rise Nation", "eUnited", "Evil Geniuses", "Luminosity Gaming",
         "FaZe Clan", "Echo Fox", "OpTic Gaming"]
LOWER_ROUND_3 = ["Red Reserve", "Team EnVyUs", "Unilad", "Splyce"]
LOWER_ROUND_2 = ["Mindfreak", "Complexity Gaming", "GGEA Orange", "Team Vitality"]
LOWER_ROUND_1 = ["InControl Gaming", "Epsilon", "Enigma6", "Millenium", "DooM", "GGEA Blue",
                 "Lightning Pandas", "EZG"]
DRAW = UPPER + LOWER_ROUND_3 + LOWER_ROUND_2 + LOWER_ROUND_1
LOWER_ENTRIES = [8, 4, 4]
DROP_ORDERS = ["reverse", "natural"]

# (bracket, round, winner, loser, winner's games, loser's games) in the order the series
# ended [1] (its series id and the last game's end, UTC); every series a best-of-five
SERIES = [
    ("winners", 3, "Team Kaliber", "Rise Nation", 3, 1),  # champs-winners-1-0 01-14 03:23
    ("losers", 1, "Lightning Pandas", "EZG", 3, 0),  # champs-losers-1-3 01-14 03:36
    ("losers", 1, "DooM", "GGEA Blue", 3, 0),  # champs-losers-1-2 01-14 03:39
    ("losers", 1, "Enigma6", "Millenium", 3, 1),  # champs-losers-1-0 01-14 03:40
    ("losers", 1, "InControl Gaming", "Epsilon", 3, 1),  # champs-losers-1-1 01-14 03:53
    ("winners", 3, "eUnited", "Evil Geniuses", 3, 2),  # champs-winners-1-1 01-14 04:04
    ("losers", 2, "Lightning Pandas", "Team Vitality", 3, 0),  # champs-losers-2-3 01-14 04:39
    ("losers", 2, "DooM", "GGEA Orange", 3, 0),  # champs-losers-2-2 01-14 04:39
    ("winners", 3, "Echo Fox", "OpTic Gaming", 3, 1),  # champs-winners-1-3 01-14 04:56
    ("losers", 2, "Enigma6", "Complexity Gaming", 3, 1),  # champs-losers-2-0 01-14 05:04
    ("winners", 3, "Luminosity Gaming", "FaZe Clan", 3, 2),  # champs-winners-1-2 01-14 05:33
    ("losers", 2, "Mindfreak", "InControl Gaming", 3, 2),  # champs-losers-2-1 01-14 05:36
    ("losers", 3, "Team EnVyUs", "Enigma6", 3, 0),  # champs-losers-3-0 01-14 06:09
    ("losers", 3, "Splyce", "Lightning Pandas", 3, 2),  # champs-losers-3-3 01-14 06:21
    ("losers", 3, "DooM", "Unilad", 3, 2),  # champs-losers-3-2 01-14 06:30
    ("losers", 3, "Red Reserve", "Mindfreak", 3, 0),  # champs-losers-3-1 01-14 06:39
    ("losers", 4, "Rise Nation", "Splyce", 3, 0),  # champs-losers-4-3 01-14 16:43
    ("losers", 4, "FaZe Clan", "Team EnVyUs", 3, 1),  # champs-losers-4-0 01-14 17:09
    ("losers", 4, "Evil Geniuses", "DooM", 3, 1),  # champs-losers-4-2 01-14 17:13
    ("losers", 4, "Red Reserve", "OpTic Gaming", 3, 1),  # champs-losers-4-1 01-14 17:20
    ("winners", 4, "Team Kaliber", "eUnited", 3, 2),  # champs-winners-2-0 01-14 17:25
    ("losers", 5, "Red Reserve", "FaZe Clan", 3, 0),  # champs-losers-5-0 01-14 18:31
    ("losers", 5, "Rise Nation", "Evil Geniuses", 3, 0),  # champs-losers-5-1 01-14 18:44
    ("winners", 4, "Luminosity Gaming", "Echo Fox", 3, 2),  # champs-winners-2-1 01-14 19:07
    ("losers", 6, "Red Reserve", "eUnited", 3, 0),  # champs-losers-6-0 01-14 20:17
    ("losers", 6, "Rise Nation", "Echo Fox", 3, 1),  # champs-losers-6-1 01-14 20:29
    ("winners", 5, "Team Kaliber", "Luminosity Gaming", 3, 1),  # champs-winners-3-0 01-14 21:41
    ("losers", 7, "Rise Nation", "Red Reserve", 3, 2),  # champs-losers-7-0 01-14 22:18
    ("losers", 8, "Luminosity Gaming", "Rise Nation", 3, 2),  # champs-losers-8-0 01-14 23:49
    ("grand_final", 1, "Luminosity Gaming", "Team Kaliber", 3, 1),  # champs-grand-finals-0 01-15 01:15
    ("grand_final", 2, "Team Kaliber", "Luminosity Gaming", 3, 2),  # champs-grand-finals-1 01-15 02:48
]

# who met whom in each lower round, top to bottom, slot by slot (an entrant or a dropping
# upper loser first, the lower side's winner second; round 1: by the draw; rounds 5 and 7:
# the winners of the round before, the upper one first)
LOWER_PAIRINGS = {
    1: [("InControl Gaming", "Epsilon"), ("Enigma6", "Millenium"), ("DooM", "GGEA Blue"),
        ("Lightning Pandas", "EZG")],
    2: [("Mindfreak", "InControl Gaming"), ("Complexity Gaming", "Enigma6"),
        ("GGEA Orange", "DooM"), ("Team Vitality", "Lightning Pandas")],
    3: [("Red Reserve", "Mindfreak"), ("Team EnVyUs", "Enigma6"), ("Unilad", "DooM"),
        ("Splyce", "Lightning Pandas")],
    4: [("OpTic Gaming", "Red Reserve"), ("FaZe Clan", "Team EnVyUs"),
        ("Evil Geniuses", "DooM"), ("Rise Nation", "Splyce")],
    5: [("Red Reserve", "FaZe Clan"), ("Evil Geniuses", "Rise Nation")],
    6: [("eUnited", "Red Reserve"), ("Echo Fox", "Rise Nation")],
    7: [("Red Reserve", "Rise Nation")],
    8: [("Luminosity Gaming", "Rise Nation")],
}

# lower round 4 as the service pairs it with the automatic drop orders (half_shift), once
# everything before it is played as above
DEFAULT_LOWER = (4, [("FaZe Clan", "Red Reserve"), ("OpTic Gaming", "Team EnVyUs"),
                     ("Rise Nation", "DooM"), ("Evil Geniuses", "Splyce")])

PLACES = {"Team Kaliber": 1, "Luminosity Gaming": 2, "Rise Nation": 3, "Red Reserve": 4,
          "Echo Fox": 5, "eUnited": 5, "FaZe Clan": 7, "Evil Geniuses": 7, "Splyce": 9,
          "DooM": 9, "Team EnVyUs": 9, "OpTic Gaming": 9, "Lightning Pandas": 13,
          "Unilad": 13, "Enigma6": 13, "Mindfreak": 13, "GGEA Orange": 17,
          "Team Vitality": 17, "Complexity Gaming": 17, "InControl Gaming": 17,
          "Millenium": 21, "Epsilon": 21, "GGEA Blue": 21, "EZG": 21}
SHARED = {team: (place, place + {5: 1, 7: 1, 9: 3, 13: 3, 17: 3, 21: 3}[place])
          for team, place in PLACES.items() if place >= 5}
