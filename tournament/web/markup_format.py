"""The templates' ``format`` filter, safe for names drawn by macros.

A message is a plain string (``_()``); a team's or a stage's name drawn by a macro
(``team_name``, ``source_name``) is Markup, its ``&`` and ``<`` already escaped. Jinja's own
filter formats the message as a plain string, so the escaped name became part of a plain
string and was escaped again on output: a stage named "Groups & B" read "Groups &amp; B"
in every hold line. Here a message given any Markup value is escaped first and formatted
as Markup, which escapes the plain values once and keeps the Markup ones as they are."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup


def markup_format(value: Any, *args: Any, **kwargs: Any) -> Any:
    if args and kwargs:
        raise TypeError("format takes either positional or keyword arguments, not both")
    values = kwargs or args
    given = values.values() if isinstance(values, dict) else values
    if isinstance(value, Markup) or any(isinstance(v, Markup) for v in given):
        return Markup.escape(value) % values
    return str(value) % values
