"""Every page at 390 px without sideways scrolling, and in Swedish: as admin, as secretary and without a login.

The data is the demo's own (the example minutes in text form and the school holidays, imported as `make run`
does), plus a feed, a public body feed, a subscriber with planned and failed reminders, so every table has rows.
Screenshots at 1400 and 390 px go to tests/artifacts/every-page/ for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from planner.db import db, utcnow
from planner.models import Body, Document, Event, Feed, Organization, ReminderDelivery, Subscriber
from planner.reminders import sync_event_reminders
from tests.browser import ARTIFACTS
from tests.conftest import EXAMPLES, ROOT

# About 50 pages for three users at two widths, with screenshots: longer than the suite's 300 s on a loaded machine.
pytestmark = [pytest.mark.browser, pytest.mark.timeout(1200)]

PHONE = 390
# Words that mean a code or an English text reached the page (case-sensitive where Swedish has the word too).
ENGLISH = re.compile(r"\b(pending|claimed|sent|failed|expired|confirmed|tentative|accepted|rejected|digest|"
                     r"next_meeting|chair_handover|meeting|holiday|reference|None|True|False|Error|Not Found|"
                     r"Forbidden|Bad Request|Submit|Cancel|Delete|Save|Upload|Search|Previous|Next|Page \d|"
                     r"Version \d|P\d+D|PT\d+H|the file|is empty|Log in|Log out|Minutes|Calendar|"
                     r"Organization|Reminders|Feeds)\b")
PASSWORD = "rätt-lösenord-123"


def _demo(runner) -> dict[str, object]:
    text_minutes = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".docx"))
    result = runner.invoke(args=["import", *text_minutes, "--org", "Kustkommunerna", "--accept-all"])
    assert result.exit_code == 0, result.output
    ics = ROOT / "examples" / "calendars" / "skollov-2026-2027.ics"
    result = runner.invoke(args=["import-ics", str(ics), "--org", "Kustkommunerna", "--body", "Skollov",
                                 "--kind", "holiday"])
    assert result.exit_code == 0, result.output
    org = db.session.scalar(db.select(Organization).filter_by(name="Kustkommunerna"))
    bodies = db.session.scalars(db.select(Body).filter_by(organization_id=org.id).order_by(Body.id)).all()
    bodies[0].public_feed = True
    feed = Feed(name="Alla möten i Kustkommunerna med ett långt namn som inte får tränga ut sidan", organization=org)
    subscriber = Subscriber(email="kommundirektor.med.en.mycket.lang.adress@kustkommunerna.example",
                            organization=org, confirmed_at=utcnow(), weekly_digest=True)
    db.session.add_all([feed, subscriber])
    db.session.flush()
    events = db.session.scalars(db.select(Event).filter_by(organization_id=org.id).order_by(Event.id)).all()
    for event in events:
        sync_event_reminders(event)
    db.session.add(ReminderDelivery(
        recipient=subscriber.email, subscriber_id=subscriber.id, event_id=events[0].id, occurrence="2026-12-04",
        lead="P7D", kind="reminder", status="failed", attempts=10, due_at=utcnow() - dt.timedelta(days=2),
        last_error="550 5.1.1 <kommundirektor.med.en.mycket.lang.adress@kustkommunerna.example>: Mottagaren finns "
                   "inte (Recipient address rejected: User unknown in virtual mailbox table)"))
    db.session.commit()
    documents = db.session.scalars(db.select(Document).order_by(Document.id)).all()
    return {"org": org, "body": bodies[0], "feed": feed, "subscriber": subscriber, "events": events,
            "documents": documents}


def _pages(demo: dict, role: str) -> list[str]:
    org, body, feed, sub = demo["org"], demo["body"], demo["feed"], demo["subscriber"]
    if role == "anonymous":
        return ["/auth/login", "/paminnelser/", f"/feeds/{feed.token}", f"/feeds/public/{org.slug}/{body.slug}",
                f"/paminnelser/bekrafta/{sub.token}", f"/paminnelser/installningar/{sub.token}",
                f"/paminnelser/avregistrera/{sub.token}", "/finns-inte",
                f"/arshjul/{org.slug}/2027?embed=1&token={feed.token}"]
    events, documents = demo["events"], demo["documents"]
    year = dt.date.today().year
    pages = ["/", "/documents/", "/events/", "/events/month", "/events/month?year=2027&month=2", "/events/new",
             "/events/?q=styrgrupp", "/events/?q=workshop", "/arshjul/", f"/arshjul/{org.slug}/{year}",
             f"/arshjul/{org.slug}/{year}/nasta-ar", "/paminnelser/", "/paminnelser/admin", "/org/",
             f"/org/{org.id}"]
    pages += [f"/documents/{d.id}" for d in documents] + [f"/documents/{documents[-1].id}/accept-all"]
    pages += [f"/events/{e.id}" for e in events[:3]] + [f"/events/{events[0].id}/edit"]
    if role == "admin":
        pages += ["/feeds/admin/", "/feeds/admin/import"]
    return pages


def _login(page, url: str, email: str) -> None:
    page.goto(url + "/auth/login")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(lambda u: "/auth/login" not in u)


# What a person reads, less what is quoted as it came (an SMTP server's reply, marked translate="no").
VISIBLE_TEXT = """() => {
  let text = document.body.innerText;
  for (const quoted of document.querySelectorAll('[translate="no"]')) text = text.replace(quoted.innerText, '');
  return text;
}"""
WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > limit + 1)
    .slice(0, 3).map(e => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`);
}"""


def test_every_page_fits_a_phone_and_speaks_swedish(app, live_server, chromium, runner, make_user, backend) -> None:
    demo = _demo(runner)
    make_user("admin@kustkommunerna.example", role="admin")
    make_user("lena@kust.se", role="secretary", org=demo["org"])
    too_wide: list[str] = []
    english: list[str] = []
    visited = 0
    shots = ARTIFACTS / "every-page"
    shots.mkdir(parents=True, exist_ok=True)
    for role, email in (("admin", "admin@kustkommunerna.example"), ("secretary", "lena@kust.se"),
                        ("anonymous", None)):
        widths = (PHONE, 1400) if backend == "sqlite" else (PHONE,)
        for width in widths:
            context = chromium.new_context(viewport={"width": width, "height": 860}, locale="sv-SE",
                                           timezone_id="Europe/Stockholm")
            page = context.new_page()
            page.set_default_timeout(15_000)
            if email:
                _login(page, live_server.url, email)
            for path in _pages(demo, role):
                page.goto(live_server.url + path)
                visited += 1
                if width == PHONE:
                    scroll = page.evaluate("document.documentElement.scrollWidth")
                    if scroll > PHONE:
                        too_wide.append(f"{role} {path}: {scroll}px {page.evaluate(WIDEST)}")
                    text = page.evaluate(VISIBLE_TEXT)
                    english += [f"{role} {path}: {m.group(0)!r} in …{text[max(0, m.start() - 40):m.end() + 20]!r}"
                                for m in ENGLISH.finditer(text)]
                if backend == "sqlite":
                    name = re.sub(r"[^a-z0-9]+", "-", re.sub(r"[\w-]{20,}", "token", path).lower()).strip("-")
                    name = name or "home"
                    page.screenshot(path=str(shots / f"{role}-{name[:60]}-{width}.png"), full_page=True)
            context.close()
    assert visited >= 50
    assert not too_wide, "wider than the phone:\n" + "\n".join(too_wide)
    assert not english, "English or codes on Swedish pages:\n" + "\n".join(english)
