"""A meeting plan as a pipe table, months as columns (extract/pipetables.py), and the year of a plan that names none."""

from __future__ import annotations

import datetime as dt

from planner.extract import extract
from planner.extract.years import weekday_fit_year

TABLE = """Sammanträdestider 2022

Organ | Tid | Jan | Feb | Mars | Apr |
---|---|---|---|---|---|
Kommunfullmäktige | 13.00 | 10* | 7 | - | 4 |
Politiska gruppmötet | 15.00-16.30 | 10 | 7 | 7 | - |
Allmänna utskottet | 8.00 | 11*,25 | 8*,22 | 8 | 5*,19 |
*Extra sammanträdestid vid behov.
"""


def _meetings(result: dict) -> list[tuple[str, str, str | None, str | None]]:
    return sorted((i["title"], i["date"], i["start"], i["end"]) for i in result["items"] if i["kind"] == "meeting")


def test_each_row_gives_its_days_per_month_with_the_row_s_time_and_span() -> None:
    result = extract(TABLE)
    assert result["doc_kind"] == "plan"
    assert _meetings(result) == sorted([
        ("Kommunfullmäktige", "2022-01-10", "13:00", None), ("Kommunfullmäktige", "2022-02-07", "13:00", None),
        ("Kommunfullmäktige", "2022-04-04", "13:00", None),
        *[("Politiska gruppmötet", day, "15:00", "16:30") for day in ("2022-01-10", "2022-02-07", "2022-03-07")],
        *[("Allmänna utskottet", day, "08:00", None) for day in (
            "2022-01-11", "2022-01-25", "2022-02-08", "2022-02-22", "2022-03-08", "2022-04-05", "2022-04-19")],
    ])


def test_ocr_s_brackets_for_bars_wrapped_rows_and_a_line_of_noise_still_read() -> None:
    damaged = """Sammantradestider 2022

Organ | Tid | Jan | Feb | Mars |-Apr |
Maj |

Fee Ss eon SET OR

Kommunfullmaktige | 13.00 | 10* | 7| -]4|
2,30 |
Allmanna utskottet | 8.00 | 11*,25 | 8*,22 | 8} 5*,19 | 3 |
"""
    got = [(title, date) for title, date, _, _ in _meetings(extract(damaged))]
    assert got == sorted([
        ("Kommunfullmäktige", "2022-01-10"), ("Kommunfullmäktige", "2022-02-07"), ("Kommunfullmäktige", "2022-04-04"),
        ("Kommunfullmäktige", "2022-05-02"), ("Kommunfullmäktige", "2022-05-30"),
        *[("Allmänna utskottet", day) for day in (
            "2022-01-11", "2022-01-25", "2022-02-08", "2022-02-22", "2022-03-08", "2022-04-05", "2022-04-19",
            "2022-05-03")],
    ])


def test_a_row_that_lost_a_cell_is_left_alone() -> None:
    text = TABLE.replace("| 8.00 | 11*,25 | 8*,22 | 8 |", "| 8.00 | 11*,25 8*,22 | 8 |")
    assert all(i["title"] != "Allmänna utskottet" for i in extract(text)["items"])


# (month, day) of a plan of 2022: Mondays (KF), Wednesdays (KS), Tuesdays and Thursdays (utskott).
PLAN_2022 = [(1, 10), (2, 7), (3, 7), (4, 4), (5, 2), (1, 19), (2, 16), (3, 16), (1, 11), (1, 25), (2, 8), (1, 13),
             (2, 10), (3, 17), (4, 21), (6, 22)]


def test_a_plan_that_names_no_year_is_placed_where_its_days_are_working_days() -> None:
    assert weekday_fit_year(PLAN_2022, latest=2027) == 2022
    # 2033 has 2022's calendar: the latest year that fits wins, and 2011 is only taken when nothing later fits.
    assert weekday_fit_year(PLAN_2022, latest=2034) == 2033
    assert weekday_fit_year(PLAN_2022, latest=2021, span=12) == 2011


def test_no_year_when_the_days_cannot_tell_or_are_too_few() -> None:
    assert weekday_fit_year(PLAN_2022[:5], latest=2027) is None
    # Every day of a week once: each year puts two of seven on a weekend.
    assert weekday_fit_year([(3, d) for d in range(1, 8)] * 2, latest=2027) is None


def test_a_yearless_table_gets_the_year_its_weekdays_fit() -> None:
    # This year, whatever it is: next year, the latest the extractor considers, never has the same calendar.
    year = dt.date.today().year
    mondays = [dt.date(year, month, 1) + dt.timedelta(days=(7 - dt.date(year, month, 1).weekday()) % 7)
               for month in (1, 2, 3, 4)]
    cells = " | ".join(str(d.day) for d in mondays)
    thursdays = " | ".join(str(d.day + 3) for d in mondays)  # Mondays alone would fit three years' weekdays
    text = f"Organ | Tid | Jan | Feb | Mars | April |\n---|---|---|---|---|---|\nStyrelsen | 18.00 | {cells} |\n" \
           f"Utskottet | 9.00 | {thursdays} |\n"
    got = sorted(i["date"] for i in extract(text)["items"] if i["title"] == "Styrelsen")
    assert got == [d.isoformat() for d in mondays]


def _first(weekday: int, year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7)


def test_a_yearless_list_plan_of_several_bodies_gets_the_year_its_weekdays_fit() -> None:
    year = dt.date.today().year  # next year, the latest considered, never has this year's calendar
    months = ("januari", "februari", "mars")
    kf = [_first(0, year, k + 1) for k in range(3)]  # Mondays
    ks = [_first(3, year, k + 1) for k in range(3)]  # Thursdays
    text = ("Sammanträdestider\n\n"
            f"Kommunfullmäktige kl 18.00: {', '.join(f'{d.day} {months[d.month - 1]}' for d in kf)}\n\n"
            f"Kommunstyrelsen kl 13.00: {', '.join(f'{d.day} {months[d.month - 1]}' for d in ks)}\n")
    got = sorted((i["date"], i["title"]) for i in extract(text)["items"])
    assert got == sorted([(d.isoformat(), "Kommunfullmäktiges sammanträde") for d in kf]
                         + [(d.isoformat(), "Kommunstyrelsens sammanträde") for d in ks])


def test_the_abbreviations_every_municipality_uses_name_their_bodies() -> None:
    text = ("Sammanträdestider 2022\n\nOrgan | Tid | Jan | Feb | Mars |\n---|---|---|---|---|\n"
            "KF | 18.00 | 10 | 7 | 7 |\nKS AU | 8.30 | 11 | 8 | 8 |\nBUN | 13.00 | 12 | 9 | 9 |\n")
    assert sorted({i["title"] for i in extract(text)["items"]}) == [
        "BUN", "Kommunfullmäktige", "Kommunstyrelsens arbetsutskott"]


def test_a_second_table_right_under_the_first_is_read_with_its_own_months() -> None:
    text = ("Sammanträdestider 2022\n\nOrgan | Tid | Jan | Feb | Mars |\n---|---|---|---|---|\n"
            "Kommunfullmäktige | 13.00 | 10 | 7 | 7 |\nOrgan | Tid | Juli | Augusti | September |\n"
            "Kommunfullmäktige | 13.00 | - | 29 | 19 |\n")
    assert [i["date"] for i in extract(text)["items"]] == [
        "2022-01-10", "2022-02-07", "2022-03-07", "2022-08-29", "2022-09-19"]


def test_a_pipe_table_with_a_row_per_month_and_a_column_per_body() -> None:
    from planner.extract import extract

    text = ("Mötesdatum 2026\n\n| Månad | Styrelse | Arbetsutskott | Tid |\n|---|---|---|---|\n"
            "| Januari | 23 | 9 | 13.00 |\n| Februari | 20 | 6, 27 | 13.00 |\n| Mars | - | 6 | 09.00-12.00 |\n")
    got = sorted((i["date"], i["start"], i["title"]) for i in extract(text)["items"])
    assert got == [("2026-01-09", "13:00", "Arbetsutskott"), ("2026-01-23", "13:00", "Styrelse"),
                   ("2026-02-06", "13:00", "Arbetsutskott"), ("2026-02-20", "13:00", "Styrelse"),
                   ("2026-02-27", "13:00", "Arbetsutskott"), ("2026-03-06", "09:00", "Arbetsutskott")]
