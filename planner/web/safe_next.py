"""`?next=` after login or a language switch: only a path on this site, parsed rather than string-tested.

Browsers drop tabs and newlines inside a URL and read a backslash as a slash, so `/\t/evil.example`
and `/\\evil.example` both become `//evil.example`, another site; a newline in a Location header is
an error. Anything but a plain absolute path (no scheme, no host, no control characters) is refused.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

MAX_LENGTH = 2000


def safe_next(target: str | None, fallback: str) -> str:
    """`target` when it is a same-site path such as /events/?year=2027, else `fallback`."""
    if not target or len(target) > MAX_LENGTH or "\\" in target or not target.isprintable():
        return fallback
    try:
        parts = urlsplit(target)
    except ValueError:
        return fallback
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        return fallback
    if target.startswith("//"):  # "///evil.example": urlsplit sees no host, a browser does
        return fallback
    return urlunsplit(("", "", parts.path, parts.query, parts.fragment))
