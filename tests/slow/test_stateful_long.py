"""The stateful test of ``tests/integration/test_stateful.py`` with many more and longer
runs, on SQLite and PostgreSQL: minutes, so only when asked
(``TOURNAMENT_TEST_LONG=1 python -m pytest tests/slow/test_stateful_long.py``); the default
run has the bounded one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.stateful_support import AppRunner, StageRun

pytestmark = pytest.mark.slow  # collected only with TOURNAMENT_TEST_LONG=1 (tests/conftest.py)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def runner(request: pytest.FixtureRequest) -> Iterator[AppRunner]:
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    app = AppRunner(str(url))
    yield app
    app.close()


def test_stored_stages_equal_a_replay_from_scratch_long(runner: AppRunner) -> None:
    StageRun.runner = runner
    run = StageRun.TestCase
    run.settings = settings(max_examples=300, stateful_step_count=60, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow,
                                                   HealthCheck.filter_too_much])
    run().runTest()
