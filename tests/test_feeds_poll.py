"""The poll that changed nothing (planner.web.feeds_poll): answered before Flask, with the very 304 Flask gives."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.db import db
from planner.models import Feed
from tests.feeds_scenario import WIDE_WINDOW, make_example_schedule


def _served(app, client, base_url: str = "http://localhost") -> tuple[str, Feed]:
    app.config.update(WIDE_WINDOW, BASE_URL=base_url)
    scenario = make_example_schedule()
    feed = Feed(organization=scenario["org"])
    db.session.add(feed)
    db.session.commit()
    url = f"/feeds/{feed.token}.ics"
    assert client.get(url).status_code == 200
    return url, feed


def _reaching_flask(app) -> list[str]:
    seen: list[str] = []
    app.before_request_funcs.setdefault(None, []).append(lambda: seen.append("flask") and None)
    return seen


@pytest.mark.parametrize("encoding", [None, "gzip", "gzip, deflate, br"])
@pytest.mark.parametrize("base_url", ["http://localhost", "https://planner.example"])
def test_the_early_304_has_every_header_flasks_304_has(app, client, encoding: str | None, base_url: str) -> None:
    url, _ = _served(app, client, base_url)
    extra = {"Accept-Encoding": encoding} if encoding else {}
    tag = client.get(url, headers=extra).headers["ETag"]
    seen = _reaching_flask(app)
    early = client.get(url, headers={"If-None-Match": tag, **extra})
    assert early.status_code == 304 and seen == []  # never reached Flask
    by_flask = client.get(url, headers={"If-None-Match": "*", **extra})  # a star goes to Flask
    assert by_flask.status_code == 304 and seen == ["flask"]
    # The limiter's own counters (X-RateLimit-*, Retry-After) are not there: an early answer counts nothing.
    flasks = sorted((k, v) for k, v in by_flask.headers.items() if not k.startswith(("X-RateLimit", "Retry-After")))
    assert sorted(early.headers.items()) == flasks
    assert early.data == b"" and early.headers["ETag"] == tag


def test_a_weak_or_listed_tag_gets_the_early_304_too_and_head_as_well(app, client) -> None:
    url, _ = _served(app, client)
    tag = client.get(url).headers["ETag"]
    seen = _reaching_flask(app)
    assert client.get(url, headers={"If-None-Match": f'"other", W/{tag}'}).status_code == 304
    assert client.head(url, headers={"If-None-Match": tag}).status_code == 304
    assert seen == []
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200 and seen == ["flask"]


def test_a_revoked_feed_polled_with_its_last_tag_gets_the_plain_404(app, client) -> None:
    url, feed = _served(app, client)
    tag = client.get(url).headers["ETag"]
    never = client.get("/feeds/" + "x" * 43 + ".ics")
    feed.revoked_at = dt.datetime.now(dt.UTC)
    db.session.commit()
    revoked = client.get(url, headers={"If-None-Match": tag})
    assert revoked.status_code == never.status_code == 404 and revoked.data == never.data


def test_a_star_never_answers_early_so_a_guessed_token_is_still_counted_as_a_miss(app, client) -> None:
    """`If-None-Match: *` is 304 for any live feed: answered early it would confirm a guess past the limit."""
    app.config["TOKEN_MISS_RATE_LIMIT"] = "2 per minute"
    url, _ = _served(app, client)
    for _ in range(2):
        assert client.get("/feeds/" + "y" * 43 + ".ics", headers={"If-None-Match": "*"}).status_code == 404
    assert client.get(url, headers={"If-None-Match": "*"}).status_code == 429
