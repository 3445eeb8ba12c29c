"""``python -m tests.light_hash_server`` takes uvicorn's arguments and runs uvicorn for
the tests' real servers (``conftest.Server``), with passwords hashed by argon2id at its
least cost, as in the in-process apps (``conftest.PRODUCTION_HASHER`` says why): the
browser tests sign in dozens of people, each hash and check 1-2 s of a loaded machine.
Everything else is the service as ``python -m uvicorn tournament.asgi:app`` serves it."""

from __future__ import annotations

import sys

from argon2 import PasswordHasher
from uvicorn.main import main

from tournament.services import passwords

# at import, so that a process uvicorn spawns (which imports this module again) has it too
passwords.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

if __name__ == "__main__":
    sys.exit(main())
