"""A plan of several bodies side by side, flattened: column heads, then rows of one date per column
(extract/colplans.py)."""

from __future__ import annotations

from planner.extract import extract

PLAN = "\n".join([
    "Mötesplan 2031", "",
    "Barn- och utbildningsnämndens", "arbetsutskott", "måndagar kl.08.30", "i Lilla salen",
    "  Barn- och utbildningsnämnden", "  onsdagar kl.13.00", "  i Stora salen",
    "  Kommunfullmäktige", "  torsdagar kl.18.30", "  i Aulan",
    "  13 januari   22 januari   30 januari",
    "  10 februari   19 februari, kl.10   -",
    "  3 mars   -   20 mars, budget",
    " 7 april",
    " 14 april",
    " 16 april",
    " 23 april, kl.9",
    " 17 april",
    " 24 april",
    "  5 maj   14 maj   22 maj",
    "Påsklov 14/4 - 18/4",
])


def _meetings(text: str) -> list[tuple[str, str, str | None]]:
    return sorted((i["title"], i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "meeting")


def test_each_date_takes_its_column_s_body_and_time_unless_its_cell_gives_one() -> None:
    au, bun, kf = "Barn- och utbildningsnämndens arbetsutskott", "Barn- och utbildningsnämnden", "Kommunfullmäktige"
    expected = sorted([
        (au, "2031-01-13", "08:30"), (bun, "2031-01-22", "13:00"), (kf, "2031-01-30", "18:30"),
        (au, "2031-02-10", "08:30"), (bun, "2031-02-19", "10:00"),
        (au, "2031-03-03", "08:30"), (f"{kf} (budget)", "2031-03-20", "18:30"),  # the cell's own note
        # the April cells held two dates each, flattened one a line: read column by column
        (au, "2031-04-07", "08:30"), (au, "2031-04-14", "08:30"), (bun, "2031-04-16", "13:00"),
        (bun, "2031-04-23", "09:00"), (kf, "2031-04-17", "18:30"), (kf, "2031-04-24", "18:30"),
        (au, "2031-05-05", "08:30"), (bun, "2031-05-14", "13:00"), (kf, "2031-05-22", "18:30"),
    ])
    assert _meetings(PLAN) == expected
    ocr = "\n".join(" ".join(line.split()) for line in PLAN.splitlines()).replace("kl.", "kI.").replace("- -", "--")
    assert _meetings(ocr) == expected


def test_single_date_lines_that_split_no_even_way_end_the_table() -> None:
    odd = PLAN.replace(" 24 april\n", "")  # five dates for three columns
    got = _meetings(odd)
    assert ("Kommunfullmäktige (budget)", "2031-03-20", "18:30") in got
    assert ("Kommunfullmäktige", "2031-05-22", "18:30") not in got  # no guess: the rows after are left to the text


def test_a_head_may_give_its_body_and_time_on_one_line() -> None:
    text = "\n".join(["Sammanträden 2031", "", "Kommunstyrelsen tisdagar kl 13.00",
                      "Kommunfullmäktige måndagar kl 18.00", "",
                      "14 januari   27 januari", "11 februari   -", "11 mars   24 mars kl 9", ""])
    assert _meetings(text) == sorted([
        ("Kommunstyrelsen", "2031-01-14", "13:00"), ("Kommunfullmäktige", "2031-01-27", "18:00"),
        ("Kommunstyrelsen", "2031-02-11", "13:00"),
        ("Kommunstyrelsen", "2031-03-11", "13:00"), ("Kommunfullmäktige", "2031-03-24", "09:00"),
    ])


def test_a_sentence_right_above_the_heads_is_no_part_of_a_name_and_a_cell_s_note_names_its_meeting() -> None:
    intro = "Mötesplan 2031\n\nPlanen gäller nämnden, dess utskott och\nfullmäktige.\n"
    text = PLAN.replace("Mötesplan 2031\n\n", intro).replace("20 mars, budget", "20 mars, budget, extrainsatt")
    got = _meetings(text)
    assert ("Barn- och utbildningsnämndens arbetsutskott", "2031-01-13", "08:30") in got
    assert ("Kommunfullmäktige (budget extrainsatt)", "2031-03-20", "18:30") in got
