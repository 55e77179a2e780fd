"""Commands of the feeds area (filled in by its issue)."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    pass
