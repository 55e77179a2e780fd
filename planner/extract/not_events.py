"""Dates that are no events of a calendar: when a term begins or ends, a paper's issue, the letters a protocol lists
as come in since the last meeting."""

from __future__ import annotations

import re

from planner.extract.fuzzy import words
from planner.extract.normalize import Doc

# "Den nya fullmäktigeperioden började 1.8.2021"
PERIOD_TURNS = re.compile(r"period(?:en)?\s{1,3}(?:borjade|borjar|inleddes|inleds|startade|startar|slutade|slutar"
                          r"|gick\s{1,3}ut|gar\s{1,3}ut|loper\s{1,3}ut)\s{1,3}(?:(?:den|pa|fran|i)\s{1,3})?$")


ISSUE_OUT = re.compile(r"(?<![a-z])(?:utgivning(?:sdag|sdatum)?|utkommer|kommer\s{1,3}ut|utdelas|delas\s{1,3}ut)"
                       r"(?![a-z])[^.\n]{0,60}$")
TERM_TURNS = re.compile(r"(?<![a-z])(?:(?:borjar|inleds|startar|slutar|upphor)\s{1,3}mandat(?:tid|period)(?:en)?"
                        r"|mandat(?:tid|period)(?:en)?\s{1,3}(?:borjar|inleds|startar|slutar|upphor)"
                        r"|valdag(?:en)?)(?![a-z])[^\n]{0,180}$")  # within its sentence ("15 § 1 mom. i …")
# "Meddelandet är tillgängligt t.o.m. 28.4.2021", "Erbjudandet gäller till 30 juni": how long a page or an offer
# stands, no event.
AVAILABLE_UNTIL = re.compile(r"(?<![a-z])(?:tillganglig[a-z]{0,2}|synlig[a-z]{0,2}|giltig[a-z]{0,2}|galler|visas)"
                             r"\s{1,3}(?:t\.?\s?o\.?\s?m\.?|till\s{1,3}och\s{1,3}med|fram\s{1,3}till|till|intill)"
                             r"\s{1,3}(?:den\s{1,3})?$")
# "… och den började 1.8.2021": a turn right before the date, in a sentence about a term.
TURNS_BEFORE = re.compile(r"(?<![a-z])(?:borja(?:r|de)|slutar|slutade|upphor|upphorde|inleds|inleddes)[\s'’]{1,3}"
                          r"(?:(?:den|pa|fran)\s{1,3})?$")
TERM_FROM = re.compile(r"(?<![a-z])(?:inga|ingar|sitta|sitter|galla|galler|tjanstgora|tjanstgor)(?![a-z])"
                       r"[^.\n]{0,40}?\sfran\s{1,3}(?:och\s{1,3}med\s{1,3})?(?:den\s{1,3})?$")
# The agenda point that lists the letters and decisions come in since the last meeting, one dated row each.
# (OCR-tolerant: "Anméalningar")
_CORRESPONDENCE = re.compile(r"[\s§\d.):*-]{0,8}(?:" + words(
    "anmälningar", "anmälningsärenden", "delgivningar", "meddelanden", "inkomna skrivelser", "skrivelser",
    "delegationsbeslut", "redovisning av delegationsbeslut", "inkommande post", "korrespondens",
    prefix=False, suffix="").pattern + r")[\s:]*")
_ROW_REACH = 15


def correspondence(doc: Doc, line: int) -> bool:
    """A dated row under the minutes' "Anmälningar" (or "Delgivningar", "Meddelanden"), past the sub-headings and
    the sibling rows between."""
    if not doc.folded_line(line).lstrip(" \t•*-")[:1].isdigit():
        return False
    for index in range(line - 1, max(-1, line - _ROW_REACH), -1):
        text = doc.folded_line(index)
        if _CORRESPONDENCE.fullmatch(text):
            return True
        if not text.strip():
            continue  # (OCR sets blank lines between the rows)
        if len(text) > 90 or text.rstrip().endswith((".", ":")) and not text.strip()[:1].isdigit():
            return False  # a paragraph: the list has ended
    return False
