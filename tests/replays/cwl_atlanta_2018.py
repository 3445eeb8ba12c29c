"""Call of Duty World League Atlanta Open (CWL 2018 season; Atlanta, Georgia, 9-11 March
2018): the Championship Bracket of Championship Sunday, won by Rise Nation from the winners
side over Red Reserve, who came through the whole losers bracket.

Plain data only (standard library, no imports).

Format: as the Dallas open (tests/replays/cwl_dallas_2018.py): 24 teams in one double
elimination of best-of-fives [1]. The first and second of the four pools of [1] start in
the winners bracket; the pools' fifth places and four teams that play no pool series in [1]
(Tainted Minds, Most Wanted, Complexity Gaming, Morituri eSports) start in losers round 1;
the pools' fourth places enter at losers round 2 and their third places at losers round 3;
the winners round-1 losers drop into losers round 4. The service plays it with
``lower_entries`` [8, 4, 4]: its lower rounds 1..8 are [1]'s "losers-1".."losers-8" and its
upper rounds 3, 4, 5 are [1]'s "winners-1".."winners-3".

Read off [1] (series ids "champs-winners-R-I", "champs-losers-R-I", "champs-grand-finals-0";
every series' two teams, winner, and score as the games each team won; every series' games
run Hardpoint, Search and Destroy, Capture the Flag, Hardpoint, Search and Destroy with none
missing: the five games [1]'s README says were lost on day 2 are none of the bracket's).
As in Seattle, [1]'s indices within losers rounds 1-3 are not bracket positions and from
losers round 4 on they are, so each losers match of rounds 1-3 is placed where its winner
plays in round 4; the ``drop_orders`` are Dallas's and Seattle's, ["reverse", "natural"]
(the loser of the last quarterfinal, Mindfreak, meets the winner from the top of the lower
bracket, eUnited). With the automatic orders lower round 4 pairs otherwise
(``DEFAULT_LOWER``).

The grand final was one series: Rise Nation 3-1 over Red Reserve [1] [2] [3].

SOURCES
 [1] Activision, "cwl-data", https://github.com/Activision/cwl-data, file
     data/data-2018-03-11-atlanta.csv (commit 5b7eb907b63ab4a53ed7fd2987459f3bf28c9c21, "the
     *last* data"; added by e31e54fc3a1bdffe3f755cfe3dc495f2d17eab04, last changed by
     3013e3ffee90b7af9fdd175855b12ade06fa32f8; data/README.md: "CWL Atlanta - Atlanta, GA -
     Mar 9-11, 2018"): one row per player per game with "series id", "end time", "mode",
     "team" and "win?".
 [2] Twin Galaxies, "RESULTS: Rise Nation Defeats Red Reserve to Take CWL Atlanta
     Championship", https://www.twingalaxies.com/feed_details.php/607/results-rise-nation-and-red-reserve-cwl-atlanta-championship
     - Rise Nation beat Team EnVyUs 3-2 and Luminosity Gaming 3-1; Red Reserve beat "Ghost
     gaming, FaZe Clan, Team Kaliber, OpTic Gaming, Team EnVyUs and Luminosity Gaming".
 [3] COED, "CWL Atlanta Open 2018: Final Winner",
     https://coed.com/2018/03/12/cwl-atlanta-open-final-winner-rise-nation-exclusive-interview-video-live-stream/
     - "Rise Nation taking the title, 3-1".

NOT SOURCED HERE: the places other than 1st and 2nd are the rounds the teams went out in, as
the service places them (Luminosity Gaming 3rd, out in the lower final; Team EnVyUs 4th
...); the slot order within a match (on the winners side and in losers round 1 the series'
winner first, then an entrant or a dropping loser first and the lower side's winner second).
"""

UPPER = ["Rise Nation", "FaZe Clan", "Team EnVyUs", "Team Kaliber", "OpTic Gaming",
         "Lightning Pandas", "Luminosity Gaming", "Mindfreak"]
LOWER_ROUND_3 = ["eUnited", "Evil Geniuses", "Echo Fox", "Red Reserve"]
LOWER_ROUND_2 = ["Splyce", "Unilad", "eRa Eternity", "Ghost Gaming"]
LOWER_ROUND_1 = ["Team Vitality", "Tainted Minds", "Heretics", "Most Wanted",
                 "Complexity Gaming", "Monaco eSports", "GGEA Orange", "Morituri eSports"]
DRAW = UPPER + LOWER_ROUND_3 + LOWER_ROUND_2 + LOWER_ROUND_1
LOWER_ENTRIES = [8, 4, 4]
DROP_ORDERS = ["reverse", "natural"]

# (bracket, round, winner, loser, winner's games, loser's games) in the order the series
# ended [1] (its series id and the last game's end, UTC); every series a best-of-five
SERIES = [
    ("winners", 3, "Rise Nation", "FaZe Clan", 3, 0),  # champs-winners-1-0 03-11 01:51
    ("losers", 1, "Heretics", "Most Wanted", 3, 0),  # champs-losers-1-0 03-11 02:20
    ("losers", 1, "Complexity Gaming", "Monaco eSports", 3, 1),  # champs-losers-1-2 03-11 02:35
    ("losers", 1, "GGEA Orange", "Morituri eSports", 3, 2),  # champs-losers-1-3 03-11 02:36
    ("winners", 3, "Team EnVyUs", "Team Kaliber", 3, 2),  # champs-winners-1-1 03-11 02:37
    ("losers", 1, "Team Vitality", "Tainted Minds", 3, 2),  # champs-losers-1-1 03-11 02:51
    ("winners", 3, "Luminosity Gaming", "Mindfreak", 3, 2),  # champs-winners-1-3 03-11 03:30
    ("losers", 2, "Unilad", "Heretics", 3, 1),  # champs-losers-2-0 03-11 03:34
    ("winners", 3, "OpTic Gaming", "Lightning Pandas", 3, 0),  # champs-winners-1-2 03-11 03:46
    ("losers", 2, "Splyce", "Team Vitality", 3, 0),  # champs-losers-2-2 03-11 03:49
    ("losers", 2, "Ghost Gaming", "GGEA Orange", 3, 1),  # champs-losers-2-3 03-11 03:52
    ("losers", 2, "eRa Eternity", "Complexity Gaming", 3, 2),  # champs-losers-2-1 03-11 04:08
    ("losers", 3, "Evil Geniuses", "Unilad", 3, 0),  # champs-losers-3-0 03-11 04:36
    ("losers", 3, "Red Reserve", "Ghost Gaming", 3, 1),  # champs-losers-3-3 03-11 05:07
    ("losers", 3, "Echo Fox", "eRa Eternity", 3, 0),  # champs-losers-3-2 03-11 05:09
    ("losers", 3, "eUnited", "Splyce", 3, 2),  # champs-losers-3-1 03-11 05:09
    ("losers", 4, "Evil Geniuses", "Lightning Pandas", 3, 0),  # champs-losers-4-1 03-11 14:52
    ("losers", 4, "Red Reserve", "FaZe Clan", 3, 1),  # champs-losers-4-3 03-11 15:11
    ("losers", 4, "eUnited", "Mindfreak", 3, 1),  # champs-losers-4-0 03-11 15:11
    ("winners", 4, "Rise Nation", "Team EnVyUs", 3, 2),  # champs-winners-2-0 03-11 15:18
    ("losers", 4, "Team Kaliber", "Echo Fox", 3, 1),  # champs-losers-4-2 03-11 15:31
    ("winners", 4, "Luminosity Gaming", "OpTic Gaming", 3, 0),  # champs-winners-2-1 03-11 16:31
    ("losers", 5, "Red Reserve", "Team Kaliber", 3, 1),  # champs-losers-5-1 03-11 16:41
    ("losers", 5, "eUnited", "Evil Geniuses", 3, 2),  # champs-losers-5-0 03-11 17:19
    ("losers", 6, "Red Reserve", "OpTic Gaming", 3, 0),  # champs-losers-6-0 03-11 17:43
    ("losers", 6, "Team EnVyUs", "eUnited", 3, 1),  # champs-losers-6-1 03-11 18:44
    ("winners", 5, "Rise Nation", "Luminosity Gaming", 3, 1),  # champs-winners-3-0 03-11 19:07
    ("losers", 7, "Red Reserve", "Team EnVyUs", 3, 2),  # champs-losers-7-0 03-11 20:17
    ("losers", 8, "Red Reserve", "Luminosity Gaming", 3, 0),  # champs-losers-8-0 03-11 21:19
    ("grand_final", 1, "Rise Nation", "Red Reserve", 3, 1),  # champs-grand-finals-0 03-11 22:42
]

# who met whom in each lower round, top to bottom, slot by slot (an entrant or a dropping
# upper loser first, the lower side's winner second; round 1: by the draw; rounds 5 and 7:
# the winners of the round before, the upper one first)
LOWER_PAIRINGS = {
    1: [("Team Vitality", "Tainted Minds"), ("Heretics", "Most Wanted"),
        ("Complexity Gaming", "Monaco eSports"), ("GGEA Orange", "Morituri eSports")],
    2: [("Splyce", "Team Vitality"), ("Unilad", "Heretics"),
        ("eRa Eternity", "Complexity Gaming"), ("Ghost Gaming", "GGEA Orange")],
    3: [("eUnited", "Splyce"), ("Evil Geniuses", "Unilad"), ("Echo Fox", "eRa Eternity"),
        ("Red Reserve", "Ghost Gaming")],
    4: [("Mindfreak", "eUnited"), ("Lightning Pandas", "Evil Geniuses"),
        ("Team Kaliber", "Echo Fox"), ("FaZe Clan", "Red Reserve")],
    5: [("eUnited", "Evil Geniuses"), ("Team Kaliber", "Red Reserve")],
    6: [("Team EnVyUs", "eUnited"), ("OpTic Gaming", "Red Reserve")],
    7: [("Team EnVyUs", "Red Reserve")],
    8: [("Luminosity Gaming", "Red Reserve")],
}

# lower round 4 as the service pairs it with the automatic drop orders (half_shift), once
# everything before it is played as above
DEFAULT_LOWER = (4, [("Lightning Pandas", "eUnited"), ("Mindfreak", "Evil Geniuses"),
                     ("FaZe Clan", "Echo Fox"), ("Team Kaliber", "Red Reserve")])

PLACES = {"Rise Nation": 1, "Red Reserve": 2, "Luminosity Gaming": 3, "Team EnVyUs": 4,
          "OpTic Gaming": 5, "eUnited": 5, "Team Kaliber": 7, "Evil Geniuses": 7,
          "FaZe Clan": 9, "Lightning Pandas": 9, "Mindfreak": 9, "Echo Fox": 9, "Unilad": 13,
          "Splyce": 13, "Ghost Gaming": 13, "eRa Eternity": 13, "Heretics": 17,
          "GGEA Orange": 17, "Complexity Gaming": 17, "Team Vitality": 17,
          "Morituri eSports": 21, "Tainted Minds": 21, "Monaco eSports": 21,
          "Most Wanted": 21}
SHARED = {team: (place, place + {5: 1, 7: 1, 9: 3, 13: 3, 17: 3, 21: 3}[place])
          for team, place in PLACES.items() if place >= 5}
