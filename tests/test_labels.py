"""One word per thing: a mail, a feed, the wheel and a page call a deadline, a holiday and a cancellation alike."""

from __future__ import annotations

import datetime as dt

from flask import Flask, g, render_template_string

from planner import labels
from planner.reminders.leads import lead_label
from planner.reminders.texts import kind_label as mail_kind_label
from planner.reminders.texts import lead_phrase, swedish_when
from planner.translations.en_strings import EN
from planner.wheel.model import Item
from planner.wheel.occurrences import time_label
from planner.wheel.text import item_title, kind_text
from tests.test_feeds_build import STOCKHOLM, event, text, unfolded

WORDS = {"meeting": "Möte", "deadline": "Deadline", "chair_handover": "Ordförandeskifte", "holiday": "Lov"}


def _item(kind: str, status: str = "confirmed") -> Item:
    day = dt.date(2027, 2, 5)
    return Item(key="e1", title="Budgetunderlag", kind=kind, start=day, end=day, ring="r", status=status)


def _feed_category(kind: str) -> str:
    lines = unfolded(text(event(kind=kind)))
    return next(line.removeprefix("CATEGORIES:") for line in lines if line.startswith("CATEGORIES:"))


def _page(app: Flask, source: str, lang: str = "sv", **values: str) -> str:
    with app.test_request_context("/"):
        g.lang = lang
        return render_template_string(source, **values)


def test_every_kind_has_one_word_in_mail_feed_wheel_and_page(app: Flask) -> None:
    for kind, word in WORDS.items():
        assert mail_kind_label(kind) == word, kind
        assert _feed_category(kind) == word, kind
        assert kind_text(_item(kind)) == word, kind
        assert _page(app, "{{ k|kind_label }}", k=kind) == word, kind


def test_cancelled_reads_inställd_on_the_wheel_and_the_page(app: Flask) -> None:
    assert item_title(_item("meeting", "cancelled")).endswith("(inställd)")
    assert _page(app, "{{ 'cancelled'|status_label }}") == "inställd"
    assert _page(app, "{{ 'cancelled'|status_label }}", "en") == "cancelled"
    assert _page(app, "{{ 'holiday'|kind_label }}", "en") == "Holiday"


def test_every_label_has_english_in_the_catalog() -> None:
    msgids = [*labels.KINDS.values(), *labels.DELIVERY_KINDS.values(), *labels.STATUSES.values(),
              *labels.LEAD_WORDS.values(), labels.FALLBACK_KIND]
    missing = [m for m in msgids if not EN.get(m)]
    assert not missing
    # the compiled catalog (what labels.translate reads) agrees with the source of the English
    assert [labels.translate(m, "en") for m in msgids] == [EN[m] for m in msgids]


def test_lead_words_in_both_languages() -> None:
    assert [lead_label(x, "en") for x in ("P0D", "P1D", "P3D", "PT1H", "PT90M", "digest")] == [
        "on the day", "1 day before", "3 days before", "1 hour before", "1 h 30 min before", "weekly digest"]
    assert lead_label("PT90M") == "1 tim 30 min före"
    sent = dt.datetime(2026, 12, 3, 7, tzinfo=dt.UTC)
    assert [lead_phrase(dt.date(2026, 12, d), sent) for d in (3, 4, 10)] == ["i dag", "i morgon", "om 7 dagar"]


def test_wheel_and_mail_write_a_time_alike() -> None:
    start = dt.datetime(2026, 12, 4, 9, 30, tzinfo=STOCKHOLM)
    end = dt.datetime(2026, 12, 4, 12, 0, tzinfo=STOCKHOLM)
    assert time_label(start, end) == "09.30–12.00"
    assert swedish_when(start, end) == "fredag 4 december 2026 kl. 09.30–12.00"
    # in UTC the same instants are 08.30 and 11.00: both write the Stockholm wall clock
    assert time_label(start.astimezone(dt.UTC), end.astimezone(dt.UTC)) == "09.30–12.00"
