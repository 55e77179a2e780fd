"""A next meeting named by its day alone ("den 24:e"), dated from the minutes' own day (extract/day_only.py)."""

from __future__ import annotations

import pytest

from planner.extract import extract

MINUTES = "Protokoll styrelsemöte {held}\n\nNärvarande: Anna Berg, Bo Ek\n\n§ 1 Mötet öppnades.\n\n§ 5 {sentence}\n"


@pytest.mark.parametrize(("held", "sentence", "want"), [
    ("2026-03-10", "Nästa möte blir den 24:e kl 18.00.", ("2026-03-24", "18:00")),
    ("2026-03-10", "Styrelsen har preliminärt bokat in 3:e 10:00 för nästa möte.", ("2026-04-03", "10:00")),
    ("2026-12-10", "Nästa styrelsemöte hålls den 7:e.", ("2027-01-07", None)),
])
def test_the_day_alone_is_this_month_s_or_once_it_has_passed_the_next_month_s(held: str, sentence: str,
                                                                               want: tuple) -> None:
    items = extract(MINUTES.format(held=held, sentence=sentence))["items"]
    assert [(i["date"], i["start"]) for i in items if i["kind"] == "next_meeting"] == [want]


def test_a_sentence_with_a_full_date_or_no_next_meeting_gives_no_day_alone() -> None:
    text = MINUTES.format(held="2026-03-10", sentence="Nästa möte blir den 14 april. Kassören har 31:a i kassan.")
    assert [i["date"] for i in extract(text)["items"] if i["kind"] == "next_meeting"] == ["2026-04-14"]
    text = MINUTES.format(held="2026-03-10", sentence="Avgiften betalas senast den 24:e.")
    assert [i for i in extract(text)["items"] if i["kind"] == "next_meeting"] == []
