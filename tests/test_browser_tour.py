"""The README's tour, done literally in chromium on the demo `make run` loads, never makes a duplicate or an
event longer than the minutes say; every name the tour uses exists in that demo."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from planner.db import db
from planner.models import Body, Event, Proposal
from planner.schedule.datefmt import STOCKHOLM
from tests.conftest import EXAMPLES, ROOT
from tests.review_helpers import run_imports

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]  # it OCRs the scanned example, as make run does

TOUR_MINUTES = ROOT / "examples" / "tour" / "kustkommunerna-styrgrupp-2026-12-04.txt"
ADMIN, PASSWORD = "admin@kustkommunerna.example", "demo-losenord"


def _tour_text() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("<!-- tour -->", 1)[1].split("\n## ", 1)[0]


def _make_run(runner) -> None:
    """What `make run` loads, in its order (Makefile)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "planner import examples/minutes/* --org Kustkommunerna --accept-all" in makefile
    assert "import-ics examples/calendars/skollov-2026-2027.ics --org Kustkommunerna --body Skollov" in makefile
    result = runner.invoke(args=["import", *sorted(str(p) for p in EXAMPLES.iterdir()), "--org", "Kustkommunerna",
                                 "--accept-all"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["import-ics", str(ROOT / "examples/calendars/skollov-2026-2027.ics"), "--org",
                                 "Kustkommunerna", "--body", "Skollov", "--kind", "holiday"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["create-user", ADMIN, "--role", "admin", "--password", PASSWORD])
    assert result.exit_code == 0, result.output


def _day(event: Event) -> dt.date:
    return event.start_at.astimezone(STOCKHOLM).date() if event.start_at else event.start_date


def _duplicates() -> list[tuple]:
    """Two live events of one body, kind and day: one real meeting shown twice."""
    live = db.session.scalars(db.select(Event).where(Event.deleted_at.is_(None), Event.series_id.is_(None))).all()
    counts = Counter((e.body_id, e.kind, _day(e)) for e in live if e.status != "cancelled")
    return [key for key, n in counts.items() if n > 1]


def _longer_than_the_minutes() -> list[str]:
    """Events that last longer than the accepted proposal behind them says, or meetings over a day."""
    found = []
    latest: dict[int, Proposal] = {}  # the proposal that last shaped each event is what the minutes now say
    for proposal in db.session.scalars(db.select(Proposal).where(Proposal.status == "accepted")
                                       .order_by(Proposal.reviewed_at, Proposal.id)):
        latest[proposal.event_id] = proposal
    for proposal in latest.values():
        event = proposal.event
        if event.start_at is not None:
            length = event.end_at - event.start_at
            said = (dt.datetime.combine(proposal.end_date or proposal.start_date, proposal.end_time) -
                    dt.datetime.combine(proposal.start_date, proposal.start_time)
                    if proposal.start_time and proposal.end_time else dt.timedelta(hours=1))
            if length > said or (event.kind == "meeting" and length > dt.timedelta(days=1)):
                found.append(f"{event.title}: {length} > {said}")
        else:
            days = (event.end_date - event.start_date).days + 1
            said = ((proposal.end_date or proposal.start_date) - proposal.start_date).days + 1
            if days > said or (event.kind == "meeting" and days > 1):
                found.append(f"{event.title}: {days} days > {said}")
    return found


def test_the_readme_tour_done_literally(app, live_server, page, runner, backend) -> None:
    tour = _tour_text()
    _make_run(runner)
    bodies = {b.name for b in db.session.scalars(db.select(Body))}
    assert bodies == {"Styrgrupp", "Ledningsgrupp", "Skollov"}
    for name in re.findall(r"\*(Styrgrupp\w*|Ledningsgrupp\w*|Skollov\w*)\*", tour):
        assert name in bodies, f"the tour names {name}, which the demo does not have"
    prose = re.sub(r"«[^»]+»", "", tour)  # quoted proposal titles are the minutes' words, checked below
    assert "Styrgruppen" not in re.sub(r"styrgruppens?", "", prose)  # the demo's body is Styrgrupp
    assert "examples/tour/kustkommunerna-styrgrupp-2026-12-04.txt" in tour and TOUR_MINUTES.is_file()
    assert not _duplicates() and not _longer_than_the_minutes()
    titles_in_tour = re.findall(r"«([^»]+)»", tour)
    assert "Workshop om kollektivtrafik" in titles_in_tour

    # 2. Log in, 3. upload the 4 December minutes (the scheduler reads them: here, run_imports)
    page.goto(live_server.url + "/auth/login")
    page.get_by_label("E-post").fill(ADMIN)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name="Protokoll", exact=True).click()
    page.set_input_files("input[name=files]", str(TOUR_MINUTES))
    page.get_by_role("button", name="Ladda upp och läs").click()
    page.wait_for_url("**/documents/*")
    assert run_imports() == 1
    page.wait_for_selector(".lines li", timeout=30_000)
    shown = [t.strip() for t in page.locator("article.proposal .ptitle").all_inner_texts()]
    for title in titles_in_tour:  # every proposal the tour names is on the page, once
        assert shown.count(title) == 1, (title, shown)

    def card(title: str):
        return page.locator("article.proposal", has=page.get_by_role("heading", name=title, exact=True))

    assert "Ändrar en befintlig händelse" in card("Styrgruppens möte").inner_text()
    assert "Stadshuset, Halmstad" in card("Styrgruppens möte").inner_text()
    assert "Finns redan i kalendern" in card("Möte: Styrgrupp").inner_text()
    assert "Ändrar en befintlig händelse" in card("Mötet").inner_text()

    # 4. j/k to the workshop, Start 13.30, Esc, a
    for _ in range(12):
        page.keyboard.press("j")
        if "Workshop om kollektivtrafik" in page.locator("article.proposal.selected").inner_text():
            break
    selected = page.locator("article.proposal.selected")
    assert "Workshop om kollektivtrafik" in selected.inner_text()
    selected.locator("input[name=start]").fill("13.30")
    selected.locator("input[name=start]").press("Escape")
    page.keyboard.press("a")
    page.wait_for_selector(".flash.success")
    assert "Godkänt: Workshop om kollektivtrafik." in page.locator(".flashes").inner_text()

    # 5. Godkänn alla … (0.8): the list, then once
    page.get_by_role("button", name="Godkänn alla …").click()
    page.wait_for_url("**/accept-all*")
    listed = page.locator("table.bulk tbody tr").count()
    assert listed >= 2
    bulk = page.locator("table.bulk").inner_text()
    assert "studiebesök" not in bulk and "Anteckningarna" not in bulk  # a month only, a mention: left for you
    page.get_by_role("button", name="Godkänn de här").click()
    page.wait_for_selector(".flash.success")

    # 6. the study visit: type Möte, a day in April, Godkänn
    visit = card("Styrgruppen gör ett studiebesök hos Göteborgsregionen")
    visit.click()
    visit.locator("select[name=kind]").select_option("meeting")
    visit.locator("input[name=date]").fill("2027-04-16")
    visit.get_by_role("button", name="Godkänn", exact=True).click()
    page.wait_for_selector(".flash.success")

    db.session.expire_all()
    assert not _duplicates(), _duplicates()
    assert not _longer_than_the_minutes(), _longer_than_the_minutes()
    workshop = db.session.scalars(db.select(Event).filter_by(title="Workshop om kollektivtrafik")).all()
    assert len(workshop) == 1
    assert workshop[0].start_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H.%M") == "2027-01-20 13.30"
    assert workshop[0].end_at.astimezone(STOCKHOLM).strftime("%H.%M") == "16.00"
    march = [e for e in db.session.scalars(db.select(Event).where(Event.deleted_at.is_(None)))
             if e.start_at and e.start_at.astimezone(STOCKHOLM).date() == dt.date(2027, 3, 19)]
    assert len(march) == 1 and march[0].start_at.astimezone(STOCKHOLM).strftime("%H.%M") == "08.30"
    assert march[0].end_at.astimezone(STOCKHOLM).strftime("%H.%M") == "12.00" and march[0].sequence >= 1
    february = [e for e in db.session.scalars(db.select(Event).where(Event.deleted_at.is_(None)))
                if e.start_at and e.start_at.astimezone(STOCKHOLM).date() == dt.date(2027, 2, 5)]
    assert [e.title for e in march + february] == ["Styrgruppens sammanträde"] * 2  # updated, not renamed
    assert len(february) == 1 and february[0].location == "Stadshuset, Halmstad"
    visit = db.session.scalars(db.select(Event).where(Event.title.contains("tudiebesök"))).all()
    assert len(visit) == 1 and (visit[0].start_date, visit[0].end_date) == (dt.date(2027, 4, 16),) * 2

    # 7. the search box finds the workshop and the line of the minutes
    page.locator(".topsearch input").fill("kollektivtrafik")
    page.locator(".topsearch input").press("Enter")
    page.wait_for_url("**/events/?q=*")
    assert page.locator("a.what", has_text="Workshop om kollektivtrafik").count() == 1
    assert page.locator("ul.hits a", has_text="kustkommunerna-styrgrupp-2026-12-04.txt").count() == 1
