"""Codes never reach a user's eyes: statuses, kinds, lead times and file errors in Swedish (English via catalog)."""

from __future__ import annotations

import datetime as dt
import io
import re

from planner.db import db
from planner.models import ReminderDelivery
from planner.reminders import sync_event_reminders
from planner.reminders.leads import lead_label
from planner.schedule.accept import accept
from tests.conftest import csrf_token_from
from tests.reminders_helpers import UTC, local, meeting, org_with_bodies, subscriber
from tests.review_helpers import FUTURE, item, make_document, run_imports


def test_lead_times_read_as_people_say_them() -> None:
    assert [lead_label(x) for x in ("P0D", "P1D", "P7D", "P14D", "PT1H", "PT2H", "digest")] == [
        "samma dag", "1 dag före", "7 dagar före", "14 dagar före", "1 timme före", "2 timmar före", "veckobrev"]
    assert lead_label("P7D", "en") == "7 days before"


def _cells(html: str) -> list[str]:
    """The text of each table cell, whatever attributes the cell carries (labels for phones)."""
    return re.findall(r"<td[^>]*>([^<]*)</td>", html)


def test_deliveries_page_shows_swedish_statuses_leads_and_digest(client, login) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)
    sync_event_reminders(meeting(org, styr, local(2030, 12, 6, 9, 30)), dt.datetime(2030, 11, 1, tzinfo=UTC))
    db.session.add(ReminderDelivery(recipient="anna@varberg.se", occurrence="2030-12-02", lead="digest",
                                    kind="digest", due_at=dt.datetime(2030, 12, 2, 6, tzinfo=UTC)))
    db.session.commit()
    login("admin")
    page = client.get("/paminnelser/admin").get_data(as_text=True)
    cells = _cells(page)
    assert "7 dagar före|väntar" in "|".join(cells) and "1 dag före" in cells
    assert "veckobrev" in cells and "väntar: 3" in page
    for code in (">P1D<", ">P7D<", ">pending", ">digest<"):
        assert code not in page
    client.get("/sprak/en")
    english = client.get("/paminnelser/admin").get_data(as_text=True)
    assert "7 days before|pending" in "|".join(_cells(english))


def test_event_page_has_no_version_number_and_kinds_are_words(client, login) -> None:
    document = make_document(text=FUTURE, meeting={}, items=[
        item("next_meeting", "2030-12-06", 7, start="09:30", title="Nästa möte", text=FUTURE)])
    event = accept(document.proposals[0])
    db.session.commit()
    login("secretary", org=document.organization)
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Version" not in page and "Senast ändrad" in page and "<dd>Möte</dd>" in page
    client.get("/sprak/en")
    assert "<dd>Meeting</dd>" in client.get(f"/events/{event.id}").get_data(as_text=True)


def test_unreadable_pdf_is_explained_in_swedish(client, login) -> None:
    from planner.schedule.orgs import get_or_create_organization

    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    token = csrf_token_from(client.get("/documents/").get_data(as_text=True))
    response = client.post("/documents/upload", data={"csrf_token": token,
                                                      "files": [(io.BytesIO(b"%PDF-1.4 trasig"), "trasig.pdf")]},
                           content_type="multipart/form-data")
    run_imports()  # the upload is read by the scheduler's import job
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "PDF:en är trasig eller går inte att läsa" in page
    assert "broken" not in page and "PdfiumError" not in page
