"""Asian Games 2022 (Hangzhou, played 25-29 September 2023): League of Legends, a medal event.

Plain data only (standard library, no imports).

Format: fifteen national teams. The four winners of the regional "Road to Asian Games"
qualifiers (China, Saudi Arabia, Malaysia, India) went straight to the quarterfinals; the
other eleven were drawn into four groups (three of three, one of two), a single round robin
of best-of-ones, and only each group's winner went through [1] [2] [3] [9]. The
quarterfinal pairings were fixed at the draw: Group A's winner v Saudi Arabia, Group B's v
India, Group C's v Malaysia, Group D's v China [1] [4] [5]; Korea (Group A) and China were on
one side of the bracket, to meet in a semifinal [5] [6]. From the quarterfinals on, every
series a best-of-three, single elimination, with a bronze medal match between the
semifinal losers [1] [2] [7] [8].

SOURCES (stored public pages, read via the search tool)
 [1] https://hankyung.com/article/202309221422Y (Yonhap, 22 Sep 2023) - the groups: Korea,
     Hong Kong, Kazakhstan in A; "B조는 일본·베트남·팔레스타인이, C조에는 대만·아랍에미리트·
     몰디브가, D조에는 태국·마카오가"; single games, the group's 1st goes through; best of
     three from the quarterfinals; Group A's 1st meets Saudi Arabia; China meets Group D's 1st.
 [2] https://www.inven.co.kr/webzine/news/?iskin=webzine&news=288835&query=next - the same
     groups; Saudi Arabia, China, Malaysia and India in the quarterfinals from the start
     (the regional winners); "8강부터는 모두 3판 2선으로".
 [3] https://dark.namu.moe/w/2022 항저우 아시안 게임/e스포츠/리그 오브 레전드/A조 (namu.wiki,
     CC BY-NC-SA 2.0 KR) - Group A's table: 대한민국 2-0, 홍콩 1-1, 카자흐스탄 0-2; its games in
     order: 대한민국 vs 홍콩, 카자흐스탄 vs 홍콩, 카자흐스탄 vs 대한민국; "단판제 싱글 라운드 로빈".
 [4] https://gameriv.com/south-korea-vietnam-knockouts-stage-asian-games-2022/ - Korea beat
     Hong Kong and Kazakhstan, Vietnam beat Japan and Palestine; "South Korea will face Saudi
     Arabia", "Vietnam will face India".
 [5] https://www.dexerto.com/league-of-legends/lol-fans-denied-dream-south-korea-vs-china-asian-games-final-2305077/
     - the direct berths; one team out of each group; Korea, if it wins Group A, "will be
     placed on the same side of the bracket as China".
 [6] https://afkgaming.com/esports/news/lol-asian-games-2022-south-korea-vs-china-head-to-head-results-more
     - "Saudi Arabia [0] vs Korea [2]", "China [2] vs Macau [0]" (27 Sep); Korea beat China
     2-0 in the semifinal (28 Sep).
 [7] https://www.dexerto.com/league-of-legends/2022-asian-games-scores-schedule-teams-stream-2219343/
     - Korea gold "after beating Taiwan 2-0 in the grand final"; China bronze, "beating
     Vietnam 2-1".
 [8] https://news.zum.com/articles/85965451 (SPOTV News) - the group days: Japan beat
     Palestine first, Vietnam beat Japan, then Palestine; Chinese Taipei beat the United Arab
     Emirates, then the Maldives.
 [9] https://www.sportskeeda.com/esports/league-legends-asian-games-2023-group-stage-recap-south-korea-vietnam-chinese-taipei-dominate
     - Korea, Vietnam, Chinese Taipei and Macau through; "Macau surprisingly came out on top
     against Thailand" (Group D's one game).
 [10] https://jantaserishta.com/amp/sports/asian-games-e-sport-indian-league-of-legends-team-out-in-quarters-2852767
     - India lost its quarterfinal to Vietnam 0-2.
 [11] http://cryer.org.uk/Esports_at_the_2022_Asian_Games_%e2%80%93_League_of_Legends (a copy
     of Wikipedia's "Esports at the 2022 Asian Games – League of Legends", CC BY-SA 4.0; its
     flag templates, so its team names, were lost in the copy) - the quarterfinal scores
     "0–2 KOR", "0–2 CHN", "0–2 TPE", "2–0 VIE"; the semifinals "2–0 KOR", "2–0 TPE"; gold
     KOR, silver TPE, bronze CHN.
 [12] https://d.mir.pe/wiki/2022 항저우 아시안 게임/e스포츠/리그 오브 레전드/결승전 (a namu.wiki
     mirror) - every knockout match but the bronze medal match ended 2-0; the final, Korea v
     Chinese Taipei, two games.
 [13] https://www.olypgraph.com/항저우-아시안게임-배그-아쉽다-한국-e스포츠-종목/ - Korea "5승 0패", a
     title without dropping a game ("무실 세트 전승"); Chinese Taipei "4승 1패".

STAND-INS AND GAPS
 - The third game of Group C, United Arab Emirates v Maldives: no stored page gives its
   winner ([8] is cut off before it, [11] lost the names). It is played here as a win for
   the United Arab Emirates, a STAND-IN: it decides only Group C's 2nd and 3rd (Chinese
   Taipei won both its games [8] [9]), and the test asserts neither.
 - Malaysia v Chinese Taipei: [11] gives "0–2 TPE" and [12] that every knockout match but the
   bronze one ended 2-0; Chinese Taipei's opponent is Malaysia by the fixed pairing (C1 v
   Malaysia [2]; [1] [4] [5] give the other three).
 - The order of the seeding list below is ours: the groups are as drawn [1], but a draw has
   no seeds; the list is ordered so our snake seeding (A B C D D C B A A B C) makes those
   groups.
 - No source read here ranks the teams out in the quarterfinals (5th-8th) or the group
   stage; the test asserts the service's shared places for them and says so.
 - [10] quotes an Indian federation release that the medal matches were best-of-five; the
   bronze match ended 2-1 [7] and the final 2-0 in two games [12], so both were best of three.
"""

# team -> ISO 3166-1 code (the flags; Chinese Taipei is TW)
NATIONS = {
    "South Korea": "KR", "Hong Kong": "HK", "Kazakhstan": "KZ",
    "Vietnam": "VN", "Japan": "JP", "Palestine": "PS",
    "Chinese Taipei": "TW", "United Arab Emirates": "AE", "Maldives": "MV",
    "Macau": "MO", "Thailand": "TH",
    "China": "CN", "Saudi Arabia": "SA", "Malaysia": "MY", "India": "IN",
}

# the groups as drawn [1] [2]
GROUPS = {
    "A": ["South Korea", "Hong Kong", "Kazakhstan"],
    "B": ["Vietnam", "Japan", "Palestine"],
    "C": ["Chinese Taipei", "United Arab Emirates", "Maldives"],
    "D": ["Macau", "Thailand"],
}
# the group stage's seeding list (ours, see STAND-INS): snake seeding into four groups puts
# positions 1, 8, 9 in A; 2, 7, 10 in B; 3, 6, 11 in C; 4, 5 in D
GROUP_SEEDING = ["South Korea", "Vietnam", "Chinese Taipei", "Macau", "Thailand",
                 "United Arab Emirates", "Japan", "Hong Kong", "Kazakhstan", "Palestine",
                 "Maldives"]

# (group, winner, loser) in the order played, each a best-of-one (1-0)
GROUP_GAMES = [
    ("A", "South Korea", "Hong Kong"),  # 25 Sep [3] [4]
    ("A", "Hong Kong", "Kazakhstan"),  # 25 Sep [3] (Hong Kong 1-1, Kazakhstan 0-2)
    ("A", "South Korea", "Kazakhstan"),  # 25 Sep [3] [4]
    ("B", "Japan", "Palestine"),  # 25 Sep [8]
    ("B", "Vietnam", "Japan"),  # 25 Sep [4] [8]
    ("B", "Vietnam", "Palestine"),  # 25 Sep [4] [8]
    ("C", "Chinese Taipei", "United Arab Emirates"),  # 26 Sep [8] [9]
    ("C", "Chinese Taipei", "Maldives"),  # 26 Sep [8] [9]
    ("C", "United Arab Emirates", "Maldives"),  # 26 Sep: STAND-IN, winner not sourced
    ("D", "Macau", "Thailand"),  # 26 Sep [9]
]
STAND_IN_GAMES = {("United Arab Emirates", "Maldives")}

# each group's table as published, (team, wins, losses) best first; Group C only its winner
GROUP_TABLES = {
    "A": [("South Korea", 2, 0), ("Hong Kong", 1, 1), ("Kazakhstan", 0, 2)],  # [3]
    "B": [("Vietnam", 2, 0), ("Japan", 1, 1), ("Palestine", 0, 2)],  # [4] [8]
    "C": [("Chinese Taipei", 2, 0)],  # [8] [9]; 2nd and 3rd not sourced
    "D": [("Macau", 1, 0), ("Thailand", 0, 1)],  # [9]
}

# the bracket top to bottom (slots 1 v 2, 3 v 4, ...): A1 v Saudi Arabia and D1 v China on
# one side [1] [5] [6], C1 v Malaysia and B1 v India on the other [2] [4]
BRACKET = ["South Korea", "Saudi Arabia", "China", "Macau",
           "Chinese Taipei", "Malaysia", "Vietnam", "India"]

# (round, winner, loser, winner's games, loser's games), every series a best of three
SERIES = [
    ("quarterfinal", "South Korea", "Saudi Arabia", 2, 0),  # 27 Sep [6] [11]
    ("quarterfinal", "China", "Macau", 2, 0),  # 27 Sep [6] [11]
    ("quarterfinal", "Chinese Taipei", "Malaysia", 2, 0),  # 27 Sep [11] [12]
    ("quarterfinal", "Vietnam", "India", 2, 0),  # 27 Sep [4] [10] [11]
    ("semifinal", "South Korea", "China", 2, 0),  # 28 Sep [6]
    ("semifinal", "Chinese Taipei", "Vietnam", 2, 0),  # 28 Sep [11] [12]
    ("bronze", "China", "Vietnam", 2, 1),  # 29 Sep [7]
    ("gold", "South Korea", "Chinese Taipei", 2, 0),  # 29 Sep [7] [12]
]

# medals [7] [11] and 4th (the bronze match's loser); 5th-8th shared (not sourced: see above)
MEDALS = {"South Korea": 1, "Chinese Taipei": 2, "China": 3, "Vietnam": 4}
OUT_IN_QUARTERFINALS = ["Saudi Arabia", "Macau", "Malaysia", "India"]
# matches won-lost over the event [13] (its "3승 2패" for China fits neither China's matches,
# 2-1, nor its games, 4-3, so it is left out)
RECORDS = {"South Korea": (5, 0), "Chinese Taipei": (4, 1)}
