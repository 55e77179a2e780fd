"""A real HTTP server on loopback that serves calendars (or misbehaves) for the URL import tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(routes: dict[str, bytes], delay: float = 0.0, trickle: float = 0.0,
            trickle_from: str = "body") -> Iterator[tuple[str, list[str]]]:
    """Yields the base URL and the list of paths requested so far.

    `trickle` seconds between single bytes, from the start of the headers or of the body
    (`trickle_from`): a server that is never quite silent, so no per-read timeout ever fires.
    """
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.path)
            if delay:
                time.sleep(delay)
            body = routes.get(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            if body.startswith(b"REDIRECT "):
                self.send_response(302)
                self.send_header("Location", body[9:].decode())
                self.end_headers()
                return
            if trickle:
                self._trickle(body)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up first, which is what the timeout test wants

        def _trickle(self, body: bytes) -> None:
            head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: {len(body)}\r\n"
                    "X-Padding: " + "x" * 200 + "\r\n\r\n").encode()
            if trickle_from == "body":
                self.wfile.write(head)
                head = b""
            try:
                for index in range(len(head + body)):
                    self.wfile.write((head + body)[index:index + 1])
                    self.wfile.flush()
                    time.sleep(trickle)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()
