"""Issue 15.10 in Debian's chromium: the CSP blocks nothing of ours, confirmations still ask, and only the
embedded årshjul shows inside another site's iframe (the login page rendered in one before).

Every browser test also fails on anything the CSP blocked (tests/browser.py's page fixture).
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from planner.db import db
from planner.models import Event, Feed
from tests.wheel_data import YEAR, kustkommunerna

pytestmark = pytest.mark.browser


def _log_in(page, url: str, email: str) -> None:
    page.goto(f"{url}/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", "rätt-lösenord-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")


@pytest.fixture
def other_site() -> Iterator[tuple[str, dict[str, str]]]:
    """Another origin (another port) that serves whatever HTML the test puts in `pages`."""
    pages: dict[str, str] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", pages
    server.shutdown()


def test_confirmations_ask_without_inline_script(app, live_server, page, make_user) -> None:
    org = kustkommunerna()
    db.session.commit()
    event = db.session.scalar(db.select(Event).where(Event.organization_id == org.id, Event.series_id.is_(None),
                                                      Event.kind == "meeting").limit(1))
    make_user("admin@example.se", role="admin")
    _log_in(page, live_server.url, "admin@example.se")
    asked: list[str] = []
    answer = {"accept": False}

    def on_dialog(dialog) -> None:
        asked.append(dialog.message)
        dialog.accept() if answer["accept"] else dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(f"{live_server.url}/events/{event.id}")
    page.click("button.danger:has-text('Ställ in')")
    page.wait_for_timeout(300)
    assert asked == ["Ställa in händelsen?"]
    db.session.expire_all()
    assert db.session.get(Event, event.id).status != "cancelled"  # dismissed: nothing sent
    answer["accept"] = True
    with page.expect_navigation():
        page.click("button.danger:has-text('Ställ in')")
    db.session.expire_all()
    assert db.session.get(Event, event.id).status == "cancelled" and len(asked) == 2


def test_only_the_embedded_wheel_shows_in_another_sites_iframe(app, live_server, page, other_site) -> None:
    org = kustkommunerna()
    feed = Feed(name="Alla", organization=org)
    db.session.add(feed)
    db.session.commit()
    site, pages = other_site
    embed = f"{live_server.url}/arshjul/{org.slug}/{YEAR}?embed=1&token={feed.token}"
    pages["/"] = (f'<iframe id="embed" src="{embed}" width="900" height="700"></iframe>'
                  f'<iframe id="login" src="{live_server.url}/auth/login" width="600" height="400"></iframe>')
    page.goto(site + "/")
    embedded = page.frame_locator("#embed")
    embedded.locator(".arshjul-app.is-ready").wait_for()  # wheel.js ran inside the frame
    assert embedded.locator("svg.arshjul g.item").count() > 10
    login = page.query_selector("#login").content_frame()
    page.wait_for_timeout(500)
    assert login.locator("input[name=password]").count() == 0  # the login form never rendered
    refusals = [m for m in page.csp_blocked if "frame-ancestors" in m]
    assert refusals, page.csp_blocked  # refused by the policy, not by chance
    page.csp_blocked[:] = [m for m in page.csp_blocked if m not in refusals]


def test_the_review_page_keys_work_under_the_csp(app, live_server, page, make_user) -> None:
    """j/k walk the proposals and light up their evidence lines, a/r submit: review.js runs, nothing is blocked."""
    from tests.review_helpers import make_document

    document = make_document()
    make_user("lena@kust.se", role="secretary", org=document.organization)
    _log_in(page, live_server.url, "lena@kust.se")
    page.goto(f"{live_server.url}/documents/{document.id}")
    cards = page.locator("article.proposal")
    assert cards.count() == 3
    first, second = (cards.nth(i).get_attribute("data-line") for i in (0, 1))
    page.wait_for_selector(f"article.proposal.selected[data-line='{first}']")  # review.js opened at the first
    page.wait_for_selector(f"#L{first}.current")
    page.keyboard.press("j")
    page.wait_for_selector(f"#L{second}.current")
    page.keyboard.press("k")
    page.wait_for_selector(f"#L{first}.current")
    with page.expect_navigation():
        page.keyboard.press("r")  # reject the selected proposal: the form is sent
    db.session.expire_all()
    assert sorted(p.status for p in db.session.get(type(document), document.id).proposals) == [
        "pending", "pending", "rejected"]
