"""Call of Duty World League Dallas Open (CWL 2018 season; Dallas, Texas, 8-10 December
2017): the Championship Bracket of Championship Sunday.

Plain data only (standard library, no imports).

Format: 24 teams in one double elimination of best-of-fives [1] [2]. The eight teams that
finished first or second in the four pools of [1] start in the winners bracket; every
other team starts in the losers bracket: the eight of losers round 1 (the four pools'
fifth places, and SiNister, Millenium, Rockets Esports and Lightning Pandas, who play no
pool series in [1]), then the four pools' fourth places enter at losers round 2 and their
third places at losers round 3, each against a winner of the round before; the winners
round-1 losers drop into losers round 4. The service plays it with ``lower_entries`` [8, 4,
4]: its rounds keep the numbers of a 32-slot bracket, so its lower rounds 1..8 are [1]'s
"losers-1".."losers-8" and its upper rounds 3, 4, 5 are [1]'s "winners-1".."winners-3".

Read off [1] (series ids "champ-winners-R-I", "champ-losers-R-I", "champ-grand-finals-0";
every series' two teams, winner, and score as the games each team won; the order of play
is the series' last game's "end time"). [1]'s index I within a losers round is not a
bracket position (in the Seattle open's data, losers rounds 1-3 feed each other crosswise),
so the positions below are the bracket's tree: each losers match of rounds 1-4 is placed
where the winner it sends on plays next. Then:

* the winners round-1 losers drop into losers round 4 in ``reverse`` order (the loser of
  the last quarterfinal meets the winner of the first lower match), and the winners
  semifinal losers into losers round 6 ``natural`` (the loser of the first semifinal, from
  the top half, meets the winner from the bottom half): ``drop_orders`` ["reverse",
  "natural"], one per upper round whose losers drop, from the upper side's first round.
  With the service's automatic orders (``half_shift``, then the semifinal losers crossed
  over) lower round 4 pairs otherwise (``DEFAULT_LOWER``).
* the grand final was one series (Team Kaliber, from the winners side, won it) [1] [2].

SOURCES
 [1] Activision, "cwl-data", https://github.com/Activision/cwl-data, file
     data/data-2017-12-10-dallas.csv (commit 5b7eb907b63ab4a53ed7fd2987459f3bf28c9c21, "the
     *last* data"; last changed by 3013e3ffee90b7af9fdd175855b12ade06fa32f8; data/README.md:
     "CWL Dallas - Dallas, TX - Dec 8-10, 2017"): one row per player per game with "series
     id", "end time", "team" and "win?".
 [2] Call of Duty, "CWL Dallas Open Championship Bracket recap",
     https://www.callofduty.com/esports/story/2017-12/cwl-dallas-open-championship-bracket-recap
     - "Twenty-four teams ... made it to Championship Sunday", Team Kaliber champions.
 [3] toptechnews.de, https://toptechnews.de/?p=5379 - "Der Endstand bei den CWL Dallas Open:
     1. Team Kaliber, 2. Splyce, 3. OpTic Gaming, 4. FaZe Clan, 5./6. Echo Fox / eUnited,
     7./8. Luminosity / Team EnVyUs".
 [4] Everyday Electronics, "Surprising Victor at CWL Dallas!",
     https://everydayelectronics.com/2017/12/18/surprising-victor-at-cwl-dallas/ - 9th-12th
     Red Reserve, Ground Zero, Enigma 6; 13th-16th UNILAD, Next Threat, Epsilon, Rise
     Nation; 17th-20th Lightning Pandas, Evil Geniuses, Team Vitality (lists incomplete).

NOT SOURCED HERE: the places [3] and [4] do not list (Mindfreak 9th-12th, Team Allegiance
17th-20th, the four losers of losers round 1 21st-24th) are the rounds those teams went out
in, as for every other team; the slot order within a match (the lower side's winner second,
an entrant or a dropping loser first, as the service places them).
"""

# the bracket top to bottom (natural seeding): the winners side by [1]'s winners round-1
# positions 0..3 (slots 1 v 2, 3 v 4 ...), then the entrants of losers round 3 and of round
# 2 (one a match, top to bottom), then losers round 1's eight (1 v 2 ...)
UPPER = ["OpTic Gaming", "Red Reserve", "Splyce", "Ground Zero", "Team Kaliber", "Echo Fox",
         "eUnited", "Luminosity Gaming"]
LOWER_ROUND_3 = ["Rise Nation", "Epsilon", "Team EnVyUs", "FaZe Clan"]
LOWER_ROUND_2 = ["Enigma6", "Evil Geniuses", "Next Threat", "Team Allegiance"]
LOWER_ROUND_1 = ["Team Vitality", "Millenium", "Mindfreak", "SiNister", "Lightning Pandas",
                 "Ghost Gaming", "Unilad", "Rockets Esports"]
DRAW = UPPER + LOWER_ROUND_3 + LOWER_ROUND_2 + LOWER_ROUND_1
LOWER_ENTRIES = [8, 4, 4]
DROP_ORDERS = ["reverse", "natural"]

# (bracket, round, winner, loser, winner's games, loser's games) in the order the series
# ended [1] (its series id and the last game's end, UTC); every series a best-of-five
SERIES = [
    ("losers", 1, "Mindfreak", "SiNister", 3, 0),  # champ-losers-1-0 12-10 16:42
    ("losers", 1, "Lightning Pandas", "Ghost Gaming", 3, 0),  # champ-losers-1-2 16:47
    ("losers", 1, "Unilad", "Rockets Esports", 3, 1),  # champ-losers-1-3 16:59
    ("losers", 1, "Team Vitality", "Millenium", 3, 2),  # champ-losers-1-1 17:53
    ("losers", 2, "Next Threat", "Lightning Pandas", 3, 0),  # champ-losers-2-2 18:09
    ("losers", 2, "Unilad", "Team Allegiance", 3, 1),  # champ-losers-2-3 18:25
    ("losers", 2, "Mindfreak", "Evil Geniuses", 3, 2),  # champ-losers-2-0 18:27
    ("winners", 3, "eUnited", "Luminosity Gaming", 3, 1),  # champ-winners-1-3 18:32
    ("winners", 3, "Team Kaliber", "Echo Fox", 3, 1),  # champ-winners-1-2 18:39
    ("losers", 2, "Enigma6", "Team Vitality", 3, 0),  # champ-losers-2-1 19:16
    ("losers", 3, "FaZe Clan", "Unilad", 3, 0),  # champ-losers-3-3 19:33
    ("winners", 3, "Splyce", "Ground Zero", 3, 0),  # champ-winners-1-1 19:43
    ("losers", 3, "Mindfreak", "Epsilon", 3, 1),  # champ-losers-3-0 19:48
    ("losers", 3, "Team EnVyUs", "Next Threat", 3, 2),  # champ-losers-3-2 19:51
    ("winners", 3, "OpTic Gaming", "Red Reserve", 3, 1),  # champ-winners-1-0 19:52
    ("losers", 3, "Enigma6", "Rise Nation", 3, 2),  # champ-losers-3-1 20:58
    ("losers", 4, "FaZe Clan", "Red Reserve", 3, 0),  # champ-losers-4-3 21:03
    ("winners", 4, "Team Kaliber", "eUnited", 3, 2),  # champ-winners-2-1 21:31
    ("losers", 4, "Team EnVyUs", "Ground Zero", 3, 2),  # champ-losers-4-2 23:03
    ("losers", 4, "Echo Fox", "Mindfreak", 3, 2),  # champ-losers-4-0 23:07
    ("losers", 4, "Luminosity Gaming", "Enigma6", 3, 0),  # champ-losers-4-1 23:16
    ("winners", 4, "OpTic Gaming", "Splyce", 3, 2),  # champ-winners-2-0 12-11 00:15
    ("losers", 5, "FaZe Clan", "Team EnVyUs", 3, 1),  # champ-losers-5-1 00:26
    ("losers", 5, "Echo Fox", "Luminosity Gaming", 3, 0),  # champ-losers-5-0 00:44
    ("losers", 6, "FaZe Clan", "eUnited", 3, 1),  # champ-losers-6-0 01:37
    ("losers", 6, "Splyce", "Echo Fox", 3, 1),  # champ-losers-6-1 02:14
    ("winners", 5, "Team Kaliber", "OpTic Gaming", 3, 0),  # champ-winners-3-0 02:46
    ("losers", 7, "Splyce", "FaZe Clan", 3, 2),  # champ-losers-7-0 03:53
    ("losers", 8, "Splyce", "OpTic Gaming", 3, 0),  # champ-losers-8-0 05:01
    ("grand_final", 1, "Team Kaliber", "Splyce", 3, 2),  # champ-grand-finals-0 06:40 [2]
]

# who met whom in each lower round, top to bottom, slot by slot (an entrant or a dropping
# upper loser first, the lower side's winner second; round 1: by the draw)
LOWER_PAIRINGS = {
    1: [("Team Vitality", "Millenium"), ("Mindfreak", "SiNister"),
        ("Lightning Pandas", "Ghost Gaming"), ("Unilad", "Rockets Esports")],
    2: [("Enigma6", "Team Vitality"), ("Evil Geniuses", "Mindfreak"),
        ("Next Threat", "Lightning Pandas"), ("Team Allegiance", "Unilad")],
    3: [("Rise Nation", "Enigma6"), ("Epsilon", "Mindfreak"), ("Team EnVyUs", "Next Threat"),
        ("FaZe Clan", "Unilad")],
    4: [("Luminosity Gaming", "Enigma6"), ("Echo Fox", "Mindfreak"),
        ("Ground Zero", "Team EnVyUs"), ("Red Reserve", "FaZe Clan")],
    5: [("Luminosity Gaming", "Echo Fox"), ("Team EnVyUs", "FaZe Clan")],
    6: [("Splyce", "Echo Fox"), ("eUnited", "FaZe Clan")],
    7: [("Splyce", "FaZe Clan")],
    8: [("OpTic Gaming", "Splyce")],
}

# (lower round, its pairings) as the service pairs it with the automatic drop orders, once
# everything before it is played as above: lower round 4, where the automatic order drops
# the winners round-1 losers half_shift
DEFAULT_LOWER = (4, [("Echo Fox", "Enigma6"), ("Luminosity Gaming", "Mindfreak"),
                     ("Red Reserve", "Team EnVyUs"), ("Ground Zero", "FaZe Clan")])

PLACES = {"Team Kaliber": 1, "Splyce": 2, "OpTic Gaming": 3, "FaZe Clan": 4,
          "Echo Fox": 5, "eUnited": 5, "Luminosity Gaming": 7, "Team EnVyUs": 7,
          "Red Reserve": 9, "Ground Zero": 9, "Enigma6": 9, "Mindfreak": 9,
          "Unilad": 13, "Next Threat": 13, "Epsilon": 13, "Rise Nation": 13,
          "Lightning Pandas": 17, "Evil Geniuses": 17, "Team Vitality": 17,
          "Team Allegiance": 17,
          "SiNister": 21, "Millenium": 21, "Ghost Gaming": 21, "Rockets Esports": 21}
SHARED = {team: (place, place + {5: 1, 7: 1, 9: 3, 13: 3, 17: 3, 21: 3}[place])
          for team, place in PLACES.items() if place >= 5}
