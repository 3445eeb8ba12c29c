"""League of Legends Mid-Season Invitational 2024: Bracket Stage (Chengdu, 7-19 May 2024).

Plain data only (standard library, no imports).

Format: eight teams (the four major-region champions and four out of the Play-In) in one
double elimination, every series a best-of-five, the grand final included; the grand final is
one series (no bracket reset). The opening pairings were drawn, not seeded (tier 1 v tier 4,
tier 2 v tier 3, no two teams of a region on one side), and the draw gave the bracket in this
order, top to bottom: Gen.G v Fnatic, Team Liquid v Top Esports, G2 Esports v T1,
Bilibili Gaming v PSG Talon [1] [2]. The two upper matches on top feed one upper semifinal
(Gen.G v Top Esports), the two below the other (Bilibili Gaming v T1) [7] [8].

The lower bracket: round 1 pairs the losers of the top two opening matches (Fnatic v Team
Liquid) and of the bottom two (G2 v PSG Talon) [3] [6]; round 2 crosses over: the round-1
winner from the top half meets the loser of the bottom upper semifinal (Team Liquid v T1),
the one from the bottom half the loser of the top semifinal (G2 v Top Esports) [4] [5] [8]
[13]; round 3 pairs the two round-2 winners (T1 v G2) and the lower final is its winner
against the upper final's loser (Bilibili Gaming v T1) [9] [10].

SOURCES (stored public pages, read via the search tool)
 [1] https://gameriv.com/msi-2024-bracket-stage-draw/ - the tiers and the draw: "Gen.G vs
     Fnatic", "Team Liquid vs Top Esports", "G2 Esports vs T1", "Bilibili Gaming vs PSG
     Talon"; "Tier 1 teams will play Tier 4 teams while Tier 2 and Tier 3 teams will face off".
 [2] https://www.sportskeeda.com/esports/league-legends-msi-bracket-stage-start-date-schedule-livestream-details
     - "a double-elimination bracket with all matches being best-of-fives"; day 1 to day 4 in
     the order of [1].
 [3] http://cache.esports.gg/news/league-of-legends/lol-msi-2024-fnc-vs-tl/ - "Fnatic was sent
     to the lower bracket after their 3-0 loss to Gen.G Esports. Team Liquid had a similar
     story, losing to Top Esports with a sweep"; "FNC 1-3 TL", Fnatic eliminated.
 [4] https://www.sportskeeda.com/esports/fnatic-vs-team-liquid-league-legends-msi-2024-bracket-stage-head-to-head-livestream-details
     - Fnatic v Team Liquid: "The winner will proceed to the next stage to face off against the
     loser between T1 and Bilibili Gaming" (the crossover).
 [5] https://www.sportskeeda.com/esports/g2-esports-vs-psg-talon-league-legends-msi-2024-bracket-stage-head-to-head-livestream-details
     - G2 lost "the series 2-3" to T1; PSG Talon lost "2-3" to Bilibili Gaming; the winner of
     G2 v PSG Talon "will proceed to the next round and face off against Top Esports".
 [6] https://cache.esports.gg/news/league-of-legends/msi-2024-lb-round1-g2-psg/ - "Lower
     Brackets Round 1", G2 won games 1, 2 and 3 (3-0).
 [7] http://cache.esports.gg/news/league-of-legends/lol-msi-2024-gen-vs-tes-live-score-where-to-watch-and-more/
     - "Upper Brackets Semi-Finals", Gen.G v Top Esports over five games, Gen.G won games 1, 2
     and 5 (3-2).
 [8] http://cache.esports.gg/news/league-of-legends/lol-msi-2024-t1-vs-blg-battle-of-the-strongest/
     - "the upper bracket semifinal", "T1 1-3 BLG"; "T1 descended into the lower bracket where
     they will face ... Team Liquid".
 [9] https://www.dexerto.com/league-of-legends/msi-2024-schedule-teams-results-more-2634345/
     - "Lower Bracket Round 2 G2 Esports 3-0 Top Esports" (Top Esports eliminated); "Lower
     Bracket Round 2 Team Liquid Honda 1-3 T1" (Team Liquid eliminated); "Upper Bracket Round 3
     Bilibili Gaming 1-3 Gen.G"; "Lower Bracket Round 3 G2 0-3 T1"; "Grand Final Gen.G 3-1 BLG".
 [10] http://cache.esports.gg/news/league-of-legends/msi-2024-lb-final-blg-t1/ - "the lower
     bracket final", "BLG 3:2 T1".
 [11] https://esports.gg/news/league-of-legends/lol-msi-2024-grand-final-gen-g-vs-blg-league-of-lehends/
     - "GENG 3-1 BLG"; Gen.G "did not drop a match in MSI 2024".
 [12] https://www.dexerto.com/league-of-legends/t1-crush-the-wests-hopes-at-msi-2024-with-clean-sweep-against-g2-2727888/
     - G2 "still made it to fourth place".
 [13] https://ensiplay.com/news/esports/t1-falls-to-msi-2024-lower-bracket-na-survives-first-round
     - Team Liquid "are facing T1 in the second round of the lower bracket"; "In the other lower
     bracket Round 2 match, we have G2 Esports vs. TOP Esports".
 [14] https://www.mobafire.com/league-of-legends/news/msi-2024-conclusion - "during Round 1 ...
     the first two teams were eliminated ... Fnatic, and ... PSG Talon".
 [15] https://m.inven.co.kr/webzine/wznews.php?idx=295535&iskin=webzine&p=1&query=next - game 1
     of BLG v T1 in the bracket stage, played on the 12th.

NOT SOURCED HERE: no stored page gives a placement table for 5th-8th. Those places are the
rounds the teams went out in: Top Esports and Team Liquid in lower round 2 [9] (5th-6th
shared), Fnatic and PSG Talon in lower round 1 [3] [6] [14] (7th-8th shared), as Riot's
prize split and Liquipedia present them (from memory, not read here). Nothing sourced
splits a shared place.
"""

# the bracket top to bottom, as drawn [1]: slots 1 v 2, 3 v 4, 5 v 6, 7 v 8
DRAW = ["Gen.G", "Fnatic", "Team Liquid", "Top Esports", "G2 Esports", "T1",
        "Bilibili Gaming", "PSG Talon"]
NATIONS = {"Gen.G": "KR", "T1": "KR", "Bilibili Gaming": "CN", "Top Esports": "CN",
           "Team Liquid": "US"}  # the leagues' countries, for the flags only (not sourced);
# G2, Fnatic (EU clubs) and PSG Talon (PCS) get none

# (bracket, round, winner, loser, winner's games, loser's games) in the order played, as far
# as sourced: the upper round 1 one a day, 7-10 May [2]; upper round 2 and lower round 1 on
# 11-12 May (G2 v PSG Talon on 12 May [6], Bilibili Gaming v T1 on 12 May [15]; which
# of each day's two came first is not sourced); then one a day [9]. Every series a
# best-of-five [2]
SERIES = [
    ("winners", 1, "Gen.G", "Fnatic", 3, 0),  # 7 May [3]
    ("winners", 1, "Top Esports", "Team Liquid", 3, 0),  # 8 May [3]
    ("winners", 1, "T1", "G2 Esports", 3, 2),  # 9 May [5]
    ("winners", 1, "Bilibili Gaming", "PSG Talon", 3, 2),  # 10 May [5]
    ("winners", 2, "Gen.G", "Top Esports", 3, 2),  # 11 May? [7] (day not sourced)
    ("losers", 1, "Team Liquid", "Fnatic", 3, 1),  # 11 May? [3] [13] (day not sourced)
    ("losers", 1, "G2 Esports", "PSG Talon", 3, 0),  # 12 May [6]
    ("winners", 2, "Bilibili Gaming", "T1", 3, 1),  # 12 May [8] [15]
    ("losers", 2, "G2 Esports", "Top Esports", 3, 0),  # 14 May [9]
    ("losers", 2, "T1", "Team Liquid", 3, 1),  # 15 May [9]
    ("winners", 3, "Gen.G", "Bilibili Gaming", 3, 1),  # 16 May [9]
    ("losers", 3, "T1", "G2 Esports", 3, 0),  # 17 May [9] [12]
    ("losers", 4, "Bilibili Gaming", "T1", 3, 2),  # 18 May [10]
    ("grand_final", 1, "Gen.G", "Bilibili Gaming", 3, 1),  # 19 May [9] [11]
]

# who met whom in each lower round, as (team from the upper bracket, team from the lower
# bracket) where one dropped; lower round 1 as (top match's loser, bottom match's loser)
LOWER_PAIRINGS = {
    1: [("Fnatic", "Team Liquid"), ("G2 Esports", "PSG Talon")],  # [3] [5] [6]
    2: [("T1", "Team Liquid"), ("Top Esports", "G2 Esports")],  # crossed over [4] [5] [8] [13]
    3: [("T1", "G2 Esports")],  # [9]
    4: [("Bilibili Gaming", "T1")],  # the upper final's loser v lower round 3's winner [10]
}

# the final places: 1-2 [11], 3 [10], 4 [12]; 5-6 and 7-8 shared (see NOT SOURCED above)
PLACES = {"Gen.G": 1, "Bilibili Gaming": 2, "T1": 3, "G2 Esports": 4,
          "Top Esports": 5, "Team Liquid": 5, "Fnatic": 7, "PSG Talon": 7}
SHARED = {"Top Esports": (5, 6), "Team Liquid": (5, 6), "Fnatic": (7, 8), "PSG Talon": (7, 8)}
