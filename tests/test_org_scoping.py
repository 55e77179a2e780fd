"""A secretary or viewer of one organization reads nothing of another's: the årshjul, subscriber addresses."""

from __future__ import annotations

import datetime as dt

from planner.db import db
from planner.models import Body, Feed, Organization
from planner.reminders import sync_event_reminders
from tests.reminders_helpers import UTC, local, meeting, org_with_bodies, subscriber
from tests.wheel_data import YEAR, kustkommunerna


def _other() -> Organization:
    other = Organization(name="Södertörnskommunerna", slug="sodertornskommunerna")
    db.session.add_all([other, Body(organization=other, name="Styrelsen", slug="styrelsen")])
    db.session.commit()
    return other


def test_another_organizations_wheel_is_not_found(client, login) -> None:
    kust = kustkommunerna()
    db.session.commit()
    other = _other()
    login("secretary", org=other)
    url = f"/arshjul/kustkommunerna/{YEAR}"
    for path in (url, f"{url}.svg", f"/arshjul/kustkommunerna/styrgruppen/{YEAR}", f"{url}?embed=1"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Styrgrupp" not in response.get_data(as_text=True), path
    assert client.get(f"/arshjul/sodertornskommunerna/{YEAR}").status_code == 200  # their own
    index = client.get("/arshjul/")  # only their own organization to choose: straight to it
    assert index.status_code == 302 and "/arshjul/sodertornskommunerna/" in index.headers["Location"]
    feed = Feed(name="Alla", organization=kust)  # a feed token still opens it, as for anyone
    db.session.add(feed)
    db.session.commit()
    assert client.get(f"{url}?token={feed.token}").status_code == 200


def test_a_secretary_sees_only_their_own_organizations_subscribers_and_deliveries(client, login) -> None:
    kust, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", kust, styr)
    sync_event_reminders(meeting(kust, styr, local(2027, 3, 29, 9, 30)), dt.datetime(2027, 1, 1, tzinfo=UTC))
    other = _other()
    subscriber("olle@huddinge.se", other, other.bodies[0])
    sync_event_reminders(meeting(other, other.bodies[0], local(2027, 3, 30, 9, 30), title="Styrelsemöte"),
                         dt.datetime(2027, 1, 1, tzinfo=UTC))
    db.session.commit()

    login("secretary", org=other)
    page = client.get("/paminnelser/admin").get_data(as_text=True)
    assert "olle@huddinge.se" in page and "Styrelsemöte" in page
    assert "anna@varberg.se" not in page and "Styrgruppsmöte" not in page

    login("admin")
    page = client.get("/paminnelser/admin").get_data(as_text=True)
    assert "olle@huddinge.se" in page and "anna@varberg.se" in page  # the admin sees every organization
