"""StarLadder Budapest Major 2025 (Counter-Strike 2): Stages 1, 2, 3 (16-team Valve Swiss) and playoffs.

Plain data only (standard library, no imports). Team names follow sazarkin/major-pickems-sim.

WHAT IS HERE
  STAGEn_SEEDS            seed -> team for Stage 1, 2, 3 (seeds 9-16 of Stages 2/3 = the previous stage's top 8
                          in final-seed order, per the Valve rulebook).
  STAGEn_ROUNDS           every match of every round: (winner, loser, pool record before the match, best_of,
                          date, Valve VRS match id). Order inside a round = pairing order produced by the
                          rulebook algorithm (pools 2-0/1-0 first, then by mid-stage seed), NOT the broadcast order.
  STAGEn_FINAL_STANDINGS  (place, team, W-L, Difficulty score, initial seed), places 1..16.
  MAP_SCORES              map / round scores for the 46 of 106 matches for which a news source was found.
  PLAYOFF_SEEDS, PLAYOFF_QUARTERFINALS, PLAYOFF_RESULTS
  PRE_EVENT_VRS_GLOBAL    Valve Regional Standings (global) 2025-11-03: team -> (rank, points).
  RULEBOOK                verbatim passages of Valve's Major Supplemental Rulebook.

SOURCES
  [VRS] Valve's official Regional Standings data, github.com/ValveSoftware/counter-strike_regional_standings,
        commit 050a38d71d4f5f07d2618bb8bedd54268b93bddf (2026-07-06):
        - invitation/2026/details/2026_01_05/*.md - per-team match tables ("Match ID | Date | Opponent | W/L").
          All 106 Budapest matches (33+33+33 Swiss + 7 playoff) appear in BOTH teams' tables with
          consistent W/L; winners, dates and match ids below come from there.
        - invitation/2025/standings_global_2025_11_03.md - global standing used for pre-event seeding.
  [SAZ] github.com/sazarkin/major-pickems-sim, commit 0491fa44fc4cb11d0091d769a60bec49fa70b8f9 (2025-12-05):
        - swisssystem_test.go: TestBudapest2025Stage1 / TestBudapest2025Stage2 (every Stage 1 and Stage 2
          result by seed; Stage 2 end-of-stage Buchholz per seed).
        - data/2025_budapest_stage1.json, data/2025_budapest_stage2.json, data/2025_budapest_stage3.json (seeds).
  [RB]  github.com/ValveSoftware/counter-strike_rules_and_regs, major-supplemental-rulebook.md,
        commit eb7fa3a39a4d799915cdf128c7cdecbf5e81e604 (2025-10-21); the Format and Seeding sections are
        textually identical since commit 0f4bf38bb7496729363fcf2c0f6ff71d8daf969b (2025-01-16).
        URL: https://github.com/ValveSoftware/counter-strike_rules_and_regs/blob/main/major-supplemental-rulebook.md
  [BRK] Playoff bracket as published: StarLadder CS2 on X, 2025-12-07 ("Spirit vs. Falcons, Vitality vs.
        MongolZ, mousesports vs. FaZe, FURIA vs. natusvincere"), quoted in
        https://esports-news.co.uk/?p=171489 ("Budapest Major Playoffs Preview", 2025-12-08); also
        https://twogpedia.com/index.php?action=view&title=News%2FStarLadder_Budapest_Major_2025%3A_Final_Eight_Revealed
  [WIKI] https://en.wikipedia.org/wiki/StarLadder_Budapest_Major_2025 (stored copy; only the lead was readable:
        champion Team Vitality, runner-up FaZe Clan, 3rd-4th Team Spirit / Natus Vincere, final 3-1).
  News pages used for map scores are listed in MAP_SCORE_SOURCES.

CROSS-CHECKS DONE (all passed; see /work/research/verify_research.py)
  * Stage 1 and 2 winners: [VRS] == [SAZ] for all 66 matches.
  * Seeds: [SAZ] data files == order of [VRS] 2025-11-03 global ranks for invited teams (Stage 1 all 16;
    Stage 2 seeds 1-8; Stage 3 seeds 1-8; NiP 29th and Imperial 30th are tied on 1336 points, NiP listed first)
    == Round-1 pairings 1v9 ... 8v16 found in [VRS] (and the published Stage 1 opening matches, e.g.
    https://community.skin.club/it/notizie/annunciati-gli-incontri-del-primo-turno-dello-starladder-budapest-major-2025).
  * Replaying the results with the rulebook pairing algorithm (rounds 2-3: highest vs lowest available seed,
    rounds 4-5: priority table; seeds recomputed by record, Difficulty, initial seed) reproduces EVERY actual
    pairing of all three stages.
  * Stage 2 Difficulty scores computed here == the Buchholz values hard-coded in [SAZ] for all 16 teams.
  * Derived Stage 2 seeds 9-16 and Stage 3 seeds 9-16 == the seeds published in [SAZ] data files.
  * Derived playoff seeds give QF 1v8 Spirit-Falcons, 4v5 Vitality-MongolZ, 2v7 FURIA-NaVi, 3v6 MOUZ-FaZe
    == published bracket [BRK] == the QF matches that were actually played [VRS].
  * Records corroborated by news: Stage 1 "3-0: M80, FlyQuest; 3-1: NiP, B8, Fnatic" (oldgames.nu, day 3);
    Fluxo "9th-11th" (egamersworld FaZe-Fluxo); Stage 2 after round 3 "3-0: FaZe, NAVI" (esport1.hu day 2);
    Stage 3 "Spirit and FURIA perfect runs" (twogpedia); final placements (deadspin, kda.live).

WHAT IS NOT VERIFIED
  * The ORDER inside equal records for eliminated teams (places 9-16) and the exact Difficulty numbers of
    Stages 1 and 3 were computed here with the rulebook rule; no published ordered table (Liquipedia/organizer)
    was readable in the stored corpora. The advancing teams' order IS confirmed indirectly by the published
    next-stage seeds and bracket. (For Austin 2025 Valve published such a table; see cs2_austin_2025.py.)
  * Map scores: see MAP_SCORES confidence field; conflicts are recorded, not resolved.
  * sazarkin's data files also carry a 'valve' rating per team (e.g. Legacy 1744) that differs slightly from
    the VRS 2025-11-03 points (Legacy 1748); only their seed numbers were used here.
"""

STAGE1_SEEDS = {
    1: 'Legacy',
    2: 'FaZe Clan',
    3: 'B8',
    4: 'GamerLegion',
    5: 'Fnatic',
    6: 'PARIVISION',
    7: 'Ninjas in Pyjamas',
    8: 'Imperial Esports',
    9: 'FlyQuest',
    10: 'Lynn Vision Gaming',
    11: 'M80',
    12: 'Fluxo',
    13: 'RED Canids',
    14: 'The Huns Esports',
    15: 'NRG',
    16: 'Rare Atom',
}

# Each match: (winner, loser, record_of_both_before_the_match, best_of, date, vrs_match_id)
STAGE1_ROUNDS = [
    [  # round 1
        ('FlyQuest', 'Legacy', '0-0', 1, '2025-11-24', 643),
        ('FaZe Clan', 'Lynn Vision Gaming', '0-0', 1, '2025-11-24', 632),
        ('M80', 'B8', '0-0', 1, '2025-11-24', 645),
        ('Fluxo', 'GamerLegion', '0-0', 1, '2025-11-24', 638),
        ('Fnatic', 'RED Canids', '0-0', 1, '2025-11-24', 631),
        ('PARIVISION', 'The Huns Esports', '0-0', 1, '2025-11-24', 642),
        ('NRG', 'Ninjas in Pyjamas', '0-0', 1, '2025-11-24', 640),
        ('Imperial Esports', 'Rare Atom', '0-0', 1, '2025-11-24', 646),
    ],
    [  # round 2
        ('NRG', 'FaZe Clan', '1-0', 1, '2025-11-24', 616),
        ('Fluxo', 'Fnatic', '1-0', 1, '2025-11-24', 617),
        ('M80', 'PARIVISION', '1-0', 1, '2025-11-24', 621),
        ('FlyQuest', 'Imperial Esports', '1-0', 1, '2025-11-24', 628),
        ('Legacy', 'Rare Atom', '0-1', 1, '2025-11-24', 629),
        ('B8', 'The Huns Esports', '0-1', 1, '2025-11-24', 627),
        ('RED Canids', 'GamerLegion', '0-1', 1, '2025-11-24', 622),
        ('Ninjas in Pyjamas', 'Lynn Vision Gaming', '0-1', 1, '2025-11-24', 618),
    ],
    [  # round 3
        ('FlyQuest', 'Fluxo', '2-0', 3, '2025-11-25', 600),
        ('M80', 'NRG', '2-0', 3, '2025-11-25', 595),
        ('Fnatic', 'Imperial Esports', '1-1', 1, '2025-11-25', 602),
        ('Legacy', 'RED Canids', '1-1', 1, '2025-11-25', 607),
        ('Ninjas in Pyjamas', 'FaZe Clan', '1-1', 1, '2025-11-25', 601),
        ('B8', 'PARIVISION', '1-1', 1, '2025-11-25', 606),
        ('GamerLegion', 'Rare Atom', '0-2', 3, '2025-11-25', 599),
        ('The Huns Esports', 'Lynn Vision Gaming', '0-2', 3, '2025-11-25', 593),
    ],
    [  # round 4
        ('Ninjas in Pyjamas', 'Fluxo', '2-1', 3, '2025-11-26', 584),
        ('Fnatic', 'NRG', '2-1', 3, '2025-11-26', 579),
        ('B8', 'Legacy', '2-1', 3, '2025-11-26', 582),
        ('PARIVISION', 'GamerLegion', '1-2', 3, '2025-11-26', 575),
        ('Imperial Esports', 'The Huns Esports', '1-2', 3, '2025-11-26', 576),
        ('FaZe Clan', 'RED Canids', '1-2', 3, '2025-11-26', 578),
    ],
    [  # round 5
        ('Imperial Esports', 'NRG', '2-2', 3, '2025-11-27', 568),
        ('FaZe Clan', 'Fluxo', '2-2', 3, '2025-11-27', 569),
        ('PARIVISION', 'Legacy', '2-2', 3, '2025-11-27', 566),
    ],
]

# (place, team, W-L, Difficulty score (Buchholz) at end of stage, initial seed in this stage)
STAGE1_FINAL_STANDINGS = [
    (1, 'M80', '3-0', 2, 11),
    (2, 'FlyQuest', '3-0', -1, 9),
    (3, 'B8', '3-1', 1, 3),
    (4, 'Fnatic', '3-1', -3, 5),
    (5, 'Ninjas in Pyjamas', '3-1', -4, 7),
    (6, 'PARIVISION', '3-2', 0, 6),
    (7, 'Imperial Esports', '3-2', -1, 8),
    (8, 'FaZe Clan', '3-2', -5, 2),
    (9, 'NRG', '2-3', 9, 15),
    (10, 'Fluxo', '2-3', 6, 12),
    (11, 'Legacy', '2-3', 1, 1),
    (12, 'The Huns Esports', '1-3', 1, 14),
    (13, 'RED Canids', '1-3', 0, 13),
    (14, 'GamerLegion', '1-3', -5, 4),
    (15, 'Lynn Vision Gaming', '0-3', 1, 10),
    (16, 'Rare Atom', '0-3', -2, 16),
]

STAGE2_SEEDS = {
    1: 'Aurora Gaming',
    2: 'Natus Vincere',
    3: 'Team Liquid',
    4: '3DMAX',
    5: 'Astralis',
    6: 'TYLOO',
    7: 'MIBR',
    8: 'Passion UA',
    9: 'M80',
    10: 'FlyQuest',
    11: 'B8',
    12: 'Fnatic',
    13: 'Ninjas in Pyjamas',
    14: 'PARIVISION',
    15: 'Imperial Esports',
    16: 'FaZe Clan',
}

# Each match: (winner, loser, record_of_both_before_the_match, best_of, date, vrs_match_id)
STAGE2_ROUNDS = [
    [  # round 1
        ('Aurora Gaming', 'M80', '0-0', 1, '2025-11-29', 524),
        ('Natus Vincere', 'FlyQuest', '0-0', 1, '2025-11-29', 523),
        ('B8', 'Team Liquid', '0-0', 1, '2025-11-29', 518),
        ('Fnatic', '3DMAX', '0-0', 1, '2025-11-29', 530),
        ('Ninjas in Pyjamas', 'Astralis', '0-0', 1, '2025-11-29', 532),
        ('TYLOO', 'PARIVISION', '0-0', 1, '2025-11-29', 528),
        ('Imperial Esports', 'MIBR', '0-0', 1, '2025-11-29', 516),
        ('FaZe Clan', 'Passion UA', '0-0', 1, '2025-11-29', 526),
    ],
    [  # round 2
        ('FaZe Clan', 'Aurora Gaming', '1-0', 1, '2025-11-29', 502),
        ('Natus Vincere', 'Imperial Esports', '1-0', 1, '2025-11-29', 506),
        ('Ninjas in Pyjamas', 'TYLOO', '1-0', 1, '2025-11-29', 509),
        ('B8', 'Fnatic', '1-0', 1, '2025-11-29', 497),
        ('PARIVISION', 'Team Liquid', '0-1', 1, '2025-11-29', 498),
        ('3DMAX', 'FlyQuest', '0-1', 1, '2025-11-29', 508),
        ('M80', 'Astralis', '0-1', 1, '2025-11-29', 505),
        ('Passion UA', 'MIBR', '0-1', 1, '2025-11-29', 503),
    ],
    [  # round 3
        ('FaZe Clan', 'Ninjas in Pyjamas', '2-0', 3, '2025-11-30', 467),
        ('Natus Vincere', 'B8', '2-0', 3, '2025-11-30', 464),
        ('PARIVISION', 'Aurora Gaming', '1-1', 1, '2025-11-30', 474),
        ('M80', 'TYLOO', '1-1', 1, '2025-11-30', 476),
        ('Imperial Esports', 'Fnatic', '1-1', 1, '2025-11-30', 475),
        ('3DMAX', 'Passion UA', '1-1', 1, '2025-11-30', 477),
        ('Team Liquid', 'MIBR', '0-2', 3, '2025-11-30', 465),
        ('Astralis', 'FlyQuest', '0-2', 3, '2025-11-30', 469),
    ],
    [  # round 4
        ('B8', '3DMAX', '2-1', 3, '2025-12-01', 447),
        ('PARIVISION', 'Ninjas in Pyjamas', '2-1', 3, '2025-12-01', 455),
        ('Imperial Esports', 'M80', '2-1', 3, '2025-12-01', 449),
        ('Astralis', 'Aurora Gaming', '1-2', 3, '2025-12-01', 451),
        ('Team Liquid', 'TYLOO', '1-2', 3, '2025-12-01', 448),
        ('Passion UA', 'Fnatic', '1-2', 3, '2025-12-01', 457),
    ],
    [  # round 5
        ('3DMAX', 'Ninjas in Pyjamas', '2-2', 3, '2025-12-02', 431),
        ('Team Liquid', 'Astralis', '2-2', 3, '2025-12-02', 433),
        ('Passion UA', 'M80', '2-2', 3, '2025-12-02', 435),
    ],
]

# (place, team, W-L, Difficulty score (Buchholz) at end of stage, initial seed in this stage)
STAGE2_FINAL_STANDINGS = [
    (1, 'Natus Vincere', '3-0', 1, 2),
    (2, 'FaZe Clan', '3-0', -2, 16),
    (3, 'B8', '3-1', 3, 11),
    (4, 'Imperial Esports', '3-1', -3, 15),
    (5, 'PARIVISION', '3-1', -4, 14),
    (6, 'Team Liquid', '3-2', -2, 3),
    (7, 'Passion UA', '3-2', -2, 8),
    (8, '3DMAX', '3-2', -3, 4),
    (9, 'Ninjas in Pyjamas', '2-3', 3, 13),
    (10, 'M80', '2-3', -2, 9),
    (11, 'Astralis', '2-3', -6, 5),
    (12, 'Fnatic', '1-3', 6, 12),
    (13, 'Aurora Gaming', '1-3', 3, 1),
    (14, 'TYLOO', '1-3', 1, 6),
    (15, 'MIBR', '0-3', 4, 7),
    (16, 'FlyQuest', '0-3', 3, 10),
]

STAGE3_SEEDS = {
    1: 'FURIA',
    2: 'Team Vitality',
    3: 'Team Falcons',
    4: 'The MongolZ',
    5: 'MOUZ',
    6: 'Team Spirit',
    7: 'G2 Esports',
    8: 'paiN Gaming',
    9: 'Natus Vincere',
    10: 'FaZe Clan',
    11: 'B8',
    12: 'Imperial Esports',
    13: 'PARIVISION',
    14: 'Team Liquid',
    15: 'Passion UA',
    16: '3DMAX',
}

# Each match: (winner, loser, record_of_both_before_the_match, best_of, date, vrs_match_id)
STAGE3_ROUNDS = [
    [  # round 1
        ('FURIA', 'Natus Vincere', '0-0', 1, '2025-12-04', 404),
        ('FaZe Clan', 'Team Vitality', '0-0', 1, '2025-12-04', 405),
        ('B8', 'Team Falcons', '0-0', 1, '2025-12-04', 403),
        ('Imperial Esports', 'The MongolZ', '0-0', 1, '2025-12-04', 411),
        ('MOUZ', 'PARIVISION', '0-0', 1, '2025-12-04', 412),
        ('Team Spirit', 'Team Liquid', '0-0', 1, '2025-12-04', 407),
        ('G2 Esports', 'Passion UA', '0-0', 1, '2025-12-04', 408),
        ('paiN Gaming', '3DMAX', '0-0', 1, '2025-12-04', 406),
    ],
    [  # round 2
        ('FURIA', 'Imperial Esports', '1-0', 1, '2025-12-04', 390),
        ('MOUZ', 'B8', '1-0', 1, '2025-12-04', 394),
        ('Team Spirit', 'FaZe Clan', '1-0', 1, '2025-12-04', 397),
        ('G2 Esports', 'paiN Gaming', '1-0', 1, '2025-12-04', 400),
        ('Team Vitality', '3DMAX', '0-1', 1, '2025-12-04', 399),
        ('Team Falcons', 'Passion UA', '0-1', 1, '2025-12-04', 398),
        ('The MongolZ', 'Team Liquid', '0-1', 1, '2025-12-04', 393),
        ('Natus Vincere', 'PARIVISION', '0-1', 1, '2025-12-04', 391),
    ],
    [  # round 3
        ('FURIA', 'G2 Esports', '2-0', 3, '2025-12-05', 366),
        ('Team Spirit', 'MOUZ', '2-0', 3, '2025-12-05', 370),
        ('The MongolZ', 'FaZe Clan', '1-1', 1, '2025-12-05', 376),
        ('Team Vitality', 'B8', '1-1', 1, '2025-12-05', 377),
        ('Team Falcons', 'Imperial Esports', '1-1', 1, '2025-12-05', 375),
        ('Natus Vincere', 'paiN Gaming', '1-1', 1, '2025-12-05', 374),
        ('3DMAX', 'PARIVISION', '0-2', 3, '2025-12-05', 367),
        ('Passion UA', 'Team Liquid', '0-2', 3, '2025-12-05', 372),
    ],
    [  # round 4
        ('The MongolZ', 'G2 Esports', '2-1', 3, '2025-12-06', 339),
        ('MOUZ', 'Team Falcons', '2-1', 3, '2025-12-06', 343),
        ('Team Vitality', 'Natus Vincere', '2-1', 3, '2025-12-06', 351),
        ('FaZe Clan', '3DMAX', '1-2', 3, '2025-12-06', 340),
        ('Passion UA', 'Imperial Esports', '1-2', 3, '2025-12-06', 346),
        ('B8', 'paiN Gaming', '1-2', 3, '2025-12-06', 349),
    ],
    [  # round 5
        ('FaZe Clan', 'Passion UA', '2-2', 3, '2025-12-07', 323),
        ('Team Falcons', 'G2 Esports', '2-2', 3, '2025-12-07', 317),
        ('Natus Vincere', 'B8', '2-2', 3, '2025-12-07', 325),
    ],
]

# (place, team, W-L, Difficulty score (Buchholz) at end of stage, initial seed in this stage)
STAGE3_FINAL_STANDINGS = [
    (1, 'Team Spirit', '3-0', 0, 6),
    (2, 'FURIA', '3-0', -2, 1),
    (3, 'MOUZ', '3-1', 0, 5),
    (4, 'Team Vitality', '3-1', -1, 2),
    (5, 'The MongolZ', '3-1', -5, 4),
    (6, 'FaZe Clan', '3-2', 4, 10),
    (7, 'Natus Vincere', '3-2', -1, 9),
    (8, 'Team Falcons', '3-2', -3, 3),
    (9, 'B8', '2-3', 4, 11),
    (10, 'G2 Esports', '2-3', 3, 7),
    (11, 'Passion UA', '2-3', -4, 15),
    (12, 'Imperial Esports', '1-3', 5, 12),
    (13, '3DMAX', '1-3', -2, 16),
    (14, 'paiN Gaming', '1-3', -3, 8),
    (15, 'Team Liquid', '0-3', 4, 14),
    (16, 'PARIVISION', '0-3', 1, 13),
]

# Playoff seeds = Stage 3 final order (rulebook "Playoffs: All teams will use their final seed from Stage 3").
PLAYOFF_SEEDS = {1: 'Team Spirit', 2: 'FURIA', 3: 'MOUZ', 4: 'Team Vitality', 5: 'The MongolZ', 6: 'FaZe Clan',
                 7: 'Natus Vincere', 8: 'Team Falcons'}

# Published bracket [BRK] (order of the tweet: Spirit-Falcons, Vitality-MongolZ, MOUZ-FaZe, FURIA-NaVi).
# Bracket A = 1v8 and 4v5 (their winners meet in semifinal 1); Bracket B = 2v7 and 3v6.
PLAYOFF_QUARTERFINALS = [
    ("A", 1, 'Team Spirit', 8, 'Team Falcons'),
    ("A", 4, 'Team Vitality', 5, 'The MongolZ'),
    ("B", 2, 'FURIA', 7, 'Natus Vincere'),
    ("B", 3, 'MOUZ', 6, 'FaZe Clan'),
]

# (round, winner, loser, series score, best_of, date, vrs_match_id). Winners/dates: [VRS]; series scores: news
# (see MAP_SCORES) and deadspin/kda.live.
PLAYOFF_RESULTS = [
    ("quarterfinal", 'Team Spirit', 'Team Falcons', "2-0", 3, '2025-12-11', 260),
    ("quarterfinal", 'Team Vitality', 'The MongolZ', "2-0", 3, '2025-12-11', 258),
    ("quarterfinal", 'FaZe Clan', 'MOUZ', "2-0", 3, '2025-12-12', 247),
    ("quarterfinal", 'Natus Vincere', 'FURIA', "2-1", 3, '2025-12-12', 243),
    ("semifinal", 'Team Vitality', 'Team Spirit', "2-0", 3, '2025-12-13', 229),
    ("semifinal", 'FaZe Clan', 'Natus Vincere', "2-1", 3, '2025-12-13', 227),
    ("grand_final", 'Team Vitality', 'FaZe Clan', "3-1", 5, '2025-12-14', 218),
]

# Valve Regional Standings, global, as of 2025-11-03 ([VRS] invitation/2025/standings_global_2025_11_03.md):
# team -> (global rank, points). Seeds 1-16 of Stage 1 and seeds 1-8 of Stages 2/3 follow this order.
PRE_EVENT_VRS_GLOBAL = {
    'Legacy': (10, 1748),  # VRS name: Legacy
    'FaZe Clan': (13, 1659),  # VRS name: FaZe
    'B8': (17, 1571),  # VRS name: B8
    'GamerLegion': (18, 1561),  # VRS name: GamerLegion
    'Fnatic': (22, 1424),  # VRS name: fnatic
    'PARIVISION': (23, 1420),  # VRS name: PARIVISION
    'Ninjas in Pyjamas': (29, 1336),  # VRS name: Ninjas in Pyjamas
    'Imperial Esports': (30, 1336),  # VRS name: Imperial
    'FlyQuest': (33, 1327),  # VRS name: FlyQuest
    'Lynn Vision Gaming': (35, 1269),  # VRS name: Lynn Vision
    'M80': (39, 1252),  # VRS name: M80
    'Fluxo': (42, 1164),  # VRS name: Fluxo
    'RED Canids': (47, 1141),  # VRS name: RED Canids
    'The Huns Esports': (48, 1136),  # VRS name: The Huns
    'NRG': (49, 1129),  # VRS name: NRG
    'Rare Atom': (57, 1071),  # VRS name: Rare Atom
    'Aurora Gaming': (5, 1829),  # VRS name: Aurora
    'Natus Vincere': (6, 1821),  # VRS name: Natus Vincere
    'Team Liquid': (11, 1730),  # VRS name: Liquid
    '3DMAX': (12, 1677),  # VRS name: 3DMAX
    'Astralis': (14, 1613),  # VRS name: Astralis
    'TYLOO': (21, 1436),  # VRS name: TYLOO
    'MIBR': (26, 1365),  # VRS name: MIBR
    'Passion UA': (27, 1347),  # VRS name: Passion UA
    'FURIA': (1, 1948),  # VRS name: FURIA
    'Team Vitality': (2, 1908),  # VRS name: Vitality
    'Team Falcons': (3, 1869),  # VRS name: Falcons
    'The MongolZ': (4, 1859),  # VRS name: The MongolZ
    'MOUZ': (7, 1795),  # VRS name: MOUZ
    'Team Spirit': (8, 1773),  # VRS name: Spirit
    'G2 Esports': (9, 1755),  # VRS name: G2
    'paiN Gaming': (19, 1555),  # VRS name: paiN
}

# (stage, winner, loser) -> (series or map score from the winner's side,
#   [(map, winner_rounds, loser_rounds), ...] or None, [source keys], confidence, note)
# Map rounds are from the MATCH winner's point of view (a lost map shows as e.g. ('Nuke', 6, 13)).
MAP_SCORES = {
 # ---- Stage 1 ----
 (1, "FlyQuest", "Legacy"): ("13-10", [("Train",13,10)], ["cs2news_upsets","egamersworld_flyquest_legacy","echamp_day1"], "2+ sources", ""),
 (1, "M80", "B8"): ("13-11", [("Mirage",13,11)], ["cs2news_upsets","echamp_day1"], "2+ sources", ""),
 (1, "Fluxo", "GamerLegion"): ("13-10", [(None,13,10)], ["cs2news_upsets","echamp_day1"], "2+ sources", "map not named in the excerpts"),
 (1, "NRG", "Ninjas in Pyjamas"): ("13-7", [("Overpass",13,7)], ["cs2news_upsets","echamp_day1"], "2+ sources (map: 1 source)", ""),
 (1, "NRG", "FaZe Clan"): ("13-10", [(None,13,10)], ["cs2news_nrg_faze"], "1 source", ""),
 (1, "RED Canids", "GamerLegion"): ("13-6", [(None,13,6)], ["hotspawn_s1d1"], "1 source", ""),
 (1, "Fluxo", "Fnatic"): (None, [("Train",None,None)], ["cs2news_nrg_faze"], "1 source", "only the map (Train) is stated, not the score"),
 (1, "Legacy", "RED Canids"): ("13-6", [(None,13,6)], ["aboba_s1d2"], "1 source", ""),
 (1, "B8", "PARIVISION"): ("13-11", [(None,13,11)], ["aboba_s1d2"], "1 source", ""),
 (1, "Fnatic", "Imperial Esports"): ("13-3", [("Train",13,3)], ["aboba_s1d2","egamersworld_fnatic_imperial"], "2+ sources", ""),
 (1, "Ninjas in Pyjamas", "FaZe Clan"): ("13-8", [(None,13,8)], ["aboba_s1d2"], "1 source", ""),
 (1, "FlyQuest", "Fluxo"): ("2-0", [(None,13,1),(None,13,2)], ["aboba_s1d2"], "1 source", ""),
 (1, "GamerLegion", "Rare Atom"): ("2-0", [(None,13,7),(None,13,5)], ["aboba_s1d2"], "1 source", ""),
 (1, "M80", "NRG"): ("2-0", None, ["aboba_s1d2"], "1 source (series score only)", ""),
 (1, "The Huns Esports", "Lynn Vision Gaming"): ("2-0", None, ["aboba_s1d2"], "1 source (series score only)", ""),
 (1, "Ninjas in Pyjamas", "Fluxo"): ("2-0", [("Nuke",13,5),("Train",13,5)], ["oldgames_s1d3"], "1 source", ""),
 (1, "B8", "Legacy"): ("2-0", None, ["oldgames_s1d3","esportsnet_de_s1"], "2+ sources (series score only)", ""),
 (1, "Fnatic", "NRG"): ("2-1", [("Mirage",3,13),("Inferno",13,10),("Dust2",13,9)], ["oldgames_s1d3"], "1 source", ""),
 (1, "FaZe Clan", "RED Canids"): ("2-1", [("Mirage",7,13),("Nuke",19,17),("Inferno",13,5)], ["oldgames_s1d3","egamersworld_faze_red"], "2+ sources", "Nuke went to overtime"),
 (1, "FaZe Clan", "Fluxo"): ("2-1", [("Inferno",13,6),("Nuke",7,13),("Mirage",13,10)], ["egamersworld_faze_fluxo"], "1 source", ""),
 (1, "Imperial Esports", "NRG"): ("2-0", [("Nuke",13,8),("Train",None,None)], ["dust2us_nrg_imperial"], "1 source", "Train score not stated in the excerpt"),
 (1, "PARIVISION", "Legacy"): ("2-1", None, ["esportsnet_de_s1"], "1 source (series score only)", ""),
 # ---- Stage 2 ----
 (2, "FaZe Clan", "Ninjas in Pyjamas"): ("2-0", [("Inferno",16,12),("Nuke",16,12)], ["esportsbet_s2r3"], "1 source", "both maps went to overtime"),
 (2, "Astralis", "FlyQuest"): ("2-0", [("Mirage",13,5),("Overpass",13,11)], ["esportsbet_s2r3"], "1 source", ""),
 (2, "Natus Vincere", "B8"): ("2-0", None, ["cs2news_s3_matchups"], "1 source (NaVi went 3-0 'without dropping a map')", ""),
 (2, "Team Liquid", "Astralis"): ("2-0", [("Nuke",13,7),("Mirage",13,9)], ["gameshub_s2d4","rdy_s2d4"], "2+ sources (rdy.gg confirms maps/winners, not scores)", ""),
 (2, "Passion UA", "M80"): ("2-1", [("Mirage",11,13),("Inferno",13,5),("Train",13,7)], ["gameshub_s2d4","rdy_s2d4","cs2news_s3_matchups"], "2+ sources (rdy.gg confirms map order/winners, not scores)", ""),
 # ---- Stage 3 ----
 (3, "MOUZ", "PARIVISION"): ("16-14", [("Overpass",16,14)], ["buffplus_s3d1","cs2news_s3_overtime"], "score: 1 source; overtime+map: 2 sources", ""),
 (3, "Imperial Esports", "The MongolZ"): ("16-14", [("Dust2",16,14)], ["buffplus_s3d1","cs2news_s3_overtime"], "score: 1 source; overtime+map: 2 sources", ""),
 (3, "G2 Esports", "Passion UA"): ("13-8", [(None,13,8)], ["buffplus_s3d1"], "1 source", ""),
 (3, "Team Spirit", "Team Liquid"): (None, [("Train",None,None)], ["buffplus_s3d1","egamersworld_no_faze_vitality"], "CONFLICT", "buff.plus table: 13-8; egamersworld (NO): 13-3 on Train"),
 (3, "paiN Gaming", "3DMAX"): ("13-10", [(None,13,10)], ["buffplus_s3d1"], "1 source", ""),
 (3, "FaZe Clan", "Team Vitality"): ("13-7", [("Nuke",13,7)], ["buffplus_s3d1","egamersworld_no_faze_vitality"], "2+ sources, with a conflict", "egamersworld lead paragraph says 13-8, its own map report and buff.plus say 13-7"),
 (3, "FURIA", "Natus Vincere"): ("13-2", [(None,13,2)], ["gamerstudio_qf","texasgazette_s3d4","buffplus_s3d1"], "2+ sources", "buff.plus prints this row reversed (NaVi 13-2 FURIA); VRS and all other sources have FURIA winning"),
 (3, "B8", "Team Falcons"): ("13-10", [(None,13,10)], ["buffplus_s3d1"], "1 source", ""),
 (3, "Team Vitality", "B8"): ("13-2", [("Inferno",13,2)], ["xsport_s3d2"], "1 source", ""),
 (3, "Natus Vincere", "paiN Gaming"): ("13-8", [("Dust2",13,8)], ["xsport_s3d2"], "1 source", ""),
 (3, "Passion UA", "Team Liquid"): ("2-0", [("Train",13,11),("Mirage",13,10)], ["xsport_s3d2"], "1 source", ""),
 (3, "Natus Vincere", "B8"): (None, [("Ancient",13,4),("Train",None,None)], ["texasgazette_s3d4"], "1 source, partial (written mid-series)", "VRS confirms NaVi won the series"),
 # ---- Playoffs ----
 ("playoffs", "Team Spirit", "Team Falcons"): ("2-0", [("Nuke",13,4),("Dust2",16,12)], ["dust2br_qf1","egamersworld_spirit_falcons"], "2+ sources", ""),
 ("playoffs", "Team Vitality", "The MongolZ"): ("2-0", [("Mirage",13,5),("Dust2",13,4)], ["dust2br_qf1","kda_gf_set"], "maps: 1 source; 2-0: 2 sources", ""),
 ("playoffs", "FaZe Clan", "MOUZ"): ("2-0", None, ["kda_gf_set"], "1 source (series score only)", ""),
 ("playoffs", "Natus Vincere", "FURIA"): ("2-1", [("Mirage",13,5),("Inferno",None,None),(None,None,None)], ["gamerstudio_qf"], "1 source, partial", "Mirage 13-5 NaVi; FURIA won Inferno; NaVi won the decider (scores not in excerpt)"),
 ("playoffs", "Team Vitality", "Team Spirit"): ("2-0", [("Mirage",19,17),("Dust2",13,8)], ["deadspin_sf","hotspawn_sf"], "2+ sources", ""),
 ("playoffs", "FaZe Clan", "Natus Vincere"): ("2-1", [("Ancient",5,13),("Nuke",13,11),("Inferno",13,8)], ["deadspin_sf"], "1 source", ""),
 ("playoffs", "Team Vitality", "FaZe Clan"): ("3-1", [("Nuke",6,13),("Dust2",13,3),("Inferno",13,9),("Overpass",13,2)], ["sportal_gf","esportsbets_gf","gameshub_gf","gocore_gf","aboba_gf"], "2+ sources", "Bo5"),
}
MAP_SCORE_SOURCES = {
 "cs2news_upsets": "https://cs2news.com/news/budapest-major-2025-upsets",
 "egamersworld_flyquest_legacy": "https://de.egamersworld.com/counterstrike/news/30736/legacy-shocked-by-flyquest-at-the-start-of-budapes-xRi64uvDl",
 "echamp_day1": "https://echamp.ru/news/counter-strike/299-budapest-major-provaly-top-komand-v-startovyi-den",
 "cs2news_nrg_faze": "https://cs2news.com/news/nrg-shock-faZe-to-close-out-day-1-of-the-budapest-major-in-stunning-fashion",
 "hotspawn_s1d1": "https://www.hotspawn.com/counter-strike/news/starladder-budapest-major-2025-day-1-recap",
 "aboba_s1d2": "https://aboba.ru/2025/11/26/rueckblick-auf-tag-2-von-starladder-budapest-major-2025-aboba-ru",
 "egamersworld_fnatic_imperial": "https://de.egamersworld.com/counterstrike/news/30774/fnatic-crush-imperial-13-3-at-budapest-major-stage--MP-V711W",
 "oldgames_s1d3": "https://oldgames.nu/faze-kampar-for-overlevnad-medan-nip-b8-och-fnatic-sakrar-plats-i-steg-2-i-starladder-budapest-major/",
 "esportsnet_de_s1": "https://www.esports.net/de/news/teams-bereits-starladder-major-2025-ausgeschieden",
 "egamersworld_faze_red": "https://de.egamersworld.com/counterstrike/news/30809/faze-defeat-red-canids-and-stay-alive-at-the-budap-0gVRIk4DC",
 "egamersworld_faze_fluxo": "https://de.egamersworld.com/counterstrike/news/30830/faze-advance-to-stage-2-of-the-starladder-budapest-SjnC7j1X-",
 "dust2us_nrg_imperial": "https://www.dust2.us/news/68089/nrg-succumb-to-imperial-and-are-knocked-out-of-the-starladder-budapest-major",
 "esportsbet_s2r3": "https://esportsbet.io/ph/news/csgo/breaking/details/Global/11284/FAZE-ADVANCE-TO-STAGE-3-WHILE-FLYQUEST-ARE-ELIMINATED-FROM-STARLADDER-BUDAPEST-MAJOR-2025",
 "cs2news_s3_matchups": "https://cs2news.com/news/stage-3-matchups-set-for-starladder-budapest-major-2025-furia-vs-navi-and-vitality-vs-faze-headline-swiss-round",
 "gameshub_s2d4": "https://www.gameshub.com/de/nachrichten/kultur/budapest-major-2025",
 "rdy_s2d4": "https://rdy.gg/en/cs2/news/liquid-send-astralis-home-day-four-stage-three",
 "buffplus_s3d1": "https://buff.plus/game/onic/starladder-budapest-major-2025-stage-3-day-1-recap.html",
 "cs2news_s3_overtime": "https://cs2news.com/news/mouz-and-imperial-win-overtime-openers-at-budapest-major",
 "egamersworld_no_faze_vitality": "https://no.egamersworld.com/counterstrike/news/30989/starladder-budapest-major-2025-faze-defeat-vitalit-wnfDXT8ED",
 "gamerstudio_qf": "https://www.gamerstudio.co/newstation/the-final-day-of-the-quarterfinals-at-the-budapest-major-upsets-crushed-dreams-and-faze-magic",
 "texasgazette_s3d4": "https://thetexasgazette.com/top/navi-faze-g2-clash-for-crucial-playoff-spots-at-budapest-major",
 "xsport_s3d2": "https://xsport.ua/ru/kibersport_s/news/passion-ua-zinchenko-spaslis-ot-vyleta-s-meydzhora-navi-pobedili-pain/",
 "dust2br_qf1": "https://www.dust2.com.br/noticias/68645/confira-os-resultados-do-1-dia-de-quartas-de-final-no-major",
 "egamersworld_spirit_falcons": "https://de.egamersworld.com/counterstrike/news/31142/spirit-sweep-falcons-and-become-the-first-team-to--qwk--dUm4",
 "kda_gf_set": "https://kda.live/counter-strike/news/faze-and-vitality-will-meet-in-the-grand-final",
 "deadspin_sf": "https://deadspin.com/team-vitality-faze-clan-reach-grand-final-at-starladder-budapest-major",
 "hotspawn_sf": "https://www.hotspawn.com/counter-strike/news/vitality-and-faze-set-up-blockbuster-starladder-budapest-major-2025-grand-final",
 "sportal_gf": "https://sportal.bg/news-2025121421462243974",
 "esportsbets_gf": "https://www.esportsbets.com/?p=99368",
 "gameshub_gf": "https://www.gameshub.com/de/nachrichten/team-vitality-starladder",
 "gocore_gf": "https://www.gocore.gg/cs2/news/historic-victory-for-vitality-at-budapest-major2025",
 "aboba_gf": "https://aboba.ru/2025/12/15/team-vitality-gewinnt-starladder-budapest-major-2025-aboba-ru",
}

# Verbatim from [RB] (major-supplemental-rulebook.md, sections "Swiss Bracket", "Initial Swiss Match-ups",
# "Single Elimination Bracket", "Seeding").
RULEBOOK = {
    "swiss_bracket": """- Teams play against opponents of identical W-L record.
- Three wins advance---Three losses eliminate
- All elimination and advancement matches are to be best of three.
- All other matches are to be best of one.
- Teams are not to play the same opponent twice in the same stage, if possible.
- Match-ups shall be determined by [seed](#seeding). The first round follows the [Initial Match-ups](#Initial-Match-ups). In round 2 and 3, the highest seeded team faces the lowest seeded team available that does not result in a rematch within the stage. In other rounds, refer to the following table and select the top-most row that does not result in a rematch:""",
    "priority_table_rounds_4_5": [
        ((1, 6), (2, 5), (3, 4)), ((1, 6), (2, 4), (3, 5)), ((1, 5), (2, 6), (3, 4)), ((1, 5), (2, 4), (3, 6)),
        ((1, 4), (2, 6), (3, 5)), ((1, 4), (2, 5), (3, 6)), ((1, 6), (2, 3), (4, 5)), ((1, 5), (2, 3), (4, 6)),
        ((1, 3), (2, 6), (4, 5)), ((1, 3), (2, 5), (4, 6)), ((1, 4), (2, 3), (5, 6)), ((1, 3), (2, 4), (5, 6)),
        ((1, 2), (3, 6), (4, 5)), ((1, 2), (3, 5), (4, 6)), ((1, 2), (3, 4), (5, 6)),
    ],
    "initial_matchups_round_1": [(1, 9), (2, 10), (3, 11), (4, 12), (5, 13), (6, 14), (7, 15), (8, 16)],
    "single_elimination_bracket": """- Bracket A:
  - 1 vs. 8
  - 4 vs. 5
- Bracket B:
  - 2 vs. 7
  - 3 vs. 6
- All matches are best of three""",
    "pre_event_seeding": "Coming into the event, all 32 teams are sorted based on their current global standing in the [VRS](#Regional-Standing).",
    "stage_seeding": """* Stage 1:
	* All teams will use their [pre-event seed](#Pre-event-Seeding).

* Stage 2:
	* The teams directly invited to this stage will be seeds 1-8, and use their [pre-event seed](#Pre-event-Seeding).
	* The advancing 8 teams will be seeds 9-16 and use their final seed from the previous stage (see [Mid-stage Seed Calculation](#Mid-Stage-Seed-Calculation)).

* Stage 3:
	* The teams directly invited to this stage will be seeds 1-8, and use their [pre-event seed](#Pre-event-Seeding).
	* The advancing 8 teams will be seeds 9-16 and use their final seed from the previous stage (see [Mid-stage Seed Calculation](#Mid-Stage-Seed-Calculation)).

* Playoffs:
	* All teams will use their final seed from Stage 3 (see [Mid-stage Seed Calculation](#Mid-stage-Seed-Calculation)).""",
    "mid_stage_seed_calculation": """For all Swiss match-ups, after the initial matches, seed is determined (in order) by:
1. Current W-L record in the stage
2. [Difficulty Score](#Difficulty-score) in the current stage
3. Initial seeding of the current stage""",
    "difficulty_score": """Each team's Difficulty Score is tracked for the purpose of tie-breaking.

The Difficulty Score is the sum of current wins minus the sum of current losses for every opponent a team has faced.

###### Example:
*Team A's prior opponents are 2-0 and 1-1. Team A's Difficulty Score is 2 (prior opponents have 3 wins total, and 1 loss total, so 3-1 = 2)*

*Team B's prior opponents are both 1-1. Their Difficulty Score is 0 (prior opponents have 2 wins and 2 losses in total, so 2-2 = 0)*

*Therefore, if both Team A and B have the same win-loss record, Team A gets the higher seed because it played against teams that were more difficult to defeat.*""",
    "final_rankings_major": """Final Major Rankings are determined by (in order)
1. Position in Playoffs
2. Stage 3 W-L record
3. Stage 3 Difficulty
4. Stage 2 W-L record
5. Stage 2 Difficulty
6. Stage 1 W-L record
7. Stage 1 Difficulty
8. Initial Seeding""",
}
