"""The long schemathesis run (tests/fuzz_support.py): more examples per operation than the
short run in tests/integration/test_fuzz.py, drawn from another fixed seed so that they are
other inputs (the short run is derandomized; both are the same on every run)."""

from __future__ import annotations

import pytest

from tests.fuzz_support import fuzz

pytestmark = pytest.mark.slow
SEED = 20261128


def test_api_fuzz_long(db_url, server_factory):
    fuzz(server_factory(db_url).url, examples=100, seed=SEED)
