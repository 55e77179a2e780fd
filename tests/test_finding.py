"""Finding things: one search over events and minutes, the list's date range and pages, per organization."""

from __future__ import annotations

import datetime as dt
import re

from planner.db import db
from planner.models import Document, Event, Proposal
from planner.schedule.orgs import get_or_create_body, get_or_create_organization
from planner.web.search import first_line_hit, matches, paginate, terms


def _day_event(org, body, title: str, day: dt.date, location: str | None = None) -> Event:
    event = Event(organization_id=org.id, body_id=body.id if body else None, title=title, kind="meeting",
                  status="confirmed", all_day=True, start_date=day, end_date=day, location=location, exdates=[])
    db.session.add(event)
    return event


def _titles(html: str) -> list[str]:
    return re.findall(r'<a class="what" href="/events/\d+">([^<]+)</a>', html)


def test_search_words_fold_case_beyond_ascii_and_all_must_match() -> None:
    words = terms('  "Öresund"  Styrgrupp, ')
    assert words == ["öresund", "styrgrupp"]
    assert matches(words, ["Styrgruppens möte", None, "ÖRESUNDSKOMMITTÉN"])
    assert not matches(words, ["Styrgruppens möte"])
    assert first_line_hit("Rubrik\nmöte i Varberg\nStyrgrupp i VARBERG\n", terms("varberg styrgrupp")) == (
        3, "Styrgrupp i VARBERG")
    assert first_line_hit("a\nVarberg\n", terms("varberg styrgrupp")) == (2, "Varberg")


def test_pages_are_clamped_and_count_from_one() -> None:
    page = paginate(list(range(120)), 3)
    assert (page.items[0], page.items[-1], page.count, page.first_index, page.last_index) == (100, 119, 3, 101, 120)
    assert page.has_prev and not page.has_next
    assert paginate(list(range(120)), 99).number == 3 and paginate([], 2).number == 1
    assert paginate(list(range(50)), 1).count == 1


def test_search_finds_events_by_title_place_and_body_and_minutes_by_their_line(client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    styr, lg = get_or_create_body(org, "Styrgrupp"), get_or_create_body(org, "Ledningsgrupp")
    other = get_or_create_organization("Annat förbund")
    soon = dt.date.today() + dt.timedelta(days=20)
    _day_event(org, styr, "Möte om kollektivtrafik", soon, location="Örebro slott")
    _day_event(org, lg, "Budgetdag", soon + dt.timedelta(days=1))
    _day_event(other, None, "Hemligt möte om kollektivtrafik", soon)
    document = Document(organization_id=org.id, body_id=lg.id, filename="lg-2026-11-06.txt", sha256="a" * 64,
                        text="Protokoll\nÖvriga frågor\nVattenférsérjning diskuterades i Kungsbacka.\n")
    db.session.add(document)
    db.session.flush()
    db.session.add(Proposal(document_id=document.id, kind="meeting", title="Workshop om vattenförsörjning",
                            date_text=soon.isoformat(), evidence_line=3, status="pending",
                            evidence_text="Vattenférsérjning diskuterades i Kungsbacka."))
    db.session.add(Document(organization_id=other.id, filename="annat.txt", sha256="b" * 64,
                            text="Kungsbacka och vattenförsörjning\n"))
    db.session.commit()
    login("secretary", org=org)

    assert _titles(client.get("/events/?q=KOLLEKTIVTRAFIK").get_data(as_text=True)) == ["Möte om kollektivtrafik"]
    assert _titles(client.get("/events/?q=örebro").get_data(as_text=True)) == ["Möte om kollektivtrafik"]
    assert _titles(client.get("/events/?q=ledningsgrupp").get_data(as_text=True)) == ["Budgetdag"]

    found = client.get("/events/?q=vattenförsörjning").get_data(as_text=True)
    assert f'href="/documents/{document.id}#line-3"' in found and "lg-2026-11-06.txt" in found
    assert "annat.txt" not in found  # another organization's minutes stay out of reach
    by_text = client.get("/events/?q=kungsbacka").get_data(as_text=True)
    assert f'href="/documents/{document.id}#line-3"' in by_text and "annat.txt" not in by_text
    nothing = client.get("/events/?q=finnsinte").get_data(as_text=True)
    assert "Inga protokoll som matchar." in nothing and "Inga händelser som matchar." in nothing
    # the box in the top bar leads to the same page and keeps what was typed
    assert 'role="search"' in nothing and 'value="finnsinte"' in nothing


def test_list_pages_by_fifty_within_a_date_range_and_keeps_the_filters(client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    styr = get_or_create_body(org, "Styrgrupp")
    start = dt.date(2027, 1, 1)
    for i in range(120):
        _day_event(org, styr, f"Möte {i:03d}", start + dt.timedelta(days=i))
    _day_event(org, styr, "Utanför intervallet", dt.date(2028, 1, 1))
    db.session.commit()
    login("secretary", org=org)

    first = client.get(f"/events/?from=2027-01-01&to=2027-12-31&body={styr.id}").get_data(as_text=True)
    assert _titles(first) == [f"Möte {i:03d}" for i in range(50)]
    assert "1–50 av 120" in first and "Sida 1 av 3" in first and "Föregående" not in first
    nxt = re.search(r'<a class="button secondary" rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert "page=2" in nxt and f"body={styr.id}" in nxt and "from=2027-01-01" in nxt and "to=2027-12-31" in nxt
    third = client.get(nxt.replace("page=2", "page=3")).get_data(as_text=True)
    assert _titles(third) == [f"Möte {i:03d}" for i in range(100, 120)] and "Nästa" not in third
    assert "Föregående" in third and "Utanför intervallet" not in third

    one_week = client.get("/events/?from=2027-01-10&to=2027-01-16").get_data(as_text=True)
    assert _titles(one_week) == [f"Möte {i:03d}" for i in range(9, 16)]
    swapped = client.get("/events/?from=2027-01-16&to=2027-01-10").get_data(as_text=True)
    assert _titles(swapped) == _titles(one_week) and "har bytt plats" in swapped
    bad = client.get("/events/?from=10/1/2027").get_data(as_text=True)
    assert "skriv datumet som ÅÅÅÅ-MM-DD" in bad
    searched = client.get("/events/?q=möte+11&from=2027-01-01&to=2027-12-31").get_data(as_text=True)
    assert _titles(searched) == ["Möte 011"] + [f"Möte {i}" for i in range(110, 120)]


def test_a_search_lists_at_most_twenty_minutes(client, login) -> None:
    """Every minute of ten years may mention "budget": the page names the first twenty, not all."""
    from planner.web.search import MAX_DOCUMENT_HITS

    org = get_or_create_organization("Kustkommunerna")
    for n in range(MAX_DOCUMENT_HITS + 5):
        db.session.add(Document(organization_id=org.id, filename=f"styrgrupp-{n:02d}.txt", sha256=f"{n:064x}",
                                text=f"Protokoll {n}\nBudgeten diskuterades.\n"))
    db.session.commit()
    login("secretary", org=org)
    page = client.get("/events/?q=budgeten").get_data(as_text=True)
    assert len(set(re.findall(r"styrgrupp-\d\d\.txt", page))) == MAX_DOCUMENT_HITS
