"""The review page numbers lines as the evidence does: line N on the page is the line a proposal cites as N.

Uploaded through the form (ingest, extract, store), read back from the rendered page. Texts carry the
characters str.splitlines() also breaks at (form feeds from PDFs, \\v, \\u2028, ...): they stay inside a line.
"""

from __future__ import annotations

import html
import io
import re
import string

from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.db import db
from planner.models import Document
from planner.schedule.orgs import get_or_create_organization
from tests.conftest import csrf_token_from
from tests.review_helpers import run_imports

SENTENCES = [
    "Styrgruppen sammanträdde 2026-10-16 i Stadshuset, Varberg.",
    "Nästa möte fredagen den 4 december 2026 kl 9.30-12 i Rådhuset, Falkenberg.",
    "Synpunkter på planen lämnas till kansliet senast den 13 november 2026.",
    "Konferensen hålls den 18 november 2026 kl 13-16.30 på Hotell Tylösand.",
    "Ordförandeskapet går den 1 januari 2027 över från Varberg till Falkenberg.",
    "Sportlov vecka 8 i alla fyra kommunerna enligt skolornas läsårsplaner.",
    "Inga datum på den här raden, bara en beskrivning av läget i kommunerna.",
    "",
]
# Inside a line: what str.splitlines() would also take for a line end. One per line, so ingest still
# reads the upload as text (it refuses more than 2 % control characters).
INSIDE = ["", "", "\f", "\v", "\u2028", "\u2029", "\x85", "\x1c"]
BREAKS = ["\n", "\n", "\r\n", "\r"]
LINE_END = re.compile(r"\r\n|\r|\n")  # the definition under test, written out here
PAGE_LINE = re.compile(r'<li id="L(\d+)"[^>]*><span class="no">\d+</span><span class="tx"[^>]*>(.*?)</span></li>', re.S)

lines_strategy = st.lists(st.tuples(st.sampled_from(SENTENCES), st.sampled_from(INSIDE), st.sampled_from(BREAKS)),
                          min_size=1, max_size=10)


def _text(parts: list[tuple[str, str, str]]) -> str:
    out = []
    for sentence, inside, end in parts:
        cut = sentence.find(" den ") if " den " in sentence else len(sentence) // 2
        out.append(sentence[:cut] + (inside if sentence else "") + sentence[cut:] + end)
    return "".join(out)


def _letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out += string.ascii_lowercase[r]
        if not n:
            return out


def test_the_review_pages_line_n_is_the_evidence_of_every_proposal_on_line_n(client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    uploads = iter(range(10**6))
    cited = []

    @settings(max_examples=40, deadline=None)
    @given(lines_strategy)
    @example([(SENTENCES[0], "", "\n"), ("Sida 1 av 2", "\f", "\n"), (SENTENCES[1], "", "\n")])  # a PDF page break
    @example([(SENTENCES[2], "\u2028", "\r\n"), (SENTENCES[3], "\v", "\r"), (SENTENCES[1], "", "\n")])
    def check(parts: list[tuple[str, str, str]]) -> None:
        text = _text(parts) + f"Vid protokollet: Anna {_letters(next(uploads))}\n"  # each upload a new file
        token = csrf_token_from(client.get("/documents/").get_data(as_text=True))
        response = client.post("/documents/upload", data={
            "csrf_token": token, "files": [(io.BytesIO(text.encode("utf-8")), "minnesanteckningar.txt")]},
            content_type="multipart/form-data")
        shown_at = re.fullmatch(r".*/documents/(\d+)", response.headers.get("Location", ""))
        assert response.status_code == 302 and shown_at, "the upload was refused"
        run_imports()  # read by the scheduler's import job, as in production
        document = db.session.get(Document, int(shown_at.group(1)))
        page = client.get(f"/documents/{document.id}").get_data(as_text=True)
        shown = {int(n): html.unescape(line) for n, line in PAGE_LINE.findall(page)}
        own = LINE_END.split(text)
        assert [shown[n] for n in sorted(shown)] == own[:len(shown)] and len(shown) == len(own) - 1
        for proposal in document.proposals:
            if proposal.evidence_line:
                assert shown[proposal.evidence_line].strip() == proposal.evidence_text, (proposal.kind, text)
                assert f'href="#L{proposal.evidence_line}"' in page
                cited.append(proposal.evidence_line)

    check()
    assert cited, "no proposal cited a line: the property was never checked"
