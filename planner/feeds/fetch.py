"""Fetching a calendar by URL without becoming a proxy into the local network.

Only http/https; the host is resolved once, every address must be public (unless the operator
allows private ones), and the connection goes to the vetted address so DNS cannot change its
mind between the check and the request. Size is capped, redirects are re-checked, and the timeout
is one deadline for everything (connect, headers, body, redirects): a watchdog shuts the socket
when it passes, so a server that trickles a byte every few seconds cannot hold an import.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit

from planner.feeds.importer import ImportRefused

MAX_REDIRECTS = 3


def _vetted_address(host: str, port: int, allow_private: bool) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ImportRefused(f"adressen {host} går inte att slå upp: {exc}") from exc
    addresses = [str(info[4][0]) for info in infos]  # (host, port) or IPv6's (host, port, flow, scope)
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not allow_private and not ip.is_global:
            raise ImportRefused(
                f"{host} pekar på en intern adress ({ip}); bara publika adresser hämtas "
                "(ICS_IMPORT_ALLOW_PRIVATE tillåter interna)"
            )
    return addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)


def _cut(conn: http.client.HTTPConnection, expired: threading.Event) -> None:
    """The deadline passed: wake whatever read is blocked on this connection."""
    expired.set()
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def fetch(url: str, *, max_bytes: int, timeout: float, allow_private: bool = False) -> bytes:
    deadline = time.monotonic() + timeout
    too_slow = f"svarade inte inom {timeout:g} sekunder"
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImportRefused(f"bara http- och https-adresser kan hämtas, inte {url!r}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _vetted_address(parts.hostname, port, allow_private)
        left = deadline - time.monotonic()
        if left <= 0:
            raise ImportRefused(f"{parts.hostname} {too_slow}")
        cls = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        conn = cls(parts.hostname, port, address, left)
        expired = threading.Event()
        watchdog = threading.Timer(left, _cut, args=(conn, expired))
        watchdog.daemon = True
        watchdog.start()
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request("GET", path, headers={"User-Agent": "planner-ics-import", "Accept": "text/calendar"})
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location", ""))
                continue
            if response.status != 200:
                raise ImportRefused(f"{parts.hostname} svarade {response.status} {response.reason}")
            declared = response.getheader("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ImportRefused(f"kalendern är för stor ({int(declared) // 1024} kB); "
                                    f"högst {max_bytes // 1024} kB tas emot")
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline or expired.is_set():
                    raise ImportRefused(f"{parts.hostname} {too_slow}")
                chunk = response.read1(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise ImportRefused(f"kalendern är större än {max_bytes // 1024} kB")
                chunks.append(chunk)
            if expired.is_set():  # the watchdog's shutdown looks like the end of the body
                raise ImportRefused(f"{parts.hostname} {too_slow}")
            return b"".join(chunks)
        except (OSError, http.client.HTTPException) as exc:
            if expired.is_set() or isinstance(exc, TimeoutError):
                raise ImportRefused(f"{parts.hostname} {too_slow}") from exc
            raise ImportRefused(f"kunde inte hämta {url}: {exc}") from exc
        finally:
            watchdog.cancel()
            conn.close()
    raise ImportRefused(f"för många omdirigeringar från {url}")
