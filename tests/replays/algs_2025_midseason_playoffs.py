"""ALGS Year 5 Midseason Playoffs at the Esports World Cup 2025 (Apex Legends, Riyadh,
July 2025): the two pools and the Last Chance stage, every team's place, kills and points
in every game.

Plain data only (standard library, no imports).

WHAT IS HERE: three complete lobbies of 20 teams and 10 games each: Pool A (day 1),
Pool B (day 2) and the Last Chance stage (day 3): for every team and game its place, its
kills and the game's points as the source gives them, the source's rank order (1-20) and
its totals. NOT HERE: the match-point Grand Final (day 4) is not in the source, so no
match point is replayed from this event (the ALGS 2024 Split 2 NA Final module replays
one, partly).

RULES, as the sources state them: points per game are ALGS placement points (12, 9, 7,
5, 4, 3, 3, 2, 2, 2, then 1 for 11th-15th, 0 for 16th-20th) plus 1 per kill (the
scraper's README in the source repository, and every game below obeys it). Format
(yanuki.com, gamereactor.eu below): 40 teams in two pools of 20, 10 games each; the top
7 of each pool go to the Grand Final, 8th-17th to the Last Chance stage, the bottom 3 are
out; the Last Chance stage (those 20 teams, 10 games) sends its top 6 to the Grand Final.
TIEBREAKS: no source found states the tie rule. The source's order breaks all 7 ties on
points in these lobbies (LAST_CHANCE: Team Liquid / Sentinels at 87; POOL_A: AG.AL / Team
Nemesis 52, FURIA / MOUZ 47, NOEZ FOXX / Gen.G 37; POOL_B: Virtus.pro / S8UL 76,
VK GAMING / Rival 65, JD GAMING / ShopifyRebellion 57) exactly as "most points in a single
game" does; no order of wins, placement points, kills, best placement and last-game
placement gives all of them. That reading is an inference from the order, not a
published rule.

SOURCE
  github.com/goatcheese98/algs-championship-viz, a site that charts ALGS results, whose
  data come from a scraper of apexlegendsstatus.com tournament pages (its
  src/data-extraction/README.md: "Validates calculated totals against displayed
  totals"):
    public/ewc2025/raw/Day1-A.csv, Day2-B.csv, Day3-LastChance.csv at commit 788ecd5
      (columns Team, Rank, Game, Placement, Kills, Points): the games and the order;
    public/ewc2025/processed/Day1-A-simple.csv, Day2-B-simple.csv,
      Day3-LastChance-simple.csv at commit 5fa79c7 (removed in 707b3c7), column
      "Overall Points": the totals.
  Cross-checked: gamereactor.eu, "Seven teams have already punched a ticket to the Apex
  Legends Global Series Midseason Playoffs finals" (2025-07-11) names Pool A's top 7 in
  this order (TSM, Team Falcons, Ninjas in Pyjamas, Fnatic, Kinotrope Gaming, Wolves
  Esports, Natus Vincere) and KOI, EDward Gaming and Zero Tenacity as out; the Last
  Chance lobby below is exactly the two pools' 8th-17th. Team names as the source spells
  them.
"""

PLACEMENT_POINTS = [12, 9, 7, 5, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
KILL_POINTS = 1
GAMES = 10
TO_GRAND_FINAL = 7  # of each pool
TO_LAST_CHANCE = (8, 17)  # of each pool: these places
LAST_CHANCE_TO_GRAND_FINAL = 6

# team: [(place, kills, points) for games 1..10], in the source's rank order
POOL_A = {
    "TSM": [
        (6, 1, 4), (3, 5, 12), (2, 10, 19), (9, 0, 2), (3, 6, 13),
        (8, 0, 2), (9, 0, 2), (2, 5, 14), (1, 13, 25), (1, 12, 24)],
    "Team Falcons": [
        (2, 6, 15), (1, 11, 23), (3, 5, 12), (2, 6, 15), (19, 0, 0),
        (4, 12, 17), (5, 7, 11), (11, 4, 5), (13, 1, 2), (9, 2, 4)],
    "NinjasInPyjamas": [
        (11, 0, 1), (15, 4, 5), (4, 13, 18), (1, 12, 24), (1, 12, 24),
        (9, 7, 9), (12, 3, 4), (20, 0, 0), (9, 8, 10), (11, 1, 2)],
    "FNATIC": [
        (19, 0, 0), (17, 0, 0), (5, 7, 11), (3, 2, 9), (17, 0, 0),
        (1, 9, 21), (10, 3, 5), (1, 13, 25), (7, 5, 8), (17, 1, 1)],
    "KINOTROPE gaming": [
        (14, 3, 4), (4, 5, 10), (14, 4, 5), (15, 0, 1), (6, 4, 7),
        (10, 5, 7), (8, 6, 8), (7, 6, 9), (10, 0, 2), (2, 7, 16)],
    "Wolves Esports": [
        (9, 1, 3), (2, 4, 13), (11, 1, 2), (5, 3, 7), (14, 5, 6),
        (5, 1, 5), (20, 0, 0), (4, 1, 6), (3, 6, 13), (5, 7, 11)],
    "NAVI": [
        (8, 3, 5), (18, 1, 1), (6, 3, 6), (8, 4, 6), (5, 2, 6),
        (7, 3, 6), (1, 13, 25), (14, 0, 1), (18, 1, 1), (14, 0, 1)],
    "ENTER FORCE.36": [
        (17, 0, 0), (5, 5, 9), (10, 1, 3), (6, 4, 7), (4, 6, 11),
        (19, 0, 0), (15, 1, 2), (3, 8, 15), (8, 6, 8), (13, 0, 1)],
    "AG.AL": [
        (1, 14, 26), (16, 1, 1), (17, 0, 0), (16, 0, 0), (16, 1, 1),
        (13, 2, 3), (6, 6, 9), (17, 0, 0), (14, 3, 4), (6, 5, 8)],
    "Team Nemesis": [
        (3, 3, 10), (13, 3, 4), (20, 0, 0), (10, 5, 7), (12, 5, 6),
        (2, 7, 16), (7, 0, 3), (10, 2, 4), (19, 0, 0), (20, 2, 2)],
    "FURIA": [
        (18, 1, 1), (12, 2, 3), (1, 5, 17), (11, 0, 1), (10, 2, 4),
        (17, 0, 0), (18, 0, 0), (18, 1, 1), (2, 5, 14), (7, 3, 6)],
    "MOUZ": [
        (15, 0, 1), (6, 1, 4), (16, 0, 0), (4, 11, 16), (20, 0, 0),
        (3, 5, 12), (19, 3, 3), (6, 3, 6), (6, 2, 5), (18, 0, 0)],
    "Team Orchid": [
        (4, 6, 11), (11, 0, 1), (13, 0, 1), (19, 0, 0), (7, 3, 6),
        (14, 1, 2), (14, 2, 3), (8, 2, 4), (4, 8, 13), (8, 2, 4)],
    "AlQadsiahEsports": [
        (7, 7, 10), (8, 6, 8), (8, 3, 5), (18, 0, 0), (13, 1, 2),
        (15, 0, 1), (13, 0, 1), (19, 0, 0), (11, 0, 1), (3, 8, 15)],
    "NOEZ FOXX": [
        (10, 0, 2), (7, 0, 3), (9, 3, 5), (13, 0, 1), (2, 4, 13),
        (11, 0, 1), (11, 1, 2), (5, 2, 6), (17, 2, 2), (12, 1, 2)],
    "Gen.G Esports": [
        (20, 0, 0), (14, 3, 4), (12, 0, 1), (7, 3, 6), (15, 0, 1),
        (6, 1, 4), (3, 2, 9), (12, 5, 6), (15, 0, 1), (4, 0, 5)],
    "Sentinels": [
        (16, 3, 3), (9, 3, 5), (7, 1, 4), (14, 0, 1), (11, 4, 5),
        (16, 1, 1), (16, 2, 2), (9, 5, 7), (16, 0, 0), (15, 3, 4)],
    "MOVISTAR KOI": [
        (13, 0, 1), (20, 0, 0), (19, 0, 0), (12, 6, 7), (9, 1, 3),
        (18, 1, 1), (2, 6, 15), (13, 0, 1), (20, 0, 0), (16, 3, 3)],
    "EDward Gaming": [
        (5, 7, 11), (19, 0, 0), (18, 0, 0), (17, 0, 0), (18, 0, 0),
        (20, 0, 0), (4, 5, 10), (15, 1, 2), (5, 1, 5), (19, 0, 0)],
    "Zero Tenacity": [
        (12, 4, 5), (10, 5, 7), (15, 1, 2), (20, 0, 0), (8, 0, 2),
        (12, 3, 4), (17, 1, 1), (16, 0, 0), (12, 2, 3), (10, 1, 3)],
}
POOL_A_PUBLISHED = [  # (rank, team, total)
    (1, "TSM", 117),
    (2, "Team Falcons", 104),
    (3, "NinjasInPyjamas", 97),
    (4, "FNATIC", 80),
    (5, "KINOTROPE gaming", 69),
    (6, "Wolves Esports", 66),
    (7, "NAVI", 58),
    (8, "ENTER FORCE.36", 56),
    (9, "AG.AL", 52),
    (10, "Team Nemesis", 52),
    (11, "FURIA", 47),
    (12, "MOUZ", 47),
    (13, "Team Orchid", 45),
    (14, "AlQadsiahEsports", 43),
    (15, "NOEZ FOXX", 37),
    (16, "Gen.G Esports", 37),
    (17, "Sentinels", 32),
    (18, "MOVISTAR KOI", 31),
    (19, "EDward Gaming", 28),
    (20, "Zero Tenacity", 27),
]

POOL_B = {
    "Alliance": [
        (5, 3, 7), (1, 20, 32), (14, 0, 1), (1, 22, 34), (8, 2, 4),
        (14, 3, 4), (4, 7, 12), (2, 6, 15), (3, 17, 24), (19, 2, 2)],
    "100 Thieves": [
        (1, 13, 25), (8, 5, 7), (13, 0, 1), (20, 0, 0), (3, 4, 11),
        (2, 7, 16), (10, 1, 3), (12, 1, 2), (6, 1, 4), (2, 10, 19)],
    "ROC Esports": [
        (12, 0, 1), (6, 4, 7), (5, 8, 12), (14, 1, 2), (5, 6, 10),
        (9, 2, 4), (5, 7, 11), (10, 0, 2), (1, 10, 22), (4, 6, 11)],
    "Virtus.pro": [
        (3, 6, 13), (19, 0, 0), (9, 3, 5), (6, 0, 3), (18, 3, 3),
        (1, 12, 24), (13, 3, 4), (18, 0, 0), (8, 0, 2), (1, 10, 22)],
    "S8UL": [
        (18, 2, 2), (15, 3, 4), (11, 1, 2), (17, 1, 1), (1, 7, 19),
        (5, 9, 13), (3, 0, 7), (7, 6, 9), (2, 7, 16), (16, 3, 3)],
    "VK GAMING": [
        (9, 1, 3), (2, 3, 12), (1, 11, 23), (10, 1, 3), (20, 0, 0),
        (11, 2, 3), (6, 5, 8), (4, 0, 5), (20, 0, 0), (5, 4, 8)],
    "Rival Esports": [
        (19, 0, 0), (4, 4, 9), (7, 2, 5), (11, 0, 1), (2, 9, 18),
        (7, 0, 3), (1, 8, 20), (8, 0, 2), (9, 1, 3), (12, 3, 4)],
    "JD GAMING": [
        (8, 0, 2), (12, 1, 2), (3, 8, 15), (7, 5, 8), (4, 5, 10),
        (13, 0, 1), (15, 4, 5), (16, 2, 2), (10, 3, 5), (7, 4, 7)],
    "ShopifyRebellion": [
        (2, 2, 11), (11, 5, 6), (6, 10, 13), (5, 6, 10), (17, 0, 0),
        (15, 0, 1), (18, 0, 0), (17, 0, 0), (13, 1, 2), (3, 7, 14)],
    "GaiminGladiators": [
        (7, 1, 4), (10, 0, 2), (8, 0, 2), (3, 7, 14), (6, 4, 7),
        (3, 2, 9), (7, 6, 9), (11, 2, 3), (12, 2, 3), (11, 2, 3)],
    "NRG": [
        (16, 1, 1), (3, 8, 15), (20, 0, 0), (2, 5, 14), (10, 5, 7),
        (10, 0, 2), (16, 0, 0), (6, 3, 6), (7, 2, 5), (10, 0, 2)],
    "CrazyRaccoon": [
        (13, 3, 4), (20, 0, 0), (2, 4, 13), (9, 1, 3), (12, 5, 6),
        (6, 7, 10), (11, 8, 9), (9, 0, 2), (14, 0, 1), (8, 1, 3)],
    "Team Liquid": [
        (20, 1, 1), (9, 2, 4), (15, 4, 5), (12, 7, 8), (11, 0, 1),
        (17, 1, 1), (2, 3, 12), (3, 5, 12), (5, 2, 6), (20, 0, 0)],
    "GoNext": [
        (10, 5, 7), (13, 0, 1), (18, 0, 0), (18, 2, 2), (15, 2, 3),
        (18, 0, 0), (9, 1, 3), (5, 11, 15), (15, 3, 4), (14, 4, 5)],
    "RRX": [
        (17, 0, 0), (14, 0, 1), (10, 0, 2), (13, 1, 2), (16, 4, 4),
        (4, 3, 8), (19, 0, 0), (1, 7, 19), (11, 2, 3), (17, 0, 0)],
    "EVOS": [
        (11, 2, 3), (18, 3, 3), (12, 7, 8), (15, 0, 1), (9, 3, 5),
        (20, 0, 0), (14, 3, 4), (20, 0, 0), (4, 6, 11), (18, 1, 1)],
    "Twisted Minds": [
        (6, 5, 8), (5, 0, 4), (17, 3, 3), (8, 1, 3), (13, 0, 1),
        (12, 3, 4), (8, 0, 2), (15, 1, 2), (16, 0, 0), (6, 2, 5)],
    "UNLIMIT": [
        (14, 4, 5), (17, 3, 3), (19, 1, 1), (16, 1, 1), (14, 0, 1),
        (8, 5, 7), (12, 3, 4), (19, 3, 3), (17, 2, 2), (9, 0, 2)],
    "SBI e-Sports": [
        (15, 3, 4), (7, 0, 3), (16, 0, 0), (4, 1, 6), (19, 0, 0),
        (16, 2, 2), (17, 1, 1), (13, 6, 7), (18, 1, 1), (15, 0, 1)],
    "FUSION": [
        (4, 5, 10), (16, 0, 0), (4, 0, 5), (19, 0, 0), (7, 3, 6),
        (19, 0, 0), (20, 0, 0), (14, 0, 1), (19, 0, 0), (13, 1, 2)],
}
POOL_B_PUBLISHED = [  # (rank, team, total)
    (1, "Alliance", 135),
    (2, "100 Thieves", 88),
    (3, "ROC Esports", 82),
    (4, "Virtus.pro", 76),
    (5, "S8UL", 76),
    (6, "VK GAMING", 65),
    (7, "Rival Esports", 65),
    (8, "JD GAMING", 57),
    (9, "ShopifyRebellion", 57),
    (10, "GaiminGladiators", 56),
    (11, "NRG", 52),
    (12, "CrazyRaccoon", 51),
    (13, "Team Liquid", 50),
    (14, "GoNext", 40),
    (15, "RRX", 39),
    (16, "EVOS", 36),
    (17, "Twisted Minds", 32),
    (18, "UNLIMIT", 29),
    (19, "SBI e-Sports", 25),
    (20, "FUSION", 24),
]

LAST_CHANCE = {
    "Gen.G Esports": [
        (4, 2, 7), (6, 9, 12), (18, 3, 3), (2, 3, 12), (4, 0, 5),
        (5, 6, 10), (14, 1, 2), (2, 12, 21), (2, 11, 20), (10, 1, 3)],
    "Team Liquid": [
        (3, 10, 17), (9, 1, 3), (20, 2, 2), (12, 3, 4), (17, 1, 1),
        (16, 0, 0), (2, 3, 12), (1, 13, 25), (12, 0, 1), (1, 10, 22)],
    "Sentinels": [
        (2, 12, 21), (3, 8, 15), (6, 3, 6), (16, 1, 1), (7, 3, 6),
        (14, 0, 1), (1, 9, 21), (17, 0, 0), (3, 5, 12), (5, 0, 4)],
    "FURIA": [
        (17, 2, 2), (10, 1, 3), (19, 1, 1), (13, 0, 1), (1, 17, 29),
        (2, 7, 16), (10, 8, 10), (8, 1, 3), (17, 0, 0), (2, 6, 15)],
    "Team Nemesis": [
        (8, 3, 5), (5, 4, 8), (5, 3, 7), (3, 12, 19), (9, 5, 7),
        (8, 2, 4), (12, 6, 7), (10, 0, 2), (7, 5, 8), (4, 7, 12)],
    "ENTER FORCE.36": [
        (1, 8, 20), (18, 0, 0), (8, 1, 3), (10, 2, 4), (11, 0, 1),
        (6, 3, 6), (9, 2, 4), (14, 6, 7), (1, 10, 22), (11, 5, 6)],
    "NRG": [
        (19, 0, 0), (16, 1, 1), (10, 3, 5), (1, 10, 22), (12, 1, 2),
        (1, 11, 23), (17, 0, 0), (4, 4, 9), (4, 2, 7), (9, 1, 3)],
    "Twisted Minds": [
        (18, 0, 0), (4, 6, 11), (1, 11, 23), (20, 0, 0), (2, 4, 13),
        (10, 0, 2), (18, 0, 0), (5, 9, 13), (11, 2, 3), (8, 1, 3)],
    "AlQadsiahEsports": [
        (16, 0, 0), (2, 4, 13), (2, 10, 19), (5, 4, 8), (6, 1, 4),
        (19, 0, 0), (5, 5, 9), (16, 0, 0), (6, 6, 9), (17, 2, 2)],
    "GoNext": [
        (9, 4, 6), (7, 1, 4), (16, 4, 4), (4, 4, 9), (18, 0, 0),
        (3, 10, 17), (6, 3, 6), (15, 1, 2), (16, 0, 0), (3, 7, 14)],
    "AG.AL": [
        (6, 2, 5), (1, 16, 28), (17, 1, 1), (18, 1, 1), (5, 5, 9),
        (15, 0, 1), (11, 3, 4), (6, 0, 3), (19, 0, 0), (7, 5, 8)],
    "GaiminGladiators": [
        (10, 0, 2), (11, 0, 1), (3, 6, 13), (9, 1, 3), (13, 3, 4),
        (4, 7, 12), (8, 0, 2), (3, 5, 12), (9, 2, 4), (14, 2, 3)],
    "EVOS": [
        (14, 3, 4), (17, 1, 1), (14, 2, 3), (14, 9, 10), (19, 0, 0),
        (7, 9, 12), (3, 3, 10), (11, 2, 3), (18, 1, 1), (13, 3, 4)],
    "ShopifyRebellion": [
        (13, 0, 1), (12, 1, 2), (9, 0, 2), (19, 2, 2), (3, 3, 10),
        (13, 0, 1), (16, 3, 3), (13, 7, 8), (8, 6, 8), (15, 2, 3)],
    "Team Orchid": [
        (11, 4, 5), (14, 0, 1), (11, 2, 3), (15, 0, 1), (14, 5, 6),
        (11, 2, 3), (4, 9, 14), (7, 0, 3), (10, 1, 3), (19, 0, 0)],
    "JD GAMING": [
        (5, 5, 9), (13, 0, 1), (13, 6, 7), (11, 3, 4), (8, 5, 7),
        (9, 1, 3), (13, 1, 2), (12, 1, 2), (14, 0, 1), (16, 2, 2)],
    "RRX": [
        (7, 2, 5), (8, 3, 5), (4, 3, 8), (8, 0, 2), (10, 0, 2),
        (20, 1, 1), (20, 0, 0), (9, 2, 4), (13, 1, 2), (20, 0, 0)],
    "CrazyRaccoon": [
        (15, 5, 6), (19, 3, 3), (7, 0, 3), (6, 2, 5), (16, 0, 0),
        (18, 0, 0), (19, 3, 3), (18, 0, 0), (20, 1, 1), (12, 6, 7)],
    "NOEZ FOXX": [
        (12, 2, 3), (20, 0, 0), (12, 2, 3), (17, 0, 0), (20, 0, 0),
        (17, 0, 0), (7, 1, 4), (20, 0, 0), (5, 5, 9), (6, 3, 6)],
    "MOUZ": [
        (20, 0, 0), (15, 0, 1), (15, 3, 4), (7, 5, 8), (15, 0, 1),
        (12, 1, 2), (15, 0, 1), (19, 0, 0), (15, 0, 1), (18, 2, 2)],
}
LAST_CHANCE_PUBLISHED = [  # (rank, team, total)
    (1, "Gen.G Esports", 95),
    (2, "Team Liquid", 87),
    (3, "Sentinels", 87),
    (4, "FURIA", 80),
    (5, "Team Nemesis", 79),
    (6, "ENTER FORCE.36", 73),
    (7, "NRG", 72),
    (8, "Twisted Minds", 68),
    (9, "AlQadsiahEsports", 64),
    (10, "GoNext", 62),
    (11, "AG.AL", 60),
    (12, "GaiminGladiators", 56),
    (13, "EVOS", 48),
    (14, "ShopifyRebellion", 40),
    (15, "Team Orchid", 39),
    (16, "JD GAMING", 38),
    (17, "RRX", 29),
    (18, "CrazyRaccoon", 28),
    (19, "NOEZ FOXX", 25),
    (20, "MOUZ", 20),
]
