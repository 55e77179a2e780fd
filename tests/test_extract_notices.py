"""Notices and news items: what the page says of itself is no event (extract/dockind.py)."""

from __future__ import annotations

from planner.extract import extract


def test_a_yearless_publication_line_dates_the_page_and_is_no_meeting() -> None:
    text = ("Årsmötet 2021 uppskjutet\n\nPublicerad fredag 12 mar, 15:42\n\nMed hänvisning till rådande pandemi "
            "kommer årsmötet att hållas när vädret tillåter. Tid och plats meddelas senare.\n")
    items = extract(text)["items"]
    assert [(i["kind"], i["date"]) for i in items if i["date"].startswith("2021-03")] == [("reference", "2021-03-12")]
