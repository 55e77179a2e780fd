"""Issue 15.8: only an admin makes a body's feed public, on the organization page as at /feeds/admin/public.

Before: a secretary saved the body form with "Publikt kalenderflöde" ticked and the feed was public.
"""

from __future__ import annotations

from planner.db import db
from planner.models import Body
from tests.conftest import csrf_token_from
from tests.reminders_helpers import org_with_bodies


def _save(client, org, body, **extra: str):
    token = csrf_token_from(client.get(f"/org/{org.id}").get_data(as_text=True))
    form = {"csrf_token": token, "name": body.name, "chair_term_months": "12", "handover_month": "0", **extra}
    return client.post(f"/org/{org.id}/bodies/{body.id}", data=form)


def _public(body_id: int) -> bool:
    db.session.expire_all()
    return db.session.get(Body, body_id).public_feed


def test_a_secretary_cannot_make_a_feed_public_through_the_organization_page(client, login) -> None:
    org, styr, _ = org_with_bodies()
    login("secretary", org=org)
    page = client.get(f"/org/{org.id}").get_data(as_text=True)
    assert 'name="public_feed"' not in page and "bara en administratör ändrar det" in page
    assert _save(client, org, styr, public_feed="on").status_code == 403
    assert not _public(styr.id)
    assert client.get(f"/feeds/public/{org.slug}/{styr.slug}.ics").status_code == 404
    assert client.post(f"/feeds/admin/public/{styr.id}", data={"public": "1"}).status_code in (400, 403)
    # The rest of the form is still theirs to save.
    assert _save(client, org, styr, meeting_deadlines="kallelse 7 dagar före").status_code == 302
    db.session.expire_all()
    assert db.session.get(Body, styr.id).meeting_deadlines == [{"label": "Kallelse", "days": 7}]


def test_a_secretary_saving_a_public_body_keeps_it_public(client, login) -> None:
    org, styr, _ = org_with_bodies()
    styr.public_feed = True
    db.session.commit()
    login("secretary", org=org)
    assert _save(client, org, styr).status_code == 302  # no box in their form: the setting is left alone
    assert _public(styr.id)


def test_an_admin_switches_it_on_and_off_on_the_organization_page(client, login) -> None:
    org, styr, _ = org_with_bodies()
    login("admin")
    assert 'name="public_feed"' in client.get(f"/org/{org.id}").get_data(as_text=True)
    assert _save(client, org, styr, public_feed="on").status_code == 302 and _public(styr.id)
    assert client.get(f"/feeds/public/{org.slug}/{styr.slug}.ics").status_code == 200
    assert _save(client, org, styr).status_code == 302 and not _public(styr.id)
