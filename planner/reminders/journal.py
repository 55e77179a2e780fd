"""The sent journal: "sent" recorded per message in a local file, in the database per batch.

Why: one database UPDATE per sent message cost PostgreSQL about as much CPU as building and
sending the message (0.23 of 0.9 ms, issue 16), and its reply had to be waited for before the next
message's final dot. A line appended to a file (one write(2), no fsync) costs microseconds and
survives the death of the process that wrote it (the kernel has the bytes), so the dispatcher
writes one line right after each 250 and records a whole group in one statement.

The guarantee stays ≤ 1 duplicate per kill: at any instant at most the message whose 250 has not
been read yet is accepted but unrecorded. Whoever takes over a dead dispatcher's rows on this host
(planner.reminders.dispatch.reclaim_dead) first marks the rows in its journal sent, then gives the
rest back. A dispatcher that survives a database error records its journal before giving rows back.

What the file does not cover: a crash of the whole machine (like `synchronous_commit off`, the last
lines may be lost, and those messages go again with the same Message-ID), and another host taking
over after the lease (it cannot read this file; the dispatcher records its group before renewing a
lease, so that only happens when the database stayed away longer than the lease).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

PREFIX, SUFFIX = "sent-", ".log"


def folder(instance_path: str) -> Path:
    return Path(instance_path) / "reminders"


class Journal:
    """One dispatcher's file of sent rows not yet recorded in the database."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self.pending: list[tuple[int, dt.datetime]] = []

    @staticmethod
    def for_worker(instance_path: str, worker: str) -> Journal | None:
        """None when the instance folder is not writable: then every outcome goes to the database at once."""
        try:
            return Journal(folder(instance_path) / f"{PREFIX}{worker}{SUFFIX}")
        except OSError:
            return None

    def add(self, row_id: int, sent_at: dt.datetime) -> None:
        """After the server's 250: from here on a kill repeats nothing for this row."""
        os.write(self.fd, f"{row_id} {sent_at.astimezone(dt.UTC).isoformat()}\n".encode())
        self.pending.append((row_id, sent_at))

    def recorded(self) -> None:
        """The database has every pending row: the file starts afresh."""
        os.ftruncate(self.fd, 0)
        self.pending = []

    def close(self) -> None:
        os.close(self.fd)


def read(path: Path) -> list[tuple[int, dt.datetime]]:
    """The rows a journal names; a line cut off by a kill is ignored (its message went, unrecorded)."""
    entries = []
    for line in path.read_text("ascii", "replace").splitlines():
        parts = line.split(" ")
        if len(parts) != 2 or not parts[0].isdigit():
            continue
        try:
            entries.append((int(parts[0]), dt.datetime.fromisoformat(parts[1])))
        except ValueError:
            continue
    return entries


def others(instance_path: str, me: str) -> dict[str, Path]:
    """Journals of other dispatchers on this host, by worker name."""
    base = folder(instance_path)
    host = socket.gethostname()
    found = {}
    for path in base.glob(f"{PREFIX}{host}:*{SUFFIX}") if base.is_dir() else ():
        worker = path.name[len(PREFIX):-len(SUFFIX)]
        if worker != me:
            found[worker] = path
    return found
