"""Årshjul: server render time for a wheel with 1,000 items, and time to a painted, interactive wheel.

Goals (issue 6): ≤ 100 ms to render on the server, ≤ 1 s to a painted, interactive wheel in
chromium. The issue names no peer; as a naive baseline the same 1,000 items are drawn as a
matplotlib polar scatter plot saved as SVG (no lanes, no labels, no legend, no list), in the
same run, and the ratio is printed.

    .venv/bin/python -m bench.bench_wheel
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STHLM = ZoneInfo("Europe/Stockholm")
YEAR = 2027
ITEMS = 1000
RUNS = 15
FCP_JS = """new Promise(done => {
  new PerformanceObserver(list => {
    const e = list.getEntries().find(x => x.name === 'first-contentful-paint');
    if (e) done(e.startTime);
  }).observe({type: 'paint', buffered: true});
})"""


def _populate() -> None:
    """1,000 reviewed items over six bodies: meetings, deadlines, periods, a series and holidays."""
    import random

    from planner.db import db
    from planner.models import Body, Event, Organization

    rnd = random.Random(6)
    org = Organization(name="Bänkkommunerna", slug="bankkommunerna")
    bodies = [Body(organization=org, name=f"Grupp {n}", slug=f"grupp-{n}") for n in range(1, 7)]
    db.session.add_all([org, *bodies])
    db.session.flush()
    made = 0
    while made < ITEMS:
        day = dt.date(YEAR, 1, 1) + dt.timedelta(days=rnd.randrange(365))
        body = rnd.choice(bodies + [None])
        kind = rnd.choices(["meeting", "deadline", "period", "holiday"], [70, 15, 10, 5])[0]
        if kind == "meeting":
            start = dt.datetime.combine(day, dt.time(rnd.choice([9, 10, 13, 14]), rnd.choice([0, 30])), STHLM)
            event = Event(organization=org, body=body, title=f"Möte {made}", kind="meeting", start_at=start,
                          end_at=start + dt.timedelta(hours=2), status=rnd.choice(["confirmed"] * 8 + ["cancelled"]))
        else:
            last = day + dt.timedelta(days=rnd.randrange(3, 40)) if kind in ("period", "holiday") else day
            event = Event(organization=org, body=body, title=f"{kind.capitalize()} {made}",
                          kind="meeting" if kind == "period" else kind, all_day=True, start_date=day, end_date=last)
        db.session.add(event)
        made += 1
    db.session.commit()


def _ms(samples: list[float]) -> str:
    median, low, high = (statistics.median(samples) * 1000, min(samples) * 1000, max(samples) * 1000)
    return f"median {median:7.1f} ms  (min {low:.1f}, max {high:.1f})"


def _matplotlib_baseline(data) -> list[float]:
    """The naive peer: one polar scatter of the same items, saved as SVG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from planner.wheel.geometry import day_angle, year_span

    span = year_span(data.year)
    rings = {r.key: i for i, r in enumerate(data.rings)}
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fig = plt.figure(figsize=(11.69, 8.27))
        ax = fig.add_subplot(projection="polar")
        ax.set_theta_zero_location("N")
        ax.set_theta_direction(-1)
        thetas = [day_angle(span, i.start) * 3.14159265 / 180 for i in data.items]
        radii = [rings.get(i.ring, len(rings)) + 1 for i in data.items]
        ax.scatter(thetas, radii, s=12)
        for item, theta, radius in zip(data.items, thetas, radii, strict=True):
            ax.annotate(item.title, (theta, radius), fontsize=4)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")
        plt.close(fig)
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    from planner import create_app
    from planner.db import db
    from planner.models import Organization, User
    from planner.wheel.collect import collect
    from planner.wheel.export import export
    from planner.wheel.svg import render

    folder = Path(tempfile.mkdtemp(prefix="bench-wheel-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    config = {"TESTING": True, "DATABASE_URL": url, "INSTANCE_PATH": str(folder), "SECRET_KEY": "bench",
              "WTF_CSRF_ENABLED": False}
    app = create_app(config)
    with app.app_context():
        from flask_migrate import upgrade

        upgrade(directory=app.config["MIGRATIONS_DIR"])
        _populate()
        user = User(email="bench@example.se", role="viewer")
        user.set_password("bench-lösen")
        db.session.add(user)
        db.session.commit()
        org = db.session.scalar(db.select(Organization))

        data = collect(org, YEAR)
        items = len(data.items)
        render_only, collect_render = [], []
        for _ in range(RUNS):
            start = time.perf_counter()
            svg = render(data)
            render_only.append(time.perf_counter() - start)
            start = time.perf_counter()
            svg = render(collect(org, YEAR))
            collect_render.append(time.perf_counter() - start)
        client = app.test_client()
        client.post("/auth/login", data={"email": "bench@example.se", "password": "bench-lösen"})
        page = []
        for _ in range(RUNS):
            start = time.perf_counter()
            response = client.get(f"/arshjul/{org.slug}/{YEAR}")
            page.append(time.perf_counter() - start)
            assert response.status_code == 200
        exports = {}
        for fmt in ("png", "pdf"):
            start = time.perf_counter()
            export(data, fmt)
            exports[fmt] = time.perf_counter() - start
        baseline = _matplotlib_baseline(data)

        load = os.getloadavg()[0]
        print(f"wheel with {items} items ({len(svg) / 1024:.0f} KiB SVG, {len(data.rings)} rings); "
              f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (timings scale with it)")
        print(f"  render SVG from plain data     {_ms(render_only)}")
        print(f"  read events + render SVG       {_ms(collect_render)}   goal ≤ 100 ms")
        print(f"  whole page over HTTP (Flask)   {_ms(page)}")
        print(f"  PNG export {exports['png'] * 1000:.0f} ms, PDF export {exports['pdf'] * 1000:.0f} ms (cairo)")
        print(f"  baseline: matplotlib polar SVG {_ms(baseline)}")
        ratio = statistics.median(baseline) / statistics.median(collect_render)
        print(f"  ratio matplotlib / planner (read + render): {ratio:.1f}×")
        _browser(app, org.slug)


def _browser(app, slug: str) -> None:
    import logging
    import shutil

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, LiveServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # an earlier benchmark may have set INFO

    if not shutil.which(CHROMIUM):
        print(f"  browser: {CHROMIUM} is missing; install Debian's chromium to measure paint and interactivity")
        return
    from playwright.sync_api import sync_playwright

    paint, ready = [], []
    with LiveServer(app) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 860}, locale="sv-SE")
        page = context.new_page()
        page.goto(f"{server.url}/auth/login")
        page.fill("input[name=email]", "bench@example.se")
        page.fill("input[name=password]", "bench-lösen")
        page.click("button[type=submit]")
        for _ in range(5):
            page.goto(f"{server.url}/arshjul/{slug}/{YEAR}")
            page.wait_for_selector(".arshjul-app.is-ready")
            fcp = page.evaluate(FCP_JS)
            paint.append(fcp / 1000)
            ready.append(int(page.get_attribute(".arshjul-app", "data-ready-ms")) / 1000)
        browser.close()
    print(f"  chromium first contentful paint {_ms(paint)}")
    print(f"  chromium interactive (script ready) {_ms(ready)}   goal ≤ 1 s")


if __name__ == "__main__":
    main()
