"""VALORANT Champions 2024 (Seoul, 1-11 August 2024): Group Stage, Groups B and C.

Plain data only (standard library, no imports).

Format: four GSL (dual tournament, double-elimination) groups of four, every match a best of
three; the top two of each group go through to the playoffs [1] [2]. A group: two opening
matches, the winners' match (its winner is 1st), the elimination match (its loser 4th),
the decider (winner 2nd, loser 3rd). Only Groups B and C are replayed: their results are
in the stored sources below; Groups A and D could not be completed from them.

The draw paired the opening matches Gen.G v Sentinels and FunPlus Phoenix v Team Heretics
(Group B), Leviatán v Talon Esports and Team Vitality v Trace Esports (Group C) [3].

SOURCES (stored public pages, read via the search tool)
 [1] https://www.sportskeeda.com/valorant/valorant-champions-2024-teams-schedule-live-results
     - "four groups following a GSL format. All matches in the Group Stage are best-of-threes
       and the top two teams from each group will advance to the Playoffs Stage".
 [2] https://pr3606.rivalry.sh/news/valorant-champions-2024-schedule-teams-standings
     - "four double-elimination (GSL) groups of four teams in each"; "All matches in the
       Group Stage are Bo3"; "The top two teams from each group advance to the Playoffs".
 [3] http://bongrotvnews.org/esports/boc-tham-valorant-champions-2024-g2-esports-doi-dau-paper-rex-geng-dai-chien-sentinels-4390112407.html
     - the draw: "Bảng B: GenG - Sentinels, FunPlus Phoenix - Team Heretics; Bảng C: Leviatan -
       Talon Esports, Team Vitality - Trace Esports".
 [4] https://vip-preprod.dotesports.com/valorant/news/vct-champions-kicks-off-with-a-spectacular-marathon-and-a-long-awaited-revenge
     - "Gen.G ... dominated Sentinels in a decisive 2-0 victory"; Team Heretics won Abyss,
       FPX "bounced back on Bind", "The decider map, Split ... TH prevailed" (2-1); TH meet
       Gen.G next "with a spot in the upper bracket" at stake.
 [5] https://bo3.gg/de/valorant/news/funplus-phoenix-is-the-first-team-to-leave-valorant-champions-2024
     - elimination match of Group B: Sentinels beat FunPlus Phoenix 13:8 (Bind) and 13:5
       (Lotus); FPX are out; Sentinels play Gen.G in the decider on 10 August.
 [6] https://geekpopnews.com.br/champions-seoul-trace-esports-e-g2-avancam-aos-playoffs
     - "Trace Esports 2 x 1 Leviatán" (13-10 Bind, 9-13 Sunset, 13-5 Ascent), Trace go to the
       playoffs; "Trace Esports e G2 Esports se juntam a DRX e Team Heretics nos playoffs"
       (Team Heretics won Group B's winners' match); Leviatán and Gen.G play deciders.
 [7] https://www.esports.net/br/?p=23836
     - Group C's opening day: "Leviatán e Trace Esports sendo as grandes vitoriosas do dia"
       (Trace beat Team Vitality); "A Leviatán conseguiu a sua vitória por 2-0" over Talon.
 [8] https://vlr.gg/387405/team-vitality-sweep-eliminate-talon-esports
     - elimination match of Group C: Team Vitality beat Talon Esports 2-0 (13-6 Lotus,
       13-8 Sunset).
 [9] https://fayerwayer.com/entretenimiento/2024/08/24/estos-son-los-ultimos-3-equipos-con-vida-en-el-mundial-de-valorant/?outputType=amp
     - in the playoffs' last days Leviatán meet EDG and Sentinels meet Team Heretics: so
       Sentinels won Group B's decider against Gen.G and Leviatán Group C's decider against
       Team Vitality (the only way each could reach the playoffs after [5], [6], [8]).
 [10] https://www.kmib.co.kr/article/view_amp.asp?arcid=0020375704
     - "그룹 스테이지 B조 2경기에서 펀플러스 피닉스 ... 2대 1로 이겼다" (Team Heretics, Group B's
       second opening match); "6일 젠지와 플레이오프 진출을 놓고 대결" (the winners' match: its
       winner goes to the playoffs).

Scores not given by these sources are None (the winner is sourced): the replay plays them
as the smallest winning score and checks nothing that depends on them.
"""

# Each group as drawn: its top seed first; the openings are 1 v 4 and 2 v 3 of the group.
GROUPS = {
    "B": ["Gen.G", "Team Heretics", "FunPlus Phoenix", "Sentinels"],
    "C": ["Leviatán", "Team Vitality", "Trace Esports", "Talon Esports"],
}
NATIONS = {"Gen.G": "KR", "Sentinels": "US", "FunPlus Phoenix": "CN", "Team Heretics": "ES",
           "Leviatán": "CL", "Talon Esports": "TH", "Team Vitality": "FR",
           "Trace Esports": "CN"}

# (group, bracket, round, winner, loser, winner's maps, loser's maps), each group's matches in
# the order played; maps None where the sources name the winner alone
SERIES = [
    ("B", "winners", 1, "Gen.G", "Sentinels", 2, 0),  # [4]
    ("B", "winners", 1, "Team Heretics", "FunPlus Phoenix", 2, 1),  # [4]
    ("C", "winners", 1, "Leviatán", "Talon Esports", 2, 0),  # [7]
    ("C", "winners", 1, "Trace Esports", "Team Vitality", None, None),  # [7]
    ("B", "winners", 2, "Team Heretics", "Gen.G", None, None),  # [6]
    ("C", "winners", 2, "Trace Esports", "Leviatán", 2, 1),  # [6]
    ("B", "losers", 1, "Sentinels", "FunPlus Phoenix", 2, 0),  # [5]
    ("C", "losers", 1, "Team Vitality", "Talon Esports", 2, 0),  # [8]
    ("B", "losers", 2, "Sentinels", "Gen.G", None, None),  # [5] [9]
    ("C", "losers", 2, "Leviatán", "Team Vitality", None, None),  # [8] [9]
]

# each group's final places: winners' match winner 1st, decider winner 2nd (both advance),
# decider loser 3rd, elimination match loser 4th
PLACES = {
    "B": ["Team Heretics", "Sentinels", "Gen.G", "FunPlus Phoenix"],
    "C": ["Trace Esports", "Leviatán", "Team Vitality", "Talon Esports"],
}
ADVANCE = {"Team Heretics", "Sentinels", "Trace Esports", "Leviatán"}

# each round of a group as the sources name its series: "the tournament's opening match"
# (Gen.G v Sentinels [4], and Group B's "2경기" [10]), the match for the playoffs between the
# openers' winners [10], "Das Ausscheidungsspiel in der Gruppe B" (Sentinels v FunPlus
# Phoenix [5]) and "das entscheidende Spiel" after it (Sentinels v Gen.G [5]): the service's
# GSL names, in English and Korean (GSL's 승자전, 패자전, 최종전)
ROUND_NAMES = {
    ("winners", 1): {"en": "Opening match %d", "ko": "%d경기"},  # by OPENER below
    ("winners", 2): {"en": "Winners' match", "ko": "승자전"},
    ("losers", 1): {"en": "Elimination match", "ko": "패자전"},
    ("losers", 2): {"en": "Decider match", "ko": "최종전"},
}
# each opening match's number in its group (1 v 4 first, then 2 v 3): [10] calls Team
# Heretics v FunPlus Phoenix "B조 2경기", Group B's second match
OPENER = {("Gen.G", "Sentinels"): 1, ("Team Heretics", "FunPlus Phoenix"): 2,
          ("Leviatán", "Talon Esports"): 1, ("Trace Esports", "Team Vitality"): 2}
