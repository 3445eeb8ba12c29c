"""Evo 2024 (Las Vegas), TEKKEN 8: the Top 6 (Sunday 21 July 2024).

Plain data only (standard library, no imports).

Format [3]: a double elimination out of the whole bracket; sets first-to-2 (best of 3),
the Winners Final, Losers Final and Grand Final first-to-3 (best of 5). The Top 6 is the
bracket's last part: four players in the winners semifinals, two on the losers side, each
meeting a winners semifinal's loser. The service plays it with ``lower_start`` 2 (the last
two of the seeding start in lower round 1, each with a bye), ``best_of`` 3,
``best_of_by_round`` {"W3": 5, "L4": 5}, ``final_best_of`` 5 and a possible reset.

SOURCES (stored pages; excerpts, not whole pages)
 [1] Saiga NAK, '"Tekken 8" Champion Arslan Ash on Winning ...' (#EVO2024),
     https://saiganak.com/event/evo-2024-tk8-tournament-final - the six: KEISUKE, ATIF,
     Arslan Ash, Raef, NOBI, ULSAN; "In the first match, Japan's KEISUKE was up", "ATIF ...
     advanced in the winners bracket with a dominant victory, not giving up a single
     round"; "Raef (left), Ash (right)", Arslan Ash "won without dropping a single round";
     "KEISUKE reappeared on the losers' side. He had a close match, a full set with a full
     round, against ULSAN ... However, in the end, ULSAN's Dragunov" (the excerpt ends
     there).
 [1ja] the same report in Japanese, https://saiganak.com/ja/event/evo-2024-tk8-tournament-final
     - ULSAN beat KEISUKE ("しかし最後はULSAN選手のドラグノフが噛み合って圧倒! KEISUKE選手は
     ここで敗退"), and NOBI, "ルーザーズ側でTop6に勝ち上がった", beat Raef 2-0 ("みごと2-0で
     NOBI選手がルーザーズセミファイナルに進出").
 [2] Geo Super, "Arslan Ash claims fifth EVO Tekken 8 title in all-Pakistan final",
     https://www.geosuper.tv/latest/38103-arslan-ash-claims-fifth-evo-tekken-8-title-in-all-pakistan-final
     - "Arslan triumphed 3-1 in the winner's final. Subsequently, Atif faced Japanese
     competitor Nobi in the loser's final, overcoming him 3-0"; the grand final: "Atif
     took the first game ..., but Arslan equalised the scores. When Atif switched to FENG
     and equalised at 2-2 ...", then Arslan won.
 [3] esports.gg, "TEKKEN 8 at Evo Las Vegas 2024: schedule, streams, results and more",
     https://esports.gg/news/tekken-8/tekken-8-at-evo-las-vegas-2024-schedule-streams-results-and-more
     - "Double elimination", "Games per Set 2/3", "Games for Winners, Losers and Grand
     Finals 3/5"; "TEKKEN 8 Top 6", Sunday 21 July.
 [4] Gamereactor, "Arslan Ash is the Tekken 8 Evo 2024 champion",
     https://www.gamereactor.eu/arslan-ash-is-the-tekken-8-evo-2024-champion-1413123/ -
     "Arslan Ash managed to overcome Atif "Atif Butt" Ijaz in the grand finals".

WHAT FOLLOWS FROM THEM: the winners semifinals were KEISUKE v ATIF and Raef v Arslan Ash,
each 2-0 (no round dropped: no game) [1]; the Winners Final Arslan Ash 3-1 ATIF [2]; ULSAN
beat KEISUKE 2-1 in a losers quarterfinal ("a full set" of a first-to-2: three games, and
[1ja]: KEISUKE out); NOBI, the other losers-side player, beat Raef 2-0 in the other
losers quarterfinal [1ja] and ULSAN in the losers semifinal (he played the Losers Final
[2]); the grand final 3-2 to Arslan Ash (1-0 ATIF, 1-1, 2-2 after ATIF
"equalised", then Arslan Ash) [2], so no reset: the winners side's finalist won.
The places are the rounds the players went out in (no stored page gives the table):
1 Arslan Ash, 2 ATIF, 3 NOBI, 4 ULSAN, 5th KEISUKE and Raef.

STAND-INS:
* the losers side's order: not published; NOBI first, then ULSAN, is the order in which
  the service's crossover (the loser of the first winners semifinal meets the second
  losers-side player) pairs the losers quarterfinals as played (with ULSAN first it would
  pair KEISUKE with NOBI; the two orders are one swap, so this checks that the
  crossover can be played, not which one the event's bracket drew);
* the score of NOBI v ULSAN: None below, played as 2-0 and not compared.
"""

# the winners semifinals in the order [1] shows them, each pair as it was played
UPPER = ["KEISUKE", "ATIF", "Raef", "Arslan Ash"]
LOWER = ["NOBI", "ULSAN"]  # the order is a stand-in (see above)
NATIONS = {"KEISUKE": "JP", "ATIF": "PK", "Raef": "SA", "Arslan Ash": "PK", "NOBI": "JP",
           "ULSAN": "KR"}
SETTINGS = {"best_of": 3, "best_of_by_round": {"W3": 5, "L4": 5}, "final_best_of": 5,
            "grand_final": "reset", "lower_start": 2}

# (bracket, round, winner, loser, score or None) in order of play; lower round 1 is the
# two byes, decided when the stage starts
SERIES = [
    ("winners", 2, "ATIF", "KEISUKE", (2, 0)),  # [1]
    ("winners", 2, "Arslan Ash", "Raef", (2, 0)),  # [1]
    ("losers", 2, "NOBI", "Raef", (2, 0)),  # [1ja]
    ("losers", 2, "ULSAN", "KEISUKE", (2, 1)),  # [1] [1ja]
    ("winners", 3, "Arslan Ash", "ATIF", (3, 1)),  # [2]
    ("losers", 3, "NOBI", "ULSAN", None),  # follows from [2]
    ("losers", 4, "ATIF", "NOBI", (3, 0)),  # [2]
    ("grand_final", 1, "Arslan Ash", "ATIF", (3, 2)),  # [2] [4]
]
RESET = False

# the losers bracket as played from round 2 (round 1 is the two byes): (dropped from the
# winners semifinals, losers-side player), then (winner, winner), then the Losers Final
LOWER_PAIRINGS = {
    2: [("Raef", "NOBI"), ("KEISUKE", "ULSAN")],
    3: [("NOBI", "ULSAN")],
    4: [("ATIF", "NOBI")],
}

PLACES = {"Arslan Ash": (1, 1), "ATIF": (2, 2), "NOBI": (3, 3), "ULSAN": (4, 4),
          "KEISUKE": (5, 6), "Raef": (5, 6)}
