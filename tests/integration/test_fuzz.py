"""Schemathesis (tests/fuzz_support.py) against a real server, on SQLite and PostgreSQL:
no 5xx, every answer as the schema says, no schema-valid request refused. The long run
is tests/slow/test_fuzz_long.py."""

from __future__ import annotations

from tests.fuzz_support import fuzz


def test_api_fuzz(db_url, server_factory):
    fuzz(server_factory(db_url).url, examples=25)
