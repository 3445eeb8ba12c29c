"""FIFA World Cup Qatar 2022 - Group E and Group H (places decided by goal difference / goals scored).

Plain data only (standard library, no imports).

GROUP E: Spain and Germany finished level on 4 points; Spain 2nd on GOAL DIFFERENCE (+6 vs +1).
GROUP H: Korea Republic and Uruguay finished level on 4 points and goal difference 0; Korea Republic 2nd on
         GOALS SCORED (4 vs 2). (Their head-to-head was 0-0, so head-to-head would not have separated them.)

SOURCES (stored public pages, read via the search tool)
 Group E
  [E1] https://wikimili.com/en/2022_FIFA_World_Cup_Group_E (mirror of Wikipedia "2022 FIFA World Cup Group E"):
       standings table Pos/Team/Pld/W/D/L/GF/GA/GD/Pts.
  [E2] https://knowledge.clankeith.net/content/wikipedia_en_all_maxi_2023-04/A/2022_FIFA_World_Cup_Group_E
       (Wikipedia snapshot, 2023-04; same article; table header visible).
  [E3] https://www.latestly.com/sports/football/fifa-world-cup-2022-group-e-points-table-updated-live-check-qualification-status-team-standings-with-goal-difference-of-football-tournament-4498004.html
       - final table with identical numbers.
  [E4] https://pledgetimes.com/how-were-the-positions-of-group-e-of-the-world-cup-in-qatar-2022/ - results
       Spain 7-0 Costa Rica, Spain 1-1 Germany, Japan lost 0-1 to Costa Rica, Japan 2-1 Spain, Germany 4-2 Costa Rica,
       and the final table (pts/GD).
  [E5] https://saxafimedia.com/worldcup-qatar-2022-group-e-match-schedule-fixture/ - "Japan beat both European
       powers ... fell behind both times, but rebounded ... for a 2-1 win on each occasion"; Spain "edged out
       Germany on goal difference".
 Group H
  [H1] https://fd6268.com/?p=3918 - fixtures with scores and kick-off times, and table (P W D L GD Pts).
  [H2] https://m.wiki-indonesia.club/...Grup_H_Piala_Dunia_FIFA_2022 (Indonesian Wikipedia copy): table
       Portugal 3 2 0 1 6 4 +2 6 / Korea Selatan 3 1 1 1 4 4 0 4 / Uruguay 3 1 1 1 2 2 0 4 / Ghana 3 1 0 2 5 7 -2 3.
  [H3] https://saxafimedia.com/worldcup-qatar-2022-group-h-match-schedule-fixture - "advanced ahead of La Celeste
       on the goals-scored tiebreaker (4 goals vs. 2 goals for Uruguay)".
  [H4] https://sportstar.thehindu.com/football/fifa-world-cup/news/south-korea-uruguay-tiebreaker-fifa-world-cup-2022-group-h-round-of-16-qualification-goals-scored/article66216319.ece
  [H5] https://sportstar.thehindu.com/football/fifa-world-cup/news/fifa-world-cup-points-table-group-h-standings-portugal-vs-uruguay-ghana-vs-south-korea-qatar-2022/article66198901.ece
       (table after matchday 2: Portugal 2-0-0 5-2, Ghana 5-5, Korea 2-3, Uruguay 0-2 - consistent with the scores).
 Rule
  [R1] https://sportstar.thehindu.com/football/fifa-world-cup/faqs/teams-same-points-group-stage-tiebreak-rules-qatar-2022/article66185746.ece
       (2022-11-26), which quotes "the official rulebook of the FIFA World Cup 2022". The official FIFA
       "Regulations for the FIFA World Cup Qatar 2022" PDF itself was NOT available in the stored corpora.

DISAGREEMENTS FOUND IN SECONDARY SOURCES (recorded, not used)
  * [H4] lists Uruguay's third match as "Beat Ghana 2-1"; every other source (and the GF/GA totals of the
    table: Uruguay 2 GF, 2 GA) gives Ghana 0-2 Uruguay.
  * https://www.world-today-news.com/final-standings-for-group-h-... says Korea went through "on goal
    difference" - wrong: goal difference was equal (0); goals scored decided it ([H2], [H3], [H4]).
  * [E3] text calls Japan "Group C toppers" (typo for Group E); its table is correct.

CONFIDENCE: high - every score is consistent with the published GF/GA totals of both tables and appears in at
least two sources.
"""

# (date, home, home_goals, away_goals, away) - "home" = the team named first by FIFA/Wikipedia.
GROUP_E_MATCHES = [
    ("2022-11-23", "Germany", 1, 2, "Japan"),
    ("2022-11-23", "Spain", 7, 0, "Costa Rica"),
    ("2022-11-27", "Japan", 0, 1, "Costa Rica"),
    ("2022-11-27", "Spain", 1, 1, "Germany"),
    ("2022-12-01", "Japan", 2, 1, "Spain"),
    ("2022-12-01", "Costa Rica", 2, 4, "Germany"),
]
# Official final table as published ([E1], [E3]): (pos, team, P, W, D, L, GF, GA, GD, Pts, outcome)
GROUP_E_TABLE = [
    (1, "Japan", 3, 2, 0, 1, 4, 3, +1, 6, "advanced"),
    (2, "Spain", 3, 1, 1, 1, 9, 3, +6, 4, "advanced"),
    (3, "Germany", 3, 1, 1, 1, 6, 5, +1, 4, "eliminated"),
    (4, "Costa Rica", 3, 1, 0, 2, 3, 11, -8, 3, "eliminated"),
]
GROUP_E_DECIDING_CRITERION = ("Spain", "Germany", "goal difference in all group matches (+6 vs +1)")

GROUP_H_MATCHES = [
    ("2022-11-24", "Uruguay", 0, 0, "Korea Republic"),
    ("2022-11-24", "Portugal", 3, 2, "Ghana"),
    ("2022-11-28", "Korea Republic", 2, 3, "Ghana"),
    ("2022-11-28", "Portugal", 2, 0, "Uruguay"),
    ("2022-12-02", "Korea Republic", 2, 1, "Portugal"),
    ("2022-12-02", "Ghana", 0, 2, "Uruguay"),
]
GROUP_H_TABLE = [
    (1, "Portugal", 3, 2, 0, 1, 6, 4, +2, 6, "advanced"),
    (2, "Korea Republic", 3, 1, 1, 1, 4, 4, 0, 4, "advanced"),
    (3, "Uruguay", 3, 1, 1, 1, 2, 2, 0, 4, "eliminated"),
    (4, "Ghana", 3, 1, 0, 2, 5, 7, -2, 3, "eliminated"),
]
GROUP_H_DECIDING_CRITERION = ("Korea Republic", "Uruguay",
                              "goals scored in all group matches (4 vs 2); points and goal difference equal")

# Tie-break order as quoted by [R1] (Sportstar, "According to the official rulebook of the FIFA World Cup 2022"),
# applied after points (3 win / 1 draw / 0 loss).
TIEBREAK_ORDER = [
    "greatest number of points obtained in all group matches",   # (points; implicit first criterion)
    "superior goal difference in all group matches",
    "greatest number of goals scored in all group matches",
    "greatest number of points obtained in the group matches between the teams concerned",
    "superior goal difference resulting from the group matches between the teams concerned",
    "greatest number of goals scored in all group matches between the teams concerned",
    "highest team conduct (fair play) score: yellow card -1; indirect red card (two yellows) -3; "
    "direct red card -4; yellow card and direct red card -5",
    "drawing of lots by FIFA",
]
TIEBREAK_RULE_QUOTE = (
    "Only one of the above deductions shall be applied to a player in a single match. "
    "The team with the highest number of points shall be ranked highest."
)  # the fair-play sentence as quoted in [R1]
TIEBREAK_NOTES = (
    "The last item (drawing of lots) is not in the [R1] excerpt; it is stated in "
    "https://abcnewson.com/world-cup-sorting-rules-how-group-order-will-be-decided-in-qatar-futbol-on-fannation-sports-illustrated/ "
    "and https://pledgetimes.com/the-tiebreaker-rules-in-the-group-stage-of-the-world-cup-in-qatar-2022/. "
    "Unlike UEFA club competitions, head-to-head comes only AFTER overall goal difference and goals scored."
)

# No eFootball / FIFA-esports league table decided on goal difference was collected (time).
