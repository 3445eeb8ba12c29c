"""EVO Japan 2019 (Fukuoka International Center, 17 February 2019), TEKKEN 7: the Top 8.

Plain data only (standard library, no imports).

The top 8 of a 512-player double elimination [1]: four players in the winners semifinals,
four on the losers side; sets first-to-2 (best of 3), the Winners Final, Losers Final and
Grand Final first-to-3 (best of 5; the scores below show it: 2-3, 3-2, 0-3 and 3-1 there,
2-0 in the losers semifinal). Arslan Ash, from the losers side, won the grand final 3-0
and the bracket reset 3-1 [1]. The service plays it with ``lower_start`` 4 (the last four
of the seeding start in lower round 1), ``best_of`` 3, ``best_of_by_round``
{"W3": 5, "L4": 5}, ``final_best_of`` 5 and ``grand_final`` "reset".

SOURCES
 [1] ABEMA TIMES, "EVO Japan 2019 ... 「鉄拳7」 ... Arslan Ash ... 優勝",
     https://times.abema.tv/articles/-/5737728?page=1 - "「鉄拳7」トーナメント(参加512人)の
     決勝トーナメントが2月17日に行われ"; every Top 8 set with its score, listed by round
     ("トップ8 Winner's: CherryBerryMango 2-0 Destiny, AK 2-1 jimmyjtran; Loser's:
     Arslan Ash 2-0 Book, SAINT 1-2 chikurin"; "トップ6 Loser's: Jimmyjtran 1-2 Arslan
     Ash, Destiny 1-2 chikurin"; "準決勝 Winner's: CherryBerryMango 2-3 AK; Loser's:
     Arslan Ash 2-0 chikurin"; "トップ3 Loser's: CherryBerryMango 2-3 Arslan Ash";
     "決勝: AK 0-3 Arslan Ash, Arslan Ash 3-1 AK"), and "3-0でリセットに成功"
     (the reset). It names AK's nation as the Philippines in the results and Korea in its
     first paragraph; AK is Filipino.

Every set, pairing and score below is read from [1]; nothing is a stand-in. The seeding
lists each side in the order [1] lists its sets (winners semifinals CherryBerryMango v
Destiny, then AK v jimmyjtran; losers round 1 Arslan Ash v Book, then SAINT v chikurin);
with it the service's automatic crossover (the loser of the second winners semifinal
meets the winner of the first losers round-1 set) pairs the losers quarterfinals exactly
as played: jimmyjtran v Arslan Ash and Destiny v chikurin. [1] gives no placement table;
the places are the rounds the players went out in, as an FGC top 8 places them:
1 Arslan Ash, 2 AK, 3 CherryBerryMango, 4 chikurin, 5th jimmyjtran and Destiny, 7th Book
and SAINT.
"""

UPPER = ["CherryBerryMango", "Destiny", "AK", "jimmyjtran"]
LOWER = ["Arslan Ash", "Book", "SAINT", "chikurin"]
NATIONS = {"CherryBerryMango": "KR", "Destiny": "KR", "AK": "PH", "jimmyjtran": "US",
           "Arslan Ash": "PK", "Book": "TH", "SAINT": "KR", "chikurin": "JP"}
SETTINGS = {"best_of": 3, "best_of_by_round": {"W3": 5, "L4": 5}, "final_best_of": 5,
            "grand_final": "reset", "lower_start": 4}

# (bracket, round, winner, loser, score) in the order [1] lists them
SERIES = [
    ("winners", 2, "CherryBerryMango", "Destiny", (2, 0)),
    ("winners", 2, "AK", "jimmyjtran", (2, 1)),
    ("losers", 1, "Arslan Ash", "Book", (2, 0)),
    ("losers", 1, "chikurin", "SAINT", (2, 1)),
    ("losers", 2, "Arslan Ash", "jimmyjtran", (2, 1)),
    ("losers", 2, "chikurin", "Destiny", (2, 1)),
    ("winners", 3, "AK", "CherryBerryMango", (3, 2)),
    ("losers", 3, "Arslan Ash", "chikurin", (2, 0)),
    ("losers", 4, "Arslan Ash", "CherryBerryMango", (3, 2)),
    ("grand_final", 1, "Arslan Ash", "AK", (3, 0)),
    ("grand_final", 2, "Arslan Ash", "AK", (3, 1)),
]
RESET = True

# the losers bracket as [1] pairs it: round 2 as (dropped from the winners semifinals,
# winner of losers round 1), top to bottom
LOWER_PAIRINGS = {
    1: [("Arslan Ash", "Book"), ("SAINT", "chikurin")],
    2: [("jimmyjtran", "Arslan Ash"), ("Destiny", "chikurin")],
    3: [("Arslan Ash", "chikurin")],
    4: [("CherryBerryMango", "Arslan Ash")],
}

PLACES = {"Arslan Ash": (1, 1), "AK": (2, 2), "CherryBerryMango": (3, 3), "chikurin": (4, 4),
          "jimmyjtran": (5, 6), "Destiny": (5, 6), "Book": (7, 8), "SAINT": (7, 8)}
