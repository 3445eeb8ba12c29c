"""The long schemathesis run (tests/fuzz_support.py): more examples per operation than the
short run in tests/integration/test_fuzz.py, drawn from another fixed seed so that they are
other inputs (the short run is derandomized; both are the same on every run). On
PostgreSQL, the stricter of the two stores (it refuses a NUL in text, checks integer
ranges); the short run covers both."""

from __future__ import annotations

import pytest

from tests.fuzz_support import fuzz

pytestmark = pytest.mark.slow
SEED = 20261128


@pytest.mark.long(90)
def test_api_fuzz_long(postgres_url, server_factory):
    fuzz(server_factory(postgres_url).url, examples=60, seed=SEED)
