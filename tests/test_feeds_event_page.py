""""Mer information" in a feed opens a read-only page under the feed's own token, without an account.

Issue 13.7: the link used to lead subscribers to the login page. The page shows title, time, place
and status in Swedish; a wrong token, another organization's event or a kind the feed leaves out
is the same 404 as a page that never existed.
"""

from __future__ import annotations

import re

import pytest

from planner.db import db, utcnow
from planner.models import Body, Event, Feed, Organization
from tests.feeds_scenario import WIDE_WINDOW, local, make_example_schedule


def _feed(app, **scope: object) -> Feed:
    app.config.update(WIDE_WINDOW)
    feed = Feed(**scope)
    db.session.add(feed)
    db.session.commit()
    return feed


def _links(text: str) -> list[str]:
    return sorted(set(re.findall(r"^URL:(\S+)", text.replace("\r\n ", ""), flags=re.M)))


def test_every_link_in_the_feed_opens_without_logging_in(app, client) -> None:
    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    links = _links(client.get(f"/feeds/{feed.token}.ics").get_data(as_text=True))
    assert len(links) >= 10
    for link in links:
        assert link.startswith(f"{app.config['BASE_URL']}/feeds/{feed.token}/handelse/"), link
        response = client.get(link.removeprefix(app.config["BASE_URL"]))
        assert response.status_code == 200, link  # not a redirect to /auth/login
        page = response.get_data(as_text=True)
        assert "Logga in för att fortsätta" not in page and "Tid</dt>" in page and "Status</dt>" in page
        assert response.headers["X-Robots-Tag"] == "noindex"


def test_the_page_shows_title_time_place_and_status_in_swedish(app, client) -> None:
    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    events = scenario["events"]
    page = client.get(f"/feeds/{feed.token}/handelse/{events['styrgrupp_okt'].uid}").get_data(as_text=True)
    assert "Styrgruppens möte" in page and "fredag 16 oktober 2026, 09.30–12.00" in page
    assert "Stadshuset, Varberg, sammanträdesrum Getterön" in page and "Bekräftat" in page
    cancelled = client.get(f"/feeds/{feed.token}/handelse/{events['installt'].uid}").get_data(as_text=True)
    assert "Inställt" in cancelled and "fredag 20 november 2026, 13.00–15.30" in cancelled
    holiday = client.get(f"/feeds/{feed.token}/handelse/{events['sportlov'].uid}").get_data(as_text=True)
    assert "22–26 februari 2027" in holiday
    series = client.get(f"/feeds/{feed.token}/handelse/{events['serie'].uid}").get_data(as_text=True)
    assert "varannan fredag till och med 2027-12-31" in series


def test_wrong_token_other_organization_and_left_out_kinds_are_404(app, client) -> None:
    scenario = make_example_schedule()
    events = scenario["events"]
    feed = _feed(app, organization=scenario["org"], kinds=["meeting"])
    other = Organization(name="Annan", slug="annan")
    db.session.add(other)
    db.session.flush()
    theirs = Event(organization_id=other.id, title="Deras möte", start_at=local(2026, 12, 1, 10),
                   end_at=local(2026, 12, 1, 11))
    db.session.add(theirs)
    db.session.commit()
    meeting = events["styrgrupp_okt"].uid
    assert client.get(f"/feeds/{feed.token}/handelse/{meeting}").status_code == 200
    assert client.get(f"/feeds/{'x' * 32}/handelse/{meeting}").status_code == 404
    assert client.get(f"/feeds/{feed.token}/handelse/{theirs.uid}").status_code == 404
    assert client.get(f"/feeds/{feed.token}/handelse/{events['sportlov'].uid}").status_code == 404  # a holiday
    assert client.get(f"/feeds/{feed.token}/handelse/finns-inte@planner").status_code == 404
    feed.revoked_at = utcnow()
    db.session.commit()
    assert client.get(f"/feeds/{feed.token}/handelse/{meeting}").status_code == 404


def test_public_body_feed_links_to_public_pages_of_that_body_only(app, client) -> None:
    scenario = make_example_schedule()
    app.config.update(WIDE_WINDOW)
    body: Body = scenario["styrgrupp"]
    body.public_feed = True
    db.session.commit()
    text = client.get("/feeds/public/kustkommunerna/styrgrupp.ics").get_data(as_text=True)
    links = _links(text)
    assert links and all("/feeds/public/kustkommunerna/styrgrupp/handelse/" in link for link in links)
    assert client.get(links[0].removeprefix(app.config["BASE_URL"])).status_code == 200
    ledning = scenario["events"]["serie"].uid  # Ledningsgrupp's, not in this feed
    assert client.get(f"/feeds/public/kustkommunerna/styrgrupp/handelse/{ledning}").status_code == 404


@pytest.mark.browser
def test_subscribe_page_and_event_page_fit_a_390_px_phone(app, live_server, chromium) -> None:
    from tests.browser import screenshot

    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE",
                                   timezone_id="Europe/Stockholm", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/feeds/{feed.token}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
        iphone = page.locator("#steps-iphone")
        assert iphone.is_visible() and "Appar" in iphone.inner_text() and "Kalenderkonton" in iphone.inner_text()
        box = page.locator("#https-link").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.locator("#https-link").input_value().endswith(f"/feeds/{feed.token}.ics")
        page.locator("#steps-new-outlook summary").click()
        assert page.get_by_text("Prenumerera från webben").first.is_visible()
        for section in ("#steps-classic-outlook", "#steps-outlook-web", "#steps-google", "#steps-mac"):
            assert page.locator(section).count() == 1
        screenshot(page, "feeds-subscribe-390")
        page.goto(f"{live_server.url}/feeds/{feed.token}/handelse/{scenario['events']['styrgrupp_okt'].uid}")
        assert page.locator("h1").inner_text() == "Styrgruppens möte"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert "Logga in" not in page.locator("main").inner_text()
        screenshot(page, "feeds-event-390")
    finally:
        context.close()
