"""Domain errors: what a user can fix, with a code, a message and the offending field.

Raised by services (and by ``formats`` as ``FormatError``); turned into HTTP answers only
in ``web/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class DomainError(Exception):
    status = 422

    def __init__(self, code: str, message: str, field: str | None = None,
                 extra: dict[str, Any] | None = None,
                 params: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.extra = extra or {}
        self.params = params or {}  # what a translated message needs (M numbers, limits)

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.field:
            error["field"] = self.field
        if self.params:
            error["params"] = self.params
        return {"error": error, **self.extra}


@dataclass(frozen=True)
class FieldReason:
    """Which field the API's schema refused and pydantic's reason for it (its error type,
    ``missing``): what only the translated message needs, and the body does not carry."""

    field: str
    reason: str


class InvalidInput(DomainError):
    status = 422

    def __init__(self, code: str, message: str, field: str | None = None,
                 extra: dict[str, Any] | None = None, params: dict[str, Any] | None = None,
                 said: FieldReason | None = None) -> None:
        super().__init__(code, message, field, extra, params)
        self.said = said


class BadRequest(DomainError):
    status = 400


class UnsupportedMediaType(DomainError):
    status = 415


class NotFound(DomainError):
    status = 404

    def __init__(self, what: str, ident: object, message: str | None = None) -> None:
        super().__init__("not_found", message or f"{what} {ident} does not exist.")
        self.what = what  # pages say which kind of thing, in the reader's language


def out_of_play(match_id: int) -> NotFound:
    """A match that exists but is not played (any more): a bracket reset no longer needed,
    a Swiss round withdrawn and paired again. No read shows it; its own answer says why."""
    return NotFound("OutOfPlay", match_id, f"Match {match_id} is not played: it was taken "
                    "out of play (a bracket reset no longer needed, or a Swiss round paired "
                    "again after a correction).")


class Conflict(DomainError):
    status = 409


class Unauthorized(DomainError):
    status = 401


class Forbidden(DomainError):
    status = 403


class TooManyRequests(DomainError):
    """Throttled: try again after ``retry_after`` seconds (the answer's ``Retry-After``)."""

    status = 429

    def __init__(self, code: str, message: str, retry_after: int) -> None:
        super().__init__(code, message, params={"retry_after": retry_after})
        self.retry_after = retry_after
