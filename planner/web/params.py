"""Reading ids from a query string or form: only what a database integer column can hold.

`int()` takes "99999999999999999999" (past PostgreSQL's integer and SQLite's 64 bits: a 500 on the
query) and "²" passes `str.isdigit()` but not `int()`; an id is 1–10 ASCII digits up to 2**31 - 1.
"""

from __future__ import annotations

import re

from werkzeug.routing import IntegerConverter, Map

MAX_ID = 2**31 - 1
_DIGITS = re.compile(r"[0-9]{1,10}")


def row_id(value: object) -> int | None:
    """The id in `value`, or None when it is no id any row can have."""
    text = value.strip() if isinstance(value, str) else ""
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def row_ids(values: list[str]) -> set[int]:
    return {n for n in map(row_id, values) if n is not None}


_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")


def token_shaped(value: object) -> bool:
    """Whether `value` could be one of our secret tokens (secrets.token_urlsafe); anything else is a miss
    without asking the database (which refuses a NUL byte with an error)."""
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


class DatabaseInt(IntegerConverter):
    """`<int:id>` in every route: past 2**31 - 1 no row can match, so the URL is simply not found."""

    def __init__(self, url_map: Map, fixed_digits: int = 0, min: int | None = None,
                 max: int | None = MAX_ID, signed: bool = False) -> None:
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
