"""Published results of real events, as plain data with their sources (each module's
docstring), replayed by tests/unit/test_replays.py and tests/integration/test_api_replays.py."""
