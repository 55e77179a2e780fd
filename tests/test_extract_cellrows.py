"""A month table flattened to one cell a line, each row led by its body (extract/cellrows.py)."""

from __future__ import annotations

from planner.extract import extract

_ROWS = [
    ["Kommunfullmäktige", "januari", "30", "februari", "27", "mars", "26", "april", "23"],
    ["Kommunstyrelsen", "januari", "10, 24", "februari", "7, 21", "mars", "6, 13, 27", "april", "10"],
    ["Miljönämnden", "inget i", "januari", "februari", "14", "mars", "–", "april", "17"],
    ["Valnämnden", "januari", "18", "inget i", "februari", "mars", "21", "april", "-"],
]
TABLE = "\n\n".join([
    "Sammanträden 2024",
    "Alla fullmäktigemöten börjar klockan 18.00 i stadshuset.",
    "Sammanträden, januari-april", "Organ", "Januari", "Februari", "Mars", "April",
    *[cell for row in _ROWS for cell in row],
]) + "\n"


def _meetings(text: str) -> list[tuple[str, str, str | None]]:
    return sorted((i["title"], i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "meeting")


def test_each_cell_is_read_under_the_month_above_it_and_empty_months_give_nothing() -> None:
    got = _meetings(TABLE)
    assert got == sorted([
        ("Kommunfullmäktige", "2024-01-30", "18:00"), ("Kommunfullmäktige", "2024-02-27", "18:00"),
        ("Kommunfullmäktige", "2024-03-26", "18:00"), ("Kommunfullmäktige", "2024-04-23", "18:00"),
        ("Kommunstyrelsen", "2024-01-10", None), ("Kommunstyrelsen", "2024-01-24", None),
        ("Kommunstyrelsen", "2024-02-07", None), ("Kommunstyrelsen", "2024-02-21", None),
        ("Kommunstyrelsen", "2024-03-06", None), ("Kommunstyrelsen", "2024-03-13", None),
        ("Kommunstyrelsen", "2024-03-27", None), ("Kommunstyrelsen", "2024-04-10", None),
        ("Miljönämnden", "2024-02-14", None), ("Miljönämnden", "2024-04-17", None),
        ("Valnämnden", "2024-01-18", None), ("Valnämnden", "2024-03-21", None),
    ])


def test_ocr_marks_around_cells_and_a_joined_marker_do_not_end_the_row() -> None:
    ocr = TABLE.replace("\n\n", "\n").replace("inget i", "ingeti").replace("\n17\n", "\n17 :\n") \
        .replace("april\n10\n", "april .\n10\n")
    got = {(title, date) for title, date, _ in _meetings(ocr)}
    assert ("Kommunstyrelsen", "2024-04-10") in got and ("Miljönämnden", "2024-04-17") in got
    assert not any(len(date) == 7 for _, date in got)  # no month is taken for a meeting of its own
    assert ("Valnämnden", "2024-03-21") in got


def test_one_body_s_row_alone_is_no_such_table() -> None:
    one = "\n\n".join(["Sammanträden 2024", *_ROWS[1]]) + "\n"
    got = _meetings(one)
    assert ("Kommunstyrelsen", "2024-04-10", None) not in got


def test_a_body_s_name_that_wraps_onto_a_second_line_is_one_label() -> None:
    wrapped = TABLE.replace("Miljönämnden", "Miljö- och\n\nhälsoskyddsnämnden")
    got = _meetings(wrapped)
    assert ("Miljö- och hälsoskyddsnämnden", "2024-02-14", None) in got
    assert ("Miljö- och hälsoskyddsnämnden", "2024-04-17", None) in got


def test_a_cell_whose_days_wrap_onto_the_next_line_keeps_them_in_its_month() -> None:
    wrapped = TABLE.replace("6, 13, 27", "6, 13\n\n27")
    got = _meetings(wrapped)
    assert ("Kommunstyrelsen", "2024-03-27", None) in got and ("Kommunstyrelsen", "2024-04-10", None) in got
    assert not any(date == "2024-04-27" for _, date, _ in got)


def test_bodies_that_meet_the_same_day_at_the_same_time_are_one_proposal_naming_both() -> None:
    same_day = TABLE.replace("Valnämnden\n\njanuari\n\n18", "Valnämnden\n\njanuari\n\n24")
    got = [(title, date) for title, date, _ in _meetings(same_day) if date == "2024-01-24"]
    assert got == [("Kommunstyrelsen, Valnämnden", "2024-01-24")]


def test_a_row_below_the_first_may_hold_one_meeting_or_none() -> None:
    rows = TABLE.replace("Miljönämnden\n\ninget i\n\njanuari\n\nfebruari\n\n14", "Miljönämnden\n\ninget i\n\njanuari"
                         "\n\nfebruari\n\n-").replace("Valnämnden\n\njanuari\n\n18", "Valnämnden\n\njanuari\n\n-")
    got = _meetings(rows)
    assert ("Miljönämnden", "2024-04-17", None) in got and ("Valnämnden", "2024-03-21", None) in got
    assert not any(date.startswith("2024-02-14") or len(date) == 7 for _, date, _ in got)
