/* The årshjul's interaction, plain JavaScript: tooltip, details, ring toggles, zoom, list in step.
   The wheel and the list are drawn by the server; this only shows, hides and points. */
(function () {
  "use strict";

  function init(app) {
    var svg = app.querySelector("svg.arshjul");
    if (!svg) return;
    var data = {};
    JSON.parse(app.querySelector("#wheel-items").textContent).forEach(function (row) { data[row.key] = row; });
    var tip = app.querySelector("#wheel-tip");
    var details = app.querySelector("#wheel-details");
    var fullBox = svg.getAttribute("viewBox");
    var hiddenRings = {};
    var zoomRange = null; // [startIso, endIso) of the zoomed part of the year
    var lastZoom = null;

    function entryFor(key) { return app.querySelector('.entry[data-key="' + cssEscape(key) + '"]'); }
    function markFor(key) { return svg.querySelector('.item[data-key="' + cssEscape(key) + '"]'); }
    function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, "\\$&"); }

    // Tooltip: our own, so the browser's slow native one (from <title>) is set aside while hovering.
    function showTip(mark, x, y) {
      var row = data[mark.getAttribute("data-key")];
      if (!row) return;
      tip.textContent = "";
      var strong = document.createElement("strong");
      strong.textContent = row.title;
      var when = document.createElement("span");
      when.textContent = row.when + (row.status !== "confirmed" && row.status_label ? " · " + row.status_label : "");
      var meta = document.createElement("span");
      meta.className = "tip-meta";
      meta.textContent = [row.kind_label, row.body, row.location].filter(Boolean).join(" · ");
      tip.append(strong, when, meta);
      if (row.status === "cancelled") tip.classList.add("is-cancelled"); else tip.classList.remove("is-cancelled");
      tip.hidden = false;
      placeTip(x, y);
    }
    function placeTip(x, y) {
      var w = tip.offsetWidth, h = tip.offsetHeight;
      var left = Math.min(x + 14, window.innerWidth - w - 8);
      var top = y + 16 + h > window.innerHeight ? y - h - 12 : y + 16;
      tip.style.left = Math.max(8, left) + "px";
      tip.style.top = Math.max(8, top) + "px";
    }
    function hideTip() { tip.hidden = true; }

    svg.addEventListener("mouseover", function (ev) {
      var mark = ev.target.closest(".item");
      if (!mark) return;
      var title = mark.querySelector("title");
      if (title && title.textContent) { mark.setAttribute("data-title", title.textContent); title.textContent = ""; }
      mark.classList.add("is-hover");
      var entry = entryFor(mark.getAttribute("data-key"));
      if (entry) entry.classList.add("is-hover");
      showTip(mark, ev.clientX, ev.clientY);
    });
    svg.addEventListener("mousemove", function (ev) { if (!tip.hidden) placeTip(ev.clientX, ev.clientY); });
    svg.addEventListener("mouseout", function (ev) {
      var mark = ev.target.closest(".item");
      if (!mark || (ev.relatedTarget && mark.contains(ev.relatedTarget))) return;
      var title = mark.querySelector("title");
      if (title && mark.hasAttribute("data-title")) title.textContent = mark.getAttribute("data-title");
      mark.classList.remove("is-hover");
      var entry = entryFor(mark.getAttribute("data-key"));
      if (entry) entry.classList.remove("is-hover");
      hideTip();
    });

    // Details: a click on a mark or a list entry opens the same panel and marks both.
    function open(key, fromList) {
      var row = data[key];
      if (!row) return;
      app.querySelectorAll(".is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
      var mark = markFor(key), entry = entryFor(key);
      if (mark) mark.classList.add("is-selected");
      if (entry) {
        entry.classList.add("is-selected");
        if (!fromList) entry.scrollIntoView({block: "nearest", behavior: "smooth"});
      }
      details.querySelector(".details-kind").textContent = row.heading;
      var title = details.querySelector(".details-title");
      title.textContent = row.title;
      title.classList.toggle("is-cancelled", row.status === "cancelled");
      details.querySelector(".details-when").textContent = row.when;
      setField("body", row.body);
      setField("location", row.location);
      setField("status", row.status !== "confirmed" ? row.status_label : "");
      var source = details.querySelector(".details-source");
      var link = source.querySelector("a");
      if (row.source_url) {
        link.href = row.source_url;
        link.textContent = "Visa i protokollet" + (row.source_label ? " (" + row.source_label + ")" : "");
        source.hidden = false;
      } else {
        source.hidden = true;
      }
      details.hidden = false;
      if (fromList) details.focus({preventScroll: true});
    }
    function setField(name, value) {
      details.querySelector(".details-" + name).textContent = value || "";
      details.querySelector(".details-" + name).hidden = !value;
      details.querySelector(".details-" + name + "-label").hidden = !value;
    }
    svg.addEventListener("click", function (ev) {
      var mark = ev.target.closest(".item");
      if (mark) { hideTip(); open(mark.getAttribute("data-key"), false); }
    });
    app.querySelectorAll(".entry-open").forEach(function (button) {
      var entry = button.closest(".entry");
      button.addEventListener("click", function () { opener = button; open(entry.getAttribute("data-key"), true); });
      button.addEventListener("mouseenter", function () {
        var mark = markFor(entry.getAttribute("data-key"));
        if (mark) mark.classList.add("is-hover");
      });
      button.addEventListener("mouseleave", function () {
        var mark = markFor(entry.getAttribute("data-key"));
        if (mark) mark.classList.remove("is-hover");
      });
    });
    var opener = null;  // the list button that opened the details gets the focus back
    function closeDetails() {
      if (details.hidden) return;
      details.hidden = true;
      if (opener) { opener.focus(); opener = null; }
    }
    details.querySelector(".details-close").addEventListener("click", closeDetails);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { closeDetails(); hideTip(); } });

    // Ring toggles hide a ring on the wheel and its entries in the list.
    app.querySelectorAll("[data-ring-toggle]").forEach(function (box) {
      box.addEventListener("change", function () {
        var ring = box.getAttribute("data-ring-toggle");
        hiddenRings[ring] = !box.checked;
        svg.querySelectorAll('.ring[data-ring="' + cssEscape(ring) + '"]').forEach(function (g) {
          g.classList.toggle("is-hidden", !box.checked);
        });
        svg.querySelectorAll('.item[data-ring="' + cssEscape(ring) + '"]').forEach(function (g) {
          g.classList.toggle("is-hidden", !box.checked);
        });
        syncList();
      });
    });

    // Zoom: the viewBox closes in on a quarter or a month of the wheel; the list follows.
    var months = Array.prototype.slice.call(svg.querySelectorAll(".month"));
    var crop = app.querySelector(".wheel-crop");
    function zoomTo(first, last) {
      if (first === null) {
        zoomRange = null;
        crop.style.maxWidth = "";
        svg.setAttribute("viewBox", fullBox);
        app.classList.remove("is-zoomed");
      } else {
        lastZoom = [first, last];
        var a0 = parseFloat(months[first].getAttribute("data-a0"));
        var a1 = parseFloat(months[last].getAttribute("data-a1"));
        if (first === last) { a0 -= 3; a1 += 6; }  // a month's labels run on clockwise past its end
        var cx = parseFloat(svg.getAttribute("data-cx")), cy = parseFloat(svg.getAttribute("data-cy"));
        var r = parseFloat(svg.getAttribute("data-r")) + 10;
        var inner = last - first >= 2 ? 0 : r * 0.22;
        var xs = [], ys = [];
        if (last - first >= 2) {  // a quarter keeps the whole centre disc, so its title is not cut
          var rc = parseFloat(svg.getAttribute("data-rc")) || 0;
          xs.push(cx - rc, cx + rc); ys.push(cy - rc, cy + rc);
        }
        for (var a = a0; a <= a1 + 0.01; a += (a1 - a0) / 24) {
          var rad = a * Math.PI / 180;
          [inner, r].forEach(function (rr) { xs.push(cx + rr * Math.sin(rad)); ys.push(cy - rr * Math.cos(rad)); });
        }
        var x = Math.min.apply(null, xs), y = Math.min.apply(null, ys);
        var w = Math.max.apply(null, xs) - x, h = Math.max.apply(null, ys) - y;
        var pad = 12;
        svg.setAttribute("viewBox", [x - pad, y - pad, w + 2 * pad, h + 2 * pad].map(function (v) { return v.toFixed(1); }).join(" "));
        // the box takes the zoomed part's own proportions, so nothing outside it shows at the sides
        crop.style.maxWidth = "min(100%, calc((100vh - 3rem) * " + ((w + 2 * pad) / (h + 2 * pad)).toFixed(3) + "))";
        var startMonth = months[first], endMonth = months[last];
        zoomRange = [monthStart(startMonth), monthEnd(endMonth)];
        app.classList.add("is-zoomed");
      }
      syncList();
    }
    var firstMonth = parseInt(app.getAttribute("data-first-month"), 10);
    var year = parseInt(app.getAttribute("data-year"), 10);
    function monthStart(el) {
      var m = parseInt(el.getAttribute("data-month"), 10);
      var y = m < firstMonth ? year + 1 : year;
      return y + "-" + String(m).padStart(2, "0") + "-01";
    }
    function monthEnd(el) {
      var m = parseInt(el.getAttribute("data-month"), 10);
      var y = m < firstMonth ? year + 1 : year;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
      return y + "-" + String(m).padStart(2, "0") + "-01";
    }
    app.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var z = button.getAttribute("data-zoom");
        setPressed(button);
        app.querySelector("#wheel-month").value = "";
        if (z === "year") zoomTo(null);
        else { var q = parseInt(z.slice(1), 10) - 1; zoomTo(q * 3, q * 3 + 2); }
      });
    });
    app.querySelector("#wheel-month").addEventListener("change", function (ev) {
      var i = parseInt(ev.target.value, 10);
      setPressed(null);
      if (isNaN(i)) { setPressed(app.querySelector('[data-zoom="year"]')); zoomTo(null); }
      else focusMonth(i - 1);
    });
    // Month by month: the arrows (and a swipe on a phone) step the zoom one month on.
    var zoomedMonth = null;
    function focusMonth(i) {
      i = (i + 12) % 12;
      zoomedMonth = i;
      setPressed(null);
      app.querySelector("#wheel-month").value = String(i + 1);
      zoomTo(i, i);
    }
    function step(by) {
      if (zoomedMonth === null) focusMonth(zoomRange && lastZoom ? lastZoom[0] : currentMonth());  // first a month
      else focusMonth(zoomedMonth + by);
    }
    function currentMonth() {
      var today = svg.querySelector(".today");
      if (!today) return 0;
      var m = parseInt(today.getAttribute("data-date").slice(5, 7), 10);
      return (m - firstMonth + 12) % 12;
    }
    app.querySelectorAll("[data-step]").forEach(function (button) {
      button.addEventListener("click", function () { step(parseInt(button.getAttribute("data-step"), 10)); });
    });
    var touchX = null;
    crop.addEventListener("touchstart", function (ev) { touchX = ev.touches.length === 1 ? ev.touches[0].clientX : null; },
                          {passive: true});
    crop.addEventListener("touchend", function (ev) {
      if (touchX === null || !ev.changedTouches.length) return;
      var dx = ev.changedTouches[0].clientX - touchX;
      touchX = null;
      if (Math.abs(dx) > 50) step(dx < 0 ? 1 : -1);  // swipe left: the next month, as a page turns
    }, {passive: true});
    function setPressed(button) {
      if (button !== null) zoomedMonth = null;
      app.querySelectorAll("[data-zoom]").forEach(function (b) {
        b.classList.toggle("is-active", b === button);
        b.setAttribute("aria-pressed", b === button ? "true" : "false");
      });
    }

    // The list shows exactly what the wheel shows: same rings, same part of the year.
    function syncList() {
      var shown = 0;
      app.querySelectorAll(".entry").forEach(function (entry) {
        var ring = entry.getAttribute("data-ring");
        var visible = !hiddenRings[ring];
        if (visible && zoomRange) {
          visible = entry.getAttribute("data-end") >= zoomRange[0] && entry.getAttribute("data-start") < zoomRange[1];
        }
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      app.querySelectorAll(".wheel-month").forEach(function (section) {
        var any = section.querySelector(".entry:not([hidden])");
        var empty = !section.querySelector(".entry");
        var inZoom = true;
        if (zoomRange) {
          var idx = parseInt(section.getAttribute("data-month-index"), 10) - 1;
          var start = monthStart(months[idx]);
          inZoom = start >= zoomRange[0] && start < zoomRange[1];
        }
        section.hidden = !(inZoom && (any || empty));
      });
      var count = app.querySelector("[data-count]");
      if (count) count.textContent = shown;
    }

    app.querySelectorAll("select[data-goto]").forEach(function (select) {
      select.addEventListener("change", function () { window.location.href = select.value; });
    });
    // Paper gets the whole drawing with its legend, whatever part of the year is on screen.
    window.addEventListener("beforeprint", function () {
      app.querySelectorAll(".is-selected, .is-hover").forEach(function (el) { el.classList.remove("is-selected", "is-hover"); });
      if (zoomRange) { svg.setAttribute("viewBox", fullBox); app.classList.remove("is-zoomed"); }
    });
    window.addEventListener("afterprint", function () {
      if (zoomRange && lastZoom) zoomTo(lastZoom[0], lastZoom[1]);
    });
    var printButton = app.querySelector("[data-print]");
    if (printButton) printButton.addEventListener("click", function () { window.print(); });
    // A phone shows a month at a time, large enough to read; "Helår" is the overview.
    if (window.matchMedia && window.matchMedia("(max-width: 640px)").matches) focusMonth(currentMonth());
    app.classList.add("is-ready");
    app.setAttribute("data-ready-ms", Math.round(performance.now()));  // read by bench/bench_wheel.py
  }

  function start() { document.querySelectorAll(".arshjul-app").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
