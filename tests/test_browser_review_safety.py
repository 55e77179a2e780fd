"""In chromium: a month is never a 27-day meeting, "Godkänn alla" asks once (with or without JS), and
an event leads to its minutes' line; the organization page knows its chair. Screenshots of the
document page at 1400 and 390 px go to tests/artifacts/."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from planner.db import db
from planner.models import Event, Proposal
from planner.schedule.accept import accept
from planner.schedule.orgs import get_or_create_organization
from tests.browser import screenshot
from tests.review_helpers import FUTURE, item, make_document

pytestmark = pytest.mark.browser
STHLM = ZoneInfo("Europe/Stockholm")
PAST = FUTURE.replace("15 november 2030", "15 november 2020")


def _login(page, url: str, email: str) -> None:
    page.goto(url + "/auth/login")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill("rätt-lösenord-123")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(lambda u: "/auth/login" not in u)


def _events() -> int:
    db.session.expire_all()
    return db.session.scalar(db.select(db.func.count(Event.id)))


def test_month_only_proposal_needs_a_day_and_stays_one_day(live_server, page, make_user, backend) -> None:
    document = make_document(text=FUTURE, meeting={}, items=[
        item("meeting", "2030-12", 6, title="Planen fastställs på styrgruppens möte", confidence=0.9, text=FUTURE)])
    make_user("lena@kust.se", role="secretary", org=document.organization)
    _login(page, live_server.url, "lena@kust.se")
    page.goto(f"{live_server.url}/documents/{document.id}")
    card = page.locator("article.proposal").first
    assert card.locator("input[name=date]").input_value() == ""
    assert card.locator("input[name=end_date]").input_value() == ""
    start = card.locator("input[name=start]")
    assert start.input_value() == "" and start.get_attribute("placeholder") == "t.ex. 9.30"
    assert "ange dag innan du godkänner" in card.inner_text()
    if backend == "sqlite":
        for width in (1400, 390):
            page.set_viewport_size({"width": width, "height": 900})
            screenshot(page, f"review-month-only-{width}")
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"sideways scroll at {width}px"
        page.set_viewport_size({"width": 1400, "height": 900})

    card.click()
    page.keyboard.press("a")  # no day yet: refused, nothing in the calendar
    page.wait_for_selector(".flash.error")
    assert "behöver ett datum" in page.locator(".flashes").inner_text() and _events() == 0

    card = page.locator("article.proposal").first
    card.locator("input[name=date]").fill("2030-12-06")
    card.locator("input[name=start]").fill("10.00")
    card.locator("input[name=end]").fill("9.00")
    card.get_by_role("button", name="Godkänn", exact=True).click()
    page.wait_for_selector(".flash.error")
    assert "Sluttiden ligger före starttiden." in page.locator(".flashes").inner_text() and _events() == 0

    card = page.locator("article.proposal").first
    card.locator("input[name=date]").fill("2030-12-06")
    card.locator("input[name=start]").fill("9.45")
    card.locator("input[name=end]").fill("10.45")
    card.get_by_role("button", name="Godkänn", exact=True).click()
    page.wait_for_selector(".flash.success")
    event = db.session.scalar(db.select(Event))
    assert (event.start_at, event.end_at) == (dt.datetime(2030, 12, 6, 9, 45, tzinfo=STHLM),
                                              dt.datetime(2030, 12, 6, 10, 45, tzinfo=STHLM))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_accept_all_lists_what_it_takes_and_asks_once(live_server, chromium, make_user, backend,
                                                      javascript) -> None:
    document = make_document(text=PAST, meeting={"date": "2030-10-18"}, items=[
        item("next_meeting", "2030-12-06", 7, start="09:30", end="12:00", title="Nästa möte", text=PAST),
        item("meeting", "2030-12", 6, title="Planen fastställs", text=PAST),
        item("deadline", "2020-11-15", 8, title="Synpunkter på planen", confidence=0.85, text=PAST)])
    make_user("lena@kust.se", role="secretary", org=document.organization)
    context = chromium.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE",
                                   timezone_id="Europe/Stockholm", java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        _login(page, live_server.url, "lena@kust.se")
        page.goto(f"{live_server.url}/documents/{document.id}")
        page.get_by_role("button", name="Godkänn alla").click()
        page.wait_for_url("**/accept-all?*")
        assert _events() == 0, "asking accepts nothing"
        taken = page.locator("#bulk-take tbody tr")
        assert taken.count() == 2
        rows = taken.all_inner_texts()
        assert any("Nästa möte" in r and "fredag 6 december 2030" in r and "09.30–12.00" in r
                   and "rad 7: Fredagen den 6 december" in r for r in rows), rows
        held = page.locator("#bulk-held").inner_text()
        assert "Synpunkter på planen" in held and "datumet har redan passerat" in held
        assert "Planen fastställs" in held and "har bara månad eller vecka" in held
        if backend == "sqlite" and javascript:
            screenshot(page, "accept-all-confirm-1400")
            page.set_viewport_size({"width": 390, "height": 844})
            screenshot(page, "accept-all-confirm-390")
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.get_by_role("button", name="Godkänn de här 2").click()
        page.wait_for_url(f"**/documents/{document.id}")
        assert "2 förslag godkända" in page.locator(".flashes").inner_text()
        assert _events() == 2
        status = {p.title: p.status for p in db.session.scalars(db.select(Proposal))}
        assert status["Synpunkter på planen"] == "pending" and status["Planen fastställs"] == "pending"
    finally:
        context.close()


def test_event_leads_to_its_line_and_org_page_knows_the_chair(live_server, page, make_user, backend) -> None:
    text = FUTURE + "Varberg lämnar över ordförandeskapet till Falkenberg den 1 januari 2031.\n"
    document = make_document(text=text, meeting={}, items=[
        item("next_meeting", "2030-12-06", 7, start="09:30", end="12:00", title="Nästa möte", text=text),
        item("chair_handover", "2031-01-01", 9, title="Ordförandeskapet går från Varberg till Falkenberg",
             text=text, **{"from": "Varberg", "to": "Falkenberg"})])
    meeting = accept(document.proposals[0])
    accept(document.proposals[1])
    get_or_create_organization("Södertörnskommunerna")
    db.session.commit()
    make_user("admin@kust.se", role="admin")
    _login(page, live_server.url, "admin@kust.se")

    page.goto(f"{live_server.url}/events/{meeting.id}")
    source = page.locator("dd.source")
    assert "rad 7" in source.inner_text() and "Fredagen den 6 december kl 9.30-12.00" in source.inner_text()
    source.get_by_role("link").click()
    page.wait_for_url(f"**/documents/{document.id}#*")
    assert page.locator("#L7.current").is_visible()
    if backend == "sqlite":
        for width in (1400, 390):
            page.set_viewport_size({"width": width, "height": 900})
            screenshot(page, f"document-from-event-{width}")
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"sideways scroll at {width}px"
        page.set_viewport_size({"width": 1400, "height": 900})

    page.goto(f"{live_server.url}/org/{document.organization_id}")
    chair = page.locator(f"#body{document.body_id} .chair-now").inner_text()
    assert "Ordförande nu: Varberg" in chair and "1 januari 2031" in chair and "Falkenberg" in chair

    page.goto(f"{live_server.url}/events/new")  # two organizations: the admin says which
    page.get_by_label("Vilken organisations kalender?").select_option(label="Södertörnskommunerna")
    page.get_by_role("button", name="Fortsätt").click()
    assert "Södertörnskommunerna" in page.locator(".page-head").inner_text()
    page.goto(f"{live_server.url}/documents/")
    upload_org = page.locator("#upload-org")
    assert upload_org.input_value() == "" and upload_org.get_attribute("required") is not None
