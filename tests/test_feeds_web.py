"""/feeds/<token>.ics over HTTP: headers clients rely on, conditional GETs, secrecy of tokens, the CLI twin."""

from __future__ import annotations

import datetime as dt
import re

from werkzeug.http import http_date

from planner.db import db
from planner.models import Feed, Municipality
from planner.schedule import audit
from tests.feeds_scenario import WIDE_WINDOW, local, make_example_schedule


def _feed(app, **scope: object) -> Feed:
    app.config.update(WIDE_WINDOW)
    feed = Feed(**scope)
    db.session.add(feed)
    db.session.commit()
    return feed


def test_feed_is_served_as_utf8_calendar_with_strong_etag_and_last_modified(app, client) -> None:
    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    response = client.get(f"/feeds/{feed.token}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert re.fullmatch(r'"[0-9a-f]{32}"', response.headers["ETag"])  # strong: no W/
    assert response.headers["Last-Modified"]
    assert "SUMMARY:INSTÄLLT: Ledningsgruppens möte" in response.get_data(as_text=True)
    assert client.get(f"/feeds/{feed.token}.ics").data == response.data  # byte-identical when unchanged


def test_conditional_gets_answer_304_until_the_schedule_changes(app, client) -> None:
    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    url = f"/feeds/{feed.token}.ics"
    first = client.get(url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200

    meeting = scenario["events"]["styrgrupp_dec"]
    meeting.location = "Stadshuset, Halmstad"
    audit.changed(meeting, "updated", {"location": [None, meeting.location]}, None)  # as every page edits an event
    meeting.updated_at += dt.timedelta(seconds=2)  # HTTP dates have whole seconds: the edit came later
    db.session.commit()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert "Stadshuset\\, Halmstad" in changed.get_data(as_text=True)
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 200
    assert "SEQUENCE:1" in changed.get_data(as_text=True)


def test_deleting_an_event_changes_the_feed(app, client) -> None:
    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    url = f"/feeds/{feed.token}.ics"
    etag = client.get(url).headers["ETag"]
    db.session.delete(scenario["events"]["konferens"])
    db.session.commit()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200 and "Digitalt först" not in response.get_data(as_text=True)


def test_wrong_revoked_and_rotated_tokens_get_the_same_plain_404(app, client) -> None:
    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    never = client.get("/feeds/" + "A" * 32 + ".ics")
    assert never.status_code == 404
    old = feed.token
    feed.token = "rotated-" + old
    db.session.commit()
    rotated = client.get(f"/feeds/{old}.ics")
    feed.revoked_at = dt.datetime.now(dt.UTC)
    db.session.commit()
    revoked = client.get(f"/feeds/{feed.token}.ics")
    assert rotated.status_code == revoked.status_code == 404
    assert rotated.data == revoked.data == never.data
    assert "Kustkommunerna" not in revoked.get_data(as_text=True)
    assert client.get(f"/feeds/{feed.token}").status_code == 404  # the subscribe page too


def test_token_is_long_and_random() -> None:
    from planner.models.feed import new_token

    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) >= 22 for t in tokens)  # >= 128 bits of base64url


def test_body_feed_holds_only_that_body_and_kind_filter_works(app, client) -> None:
    scenario = make_example_schedule()
    body_feed = _feed(app, body=scenario["styrgrupp"])
    text = client.get(f"/feeds/{body_feed.token}.ics").get_data(as_text=True)
    assert "Styrgruppens möte" in text and "Sportlov" not in text
    assert "X-WR-CALNAME:Kustkommunerna – Styrgrupp" in text
    holidays = _feed(app, organization=scenario["org"], kinds=["holiday"])
    text = client.get(f"/feeds/{holidays.token}.ics").get_data(as_text=True)
    assert "Sportlov" in text and "Påsklov" in text and "Styrgruppens möte" not in text


def test_municipality_feed_holds_every_organization_it_is_a_member_of(app, client) -> None:
    scenario = make_example_schedule()
    varberg = Municipality(name="Varberg", code="1383")
    varberg.organizations.append(scenario["org"])
    db.session.add(varberg)
    feed = _feed(app, municipality=varberg)
    text = client.get(f"/feeds/{feed.token}.ics").get_data(as_text=True)
    assert "X-WR-CALNAME:Varberg – samverkan" in text and "Konferens" in text


def test_public_feed_exists_only_while_switched_on(app, client) -> None:
    scenario = make_example_schedule()
    app.config.update(WIDE_WINDOW)
    url = "/feeds/public/kustkommunerna/styrgrupp.ics"
    assert client.get(url).status_code == 404
    scenario["styrgrupp"].public_feed = True
    db.session.commit()
    response = client.get(url)
    assert response.status_code == 200 and "Styrgruppens möte" in response.get_data(as_text=True)
    assert "Ledningsgrupp" not in response.get_data(as_text=True)


def test_subscribe_page_has_webcal_and_https_links_and_swedish_instructions(app, client) -> None:
    scenario = make_example_schedule()
    app.config["BASE_URL"] = "https://planner.kustkommunerna.se"
    feed = _feed(app, body=scenario["styrgrupp"])
    page = client.get(f"/feeds/{feed.token}").get_data(as_text=True)
    assert f'href="webcal://planner.kustkommunerna.se/feeds/{feed.token}.ics"' in page
    assert f'value="https://planner.kustkommunerna.se/feeds/{feed.token}.ics"' in page
    for words in ("Outlook (skrivbordsprogrammet)", "Prenumerera från webben", "Från webbadress",
                  "Apple Kalender"):
        assert words in page


def test_links_in_the_feed_point_at_the_configured_base_url(app, client) -> None:
    scenario = make_example_schedule()
    app.config["BASE_URL"] = "https://planner.kustkommunerna.se"
    feed = _feed(app, organization=scenario["org"])
    konferens = scenario["events"]["konferens"]
    text = client.get(f"/feeds/{feed.token}.ics").get_data(as_text=True).replace("\r\n ", "")
    assert f"URL:https://planner.kustkommunerna.se/feeds/{feed.token}/handelse/{konferens.uid}" in text


def test_cli_feed_prints_the_bytes_the_web_serves(app, client, runner) -> None:
    scenario = make_example_schedule()
    org_feed = _feed(app, organization=scenario["org"])
    body_feed = _feed(app, body=scenario["styrgrupp"])
    result = runner.invoke(args=["feed", "--token", org_feed.token])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == client.get(f"/feeds/{org_feed.token}.ics").data
    result = runner.invoke(args=["feed", "--token", body_feed.token])
    assert result.stdout_bytes == client.get(f"/feeds/{body_feed.token}.ics").data
    result = runner.invoke(args=["feed", "--org", "Kustkommunerna", "--body", "Styrgrupp"])  # no token: staff links
    assert result.exit_code == 0 and b"/events/" in result.stdout_bytes and b"/handelse/" not in result.stdout_bytes
    missing = runner.invoke(args=["feed", "--body", "Finns inte"])
    assert missing.exit_code != 0 and "no body called 'Finns inte'" in missing.output


def test_cli_feed_token_makes_a_working_feed(app, client, runner) -> None:
    make_example_schedule()
    app.config.update(WIDE_WINDOW)
    result = runner.invoke(args=["feed-token", "--body", "Ledningsgrupp", "--kind", "meeting"])
    assert result.exit_code == 0, result.output
    path = re.search(r"feed:\s+\S+?(/feeds/\S+\.ics)", result.output).group(1)
    text = client.get(path).get_data(as_text=True)
    assert "Ledningsgruppens möte" in text and "Sportlov" not in text


def test_cli_feed_token_reuse_prints_the_same_feed_again(app, runner) -> None:
    make_example_schedule()
    args = ["feed-token", "--org", "Kustkommunerna", "--name", "Demo", "--reuse"]
    first, second = runner.invoke(args=args), runner.invoke(args=args)
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert first.output == second.output
    fresh = runner.invoke(args=["feed-token", "--org", "Kustkommunerna", "--name", "Demo"])
    assert fresh.output != first.output


def test_if_modified_since_in_the_future_of_an_old_feed_is_304(app, client) -> None:
    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    later = http_date(local(2099, 1, 1, 0))
    assert client.get(f"/feeds/{feed.token}.ics", headers={"If-Modified-Since": later}).status_code == 304


def test_the_window_is_configurable(app, client) -> None:
    from planner.models import Event, Organization

    org = Organization(name="Fönsterkommunerna", slug="fonsterkommunerna")
    db.session.add(org)
    db.session.flush()
    today = dt.date.today()
    for title, days in (("Gammalt möte", -120), ("Nytt möte", 10), ("Långt fram", 700)):
        day = today + dt.timedelta(days=days)
        db.session.add(Event(organization_id=org.id, title=title, all_day=True, start_date=day, end_date=day))
    feed = Feed(organization=org)
    db.session.add(feed)
    db.session.commit()
    url = f"/feeds/{feed.token}.ics"
    text = client.get(url).get_data(as_text=True)  # defaults: 90 days back, 18 months ahead
    assert "Nytt möte" in text and "Gammalt möte" not in text and "Långt fram" not in text
    app.config.update({"FEED_DAYS_BACK": 200, "FEED_MONTHS_AHEAD": 24})
    text = client.get(url).get_data(as_text=True)
    assert "Nytt möte" in text and "Gammalt möte" in text and "Långt fram" in text


def test_an_uncached_feed_asks_the_database_one_aggregate_at_most(app, client) -> None:
    """The fingerprint's row also gives Last-Modified, and with FEED_RENDER_CACHE=0 there is no
    fingerprint to look up: each was a second aggregate over the scope's events on every render."""
    from sqlalchemy import event as sa_event

    from planner.feeds.cache import FeedCache

    scenario = make_example_schedule()
    feed = _feed(app, organization=scenario["org"])
    app.config["FEED_CACHE_SECONDS"] = 0
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement.lower())

    sa_event.listen(db.engine, "before_cursor_execute", seen)
    try:
        for size in (256, 0):
            app.extensions["planner_feed_cache"] = FeedCache(size)
            statements.clear()
            response = client.get(f"/feeds/{feed.token}.ics")
            assert response.status_code == 200 and response.headers["Last-Modified"]
            aggregates = [s for s in statements if "max(event.updated_at)" in s]
            assert len(aggregates) == 1, (size, aggregates)
            assert ("count(event.id)" in aggregates[0]) == (size > 0)
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", seen)
