"""Battlegrounds Mobile India Pro Series (BMPS) 2025, Grand Finals (BGMI, KRAFTON India's
PUBG Mobile; New Delhi, 4-6 July 2025): 16 teams in one lobby, 18 games, every team's place
and kills in every game.

Plain data only (standard library, no imports).

WHAT IS HERE: the whole stage: for each of the 16 teams its place and its kills (finishes)
in games 1-18, as the source lists them; the final table those games give (rank, points,
kills, chicken dinners, placement points); the Day 1 leaders the press published.
NOT HERE: the league stages before it; players.

RULES. Points, from the source's own match record (Liquipedia's Match template for this
stage: ``p_kill=1 |p1=10 |p2=6 |p3=5 |p4=4 |p5=3 |p6=2 |p7=1 |p8=1``): placement points
10, 6, 5, 4, 3, 2, 1, 1 for 1st-8th, 0 for 9th-16th, plus 1 per kill. This is the table
PUBG Mobile's own events use since 2023 (Liquipedia, PUBG Mobile Global Championship 2023,
"Match Points Distribution": 1st 10, 2nd 6, 3rd 5, 4th 4, 5th 3, 6th 2, 7th-8th 1,
9th-16th 0, "1 per elimination"), and the service's default (it was the 15, 12, 10, 8,
6, 4, 2, 1x5 of PMGC 2021 before). (A third-party blog, propubg.com "BGMI Scrim Points
System Explained", says BMPS scores 15-12-10; the source's record of this stage says 10-6-5
and the totals below follow from it.)
TIEBREAKS: PMGC 2023 (Liquipedia, same page: "Ties are broken in the following order:
Total number of WWCDs across all matches. Total number of Placement Points across all
matches. Total number of Kill Points ..."; skor.id, "Jadwal dan Format Grand Finals PMGC
2023", gives the fourth: the best placement in the last match). No BMPS 2025 rulebook
was found; KRAFTON runs both and the order above is the service's default
(wins, placement_points, kills, last_game_placement). One tie on points in this stage:
4TR Official and TWOB at 109; 4TR won 2 games, TWOB none, so 4TR is 7th. (On kills first
TWOB, 67 to 64, would be 7th.)

SOURCE
  Liquipedia (CC BY-SA 3.0), "Battlegrounds Mobile India Pro Series/2025", the Grand
  Finals bracket in wikitext ({{MS|place|kills}} per team and game, teams as Liquipedia
  names them, in the comments below), as stored in github.com/nithinredyyyyyy/Core,
  tests/fixtures/bmps2025-grand-finals.wikitext at commit 8d6309e7 (retrieved there
  2026-09-26). Every game below has places 1-16 each once.
  The final table (PUBLISHED) is not a copy of a published table: it is the table these
  games give under the rules above; no published final table with every row was found.
  Cross-checked against what was published:
  * lokmattimes.com (BusinessWire India, 2025-07-05), Day 1: "Team 4M emerged as the
    frontrunner ... Close on their heels were 4TRX, GOX and LHS": the top four after
    games 1-6 below are 4Merical 60, 4TR 49, Gods Omen 46, Los Hermanos 45 (DAY_1_TOP).
  * the champion: the source's bracket marks 1st place "Qualified for 2025 PMWC", and
    Aryan x TMG played the PUBG Mobile World Cup 2025 (gamebells.com, "PMWC Dominates
    2025 Headlines"; talkesport.com: the BMPS 2025 winner is invited to the Esports
    World Cup 2025, where the PMWC is played).
  * the 16 finalists: test.daily8.com, "BMPS 2025 sets new benchmark ..." lists the same
    16 teams (sponsor prefixes aside: OnePlus K9, OnePlus Gods Reign, iQOO 8BIT, Rising
    Inferno Esports).
"""

PLACEMENT_POINTS = [10, 6, 5, 4, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
KILL_POINTS = 1
GAMES = 18
LOBBY = 16
# PMGC 2023's order after total points (see above); the service's default
TIEBREAKERS = ["wins", "placement_points", "kills", "last_game_placement"]

# team: [(place, kills) for games 1..18]; the comment is the source's team key
GAMES_PLAYED = {
    "NoNx Esports": [  # nonx esports
        (6, 3), (12, 1), (11, 3), (15, 0), (3, 6), (6, 10),
        (10, 4), (12, 1), (2, 9), (7, 0), (1, 10), (1, 20),
        (15, 0), (12, 1), (2, 5), (14, 1), (2, 6), (10, 4)],
    "Aryan x TMG Gaming": [  # aryan x tmg gaming
        (10, 2), (2, 5), (8, 0), (1, 15), (12, 2), (12, 0),
        (16, 0), (5, 8), (1, 7), (5, 4), (5, 6), (12, 2),
        (6, 4), (3, 2), (4, 4), (1, 16), (13, 0), (14, 2)],
    "Genesis Esports": [  # genesis esports (indian team)
        (13, 0), (11, 7), (9, 6), (7, 0), (7, 4), (2, 8),
        (1, 11), (11, 2), (16, 3), (13, 0), (7, 2), (11, 1),
        (7, 4), (7, 9), (12, 0), (10, 2), (6, 7), (12, 2)],
    "Los Hermanos Esports": [  # los hermanos esports
        (1, 16), (6, 3), (7, 3), (9, 2), (4, 2), (8, 1),
        (14, 0), (3, 2), (4, 6), (16, 2), (2, 6), (10, 6),
        (3, 12), (5, 5), (6, 1), (4, 3), (12, 2), (6, 5)],
    "Team Eggy": [  # team eggy
        (16, 0), (8, 1), (3, 7), (5, 6), (15, 4), (14, 7),
        (6, 7), (6, 3), (9, 2), (9, 10), (3, 7), (7, 0),
        (5, 4), (6, 3), (16, 2), (12, 0), (11, 0), (16, 1)],
    "Team Forever": [  # team forever
        (7, 4), (10, 7), (14, 1), (6, 4), (9, 1), (13, 3),
        (2, 10), (16, 0), (10, 2), (10, 1), (14, 0), (9, 3),
        (1, 13), (11, 1), (5, 6), (6, 4), (14, 0), (2, 11)],
    "TWOB": [  # twob
        (12, 2), (16, 0), (5, 7), (3, 6), (16, 1), (4, 3),
        (15, 3), (2, 2), (8, 4), (14, 0), (4, 10), (6, 4),
        (8, 3), (2, 5), (10, 2), (7, 2), (3, 9), (4, 4)],
    "K9 Esports": [  # k9 esports (indian team)
        (5, 4), (14, 0), (16, 1), (12, 1), (2, 11), (9, 1),
        (11, 9), (9, 12), (3, 1), (1, 9), (12, 1), (14, 1),
        (2, 9), (14, 0), (11, 3), (8, 0), (16, 2), (5, 3)],
    "Gods Omen": [  # gods omen
        (3, 5), (3, 7), (15, 0), (2, 9), (8, 7), (15, 1),
        (7, 4), (10, 4), (6, 8), (3, 2), (9, 5), (8, 4),
        (4, 2), (15, 0), (9, 1), (13, 1), (1, 10), (11, 4)],
    "Gods Reign": [  # gods reign
        (11, 0), (4, 9), (4, 2), (4, 4), (5, 4), (7, 6),
        (9, 1), (14, 3), (11, 2), (4, 7), (10, 0), (5, 1),
        (11, 2), (10, 2), (14, 2), (11, 4), (4, 11), (3, 12)],
    "8Bit": [  # 8bit
        (9, 7), (9, 5), (10, 4), (8, 1), (13, 1), (3, 7),
        (3, 4), (15, 2), (12, 0), (11, 4), (13, 0), (2, 11),
        (9, 3), (4, 8), (8, 4), (3, 10), (8, 0), (1, 7)],
    "Team Insane": [  # team insane
        (14, 1), (15, 3), (6, 5), (16, 0), (10, 0), (11, 2),
        (8, 2), (4, 6), (13, 5), (8, 4), (6, 3), (4, 2),
        (13, 0), (9, 0), (13, 1), (5, 6), (10, 0), (13, 1)],
    "Inferno Squad": [  # inferno squad
        (4, 10), (5, 4), (13, 4), (13, 2), (6, 5), (16, 1),
        (13, 0), (8, 1), (5, 3), (12, 1), (15, 2), (16, 1),
        (12, 1), (1, 10), (3, 15), (16, 3), (7, 2), (15, 0)],
    "4TR Official": [  # 4tr official
        (2, 5), (7, 1), (2, 6), (14, 0), (1, 10), (5, 1),
        (12, 1), (13, 2), (14, 1), (2, 6), (11, 2), (15, 1),
        (14, 0), (13, 3), (1, 9), (9, 4), (5, 8), (9, 4)],
    "4Merical Esports": [  # 4merical esports in
        (8, 0), (1, 5), (1, 10), (11, 4), (14, 0), (1, 10),
        (4, 5), (7, 4), (7, 4), (6, 4), (8, 6), (3, 2),
        (10, 1), (8, 8), (7, 2), (2, 3), (9, 2), (8, 1)],
    "2OP Official": [  # 2op official
        (15, 0), (13, 0), (12, 0), (10, 2), (11, 0), (10, 0),
        (5, 1), (1, 8), (15, 3), (15, 1), (16, 0), (13, 1),
        (16, 2), (16, 1), (15, 4), (15, 1), (15, 1), (7, 1)],
}

# (rank, team, points, kills, chicken dinners, placement points) after game 18
PUBLISHED = [
    (1, "Aryan x TMG Gaming", 136, 79, 3, 57),
    (2, "NoNx Esports", 132, 84, 2, 48),
    (3, "Los Hermanos Esports", 126, 77, 1, 49),
    (4, "4Merical Esports", 125, 71, 3, 54),
    (5, "8Bit", 116, 78, 1, 38),
    (6, "Gods Omen", 114, 74, 1, 40),
    (7, "4TR Official", 109, 64, 2, 45),
    (8, "TWOB", 109, 67, 0, 42),
    (9, "Gods Reign", 104, 72, 0, 32),
    (10, "K9 Esports", 102, 68, 1, 34),
    (11, "Team Forever", 101, 71, 1, 30),
    (12, "Inferno Squad", 94, 65, 1, 29),
    (13, "Genesis Esports", 91, 68, 1, 23),
    (14, "Team Eggy", 88, 64, 0, 24),
    (15, "Team Insane", 58, 41, 0, 17),
    (16, "2OP Official", 40, 26, 1, 14),
]

# lokmattimes.com, Day 1 (games 1-6): "Team 4M", "4TRX", "GOX", "LHS"
DAY_1_TOP = ["4Merical Esports", "4TR Official", "Gods Omen", "Los Hermanos Esports"]
