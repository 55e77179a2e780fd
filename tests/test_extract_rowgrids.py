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


# The same kind of table after OCR: the blank lines between cells are gone, and with them the empty cells.
OCR_TABLE = "\n".join([
    "Motestider 2021", "Beslutsinstans", "Jan", "Feb", "", "Mar", "Klockan",
    "Kommunfullmaktige", "25", "22", "29*", "18.00", "*budget",
    "Kommunstyrelsen", "14", "", "4", "27", "4", "08.30",  # Feb holds two Thursdays: the split the weekday picks
    "Overformyndarnamnden", "8", "13.15",  # one day for three months: which month is not known
    "Valberedningen", "12", "9", "9", "10.00",
]) + "\n"


def test_after_ocr_each_row_s_days_go_to_their_months_by_count_or_by_the_body_s_weekday() -> None:
    got = sorted((i["title"], i["date"], i["start"]) for i in extract(OCR_TABLE)["items"] if i["kind"] == "meeting")
    assert got == sorted([
        ("Kommunfullmäktige", "2021-01-25", "18:00"), ("Kommunfullmäktige", "2021-02-22", "18:00"),
        ("Kommunfullmäktige", "2021-03-29", "18:00"),
        ("Kommunstyrelsen", "2021-01-14", "08:30"), ("Kommunstyrelsen", "2021-02-04", "08:30"),
        ("Kommunstyrelsen", "2021-02-27", "08:30"), ("Kommunstyrelsen", "2021-03-04", "08:30"),
        ("Valberedningen", "2021-01-12", "10:00"), ("Valberedningen", "2021-02-09", "10:00"),
        ("Valberedningen", "2021-03-09", "10:00"),
    ])
