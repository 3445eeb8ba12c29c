"""Tekken World Tour 2023 Finals (Tekken 7; New Orleans, 13-14 January 2024): the Top 8
Final Bracket.

Plain data only (standard library, no imports).

Format [1] [2]: 20 players in four round-robin groups of five; each group's winner starts
the final bracket on the winners side, its runner-up on the losers side. The final bracket
is a double elimination of first-to-2 sets (best of 3), the Winners Final, Losers Final
and Grand Final first-to-3 (best of 5). The service plays this with ``lower_start`` 4 (the
last four of the seeding start in lower round 1), ``best_of`` 3,
``best_of_by_round`` {"W3": 5, "L4": 5} and ``final_best_of`` 5.

SOURCES (stored pages; excerpts, not whole pages)
 [1] ESTNN, "Tekken World Tour Finals 2023: Format, Matchups, Results & More",
     https://estnn.com/tekken-world-tour-finals-2023-format-matchups-results-more/ - "The #1
     of each Group advances to the Winner's Side, and the runner-up goes to the Loser's
     Side"; "The Final Bracket will start with a best-of-three format and be
     double-elimination. The Winners Final, Losers Final, and Grand Finals will all be
     best-of-five".
 [2] esportsnext, "TWT 2023 Global Finals: Arslan Ash Wins Tekken World Tour 2023 ...",
     https://esportsnext.com/twt-2023-global-finals-arslan-ash-wins-tekken-world-tour-2023-marking-the-end-of-an-era-of-tekken-7-esports/
     - Arslan Ash, ULSAN, CBM and LowHigh in the (winners) semifinals, "Rangchu, Knee, AO,
     and JeonDDing" in the losers bracket; "Arslan Ash at the top spot ... going up
     against LowHigh", "the second matchup ... featured CBM and ULSAN".
 [3] Appuals, "Arslan Ash Wins the Tekken World Tour Finals 2023, Goes Undefeated",
     https://appuals.com/arslan-ash-tekken-world-tour-champion/ - "defeat LowHigh 2-1 in
     the winner's semi-final", then ULSAN "after an intense 5-round clash, Arslan won 3-2",
     then the grand final; "undefeated throughout the tournament" (so no bracket reset).
 [4] Esports Heaven, "TWT 2023 Global Finals- Arslan Ash gets his final crown",
     https://www.esportsheaven.com/features/arslan-ash-wins-twt-2023-global-finals-esports-heaven/
     - "Knee ... was eliminated in the first losers round"; Arslan Ash and ULSAN "met in
     the Winners Final"; ULSAN "fell in the Loser's Finals ... bested by his own teammate
     CBM".
 [5] Dot Esports, "Tekken World Tour Finals 2023: All results and standings",
     https://dotesports.com/fgc/news/tekken-world-tour-finals-2023-all-results-standings-and-tekken-8-announcements
     - the places: 1 Arslan Ash, 2 CBM, 3 ULSAN, 4 LowHigh, 5th Rangchu and AO, 7th Knee
     and JeonDDing; "Arslan Ash's 3-1 victory over CBM in the grand finals".

WHAT FOLLOWS FROM THEM: ULSAN beat CBM in the second winners semifinal (ULSAN played the
Winners Final [4], CBM the Losers Final [4]); LowHigh, 4th, went out in the losers semifinal,
which CBM won (CBM reached the Losers Final from it); Rangchu and AO, 5th, went out in the
losers quarterfinals, to LowHigh and CBM; Knee and JeonDDing, 7th, went out in losers round 1,
to Rangchu and AO.

STAND-INS (not published in any stored source):
* which runner-up met which in losers round 1: the lower half is seeded in the order [2]
  names it (Rangchu, Knee, AO, JeonDDing), so Rangchu meets Knee and AO JeonDDing;
* which upper semifinal loser met which losers round-1 winner: the service's crossover; the
  replay plays the winners the sources name, whichever pairing it gives;
* the scores of ULSAN v CBM, the two losers round-1 sets, the two losers quarterfinals, the
  losers semifinal and the Losers Final: None below, played as 2-0 / 3-0 and not compared.
"""

# winners side top to bottom [2], then the losers side in the order [2] names it (a stand-in)
UPPER = ["Arslan Ash", "LowHigh", "CBM", "ULSAN"]
LOWER = ["Rangchu", "Knee", "AO", "JeonDDing"]
NATIONS = {"Arslan Ash": "PK", "LowHigh": "KR", "CBM": "KR", "ULSAN": "KR", "Rangchu": "KR",
           "Knee": "KR", "AO": "JP", "JeonDDing": "KR"}
SETTINGS = {"best_of": 3, "best_of_by_round": {"W3": 5, "L4": 5}, "final_best_of": 5,
            "grand_final": "reset", "lower_start": 4}

# (bracket, round, winner, loser or a set of who it may be, score or None) in order of
# play; a set of losers: one of them, whichever the bracket pairs (see STAND-INS)
SERIES = [
    ("winners", 2, "Arslan Ash", "LowHigh", (2, 1)),  # [2] [3]
    ("winners", 2, "ULSAN", "CBM", None),  # [2] [4]
    ("losers", 1, "Rangchu", "Knee", None),  # [4] [5]; the pairing a stand-in
    ("losers", 1, "AO", "JeonDDing", None),  # [5]; the pairing a stand-in
    ("losers", 2, "LowHigh", {"Rangchu", "AO"}, None),  # [5]
    ("losers", 2, "CBM", {"Rangchu", "AO"}, None),  # [4] [5]
    ("winners", 3, "Arslan Ash", "ULSAN", (3, 2)),  # [3] [4]
    ("losers", 3, "CBM", "LowHigh", None),  # [4] [5]
    ("losers", 4, "CBM", "ULSAN", None),  # [4]
    ("grand_final", 1, "Arslan Ash", "CBM", (3, 1)),  # [3] [5]; no reset [3]
]
RESET = False
LOWER_PAIRINGS: dict[int, list[tuple[str, str]]] = {}  # not published (see STAND-INS)

PLACES = {"Arslan Ash": (1, 1), "CBM": (2, 2), "ULSAN": (3, 3), "LowHigh": (4, 4),
          "Rangchu": (5, 6), "AO": (5, 6), "Knee": (7, 8), "JeonDDing": (7, 8)}
