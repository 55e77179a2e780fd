"""planner: reads Swedish minutes, proposes schedule items, serves feeds, the årshjul and reminders."""

from planner.app import create_app

__all__ = ["create_app"]
