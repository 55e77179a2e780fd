"""Issue 15.8 (duplicates) and 15.11 (file names): uploads of one organization tell nothing of another's.

Before: org A's upload of a file org B already had said "redan uppladdad" (so A learnt B has it) and was
not imported for A; a 600-byte file name answered 500, and in a batch the file after it was dropped.
"""

from __future__ import annotations

import io

from planner.db import db
from planner.models import Document
from planner.schedule.orgs import get_or_create_organization
from tests.conftest import EXAMPLES, csrf_token_from
from tests.review_helpers import run_imports

MINUTES = (EXAMPLES / "kustkommunerna-styrgrupp-2026-10-16.txt").read_bytes()


def _upload(client, *files: tuple[bytes, str]) -> str:
    token = csrf_token_from(client.get("/documents/").get_data(as_text=True))
    response = client.post("/documents/upload", content_type="multipart/form-data", follow_redirects=True,
                           data={"csrf_token": token, "files": [(io.BytesIO(data), name) for data, name in files]})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_same_file_in_two_organizations_is_imported_for_each_and_leaks_nothing(client, login) -> None:
    kust = get_or_create_organization("Kustkommunerna")
    other = get_or_create_organization("Södertörnskommunerna")
    db.session.commit()
    login("secretary", org=other, email="sara@sodertorn.se")
    assert "mottagen, läses in nu" in _upload(client, (MINUTES, "hemligt-namn-hos-b.txt"))

    login("secretary", org=kust, email="lena@kust.se")
    page = _upload(client, (MINUTES, "styrgrupp.txt"))
    assert "styrgrupp.txt: mottagen, läses in nu" in page
    assert "redan uppladdad" not in page and "hemligt-namn-hos-b" not in page
    assert run_imports() == 2
    documents = db.session.scalars(db.select(Document).order_by(Document.id)).all()
    assert [(d.organization_id, d.filename) for d in documents] == [(other.id, "hemligt-namn-hos-b.txt"),
                                                                    (kust.id, "styrgrupp.txt")]
    assert all(d.text.startswith("Kustkommunerna") and d.proposals for d in documents)
    assert documents[0].stored_path != documents[1].stored_path  # each organization keeps its own copy

    # Within one organization a second copy is still recognised, and named.
    again = _upload(client, (MINUTES, "kopia.txt"))
    assert "kopia.txt är redan uppladdad (som styrgrupp.txt)" in again


def test_the_command_line_import_is_per_organization_too(runner, tmp_path) -> None:
    path = tmp_path / "styrgrupp.txt"
    path.write_bytes(MINUTES)
    first = runner.invoke(args=["import", str(path), "--org", "Södertörnskommunerna"])
    second = runner.invoke(args=["import", str(path), "--org", "Kustkommunerna"])
    third = runner.invoke(args=["import", str(path), "--org", "Kustkommunerna"])
    assert "imported styrgrupp.txt" in first.output and "imported styrgrupp.txt" in second.output
    assert "skipped" in third.output
    assert db.session.scalar(db.select(db.func.count(Document.id))) == 2


def test_a_600_byte_file_name_is_refused_and_the_next_file_still_imports(client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    long_name = "å" * 297 + ".txt"  # 598 + 4 bytes in UTF-8, 301 characters
    page = _upload(client, (b"Kustkommunerna styrgrupp\n" * 3, long_name), (MINUTES, "styrgrupp.txt"))
    assert "Filnamnet är för långt" in page
    assert "styrgrupp.txt: mottagen, läses in nu" in page
    assert run_imports() == 1
    assert [d.filename for d in db.session.scalars(db.select(Document))] == ["styrgrupp.txt"]


def test_a_long_but_allowed_file_name_is_kept_whole(client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    name = "protokoll-" + "x" * 200 + ".txt"
    assert f"{name}: mottagen" in _upload(client, (MINUTES, name))
    assert db.session.scalar(db.select(Document.filename)) == name
