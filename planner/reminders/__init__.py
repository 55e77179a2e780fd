"""Email reminders: due-time rules, delivery planning, the dispatcher and its scheduler process.

An event change reaches its reminders through planner.schedule.signals.event_changed (sync.on_event_changed,
subscribed in create_app); the web layer also calls `sync_event_reminders` where no event changed (a body's
derived deadlines).
"""

from planner.reminders.sync import sync_all, sync_event_reminders, sync_subscriber

__all__ = ["sync_all", "sync_event_reminders", "sync_subscriber"]
