"""The secretary's path in chromium: log in, upload minutes, correct a time, accept, see it in the month.

Screenshots at laptop and phone widths go to tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import pytest

from planner.db import db
from planner.models import Event
from planner.schedule.orgs import get_or_create_body, get_or_create_organization
from tests.browser import screenshot
from tests.reminders_helpers import start_scheduler

pytestmark = pytest.mark.browser

MINUTES = """Kustkommunerna
MINNESANTECKNINGAR
Styrgruppen för Kustkommunerna

Datum: 2026-12-04
Plats: Rådhuset, Falkenberg

1. Mötets öppnande
Ordföranden öppnade mötet.

2. Nästa möte
Datum för nästa möte meddelas senare.
"""
HOSTILE = "<script>window.pwned=1</script>Styrgruppen"


def test_upload_correct_time_accept_and_see_it_in_the_month(app, live_server, page, make_user, tmp_path,
                                                            backend) -> None:
    org = get_or_create_organization("Kustkommunerna")
    get_or_create_body(org, "Styrgrupp")
    db.session.commit()
    make_user("lena@kust.se", role="secretary", org=org)
    minutes = tmp_path / "styrgrupp-2026-12-04.txt"
    minutes.write_text(MINUTES, encoding="utf-8")

    page.goto(live_server.url + "/documents/")
    page.get_by_label("E-post").fill("lena@kust.se")
    page.get_by_label("Lösenord").fill("rätt-lösenord-123")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/documents/")
    page.set_input_files("input[name=files]", str(minutes))
    page.get_by_role("button", name="Ladda upp och läs").click()
    page.wait_for_url("**/documents/*")
    assert "Läses in" in page.locator("#job").inner_text()  # the upload answered before reading
    if backend == "sqlite":
        screenshot(page, "upload-reading-laptop")
    scheduler = start_scheduler(app, "smtp://127.0.0.1:9", tmp_path / "scheduler.log", IMPORT_POLL_SECONDS=0.2)
    try:  # the page reloads itself until the scheduler has read the minutes
        page.wait_for_selector(".lines li", timeout=90_000)  # a loaded 2-core machine starts the scheduler slowly
    finally:
        scheduler.terminate()
        scheduler.wait(timeout=10)
    assert page.locator(".lines li").count() == len(MINUTES.splitlines())

    card = page.locator("article.proposal", has=page.locator('input[name=date][value="2026-12-04"]')).first
    card.click()  # the evidence line is shown beside it
    line = card.get_attribute("data-line")
    assert page.locator(f"#L{line}.current").is_visible()
    card.locator("input[name=title]").fill(HOSTILE)
    card.locator("input[name=start]").fill("9.45")
    card.locator("input[name=end]").fill("12.15")
    if backend == "sqlite":
        page.set_viewport_size({"width": 1366, "height": 860})
        screenshot(page, "review-document-laptop")
        page.set_viewport_size({"width": 390, "height": 844})
        screenshot(page, "review-document-phone")
        page.set_viewport_size({"width": 1366, "height": 860})
    card.locator("input[name=end]").press("Escape")  # back from the field: the keyboard takes over
    page.keyboard.press("a")
    page.wait_for_selector(".flash.success")
    assert "Godkänt" in page.locator(".flashes").inner_text()

    page.goto(live_server.url + "/events/month?year=2026&month=12")
    entry = page.locator("a.ev", has_text="Styrgruppen")
    assert entry.inner_text().startswith("09.45")
    assert "<script>window.pwned=1</script>" in entry.inner_text()  # shown as text, never run
    assert page.evaluate("window.pwned") is None
    if backend == "sqlite":
        screenshot(page, "month-laptop")
        page.set_viewport_size({"width": 390, "height": 844})
        screenshot(page, "month-phone")
        entry.click()
        page.wait_for_url("**/events/*")
        screenshot(page, "event-phone")
    event = db.session.scalar(db.select(Event))
    assert event.title == HOSTILE and event.start_at.isoformat() == "2026-12-04T08:45:00+00:00"
