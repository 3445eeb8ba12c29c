"""League of Legends World Championship 2019 - Main Event group stage, Groups A and B.

Plain data only (standard library, no imports).

Format (all sources agree): 4 groups of 4, double round robin, every game best-of-one; top two of each group
advance to the knockout stage. Both groups below ended with a 2-way tie for FIRST place (5-1 / 4-2) between
teams that split their head-to-head 1-1, so a one-game TIEBREAKER decided 1st vs 2nd. Both tied teams
advanced either way (the tiebreaker decided seeding only). Games only; no tiebreaker between 3rd/4th.

GROUP A: G2 Esports, Griffin, Cloud9, Hong Kong Attitude. Griffin beat G2 in the tiebreaker -> 1st.
GROUP B: FunPlus Phoenix, Splyce, J Team, GAM Esports. FPX beat Splyce in the tiebreaker -> 1st.

SOURCES (stored public pages, read via the search tool; no official Riot/lolesports match list was reachable)
 Group A
  [A1] https://www.cstarleague.com/lol/news_articles/1060 - "Final Standings 1. Griffin (6-1) 2. G2 Esports (5-2)
       3. Cloud9 (2-4) 4. Hong Kong Attitude (0-6)" (records there INCLUDE the tiebreaker game for the top two).
  [A2] https://www.oneesports.gg/league-of-legends/everything-you-need-to-know-about-the-league-of-legends-world-championship-knockout-stage/
       - "Cloud9 ... losing 0-2 to both G2 and Griffin ... Hong Kong Attitude losing all of their games ...
       After splitting their series 1-1, G2 and Griffin played a tiebreaker ... Griffin walking away with the victory."
  [A3] https://happygamer.com/league-of-legends-world-championship-2019-group-stage-group-a-recap-the-overconfident-samurai-30219/
       - G2 3-0 after the first round robin; HKA "could not secure a single win"; Griffin beat G2 twice
       ("once to get a shot in the first place ... and the other one in the tiebreaker").
  [A4] https://www.gamelife.com/league-of-legends/griffin-dominates-group-a-wins-tiebreaker-for-1st-vs-g2-worlds-2019/
       - Griffin entered day 2 at 2-1 (only loss to G2), swept the second round robin, won tiebreaker for 1st.
  [A5] https://sickodds.com/news/lol-worlds-2019-recap-of-group-a - "1st place: GRIFFIN - 6-1", "2nd place: G2 - 5-2".
 Group B
  [B1] https://www.thegamer.com/funplus-phoenix-splyce-make-play-offs-league-of-legends-world-championship/
       - game-by-game narrative of both round robins for FPX and Splyce; FPX won the tiebreaker.
  [B2] https://gamelife.com/league-of-legends/funplus-phoenix-splyce-move-on-to-the-knockout-stage-at-the-worlds-2019/
       - after round robin 1: FPX 2-1, J Team 2-1, Splyce 1-2, GAM 1-2.
  [B3] https://www.oneesports.gg/jp/lol/lol-worlds-2019-group-b-highlights-and-results/ - Splyce 1-1 vs FPX and
       J Team, 2-0 vs GAM (4-2); FPX 1-1 vs J Team, 2-0 vs GAM (4-2); J Team split with GAM, 3-3, eliminated;
       FPX won the tiebreaker.
  [B4] https://us.millenium.gg/news/7410.html - day-5 (second round robin) recap: FPX beat GAM, lost to Splyce,
       beat J Team, then beat Splyce in the tiebreaker.
  [B5] https://win.gg/news/funplus-phoenix-splyce-advance-to-lol-worlds-2019-knockout-stage/ (Oct 17, 2019).
 Rules
  [R1] https://dotesports.com/league-of-legends/news/how-tiebreakers-work-2019-league-worlds (2019-10-04),
       a SECONDARY summary of the 2019 Worlds rules (quoted in TIEBREAK_RULES). The official Riot ruleset PDF was
       not found in the stored corpora; an archive is said to exist at lol.fandom.com
       ("Archive:Official_Rulebooks/Riot/...") but it could not be read here.

HOW EACH GAME WAS PINNED DOWN
  Group A: [A2]+[A3] give C9 0-4 vs G2/Griffin and HKA 0-6, so C9 beat HKA twice; [A3]+[A4] give round robin 1
  G2 3-0 / Griffin 2-1 (loss to G2) and round robin 2 Griffin 3-0 / G2 2-1 (loss to Griffin). Every game is thus
  fixed by at least two sources. The order of games inside a round robin (days) is NOT recorded here.
  Group B: [B1]+[B2]+[B3] fix every game: RR1 J Team beat FPX, FPX beat Splyce and GAM, Splyce beat GAM, J Team
  beat Splyce, GAM beat J Team; RR2 FPX beat GAM and J Team, Splyce beat FPX, J Team and GAM, J Team beat GAM.

CONFIDENCE: high for the winners and standings (3+ independent news sources each, internally consistent);
medium for the rule text (secondary paraphrase, not the official document).
"""

# (round_robin, winner, loser). Game order within a round robin is not asserted.
GROUP_A_TEAMS = ["G2 Esports", "Griffin", "Cloud9", "Hong Kong Attitude"]
GROUP_A_GAMES = [
    (1, "G2 Esports", "Griffin"),
    (1, "G2 Esports", "Cloud9"),
    (1, "G2 Esports", "Hong Kong Attitude"),
    (1, "Griffin", "Cloud9"),
    (1, "Griffin", "Hong Kong Attitude"),
    (1, "Cloud9", "Hong Kong Attitude"),
    (2, "Griffin", "G2 Esports"),
    (2, "Griffin", "Hong Kong Attitude"),
    (2, "Griffin", "Cloud9"),
    (2, "G2 Esports", "Cloud9"),
    (2, "G2 Esports", "Hong Kong Attitude"),
    (2, "Cloud9", "Hong Kong Attitude"),
]
# Standings after the 12 regular games (team, wins, losses), in order; the top two are tied and split 1-1.
GROUP_A_STANDINGS_BEFORE_TIEBREAKER = [
    ("G2 Esports", 5, 1),   # tied for 1st (listed first only alphabetically / by RR1; the tie is real)
    ("Griffin", 5, 1),      # tied for 1st
    ("Cloud9", 2, 4),
    ("Hong Kong Attitude", 0, 6),
]
GROUP_A_TIEBREAKERS = [
    # (purpose, winner, loser)
    ("1st place", "Griffin", "G2 Esports"),
]
# Final group standings: (place, team, regular-season W-L, W-L as published INCLUDING the tiebreaker, outcome)
GROUP_A_FINAL = [
    (1, "Griffin", "5-1", "6-1", "advanced as group winner (1st seed)"),
    (2, "G2 Esports", "5-1", "5-2", "advanced as runner-up (2nd seed)"),
    (3, "Cloud9", "2-4", "2-4", "eliminated"),
    (4, "Hong Kong Attitude", "0-6", "0-6", "eliminated"),
]

GROUP_B_TEAMS = ["FunPlus Phoenix", "J Team", "GAM Esports", "Splyce"]
GROUP_B_GAMES = [
    (1, "J Team", "FunPlus Phoenix"),
    (1, "FunPlus Phoenix", "Splyce"),
    (1, "FunPlus Phoenix", "GAM Esports"),
    (1, "Splyce", "GAM Esports"),
    (1, "J Team", "Splyce"),
    (1, "GAM Esports", "J Team"),
    (2, "FunPlus Phoenix", "GAM Esports"),
    (2, "Splyce", "FunPlus Phoenix"),
    (2, "FunPlus Phoenix", "J Team"),
    (2, "Splyce", "J Team"),
    (2, "Splyce", "GAM Esports"),
    (2, "J Team", "GAM Esports"),
]
GROUP_B_STANDINGS_BEFORE_TIEBREAKER = [
    ("FunPlus Phoenix", 4, 2),  # tied for 1st, 1-1 head-to-head with Splyce
    ("Splyce", 4, 2),           # tied for 1st
    ("J Team", 3, 3),
    ("GAM Esports", 1, 5),
]
GROUP_B_TIEBREAKERS = [
    ("1st place", "FunPlus Phoenix", "Splyce"),
]
GROUP_B_FINAL = [
    (1, "FunPlus Phoenix", "4-2", "5-2", "advanced as group winner (1st seed)"),
    (2, "Splyce", "4-2", "4-3", "advanced as runner-up (2nd seed)"),
    (3, "J Team", "3-3", "3-3", "eliminated"),
    (4, "GAM Esports", "1-5", "1-5", "eliminated"),
]

# Quoted from [R1] (dotesports, 2019-10-04), section "Group stage: Two-way tie" - a secondary summary.
TIEBREAK_RULES = {
    "when": "In the case of the play-in and group stages, tiebreaker games will be played immediately after "
            "the final match of that respective group.",
    "group_stage_two_way_tie": "If there are two teams tied after the group stage, the head-to-head record will "
            "be used as the first tiebreaker, similar to the play-in stage. If the two teams have an identical "
            "head-to-head record, though, and the teams are tied for first or second place, the teams will play "
            "one tiebreaker game to determine the overall standings of the group.",
    "play_in_three_way_tie_for_first": "The total amount of time each team took to win their games is calculated "
            "and the two teams with the highest total game victory time will play one tiebreaker game. The loser "
            "will be eliminated and the winner will play a single tiebreaker game against the team with the "
            "lowest game victory time. ... The winner of the second tiebreaker will then be declared the No. 1 "
            "seed of the group, with the loser taking the second seed.",
    "source": "https://dotesports.com/league-of-legends/news/how-tiebreakers-work-2019-league-worlds",
    "note": "Secondary source. Official Riot 2019 World Championship ruleset not available in the stored corpora. "
            "The group-stage three-way-tie paragraph of the article was cut off in the stored copy.",
}

# A 3-way tie resolved by tiebreaker games was NOT found/verified in the time available.
