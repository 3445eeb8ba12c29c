"""The long schemathesis run (tests/fuzz_support.py): many more examples per operation."""

from __future__ import annotations

import pytest

from tests.fuzz_support import fuzz

pytestmark = pytest.mark.slow


def test_api_fuzz_long(db_url, server_factory):
    fuzz(server_factory(db_url).url, examples=250)
