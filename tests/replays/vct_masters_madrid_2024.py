"""VALORANT Champions Tour 2024: Masters Madrid - Playoffs (21-24 March 2024).

Plain data only (standard library, no imports).

Format: the four teams out of the Swiss stage play a double elimination. Upper semifinals,
upper final and lower semifinal are best-of-three; the lower final and the grand final are
best-of-five; the grand final is one series (no bracket reset). The upper semifinals were
the two first seeds against the other two: Gen.G v Paper Rex, Sentinels v LOUD.

SOURCES (stored public pages, read via the search tool)
 [1] https://siege.gg/news/vct-masters-madrid-playoffs-day-1-roundup-geng-esports-take-down-paper-rex-narrow-sentinels-victory-over-loud
     - "Gen.G Esports 2-0 Paper Rex (13-8 Split, 13-9 Lotus)"; "Sentinels 2-1 LOUD (13-4 Split,
       12-14 Icebox, 14-12 Sunset)"; "the Upper Bracket Semifinals ... a double-elimination bracket".
 [2] https://www.vlr.gg/320349/gen-g-defeat-sentinels-to-secure-spot-at-grand-finals
     - "Gen.G ... defeating Sentinels 2-1 in the upper bracket final".
 [3] https://www.vlr.gg/320536/paper-rex-send-loud-home-2-0 - "Paper Rex ... defeated LOUD ... 2-0
     ... in the Masters Madrid lower bracket semi-finals"; "LOUD has been eliminated from the event
     with a fourth-place finish".
 [4] https://esports.gg/news/valorant/sentinels-vs-paper-rex-vct-masters-madrid-lower-final-live-scores-and-highlights/
     - "Lower Final: SEN goes 3:1"; "this is a best-of-five series"; Lotus 14:12, Ascent 13:6,
       Split 5:13, Sunset 13:3.
 [5] https://gameriv.com/sentinels-defeats-gen-g-with-a-3-2-score-and-wins-vct-2024-masters-madrid/
     - "The final score between the two teams was 3-2 in favor of Sentinels ... the best-of-5
       match format"; Gen.G was "the upper-bracket team".
 [6] https://www.dexerto.com/valorant/vct-masters-madrid-schedule-format-tickets-teams-more-2467151/
     - "Sentinels defeated Gen.G in the Grand Finals 3-2"; Sentinels lost the upper final to Gen.G
       2-1 and "rallied against Paper Rex" in the lower bracket final.
"""

# seed order as the bracket drew them: 1 v 4 and 2 v 3
SEEDS = ["Gen.G", "Sentinels", "LOUD", "Paper Rex"]
NATIONS = {"Gen.G": "KR", "Sentinels": "US", "LOUD": "BR", "Paper Rex": "SG"}

# (bracket, round, winner, loser, winner's maps, loser's maps, best-of) in the order played
SERIES = [
    ("winners", 1, "Gen.G", "Paper Rex", 2, 0, 3),  # [1]
    ("winners", 1, "Sentinels", "LOUD", 2, 1, 3),  # [1]
    ("winners", 2, "Gen.G", "Sentinels", 2, 1, 3),  # [2]
    ("losers", 1, "Paper Rex", "LOUD", 2, 0, 3),  # [3]
    ("losers", 2, "Sentinels", "Paper Rex", 3, 1, 5),  # [4]
    ("grand_final", 1, "Sentinels", "Gen.G", 3, 2, 5),  # [5] [6]
]

# the event's final places [3] [5] [6]
PLACES = {"Sentinels": 1, "Gen.G": 2, "Paper Rex": 3, "LOUD": 4}
