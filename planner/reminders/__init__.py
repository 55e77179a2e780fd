"""Email reminders: due-time rules, delivery planning, the dispatcher and its scheduler process.

Other areas call `sync_event_reminders(event)` after changing an event, before committing.
"""

from planner.reminders.sync import sync_all, sync_event_reminders, sync_subscriber

__all__ = ["sync_all", "sync_event_reminders", "sync_subscriber"]
