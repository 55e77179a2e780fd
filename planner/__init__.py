"""planner: reads Swedish minutes, proposes schedule items, serves feeds, the årshjul and reminders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Lazy, so `planner extract` and the pure extract/ingest packages start without loading Flask.
    if name == "create_app":
        from planner.app import create_app

        return create_app
    raise AttributeError(f"module 'planner' has no attribute {name!r}")
