"""Finding or creating organizations and bodies by the names people and minutes use."""

from __future__ import annotations

import re

from planner.db import db
from planner.folding import fold_text
from planner.models import Body, Organization


def slugify(name: str) -> str:
    folded = fold_text(name)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def get_or_create_organization(name: str) -> Organization:
    org = db.session.scalar(db.select(Organization).filter_by(name=name))
    if org is None:
        org = db.session.scalar(db.select(Organization).filter_by(slug=slugify(name)))
    if org is None:
        org = Organization(name=name, slug=slugify(name))
        db.session.add(org)
        db.session.flush()
    return org


def get_or_create_body(org: Organization, name: str) -> Body:
    slug = slugify(name)
    body = db.session.scalar(db.select(Body).filter_by(organization_id=org.id, slug=slug))
    if body is None:
        body = Body(organization=org, name=name, slug=slug)
        db.session.add(body)
        db.session.flush()
    return body
