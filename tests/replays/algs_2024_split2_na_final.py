"""ALGS 2024 Split 2 Pro League - North America Final (Apex Legends): match point format.

Plain data only (standard library, no imports).

PARTIAL DATA — read this first. The only per-game source found offline is a mirror of the
Liquipedia results table whose stored copy stops after the 7th row (of 20 teams): the top
7 teams' place and kills in each of the 6 rounds, their totals and the round in which each
reached match point ("MP #"). Rows 8-20 are NOT here and were not invented, so a whole
lobby cannot be reported game by game; the test replays what is published: every row's
total from its places and kills, the order of the 7 rows, and the match point (FLCN
reached 50 after round 4 and won round 5: champion; NRG reached it after round 4 too
and won nothing after; NRG's and MST's round wins came before they were at 50).

Rules as the page states them: "Once a team reaches the required Match Point ... the
upcoming matches will become Match Point Eligible for that team. The first team to win a
match after they are Match Point Eligible will be declared the winner/champion. After the
winner/champion is declared, 2nd-20th will be ranked by total points of Finals. If the
winner is declared before 6 games have been played, the remaining 19 teams will continue
playing until 6 games are played." (FLCN did not play round 6.) Points: ALGS Pro League
(placement 12, 9, 7, 5, 4, 3, 3, 2, 2, 2, then 1 for 11th-15th, 0 for 16th-20th; 1 per
kill), as on https://liquipedia.net/apexlegends/Apex_Legends_Global_Series/2022/Split_2/Pro_League/North_America
Match point: 50 (consistent with the table's MP # column: every team at 50+ after round 4
was below 50 after round 3).

SOURCE
  http://www.shenzhoushiye.net/final.html — a copy of Liquipedia's "Apex Legends Global
  Series 2024: Split 2 Pro League - North America Final" page ("From Liquipedia Apex Legends
  Wiki"), section Results; each cell there is place followed by its points ("29" = 2nd,
  9 points) and kills followed by kill points ("1515" = 15 kills).
"""

PLACEMENT_POINTS = [12, 9, 7, 5, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
MATCH_POINT = 50

# team: [(place, kills) for rounds 1..6]; None: did not play the round
ROUNDS = {
    "FLCN": [(2, 15), (5, 7), (12, 1), (4, 11), (1, 11), None],
    "NRG": [(10, 2), (1, 8), (1, 12), (2, 3), (5, 3), (5, 3)],
    "TSM": [(13, 4), (10, 7), (5, 3), (11, 2), (8, 4), (2, 10)],
    "MST": [(14, 3), (13, 3), (15, 2), (1, 12), (14, 0), (9, 1)],
    "LG": [(11, 3), (9, 5), (17, 3), (14, 1), (2, 10), (7, 0)],
    "FUR": [(12, 0), (14, 1), (7, 3), (6, 5), (17, 0), (1, 8)],
    "BLD": [(3, 1), (12, 0), (16, 1), (13, 3), (6, 3), (3, 9)],
}

# the published table, rows 1-7: (place, team, total, MP # — the round after which it
# was at match point, None for "-")
PUBLISHED = [
    (1, "FLCN", 76, 4),
    (2, "NRG", 74, 4),
    (3, "TSM", 49, None),
    (4, "MST", 39, None),
    (5, "LG", 38, None),
    (6, "FUR", 37, None),
    (7, "BLD", 36, None),
]
