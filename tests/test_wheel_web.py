"""The wheel from the database: page, list, access by login or feed token, downloads, next year, CLI."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from planner.db import db, utcnow
from planner.models import Feed, Organization, Proposal
from planner.wheel.collect import collect
from tests.conftest import csrf_token_from
from tests.wheel_data import SCRIPT_TITLE, YEAR, kustkommunerna

SVG = "{http://www.w3.org/2000/svg}"
URL = f"/arshjul/kustkommunerna/{YEAR}"


@pytest.fixture
def org(app) -> Organization:
    org = kustkommunerna()
    db.session.commit()
    return org


def keys_in(html: str, tag: str) -> set[str]:
    if tag == "svg":
        svg = html[html.index("<svg"):html.index("</svg>") + 6]
        root = ET.fromstring(svg)
        return {el.get("data-key") for el in root.iter(f"{SVG}g") if "item" in el.get("class", "").split()}
    return set(re.findall(r'<li class="entry[^"]*" data-key="([^"]+)"', html))


def test_series_overrides_exdates_and_chairs_come_out_right(org):
    data = collect(org, YEAR)
    led = sorted(i.start for i in data.items if i.body == "Ledningsgruppen")
    assert dt.date(YEAR, 7, 9) not in led  # the EXDATE
    assert dt.date(YEAR, 11, 12) not in led and dt.date(YEAR, 11, 19) in led  # moved by an override
    assert len(led) == 11
    cancelled = [i for i in data.items if i.status == "cancelled"]
    assert [(i.start, i.body) for i in cancelled] == [(dt.date(YEAR, 6, 11), "Styrgruppen")]
    assert [(c.holder, c.start, c.end, c.handover) for c in data.chairs] == [
        ("Falkenberg", dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31), True)]
    meeting = next(i for i in data.items if i.start == dt.date(YEAR, 2, 5))
    assert meeting.time == "09.30–12.00"  # Stockholm time, not UTC
    lov = [i.title for i in data.items if i.ring == "holidays"]
    assert lov == ["Sportlov", "Påsklov", "Sommarlov", "Höstlov", "Jullov"]
    assert [r.label for r in data.rings] == ["Kustkommunerna gemensamt", "Ledningsgruppen", "Styrgruppen"]
    by_kind = collect(org, YEAR, grouping="kind")
    assert [r.label for r in by_kind.rings] == ["Möten", "Deadlines", "Perioder"]


def test_logged_in_viewer_sees_wheel_and_list_with_the_same_items(client, login, org):
    login("viewer")
    response = client.get(URL)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    svg_keys, list_keys = keys_in(html, "svg"), keys_in(html, "list")
    assert svg_keys == list_keys
    # 21 single events (the moved November meeting among them), the series' 2nd Fridays but July's EXDATE and
    # November's override (10), and Sweden's 16 red days and eves of 2027.
    assert len(svg_keys) == 47
    assert sorted(k for k in svg_keys if k.startswith("h")) == [f"h{YEAR}{md}" for md in (
        "0101", "0106", "0326", "0328", "0329", "0501", "0506", "0516", "0606", "0625", "0626", "1106", "1224",
        "1225", "1226", "1231")]
    assert sorted(k.split("-")[1] for k in svg_keys if "-" in k) == [f"{YEAR}{md}" for md in (
        "0108", "0212", "0312", "0409", "0514", "0611", "0813", "0910", "1008", "1210")]
    assert "Långfredagen" in html and "Februari" in html
    assert SCRIPT_TITLE not in html and "&lt;script&gt;alert(" in html
    assert '"source_url": "/documents/' in html and "#L31\"" in html  # the review page's anchor for line 31
    by_body = client.get(f"/arshjul/kustkommunerna/styrgruppen/{YEAR}").get_data(as_text=True)
    assert keys_in(by_body, "svg") < svg_keys and "Ledningsgruppen" not in keys_in(by_body, "list")
    assert client.get(f"/arshjul/kustkommunerna/{YEAR}?rings=kind").status_code == 200
    academic = client.get(f"/arshjul/kustkommunerna/{YEAR}?start=8").get_data(as_text=True)
    assert academic.index("Augusti 2027") < academic.index("Januari 2028")
    assert client.get(f"/arshjul/nobody/{YEAR}").status_code == 404
    assert client.get("/arshjul/kustkommunerna/99999").status_code == 404
    assert client.get(f"{URL}?start=banan").status_code == 200  # a bad option falls back to January
    index = client.get("/arshjul/")
    assert index.status_code == 302 and "/arshjul/kustkommunerna/" in index.headers["Location"]
    assert client.get(f"/arshjul/kustkommunerna/ingen-grupp/{YEAR}").status_code == 404


def test_without_login_the_wheel_needs_a_live_feed_token(client, org):
    assert client.get(URL).status_code == 302  # to the login page
    assert client.get(URL + "?embed=1").status_code == 403
    assert client.get(URL + "?embed=1&token=wrong").status_code == 403
    feed = Feed(name="Styrgruppen för kommunerna", organization=org)
    other = Organization(name="Annan", slug="annan")
    foreign = Feed(organization=other)
    body_feed = Feed(body=org.bodies[1], kinds=["meeting"])  # Styrgruppen, meetings only
    db.session.add_all([feed, other, foreign, body_feed])
    db.session.commit()
    page = client.get(f"{URL}?embed=1&token={feed.token}")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "private, no-store"
    html = page.get_data(as_text=True)
    assert 'class="topbar"' not in html and keys_in(html, "svg") == keys_in(html, "list")
    assert "/documents/" not in html  # minutes stay behind the login
    assert f"token={feed.token}" in html  # downloads and year links keep working for the guest
    png = client.get(f"/arshjul/kustkommunerna/{YEAR}.png?token={feed.token}")
    assert png.status_code == 200 and png.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get(f"{URL}?embed=1&token={foreign.token}").status_code == 403
    limited = client.get(f"{URL}?embed=1&token={body_feed.token}").get_data(as_text=True)
    entry = r'<li class="entry kind-(?!public_holiday)[^"]*" data-key="[^"]+" data-ring="([^"]+)"'
    rings = set(re.findall(entry, limited))
    assert rings == {f"body-{org.bodies[1].id}"}
    assert "Ledningsgruppen" not in limited and "Sportlov" not in limited  # other body, other kinds
    assert client.get(f"/arshjul/kustkommunerna/ledningsgruppen/{YEAR}?embed=1&token={body_feed.token}"
                      ).status_code == 403
    feed.revoked_at = utcnow()
    db.session.commit()
    assert client.get(f"{URL}?embed=1&token={feed.token}").status_code == 403


def test_downloads_are_svg_png_and_pdf_of_the_same_wheel(client, login, org):
    login("viewer")
    svg = client.get(f"/arshjul/kustkommunerna/{YEAR}.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    assert svg.headers["Content-Disposition"] == f'attachment; filename="arshjul-kustkommunerna-{YEAR}.svg"'
    root = ET.fromstring(svg.data)
    assert root.get("width") == "297mm" and "&lt;script&gt;" in svg.get_data(as_text=True)
    png = client.get(f"/arshjul/kustkommunerna/{YEAR}.png")
    assert png.data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png.data[16:20], "big") == 2828
    pdf = client.get(f"/arshjul/kustkommunerna/styrgruppen/{YEAR}.pdf")
    assert pdf.data[:5] == b"%PDF-" and len(re.findall(rb"/Type\s*/Page(?!s)", pdf.data)) == 1  # one A4 page
    assert "arshjul-kustkommunerna-styrgruppen" in pdf.headers["Content-Disposition"]
    assert client.get(f"/arshjul/kustkommunerna/{YEAR}.gif").status_code == 404


def test_next_year_proposes_recurring_items_and_continues_the_chair_rotation(client, login, org):
    from tests.wheel_data import timed

    timed(org, None, "Nätverksträff", dt.date(YEAR, 1, 20), "15.00", "16.00", rrule="FREQ=MONTHLY;BYDAY=3WE")
    db.session.commit()
    login("secretary", org=org)
    page = client.get(URL).get_data(as_text=True)
    assert "Skapa nästa års årshjul" in page
    token = csrf_token_from(page)
    response = client.post(f"{URL}/nasta-ar", data={"csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/{YEAR + 1}")
    proposals = db.session.scalars(db.select(Proposal).order_by(Proposal.start_date)).all()
    pending = [p for p in proposals if p.status == "pending"]
    styr = [p.start_date for p in pending if p.kind == "meeting" and p.title == "Möte: Styrgruppen"]
    # the first Friday of February 2027 (5 Feb) becomes the first Friday of February 2028 (4 Feb)
    assert dt.date(YEAR + 1, 2, 4) in styr and len(styr) == 6  # the cancelled June meeting is not copied
    assert all(d.weekday() == 4 for d in styr)
    # the Ledningsgruppen series ends with 2027, so its meetings are proposed too, still on second Fridays
    led = [p.start_date for p in pending if p.title.startswith("Möte: Ledningsgruppen")]
    assert led and all(d.weekday() == 4 for d in led)
    chair = [p for p in pending if p.kind == "chair_handover"]
    assert [(c.start_date, c.from_party, c.to_party) for c in chair] == [(dt.date(YEAR + 1, 1, 1), "Falkenberg",
                                                                           "Halmstad")]
    assert not [p for p in pending if p.kind == "holiday"]
    assert not [p for p in pending if p.title == "Nätverksträff"]  # the series runs on by itself
    first = next(p for p in pending if p.start_date == dt.date(YEAR + 1, 2, 4))
    assert first.start_time == dt.time(9, 30) and first.document.text.splitlines()[first.evidence_line - 1] \
        == first.evidence_text
    again = client.post(f"{URL}/nasta-ar", data={"csrf_token": token}, follow_redirects=True)
    assert "finns redan" in again.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == len(proposals)


def test_only_the_organizations_secretary_or_an_admin_creates_next_year(client, login, org):
    login("viewer")
    page = client.get(URL).get_data(as_text=True)
    assert "Skapa nästa års årshjul" not in page
    assert client.post(f"{URL}/nasta-ar", data={"csrf_token": csrf_token_from(page)}).status_code == 403
    assert client.post(f"{URL}/nasta-ar").status_code == 400  # no CSRF token


def test_cli_writes_each_format_and_refuses_bad_input(runner, org, tmp_path):
    out = tmp_path / "hjul.pdf"
    result = runner.invoke(args=["wheel", "--year", str(YEAR), "--org", "Kustkommunerna", "--format", "pdf",
                                 "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:5] == b"%PDF-" and "wrote" in result.output
    svg_out = tmp_path / "hjul.svg"
    result = runner.invoke(args=["wheel", "--year", str(YEAR), "--body", "Styrgruppen", "--output", str(svg_out)])
    assert result.exit_code == 0, result.output  # the only organization needs no --org
    assert ET.fromstring(svg_out.read_bytes()).get("class") == "arshjul"
    bad = runner.invoke(args=["wheel", "--year", str(YEAR), "--org", "Finns inte", "--format", "png"])
    assert bad.exit_code != 0 and "no organization named 'Finns inte'" in bad.output
    bad = runner.invoke(args=["wheel", "--year", str(YEAR), "--format", "gif"])
    assert bad.exit_code != 0 and "gif" in bad.output
    bad = runner.invoke(args=["wheel", "--year", str(YEAR), "--body", "Nätverket"])
    assert bad.exit_code != 0 and "no body named 'Nätverket'" in bad.output
    bad = runner.invoke(args=["wheel", "--year", str(YEAR), "--output", str(tmp_path / "saknas" / "x.svg")])
    assert bad.exit_code != 0 and "cannot write" in bad.output
    piped = runner.invoke(args=["wheel", "--year", str(YEAR), "--output", "-"])
    assert piped.exit_code == 0 and piped.output.startswith("<svg")
    declined = runner.invoke(args=["wheel-next-year", "--year", str(YEAR)], input="n\n")
    assert declined.exit_code != 0 and "föreslås   Styrgruppen: Möte: Styrgruppen" in declined.output
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == 1  # only the fixture's accepted one
    made = runner.invoke(args=["wheel-next-year", "--year", str(YEAR)], input="y\n")
    assert made.exit_code == 0 and "proposals for 2028" in made.output
    again = runner.invoke(args=["wheel-next-year", "--year", str(YEAR), "--yes"])
    assert again.exit_code != 0 and "already proposed" in again.output


def test_planning_next_year_asks_first_follows_the_adopted_plan_avoids_holidays_and_copies_no_one_offs(
        client, login, org):
    """The issue: the tool ran at once, proposed 3/9, 15/10, 3/12 against the decided 17/9, 22/10, 10/12,
    and copied a workshop, a conference and a contract expiry."""
    from planner.models import Body
    from tests.wheel_data import all_day, timed

    last = YEAR - 1
    styr = next(b for b in org.bodies if b.name == "Styrgruppen")
    led = next(b for b in org.bodies if b.name == "Ledningsgruppen")
    for month, day in ((9, 4), (10, 16), (12, 4)):  # first, third, first Friday: the rule says 3/9, 15/10, 3/12
        timed(org, styr, "Möte: Styrgruppen", dt.date(last, month, day), "09.30", "12.00")
    natverk = Body(organization=org, name="Nätverket", slug="natverket")
    db.session.add(natverk)
    timed(org, natverk, "Möte: Nätverket", dt.date(last, 5, 7), "13.00", "15.00")  # 1st Thu → Kristi himmelfärd
    timed(org, natverk, "Möte: Nätverket", dt.date(last, 2, 24), "13.00", "15.00")  # 4th Tue → in sportlovet
    timed(org, natverk, "Möte: Nätverket", dt.date(last, 3, 10), "13.00", "15.00")  # 2nd Tue → 9 March, free
    timed(org, natverk, "Möte: Nätverket", dt.date(last, 9, 18), "13.00", "15.00")  # 3rd Fri → 17 Sep: Styrgruppen
    timed(org, led, "Gemensam workshop om vattenförsörjning", dt.date(last, 11, 25), "09.00", "12.00")
    timed(org, None, "Konferens: Digitalt först", dt.date(last, 11, 17), "13.00", "16.30")
    all_day(org, led, "Avtalet med nuvarande leverantör löper ut", dt.date(last, 12, 31), kind="deadline")
    db.session.commit()
    login("secretary", org=org)
    url = f"/arshjul/kustkommunerna/{last}/nasta-ar"
    before = db.session.scalar(db.select(db.func.count(Proposal.id)))

    wheel = client.get(f"/arshjul/kustkommunerna/{last}").get_data(as_text=True)
    assert f'href="{url}"' in wheel  # the button opens the preview, it does not post
    preview = client.get(url)
    assert preview.status_code == 200
    page = preview.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == before, "nothing is saved before confirming"
    assert "Skapa förslagen" in page and "Redan beslutat i protokollen" in page
    for decided in ("fre 17 september 2027", "fre 22 oktober 2027", "fre 10 december 2027"):
        assert decided in page
    assert "fre 3 september 2027" not in page and "fre 15 oktober 2027" not in page
    assert "Gemensam workshop om vattenförsörjning" in page.split("Kopieras inte")[1]
    assert "Konferens: Digitalt först" in page.split("Kopieras inte")[1]
    assert "Avtalet med nuvarande leverantör löper ut" in page.split("Kopieras inte")[1]

    response = client.post(url, data={"csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    made = db.session.scalars(db.select(Proposal).where(Proposal.status == "pending",
                                                        Proposal.start_date >= dt.date(YEAR, 1, 1))).all()
    assert not [p for p in made if p.body_id == styr.id and p.kind == "meeting"], "the adopted plan wins"
    natverk_days = {p.start_date: p for p in made if p.body_id == natverk.id}
    assert set(natverk_days) == {dt.date(YEAR, 5, 13), dt.date(YEAR, 2, 16), dt.date(YEAR, 3, 9),
                                 dt.date(YEAR, 9, 17)}
    assert "samma dag som Styrgruppen" in natverk_days[dt.date(YEAR, 9, 17)].evidence_text  # shown, not moved
    assert "röd dag" in natverk_days[dt.date(YEAR, 5, 13)].evidence_text
    assert "flyttat från tor 6 maj" in natverk_days[dt.date(YEAR, 5, 13)].evidence_text
    assert "sportlov" in natverk_days[dt.date(YEAR, 2, 16)].evidence_text
    assert "flyttat" not in natverk_days[dt.date(YEAR, 3, 9)].evidence_text
    titles = " ".join(p.title for p in made)
    assert "workshop" not in titles and "Konferens" not in titles and "Avtalet" not in titles
