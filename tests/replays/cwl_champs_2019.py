"""Call of Duty World League Championship 2019: Championship Bracket (Los Angeles,
16-18 August 2019).

Plain data only (standard library, no imports).

Format: the 16 teams out of pool play in one double elimination, every series a best-of-five
[2] [3]; all 16 start in the upper (winners) bracket [2]. The grand final was won by the upper
bracket's finalist, so no second grand-final series was played [1] [2].

The bracket's shape is read off the official game data [1]: its series ids name the bracket,
the round and the position in the round ("champs-bracket-winners-2-1" is upper round 2,
match 1 counted from 0, "champs-bracket-losers-4-0" lower round 4, match 0,
"champs-bracket-grand-finals-0"). Upper match i of round r + 1 is played by the winners of
upper matches 2i and 2i + 1 of round r, and lower round 1 match i by the losers of upper
round-1 matches 2i and 2i + 1, as in the service's plan (and every bracket). The drop rounds
are where brackets differ, and this one:

* lower round 2 (the upper quarterfinal losers drop): lower match i got the loser of upper
  round-2 match 3 - i, i.e. the quarterfinal losers dropped in REVERSE order
  (Enigma6, the loser of the last quarterfinal, met the winner of lower match 0);
* lower round 4 (the upper semifinal losers drop): lower match i got the loser of upper
  semifinal i, i.e. NATURAL order: the semifinal losers did not cross over (Units, beaten
  in the first semifinal, met the winner of the first lower round-3 match).

The service's automatic drop orders for 16 teams are ``half_shift`` (lower match i gets the
loser of quarterfinal (i + 2) mod 4) and ``reverse`` (the semifinal losers cross over), so
both drop rounds pair differently from this event; with the ``drop_orders`` setting
``["reverse", "natural"]`` the service plays this bracket exactly.

SOURCES
 [1] Activision, "cwl-data", https://github.com/Activision/cwl-data, file
     data/data-2019-08-18-champs.csv (commit 199175c0de5c68b901cef33aa726e19ad4637d4e,
     "add pro league finals data and champs data"; data/README.md: "CWL Champs - Los Angeles,
     CA - Aug 14-18, 2019"): one row per player per game with "series id", "end time",
     "team" and "win?". Every series below, its position, winner and game count (each
     team's count of games won) is read from it; the order of play is the series' last
     game's "end time". One game of lower round-1 match 3 (Elevate v Heretics) is missing
     from the file, which holds 2-2: Elevate went through (it plays lower round-2 match 3
     in [1]), so the series was 3-2 (inferred, not read).
 [2] Dexerto, "CWL Champs 2019 - Live Winners and Losers Brackets",
     https://www.dexerto.com/call-of-duty/cwl-champs-2019-live-winners-losers-brackets-917708/
     - "16 squads", "a double-elimination tournament", the upper bracket's results: "Team
     Envy 2-3 UNITS", "Team Singularity 1-3 Sicario Gaming", "Splyce 1-3 Evil Geniuses",
     "eUnited 3-1 Team WaR", "Luminosity 3-1 100 Thieves", "FaZe Clan 1-3 Team
     Reciprocity", "OpTic Gaming 3-1 Team Heretics", "Enigma6 3-0 Elevate"; "eUnited 3-2
     Evil Geniuses", "Sicario Gaming 1-3 UNITS", "Enigma6 1-3 OpTic Gaming"; "eUnited
     3-0 UNITS", "OpTic Gaming 3-1 Team Reciprocity"; grand final "eUnited 3-2 100
     Thieves". It gives "Team Reciprocity 3-1 Luminosity" and "eUnited 3-0 OpTic Gaming"
     where [1] holds 3-2 and 3-1 (and [3] 3-2 for the first): [1] is followed.
 [3] ESTNN, "Call of Duty: CWL Championship Day Four Recap",
     https://estnn.com/call-of-duty-cwl-championship-day-four-recap/ - eUnited beat Evil
     Geniuses in "a game five Search and Destroy"; "Reciprocity narrowly defeated
     Luminosity Gaming in a 3-2 series victory"; "OpTic Gaming ... defeating Enigma6 with a
     series score of 3-1"; "the early exit of FaZe at the hands of 100T".
 [4] Upcomer, "CWL Champs day 3 recap: amateur teams continue to roll",
     https://upcomer.com/cwl-champs-day-3-recap-amateur-teams-continue-to-roll - "In Winners
     Round 1, they [OpTic] handled Team Heretics with ease, winning 3-1"; "Singularity fell
     to fellow amateur team Sicario Gaming in Winners Round 1, while Team WaR dropped to
     eUnited"; Singularity "absolutely smoked Team Envy in the Losers Bracket".
 [5] ESTNN, "Call of Duty: CWL Championship Day 3 Recap",
     https://estnn.com/call-of-duty-cwl-championship-day-3-recap/ - Luminosity beat 100
     Thieves in Winners Round 1; Envy lost a game-five Search and Destroy to Units.

NOT SOURCED HERE: no stored page gives a placement table. The places are the rounds the
teams went out in, as the service ranks a double elimination (and as the MSI replay
presents them): lower round 4 -> 5th-6th, round 3 -> 7th-8th, round 2 -> 9th-12th,
round 1 -> 13th-16th.
"""

# the bracket top to bottom, by [1]'s upper round-1 positions 0..7 (slots 1 v 2, 3 v 4 ...);
# within a match, the team [2] names first
DRAW = ["eUnited", "Team WaR", "Splyce", "Evil Geniuses", "Singularity", "Sicario Gaming",
        "Team Envy", "Units", "FaZe Clan", "Reciprocity", "Luminosity", "100 Thieves",
        "OpTic Gaming", "Heretics", "Enigma6", "Elevate"]

# what the event's bracket did with the losers of upper rounds 2 and 3 (see above), as the
# service's drop_orders setting names it
DROP_ORDERS = ["reverse", "natural"]

# (bracket, round, winner, loser, winner's games, loser's games) in the order the series
# ended [1]; every series a best-of-five
SERIES = [
    ("winners", 1, "Sicario Gaming", "Singularity", 3, 1),  # 16 Aug [1] [2] [4]
    ("winners", 1, "Units", "Team Envy", 3, 2),  # [1] [2] [5]
    ("winners", 1, "eUnited", "Team WaR", 3, 1),  # [1] [2] [4]
    ("winners", 1, "Evil Geniuses", "Splyce", 3, 1),  # [1] [2]
    ("winners", 1, "Reciprocity", "FaZe Clan", 3, 1),  # [1] [2]
    ("winners", 1, "Luminosity", "100 Thieves", 3, 1),  # [1] [2] [5]
    ("winners", 1, "Enigma6", "Elevate", 3, 0),  # [1] [2]
    ("winners", 1, "OpTic Gaming", "Heretics", 3, 1),  # [1] [2] [4]
    ("losers", 1, "Team WaR", "Splyce", 3, 2),  # [1]
    ("losers", 1, "Singularity", "Team Envy", 3, 1),  # [1] [4]
    ("losers", 1, "100 Thieves", "FaZe Clan", 3, 2),  # [1] [3]
    ("losers", 1, "Elevate", "Heretics", 3, 2),  # [1] (2-2 in the file; see [1])
    ("winners", 2, "Units", "Sicario Gaming", 3, 1),  # 17 Aug [1] [2]
    ("winners", 2, "eUnited", "Evil Geniuses", 3, 2),  # [1] [2] [3]
    ("winners", 2, "OpTic Gaming", "Enigma6", 3, 1),  # [1] [2] [3]
    ("winners", 2, "Reciprocity", "Luminosity", 3, 2),  # [1] [3]
    ("losers", 2, "Evil Geniuses", "Elevate", 3, 0),  # [1]
    ("losers", 2, "100 Thieves", "Sicario Gaming", 3, 1),  # [1]
    ("losers", 2, "Luminosity", "Singularity", 3, 1),  # [1]
    ("losers", 2, "Enigma6", "Team WaR", 3, 2),  # [1]
    ("winners", 3, "eUnited", "Units", 3, 0),  # [1] [2]
    ("losers", 3, "100 Thieves", "Evil Geniuses", 3, 0),  # [1]
    ("winners", 3, "OpTic Gaming", "Reciprocity", 3, 1),  # 18 Aug (UTC) [1] [2]
    ("losers", 3, "Enigma6", "Luminosity", 3, 2),  # [1]
    ("losers", 4, "Enigma6", "Units", 3, 0),  # [1]
    ("losers", 4, "100 Thieves", "Reciprocity", 3, 1),  # [1]
    ("losers", 5, "100 Thieves", "Enigma6", 3, 0),  # [1]
    ("winners", 4, "eUnited", "OpTic Gaming", 3, 1),  # [1] ([2]: 3-0)
    ("losers", 6, "100 Thieves", "OpTic Gaming", 3, 0),  # [1]
    ("grand_final", 1, "eUnited", "100 Thieves", 3, 2),  # [1] [2]
]

# who met whom in each lower round, match by match top to bottom [1]: round 1 as (loser of
# upper match 2i, loser of upper match 2i + 1); the drop rounds (2, 4, 6) as (team dropped
# from the upper bracket, team from the lower bracket); rounds 3 and 5 as (winner of lower
# match 2i, winner of lower match 2i + 1)
LOWER_PAIRINGS = {
    1: [("Team WaR", "Splyce"), ("Singularity", "Team Envy"), ("FaZe Clan", "100 Thieves"),
        ("Heretics", "Elevate")],
    2: [("Enigma6", "Team WaR"), ("Luminosity", "Singularity"), ("Sicario Gaming", "100 Thieves"),
        ("Evil Geniuses", "Elevate")],
    3: [("Enigma6", "Luminosity"), ("100 Thieves", "Evil Geniuses")],
    4: [("Units", "Enigma6"), ("Reciprocity", "100 Thieves")],
    5: [("Enigma6", "100 Thieves")],
    6: [("OpTic Gaming", "100 Thieves")],
}

# (lower round, its pairings) as the service pairs it with the automatic drop orders, once
# everything before it is played as above: in lower round 2 (half_shift: the losers of the
# bottom half of the quarterfinals drop first) every pairing differs from the event's
DEFAULT_LOWER = (2, [("Luminosity", "Team WaR"), ("Enigma6", "Singularity"),
                     ("Evil Geniuses", "100 Thieves"), ("Sicario Gaming", "Elevate")])

# the final places: the rounds the teams went out in (see NOT SOURCED above)
PLACES = {"eUnited": 1, "100 Thieves": 2, "OpTic Gaming": 3, "Enigma6": 4,
          "Units": 5, "Reciprocity": 5, "Luminosity": 7, "Evil Geniuses": 7,
          "Team WaR": 9, "Singularity": 9, "Sicario Gaming": 9, "Elevate": 9,
          "Splyce": 13, "Team Envy": 13, "FaZe Clan": 13, "Heretics": 13}
SHARED = {"Units": (5, 6), "Reciprocity": (5, 6), "Luminosity": (7, 8),
          "Evil Geniuses": (7, 8), "Team WaR": (9, 12), "Singularity": (9, 12),
          "Sicario Gaming": (9, 12), "Elevate": (9, 12), "Splyce": (13, 16),
          "Team Envy": (13, 16), "FaZe Clan": (13, 16), "Heretics": (13, 16)}
