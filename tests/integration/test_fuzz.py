"""Schemathesis (tests/fuzz_support.py) against a real server, on SQLite and PostgreSQL:
no 5xx, every answer as the schema says, no schema-valid request refused. The long run
is tests/slow/test_fuzz_long.py (60 examples an operation, another seed); this one keeps
15 (it was 25: three minutes of a fifteen-minute suite on a loaded machine, for inputs the
long run draws anyway)."""

from __future__ import annotations

import pytest

from tests.fuzz_support import fuzz


@pytest.mark.long(35)
def test_api_fuzz(db_url, server_factory):
    fuzz(server_factory(db_url).url, examples=15)
