"""BLAST.tv Austin Major 2025 (Counter-Strike 2): Stages 1, 2, 3 (16-team Valve Swiss) and playoffs.

Plain data only (standard library, no imports).

WHY THIS EVENT: Valve itself published the final ranking of all 32 teams WITH each stage's W-L record and
Difficulty score (Buchholz) in its rulebook ("Results: 2025 Austin"), i.e. an official, published standings
table to test a Swiss/Buchholz engine against. It contains a tie on record AND Difficulty (FlyQuest and NRG,
both 2-3 / Difficulty 5 in Stage 1) broken by initial seeding.

WHAT IS HERE
  STAGEn_SEEDS, STAGEn_ROUNDS, STAGEn_FINAL_STANDINGS   same layout as cs2_budapest_2025.py
  VALVE_PUBLISHED_FINAL_RANKINGS                         Valve's table, transcribed verbatim (names as Valve spells them)
  VALVE_NAME_TO_NAME                                     Valve spelling -> names used in this module
  PLAYOFF_SEEDS, PLAYOFF_QUARTERFINALS, PLAYOFF_RESULTS
  PRE_EVENT_VRS_GLOBAL                                   VRS global standings 2025-05-05 (used for pre-event seeding)
  Map scores: NOT collected for Austin (time); winners only.

SOURCES
  [RB]  github.com/ValveSoftware/counter-strike_rules_and_regs, major-supplemental-rulebook.md, section
        "Final Rankings" -> "Results: 2025 Austin"; added in commit 31b4263006b2f2625a2484142d7aa91825e3904e
        ("post austin major update", 2025-06-30), table unchanged through HEAD
        eb7fa3a39a4d799915cdf128c7cdecbf5e81e604 (2025-10-21).
        URL: https://github.com/ValveSoftware/counter-strike_rules_and_regs/blob/main/major-supplemental-rulebook.md
        The Swiss/Seeding rules in force for Austin (commit 2c85d431cb4788ca7cc57854759bf4fe01c8cae3, 2025-06-09)
        are textually identical to those quoted in cs2_budapest_2025.RULEBOOK.
  [VRS] github.com/ValveSoftware/counter-strike_regional_standings, commit 050a38d71d4f5f07d2618bb8bedd54268b93bddf:
        invitation/2025/details/2025_07_07/*.md (per-team match tables; all 106 Austin matches appear in both
        teams' tables with consistent W/L) and invitation/2025/standings_global_2025_05_05.md (seeding).
  [SAZ] github.com/sazarkin/major-pickems-sim commit 0491fa44fc4cb11d0091d769a60bec49fa70b8f9:
        data/2025_austin_stage1.json, data/2025_austin_stage2.json, data/2025_austin_stage3.json (seeds).

CROSS-CHECKS DONE (all passed; see verify_research.py)
  * Stage 1 seeds [SAZ] == order of VRS 2025-05-05 global ranks (Complexity 14 ... Fluxo 61); Valve's table
    lists FlyQuest "Seeding 29" and NRG "37" == their 2025-05-05 global ranks.
  * Replaying [VRS] winners with the rulebook algorithm reproduces every pairing of the three stages.
  * Derived Stage 2 seeds 9-16 and Stage 3 seeds 9-16 == [SAZ] data files.
  * Every W-L and Difficulty value in Valve's table (24 eliminated teams + 4 quarterfinal losers) == the values
    computed here; Valve's ordering == ordering by (record, Difficulty, initial seed).
  * Derived QF pairings (1v8 Spirit-MOUZ, 4v5 NaVi-Vitality, 2v7 FURIA-paiN, 3v6 FaZe-MongolZ) == the QF
    matches actually played [VRS], and the semifinal pairings follow the A/B bracket halves.
  * ONE ODDITY IN VALVE'S TABLE: places 3 and 4 are both "3rd" (lost semifinals); Valve lists MOUZ (#3) before
    paiN (#4), although by Valve's own Final Rankings rule (playoff position, then Stage 3 W-L, then Stage 3
    Difficulty) paiN (3-2, Difficulty -4) would rank ahead of MOUZ (3-2, Difficulty -5). Treat #3/#4 as a shared
    3rd-4th place; do not test an exact 3-vs-4 order against Valve's table.
  * NOT done: an independent news/Liquipedia source for the Austin match list (only [VRS] + [SAZ] seeds +
    Valve's table, which are all Valve-derived except [SAZ]).
"""

STAGE1_SEEDS = {
    1: 'Complexity',
    2: 'HEROIC',
    3: 'B8',
    4: 'BetBoom Team',
    5: 'TYLOO',
    6: 'Lynn Vision Gaming',
    7: 'Wildcard',
    8: 'FlyQuest',
    9: 'OG',
    10: 'Chinggis Warriors',
    11: 'Imperial Esports',
    12: 'Nemiga Gaming',
    13: 'NRG',
    14: 'Legacy',
    15: 'Metizport',
    16: 'Fluxo',
}

# Each match: (winner, loser, record_of_both_before_the_match, best_of, date, vrs_match_id)
STAGE1_ROUNDS = [
    [  # round 1
        ('OG', 'Complexity', '0-0', 1, '2025-06-03', 418),
        ('HEROIC', 'Chinggis Warriors', '0-0', 1, '2025-06-03', 417),
        ('B8', 'Imperial Esports', '0-0', 1, '2025-06-03', 415),
        ('BetBoom Team', 'Nemiga Gaming', '0-0', 1, '2025-06-03', 416),
        ('NRG', 'TYLOO', '0-0', 1, '2025-06-03', 414),
        ('Lynn Vision Gaming', 'Legacy', '0-0', 1, '2025-06-03', 413),
        ('Wildcard', 'Metizport', '0-0', 1, '2025-06-03', 412),
        ('FlyQuest', 'Fluxo', '0-0', 1, '2025-06-03', 410),
    ],
    [  # round 2
        ('HEROIC', 'NRG', '1-0', 1, '2025-06-03', 409),
        ('B8', 'OG', '1-0', 1, '2025-06-03', 408),
        ('FlyQuest', 'BetBoom Team', '1-0', 1, '2025-06-03', 407),
        ('Wildcard', 'Lynn Vision Gaming', '1-0', 1, '2025-06-03', 406),
        ('Complexity', 'Fluxo', '0-1', 1, '2025-06-03', 405),
        ('TYLOO', 'Metizport', '0-1', 1, '2025-06-03', 402),
        ('Legacy', 'Chinggis Warriors', '0-1', 1, '2025-06-03', 404),
        ('Nemiga Gaming', 'Imperial Esports', '0-1', 1, '2025-06-03', 403),
    ],
    [  # round 3
        ('HEROIC', 'FlyQuest', '2-0', 3, '2025-06-04', 393),
        ('B8', 'Wildcard', '2-0', 3, '2025-06-04', 392),
        ('BetBoom Team', 'Legacy', '1-1', 1, '2025-06-04', 399),
        ('Nemiga Gaming', 'Lynn Vision Gaming', '1-1', 1, '2025-06-04', 395),
        ('OG', 'TYLOO', '1-1', 1, '2025-06-04', 396),
        ('NRG', 'Complexity', '1-1', 1, '2025-06-04', 398),
        ('Chinggis Warriors', 'Fluxo', '0-2', 3, '2025-06-04', 388),
        ('Imperial Esports', 'Metizport', '0-2', 3, '2025-06-04', 389),
    ],
    [  # round 4
        ('BetBoom Team', 'Wildcard', '2-1', 3, '2025-06-05', 377),
        ('Nemiga Gaming', 'FlyQuest', '2-1', 3, '2025-06-05', 376),
        ('OG', 'NRG', '2-1', 3, '2025-06-05', 381),
        ('Lynn Vision Gaming', 'Chinggis Warriors', '1-2', 3, '2025-06-05', 378),
        ('Legacy', 'Imperial Esports', '1-2', 3, '2025-06-05', 383),
        ('TYLOO', 'Complexity', '1-2', 3, '2025-06-05', 384),
    ],
    [  # round 5
        ('TYLOO', 'FlyQuest', '2-2', 3, '2025-06-06', 366),
        ('Lynn Vision Gaming', 'NRG', '2-2', 3, '2025-06-06', 370),
        ('Legacy', 'Wildcard', '2-2', 3, '2025-06-06', 368),
    ],
]

# (place, team, W-L, Difficulty score (Buchholz) at end of stage, initial seed in this stage)
STAGE1_FINAL_STANDINGS = [
    (1, 'B8', '3-0', -1, 3),
    (2, 'HEROIC', '3-0', -4, 2),
    (3, 'BetBoom Team', '3-1', 1, 4),
    (4, 'OG', '3-1', 1, 9),
    (5, 'Nemiga Gaming', '3-1', 0, 12),
    (6, 'Lynn Vision Gaming', '3-2', -1, 6),
    (7, 'Legacy', '3-2', -2, 14),
    (8, 'TYLOO', '3-2', -5, 5),
    (9, 'FlyQuest', '2-3', 5, 8),
    (10, 'NRG', '2-3', 5, 13),
    (11, 'Wildcard', '2-3', 4, 7),
    (12, 'Imperial Esports', '1-3', 3, 11),
    (13, 'Chinggis Warriors', '1-3', 2, 10),
    (14, 'Complexity', '1-3', -1, 1),
    (15, 'Metizport', '0-3', -2, 15),
    (16, 'Fluxo', '0-3', -5, 16),
]

STAGE2_SEEDS = {
    1: 'Team Falcons',
    2: 'FaZe Clan',
    3: '3DMAX',
    4: 'Virtus.pro',
    5: 'paiN Gaming',
    6: 'FURIA',
    7: 'MIBR',
    8: 'M80',
    9: 'B8',
    10: 'HEROIC',
    11: 'BetBoom Team',
    12: 'OG',
    13: 'Nemiga Gaming',
    14: 'Lynn Vision Gaming',
    15: 'Legacy',
    16: 'TYLOO',
}

# Each match: (winner, loser, record_of_both_before_the_match, best_of, date, vrs_match_id)
STAGE2_ROUNDS = [
    [  # round 1
        ('B8', 'Team Falcons', '0-0', 1, '2025-06-07', 359),
        ('FaZe Clan', 'HEROIC', '0-0', 1, '2025-06-07', 361),
        ('3DMAX', 'BetBoom Team', '0-0', 1, '2025-06-07', 357),
        ('Virtus.pro', 'OG', '0-0', 1, '2025-06-07', 358),
        ('paiN Gaming', 'Nemiga Gaming', '0-0', 1, '2025-06-07', 355),
        ('FURIA', 'Lynn Vision Gaming', '0-0', 1, '2025-06-07', 356),
        ('Legacy', 'MIBR', '0-0', 1, '2025-06-07', 354),
        ('TYLOO', 'M80', '0-0', 1, '2025-06-07', 353),
    ],
    [  # round 2
        ('FaZe Clan', 'TYLOO', '1-0', 1, '2025-06-07', 348),
        ('Legacy', '3DMAX', '1-0', 1, '2025-06-07', 349),
        ('Virtus.pro', 'B8', '1-0', 1, '2025-06-07', 351),
        ('paiN Gaming', 'FURIA', '1-0', 1, '2025-06-07', 350),
        ('Lynn Vision Gaming', 'Team Falcons', '0-1', 1, '2025-06-07', 346),
        ('Nemiga Gaming', 'MIBR', '0-1', 1, '2025-06-07', 344),
        ('M80', 'OG', '0-1', 1, '2025-06-07', 345),
        ('HEROIC', 'BetBoom Team', '0-1', 1, '2025-06-07', 347),
    ],
    [  # round 3
        ('Legacy', 'FaZe Clan', '2-0', 3, '2025-06-08', 333),
        ('Virtus.pro', 'paiN Gaming', '2-0', 3, '2025-06-08', 332),
        ('FURIA', 'M80', '1-1', 1, '2025-06-08', 336),
        ('Lynn Vision Gaming', 'TYLOO', '1-1', 1, '2025-06-08', 339),
        ('3DMAX', 'Nemiga Gaming', '1-1', 1, '2025-06-08', 337),
        ('B8', 'HEROIC', '1-1', 1, '2025-06-08', 335),
        ('MIBR', 'BetBoom Team', '0-2', 3, '2025-06-08', 331),
        ('Team Falcons', 'OG', '0-2', 3, '2025-06-08', 330),
    ],
    [  # round 4
        ('paiN Gaming', 'Lynn Vision Gaming', '2-1', 3, '2025-06-09', 321),
        ('3DMAX', 'FaZe Clan', '2-1', 3, '2025-06-09', 317),
        ('FURIA', 'B8', '2-1', 3, '2025-06-09', 319),
        ('Nemiga Gaming', 'M80', '1-2', 3, '2025-06-09', 324),
        ('HEROIC', 'TYLOO', '1-2', 3, '2025-06-09', 322),
        ('MIBR', 'Team Falcons', '1-2', 3, '2025-06-09', 318),
    ],
    [  # round 5
        ('FaZe Clan', 'MIBR', '2-2', 3, '2025-06-10', 301),
        ('Lynn Vision Gaming', 'B8', '2-2', 3, '2025-06-10', 304),
        ('Nemiga Gaming', 'HEROIC', '2-2', 3, '2025-06-10', 306),
    ],
]

# (place, team, W-L, Difficulty score (Buchholz) at end of stage, initial seed in this stage)
STAGE2_FINAL_STANDINGS = [
    (1, 'Legacy', '3-0', 2, 15),
    (2, 'Virtus.pro', '3-0', -2, 4),
    (3, 'paiN Gaming', '3-1', 7, 5),
    (4, '3DMAX', '3-1', 2, 3),
    (5, 'FURIA', '3-1', 0, 6),
    (6, 'FaZe Clan', '3-2', 1, 2),
    (7, 'Nemiga Gaming', '3-2', 0, 13),
    (8, 'Lynn Vision Gaming', '3-2', -1, 14),
    (9, 'B8', '2-3', 3, 9),
    (10, 'MIBR', '2-3', 0, 7),
    (11, 'HEROIC', '2-3', -4, 10),
    (12, 'TYLOO', '1-3', -1, 16),
    (13, 'M80', '1-3', -2, 8),
    (14, 'Team Falcons', '1-3', -4, 1),
    (15, 'BetBoom Team', '0-3', 0, 11),
    (16, 'OG', '0-3', -1, 12),
]

STAGE3_SEEDS = {
    1: 'Team Vitality',
    2: 'MOUZ',
    3: 'Team Spirit',
    4: 'G2 Esports',
    5: 'The MongolZ',
    6: 'Aurora Gaming',
    7: 'Natus Vincere',
    8: 'Team Liquid',
    9: 'Legacy',
    10: 'Virtus.pro',
    11: 'paiN Gaming',
    12: '3DMAX',
    13: 'FURIA',
    14: 'FaZe Clan',
    15: 'Nemiga Gaming',
    16: 'Lynn Vision Gaming',
}

# Each match: (winner, loser, record_of_both_before_the_match, best_of, date, vrs_match_id)
STAGE3_ROUNDS = [
    [  # round 1
        ('Legacy', 'Team Vitality', '0-0', 1, '2025-06-12', 277),
        ('Virtus.pro', 'MOUZ', '0-0', 1, '2025-06-12', 276),
        ('Team Spirit', 'paiN Gaming', '0-0', 1, '2025-06-12', 274),
        ('3DMAX', 'G2 Esports', '0-0', 1, '2025-06-12', 273),
        ('FURIA', 'The MongolZ', '0-0', 1, '2025-06-12', 270),
        ('Aurora Gaming', 'FaZe Clan', '0-0', 1, '2025-06-12', 271),
        ('Natus Vincere', 'Nemiga Gaming', '0-0', 1, '2025-06-12', 269),
        ('Lynn Vision Gaming', 'Team Liquid', '0-0', 1, '2025-06-12', 267),
    ],
    [  # round 2
        ('Team Spirit', 'Lynn Vision Gaming', '1-0', 1, '2025-06-12', 263),
        ('FURIA', 'Aurora Gaming', '1-0', 1, '2025-06-12', 265),
        ('Natus Vincere', '3DMAX', '1-0', 1, '2025-06-12', 262),
        ('Virtus.pro', 'Legacy', '1-0', 1, '2025-06-12', 264),
        ('Team Vitality', 'Nemiga Gaming', '0-1', 1, '2025-06-12', 260),
        ('FaZe Clan', 'MOUZ', '0-1', 1, '2025-06-12', 261),
        ('G2 Esports', 'paiN Gaming', '0-1', 1, '2025-06-12', 258),
        ('The MongolZ', 'Team Liquid', '0-1', 1, '2025-06-12', 259),
    ],
    [  # round 3
        ('FURIA', 'Virtus.pro', '2-0', 3, '2025-06-13', 239),
        ('Team Spirit', 'Natus Vincere', '2-0', 3, '2025-06-13', 238),
        ('G2 Esports', 'Aurora Gaming', '1-1', 1, '2025-06-13', 242),
        ('FaZe Clan', 'Legacy', '1-1', 1, '2025-06-13', 244),
        ('Team Vitality', '3DMAX', '1-1', 1, '2025-06-13', 245),
        ('The MongolZ', 'Lynn Vision Gaming', '1-1', 1, '2025-06-13', 241),
        ('MOUZ', 'Team Liquid', '0-2', 3, '2025-06-13', 225),
        ('paiN Gaming', 'Nemiga Gaming', '0-2', 3, '2025-06-13', 228),
    ],
    [  # round 4
        ('Team Vitality', 'Virtus.pro', '2-1', 3, '2025-06-14', 190),
        ('FaZe Clan', 'The MongolZ', '2-1', 3, '2025-06-14', 196),
        ('Natus Vincere', 'G2 Esports', '2-1', 3, '2025-06-14', 188),
        ('MOUZ', 'Aurora Gaming', '1-2', 3, '2025-06-14', 192),
        ('Legacy', 'Lynn Vision Gaming', '1-2', 3, '2025-06-14', 205),
        ('paiN Gaming', '3DMAX', '1-2', 3, '2025-06-14', 203),
    ],
    [  # round 5
        ('paiN Gaming', 'Virtus.pro', '2-2', 3, '2025-06-15', 160),
        ('MOUZ', 'Legacy', '2-2', 3, '2025-06-15', 168),
        ('The MongolZ', 'G2 Esports', '2-2', 3, '2025-06-15', 163),
    ],
]

# (place, team, W-L, Difficulty score (Buchholz) at end of stage, initial seed in this stage)
STAGE3_FINAL_STANDINGS = [
    (1, 'Team Spirit', '3-0', 1, 3),
    (2, 'FURIA', '3-0', -2, 13),
    (3, 'FaZe Clan', '3-1', -1, 14),
    (4, 'Natus Vincere', '3-1', -3, 7),
    (5, 'Team Vitality', '3-1', -7, 1),
    (6, 'The MongolZ', '3-2', -1, 5),
    (7, 'paiN Gaming', '3-2', -4, 11),
    (8, 'MOUZ', '3-2', -5, 2),
    (9, 'Virtus.pro', '2-3', 6, 10),
    (10, 'Legacy', '2-3', 2, 9),
    (11, 'G2 Esports', '2-3', 0, 4),
    (12, 'Aurora Gaming', '1-3', 5, 6),
    (13, '3DMAX', '1-3', 4, 12),
    (14, 'Lynn Vision Gaming', '1-3', 0, 16),
    (15, 'Nemiga Gaming', '0-3', 5, 15),
    (16, 'Team Liquid', '0-3', 0, 8),
]

# Transcribed from [RB] "Results: 2025 Austin". Columns: (#, team as Valve spells it, playoff position,
# W/L Stage 3, D Stage 3, W/L Stage 2, D Stage 2, W/L Stage 1, D Stage 1, initial seeding, region).
# None = the cell is empty in Valve's table (Valve leaves earlier-stage columns and most seeding cells blank).
VALVE_PUBLISHED_FINAL_RANKINGS = [
    (1, "Team Vitality", "1st", None, None, None, None, None, None, None, "Eu"),
    (2, "The Mongolz", "2nd", None, None, None, None, None, None, None, "Asia"),
    (3, "MOUZ", "3rd", None, None, None, None, None, None, None, "Eu"),
    (4, "paiN", "3rd", None, None, None, None, None, None, None, "Amer"),
    (5, "Team Spirit", "5th", "3-0", 1, None, None, None, None, None, "Eur"),
    (6, "FURIA Esports", "5th", "3-0", -2, None, None, None, None, None, "Amer"),
    (7, "Faze Clan", "5th", "3-1", -1, None, None, None, None, None, "Eur"),
    (8, "Natus Vincere", "5th", "3-1", -3, None, None, None, None, None, "Eur"),
    (9, "Virtus Pro", "-", "2-3", 6, None, None, None, None, None, "Eur"),
    (10, "Legacy", "-", "2-3", 2, None, None, None, None, None, "Amer"),
    (11, "G2 Esports", "-", "2-3", 0, None, None, None, None, None, "Eur"),
    (12, "Aurora Gaming", "-", "1-3", 5, None, None, None, None, None, "Eur"),
    (13, "3DMAX", "-", "1-3", 4, None, None, None, None, None, "Eur"),
    (14, "Lynn Vision Gaming", "-", "1-3", 0, None, None, None, None, None, "Asia"),
    (15, "Nemiga Gaming", "-", "0-3", 5, None, None, None, None, None, "Eur"),
    (16, "Team Liquid", "-", "0-3", 0, None, None, None, None, None, "Amer"),
    (17, "B8", "-", None, None, "2-3", 3, None, None, None, "Eur"),
    (18, "MIBR", "-", None, None, "2-3", 0, None, None, None, "Amer"),
    (19, "HEROIC", "-", None, None, "2-3", -4, None, None, None, "Eur"),
    (20, "TYLOO", "-", None, None, "1-3", -1, None, None, None, "Asia"),
    (21, "M80", "-", None, None, "1-3", -2, None, None, None, "Amer"),
    (22, "Team Falcons", "-", None, None, "1-3", -4, None, None, None, "Eur"),
    (23, "BetBoom Team", "-", None, None, "0-3", 0, None, None, None, "Eur"),
    (24, "OG", "-", None, None, "0-3", -1, None, None, None, "Eur"),
    (25, "FlyQuest", "-", None, None, None, None, "2-3", 5, 29, "Asia"),
    (26, "NRG", "-", None, None, None, None, "2-3", 5, 37, "Amer"),
    (27, "Wildcard", "-", None, None, None, None, "2-3", 4, None, "Amer"),
    (28, "Imperial", "-", None, None, None, None, "1-3", 3, None, "Amer"),
    (29, "Chinggis", "-", None, None, None, None, "1-3", 2, None, "Asia"),
    (30, "Complexity", "-", None, None, None, None, "1-3", -1, None, "Amer"),
    (31, "Metizport", "-", None, None, None, None, "0-3", -2, None, "Eur"),
    (32, "Fluxo", "-", None, None, None, None, "0-3", -5, None, "Amer"),
]
# Note: Valve gives no Stage 3 record for places 1-4 and no earlier-stage records for teams that advanced;
# the region column mixes "Eu"/"Eur" in the original. Values are transcribed exactly.

VALVE_NAME_TO_NAME = {
    "The Mongolz": "The MongolZ", "paiN": "paiN Gaming", "FURIA Esports": "FURIA", "Faze Clan": "FaZe Clan",
    "Virtus Pro": "Virtus.pro", "Imperial": "Imperial Esports", "Chinggis": "Chinggis Warriors",
}

PLAYOFF_SEEDS = {1: 'Team Spirit', 2: 'FURIA', 3: 'FaZe Clan', 4: 'Natus Vincere', 5: 'Team Vitality',
                 6: 'The MongolZ', 7: 'paiN Gaming', 8: 'MOUZ'}

PLAYOFF_QUARTERFINALS = [
    ("A", 1, 'Team Spirit', 8, 'MOUZ'),
    ("A", 4, 'Natus Vincere', 5, 'Team Vitality'),
    ("B", 2, 'FURIA', 7, 'paiN Gaming'),
    ("B", 3, 'FaZe Clan', 6, 'The MongolZ'),
]

# (round, winner, loser, date, vrs_match_id) - winners and dates from [VRS]; series scores not collected.
PLAYOFF_RESULTS = [
    ("quarterfinal", 'MOUZ', 'Team Spirit', '2025-06-19', 96),
    ("quarterfinal", 'paiN Gaming', 'FURIA', '2025-06-19', 94),
    ("quarterfinal", 'Team Vitality', 'Natus Vincere', '2025-06-20', 82),
    ("quarterfinal", 'The MongolZ', 'FaZe Clan', '2025-06-20', 79),
    ("semifinal", 'Team Vitality', 'MOUZ', '2025-06-21', 66),
    ("semifinal", 'The MongolZ', 'paiN Gaming', '2025-06-21', 64),
    ("grand_final", 'Team Vitality', 'The MongolZ', '2025-06-22', 51),
]

# Valve Regional Standings, global, as of 2025-05-05 ([VRS] invitation/2025/standings_global_2025_05_05.md).
PRE_EVENT_VRS_GLOBAL = {
    'Complexity': (14, 1542),  # VRS name: Complexity
    'HEROIC': (15, 1424),  # VRS name: HEROIC
    'B8': (18, 1227),  # VRS name: B8
    'BetBoom Team': (24, 1120),  # VRS name: BetBoom
    'TYLOO': (25, 1117),  # VRS name: TYLOO
    'Lynn Vision Gaming': (26, 1114),  # VRS name: Lynn Vision
    'Wildcard': (27, 1113),  # VRS name: Wildcard
    'FlyQuest': (29, 1094),  # VRS name: FlyQuest
    'OG': (30, 1082),  # VRS name: OG
    'Chinggis Warriors': (31, 1077),  # VRS name: Chinggis Warriors
    'Imperial Esports': (32, 1071),  # VRS name: Imperial
    'Nemiga Gaming': (35, 1060),  # VRS name: Nemiga
    'NRG': (37, 1030),  # VRS name: NRG
    'Legacy': (47, 967),  # VRS name: Legacy
    'Metizport': (48, 964),  # VRS name: Metizport
    'Fluxo': (61, 902),  # VRS name: Fluxo
    'Team Falcons': (3, 1927),  # VRS name: Falcons
    'FaZe Clan': (8, 1750),  # VRS name: FaZe
    '3DMAX': (10, 1671),  # VRS name: 3DMAX
    'Virtus.pro': (13, 1566),  # VRS name: Virtus.pro
    'paiN Gaming': (17, 1345),  # VRS name: paiN
    'FURIA': (20, 1192),  # VRS name: FURIA
    'MIBR': (22, 1183),  # VRS name: MIBR
    'M80': (34, 1060),  # VRS name: M80
    'Team Vitality': (1, 2117),  # VRS name: Vitality
    'MOUZ': (2, 1930),  # VRS name: MOUZ
    'Team Spirit': (4, 1852),  # VRS name: Spirit
    'G2 Esports': (5, 1830),  # VRS name: G2
    'The MongolZ': (6, 1800),  # VRS name: The MongolZ
    'Aurora Gaming': (7, 1754),  # VRS name: Aurora
    'Natus Vincere': (11, 1632),  # VRS name: Natus Vincere
    'Team Liquid': (12, 1587),  # VRS name: Liquid
}
