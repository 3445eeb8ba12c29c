"""RAW #23 (Rennes, France, 25 September 2024), Super Smash Bros. Ultimate, "Weekly 1v1":
a 32-player double elimination, every one of its 63 sets (the grand final's reset too),
published on start.gg and replayed here set by set.

Plain data only (standard library, no imports).

Format: one start.gg bracket of 32 entrants (no byes), seeded 1-32 by start.gg's standard
order (1 v 32, 16 v 17, 8 v 25 ... as the service's ``standard`` seeding), best-of-three
sets up to the top 8, best-of-five from the winners semifinals and lower round 5 on
(winners semifinals and final, lower rounds 5-8, the grand final and its reset: every set
there was won with three games, every other with two) [1].

Drops: start.gg drops the winners round-2 losers into lower round 2 ``reverse`` (the loser
of the last winners round-2 set meets the winner of the first lower round-1 set), the
quarterfinal losers into lower round 4 ``pair_flip`` (each pair swapped; ``reverse_half_shift``
is the same order for four), and crosses the semifinal losers over (``reverse``):
``drop_orders`` ["reverse", "pair_flip", "reverse"]. The service's automatic orders for 32
(``half_shift``, ``reverse``, ``reverse``) pair lower round 2 otherwise (``DEFAULT_LOWER``).
Of the 125 choices of the five orderings for the three drop rounds only these and those
naming the same orders at these sizes replay every set in its round.

Seed 2 lost a winners quarterfinal to seed 7, won five lower-bracket sets and the grand
final 3-0 over seed 1, who had come through the winners side, and the reset 3-1 [1].

SOURCES
 [1] tosakazu, "smash_database", https://github.com/tosakazu/smash_database, directory
     data/startgg/events/Europe/2024/09/25/RAW_#23/Weekly_1v1/ (commit
     6cf0be51edfc0dfab6fb78eca7698d4b1281df7a, read at 21aeb275993c937f5fab6bff7de9d5df0a730eb0):
     start.gg's own export of the event (start.gg event 1222958,
     https://www.start.gg/tournament/raw-23, 32 entrants): attr.json (name, place, 32
     entrants), seeds.json (seed 1-32 by start.gg user id), matches.json (every set: winner,
     loser, games each, start.gg round -10..6, each game with its own winner; no set was a
     DQ) and standings.json (the final placings 1, 2, 3, 4, 5, 5, 7, 7, 9 x4, 13 x4, 17 x8,
     25 x8).

NOT SOURCED HERE: the players' tags (the export names them by start.gg user id, and so do
these tables); the order of play, which is the sets' first games' ids (start.gg numbers
games as they are reported) and matters to nothing the replay checks. start.gg's round
numbers map to the service's: winners 1-5 as they are, losers -3..-10 to lower rounds 1-8,
round 6 to the grand final (its "Grand Final Reset" set to round 2).
"""

# start.gg user ids in seed order (seed 1 first)
SEEDS = [
    1295004, 454287, 676803, 680009, 1640681, 1029860, 1245192, 2104250,
    720378, 918819, 1668986, 597477, 670936, 1052061, 1747256, 2062640,
    678975, 2076658, 1075926, 2041635, 1736783, 2520976, 2245746, 816876,
    2063632, 1996402, 2263251, 1308045, 2547060, 2784699, 2784700, 2444840,
]
BEST_OF_BY_ROUND = {"W4": 5, "W5": 5, "L5": 5, "L6": 5, "L7": 5, "L8": 5}
DROP_ORDERS = ["reverse", "pair_flip", "reverse"]

# (bracket, round, winner, loser, winner's games, loser's games), in the order played [1]
SETS = [
    ("winners", 1, 678975, 2062640, 2, 0),  # Winners Round 1, seeds 17 v 16
    ("winners", 1, 2104250, 2063632, 2, 0),  # Winners Round 1, seeds 8 v 25
    ("winners", 1, 720378, 816876, 2, 0),  # Winners Round 1, seeds 9 v 24
    ("winners", 1, 1295004, 2444840, 2, 0),  # Winners Round 1, seeds 1 v 32
    ("winners", 1, 1245192, 1996402, 2, 0),  # Winners Round 1, seeds 7 v 26
    ("winners", 1, 454287, 2784700, 2, 0),  # Winners Round 1, seeds 2 v 31
    ("winners", 1, 1640681, 1308045, 2, 0),  # Winners Round 1, seeds 5 v 28
    ("winners", 1, 597477, 1736783, 2, 1),  # Winners Round 1, seeds 12 v 21
    ("winners", 1, 680009, 2547060, 2, 0),  # Winners Round 1, seeds 4 v 29
    ("winners", 1, 1668986, 2520976, 2, 0),  # Winners Round 1, seeds 11 v 22
    ("winners", 1, 1029860, 2263251, 2, 0),  # Winners Round 1, seeds 6 v 27
    ("winners", 1, 918819, 2245746, 2, 0),  # Winners Round 1, seeds 10 v 23
    ("winners", 1, 676803, 2784699, 2, 0),  # Winners Round 1, seeds 3 v 30
    ("winners", 1, 1052061, 1075926, 2, 0),  # Winners Round 1, seeds 14 v 19
    ("winners", 1, 670936, 2041635, 2, 0),  # Winners Round 1, seeds 13 v 20
    ("losers", 1, 2062640, 2444840, 2, 0),  # Losers Round 1, seeds 16 v 32
    ("losers", 1, 1736783, 1308045, 2, 0),  # Losers Round 1, seeds 21 v 28
    ("winners", 1, 1747256, 2076658, 2, 1),  # Winners Round 1, seeds 15 v 18
    ("winners", 2, 1640681, 597477, 2, 0),  # Winners Round 2, seeds 5 v 12
    ("losers", 1, 2063632, 816876, 2, 0),  # Losers Round 1, seeds 25 v 24
    ("winners", 2, 1295004, 678975, 2, 0),  # Winners Round 2, seeds 1 v 17
    ("losers", 1, 2263251, 2520976, 2, 0),  # Losers Round 1, seeds 27 v 22
    ("winners", 2, 680009, 670936, 2, 0),  # Winners Round 2, seeds 4 v 13
    ("losers", 1, 2041635, 2547060, 2, 0),  # Losers Round 1, seeds 20 v 29
    ("losers", 1, 2245746, 1996402, 2, 0),  # Losers Round 1, seeds 23 v 26
    ("winners", 2, 720378, 2104250, 2, 1),  # Winners Round 2, seeds 9 v 8
    ("losers", 1, 1075926, 2784699, 2, 0),  # Losers Round 1, seeds 19 v 30
    ("losers", 1, 2076658, 2784700, 2, 0),  # Losers Round 1, seeds 18 v 31
    ("winners", 2, 1245192, 918819, 2, 0),  # Winners Round 2, seeds 7 v 10
    ("winners", 2, 1668986, 1029860, 2, 0),  # Winners Round 2, seeds 11 v 6
    ("winners", 2, 454287, 1747256, 2, 1),  # Winners Round 2, seeds 2 v 15
    ("losers", 2, 2245746, 670936, 2, 0),  # Losers Round 2, seeds 23 v 13
    ("winners", 3, 1295004, 720378, 2, 0),  # Winners Quarter-Final, seeds 1 v 9
    ("losers", 2, 597477, 2076658, 2, 0),  # Losers Round 2, seeds 12 v 18
    ("losers", 2, 678975, 2263251, 2, 0),  # Losers Round 2, seeds 17 v 27
    ("winners", 2, 676803, 1052061, 2, 1),  # Winners Round 2, seeds 3 v 14
    ("losers", 2, 918819, 2041635, 2, 0),  # Losers Round 2, seeds 10 v 20
    ("losers", 2, 2104250, 1075926, 2, 1),  # Losers Round 2, seeds 8 v 19
    ("winners", 3, 1640681, 680009, 2, 1),  # Winners Quarter-Final, seeds 5 v 4
    ("losers", 2, 1029860, 2062640, 2, 0),  # Losers Round 2, seeds 6 v 16
    ("winners", 3, 676803, 1668986, 2, 0),  # Winners Quarter-Final, seeds 3 v 11
    ("losers", 2, 1747256, 1736783, 2, 0),  # Losers Round 2, seeds 15 v 21
    ("losers", 3, 597477, 2245746, 2, 0),  # Losers Round 3, seeds 12 v 23
    ("losers", 2, 1052061, 2063632, 2, 1),  # Losers Round 2, seeds 14 v 25
    ("winners", 3, 1245192, 454287, 2, 1),  # Winners Quarter-Final, seeds 7 v 2
    ("losers", 3, 678975, 2104250, 2, 1),  # Losers Round 3, seeds 17 v 8
    ("winners", 4, 1295004, 1640681, 3, 0),  # Winners Semi-Final, seeds 1 v 5
    ("losers", 3, 1029860, 1052061, 2, 0),  # Losers Round 3, seeds 6 v 14
    ("losers", 4, 1668986, 597477, 2, 1),  # Losers Round 4, seeds 11 v 12
    ("losers", 3, 918819, 1747256, 2, 1),  # Losers Round 3, seeds 10 v 15
    ("losers", 4, 454287, 678975, 2, 0),  # Losers Round 4, seeds 2 v 17
    ("winners", 4, 676803, 1245192, 3, 0),  # Winners Semi-Final, seeds 3 v 7
    ("losers", 4, 1029860, 680009, 2, 0),  # Losers Round 4, seeds 6 v 4
    ("losers", 5, 454287, 1668986, 3, 0),  # Losers Round 5, seeds 2 v 11
    ("losers", 4, 720378, 918819, 2, 1),  # Losers Round 4, seeds 9 v 10
    ("winners", 5, 1295004, 676803, 3, 2),  # Winners Final, seeds 1 v 3
    ("losers", 6, 454287, 1640681, 3, 0),  # Losers Quarter-Final, seeds 2 v 5
    ("losers", 5, 1029860, 720378, 3, 1),  # Losers Round 5, seeds 6 v 9
    ("losers", 6, 1029860, 1245192, 3, 2),  # Losers Quarter-Final, seeds 6 v 7
    ("losers", 7, 454287, 1029860, 3, 1),  # Losers Semi-Final, seeds 2 v 6
    ("losers", 8, 454287, 676803, 3, 2),  # Losers Final, seeds 2 v 3
    ("grand_final", 1, 454287, 1295004, 3, 0),  # Grand Final, seeds 2 v 1
    ("grand_final", 2, 454287, 1295004, 3, 1),  # Grand Final Reset, seeds 2 v 1
]

# each drop round's sets top to bottom, slot by slot (the dropping player first, the lower
# side's winner second), as the service pairs them with DROP_ORDERS; every one is a set of [1]
LOWER_PAIRINGS = {
    2: [(1029860, 2062640), (1052061, 2063632), (918819, 2041635), (1747256, 1736783),
        (597477, 2076658), (670936, 2245746), (2104250, 1075926), (678975, 2263251)],
    4: [(680009, 1029860), (720378, 918819), (1668986, 597477), (454287, 678975)],
    6: [(1245192, 1029860), (1640681, 454287)],
    8: [(676803, 454287)],
}

# lower round 2 as the service pairs it with its automatic drop orders, once winners rounds
# 1-2 and lower round 1 are played as above: none of these eight sets was played
DEFAULT_LOWER = (2, [(1747256, 2062640), (918819, 2063632), (1052061, 2041635),
                     (1029860, 1736783), (678975, 2076658), (2104250, 2245746),
                     (670936, 1075926), (597477, 2263251)])

# start.gg's final placings [1]; a shared place runs to the last of its players
PLACES = {
    454287: 1, 1295004: 2, 676803: 3, 1029860: 4, 1640681: 5, 1245192: 5, 720378: 7,
    1668986: 7, 678975: 9, 680009: 9, 597477: 9, 918819: 9, 2104250: 13, 1747256: 13,
    2245746: 13, 1052061: 13, 2062640: 17, 2063632: 17, 670936: 17, 2041635: 17, 1736783: 17,
    2076658: 17, 1075926: 17, 2263251: 17, 2444840: 25, 816876: 25, 2547060: 25, 1308045: 25,
    2784700: 25, 1996402: 25, 2784699: 25, 2520976: 25,
}
SHARED = {5: 6, 7: 8, 9: 12, 13: 16, 17: 24, 25: 32}
