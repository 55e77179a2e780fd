"""Where minutes say their meeting was held: the "Plats", "Lokal" or "Plats och tid" field near its date."""

from __future__ import annotations

import re

from planner.extract.normalize import MARKUP_TAG, Doc

PLACE = re.compile(r"^\s{0,24}(?:plats och tid|motesplats|plats|lokal)(?![a-z])\s{0,3}:?\s{0,3}")
# OCR's "kI"/"k1" too, glued to the place before it ("KommunhusetkI 08.30-11.45").
TIME_IN_PLACE = re.compile(r"[,;]?\s*(?:k[li1|]\.?\s*|klockan\s*)?\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*\d{1,2}"
                           r"(?:[.:]\d{2})?.*$"
                           r"|[,;]?\s*(?:k[li1|]\.?|klockan)\s*\d.*$")


def location(doc: Doc, index: int) -> str | None:
    """The place a protocol's "Plats:" or "Lokal" field gives near the meeting's line, its hours cut off."""
    for i in range(max(0, index - 2), min(len(doc.lines), index + 6)):
        folded = doc.folded_line(i)
        m = PLACE.match(folded)
        if m:
            raw = doc.lines[i]
            if "<" in raw:
                raw = MARKUP_TAG.sub(lambda t: " " * len(t.group()), raw)
            raw = raw[m.end():]
            # The time is found on the folded line ("kI 13.3O" reads "kl 13.30") and cut from the original.
            hit = TIME_IN_PLACE.search(folded, m.end()) if len(folded) == len(doc.lines[i]) else None
            value = (raw[:hit.start() - m.end()] if hit else TIME_IN_PLACE.sub("", raw))
            value = " ".join(value.split()).strip(" :,;\t")
            if value:
                return value[:120]
    return None
