"""The SCHEMA.md contract for one `extract()` result, checked field by field."""

from __future__ import annotations

import re

KINDS = {"next_meeting", "meeting", "deadline", "chair_handover", "holiday", "reference"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}-W\d{2}")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"(?:[01]\d|2[0-4]):[0-5]\d")


def assert_schema(result: dict, source: str = "") -> None:
    assert set(result) >= {"source", "organization", "body", "meeting", "items"}
    assert result["source"] == source
    for key in ("organization", "body"):
        assert result[key] is None or isinstance(result[key], str)
    meeting = result["meeting"]
    if meeting is not None:
        assert DAY.fullmatch(meeting["date"])
        for key in ("start", "end"):
            assert meeting[key] is None or TIME.fullmatch(meeting[key])
    assert isinstance(result["items"], list)
    for item in result["items"]:
        assert item["kind"] in KINDS, item
        assert DATE.fullmatch(item["date"]), item
        assert item["end_date"] is None or DAY.fullmatch(item["end_date"]), item
        for key in ("start", "end"):
            assert item[key] is None or TIME.fullmatch(item[key]), item
        assert isinstance(item["title"], str) and item["title"], item
        assert 0.0 <= item["confidence"] <= 1.0, item
        assert isinstance(item["evidence"]["line"], int) and item["evidence"]["line"] >= 1
        assert isinstance(item["evidence"]["text"], str)
        assert item.get("status") in (None, "cancelled"), item
        for key in ("from", "to", "location"):
            assert item[key] is None or isinstance(item[key], str)
