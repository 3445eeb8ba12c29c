"""How big things may get: sizes a real event needs, with room to spare, and no more.

A 1,000-team round robin (499,500 matches) once took a server down for minutes; these
bounds keep every stage, report and page to work that finishes in about a second or less.
The README's "Limits" table lists them."""

from __future__ import annotations

MAX_ID = 2**31 - 1  # ids are 32-bit on PostgreSQL: anything larger cannot exist
MAX_BEST_OF = 99
MAX_GAME_POINTS = 9_999  # one game's score (rounds, goals, points)
MAX_TEAMS_PER_EVENT = 8_192
MAX_TEAMS_PER_STAGE = 8_192  # elimination brackets; the benchmark's double elimination
MAX_ROUND_ROBIN_GROUP = 64  # teams in one round robin group (2,016 matches a leg)
MAX_SWISS_TEAMS = 256  # pairing a round of 256 takes ~0.15 s (standard pairing)
MAX_MATCHES_PER_STAGE = 16_384  # an 8,192-team double elimination with a reset: 16,383
MAX_EVENTS_PER_TOURNAMENT = 100
MAX_STAGES_PER_EVENT = 50
SEED_QUALIFIERS = 64  # qualifiers per group for a stage seeded from another
