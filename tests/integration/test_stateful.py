"""The stateful test through the service (``tests/stateful_support.py``): random reports,
live scores, corrections, reopenings, forfeits and withdrawals over every format; after each
step the stored matches and standings equal a replay of the results from scratch. SQLite
always; PostgreSQL too under ``CI=true`` (or ``TOURNAMENT_TEST_STATEFUL_PG=1``). Bounded
to a few seconds per store here; ``tests/slow/test_stateful_long.py`` runs many more."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.stateful_support import AppRunner, StageRun

STORES = ["sqlite"] + (["postgresql"] if os.environ.get("CI") or os.environ.get(
    "TOURNAMENT_TEST_STATEFUL_PG") else [])


@pytest.fixture(scope="module", params=STORES)
def runner(request: pytest.FixtureRequest) -> Iterator[AppRunner]:
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    app = AppRunner(str(url))
    yield app
    app.close()


@pytest.mark.long(15)
def test_stored_stages_equal_a_replay_from_scratch(runner: AppRunner) -> None:
    StageRun.runner = runner
    run = StageRun.TestCase
    # PostgreSQL runs the same machine over another store: fewer examples there.
    examples = 25 if runner.db_url.startswith("sqlite") else 10
    run.settings = settings(max_examples=examples, stateful_step_count=30, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow,
                                                   HealthCheck.filter_too_much])
    run().runTest()
