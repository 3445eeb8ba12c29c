"""Call of Duty World League Seattle Open (CWL 2018 season; Seattle, Washington, 20-22 April
2018): the Championship Bracket of Championship Sunday, won by Rise Nation from the losers
bracket over a bracket reset.

Plain data only (standard library, no imports).

Format: as the Dallas open (tests/replays/cwl_dallas_2018.py): 24 teams in one double
elimination of best-of-fives [1]. The first and second of the four pools of [1] start in
the winners bracket; the pools' fifth places and the four open-bracket teams that play no
pool series in [1] (Heretics, GGEA Orange, Cyclone, Nordic) start in losers round 1; the
pools' fourth places enter at losers round 2 and their third places at losers round 3,
each against a winner of the round before; the winners round-1 losers drop into losers
round 4. The service plays it with ``lower_entries`` [8, 4, 4]: its lower rounds 1..8 are
[1]'s "losers-1".."losers-8" and its upper rounds 3, 4, 5 are [1]'s "winners-1".."winners-3".

Read off [1] (series ids "champs-winners-R-I", "champs-losers-R-I", "champs-grand-finals-0"
and "-1"; every series' two teams, winner, and score as the games each team won; the order
of play is the series' last game's "end time"). [1]'s index I within losers rounds 1-3 is
not a bracket position: "losers-1-1" (Heretics) feeds "losers-2-2" and "losers-1-2"
(Cyclone) feeds "losers-2-1", and "losers-2-1" feeds "losers-3-2" and "losers-2-2"
"losers-3-1". From losers round 4 on [1]'s indices are the bracket's (losers-5-0 takes the
winners of losers-4-0 and -1, losers-6-0 the winner of losers-5-0), so each losers match of
rounds 1-3 is placed where the winner it sends on plays in round 4. Then, as in Dallas:

* the winners round-1 losers drop into losers round 4 in ``reverse`` order (the loser of
  the last quarterfinal, Team EnVyUs, meets the winner from the top of the lower bracket,
  Rise Nation), and the winners semifinal losers into losers round 6 ``natural`` (Ghost
  Gaming, the loser of the first semifinal, meets the winner of losers-5-0): ``drop_orders``
  ["reverse", "natural"]. The bracket's mirror images would name other orders (with the
  halves of losers round 4 swapped, ["pair_flip", "reverse"]); [1]'s indices name these.
  With the service's automatic orders (``half_shift``, then the semifinal losers crossed
  over) lower round 4 pairs otherwise (``DEFAULT_LOWER``).
* the grand final was played twice: Rise Nation, from the losers side, won the first 3-1
  and the reset 3-0 (champs-grand-finals-0 and -1) [1] [2] [4].

SOURCES
 [1] Activision, "cwl-data", https://github.com/Activision/cwl-data, file
     data/data-2018-04-22-seattle.csv (commit 5b7eb907b63ab4a53ed7fd2987459f3bf28c9c21, "the
     *last* data"; last changed by 3013e3ffee90b7af9fdd175855b12ade06fa32f8; data/README.md:
     "CWL Seattle - Seattle, WA - Apr 20-22, 2018"): one row per player per game with
     "series id", "end time", "team" and "win?"; the pool series "pool-A-0".."pool-D-9".
 [2] gamegnome.com, "CWL Seattle recap", https://gamegnome.com/news/cwl-seattle-recap -
     Rise Nation "stole the CWL Seattle Open championship from the Evil Geniuses, beating
     them in back-to-back Grand Finals series after making an incredible Losers Bracket run".
 [3] millenium.org, https://millenium.org/news/294887.html - Rise Nation from "Top 20" to
     1st; Red Reserve "Top 7/8"; Splyce "Top 20".
 [4] Bleeding Cool, https://bleedingcool.com/tag/cwl-seattle - "Rise Nation won the second
     series of the Championship Match with a 3:0 victory over Evil Geniuses".

NOT SOURCED HERE: the places other than Rise Nation's, Evil Geniuses', Red Reserve's and
Splyce's [2] [3] (found nowhere in full) are the rounds the teams went out in, as the
service places them (eUnited 3rd, out in the lower final; Echo Fox 4th, in the lower
semifinal ...); the pools' places are read off [1]'s pool series (series won, then the
series between the teams tied, then map difference: pool A's three 3-1 teams beat each
other in a ring, Lightning Pandas +6, Echo Fox +4, FaZe Clan +3) and agree with where [1]'s
bracket starts every pool team (1st and 2nd on the winners side, 3rd, 4th, 5th at losers
round 3, 2, 1); the slot order within a match (on the winners side the pool's 1st first,
in losers round 1 the pool team first, then an entrant or a dropping loser first and the
lower side's winner second, as the service places them).
"""

# the bracket top to bottom (natural seeding): the winners side by [1]'s winners round-1
# positions 0..3 (each a pool's 1st v another pool's 2nd), then the entrants of losers
# round 3 and of round 2 (one a match, top to bottom), then losers round 1's eight
UPPER = ["Lightning Pandas", "eUnited", "Team Kaliber", "Ghost Gaming", "Enigma6",
         "Echo Fox", "Team EnVyUs", "Evil Geniuses"]
LOWER_ROUND_3 = ["Complexity Gaming", "OpTic Gaming", "FaZe Clan", "Red Reserve"]
LOWER_ROUND_2 = ["Rise Nation", "Splyce", "Mindfreak", "Unilad"]
LOWER_ROUND_1 = ["Epsilon", "Heretics", "Luminosity Gaming", "GGEA Orange", "EZG Blue",
                 "Cyclone", "Tainted Minds", "Nordic"]
DRAW = UPPER + LOWER_ROUND_3 + LOWER_ROUND_2 + LOWER_ROUND_1
LOWER_ENTRIES = [8, 4, 4]
DROP_ORDERS = ["reverse", "natural"]

# (bracket, round, winner, loser, winner's games, loser's games) in the order the series
# ended [1] (its series id and the last game's end, UTC); every series a best-of-five
SERIES = [
    ("losers", 1, "Nordic", "Tainted Minds", 3, 0),  # champs-losers-1-3 04-22 03:32
    ("winners", 3, "Evil Geniuses", "Team EnVyUs", 3, 0),  # champs-winners-1-3 03:35
    ("winners", 3, "Echo Fox", "Enigma6", 3, 2),  # champs-winners-1-2 03:39
    ("losers", 1, "Luminosity Gaming", "GGEA Orange", 3, 0),  # champs-losers-1-0 03:48
    ("losers", 1, "Cyclone", "EZG Blue", 3, 2),  # champs-losers-1-2 04:03
    ("losers", 1, "Heretics", "Epsilon", 3, 1),  # champs-losers-1-1 04:18
    ("losers", 2, "Unilad", "Nordic", 3, 0),  # champs-losers-2-3 04:41
    ("winners", 3, "eUnited", "Lightning Pandas", 3, 0),  # champs-winners-1-0 04:46
    ("winners", 3, "Ghost Gaming", "Team Kaliber", 3, 1),  # champs-winners-1-1 04:54
    ("losers", 2, "Luminosity Gaming", "Splyce", 3, 0),  # champs-losers-2-0 04:55
    ("losers", 2, "Rise Nation", "Heretics", 3, 0),  # champs-losers-2-2 05:20
    ("losers", 2, "Cyclone", "Mindfreak", 3, 1),  # champs-losers-2-1 05:26
    ("losers", 3, "Luminosity Gaming", "OpTic Gaming", 3, 0),  # champs-losers-3-0 06:06
    ("losers", 3, "Red Reserve", "Unilad", 3, 1),  # champs-losers-3-3 06:14
    ("losers", 3, "Rise Nation", "Complexity Gaming", 3, 0),  # champs-losers-3-1 06:18
    ("losers", 3, "FaZe Clan", "Cyclone", 3, 2),  # champs-losers-3-2 06:55
    ("losers", 4, "Luminosity Gaming", "Enigma6", 3, 0),  # champs-losers-4-1 17:48
    ("losers", 4, "Team Kaliber", "FaZe Clan", 3, 0),  # champs-losers-4-2 17:50
    ("losers", 4, "Red Reserve", "Lightning Pandas", 3, 2),  # champs-losers-4-3 18:07
    ("winners", 4, "Evil Geniuses", "Echo Fox", 3, 1),  # champs-winners-2-1 18:16
    ("losers", 4, "Rise Nation", "Team EnVyUs", 3, 2),  # champs-losers-4-0 18:26
    ("winners", 4, "eUnited", "Ghost Gaming", 3, 0),  # champs-winners-2-0 19:24
    ("losers", 5, "Team Kaliber", "Red Reserve", 3, 2),  # champs-losers-5-1 20:00
    ("losers", 5, "Rise Nation", "Luminosity Gaming", 3, 2),  # champs-losers-5-0 20:06
    ("losers", 6, "Rise Nation", "Ghost Gaming", 3, 0),  # champs-losers-6-0 21:11
    ("losers", 6, "Echo Fox", "Team Kaliber", 3, 2),  # champs-losers-6-1 21:33
    ("winners", 5, "Evil Geniuses", "eUnited", 3, 0),  # champs-winners-3-0 22:51
    ("losers", 7, "Rise Nation", "Echo Fox", 3, 1),  # champs-losers-7-0 23:00
    ("losers", 8, "Rise Nation", "eUnited", 3, 0),  # champs-losers-8-0 04-23 00:09
    ("grand_final", 1, "Rise Nation", "Evil Geniuses", 3, 1),  # champs-grand-finals-0 01:46
    ("grand_final", 2, "Rise Nation", "Evil Geniuses", 3, 0),  # champs-grand-finals-1 02:50
]

# who met whom in each lower round, top to bottom, slot by slot (an entrant or a dropping
# upper loser first, the lower side's winner second; round 1: by the draw; rounds 5 and 7:
# the winners of the round before, the upper one first)
LOWER_PAIRINGS = {
    1: [("Epsilon", "Heretics"), ("Luminosity Gaming", "GGEA Orange"),
        ("EZG Blue", "Cyclone"), ("Tainted Minds", "Nordic")],
    2: [("Rise Nation", "Heretics"), ("Splyce", "Luminosity Gaming"),
        ("Mindfreak", "Cyclone"), ("Unilad", "Nordic")],
    3: [("Complexity Gaming", "Rise Nation"), ("OpTic Gaming", "Luminosity Gaming"),
        ("FaZe Clan", "Cyclone"), ("Red Reserve", "Unilad")],
    4: [("Team EnVyUs", "Rise Nation"), ("Enigma6", "Luminosity Gaming"),
        ("Team Kaliber", "FaZe Clan"), ("Lightning Pandas", "Red Reserve")],
    5: [("Rise Nation", "Luminosity Gaming"), ("Team Kaliber", "Red Reserve")],
    6: [("Ghost Gaming", "Rise Nation"), ("Echo Fox", "Team Kaliber")],
    7: [("Rise Nation", "Echo Fox")],
    8: [("eUnited", "Rise Nation")],
}

# (lower round, its pairings) as the service pairs it with the automatic drop orders, once
# everything before it is played as above: lower round 4, where the automatic order drops
# the winners round-1 losers half_shift
DEFAULT_LOWER = (4, [("Enigma6", "Rise Nation"), ("Team EnVyUs", "Luminosity Gaming"),
                     ("Lightning Pandas", "FaZe Clan"), ("Team Kaliber", "Red Reserve")])

PLACES = {"Rise Nation": 1, "Evil Geniuses": 2, "eUnited": 3, "Echo Fox": 4,
          "Ghost Gaming": 5, "Team Kaliber": 5, "Luminosity Gaming": 7, "Red Reserve": 7,
          "Team EnVyUs": 9, "Enigma6": 9, "FaZe Clan": 9, "Lightning Pandas": 9,
          "OpTic Gaming": 13, "Complexity Gaming": 13, "Cyclone": 13, "Unilad": 13,
          "Splyce": 17, "Mindfreak": 17, "Heretics": 17, "Nordic": 17,
          "GGEA Orange": 21, "Epsilon": 21, "EZG Blue": 21, "Tainted Minds": 21}
SHARED = {team: (place, place + {5: 1, 7: 1, 9: 3, 13: 3, 17: 3, 21: 3}[place])
          for team, place in PLACES.items() if place >= 5}
