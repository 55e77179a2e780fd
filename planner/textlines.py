"""What a line is, for everyone who numbers them: ingest, the extractor's evidence, the review page.

Only \r\n, \r and \n end a line. str.splitlines() also breaks at \f, \v, \x1c-\x1e, \x85, \u2028 and
\u2029; a form feed from a PDF would then shift the review page's numbering off the evidence line.
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The text's lines, numbered as evidence numbers them; a trailing newline leaves a last empty line."""
    if "\r" not in text:
        return text.split("\n")
    return _BREAK.split(text)


def shown_lines(text: str) -> list[str]:
    """The lines a page lists: split_lines without the empty line after a final newline."""
    lines = split_lines(text)
    return lines[:-1] if lines[-1] == "" else lines
