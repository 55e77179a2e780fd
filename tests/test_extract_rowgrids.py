"""A web table flattened one cell per paragraph, months as columns and a row per body (extract/rowgrids.py)."""

from __future__ import annotations

from planner.extract import extract

TABLE = "\n\n".join([
    "Mötestider 2021", "Beslutsinstans", "Jan", "Feb", "Mar", "Klockan",
    "Kommunfullmäktige", "25", "22", "29*", "18.00\n*budget",
    "Kommunstyrelsen", "14", "4\n27", "4", "08.30",
    "Jävsnämnden\n(sammanträder vid behov)", "\n2628", "\n10:00",  # a row whose cells don't add up
    "Överförmyndarnämnden", "\n8", "\n13.15",  # empty cells: a second blank line
]) + "\n"


def test_each_body_s_row_gives_its_days_per_month_column_with_the_row_s_time() -> None:
    result = extract(TABLE)
    assert result["doc_kind"] == "plan"
    got = sorted((i["title"], i["date"], i["start"]) for i in result["items"] if i["kind"] == "meeting")
    assert got == sorted([
        ("Kommunfullmäktige", "2021-01-25", "18:00"), ("Kommunfullmäktige", "2021-02-22", "18:00"),
        ("Kommunfullmäktige", "2021-03-29", "18:00"),
        ("Kommunstyrelsen", "2021-01-14", "08:30"), ("Kommunstyrelsen", "2021-02-04", "08:30"),
        ("Kommunstyrelsen", "2021-02-27", "08:30"), ("Kommunstyrelsen", "2021-03-04", "08:30"),
        ("Överförmyndarnämnden", "2021-02-08", "13:15"),
    ])
