"""Browser fixtures: the app served on loopback in a thread, driven by Debian's chromium via Playwright.

Playwright's own browser downloads fail here by design; we launch /usr/bin/chromium. If chromium
is missing the test fails saying how to get it (make test installs it).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


class LiveServer:
    def __init__(self, app: Flask) -> None:
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)


@pytest.fixture
def live_server(app: Flask) -> Iterator[LiveServer]:
    app.config["SERVER_NAME"] = None
    with LiveServer(app) as server:
        app.config["BASE_URL"] = server.url
        yield server


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` as root (it installs Debian's chromium)",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium) -> Iterator[object]:
    context = chromium.new_context(viewport={"width": 1366, "height": 860}, locale="sv-SE",
                                   timezone_id="Europe/Stockholm")
    page = context.new_page()
    page.set_default_timeout(10_000)
    # Every browser test is also a check of the Content-Security-Policy: anything it blocked
    # (an inline script or handler, a foreign source) is a broken page, and fails the test.
    blocked: list[str] = []
    page.on("console", lambda msg: blocked.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text else None)
    page.csp_blocked = blocked  # a test that expects a refusal takes it out of this list
    yield page
    context.close()
    assert not blocked, f"the Content-Security-Policy blocked: {blocked}"


def screenshot(page: object, name: str) -> Path:
    """Saved under tests/artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
