"""The schedule model, one module per concept."""

from planner.models.document import Document, Proposal
from planner.models.event import EVENT_KINDS, EVENT_STATUSES, Event, EventChange, EventRemoval
from planner.models.feed import Feed
from planner.models.import_job import JOB_STATUSES, ImportJob
from planner.models.org import Body, ChairTerm, Municipality, Organization, organization_municipality
from planner.models.reminder import ReminderDelivery, Subscriber, subscriber_body
from planner.models.user import ROLES, User

__all__ = [
    "Body", "ChairTerm", "Document", "EVENT_KINDS", "EVENT_STATUSES", "Event", "EventChange", "EventRemoval", "Feed",
    "ImportJob", "JOB_STATUSES",
    "Municipality", "Organization", "Proposal", "ROLES", "ReminderDelivery", "Subscriber", "User",
    "organization_municipality", "subscriber_body",
]
