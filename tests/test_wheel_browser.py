"""The årshjul in Debian's chromium: it renders, hovers, toggles, zooms, prints, and keeps the list in step."""

from __future__ import annotations

import re

import pytest

from planner.db import db
from tests.browser import screenshot
from tests.wheel_data import SCRIPT_TITLE, YEAR, kustkommunerna

pytestmark = pytest.mark.browser


@pytest.fixture
def wheel_page(app, live_server, page, make_user):
    """A viewer logged in through the form, looking at Kustkommunerna's wheel."""
    org = kustkommunerna()
    db.session.commit()
    make_user("viewer@example.se", role="viewer")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{live_server.url}/auth/login")
    page.fill("input[name=email]", "viewer@example.se")
    page.fill("input[name=password]", "rätt-lösenord-123")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/arshjul/{org.slug}/{YEAR}")
    page.wait_for_selector(".arshjul-app.is-ready")
    return page, org, dialogs


def visible_keys(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.getClientRects().length > 0).map(e => e.dataset.key)")


def test_wheel_renders_with_tooltip_details_toggles_zoom_and_list_in_step(wheel_page):
    page, org, dialogs = wheel_page
    wheel = page.locator("svg.arshjul")
    box = wheel.bounding_box()
    assert box and box["width"] > 600, "the wheel should fill its column"
    svg_keys = visible_keys(page, "svg.arshjul g.item")
    list_keys = visible_keys(page, ".entry")
    assert len(svg_keys) == 47 and sorted(svg_keys) == sorted(list_keys)  # as in test_wheel_web
    assert page.locator("svg.arshjul g.item title").count() == page.locator("svg.arshjul g.item").count()
    screenshot(page, "wheel-desktop")

    # hover: our tooltip with the item's title and date
    meeting = page.locator("svg.arshjul g.item[data-start='2027-02-05'] .mark")
    meeting.hover()
    tip = page.locator("#wheel-tip")
    tip.wait_for(state="visible")
    assert "Möte: Styrgruppen" in tip.inner_text() and "fre 5 februari 2027, 09.30–12.00" in tip.inner_text()
    assert page.locator(".entry[data-start='2027-02-05'].is-hover").count() >= 1
    screenshot(page, "wheel-hover")

    # click: details with the evidence line in the minutes
    meeting.click()
    details = page.locator("#wheel-details")
    details.wait_for(state="visible")
    link = details.locator(".details-source a")
    assert re.fullmatch(r"/documents/\d+#L31", link.get_attribute("href"))  # the review page names lines L1, L2, …
    assert "Stadshuset, Varberg" in details.inner_text()

    # a title with <script> is text, never markup
    script_entry = page.locator(".entry", has_text="Budgetdialog")
    assert script_entry.locator(".entry-title").inner_text() == SCRIPT_TITLE
    page.locator("svg.arshjul g.item[data-start='2027-04-21'] .mark").hover()
    assert SCRIPT_TITLE in page.locator("#wheel-tip").inner_text()
    assert dialogs == [] and page.evaluate("typeof window.x") == "undefined"

    # keyboard: a list entry opens the same details, Escape gives the focus back
    page.keyboard.press("Escape")
    button = page.locator(".entry[data-start='2027-03-05'] .entry-open")
    button.focus()
    page.keyboard.press("Enter")
    details.wait_for(state="visible")
    assert "Synpunkter på kompetensförsörjningsplanen" in details.inner_text()
    assert page.locator("svg.arshjul g.item.is-selected").get_attribute("data-start") == "2027-03-05"
    page.keyboard.press("Escape")
    assert details.is_hidden() and page.evaluate("document.activeElement.closest('.entry').dataset.start") \
        == "2027-03-05"

    # ring toggle: Styrgruppen leaves the wheel and the list together
    styr = org.bodies[1]
    ring = page.locator(f"svg.arshjul g.ring[data-ring='body-{styr.id}']")
    assert ring.is_visible()
    page.get_by_label("Styrgruppen", exact=True).uncheck()
    assert not ring.is_visible()
    svg_keys, list_keys = visible_keys(page, "svg.arshjul g.item"), visible_keys(page, ".entry")
    assert sorted(svg_keys) == sorted(list_keys)
    assert not [k for k in list_keys if page.locator(f".entry[data-key='{k}']").get_attribute("data-ring")
                == f"body-{styr.id}"]
    assert page.locator("[data-count]").inner_text() == str(len(list_keys))
    page.get_by_label("Styrgruppen", exact=True).check()
    assert ring.is_visible()

    # zoom into the first quarter: the list follows
    page.click("[data-zoom='q1']")
    assert page.get_attribute("svg.arshjul", "viewBox") != "0 0 1414 1000"
    starts = page.eval_on_selector_all(".entry", "els => els.filter(e => !e.hidden).map(e => e.dataset.start)")
    assert sorted(starts) == [  # what touches January–March, by hand from tests/wheel_data.py
        "2027-01-01", "2027-01-01", "2027-01-06", "2027-01-08", "2027-01-29", "2027-02-05", "2027-02-12",
        "2027-02-15", "2027-02-22", "2027-03-05", "2027-03-12", "2027-03-19", "2027-03-26", "2027-03-28",
        "2027-03-29", "2027-03-29"]
    screenshot(page, "wheel-zoom-q1")
    page.click("[data-zoom='year']")
    assert page.get_attribute("svg.arshjul", "viewBox") == "0 0 1414 1000"

    # previous and next year keep the view
    page.click("a[rel=next]")
    page.wait_for_selector(".arshjul-app.is-ready")
    assert page.url.endswith(f"/{YEAR + 1}") and "Årshjul 2028" in page.locator("h1").inner_text()


def test_wheel_on_a_phone_and_on_paper(wheel_page):
    page, _, _ = wheel_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_selector(".arshjul-app.is-ready")
    crop = page.locator(".wheel-crop").bounding_box()
    assert crop and crop["width"] <= 390 and crop["width"] > 330, "the wheel spans the phone's width"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "nothing sticks out sideways"
    screenshot(page, "wheel-phone")

    page.set_viewport_size({"width": 1123, "height": 794})  # A4 landscape at 96 dpi
    page.emulate_media(media="print")
    assert not page.locator(".wheel-list").is_visible() and not page.locator(".topbar").is_visible()
    legend = page.locator("svg.arshjul .legend").bounding_box()
    wheel = page.locator("svg.arshjul").bounding_box()
    assert legend and wheel and legend["x"] + legend["width"] <= wheel["x"] + wheel["width"] + 1
    screenshot(page, "wheel-print-a4")
    for paper in ("A4", "A3"):
        pdf = page.pdf(format=paper, landscape=True, print_background=True)
        assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, f"the wheel prints on one {paper} landscape page"
