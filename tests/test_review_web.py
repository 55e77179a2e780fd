"""Reviewing in the browser's place: upload, check against evidence, edit, accept; refusals change nothing."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

from planner.db import db
from planner.models import Document, Event, EventChange, Proposal
from planner.schedule.orgs import get_or_create_organization
from tests.conftest import EXAMPLES, csrf_token_from
from tests.review_helpers import FUTURE, item, make_document, run_imports

STHLM = ZoneInfo("Europe/Stockholm")


def _token(client, url: str = "/documents/") -> str:
    return csrf_token_from(client.get(url).get_data(as_text=True))


def test_upload_many_files_recognises_duplicates_and_names_bad_ones(client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    minutes = (EXAMPLES / "kustkommunerna-styrgrupp-2026-10-16.txt").read_bytes()
    files = [(io.BytesIO(minutes), "styrgrupp.txt"), (io.BytesIO(b""), "tom.txt"),
             (io.BytesIO(b"MZ\x00\x00binary"), "program.exe")]
    page = client.post("/documents/upload", data={"csrf_token": _token(client), "files": files},
                       content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "styrgrupp.txt: mottagen, läses in nu" in page
    assert "tom.txt kunde inte läsas: filen är tom" in page
    assert "program.exe: bara .txt, .pdf och .docx" in page
    again = client.post("/documents/upload", data={"csrf_token": _token(client),
                                                   "files": [(io.BytesIO(minutes), "kopia.txt")]},
                        content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "kopia.txt är redan uppladdad (som styrgrupp.txt)" in again
    assert run_imports() == 1
    documents = db.session.scalars(db.select(Document)).all()
    assert [d.filename for d in documents] == ["styrgrupp.txt"]
    assert documents[0].organization_id == org.id and documents[0].text.startswith("Kustkommunerna")


def test_docx_minutes_are_read_and_shown_line_by_line(client, login, tmp_path) -> None:
    import docx

    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    made = docx.Document()
    for text in ("Minnesanteckningar Styrgruppen", "Datum: 2026-12-04", "Plats: Rådhuset, Falkenberg"):
        made.add_paragraph(text)
    path = tmp_path / "styrgrupp.docx"
    made.save(str(path))
    response = client.post("/documents/upload", data={"csrf_token": _token(client),
                                                      "files": [(path.open("rb"), "styrgrupp.docx")]},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    run_imports()
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert '<li id="L2"' in page and "Datum: 2026-12-04</span>" in page


def test_too_large_upload_gets_a_clear_swedish_message(app, client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    app.config["MAX_CONTENT_LENGTH"] = 2000
    app.config["MAX_UPLOAD_MB"] = 0.002
    big = io.BytesIO(b"Datum 2026-12-04\n" * 500)
    response = client.post("/documents/upload", data={"csrf_token": _token(client), "files": [(big, "stor.txt")]},
                           content_type="multipart/form-data")
    assert response.status_code == 413
    assert "större än 0.002 MB" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Document.id))) == 0


def test_document_page_shows_numbered_lines_evidence_and_proposals(client, login) -> None:
    document = make_document()
    login("secretary", org=document.organization)
    page = client.get(f"/documents/{document.id}").get_data(as_text=True)
    assert '<li id="L7" class="evidence"><span class="no">7</span>' in page
    assert 'href="#L7"' in page and "rad 7:" in page
    assert "fredag 4 december 2026, 09.30–12.00" in page and "v. 49" in page
    assert "Kortkommandon" in page and "<kbd>j</kbd>" in page


def test_edit_time_then_accept_makes_the_event_with_audit(client, login) -> None:
    document = make_document()
    user = login("secretary", org=document.organization)
    proposal = next(p for p in document.proposals if p.kind == "next_meeting")
    token = _token(client, f"/documents/{document.id}")
    response = client.post(f"/documents/{document.id}/proposals/{proposal.id}", data={
        "csrf_token": token, "action": "accept", "kind": "next_meeting", "title": "Styrgruppens möte",
        "date": "2026-12-04", "end_date": "", "start": "10.00", "end": "12:30", "location": "Rådhuset, Falkenberg",
        "body_id": str(proposal.body_id)})
    assert response.status_code == 302
    db.session.expire_all()
    event = db.session.get(Proposal, proposal.id).event
    assert event.title == "Styrgruppens möte" and event.status == "confirmed"
    assert event.start_at == dt.datetime(2026, 12, 4, 10, 0, tzinfo=STHLM)
    assert event.end_at == dt.datetime(2026, 12, 4, 12, 30, tzinfo=STHLM)
    change = db.session.scalar(db.select(EventChange).filter_by(event_id=event.id))
    assert change.action == "created" and change.user_id == user.id
    shown = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "fredag 4 december 2026, 10.00–12.30" in shown and user.email in shown


def test_wrong_match_can_be_accepted_as_a_new_event(client, login) -> None:
    from planner.schedule.accept import accept

    first = make_document()
    for proposal in first.proposals:
        accept(proposal)
    db.session.commit()
    second = make_document(filename="andra.txt", meeting={}, items=[
        {"kind": "next_meeting", "date": "2026-12-04", "title": "Nästa möte", "confidence": 0.9}])
    proposal = second.proposals[0]
    assert proposal.event_id is not None
    login("secretary", org=second.organization)
    count = db.session.scalar(db.select(db.func.count(Event.id)))
    client.post(f"/documents/{second.id}/proposals/{proposal.id}", data={
        "csrf_token": _token(client, f"/documents/{second.id}"), "action": "accept_new", "kind": "next_meeting",
        "title": "Extra möte", "date": "2026-12-04", "start": "14.00"})
    assert db.session.scalar(db.select(db.func.count(Event.id))) == count + 1


def test_bad_time_is_refused_and_nothing_is_accepted(client, login) -> None:
    document = make_document()
    login("secretary", org=document.organization)
    proposal = document.proposals[0]
    page = client.post(f"/documents/{document.id}/proposals/{proposal.id}", data={
        "csrf_token": _token(client, f"/documents/{document.id}"), "action": "accept", "kind": proposal.kind,
        "date": "2026-12-04", "start": "25.99"}, follow_redirects=True).get_data(as_text=True)
    assert "Starttid: skriv tiden som 9.45" in page
    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).status == "pending"
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0


def test_accept_all_asks_once_then_accepts_the_listed_and_reject(client, login) -> None:
    document = make_document(text=FUTURE, meeting={"date": "2030-10-18"}, items=[
        item("next_meeting", "2030-12-06", 7, start="09:30", title="Nästa möte", confidence=0.95, text=FUTURE),
        item("meeting", "2030-12", 6, title="Planen fastställs", confidence=0.9, text=FUTURE),
        item("deadline", "2030-11-15", 8, title="Synpunkter på planen", confidence=0.6, text=FUTURE)])
    login("secretary", org=document.organization)
    ask = client.get(f"/documents/{document.id}/accept-all?min_confidence=0.8").get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0, "the question accepts nothing"
    assert "Godkänns (2)" in ask and "fredag 6 december 2030" in ask and "09.30" in ask
    assert "rad 7</a>: <q>Fredagen den 6 december kl 9.30-12.00" in ask
    assert "Planen fastställs" in ask and "har bara månad eller vecka" in ask
    client.post(f"/documents/{document.id}/accept-all",
                data={"csrf_token": csrf_token_from(ask), "min_confidence": "0.8", "confirm": "1",
                      "proposal": [p.id for p in document.proposals if p.title != "Planen fastställs"]})
    db.session.expire_all()
    status = {p.title: p.status for p in db.session.get(Document, document.id).proposals}
    assert status == {"Möte: Styrgrupp": "accepted", "Nästa möte": "accepted", "Synpunkter på planen": "pending",
                      "Planen fastställs": "pending"}  # only the month is known: a person picks the day
    page = client.get(f"/documents/{document.id}").get_data(as_text=True)
    assert "december 2030</strong>" in page and "1 har bara månad eller vecka" in page
    deadline = next(p for p in db.session.get(Document, document.id).proposals if p.kind == "deadline")
    client.post(f"/documents/{document.id}/proposals/{deadline.id}",
                data={"csrf_token": _token(client, f"/documents/{document.id}"), "action": "reject"})
    db.session.expire_all()
    assert db.session.get(Proposal, deadline.id).status == "rejected"
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 2


def test_other_organizations_document_is_hidden_and_unchanged(client, login) -> None:
    theirs = make_document("Södertörnskommunerna", "Ledningsgrupp", filename="sodertorn.txt")
    mine = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=mine)
    proposal = theirs.proposals[0]
    token = _token(client)
    assert client.get(f"/documents/{theirs.id}").status_code == 404
    assert client.post(f"/documents/{theirs.id}/proposals/{proposal.id}",
                       data={"csrf_token": token, "action": "accept", "kind": "meeting",
                             "date": "2026-10-16"}).status_code == 404
    assert client.post(f"/documents/{theirs.id}/accept-all",
                       data={"csrf_token": token, "min_confidence": "0"}).status_code == 404
    assert "sodertorn.txt" not in client.get("/documents/").get_data(as_text=True)
    db.session.expire_all()
    assert {p.status for p in db.session.get(Document, theirs.id).proposals} == {"pending"}
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0


def test_viewer_may_read_but_not_accept(client, login) -> None:
    document = make_document()
    login("viewer", org=document.organization)
    page = client.get(f"/documents/{document.id}").get_data(as_text=True)
    assert "Nästa möte" in page and 'value="accept"' not in page
    response = client.post(f"/documents/{document.id}/accept-all",
                           data={"csrf_token": _token(client), "min_confidence": "0"})
    assert response.status_code == 403
    db.session.expire_all()
    assert {p.status for p in db.session.get(Document, document.id).proposals} == {"pending"}


def test_forged_csrf_token_on_accept_changes_nothing(client, login) -> None:
    document = make_document()
    login("secretary", org=document.organization)
    response = client.post(f"/documents/{document.id}/accept-all", data={"csrf_token": "forged",
                                                                        "min_confidence": "0"})
    assert response.status_code == 400 and "inget har ändrats" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0


def test_markup_in_titles_is_shown_as_text(client, login) -> None:
    hostile = "<script>alert(1)</script>Möte"
    document = make_document(items=[{"kind": "meeting", "date": "2026-12-09", "title": hostile,
                                     "confidence": 0.9, "evidence": {"line": 2, "text": "<b>x</b>"}}])
    login("secretary", org=document.organization)
    page = client.get(f"/documents/{document.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;Möte" in page
